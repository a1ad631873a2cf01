/* bench/search.c — the search alone (run -b none) on a task set: Kaggle score (top 2), tasks
 * solved and explained at wall-clock budgets per task (0.1 and 1 s by default; --seconds picks),
 * at wall-clock budgets for the whole run (--time-budget: run's, shared out over the tasks), or
 * at a node budget (--nodes: deterministic), on 2 threads by default; candidates evaluated,
 * grid programs applied and distinct values kept per CPU second (per core), and candidates and
 * distinct values per second of the run's wall time (all threads and the device together).
 * usage: build/bench/search [DATA] [--seconds S,S,...] [--time-budget T,T,...] [--nodes N]
 *        [--threads N] [--backend auto|cpu|cuda] [--sample N] [--features LIST|none]
 *        [--depth D] [--batch-items N] (items per grid-layer batch; 0: the default)
 * LIST: comma-separated search features (default: run's default). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arcbatt.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

#define USAGE                                                                                \
	"usage: build/bench/search [DATA] [--seconds S,S,...] [--time-budget T,T,...] [--nodes N]\n" \
	"       [--threads N] [--backend auto|cpu|cuda] [--sample N] [--features LIST|none]\n"     \
	"       [--depth D] [--batch-items N]\n"                                                   \
	"--seconds: per task; --time-budget: for the whole run (its search), as arcbatt run's\n"   \
	"LIST: comma-separated, any of colors, best-first, compose, enum, roles, augment, recolor,\n" \
	"      objmap, shape, stop (default: arcbatt run's)\n"

int main(int argc, char **argv)
{
	const char *data = "data/arc-agi-1/training";
	double secs[8] = {0.1, 1};
	size_t nsecs = 2, threads = 2, sample = 0;
	bool whole = false; /* secs are --time-budget's, for the whole run */
	uint64_t nodes = 0;
	arc_search_opts so = ARC_SEARCH_DEFAULT;
	arc_backend_kind kind = ARC_BACKEND_AUTO;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if ((!strcmp(a, "--seconds") || !strcmp(a, "--time-budget")) && v) {
			whole = !strcmp(a, "--time-budget");
			nsecs = 0;
			for (char *t = strtok(argv[++i], ","); t && nsecs < 8; t = strtok(NULL, ","))
				secs[nsecs++] = atof(t);
		} else if (!strcmp(a, "--nodes") && v) {
			nodes = strtoull(argv[++i], NULL, 10);
		} else if (!strcmp(a, "--threads") && v) {
			threads = strtoul(argv[++i], NULL, 10);
		} else if (!strcmp(a, "--sample") && v) {
			sample = strtoul(argv[++i], NULL, 10);
		} else if (!strcmp(a, "--batch-items") && v) {
			so.batch_items = strtoul(argv[++i], NULL, 10);
		} else if (!strcmp(a, "--depth") && v) {
			so.max_depth = (unsigned)atoi(argv[++i]);
		} else if (!strcmp(a, "--features") && v) {
			arc_error ferr = {0};
			if (arc_search_features_parse(argv[++i], &so.features, &ferr) != ARC_OK) {
				fprintf(stderr, "bench/search: --features: %s\n", ferr.message);
				return 1;
			}
		} else if (!strcmp(a, "--backend") && v) {
			i++;
			kind = !strcmp(v, "cuda") ? ARC_BACKEND_CUDA
			       : !strcmp(v, "cpu") ? ARC_BACKEND_CPU : ARC_BACKEND_AUTO;
		} else if (a[0] != '-') {
			data = a;
		} else {
			bool help = !strcmp(a, "--help") || !strcmp(a, "-h");
			if (!help)
				fprintf(stderr, "bench/search: unknown option %s\n", a);
			fputs(USAGE, help ? stdout : stderr);
			return help ? 0 : 1;
		}
	}
	arc_taskset *ts = NULL;
	if (arc_taskset_load(data, &(arc_load_opts){0}, &ts, NULL) > ARC_E_INPUT || !ts) {
		fprintf(stderr, "bench/search: cannot load %s\n", data);
		return 1;
	}
	size_t *idx, n;
	arc_error err;
	arc_selection sel = {.sample = sample, .seed = 1};
	if (arc_taskset_select(ts, &sel, &idx, &n, &err) != ARC_OK) {
		arc_error_print(&err, stderr);
		return 1;
	}
	char why[200] = "";
	if (!arc_backend_available(kind, why, sizeof why)) {
		fprintf(stderr, "bench/search: %s; running on the CPU\n", why);
		kind = ARC_BACKEND_CPU;
	}
	printf("bench/search: %zu tasks of %s, -b none, %zu threads, backend %s, depth %u, features",
	       n, data, threads, kind == ARC_BACKEND_CUDA ? "cuda" : kind == ARC_BACKEND_CPU ? "cpu" : "auto",
	       so.max_depth);
	for (unsigned k = 0; arc_search_feature_name(k); k++)
		if (so.features & 1u << k)
			printf(" %s", arc_search_feature_name(k));
	puts(so.features ? "" : " none");
	printf("%-12s %8s %7s %9s %8s %12s %12s %12s %12s %12s\n", "budget", "score", "solved",
	       "explained", "wall s", "cand/cpu-s", "apply/cpu-s", "dist/cpu-s", "cand/s", "dist/s");
	for (size_t k = 0; k < (nodes ? 1 : nsecs); k++) {
		arc_run_opts o = {.limits = ARC_LIMITS_DEFAULT, .threads = threads, .backend = kind,
		                  .search = so};
		o.search.nodes = nodes ? nodes : UINT64_MAX;
		o.search.seconds = nodes || whole ? 0 : secs[k];
		o.search.time_budget = nodes || !whole ? 0 : secs[k];
		o.search.all_tasks = true;
		arc_battery *b = arc_battery_new();
		arc_run *r;
		double t0 = now();
		if (arc_run_search(b, ts, idx, n, &o, &r, &err) != ARC_OK) {
			arc_error_print(&err, stderr);
			return 1;
		}
		double wall = now() - t0;
		arc_run_tally tl = arc_run_count(r, NULL);
		const arc_search_stats *s = &r->search;
		double cpu = s->cpu_seconds > 0 ? s->cpu_seconds : 1e-9;
		char label[32];
		if (nodes)
			snprintf(label, sizeof label, "%llu nodes", (unsigned long long)nodes);
		else
			snprintf(label, sizeof label, whole ? "%g s/run" : "%g s/task", secs[k]);
		printf("%-12s %8.2f %3zu/%-3zu %9zu %8.2f %12.0f %12.0f %12.0f %12.0f %12.0f\n", label,
		       tl.score, tl.solved, tl.scored, tl.explained, wall, s->evaluated / cpu,
		       s->applied / cpu, s->distinct / cpu, s->evaluated / wall, s->distinct / wall);
		printf("             (%llu candidates, %llu applications, %llu distinct values, "
		       "depth %u; %.2f CPU s; ended by memory %llu, by clock %llu)\n",
		       (unsigned long long)s->evaluated, (unsigned long long)s->applied,
		       (unsigned long long)s->distinct, s->depth, s->cpu_seconds,
		       (unsigned long long)s->memory_hit, (unsigned long long)s->time_hit);
		fflush(stdout);
		arc_run_free(r);
		arc_battery_free(b);
	}
	free(idx);
	arc_taskset_free(ts);
	return 0;
}
