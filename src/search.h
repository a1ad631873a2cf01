/* search.h — the search for one task: a driver (search.c) shares the task's budget among layers
 * and merges their candidates, arc-dsl program texts with their size, train pairs reproduced
 * and closeness. A layer is one function of the search_layer_fn shape; the grid layer
 * (search_grid.c) is a breadth-first search over grid programs through the batch backend.
 * search_run.c runs the search over a task set for the runner (arc_run_search). */
#ifndef ARC_SEARCH_H
#define ARC_SEARCH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "arcbatt.h"
#include "backend/backend.h"
#include "gprog.h"

/* A candidate program for a task. */
typedef struct search_cand {
	char *text;           /* canonical body, as program_body writes it (malloc'd) */
	uint32_t size;        /* its instructions (nodes) */
	uint32_t train_exact; /* train pairs it reproduces */
	double closeness;     /* mean closeness over the train pairs (0 for a failure) */
} search_cand;
void search_cands_free(search_cand *c, size_t n);
/* Appends a candidate that reproduces every train pair (ntrain of them, closeness 1) with
 * text (malloc'd, owned from now on: freed on failure) and size to *out (*n). False when out
 * of memory or text is NULL. */
bool search_cands_push_solved(search_cand **out, size_t *n, char *text, uint32_t size, int ntrain);

/* Whether two candidate lists are the same, field for field (closeness bit for bit): how the
 * tests compare backends, batch sizes and thread counts. */
bool search_cands_same(const search_cand *a, size_t na, const search_cand *b, size_t nb);

/* The order of candidates: more train pairs reproduced first; among programs that reproduce
 * every pair, fewer nodes, then closeness; otherwise closeness, then fewer nodes; then text.
 * It agrees with the runner's ranking (arc_rank_compare) on every pair it decides. */
int search_cand_cmp(const search_cand *a, const search_cand *b, int ntrain);

/* What one layer may spend on a task. */
typedef struct search_budget {
	uint64_t nodes;       /* candidates evaluated on every input */
	double deadline;      /* monotonic seconds (search_now) at which to stop; 0: none */
	size_t memory;        /* bytes of tables */
} search_budget;

/* A layer's input: the task, the options, and the backend its batches run on. */
typedef struct search_in {
	const arc_task *task;
	const arc_search_opts *opts;
	backend *be;
} search_in;

/* A layer: appends at most in->opts->keep candidates to *out (*n of them, malloc'd) and adds
 * what it did to *st (evaluated, applied, distinct, depth, memory_hit, time_hit). Running out
 * of budget, time or memory is not an error. */
typedef arc_status (*search_layer_fn)(const search_in *in, const search_budget *b,
                                      search_cand **out, size_t *n, arc_search_stats *st,
                                      arc_error *err);

/* Searches task t: every layer in turn on its share of the budget (what a layer leaves goes to
 * the next), the candidates merged, de-duplicated by text, sorted by search_cand_cmp and cut
 * to opts->keep. deadline: monotonic seconds (0: none), on top of opts->seconds. */
arc_status search_task(const arc_task *t, const arc_search_opts *o, backend *be, double deadline,
                       search_cand **out, size_t *n, arc_search_stats *st, arc_error *err);

/* The grid layer (search_grid.c). */
arc_status search_grid(const search_in *in, const search_budget *b, search_cand **out,
                       size_t *n, arc_search_stats *st, arc_error *err);
/* The enumeration layer (search_enum.c over enum.c): general arc-dsl programs bottom up. */
arc_status search_enum(const search_in *in, const search_budget *b, search_cand **out,
                       size_t *n, arc_search_stats *st, arc_error *err);

/* Augmentation (search_augment.c): layer `run` on the task under rigid transform t (1..7, gprog.def's
 * numbering) of every grid; the programs that reproduce every transformed train pair come
 * back as t(I), the program, then t's inverse, appended to *out (*n) as `run` appends. */
arc_status search_augmented(const search_in *in, search_layer_fn run, int t,
                            const search_budget *b, search_cand **out, size_t *n,
                            arc_search_stats *st, arc_error *err);

/* A canonical body being written: lines printed onto f (gprog_print numbering variables from
 * next on), then closed, the last line's variable renamed O. */
typedef struct search_text {
	FILE *f;      /* the lines so far (a memory stream) */
	char *buf;    /* its text once closed */
	size_t len;
	int next;     /* the next variable number */
} search_text;
bool search_text_open(search_text *b);
/* Ends the body: the last line (which assigns x<last>) assigns O, then "return O"; *text
 * (malloc'd) and *size (its instructions). False when out of memory or last is 0. */
bool search_text_close(search_text *b, int last, char **text, uint32_t *size);

/* Writes grid program p (at least one op) as a canonical body into *text (malloc'd) and its
 * instruction count into *size. False when out of memory. */
bool search_gprog_text(const gprog *p, char **text, uint32_t *size);

/* Monotonic seconds. */
double search_now(void);

#endif
