/* test_cli.c — the helpers the subcommands share (cli/cli.c, compiled in here): strict number
 * options, the default data set and battery, loading tasks with diagnostics. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../cli/cli.c"

static void test_double(void **state)
{
	double v = -1;
	assert_true(cli_double("-t", "1.5", 0, 10, &v));
	assert_true(v == 1.5);
	assert_true(cli_double("-t", "0", 0, 10, &v));
	assert_true(v == 0);
	v = 7;
	assert_false(cli_double("-t", "", 0, 10, &v));
	assert_false(cli_double("-t", "1.5s", 0, 10, &v));
	assert_false(cli_double("-t", "10.5", 0, 10, &v));
	assert_false(cli_double("-t", "-1", 0, 10, &v));
	assert_false(cli_double("-t", "nan", 0, 10, &v));
	assert_false(cli_double("-t", "1e999", 0, 1e300, &v));
	assert_true(v == 7); /* untouched on error */
}

static void test_size(void **state)
{
	size_t v = 99;
	assert_true(cli_size("-c", "0", 0, 400, &v));
	assert_int_equal(v, 0);
	assert_true(cli_size("-c", "400", 0, 400, &v));
	assert_int_equal(v, 400);
	v = 99;
	assert_false(cli_size("-c", "401", 0, 400, &v));
	assert_false(cli_size("-c", "-1", 0, 400, &v));
	assert_false(cli_size("-c", " 1", 0, 400, &v));
	assert_false(cli_size("-c", "1x", 0, 400, &v));
	assert_false(cli_size("-c", "", 0, 400, &v));
	assert_false(cli_size("-c", "3", 4, 400, &v));
	assert_false(cli_size("-c", "99999999999999999999999", 0, SIZE_MAX, &v));
	assert_int_equal(v, 99);
}

static void test_defaults(void **state)
{
	setenv("ARCBATT_DATA", "/x/tasks", 1);
	setenv("ARCBATT_BATTERY", "/x/battery", 1);
	assert_string_equal(cli_default_data(), "/x/tasks");
	assert_string_equal(cli_default_battery(), "/x/battery");
	/* This test runs from build.../tests/, not from build.../: the current directory's. */
	unsetenv("ARCBATT_DATA");
	setenv("ARCBATT_BATTERY", "", 1);
	assert_string_equal(cli_default_data(), "data/arc-agi-1/training");
	assert_string_equal(cli_default_battery(), "batteries");
}

static void test_load_tasks(void **state)
{
	arc_taskset *ts;
	assert_int_equal(cli_load_tasks("tests/data/layouts/dir", NULL, &ts), ARC_OK);
	assert_int_equal(arc_taskset_count(ts), 3);
	arc_taskset_free(ts);
	assert_int_equal(cli_load_tasks("tests/data/layouts/mixed", NULL, &ts), ARC_E_INPUT);
	assert_int_equal(arc_taskset_count(ts), 2);
	arc_taskset_free(ts);
	arc_load_opts strict = {.strict = true};
	assert_int_equal(cli_load_tasks("tests/data/layouts/mixed", &strict, &ts), ARC_E_INPUT);
	assert_null(ts);
	/* Nothing loaded: no set. */
	assert_int_equal(cli_load_tasks("tests/data/bad/cell_10.json", NULL, &ts), ARC_E_INPUT);
	assert_null(ts);
	assert_int_equal(cli_load_tasks("tests/data/nowhere", NULL, &ts), ARC_E_IO);
	assert_null(ts);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_double),
		cmocka_unit_test(test_size),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_load_tasks),
	};
	return cmocka_run_group_tests_name("cli", tests, NULL, NULL);
}
