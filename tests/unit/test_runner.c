/* test_runner.c — the battery runner: scoring, ranking ties, de-duplicated predictions,
 * fallbacks, and results that do not depend on the thread count (same bytes). */
#include "testutil.h"

#include <unistd.h>

#include "arcbatt.h"

#define DATA "tests/data/runner"

#define BATTERY "tests/data/runner-battery/mirrors.py"

static arc_battery *bat;
static arc_taskset *ts;

static int setup(void **state)
{
	(void)state;
	bat = arc_battery_new();
	if (!bat || arc_battery_add_file(bat, BATTERY, true, NULL) != ARC_OK)
		return -1;
	return arc_taskset_load(DATA, &(arc_load_opts){0}, &ts, NULL) == ARC_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	arc_battery_free(bat);
	arc_taskset_free(ts);
	return 0;
}

static arc_run *run_buffered(size_t threads, const arc_battery *b, size_t buffer_bytes)
{
	size_t idx[] = {0, 1, 2};
	arc_run *r = NULL;
	arc_error err;
	arc_run_opts o = {.limits = ARC_LIMITS_DEFAULT, .threads = threads,
	                  .buffer_bytes = buffer_bytes};
	assert_int_equal(arc_taskset_count(ts), 3);
	assert_int_equal(arc_run_battery(b, ts, idx, 3, &o, &r, &err), ARC_OK);
	assert_int_equal(r->ntasks, 3);
	return r;
}

static arc_run *run_all(size_t threads, const arc_battery *b) { return run_buffered(threads, b, 0); }

static const char *ranked_name(const arc_task_result *res, size_t k)
{
	return arc_battery_name(bat, res->ranked[k].program);
}

static void closeness_terms(void **state)
{
	(void)state;
	arc_grid a = {.h = 2, .w = 2, .cell = {1, 2, 3, 4}};
	arc_grid b = {.h = 2, .w = 2, .cell = {1, 2, 3, 5}};
	arc_grid c = {.h = 1, .w = 2, .cell = {1, 2}};
	arc_grid row = {.h = 1, .w = 4, .cell = {1, 2, 3, 4}};
	assert_true(arc_grid_equal(&a, &a));
	assert_false(arc_grid_equal(&a, &b));
	assert_false(arc_grid_equal(&a, &row)); /* same cells, other shape */
	assert_true(arc_closeness(&a, &a) == 1.0);
	assert_true(arc_closeness(&row, &a) < 1.0);
	/* same shape, 3 of 4 cells, colours {1,2,3,4} vs {1,2,3,5}: Jaccard 3/5 */
	assert_float_equal(arc_closeness(&a, &b), (1.0 + 0.75 + 0.6) / 3, 1e-12);
	/* shape 1/2 * 1, overlap 2 equal cells of the expected 4, palette 2/4 */
	assert_float_equal(arc_closeness(&c, &a), (0.5 + 0.5 + 0.5) / 3, 1e-12);
	assert_true(arc_closeness(&a, &c) < 1.0);
}

static void ranking_and_ties(void **state)
{
	(void)state;
	arc_run *r = run_all(1, bat);
	const arc_task_result *t1 = &r->tasks[0];
	assert_string_equal(t1->task->id, "a0000001");
	/* both vmirror programs reproduce 2/2; the smaller one first */
	assert_string_equal(ranked_name(t1, 0), "solve_a0000001");
	assert_int_equal(t1->ranked[0].exact, 2);
	assert_string_equal(ranked_name(t1, 1), "solve_mirror3");
	assert_int_equal(t1->ranked[1].size, 3);
	/* the failing program is last, with both pairs failed */
	assert_string_equal(ranked_name(t1, 5), "solve_fails");
	assert_int_equal(t1->ranked[5].failed, 2);
	assert_true(t1->ranked[5].closeness == 0.0);

	const arc_task_result *t2 = &r->tasks[1];
	/* equal scores and sizes: the name decides */
	assert_string_equal(ranked_name(t2, 0), "solve_flip_a");
	assert_string_equal(ranked_name(t2, 1), "solve_flip_b");
	assert_int_equal(t2->ranked[0].exact, 2);
	for (size_t k = 1; k < t2->nranked; k++)
		assert_true(arc_rank_compare(&t2->ranked[k - 1], &t2->ranked[k], bat) < 0);
	arc_run_free(r);
}

static void predictions_deduplicated(void **state)
{
	(void)state;
	arc_run *r = run_all(2, bat);
	const arc_task_result *t1 = &r->tasks[0];
	const arc_prediction *p = &t1->pred[0];
	/* attempt 1 from the best program; solve_mirror3's equal output is skipped, so attempt 2
	 * comes from the best program with a different output (hmirror, by name flip_a) */
	assert_string_equal(arc_battery_name(bat, (size_t)p->source[0]), "solve_a0000001");
	assert_string_equal(arc_battery_name(bat, (size_t)p->source[1]), "solve_flip_a");
	assert_false(p->attempt[0].h == p->attempt[1].h && p->attempt[0].w == p->attempt[1].w &&
	             !memcmp(p->attempt[0].cell, p->attempt[1].cell, 4));
	assert_memory_equal(p->attempt[0].cell, ((uint8_t[]){0, 1, 0, 0}), 4);

	arc_run_tally tl = arc_run_count(r, NULL);
	assert_int_equal(tl.tasks, 3);
	assert_int_equal(tl.explained, 2);
	assert_int_equal(tl.scored, 2); /* a0000003's test output is unknown */
	/* a0000001 solved; a0000002: test 0 right (hmirror), test 1 right only via attempt 2
	 * (vmirror of [[0, 1]]) */
	assert_int_equal(tl.solved, 2);
	assert_float_equal(tl.score, 2.0, 1e-12);
	arc_run_free(r);
}

static void fallback_to_test_input(void **state)
{
	(void)state;
	arc_battery *only_fail = arc_battery_new();
	static const char text[] = "def solve_fails(I):\n    x1 = ofcolor(I, TEN)\n"
	                           "    x2 = first(x1)\n    O = canvas(ZERO, x2)\n    return O\n";
	assert_int_equal(arc_battery_add_text(only_fail, "f", text, sizeof text - 1, true, NULL),
	                 ARC_OK);
	arc_run *r = run_all(1, only_fail);
	for (size_t i = 0; i < r->ntasks; i++) {
		const arc_task_result *res = &r->tasks[i];
		for (int j = 0; j < res->task->ntest; j++)
			for (int a = 0; a < 2; a++) {
				assert_int_equal(res->pred[j].source[a], -1);
				assert_int_equal(res->pred[j].attempt[a].h, res->task->test[j].input.h);
				assert_memory_equal(res->pred[j].attempt[a].cell,
				                    res->task->test[j].input.cell,
				                    (size_t)res->task->test[j].input.h *
				                            res->task->test[j].input.w);
			}
	}
	arc_run_free(r);
	arc_battery_free(only_fail);
}

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *buf = malloc(1 << 20);
	*n = fread(buf, 1, 1 << 20, f);
	fclose(f);
	return buf;
}

/* r's report (top 10 programs a task) as bytes, through a scratch file named after k. */
static void report_bytes(const arc_run *r, int k, char *path, char **bytes, size_t *len)
{
	arc_error err;
	snprintf(path, 64, "/tmp/arcbatt-test-report-%d-%d.json", (int)getpid(), k);
	assert_int_equal(arc_report_write(r, bat, NULL, 10, path, &err), ARC_OK);
	*bytes = slurp(path, len);
	remove(path);
}

static void same_bytes_any_thread_count(void **state)
{
	(void)state;
	char path[2][64];
	char *bytes[2];
	size_t len[2];
	for (int k = 0; k < 2; k++) {
		arc_run *r = run_all(k ? 3 : 1, bat);
		report_bytes(r, k, path[k], &bytes[k], &len[k]);
		arc_run_free(r);
	}
	assert_true(len[0] > 100);
	assert_int_equal(len[0], len[1]);
	assert_memory_equal(bytes[0], bytes[1], len[0]);
	assert_non_null(strstr(bytes[0], "\"solved\": 2"));
	free(bytes[0]), free(bytes[1]);
}

/* Counts of train pairs are 32-bit: with 65,537 pairs, the program right on all of them ranks
 * before one right on two (16-bit counts wrapped to 1 and ranked it after). */
static void counts_do_not_wrap(void **state)
{
	(void)state;
	enum { PAIRS = 65537 };
	char path[] = "/tmp/arcbatt-pairs-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	assert_non_null(f);
	fputs("{\"train\": [", f);
	for (int k = 0; k < PAIRS; k++)
		fputs(k < 2 ? "{\"input\": [[3, 3]], \"output\": [[3, 3]]}, "
		            : k + 1 < PAIRS ? "{\"input\": [[1, 2]], \"output\": [[2, 1]]}, "
		                            : "{\"input\": [[1, 2]], \"output\": [[2, 1]]}", f);
	fputs("], \"test\": [{\"input\": [[4, 5]]}]}\n", f);
	assert_int_equal(fclose(f), 0);
	arc_taskset *big = NULL;
	assert_int_equal(arc_taskset_load(path, NULL, &big, NULL), ARC_OK);
	unlink(path);
	assert_int_equal(arc_taskset_get(big, 0)->ntrain, PAIRS);
	static const char progs[] = "def solve_b_same(I):\n    O = identity(I)\n    return O\n\n"
	                            "def solve_a_mirror(I):\n    O = vmirror(I)\n    return O\n";
	arc_battery *b = arc_battery_new();
	assert_int_equal(arc_battery_add_text(b, "p.py", progs, strlen(progs), true, NULL), ARC_OK);
	size_t idx[] = {0};
	arc_run *r = NULL;
	arc_error err;
	arc_run_opts o = {.limits = ARC_LIMITS_DEFAULT, .threads = 1};
	assert_int_equal(arc_run_battery(b, big, idx, 1, &o, &r, &err), ARC_OK);
	const arc_program_score *best = &r->tasks[0].ranked[0];
	assert_string_equal(arc_battery_name(b, best->program), "solve_a_mirror");
	assert_int_equal(best->exact, PAIRS);
	assert_int_equal(r->tasks[0].ranked[1].exact, 2);
	/* the outcomes of 65,537 inputs do not fit the worker's buffers: groups that do */
	size_t per = 2 * (sizeof(arc_outcome) + 24), group = ARC_RUN_BUFFER_DEFAULT / per;
	assert_int_equal(r->tasks[0].groups, (PAIRS + group - 1) / group);
	assert_int_equal(r->tasks[0].buffer_bytes, group * per);
	assert_true(r->tasks[0].buffer_bytes <= ARC_RUN_BUFFER_DEFAULT);
	arc_run_free(r);
	arc_battery_free(b);
	arc_taskset_free(big);
}

/* The runner's outcome buffers hold a fixed number of bytes: at one input's worth, every train
 * input is its own group and the report is the same bytes as with the default buffers; one
 * byte less and no input fits, so every program fails every pair with a limit, nothing is
 * evaluated, and the submission still has every task (the test inputs as attempts). */
static void buffers_bound_the_outcomes(void **state)
{
	(void)state;
	size_t one = arc_battery_count(bat) * (sizeof(arc_outcome) + 24);
	char path[2][64], *bytes[2];
	size_t len[2];
	arc_run *whole = run_all(1, bat), *tight = run_buffered(2, bat, one);
	assert_true(tight->tasks[0].task->ntrain > 1); /* so that it runs in several groups */
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(whole->tasks[i].groups, 1);
		assert_int_equal(tight->tasks[i].groups, tight->tasks[i].task->ntrain);
		assert_int_equal(tight->tasks[i].buffer_bytes, one);
		assert_false(tight->tasks[i].buffer_short);
	}
	report_bytes(whole, 0, path[0], &bytes[0], &len[0]);
	report_bytes(tight, 1, path[1], &bytes[1], &len[1]);
	assert_int_equal(len[0], len[1]);
	assert_memory_equal(bytes[0], bytes[1], len[0]);
	free(bytes[0]), free(bytes[1]);
	arc_run_free(whole), arc_run_free(tight);

	arc_run *r = run_buffered(2, bat, one - 1);
	for (size_t i = 0; i < r->ntasks; i++) {
		const arc_task_result *res = &r->tasks[i];
		assert_true(res->buffer_short);
		assert_int_equal(res->buffer_bytes, 0);
		assert_int_equal(res->evals, 0);
		assert_int_equal(res->nranked, arc_battery_count(bat));
		for (size_t k = 0; k < res->nranked; k++) {
			assert_int_equal(res->ranked[k].failed, res->task->ntrain);
			assert_int_equal(res->ranked[k].exact, 0);
		}
		for (int j = 0; j < res->task->ntest; j++)
			assert_int_equal(res->pred[j].source[0], -1);
	}
	arc_submission *s = arc_run_submission(r);
	assert_non_null(s);
	for (size_t i = 0; i < r->ntasks; i++)
		for (int j = 0; j < r->tasks[i].task->ntest; j++)
			assert_non_null(arc_submission_get(s, r->tasks[i].task->id, j, 2));
	arc_submission_free(s);
	arc_run_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(closeness_terms),
		cmocka_unit_test(ranking_and_ties),
		cmocka_unit_test(predictions_deduplicated),
		cmocka_unit_test(fallback_to_test_input),
		cmocka_unit_test(same_bytes_any_thread_count),
		cmocka_unit_test(counts_do_not_wrap),
		cmocka_unit_test(buffers_bound_the_outcomes),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
