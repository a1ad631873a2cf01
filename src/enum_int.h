/* enum_int.h — what the enumeration's files share (enum.c: the value table and the growth by
 * size; enum_prims.c: which primitives and arguments are tried; enum_out.c: scoring, ranking
 * and printing the candidates). Internal to the enum*.c files. */
#ifndef ARC_ENUM_INT_H
#define ARC_ENUM_INT_H

#include "dsl.h"
#include "enum.h"

#define ENUM_MAX_SIZE 12 /* largest max_size accepted */
#define ENUM_FN_MAX 2    /* largest function value built (compose, fork, rbind, ...), in nodes */
#define ENUM_KEEP_BYTES ((size_t)16 << 10) /* arena bytes per input a kept value may take */

/* What a function value takes and gives, as far as the enumeration knows (T_ANY: unknown). */
typedef struct fsig {
	uint8_t arity;  /* parameters */
	uint8_t ret;    /* dsl_type of the result */
	uint8_t par[3]; /* dsl_type of each parameter */
} fsig;

typedef enum ent_kind { EK_INPUT, EK_CONST, EK_PRIM, EK_CALL } ent_kind;

/* One kept value vector: how it is made and what shapes it has on the inputs. */
typedef struct ent {
	uint64_t hash;     /* of the value vector (vec_hash) */
	uint32_t shapes;   /* OR over the inputs of dsl_value_shape */
	uint32_t eshapes;  /* containers: OR of the elements' shapes over the inputs; else 0 */
	uint32_t arg[4];   /* EK_CALL: the argument entries */
	uint16_t op;       /* EK_CALL, EK_PRIM: primitive id; EK_CONST: constant id */
	uint8_t kind;      /* ent_kind */
	uint8_t nargs;     /* EK_CALL: arguments */
	uint16_t size;     /* calls as a tree (leaves 0) */
	bool invariant;    /* the same value on every input (no I below it) */
	uint16_t pal;      /* grids: the colours 0..9 present on some input (bit c); else 0 */
	uint16_t hmax, wmax; /* grids: the largest height and width over the inputs; else 0 */
	bool out_colour;   /* EK_CONST: an integer that is a colour of some train output */
	fsig sig;          /* function values: what they take and give */
} ent;

/* Parameter classes: a dsl_type (a non-function value every input of which fits the type) or
 * a function of some arity. */
enum { ENUM_CLS_FN1 = T_COUNT, ENUM_CLS_FN2, ENUM_CLS_FNB, ENUM_NCLS };

/* ---- enum_prims.c: the policy ---- */

/* The primitives applied at each size, most useful first; the others are never applied. */
extern const uint16_t enum_order[];
extern const size_t enum_norder;
/* Primitive p is offered as a function value (a leaf). */
bool enum_prim_leaf(int p);
/* The class of parameter k of primitive p. */
int enum_param_class(int p, int k);
/* Entry e may be passed where class cls is expected. */
bool enum_class_admits(int cls, const ent *e);
/* The arguments a[0..arity) of p fit together (a function's parameter and result types
 * against the other arguments). */
bool enum_args_fit(int p, const ent *const *a);
/* Nodes a call of p counts for beyond its own: compose's and fork's functions make them one
 * more, so that the many compositions of primitives do not crowd out everything else at size 1. */
unsigned enum_prim_extra(int p);
/* p returns a function (its calls are limited to ENUM_FN_MAX nodes). */
bool enum_makes_function(int p);
/* p may be applied to arguments none of which depends on the input: constants come from the
 * task (and pairs of them, blank canvases and functions), not from arithmetic on constants. */
bool enum_invariant_ok(int p);
/* Swapping the two arguments of p gives the same value. */
bool enum_commutative(int p);
/* The signature of the function value p(a...) made (p returns a function). */
fsig enum_result_sig(int p, const ent *const *a, value v);
/* The signature of primitive p as a value. */
fsig enum_prim_sig(int p);

/* ---- enum_out.c: candidates ---- */

/* A grid-valued entry and how it did on the train pairs. */
typedef struct escore {
	uint32_t ent;
	uint32_t exact;
	double closeness;
} escore;

/* The grid of v as a task grid when it is one (1..30 x 1..30, colours 0..9). */
bool enum_task_grid(value v, arc_grid *out);
/* Scores the vector vals (one value per input, train inputs first) against t's train outputs;
 * false when some value is not a task grid (then it cannot be a program's output). */
bool enum_score(const arc_task *t, const value *vals, escore *sc);
/* The best max candidates of the scored entries sc[0..nsc) (sorted in place), in enum_task's
 * order, with their texts and outputs (vals: nin values per entry). ARC_E_NOMEM. */
arc_status enum_rank(const ent *ents, const value *vals, int nin, escore *sc, size_t nsc,
                     size_t max, enum_cand **cands, size_t *n);

#endif
