/* bench/evolve.c — rounds of evolution on a task set at a fixed budget per round (mutants per
 * unexplained task): tasks solved and explained after each round, where the new solutions came
 * from (written, enumerated, mutated), programs stored, mutants and time; then the table at
 * rounds 1, 2, 4, 8. Starts from a fresh archive and the given battery (`none` for none).
 * usage: build/bench/evolve [DATA] [--battery FILE|none] [--rounds N] [--mutants N]
 *                           [--threads N] [--seed S] [--archive PATH] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arcbatt.h"

typedef struct history {
	arc_round_report r[64]; /* reports of rounds 1..n */
	size_t n;
} history;

static void on_round(void *ud, const arc_round_report *r)
{
	history *h = ud;
	if (h->n < 64)
		h->r[h->n++] = *r;
	const arc_archive_stats *s = &r->stats;
	printf("round %2zu: %3zu/%zu solved (+%zu written, +%zu enumerated, +%zu mutated), %3zu "
	       "explained; stored %zu written, %zu enumerated, %zu mutated; %zu mutants, %zu "
	       "evaluations; %.1f s\n",
	       r->round, s->solved, s->known, r->new_solved[ARC_ORIGIN_WRITTEN],
	       r->new_solved[ARC_ORIGIN_ENUMERATED], r->new_solved[ARC_ORIGIN_MUTATED], s->explained,
	       r->new_programs[ARC_ORIGIN_WRITTEN], r->new_programs[ARC_ORIGIN_ENUMERATED],
	       r->new_programs[ARC_ORIGIN_MUTATED], r->mutants, r->evaluated, r->seconds);
	fflush(stdout);
}

int main(int argc, char **argv)
{
	const char *data = "data/arc-agi-1/training", *battery = "batteries/training.py";
	char path[256];
	snprintf(path, sizeof path, "/tmp/arcbatt-bench-evolve-%ld.db", (long)getpid());
	bool own_path = true;
	arc_evolve_opts o = ARC_EVOLVE_DEFAULT;
	o.rounds = 8;
	for (int i = 1; i < argc; i++) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(argv[i], "--battery") && v)
			battery = argv[++i];
		else if (!strcmp(argv[i], "--rounds") && v)
			o.rounds = strtoul(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--mutants") && v)
			o.mutants = strtoul(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--threads") && v)
			o.threads = strtoul(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--seed") && v)
			o.seed = strtoull(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--archive") && v) {
			snprintf(path, sizeof path, "%s", argv[++i]);
			own_path = false;
		} else if (argv[i][0] != '-')
			data = argv[i];
		else {
			fprintf(stderr, "bench/evolve: unknown option %s\n", argv[i]);
			return 1;
		}
	}
	arc_taskset *ts = NULL;
	arc_battery *b = arc_battery_new();
	if (arc_taskset_load(data, &(arc_load_opts){0}, &ts, NULL) > ARC_E_INPUT || !ts) {
		fprintf(stderr, "bench/evolve: cannot load %s\n", data);
		return 1;
	}
	if (strcmp(battery, "none") && arc_battery_add_file(b, battery, false, NULL) > ARC_E_INPUT) {
		fprintf(stderr, "bench/evolve: cannot load %s\n", battery);
		return 1;
	}
	size_t n = arc_taskset_count(ts), *idx = malloc(n * sizeof *idx);
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	remove(path);
	arc_archive *a;
	arc_error err;
	if (arc_archive_open(path, true, &a, &err)) {
		arc_error_print(&err, stderr);
		return 1;
	}
	history h = {0};
	o.battery = b;
	o.on_round = on_round;
	o.ud = &h;
	printf("bench/evolve: %zu tasks from %s, battery %s (%zu programs), %zu mutants per "
	       "unexplained task per round, seed %llu, archive %s\n",
	       n, data, battery, arc_battery_count(b), o.mutants, (unsigned long long)o.seed, path);
	if (arc_evolve(a, ts, idx, n, &o, &err)) {
		arc_error_print(&err, stderr);
		return 1;
	}
	printf("\n| after round | solved | explained | new since round 1: mutated | enumerated | "
	       "programs | time (s) |\n|---|---|---|---|---|---|---|\n");
	size_t mutated = 0, enumerated = 0;
	double seconds = 0;
	for (size_t k = 0; k < h.n; k++) {
		const arc_round_report *r = &h.r[k];
		if (k) {
			mutated += r->new_solved[ARC_ORIGIN_MUTATED];
			enumerated += r->new_solved[ARC_ORIGIN_ENUMERATED];
		}
		seconds += r->seconds;
		size_t round = r->round;
		if (round == 1 || round == 2 || round == 4 || round == 8 || k + 1 == h.n)
			printf("| %zu | %zu/%zu | %zu | %zu | %zu | %zu | %.1f |\n", round, r->stats.solved,
			       r->stats.known, r->stats.explained, mutated, enumerated, r->stats.programs,
			       seconds);
	}
	arc_archive_close(a);
	if (own_path) {
		char side[300];
		remove(path);
		snprintf(side, sizeof side, "%s-wal", path);
		remove(side);
		snprintf(side, sizeof side, "%s-shm", path);
		remove(side);
	}
	free(idx);
	arc_battery_free(b);
	arc_taskset_free(ts);
	return 0;
}
