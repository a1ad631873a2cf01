/* evolve_search.c — the search step of a round of evolution: the search (search.c) on each task
 * no program explains, over the worker pool, with a node budget that doubles each round (a
 * round repeating the last one's budget would find the same programs). What it finds is handed
 * back as arc-dsl text; the round scores it and archives it with origin "enumerated". */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#include "evolve.h"
#include "pool.h"
#include "search.h"
#include "strbuf.h"

typedef struct esearch {
	const evo_search_in *in;
	arc_search_opts opts;
	backend *be;
	search_cand **c;  /* per task */
	size_t *n;
	atomic_int status;
} esearch;

static void search_one(void *vctx, size_t worker, size_t item)
{
	esearch *e = vctx;
	if (atomic_load(&e->status) != ARC_OK)
		return;
	arc_search_stats st = {0};
	arc_error err;
	const arc_task *t = arc_taskset_get(e->in->ts, e->in->tasks[item]);
	arc_status s = search_task(t, &e->opts, e->be, 0, &e->c[item], &e->n[item], &st, &err);
	if (s != ARC_OK) {
		int ok = ARC_OK;
		atomic_compare_exchange_strong(&e->status, &ok, (int)s);
	}
}

arc_status evolve_search(const evo_search_in *in, evo_search_out *out, arc_error *err)
{
	*out = (evo_search_out){0};
	size_t n = in->ntasks;
	esearch e = {.in = in, .opts = ARC_SEARCH_DEFAULT, .status = ARC_OK};
	e.opts.nodes = in->nodes;
	uint32_t doublings = in->round > 1 ? in->round - 1 : 0;
	e.opts.nodes <<= doublings < 6 ? doublings : 6;
	e.c = calloc(n ? n : 1, sizeof *e.c);
	e.n = calloc(n ? n : 1, sizeof *e.n);
	arc_status st = e.c && e.n ? ARC_OK
	                           : arc_error_set(err, ARC_E_NOMEM, NULL, NULL, 0, 0, "out of memory");
	if (!st)
		st = backend_open(&(backend_opts){.kind = ARC_BACKEND_AUTO, .threads = 1}, &e.be, NULL,
		                  0, err);
	if (!st) {
		size_t threads = in->threads ? in->threads : pool_cpu_count();
		pool_run(threads < n ? threads : (n ? n : 1), n, search_one, &e);
		if (e.status != ARC_OK)
			st = arc_error_set(err, (arc_status)e.status, NULL, NULL, 0, 0,
			                   "the search step failed: %s", arc_status_name(e.status));
	}
	size_t total = 0;
	for (size_t i = 0; i < n && e.n; i++)
		total += e.n[i];
	if (!st && total && !(out->found = calloc(total, sizeof *out->found)))
		st = arc_error_set(err, ARC_E_NOMEM, NULL, NULL, 0, 0, "out of memory");
	for (size_t i = 0; i < n && !st; i++)
		for (size_t k = 0; k < e.n[i] && !st; k++) {
			strbuf sb = {0};
			sb_printf(&sb, "def search(I):\n%s", e.c[i][k].text);
			if (sb.oom) {
				sb_free(&sb);
				st = arc_error_set(err, ARC_E_NOMEM, NULL, NULL, 0, 0, "out of memory");
				break;
			}
			out->found[out->n++] = (evo_found){.task = in->tasks[i], .text = sb.s};
		}
	for (size_t i = 0; i < n && e.c; i++)
		search_cands_free(e.c[i], e.n[i]);
	free(e.c), free(e.n);
	backend_close(e.be);
	if (st)
		evo_search_out_free(out);
	return st;
}

void evo_search_out_free(evo_search_out *out)
{
	for (size_t i = 0; i < out->n; i++)
		free(out->found[i].text);
	free(out->found);
	*out = (evo_search_out){0};
}
