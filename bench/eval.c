/* bench/eval.c — the battery evaluator alone: every program of the battery on every train and
 * test input of the task set, all programs active; prints program-input evaluations per second
 * per thread and the graph's merge ratio.
 * With --top N, each program also runs alone (active mask) and the N slowest are listed.
 * usage: build/bench/eval [DATA [BATTERY_FILE...]] [--threads N,M,...] [--repeat R] [--top N] */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "arcbatt.h"
#include "bench.h"

typedef struct job {
	const arc_battery *b;
	const arc_grid **inputs; /* every input of the task set */
	size_t ninputs;
	atomic_size_t next;      /* next input to claim */
	atomic_ullong computed;  /* nodes evaluated, all threads */
	atomic_ullong ok;        /* programs that returned a grid */
} job;

static void *worker(void *arg)
{
	job *j = arg;
	size_t np = arc_battery_count(j->b);
	arc_evaluator *ev = arc_evaluator_new(j->b, NULL);
	arc_outcome *out = malloc((np ? np : 1) * sizeof *out);
	unsigned long long computed = 0, ok = 0;
	for (size_t i; ev && out && (i = atomic_fetch_add(&j->next, 1)) < j->ninputs;) {
		arc_evaluator_run(ev, j->inputs[i], NULL, out);
		computed += arc_evaluator_computed(ev);
		for (size_t p = 0; p < np; p++)
			ok += out[p].status == ARC_EVAL_OK;
	}
	atomic_fetch_add(&j->computed, computed);
	atomic_fetch_add(&j->ok, ok);
	free(out);
	arc_evaluator_free(ev);
	return NULL;
}

typedef struct cost {
	size_t prog;
	double seconds;
	unsigned long long work; /* work units over every input */
} cost;

static int by_seconds(const void *a, const void *b)
{
	double x = ((const cost *)a)->seconds, y = ((const cost *)b)->seconds;
	return (x < y) - (x > y);
}

/* Times each program alone over every input; prints the `top` slowest, and the rate of work
 * units per second (what ARC_STEPS_PER_SECOND is calibrated against) overall and at the
 * slowest per unit. */
static void program_costs(const arc_battery *b, const arc_grid **inputs, size_t ninputs, size_t top)
{
	size_t np = arc_battery_count(b);
	arc_evaluator *ev = arc_evaluator_new(b, NULL);
	arc_outcome *out = malloc((np ? np : 1) * sizeof *out);
	bool *active = calloc(np ? np : 1, sizeof *active);
	cost *c = malloc((np ? np : 1) * sizeof *c);
	double total = 0;
	unsigned long long total_work = 0;
	for (size_t p = 0; ev && out && active && c && p < np; p++) {
		active[p] = true;
		double t0 = bench_now();
		unsigned long long work = 0;
		for (size_t i = 0; i < ninputs; i++) {
			arc_evaluator_run(ev, inputs[i], active, out);
			work += arc_evaluator_work(ev, p);
		}
		c[p] = (cost){p, bench_now() - t0, work};
		total += c[p].seconds;
		total_work += work;
		active[p] = false;
	}
	if (ev && out && active && c) {
		qsort(c, np, sizeof *c, by_seconds);
		printf("programs alone: %.3f s in all, %.3g work units per second; the slowest:\n", total,
		       total > 0 ? total_work / total : 0.0);
		size_t slowest = SIZE_MAX; /* the lowest rate among programs of 1e6 units or more */
		for (size_t k = 0; k < np; k++)
			if (c[k].work >= 1000000 && (slowest == SIZE_MAX ||
			                            c[k].work / c[k].seconds < c[slowest].work / c[slowest].seconds))
				slowest = k;
		for (size_t k = 0; k < top && k < np; k++)
			printf("  %-24s %7.3f s  %5.1f%%  %10llu units  %s\n", arc_battery_name(b, c[k].prog),
			       c[k].seconds, total > 0 ? 100 * c[k].seconds / total : 0.0, c[k].work,
			       arc_battery_file(b, c[k].prog));
		if (slowest != SIZE_MAX)
			printf("lowest rate of a program of 1e6 units or more: %.3g work units per second (%s)\n",
			       c[slowest].work / c[slowest].seconds, arc_battery_name(b, c[slowest].prog));
	}
	free(c);
	free(active);
	free(out);
	arc_evaluator_free(ev);
}

int main(int argc, char **argv)
{
	bench_args a = {.threads = {1}, .nthreads = 1};
	bench_parse(argc, argv, true, &a);
	for (size_t k = 0; k < a.nthreads; k++)
		a.threads[k] += !a.threads[k];
	arc_taskset *ts;
	arc_battery *b;
	if (!bench_load("bench/eval", &a, &ts, &b))
		return 1;
	size_t ntasks = arc_taskset_count(ts), ninputs = 0;
	for (size_t i = 0; i < ntasks; i++)
		ninputs += arc_taskset_get(ts, i)->ntrain + arc_taskset_get(ts, i)->ntest;
	const arc_grid **inputs = malloc((ninputs ? ninputs : 1) * sizeof *inputs);
	ninputs = 0;
	for (size_t i = 0; i < ntasks; i++) {
		const arc_task *t = arc_taskset_get(ts, i);
		for (int k = 0; k < t->ntrain; k++)
			inputs[ninputs++] = &t->train[k].input;
		for (int k = 0; k < t->ntest; k++)
			inputs[ninputs++] = &t->test[k].input;
	}
	size_t np = arc_battery_count(b), calls = arc_battery_calls(b), unmerged = arc_battery_calls_unmerged(b);
	printf("bench/eval: %zu programs on %zu inputs of %zu tasks; graph: %zu calls, %zu before "
	       "merging (merge ratio %.2f)\n",
	       np, ninputs, ntasks, calls, unmerged, calls ? (double)unmerged / calls : 0.0);
	for (size_t k = 0; k < a.nthreads; k++) {
		double best = 1e30;
		unsigned long long computed = 0, ok = 0;
		for (int rep = 0; rep < a.repeat; rep++) {
			job j = {.b = b, .inputs = inputs, .ninputs = ninputs};
			pthread_t tid[256];
			size_t nt = a.threads[k] < 256 ? a.threads[k] : 256;
			double t0 = bench_now();
			for (size_t w = 1; w < nt; w++)
				pthread_create(&tid[w], NULL, worker, &j);
			worker(&j);
			for (size_t w = 1; w < nt; w++)
				pthread_join(tid[w], NULL);
			double t = bench_now() - t0;
			best = t < best ? t : best;
			computed = atomic_load(&j.computed);
			ok = atomic_load(&j.ok);
		}
		double evals = (double)np * ninputs;
		printf("threads %2zu: %.3f s (best of %d)  %10.0f evals/s  %10.0f evals/s per thread  "
		       "%.1f nodes computed per input  %llu grids returned\n",
		       a.threads[k], best, a.repeat, evals / best, evals / best / a.threads[k],
		       ninputs ? (double)computed / ninputs : 0.0, ok);
	}
	if (a.top)
		program_costs(b, inputs, ninputs, a.top);
	free(inputs);
	arc_battery_free(b);
	arc_taskset_free(ts);
	return 0;
}
