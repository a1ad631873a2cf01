/* mutate.h — mutation of parsed programs for evolution: replace an argument by a type-compatible
 * earlier value, constant or primitive; swap a primitive for one of a compatible signature;
 * re-derive colour and size constants from a task's demonstrations; splice in a sub-program of
 * another program that scored on the task; and the candidate steps of a shrink. Types come from
 * prim_table's arc-dsl hints (dsl_type.h). Everything is driven by a caller-held splitmix64
 * state, so the same seed makes the same mutants on every machine. */
#ifndef ARC_MUTATE_H
#define ARC_MUTATE_H

#include <stdbool.h>
#include <stdint.h>

#include "program.h"

#define MUT_MAX_INSTRS 64 /* longest program mutated (the bundled battery's longest has 33) */

/* A program being mutated: instructions whose result types are known. */
typedef struct mprog {
	prog_instr ins[MUT_MAX_INSTRS]; /* n instructions in program order (line, target unused) */
	uint8_t type[MUT_MAX_INSTRS];   /* dsl_type of each instruction's result (T_ANY: unknown) */
	size_t n;                       /* 1..MUT_MAX_INSTRS */
	size_t out;                     /* the instruction assigning O */
} mprog;

/* Sets m to the instructions (types computed); false when there are more than MUT_MAX_INSTRS. */
bool mprog_set(mprog *m, const prog_instr *ins, size_t n, size_t out);
/* Parses a canonical body (program_body) into m: false when it does not parse or is too long. */
bool mprog_parse(mprog *m, const char *body);
/* Appends m's canonical body (program_body). */
void mprog_text(const mprog *m, strbuf *sb);
/* Drops the instructions O does not depend on, and repeats of an earlier call (types kept). */
void mprog_prune(mprog *m);

/* The constants a task's demonstrations suggest, as const ids in increasing value order: colours
 * that occur in the train grids, and input and output heights, widths and their ratios (ints);
 * the output shape and the output/input ratio where a constant names them (pairs). */
typedef struct mut_consts {
	uint16_t ints[16]; /* const ids of ints, nints of them */
	size_t nints;
	uint16_t pairs[8]; /* const ids of pairs, npairs of them */
	size_t npairs;
} mut_consts;
void mut_task_consts(const arc_task *t, mut_consts *k);

typedef enum mut_op { MUT_ARG, MUT_SWAP, MUT_CONST, MUT_SPLICE, MUT_OPS } mut_op;
const char *mut_op_name(mut_op op); /* "arg", "swap", "const", "splice" */

/* What a mutation draws from: the task's programs (parents and splice donors) and constants. */
typedef struct mut_env {
	const mprog *pool;       /* npool programs that scored on the task, best first */
	size_t npool;
	const mut_consts *consts;
	unsigned ops;            /* the operators allowed, bits 1 << mut_op; 0 for all */
} mut_env;

/* What mutate did. */
typedef struct mut_desc {
	char ops[32];  /* the operators applied, "arg" or "swap+const" */
	int donor;     /* index in the pool of the splice donor, -1 when none */
} mut_desc;

/* splitmix64: the next number of the stream *state. */
uint64_t mut_rand(uint64_t *state);
/* A mutant of pool[parent] into *out (pruned): one operator, sometimes two. False when no
 * operator found a place to apply. */
bool mutate(const mut_env *env, size_t parent, uint64_t *rng, mprog *out, mut_desc *d);
/* The programs a step shorter than m: m pruned (when that drops steps), and m with one step
 * left out — its uses read one of its type-compatible arguments, or I or an earlier step of
 * exactly its type, instead (for the O step: O becomes such an earlier grid) — pruned: up to cap
 * of them into out. Returns how many. Which of them changes no output is for the caller. */
size_t mut_shrink_steps(const mprog *m, mprog *out, size_t cap);

#endif
