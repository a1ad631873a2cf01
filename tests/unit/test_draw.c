/* test_draw.c — grids drawn side by side: digits, ANSI 256 and 24-bit cells, titles, padding of
 * shorter grids, grids without data, and the colour mode chosen for a stream. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include <cmocka.h>

#include "arcbatt.h"

/* What arc_draw_row writes; the caller frees. */
static char *draw(const arc_grid *const *g, const char *const *titles, int n, arc_color_mode m)
{
	char *buf;
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	arc_draw_row(f, g, titles, n, m);
	fclose(f);
	return buf;
}

static const arc_grid a = {.h = 2, .w = 3, .cell = {0, 1, 2, 3, 4, 5}};
static const arc_grid b = {.h = 3, .w = 1, .cell = {6, 7, 9}};

static void test_digits_side_by_side(void **state)
{
	const arc_grid *g[] = {&a, &b};
	const char *t[] = {"in", "out"};
	char *s = draw(g, t, 2, ARC_COLOR_NONE);
	/* a is 5 columns wide, then a gap of 3; the shorter grid a pads its third line. */
	assert_string_equal(s, "in      out\n"
	                       "0 1 2   6\n"
	                       "3 4 5   7\n"
	                       "        9\n");
	free(s);
}

static void test_titles_wider_than_grids_and_null_grids(void **state)
{
	const arc_grid *g[] = {&b, NULL, &b};
	const char *t[] = {"a long title", "unknown", "x"};
	char *s = draw(g, t, 3, ARC_COLOR_NONE);
	assert_string_equal(s, "a long title   unknown   x\n"
	                       "6                        6\n"
	                       "7                        7\n"
	                       "9                        9\n");
	free(s);
}

static void test_ansi_cells(void **state)
{
	const arc_grid one = {.h = 1, .w = 2, .cell = {1, 9}};
	const arc_grid *g[] = {&one};
	const char *t[] = {"t"};
	char *s = draw(g, t, 1, ARC_COLOR_256);
	assert_string_equal(s, "t\n\x1b[48;5;26m  \x1b[48;5;88m  \x1b[0m\n");
	free(s);
	s = draw(g, t, 1, ARC_COLOR_TRUECOLOR);
	assert_string_equal(s, "t\n\x1b[48;2;0;116;217m  \x1b[48;2;135;12;37m  \x1b[0m\n");
	free(s);
	/* Two cells per colour cell: a 2-wide grid is 4 columns, then the gap. */
	const arc_grid *two[] = {&one, &one};
	const char *tt[] = {"", "u"};
	s = draw(two, tt, 2, ARC_COLOR_256);
	assert_non_null(strstr(s, "\n\x1b[48;5;26m  \x1b[48;5;88m  \x1b[0m   \x1b[48;5;26m"));
	assert_int_equal(strncmp(s, "       u\n", 9), 0);
	free(s);
}

static void test_out_of_palette_cells(void **state)
{
	const arc_grid odd = {.h = 1, .w = 2, .cell = {3, 12}};
	const arc_grid *g[] = {&odd};
	char *s = draw(g, NULL, 1, ARC_COLOR_NONE);
	assert_string_equal(s, "\n3 ?\n");
	free(s);
}

static void test_mode_for_streams(void **state)
{
	FILE *f = tmpfile();
	assert_non_null(f);
	assert_int_equal(arc_color_mode_for(f), ARC_COLOR_NONE); /* not a terminal */
	fclose(f);
	/* A pseudo-terminal: colour, unless NO_COLOR or TERM=dumb; 24-bit when COLORTERM says. */
	int master = posix_openpt(O_RDWR | O_NOCTTY);
	assert_true(master >= 0);
	assert_int_equal(grantpt(master), 0);
	assert_int_equal(unlockpt(master), 0);
	FILE *tty = fopen(ptsname(master), "w");
	assert_non_null(tty);
	unsetenv("NO_COLOR");
	setenv("TERM", "xterm-256color", 1);
	setenv("COLORTERM", "", 1);
	assert_int_equal(arc_color_mode_for(tty), ARC_COLOR_256);
	setenv("COLORTERM", "truecolor", 1);
	assert_int_equal(arc_color_mode_for(tty), ARC_COLOR_TRUECOLOR);
	setenv("NO_COLOR", "1", 1);
	assert_int_equal(arc_color_mode_for(tty), ARC_COLOR_NONE);
	unsetenv("NO_COLOR");
	setenv("TERM", "dumb", 1);
	assert_int_equal(arc_color_mode_for(tty), ARC_COLOR_NONE);
	fclose(tty);
	close(master);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_digits_side_by_side),
		cmocka_unit_test(test_titles_wider_than_grids_and_null_grids),
		cmocka_unit_test(test_ansi_cells),
		cmocka_unit_test(test_out_of_palette_cells),
		cmocka_unit_test(test_mode_for_streams),
	};
	return cmocka_run_group_tests_name("draw", tests, NULL, NULL);
}
