/* score.h — Kaggle's rule, in one place: a test output counts when either attempt equals it,
 * a task is scored when some of its test outputs are known and scores the share of those
 * matched. arc_score_submission (score.c) and the runner's report (run_report.c) both use it. */
#ifndef ARC_SCORE_H
#define ARC_SCORE_H

#include "arcbatt.h"

/* Counts one test output into ts: want is the known output, NULL when it is unknown (then it
 * does not count). Returns 1 when an attempt equals want, 0 when neither does, -1 for unknown. */
int score_add(arc_task_score *ts, const arc_grid *want, const arc_grid *att1,
              const arc_grid *att2);
/* Whether the task is scored: some test output was known. */
static inline bool score_known(const arc_task_score *ts) { return ts->ntest > 0; }
/* Whether the task is solved: scored, and every known output matched. */
static inline bool score_solved(const arc_task_score *ts)
{
	return ts->ntest > 0 && ts->matched == ts->ntest;
}

#endif
