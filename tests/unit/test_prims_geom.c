/* test_prims_geom.c — the geometry, painting, scaling and splitting primitives (DSL.md 6.4) on
 * what the conformance vectors do not reach: 30×30 grids, empty and width-0 grids, doubly
 * coloured positions, negative and far-away coordinates, unrepresentable cells, limits. */
#include "testutil.h"

/* JSON written as C tokens: J({"int": 3}) is the string "{\"int\": 3}". */
#define J(...) #__VA_ARGS__

static void fresh(void)
{
	arena_reset(&tu_mem, 0);
	tu_ctx.steps = 0;
	tu_ctx.next_clock = 4096;
	tu_ctx.step_limit = UINT64_MAX;
	tu_ctx.mem_limit = tu_mem.cap;
}

/* An h×w grid with cell (i, j) = (i * a + j * b) % 10. */
static value pattern(int h, int w, int a, int b)
{
	grid *g = grid_alloc(&tu_ctx, h, w);
	for (int i = 0; i < h; i++)
		for (int j = 0; j < w; j++)
			g->cell[i * w + j] = (int8_t)((i * a + j * b) % 10);
	return v_grid(g);
}

static value call(const char *name, int n, value a, value b, value c)
{
	value out;
	if (!tu_call(name, &out, n, a, b, c))
		fail_msg("%s failed: %s: %s", name, dsl_err_name(tu_ctx.err), tu_ctx.msg);
	return out;
}
#define CALL1(name, a) call(name, 1, a, v_none(), v_none())
#define CALL2(name, a, b) call(name, 2, a, b, v_none())
#define CALL3(name, a, b, c) call(name, 3, a, b, c)

static int8_t at(value g, int i, int j) { return g.g->cell[i * g.g->w + j]; }

static void assert_same(value got, value want)
{
	if (!val_eq(got, want)) {
		char g[800], w[800];
		value_repr(got, g, sizeof g);
		value_repr(want, w, sizeof w);
		fail_msg("got %s, want %s", g, w);
	}
}

static void rotations_of_large_grids(void **state)
{
	(void)state;
	fresh();
	value g = pattern(30, 17, 7, 3), sq = pattern(30, 30, 3, 1);
	value r90 = CALL1("rot90", g), r270 = CALL1("rot270", g), d = CALL1("dmirror", g);
	assert_int_equal(r90.g->h, 17);
	assert_int_equal(r90.g->w, 30);
	for (int i = 0; i < 17; i++)
		for (int j = 0; j < 30; j++) {
			assert_int_equal(at(r90, i, j), at(g, 29 - j, i));
			assert_int_equal(at(r270, i, j), at(g, j, 16 - i));
			assert_int_equal(at(d, i, j), at(g, j, i));
			assert_int_equal(at(CALL1("cmirror", g), i, j), at(g, 29 - j, 16 - i));
		}
	/* compositions: four quarter turns, rot90 = vmirror ∘ dmirror, cmirror = hmirror ∘ rot90 */
	assert_same(CALL1("rot90", CALL1("rot90", CALL1("rot90", r90))), g);
	assert_same(CALL1("rot90", r270), g);
	assert_same(CALL1("vmirror", d), r90);
	assert_same(CALL1("hmirror", r90), CALL1("cmirror", g));
	assert_same(CALL1("rot180", sq), CALL1("rot90", CALL1("rot90", sq)));
	assert_same(CALL1("rot180", g), CALL1("hmirror", CALL1("vmirror", g)));
	value v = CALL1("vmirror", sq);
	for (int i = 0; i < 30; i++)
		for (int j = 0; j < 30; j++)
			assert_int_equal(at(v, i, j), at(sq, i, 29 - j));
}

static void grids_without_columns(void **state)
{
	(void)state;
	fresh();
	value e2 = V(J({"grid": [[], []]})), e1 = V(J({"grid": [[]]})), none = v_empty_tuple();
	CALL_EQ("rot90", J({"tuple": []}), e2);
	CALL_EQ("rot270", J({"tuple": []}), e2);
	CALL_EQ("dmirror", J({"tuple": []}), e2);
	CALL_EQ("cmirror", J({"tuple": []}), e2);
	CALL_EQ("rot180", J({"grid": [[], []]}), e2);
	CALL_EQ("hmirror", J({"grid": [[], []]}), e2);
	CALL_EQ("vmirror", J({"grid": [[], []]}), e2);
	CALL_EQ("hupscale", J({"tuple": []}), none, v_int(3));
	CALL_EQ("vupscale", J({"grid": [[], [], [], []]}), e2, v_int(2));
	CALL_EQ("upscale", J({"grid": [[], [], [], []]}), e2, v_int(2));
	CALL_EQ("downscale", J({"grid": [[]]}), e2, v_int(-5));
	CALL_EQ("hconcat", J({"grid": [[1], [2]]}), e2, V(J({"grid": [[1], [2], [3]]})));
	CALL_EQ("vconcat", J({"tuple": [{"tuple": []}, {"tuple": [{"int": 1}]}]}), e1, V(J({"grid": [[1]]})));
	CALL_EQ("hsplit", J({"tuple": [{"grid": [[], []]}, {"grid": [[], []]}]}), e2, v_int(2));
	CALL_EQ("vsplit", J({"grid": [[], [], []]}), V(J({"grid": [[1, 2]]})), v_int(3));
	CALL_EQ("cellwise", J({"grid": [[], []]}), e2, none, v_int(5)); /* b is never read */
	CALL_EQ("replace", J({"grid": [[], []]}), e2, v_int(0), v_int(1));
	CALL_EQ("switch", J({"tuple": []}), none, v_int(0), v_int(1));
	CALL_EQ("canvas", J({"grid": [[], []]}), v_int(5), v_pair(2, -1));
	CALL_EQ("canvas", J({"tuple": []}), v_int(5), v_pair(-2, 4));
	CALL_EQ("index", J({"none": null}), e1, v_pair(0, 0));
	CALL_EQ("asobject", J({"frozenset": []}), e1);
	CALL_EQ("palette", J({"frozenset": []}), e2);
	CALL_EQ("numcolors", J({"int": 0}), e2);
	CALL_EQ("toobject", J({"frozenset": []}), V(J({"indices": [[0, 0]]})), e1);
	CALL_EQ("fill", J({"grid": [[]]}), e1, v_int(3), V(J({"indices": [[0, 0]]})));
	CALL_EQ("paint", J({"grid": [[]]}), e1, V(J({"object": [[3, 0, 0]]})));
	CALL_FAILS("color", DSL_INDEX_ERROR, e1);
	CALL_FAILS("color", DSL_STOP_ITERATION, none);
	/* mostcolor of no cell at all is max() of nothing */
	CALL_FAILS("underfill", DSL_VALUE_ERROR, e2, v_int(3), V(J({"indices": [[0, 0]]})));
	CALL_FAILS("underpaint", DSL_VALUE_ERROR, e1, V(J({"object": [[3, 0, 0]]})));
	/* () has no first row to measure */
	CALL_FAILS("fill", DSL_INDEX_ERROR, none, v_int(1), v_empty_set());
	CALL_FAILS("toobject", DSL_INDEX_ERROR, v_empty_set(), none);
	CALL_FAILS("cellwise", DSL_INDEX_ERROR, none, none, v_int(0));
	CALL_FAILS("index", DSL_INDEX_ERROR, none, v_pair(0, 0));
	CALL_FAILS("hsplit", DSL_INDEX_ERROR, none, v_int(0)); /* grid[0] before // n */
	CALL_FAILS("vsplit", DSL_ZERO_DIVISION, none, v_int(0)); /* len(grid) // n first */
	CALL_FAILS("downscale", DSL_ZERO_DIVISION, e2, v_int(0));
}

static void painting_doubly_coloured_positions(void **state)
{
	(void)state;
	fresh();
	value g = V(J({"grid": [[0, 0], [0, 9]]}));
	value two = V(J({"object": [[5, 0, 0], [3, 0, 0], [0, 1, 0], [4, 1, 0], [7, 1, 1], [2, 1, 1]]}));
	/* canonical order: the larger colour is written last */
	CALL_EQ("paint", J({"grid": [[5, 0], [4, 7]]}), g, two);
	/* underpaint: the first non-background colour stays; a background write keeps it open;
	 * (1, 1) holds 9, not the background */
	CALL_EQ("underpaint", J({"grid": [[3, 0], [4, 9]]}), g, two);
	/* toobject ignores the object's colours and keeps one cell per position */
	CALL_EQ("toobject", J({"object": [[0, 0, 0], [0, 1, 0], [9, 1, 1]]}), two, g);
	CALL_EQ("fill", J({"grid": [[6, 0], [6, 6]]}), g, v_int(6), two);
	CALL_EQ("underfill", J({"grid": [[6, 0], [6, 9]]}), g, v_int(6), two);
	/* centerofmass sums distinct positions but divides by the number of cells */
	CALL_EQ("centerofmass", J({"vec": [1, 1]}), V(J({"object": [[1, 3, 3], [2, 3, 3], [1, 0, 0]]})));
	CALL_EQ("color", J({"int": 0}), two);
	CALL_EQ("palette", J({"frozenset": [{"int": 0}, {"int": 2}, {"int": 3}, {"int": 4}, {"int": 5}, {"int": 7}]}), two);
	CALL_EQ("numcolors", J({"int": 6}), two);
	CALL_EQ("hmirror", J({"object": [[5, 1, 0], [3, 1, 0], [0, 0, 0], [4, 0, 0], [7, 0, 1], [2, 0, 1]]}), two);
	CALL_EQ("vmirror", J({"object": [[5, 0, 1], [3, 0, 1], [0, 1, 1], [4, 1, 1], [7, 1, 0], [2, 1, 0]]}), two);
	CALL_EQ("dmirror", J({"object": [[5, 0, 0], [3, 0, 0], [0, 0, 1], [4, 0, 1], [7, 1, 1], [2, 1, 1]]}), two);
	CALL_EQ("cmirror", J({"object": [[5, 1, 1], [3, 1, 1], [0, 1, 0], [4, 1, 0], [7, 0, 0], [2, 0, 0]]}), two);
	CALL_EQ("upscale", J({"object": [[5, 2, 2], [5, 2, 3], [5, 3, 2], [5, 3, 3], [3, 2, 2], [3, 2, 3], [3, 3, 2], [3, 3, 3],
	                                 [7, 4, 4], [7, 4, 5], [7, 5, 4], [7, 5, 5], [2, 4, 4], [2, 4, 5], [2, 5, 4], [2, 5, 5]]}),
	        V(J({"object": [[5, 2, 2], [3, 2, 2], [7, 3, 3], [2, 3, 3]]})), v_int(2));
	/* a colour the grid cannot hold fails only when it is written */
	value big = V(J({"object": [[300, 5, 5], [1, 0, 0]]}));
	CALL_EQ("paint", J({"grid": [[1, 0], [0, 9]]}), g, big);
	CALL_FAILS("paint", DSL_OVERFLOW, V(J({"grid": [[0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]})),
	           V(J({"object": [[300, 5, 1]]})));
	CALL_EQ("palette", J({"frozenset": [{"int": 1}, {"int": 300}]}), big);
	CALL_FAILS("paint", DSL_TYPE_ERROR, g, V(J({"indices": [[0, 0]]})));
	CALL_FAILS("underpaint", DSL_TYPE_ERROR, g, V(J({"indices": [[0, 0]]})));
	CALL_FAILS("upscale", DSL_TYPE_ERROR, V(J({"indices": [[0, 0]]})), v_int(2));
	CALL_FAILS("paint", DSL_TYPE_ERROR, g, V(J({"frozenset": [{"int": 1}]})));
}

static void negative_and_outside_positions(void **state)
{
	(void)state;
	fresh();
	value g = V(J({"grid": [[1, 2, 3], [4, 5, 6], [7, 8, 9]]}));
	value far = V(J({"indices": [[-1, 0], [0, -1], [-1, -1], [3, 0], [0, 3], [1, 1], [-32768, 32767]]}));
	CALL_EQ("fill", J({"grid": [[1, 2, 3], [4, 0, 6], [7, 8, 9]]}), g, v_int(0), far);
	CALL_EQ("toobject", J({"object": [[5, 1, 1]]}), far, g);
	CALL_EQ("paint", J({"grid": [[1, 2, 3], [4, 5, 6], [7, 8, 0]]}), g,
	        V(J({"object": [[0, 2, 2], [0, -1, 2], [0, 2, -1], [0, 2, 3]]})));
	/* crop slices: [-5:-2] → rows 0..0 after adding the height; [-1:2] → [2:2] is empty */
	CALL_EQ("subgrid", J({"grid": [[1, 2]]}), V(J({"indices": [[-5, 0], [-3, 1]]})), g);
	CALL_EQ("subgrid", J({"tuple": []}), V(J({"indices": [[-1, -1], [1, 1]]})), g);
	CALL_EQ("subgrid", J({"grid": [[9]]}), V(J({"indices": [[2, 2], [40, 40]]})), g);
	CALL_EQ("subgrid", J({"grid": [[], []]}), V(J({"indices": [[1, 5], [2, 6]]})), g);
	CALL_FAILS("subgrid", DSL_INDEX_ERROR, v_empty_set(), g);
	CALL_EQ("index", J({"none": null}), g, v_pair(-1, 1));
	CALL_EQ("index", J({"none": null}), g, v_pair(1, 3));
	CALL_EQ("index", J({"int": 8}), g, v_pair(2, 1));
	CALL_EQ("index", J({"int": 4}), g, V(J({"tuple": [{"bool": true}, {"bool": false}]})));
	CALL_FAILS("index", DSL_VALUE_ERROR, g, V(J({"tuple": [{"int": 1}, {"int": 1}, {"int": 1}]})));
	CALL_FAILS("index", DSL_TYPE_ERROR, g, v_int(1));
	/* mirrors stay inside the bounding box, which may be negative */
	CALL_EQ("hmirror", J({"indices": [[-9, 4], [-7, -3], [-7, 0]]}), V(J({"indices": [[-9, -3], [-9, 0], [-7, 4]]})));
	CALL_EQ("vmirror", J({"indices": [[-9, 1], [-9, 4], [-7, -3]]}), V(J({"indices": [[-9, -3], [-9, 0], [-7, 4]]})));
	CALL_EQ("dmirror", J({"indices": [[-9, -3], [-6, -3], [-2, -1]]}), V(J({"indices": [[-9, -3], [-9, 0], [-7, 4]]})));
	CALL_EQ("centerofmass", J({"vec": [-1, -3]}), V(J({"indices": [[-1, -5], [0, 0]]})));
	CALL_EQ("center", J({"vec": [-8, 1]}), V(J({"indices": [[-9, -3], [-9, 0], [-7, 4]]})));
	CALL_EQ("upscale", J({"object": [[3, -2, -2], [3, -2, -1], [3, -1, -2], [3, -1, -1], [3, 0, 0], [3, 0, 1], [3, 1, 0], [3, 1, 1]]}),
	        V(J({"object": [[3, -2, -2], [3, -1, -1]]})), v_int(2));
	CALL_EQ("manhattan", J({"int": 7}), V(J({"indices": [[-5, -5], [9, 9]]})), V(J({"object": [[1, -1, -2], [2, 20, 20]]})));
	CALL_EQ("adjacent", J({"bool": true}), V(J({"indices": [[-5, -5]]})), V(J({"indices": [[-5, -4], [3, 3]]})));
	CALL_EQ("adjacent", J({"bool": false}), V(J({"indices": [[0, 0]]})), V(J({"indices": [[1, 1]]})));
	CALL_EQ("adjacent", J({"bool": false}), V(J({"indices": [[0, 0], [0, 1]]})), V(J({"indices": [[0, 1], [0, 2]]})));
	/* bordering compares exactly: beyond the grid is not on its border */
	CALL_EQ("bordering", J({"bool": false}), V(J({"indices": [[5, 5]]})), g);
	CALL_EQ("bordering", J({"bool": true}), V(J({"indices": [[2, 7]]})), g);
	CALL_EQ("bordering", J({"bool": true}), V(J({"indices": [[1, 1], [1, 2]]})), g);
	CALL_EQ("bordering", J({"bool": false}), V(J({"indices": [[1, 9], [1, 2]]})), g);
	CALL_EQ("bordering", J({"bool": true}), V(J({"indices": [[0, 5]]})), v_empty_tuple());
	CALL_EQ("bordering", J({"bool": true}), V(J({"indices": [[-1, 5]]})), v_empty_tuple()); /* bottom == len(()) - 1 */
	CALL_FAILS("bordering", DSL_INDEX_ERROR, V(J({"indices": [[3, 3]]})), v_empty_tuple());
	CALL_FAILS("bordering", DSL_VALUE_ERROR, v_empty_set(), g);
	CALL_FAILS("manhattan", DSL_VALUE_ERROR, V(J({"indices": [[3, 3]]})), v_empty_set());
	CALL_FAILS("center", DSL_VALUE_ERROR, v_empty_set());
	CALL_EQ("centerofmass", J({"tuple": []}), v_empty_set());
}

static void positions_between_patches(void **state)
{
	(void)state;
	fresh();
	value o = V(J({"indices": [[5, 5]]}));
	CALL_EQ("position", J({"vec": [0, 1]}), o, V(J({"indices": [[5, 9]]})));
	CALL_EQ("position", J({"vec": [0, -1]}), o, V(J({"indices": [[5, 1]]})));
	CALL_EQ("position", J({"vec": [1, 0]}), o, V(J({"indices": [[9, 5]]})));
	CALL_EQ("position", J({"vec": [-1, 0]}), o, V(J({"indices": [[1, 5]]})));
	CALL_EQ("position", J({"vec": [1, -1]}), o, V(J({"indices": [[9, 1]]})));
	CALL_EQ("position", J({"vec": [-1, 1]}), o, V(J({"indices": [[1, 9]]})));
	CALL_EQ("position", J({"vec": [0, -1]}), o, o);
	/* centers round towards the upper left: rows 0..3 → 2, columns 0..1 → 1 */
	CALL_EQ("center", J({"vec": [2, 1]}), V(J({"object": [[1, 0, 0], [2, 3, 1]]})));
	CALL_FAILS("position", DSL_VALUE_ERROR, o, v_empty_set());
}

static void recolouring_thirty_by_thirty(void **state)
{
	(void)state;
	fresh();
	value g = pattern(30, 30, 1, 3), h = pattern(30, 30, 1, 3);
	/* 900 cells: 56 blocks of 16 and a tail of 4; put a -1 only in the tail, a 77 only in a block */
	grid *gg = (grid *)g.g, *hh = (grid *)h.g;
	gg->cell[898] = -1;
	gg->cell[100] = 77;
	value r = CALL3("replace", g, v_int(-1), v_int(4));
	assert_int_equal(r.g->cell[898], 4);
	assert_int_equal(r.g->cell[897], g.g->cell[897]);
	CALL_FAILS("replace", DSL_OVERFLOW, g, v_int(-1), v_int(128));
	CALL_FAILS("replace", DSL_OVERFLOW, g, v_int(77), v_int(-129));
	CALL_FAILS("replace", DSL_TYPE_ERROR, g, v_int(77), v_pair(1, 1));
	assert_same(CALL3("replace", g, v_int(55), v_int(1000)), g); /* never written */
	assert_same(CALL3("replace", g, v_int(1000), v_int(1)), g);  /* no cell holds it */
	assert_same(CALL3("replace", g, v_pair(0, 0), v_int(1)), g);
	value s = CALL3("switch", g, v_int(3), v_int(7));
	for (int k = 0; k < 900; k++) {
		int x = g.g->cell[k];
		assert_int_equal(s.g->cell[k], x == 3 ? 7 : x == 7 ? 3 : x);
	}
	assert_same(CALL3("switch", s, v_int(3), v_int(7)), g);
	assert_same(CALL3("switch", g, v_int(5), v_int(5)), g);
	CALL_FAILS("switch", DSL_OVERFLOW, g, v_int(200), v_int(-1)); /* the -1 becomes 200 */
	assert_same(CALL3("switch", g, v_int(200), v_int(55)), g);
	/* cellwise: differences only in the tail, then only in a block */
	hh->cell[898] = 5;
	hh->cell[100] = 77;
	value cw = CALL3("cellwise", g, h, v_int(0));
	for (int k = 0; k < 900; k++)
		assert_int_equal(cw.g->cell[k], k == 898 ? 0 : g.g->cell[k]);
	CALL_FAILS("cellwise", DSL_OVERFLOW, g, h, v_int(500));
	hh->cell[898] = -1;
	assert_same(CALL3("cellwise", g, h, v_int(500)), g); /* the fallback is never used */
	hh->cell[20] = 9 - hh->cell[20];
	CALL_FAILS("cellwise", DSL_OVERFLOW, g, h, v_int(500));
	/* b larger is fine, smaller fails */
	value wide = CALL2("hconcat", g, g);
	assert_same(CALL3("cellwise", g, wide, v_int(0)), g);
	CALL_FAILS("cellwise", DSL_INDEX_ERROR, wide, g, v_int(0));
	CALL_EQ("palette", J({"frozenset": [{"int": -1}, {"int": 0}, {"int": 1}, {"int": 2}, {"int": 3}, {"int": 4},
	                                    {"int": 5}, {"int": 6}, {"int": 7}, {"int": 8}, {"int": 9}, {"int": 77}]}), g);
	CALL_EQ("numcolors", J({"int": 12}), g);
	CALL_EQ("color", J({"int": 0}), g);
	value c = CALL2("canvas", v_int(-7), v_pair(30, 30));
	for (int k = 0; k < 900; k++)
		assert_int_equal(c.g->cell[k], -7);
	CALL_FAILS("canvas", DSL_OVERFLOW, v_int(128), v_pair(1, 1));
	CALL_FAILS("canvas", DSL_TYPE_ERROR, v_pair(1, 1), v_pair(1, 1));
	CALL_EQ("canvas", J({"grid": [[], []]}), v_int(128), v_pair(2, 0));
	CALL_FAILS("canvas", DSL_INDEX_ERROR, v_int(1), V(J({"tuple": [{"int": 2}]})));
	CALL_FAILS("canvas", DSL_TYPE_ERROR, v_int(1), v_int(2));
	CALL_FAILS("fill", DSL_OVERFLOW, g, v_int(-200), V(J({"indices": [[29, 29]]})));
	assert_same(CALL3("fill", g, v_int(-200), V(J({"indices": [[30, 29]]}))), g);
	assert_same(CALL3("fill", g, v_pair(1, 2), v_empty_set()), g);
}

static void objects_of_thirty_by_thirty(void **state)
{
	(void)state;
	fresh();
	value g = pattern(30, 30, 7, 3);
	value o = CALL1("asobject", g);
	assert_int_equal(o.kind, VK_OBJ);
	assert_int_equal(o.ob->n, 900);
	for (uint32_t k = 1; k < 900; k++)
		assert_true(o.ob->k[k - 1] < o.ob->k[k]);
	for (uint32_t k = 0; k < 900; k++) {
		uint32_t p = cell_pos(o.ob->k[k]);
		assert_int_equal(cell_c(o.ob->k[k]), at(g, pos_i(p), pos_j(p)));
	}
	/* painting the grid's own cells onto a blank canvas gives the grid back */
	assert_same(CALL2("paint", CALL2("canvas", v_int(0), v_pair(30, 30)), o), g);
	/* toobject of all positions is asobject; the colours of the argument do not matter */
	value all = CALL3("fill", g, v_int(1), V(J({"frozenset": []})));
	assert_same(all, g);
	assert_same(CALL2("toobject", o, g), o);
	assert_same(CALL2("toobject", CALL2("toobject", o, pattern(30, 30, 1, 1)), g), o);
	CALL_EQ("centerofmass", J({"vec": [14, 14]}), o);
	CALL_EQ("center", J({"vec": [15, 15]}), o);
	CALL_EQ("bordering", J({"bool": true}), o, g);
	assert_same(CALL2("subgrid", o, g), g);
	/* mirrors of the object match the mirrored grid */
	const char *mirrors[] = {"hmirror", "vmirror", "dmirror", "cmirror"};
	for (int k = 0; k < 4; k++)
		assert_same(CALL1(mirrors[k], o), CALL1("asobject", CALL1(mirrors[k], g)));
	value up = CALL2("upscale", o, v_int(3));
	assert_same(up, CALL1("asobject", CALL2("upscale", g, v_int(3))));
	assert_same(CALL2("downscale", CALL2("upscale", g, v_int(3)), v_int(3)), g);
	assert_same(CALL2("downscale", CALL2("upscale", g, v_int(2)), v_int(-2)), g);
	assert_same(CALL2("hupscale", CALL2("vupscale", g, v_int(4)), v_int(4)), CALL2("upscale", g, v_int(4)));
	CALL_EQ("downscale", J({"grid": [[0]]}), g, v_int(INT32_MIN));
	CALL_EQ("manhattan", J({"int": 0}), o, CALL1("hmirror", o));
}

static void splits_and_concatenations(void **state)
{
	(void)state;
	fresh();
	value g = pattern(30, 30, 7, 3);
	/* 30 = 3 × 10: the parts glue back together */
	value parts = CALL2("hsplit", g, v_int(3));
	assert_int_equal(parts.kind, VK_TUPLE);
	assert_int_equal(parts.t->n, 3);
	assert_same(CALL2("hconcat", CALL2("hconcat", parts.t->e[0], parts.t->e[1]), parts.t->e[2]), g);
	parts = CALL2("vsplit", g, v_int(5));
	value glued = parts.t->e[0];
	for (int k = 1; k < 5; k++)
		glued = CALL2("vconcat", glued, parts.t->e[k]);
	assert_same(glued, g);
	/* 7 columns in 2: widths 3, one separator column skipped */
	value sep = V(J({"grid": [[1, 2, 3, 0, 4, 5, 6], [7, 8, 9, 0, 1, 2, 3]]}));
	CALL_EQ("hsplit", J({"tuple": [{"grid": [[1, 2, 3], [7, 8, 9]]}, {"grid": [[4, 5, 6], [1, 2, 3]]}]}), sep, v_int(2));
	CALL_EQ("vsplit", J({"tuple": [{"grid": [[1, 2, 3, 0, 4, 5, 6], [7, 8, 9, 0, 1, 2, 3]]}]}), sep, v_int(1));
	CALL_EQ("hsplit", J({"tuple": [{"grid": [[], []]}, {"grid": [[], []]}, {"grid": [[], []]}, {"grid": [[], []]},
	                               {"grid": [[], []]}, {"grid": [[], []]}, {"grid": [[], []]}, {"grid": [[], []]}]}),
	        sep, v_int(8));
	CALL_EQ("hsplit", J({"tuple": []}), sep, v_int(-2));
	CALL_FAILS("hsplit", DSL_ZERO_DIVISION, sep, v_int(0));
	CALL_EQ("hconcat", J({"grid": [[1, 2, 3, 0, 4, 5, 6, 9]]}), sep, V(J({"grid": [[9]]})));
	CALL_EQ("vconcat", J({"tuple": [{"tuple": [{"int": 9}]}, {"tuple": [{"int": 1}, {"int": 2}, {"int": 3}, {"int": 0},
	                                {"int": 4}, {"int": 5}, {"int": 6}]}, {"tuple": [{"int": 7}, {"int": 8}, {"int": 9},
	                                {"int": 0}, {"int": 1}, {"int": 2}, {"int": 3}]}]}),
	        V(J({"grid": [[9]]})), sep);
	assert_same(CALL2("vconcat", sep, v_empty_tuple()), sep);
	CALL_EQ("hconcat", J({"tuple": []}), sep, v_empty_tuple());
}

static void other_tuples_as_python_slices_them(void **state)
{
	(void)state;
	fresh();
	value two = CALL2("hsplit", V(J({"grid": [[1, 2], [3, 4]]})), v_int(2)); /* ((1,),(3,)), ((2,),(4,)) */
	CALL_EQ("hmirror", J({"vec": [5, 3]}), v_pair(3, 5));
	CALL_EQ("hmirror", J({"tuple": [{"grid": [[2], [4]]}, {"grid": [[1], [3]]}]}), two);
	CALL_EQ("vmirror", J({"tuple": [{"grid": [[3], [1]]}, {"grid": [[4], [2]]}]}), two);
	CALL_EQ("dmirror", J({"tuple": [{"grid": [[1], [2]]}, {"grid": [[3], [4]]}]}), two);
	CALL_EQ("rot180", J({"tuple": [{"grid": [[4], [2]]}, {"grid": [[3], [1]]}]}), two);
	value ragged = V(J({"tuple": [{"vec": [1, 2]}, {"tuple": [{"int": 3}, {"int": 4}, {"int": 5}]}]}));
	CALL_EQ("dmirror", J({"grid": [[1, 3], [2, 4]]}), ragged);
	CALL_EQ("rot90", J({"grid": [[3, 1], [4, 2]]}), ragged);
	CALL_EQ("rot270", J({"grid": [[2, 4], [1, 3]]}), ragged);
	CALL_EQ("cmirror", J({"grid": [[5, 2], [4, 1]]}), ragged);
	CALL_EQ("vmirror", J({"tuple": [{"vec": [2, 1]}, {"tuple": [{"int": 5}, {"int": 4}, {"int": 3}]}]}), ragged);
	/* a + b and zip(a, b) of tuples that are no grids */
	CALL_EQ("vconcat", J({"tuple": [{"grid": [[1], [3]]}, {"grid": [[2], [4]]}, {"grid": [[1], [3]]}, {"grid": [[2], [4]]}]}), two, two);
	CALL_EQ("hconcat", J({"tuple": [{"grid": [[1], [3], [1], [3]]}, {"grid": [[2], [4], [2], [4]]}]}), two, two);
	CALL_EQ("hconcat", J({"vec": [4, 7]}), v_pair(1, 2), V(J({"tuple": [{"int": 3}, {"int": 5}, {"int": 9}]})));
	CALL_EQ("vconcat", J({"tuple": [{"int": 3}, {"int": 5}, {"vec": [1, 2]}]}), v_pair(3, 5), V(J({"grid": [[1, 2]]})));
	CALL_FAILS("hconcat", DSL_TYPE_ERROR, v_pair(1, 2), ragged);
	CALL_FAILS("hconcat", DSL_OVERFLOW, v_pair(INT32_MAX, 0), v_pair(1, 0));
	CALL_FAILS("vconcat", DSL_TYPE_ERROR, V(J({"grid": [[1]]})), V(J({"indices": [[0, 0]]})));
	CALL_FAILS("hconcat", DSL_TYPE_ERROR, V(J({"grid": [[1]]})), v_int(1));
	CALL_FAILS("vmirror", DSL_TYPE_ERROR, v_pair(1, 2));
	CALL_FAILS("rot90", DSL_TYPE_ERROR, v_pair(1, 2));
	CALL_FAILS("rot90", DSL_TYPE_ERROR, V(J({"indices": [[0, 0]]})));
	CALL_FAILS("hmirror", DSL_INDEX_ERROR, v_empty_set());
	CALL_FAILS("dmirror", DSL_VALUE_ERROR, v_empty_set());
	CALL_FAILS("cmirror", DSL_INDEX_ERROR, v_empty_set());
	CALL_FAILS("hmirror", DSL_TYPE_ERROR, v_int(3));
	CALL_EQ("color", J({"int": 1}), V(J({"indices": [[1, 9], [4, 0]]})));
	CALL_EQ("color", J({"int": 2}), V(J({"tuple": [{"vec": [2, 1]}, {"int": 0}]})));
	CALL_FAILS("color", DSL_TYPE_ERROR, v_pair(2, 1));
	CALL_EQ("palette", J({"frozenset": [{"int": 1}, {"int": 4}]}), V(J({"indices": [[1, 9], [4, 0], [4, 2]]})));
	CALL_FAILS("palette", DSL_TYPE_ERROR, v_pair(2, 1));
}

static void huge_arguments_hit_limits(void **state)
{
	(void)state;
	fresh();
	value g = pattern(30, 30, 7, 3);
	tu_ctx.mem_limit = (size_t)64 << 20;
	CALL_FAILS("upscale", DSL_OVERFLOW, g, v_int(1000000));
	CALL_FAILS("upscale", DSL_LIMIT_MEMORY, g, v_int(2000)); /* 60000 × 60000 */
	CALL_FAILS("hupscale", DSL_OVERFLOW, g, v_int(INT32_MAX));
	CALL_FAILS("vupscale", DSL_LIMIT_MEMORY, pattern(30, 3000, 1, 1), v_int(2000));
	CALL_FAILS("canvas", DSL_OVERFLOW, v_int(1), v_pair(65536, 1));
	CALL_FAILS("canvas", DSL_LIMIT_MEMORY, v_int(1), v_pair(60000, 60000));
	CALL_FAILS("hsplit", DSL_LIMIT_MEMORY, g, v_int(INT32_MAX));
	CALL_FAILS("vsplit", DSL_LIMIT_MEMORY, g, v_int(100000000));
	value wide = CALL2("canvas", v_int(1), v_pair(1, 40000));
	CALL_FAILS("hconcat", DSL_OVERFLOW, wide, wide);
	value obj = CALL1("asobject", g);
	CALL_FAILS("upscale", DSL_OVERFLOW, obj, v_int(2000)); /* rows up to 60000 */
	CALL_FAILS("upscale", DSL_LIMIT_MEMORY, V(J({"object": [[1, 0, 0], [2, 9, 9]]})), v_int(3000));
	CALL_FAILS("dmirror", DSL_OVERFLOW, V(J({"indices": [[32000, 0], [32000, 900]]})));
	CALL_FAILS("cmirror", DSL_OVERFLOW, V(J({"object": [[1, 0, 32000], [1, 900, 32000]]})));
	tu_ctx.mem_limit = tu_mem.cap;
	/* quadratic work counts steps: two interleaved rows of 3000 positions each */
	idxset *a = idx_alloc(&tu_ctx, 3000), *b = idx_alloc(&tu_ctx, 3000);
	for (int k = 0; k < 3000; k++) {
		a->k[k] = pos_key(0, 2 * k);
		b->k[k] = pos_key(0, 2 * k + 1);
	}
	a->n = b->n = 3000;
	value va = idx_finish(&tu_ctx, a, true), vb = idx_finish(&tu_ctx, b, true);
	CALL_EQ("manhattan", J({"int": 1}), va, vb);
	tu_ctx.steps = 0;
	tu_ctx.next_clock = 0;
	tu_ctx.step_limit = 10000;
	CALL_FAILS("manhattan", DSL_LIMIT_STEPS, va, vb);
	fresh();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rotations_of_large_grids),
		cmocka_unit_test(grids_without_columns),
		cmocka_unit_test(painting_doubly_coloured_positions),
		cmocka_unit_test(negative_and_outside_positions),
		cmocka_unit_test(positions_between_patches),
		cmocka_unit_test(recolouring_thirty_by_thirty),
		cmocka_unit_test(objects_of_thirty_by_thirty),
		cmocka_unit_test(splits_and_concatenations),
		cmocka_unit_test(other_tuples_as_python_slices_them),
		cmocka_unit_test(huge_arguments_hit_limits),
	};
	return cmocka_run_group_tests(tests, tu_setup, tu_teardown);
}
