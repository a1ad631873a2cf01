/* test_error.c — arc_error formatting, arc_diag growth, status names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arcbatt.h"

/* What arc_error_print writes, in buf. */
static void printed(const arc_error *e, char *buf, size_t cap)
{
	FILE *f = fmemopen(buf, cap, "w");
	assert_non_null(f);
	arc_error_print(e, f);
	fclose(f);
}

static void test_print_all_parts(void **state)
{
	arc_error e;
	char buf[1024];
	assert_int_equal(arc_error_set(&e, ARC_E_INPUT, "a.json", "t1 train[2].output", 3, 7,
	                               "found %d, expected %s", 12, "0..9"),
	                 ARC_E_INPUT);
	printed(&e, buf, sizeof buf);
	assert_string_equal(buf, "a.json:3:7: t1 train[2].output: found 12, expected 0..9\n");
}

static void test_print_leaves_out_empty_parts(void **state)
{
	arc_error e;
	char buf[1024];
	arc_error_set(&e, ARC_E_IO, "b.json", NULL, 0, 0, "cannot open");
	printed(&e, buf, sizeof buf);
	assert_string_equal(buf, "b.json: cannot open\n");
	arc_error_set(&e, ARC_E_USAGE, NULL, "solve_x", 0, 0, "bad");
	printed(&e, buf, sizeof buf);
	assert_string_equal(buf, "solve_x: bad\n");
	arc_error_set(&e, ARC_E_INPUT, "c.json", "", 4, 0, "line only");
	printed(&e, buf, sizeof buf);
	assert_string_equal(buf, "c.json:4: line only\n");
	arc_error_set(&e, ARC_E_NOMEM, "", "", 0, 0, "%s", "");
	printed(&e, buf, sizeof buf);
	assert_string_equal(buf, "out of memory\n");
}

static void test_set_truncates_long_parts(void **state)
{
	arc_error e;
	char file[2000];
	memset(file, 'f', sizeof file - 1);
	file[sizeof file - 1] = '\0';
	arc_error_set(&e, ARC_E_IO, file, file, 1, 1, "%s", file);
	assert_int_equal(strlen(e.file), sizeof e.file - 1);
	assert_int_equal(strlen(e.where), sizeof e.where - 1);
	assert_int_equal(strlen(e.message), sizeof e.message - 1);
	assert_int_equal(arc_error_set(NULL, ARC_E_IO, "x", "y", 0, 0, "z"), ARC_E_IO);
}

static void test_diag_keeps_order(void **state)
{
	arc_diag d = {0};
	arc_error e;
	for (int i = 0; i < 100; i++) {
		arc_error_set(&e, ARC_E_INPUT, "f", "", i + 1, 0, "error %d", i);
		assert_int_equal(arc_diag_push(&d, &e), ARC_OK);
	}
	assert_int_equal(d.n, 100);
	assert_int_equal(d.items[0].line, 1);
	assert_string_equal(d.items[99].message, "error 99");
	arc_diag_free(&d);
	assert_null(d.items);
	assert_int_equal(d.n, 0);
	arc_diag_free(NULL);
}

static void test_status_names(void **state)
{
	assert_string_equal(arc_status_name(ARC_OK), "ok");
	assert_string_equal(arc_status_name(ARC_E_USAGE), "usage error");
	assert_string_equal(arc_status_name(ARC_E_INPUT), "input error");
	assert_string_equal(arc_status_name(ARC_E_IO), "file error");
	assert_string_equal(arc_status_name(ARC_E_NOMEM), "out of memory");
	assert_string_equal(arc_status_name(ARC_E_INTERNAL), "internal error");
	assert_string_equal(arc_status_name((arc_status)99), "unknown status");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_print_all_parts),
		cmocka_unit_test(test_print_leaves_out_empty_parts),
		cmocka_unit_test(test_set_truncates_long_parts),
		cmocka_unit_test(test_diag_keeps_order),
		cmocka_unit_test(test_status_names),
	};
	return cmocka_run_group_tests_name("error", tests, NULL, NULL);
}
