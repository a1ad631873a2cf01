/* test_parse.c — the solver syntax: good files load, and every kind of error is reported with
 * its line, column and message, all of them, while the good programs of the file still load. */
#include "testutil.h"

#include <dirent.h>
#include <unistd.h>

#include "arcbatt.h"

/* An expected error: line, column and a part of the message. */
typedef struct want {
	int line, col;
	const char *msg;
} want;

/* Loads text into a fresh battery and checks the errors against w[0..n) in order. Returns the
 * number of programs loaded. */
static size_t load_expect(const char *text, bool strict, arc_status st, const want *w, size_t n)
{
	arc_battery *b = arc_battery_new();
	assert_non_null(b);
	arc_diag d = {0};
	assert_int_equal(arc_battery_add_text(b, "t.py", text, strlen(text), strict, &d), st);
	for (size_t k = 0; k < d.n && k < n; k++) {
		const arc_error *e = &d.items[k];
		if (e->line != w[k].line || e->column != w[k].col || !strstr(e->message, w[k].msg))
			fail_msg("error %zu: got %d:%d '%s', want %d:%d '%s'", k, e->line, e->column,
			         e->message, w[k].line, w[k].col, w[k].msg);
		assert_string_equal(e->file, "t.py");
		assert_int_equal(e->code, ARC_E_INPUT);
	}
	if (d.n != n)
		fail_msg("%zu errors, want %zu (first: %s)", d.n, n, d.n ? d.items[0].message : "-");
	size_t count = arc_battery_count(b);
	arc_diag_free(&d);
	arc_battery_free(b);
	return count;
}

#define EXPECT(text, ...)                                                                    \
	do {                                                                                  \
		static const want w_[] = {__VA_ARGS__};                                       \
		assert_int_equal(load_expect(text, false, ARC_E_INPUT, w_, sizeof w_ / sizeof *w_), 0); \
	} while (0)

static void good_file(void **state)
{
	(void)state;
	static const char text[] =
		"from dsl import *\n"
		"from constants import *\n"
		"\n"
		"# a comment\n"
		"def solve_a(I):\n"
		"    x1 = vmirror(I)   # trailing comment\n"
		"\n"
		"    x2 = rbind(hconcat, x1)\n"
		"    O = x2(\n"
		"        I,\n"
		"    )\n"
		"    return O\n"
		"\n"
		"def solve_b(I):\n"
		"\tO = upscale(I, TWO)\r\n"
		"\treturn O\n";
	arc_battery *b = arc_battery_new();
	arc_diag d = {0};
	assert_int_equal(arc_battery_add_text(b, "g.py", text, strlen(text), true, &d), ARC_OK);
	assert_int_equal(d.n, 0);
	assert_int_equal(arc_battery_count(b), 2);
	assert_string_equal(arc_battery_name(b, 0), "solve_a");
	assert_string_equal(arc_battery_name(b, 1), "solve_b");
	assert_string_equal(arc_battery_file(b, 1), "g.py");
	assert_int_equal(arc_battery_program_size(b, 0), 3);
	assert_int_equal(arc_battery_program_size(b, 1), 1);
	assert_int_equal(arc_battery_find(b, "solve_b"), 1);
	assert_int_equal(arc_battery_find(b, "solve_c"), SIZE_MAX);
	arc_diag_free(&d);
	arc_battery_free(b);
}

static void unknown_names(void **state)
{
	(void)state;
	EXPECT("def solve_a(I):\n    x1 = vmirorr(I)\n    O = hmirror(J)\n    return O\n",
	       {2, 10, "unknown primitive 'vmirorr'"},
	       {3, 17, "unknown name 'J': not a primitive, a constant, I or an assigned variable"});
	EXPECT("def solve_a(I):\n    O = T(I)\n    return O\n", {2, 9, "T is a constant, not a function"});
	EXPECT("def solve_a(I):\n    O = I(I)\n    return O\n", {2, 9, "I is the input grid, not a function"});
}

static void arity(void **state)
{
	(void)state;
	EXPECT("def solve_a(I):\n    O = vmirror(I, I)\n    return O\n", {2, 9, "vmirror takes 1 argument, 2 given"});
	EXPECT("def solve_a(I):\n    O = objects(I, T, F)\n    return O\n", {2, 9, "objects takes 4 arguments, 3 given"});
	EXPECT("def solve_a(I):\n    x1 = compose(vmirror, hmirror)\n    O = x1(I, I)\n    return O\n",
	       {3, 9, "x1 holds a function of 1 argument (made on line 2), 2 given"});
	/* rbind of a 2-parameter function takes 1; of a 3-parameter one 2; of objects 3. */
	EXPECT("def solve_a(I):\n    x1 = rbind(hconcat, I)\n    O = x1(I, I)\n    return O\n",
	       {3, 9, "x1 holds a function of 1 argument"});
	EXPECT("def solve_a(I):\n    x1 = lbind(fill, I)\n    O = x1(I)\n    return O\n",
	       {3, 9, "x1 holds a function of 2 arguments"});
	EXPECT("def solve_a(I):\n    x1 = rbind(objects, T)\n    O = x1(I)\n    return O\n",
	       {3, 9, "x1 holds a function of 3 arguments"});
	/* power(f, 1) is f; power(f, n > 1) takes 1; branch of two equal arities keeps it. */
	EXPECT("def solve_a(I):\n    x1 = power(hconcat, ONE)\n    O = x1(I)\n    return O\n",
	       {3, 9, "x1 holds a function of 2 arguments"});
	EXPECT("def solve_a(I):\n    x1 = power(vmirror, TWO)\n    O = x1(I, I)\n    return O\n",
	       {3, 9, "x1 holds a function of 1 argument"});
	EXPECT("def solve_a(I):\n    x1 = branch(T, hconcat, vconcat)\n    O = x1(I)\n    return O\n",
	       {3, 9, "x1 holds a function of 2 arguments"});
	EXPECT("def solve_a(I):\n    x1 = chain(vmirror, hmirror, dmirror)\n    x2 = fork(hconcat, x1, identity)\n"
	       "    x3 = matcher(x2, I)\n    O = x3(I, T)\n    return O\n",
	       {5, 9, "x3 holds a function of 1 argument"});
	EXPECT("def solve_a(I):\n    x1 = vmirror(I)\n    O = x1()\n    return O\n",
	       {3, 9, "a call takes 1 to 4 arguments, 0 given"});
	/* Unknown statically (branch of different arities): no error, checked at run time. */
	static const char ok[] = "def solve_a(I):\n    x1 = branch(T, hconcat, vmirror)\n    O = x1(I)\n    return O\n";
	assert_int_equal(load_expect(ok, true, ARC_OK, NULL, 0), 1);
}

static void assignments(void **state)
{
	(void)state;
	EXPECT("def solve_a(I):\n    x1 = vmirror(x2)\n    x2 = hmirror(I)\n    O = hconcat(x1, x2)\n    return O\n",
	       {2, 18, "x2 is used before it is assigned (on line 3)"});
	EXPECT("def solve_a(I):\n    x1 = vmirror(I)\n    x1 = hmirror(I)\n    O = hconcat(x1, x1)\n    return O\n",
	       {3, 5, "x1 is assigned twice (first on line 2)"});
	EXPECT("def solve_a(I):\n    I = vmirror(I)\n    shift = vmirror(I)\n    TWO = vmirror(I)\n    O = vmirror(I)\n    return O\n",
	       {2, 5, "cannot assign to I: it is the input grid"},
	       {3, 5, "cannot assign to shift: it is a primitive"},
	       {4, 5, "cannot assign to TWO: it is a constant"});
	/* A bad line still defines its target: its later uses are not reported again. */
	EXPECT("def solve_a(I):\n    x1 = nosuch(I)\n    O = vmirror(x1)\n    return O\n",
	       {2, 10, "unknown primitive 'nosuch'"});
}

static void returns(void **state)
{
	(void)state;
	EXPECT("def solve_a(I):\n    O = vmirror(I)\n", {1, 5, "missing 'return O' at the end of solve_a"});
	EXPECT("def solve_a(I):\n    x1 = vmirror(I)\n    return x1\n", {3, 12, "a program returns O, not x1"});
	EXPECT("def solve_a(I):\n    x1 = vmirror(I)\n    return O\n", {3, 12, "return O: O is never assigned"});
	EXPECT("def solve_a(I):\n    O = vmirror(I)\n    return O\n    x2 = vmirror(I)\n    x3 = vmirror(I)\n",
	       {4, 5, "statement after 'return O' (line 3)"});
	EXPECT("def solve_a(I):\n    O = vmirror(I)\n    return O O\n", {3, 14, "expected end of line after 'return O'"});
}

static void syntax(void **state)
{
	(void)state;
	EXPECT("def solve_a(I):\n    O = vmirror(I\n    return O\n", {2, 18, "expected ',' or ')', found end of line"});
	EXPECT("def solve_a(I):\n    O = upscale(I, 2)\n    return O\n",
	       {2, 20, "found the literal '2' (literals are not allowed: use a constant such as ONE)"});
	EXPECT("def solve_a(I):\n    O = vmirror(hmirror(I))\n    return O\n",
	       {2, 17, "nested calls are not allowed"});
	EXPECT("def solve_a(I):\n    O = vmirror(I) + I\n    return O\n", {2, 20, "expected end of line after the call, found '+'"});
	EXPECT("def solve_a(I):\n    O = I\n    return O\n", {2, 10, "expected '(' (each line is one call"});
	EXPECT("def solve_a(I):\n    vmirror(I)\n    O = vmirror(I)\n    return O\n",
	       {2, 5, "the result of a call must be assigned"});
	EXPECT("def solve_a(I):\n    if x1:\n    O = vmirror(I)\n    return O\n",
	       {2, 5, "expected an assignment 'xN = callee(...)' or 'return O', found 'if'"});
	EXPECT("def solve_a(I):\n    O = vmirror(I, \"s\")\n    return O\n", {2, 20, "expected an argument or ')', found '\"'"});
	EXPECT("def solve_a(I):\n    O = vmirror(I\x01)\n    return O\n", {2, 18, "found byte 0x01"});
}

static void structure(void **state)
{
	(void)state;
	EXPECT("import os\nprint(1)\n", {1, 1, "only 'from dsl import *' and 'from constants import *'"},
	       {2, 1, "expected 'def solve_<name>(I):' or 'from dsl import *' at the top level, found 'print'"});
	EXPECT("from numpy import *\n", {1, 1, "only 'from dsl import *'"});
	EXPECT("    x1 = vmirror(I)\n    x2 = vmirror(I)\n", {1, 5, "unexpected indentation outside a def"});
	EXPECT("def solve_a(X):\n    O = vmirror(I)\n    return O\n", {1, 13, "a program takes one parameter, I (found X)"});
	EXPECT("def solve_a(I): O = vmirror(I)\n", {1, 17, "expected end of line after ':'"},
	       {1, 5, "missing 'return O'"});
	EXPECT("def solve_a(I)\n    O = vmirror(I)\n    return O\n", {1, 15, "expected ':', found end of line"});
	EXPECT("def (I):\n    O = vmirror(I)\n    return O\n", {1, 5, "expected a program name after 'def'"});
	EXPECT("def solve_a(I):\n    x1 = vmirror(I)\n      O = vmirror(x1)\n    return O\n",
	       {3, 7, "unexpected indentation: this line starts at column 7, the body at column 5"});
}

/* Every error of a file is reported; its good programs load unless strict. */
static void all_errors_good_programs_load(void **state)
{
	(void)state;
	static const char text[] =
		"def solve_a(I):\n    O = vmirror(I)\n    return O\n"
		"def solve_b(I):\n    O = nosuch(I)\n    return O\n"
		"def solve_c(I):\n    O = hmirror(I)\n    return O\n"
		"def solve_d(I):\n    O = vmirror(I, I)\n    x1 = hmirror(x9)\n    return O\n";
	static const want w2[] = {{5, 9, "unknown primitive 'nosuch'"},
	                          {11, 9, "vmirror takes 1 argument"},
	                          {12, 18, "unknown name 'x9'"}};
	assert_int_equal(load_expect(text, false, ARC_E_INPUT, w2, 3), 2);
	assert_int_equal(load_expect(text, true, ARC_E_INPUT, w2, 3), 0);
}

static void duplicates(void **state)
{
	(void)state;
	static const char text[] =
		"def solve_a(I):\n    O = vmirror(I)\n    return O\n"
		"def solve_a(I):\n    O = hmirror(I)\n    return O\n";
	static const want w[] = {{4, 5, "duplicate program name solve_a (already defined in line 1)"}};
	assert_int_equal(load_expect(text, false, ARC_E_INPUT, w, 1), 1);
	/* Across files: the second file's program is left out. */
	arc_battery *b = arc_battery_new();
	arc_diag d = {0};
	assert_int_equal(arc_battery_add_text(b, "one.py", text, 48, true, &d), ARC_OK);
	assert_int_equal(arc_battery_add_text(b, "two.py", text, 48, false, &d), ARC_E_INPUT);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.items[0].file, "two.py");
	assert_string_equal(d.items[0].where, "solve_a");
	assert_non_null(strstr(d.items[0].message, "already defined in one.py"));
	assert_int_equal(arc_battery_count(b), 1);
	arc_diag_free(&d);
	arc_battery_free(b);
}

static void files(void **state)
{
	(void)state;
	arc_battery *b = arc_battery_new();
	arc_diag d = {0};
	assert_int_equal(arc_battery_add_file(b, "/nonexistent/dir/x.py", false, &d), ARC_E_IO);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].code, ARC_E_IO);
	assert_string_equal(d.items[0].file, "/nonexistent/dir/x.py");
	char path[] = "/tmp/arcbatt-test-parse-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	static const char text[] = "from dsl import *\ndef solve_f(I):\n    O = vmirror(I)\n    return O\n";
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	assert_int_equal(arc_battery_add_file(b, path, true, &d), ARC_OK);
	assert_int_equal(arc_battery_count(b), 1);
	assert_string_equal(arc_battery_file(b, 0), path);
	unlink(path);
	/* an empty text is a file without programs */
	assert_int_equal(arc_battery_add_text(b, "e.py", "", 0, true, &d), ARC_OK);
	assert_int_equal(arc_battery_count(b), 1);
	arc_diag_free(&d);
	arc_battery_free(b);
}

/* A program longer than PROG_MAX_INSTRS is reported once, where it overflows. */
static void too_long(void **state)
{
	(void)state;
	size_t cap = 5000 * 32, n = 0;
	char *text = malloc(cap);
	assert_non_null(text);
	n += (size_t)snprintf(text + n, cap - n, "def solve_big(I):\n    x0 = vmirror(I)\n");
	for (int k = 1; k < 4200; k++)
		n += (size_t)snprintf(text + n, cap - n, "    x%d = hmirror(x%d)\n", k, k - 1);
	n += (size_t)snprintf(text + n, cap - n, "    O = vmirror(x4199)\n    return O\n");
	static const want w[] = {{4098, 5, "more than 4096 instructions in one program"}};
	assert_int_equal(load_expect(text, false, ARC_E_INPUT, w, 1), 0);
	free(text);
}

/* Parsing is linear in the program's length: targets are found by hashing. A body of 200,000
 * lines (parsed up to the instruction cap, its targets all collected) took 97 s when they were
 * looked up one by one; the alarm fails the test long before that, well above the linear
 * parse's tenth of a second even under a sanitizer. */
static void linear_in_length(void **state)
{
	(void)state;
	enum { LINES = 200000 };
	size_t cap = (size_t)LINES * 40, n = 0;
	char *text = malloc(cap);
	assert_non_null(text);
	n += (size_t)snprintf(text + n, cap - n, "def solve_big(I):\n    x0 = vmirror(I)\n");
	for (int k = 1; k < LINES; k++)
		n += (size_t)snprintf(text + n, cap - n, "    x%d = hmirror(x%d)\n", k, k - 1);
	n += (size_t)snprintf(text + n, cap - n, "    O = vmirror(x%d)\n    return O\n", LINES - 1);
	static const want w[] = {{4098, 5, "more than 4096 instructions in one program"}};
	alarm(20);
	assert_int_equal(load_expect(text, false, ARC_E_INPUT, w, 1), 0);
	alarm(0);
	free(text);
}

/* Inputs kept from fuzzing (tests/fuzz/regress_parse/) load with consistent statuses and run.
 * Run from the repository root. */
static void fuzz_regressions(void **state)
{
	(void)state;
	const char *dir = "tests/fuzz/regress_parse";
	DIR *dp = opendir(dir);
	assert_non_null(dp);
	int replayed = 0;
	for (struct dirent *de; (de = readdir(dp));) {
		if (de->d_name[0] == '.')
			continue;
		char path[512];
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		for (int strict = 0; strict < 2; strict++) {
			arc_battery *b = arc_battery_new();
			arc_diag d = {0};
			arc_status st = arc_battery_add_file(b, path, strict, &d);
			assert_true(st == ARC_OK || st == ARC_E_INPUT);
			assert_int_equal(st == ARC_OK, d.n == 0);
			for (size_t k = 0; k < d.n; k++)
				assert_true(d.items[k].line >= 1 && d.items[k].column >= 1);
			arc_limits lim = {.timeout_s = 5, .mem_bytes = 4 << 20, .steps = 100000};
			arc_evaluator *ev = arc_evaluator_new(b, &lim);
			arc_outcome *out = calloc(arc_battery_count(b) + 1, sizeof *out);
			arc_grid in = {.h = 2, .w = 3, .cell = {1, 2, 3, 4, 5, 6}};
			assert_int_equal(arc_evaluator_run(ev, &in, NULL, out), ARC_OK);
			free(out);
			arc_evaluator_free(ev);
			arc_diag_free(&d);
			arc_battery_free(b);
		}
		replayed++;
	}
	closedir(dp);
	assert_true(replayed > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(good_file),
		cmocka_unit_test(unknown_names),
		cmocka_unit_test(arity),
		cmocka_unit_test(assignments),
		cmocka_unit_test(returns),
		cmocka_unit_test(syntax),
		cmocka_unit_test(structure),
		cmocka_unit_test(all_errors_good_programs_load),
		cmocka_unit_test(duplicates),
		cmocka_unit_test(files),
		cmocka_unit_test(too_long),
		cmocka_unit_test(linear_in_length),
		cmocka_unit_test(fuzz_regressions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
