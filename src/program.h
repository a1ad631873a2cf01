/* program.h — arc-dsl solver programs as the parser hands them to the battery (and the battery
 * gives them back): a flat list of calls whose callee and arguments are resolved (the input I, a
 * constant, a primitive, or an earlier instruction). The graph they become is battery.h's. */
#ifndef ARC_PROGRAM_H
#define ARC_PROGRAM_H

#include <stddef.h>
#include <stdint.h>

#include "arcbatt.h"
#include "strbuf.h"

/* ---- parsed programs (prog_parse.c) ---- */

typedef enum operand_kind {
	OPERAND_INPUT, /* I */
	OPERAND_CONST, /* a constant: id is its const_id */
	OPERAND_PRIM,  /* a primitive as a value or callee: id is its prim_id */
	OPERAND_VAR,   /* an earlier instruction's result: id is that instruction's index */
} operand_kind;

typedef struct operand {
	uint8_t kind; /* operand_kind */
	uint16_t id;  /* see operand_kind */
} operand;

#define PROG_MAX_ARGS 4
#define PROG_MAX_INSTRS 4096 /* instructions per program (ids fit uint16) */

typedef struct prog_instr {
	operand callee;            /* OPERAND_PRIM, or OPERAND_VAR holding a function value */
	operand arg[PROG_MAX_ARGS]; /* nargs of them */
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

/* ---- program text (prog_text.c) ---- */

/* Appends the canonical body of the instructions ins[0..n) whose output is ins[out]: one line
 * "    xK = callee(arg, ...)" per instruction, the k-th (from 0) named x<k+1> and the output O,
 * then "    return O". Programs that differ only in their variable names print the same body;
 * "def NAME(I):\n" before it makes a program that parse_programs reads back as ins. */
void program_body(const prog_instr *ins, size_t n, size_t out, strbuf *sb);
/* XXH3-128 of a body as 32 lowercase hex digits and a NUL: a program's identity. */
void program_hash(const char *body, size_t len, char hex[33]);

/* ---- programs back out of a battery (battery.c) ---- */

/* Program i of b back as instructions (*ins malloc'd, *n of them, the output *out), arguments
 * resolved to the earliest instruction computing them. ARC_E_NOMEM, or ARC_E_USAGE for a bad i. */
arc_status battery_program(const arc_battery *b, size_t i, prog_instr **ins, size_t *n,
                           size_t *out);

#endif
