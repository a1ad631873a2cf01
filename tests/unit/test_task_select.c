/* test_task_select.c — arc_taskset_select on the bundled 400 tasks: named ids, slices, seeded
 * samples, and the usage errors that name what is wrong. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arcbatt.h"

static arc_taskset *ts;

static int setup(void **state)
{
	return arc_taskset_load("data/arc-agi-1/training", NULL, &ts, NULL) == ARC_OK ? 0 : -1;
}

static int teardown(void **state)
{
	arc_taskset_free(ts);
	return 0;
}

static void test_ids(void **state)
{
	const char *ids[] = {"00d62c1b", "007bbfb7", "00d62c1b"};
	arc_selection sel = {.ids = ids, .nids = 3, .start = 5, .sample = 9};
	size_t *idx, n;
	arc_error err;
	assert_int_equal(arc_taskset_select(ts, &sel, &idx, &n, &err), ARC_OK);
	assert_int_equal(n, 2); /* sorted, each once; ids win over slice and sample */
	assert_int_equal(idx[0], 0);
	assert_int_equal(idx[1], 1);
	free(idx);
}

static void test_unknown_ids_are_named(void **state)
{
	const char *ids[] = {"nope", "007bbfb7", "zzz"};
	arc_selection sel = {.ids = ids, .nids = 3};
	size_t *idx = (size_t *)&idx, n = 7;
	arc_error err;
	assert_int_equal(arc_taskset_select(ts, &sel, &idx, &n, &err), ARC_E_USAGE);
	assert_null(idx);
	assert_int_equal(n, 0);
	assert_string_equal(err.message, "unknown task ids: nope, zzz");
}

static void test_slices(void **state)
{
	size_t *idx, n;
	arc_error err;
	arc_selection sel = {.start = 10, .count = 5};
	assert_int_equal(arc_taskset_select(ts, &sel, &idx, &n, &err), ARC_OK);
	assert_int_equal(n, 5);
	assert_int_equal(idx[0], 10);
	assert_int_equal(idx[4], 14);
	free(idx);
	sel = (arc_selection){.start = 395, .count = 0}; /* 0 = to the end */
	assert_int_equal(arc_taskset_select(ts, &sel, &idx, &n, &err), ARC_OK);
	assert_int_equal(n, 5);
	assert_int_equal(idx[4], 399);
	free(idx);
	sel = (arc_selection){.start = 398, .count = 10}; /* clipped at the end */
	assert_int_equal(arc_taskset_select(ts, &sel, &idx, &n, &err), ARC_OK);
	assert_int_equal(n, 2);
	free(idx);
	sel = (arc_selection){0};
	assert_int_equal(arc_taskset_select(ts, &sel, &idx, &n, &err), ARC_OK);
	assert_int_equal(n, 400);
	free(idx);
	sel = (arc_selection){.start = 400};
	assert_int_equal(arc_taskset_select(ts, &sel, &idx, &n, &err), ARC_E_USAGE);
	assert_string_equal(err.message, "start 400 is outside the 400 tasks (expected 0..399)");
}

static void test_sample_is_seeded(void **state)
{
	size_t *a, *b, *c, na, nb, nc;
	arc_error err;
	arc_selection sel = {.sample = 20, .seed = 42};
	assert_int_equal(arc_taskset_select(ts, &sel, &a, &na, &err), ARC_OK);
	assert_int_equal(arc_taskset_select(ts, &sel, &b, &nb, &err), ARC_OK);
	sel.seed = 43;
	assert_int_equal(arc_taskset_select(ts, &sel, &c, &nc, &err), ARC_OK);
	assert_int_equal(na, 20);
	assert_memory_equal(a, b, na * sizeof *a);
	assert_memory_not_equal(a, c, na * sizeof *a);
	for (size_t i = 1; i < na; i++)
		assert_true(a[i - 1] < a[i]); /* sorted and distinct */
	assert_true(a[na - 1] < 400);
	free(a);
	free(b);
	free(c);
	sel = (arc_selection){.sample = 400, .seed = 1};
	assert_int_equal(arc_taskset_select(ts, &sel, &a, &na, &err), ARC_OK);
	for (size_t i = 0; i < na; i++)
		assert_int_equal(a[i], i);
	free(a);
	sel.sample = 401;
	assert_int_equal(arc_taskset_select(ts, &sel, &a, &na, &err), ARC_E_USAGE);
	assert_non_null(strstr(err.message, "401"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_unknown_ids_are_named),
		cmocka_unit_test(test_slices),
		cmocka_unit_test(test_sample_is_seeded),
	};
	return cmocka_run_group_tests_name("task_select", tests, setup, teardown);
}
