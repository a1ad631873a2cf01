/* test_prims_arith.c — the arith primitives (DSL.md 6.1) on what the conformance vectors do not
 * reach: 30×30 grids, empty containers, multicolour objects, negative and out-of-range
 * coordinates, sort orders that only CPython's exact timsort gives, and limits. */
#include "testutil.h"

/* JSON written with single quotes, for readable test values (one static buffer). */
static const char *dq(const char *text)
{
	static char buf[4096];
	size_t n = strlen(text);
	assert_true(n < sizeof buf);
	for (size_t k = 0; k <= n; k++)
		buf[k] = text[k] == '\'' ? '"' : text[k];
	return buf;
}

static value J(const char *text) { return V(dq(text)); }

/* CALL_EQ with the expected value written with single quotes. */
#define EQ(name, expected, ...) CALL_EQ(name, dq(expected), __VA_ARGS__)

/* An h×w grid whose cell (i, j) is f(i, j). */
static value grid_of(int h, int w, int (*f)(int i, int j))
{
	static char buf[1 << 16];
	size_t at = (size_t)snprintf(buf, sizeof buf, "{\"grid\": [");
	for (int i = 0; i < h; i++) {
		at += (size_t)snprintf(buf + at, sizeof buf - at, "%s[", i ? "," : "");
		for (int j = 0; j < w; j++)
			at += (size_t)snprintf(buf + at, sizeof buf - at, "%s%d", j ? "," : "", f(i, j));
		at += (size_t)snprintf(buf + at, sizeof buf - at, "]");
	}
	snprintf(buf + at, sizeof buf - at, "]}");
	return V(buf);
}

static int diag(int i, int j) { return (i + j) % 10; }
static int stripes(int i, int j) { return (i % 3) * 3 + j % 2; } /* rows repeat every 3 */

/* A successful call's result (b is ignored for one-parameter primitives). */
static value call(const char *name, int n, value a, value b)
{
	value out;
	if (!tu_call(name, &out, n, a, b))
		fail_msg("%s failed: %s: %s", name, dsl_err_name(tu_ctx.err), tu_ctx.msg);
	return out;
}

static void numeric_dispatch(void **state)
{
	(void)state;
	EQ("add", "{'vec': [-32770, 5]}", v_pair(-3, -4), J("{'vec': [-32767, 9]}"));
	EQ("subtract", "{'vec': [-1, 0]}", v_bool(true), v_pair(2, 1));
	EQ("multiply", "{'vec': [0, 0]}", v_pair(5, -3), v_bool(false));
	EQ("multiply", "{'vec': [0, 6]}", v_pair(0, -3), v_int(-2));
	EQ("divide", "{'vec': [-4, 3]}", v_pair(-7, 7), v_int(2));
	EQ("divide", "{'vec': [3, -4]}", v_int(7), v_pair(2, -2));
	/* a longer tuple contributes its first two components; bools count as ints */
	EQ("add", "{'vec': [2, 2]}", J("{'tuple': [{'int': 1}, {'bool': true}, {'int': 9}]}"),
	   v_bool(true));
	/* rows of a grid are tuples: + concatenates, * repeats, - of ints fails */
	value g = J("{'grid': [[1, 2], [3, 4]]}");
	EQ("add", "{'grid': [[1, 2, 1, 2], [3, 4, 3, 4]]}", g, g);
	EQ("multiply", "{'grid': [[1, 2, 1, 2, 1, 2], [3, 4, 3, 4, 3, 4]]}", g, v_int(3));
	EQ("multiply", "{'grid': [[], []]}", v_int(0), g);
	EQ("double", "{'grid': [[1, 2, 1, 2], [3, 4, 3, 4]]}", g);
	CALL_FAILS("subtract", DSL_TYPE_ERROR, g, v_int(1));
	CALL_FAILS("increment", DSL_TYPE_ERROR, g);
	CALL_FAILS("halve", DSL_TYPE_ERROR, g);
	CALL_FAILS("sign", DSL_TYPE_ERROR, g);
	/* sets subtract as sets, component by component */
	EQ("subtract", "{'tuple': [{'frozenset': [{'int': 1}]}, {'frozenset': []}]}",
	   J("{'tuple': [{'frozenset': [{'int': 1}, {'int': 2}]}, {'frozenset': [{'int': 3}]}]}"),
	   J("{'tuple': [{'frozenset': [{'int': 2}]}, {'frozenset': [{'int': 3}]}]}"));
	CALL_FAILS("add", DSL_TYPE_ERROR, J("{'tuple': [{'frozenset': []}, {'int': 1}]}"), v_int(1));
	/* too short, not subscriptable */
	CALL_FAILS("add", DSL_INDEX_ERROR, J("{'tuple': [{'int': 1}]}"), v_int(1));
	CALL_FAILS("invert", DSL_INDEX_ERROR, v_empty_tuple());
	CALL_FAILS("add", DSL_TYPE_ERROR, v_int(1), v_none());
	CALL_FAILS("crement", DSL_TYPE_ERROR, J("{'tuple': [{'int': 1}, {'vec': [1, 2]}]}"));
	CALL_FAILS("divide", DSL_ZERO_DIVISION, v_pair(3, 4), v_pair(1, 0));
	/* floor semantics */
	EQ("halve", "{'vec': [-4, -1]}", v_pair(-7, -1));
	EQ("divide", "{'int': 3}", v_int(-7), v_int(-2));
	EQ("crement", "{'vec': [-2, 0]}", v_pair(-1, 0));
	EQ("crement", "{'vec': [0, -6]}", v_pair(0, -5));
	EQ("sign", "{'vec': [0, 1]}", J("{'tuple': [{'bool': false}, {'int': 7}, {'int': -1}]}"));
}

static void numeric_limits(void **state)
{
	(void)state;
	CALL_FAILS("add", DSL_OVERFLOW, v_int(INT32_MAX), v_int(1));
	CALL_FAILS("subtract", DSL_OVERFLOW, v_pair(0, INT32_MIN), v_int(1));
	CALL_FAILS("multiply", DSL_OVERFLOW, v_int(1 << 16), v_pair(1, 1 << 16));
	CALL_FAILS("divide", DSL_OVERFLOW, v_int(INT32_MIN), v_int(-1));
	CALL_FAILS("invert", DSL_OVERFLOW, v_int(INT32_MIN));
	CALL_FAILS("double", DSL_OVERFLOW, v_pair(1, 1 << 30));
	CALL_FAILS("increment", DSL_OVERFLOW, v_int(INT32_MAX));
	CALL_FAILS("decrement", DSL_OVERFLOW, v_pair(INT32_MIN, 0));
	CALL_FAILS("crement", DSL_OVERFLOW, v_int(INT32_MIN));
	EQ("sign", "{'vec': [-1, 1]}", v_pair(INT32_MIN, INT32_MAX));
	EQ("invert", "{'int': -2147483647}", v_int(INT32_MAX));
	/* tuple repetition beyond what memory holds fails on the limit, not in malloc */
	CALL_FAILS("multiply", DSL_LIMIT_MEMORY, J("{'grid': [[1, 2], [3, 4]]}"), v_int(INT32_MAX));
	CALL_FAILS("multiply", DSL_LIMIT_MEMORY, J("{'tuple': [{'tuple': [{'int': 1}]}, {'int': 0}]}"),
	           v_int(100000000)); /* 1.6 GB: beyond the arena */
	CALL_FAILS("repeat", DSL_LIMIT_MEMORY, v_int(1), v_int(INT32_MAX));
	CALL_FAILS("repeat", DSL_TYPE_ERROR, v_int(1), v_pair(1, 1));
}

static void predicates(void **state)
{
	(void)state;
	EQ("even", "{'bool': true}", v_int(INT32_MIN));
	EQ("even", "{'bool': false}", v_int(-2147483647));
	CALL_FAILS("even", DSL_TYPE_ERROR, v_empty_set());
	EQ("positive", "{'bool': false}", v_int(INT32_MIN));
	CALL_FAILS("positive", DSL_TYPE_ERROR, v_none());
	EQ("greater", "{'bool': true}", v_pair(1, 0), J("{'tuple': [{'int': 0}, {'int': 9}, {'int': 9}]}"));
	EQ("greater", "{'bool': true}", J("{'indices': [[0, 0], [-1, 5]]}"), J("{'indices': [[-1, 5]]}"));
	EQ("greater", "{'bool': false}", J("{'indices': [[0, 0]]}"), J("{'indices': [[-1, 5]]}"));
	CALL_FAILS("greater", DSL_TYPE_ERROR, v_int(1), v_pair(0, 0));
	EQ("flip", "{'bool': false}", J("{'grid': [[]]}")); /* ((),) is truthy */
	EQ("flip", "{'bool': true}", v_empty_tuple());
	EQ("both", "{'tuple': []}", v_empty_tuple(), v_int(5));
	EQ("either", "{'indices': [[-3, -3]]}", v_empty_set(), J("{'indices': [[-3, -3]]}"));
	EQ("equality", "{'bool': true}", J("{'object': [[1, 0, 0], [2, 0, 0]]}"),
	   J("{'object': [[2, 0, 0], [1, 0, 0]]}"));
	EQ("equality", "{'bool': false}", v_empty_tuple(), v_empty_set());
	EQ("equality", "{'bool': true}", v_prim(PRIM_add), v_prim(PRIM_add));
}

static void membership(void **state)
{
	(void)state;
	value g = grid_of(30, 30, diag);
	EQ("contained", "{'bool': false}", v_pair(0, 1), g);
	EQ("contained", "{'bool': true}", cont_get(&tu_ctx, g, 29), g);
	EQ("contained", "{'bool': true}", v_empty_tuple(), J("{'grid': [[], []]}"));
	EQ("contained", "{'bool': false}", v_empty_tuple(), v_empty_tuple());
	EQ("contained", "{'bool': true}", J("{'cell': [2, -1, 0]}"), J("{'object': [[1, -1, 0], [2, -1, 0]]}"));
	EQ("contained", "{'bool': false}", v_pair(-1, 0), J("{'object': [[1, -1, 0], [2, -1, 0]]}"));
	EQ("contained", "{'bool': false}", v_pair(40000, 0), J("{'indices': [[0, 0]]}"));
	EQ("contained", "{'bool': true}", v_bool(true), v_pair(0, 1));
	EQ("contained", "{'bool': true}", J("{'frozenset': []}"),
	   J("{'tuple': [{'int': 1}, {'frozenset': []}]}"));
	CALL_FAILS("contained", DSL_TYPE_ERROR, v_int(1), v_int(1));
	EQ("initset", "{'object': [[5, -32768, 32767]]}", J("{'cell': [5, -32768, 32767]}"));
	CALL_FAILS("initset", DSL_OVERFLOW, v_pair(40000, 0));
	EQ("size", "{'int': 30}", g);
	EQ("size", "{'int': 2}", J("{'grid': [[], []]}"));
	EQ("size", "{'int': 2}", J("{'object': [[1, 0, 0], [2, 0, 0]]}"));
	CALL_FAILS("size", DSL_TYPE_ERROR, v_prim(PRIM_size));
}

static void combining(void **state)
{
	(void)state;
	value g = grid_of(30, 30, diag), out = call("combine", 2, g, g);
	assert_int_equal(out.kind, VK_GRID);
	assert_int_equal(out.g->h, 60);
	assert_int_equal(out.g->w, 30);
	assert_int_equal(out.g->cell[59 * 30 + 29], (29 + 29) % 10);
	/* rows of different widths give a tuple of rows */
	EQ("combine", "{'tuple': [{'vec': [1, 2]}, {'tuple': [{'int': 3}]}]}", J("{'grid': [[1, 2]]}"),
	   J("{'grid': [[3]]}"));
	EQ("combine", "{'grid': [[], [], []]}", J("{'grid': [[]]}"), J("{'grid': [[], []]}"));
	EQ("combine", "{'tuple': []}", v_empty_tuple(), v_empty_set());
	EQ("combine", "{'frozenset': []}", v_empty_set(), v_empty_tuple());
	/* a set keeps both colours of a doubly coloured position */
	EQ("combine", "{'object': [[1, -1, -1], [2, -1, -1], [3, 5, 5]]}",
	   J("{'object': [[1, -1, -1], [3, 5, 5]]}"), J("{'object': [[2, -1, -1], [3, 5, 5]]}"));
	EQ("combine", "{'frozenset': [{'vec': [0, 0]}, {'cell': [1, 0, 0]}]}",
	   J("{'indices': [[0, 0]]}"), J("{'object': [[1, 0, 0]]}"));
	EQ("combine", "{'indices': [[-2, 0], [0, 0]]}", J("{'indices': [[0, 0]]}"),
	   J("{'tuple': [{'vec': [-2, 0]}, {'vec': [0, 0]}]}"));
	CALL_FAILS("combine", DSL_OVERFLOW, J("{'indices': [[0, 0]]}"), J("{'tuple': [{'vec': [40000, 0]}]}"));
	CALL_FAILS("combine", DSL_TYPE_ERROR, v_empty_set(), v_int(1));
	CALL_FAILS("combine", DSL_TYPE_ERROR, v_int(1), v_empty_tuple());
}

static void intersecting(void **state)
{
	(void)state;
	value two = J("{'object': [[1, 0, 0], [2, 0, 0], [2, -4, 7]]}");
	EQ("intersection", "{'object': [[2, 0, 0]]}", two, J("{'object': [[2, 0, 0], [3, 0, 0]]}"));
	EQ("intersection", "{'frozenset': []}", two, J("{'indices': [[0, 0], [-4, 7]]}"));
	EQ("intersection", "{'indices': [[-4, 7]]}", J("{'indices': [[0, 0], [-4, 7]]}"),
	   J("{'frozenset': [{'int': 1}, {'vec': [-4, 7]}]}"));
	EQ("intersection", "{'frozenset': [{'int': 1}]}", J("{'frozenset': [{'int': 1}, {'vec': [-4, 7]}]}"),
	   J("{'frozenset': [{'bool': true}, {'int': 2}]}"));
	EQ("intersection", "{'frozenset': []}", v_empty_set(), two);
	EQ("intersection", "{'int': 4}", v_int(6), v_int(-4)); /* & of ints */
	EQ("intersection", "{'bool': true}", v_bool(true), v_bool(true));
	CALL_FAILS("intersection", DSL_TYPE_ERROR, two, v_empty_tuple());
}

static void differences(void **state)
{
	(void)state;
	value two = J("{'object': [[1, 0, 0], [2, 0, 0], [2, -4, 7]]}");
	EQ("difference", "{'object': [[1, 0, 0], [2, -4, 7]]}", two, J("{'object': [[2, 0, 0]]}"));
	EQ("difference", "{'object': [[1, 0, 0], [2, 0, 0], [2, -4, 7]]}", two,
	   J("{'indices': [[0, 0], [-4, 7]]}")); /* cells are not positions */
	EQ("difference", "{'object': [[2, -4, 7]]}", two,
	   J("{'tuple': [{'cell': [1, 0, 0]}, {'vec': [1, 1]}, {'cell': [2, 0, 0]}]}"));
	EQ("difference", "{'indices': [[5, -5]]}", J("{'indices': [[5, -5], [0, 0]]}"),
	   J("{'frozenset': [{'int': 3}, {'vec': [0, 0]}]}"));
	/* positions beyond int16 equal no element: no failure */
	EQ("difference", "{'indices': [[0, 0]]}", J("{'indices': [[0, 0]]}"),
	   J("{'tuple': [{'vec': [40000, 0]}, {'int': 2}, {'int': 3}]}"));
	/* a mixed set reduced to positions becomes Indices */
	value out = call("difference", 2, J("{'frozenset': [{'int': 3}, {'vec': [0, 0]}]}"), J("{'tuple': [{'int': 3}]}"));
	assert_int_equal(out.kind, VK_IDX);
	/* an empty first argument never asks the second */
	EQ("difference", "{'frozenset': []}", v_empty_set(), v_int(5));
	EQ("difference", "{'tuple': []}", v_empty_tuple(), v_none());
	CALL_FAILS("difference", DSL_TYPE_ERROR, two, v_int(5));
	/* a tuple keeps order and duplicates of what survives; a 30×30 grid its surviving rows */
	value g = grid_of(30, 30, stripes);
	out = call("difference", 2, g, J("{'tuple': [{'tuple': [{'int': 0}, {'int': 1}, {'int': 0}]}]}"));
	assert_int_equal(out.kind, VK_GRID);
	assert_int_equal(out.g->h, 30);
	out = call("difference", 2, g, call("initset", 1, cont_get(&tu_ctx, g, 1), v_none()));
	assert_int_equal(out.kind, VK_GRID);
	assert_int_equal(out.g->h, 20);
	assert_int_equal(out.g->cell[30], 6); /* rows 0 and 2 of every three are left */
	EQ("difference", "{'tuple': [{'int': 3}, {'vec': [1, 2]}, {'int': 3}]}",
	   J("{'tuple': [{'int': 3}, {'vec': [1, 2]}, {'int': 1}, {'int': 3}]}"), J("{'frozenset': [{'bool': true}]}"));
}

static void merging(void **state)
{
	(void)state;
	value g = grid_of(30, 30, diag);
	value grids = tuple_make(&tu_ctx, (value[]){g, v_empty_tuple(), g}, 3);
	value out = call("merge", 1, grids, v_none());
	assert_int_equal(out.kind, VK_GRID);
	assert_int_equal(out.g->h, 60);
	/* a grid merges into the tuple of all its cells */
	out = call("merge", 1, g, v_none());
	assert_int_equal(out.kind, VK_TUPLE);
	assert_int_equal(out.t->n, 900);
	assert_int_equal(out.t->e[899].i, 8);
	EQ("merge", "{'tuple': []}", J("{'grid': [[], []]}"));
	/* a set of Objects: overlapping positions keep all their colours */
	EQ("merge", "{'object': [[1, 0, 0], [2, 0, 0], [2, -3, -3]]}",
	   J("{'frozenset': [{'object': [[1, 0, 0]]}, {'object': [[2, 0, 0], [2, -3, -3]]}, {'frozenset': []}]}"));
	EQ("merge", "{'indices': [[0, 0], [-9, 4]]}",
	   J("{'frozenset': [{'indices': [[0, 0]]}, {'indices': [[-9, 4], [0, 0]]}]}"));
	EQ("merge", "{'frozenset': [{'vec': [0, 0]}, {'cell': [1, 0, 0]}]}",
	   J("{'frozenset': [{'indices': [[0, 0]]}, {'object': [[1, 0, 0]]}]}"));
	EQ("merge", "{'frozenset': [{'int': 1}, {'vec': [0, 0]}]}", J("{'object': [[1, 0, 0]]}"));
	/* a tuple of sets lists each set in canonical order */
	EQ("merge", "{'tuple': [{'cell': [1, 0, 0]}, {'cell': [2, 0, 0]}, {'vec': [-1, 0]}]}",
	   J("{'tuple': [{'object': [[2, 0, 0], [1, 0, 0]]}, {'indices': [[-1, 0]]}]}"));
	CALL_FAILS("merge", DSL_TYPE_ERROR, v_pair(1, 2));
	CALL_FAILS("merge", DSL_TYPE_ERROR, J("{'frozenset': [{'int': 1}, {'indices': [[0, 0]]}]}"));
}

static void repeating(void **state)
{
	(void)state;
	value row = cont_get(&tu_ctx, grid_of(1, 30, diag), 0);
	value out = call("repeat", 2, row, v_int(30));
	assert_int_equal(out.kind, VK_GRID);
	assert_int_equal(out.g->h, 30);
	assert_int_equal(out.g->cell[29 * 30 + 29], 9);
	/* more rows than a grid holds: a plain tuple of pairs */
	out = call("repeat", 2, v_pair(1, 2), v_int(70000));
	assert_int_equal(out.kind, VK_TUPLE);
	assert_int_equal(out.t->n, 70000);
	EQ("repeat", "{'grid': [[], []]}", v_empty_tuple(), v_int(2));
	EQ("repeat", "{'tuple': [{'vec': [1, 200]}, {'vec': [1, 200]}]}", v_pair(1, 200), v_int(2));
	EQ("repeat", "{'tuple': []}", v_pair(1, 2), v_int(INT32_MIN));
}

/* 100 frozensets over 0..5 (bits of (3k + k/7) mod 61): Python's sorted() order, which only
 * CPython's exact sequence of comparisons reproduces (an insertion sort of all 100 differs). */
static const uint8_t py_sorted100[100] = {
	0, 39, 1, 2, 3, 4, 20, 24, 5, 6, 7, 22, 8, 26, 9, 28, 10, 11, 21, 12, 13, 14, 30, 15, 44,
	16, 17, 18, 23, 25, 40, 49, 19, 41, 27, 29, 31, 32, 33, 34, 35, 36, 46, 37, 42, 38, 43, 45, 47,
	48, 50, 51, 52, 53, 54, 83, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 86, 67, 68, 69, 70,
	71, 81, 72, 73, 74, 75, 78, 98, 99, 80, 84, 85, 88, 89, 90, 76, 77, 79, 82, 87, 91, 92, 93, 94,
	95, 96, 97};
static const uint8_t py_sorted40[40] = {
	0, 39, 1, 2, 3, 4, 20, 24, 5, 6, 7, 22, 8, 26, 9, 28, 10, 11, 21, 12,
	13, 14, 30, 15, 16, 17, 18, 23, 25, 19, 27, 29, 31, 32, 33, 34, 35, 36, 37, 38};

static value bitsets(int n)
{
	value *e = malloc((size_t)n * sizeof *e);
	for (int k = 0; k < n; k++) {
		char text[200] = "{'frozenset': [";
		int bits = (k * 3 + k / 7) % 61;
		for (int b = 0, first = 1; b < 6; b++)
			if (bits >> b & 1) {
				snprintf(text + strlen(text), sizeof text - strlen(text), "%s{'int': %d}", first ? "" : ", ", b);
				first = 0;
			}
		strcat(text, "]}");
		e[k] = J(text);
	}
	value t = tuple_make(&tu_ctx, e, (size_t)n);
	free(e);
	return t;
}

static void order_is_cpythons(void **state)
{
	(void)state;
	value t = bitsets(100), out = call("order", 2, t, v_prim(PRIM_identity));
	assert_int_equal(out.t->n, 100);
	for (int k = 0; k < 100; k++)
		assert_true(val_eq(out.t->e[k], t.t->e[py_sorted100[k]]));
	t = bitsets(40);
	out = call("order", 2, t, v_prim(PRIM_identity));
	for (int k = 0; k < 40; k++)
		assert_true(val_eq(out.t->e[k], t.t->e[py_sorted40[k]]));
	/* stable on ties: a 30×30 grid's rows keyed by the signs of their first two cells, (0, 1)
	 * for rows 0, 10, 20, (1, 0) for rows 9, 19, 29, (1, 1) for the others */
	value g = grid_of(30, 30, diag);
	out = call("order", 2, g, v_prim(PRIM_sign));
	assert_int_equal(out.kind, VK_GRID);
	static const int8_t first_cells[30] = {0, 0, 0, 9, 9, 9, 1, 2, 3, 4, 5, 6, 7, 8, 1,
	                                       2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8};
	for (int r = 0; r < 30; r++)
		assert_int_equal(out.g->cell[30 * r], first_cells[r]);
	EQ("order", "{'tuple': []}", v_empty_set(), v_prim(PRIM_size));
	EQ("order", "{'grid': [[5, -1], [-2, 3]]}", J("{'indices': [[-2, 3], [5, -1]]}"), v_prim(PRIM_invert));
	CALL_FAILS("order", DSL_TYPE_ERROR, J("{'tuple': [{'int': 1}, {'vec': [0, 0]}]}"), v_prim(PRIM_identity));
	EQ("order", "{'grid': [[0, 0]]}", J("{'indices': [[0, 0]]}"), v_prim(PRIM_identity));
	CALL_FAILS("order", DSL_TYPE_ERROR, v_int(3), v_prim(PRIM_identity));
}

static void deduping(void **state)
{
	(void)state;
	value out = call("dedupe", 1, grid_of(30, 30, stripes), v_none());
	assert_int_equal(out.kind, VK_GRID);
	assert_int_equal(out.g->h, 3);
	assert_int_equal(out.g->cell[2 * 30], 6);
	EQ("dedupe", "{'grid': [[]]}", J("{'grid': [[], [], []]}"));
	EQ("dedupe", "{'tuple': [{'int': 7}]}", v_pair(7, 7));
	EQ("dedupe", "{'tuple': [{'bool': true}, {'frozenset': []}, {'int': 0}]}",
	   J("{'tuple': [{'bool': true}, {'frozenset': []}, {'int': 1}, {'frozenset': []}, {'int': 0}]}"));
	EQ("dedupe", "{'tuple': []}", v_empty_set());
	CALL_FAILS("dedupe", DSL_ATTRIBUTE_ERROR, J("{'indices': [[0, 0]]}"));
	CALL_FAILS("dedupe", DSL_TYPE_ERROR, v_int(1));
}

static void extremes(void **state)
{
	(void)state;
	value g = grid_of(30, 30, diag);
	assert_true(val_eq(call("maximum", 1, g, v_none()), cont_get(&tu_ctx, g, 9)));
	assert_true(val_eq(call("minimum", 1, g, v_none()), cont_get(&tu_ctx, g, 0)));
	EQ("minimum", "{'vec': [-5, 9]}", J("{'indices': [[0, -5], [-5, 9], [-4, -9]]}"));
	EQ("maximum", "{'cell': [2, -4, 7]}", J("{'object': [[1, 9, 9], [2, -4, 7], [1, 0, 0]]}"));
	EQ("maximum", "{'int': 0}", v_empty_tuple());
	EQ("minimum", "{'int': 0}", v_empty_set());
	/* partially ordered sets: the first element wins unless something is strictly smaller */
	EQ("minimum", "{'frozenset': [{'int': 2}]}",
	   J("{'tuple': [{'frozenset': [{'int': 2}]}, {'frozenset': [{'int': 1}]}, {'frozenset': [{'int': 1}, {'int': 2}]}]}"));
	CALL_FAILS("maximum", DSL_TYPE_ERROR, J("{'tuple': [{'int': 1}, {'vec': [1, 1]}]}"));
	CALL_FAILS("maximum", DSL_TYPE_ERROR, v_int(4));
	EQ("maximum", "{'int': 1}", J("{'tuple': [{'int': 1}, {'bool': true}, {'int': 0}]}"));
}

static void extremes_by_key(void **state)
{
	(void)state;
	value g = grid_of(30, 30, diag);
	/* all rows tie: the first */
	assert_true(val_eq(call("argmax", 2, g, v_prim(PRIM_size)), cont_get(&tu_ctx, g, 0)));
	assert_true(val_eq(call("argmin", 2, g, v_prim(PRIM_maximum)), cont_get(&tu_ctx, g, 0)));
	EQ("valmin", "{'int': -2}", J("{'indices': [[3, -1], [-2, 4]]}"), v_prim(PRIM_minimum));
	EQ("argmin", "{'vec': [-2, 4]}", J("{'indices': [[3, -1], [-2, 4]]}"), v_prim(PRIM_identity));
	EQ("argmax", "{'cell': [1, 0, 0]}", J("{'object': [[2, 0, 0], [1, 0, 0]]}"), v_prim(PRIM_size));
	EQ("valmax", "{'int': 0}", v_empty_tuple(), v_prim(PRIM_identity));
	CALL_FAILS("valmin", DSL_TYPE_ERROR, v_empty_set(), v_prim(PRIM_size));
	CALL_FAILS("argmin", DSL_VALUE_ERROR, v_empty_tuple(), v_prim(PRIM_identity));
	CALL_FAILS("argmax", DSL_TYPE_ERROR, J("{'tuple': [{'int': 1}, {'vec': [1, 1]}]}"), v_prim(PRIM_identity));
	CALL_FAILS("valmax", DSL_TYPE_ERROR, v_int(3), v_prim(PRIM_identity));
}

static void counts(void **state)
{
	(void)state;
	/* int ties follow CPython's set order: {3, 11} from (3, 11) iterates 11 first */
	EQ("mostcommon", "{'int': 11}", J("{'tuple': [{'int': 3}, {'int': 11}, {'int': 3}, {'int': 11}]}"));
	EQ("mostcommon", "{'int': 3}", J("{'tuple': [{'int': 11}, {'int': 3}, {'int': 3}, {'int': 11}]}"));
	EQ("leastcommon", "{'int': 0}",
	   J("{'tuple': [{'int': 0}, {'int': 8}, {'int': 8}, {'int': 0}, {'int': 16}, {'int': 16}]}"));
	EQ("leastcommon", "{'int': -1}", J("{'tuple': [{'int': -1}, {'int': -2}, {'int': -2}]}"));
	/* set(t) keeps the first of equal elements: True, not 1 */
	value out = call("mostcommon", 1, J("{'tuple': [{'bool': true}, {'int': 1}, {'int': 2}]}"), v_none());
	assert_int_equal(out.kind, VK_BOOL);
	/* rows of a 30×30 grid: three distinct rows, 10 each; ties go to the canonical first */
	value g = grid_of(30, 30, stripes);
	assert_true(val_eq(call("mostcommon", 1, g, v_none()), cont_get(&tu_ctx, g, 0)));
	assert_true(val_eq(call("leastcommon", 1, g, v_none()), cont_get(&tu_ctx, g, 0)));
	EQ("leastcommon", "{'vec': [5, 5]}", J("{'grid': [[0, 0], [5, 5], [0, 0]]}"));
	EQ("mostcommon", "{'tuple': []}", J("{'grid': [[], []]}"));
	EQ("mostcommon", "{'frozenset': []}",
	   J("{'tuple': [{'indices': [[0, 0]]}, {'frozenset': []}, {'int': 4}, {'frozenset': []}]}"));
	CALL_FAILS("mostcommon", DSL_ATTRIBUTE_ERROR, v_empty_set());
	CALL_FAILS("leastcommon", DSL_VALUE_ERROR, v_empty_tuple());
	CALL_FAILS("leastcommon", DSL_TYPE_ERROR, v_int(2));
	/* 30×30 cells' worth of ints: 900 values, 256 distinct */
	value *e = malloc(900 * sizeof *e);
	for (int k = 0; k < 900; k++)
		e[k] = v_int(k % 256 - 128);
	value many = tuple_make(&tu_ctx, e, 900);
	free(e);
	/* -128..3 occur 4 times, 4..127 three times; CPython's set puts 0 first, then 1, ... */
	EQ("mostcommon", "{'int': 0}", many);
	EQ("leastcommon", "{'int': 4}", many);
}

static void step_limit(void **state)
{
	(void)state;
	value *e = malloc(20000 * sizeof *e);
	for (int k = 0; k < 20000; k++)
		e[k] = v_int((k * 7919) % 20000);
	value big = tuple_make(&tu_ctx, e, 20000);
	free(e);
	tu_ctx.steps = 0;
	tu_ctx.next_clock = 0;
	tu_ctx.step_limit = 30000;
	CALL_FAILS("order", DSL_LIMIT_STEPS, big, v_prim(PRIM_identity));
	CALL_FAILS("dedupe", DSL_LIMIT_STEPS, big);
	tu_ctx.step_limit = UINT64_MAX;
	value out = call("dedupe", 1, big, v_none());
	assert_int_equal(out.t->n, 20000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numeric_dispatch),
		cmocka_unit_test(numeric_limits),
		cmocka_unit_test(predicates),
		cmocka_unit_test(membership),
		cmocka_unit_test(combining),
		cmocka_unit_test(intersecting),
		cmocka_unit_test(differences),
		cmocka_unit_test(merging),
		cmocka_unit_test(repeating),
		cmocka_unit_test(order_is_cpythons),
		cmocka_unit_test(deduping),
		cmocka_unit_test(extremes),
		cmocka_unit_test(extremes_by_key),
		cmocka_unit_test(counts),
		cmocka_unit_test(step_limit),
	};
	return cmocka_run_group_tests(tests, tu_setup, tu_teardown);
}
