/* test_score.c — Kaggle's scoring rule on small fixtures (either attempt counts, fractions per
 * task, solved tasks), the errors for missing, unknown and mis-sized tasks, and the fallback
 * submission on the bundled data. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arcbatt.h"

#define SUBS "tests/data/submissions/"

static arc_taskset *small; /* k1: 1 test, k2: 2 tests, with solutions */

static int setup(void **state)
{
	return arc_taskset_load("tests/data/layouts/kaggle/small_challenges.json", NULL, &small,
	                        NULL) == ARC_OK ? 0 : -1;
}

static int teardown(void **state)
{
	arc_taskset_free(small);
	return 0;
}

static arc_status score_file(const char *path, const arc_taskset *sol, arc_score *sc,
                             arc_error *err)
{
	arc_submission *s;
	assert_int_equal(arc_submission_load(path, &s, err), ARC_OK);
	arc_status st = arc_score_submission(s, sol, sc, err);
	arc_submission_free(s);
	return st;
}

static void test_kaggle_rule(void **state)
{
	arc_score sc;
	arc_error err;
	/* k1 matched by attempt_2; k2: test 0 by attempt_1, test 1 by neither. */
	assert_int_equal(score_file(SUBS "small_half.json", small, &sc, &err), ARC_OK);
	assert_int_equal(sc.ntasks, 2);
	assert_string_equal(sc.tasks[0].id, "k1");
	assert_int_equal(sc.tasks[0].matched, 1);
	assert_true(sc.tasks[0].score == 1.0);
	assert_string_equal(sc.tasks[1].id, "k2");
	assert_int_equal(sc.tasks[1].ntest, 2);
	assert_int_equal(sc.tasks[1].matched, 1);
	assert_true(sc.tasks[1].score == 0.5);
	assert_true(sc.total == 1.5);
	assert_int_equal(sc.solved, 1);
	arc_score_free(&sc);
	assert_null(sc.tasks);

	assert_int_equal(score_file(SUBS "small_all.json", small, &sc, &err), ARC_OK);
	assert_true(sc.total == 2.0);
	assert_int_equal(sc.solved, 2);
	arc_score_free(&sc);
}

static void test_mismatches_are_named(void **state)
{
	arc_score sc;
	arc_error err;
	assert_int_equal(score_file(SUBS "small_missing.json", small, &sc, &err), ARC_E_INPUT);
	assert_string_equal(err.where, "k2");
	assert_non_null(strstr(err.message, "missing from the submission"));
	assert_null(sc.tasks);
	assert_int_equal(score_file(SUBS "small_unknown.json", small, &sc, &err), ARC_E_INPUT);
	assert_string_equal(err.where, "k9");
	assert_int_equal(score_file(SUBS "small_count.json", small, &sc, &err), ARC_E_INPUT);
	assert_string_equal(err.where, "k2");
	assert_string_equal(err.message, "1 test input submitted, expected 2");
	/* Without solutions nothing can be scored. */
	arc_taskset *nosol;
	assert_int_equal(arc_taskset_load("tests/data/layouts/kaggle-nosol/nosol_challenges.json",
	                                  NULL, &nosol, NULL), ARC_OK);
	assert_int_equal(score_file(SUBS "small_all.json", nosol, &sc, &err), ARC_E_INPUT);
	assert_non_null(strstr(err.message, "no test outputs"));
	arc_taskset_free(nosol);
}

/* The fallback (test inputs as both attempts) earns what identity earns: the test pairs whose
 * output equals their input, counted here without the scorer. */
static void check_fallback(const char *path)
{
	arc_taskset *ts;
	assert_int_equal(arc_taskset_load(path, NULL, &ts, NULL), ARC_OK);
	arc_submission *s = arc_submission_new();
	double want = 0;
	size_t solved = 0;
	for (size_t i = 0; i < arc_taskset_count(ts); i++) {
		const arc_task *t = arc_taskset_get(ts, i);
		assert_int_equal(arc_submission_add(s, t), ARC_OK);
		int same = 0;
		for (int k = 0; k < t->ntest; k++) {
			const arc_grid *in = &t->test[k].input, *out = &t->test[k].output;
			same += in->h == out->h && in->w == out->w &&
			        !memcmp(in->cell, out->cell, (size_t)in->h * in->w);
		}
		want += (double)same / t->ntest;
		solved += same == t->ntest;
	}
	arc_score sc;
	arc_error err;
	assert_int_equal(arc_score_submission(s, ts, &sc, &err), ARC_OK);
	assert_int_equal(sc.ntasks, 400);
	assert_true(sc.total == want);
	assert_int_equal(sc.solved, solved);
	/* One task answered right moves the score by one. */
	const arc_task *t = arc_taskset_get(ts, 0);
	for (int k = 0; k < t->ntest; k++)
		assert_int_equal(arc_submission_set(s, t->id, k, 2, &t->test[k].output), ARC_OK);
	arc_score sc2;
	assert_int_equal(arc_score_submission(s, ts, &sc2, &err), ARC_OK);
	assert_true(sc2.total == sc.total + 1.0 - sc.tasks[0].score);
	arc_score_free(&sc);
	arc_score_free(&sc2);
	arc_submission_free(s);
	arc_taskset_free(ts);
}

static void test_fallback_on_bundled_data(void **state)
{
	check_fallback("data/arc-agi-1/training");
	check_fallback("data/arc-agi-1/kaggle/arc-agi_training_solutions.json");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kaggle_rule),
		cmocka_unit_test(test_mismatches_are_named),
		cmocka_unit_test(test_fallback_on_bundled_data),
	};
	return cmocka_run_group_tests_name("score", tests, setup, teardown);
}
