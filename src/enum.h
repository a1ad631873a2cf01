/* enum.h — typed bottom-up enumeration of arc-dsl programs for one task (issue 12): values are
 * vectors over every input of the task (train and test), grown by program size, one kept per
 * distinct vector (observational equivalence); grid-valued ones are scored against the train
 * outputs and returned as straight-line arc-dsl bodies. */
#ifndef ARC_ENUM_H
#define ARC_ENUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arcbatt.h"

typedef struct enum_opts {
	uint64_t max_evals;   /* budget: primitive applications (one call on one input = 1): deterministic */
	size_t max_bytes;     /* cap on the values kept for observational equivalence (their
	                         payloads and the tables); the calls' scratch arena, reset per
	                         candidate, comes on top: (inputs + 1) x eval_bytes at most */
	unsigned max_size;    /* largest program, in nodes (calls) */
	size_t max_cands;     /* candidates returned at most */
	size_t stop_exact;    /* stop after the size at which this many candidates reproduce every
	                         train pair (0: never; larger ones rank lower anyway) */
	uint64_t eval_steps;  /* work units one call on one input may take (0: ENUM_EVAL_STEPS) */
	size_t eval_bytes;    /* arena bytes one call on one input may take (0: ENUM_EVAL_BYTES) */
	uint64_t deadline_ns; /* monotonic clock (dsl_clock_ns) at which to stop, read every 1024
	                         tries; 0: none. Only a clock limit asked for by the caller: where
	                         it ends the enumeration, results depend on the machine */
} enum_opts;
#define ENUM_MIN_BYTES ((size_t)1 << 20) /* the least max_bytes it works in */
#define ENUM_EVAL_STEPS 200000u
#define ENUM_EVAL_BYTES ((size_t)8 << 20)
#define ENUM_OPTS_DEFAULT ((enum_opts){.max_evals = 100000, .max_bytes = (size_t)1 << 30, \
	.max_size = 6, .max_cands = 16, .stop_exact = 1})

typedef struct enum_cand {
	char *text;           /* the program as a canonical arc-dsl body: "    x1 = ...\n    O = ...\n"
	                         exactly as prog_text.c / program_body write bodies (parseable by
	                         parse_programs inside "def solve(I):\n") — malloc'd */
	uint32_t size;        /* nodes: calls of the program as a tree (a sub-value used twice counts
	                         twice; the text prints it once, so it may have fewer lines) */
	uint32_t train_exact; /* train pairs whose output it reproduces */
	double closeness;     /* mean arc_closeness over train pairs (run_rank.c) */
	arc_grid *outputs;    /* its grid on every input: train[0..ntrain) then test[0..ntest)
	                         (malloc'd) */
} enum_cand;

typedef struct enum_stats {
	uint64_t evals, candidates, distinct; /* applications, candidates built, distinct value vectors kept */
	size_t bytes;                         /* peak bytes kept */
	bool budget_hit, memory_hit, time_hit; /* what ended it (time_hit: opts.deadline_ns) */
	uint64_t tries;        /* argument combinations considered (evaluated or refused by types) */
	unsigned size_done;    /* largest size enumerated completely */
} enum_stats;

/* Candidates ranked: train_exact desc, size asc, closeness desc, text asc. Same task and opts ->
 * same candidates, byte for byte. ARC_E_USAGE for bad options, ARC_E_NOMEM. */
arc_status enum_task(const arc_task *t, const enum_opts *o, enum_cand **cands, size_t *n,
                     enum_stats *st, arc_error *err);
void enum_cands_free(enum_cand *c, size_t n);

#endif
