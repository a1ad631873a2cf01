/* evolve.h — the parts of a round of evolution: candidates for a task (evolve_eval.c scores
 * them, keeps those that enter the task's best and shrinks solutions), the search step's
 * interface (evolve_search.c) and the round driver (evolve.c) that ties them to the archive. */
#ifndef ARC_EVOLVE_H
#define ARC_EVOLVE_H

#include "archive.h"
#include "mutate.h"

/* A program that may be stored for a task. */
typedef struct evo_cand {
	char *text;         /* canonical body (malloc'd) */
	char hash[33];      /* program_hash(text) */
	uint32_t size;      /* instructions */
	arc_origin origin;
	char parent[33];    /* mutated: hash of the (archived) program it was made from, or "" */
	char donor[33];     /* spliced: hash of the (archived) donor, or "" */
	char op[32];        /* mutated: the operators, or "" */
	char *source;       /* written: "file:name" (malloc'd), or NULL */
} evo_cand;
void evo_cands_free(evo_cand *c, size_t n);

/* A candidate that entered its task's best: what the archive gets. */
typedef struct evo_kept {
	size_t cand;        /* index in the candidate list */
	arch_score sc;
} evo_kept;

/* Candidates compiled into one battery: program i of bat is candidate which[i]. */
typedef struct evo_batch {
	arc_battery *bat;
	size_t *which;
	size_t rejected;    /* candidates the parser refused (static checks) */
} evo_batch;
arc_status evo_compile(const evo_cand *c, size_t n, evo_batch *out);
void evo_batch_free(evo_batch *b);

/* Scores every program of batch on t's train inputs with evaluator ev (built for batch.bat),
 * and keeps those that produced some grid and enter t's best `keep` after the archived rows
 * best[0..nbest) (rank order of arch_rank_cmp; candidates already among them are skipped), then
 * runs the kept ones on the test inputs. *kept (malloc'd) is in rank order. *evaluated counts
 * program-input evaluations. */
arc_status evo_select(arc_evaluator *ev, const evo_batch *batch, const evo_cand *cands,
                      const arc_task *t, const arch_row *best, size_t nbest, size_t keep,
                      evo_kept **kept, size_t *nkept, size_t *evaluated);

/* Shrinks m on task t: takes the smallest one-step-shorter variant (mut_shrink_steps) that
 * gives the same outcome on every train and test input, again and again until none does.
 * True when *out is smaller than m; *cost is then its work units over the train inputs. */
bool evo_shrink(const mprog *m, const arc_task *t, const arc_limits *lim, mprog *out,
                uint64_t *cost, size_t *evaluated);

/* A set of program hashes (128-bit hex), for de-duplicating a task's mutants. */
typedef struct evo_hashset {
	uint64_t *k;        /* cap slots: a hash's first 64 bits with bit 0 set; 0 = empty */
	size_t n, cap;
} evo_hashset;
/* Adds hash; false when it was there already (or memory ran out: *oom set). */
bool evo_hashset_add(evo_hashset *s, const char *hash, bool *oom);
void evo_hashset_free(evo_hashset *s);

/* ---- the search step (issue 12) ---- */

/* What the search step is given: the tasks no program explains yet. */
typedef struct evo_search_in {
	const arc_taskset *ts;
	const size_t *tasks;     /* indices into ts, ntasks of them, in id order */
	size_t ntasks;
	uint64_t seed;           /* the round's seed */
	uint32_t round;
	const arc_limits *limits; /* per program and input */
	size_t threads;
	uint64_t nodes;          /* the search's node budget per task in round 1 (0: none) */
} evo_search_in;

/* A program the search found for a task, as arc-dsl text ("def NAME(I): ..."). The round parses
 * it, scores it itself (as it does mutants: every archived score comes from one evaluator) and
 * archives it with origin "enumerated" when it enters the task's best. */
typedef struct evo_found {
	size_t task;             /* index into in->ts */
	char *text;              /* malloc'd */
} evo_found;

typedef struct evo_search_out {
	evo_found *found;        /* n programs (malloc'd), each task's in the order found */
	size_t n;
} evo_search_out;

/* The search step of a round: the search (search.h) on each task, in->nodes doubled each round
 * after the first (up to 64 times), deterministic like the rest. */
arc_status evolve_search(const evo_search_in *in, evo_search_out *out, arc_error *err);
void evo_search_out_free(evo_search_out *out);

#endif
