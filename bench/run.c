/* bench/run.c — the battery runner over a task set: tasks per second and program-input
 * evaluations per second, with 1 thread and with every core (or the counts given).
 * usage: build/bench/run [DATA [BATTERY_FILE... ]] [--threads N,M,...] [--repeat R] */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "arcbatt.h"
#include "bench.h"

int main(int argc, char **argv)
{
	bench_args a = {.threads = {1, (size_t)sysconf(_SC_NPROCESSORS_ONLN)}, .nthreads = 2};
	bench_parse(argc, argv, false, &a);
	arc_taskset *ts;
	arc_battery *b;
	if (!bench_load("bench/run", &a, &ts, &b))
		return 1;
	size_t n = arc_taskset_count(ts), *idx = malloc(n * sizeof *idx);
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	printf("bench/run: %zu tasks, %zu programs, %zu calls (%zu before merging)\n", n,
	       arc_battery_count(b), arc_battery_calls(b), arc_battery_calls_unmerged(b));
	for (size_t k = 0; k < a.nthreads; k++) {
		double best = 1e30;
		uint64_t evals = 0;
		for (int rep = 0; rep < a.repeat; rep++) {
			arc_run *r;
			arc_error err;
			arc_run_opts o = {.limits = ARC_LIMITS_DEFAULT, .threads = a.threads[k]};
			double t0 = bench_now();
			if (arc_run_battery(b, ts, idx, n, &o, &r, &err) != ARC_OK) {
				arc_error_print(&err, stderr);
				return 1;
			}
			double t = bench_now() - t0;
			best = t < best ? t : best;
			evals = 0;
			for (size_t i = 0; i < r->ntasks; i++)
				evals += r->tasks[i].evals;
			arc_run_free(r);
		}
		printf("threads %2zu: %.3f s (best of %d)  %8.0f tasks/s  %10.0f evals/s  "
		       "(%llu program-input evaluations)\n",
		       a.threads[k], best, a.repeat, n / best, evals / best, (unsigned long long)evals);
	}
	free(idx);
	arc_battery_free(b);
	arc_taskset_free(ts);
	return 0;
}
