/* test_task_json.c — task loading: one real malformed file per rejection (tests/data/bad/), the
 * three layouts (tests/data/layouts/), skipping and --strict, and the replay of the inputs that
 * once crashed the fuzzer (tests/fuzz/regress_task_json/). Run from the repository root. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "arcbatt.h"
#include "task_json.h"

#define BAD "tests/data/bad/"
#define LAYOUTS "tests/data/layouts/"

/* One rejection: the file, and the one error expected (where, line, column, message start). */
static const struct rejection {
	const char *file, *where;
	int line, column;
	const char *message;
} rejections[] = {
	{"syntax.json", "", 2, 25, "invalid JSON: ']' expected near '2'"},
	{"duplicate_key.json", "", 1, 82, "invalid JSON: duplicate object key near '\"train\"'"},
	{"not_object.json", "", 0, 0, "found a list of 2, expected a task object"},
	{"no_train.json", "no_train", 0, 0, "missing key \"train\""},
	{"no_test.json", "no_test", 0, 0, "missing key \"test\""},
	{"empty_train.json", "empty_train", 0, 0, "\"train\" is an empty list, expected a list of at least one pair"},
	{"empty_test.json", "empty_test", 0, 0, "\"test\" is an empty list, expected a list of at least one pair"},
	{"train_not_list.json", "train_not_list", 0, 0, "\"train\" is an object, expected a list"},
	{"pair_not_object.json", "pair_not_object train[1]", 0, 0, "found a list of 1, expected an object with \"input\" and \"output\""},
	{"no_input.json", "no_input test[0]", 0, 0, "missing key \"input\""},
	{"no_output.json", "no_output train[1]", 0, 0, "missing key \"output\""},
	{"grid_not_list.json", "grid_not_list train[0].input", 0, 0, "found a string, expected a grid (a list of 1 to 30 rows)"},
	{"grid_empty.json", "grid_empty train[0].output", 0, 0, "found an empty list, expected a grid"},
	{"grid_too_tall.json", "grid_too_tall train[0].input", 0, 0, "found a list of 31, expected a grid (a list of 1 to 30 rows)"},
	{"grid_too_wide.json", "grid_too_wide train[0].output", 0, 0, "row 0 is a list of 31, expected a list of 1 to 30 cells"},
	{"row_empty.json", "row_empty train[0].input", 0, 0, "row 0 is an empty list, expected a list of 1 to 30 cells"},
	{"ragged.json", "ragged train[1].input", 0, 0, "row 2 is a list of 1, expected a list of 2 cells like row 0"},
	{"row_not_list.json", "row_not_list train[0].input", 0, 0, "row 1 is 3, expected a list of 2 cells like row 0"},
	{"cell_10.json", "cell_10 train[0].input", 0, 0, "cell [0][1] is 10, expected an integer 0..9"},
	{"cell_negative.json", "cell_negative train[0].input", 0, 0, "cell [0][1] is -1, expected an integer 0..9"},
	{"cell_float.json", "cell_float train[0].input", 0, 0, "cell [0][1] is 2.0, expected an integer 0..9"},
	{"cell_string.json", "cell_string train[0].input", 0, 0, "cell [0][1] is a string, expected an integer 0..9"},
	{"cell_null.json", "cell_null train[0].input", 0, 0, "cell [0][1] is null, expected an integer 0..9"},
	{"test_output_bad.json", "test_output_bad test[0].output", 0, 0, "row 1 is a list of 1, expected a list of 2 cells"},
	{"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.json", "", 0, 0, "task id of 70 bytes, expected 1 to 63"},
};

static void test_each_rejection(void **state)
{
	for (size_t i = 0; i < sizeof rejections / sizeof *rejections; i++) {
		const struct rejection *r = &rejections[i];
		char path[256];
		snprintf(path, sizeof path, BAD "%s", r->file);
		for (int strict = 0; strict < 2; strict++) {
			arc_taskset *ts = (arc_taskset *)&ts;
			arc_diag d = {0};
			arc_load_opts o = {.strict = strict};
			assert_int_equal(arc_taskset_load(path, &o, &ts, &d), ARC_E_INPUT);
			/* The bad task is skipped; nothing else is left, so the set is empty. */
			if (strict)
				assert_null(ts);
			else
				assert_int_equal(arc_taskset_count(ts), 0);
			if (d.n != 1)
				fail_msg("%s: %zu errors, expected 1", r->file, d.n);
			const arc_error *e = &d.items[0];
			assert_int_equal(e->code, ARC_E_INPUT);
			assert_string_equal(e->file, path);
			assert_string_equal(e->where, r->where);
			assert_int_equal(e->line, r->line);
			assert_int_equal(e->column, r->column);
			if (strncmp(e->message, r->message, strlen(r->message)))
				fail_msg("%s: message '%s', expected '%s...'", r->file, e->message, r->message);
			arc_diag_free(&d);
			arc_taskset_free(ts);
		}
	}
}

/* Loads path expecting status st and n tasks; the caller frees. */
static arc_taskset *load(const char *path, const arc_load_opts *o, arc_status st, size_t n,
                         arc_diag *d)
{
	arc_taskset *ts;
	assert_int_equal(arc_taskset_load(path, o, &ts, d), st);
	assert_non_null(ts);
	assert_int_equal(arc_taskset_count(ts), n);
	return ts;
}

static void test_layout_directory(void **state)
{
	arc_diag d = {0};
	arc_taskset *ts = load(LAYOUTS "dir", NULL, ARC_OK, 3, &d);
	assert_int_equal(d.n, 0);
	assert_string_equal(arc_taskset_get(ts, 0)->id, "aaa");
	assert_string_equal(arc_taskset_get(ts, 2)->id, "ccc");
	assert_null(arc_taskset_get(ts, 3));
	const arc_task *b = arc_taskset_find(ts, "bbb");
	assert_ptr_equal(b, arc_taskset_get(ts, 1));
	assert_null(arc_taskset_find(ts, "bb"));
	assert_int_equal(b->ntrain, 2);
	assert_int_equal(b->ntest, 2);
	assert_int_equal(b->test[1].input.h, 1);
	assert_int_equal(b->test[1].input.w, 2);
	assert_int_equal(b->test[1].output.cell[1], 9);
	assert_true(b->test[1].has_output);
	assert_false(arc_taskset_find(ts, "ccc")->test[0].has_output);
	arc_taskset_free(ts);
	/* A trailing slash names the same directory. */
	ts = load(LAYOUTS "dir/", NULL, ARC_OK, 3, NULL);
	arc_taskset_free(ts);
}

static void test_layout_single_file(void **state)
{
	arc_taskset *ts = load(LAYOUTS "single/one.json", NULL, ARC_OK, 1, NULL);
	const arc_task *t = arc_taskset_get(ts, 0);
	assert_string_equal(t->id, "one");
	assert_int_equal(t->train[0].input.h, 2);
	assert_int_equal(t->train[0].output.cell[0], 4);
	assert_int_equal(t->test[0].output.cell[1], 5);
	arc_taskset_free(ts);
}

/* small_challenges.json with its solutions: k1 [[7]] -> [[8]]; k2 two tests. */
static void check_small_kaggle(const arc_taskset *ts)
{
	assert_string_equal(arc_taskset_get(ts, 0)->id, "k1");
	const arc_task *k1 = arc_taskset_find(ts, "k1"), *k2 = arc_taskset_find(ts, "k2");
	assert_true(k1->test[0].has_output);
	assert_int_equal(k1->test[0].output.cell[0], 8);
	assert_int_equal(k2->ntest, 2);
	assert_true(k2->test[1].has_output);
	assert_int_equal(k2->test[1].output.w, 2);
	assert_int_equal(k2->test[1].output.cell[0], 3);
}

static void test_layout_kaggle(void **state)
{
	/* Solutions found beside the challenges. */
	arc_taskset *ts = load(LAYOUTS "kaggle/small_challenges.json", NULL, ARC_OK, 2, NULL);
	check_small_kaggle(ts);
	arc_taskset_free(ts);
	/* Solutions given. */
	arc_load_opts o = {.solutions = LAYOUTS "kaggle/small_solutions.json"};
	ts = load(LAYOUTS "kaggle-nosol/nosol_challenges.json", &o, ARC_OK, 2, NULL);
	check_small_kaggle(ts);
	arc_taskset_free(ts);
	/* The solutions file alone pairs with the challenges beside it. */
	ts = load(LAYOUTS "kaggle/small_solutions.json", NULL, ARC_OK, 2, NULL);
	check_small_kaggle(ts);
	arc_taskset_free(ts);
	/* A directory holding both. */
	ts = load(LAYOUTS "kaggle", NULL, ARC_OK, 2, NULL);
	check_small_kaggle(ts);
	arc_taskset_free(ts);
	/* No solutions: test outputs unknown. */
	ts = load(LAYOUTS "kaggle-nosol/nosol_challenges.json", NULL, ARC_OK, 2, NULL);
	assert_false(arc_taskset_find(ts, "k2")->test[1].has_output);
	arc_taskset_free(ts);
}

static void test_bundled_data_layouts_agree(void **state)
{
	arc_taskset *dir = load("data/arc-agi-1/training", NULL, ARC_OK, 400, NULL);
	arc_taskset *kag = load("data/arc-agi-1/kaggle/arc-agi_training_challenges.json", NULL,
	                        ARC_OK, 400, NULL);
	for (size_t i = 0; i < 400; i++) {
		const arc_task *a = arc_taskset_get(dir, i), *b = arc_taskset_get(kag, i);
		assert_string_equal(a->id, b->id);
		assert_int_equal(a->ntrain, b->ntrain);
		assert_int_equal(a->ntest, b->ntest);
		assert_memory_equal(a->train, b->train, (size_t)a->ntrain * sizeof *a->train);
		assert_memory_equal(a->test, b->test, (size_t)a->ntest * sizeof *a->test);
	}
	arc_taskset_free(dir);
	arc_taskset_free(kag);
}

static void test_kaggle_rejections(void **state)
{
	arc_diag d = {0};
	/* a bad solutions entry is a warning: its task stays, without known outputs */
	arc_taskset *ts = load(BAD "kaggle/bad_challenges.json", NULL, ARC_E_INPUT, 3, &d);
	assert_string_equal(arc_taskset_get(ts, 0)->id, "k1");
	assert_false(arc_taskset_get(ts, 0)->test[0].has_output);
	assert_string_equal(arc_taskset_get(ts, 1)->id, "k2");
	assert_false(arc_taskset_get(ts, 1)->test[0].has_output);
	assert_false(arc_taskset_get(ts, 1)->test[1].has_output);
	assert_string_equal(arc_taskset_get(ts, 2)->id, "k3");
	assert_true(arc_taskset_get(ts, 2)->test[0].has_output);
	assert_int_equal(d.n, 4);
	assert_string_equal(d.items[0].file, BAD "kaggle/bad_solutions.json");
	assert_string_equal(d.items[0].where, "k1");
	assert_string_equal(d.items[0].message,
	                    "found a list of 2, expected a list of 1 grid (one per test input); "
	                    "the task is kept, unscored");
	assert_string_equal(d.items[1].where, "k2 test[1].output");
	assert_string_equal(d.items[1].message,
	                    "cell [0][1] is 10, expected an integer 0..9; the task is kept, unscored");
	assert_string_equal(d.items[2].file, BAD "kaggle/bad_challenges.json");
	assert_string_equal(d.items[2].where, "k4");
	assert_string_equal(d.items[2].message,
	                    "found a list of 2, expected a task object with \"train\" and \"test\"");
	assert_string_equal(d.items[3].where, "zz");
	assert_non_null(strstr(d.items[3].message, "solutions for a task that"));
	arc_diag_free(&d);
	arc_taskset_free(ts);

	ts = load(BAD "kaggle/dup_challenges.json", NULL, ARC_E_INPUT, 0, &d);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].line, 2);
	assert_non_null(strstr(d.items[0].message, "duplicate object key"));
	arc_diag_free(&d);
	arc_taskset_free(ts);

	/* a Kaggle file whose one entry is not a task: reported as that entry */
	ts = load(BAD "kaggle_entry_not_object.json", NULL, ARC_E_INPUT, 0, &d);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.items[0].where, "abcd1234");
	assert_non_null(strstr(d.items[0].message, "expected a task object"));
	arc_diag_free(&d);
	arc_taskset_free(ts);

	ts = load(BAD "solutions_not_object_challenges.json", NULL, ARC_E_INPUT, 1, &d);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.items[0].file, BAD "solutions_not_object_solutions.json");
	assert_non_null(strstr(d.items[0].message, "expected a Kaggle solutions object"));
	assert_false(arc_taskset_get(ts, 0)->test[0].has_output);
	arc_diag_free(&d);
	arc_taskset_free(ts);

	/* Solutions alone, without challenges beside them. */
	ts = load(BAD "kaggle-orphan/lonely_solutions.json", NULL, ARC_E_INPUT, 0, &d);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.items[0].message, "Kaggle solutions without their challenges: cannot "
	                                        "open " BAD "kaggle-orphan/lonely_challenges.json");
	arc_diag_free(&d);
	arc_taskset_free(ts);

	/* Given solutions that cannot be read: a file error, nothing loaded. */
	arc_load_opts o = {.solutions = LAYOUTS "kaggle/none_solutions.json"};
	assert_int_equal(arc_taskset_load(LAYOUTS "kaggle/small_challenges.json", &o, &ts, &d), ARC_E_IO);
	assert_null(ts);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.items[0].file, o.solutions);
	arc_diag_free(&d);
}

static void test_skip_and_strict(void **state)
{
	arc_diag d = {0};
	arc_taskset *ts = load(LAYOUTS "mixed", NULL, ARC_E_INPUT, 2, &d);
	assert_string_equal(arc_taskset_get(ts, 0)->id, "good1");
	assert_string_equal(arc_taskset_get(ts, 1)->id, "good2");
	assert_int_equal(d.n, 2);
	assert_string_equal(d.items[0].where, "bad1 train[0].input");
	assert_string_equal(d.items[1].file, LAYOUTS "mixed/bad2.json");
	assert_int_equal(d.items[1].line, 2);
	arc_diag_free(&d);
	arc_taskset_free(ts);

	arc_load_opts o = {.strict = true};
	assert_int_equal(arc_taskset_load(LAYOUTS "mixed", &o, &ts, &d), ARC_E_INPUT);
	assert_null(ts);
	assert_int_equal(d.n, 1); /* stopped at the first bad file */
	arc_diag_free(&d);
}

static void test_duplicates_empty_and_missing(void **state)
{
	arc_diag d = {0};
	arc_taskset *ts = load(LAYOUTS "dupdir", NULL, ARC_E_INPUT, 2, &d);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.items[0].where, "aaa");
	assert_string_equal(d.items[0].message, "duplicate task id, expected each id once");
	arc_diag_free(&d);
	arc_taskset_free(ts);

	ts = load(LAYOUTS "empty", NULL, ARC_E_INPUT, 0, &d);
	assert_int_equal(d.n, 1);
	assert_non_null(strstr(d.items[0].message, "no tasks found"));
	arc_diag_free(&d);
	arc_taskset_free(ts);

	assert_int_equal(arc_taskset_load("tests/data/no/such/dir", NULL, &ts, &d), ARC_E_IO);
	assert_null(ts);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].code, ARC_E_IO);
	assert_non_null(strstr(d.items[0].message, "cannot open"));
	arc_diag_free(&d);
	/* diag may be NULL. */
	assert_int_equal(arc_taskset_load(LAYOUTS "mixed", NULL, &ts, NULL), ARC_E_INPUT);
	arc_taskset_free(ts);
}

static void test_parse_from_memory(void **state)
{
	static const char text[] = "{\"train\": [{\"input\": [[1]], \"output\": [[2]]}],"
	                           " \"test\": [{\"input\": [[3]]}]}";
	task_list l = {0};
	arc_diag d = {0};
	assert_int_equal(task_json_parse(text, sizeof text - 1, "m.json", "m", NULL, 0, NULL, false,
	                                 &l, &d),
	                 ARC_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].id, "m");
	/* A prefix of the text is a syntax error at the end. */
	assert_int_equal(task_json_parse(text, 20, "m.json", "m", NULL, 0, NULL, false, &l, &d),
	                 ARC_E_INPUT);
	assert_int_equal(l.n, 1);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].line, 1);
	task_list_free(&l);
	arc_diag_free(&d);
}

/* Every input that once crashed the fuzzer goes through the loader again. */
static void test_fuzz_regressions(void **state)
{
	const char *dir = "tests/fuzz/regress_task_json";
	DIR *dp = opendir(dir);
	assert_non_null(dp);
	struct dirent *de;
	int replayed = 0;
	while ((de = readdir(dp))) {
		if (de->d_name[0] == '.')
			continue;
		char path[512];
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		FILE *f = fopen(path, "rb");
		assert_non_null(f);
		char *buf = malloc(1 << 20);
		assert_non_null(buf);
		size_t n = fread(buf, 1, 1 << 20, f);
		fclose(f);
		for (int as_sol = 0; as_sol < 2; as_sol++) {
			task_list l = {0};
			arc_diag d = {0};
			static const char ch[] = "{\"a\": {\"train\": [{\"input\": [[1]], \"output\": [[2]]}],"
			                         " \"test\": [{\"input\": [[3]]}]}}";
			arc_status st = as_sol ? task_json_parse(ch, sizeof ch - 1, "c", "c", buf, n, "s",
			                                         false, &l, &d)
			                       : task_json_parse(buf, n, "t", "t", NULL, 0, NULL, false,
			                                         &l, &d);
			assert_true(st == ARC_OK || st == ARC_E_INPUT);
			assert_int_equal(st == ARC_OK, d.n == 0);
			task_list_free(&l);
			arc_diag_free(&d);
		}
		free(buf);
		replayed++;
	}
	closedir(dp);
	assert_true(replayed > 0);
}

/* More than ARC_TASK_MAX_PAIRS pairs: refused with the count and the limit. */
static void test_pair_cap(void **state)
{
	(void)state;
	char path[] = "/tmp/arcbatt-cap-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	assert_non_null(f);
	fputs("{\"train\": [", f);
	for (int k = 0; k <= ARC_TASK_MAX_PAIRS; k++)
		fputs(k ? ", {\"input\": [[1]], \"output\": [[1]]}" : "{\"input\": [[1]], \"output\": [[1]]}", f);
	fputs("], \"test\": [{\"input\": [[1]]}]}\n", f);
	assert_int_equal(fclose(f), 0);
	arc_diag d = {0};
	arc_taskset *ts = NULL;
	assert_int_equal(arc_taskset_load(path, NULL, &ts, &d), ARC_E_INPUT);
	unlink(path);
	assert_true(d.n >= 1);
	assert_string_equal(d.items[0].message, "\"train\" has 100001 pairs, more than the limit of 100000 pairs");
	arc_diag_free(&d);
	arc_taskset_free(ts);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_each_rejection),
		cmocka_unit_test(test_layout_directory),
		cmocka_unit_test(test_layout_single_file),
		cmocka_unit_test(test_layout_kaggle),
		cmocka_unit_test(test_bundled_data_layouts_agree),
		cmocka_unit_test(test_kaggle_rejections),
		cmocka_unit_test(test_pair_cap),
		cmocka_unit_test(test_skip_and_strict),
		cmocka_unit_test(test_duplicates_empty_and_missing),
		cmocka_unit_test(test_parse_from_memory),
		cmocka_unit_test(test_fuzz_regressions),
	};
	return cmocka_run_group_tests_name("task_json", tests, NULL, NULL);
}
