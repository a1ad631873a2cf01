/* test_prims_util.c — the utility and higher-order primitives (DSL.md 6.2) on what the vectors do
 * not reach: 30×30 grids, empty containers, multicolour objects, negative coordinates, values at
 * the edge of our representation, limits, and the arity rules of the closures. */
#include "testutil.h"

/* Values are written with ' for " to keep the JSON readable: Q("{'int': 1}"). A ring of buffers,
 * because a CALL_EQ reads its expected text after its arguments. */
static const char *Q(const char *s)
{
	static char ring[8][4096];
	static int next;
	char *b = ring[next++ % 8];
	size_t n = strlen(s);
	assert_true(n < sizeof ring[0]);
	for (size_t k = 0; k <= n; k++)
		b[k] = s[k] == '\'' ? '"' : s[k];
	return b;
}
#define VQ(s) V(Q(s))
#define EQ(name, expected, ...) CALL_EQ(name, Q(expected), __VA_ARGS__)

/* A 30×30 grid: row 0 is all 7, the rest (3i + j) % 10, and the last row all 9. */
static char big_json[4096];
static value big_grid(void)
{
	size_t at = (size_t)snprintf(big_json, sizeof big_json, "{\"grid\": [");
	for (int i = 0; i < 30; i++) {
		at += (size_t)snprintf(big_json + at, sizeof big_json - at, i ? ", [" : "[");
		for (int j = 0; j < 30; j++) {
			int x = i == 0 ? 7 : i == 29 ? 9 : (3 * i + j) % 10;
			at += (size_t)snprintf(big_json + at, sizeof big_json - at, j ? ", %d" : "%d", x);
		}
		at += (size_t)snprintf(big_json + at, sizeof big_json - at, "]");
	}
	snprintf(big_json + at, sizeof big_json - at, "]}");
	return V(big_json);
}

/* A call of a function value (a closure) that must succeed. */
static value call_ok(value f, int n, const value *args)
{
	value out;
	if (!dsl_protect(&tu_ctx, f, args, n, &out))
		fail_msg("call failed: %s: %s", dsl_err_name(tu_ctx.err), tu_ctx.msg);
	return out;
}

static void call_fails(value f, int n, const value *args, dsl_err err)
{
	value out;
	assert_false(dsl_protect(&tu_ctx, f, args, n, &out));
	assert_int_equal(tu_ctx.err, err);
}

static value call_prim(const char *name, int n, value a, value b, value c)
{
	value out;
	bool ok;
	switch (n) {
	case 1: ok = tu_call(name, &out, 1, a); break;
	case 2: ok = tu_call(name, &out, 2, a, b); break;
	default: ok = tu_call(name, &out, 3, a, b, c); break;
	}
	if (!ok)
		fail_msg("%s failed: %s: %s", name, dsl_err_name(tu_ctx.err), tu_ctx.msg);
	return out;
}

/* A one-argument function returning the truth value of its argument: branch(x, T, F). */
static value truth(void)
{
	return VQ("{'call': 'rbind', 'args': [{'call': 'rbind', 'args': [{'fn': 'branch'}, {'bool': false}]},"
	          " {'bool': true}]}");
}

static void vectors_and_tuples(void **state)
{
	(void)state;
	EQ("toivec", "{'vec': [-4, 0]}", v_int(-4));
	EQ("tojvec", "{'vec': [0, -32768]}", v_int(-32768));
	/* bools are ints inside pairs; anything else makes a general tuple */
	EQ("toivec", "{'vec': [1, 0]}", v_bool(true));
	EQ("tojvec", "{'tuple': [{'int': 0}, {'indices': [[1, 2]]}]}", VQ("{'indices': [[1, 2]]}"));
	EQ("astuple", "{'vec': [1, 0]}", v_bool(true), v_bool(false));
	/* two int rows of one length make a grid; rows of other lengths a tuple */
	EQ("astuple", "{'grid': [[1, 2], [3, 4]]}", v_pair(1, 2), v_pair(3, 4));
	value t = call_prim("astuple", 2, v_pair(1, 2), VQ("{'tuple': [{'int': 3}]}"), v_none());
	assert_int_equal(t.kind, VK_TUPLE);
	EQ("astuple", "{'tuple': [{'tuple': []}, {'frozenset': []}]}", v_empty_tuple(), v_empty_set());
}

static void branch_uses_truthiness(void **state)
{
	(void)state;
	EQ("branch", "{'int': 2}", v_empty_set(), v_int(1), v_int(2));
	EQ("branch", "{'int': 2}", v_empty_tuple(), v_int(1), v_int(2));
	EQ("branch", "{'int': 2}", v_none(), v_int(1), v_int(2));
	EQ("branch", "{'int': 1}", v_int(-1), v_int(1), v_int(2));
	/* ((),) is a grid of one empty row: true */
	EQ("branch", "{'int': 1}", VQ("{'grid': [[]]}"), v_int(1), v_int(2));
	EQ("branch", "{'fn': 'first'}", v_pair(0, 0), v_prim(PRIM_first), v_prim(PRIM_last));
}

static void interval_is_range(void **state)
{
	(void)state;
	EQ("interval", "{'tuple': [{'int': -3}, {'int': -1}, {'int': 1}]}", v_int(-3), v_int(2), v_int(2));
	EQ("interval", "{'tuple': [{'int': 5}, {'int': 2}, {'int': -1}]}", v_int(5), v_int(-2), v_int(-3));
	EQ("interval", "{'vec': [0, 1]}", v_int(0), v_int(2), v_int(1));
	EQ("interval", "{'tuple': []}", v_int(3), v_int(3), v_int(1));
	EQ("interval", "{'tuple': []}", v_int(3), v_int(4), v_int(-1));
	/* extreme bounds and steps do not overflow */
	EQ("interval", "{'vec': [2147483647, -1]}", v_int(INT32_MAX), v_int(INT32_MIN), v_int(INT32_MIN));
	EQ("interval", "{'tuple': [{'int': -2147483648}, {'int': -1}, {'int': 2147483646}]}", v_int(INT32_MIN),
	   v_int(INT32_MAX), v_int(INT32_MAX));
	EQ("interval", "{'tuple': [{'int': 1}]}", v_bool(true), v_int(2), v_bool(true));
	CALL_FAILS("interval", DSL_VALUE_ERROR, v_int(0), v_int(5), v_int(0));
	CALL_FAILS("interval", DSL_TYPE_ERROR, v_int(0), v_pair(5, 5), v_int(1));
	/* four billion elements: the memory limit, not a crash */
	CALL_FAILS("interval", DSL_LIMIT_MEMORY, v_int(INT32_MIN), v_int(INT32_MAX), v_int(1));
}

static void first_and_last(void **state)
{
	(void)state;
	value g = big_grid();
	value row0 = call_prim("first", 1, g, v_none(), v_none());
	assert_int_equal(row0.kind, VK_TUPLE);
	assert_int_equal(row0.t->n, 30);
	assert_int_equal(row0.t->e[29].i, 7);
	value row29 = call_prim("last", 1, g, v_none(), v_none());
	assert_int_equal(row29.t->n, 30);
	assert_int_equal(row29.t->e[0].i, 9);
	/* an Object: colour first, so a doubly coloured position gives both ends */
	value o = VQ("{'object': [[2, 0, 0], [1, 0, 0], [1, -5, 3]]}");
	EQ("first", "{'cell': [1, -5, 3]}", o);
	EQ("last", "{'cell': [2, 0, 0]}", o);
	EQ("first", "{'vec': [-1, 9]}", VQ("{'indices': [[0, 0], [-1, 9], [3, -2]]}"));
	EQ("last", "{'vec': [3, -2]}", VQ("{'indices': [[0, 0], [-1, 9], [3, -2]]}"));
	EQ("first", "{'int': 4}", v_pair(4, 5));
	EQ("last", "{'int': 5}", v_pair(4, 5));
	EQ("first", "{'tuple': []}", VQ("{'grid': [[], []]}"));
	EQ("last", "{'frozenset': []}", VQ("{'tuple': [{'int': 1}, {'frozenset': []}]}"));
	/* a set of sets: {1} < {1, 2} < {2} */
	value ss = VQ("{'frozenset': [{'frozenset': [{'int': 2}]}, {'frozenset': [{'int': 1}, {'int': 2}]},"
	              " {'frozenset': [{'int': 1}]}]}");
	EQ("first", "{'frozenset': [{'int': 1}]}", ss);
	EQ("last", "{'frozenset': [{'int': 2}]}", ss);
	CALL_FAILS("first", DSL_STOP_ITERATION, v_empty_set());
	CALL_FAILS("first", DSL_STOP_ITERATION, v_empty_tuple());
	CALL_FAILS("last", DSL_VALUE_ERROR, v_empty_set());
	CALL_FAILS("last", DSL_VALUE_ERROR, v_empty_tuple());
	CALL_FAILS("first", DSL_TYPE_ERROR, v_int(3));
	CALL_FAILS("last", DSL_TYPE_ERROR, v_prim(PRIM_first));
}

static void other_skips_the_value(void **state)
{
	(void)state;
	EQ("other", "{'int': 6}", VQ("{'frozenset': [{'int': 5}, {'int': 6}, {'int': 7}]}"), v_int(5));
	EQ("other", "{'int': 5}", VQ("{'frozenset': [{'int': 5}, {'int': 6}]}"), v_int(9));
	/* == semantics: True is 1 */
	EQ("other", "{'int': 2}", VQ("{'tuple': [{'int': 1}, {'bool': true}, {'int': 2}]}"), v_bool(true));
	EQ("other", "{'cell': [3, 0, 0]}", VQ("{'object': [[2, 0, 0], [3, 0, 0]]}"), VQ("{'cell': [2, 0, 0]}"));
	value g = big_grid();
	value first_row = call_prim("first", 1, g, v_none(), v_none());
	value second = call_prim("other", 2, g, first_row, v_none());
	assert_int_equal(second.t->e[0].i, 3); /* row 1 starts with (3*1 + 0) % 10 */
	EQ("other", "{'vec': [3, 4]}", VQ("{'grid': [[1, 2], [1, 2], [3, 4]]}"), v_pair(1, 2));
	EQ("other", "{'tuple': [{'int': 1}]}", VQ("{'grid': [[1], [2]]}"), VQ("{'tuple': [{'int': 2}]}"));
	CALL_FAILS("other", DSL_STOP_ITERATION, VQ("{'tuple': [{'int': 5}, {'int': 5}, {'int': 5}]}"), v_int(5));
	CALL_FAILS("other", DSL_STOP_ITERATION, VQ("{'grid': [[1, 2], [1, 2]]}"), v_pair(1, 2));
	CALL_FAILS("other", DSL_STOP_ITERATION, VQ("{'indices': [[-3, 4]]}"), v_pair(-3, 4));
	CALL_FAILS("other", DSL_STOP_ITERATION, v_empty_set(), v_int(0));
	CALL_FAILS("other", DSL_TYPE_ERROR, v_int(1), v_int(0));
}

static void extract_first_match(void **state)
{
	(void)state;
	value is7 = VQ("{'call': 'matcher', 'args': [{'fn': 'first'}, {'int': 7}]}");
	value g = big_grid();
	value row = call_prim("extract", 2, g, is7, v_none());
	assert_int_equal(row.t->n, 30);
	assert_int_equal(row.t->e[0].i, 7);
	/* the first row starting with 9 is row 3, not the last one */
	value is9 = VQ("{'call': 'matcher', 'args': [{'fn': 'first'}, {'int': 9}]}");
	row = call_prim("extract", 2, g, is9, v_none());
	assert_int_equal(row.t->e[0].i, 9);
	assert_int_equal(row.t->e[1].i, 0);
	/* cells of colour 2, the smallest such cell */
	value is2 = VQ("{'call': 'matcher', 'args': [{'fn': 'first'}, {'int': 2}]}");
	EQ("extract", "{'cell': [2, -1, 5]}", VQ("{'object': [[2, 0, 0], [1, 0, 0], [2, -1, 5]]}"), is2);
	EQ("extract", "{'vec': [0, 1]}", VQ("{'tuple': [{'vec': [1, 1]}, {'vec': [0, 1]}, {'vec': [0, 2]}]}"),
	   VQ("{'call': 'matcher', 'args': [{'fn': 'first'}, {'int': 0}]}"));
	CALL_FAILS("extract", DSL_STOP_ITERATION, VQ("{'object': [[1, 0, 0]]}"), is2);
	CALL_FAILS("extract", DSL_STOP_ITERATION, v_empty_tuple(), is2);
	/* the condition's own failure ends the evaluation */
	CALL_FAILS("extract", DSL_TYPE_ERROR, VQ("{'tuple': [{'int': 1}]}"), is2);
}

static void totuple_in_canonical_order(void **state)
{
	(void)state;
	value t = call_prim("totuple", 1, VQ("{'indices': [[2, 0], [-1, 5], [0, 0]]}"), v_none(), v_none());
	assert_int_equal(t.kind, VK_GRID); /* a tuple of int pairs */
	assert_true(val_eq(t, VQ("{'grid': [[-1, 5], [0, 0], [2, 0]]}")));
	/* coordinates beyond int8 cannot be grid cells: a tuple of pairs */
	t = call_prim("totuple", 1, VQ("{'indices': [[300, 0], [0, -200]]}"), v_none(), v_none());
	assert_int_equal(t.kind, VK_TUPLE);
	assert_true(val_eq(t, VQ("{'tuple': [{'vec': [0, -200]}, {'vec': [300, 0]}]}")));
	EQ("totuple", "{'tuple': [{'cell': [1, 5, 5]}, {'cell': [2, 0, 0]}, {'cell': [3, 0, 0]}]}",
	   VQ("{'object': [[3, 0, 0], [2, 0, 0], [1, 5, 5]]}"));
	EQ("totuple", "{'tuple': []}", v_empty_set());
	EQ("totuple", "{'tuple': [{'int': -2}, {'bool': true}, {'vec': [0, 0]}]}",
	   VQ("{'frozenset': [{'vec': [0, 0]}, {'int': 1}, {'int': -2}]}"));
	/* tuples are returned as they are */
	value g = big_grid();
	t = call_prim("totuple", 1, g, v_none(), v_none());
	assert_true(t.kind == VK_GRID && t.g == g.g);
	EQ("totuple", "{'vec': [1, 2]}", v_pair(1, 2));
	CALL_FAILS("totuple", DSL_TYPE_ERROR, v_int(1));
}

static void insert_into_sets(void **state)
{
	(void)state;
	EQ("insert", "{'indices': [[-1, -1], [0, 0], [1, 2]]}", v_pair(-1, -1), VQ("{'indices': [[1, 2], [0, 0]]}"));
	value s = VQ("{'indices': [[1, 2], [0, 0]]}");
	value r = call_prim("insert", 2, v_pair(1, 2), s, v_none());
	assert_true(r.ix == s.ix); /* already there: the same set */
	/* a second colour at a position already taken */
	EQ("insert", "{'object': [[1, 0, 0], [4, 0, 0]]}", VQ("{'cell': [4, 0, 0]}"), VQ("{'object': [[1, 0, 0]]}"));
	EQ("insert", "{'indices': [[3, 4]]}", v_pair(3, 4), v_empty_set());
	EQ("insert", "{'object': [[5, -2, -3]]}", VQ("{'cell': [5, -2, -3]}"), v_empty_set());
	/* mixing kinds gives a plain frozenset; True is 1 */
	EQ("insert", "{'frozenset': [{'int': 1}, {'vec': [0, 0]}]}", v_bool(true), VQ("{'indices': [[0, 0]]}"));
	EQ("insert", "{'frozenset': [{'int': 1}, {'int': 2}]}", v_bool(true), VQ("{'frozenset': [{'int': 1}, {'int': 2}]}"));
	EQ("insert", "{'frozenset': [{'indices': [[0, 0]]}, {'object': [[1, 0, 0]]}]}",
	   VQ("{'indices': [[0, 0]]}"), VQ("{'frozenset': [{'object': [[1, 0, 0]]}]}"));
	CALL_FAILS("insert", DSL_ATTRIBUTE_ERROR, v_int(1), VQ("{'tuple': [{'int': 1}]}"));
	CALL_FAILS("insert", DSL_ATTRIBUTE_ERROR, v_int(1), big_grid());
	CALL_FAILS("insert", DSL_ATTRIBUTE_ERROR, v_int(1), v_empty_tuple());
	CALL_FAILS("insert", DSL_ATTRIBUTE_ERROR, v_int(1), v_int(2));
	/* positions beyond int16 are not representable */
	CALL_FAILS("insert", DSL_OVERFLOW, v_pair(40000, 0), VQ("{'indices': [[0, 0]]}"));
}

static void remove_every_equal_element(void **state)
{
	(void)state;
	EQ("remove", "{'tuple': [{'int': 2}]}", v_int(1), VQ("{'tuple': [{'bool': true}, {'int': 1}, {'int': 2}]}"));
	EQ("remove", "{'frozenset': []}", v_pair(-4, 4), VQ("{'indices': [[-4, 4]]}"));
	EQ("remove", "{'object': [[2, 0, 0]]}", VQ("{'cell': [1, 0, 0]}"), VQ("{'object': [[2, 0, 0], [1, 0, 0]]}"));
	value s = VQ("{'object': [[2, 0, 0]]}");
	value r = call_prim("remove", 2, v_pair(0, 0), s, v_none());
	assert_true(r.ob == s.ob); /* a position is not a cell: nothing to remove */
	/* removing the one non-position leaves Indices */
	r = call_prim("remove", 2, v_int(1), VQ("{'frozenset': [{'int': 1}, {'vec': [0, 0]}]}"), v_none());
	assert_int_equal(r.kind, VK_IDX);
	assert_true(val_eq(r, VQ("{'indices': [[0, 0]]}")));
	/* a tuple can become a pair or a grid */
	r = call_prim("remove", 2, v_pair(2, 3), VQ("{'tuple': [{'int': 1}, {'vec': [2, 3]}, {'int': 4}]}"), v_none());
	assert_true(r.kind == VK_PAIR && r.i == 1 && r.j == 4);
	EQ("remove", "{'grid': [[1, 2], [3, 4]]}", v_int(0), VQ("{'tuple': [{'vec': [1, 2]}, {'int': 0}, {'vec': [3, 4]}]}"));
	/* grid rows: equal rows all go */
	EQ("remove", "{'grid': [[3, 4]]}", v_pair(1, 2), VQ("{'grid': [[1, 2], [3, 4], [1, 2]]}"));
	EQ("remove", "{'tuple': []}", v_pair(1, 2), VQ("{'grid': [[1, 2], [1, 2]]}"));
	EQ("remove", "{'tuple': []}", v_empty_tuple(), VQ("{'grid': [[], []]}"));
	value g = big_grid();
	value row0 = call_prim("first", 1, g, v_none(), v_none());
	r = call_prim("remove", 2, row0, g, v_none());
	assert_int_equal(r.kind, VK_GRID);
	assert_int_equal(r.g->h, 29);
	assert_int_equal(r.g->w, 30);
	assert_int_equal(r.g->cell[0], 3);
	EQ("remove", "{'vec': [1, 2]}", v_int(5), v_pair(1, 2));
	EQ("remove", "{'tuple': [{'int': 2}]}", v_int(1), v_pair(1, 2));
	EQ("remove", "{'frozenset': []}", v_int(1), v_empty_set());
	CALL_FAILS("remove", DSL_TYPE_ERROR, v_int(1), v_int(1));
}

static void product_of_containers(void **state)
{
	(void)state;
	EQ("product", "{'indices': [[-1, 0], [-1, 5], [2, 0], [2, 5]]}", v_pair(2, -1),
	   VQ("{'frozenset': [{'int': 5}, {'int': 0}]}"));
	/* duplicates merge */
	EQ("product", "{'indices': [[1, 1]]}", v_pair(1, 1), VQ("{'tuple': [{'int': 1}, {'bool': true}]}"));
	/* pairs of rows make grids */
	EQ("product", "{'frozenset': [{'grid': [[1, 2], [3, 4]]}]}", VQ("{'grid': [[1, 2]]}"), VQ("{'grid': [[3, 4]]}"));
	EQ("product", "{'object': [[1, 0, 0], [2, 0, 0]]}", VQ("{'tuple': [{'int': 2}, {'int': 1}]}"),
	   VQ("{'frozenset': [{'vec': [0, 0]}]}"));
	/* b is iterated first: an empty b never looks at a */
	EQ("product", "{'frozenset': []}", v_int(3), v_empty_tuple());
	EQ("product", "{'frozenset': []}", v_empty_set(), v_pair(1, 2));
	CALL_FAILS("product", DSL_TYPE_ERROR, v_int(3), v_pair(1, 2));
	CALL_FAILS("product", DSL_TYPE_ERROR, v_pair(1, 2), v_none());
	/* coordinates beyond int16 as a position */
	CALL_FAILS("product", DSL_OVERFLOW, VQ("{'tuple': [{'int': 40000}, {'int': 1}, {'int': 2}]}"), v_pair(0, 0));
	/* 10^10 pairs: the memory limit */
	value big = call_prim("interval", 3, v_int(0), v_int(100000), v_int(1));
	CALL_FAILS("product", DSL_LIMIT_MEMORY, big, big);
	value mid = call_prim("interval", 3, v_int(-100), v_int(100), v_int(1));
	value p = call_prim("product", 2, mid, mid, v_none());
	assert_int_equal(p.kind, VK_IDX);
	assert_int_equal(p.ix->n, 40000);
	assert_int_equal(pos_i(p.ix->k[0]), -100);
	assert_int_equal(pos_j(p.ix->k[39999]), 99);
}

static void pair_zips(void **state)
{
	(void)state;
	EQ("pair", "{'grid': [[1, 4]]}", VQ("{'tuple': [{'int': 1}, {'int': 2}, {'int': 3}]}"), VQ("{'tuple': [{'int': 4}]}"));
	/* sets in canonical order */
	EQ("pair", "{'grid': [[1, 1], [2, 8]]}", VQ("{'tuple': [{'int': 1}, {'int': 2}, {'int': 3}]}"),
	   VQ("{'frozenset': [{'int': 8}, {'int': 1}]}"));
	EQ("pair", "{'tuple': []}", v_empty_tuple(), big_grid());
	/* rows of two 30×30 grids pair into 2×30 grids */
	value g = big_grid();
	value p = call_prim("pair", 2, g, g, v_none());
	assert_int_equal(p.kind, VK_TUPLE);
	assert_int_equal(p.t->n, 30);
	assert_int_equal(p.t->e[29].kind, VK_GRID);
	assert_int_equal(p.t->e[29].g->h, 2);
	assert_int_equal(p.t->e[29].g->cell[59], 9);
	EQ("pair", "{'tuple': [{'cell': [1, 0, 0]}]}", VQ("{'tuple': [{'int': 1}]}"), VQ("{'indices': [[0, 0]]}"));
	CALL_FAILS("pair", DSL_TYPE_ERROR, v_empty_tuple(), v_int(2));
}

static void sfilter_keeps_the_kind(void **state)
{
	(void)state;
	value is2 = VQ("{'call': 'matcher', 'args': [{'fn': 'first'}, {'int': 2}]}");
	EQ("sfilter", "{'object': [[2, 0, 0], [2, -1, 30]]}",
	   VQ("{'object': [[2, 0, 0], [1, 0, 0], [2, -1, 30], [3, 0, 0]]}"), is2);
	EQ("sfilter", "{'frozenset': []}", VQ("{'object': [[1, 0, 0]]}"), is2);
	value starts3 = VQ("{'call': 'matcher', 'args': [{'fn': 'first'}, {'int': 3}]}");
	value g = big_grid();
	value r = call_prim("sfilter", 2, g, starts3, v_none());
	/* rows i with 3i % 10 == 3: 1, 11, 21 */
	assert_int_equal(r.kind, VK_GRID);
	assert_int_equal(r.g->h, 3);
	assert_int_equal(r.g->w, 30);
	assert_int_equal(r.g->cell[30 + 1], (3 * 11 + 1) % 10);
	EQ("sfilter", "{'tuple': []}", g, VQ("{'call': 'matcher', 'args': [{'fn': 'first'}, {'int': -1}]}"));
	/* a tuple keeps order and duplicates; the truth of each answer decides */
	value t = truth(), negate = call_prim("matcher", 2, t, v_bool(false), v_none());
	value mixed = VQ("{'tuple': [{'int': 3}, {'frozenset': []}, {'int': 0}, {'int': 3}, {'tuple': []}]}");
	EQ("sfilter", "{'vec': [3, 3]}", mixed, t);
	EQ("sfilter", "{'tuple': [{'frozenset': []}, {'int': 0}, {'tuple': []}]}", mixed, negate);
	EQ("sfilter", "{'tuple': [{'int': 5}]}", v_pair(0, 5), t);
	/* a subset of a set of values may become Indices */
	r = call_prim("sfilter", 2, VQ("{'frozenset': [{'int': 0}, {'vec': [0, 0]}, {'tuple': []}]}"), t, v_none());
	assert_int_equal(r.kind, VK_IDX);
	EQ("sfilter", "{'frozenset': []}", v_empty_set(), t);
	CALL_FAILS("sfilter", DSL_TYPE_ERROR, v_int(5), t);
	/* the condition must take one argument */
	CALL_FAILS("sfilter", DSL_TYPE_ERROR, v_pair(1, 2), v_prim(PRIM_astuple));
}

static void mfilter_merges_the_kept(void **state)
{
	(void)state;
	value t = truth();
	/* objects whose smallest cell has colour 1; the doubly coloured position keeps both colours */
	value colour1 = VQ("{'call': 'matcher', 'args': [{'call': 'compose', 'args': [{'fn': 'first'}, {'fn': 'first'}]},"
	                   " {'int': 1}]}");
	value objs = VQ("{'frozenset': [{'object': [[1, 0, 0], [2, 0, 0]]}, {'object': [[1, 5, -5]]},"
	                " {'object': [[3, 1, 1]]}]}");
	EQ("mfilter", "{'object': [[1, 0, 0], [2, 0, 0], [1, 5, -5]]}", objs, colour1);
	EQ("mfilter", "{'indices': [[0, 0], [1, 1], [-2, 3]]}",
	   VQ("{'frozenset': [{'indices': [[0, 0], [1, 1]]}, {'indices': [[0, 0], [-2, 3]]}, {'frozenset': []}]}"), t);
	/* Object and Indices together: a plain frozenset */
	EQ("mfilter", "{'frozenset': [{'vec': [0, 0]}, {'cell': [1, 0, 0]}]}",
	   VQ("{'frozenset': [{'indices': [[0, 0]]}, {'object': [[1, 0, 0]]}]}"), t);
	/* a tuple of sets lists each set in canonical order, duplicates kept */
	EQ("mfilter", "{'grid': [[0, 0], [1, 1], [0, 0]]}",
	   VQ("{'tuple': [{'indices': [[1, 1], [0, 0]]}, {'frozenset': []}, {'indices': [[0, 0]]}]}"), t);
	/* a tuple of grids stacks them; of different widths it is a tuple of rows */
	EQ("mfilter", "{'grid': [[1, 2], [3, 4], [5, 6]]}",
	   VQ("{'tuple': [{'grid': [[1, 2]]}, {'tuple': []}, {'grid': [[3, 4], [5, 6]]}]}"), t);
	value r = call_prim("mfilter", 2, VQ("{'tuple': [{'grid': [[1, 2]]}, {'grid': [[3]]}]}"), t, v_none());
	assert_int_equal(r.kind, VK_TUPLE);
	assert_true(val_eq(r, VQ("{'tuple': [{'vec': [1, 2]}, {'tuple': [{'int': 3}]}]}")));
	/* a grid is a tuple of rows: their ints, concatenated */
	EQ("mfilter", "{'tuple': [{'int': 1}, {'int': 2}, {'int': 3}, {'int': 4}]}", VQ("{'grid': [[1, 2], [3, 4]]}"), t);
	EQ("mfilter", "{'tuple': []}", v_empty_tuple(), t);
	EQ("mfilter", "{'frozenset': []}", v_empty_set(), t);
	/* nothing kept: nothing to iterate; a kept int cannot be iterated */
	EQ("mfilter", "{'frozenset': []}", VQ("{'frozenset': [{'int': 0}]}"), t);
	CALL_FAILS("mfilter", DSL_TYPE_ERROR, VQ("{'frozenset': [{'int': 0}, {'int': 4}]}"), t);
}

static void apply_and_rapply(void **state)
{
	(void)state;
	EQ("apply", "{'object': [[1, 0, 0], [3, -1, 2]]}", v_prim(PRIM_first),
	   VQ("{'frozenset': [{'object': [[1, 0, 0], [2, 0, 0]]}, {'object': [[3, -1, 2]]}]}"));
	EQ("apply", "{'frozenset': [{'int': 1}]}", v_prim(PRIM_first), VQ("{'indices': [[1, 2], [1, 3]]}"));
	EQ("apply", "{'grid': [[-2, 0], [-1, 0], [0, 0], [1, 0]]}", v_prim(PRIM_toivec),
	   call_prim("interval", 3, v_int(-2), v_int(2), v_int(1)));
	EQ("apply", "{'indices': [[1, 0]]}", v_prim(PRIM_toivec), VQ("{'frozenset': [{'bool': true}]}"));
	value g = big_grid();
	value r = call_prim("apply", 2, v_prim(PRIM_last), g, v_none());
	assert_int_equal(r.kind, VK_TUPLE);
	assert_int_equal(r.t->n, 30);
	assert_int_equal(r.t->e[0].i, 7);
	assert_int_equal(r.t->e[1].i, (3 + 29) % 10);
	assert_int_equal(r.t->e[29].i, 9);
	EQ("apply", "{'tuple': []}", v_prim(PRIM_first), v_empty_tuple());
	EQ("apply", "{'frozenset': []}", v_prim(PRIM_first), v_empty_set());
	CALL_FAILS("apply", DSL_TYPE_ERROR, v_prim(PRIM_first), v_int(1));
	CALL_FAILS("apply", DSL_STOP_ITERATION, v_prim(PRIM_first), VQ("{'tuple': [{'vec': [1, 2]}, {'tuple': []}]}"));

	value fl = VQ("{'tuple': [{'fn': 'first'}, {'fn': 'last'}]}");
	EQ("rapply", "{'vec': [4, 6]}", fl, VQ("{'tuple': [{'int': 4}, {'int': 5}, {'int': 6}]}"));
	EQ("rapply", "{'frozenset': [{'int': 4}]}", VQ("{'frozenset': [{'fn': 'first'}, {'fn': 'last'}]}"), v_pair(4, 4));
	EQ("rapply", "{'frozenset': [{'int': 3}, {'vec': [3, 0]}]}",
	   VQ("{'frozenset': [{'fn': 'last'}, {'call': 'compose', 'args': [{'fn': 'toivec'}, {'fn': 'last'}]}]}"),
	   v_pair(1, 3));
	EQ("rapply", "{'tuple': []}", v_empty_tuple(), v_int(1));
	CALL_FAILS("rapply", DSL_TYPE_ERROR, v_pair(1, 2), v_int(1));
	CALL_FAILS("rapply", DSL_TYPE_ERROR, v_int(1), v_int(1));
}

static void mapply_flattens(void **state)
{
	(void)state;
	/* rows x 30 columns for each pair of rows: 6 distinct rows once merged, through the key sort */
	value cols = call_prim("interval", 3, v_int(0), v_int(30), v_int(1));
	value f = call_prim("rbind", 2, v_prim(PRIM_product), cols, v_none());
	value r = call_prim("mapply", 2, f, VQ("{'indices': [[0, 1], [1, 2], [2, 3], [28, 29]]}"), v_none());
	assert_int_equal(r.kind, VK_IDX);
	assert_int_equal(r.ix->n, 6 * 30);
	assert_int_equal(pos_i(r.ix->k[4 * 30]), 28);
	assert_int_equal(pos_j(r.ix->k[6 * 30 - 1]), 29);
	for (uint32_t k = 1; k < r.ix->n; k++)
		assert_true(r.ix->k[k - 1] < r.ix->k[k]);
	/* objects: one Object, two colours at one position */
	value add0 = call_prim("lbind", 2, v_prim(PRIM_insert), VQ("{'cell': [9, 0, 0]}"), v_none());
	EQ("mapply", "{'object': [[9, 0, 0], [1, 0, 0], [2, -3, -3]]}", add0,
	   VQ("{'frozenset': [{'object': [[1, 0, 0]]}, {'object': [[2, -3, -3]]}]}"));
	/* a tuple concatenates */
	EQ("mapply", "{'grid': [[1, 2], [0, 0], [3, 3]]}", v_prim(PRIM_totuple),
	   VQ("{'tuple': [{'indices': [[1, 2]]}, {'indices': [[3, 3], [0, 0]]}]}"));
	EQ("mapply", "{'frozenset': []}", v_prim(PRIM_totuple), v_empty_set());
	CALL_FAILS("mapply", DSL_TYPE_ERROR, v_prim(PRIM_first), VQ("{'frozenset': [{'vec': [1, 2]}]}"));
}

static void papply_and_friends(void **state)
{
	(void)state;
	value a = VQ("{'tuple': [{'int': 1}, {'int': 2}, {'int': 3}]}");
	EQ("papply", "{'grid': [[1, 1], [2, 8]]}", v_prim(PRIM_astuple), a, VQ("{'frozenset': [{'int': 8}, {'int': 1}]}"));
	EQ("papply", "{'tuple': []}", v_prim(PRIM_astuple), a, v_empty_set());
	CALL_FAILS("papply", DSL_TYPE_ERROR, v_prim(PRIM_astuple), v_empty_tuple(), v_int(3));
	CALL_FAILS("papply", DSL_TYPE_ERROR, v_prim(PRIM_first), a, a);

	EQ("mpapply", "{'tuple': [{'int': 1}, {'int': 3}, {'int': 2}, {'int': 4}]}", v_prim(PRIM_astuple),
	   v_pair(1, 2), v_pair(3, 4));
	EQ("mpapply", "{'grid': [[1, 5], [2, 6], [3, 7], [4, 8]]}", v_prim(PRIM_pair),
	   VQ("{'grid': [[1, 2], [3, 4]]}"), VQ("{'grid': [[5, 6], [7, 8]]}"));
	/* set results in canonical order; always a tuple */
	EQ("mpapply", "{'tuple': [{'int': 5}, {'int': 9}, {'int': 0}, {'int': 1}]}", v_prim(PRIM_insert),
	   v_pair(5, 1), VQ("{'tuple': [{'frozenset': [{'int': 9}]}, {'frozenset': [{'int': 0}]}]}"));
	EQ("mpapply", "{'tuple': []}", v_prim(PRIM_insert), v_empty_set(), v_empty_set());
	CALL_FAILS("mpapply", DSL_TYPE_ERROR, v_prim(PRIM_other), VQ("{'grid': [[1, 2], [3, 4]]}"), v_pair(1, 3));

	EQ("prapply", "{'indices': [[1, 3], [2, 3]]}", v_prim(PRIM_astuple), v_pair(1, 2), VQ("{'frozenset': [{'int': 3}]}"));
	EQ("prapply", "{'frozenset': [{'vec': [1, 2]}, {'vec': [1, 5]}, {'tuple': [{'vec': [1, 2]}, {'int': 2}]},"
	              " {'tuple': [{'vec': [1, 2]}, {'int': 5}]}]}", v_prim(PRIM_astuple),
	   VQ("{'tuple': [{'int': 1}, {'vec': [1, 2]}]}"), VQ("{'frozenset': [{'int': 2}, {'int': 5}]}"));
	EQ("prapply", "{'frozenset': []}", v_prim(PRIM_astuple), v_int(7), v_empty_tuple());
	CALL_FAILS("prapply", DSL_TYPE_ERROR, v_prim(PRIM_astuple), v_int(7), v_pair(1, 2));
}

static void closures_and_arity(void **state)
{
	(void)state;
	value x = VQ("{'grid': [[1, 2], [3, 4]]}");
	value f = VQ("{'call': 'compose', 'args': [{'fn': 'first'}, {'fn': 'last'}]}");
	assert_int_equal(f.arity, 1);
	assert_int_equal(call_ok(f, 1, &x).i, 3);
	f = VQ("{'call': 'chain', 'args': [{'fn': 'first'}, {'fn': 'last'}, {'fn': 'totuple'}]}");
	value s = VQ("{'indices': [[3, 4], [1, 2]]}");
	assert_int_equal(call_ok(f, 1, &s).i, 3);
	f = VQ("{'call': 'fork', 'args': [{'fn': 'astuple'}, {'fn': 'first'}, {'fn': 'last'}]}");
	value t = VQ("{'tuple': [{'int': 4}, {'int': 5}, {'int': 6}]}");
	value r = call_ok(f, 1, &t);
	assert_true(r.kind == VK_PAIR && r.i == 4 && r.j == 6);
	/* matcher uses ==: True equals 1 */
	f = VQ("{'call': 'matcher', 'args': [{'fn': 'first'}, {'bool': true}]}");
	r = call_ok(f, 1, (value[]){v_pair(1, 2)});
	assert_true(r.kind == VK_BOOL && r.i == 1);
	/* building evaluates nothing: the failure comes with the call */
	f = call_prim("chain", 3, v_int(5), v_int(6), v_int(7));
	assert_int_equal(f.arity, 1);
	call_fails(f, 1, &x, DSL_TYPE_ERROR);
	f = call_prim("compose", 2, v_prim(PRIM_first), v_prim(PRIM_astuple), v_none());
	call_fails(f, 1, &x, DSL_TYPE_ERROR);
	call_fails(f, 2, (value[]){x, x}, DSL_TYPE_ERROR);

	/* rbind/lbind: 2 parameters → 1, 3 → 2, anything else → 3 */
	f = call_prim("rbind", 2, v_prim(PRIM_astuple), v_int(9), v_none());
	assert_int_equal(f.arity, 1);
	r = call_ok(f, 1, (value[]){v_int(-1)});
	assert_true(r.kind == VK_PAIR && r.i == -1 && r.j == 9);
	f = call_prim("lbind", 2, v_prim(PRIM_astuple), v_int(9), v_none());
	r = call_ok(f, 1, (value[]){v_int(-1)});
	assert_true(r.kind == VK_PAIR && r.i == 9 && r.j == -1);
	f = call_prim("rbind", 2, v_prim(PRIM_interval), v_int(2), v_none());
	assert_int_equal(f.arity, 2);
	tu_assert_val(call_ok(f, 2, (value[]){v_int(0), v_int(7)}),
	              Q("{'tuple': [{'int': 0}, {'int': 2}, {'int': 4}, {'int': 6}]}"));
	value g = call_prim("lbind", 2, f, v_int(-3), v_none()); /* y → interval(-3, y, 2) */
	assert_int_equal(g.arity, 1);
	tu_assert_val(call_ok(g, 1, (value[]){v_int(2)}), Q("{'tuple': [{'int': -3}, {'int': -1}, {'int': 1}]}"));
	f = call_prim("lbind", 2, v_prim(PRIM_interval), v_int(10), v_none());
	tu_assert_val(call_ok(f, 2, (value[]){v_int(4), v_int(-3)}), Q("{'vec': [10, 7]}"));
	assert_int_equal(call_prim("rbind", 2, v_prim(PRIM_objects), v_bool(true), v_none()).arity, 3);
	assert_int_equal(call_prim("lbind", 2, v_prim(PRIM_objects), x, v_none()).arity, 3);
	/* a 1-parameter function gives a 3-parameter closure that no call can satisfy */
	f = call_prim("rbind", 2, v_prim(PRIM_first), v_int(0), v_none());
	assert_int_equal(f.arity, 3);
	call_fails(f, 3, (value[]){x, x, x}, DSL_TYPE_ERROR);
	call_fails(f, 1, &x, DSL_TYPE_ERROR);
	value fl = call_prim("compose", 2, v_prim(PRIM_first), v_prim(PRIM_last), v_none());
	f = call_prim("lbind", 2, fl, v_int(0), v_none());
	assert_int_equal(f.arity, 3);
	CALL_FAILS("rbind", DSL_ATTRIBUTE_ERROR, v_int(5), v_int(1));
	CALL_FAILS("lbind", DSL_ATTRIBUTE_ERROR, v_empty_set(), v_int(1));
}

static void power_repeats(void **state)
{
	(void)state;
	value f = call_prim("power", 2, v_prim(PRIM_toivec), v_int(3), v_none());
	assert_int_equal(f.arity, 1);
	tu_assert_val(call_ok(f, 1, (value[]){v_int(1)}),
	              Q("{'tuple': [{'tuple': [{'vec': [1, 0]}, {'int': 0}]}, {'int': 0}]}"));
	/* n = 1 (or True) is the function itself, whatever it is */
	f = call_prim("power", 2, v_prim(PRIM_astuple), v_int(1), v_none());
	assert_true(f.kind == VK_FUNC && f.prim == PRIM_astuple && f.arity == 2);
	f = call_prim("power", 2, v_prim(PRIM_first), v_bool(true), v_none());
	assert_true(f.prim == PRIM_first);
	EQ("power", "{'int': 5}", v_int(5), v_int(1));
	CALL_FAILS("power", DSL_RECURSION_ERROR, v_prim(PRIM_first), v_int(0));
	CALL_FAILS("power", DSL_RECURSION_ERROR, v_prim(PRIM_first), v_bool(false));
	CALL_FAILS("power", DSL_RECURSION_ERROR, v_prim(PRIM_first), v_int(INT32_MIN));
	CALL_FAILS("power", DSL_RECURSION_ERROR, v_prim(PRIM_first), v_int(1000));
	CALL_FAILS("power", DSL_RECURSION_ERROR, v_prim(PRIM_first), v_int(INT32_MAX));
	CALL_FAILS("power", DSL_TYPE_ERROR, v_prim(PRIM_first), v_pair(1, 2));
	/* 999 repetitions are allowed */
	f = call_prim("power", 2, v_prim(PRIM_increment), v_int(999), v_none());
	assert_int_equal(call_ok(f, 1, (value[]){v_int(1)}).i, 1000);
	/* last of last of ... of a nested tuple: values nest at most VALUE_MAX_DEPTH levels */
	value deep = v_int(42), next;
	int levels = 0;
	while (tu_call("astuple", &next, 2, v_int(levels), deep))
		deep = next, levels++;
	assert_int_equal(tu_ctx.err, DSL_RECURSION_ERROR);
	assert_in_range(levels, VALUE_MAX_DEPTH - 2, VALUE_MAX_DEPTH);
	f = call_prim("power", 2, v_prim(PRIM_last), v_int(levels), v_none());
	assert_int_equal(call_ok(f, 1, &deep).i, 42);
	call_fails(f, 1, (value[]){call_prim("last", 1, deep, v_none(), v_none())}, DSL_TYPE_ERROR); /* last(42) */
	/* a 2-parameter function cannot be repeated; neither can a non-function */
	f = call_prim("power", 2, v_prim(PRIM_astuple), v_int(2), v_none());
	call_fails(f, 1, (value[]){v_int(1)}, DSL_TYPE_ERROR);
	f = call_prim("power", 2, v_int(5), v_int(2), v_none());
	call_fails(f, 1, (value[]){v_int(1)}, DSL_TYPE_ERROR);
}

/* Long loops meet the step budget, big results the memory limit: an evaluation always ends. */
static void limits_end_long_work(void **state)
{
	(void)state;
	value big = call_prim("interval", 3, v_int(0), v_int(2000), v_int(1));
	value rows = VQ("{'tuple': [{'call': 'interval', 'args': [{'int': 0}, {'int': 60000}, {'int': 1}]}]}");
	value pow1 = call_prim("power", 2, v_prim(PRIM_increment), v_int(300), v_none());
	value pow2 = call_prim("power", 2, pow1, v_int(300), v_none());
	size_t mark = arena_mark(&tu_mem);
	tu_ctx.steps = 0;
	tu_ctx.next_clock = 0;
	tu_ctx.step_limit = 100000;
	CALL_FAILS("prapply", DSL_LIMIT_STEPS, v_prim(PRIM_astuple), big, big);
	tu_ctx.steps = 0;
	tu_ctx.next_clock = 0;
	tu_ctx.step_limit = 10000;
	call_fails(pow2, 1, (value[]){v_int(0)}, DSL_LIMIT_STEPS); /* 90000 calls */
	tu_ctx.step_limit = UINT64_MAX;
	arena_reset(&tu_mem, mark);
	tu_ctx.mem_limit = mark + (1u << 20);
	CALL_FAILS("product", DSL_LIMIT_MEMORY, big, big);
	CALL_FAILS("interval", DSL_LIMIT_MEMORY, v_int(0), v_int(1 << 20), v_int(1));
	CALL_FAILS("mapply", DSL_LIMIT_MEMORY, v_prim(PRIM_totuple), rows);
	tu_ctx.mem_limit = tu_mem.cap;
	arena_reset(&tu_mem, mark);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(vectors_and_tuples),
		cmocka_unit_test(branch_uses_truthiness),
		cmocka_unit_test(interval_is_range),
		cmocka_unit_test(first_and_last),
		cmocka_unit_test(other_skips_the_value),
		cmocka_unit_test(extract_first_match),
		cmocka_unit_test(totuple_in_canonical_order),
		cmocka_unit_test(insert_into_sets),
		cmocka_unit_test(remove_every_equal_element),
		cmocka_unit_test(product_of_containers),
		cmocka_unit_test(pair_zips),
		cmocka_unit_test(sfilter_keeps_the_kind),
		cmocka_unit_test(mfilter_merges_the_kept),
		cmocka_unit_test(apply_and_rapply),
		cmocka_unit_test(mapply_flattens),
		cmocka_unit_test(papply_and_friends),
		cmocka_unit_test(closures_and_arity),
		cmocka_unit_test(power_repeats),
		cmocka_unit_test(limits_end_long_work),
	};
	return cmocka_run_group_tests(tests, tu_setup, tu_teardown);
}
