/* bench/run.c — the battery runner over a task set: tasks per second and program-input
 * evaluations per second, with 1 thread and with every core (or the counts given).
 * usage: build/bench/run [DATA [BATTERY_FILE... ]] [--threads N,M,...] [--repeat R] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "arcbatt.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
	const char *data = "data/arc-agi-1/training";
	const char *files[64];
	size_t nfiles = 0, threads[8] = {1, (size_t)sysconf(_SC_NPROCESSORS_ONLN)}, nthreads = 2;
	int repeat = 3;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--threads") && i + 1 < argc) {
			nthreads = 0;
			for (char *t = strtok(argv[++i], ","); t && nthreads < 8; t = strtok(NULL, ","))
				threads[nthreads++] = strtoul(t, NULL, 10);
		} else if (!strcmp(argv[i], "--repeat") && i + 1 < argc) {
			repeat = atoi(argv[++i]);
		} else if (i == 1) {
			data = argv[i];
		} else if (nfiles < 64) {
			files[nfiles++] = argv[i];
		}
	}
	if (!nfiles)
		files[nfiles++] = "batteries/training.py";
	arc_taskset *ts = NULL;
	if (arc_taskset_load(data, &(arc_load_opts){0}, &ts, NULL) != ARC_OK) {
		fprintf(stderr, "bench/run: cannot load %s\n", data);
		return 1;
	}
	arc_battery *b = arc_battery_new();
	for (size_t i = 0; i < nfiles; i++)
		if (arc_battery_add_file(b, files[i], false, NULL) > ARC_E_INPUT) {
			fprintf(stderr, "bench/run: cannot load %s\n", files[i]);
			return 1;
		}
	size_t n = arc_taskset_count(ts), *idx = malloc(n * sizeof *idx);
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	printf("bench/run: %zu tasks, %zu programs, %zu calls (%zu before merging)\n", n,
	       arc_battery_count(b), arc_battery_calls(b), arc_battery_calls_unmerged(b));
	for (size_t k = 0; k < nthreads; k++) {
		double best = 1e30;
		uint64_t evals = 0;
		for (int rep = 0; rep < repeat; rep++) {
			arc_run *r;
			arc_error err;
			arc_run_opts o = {.limits = ARC_LIMITS_DEFAULT, .threads = threads[k]};
			double t0 = now();
			if (arc_run_battery(b, ts, idx, n, &o, &r, &err) != ARC_OK) {
				arc_error_print(&err, stderr);
				return 1;
			}
			double t = now() - t0;
			best = t < best ? t : best;
			evals = 0;
			for (size_t i = 0; i < r->ntasks; i++)
				evals += r->tasks[i].evals;
			arc_run_free(r);
		}
		printf("threads %2zu: %.3f s (best of %d)  %8.0f tasks/s  %10.0f evals/s  "
		       "(%llu program-input evaluations)\n",
		       threads[k], best, repeat, n / best, evals / best, (unsigned long long)evals);
	}
	free(idx);
	arc_battery_free(b);
	arc_taskset_free(ts);
	return 0;
}
