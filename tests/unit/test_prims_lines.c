/* test_prims_lines.c — the lines family (DSL.md 6.5) on what the conformance vectors do not
 * reach: 30×30 and width-0 grids, int16/int8 limits, memory and step limits, doubly coloured
 * positions, and the Python quirks kept on purpose. */
#include "testutil.h"

#include "prims.h"

/* Every test starts from an empty arena and without limits. */
static int fresh(void **state)
{
	(void)state;
	arena_reset(&tu_mem, 0);
	tu_ctx.steps = 0;
	tu_ctx.next_clock = 4096;
	tu_ctx.step_limit = UINT64_MAX;
	tu_ctx.mem_limit = tu_mem.cap;
	return 0;
}

/* An h×w grid with cell (i, j) = (i * a + j * b) % m, built directly (no JSON). */
static value pattern(int h, int w, int a, int b, int m)
{
	grid *g = grid_alloc(&tu_ctx, h, w);
	for (int i = 0; i < h; i++)
		for (int j = 0; j < w; j++)
			g->cell[i * w + j] = (int8_t)((i * a + j * b) % m);
	return v_grid(g);
}

/* The Indices of the rectangle of h×w positions from (top, left). */
static value rect(int top, int left, int h, int w)
{
	idxset *s = idx_alloc(&tu_ctx, (size_t)h * w);
	for (int i = 0; i < h; i++)
		for (int j = 0; j < w; j++)
			s->k[s->n++] = pos_key(top + i, left + j);
	return idx_finish(&tu_ctx, s, true);
}

/* Call a primitive that must succeed. */
static value ok1(const char *name, value a)
{
	value out;
	if (!tu_call(name, &out, 1, a))
		fail_msg("%s failed: %s", name, tu_ctx.msg);
	return out;
}

static value ok2(const char *name, value a, value b)
{
	value out;
	if (!tu_call(name, &out, 2, a, b))
		fail_msg("%s failed: %s", name, tu_ctx.msg);
	return out;
}

static uint32_t idx_n(value v) { return v.kind == VK_IDX ? v.ix->n : 0; }

static void segments(void **state)
{
	(void)state;
	CALL_EQ("connect", "{\"indices\": [[-3, 2], [-2, 1], [-1, 0], [0, -1]]}", v_pair(0, -1), v_pair(-3, 2));
	CALL_EQ("connect", "{\"indices\": [[-3, 2], [-2, 1], [-1, 0], [0, -1]]}", v_pair(-3, 2), v_pair(0, -1));
	CALL_EQ("connect", "{\"frozenset\": []}", v_pair(0, 0), v_pair(2, 3));
	/* a frozenset of two ints unpacks in canonical order */
	CALL_EQ("connect", "{\"indices\": [[1, 2], [1, 3]]}",
	        V("{\"frozenset\": [{\"int\": 2}, {\"int\": 1}]}"), v_pair(1, 3));
	CALL_FAILS("connect", DSL_VALUE_ERROR, V("{\"tuple\": [{\"int\": 1}, {\"int\": 2}, {\"int\": 3}]}"),
	        v_pair(0, 0));
	CALL_FAILS("connect", DSL_VALUE_ERROR, v_empty_tuple(), v_pair(0, 0));
	CALL_FAILS("connect", DSL_TYPE_ERROR, v_int(3), v_pair(0, 0));
	/* the longest representable row, and one cell past int16 */
	assert_int_equal(idx_n(ok2("connect", v_pair(5, -32768), v_pair(5, 32767))), 65536);
	CALL_FAILS("connect", DSL_OVERFLOW, v_pair(0, 0), v_pair(0, 32768));
	/* far ends that are not on a line give the empty set, however far */
	CALL_EQ("connect", "{\"frozenset\": []}", v_pair(INT32_MIN, 0), v_pair(INT32_MAX, 7));
}

static void shoot_rays(void **state)
{
	(void)state;
	value diag = ok2("shoot", v_pair(-3, -3), v_pair(2, 2));
	assert_int_equal(idx_n(diag), 85);
	assert_int_equal(pos_i(diag.ix->k[0]), -3);
	assert_int_equal(pos_j(diag.ix->k[84]), 81);
	CALL_EQ("shoot", "{\"indices\": [[5, 5]]}", v_pair(5, 5), v_pair(0, 0));
	value up = ok2("shoot", v_pair(0, 7), v_pair(-1, 0));
	assert_int_equal(idx_n(up), 43);
	assert_int_equal(pos_i(up.ix->k[0]), -42);
	/* extra components of the direction are ignored; the start is unpacked by connect */
	value dir3 = V("{\"tuple\": [{\"int\": 0}, {\"int\": 1}, {\"tuple\": []}]}");
	assert_int_equal(idx_n(ok2("shoot", v_pair(0, 0), dir3)), 43);
	CALL_FAILS("shoot", DSL_VALUE_ERROR, V("{\"tuple\": [{\"int\": 0}, {\"int\": 1}, {\"int\": 2}]}"),
	        v_pair(0, 1));
	CALL_FAILS("shoot", DSL_INDEX_ERROR, v_pair(0, 0), V("{\"tuple\": [{\"int\": 1}]}"));
	CALL_FAILS("shoot", DSL_TYPE_ERROR, V("{\"indices\": [[0, 0]]}"), v_pair(0, 1));
	/* huge directions reach beyond int16 (or int32) and must fail, not wrap */
	CALL_FAILS("shoot", DSL_OVERFLOW, v_pair(32760, 0), v_pair(1, 0));
	CALL_FAILS("shoot", DSL_OVERFLOW, v_pair(0, 0), v_pair(INT32_MAX, INT32_MAX));
	CALL_FAILS("shoot", DSL_OVERFLOW, v_pair(0, 0), v_pair(INT32_MIN, 0));
	CALL_EQ("shoot", "{\"frozenset\": []}", v_pair(0, 0), v_pair(INT32_MAX, 1));
}

static void frontier_lines(void **state)
{
	(void)state;
	value v = ok1("vfrontier", v_pair(-100, -7));
	assert_int_equal(idx_n(v), 30);
	assert_int_equal(pos_i(v.ix->k[29]), 29);
	assert_int_equal(pos_j(v.ix->k[0]), -7);
	value h = ok1("hfrontier", v_pair(-4, 1000));
	assert_int_equal(idx_n(h), 30);
	assert_int_equal(pos_i(h.ix->k[0]), -4);
	assert_int_equal(pos_j(h.ix->k[29]), 29);
	/* like dsl.py, any long enough tuple works: hfrontier reads only location[0] */
	value one = V("{\"tuple\": [{\"int\": 3}]}");
	assert_int_equal(pos_i(ok1("hfrontier", one).ix->k[5]), 3);
	CALL_FAILS("vfrontier", DSL_INDEX_ERROR, one);
	CALL_FAILS("hfrontier", DSL_INDEX_ERROR, v_empty_tuple());
	/* a pair as location[1] makes every (i, location[1]) a cell: an Object */
	value obj = ok1("vfrontier", V("{\"tuple\": [{\"int\": 0}, {\"vec\": [4, 5]}, {\"tuple\": []}]}"));
	assert_int_equal(obj.kind, VK_OBJ);
	assert_int_equal(obj.ob->n, 30);
	assert_int_equal(cell_c(obj.ob->k[29]), 29);
	CALL_FAILS("vfrontier", DSL_TYPE_ERROR, V("{\"frozenset\": [{\"int\": 1}, {\"int\": 2}]}"));
	CALL_FAILS("vfrontier", DSL_OVERFLOW, v_pair(0, 40000));
	CALL_FAILS("hfrontier", DSL_OVERFLOW, v_pair(-40000, 0));
}

static void corners_and_boxes(void **state)
{
	(void)state;
	value dbl = V("{\"object\": [[1, -5, -5], [9, -5, -5], [2, -3, -8]]}");
	CALL_EQ("corners", "{\"indices\": [[-5, -8], [-5, -5], [-3, -8], [-3, -5]]}", dbl);
	CALL_EQ("corners", "{\"frozenset\": [{\"tuple\": []}]}", v_empty_set());
	CALL_EQ("corners", "{\"indices\": [[2, 0], [7, 0]]}", V("{\"indices\": [[7, 0], [4, 0], [2, 0]]}"));
	CALL_FAILS("corners", DSL_TYPE_ERROR, v_pair(1, 1));
	/* a doubly coloured position counts once in delta */
	CALL_EQ("delta",
	        "{\"indices\": [[-5, -8], [-5, -7], [-5, -6], [-4, -8], [-4, -7], [-4, -6], [-4, -5], "
	        "[-3, -7], [-3, -6], [-3, -5]]}",
	        dbl);
	value diag = V("{\"indices\": [[0, 0], [29, 29]]}");
	value bd = ok1("backdrop", diag);
	assert_int_equal(idx_n(bd), 900);
	assert_int_equal(bd.ix->k[899], pos_key(29, 29));
	assert_int_equal(idx_n(ok1("delta", diag)), 898);
	CALL_EQ("delta", "{\"frozenset\": []}", V("{\"indices\": [[0, 0], [0, 1]]}"));
	/* boxes beyond memory, and beyond what a set's count can hold, fail at the limit */
	CALL_FAILS("backdrop", DSL_LIMIT_MEMORY, V("{\"indices\": [[-30000, -30000], [30000, 30000]]}"));
	CALL_FAILS("delta", DSL_LIMIT_MEMORY, V("{\"indices\": [[-32768, -32768], [32767, 32767]]}"));
	CALL_FAILS("backdrop", DSL_LIMIT_MEMORY, V("{\"indices\": [[-32768, -32768], [32767, 32767]]}"));
}

static void outlines(void **state)
{
	(void)state;
	value vline = V("{\"indices\": [[0, 4], [3, 4]]}");
	CALL_EQ("box", "{\"indices\": [[0, 4], [1, 4], [2, 4], [3, 4]]}", vline);
	/* the inner box of a line is sorted the other way round: columns 3..5, rows 1..2 */
	CALL_EQ("inbox", "{\"indices\": [[1, 3], [1, 4], [1, 5], [2, 3], [2, 4], [2, 5]]}", vline);
	CALL_EQ("outbox",
	        "{\"indices\": [[-1, 3], [-1, 4], [-1, 5], [0, 3], [0, 5], [1, 3], [1, 5], [2, 3], [2, 5], "
	        "[3, 3], [3, 5], [4, 3], [4, 4], [4, 5]]}",
	        vline);
	value big = V("{\"object\": [[3, 0, 0], [4, 0, 0], [5, 29, 29]]}");
	assert_int_equal(idx_n(ok1("box", big)), 116);
	assert_int_equal(idx_n(ok1("inbox", big)), 108);
	assert_int_equal(idx_n(ok1("outbox", big)), 124);
	CALL_EQ("box", "{\"frozenset\": []}", v_empty_set());
	CALL_FAILS("inbox", DSL_VALUE_ERROR, v_empty_set());
	CALL_FAILS("outbox", DSL_OVERFLOW, V("{\"indices\": [[-32768, 0]]}"));
	CALL_FAILS("inbox", DSL_OVERFLOW, V("{\"indices\": [[0, 32767]]}"));
	assert_int_equal(idx_n(ok1("box", V("{\"indices\": [[-32768, 0], [32767, 0]]}"))), 65536);
}

static void halves(void **state)
{
	(void)state;
	value g = pattern(29, 29, 1, 3, 10);
	value top = ok1("tophalf", g), bottom = ok1("bottomhalf", g);
	value left = ok1("lefthalf", g), right = ok1("righthalf", g);
	assert_int_equal(top.g->h, 14);
	assert_int_equal(bottom.g->h, 14);
	assert_int_equal(bottom.g->cell[0], g.g->cell[15 * 29]);
	assert_int_equal(left.g->w, 14);
	assert_int_equal(right.g->w, 14);
	assert_int_equal(right.g->cell[28 * 14], g.g->cell[28 * 29 + 15]);
	assert_int_equal(left.g->cell[28 * 14 + 13], g.g->cell[28 * 29 + 13]);
	value g30 = pattern(30, 30, 7, 1, 10);
	assert_int_equal(ok1("tophalf", g30).g->h, 15);
	assert_int_equal(ok1("righthalf", g30).g->cell[0], g30.g->cell[15]);
	/* rows of width 0 stay rows for the row halves; the column halves drop them */
	value empty_rows = V("{\"grid\": [[], [], []]}");
	CALL_EQ("tophalf", "{\"grid\": [[]]}", empty_rows);
	CALL_EQ("bottomhalf", "{\"grid\": [[]]}", empty_rows);
	CALL_EQ("lefthalf", "{\"tuple\": []}", empty_rows);
	CALL_EQ("righthalf", "{\"tuple\": []}", V("{\"grid\": [[1], [2]]}"));
	/* other tuples are sliced as dsl.py slices them */
	CALL_EQ("tophalf", "{\"vec\": [1, 2]}",
	        V("{\"tuple\": [{\"int\": 1}, {\"int\": 2}, {\"int\": 3}, {\"int\": 4}, {\"int\": 5}]}"));
	CALL_EQ("bottomhalf", "{\"tuple\": [{\"int\": 7}]}", v_pair(6, 7));
	CALL_EQ("bottomhalf", "{\"tuple\": [{\"frozenset\": []}]}",
	        V("{\"tuple\": [{\"int\": 1}, {\"frozenset\": []}]}"));
	CALL_FAILS("tophalf", DSL_TYPE_ERROR, v_empty_set());
	CALL_FAILS("lefthalf", DSL_TYPE_ERROR, V("{\"tuple\": [{\"int\": 1}, {\"frozenset\": []}]}"));
}

static void trims(void **state)
{
	(void)state;
	value g = pattern(30, 30, 1, 1, 10);
	value t = ok1("trim", g);
	assert_int_equal(t.g->h, 28);
	assert_int_equal(t.g->w, 28);
	assert_int_equal(t.g->cell[0], 2);
	assert_int_equal(t.g->cell[27 * 28 + 27], (28 + 28) % 10);
	CALL_EQ("trim", "{\"grid\": [[], []]}", V("{\"grid\": [[1, 2], [3, 4], [5, 6], [7, 8]]}"));
	CALL_EQ("trim", "{\"tuple\": []}", V("{\"grid\": [[], []]}"));
	CALL_EQ("trim", "{\"grid\": [[]]}", V("{\"grid\": [[], [], []]}"));
	/* a ragged tuple of rows trims like a grid; a pair has no middle */
	CALL_EQ("trim", "{\"grid\": [[5, 6]]}",
	        V("{\"tuple\": [{\"vec\": [1, 2]}, "
	          "{\"tuple\": [{\"int\": 4}, {\"int\": 5}, {\"int\": 6}, {\"int\": 7}]}, {\"vec\": [8, 9]}]}"));
	CALL_EQ("trim", "{\"tuple\": []}", v_pair(1, 2));
	CALL_FAILS("trim", DSL_TYPE_ERROR, V("{\"tuple\": [{\"int\": 1}, {\"int\": 2}, {\"int\": 3}]}"));
	CALL_FAILS("trim", DSL_TYPE_ERROR, V("{\"indices\": [[0, 0]]}"));
}

static void covers(void **state)
{
	(void)state;
	value g = pattern(30, 30, 0, 1, 3); /* columns 0, 1, 2, 0, ...: colour 0 most frequent */
	value out = ok2("cover", g, V("{\"indices\": [[-1, 1], [0, 1], [29, 29], [29, 30], [30, 29]]}"));
	assert_int_equal(out.g->cell[1], 0);
	assert_int_equal(out.g->cell[29 * 30 + 29], 0);
	assert_int_equal(out.g->cell[29 * 30 + 28], 1);
	assert_int_equal(memcmp(out.g->cell + 2, g.g->cell + 2, 29 * 30 - 2), 0);
	/* the background follows CPython's tie rule: 8 wins here, 0 in the mirrored grid */
	CALL_EQ("cover", "{\"grid\": [[8, 8], [0, 8]]}", V("{\"grid\": [[8, 0], [0, 8]]}"),
	        V("{\"indices\": [[0, 1]]}"));
	CALL_EQ("cover", "{\"grid\": [[0, 0], [8, 0]]}", V("{\"grid\": [[0, 8], [8, 0]]}"),
	        V("{\"indices\": [[0, 1]]}"));
	CALL_EQ("cover", "{\"grid\": [[1, 1]]}", V("{\"grid\": [[1, 2]]}"),
	        V("{\"object\": [[5, 0, 1], [6, 0, 1]]}"));
	CALL_FAILS("cover", DSL_VALUE_ERROR, V("{\"grid\": [[], []]}"), v_empty_set());
	CALL_FAILS("cover", DSL_TYPE_ERROR, V("{\"grid\": [[1]]}"), v_pair(0, 0));
}

/* cover's background is mostcolor with CPython's tie rule: the same colour grid_color_extreme
 * picks, on random grids full of ties, with colours beyond 0..15 and negative ones too. */
static void cover_background_ties(void **state)
{
	(void)state;
	static const int8_t palette[] = {0, 8, 9, 1, -1, 5, 16, 127, -128, 3, 40, 2};
	uint32_t seed = 12345;
	for (int t = 0; t < 3000; t++) {
		seed = seed * 1103515245u + 12345u;
		int h = 1 + (seed >> 8) % 9, w = 1 + (seed >> 16) % 9, k = 1 + (seed >> 24) % 12;
		int first = t % 2 ? 0 : (int)((seed >> 4) % 4);
		grid *g = grid_alloc(&tu_ctx, h, w);
		for (int q = 0; q < h * w; q++) {
			seed = seed * 1103515245u + 12345u;
			g->cell[q] = palette[(first + (seed >> 16) % (uint32_t)k) % 12];
		}
		value out;
		assert_true(tu_call("cover", &out, 2, v_grid(g), V("{\"indices\": [[0, 0]]}")));
		assert_int_equal(out.g->cell[0], grid_color_extreme(&tu_ctx, g, true));
	}
	/* a 30x30 grid where 8 and 0 tie: CPython's order puts 8 first with two colours */
	grid *g = grid_alloc(&tu_ctx, 30, 30);
	for (int q = 0; q < 900; q++)
		g->cell[q] = q % 2 ? 0 : 8;
	value out;
	assert_true(tu_call("cover", &out, 2, v_grid(g), V("{\"indices\": [[0, 1]]}")));
	assert_int_equal(out.g->cell[1], grid_color_extreme(&tu_ctx, g, true));
	assert_int_equal(out.g->cell[1], 8);
}

static void moves(void **state)
{
	(void)state;
	value z = V("{\"grid\": [[0, 0, 0], [0, 0, 0], [0, 0, 0]]}");
	value dbl = V("{\"object\": [[2, 0, 0], [3, 0, 0], [1, 0, 1]]}");
	/* at the doubly coloured position the larger colour wins */
	CALL_EQ("move", "{\"grid\": [[0, 0, 0], [0, 3, 1], [0, 0, 0]]}", z, dbl, v_pair(1, 1));
	CALL_EQ("move", "{\"grid\": [[0, 0, 0], [0, 0, 0], [0, 0, 0]]}", z, dbl, v_pair(-1, -1));
	CALL_EQ("move", "{\"grid\": [[0, 0, 0], [0, 0, 0], [0, 0, 0]]}", z, dbl, v_pair(INT32_MAX, INT32_MIN));
	CALL_EQ("move", "{\"grid\": [[0, 0, 0], [0, 0, 3], [0, 0, 0]]}", z, dbl,
	        V("{\"frozenset\": [{\"int\": 2}, {\"int\": 1}]}"));
	value g = pattern(30, 30, 1, 0, 2); /* rows of 0 and 1 tie; CPython order picks 0 */
	value one = V("{\"object\": [[1, 1, 0], [1, 1, 1]]}");
	value moved;
	assert_true(tu_call("move", &moved, 3, g, one, v_pair(27, 28)));
	assert_int_equal(moved.g->cell[30], 0);
	assert_int_equal(moved.g->cell[31], 0);
	assert_int_equal(moved.g->cell[28 * 30 + 28], 1);
	assert_int_equal(moved.g->cell[28 * 30 + 29], 1);
	/* an empty object moves nothing and never looks at the offset */
	CALL_EQ("move", "{\"grid\": [[4]]}", V("{\"grid\": [[4]]}"), v_empty_set(), v_int(5));
	CALL_FAILS("move", DSL_TYPE_ERROR, z, V("{\"indices\": [[0, 0]]}"), v_pair(1, 1));
	CALL_FAILS("move", DSL_VALUE_ERROR, z, dbl,
	        V("{\"tuple\": [{\"int\": 1}, {\"int\": 2}, {\"int\": 3}]}"));
	CALL_FAILS("move", DSL_VALUE_ERROR, v_empty_tuple(), dbl, v_pair(0, 0));
}

static void move_colours_beyond_int8(void **state)
{
	(void)state;
	value z = V("{\"grid\": [[0, 0], [0, 0]]}");
	CALL_FAILS("move", DSL_OVERFLOW, z, V("{\"object\": [[200, 0, 0]]}"), v_pair(1, 1));
	CALL_FAILS("move", DSL_OVERFLOW, z, V("{\"object\": [[-200, 0, 0]]}"), v_pair(0, 1));
	/* painted outside the grid, or covered by a later colour, they never reach a cell */
	CALL_EQ("move", "{\"grid\": [[0, 0], [0, 0]]}", z, V("{\"object\": [[200, 0, 0]]}"), v_pair(2, 0));
	CALL_EQ("move", "{\"grid\": [[0, 0], [0, 5]]}", z, V("{\"object\": [[-200, 0, 0], [5, 0, 0]]}"),
	        v_pair(1, 1));
	CALL_FAILS("move", DSL_OVERFLOW, z, V("{\"object\": [[-200, 0, 0], [5, 0, 1]]}"), v_pair(1, 0));
}

static void gravitates(void **state)
{
	(void)state;
	CALL_EQ("gravitate", "{\"vec\": [9, 0]}", V("{\"indices\": [[0, 0]]}"), V("{\"indices\": [[10, 0]]}"));
	CALL_EQ("gravitate", "{\"vec\": [-9, 0]}", V("{\"indices\": [[10, 0]]}"), V("{\"indices\": [[0, 0]]}"));
	CALL_EQ("gravitate", "{\"vec\": [0, -4]}", V("{\"indices\": [[-3, -2]]}"),
	        V("{\"object\": [[1, -3, -7], [2, -3, -7]]}"));
	/* a horizontal approach at another height never touches: 42 steps */
	CALL_EQ("gravitate", "{\"vec\": [0, 42]}", V("{\"indices\": [[5, 0]]}"), V("{\"indices\": [[0, 10]]}"));
	/* adjacency is looked for after at most 41 steps */
	CALL_EQ("gravitate", "{\"vec\": [0, 41]}", V("{\"indices\": [[0, 0]]}"), V("{\"indices\": [[0, 42]]}"));
	CALL_EQ("gravitate", "{\"vec\": [0, 42]}", V("{\"indices\": [[0, 0]]}"), V("{\"indices\": [[0, 43]]}"));
	/* overlapping patches are not adjacent, so they move through each other */
	CALL_EQ("gravitate", "{\"vec\": [4, 0]}", V("{\"indices\": [[0, 0], [1, 0]]}"),
	        V("{\"indices\": [[1, 0], [2, 0], [3, 0]]}"));
	/* a destination box too large for the bitmap (binary search instead) */
	value far = V("{\"indices\": [[0, 0], [0, 400], [400, 0], [300, 299]]}");
	CALL_EQ("gravitate", "{\"vec\": [0, -38]}", V("{\"indices\": [[300, 338]]}"), far);
	CALL_EQ("gravitate", "{\"vec\": [-19, 0]}", V("{\"object\": [[1, 320, 299], [2, 320, 299]]}"), far);
	/* 30-column blocks: the upper one falls until its bottom row touches row 20 */
	value upper = rect(0, 0, 10, 30), lower = rect(20, 0, 10, 30);
	CALL_EQ("gravitate", "{\"vec\": [10, 0]}", upper, lower);
	CALL_EQ("gravitate", "{\"vec\": [-10, 0]}", lower, upper);
	CALL_EQ("gravitate", "{\"vec\": [0, 0]}", rect(0, 0, 30, 15), rect(0, 15, 30, 15));
	CALL_EQ("gravitate", "{\"vec\": [0, 0]}", V("{\"indices\": [[0, 0], [0, 1]]}"),
	        V("{\"indices\": [[1, 1]]}"));
	CALL_FAILS("gravitate", DSL_VALUE_ERROR, V("{\"indices\": [[0, 0]]}"), v_empty_set());
	CALL_FAILS("gravitate", DSL_TYPE_ERROR,
	        V("{\"frozenset\": [{\"vec\": [5, 5]}, {\"cell\": [1, 0, 0]}]}"), V("{\"indices\": [[0, 0]]}"));
}

static void occurrence_search(void **state)
{
	(void)state;
	grid *g = grid_alloc(&tu_ctx, 30, 30);
	memset(g->cell, 0, 900);
	const int at[3][2] = {{10, 20}, {28, 28}, {0, 0}};
	for (int k = 0; k < 3; k++) {
		g->cell[at[k][0] * 30 + at[k][1]] = 1;
		g->cell[at[k][0] * 30 + at[k][1] + 1] = 1;
		g->cell[(at[k][0] + 1) * 30 + at[k][1] + 1] = 2;
	}
	value gv = v_grid(g);
	value shape = V("{\"object\": [[1, -7, -7], [1, -7, -6], [2, -6, -6]]}");
	CALL_EQ("occurrences", "{\"indices\": [[0, 0], [10, 20], [28, 28]]}", gv, shape);
	/* background cells are part of the object too */
	value with_bg = V("{\"object\": [[1, 5, 5], [1, 5, 6], [2, 6, 6], [0, 6, 5]]}");
	CALL_EQ("occurrences", "{\"indices\": [[0, 0], [10, 20], [28, 28]]}", gv, with_bg);
	assert_int_equal(idx_n(ok2("occurrences", gv, v_empty_set())), 31 * 31);
	CALL_EQ("occurrences", "{\"indices\": [[0, 0], [1, 0], [2, 0]]}", V("{\"grid\": [[], []]}"),
	        v_empty_set());
	CALL_EQ("occurrences", "{\"frozenset\": []}", gv, V("{\"object\": [[1, 0, 0], [1, 0, 30]]}"));
	CALL_EQ("occurrences", "{\"frozenset\": []}", gv, V("{\"object\": [[1, 0, 0], [2, 0, 0]]}"));
	CALL_EQ("occurrences", "{\"frozenset\": []}", gv, V("{\"object\": [[300, 0, 0]]}"));
	/* Indices fail only once an offset is tried: too large ones give the empty set */
	CALL_EQ("occurrences", "{\"frozenset\": []}", V("{\"grid\": [[1]]}"),
	        V("{\"indices\": [[0, 0], [0, 1]]}"));
	CALL_FAILS("occurrences", DSL_TYPE_ERROR, gv, V("{\"indices\": [[0, 0], [0, 1]]}"));
	CALL_FAILS("occurrences", DSL_INDEX_ERROR, v_empty_tuple(), v_empty_set());
}

static void occurrence_limits(void **state)
{
	(void)state;
	value big = pattern(2000, 2000, 0, 0, 1);
	value two = V("{\"object\": [[0, 0, 0], [0, 0, 1]]}");
	tu_ctx.steps = 0;
	tu_ctx.next_clock = 0;
	tu_ctx.step_limit = 5000;
	CALL_FAILS("occurrences", DSL_LIMIT_STEPS, big, two);
	tu_ctx.step_limit = UINT64_MAX;
	tu_ctx.next_clock = tu_ctx.steps + 4096;
	/* offsets past int16 cannot be represented */
	value tall = pattern(40000, 1, 0, 0, 1);
	CALL_FAILS("occurrences", DSL_OVERFLOW, tall, v_empty_set());
	CALL_FAILS("occurrences", DSL_OVERFLOW, tall, V("{\"object\": [[0, 0, 0]]}"));
	assert_int_equal(idx_n(ok2("occurrences", tall, V("{\"object\": [[0, 0, 0], [0, 9000, 0]]}"))), 31000);
}

static void uniform_rows_and_columns(void **state)
{
	(void)state;
	value flat = pattern(30, 30, 0, 0, 1);
	value f = ok1("frontiers", flat);
	assert_int_equal(f.kind, VK_SET);
	assert_int_equal(f.t->n, 60);
	assert_int_equal(f.t->e[0].kind, VK_OBJ);
	assert_int_equal(f.t->e[0].ob->n, 30);
	CALL_EQ("compress", "{\"tuple\": []}", flat);
	/* a row of 3s, a column of 4s crossing it at a 3 */
	value g = V("{\"grid\": [[1, 4, 2], [3, 3, 3], [2, 4, 1]]}");
	CALL_EQ("frontiers", "{\"frozenset\": [{\"object\": [[3, 1, 0], [3, 1, 1], [3, 1, 2]]}]}", g);
	CALL_EQ("compress", "{\"grid\": [[1, 4, 2], [2, 4, 1]]}", g);
	value cross = V("{\"grid\": [[1, 4, 2], [4, 4, 4], [2, 4, 1]]}");
	CALL_EQ("frontiers",
	        "{\"frozenset\": [{\"object\": [[4, 0, 1], [4, 1, 1], [4, 2, 1]]}, "
	        "{\"object\": [[4, 1, 0], [4, 1, 1], [4, 1, 2]]}]}",
	        cross);
	CALL_EQ("compress", "{\"grid\": [[1, 2], [2, 1]]}", cross);
	CALL_EQ("compress", "{\"grid\": [[]]}", V("{\"grid\": [[1, 1, 2]]}"));
	CALL_EQ("compress", "{\"grid\": [[], []]}", V("{\"grid\": [[], []]}"));
	CALL_EQ("frontiers", "{\"frozenset\": []}", V("{\"grid\": [[], []]}"));
	CALL_EQ("compress", "{\"tuple\": []}", v_empty_tuple());
	CALL_FAILS("frontiers", DSL_INDEX_ERROR, v_empty_tuple());
	CALL_FAILS("compress", DSL_TYPE_ERROR, v_empty_set());
	/* beyond 256 rows and columns the flags come from the arena */
	value big = pattern(300, 300, 1, 1, 3);
	grid *bg = (grid *)big.g;
	for (int k = 0; k < 300; k++)
		bg->cell[280 * 300 + k] = bg->cell[k * 300 + 290] = 7;
	value c = ok1("compress", big);
	assert_int_equal(c.g->h, 299);
	assert_int_equal(c.g->w, 299);
	assert_int_equal(c.g->cell[280 * 299 + 290], big.g->cell[281 * 300 + 291]);
	assert_int_equal(ok1("frontiers", big).t->n, 2);
	/* a grid whose columns are all uniform keeps its rows, at width 0 */
	value c2 = ok1("compress", pattern(300, 3, 0, 1, 3));
	assert_int_equal(c2.g->h, 300);
	assert_int_equal(c2.g->w, 0);
}

static void periods(void **state)
{
	(void)state;
	/* colours 1 2 3 repeating over 30 columns, away from the origin */
	char buf[2048];
	size_t n = (size_t)snprintf(buf, sizeof buf, "{\"object\": [");
	for (int j = 0; j < 30; j++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s[%d, -4, %d], [%d, -3, %d]",
		                      j ? ", " : "", 1 + j % 3, j - 50, 1 + (j + 1) % 3, j - 50);
	snprintf(buf + n, sizeof buf - n, "]}");
	value stripes = V(buf);
	assert_int_equal(ok1("hperiod", stripes).i, 3);
	assert_int_equal(ok1("vperiod", stripes).i, 2);
	/* doubly coloured positions */
	value dbl = V("{\"object\": [[1, 0, 0], [2, 0, 0], [1, 0, 1], [2, 0, 1]]}");
	assert_int_equal(ok1("hperiod", dbl).i, 1);
	assert_int_equal(ok1("hperiod", V("{\"object\": [[1, 0, 0], [2, 0, 0], [1, 0, 1]]}")).i, 1);
	assert_int_equal(ok1("hperiod", V("{\"object\": [[1, 0, 0], [1, 0, 1], [2, 0, 1]]}")).i, 2);
	assert_int_equal(ok1("hperiod", V("{\"object\": [[1, 0, 0], [1, 0, 2]]}")).i, 2);
	assert_int_equal(ok1("vperiod", V("{\"object\": [[1, -9, 0], [1, -8, 0], [2, -7, 0]]}")).i, 3);
	/* Indices only fail once a shift is tried */
	assert_int_equal(ok1("hperiod", V("{\"indices\": [[0, 5], [3, 5]]}")).i, 1);
	assert_int_equal(ok1("vperiod", V("{\"indices\": [[2, 0], [2, 9]]}")).i, 1);
	CALL_FAILS("vperiod", DSL_TYPE_ERROR, V("{\"indices\": [[0, 5], [3, 5]]}"));
	assert_int_equal(ok1("vperiod", v_empty_set()).i, 0);
	CALL_FAILS("hperiod", DSL_INDEX_ERROR, V("{\"grid\": [[1]]}")); /* ((1,),)[0][1] */
	/* the widest object: two cells 65535 columns apart */
	assert_int_equal(ok1("hperiod", V("{\"object\": [[1, 0, -32768], [1, 0, 32767]]}")).i, 65535);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(segments, fresh),
		cmocka_unit_test_setup(shoot_rays, fresh),
		cmocka_unit_test_setup(frontier_lines, fresh),
		cmocka_unit_test_setup(corners_and_boxes, fresh),
		cmocka_unit_test_setup(outlines, fresh),
		cmocka_unit_test_setup(halves, fresh),
		cmocka_unit_test_setup(trims, fresh),
		cmocka_unit_test_setup(covers, fresh),
		cmocka_unit_test_setup(cover_background_ties, fresh),
		cmocka_unit_test_setup(moves, fresh),
		cmocka_unit_test_setup(move_colours_beyond_int8, fresh),
		cmocka_unit_test_setup(gravitates, fresh),
		cmocka_unit_test_setup(occurrence_search, fresh),
		cmocka_unit_test_setup(occurrence_limits, fresh),
		cmocka_unit_test_setup(uniform_rows_and_columns, fresh),
		cmocka_unit_test_setup(periods, fresh),
	};
	int failed = cmocka_run_group_tests(tests, tu_setup, tu_teardown);
	int n = (int)(sizeof tests / sizeof tests[0]);
	printf("%d passed, %d failed\n", failed > n ? 0 : n - failed, failed);
	return failed != 0;
}
