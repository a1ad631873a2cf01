/* score.c — Kaggle's rule: a test output counts when either attempt matches it exactly; a task
 * scores the fraction of its test outputs matched; the total is the sum over tasks. */
#include <stdlib.h>
#include <string.h>

#include "score.h"
#include "submission.h"

/* A task is scored when some of its test outputs are known (score.h), which is known before
 * anything is submitted. */
static bool has_solutions(const arc_task *t)
{
	for (int k = 0; k < t->ntest; k++)
		if (t->test[k].has_output)
			return true;
	return false;
}

arc_status arc_score_submission(const arc_submission *s, const arc_taskset *solutions,
                                arc_score *out, arc_error *err)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < s->n; i++) {
		const arc_task *t = arc_taskset_find(solutions, s->v[i].id);
		if (!t || !has_solutions(t))
			return arc_error_set(err, ARC_E_INPUT, "", s->v[i].id, 0, 0,
			                     "submitted, but the solutions have no test outputs for it");
	}
	size_t n = arc_taskset_count(solutions), scored = 0;
	for (size_t i = 0; i < n; i++)
		scored += has_solutions(arc_taskset_get(solutions, i));
	out->tasks = calloc(scored ? scored : 1, sizeof *out->tasks);
	if (!out->tasks)
		return arc_error_set(err, ARC_E_NOMEM, "", "", 0, 0, "out of memory");
	for (size_t i = 0; i < n; i++) {
		const arc_task *t = arc_taskset_get(solutions, i);
		if (!has_solutions(t))
			continue;
		const sub_task *e = submission_find(s, t->id);
		if (!e || e->ntest != t->ntest) {
			arc_score_free(out);
			if (!e)
				return arc_error_set(err, ARC_E_INPUT, "", t->id, 0, 0,
				                     "missing from the submission, expected every task of the solutions");
			return arc_error_set(err, ARC_E_INPUT, "", t->id, 0, 0,
			                     "%d test input%s submitted, expected %d", e->ntest,
			                     e->ntest == 1 ? "" : "s", t->ntest);
		}
		arc_task_score *ts = &out->tasks[out->ntasks++];
		memcpy(ts->id, t->id, sizeof ts->id);
		for (int k = 0; k < t->ntest; k++) {
			const arc_pair *p = &t->test[k];
			score_add(ts, p->has_output ? &p->output : NULL, &e->attempts[k][0], &e->attempts[k][1]);
		}
		out->total += ts->score;
		out->solved += score_solved(ts);
	}
	return ARC_OK;
}

int score_add(arc_task_score *ts, const arc_grid *want, const arc_grid *att1,
              const arc_grid *att2)
{
	if (!want)
		return -1;
	int right = arc_grid_equal(att1, want) || arc_grid_equal(att2, want);
	ts->ntest++;
	ts->matched += right;
	ts->score = (double)ts->matched / ts->ntest;
	return right;
}

void arc_score_free(arc_score *sc)
{
	free(sc->tasks);
	memset(sc, 0, sizeof *sc);
}
