/* test_evolve.c — rounds of evolution: on small tasks mutation finds what the battery misses and
 * shrinking finds the short form; the same seed gives the same archive for 1 and 2 threads and
 * in one invocation or two; export -> check gives the archive's outputs; and `arcbatt evolve`
 * killed with SIGKILL at seeded moments leaves an archive that passes integrity_check, has lost
 * nothing it committed, and resumes to exactly the content of a run never stopped. */
#include "testutil.h"

#include <libgen.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "arcbatt.h"

#define DATA "tests/data/evolve"
#define BATTERY "tests/data/evolve-battery/small.py"

static char arcbatt[4096];

static arc_taskset *tasks;
static arc_battery *battery;

typedef struct rounds_seen {
	arc_round_report r[8];
	size_t n;
} rounds_seen;

static void on_round(void *ud, const arc_round_report *r)
{
	rounds_seen *s = ud;
	if (s && s->n < 8)
		s->r[s->n++] = *r;
}

/* Evolves the small tasks into path until `rounds` are complete. */
/* The search step's budget: none where the test is about mutation. */
static uint64_t search_nodes;

static void evolve(const char *path, size_t rounds, uint64_t seed, size_t threads,
                   rounds_seen *seen)
{
	size_t n = arc_taskset_count(tasks), idx[8];
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	arc_archive *a;
	arc_error err = {0};
	assert_int_equal(arc_archive_open(path, true, &a, &err), ARC_OK);
	arc_evolve_opts o = ARC_EVOLVE_DEFAULT;
	o.rounds = rounds;
	o.seed = seed;
	o.mutants = 200;
	o.search_nodes = search_nodes;
	o.threads = threads;
	o.battery = battery;
	o.on_round = on_round;
	o.ud = seen;
	arc_status st = arc_evolve(a, tasks, idx, n, &o, &err);
	if (st)
		fail_msg("evolve: %s", err.message);
	arc_archive_close(a);
}

static char *dump_of(const char *path)
{
	arc_archive *a;
	arc_error err = {0};
	if (arc_archive_open(path, false, &a, &err))
		fail_msg("open %s: %s", path, err.message);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_int_equal(arc_archive_dump(a, f, &err), ARC_OK);
	fclose(f);
	arc_archive_close(a);
	return buf;
}

static int setup(void **state)
{
	if (tu_dir_setup(state))
		return -1;
	battery = arc_battery_new();
	if (arc_battery_add_file(battery, BATTERY, true, NULL) != ARC_OK)
		return -1;
	return arc_taskset_load(DATA, &(arc_load_opts){0}, &tasks, NULL) == ARC_OK ? 0 : -1;
}

static int teardown(void **state)
{
	arc_battery_free(battery);
	arc_taskset_free(tasks);
	return tu_dir_teardown(state);
}

static void mutation_finds_what_the_battery_misses(void **state)
{
	(void)state;
	const char *path = tu_path("small.db");
	rounds_seen seen = {0};
	evolve(path, 2, 1, 2, &seen);
	assert_int_equal(seen.n, 2);
	const arc_round_report *r1 = &seen.r[0], *r2 = &seen.r[1];
	assert_int_equal(r1->round, 1);
	assert_int_equal(r1->new_programs[ARC_ORIGIN_WRITTEN], 3);
	assert_true(r1->mutants > 0 && r1->evaluated > r1->mutants);
	assert_int_equal(r2->stats.rounds, 2);
	assert_int_equal(r2->stats.tasks, 5);
	assert_int_equal(r2->stats.known, 5);
	/* e0000002 and e0000004 by their written programs, e0000001 and e0000003 by mutants */
	assert_int_equal(r2->stats.explained, 4);
	assert_int_equal(r2->stats.solved, 4);
	assert_true(r2->stats.solved_by_origin[ARC_ORIGIN_MUTATED] >= 2);
	size_t solved_new = 0;
	for (int o = 0; o < ARC_ORIGIN_COUNT; o++)
		solved_new += r1->new_solved[o] + r2->new_solved[o];
	assert_int_equal(solved_new, 4);
	assert_int_equal(r2->solved_before, r1->stats.solved);
	/* the best program of each task as a battery: e0000004's is the shrunk vmirror(I) */
	arc_battery *b = arc_battery_new();
	assert_int_equal(arc_battery_add_archive(b, path, false, NULL), ARC_OK);
	size_t k = arc_battery_find(b, "archive_e0000004");
	assert_true(k != SIZE_MAX);
	assert_int_equal(arc_battery_program_size(b, k), 1);
	assert_true(arc_battery_find(b, "archive_e0000001") != SIZE_MAX);
	arc_battery_free(b);
	/* nothing more to do: the archive has its two rounds */
	seen.n = 0;
	evolve(path, 2, 1, 2, &seen);
	assert_int_equal(seen.n, 0);
}

static void same_seed_same_archive(void **state)
{
	(void)state;
	const char *p1 = tu_path("t1.db"), *p2 = tu_path("t2.db"), *p3 = tu_path("s2.db"),
	           *p4 = tu_path("two.db");
	search_nodes = 3000; /* enumerated programs too: deterministic like the rest */
	evolve(p1, 3, 7, 1, NULL);
	evolve(p2, 3, 7, 2, NULL);
	evolve(p3, 3, 8, 2, NULL);
	evolve(p4, 1, 7, 2, NULL); /* then two more rounds in a second invocation */
	evolve(p4, 3, 7, 1, NULL);
	char *d1 = dump_of(p1), *d2 = dump_of(p2), *d3 = dump_of(p3), *d4 = dump_of(p4);
	assert_string_equal(d1, d2);
	assert_string_equal(d1, d4);
	assert_string_not_equal(d1, d3);
	assert_non_null(strstr(d1, "round n 3 seed 7 step 3\n"));
	assert_non_null(strstr(d1, "enumerated"));
	free(d1);
	free(d2);
	free(d3);
	free(d4);
	search_nodes = 0;
}

/* Export, load the file like any battery, and compare with the archive's battery. */
static void export_round_trip(void **state)
{
	(void)state;
	const char *path = tu_path("exp.db"), *out = tu_path("exp.py");
	evolve(path, 2, 3, 2, NULL);
	arc_archive *a;
	arc_error err;
	assert_int_equal(arc_archive_open(path, false, &a, &err), ARC_OK);
	assert_int_equal(arc_archive_export(a, out, false, &err), ARC_OK);
	arc_archive_close(a);
	arc_battery *fb = arc_battery_new(), *ab = arc_battery_new();
	assert_int_equal(arc_battery_add_file(fb, out, true, NULL), ARC_OK);
	assert_int_equal(arc_battery_add_archive(ab, path, false, NULL), ARC_OK);
	assert_int_equal(arc_battery_count(fb), 5);
	arc_evaluator *ef = arc_evaluator_new(fb, NULL), *ea = arc_evaluator_new(ab, NULL);
	arc_outcome of[8], oa[8];
	size_t compared = 0;
	for (size_t i = 0; i < arc_taskset_count(tasks); i++) {
		const arc_task *t = arc_taskset_get(tasks, i);
		char fname[80], aname[80];
		snprintf(fname, sizeof fname, "solve_%s", t->id);
		snprintf(aname, sizeof aname, "archive_%s", t->id);
		size_t fi = arc_battery_find(fb, fname), ai = arc_battery_find(ab, aname);
		assert_true(fi != SIZE_MAX);
		if (ai == SIZE_MAX) /* best for an earlier task too: added under that task's name */
			continue;
		for (int k = 0; k < t->ntrain + t->ntest; k++) {
			const arc_grid *in = k < t->ntrain ? &t->train[k].input : &t->test[k - t->ntrain].input;
			assert_int_equal(arc_evaluator_run(ef, in, NULL, of), ARC_OK);
			assert_int_equal(arc_evaluator_run(ea, in, NULL, oa), ARC_OK);
			assert_int_equal(of[fi].status, oa[ai].status);
			if (of[fi].status == ARC_EVAL_OK)
				assert_true(arc_grid_equal(&of[fi].grid, &oa[ai].grid));
			compared++;
		}
	}
	assert_true(compared >= 12);
	arc_evaluator_free(ef);
	arc_evaluator_free(ea);
	arc_battery_free(fb);
	arc_battery_free(ab);
}

/* ---- kill -9 ---- */

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

/* Starts `arcbatt evolve` on 48 bundled tasks into path; returns its pid. */
static pid_t start_evolve(const char *path)
{
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr))
			_exit(126);
		execl(arcbatt, arcbatt, "evolve", "data/arc-agi-1/training", "-b", "batteries", "-c",
		      "48", "--archive", path, "--rounds", "3", "--mutants", "32", "--seed", "5",
		      "--threads", "2", "-t", "1000", (char *)NULL);
		_exit(127);
	}
	return pid;
}

static int wait_exit(pid_t pid)
{
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

/* Kills pid after `seconds`; true when it was still running. */
static bool kill_after(pid_t pid, double seconds)
{
	struct timespec ts = {.tv_sec = (time_t)seconds,
	                      .tv_nsec = (long)((seconds - (time_t)seconds) * 1e9)};
	nanosleep(&ts, NULL);
	kill(pid, SIGKILL);
	int st = wait_exit(pid);
	assert_true(st == -SIGKILL || st == 0); /* 0: it had finished already */
	return st == -SIGKILL;
}

static void integrity_ok(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "ok");
	sqlite3_finalize(s);
	sqlite3_close(db);
}

/* Every program and score line of `part` is in `whole`. */
static void contained_in(const char *part, const char *whole)
{
	char *copy = strdup(part), *save;
	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		if (!strncmp(line, "program ", 8) || !strncmp(line, "score ", 6))
			if (!strstr(whole, line))
				fail_msg("committed before the kill, lost after the resume: %.120s", line);
	free(copy);
}

static uint64_t next_rand(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static void killed_runs_resume(void **state)
{
	(void)state;
	const char *ref = tu_path("ref.db");
	double t0 = now_s();
	assert_int_equal(wait_exit(start_evolve(ref)), 0);
	double t = now_s() - t0;
	char *want = dump_of(ref);
	assert_non_null(strstr(want, "round n 3 seed 5 step 3\n"));
	uint64_t rng = 2024;
	int killed = 0;
	for (int k = 0; k < 5; k++) {
		char name[32];
		snprintf(name, sizeof name, "kill%d.db", k);
		const char *path = tu_path(name);
		double frac = 0.05 + 0.9 * (double)(next_rand(&rng) % 1000) / 1000.0;
		killed += kill_after(start_evolve(path), t * frac);
		if (access(path, F_OK) == 0) {
			integrity_ok(path);
			if (k == 4) { /* the resumed run killed too, then resumed again */
				kill_after(start_evolve(path), t * 0.3);
				integrity_ok(path);
			}
		}
		/* what it had committed (nothing when killed before the schema was) */
		char *before = strdup("");
		arc_archive *a;
		arc_error err;
		if (arc_archive_open(path, false, &a, &err) == ARC_OK) {
			arc_archive_close(a);
			free(before);
			before = dump_of(path);
		}
		assert_int_equal(wait_exit(start_evolve(path)), 0);
		integrity_ok(path);
		char *got = dump_of(path);
		contained_in(before, got);
		assert_string_equal(got, want);
		free(before);
		free(got);
	}
	assert_true(killed >= 3); /* the moments fall inside the run */
	free(want);
}

int main(int argc, char **argv)
{
	(void)argc;
	/* build.../tests/test_evolve -> build.../arcbatt */
	char self[4096];
	snprintf(self, sizeof self, "%s", argv[0]);
	snprintf(arcbatt, sizeof arcbatt, "%s/arcbatt", dirname(dirname(self)));
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(mutation_finds_what_the_battery_misses),
		cmocka_unit_test(same_seed_same_archive),
		cmocka_unit_test(export_round_trip),
		cmocka_unit_test(killed_runs_resume),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
