/* run_report.c — the runner's report JSON. Written by hand in a fixed key order, with no timings,
 * so that the same run gives the same bytes (any thread count); only a run made with
 * report_stats adds the batch statistics (per task and at the end), which vary. */
#include <stdio.h>

#include "arcbatt.h"
#include "fileout.h"
#include "score.h"

static void put_program(FILE *f, const arc_battery *b, int32_t p)
{
	if (p < 0)
		fputs("null", f);
	else
		arc_json_write_string(f, arc_battery_name(b, (size_t)p));
}

/* The known output of test pair j, or NULL. */
static const arc_grid *known_output(const arc_task *t, const arc_taskset *solutions, int j)
{
	if (solutions) {
		t = arc_taskset_find(solutions, t->id);
		if (!t || j >= t->ntest)
			return NULL;
	}
	return t->test[j].has_output ? &t->test[j].output : NULL;
}

/* Kaggle's rule (score.h) on test prediction j of res, counted into ts: 1 or 0, -1 when the
 * output is unknown. */
static int prediction_right(const arc_task_result *res, const arc_taskset *solutions, int j,
                            arc_task_score *ts)
{
	const arc_prediction *p = &res->pred[j];
	return score_add(ts, known_output(res->task, solutions, j), &p->attempt[0], &p->attempt[1]);
}

arc_run_tally arc_run_count(const arc_run *r, const arc_taskset *solutions)
{
	arc_run_tally tl = {.tasks = r->ntasks};
	for (size_t i = 0; i < r->ntasks; i++) {
		const arc_task_result *res = &r->tasks[i];
		tl.explained += res->nranked && res->ranked[0].exact == (uint32_t)res->task->ntrain;
		arc_task_score ts = {0};
		for (int j = 0; j < res->task->ntest; j++)
			prediction_right(res, solutions, j, &ts);
		if (!score_known(&ts))
			continue;
		tl.scored++;
		tl.solved += score_solved(&ts);
		tl.score += ts.score;
	}
	return tl;
}

static void put_stats(FILE *f, const arc_batch_stats *s)
{
	fprintf(f, "{\"added\": %llu, \"processed\": %llu, \"batches\": %llu, \"bytes_to_device\": %llu, "
	           "\"bytes_from_device\": %llu, \"backend_s\": %.6f}",
	        (unsigned long long)s->added, (unsigned long long)s->processed,
	        (unsigned long long)s->batches, (unsigned long long)s->bytes_to,
	        (unsigned long long)s->bytes_from, s->backend_s);
}

static void put_task(FILE *f, const arc_task_result *res, const arc_battery *b,
                     const arc_taskset *solutions, size_t top, bool stats)
{
	const arc_task *t = res->task;
	fprintf(f, "    \"%s\": {\n      \"best\": [", t->id);
	for (size_t r = 0; r < top && r < res->nranked; r++) {
		const arc_program_score *s = &res->ranked[r];
		fprintf(f, "%s\n        {\"program\": ", r ? "," : "");
		put_program(f, b, (int32_t)s->program);
		fprintf(f, ", \"exact\": %u, \"train\": %d, \"closeness\": %.6f, \"size\": %u, "
		           "\"failed\": %u, \"timeouts\": %u}",
		        s->exact, t->ntrain, s->closeness, s->size, s->failed, s->timeouts);
	}
	fputs(res->nranked && top ? "\n      ],\n" : "],\n", f);
	fputs("      \"predictions\": [", f);
	arc_task_score ts = {0};
	for (int j = 0; j < t->ntest; j++) {
		const arc_prediction *p = &res->pred[j];
		fprintf(f, "%s\n        {\"index\": %d", j ? "," : "", j);
		for (int a = 0; a < 2; a++) {
			fprintf(f, ", \"attempt_%d\": {\"program\": ", a + 1);
			put_program(f, b, p->source[a]);
			fputs(", \"grid\": ", f);
			arc_grid_write_json(f, &p->attempt[a]);
			fputc('}', f);
		}
		int ok = prediction_right(res, solutions, j, &ts);
		fprintf(f, ", \"correct\": %s}", ok < 0 ? "null" : ok ? "true" : "false");
	}
	fprintf(f, "\n      ],\n      \"solved\": %s",
	        !score_known(&ts) ? "null" : score_solved(&ts) ? "true" : "false");
	if (stats) {
		fputs(",\n      \"batch\": ", f);
		put_stats(f, &res->batch);
	}
	fputs("\n    }", f);
}

arc_status arc_report_write(const arc_run *r, const arc_battery *b, const arc_taskset *solutions,
                            size_t top, const char *path, arc_error *err)
{
	fileout fo;
	arc_status st = fileout_open(&fo, path, err);
	if (st)
		return st;
	FILE *f = fo.f;
	fprintf(f, "{\n  \"battery\": {\"programs\": %zu, \"calls\": %zu, \"calls_unmerged\": %zu},\n",
	        arc_battery_count(b), arc_battery_calls(b), arc_battery_calls_unmerged(b));
	fputs("  \"tasks\": {", f);
	for (size_t i = 0; i < r->ntasks; i++) {
		fputs(i ? ",\n" : "\n", f);
		put_task(f, &r->tasks[i], b, solutions, top, r->report_stats);
	}
	arc_run_tally tl = arc_run_count(r, solutions);
	fprintf(f, "%s},\n  \"summary\": {\"tasks\": %zu, \"explained\": %zu, \"scored\": %zu, "
	           "\"solved\": %zu, \"score\": %.4f}",
	        r->ntasks ? "\n  " : "", tl.tasks, tl.explained, tl.scored, tl.solved, tl.score);
	if (r->report_stats) {
		fprintf(f, ",\n  \"batch\": {\"backend\": \"%s\", \"batch_size\": %zu, \"totals\": ",
		        r->backend, r->batch_size);
		put_stats(f, &r->batch);
		fputc('}', f);
	}
	fputs("\n}\n", f);
	return fileout_commit(&fo, err);
}
