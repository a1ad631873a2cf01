/* test_cli.c — the helpers the subcommands share (cli/cli.c, compiled in here): strict number
 * options, option tables, lists of arguments, the default data set and battery, loading tasks
 * with diagnostics. */
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

static int usage_calls;
static void count_usage(FILE *out) { usage_calls += out == stdout ? 1 : 100; }

static void test_options(void **state)
{
	const char *data = NULL;
	bool flag = false;
	double t = 2;
	const cli_opt opts[] = {
		CLI_OPT_TEXT("data", 'd', &data),
		CLI_OPT_FLAG("no-color", 0, &flag),
		CLI_OPT_DOUBLE("timeout", 't', &t, 1, 5),
	};
	size_t n = sizeof opts / sizeof *opts;
	char a0[] = "cmd", a1[] = "-d", a2[] = "D", a3[] = "--no-color", a4[] = "--timeout=3.5",
	     a5[] = "FILE";
	char *argv[] = {a0, a1, a2, a3, a4, a5, NULL};
	assert_int_equal(cli_options(6, argv, opts, n, count_usage), ARC_OK);
	assert_string_equal(data, "D");
	assert_true(flag);
	assert_true(t == 3.5);
	assert_int_equal(optind, 5); /* the operand FILE */
	assert_int_equal(usage_calls, 0);

	char b1[] = "-t", b2[] = "9";
	char *bad[] = {a0, b1, b2, NULL};
	assert_int_equal(cli_options(3, bad, opts, n, count_usage), ARC_E_USAGE); /* out of range */
	assert_true(t == 3.5);
	assert_int_equal(usage_calls, 0);
	char u1[] = "--nope";
	char *unknown[] = {a0, u1, NULL};
	opterr = 0;
	assert_int_equal(cli_options(2, unknown, opts, n, count_usage), ARC_E_USAGE);
	assert_int_equal(usage_calls, 100); /* usage on stderr */
	char h1[] = "--help";
	char *help[] = {a0, h1, NULL};
	assert_int_equal(cli_options(2, help, opts, n, count_usage), -1);
	assert_int_equal(usage_calls, 101);
	opterr = 1;
}

static bool take_upper(void *out, char *arg)
{
	*(char *)out = arg[0] >= 'A' && arg[0] <= 'Z' ? arg[0] : 0;
	return *(char *)out != 0;
}

static void test_options_size_call(void **state)
{
	size_t n = 0;
	char c = 0;
	const cli_opt opts[] = {
		CLI_OPT_SIZE("count", 'c', &n, 1, 9),
		CLI_OPT_CALL("upper", 0, &c, take_upper),
	};
	char a0[] = "cmd", a1[] = "-c", a2[] = "7", a3[] = "--upper", a4[] = "Q";
	char *argv[] = {a0, a1, a2, a3, a4, NULL};
	assert_int_equal(cli_options(5, argv, opts, 2, count_usage), ARC_OK);
	assert_int_equal(n, 7);
	assert_int_equal(c, 'Q');
	char b2[] = "10", b4[] = "q";
	char *big[] = {a0, a1, b2, NULL};
	assert_int_equal(cli_options(3, big, opts, 2, count_usage), ARC_E_USAGE);
	assert_int_equal(n, 7);
	char *lower[] = {a0, a3, b4, NULL};
	assert_int_equal(cli_options(3, lower, opts, 2, count_usage), ARC_E_USAGE);
}

static void test_push_split(void **state)
{
	const char **list = NULL;
	size_t n = 0;
	char ids[] = "a,b,,c";
	assert_true(cli_push(&list, &n, "first"));
	assert_true(cli_push_split(&list, &n, ids));
	assert_int_equal(n, 4); /* the empty part is no id */
	assert_string_equal(list[0], "first");
	assert_string_equal(list[1], "a");
	assert_string_equal(list[3], "c");
	free(list);
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
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_options_size_call),
		cmocka_unit_test(test_push_split),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_load_tasks),
	};
	return cmocka_run_group_tests_name("cli", tests, NULL, NULL);
}
