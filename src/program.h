/* program.h — arc-dsl solver programs as the parser hands them to the battery: a flat list of
 * calls whose callee and arguments are resolved (the input I, a constant, a primitive, or an
 * earlier instruction), and the battery's internal layout shared by battery.c and
 * battery_eval.c. */
#ifndef ARC_PROGRAM_H
#define ARC_PROGRAM_H

#include <assert.h>
#include <stddef.h>
#include <stdint.h>

#include "arcbatt.h"
#include "strbuf.h"

/* ---- parsed programs (parse.c) ---- */

typedef enum opd_kind {
	OPD_INPUT, /* I */
	OPD_CONST, /* a constant: id is its const_id */
	OPD_PRIM,  /* a primitive as a value or callee: id is its prim_id */
	OPD_VAR,   /* an earlier instruction's result: id is that instruction's index */
} opd_kind;

typedef struct opd {
	uint8_t kind; /* opd_kind */
	uint16_t id;  /* see opd_kind */
} opd;

#define PROG_MAX_ARGS 4
#define PROG_MAX_INSTRS 4096 /* instructions per program (ids fit uint16) */

typedef struct prog_instr {
	opd callee;                /* OPD_PRIM, or OPD_VAR holding a function value */
	opd arg[PROG_MAX_ARGS];    /* nargs of them */
	uint8_t nargs;             /* 1..4 */
	int line;                  /* where it is written */
	uint32_t target;           /* offset of the target's name in the program's names */
} prog_instr;

typedef struct program {
	char *name;          /* "solve_007bbfb7" (malloc'd) */
	int line, column;    /* where its name is written in the def */
	prog_instr *ins;     /* n instructions in program order (malloc'd) */
	size_t n;
	size_t out;          /* index of the instruction assigning O */
	char *names;         /* NUL-separated target names (malloc'd) */
} program;

void program_free(program *p);

/* Parses arc-dsl text. Good programs are appended to *progs (*nprogs entries, malloc'd array;
 * the caller frees each with program_free and the array with free); every error found goes to
 * diag (file = name, where = the program). Returns the number of errors reported, or -1 when
 * memory ran out (the error is in diag when it could be recorded). */
long parse_programs(const char *name, const char *text, size_t len, program **progs,
                    size_t *nprogs, arc_diag *diag);

/* ---- program text (progtext.c) ---- */

/* Appends the canonical body of the instructions ins[0..n) whose output is ins[out]: one line
 * "    xK = callee(arg, ...)" per instruction, the k-th (from 0) named x<k+1> and the output O,
 * then "    return O". Programs that differ only in their variable names print the same body;
 * "def NAME(I):\n" before it makes a program that parse_programs reads back as ins. */
void program_body(const prog_instr *ins, size_t n, size_t out, strbuf *sb);
/* XXH3-128 of a body as 32 lowercase hex digits and a NUL: a program's identity. */
void program_hash(const char *body, size_t len, char hex[33]);

/* ---- the battery graph (battery.c) ---- */

typedef enum node_op {
	NODE_INPUT, /* the input grid I */
	NODE_CONST, /* constant fn */
	NODE_FUNC,  /* primitive fn as a function value */
	NODE_CALL,  /* primitive fn applied to nargs argument nodes */
	NODE_APPLY, /* node args[0] (a function value) applied to the nargs nodes after it */
} node_op;

/* One graph node: 8 bytes; argument node ids live in the battery's side array. */
typedef struct node {
	uint8_t op;      /* node_op */
	uint8_t nargs;   /* arguments (NODE_APPLY: not counting the callee) */
	uint16_t fn;     /* const id (NODE_CONST) or prim id (NODE_FUNC, NODE_CALL) */
	uint32_t args;   /* offset into arc_battery.argv of the argument ids */
} node;
static_assert(sizeof(node) <= 24, "node records stay small");

/* A program once in the graph. */
typedef struct bprog {
	char *name;        /* the def's name */
	const char *file;  /* interned file name (battery-owned) */
	uint32_t *nodes;   /* node of each instruction, in program order */
	int *lines;        /* line of each instruction */
	uint32_t *callee;  /* offset in names of the instruction's callee description */
	char *names;       /* "argmax", "x3"... NUL-separated */
	uint32_t n;        /* instructions */
	uint32_t out;      /* index of the O instruction */
} bprog;

struct arc_battery {
	node *nodes;       /* in topological order: arguments always come first */
	uint32_t nnodes, capnodes;
	uint32_t *argv;    /* argument ids of every node */
	size_t nargv, capargv;
	uint32_t ncalls;   /* nodes that are calls (NODE_CALL, NODE_APPLY) */
	size_t unmerged;   /* instructions of all programs */
	uint32_t *table;   /* open addressing: node id + 1, 0 = empty */
	uint32_t tabcap;   /* a power of two */
	bprog *progs;
	size_t nprogs, capprogs;
	uint32_t *names;   /* open addressing over program names: index + 1, 0 = empty */
	size_t namecap;    /* a power of two */
	char **files;      /* interned file names */
	size_t nfiles;
};

/* Program i of b back as instructions (*ins malloc'd, *n of them, the output *out), arguments
 * resolved to the earliest instruction computing them. ARC_E_NOMEM, or ARC_E_USAGE for a bad i. */
arc_status battery_program(const arc_battery *b, size_t i, prog_instr **ins, size_t *n,
                           size_t *out);

#endif
