/* run.c — the battery runner: every program of a battery on every train and test input of
 * each selected task, scored against the demonstrations (through each worker's batch
 * accumulator and the backend), ranked, and the two best distinct test outputs predicted. Tasks
 * are spread over a worker pool; each worker has its own evaluator and accumulator and writes
 * only its tasks' result slots, so results never depend on the thread count or batch size. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arcbatt.h"
#include "backend/backend.h"
#include "pool.h"

typedef struct worker {
	arc_evaluator *ev;
	arc_outcome *out; /* a group of train inputs' outcomes, nprog each (or one test input's) */
	batch_result *res;/* their scores, nprog per input */
	size_t cap;       /* entries of out and res: at most buffer_bytes' worth */
	bool *active;     /* nprog: the programs to run on a test input */
	bool *mine;       /* nprog: the programs in the current task's scope (opts->scope) */
	batch_acc *acc;   /* this worker's scoring batches */
} worker;

typedef struct run_ctx {
	const arc_battery *bat;
	const arc_run_opts *opts;
	const size_t *idx; /* the selected tasks' indices in the task set (for opts->scope) */
	arc_run *run;
	backend *be;      /* shared by the workers' accumulators */
	worker *workers;
	atomic_size_t done;
	atomic_int status; /* the first failure of a worker (ARC_E_NOMEM, ...) */
	bool *retry;       /* per task: its worker ran short of memory; redone after the pool */
	size_t buffer_bytes; /* a worker's outcome buffers at most (opts->buffer_bytes or default) */
	pthread_mutex_t progress_lock;
} run_ctx;

static double thread_seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

static double wall_seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

static int compare_scores(const void *a, const void *b, void *bat)
{
	return arc_rank_compare(a, b, bat);
}

/* Bytes of a worker's outcome buffers per input: an outcome and its score for each program. */
static size_t input_bytes(size_t np) { return np * (sizeof(arc_outcome) + sizeof(batch_result)); }

/* The ranked entries of the programs in the task's scope (mine false: not run, not ranked;
 * mine NULL: every program), with nothing counted yet. */
static void start_scores(arc_task_result *res, const arc_battery *bat, const bool *mine)
{
	size_t m = 0;
	for (size_t p = 0; p < arc_battery_count(bat); p++)
		if (!mine || mine[p])
			res->ranked[m++] = (arc_program_score){
				.program = (uint32_t)p, .size = (uint32_t)arc_battery_program_size(bat, p)};
	res->nranked = m;
}

/* Queues every good outcome of train inputs k0 .. k0 + n (in w->out) against its expected
 * output, runs the batch, and adds the programs' scores (failures from the outcomes) to their
 * ranked entries; closeness is summed here and divided by the pair count in end_scores, in
 * pair order, so the grouping never shows in the result. */
static arc_status score_group(worker *w, arc_task_result *res, const arc_battery *bat,
                              const bool *mine, size_t k0, size_t n)
{
	const arc_task *t = res->task;
	size_t np = arc_battery_count(bat);
	arc_error err;
	for (size_t k = 0; k < n; k++)
		for (size_t p = 0; p < np; p++) {
			const arc_outcome *o = &w->out[k * np + p];
			if (o->status != ARC_EVAL_OK)
				continue;
			arc_status st = batch_acc_add(w->acc, &o->grid, NULL, &t->train[k0 + k].output,
			                              &w->res[k * np + p], &err);
			if (st != ARC_OK)
				return st;
		}
	arc_status st = batch_acc_flush(w->acc, &err);
	if (st != ARC_OK)
		return st;
	size_t m = 0;
	for (size_t p = 0; p < np; p++) {
		if (mine && !mine[p])
			continue;
		arc_program_score *s = &res->ranked[m++];
		for (size_t k = 0; k < n; k++) {
			const arc_outcome *o = &w->out[k * np + p];
			if (o->status != ARC_EVAL_OK) {
				s->failed++;
				s->timeouts += o->status == ARC_EVAL_TIMEOUT;
				continue;
			}
			const batch_result *r = &w->res[k * np + p];
			s->exact += r->exact;
			s->closeness += r->closeness;
		}
	}
	return ARC_OK;
}

static void end_scores(arc_task_result *res)
{
	for (size_t m = 0; m < res->nranked; m++)
		res->ranked[m].closeness /= res->task->ntrain;
}

/* Every train input of the task through the evaluator and the scoring, in groups of inputs
 * whose outcomes fit the worker's buffers (all at once unless the battery or the task is
 * large), the batch statistics of all groups in res->batch. */
static arc_status score_programs(worker *w, arc_task_result *res, const arc_battery *bat,
                                 const bool *mine, size_t group)
{
	const arc_task *t = res->task;
	size_t np = arc_battery_count(bat), ntrain = (size_t)t->ntrain;
	arc_batch_stats before = batch_acc_stats(w->acc);
	start_scores(res, bat, mine);
	arc_status st = ARC_OK;
	for (size_t k0 = 0; k0 < ntrain && st == ARC_OK; k0 += group) {
		size_t n = ntrain - k0 < group ? ntrain - k0 : group;
		for (size_t k = 0; k < n && st == ARC_OK; k++)
			st = arc_evaluator_run(w->ev, &t->train[k0 + k].input, mine, w->out + k * np);
		double s0 = thread_seconds();
		if (st == ARC_OK)
			st = score_group(w, res, bat, mine, k0, n);
		res->score_s += thread_seconds() - s0;
		res->groups++;
	}
	end_scores(res);
	arc_batch_stats after = batch_acc_stats(w->acc);
	res->batch = (arc_batch_stats){
		.added = after.added - before.added,
		.processed = after.processed - before.processed,
		.batches = after.batches - before.batches,
		.bytes_to = after.bytes_to - before.bytes_to,
		.bytes_from = after.bytes_from - before.bytes_from,
		.backend_s = after.backend_s - before.backend_s,
	};
	return st;
}

/* The task when not even one input's outcomes fit the buffers: every program in scope failed
 * on every pair with a limit, nothing evaluated; the predictions fall back to the test inputs. */
static void short_of_buffers(arc_task_result *res, const arc_battery *bat, const bool *mine)
{
	start_scores(res, bat, mine);
	for (size_t m = 0; m < res->nranked; m++)
		res->ranked[m].failed = (uint32_t)res->task->ntrain;
	res->buffer_short = true;
}

/* Adds o as the next attempt of pr unless it failed or repeats attempt 1. */
static int consider(arc_prediction *pr, int found, const arc_outcome *o, uint32_t p)
{
	if (o->status != ARC_EVAL_OK || (found == 1 && arc_grid_equal(&pr->attempt[0], &o->grid)))
		return found;
	pr->attempt[found] = o->grid;
	pr->source[found] = (int32_t)p;
	return found + 1;
}

/* Attempts found + 1 .. 2 of test input j: the test input itself. */
static arc_status predict_fallback(arc_task_result *res, int j, int found)
{
	arc_prediction *pr = &res->pred[j];
	for (; found < 2; found++) {
		pr->attempt[found] = res->task->test[j].input;
		pr->source[found] = -1;
	}
	return ARC_OK;
}

/* The two best distinct outputs of the ranked programs for test input j, the test input where
 * fewer than two exist. Test inputs are evaluated lazily, for the ranked programs in growing
 * chunks (4, 16, 64, ...), since most tasks need only the first few. */
static arc_status predict(worker *w, arc_task_result *res, size_t nprog, int j)
{
	const arc_task *t = res->task;
	size_t np = res->nranked;
	arc_prediction *pr = &res->pred[j];
	int found = 0;
	for (size_t r = 0, chunk = 4; r < np && found < 2; chunk *= 4) {
		size_t end = r + chunk < np ? r + chunk : np;
		memset(w->active, 0, nprog * sizeof *w->active);
		for (size_t k = r; k < end; k++)
			w->active[res->ranked[k].program] = true;
		arc_status st = arc_evaluator_run(w->ev, &t->test[j].input, w->active, w->out);
		if (st != ARC_OK)
			return st;
		res->evals += end - r;
		for (; r < end && found < 2; r++)
			found = consider(pr, found, &w->out[res->ranked[r].program],
			                 res->ranked[r].program);
		r = end;
	}
	return predict_fallback(res, j, found);
}

static void run_task(void *vctx, size_t wi, size_t item)
{
	run_ctx *c = vctx;
	if (atomic_load(&c->status) != ARC_OK)
		return;
	worker *w = &c->workers[wi];
	arc_task_result *res = &c->run->tasks[item];
	const arc_task *t = res->task;
	size_t np = arc_battery_count(c->bat), ntrain = (size_t)t->ntrain;
	/* train inputs per group: as many as the buffers hold; short: not even one input's */
	size_t per = input_bytes(np), fit = per ? c->buffer_bytes / per : SIZE_MAX;
	size_t group = fit < ntrain ? fit : ntrain, inputs = group ? group : 1;
	bool short_of = fit == 0;
	arc_status st = ARC_OK;
	if (!w->acc &&
	    !(w->acc = batch_acc_new(c->be, c->opts->batch_size, BATCH_SCORE)))
		st = ARC_E_NOMEM;
	if (st == ARC_OK && !short_of && w->cap < inputs * np) {
		free(w->out), free(w->res);
		w->cap = inputs * np;
		w->out = malloc(w->cap * sizeof *w->out);
		w->res = malloc(w->cap * sizeof *w->res);
		if (!w->out || !w->res)
			w->cap = 0, st = ARC_E_NOMEM;
	}
	if (st == ARC_OK && !w->active && !(w->active = malloc((np ? np : 1) * sizeof *w->active)))
		st = ARC_E_NOMEM;
	if (st == ARC_OK && c->opts->scope && !w->mine &&
	    !(w->mine = malloc((np ? np : 1) * sizeof *w->mine)))
		st = ARC_E_NOMEM;
	const bool *mine = NULL;
	if (st == ARC_OK && c->opts->scope) {
		for (size_t p = 0; p < np; p++)
			w->mine[p] = c->opts->scope[p] == SIZE_MAX || c->opts->scope[p] == c->idx[item];
		mine = w->mine;
	}
	if (st == ARC_E_NOMEM && c->retry) {
		/* memory ran short while the other workers hold theirs: the task is redone alone */
		c->retry[item] = true;
		return;
	}
	res->buffer_bytes = short_of ? 0 : inputs * per;
	double t0 = thread_seconds();
	if (st == ARC_OK && short_of)
		short_of_buffers(res, c->bat, mine);
	else if (st == ARC_OK)
		st = score_programs(w, res, c->bat, mine, group);
	double s0 = thread_seconds();
	if (st == ARC_OK)
		qsort_r(res->ranked, res->nranked, sizeof *res->ranked, compare_scores, (void *)c->bat);
	res->score_s += thread_seconds() - s0;
	res->evals = short_of ? 0 : ntrain * res->nranked;
	for (int j = 0; j < t->ntest && st == ARC_OK; j++)
		st = short_of ? predict_fallback(res, j, 0) : predict(w, res, np, j);
	if (st != ARC_OK) {
		int ok = ARC_OK;
		atomic_compare_exchange_strong(&c->status, &ok, (int)st);
		return;
	}
	res->eval_s = thread_seconds() - t0 - res->score_s;

	size_t done = atomic_fetch_add(&c->done, 1) + 1;
	if (c->opts->progress) {
		pthread_mutex_lock(&c->progress_lock);
		c->opts->progress(c->opts->progress_ud, done, c->run->ntasks);
		pthread_mutex_unlock(&c->progress_lock);
	}
}

static void worker_free(worker *w)
{
	arc_evaluator_free(w->ev);
	free(w->out), free(w->res);
	free(w->active), free(w->mine);
	batch_acc_free(w->acc);
	*w = (worker){0};
}

void arc_run_free(arc_run *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->ntasks; i++) {
		free(r->tasks[i].ranked);
		free(r->tasks[i].pred);
	}
	free(r->tasks);
	free(r);
}

arc_status arc_run_battery(const arc_battery *b, const arc_taskset *ts, const size_t *idx,
                           size_t n, const arc_run_opts *opts, arc_run **out, arc_error *err)
{
	*out = NULL;
	size_t np = arc_battery_count(b);
	size_t threads = opts->threads ? opts->threads : pool_cpu_count();
	if (threads > n)
		threads = n ? n : 1;
	/* The workers already fill the cores: the CPU backend runs each batch on its caller. */
	backend *be;
	arc_status bst = backend_open(&(backend_opts){.kind = opts->backend, .threads = 1}, &be,
	                              NULL, 0, err);
	if (bst != ARC_OK)
		return bst;
	arc_run *r = calloc(1, sizeof *r);
	worker *workers = calloc(threads, sizeof *workers);
	if (!r || !workers || !(r->tasks = calloc(n ? n : 1, sizeof *r->tasks)))
		goto nomem;
	r->ntasks = n;
	r->threads = threads;
	snprintf(r->backend, sizeof r->backend, "%s", backend_name(be));
	r->batch_size = opts->batch_size ? opts->batch_size : BATCH_SIZE_DEFAULT;
	r->report_stats = opts->report_stats;
	for (size_t i = 0; i < n; i++) {
		arc_task_result *res = &r->tasks[i];
		res->task = arc_taskset_get(ts, idx[i]);
		res->nranked = np;
		res->ranked = calloc(np ? np : 1, sizeof *res->ranked);
		res->pred = calloc((size_t)res->task->ntest, sizeof *res->pred);
		if (!res->ranked || !res->pred)
			goto nomem;
	}
	/* Each worker's evaluator up front: when memory (or address space) runs short, the run
	 * goes on with the workers that got one. Results do not depend on how many. */
	size_t got = 0;
	while (got < threads && (workers[got].ev = arc_evaluator_new(b, &opts->limits)))
		got++;
	if (got == 0)
		goto nomem;
	if (got < threads && got > 1) /* leave room for the workers' other buffers */
		arc_evaluator_free(workers[--got].ev), workers[got].ev = NULL;
	threads = r->threads = got;
	run_ctx c = {.bat = b, .opts = opts, .idx = idx, .run = r, .be = be, .workers = workers,
	             .status = ARC_OK,
	             .buffer_bytes = opts->buffer_bytes ? opts->buffer_bytes : ARC_RUN_BUFFER_DEFAULT};
	pthread_mutex_init(&c.progress_lock, NULL);
	double t0 = wall_seconds();
	c.retry = threads > 1 ? calloc(n, sizeof *c.retry) : NULL;
	pool_run(threads, n, run_task, &c);
	/* Tasks whose worker ran short: the other workers' memory given back, one by one on the
	 * first worker (a shortage there now fails the run). */
	for (size_t i = 1; i < threads; i++)
		worker_free(&workers[i]);
	bool *retry = c.retry;
	c.retry = NULL;
	for (size_t i = 0; retry && i < n; i++)
		if (retry[i])
			run_task(&c, 0, i);
	free(retry);
	r->wall_s = wall_seconds() - t0;
	pthread_mutex_destroy(&c.progress_lock);
	worker_free(&workers[0]);
	free(workers);
	backend_close(be);
	for (size_t i = 0; i < n; i++) {
		const arc_batch_stats *s = &r->tasks[i].batch;
		r->batch.added += s->added, r->batch.processed += s->processed;
		r->batch.batches += s->batches, r->batch.backend_s += s->backend_s;
		r->batch.bytes_to += s->bytes_to, r->batch.bytes_from += s->bytes_from;
	}
	if (c.status != ARC_OK) {
		arc_run_free(r);
		return arc_error_set(err, (arc_status)c.status, NULL, NULL, 0, 0,
		                     "the battery run failed: %s", arc_status_name(c.status));
	}
	*out = r;
	return ARC_OK;
nomem:
	free(workers);
	backend_close(be);
	arc_run_free(r);
	return arc_error_set(err, ARC_E_NOMEM, NULL, NULL, 0, 0, "out of memory for %zu tasks", n);
}

arc_submission *arc_run_submission(const arc_run *r)
{
	arc_submission *s = arc_submission_new();
	for (size_t i = 0; s && i < r->ntasks; i++) {
		const arc_task_result *res = &r->tasks[i];
		if (arc_submission_add(s, res->task) != ARC_OK)
			goto fail;
		for (int j = 0; j < res->task->ntest; j++)
			for (int a = 0; a < 2; a++)
				if (arc_submission_set(s, res->task->id, j, a + 1, &res->pred[j].attempt[a]))
					goto fail;
	}
	return s;
fail:
	arc_submission_free(s);
	return NULL;
}
