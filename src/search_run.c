/* search_run.c — the main job with the search (arc_run_search): the battery on every selected
 * task, the search on the tasks it leaves unexplained (over the worker pool, a task per worker,
 * each result in its task's slot), the programs found added to the battery scoped to their
 * task, and those tasks run again, so a found program is evaluated, ranked and printed like any
 * battery program. With a node budget the results are the same bytes for any thread count. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "pool.h"
#include "search.h"
#include "strbuf.h"

typedef struct found {
	search_cand *c;
	size_t n;
} found;

typedef struct search_ctx {
	const arc_run_opts *opts;
	const arc_task *const *tasks; /* the tasks to search */
	size_t n, threads;
	found *found;               /* per task */
	arc_search_stats *stats;    /* per task */
	backend *be;
	double end;                 /* time_budget's end (monotonic), 0: none */
	atomic_size_t started, done;
	atomic_int status;
	arc_error err;              /* the first failure */
	pthread_mutex_t lock;
} search_ctx;

static void search_one(void *vctx, size_t worker, size_t item)
{
	search_ctx *c = vctx;
	if (atomic_load(&c->status) != ARC_OK)
		return;
	double deadline = 0;
	if (c->end) {
		/* The time left, shared out over the tasks not started yet (threads at a time), but
		 * never past the end: the run's last tasks do not overrun it. */
		size_t before = atomic_fetch_add(&c->started, 1);
		double left = c->end - search_now();
		size_t waiting = c->n - before;
		double share = left * (double)c->threads / (double)(waiting ? waiting : 1);
		deadline = search_now() + (share < left ? share : left);
		if (deadline <= search_now())
			deadline = search_now() + 1e-6;
	}
	arc_error err = {0};
	arc_status st = search_task(c->tasks[item], &c->opts->search, c->be, deadline,
	                            &c->found[item].c, &c->found[item].n, &c->stats[item], &err);
	if (st != ARC_OK) {
		int ok = ARC_OK;
		pthread_mutex_lock(&c->lock);
		if (atomic_compare_exchange_strong(&c->status, &ok, (int)st))
			c->err = err;
		pthread_mutex_unlock(&c->lock);
		return;
	}
	size_t done = atomic_fetch_add(&c->done, 1) + 1;
	if (c->opts->search_progress) {
		pthread_mutex_lock(&c->lock);
		c->opts->search_progress(c->opts->progress_ud, done, c->n);
		pthread_mutex_unlock(&c->lock);
	}
}

static void add_stats(arc_search_stats *to, const arc_search_stats *s)
{
	to->tasks += s->tasks, to->evaluated += s->evaluated, to->applied += s->applied;
	to->distinct += s->distinct, to->found += s->found, to->solutions += s->solutions;
	to->memory_hit += s->memory_hit, to->time_hit += s->time_hit;
	to->depth = s->depth > to->depth ? s->depth : to->depth;
	to->seconds += s->seconds, to->cpu_seconds += s->cpu_seconds;
}

/* Adds the programs found to b as search_<task id>_<k> (k from 1, in rank order). */
static arc_status add_found(arc_battery *b, const arc_task *t, const found *f, arc_error *err)
{
	strbuf sb = {0};
	for (size_t k = 0; k < f->n; k++)
		sb_printf(&sb, "def search_%s_%zu(I):\n%s\n", t->id, k + 1, f->c[k].text);
	if (sb.oom) {
		sb_free(&sb);
		return arc_error_set(err, ARC_E_NOMEM, NULL, t->id, 0, 0, "out of memory");
	}
	if (!f->n)
		return ARC_OK;
	arc_diag d = {0};
	arc_status st = arc_battery_add_text(b, "search", sb.s, sb.n, true, &d);
	if (st != ARC_OK) {
		/* The search prints only what the parser reads: anything else is a bug. */
		if (st == ARC_E_INPUT)
			st = ARC_E_INTERNAL;
		arc_error_set(err, st, "search", t->id, d.n ? d.items[0].line : 0, 0,
		              "a found program was refused: %s", d.n ? d.items[0].message : "?");
	}
	arc_diag_free(&d);
	sb_free(&sb);
	return st;
}

typedef struct out_ctx {
	const arc_task *const *tasks;
	const found *fd;
	size_t n;
} out_ctx;

static bool write_found(FILE *f, void *ud)
{
	const out_ctx *c = ud;
	fputs("from dsl import *\nfrom constants import *\n", f);
	for (size_t k = 0; k < c->n; k++)
		for (size_t j = 0; j < c->fd[k].n; j++) {
			const search_cand *x = &c->fd[k].c[j];
			fprintf(f, "\n\n# found by the search: %u train pairs, closeness %.6f, %u nodes\n",
			        x->train_exact, x->closeness, x->size);
			if (j)
				fprintf(f, "def solve_%s_%zu(I):\n%s", c->tasks[k]->id, j + 1, x->text);
			else
				fprintf(f, "def solve_%s(I):\n%s", c->tasks[k]->id, x->text);
		}
	return !ferror(f);
}

static bool explained(const arc_task_result *r)
{
	return r->nranked && r->ranked[0].exact == (uint32_t)r->task->ntrain;
}

arc_status arc_run_search(arc_battery *b, const arc_taskset *ts, const size_t *idx, size_t n,
                          const arc_run_opts *opts, arc_run **out, arc_error *err)
{
	arc_run_opts o = *opts;
	o.scope = NULL;
	size_t np0 = arc_battery_count(b);
	arc_run *r = NULL;
	arc_status st = arc_run_battery(b, ts, idx, n, &o, &r, err);
	if (st != ARC_OK || !opts->search.nodes) {
		*out = r;
		return st;
	}
	/* The tasks to search, by position in the run. */
	size_t *pos = malloc((n ? n : 1) * sizeof *pos), ns = 0;
	const arc_task **tasks = malloc((n ? n : 1) * sizeof *tasks);
	found *fd = calloc(n ? n : 1, sizeof *fd);
	arc_search_stats *stats = calloc(n ? n : 1, sizeof *stats);
	size_t *sidx = malloc((n ? n : 1) * sizeof *sidx);
	size_t *scope = NULL;
	arc_run *r2 = NULL;
	backend *be = NULL;
	if (!pos || !tasks || !fd || !stats || !sidx) {
		st = arc_error_set(err, ARC_E_NOMEM, NULL, NULL, 0, 0, "out of memory for the search");
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		if (opts->search.all_tasks || !explained(&r->tasks[i])) {
			pos[ns] = i, sidx[ns] = idx[i];
			tasks[ns++] = r->tasks[i].task;
		}
	st = backend_open(&(backend_opts){.kind = opts->backend, .threads = 1}, &be, NULL, 0, err);
	if (st != ARC_OK)
		goto out;
	size_t threads = opts->threads ? opts->threads : pool_cpu_count();
	search_ctx c = {.opts = opts, .tasks = tasks, .n = ns, .threads = threads, .found = fd,
	                .stats = stats, .be = be, .status = ARC_OK};
	if (opts->search.time_budget > 0)
		c.end = search_now() + opts->search.time_budget;
	pthread_mutex_init(&c.lock, NULL);
	double t0 = search_now();
	pool_run(threads < ns ? threads : (ns ? ns : 1), ns, search_one, &c);
	r->search_wall_s = search_now() - t0;
	pthread_mutex_destroy(&c.lock);
	if (c.status != ARC_OK) {
		*err = c.err;
		st = (arc_status)c.status;
		goto out;
	}
	for (size_t k = 0; k < ns && st == ARC_OK; k++) {
		add_stats(&r->search, &stats[k]);
		r->tasks[pos[k]].search = stats[k];
		st = add_found(b, tasks[k], &fd[k], err);
	}
	if (st == ARC_OK && opts->search_out)
		st = arc_write_file(opts->search_out, write_found,
		                    &(out_ctx){.tasks = tasks, .fd = fd, .n = ns}, err);
	if (st != ARC_OK)
		goto out;
	/* Each found program on its own task only; the battery's on every task, as before. */
	size_t np = arc_battery_count(b), again = 0;
	if (np == np0)
		goto out;
	if (!(scope = malloc(np * sizeof *scope))) {
		st = arc_error_set(err, ARC_E_NOMEM, NULL, NULL, 0, 0, "out of memory for the search");
		goto out;
	}
	for (size_t p = 0; p < np0; p++)
		scope[p] = SIZE_MAX;
	for (size_t k = 0, p = np0; k < ns; k++) {
		for (size_t j = 0; j < fd[k].n; j++)
			scope[p++] = sidx[k];
		if (fd[k].n)
			pos[again] = pos[k], sidx[again++] = sidx[k];
	}
	o.scope = scope;
	o.progress = NULL;
	st = arc_run_battery(b, ts, sidx, again, &o, &r2, err);
	if (st != ARC_OK)
		goto out;
	for (size_t k = 0; k < again; k++) {
		arc_task_result *a = &r->tasks[pos[k]], *z = &r2->tasks[k];
		arc_task_result keep = *a;
		*a = *z;
		a->search = keep.search;
		a->eval_s += keep.eval_s, a->score_s += keep.score_s, a->evals += keep.evals;
		z->ranked = keep.ranked, z->pred = keep.pred;
	}
	r->batch.added += r2->batch.added, r->batch.processed += r2->batch.processed;
	r->batch.batches += r2->batch.batches, r->batch.backend_s += r2->batch.backend_s;
	r->batch.bytes_to += r2->batch.bytes_to, r->batch.bytes_from += r2->batch.bytes_from;
	r->wall_s += r2->wall_s;
out:
	for (size_t k = 0; fd && k < n; k++)
		search_cands_free(fd[k].c, fd[k].n);
	free(fd), free(stats), free(pos), free(tasks), free(sidx), free(scope);
	arc_run_free(r2);
	backend_close(be);
	if (st != ARC_OK) {
		arc_run_free(r);
		r = NULL;
	}
	*out = r;
	return st;
}
