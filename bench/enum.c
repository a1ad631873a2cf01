/* bench/enum.c — the bottom-up enumerator (src/enum.c) alone on the bundled training tasks, one
 * thread, at budgets of 10^4, 10^5 and 10^6 evals per task: tasks whose train pairs some
 * candidate all reproduces, of those the ones whose test outputs are right (top-2: the two best
 * distinct test outputs of the ranked candidates, as the runner predicts), the Kaggle score over
 * the tasks run, and evals and distinct values per second of thread CPU time.
 * --check runs every candidate through the parser and the evaluator and counts those whose
 * outputs differ from the enumerator's (the round trip; 0 expected).
 * usage: build/bench/enum [DATA] [--tasks N | --sample N | --ids ID,ID,...] [--budgets A,B,...]
 *                         [--max-size N] [--memory MiB] [--stop-exact N] [--check] [-v] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "enum.h"
#include "strbuf.h"

static double thread_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Tests of t right in one of two attempts: the first two distinct outputs in rank order. */
static int tests_right(const arc_task *t, const enum_cand *c, size_t n)
{
	int right = 0;
	for (int j = 0; j < t->ntest; j++) {
		const arc_grid *att[2] = {NULL, NULL};
		for (size_t k = 0; k < n && !att[1]; k++) {
			const arc_grid *g = &c[k].outputs[t->ntrain + j];
			if (!att[0])
				att[0] = g;
			else if (!arc_grid_equal(att[0], g))
				att[1] = g;
		}
		bool ok = false;
		for (int a = 0; a < 2; a++)
			ok |= att[a] && t->test[j].has_output && arc_grid_equal(att[a], &t->test[j].output);
		right += ok;
	}
	return right;
}

/* Candidates of t whose text does not parse or whose evaluated outputs differ from theirs. */
static size_t round_trip_failures(const arc_task *t, const enum_cand *c, size_t n)
{
	if (!n)
		return 0;
	strbuf sb = {0};
	for (size_t k = 0; k < n; k++)
		sb_printf(&sb, "def c%zu(I):\n%s", k, c[k].text);
	arc_battery *b = arc_battery_new();
	arc_battery_add_text(b, "candidates", sb.s, sb.n, false, NULL);
	sb_free(&sb);
	size_t np = arc_battery_count(b), bad = n - np;
	arc_evaluator *ev = arc_evaluator_new(b, NULL);
	arc_outcome *out = malloc((np ? np : 1) * sizeof *out);
	bool *wrong = calloc(np ? np : 1, sizeof *wrong);
	for (int i = 0; i < t->ntrain + t->ntest; i++) {
		const arc_grid *in = i < t->ntrain ? &t->train[i].input : &t->test[i - t->ntrain].input;
		arc_evaluator_run(ev, in, NULL, out);
		for (size_t p = 0; p < np; p++) {
			size_t k = strtoul(arc_battery_name(b, p) + 1, NULL, 10);
			wrong[p] |= out[p].status != ARC_EVAL_OK || !arc_grid_equal(&out[p].grid, &c[k].outputs[i]);
		}
	}
	for (size_t p = 0; p < np; p++)
		bad += wrong[p];
	free(wrong);
	free(out);
	arc_evaluator_free(ev);
	arc_battery_free(b);
	return bad;
}

int main(int argc, char **argv)
{
	const char *data = "data/arc-agi-1/training";
	size_t ntasks = 0, sample = 0;
	uint64_t budgets[8] = {10000, 100000, 1000000};
	int nbudgets = 3;
	bool verbose = false, check = false;
	char *ids = NULL;
	enum_opts o = ENUM_OPTS_DEFAULT;
	for (int i = 1; i < argc; i++) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(argv[i], "--tasks") && v)
			ntasks = strtoul(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--sample") && v)
			sample = strtoul(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--ids") && v)
			ids = argv[++i];
		else if (!strcmp(argv[i], "--max-size") && v)
			o.max_size = (unsigned)strtoul(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--stop-exact") && v)
			o.stop_exact = strtoul(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--memory") && v)
			o.max_bytes = strtoull(argv[++i], NULL, 10) << 20;
		else if (!strcmp(argv[i], "--budgets") && v) {
			nbudgets = 0;
			for (char *s = argv[++i]; *s && nbudgets < 8; s += *s == ',')
				budgets[nbudgets++] = strtoull(s, &s, 10);
		} else if (!strcmp(argv[i], "--check"))
			check = true;
		else if (!strcmp(argv[i], "-v"))
			verbose = true;
		else if (argv[i][0] != '-')
			data = argv[i];
		else {
			fprintf(stderr, "bench/enum: unknown option %s\n", argv[i]);
			return 1;
		}
	}
	arc_taskset *ts = NULL;
	if (arc_taskset_load(data, &(arc_load_opts){0}, &ts, NULL) > ARC_E_INPUT || !ts) {
		fprintf(stderr, "bench/enum: cannot load %s\n", data);
		return 1;
	}
	size_t total = arc_taskset_count(ts), n = ntasks && ntasks < total ? ntasks : total;
	size_t step = sample && sample < total ? total / sample : 1;
	if (sample && sample < total)
		n = sample;
	const arc_task **tasks = malloc(total * sizeof *tasks);
	for (size_t i = 0; i < n; i++)
		tasks[i] = arc_taskset_get(ts, i * step);
	if (ids) {
		n = 0;
		for (char *id = strtok(ids, ","); id; id = strtok(NULL, ","))
			if ((tasks[n] = arc_taskset_find(ts, id)))
				n++;
			else
				fprintf(stderr, "bench/enum: no task %s in %s\n", id, data);
	}
	printf("bench/enum: %zu tasks of %s (%s), max size %u, memory cap %zu MiB, 1 thread\n", n, data,
	       ids ? "by id" : step > 1 ? "a sample" : n < total ? "the first" : "all", o.max_size,
	       o.max_bytes >> 20);
	printf("%10s %6s %8s %8s %8s %8s %7s %12s %12s %8s %6s\n", "evals/task", "tasks", "train ok",
	       "test ok", "kaggle", "budget", "memcap", "evals/s", "distinct/s", "cpu s", "size");
	for (int b = 0; b < nbudgets; b++) {
		o.max_evals = budgets[b];
		size_t train_ok = 0, test_ok = 0, hit = 0, mem = 0, sizes = 0, checked = 0, bad = 0;
		double kaggle = 0, cpu = 0;
		uint64_t evals = 0, distinct = 0;
		for (size_t i = 0; i < n; i++) {
			const arc_task *t = tasks[i];
			enum_cand *c;
			size_t nc;
			enum_stats st;
			arc_error err;
			double t0 = thread_s();
			if (enum_task(t, &o, &c, &nc, &st, &err)) {
				arc_error_print(&err, stderr);
				return 1;
			}
			cpu += thread_s() - t0;
			evals += st.evals;
			distinct += st.distinct;
			hit += st.budget_hit;
			mem += st.memory_hit;
			sizes += st.size_done;
			bool all = nc && c[0].train_exact == (uint32_t)t->ntrain;
			int right = tests_right(t, c, nc);
			train_ok += all;
			test_ok += all && right == t->ntest;
			kaggle += (double)right / t->ntest;
			if (verbose)
				printf("  %s: %zu cands, best %u/%d exact (size %u), %d/%d tests, %llu evals, "
				       "%llu distinct, size %u done%s%s\n%s", t->id, nc, nc ? c[0].train_exact : 0,
				       t->ntrain, nc ? c[0].size : 0, right, t->ntest,
				       (unsigned long long)st.evals, (unsigned long long)st.distinct,
				       st.size_done, st.budget_hit ? ", budget" : "",
				       st.memory_hit ? ", memory" : "", all ? c[0].text : "");
			if (check) {
				checked += nc;
				bad += round_trip_failures(t, c, nc);
			}
			enum_cands_free(c, nc);
		}
		printf("%10llu %6zu %8zu %8zu %8.2f %8zu %7zu %12.0f %12.0f %8.2f %6.2f\n",
		       (unsigned long long)budgets[b], n, train_ok, test_ok, kaggle, hit, mem,
		       evals / cpu, distinct / cpu, cpu, (double)sizes / n);
		if (check)
			printf("%10s round trip: %zu candidates, %zu differ\n", "", checked, bad);
		fflush(stdout);
	}
	free(tasks);
	arc_taskset_free(ts);
	return 0;
}
