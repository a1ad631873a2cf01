/* search_grid.h — the grid layer's tables (search_grid.c), shared with the composition of
 * partial results (search_compose.c). */
#ifndef ARC_SEARCH_GRID_H
#define ARC_SEARCH_GRID_H

#include "search.h"

/* Inputs (train and test) a task may have for this layer; ARC's have at most a dozen. */
#define MAX_INPUTS 64

typedef struct gstate {
	gprog prog;        /* the program (its first `depth` ops) */
	uint64_t off;      /* its grids in the store: per input h, w, then h * w cells */
	uint64_t hash;     /* of the whole vector */
	double closeness;  /* mean over the train pairs */
	uint32_t size;     /* program nodes */
	uint16_t exact;    /* train pairs reproduced */
	uint8_t depth;     /* ops */
} gstate;

typedef struct gsearch {
	const arc_task *t;
	const search_budget *b;
	int ni, ntrain;           /* inputs: the train inputs, then the test inputs */
	gstate *st;               /* states; st[0] is the inputs themselves */
	size_t nst, capst;
	uint8_t *store;           /* the states' grids */
	size_t nstore, capstore;
	uint32_t *tab;            /* open addressing on the vector hash: state index + 1, 0 empty */
	size_t tcap;
	gprog *ops;               /* the one-op programs tried on every state */
	uint32_t *opsize;         /* their nodes */
	size_t nops;
	uint8_t *op_shape;        /* with ARC_SEARCH_SHAPE on a task of same-shape pairs: per op, 1
	                           * where at depth 1 it gave a grid of every input's shape */
	uint64_t nodes;           /* candidates evaluated */
	bool stop;                /* budget, time or memory ran out */
	arc_search_stats *stats;
} gsearch;

/* Bits of the vector hash kept (64 but in tests, which narrow it so that different vectors
 * share hashes: no result depends on it, equality being checked in full). */
extern unsigned search_grid_hash_bits;

/* The grids of state s, one after the other: per input h, w, then h * w cells. */
static inline const uint8_t *gstate_grids(const gsearch *g, size_t s)
{
	return g->store + g->st[s].off;
}

/* Candidates stacking states (search_compose.c): at each cell the first piece of the stack that
 * is opaque there (not 0, or not its grid's most common colour), else the bottom piece, built
 * greedily under each state right on every cell it colours (the 32 that colour most of each
 * kind) from the 1024 states most right, for the tasks whose every train output such a stack
 * of at most search_compose_pieces reproduces while no single state does. At most `max` of
 * them (stacks transparent at 0 alone first, then the fewest pieces first), appended to *out
 * (*n). False when out of memory. */
bool search_compose(const gsearch *g, search_cand **out, size_t *n, size_t max);

/* Pieces a stack holds at most (2 to 4, default 4; tests lower it to 2). */
extern unsigned search_compose_pieces;

/* Candidates recolouring a state: one whose results have the train outputs' shapes and map
 * onto them by one colour map (every cell of colour c becomes f(c), the same f on every train
 * pair, and every colour of its test results in f's domain), with the map applied, for the
 * tasks no single state reproduces. The smallest `max` of them (program nodes), appended to *out (*n). False when
 * out of memory. */
bool search_recolor(const gsearch *g, search_cand **out, size_t *n, size_t max);

/* Candidates recolouring the objects of the task's inputs (search_objmap.c), for the tasks
 * whose every train output has its input's shape: a split of each input into objects (also the
 * background's regions) and a feature of an object (size, its rank, size == v, largest,
 * smallest, height, width, bordering, square, ring, even size, adjacent to colour c), or the
 * pair of one with largest, smallest or bordering, such that one map, value -> kept or a colour,
 * explains every object of every train pair and knows every test object's value, printed as
 * the split and a fill per moved value.
 * The `max` smallest (program nodes) of different test outputs, appended to *out (*n). False
 * when out of memory. */
bool search_objmap(const arc_task *t, search_cand **out, size_t *n, size_t max);

#endif
