/* test_patch.c — the patch view (patch.h): frozensets lend their keys, tuples of positions or
 * cells are read in their order with duplicates or as the set of their elements, the kind comes
 * from the first element, cells among positions are odd, and the tuples dsl.py cannot read
 * fail as it does. Then a few primitives through the view. */
#include "testutil.h"

#include "patch.h"

typedef struct view_job {
	value v;
	unsigned how;
	patch p;
} view_job;

static value view_body(dsl_ctx *c, void *ud)
{
	view_job *j = ud;
	j->p = patch_view(c, j->v, j->how);
	return v_none();
}

/* patch_view(v, how) under the protected entry; false (tu_ctx.err set) when it fails. */
static bool view(value v, unsigned how, patch *out)
{
	view_job j = {.v = v, .how = how};
	value r;
	bool ok = dsl_run(&tu_ctx, view_body, &j, &r);
	*out = j.p;
	return ok;
}

static patch view_ok(value v, unsigned how)
{
	patch p;
	if (!view(v, how, &p))
		fail_msg("patch_view failed: %s: %s", dsl_err_name(tu_ctx.err), tu_ctx.msg);
	return p;
}

static void view_fails(value v, unsigned how, dsl_err want)
{
	patch p;
	if (view(v, how, &p))
		fail_msg("patch_view succeeded, expected %s", dsl_err_name(want));
	assert_int_equal(tu_ctx.err, want);
}

static void assert_pos(uint32_t key, int i, int j)
{
	assert_int_equal(pos_i(key), i);
	assert_int_equal(pos_j(key), j);
}

static void frozensets_lend_their_keys(void **state)
{
	(void)state;
	value ix = V("{\"indices\": [[2, 1], [0, 5]]}");
	patch p = view_ok(ix, PATCH_SEQ | PATCH_ROWS);
	assert_int_equal(p.kind, PATCH_IDX);
	assert_int_equal(p.form, PATCH_SET);
	assert_int_equal(p.n, 2);
	assert_ptr_equal(p.ix, ix.ix->k);
	value ob = V("{\"object\": [[3, 0, 0], [1, 4, 4]]}");
	p = view_ok(ob, 0);
	assert_int_equal(p.kind, PATCH_OBJ);
	assert_int_equal(p.form, PATCH_SET);
	assert_ptr_equal(p.ob, ob.ob->k);
	/* frozenset() and () are the empty patch, however they are read */
	for (unsigned how = 0; how < 4; how++) {
		assert_int_equal(view_ok(v_empty_set(), how).kind, PATCH_EMPTY);
		assert_int_equal(view_ok(v_empty_tuple(), how).n, 0);
		assert_int_equal(view_ok(v_empty_tuple(), how).kind, PATCH_EMPTY);
	}
}

static void tuples_of_positions(void **state)
{
	(void)state;
	/* ((2, 1), (0, 5), (2, 1)) is a grid of width 2: its rows are positions */
	value t = V("{\"grid\": [[2, 1], [0, 5], [2, 1]]}");
	assert_int_equal(t.kind, VK_GRID);
	patch p = view_ok(t, PATCH_SEQ);
	assert_int_equal(p.kind, PATCH_IDX);
	assert_int_equal(p.form, PATCH_TUPLE);
	assert_int_equal(p.n, 3); /* duplicates kept, in tuple order */
	assert_pos(p.ix[0], 2, 1);
	assert_pos(p.ix[1], 0, 5);
	assert_pos(p.ix[2], 2, 1);
	p = view_ok(t, 0); /* the set of its elements */
	assert_int_equal(p.form, PATCH_SET);
	assert_int_equal(p.n, 2);
	assert_pos(p.ix[0], 0, 5);
	assert_pos(p.ix[1], 2, 1);
	uint32_t n;
	patch s = view_ok(t, PATCH_SEQ);
	const uint32_t *pos = patch_positions(&tu_ctx, &s, &n);
	assert_int_equal(n, 2);
	assert_pos(pos[0], 0, 5);
	bbox b = patch_bbox(&tu_ctx, s);
	assert_int_equal(b.top, 0);
	assert_int_equal(b.bottom, 2);
	assert_int_equal(b.left, 1);
	assert_int_equal(b.right, 5);
	/* positions beyond int8 make a tuple of pairs, not a grid: the same view */
	value big = V("{\"tuple\": [{\"vec\": [200, 3]}, {\"vec\": [-1, 1]}]}");
	assert_int_equal(big.kind, VK_TUPLE);
	p = view_ok(big, PATCH_SEQ);
	assert_int_equal(p.kind, PATCH_IDX);
	assert_pos(p.ix[0], 200, 3);
	assert_pos(p.ix[1], -1, 1);
	view_fails(V("{\"tuple\": [{\"vec\": [40000, 3]}]}"), 0, DSL_OVERFLOW);
}

static void tuples_of_cells(void **state)
{
	(void)state;
	/* two colours at one position, one cell twice */
	value t = V("{\"tuple\": [{\"cell\": [3, 0, 0]}, {\"cell\": [2, 0, 0]}, {\"cell\": [3, 0, 0]}]}");
	patch p = view_ok(t, PATCH_SEQ);
	assert_int_equal(p.kind, PATCH_OBJ);
	assert_int_equal(p.form, PATCH_TUPLE);
	assert_int_equal(p.n, 3);
	assert_int_equal(cell_c(p.ob[0]), 3);
	assert_int_equal(cell_c(p.ob[1]), 2);
	assert_int_equal(cell_c(p.ob[2]), 3);
	p = view_ok(t, 0);
	assert_int_equal(p.form, PATCH_SET);
	assert_int_equal(p.n, 2);
	assert_int_equal(cell_c(p.ob[0]), 2); /* canonical order: colour first */
	uint32_t n;
	patch_positions(&tu_ctx, &p, &n);
	assert_int_equal(n, 1);
	/* Piece readings take the grid path: height 3, width len(first cell) = 2 */
	int64_t h, w, i, j;
	piece_dims(&tu_ctx, t, &h, &w);
	assert_int_equal(h, 3);
	assert_int_equal(w, 2);
	bbox b = patch_bbox(&tu_ctx, p);
	patch_center(&tu_ctx, t, &b, &i, &j);
	assert_int_equal(i, 1); /* 0 + 3 // 2 */
	assert_int_equal(j, 1); /* 0 + 2 // 2 */
	/* Element values of a tuple: every item of every row, a cell giving colour and position */
	size_t m;
	value *e = element_values(&tu_ctx, V("{\"tuple\": [{\"cell\": [3, 0, 1]}]}"), &m);
	assert_int_equal(m, 2);
	assert_true(val_eq(e[0], v_int(3)));
	assert_true(val_eq(e[1], v_pair(0, 1)));
}

/* The kind is read from the first element; what follows must fit it. */
static void mixed_tuples(void **state)
{
	(void)state;
	/* a cell first: an Object, and a position in it cannot unpack as (value, (i, j)) */
	value cell_first = V("{\"tuple\": [{\"cell\": [1, 0, 0]}, {\"vec\": [5, 5]}]}");
	for (unsigned how = 0; how < 4; how++)
		view_fails(cell_first, how, DSL_TYPE_ERROR);
	/* a position first: Indices, whose cell `i, j` reads as row 1 and a tuple column (0, 0) */
	value pos_first = V("{\"tuple\": [{\"vec\": [5, 5]}, {\"cell\": [1, 0, 0]}]}");
	view_fails(pos_first, 0, DSL_TYPE_ERROR);
	view_fails(pos_first, PATCH_SEQ, DSL_TYPE_ERROR);
	patch p = view_ok(pos_first, PATCH_ROWS);
	assert_int_equal(p.kind, PATCH_IDX);
	assert_int_equal(p.form, PATCH_ODD); /* kept in tuple order, even without PATCH_SEQ */
	assert_int_equal(p.n, 2);
	assert_int_equal(patch_odd(&p)[0], 0);
	assert_int_equal(patch_odd(&p)[1], 1);
	assert_int_equal(pos_i(p.ix[1]), 1);
	bbox b = patch_bbox(&tu_ctx, p);
	assert_int_equal(b.top, 1);
	assert_int_equal(b.bottom, 5);
	/* 0 <= i < h and 0 <= j < w: row 1 is inside 3 rows, so its tuple column is compared */
	CALL_FAILS("fill", DSL_TYPE_ERROR, V("{\"grid\": [[0, 0], [0, 0], [0, 0]]}"), v_int(7), pos_first);
	/* ... but not inside 1 row, where the comparison stops at i */
	CALL_EQ("fill", "{\"grid\": [[0, 0]]}", V("{\"grid\": [[0, 0]]}"), v_int(7), pos_first);
	CALL_EQ("uppermost", "{\"int\": 1}", pos_first);
	CALL_FAILS("leftmost", DSL_TYPE_ERROR, pos_first);
}

/* Tuples dsl.py cannot read as patches fail as it does. */
static void unreadable_tuples(void **state)
{
	(void)state;
	view_fails(V("{\"vec\": [1, 2]}"), 0, DSL_TYPE_ERROR);                /* 1[1] */
	view_fails(V("{\"cell\": [3, 1, 2]}"), 0, DSL_TYPE_ERROR);            /* 3[1] */
	view_fails(V("{\"grid\": [[1], [2]]}"), 0, DSL_INDEX_ERROR);          /* (1,)[1] */
	view_fails(V("{\"grid\": [[], []]}"), 0, DSL_INDEX_ERROR);            /* ()[1] */
	view_fails(V("{\"grid\": [[1, 2, 3]]}"), 0, DSL_VALUE_ERROR);         /* i, j = (1, 2, 3) */
	view_fails(V("{\"tuple\": [{\"vec\": [1, 2]}, {\"tuple\": [{\"int\": 1}, {\"int\": 2}, {\"int\": 3}]}]}"),
	           0, DSL_VALUE_ERROR);
	view_fails(V("{\"tuple\": [{\"vec\": [1, 2]}, {\"int\": 4}]}"), PATCH_ROWS, DSL_TYPE_ERROR);
	view_fails(V("{\"frozenset\": [{\"int\": 1}, {\"int\": 2}]}"), 0, DSL_TYPE_ERROR);
	view_fails(v_int(3), 0, DSL_TYPE_ERROR);
}

/* What primitives make of the view: tuple order, duplicates, and sets as results. */
static void primitives_read_tuples(void **state)
{
	(void)state;
	value g = V("{\"grid\": [[0, 0], [0, 0]]}");
	value two = V("{\"tuple\": [{\"cell\": [3, 0, 0]}, {\"cell\": [2, 0, 0]}]}");
	CALL_EQ("paint", "{\"grid\": [[2, 0], [0, 0]]}", g, two);      /* the last one wins */
	CALL_EQ("underpaint", "{\"grid\": [[3, 0], [0, 0]]}", g, two); /* the first one wins */
	CALL_EQ("paint", "{\"grid\": [[3, 0], [0, 0]]}", g, V("{\"object\": [[3, 0, 0], [2, 0, 0]]}"));
	CALL_FAILS("paint", DSL_TYPE_ERROR, g, V("{\"grid\": [[0, 0]]}"));
	/* len counts the duplicate, toindices keeps the tuple: sums (0+0+2, 0+0+2) // 3 */
	value dup = V("{\"grid\": [[0, 0], [0, 0], [2, 2]]}");
	CALL_EQ("centerofmass", "{\"vec\": [0, 0]}", dup);
	CALL_EQ("toindices", "{\"grid\": [[0, 0], [0, 0], [2, 2]]}", dup);
	CALL_EQ("shift", "{\"indices\": [[1, 1], [3, 3]]}", dup, v_pair(1, 1));
	CALL_EQ("shift", "{\"tuple\": []}", v_empty_tuple(), v_pair(1, 1));
	CALL_FAILS("delta", DSL_TYPE_ERROR, dup); /* frozenset - tuple */
	CALL_EQ("delta", "{\"indices\": [[0, 1], [1, 0]]}",
	        V("{\"tuple\": [{\"cell\": [1, 0, 0]}, {\"cell\": [1, 1, 1]}]}"));
	CALL_EQ("shape", "{\"vec\": [3, 2]}", dup);
	CALL_EQ("center", "{\"vec\": [1, 1]}", dup); /* (0 + 3 // 2, 0 + 2 // 2) */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(frozensets_lend_their_keys),
		cmocka_unit_test(tuples_of_positions),
		cmocka_unit_test(tuples_of_cells),
		cmocka_unit_test(mixed_tuples),
		cmocka_unit_test(unreadable_tuples),
		cmocka_unit_test(primitives_read_tuples),
	};
	return cmocka_run_group_tests(tests, tu_setup, tu_teardown);
}
