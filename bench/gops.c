/* bench/gops.c — what each grid op costs: every op (its variants in turn) applied with
 * gprog_apply (the CPU's one lane) to every train and test input of the tasks; per op the
 * fastest of N rounds in the thread's CPU time (so other processes' load shows little),
 * nanoseconds per application and the ratio to the mean over all ops.
 * usage: build/bench/gops [DATA] [--reps N] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arcbatt.h"
#include "gprog.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
	const char *data = "data/arc-agi-1/training";
	int reps = 5;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--reps") && i + 1 < argc) {
			reps = atoi(argv[++i]);
		} else if (argv[i][0] != '-') {
			data = argv[i];
		} else {
			fprintf(stderr, "usage: %s [DATA] [--reps N]\n", argv[0]);
			return 1;
		}
	}
	arc_taskset *ts = NULL;
	if (arc_taskset_load(data, &(arc_load_opts){0}, &ts, NULL) > ARC_E_INPUT || !ts) {
		fprintf(stderr, "bench/gops: cannot load %s\n", data);
		return 1;
	}
	size_t ng = 0, cap = 0;
	const arc_grid **g = NULL;
	for (size_t t = 0; t < arc_taskset_count(ts); t++) {
		const arc_task *k = arc_taskset_get(ts, t);
		for (int p = 0; p < k->ntrain + k->ntest; p++) {
			if (ng == cap) {
				cap = cap ? 2 * cap : 1024;
				const arc_grid **m = realloc(g, cap * sizeof *g);
				if (!m)
					return 1;
				g = m;
			}
			g[ng++] = p < k->ntrain ? &k->train[p].input : &k->test[p - k->ntrain].input;
		}
	}
	double ns[GOP_COUNT], total = 0;
	unsigned long ok[GOP_COUNT], runs[GOP_COUNT];
	arc_grid out;
	for (int c = 0; c < GOP_COUNT; c++) {
		const gop_info *in = &gop_table[c];
		ns[c] = 1e300;
		for (int r = 0; r < reps; r++) {
			ok[c] = runs[c] = 0;
			double t0 = now();
			for (int a = in->alo; a <= in->ahi; a++)
				for (int b = in->blo; b <= in->bhi; b++) {
					gprog p = {.n = 1, .op = {{.code = (uint8_t)c, .a = (int8_t)a, .b = (int8_t)b}}};
					for (size_t k = 0; k < ng; k++)
						ok[c] += gprog_apply(&p, g[k], &out), runs[c]++;
				}
			double t = (now() - t0) * 1e9 / (double)runs[c];
			ns[c] = t < ns[c] ? t : ns[c];
		}
		total += ns[c];
	}
	printf("bench/gops: %zu inputs of %s, fastest of %d rounds\nop               ns/apply  x mean   ok %%\n", ng,
	       data, reps);
	for (int c = 0; c < GOP_COUNT; c++)
		printf("%-16s %8.1f  %6.2f  %5.1f\n", gop_table[c].name, ns[c], ns[c] * GOP_COUNT / total,
		       100.0 * (double)ok[c] / (double)runs[c]);
	free(g);
	arc_taskset_free(ts);
	return 0;
}
