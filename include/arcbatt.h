/* arcbatt.h — the public API of libarcbatt: ARC tasks, arc-dsl programs and batteries, the
 * battery runner, scoring and submissions. Opaque handles, plain parameter structs, statuses.
 * Every call that can fail returns an arc_status and fills a caller-provided arc_error. */
#ifndef ARCBATT_H
#define ARCBATT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define ARCBATT_VERSION "0.1.0"

/* ---- statuses and errors ---- */

/* Also the exit statuses of the arcbatt command. */
typedef enum arc_status {
	ARC_OK = 0,
	ARC_E_USAGE = 1,    /* bad command line or parameters */
	ARC_E_INPUT = 2,    /* bad input data: a task, a program, a submission (something skipped) */
	ARC_E_IO = 3,       /* a file could not be read or written */
	ARC_E_NOMEM = 4,    /* out of memory */
	ARC_E_INTERNAL = 5, /* a bug: an invariant broke */
} arc_status;

typedef struct arc_error {
	arc_status code;
	char file[512];    /* the file concerned, or "" */
	char where[160];   /* task id and pair ("007bbfb7 train[2].output"), program name, or "" */
	int line, column;  /* 1-based position in the file; 0 when there is none */
	char message[512]; /* what was found and what was expected */
} arc_error;

/* A list of errors, for loaders that report every problem rather than the first. */
typedef struct arc_diag {
	arc_error *items; /* n errors, in the order found */
	size_t n, cap;
} arc_diag;

void arc_diag_free(arc_diag *d);
/* "file:line:column: where: message" (parts that are empty are left out). */
void arc_error_print(const arc_error *e, FILE *out);

/* ---- grids and tasks ---- */

#define ARC_GRID_MAX 30
typedef struct arc_grid {
	uint8_t h, w;                                /* 1..30 each in task data */
	uint8_t cell[ARC_GRID_MAX * ARC_GRID_MAX];   /* row-major, colours 0..9 */
} arc_grid;

typedef struct arc_pair {
	arc_grid input;
	arc_grid output;  /* valid when has_output */
	bool has_output;  /* test outputs are known only with solutions */
} arc_pair;

typedef struct arc_task {
	char id[64];      /* e.g. "007bbfb7" */
	arc_pair *train;  /* ntrain ≥ 1 demonstration pairs */
	arc_pair *test;   /* ntest ≥ 1 test pairs */
	int ntrain, ntest;
} arc_task;

#endif
