/* test_submission.c — submissions: fallback attempts, set/get, the JSON written (tasks in id
 * order), the round trip through a file, the atomic write, and one malformed file per rejection
 * of the loader (tests/data/bad/submission/). */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "arcbatt.h"

static char dir[] = "/tmp/arcbatt-test-XXXXXX";
static arc_taskset *ts; /* tests/data/layouts/dir: aaa (1 test), bbb (2 tests), ccc */

static int setup(void **state)
{
	if (!mkdtemp(dir))
		return -1;
	return arc_taskset_load("tests/data/layouts/dir", NULL, &ts, NULL) == ARC_OK ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	arc_taskset_free(ts);
	return system(cmd);
}

static arc_submission *fallback(void)
{
	arc_submission *s = arc_submission_new();
	assert_non_null(s);
	/* Added out of order: written in id order. */
	for (size_t i = arc_taskset_count(ts); i-- > 0;)
		assert_int_equal(arc_submission_add(s, arc_taskset_get(ts, i)), ARC_OK);
	return s;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *buf = calloc(1, 1 << 16);
	assert_non_null(buf);
	size_t n = fread(buf, 1, (1 << 16) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void test_fallback_and_set(void **state)
{
	arc_submission *s = fallback();
	const arc_task *b = arc_taskset_find(ts, "bbb");
	assert_int_equal(arc_submission_add(s, b), ARC_E_USAGE); /* twice */
	const arc_grid *g = arc_submission_get(s, "bbb", 1, 2);
	assert_non_null(g);
	assert_memory_equal(g, &b->test[1].input, sizeof *g);
	arc_grid two = {.h = 1, .w = 1, .cell = {2}};
	assert_int_equal(arc_submission_set(s, "bbb", 1, 1, &two), ARC_OK);
	assert_int_equal(arc_submission_get(s, "bbb", 1, 1)->cell[0], 2);
	assert_memory_equal(arc_submission_get(s, "bbb", 1, 2), &b->test[1].input, sizeof two);
	assert_int_equal(arc_submission_set(s, "bbb", 2, 1, &two), ARC_E_USAGE);
	assert_int_equal(arc_submission_set(s, "bbb", 0, 3, &two), ARC_E_USAGE);
	assert_int_equal(arc_submission_set(s, "zzz", 0, 1, &two), ARC_E_USAGE);
	arc_grid bad = {.h = 0, .w = 1};
	assert_int_equal(arc_submission_set(s, "bbb", 0, 1, &bad), ARC_E_USAGE);
	assert_null(arc_submission_get(s, "zzz", 0, 1));
	assert_null(arc_submission_get(s, "aaa", 1, 1));
	assert_null(arc_submission_get(s, "aaa", 0, 0));
	arc_submission_free(s);
}

static void test_written_json(void **state)
{
	arc_submission *s = fallback();
	char path[128];
	arc_error err;
	snprintf(path, sizeof path, "%s/sub.json", dir);
	assert_int_equal(arc_submission_write(s, path, &err), ARC_OK);
	char *text = slurp(path);
	assert_string_equal(text,
	        "{\"aaa\": [{\"attempt_1\": [[5, 6]], \"attempt_2\": [[5, 6]]}],\n"
	        "\"bbb\": [{\"attempt_1\": [[4]], \"attempt_2\": [[4]]}, "
	        "{\"attempt_1\": [[6, 7]], \"attempt_2\": [[6, 7]]}],\n"
	        "\"ccc\": [{\"attempt_1\": [[1, 1], [1, 1]], \"attempt_2\": [[1, 1], [1, 1]]}]}\n");
	free(text);
	arc_submission_free(s);
}

static void test_round_trip(void **state)
{
	arc_submission *s = fallback(), *back;
	arc_grid g = {.h = 2, .w = 3, .cell = {9, 8, 7, 6, 5, 4}};
	assert_int_equal(arc_submission_set(s, "aaa", 0, 2, &g), ARC_OK);
	char path[128];
	arc_error err;
	snprintf(path, sizeof path, "%s/rt.json", dir);
	assert_int_equal(arc_submission_write(s, path, &err), ARC_OK);
	assert_int_equal(arc_submission_load(path, &back, &err), ARC_OK);
	for (size_t i = 0; i < arc_taskset_count(ts); i++) {
		const arc_task *t = arc_taskset_get(ts, i);
		for (int k = 0; k < t->ntest; k++)
			for (int a = 1; a <= 2; a++) {
				const arc_grid *x = arc_submission_get(s, t->id, k, a);
				const arc_grid *y = arc_submission_get(back, t->id, k, a);
				assert_non_null(y);
				assert_int_equal(x->h, y->h);
				assert_int_equal(x->w, y->w);
				assert_memory_equal(x->cell, y->cell, (size_t)x->h * x->w);
			}
		assert_null(arc_submission_get(back, t->id, t->ntest, 1));
	}
	assert_int_equal(arc_submission_get(back, "aaa", 0, 2)->cell[5], 4);
	/* Written again, the same bytes. */
	char again[128];
	snprintf(again, sizeof again, "%s/rt2.json", dir);
	assert_int_equal(arc_submission_write(back, again, &err), ARC_OK);
	char *t1 = slurp(path), *t2 = slurp(again);
	assert_string_equal(t1, t2);
	free(t1);
	free(t2);
	arc_submission_free(back);
	arc_submission_free(s);
}

/* No temporary file stays behind in dir. */
static void assert_no_temp(void)
{
	DIR *dp = opendir(dir);
	assert_non_null(dp);
	struct dirent *de;
	while ((de = readdir(dp)))
		if (strstr(de->d_name, ".tmp."))
			fail_msg("temporary file left: %s", de->d_name);
	closedir(dp);
}

static void test_atomic_write(void **state)
{
	arc_submission *s = fallback();
	char path[128];
	arc_error err;
	/* An existing file is replaced whole. */
	snprintf(path, sizeof path, "%s/atomic.json", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	for (int i = 0; i < 10000; i++)
		fputs("old old old\n", f);
	fclose(f);
	assert_int_equal(arc_submission_write(s, path, &err), ARC_OK);
	char *text = slurp(path);
	assert_null(strstr(text, "old"));
	assert_int_equal(text[0], '{');
	free(text);
	assert_no_temp();
	/* A directory that does not exist: a file error naming the temporary file. */
	snprintf(path, sizeof path, "%s/no/such/dir/sub.json", dir);
	assert_int_equal(arc_submission_write(s, path, &err), ARC_E_IO);
	assert_non_null(strstr(err.file, "sub.json.tmp."));
	assert_non_null(strstr(err.message, "cannot create"));
	/* The target is a directory: the rename fails, the temporary file is removed. */
	snprintf(path, sizeof path, "%s/isdir", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	char inner[160];
	snprintf(inner, sizeof inner, "%s/x", path);
	f = fopen(inner, "w");
	assert_non_null(f);
	fclose(f);
	assert_int_equal(arc_submission_write(s, path, &err), ARC_E_IO);
	assert_non_null(strstr(err.message, "cannot rename"));
	assert_no_temp();
	arc_submission_free(s);
}

static const struct rejection {
	const char *file, *where;
	int line;
	const char *message;
} rejections[] = {
	{"syntax.json", "", 2, "invalid JSON"},
	{"not_object.json", "", 0, "expected an object of task id: list of attempts"},
	{"task_not_list.json", "k1", 0, "expected a list of 1 to 1000"},
	{"task_empty.json", "k1", 0, "expected a list of 1 to 1000"},
	{"no_attempt_2.json", "k1 test[0]", 0, "expected an object of exactly \"attempt_1\" and \"attempt_2\""},
	{"extra_key.json", "k1 test[0]", 0, "expected an object of exactly \"attempt_1\" and \"attempt_2\""},
	{"bad_grid.json", "k2 test[1].attempt_1", 0, "row 1 is a list of 1, expected a list of 2 cells"},
	{"long_id.json", "", 0, "task id of 64 bytes, expected 1 to 63"},
};

static void test_load_rejections(void **state)
{
	for (size_t i = 0; i < sizeof rejections / sizeof *rejections; i++) {
		const struct rejection *r = &rejections[i];
		char path[256];
		snprintf(path, sizeof path, "tests/data/bad/submission/%s", r->file);
		arc_submission *s = (arc_submission *)&s;
		arc_error err;
		assert_int_equal(arc_submission_load(path, &s, &err), ARC_E_INPUT);
		assert_null(s);
		assert_string_equal(err.file, path);
		assert_string_equal(err.where, r->where);
		assert_int_equal(err.line, r->line);
		if (strncmp(err.message, r->message, strlen(r->message)))
			fail_msg("%s: message '%s', expected '%s...'", r->file, err.message, r->message);
	}
	arc_submission *s;
	arc_error err;
	assert_int_equal(arc_submission_load("tests/data/bad/submission/none.json", &s, &err), ARC_E_IO);
	assert_null(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fallback_and_set),
		cmocka_unit_test(test_written_json),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_atomic_write),
		cmocka_unit_test(test_load_rejections),
	};
	return cmocka_run_group_tests_name("submission", tests, setup, teardown);
}
