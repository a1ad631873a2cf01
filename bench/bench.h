/* bench.h — what bench/eval and bench/run share: the clock, their command line (DATA, battery
 * files, --threads N,M,..., --repeat R, and --top N for bench/eval) and the loading of the task
 * set and the battery. */
#ifndef ARC_BENCH_H
#define ARC_BENCH_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arcbatt.h"

typedef struct bench_args {
	const char *data;      /* DATA (default: the bundled training tasks) */
	const char *files[64]; /* battery files (default: batteries/training.py) */
	size_t nfiles;
	size_t threads[8];     /* thread counts to measure (bench/run: 0 is one per core) */
	size_t nthreads;
	int repeat;            /* runs per figure (at least 1), the best kept */
	size_t top;            /* --top N, where the caller accepts it */
} bench_args;

static inline double bench_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

/* Parses argv into a, whose threads and nthreads hold the defaults; --top only with take_top. */
static inline void bench_parse(int argc, char **argv, bool take_top, bench_args *a)
{
	a->data = "data/arc-agi-1/training";
	a->nfiles = 0;
	a->repeat = 3;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--threads") && i + 1 < argc) {
			a->nthreads = 0;
			for (char *t = strtok(argv[++i], ","); t && a->nthreads < 8; t = strtok(NULL, ","))
				a->threads[a->nthreads++] = strtoul(t, NULL, 10);
		} else if (!strcmp(argv[i], "--repeat") && i + 1 < argc) {
			a->repeat = atoi(argv[++i]) > 0 ? atoi(argv[i]) : 1;
		} else if (take_top && !strcmp(argv[i], "--top") && i + 1 < argc) {
			a->top = strtoul(argv[++i], NULL, 10);
		} else if (i == 1) {
			a->data = argv[i];
		} else if (a->nfiles < 64) {
			a->files[a->nfiles++] = argv[i];
		}
	}
	if (!a->nfiles)
		a->files[a->nfiles++] = "batteries/training.py";
}

/* The task set and the battery of a (bad tasks and programs skipped); false, saying so on
 * stderr under the bench's name, when either cannot be read. */
static inline bool bench_load(const char *name, const bench_args *a, arc_taskset **ts,
                              arc_battery **b)
{
	*ts = NULL;
	*b = NULL;
	if (arc_taskset_load(a->data, &(arc_load_opts){0}, ts, NULL) > ARC_E_INPUT || !*ts) {
		fprintf(stderr, "%s: cannot load %s\n", name, a->data);
		return false;
	}
	*b = arc_battery_new();
	for (size_t i = 0; i < a->nfiles; i++)
		if (!*b || arc_battery_add_file(*b, a->files[i], false, NULL) > ARC_E_INPUT) {
			fprintf(stderr, "%s: cannot load %s\n", name, a->files[i]);
			return false;
		}
	return true;
}

#endif
