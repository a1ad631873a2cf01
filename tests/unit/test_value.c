/* test_value.c — the value model: canonical representations, the two orders, CPython's int
 * set order, arena limits and the protected entry point. */
#include "testutil.h"

#include "prims.h"
#include "pyset.h"

static void tuples_normalise(void **state)
{
	(void)state;
	value two[2] = {v_int(1), v_bool(true)};
	value p = tuple_make(&tu_ctx, two, 2);
	assert_int_equal(p.kind, VK_PAIR);
	value rows[2] = {v_pair(1, 2), v_pair(3, 4)};
	value g = tuple_make(&tu_ctx, rows, 2);
	assert_int_equal(g.kind, VK_GRID);
	assert_int_equal(g.g->h, 2);
	assert_int_equal(g.g->w, 2);
	assert_true(val_eq(g, V("{\"grid\": [[1, 2], [3, 4]]}")));
	/* rows of different lengths stay a tuple; so do values beyond int8 */
	value ragged[2] = {v_pair(1, 2), V("{\"tuple\": [{\"int\": 1}]}")};
	assert_int_equal(tuple_make(&tu_ctx, ragged, 2).kind, VK_TUPLE);
	value big[2] = {v_pair(1, 200), v_pair(3, 4)};
	assert_int_equal(tuple_make(&tu_ctx, big, 2).kind, VK_TUPLE);
	/* () is the empty grid; ((), ()) a grid of two empty rows */
	assert_int_equal(tuple_make(&tu_ctx, NULL, 0).kind, VK_GRID);
	value empties[2] = {v_empty_tuple(), v_empty_tuple()};
	value e2 = tuple_make(&tu_ctx, empties, 2);
	assert_int_equal(e2.kind, VK_GRID);
	assert_int_equal(e2.g->h, 2);
	assert_int_equal(e2.g->w, 0);
	assert_true(val_truthy(e2));
	assert_false(val_truthy(v_empty_tuple()));
}

static void sets_normalise(void **state)
{
	(void)state;
	value e[4] = {v_pair(2, 1), v_pair(0, 5), v_pair(2, 1), v_pair(0, -3)};
	value s = set_make(&tu_ctx, e, 4);
	assert_int_equal(s.kind, VK_IDX);
	assert_int_equal(s.ix->n, 3);
	assert_int_equal(pos_i(s.ix->k[0]), 0);
	assert_int_equal(pos_j(s.ix->k[0]), -3);
	assert_int_equal(pos_j(s.ix->k[2]), 1);
	value cells[2] = {v_cell(&tu_ctx, 5, 0, 0), v_cell(&tu_ctx, 1, 3, 3)};
	value o = set_make(&tu_ctx, cells, 2);
	assert_int_equal(o.kind, VK_OBJ);
	assert_int_equal(cell_c(o.ob->k[0]), 1); /* colour first */
	value mixed[3] = {v_int(2), v_bool(true), v_int(1)};
	value m = set_make(&tu_ctx, mixed, 3);
	assert_int_equal(m.kind, VK_SET);
	assert_int_equal(m.t->n, 2); /* True == 1 */
	assert_true(set_has(&tu_ctx, m, v_int(1)));
	assert_true(set_has(&tu_ctx, s, v_pair(0, 5)));
	assert_false(set_has(&tu_ctx, s, v_pair(5, 0)));
	assert_true(val_eq(set_make(&tu_ctx, NULL, 0), v_empty_set()));
}

static void canonical_order(void **state)
{
	(void)state;
	/* None < numbers < tuples < frozensets < functions */
	assert_true(val_cmp(v_none(), v_int(-5)) < 0);
	assert_true(val_cmp(v_int(9), v_pair(0, 0)) < 0);
	assert_true(val_cmp(v_pair(9, 9), v_empty_set()) < 0);
	assert_true(val_cmp(v_empty_set(), v_prim(0)) < 0);
	/* a proper prefix first; grids row by row */
	assert_true(val_cmp(V("{\"tuple\": [{\"int\": 1}]}"), v_pair(1, 0)) < 0);
	assert_true(val_cmp(V("{\"grid\": [[1, 2]]}"), V("{\"grid\": [[1, 2], [0, 0]]}")) < 0);
	assert_true(val_cmp(V("{\"grid\": [[1, 3]]}"), V("{\"grid\": [[1, 2], [0, 0]]}")) > 0);
	/* {1} < {1, 2} < {2} */
	value a = V("{\"frozenset\": [{\"int\": 1}]}"), b = V("{\"frozenset\": [{\"int\": 1}, {\"int\": 2}]}"),
	      c = V("{\"frozenset\": [{\"int\": 2}]}");
	assert_true(val_cmp(a, b) < 0 && val_cmp(b, c) < 0);
	/* a grid row compares as a tuple of ints with a pair */
	value rows = V("{\"grid\": [[0, 1], [0, 2]]}");
	assert_true(val_cmp(cont_get(&tu_ctx, rows, 0), v_pair(0, 1)) == 0);
}

static value py_cmp_body(dsl_ctx *c, void *ud)
{
	value *ab = ud;
	return v_int(py_cmp(c, ab[0], ab[1]));
}

static void python_order(void **state)
{
	(void)state;
	value out;
	value sub[2] = {V("{\"indices\": [[0, 0]]}"), V("{\"indices\": [[0, 0], [1, 1]]}")};
	assert_true(dsl_run(&tu_ctx, py_cmp_body, sub, &out));
	assert_int_equal(out.i, PY_LT);
	value dis[2] = {V("{\"indices\": [[0, 0]]}"), V("{\"indices\": [[1, 1]]}")};
	assert_true(dsl_run(&tu_ctx, py_cmp_body, dis, &out));
	assert_int_equal(out.i, PY_UNORDERED);
	value tup[2] = {v_pair(1, 5), v_pair(2, 0)};
	assert_true(dsl_run(&tu_ctx, py_cmp_body, tup, &out));
	assert_int_equal(out.i, PY_LT);
	value bad[2] = {v_int(1), v_pair(0, 0)};
	assert_false(dsl_run(&tu_ctx, py_cmp_body, bad, &out));
	assert_int_equal(tu_ctx.err, DSL_TYPE_ERROR);
}

static void cpython_int_sets(void **state)
{
	(void)state;
	int32_t out[8];
	pyset_int_order(&tu_ctx, (int32_t[]){3, 11}, 2, out);
	assert_int_equal(out[0], 11);
	assert_int_equal(out[1], 3);
	pyset_int_order(&tu_ctx, (int32_t[]){11, 3}, 2, out);
	assert_int_equal(out[0], 3);
	pyset_int_order(&tu_ctx, (int32_t[]){1, 9, 6}, 3, out);
	assert_int_equal(out[0], 1);
	assert_int_equal(out[1], 9);
	assert_int_equal(out[2], 6);
	pyset_int_order(&tu_ctx, (int32_t[]){3, 8}, 2, out);
	assert_int_equal(out[0], 8);
	pyset_int_order(&tu_ctx, (int32_t[]){9, 8, 7, 1, 0}, 5, out); /* 5 values: 32 slots */
	static const int ascending[5] = {0, 1, 7, 8, 9};
	for (int k = 0; k < 5; k++)
		assert_int_equal(out[k], ascending[k]);
	/* mostcolor ties: ((8, 3), (3, 8)) → 8; ((0, 8), (8, 0)) → 0 */
	value g1 = V("{\"grid\": [[8, 3], [3, 8]]}"), g2 = V("{\"grid\": [[0, 8], [8, 0]]}");
	assert_int_equal(grid_color_extreme(&tu_ctx, g1.g, true), 8);
	assert_int_equal(grid_color_extreme(&tu_ctx, g2.g, true), 0);
}

static _Noreturn value alloc_forever(dsl_ctx *c, void *ud)
{
	(void)ud;
	for (;;)
		dsl_alloc(c, 1 << 20);
}

static _Noreturn value spin_forever(dsl_ctx *c, void *ud)
{
	(void)ud;
	for (;;)
		dsl_work(c, 1);
}

static void limits_fail_one_evaluation(void **state)
{
	(void)state;
	value out;
	size_t mark = arena_mark(&tu_mem);
	tu_ctx.mem_limit = mark + (8u << 20);
	assert_false(dsl_run(&tu_ctx, alloc_forever, NULL, &out));
	assert_int_equal(tu_ctx.err, DSL_LIMIT_MEMORY);
	tu_ctx.mem_limit = tu_mem.cap;
	arena_reset(&tu_mem, mark);
	tu_ctx.steps = 0;
	tu_ctx.step_limit = 100000;
	tu_ctx.next_clock = 0;
	assert_false(dsl_run(&tu_ctx, spin_forever, NULL, &out));
	assert_int_equal(tu_ctx.err, DSL_LIMIT_STEPS);
	tu_ctx.step_limit = UINT64_MAX;
	/* a failure leaves the context usable */
	assert_true(tu_call("identity", &out, 1, v_int(3)) || tu_ctx.err == DSL_RUNTIME_ERROR);
}

static value nest_forever(dsl_ctx *c, void *ud)
{
	value v = *(value *)ud;
	for (int k = 0; k < 100000; k++)
		v = tuple_make(c, &v, 1);
	return v;
}

static value closures_forever(dsl_ctx *c, void *ud)
{
	value f = v_prim(PRIM_identity);
	for (int k = 0; k < 100000; k++) {
		value pair[2] = {f, f};
		f = v_closure(c, CL_COMPOSE, 1, 0, pair, 2);
	}
	(void)ud;
	return f;
}

static void nesting_is_bounded(void **state)
{
	(void)state;
	value out, seed = v_int(0);
	assert_false(dsl_run(&tu_ctx, nest_forever, &seed, &out));
	assert_int_equal(tu_ctx.err, DSL_RECURSION_ERROR);
	assert_false(dsl_run(&tu_ctx, closures_forever, NULL, &out));
	assert_int_equal(tu_ctx.err, DSL_RECURSION_ERROR);
	value t = V("{\"tuple\": [{\"tuple\": [{\"int\": 1}]}]}");
	assert_int_equal(val_depth(t), 2);
}

static void calls_check_arity(void **state)
{
	(void)state;
	value out;
	value args[2] = {v_int(1), v_int(2)};
	assert_false(dsl_protect(&tu_ctx, v_int(4), args, 1, &out)); /* not callable */
	assert_int_equal(tu_ctx.err, DSL_TYPE_ERROR);
	assert_false(dsl_protect(&tu_ctx, v_prim(PRIM_identity), args, 2, &out));
	assert_int_equal(tu_ctx.err, DSL_TYPE_ERROR);
	assert_int_equal(prim_lookup("objects", 7), PRIM_objects);
	assert_int_equal(prim_lookup("object", 6), -1);
	assert_int_equal(const_lookup("THREE_BY_THREE", 14), CONST_THREE_BY_THREE);
	assert_int_equal(const_table[CONST_NEG_UNITY].v.j, -1);
	assert_int_equal(prim_table[PRIM_objects].arity, 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tuples_normalise),
		cmocka_unit_test(sets_normalise),
		cmocka_unit_test(canonical_order),
		cmocka_unit_test(python_order),
		cmocka_unit_test(cpython_int_sets),
		cmocka_unit_test(limits_fail_one_evaluation),
		cmocka_unit_test(calls_check_arity),
		cmocka_unit_test(nesting_is_bounded),
	};
	return cmocka_run_group_tests(tests, tu_setup, tu_teardown);
}
