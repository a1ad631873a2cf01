/* submission.h — the inside of arc_submission, shared by submission.c and score.c. */
#ifndef ARC_SUBMISSION_H
#define ARC_SUBMISSION_H

#include "arcbatt.h"

typedef struct sub_task {
	char id[64];
	int ntest;          /* test inputs */
	arc_grid (*attempts)[2]; /* attempts[k][a]: attempt a + 1 for test input k */
} sub_task;

struct arc_submission {
	sub_task *v; /* n tasks sorted by id, ids unique */
	size_t n, cap;
};

/* The entry of task id, or NULL. */
const sub_task *submission_find(const arc_submission *s, const char *id);

#endif
