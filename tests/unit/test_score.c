/* test_score.c — Kaggle's scoring rule on small fixtures (either attempt counts, fractions per
 * task, solved tasks), the same rule in the runner's totals and report for a task with only
 * some test outputs known, the errors for missing, unknown and mis-sized tasks, and the
 * fallback submission on the bundled data. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* One rule: a task with test 0's output known and test 1's not is scored on test 0 alone, by
 * arc_score_submission, by arc_run_count and in the report alike. */
static void test_some_outputs_known(void **state)
{
	arc_taskset *ts;
	assert_int_equal(arc_taskset_load("tests/data/score-partial", NULL, &ts, NULL), ARC_OK);
	const arc_task *t = arc_taskset_get(ts, 0);
	assert_true(t->test[0].has_output);
	assert_false(t->test[1].has_output);

	arc_submission *s = arc_submission_new();
	assert_int_equal(arc_submission_add(s, t), ARC_OK);
	assert_int_equal(arc_submission_set(s, t->id, 0, 2, &t->test[0].output), ARC_OK);
	arc_score sc;
	arc_error err;
	assert_int_equal(arc_score_submission(s, ts, &sc, &err), ARC_OK);
	assert_int_equal(sc.ntasks, 1);
	assert_int_equal(sc.tasks[0].ntest, 1);
	assert_int_equal(sc.tasks[0].matched, 1);
	assert_int_equal(sc.solved, 1);
	assert_true(sc.total == 1.0);
	arc_score_free(&sc);
	arc_submission_free(s);

	/* The same predictions as a run's result. */
	arc_prediction pred[2] = {
		{.attempt = {t->test[0].input, t->test[0].output}, .source = {-1, -1}},
		{.attempt = {t->test[1].input, t->test[1].input}, .source = {-1, -1}},
	};
	arc_task_result res = {.task = t, .pred = pred};
	arc_run run = {.tasks = &res, .ntasks = 1};
	arc_run_tally tl = arc_run_count(&run, NULL);
	assert_int_equal(tl.scored, 1);
	assert_int_equal(tl.solved, 1);
	assert_true(tl.score == 1.0);
	tl = arc_run_count(&run, ts); /* outputs from the solutions: the same */
	assert_int_equal(tl.scored, 1);
	assert_true(tl.score == 1.0);

	char path[] = "/tmp/test_score_XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	arc_battery *b = arc_battery_new();
	assert_int_equal(arc_report_write(&run, b, NULL, 0, path, &err), ARC_OK);
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	char text[4096];
	size_t n = fread(text, 1, sizeof text - 1, f);
	text[n] = '\0';
	fclose(f);
	unlink(path);
	arc_battery_free(b);
	assert_non_null(strstr(text, "\"correct\": true}"));
	assert_non_null(strstr(text, "\"correct\": null}"));
	assert_non_null(strstr(text, "\"solved\": true"));
	assert_non_null(strstr(text, "\"scored\": 1, \"solved\": 1, \"score\": 1.0000"));
	arc_taskset_free(ts);
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
		cmocka_unit_test(test_some_outputs_known),
		cmocka_unit_test(test_fallback_on_bundled_data),
	};
	return cmocka_run_group_tests_name("score", tests, setup, teardown);
}
