/* test_prims_objects.c — the objects family (DSL.md 6.3) on what the conformance vectors do not
 * reach: objects/partition on random 30×30 and larger grids against a plain reference search,
 * empty sets, multicolour objects, negative offsets and int16 limits, crops leaving the grid,
 * diagonal against direct connectivity, all-background grids, and the non-grid containers that
 * dsl.py accepts too. */
#include "testutil.h"

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

/* JSON written with single quotes, for readable test values. */
static value J(const char *text)
{
	char buf[4096];
	size_t n = strlen(text);
	assert_true(n < sizeof buf);
	for (size_t k = 0; k <= n; k++)
		buf[k] = text[k] == '\'' ? '"' : text[k];
	return V(buf);
}

/* A call that must succeed. */
static value ok(const char *name, int n, value a, value b, value c, value d)
{
	value out;
	int id = prim_lookup(name, strlen(name));
	assert_true(id >= 0);
	if (!dsl_protect(&tu_ctx, v_prim(id), (value[]){a, b, c, d}, n, &out))
		fail_msg("%s failed: %s: %s", name, dsl_err_name(tu_ctx.err), tu_ctx.msg);
	return out;
}
#define OK1(name, a) ok(name, 1, a, v_none(), v_none(), v_none())
#define OK2(name, a, b) ok(name, 2, a, b, v_none(), v_none())

/* An h×w grid of pseudo-random colours: 0 with weight `zeros` in 10, else 1..colours. */
static value random_grid(int h, int w, unsigned seed, int zeros, int colours)
{
	grid *g = grid_alloc(&tu_ctx, h, w);
	for (int k = 0; k < h * w; k++) {
		seed = seed * 1103515245u + 12345u;
		unsigned r = (seed >> 16) % 10;
		g->cell[k] = (int8_t)((int)r < zeros ? 0 : 1 + (seed >> 8) % (unsigned)colours);
	}
	return v_grid(g);
}

/* ---- a plain reference for objects: breadth-first search, sets built by sorting ---- */

static value ref_objects(const grid *g, bool univalued, bool diagonal, bool without_bg, int bg)
{
	int h = g->h, w = g->w, n = h * w, nobj = 0;
	bool *seen = calloc((size_t)n, 1);
	int *queue = malloc((size_t)n * sizeof *queue);
	uint64_t *keys = malloc((size_t)n * sizeof *keys);
	value *objs = dsl_alloc(&tu_ctx, (size_t)n * sizeof *objs);
	for (int start = 0; start < n; start++) {
		if (seen[start] || (without_bg && g->cell[start] == bg))
			continue;
		int head = 0, tail = 0;
		queue[tail++] = start;
		seen[start] = true;
		while (head < tail) {
			int q = queue[head++], i = q / w, j = q % w;
			keys[head - 1] = cell_key(g->cell[q], i, j);
			for (int di = -1; di <= 1; di++)
				for (int dj = -1; dj <= 1; dj++) {
					int ni = i + di, nj = j + dj, r = ni * w + nj;
					if ((!di && !dj) || (!diagonal && di && dj) || ni < 0 || nj < 0 || ni >= h || nj >= w)
						continue;
					if (seen[r] || (without_bg && g->cell[r] == bg))
						continue;
					if (univalued && g->cell[r] != g->cell[start])
						continue;
					seen[r] = true;
					queue[tail++] = r;
				}
		}
		objset *s = obj_alloc(&tu_ctx, (size_t)tail);
		memcpy(s->k, keys, (size_t)tail * sizeof *keys);
		s->n = (uint32_t)tail;
		objs[nobj++] = obj_finish(&tu_ctx, s, false);
	}
	free(keys);
	free(seen);
	free(queue);
	return set_make(&tu_ctx, objs, (size_t)nobj);
}

static void check_objects(value g)
{
	for (int flags = 0; flags < 8; flags++) {
		bool uni = flags & 1, diag = flags & 2, nobg = flags & 4;
		value got = ok("objects", 4, g, v_bool(uni), v_bool(diag), v_bool(nobg));
		value want = ref_objects(g.g, uni, diag, nobg, OK1("mostcolor", g).i);
		if (!val_eq(got, want))
			fail_msg("objects(%dx%d, %d, %d, %d) differs from the reference", g.g->h, g.g->w, uni, diag, nobg);
		/* the result is in canonical order: each Object ascending, the Objects too */
		if (got.kind == VK_SET)
			for (uint32_t k = 1; k < got.t->n; k++)
				assert_true(val_cmp(got.t->e[k - 1], got.t->e[k]) < 0);
	}
}

static void objects_match_reference(void **state)
{
	(void)state;
	for (unsigned seed = 1; seed <= 6; seed++) {
		check_objects(random_grid(30, 30, seed, 6, 3));
		check_objects(random_grid(30, 30, seed * 77, 3, 9));
	}
	check_objects(random_grid(1, 30, 5, 5, 2));
	check_objects(random_grid(30, 1, 6, 5, 2));
	check_objects(random_grid(1, 1, 7, 5, 2));
	/* cells across the whole int8 range, the background among them */
	static const int8_t odd[5] = {-128, -1, 0, 127, -128};
	value wide = random_grid(17, 29, 10, 0, 5);
	grid *gw = (grid *)wide.g;
	for (int k = 0; k < 17 * 29; k++)
		gw->cell[k] = odd[gw->cell[k] - 1];
	check_objects(wide);
	/* beyond 30x30 the scratch comes from the arena */
	check_objects(random_grid(33, 31, 8, 6, 2));
	check_objects(random_grid(100, 90, 9, 5, 4));
}

static void objects_edges(void **state)
{
	(void)state;
	/* a chequerboard: one object per colour with diagonals, one per cell without */
	value cheq = J("{'grid': [[1, 2, 1], [2, 1, 2], [1, 2, 1]]}");
	assert_int_equal(ok("objects", 4, cheq, v_bool(true), v_bool(true), v_bool(false)).t->n, 2);
	assert_int_equal(ok("objects", 4, cheq, v_bool(true), v_bool(false), v_bool(false)).t->n, 9);
	assert_int_equal(ok("objects", 4, cheq, v_bool(false), v_bool(false), v_bool(false)).t->n, 1);
	/* the flags are truth values; without_bg drops the 1s (five cells), diagonals join the 2s */
	CALL_EQ("objects", "{\"frozenset\": [{\"object\": [[2, 0, 1], [2, 1, 0], [2, 1, 2], [2, 2, 1]]}]}",
	        cheq, v_int(7), v_int(-1), J("{'tuple': [{'int': 0}]}"));
	/* multicolour objects: the first cell in canonical order is the smallest colour */
	value multi = ok("objects", 4, J("{'grid': [[0, 5, 0], [0, 3, 3], [9, 0, 0]]}"), v_bool(false),
	                 v_bool(false), v_bool(true));
	CALL_EQ("colorfilter", "{\"frozenset\": [{\"object\": [[3, 1, 1], [3, 1, 2], [5, 0, 1]]}]}", multi, v_int(3));
	CALL_EQ("colorfilter", "{\"frozenset\": []}", multi, v_int(5));
	/* all background, one colour, no columns, no rows */
	value plain = random_grid(30, 30, 1, 10, 1);
	CALL_EQ("objects", "{\"frozenset\": []}", plain, v_bool(true), v_bool(true), v_bool(true));
	CALL_EQ("objects", "{\"frozenset\": []}", plain, v_bool(false), v_bool(false), v_bool(true));
	assert_int_equal(ok("objects", 4, plain, v_bool(true), v_bool(false), v_bool(false)).t->e[0].ob->n, 900);
	CALL_EQ("fgpartition", "{\"frozenset\": []}", plain);
	CALL_EQ("objects", "{\"frozenset\": []}", J("{'grid': [[], []]}"), v_bool(true), v_bool(true), v_bool(false));
	CALL_FAILS("objects", DSL_VALUE_ERROR, J("{'grid': [[], []]}"), v_bool(true), v_bool(true), v_bool(true));
	CALL_FAILS("objects", DSL_INDEX_ERROR, v_empty_tuple(), v_bool(true), v_bool(true), v_bool(false));
	CALL_FAILS("objects", DSL_TYPE_ERROR, J("{'indices': [[0, 0]]}"), v_bool(true), v_bool(true), v_bool(false));
	/* cells beyond the colours: a program may write -1 into a grid */
	CALL_EQ("objects", "{\"frozenset\": [{\"object\": [[-1, 0, 0]]}, {\"object\": [[127, 0, 1]]}]}",
	        J("{'grid': [[-1, 127]]}"), v_bool(true), v_bool(false), v_bool(false));
}

static void objects_limits(void **state)
{
	(void)state;
	/* a grid of 40000 rows has positions beyond int16 */
	grid *tall = grid_alloc(&tu_ctx, 40000, 1);
	memset(tall->cell, 1, 40000);
	tall->cell[0] = 2;
	CALL_FAILS("objects", DSL_OVERFLOW, v_grid(tall), v_bool(true), v_bool(false), v_bool(false));
	CALL_FAILS("partition", DSL_OVERFLOW, v_grid(tall));
	CALL_FAILS("asindices", DSL_OVERFLOW, v_grid(tall));
	CALL_FAILS("ofcolor", DSL_OVERFLOW, v_grid(tall), v_int(1));
	/* all background: nothing to place, so nothing overflows */
	CALL_EQ("fgpartition", "{\"frozenset\": []}", J("{'grid': [[4, 4], [4, 4]]}"));
	/* the search counts as work, so the step budget ends it */
	value big = random_grid(200, 200, 3, 5, 3);
	tu_ctx.steps = tu_ctx.next_clock = 0;
	tu_ctx.step_limit = 100;
	CALL_FAILS("objects", DSL_LIMIT_STEPS, big, v_bool(true), v_bool(true), v_bool(false));
	tu_ctx.step_limit = UINT64_MAX;
	/* and so does the arena */
	tu_ctx.mem_limit = arena_mark(&tu_mem) + 4096;
	CALL_FAILS("objects", DSL_LIMIT_MEMORY, big, v_bool(true), v_bool(true), v_bool(false));
	tu_ctx.mem_limit = tu_mem.cap;
}

static void partitions(void **state)
{
	(void)state;
	value g = random_grid(30, 30, 11, 4, 9);
	value part = OK1("partition", g), fg = OK1("fgpartition", g);
	value pal = OK1("palette", g);
	assert_int_equal(part.t->n, pal.t->n);
	assert_int_equal(fg.t->n, pal.t->n - 1);
	uint32_t cells = 0;
	for (uint32_t k = 0; k < part.t->n; k++) {
		value obj = part.t->e[k];
		/* one colour per object, ascending, and its cells are ofcolor's */
		assert_int_equal(cell_c(obj.ob->k[0]), pal.t->e[k].i);
		assert_int_equal(cell_c(obj.ob->k[obj.ob->n - 1]), pal.t->e[k].i);
		assert_true(val_eq(OK1("toindices", obj), OK2("ofcolor", g, pal.t->e[k])));
		cells += obj.ob->n;
	}
	assert_int_equal(cells, 900);
	value bg = OK1("mostcolor", g);
	assert_true(val_eq(fg, OK2("difference", part, OK2("colorfilter", part, bg))));
	CALL_EQ("partition", "{\"frozenset\": []}", J("{'grid': [[]]}"));
	CALL_FAILS("fgpartition", DSL_VALUE_ERROR, J("{'grid': [[]]}"));
	CALL_FAILS("partition", DSL_TYPE_ERROR, v_empty_set());
}

static void colours(void **state)
{
	(void)state;
	/* CPython's set order decides ties: {3, 8} iterates 8 first, {0, 8} inserted 0 first 0 */
	value obj38 = J("{'object': [[3, 0, 0], [8, 5, 5]]}");
	CALL_EQ("mostcolor", "{\"int\": 8}", obj38);
	CALL_EQ("leastcolor", "{\"int\": 8}", obj38);
	CALL_EQ("mostcolor", "{\"int\": 0}", J("{'object': [[0, 0, 0], [8, 5, 5]]}"));
	/* a doubly coloured position counts twice */
	CALL_EQ("mostcolor", "{\"int\": 2}", J("{'object': [[2, 0, 0], [2, 1, 1], [7, 0, 0]]}"));
	CALL_EQ("leastcolor", "{\"int\": 7}", J("{'object': [[2, 0, 0], [2, 1, 1], [7, 0, 0]]}"));
	/* Indices unpack as (row, column): their rows are counted */
	CALL_EQ("mostcolor", "{\"int\": -4}", J("{'indices': [[-4, 0], [-4, 9], [6, 6]]}"));
	CALL_EQ("colorcount", "{\"int\": 2}", J("{'indices': [[-4, 0], [-4, 9], [6, 6]]}"), v_int(-4));
	CALL_FAILS("mostcolor", DSL_VALUE_ERROR, v_empty_set());
	CALL_FAILS("leastcolor", DSL_VALUE_ERROR, J("{'grid': [[], []]}"));
	/* a 30x30 grid: the counts agree with colorcount, and 5 wins with the most cells */
	value g = random_grid(30, 30, 4, 0, 9);
	grid *m = grid_alloc(&tu_ctx, 30, 30);
	memcpy(m->cell, g.g->cell, 900);
	memset(m->cell + 300, 5, 400);
	value g5 = v_grid(m);
	CALL_EQ("mostcolor", "{\"int\": 5}", g5);
	int32_t total = 0;
	for (int x = -1; x <= 10; x++)
		total += OK2("colorcount", g5, v_int(x)).i;
	assert_int_equal(total, 900);
	/* colours compare as Python does: True is 1, a tuple or an int beyond int8 is nothing */
	CALL_EQ("colorcount", "{\"int\": 2}", J("{'grid': [[1, 0], [0, 1]]}"), v_bool(true));
	CALL_EQ("colorcount", "{\"int\": 0}", J("{'grid': [[1, 0], [0, 1]]}"), v_int(257));
	CALL_EQ("colorcount", "{\"int\": 0}", J("{'grid': [[1, 0], [0, 1]]}"), v_pair(1, 0));
	CALL_EQ("colorcount", "{\"int\": 0}", v_empty_set(), v_int(0));
	/* tuples that are no grids: rows of other lengths or values */
	value ragged = J("{'tuple': [{'tuple': [{'int': 1}, {'int': 1}, {'int': 300}]}, {'vec': [300, 300]}]}");
	CALL_EQ("mostcolor", "{\"int\": 300}", ragged);
	CALL_EQ("leastcolor", "{\"int\": 1}", ragged);
	CALL_EQ("colorcount", "{\"int\": 3}", ragged, v_int(300));
	CALL_FAILS("colorcount", DSL_ATTRIBUTE_ERROR, J("{'tuple': [{'int': 1}, {'tuple': []}]}"), v_int(1));
	CALL_FAILS("mostcolor", DSL_TYPE_ERROR, v_pair(1, 2));
	CALL_FAILS("mostcolor", DSL_TYPE_ERROR, v_int(3));
	/* a set of other pairs: its elements unpack as (v, _) */
	value sets = J("{'frozenset': [{'tuple': [{'int': 1}, {'tuple': []}]}, {'tuple': [{'int': 2}, {'int': 2}]}, "
	               "{'grid': [[7], [8]]}]}");
	CALL_EQ("colorcount", "{\"int\": 1}", sets, v_int(2));
	CALL_FAILS("mostcolor", DSL_VALUE_ERROR, J("{'frozenset': [{'tuple': [{'int': 1}, {'int': 2}, {'int': 3}]}]}"));
}

static void filters(void **state)
{
	(void)state;
	value objs = J("{'frozenset': [{'object': [[1, 0, 0]]}, {'object': [[2, 0, 1], [2, 0, 2]]}, "
	               "{'indices': [[1, 5]]}, {'frozenset': []}]}");
	/* an Indices' colour is its first row; an empty member fails */
	CALL_FAILS("colorfilter", DSL_RUNTIME_ERROR, objs, v_int(1));
	value nonempty = OK2("remove", v_empty_set(), objs);
	CALL_EQ("colorfilter", "{\"frozenset\": [{\"object\": [[1, 0, 0]]}, {\"indices\": [[1, 5]]}]}", nonempty,
	        v_bool(true));
	CALL_EQ("colorfilter", "{\"frozenset\": []}", v_empty_set(), v_int(1));
	/* a tuple of objects gives a set: duplicates merge */
	CALL_EQ("colorfilter", "{\"frozenset\": [{\"object\": [[1, 0, 0]]}]}",
	        J("{'tuple': [{'object': [[1, 0, 0]]}, {'object': [[1, 0, 0]]}]}"), v_int(1));
	CALL_FAILS("colorfilter", DSL_TYPE_ERROR, J("{'object': [[1, 0, 0]]}"), v_int(1));
	CALL_FAILS("colorfilter", DSL_TYPE_ERROR, v_int(1), v_int(1));
	/* sizefilter: the empty set has size 0; a grid's rows have its width */
	CALL_EQ("sizefilter", "{\"frozenset\": [{\"frozenset\": []}]}", objs, v_int(0));
	CALL_EQ("sizefilter", "{\"frozenset\": [{\"object\": [[2, 0, 1], [2, 0, 2]]}]}", objs, v_int(2));
	CALL_EQ("sizefilter", "{\"frozenset\": [{\"vec\": [1, 2]}, {\"vec\": [3, 3]}]}",
	        J("{'grid': [[1, 2], [3, 3], [1, 2]]}"), v_int(2));
	CALL_EQ("sizefilter", "{\"frozenset\": []}", objs, v_pair(0, 0));
	/* what is left of a set of other values can be Indices */
	CALL_EQ("sizefilter", "{\"indices\": [[1, 2]]}",
	        J("{'frozenset': [{'vec': [1, 2]}, {'tuple': [{'int': 1}, {'int': 2}, {'int': 3}]}]}"), v_int(2));
	CALL_FAILS("sizefilter", DSL_TYPE_ERROR, J("{'tuple': [{'int': 1}, {'vec': [1, 2]}]}"), v_int(2));
}

static void sizes(void **state)
{
	(void)state;
	value dbl = J("{'object': [[1, -5, -5], [9, -5, -5], [2, -4, -4]]}");
	CALL_EQ("shape", "{\"vec\": [2, 2]}", dbl);
	CALL_EQ("portrait", "{\"bool\": false}", dbl);
	/* two colours at one position: one element too many for a filled square */
	CALL_EQ("square", "{\"bool\": false}", J("{'object': [[1, 0, 0], [2, 0, 0]]}"));
	CALL_EQ("vline", "{\"bool\": false}", J("{'object': [[1, 0, 0], [2, 0, 0]]}"));
	CALL_EQ("square", "{\"bool\": true}", J("{'object': [[1, 0, 0], [2, 0, 1], [1, 1, 0], [1, 1, 1]]}"));
	CALL_EQ("square", "{\"bool\": true}", v_empty_set());
	CALL_EQ("vline", "{\"bool\": false}", v_empty_set());
	CALL_EQ("hline", "{\"bool\": false}", v_empty_set());
	CALL_EQ("vline", "{\"bool\": true}", J("{'indices': [[-32768, 3], [-32767, 3]]}"));
	CALL_EQ("hline", "{\"bool\": true}", J("{'indices': [[0, -2], [0, -1], [0, 0]]}"));
	CALL_EQ("hline", "{\"bool\": false}", J("{'indices': [[0, -2], [0, 0]]}"));
	/* the widest patch there is */
	value wide = J("{'indices': [[0, -32768], [0, 32767]]}");
	CALL_EQ("shape", "{\"vec\": [1, 65536]}", wide);
	value g = random_grid(30, 7, 2, 5, 3);
	CALL_EQ("shape", "{\"vec\": [30, 7]}", g);
	CALL_EQ("portrait", "{\"bool\": true}", g);
	CALL_EQ("square", "{\"bool\": false}", g);
	CALL_EQ("vline", "{\"bool\": true}", random_grid(30, 1, 2, 5, 3));
	/* tuples that are no grids: the length of the first element */
	value t = J("{'tuple': [{'tuple': [{'int': 1}, {'int': 2}, {'int': 3}]}, {'int': 5}, {'frozenset': []}]}");
	CALL_EQ("shape", "{\"vec\": [3, 3]}", t);
	CALL_EQ("square", "{\"bool\": true}", t);
	CALL_EQ("height", "{\"int\": 2}", v_pair(7, 8));
	CALL_FAILS("width", DSL_TYPE_ERROR, v_pair(7, 8));
	CALL_FAILS("square", DSL_INDEX_ERROR, v_empty_tuple());
	CALL_FAILS("height", DSL_TYPE_ERROR, v_int(4));
	CALL_FAILS("width", DSL_TYPE_ERROR, J("{'frozenset': [{'int': 1}]}"));
}

static void corners_and_extremes(void **state)
{
	(void)state;
	value dbl = J("{'object': [[1, -5, 7], [9, -5, 7], [2, 3, -8]]}");
	CALL_EQ("ulcorner", "{\"vec\": [-5, -8]}", dbl);
	CALL_EQ("urcorner", "{\"vec\": [-5, 7]}", dbl);
	CALL_EQ("llcorner", "{\"vec\": [3, -8]}", dbl);
	CALL_EQ("lrcorner", "{\"vec\": [3, 7]}", dbl);
	CALL_EQ("lrcorner", "{\"tuple\": []}", v_empty_set());
	CALL_EQ("uppermost", "{\"int\": -5}", dbl);
	CALL_EQ("lowermost", "{\"int\": 3}", dbl);
	CALL_EQ("leftmost", "{\"int\": -8}", dbl);
	CALL_EQ("rightmost", "{\"int\": 7}", dbl);
	CALL_FAILS("rightmost", DSL_VALUE_ERROR, v_empty_set());
	/* a grid of two columns is a tuple of positions: zip(*patch) reads its columns */
	CALL_EQ("ulcorner", "{\"vec\": [2, 1]}", V("{\"grid\": [[3, 1], [2, 4]]}"));
	CALL_FAILS("ulcorner", DSL_VALUE_ERROR, random_grid(2, 3, 1, 5, 2));
	/* hmatching/vmatching over rows and columns far apart */
	value far = J("{'indices': [[-32768, 32767], [32767, -32768]]}");
	CALL_EQ("hmatching", "{\"bool\": true}", J("{'object': [[4, 32767, 0]]}"), far);
	CALL_EQ("vmatching", "{\"bool\": true}", J("{'object': [[4, 0, -32768]]}"), far);
	CALL_EQ("vmatching", "{\"bool\": false}", J("{'object': [[4, 0, -32767]]}"), far);
	CALL_EQ("hmatching", "{\"bool\": false}", far, v_empty_set());
	CALL_FAILS("hmatching", DSL_TYPE_ERROR, v_empty_set(), v_pair(1, 1));
}

static void crops(void **state)
{
	(void)state;
	value g = random_grid(30, 30, 9, 3, 9);
	value c = ok("crop", 3, g, v_pair(28, 27), v_pair(5, 5), v_none());
	assert_int_equal(c.g->h, 2);
	assert_int_equal(c.g->w, 3);
	assert_int_equal(c.g->cell[5], g.g->cell[29 * 30 + 29]);
	/* negative starts count from the end, as slices do */
	value neg = ok("crop", 3, g, v_pair(-3, -3), v_pair(2, 2), v_none());
	assert_int_equal(neg.g->h, 2);
	assert_int_equal(neg.g->w, 2);
	assert_int_equal(neg.g->cell[3], g.g->cell[28 * 30 + 28]);
	CALL_EQ("crop", "{\"tuple\": []}", g, v_pair(-2, 0), v_pair(2, 5));
	CALL_EQ("crop", "{\"grid\": [[], []]}", g, v_pair(0, -2), v_pair(2, 9));
	CALL_EQ("crop", "{\"tuple\": []}", g, v_pair(30, 0), v_pair(1, 1));
	CALL_EQ("crop", "{\"grid\": [[], []]}", g, v_pair(0, 30), v_pair(2, 4));
	/* no row survives: the columns are never read */
	CALL_EQ("crop", "{\"tuple\": []}", g, J("{'tuple': [{'int': 40}, {'tuple': []}]}"), v_pair(1, 1));
	CALL_FAILS("crop", DSL_TYPE_ERROR, g, J("{'tuple': [{'int': 0}, {'tuple': []}]}"), v_pair(1, 1));
	CALL_FAILS("crop", DSL_INDEX_ERROR, g, J("{'tuple': [{'int': 0}]}"), v_pair(1, 1));
	CALL_FAILS("crop", DSL_TYPE_ERROR, g, v_pair(0, 0), v_empty_set());
	CALL_EQ("crop", "{\"grid\": [[5]]}", J("{'grid': [[5, 6]]}"), v_pair(0, INT32_MIN), v_pair(INT32_MAX, INT32_MAX));
}

static void indices_of_grids(void **state)
{
	(void)state;
	value g = random_grid(30, 30, 12, 4, 5);
	value all = OK1("asindices", g);
	assert_int_equal(all.ix->n, 900);
	assert_int_equal(all.ix->k[899], pos_key(29, 29));
	uint32_t total = 0;
	for (int x = 0; x <= 5; x++) {
		value ix = OK2("ofcolor", g, v_int(x));
		total += ix.kind == VK_IDX ? ix.ix->n : 0;
		assert_int_equal(ix.kind == VK_IDX ? (int32_t)ix.ix->n : 0, OK2("colorcount", g, v_int(x)).i);
	}
	assert_int_equal(total, 900);
	CALL_EQ("ofcolor", "{\"frozenset\": []}", g, v_int(1000));
	/* an empty result gives its room back to the arena */
	size_t before = arena_mark(&tu_mem);
	CALL_EQ("ofcolor", "{\"frozenset\": []}", g, v_int(7));
	assert_true(arena_mark(&tu_mem) - before < 64);
	CALL_EQ("asindices", "{\"frozenset\": []}", J("{'grid': [[], []]}"));
	/* tuples that are no grids: len(grid[0]) columns for every row */
	value ragged = J("{'tuple': [{'tuple': [{'int': 1}, {'int': 300}, {'int': 1}]}, {'vec': [1, 5]}]}");
	CALL_EQ("asindices", "{\"indices\": [[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2]]}", ragged);
	CALL_EQ("ofcolor", "{\"indices\": [[0, 0], [0, 2], [1, 0]]}", ragged, v_bool(true));
	CALL_EQ("asindices", "{\"frozenset\": []}", v_empty_set());
	CALL_FAILS("asindices", DSL_TYPE_ERROR, v_pair(1, 2));
	CALL_FAILS("asindices", DSL_TYPE_ERROR, J("{'indices': [[0, 0]]}"));
	CALL_FAILS("ofcolor", DSL_TYPE_ERROR, v_pair(1, 2), v_int(1));
}

static void patches(void **state)
{
	(void)state;
	value dbl = J("{'object': [[1, -5, 7], [9, -5, 7], [2, 3, -8]]}");
	CALL_EQ("toindices", "{\"indices\": [[-5, 7], [3, -8]]}", dbl);
	CALL_EQ("recolor", "{\"object\": [[4, -5, 7], [4, 3, -8]]}", v_int(4), dbl);
	CALL_EQ("recolor", "{\"frozenset\": []}", v_int(4), v_empty_set());
	/* a colour beyond int16 cannot be held by a cell; a tuple makes other tuples */
	CALL_FAILS("recolor", DSL_OVERFLOW, v_int(40000), dbl);
	CALL_EQ("recolor", "{\"frozenset\": [{\"grid\": [[1, 2], [0, 0]]}]}", v_pair(1, 2), J("{'indices': [[0, 0]]}"));
	/* toindices of a tuple: pairs of (value, index) give the indices, others the tuple */
	CALL_EQ("toindices", "{\"indices\": [[2, 3]]}", J("{'tuple': [{'cell': [1, 2, 3]}, {'cell': [4, 2, 3]}]}"));
	CALL_EQ("toindices", "{\"grid\": [[1, 2]]}", J("{'tuple': [{'vec': [1, 2]}]}"));
	CALL_EQ("toindices", "{\"frozenset\": []}", v_empty_tuple());
	CALL_FAILS("toindices", DSL_VALUE_ERROR, J("{'tuple': [{'cell': [1, 2, 3]}, {'tuple': [{'int': 1}]}]}"));
	CALL_FAILS("toindices", DSL_TYPE_ERROR, J("{'tuple': [{'cell': [1, 2, 3]}, {'int': 1}]}"));
	CALL_FAILS("toindices", DSL_INDEX_ERROR, J("{'tuple': [{'tuple': [{'int': 1}]}]}"));
	CALL_FAILS("toindices", DSL_TYPE_ERROR, v_int(1));
}

static void shifts(void **state)
{
	(void)state;
	value obj = J("{'object': [[1, 0, 5], [1, 2, 0], [3, 1, 1]]}");
	CALL_EQ("shift", "{\"object\": [[1, -7, 0], [1, -5, -5], [3, -6, -4]]}", obj, v_pair(-7, -5));
	CALL_EQ("shift", "{\"object\": [[1, -7, 0], [1, -5, -5], [3, -6, -4]]}", obj,
	        J("{'frozenset': [{'int': -7}, {'int': -5}]}"));
	CALL_EQ("normalize", "{\"object\": [[1, 0, 5], [1, 2, 0], [3, 1, 1]]}",
	        OK2("shift", obj, v_pair(-7, -5)));
	/* to the very edges of int16, and one beyond */
	value ix = J("{'indices': [[0, 0], [3, 1]]}");
	CALL_EQ("shift", "{\"indices\": [[32764, -32768], [32767, -32767]]}", ix, v_pair(32764, -32768));
	CALL_FAILS("shift", DSL_OVERFLOW, ix, v_pair(32765, 0));
	CALL_FAILS("shift", DSL_OVERFLOW, ix, v_pair(0, -32769));
	CALL_FAILS("shift", DSL_OVERFLOW, obj, v_pair(INT32_MIN, 0));
	CALL_FAILS("normalize", DSL_OVERFLOW, J("{'indices': [[-30000, 0], [30000, 0]]}"));
	/* empty containers come back as they are, whatever the offset */
	CALL_EQ("shift", "{\"frozenset\": []}", v_empty_set(), v_int(5));
	CALL_EQ("shift", "{\"tuple\": []}", v_empty_tuple(), v_none());
	CALL_EQ("normalize", "{\"tuple\": []}", v_empty_tuple());
	CALL_FAILS("shift", DSL_VALUE_ERROR, ix, J("{'tuple': [{'int': 1}, {'int': 2}, {'int': 3}]}"));
	CALL_FAILS("shift", DSL_TYPE_ERROR, ix, v_int(1));
	CALL_FAILS("shift", DSL_TYPE_ERROR, v_int(1), v_pair(1, 1));
	/* ((1, 2),) is a tuple of one position: shifted to the origin, as a frozenset */
	CALL_EQ("normalize", "{\"indices\": [[0, 0]]}", J("{'tuple': [{'vec': [1, 2]}]}"));
	CALL_FAILS("normalize", DSL_TYPE_ERROR, J("{'tuple': [{'int': 1}, {'vec': [1, 2]}]}"));
	/* a shifted 30x30 object keeps its order */
	value big = OK1("asobject", random_grid(30, 30, 5, 3, 4));
	value moved = OK2("shift", big, v_pair(-15, 3));
	assert_true(val_eq(OK1("normalize", moved), OK1("normalize", big)));
	for (uint32_t k = 1; k < moved.ob->n; k++)
		assert_true(moved.ob->k[k - 1] < moved.ob->k[k]);
}

static void neighbourhoods(void **state)
{
	(void)state;
	CALL_EQ("dneighbors", "{\"indices\": [[-1, 0], [0, -1], [0, 1], [1, 0]]}", v_pair(0, 0));
	CALL_EQ("ineighbors", "{\"indices\": [[-1, -1], [-1, 1], [1, -1], [1, 1]]}", v_pair(0, 0));
	value n = OK1("neighbors", v_pair(-32767, 32766));
	assert_int_equal(n.ix->n, 8);
	assert_int_equal(n.ix->k[0], pos_key(-32768, 32765));
	assert_int_equal(n.ix->k[7], pos_key(-32766, 32767));
	CALL_FAILS("neighbors", DSL_OVERFLOW, v_pair(-32768, 0));
	CALL_FAILS("dneighbors", DSL_OVERFLOW, v_pair(0, 32767));
	/* only loc[0] and loc[1] are read */
	CALL_EQ("dneighbors", "{\"indices\": [[0, 1], [1, 0], [1, 2], [2, 1]]}",
	        J("{'tuple': [{'int': 1}, {'bool': true}, {'tuple': []}]}"));
	CALL_FAILS("dneighbors", DSL_INDEX_ERROR, J("{'tuple': [{'int': 1}]}"));
	CALL_FAILS("ineighbors", DSL_TYPE_ERROR, J("{'indices': [[0, 0], [1, 1]]}"));
	CALL_FAILS("neighbors", DSL_TYPE_ERROR, J("{'grid': [[1, 2], [3, 4]]}"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(objects_match_reference, fresh),
		cmocka_unit_test_setup(objects_edges, fresh),
		cmocka_unit_test_setup(objects_limits, fresh),
		cmocka_unit_test_setup(partitions, fresh),
		cmocka_unit_test_setup(colours, fresh),
		cmocka_unit_test_setup(filters, fresh),
		cmocka_unit_test_setup(sizes, fresh),
		cmocka_unit_test_setup(corners_and_extremes, fresh),
		cmocka_unit_test_setup(crops, fresh),
		cmocka_unit_test_setup(indices_of_grids, fresh),
		cmocka_unit_test_setup(patches, fresh),
		cmocka_unit_test_setup(shifts, fresh),
		cmocka_unit_test_setup(neighbourhoods, fresh),
	};
	return cmocka_run_group_tests(tests, tu_setup, tu_teardown);
}
