/* submission.h — the inside of arc_submission, shared by submission.c and score.c,
 * and the JSON form of grids that report.c writes too. */
#ifndef ARC_SUBMISSION_H
#define ARC_SUBMISSION_H

#include <stdio.h>

#include "arcbatt.h"

typedef struct sub_task {
	char id[64];
	int ntest;          /* test inputs */
	arc_grid (*att)[2]; /* att[k][a]: attempt a + 1 for test input k */
} sub_task;

struct arc_submission {
	sub_task *v; /* n tasks sorted by id, ids unique */
	size_t n, cap;
};

/* g as a JSON list of rows, "[[0, 1], [2, 3]]" (the submission's form; the report's too). */
void grid_json_put(FILE *f, const arc_grid *g);

/* The entry of task id, or NULL. */
const sub_task *submission_find(const arc_submission *s, const char *id);

#endif
