/* test_archive.c — the SQLite archive: programs stored once however many tasks they serve, rows
 * read back in rank order, schema versions (created, migrated from empty, refused when newer or
 * foreign, and foreign files left untouched), one writer at a time, readers during writes (never
 * blocked, never seeing half a batch), the canonical dump, and export / battery round trips. */
#include "testutil.h"

#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#include "archive.h"
#include "program.h"

static arc_archive *open_ok(const char *path, bool write)
{
	arc_archive *a;
	arc_error err = {0};
	arc_status st = arc_archive_open(path, write, &a, &err);
	if (st)
		fail_msg("open %s: %s", path, err.message);
	return a;
}

static void expect_refused(const char *path, bool write, arc_status code, const char *words)
{
	arc_archive *a;
	arc_error err = {0};
	assert_int_equal(arc_archive_open(path, write, &a, &err), code);
	assert_null(a);
	if (!strstr(err.message, words))
		fail_msg("%s: '%s' does not say '%s'", path, err.message, words);
	assert_string_equal(err.file, path);
}

static arc_task small_task(const char *id, arc_pair *pairs)
{
	arc_task t = {.train = pairs, .test = pairs + 1, .ntrain = 1, .ntest = 1};
	snprintf(t.id, sizeof t.id, "%s", id);
	pairs[0] = (arc_pair){.input = {.h = 1, .w = 2, .cell = {1, 2}},
	                      .output = {.h = 1, .w = 2, .cell = {2, 1}}, .has_output = true};
	pairs[1] = pairs[0];
	return t;
}

/* A program with its hash, from body text. */
typedef struct tprog {
	char hash[33];
	arch_prog p;
} tprog;

static tprog prog(const char *body, arc_origin origin)
{
	tprog t;
	program_hash(body, strlen(body), t.hash);
	t.p = (arch_prog){.text = body, .size = 1, .origin = origin};
	return t;
}

static void put(arc_archive *a, const char *task, tprog *t, uint32_t exact, double close,
                uint32_t round)
{
	t->p.hash = t->hash;
	arch_score sc = {.exact = exact, .closeness = close, .cost = 10, .test_ok = 1};
	arc_error err;
	assert_int_equal(archive_put(a, task, &t->p, &sc, round, 1, &err), ARC_OK);
}

static const char vm[] = "    O = vmirror(I)\n    return O\n";
static const char hm[] = "    O = hmirror(I)\n    return O\n";
static const char rot[] = "    O = rot180(I)\n    return O\n";

/* Two tasks, a program serving both, a mutant of it; rows come back best first. */
static void fill_small(arc_archive *a, bool reverse)
{
	arc_pair p1[2], p2[2];
	arc_task t1 = small_task("t1", p1), t2 = small_task("t2", p2);
	arc_error err;
	tprog v = prog(vm, ARC_ORIGIN_WRITTEN), h = prog(hm, ARC_ORIGIN_MUTATED);
	v.p.source = "file.py:solve_v";
	h.p.parent = v.hash;
	h.p.op = "swap";
	assert_int_equal(archive_begin(a, &err), ARC_OK);
	assert_int_equal(archive_put_task(a, reverse ? &t2 : &t1, &err), ARC_OK);
	assert_int_equal(archive_put_task(a, reverse ? &t1 : &t2, &err), ARC_OK);
	put(a, reverse ? "t2" : "t1", &v, 1, 1.0, 1);
	put(a, reverse ? "t1" : "t2", &v, reverse ? 1 : 0, reverse ? 1.0 : 0.5, 1);
	put(a, "t2", &h, 1, 1.0, 2);
	assert_int_equal(archive_commit(a, &err), ARC_OK);
}

static void store_once_and_rank(void **state)
{
	(void)state;
	const char *path = tu_path("small.db");
	arc_archive *a = open_ok(path, true);
	fill_small(a, false);
	arc_error err;
	arch_row *rows;
	size_t n;
	assert_int_equal(archive_best(a, "t2", 3, 1, 8, &rows, &n, &err), ARC_OK);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].text, hm); /* reproduces the pair */
	assert_string_equal(rows[0].op, "swap");
	assert_int_equal(rows[0].sc.exact, 1);
	assert_string_equal(rows[1].text, vm);
	assert_true(rows[1].sc.closeness == 0.5);
	arch_rows_free(rows, n);
	/* rows stored in round 2 are not there before it */
	assert_int_equal(archive_best(a, "t2", 2, 1, 8, &rows, &n, &err), ARC_OK);
	assert_int_equal(n, 1);
	arch_rows_free(rows, n);
	bool known;
	tprog v = prog(vm, ARC_ORIGIN_WRITTEN);
	assert_int_equal(archive_known(a, v.hash, 2, &known, &err), ARC_OK);
	assert_true(known);
	assert_int_equal(archive_known(a, v.hash, 1, &known, &err), ARC_OK);
	assert_false(known);
	arc_archive_stats st;
	assert_int_equal(arc_archive_count(a, 0, &st, &err), ARC_OK);
	assert_int_equal(st.programs, 2); /* vmirror once, for two tasks */
	assert_int_equal(st.by_origin[ARC_ORIGIN_WRITTEN], 1);
	assert_int_equal(st.by_origin[ARC_ORIGIN_MUTATED], 1);
	assert_int_equal(st.scores, 3);
	assert_int_equal(st.tasks, 2);
	assert_int_equal(st.explained, 2);
	assert_int_equal(st.solved, 2);
	assert_int_equal(st.solved_by_origin[ARC_ORIGIN_MUTATED], 1);
	assert_int_equal(arc_archive_count(a, 1, &st, &err), ARC_OK);
	assert_int_equal(st.programs, 1);
	assert_int_equal(st.explained, 1);
	arc_archive_close(a);
}

static char *dump_of(const char *path)
{
	arc_archive *a = open_ok(path, false);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	arc_error err;
	assert_int_equal(arc_archive_dump(a, f, &err), ARC_OK);
	fclose(f);
	arc_archive_close(a);
	return buf;
}

static void dump_is_canonical(void **state)
{
	(void)state;
	const char *p1 = tu_path("d1.db"), *p2 = tu_path("d2.db");
	arc_archive *a = open_ok(p1, true), *b = open_ok(p2, true);
	fill_small(a, false);
	fill_small(b, true); /* other insertion order, other ids, one score differs */
	arc_archive_close(a);
	arc_archive_close(b);
	char *d1 = dump_of(p1), *d2 = dump_of(p2);
	assert_non_null(strstr(d1, "origin written"));
	assert_non_null(strstr(d1, "source file.py:solve_v"));
	assert_non_null(strstr(d1, "O = vmirror(I) |    return O |"));
	assert_string_not_equal(d1, d2);
	/* the same content gives the same bytes: rebuild d2 as d1 was built */
	remove(p2);
	b = open_ok(p2, true);
	fill_small(b, false);
	arc_archive_close(b);
	char *d3 = dump_of(p2);
	assert_string_equal(d1, d3);
	free(d1);
	free(d2);
	free(d3);
}

static void exec_sql(const char *path, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static char *query1(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	char *r = strdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	sqlite3_close(db);
	return r;
}

static void schema_versions(void **state)
{
	(void)state;
	/* created: the current version, WAL */
	const char *fresh = tu_path("fresh.db");
	arc_archive_close(open_ok(fresh, true));
	char *v = query1(fresh, "PRAGMA user_version");
	assert_int_equal(atoi(v), ARC_ARCHIVE_SCHEMA);
	free(v);
	v = query1(fresh, "PRAGMA journal_mode");
	assert_string_equal(v, "wal");
	free(v);
	arc_archive_close(open_ok(fresh, false));
	/* an empty file is version 0: a reader refuses it, a writer migrates it */
	const char *empty = tu_path("empty.db");
	fclose(fopen(empty, "w"));
	expect_refused(empty, false, ARC_E_INPUT, "empty database");
	arc_archive_close(open_ok(empty, true));
	v = query1(empty, "SELECT count(*) FROM sqlite_master WHERE name IN ('program', 'score', 'task', 'round')");
	assert_string_equal(v, "4");
	free(v);
	/* a newer version is refused by readers and writers */
	const char *newer = tu_path("newer.db");
	arc_archive_close(open_ok(newer, true));
	exec_sql(newer, "PRAGMA user_version = 99");
	expect_refused(newer, false, ARC_E_INPUT, "schema version 99 is newer");
	expect_refused(newer, true, ARC_E_INPUT, "schema version 99 is newer");
	/* someone else's database is refused and left as it was */
	const char *foreign = tu_path("foreign.db");
	exec_sql(foreign, "CREATE TABLE t (x); INSERT INTO t VALUES (1)");
	expect_refused(foreign, true, ARC_E_INPUT, "not an arcbatt archive");
	v = query1(foreign, "PRAGMA journal_mode");
	assert_string_equal(v, "delete");
	free(v);
	v = query1(foreign, "SELECT count(*) FROM sqlite_master");
	assert_string_equal(v, "1");
	free(v);
	/* not SQLite at all; not there */
	const char *text = tu_path("text.db");
	FILE *f = fopen(text, "w");
	fputs("this is not a database, it is a long enough line of text to fill a header page\n", f);
	fclose(f);
	expect_refused(text, false, ARC_E_INPUT, "not an SQLite database");
	expect_refused(text, true, ARC_E_INPUT, "not an SQLite database");
	expect_refused(tu_path("missing.db"), false, ARC_E_IO, "No such file");
}

static void one_writer(void **state)
{
	(void)state;
	const char *path = tu_path("lock.db");
	arc_archive *a = open_ok(path, true);
	expect_refused(path, true, ARC_E_IO, "being written by another arcbatt");
	arc_archive *r = open_ok(path, false); /* readers are welcome */
	arc_archive_close(r);
	arc_archive_close(a);
	arc_archive_close(open_ok(path, true));
}

static size_t count_programs(arc_archive *a)
{
	arc_archive_stats st;
	arc_error err;
	assert_int_equal(arc_archive_count(a, 0, &st, &err), ARC_OK);
	return st.programs;
}

#define BATCHES 30
#define PER_BATCH 5

typedef struct reader_arg {
	const char *path;
	size_t reads, last; /* reads made, programs seen at the last one */
	bool bad;           /* a read failed, went backwards or saw half a batch */
} reader_arg;

static atomic_bool writer_done;

static void *reader(void *p)
{
	reader_arg *r = p;
	arc_archive *a;
	arc_error err;
	if (arc_archive_open(r->path, false, &a, &err)) {
		r->bad = true;
		return NULL;
	}
	for (bool done = false; !done || r->reads < 3;) {
		done = atomic_load(&writer_done); /* then one more read sees the last batch */
		arc_archive_stats st;
		if (arc_archive_count(a, 0, &st, &err) || st.programs < r->last ||
		    (st.programs != 1 && st.programs % PER_BATCH)) {
			r->bad = true;
			break;
		}
		r->last = st.programs;
		r->reads++;
	}
	arc_archive_close(a);
	return NULL;
}

static void readers_during_a_write(void **state)
{
	(void)state;
	const char *path = tu_path("rw.db");
	arc_archive *w = open_ok(path, true);
	arc_pair pp[2];
	arc_task t = small_task("t", pp);
	arc_error err;
	assert_int_equal(archive_begin(w, &err), ARC_OK);
	assert_int_equal(archive_put_task(w, &t, &err), ARC_OK);
	tprog v = prog(vm, ARC_ORIGIN_WRITTEN);
	put(w, "t", &v, 1, 1.0, 1);
	/* uncommitted: two readers see nothing and are not blocked */
	arc_archive *r1 = open_ok(path, false), *r2 = open_ok(path, false);
	assert_int_equal(count_programs(r1), 0);
	assert_int_equal(count_programs(r2), 0);
	assert_int_equal(archive_commit(w, &err), ARC_OK);
	assert_int_equal(count_programs(r1), 1);
	assert_int_equal(count_programs(r2), 1);
	arc_archive_close(r1);
	arc_archive_close(r2);
	/* batches while two threads read: always whole batches (1 program, then the first batch
	 * makes 5, each next one 5 more), never going back */
	tprog h = prog(hm, ARC_ORIGIN_WRITTEN), o = prog(rot, ARC_ORIGIN_WRITTEN);
	assert_int_equal(archive_begin(w, &err), ARC_OK);
	put(w, "t", &h, 1, 1.0, 1);
	put(w, "t", &o, 1, 1.0, 1);
	archive_rollback(w); /* a batch given up leaves nothing */
	assert_int_equal(count_programs(w), 1);
	atomic_store(&writer_done, false);
	reader_arg ra = {.path = path, .last = 0}, rb = {.path = path, .last = 0};
	pthread_t ta, tb;
	pthread_create(&ta, NULL, reader, &ra);
	pthread_create(&tb, NULL, reader, &rb);
	char bodies[BATCHES * PER_BATCH][64];
	for (int b = 0; b < BATCHES; b++) {
		assert_int_equal(archive_begin(w, &err), ARC_OK);
		for (int k = 0; k < PER_BATCH - (b == 0); k++) {
			char *body = bodies[b * PER_BATCH + k];
			snprintf(body, 64, "    O = vmirror(I)\n    return O\n# %d %d\n", b, k);
			tprog p = prog(body, ARC_ORIGIN_MUTATED);
			put(w, "t", &p, 0, 0.5, 2);
		}
		assert_int_equal(archive_commit(w, &err), ARC_OK);
	}
	atomic_store(&writer_done, true);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	assert_false(ra.bad);
	assert_false(rb.bad);
	assert_true(ra.reads >= 3 && rb.reads >= 3);
	assert_int_equal(ra.last, BATCHES * PER_BATCH);
	assert_int_equal(rb.last, BATCHES * PER_BATCH);
	arc_archive_close(w);
}

/* The runner's three small tasks: export the archive's best programs, load the file as any
 * battery and the archive as a battery: the same programs give the same outputs. */
static void export_and_battery(void **state)
{
	(void)state;
	arc_taskset *ts;
	assert_int_equal(arc_taskset_load("tests/data/runner", &(arc_load_opts){0}, &ts, NULL), ARC_OK);
	const char *path = tu_path("exp.db"), *out = tu_path("exp.py");
	arc_archive *a = open_ok(path, true);
	arc_error err;
	assert_int_equal(archive_begin(a, &err), ARC_OK);
	tprog v = prog(vm, ARC_ORIGIN_WRITTEN), h = prog(hm, ARC_ORIGIN_WRITTEN);
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(archive_put_task(a, arc_taskset_get(ts, i), &err), ARC_OK);
	put(a, "a0000001", &v, 2, 1.0, 1);
	put(a, "a0000002", &h, 2, 1.0, 1);
	put(a, "a0000003", &v, 0, 0.3, 1);
	assert_int_equal(archive_commit(a, &err), ARC_OK);
	assert_int_equal(arc_archive_export(a, out, false, &err), ARC_OK);
	arc_archive_close(a);
	arc_battery *fb = arc_battery_new(), *ab = arc_battery_new(), *all = arc_battery_new();
	assert_int_equal(arc_battery_add_file(fb, out, true, NULL), ARC_OK);
	assert_int_equal(arc_battery_count(fb), 3);
	assert_int_equal(arc_battery_add_archive(ab, path, false, NULL), ARC_OK);
	assert_int_equal(arc_battery_count(ab), 2); /* vmirror best for two tasks: once */
	assert_int_equal(arc_battery_add_archive(all, path, true, NULL), ARC_OK);
	assert_int_equal(arc_battery_count(all), 2);
	arc_evaluator *ef = arc_evaluator_new(fb, NULL), *ea = arc_evaluator_new(ab, NULL);
	arc_outcome of[3], oa[2];
	for (size_t i = 0; i < 3; i++) {
		const arc_task *t = arc_taskset_get(ts, i);
		char fname[80], aname[80];
		snprintf(fname, sizeof fname, "solve_%s", t->id);
		snprintf(aname, sizeof aname, "archive_%s", i == 1 ? "a0000002" : "a0000001");
		size_t fi = arc_battery_find(fb, fname), ai = arc_battery_find(ab, aname);
		assert_true(fi != SIZE_MAX && ai != SIZE_MAX);
		for (int k = 0; k < t->ntrain; k++) {
			assert_int_equal(arc_evaluator_run(ef, &t->train[k].input, NULL, of), ARC_OK);
			assert_int_equal(arc_evaluator_run(ea, &t->train[k].input, NULL, oa), ARC_OK);
			assert_int_equal(of[fi].status, ARC_EVAL_OK);
			assert_true(arc_grid_equal(&of[fi].grid, &oa[ai].grid));
		}
	}
	/* the file says what each program did */
	size_t len;
	FILE *f = fopen(out, "r");
	char text[4096];
	len = fread(text, 1, sizeof text - 1, f);
	text[len] = 0;
	fclose(f);
	assert_non_null(strstr(text, "# a0000003: 0/1 train pairs, closeness 0.300000, size 1"));
	assert_non_null(strstr(text, "def solve_a0000002(I):\n    O = hmirror(I)\n"));
	/* export --explained leaves a0000003 out */
	a = open_ok(path, false);
	assert_int_equal(arc_archive_export(a, out, true, &err), ARC_OK);
	arc_archive_close(a);
	arc_battery *eb = arc_battery_new();
	assert_int_equal(arc_battery_add_file(eb, out, true, NULL), ARC_OK);
	assert_int_equal(arc_battery_count(eb), 2);
	/* a battery from something that is not an archive: one clear error */
	arc_diag d = {0};
	assert_int_equal(arc_battery_add_archive(eb, out, false, &d), ARC_E_INPUT);
	assert_int_equal(d.n, 1);
	assert_non_null(strstr(d.items[0].message, "not an SQLite database"));
	arc_diag_free(&d);
	arc_evaluator_free(ef);
	arc_evaluator_free(ea);
	arc_battery_free(fb);
	arc_battery_free(ab);
	arc_battery_free(all);
	arc_battery_free(eb);
	arc_taskset_free(ts);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(store_once_and_rank),
		cmocka_unit_test(dump_is_canonical),
		cmocka_unit_test(schema_versions),
		cmocka_unit_test(one_writer),
		cmocka_unit_test(readers_during_a_write),
		cmocka_unit_test(export_and_battery),
	};
	return cmocka_run_group_tests(tests, tu_dir_setup, tu_dir_teardown);
}
