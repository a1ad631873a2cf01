/* prims_lines_grid.c — the arc-dsl primitives of DSL.md 6.5 that scan grids: halves and trim,
 * cover and move (with mostcolor's background), occurrences, uniform rows and columns. The
 * position and patch primitives of the family are in prims_lines.c. */
#include <string.h>

#include "patch.h"
#include "prims.h"

/* ---- arguments and scratch ---- */

static void check_coords(dsl_ctx *c, int64_t i0, int64_t j0, int64_t i1, int64_t j1)
{
	if (!coord_ok(i0) || !coord_ok(j0) || !coord_ok(i1) || !coord_ok(j1))
		dsl_fail(c, DSL_OVERFLOW, "position out of range");
}

/* Scratch of n bytes: buf when it is large enough, else arena memory (dropped with the
 * evaluation's arena). */
static uint8_t *scratch(dsl_ctx *c, uint8_t *buf, size_t cap, size_t n)
{
	return n <= cap ? buf : dsl_alloc(c, n ? n : 1);
}

static uint64_t load8(const int8_t *p)
{
	uint64_t x;
	memcpy(&x, p, 8);
	return x;
}

/* ---- halves and trim ---- */

/* Rows a..b-1 of a grid (a <= b <= h). */
static value grid_rows(dsl_ctx *c, const grid *g, size_t a, size_t b)
{
	if (a >= b)
		return v_empty_tuple();
	grid *o = grid_alloc(c, (int64_t)(b - a), g->w);
	memcpy(o->cell, g->cell + a * g->w, (b - a) * g->w);
	return v_grid(o);
}

/* Columns a..a+n-1 of every row of a grid (n >= 1). */
static value grid_cols(dsl_ctx *c, const grid *g, size_t a, size_t n)
{
	grid *o = grid_alloc(c, g->h, (int64_t)n);
	for (size_t r = 0; r < g->h; r++)
		memcpy(o->cell + r * n, g->cell + r * g->w + a, n);
	return v_grid(o);
}

/* v[a:b] (0 <= a, b clamped to the length) of a tuple that is not a grid: the slow path for
 * tuples of other values, which dsl.py slices just the same. */
static value slice_tuple(dsl_ctx *c, value v, size_t a, size_t b)
{
	size_t n;
	value *e = cont_items(c, v, &n);
	b = b < n ? b : n;
	a = a < b ? a : b;
	return tuple_make(c, e + a, b - a);
}

/* tophalf: v[:n // 2]; bottomhalf: v[n // 2 + n % 2:]. */
static value half_rows(dsl_ctx *c, value v, bool bottom)
{
	if (v.kind != VK_GRID && v.kind != VK_PAIR && v.kind != VK_TUPLE)
		dsl_fail(c, DSL_TYPE_ERROR, "object is not subscriptable");
	size_t n = cont_len(c, v), a = bottom ? n / 2 + n % 2 : 0, b = bottom ? n : n / 2;
	return v.kind == VK_GRID ? grid_rows(c, v.g, a, b) : slice_tuple(c, v, a, b);
}

value prim_tophalf(dsl_ctx *c, const value *args) { return half_rows(c, args[0], false); }
value prim_bottomhalf(dsl_ctx *c, const value *args) { return half_rows(c, args[0], true); }

/* lefthalf = rot270(tophalf(rot90(g))): the first W // 2 columns; no column left gives (),
 * because the rotations drop a grid without columns. righthalf likewise takes the last. */
static value half_cols(dsl_ctx *c, value v, bool right)
{
	const grid *g = grid_arg(c, v);
	size_t n = g->w / 2u;
	if (!n)
		return v_empty_tuple();
	return grid_cols(c, g, right ? g->w - n : 0, n);
}

value prim_lefthalf(dsl_ctx *c, const value *args) { return half_cols(c, args[0], false); }
value prim_righthalf(dsl_ctx *c, const value *args) { return half_cols(c, args[0], true); }

/* r[1:-1] of one element of a tuple being trimmed. */
static value trim_elem(dsl_ctx *c, value r)
{
	if (r.kind != VK_GRID && r.kind != VK_PAIR && r.kind != VK_TUPLE)
		dsl_fail(c, DSL_TYPE_ERROR, "object is not subscriptable");
	size_t n = cont_len(c, r);
	if (n <= 2)
		return v_empty_tuple();
	return r.kind == VK_GRID ? grid_rows(c, r.g, 1, n - 1) : slice_tuple(c, r, 1, n - 1);
}

/* tuple(r[1:-1] for r in grid[1:-1]) */
value prim_trim(dsl_ctx *c, const value *args)
{
	value v = args[0];
	if (v.kind == VK_GRID) {
		const grid *g = v.g;
		if (g->h <= 2)
			return v_empty_tuple();
		size_t w = g->w > 2 ? g->w - 2u : 0;
		grid *o = grid_alloc(c, g->h - 2, (int64_t)w);
		for (size_t r = 0; r + 2 < g->h; r++)
			memcpy(o->cell + r * w, g->cell + (r + 1) * g->w + 1, w);
		return v_grid(o);
	}
	if (v.kind != VK_PAIR && v.kind != VK_TUPLE)
		dsl_fail(c, DSL_TYPE_ERROR, "object is not subscriptable");
	size_t n;
	value *e = cont_items(c, v, &n);
	if (n <= 2)
		return v_empty_tuple();
	for (size_t k = 1; k + 1 < n; k++)
		e[k] = trim_elem(c, e[k]);
	return tuple_make(c, e + 1, n - 2);
}

/* ---- cover and move ---- */

static grid *grid_copy(dsl_ctx *c, const grid *g)
{
	grid *o = grid_alloc(c, g->h, g->w);
	memcpy(o->cell, g->cell, (size_t)g->h * g->w);
	return o;
}

/* fill(o, colour, toindices(p)): positions outside the grid are ignored. */
static void fill_patch(grid *o, const patch *p, int colour)
{
	for (uint32_t k = 0; k < p->n; k++) {
		uint32_t q = patch_pos(p, k);
		int i = pos_i(q), j = pos_j(q);
		if (i >= 0 && i < o->h && j >= 0 && j < o->w)
			o->cell[(size_t)i * o->w + j] = (int8_t)colour;
	}
}

value prim_cover(dsl_ctx *c, const value *args)
{
	const grid *g = grid_arg(c, args[0]);
	int bg = grid_color_extreme(c, g, true);
	patch p = patch_view(c, args[1], PATCH_SEQ | PATCH_ROWS); /* fill's reading of toindices */
	patch_rows_clear(c, &p, g->h);
	grid *o = grid_copy(c, g);
	fill_patch(o, &p, bg);
	return v_grid(o);
}

/* paint(o, shift(obj, (di, dj))) in canonical order, so at a doubly coloured position the
 * largest colour is written last and wins. A colour beyond int8 fails only if it is what a
 * cell ends up holding: colours are ascending, so those below int8 come first and are
 * remembered in `low` until a later write covers them. */
static void paint_shifted(dsl_ctx *c, grid *o, const patch *p, int64_t di, int64_t dj)
{
	uint8_t *low = NULL;
	size_t pending = 0, w = o->w;
	for (uint32_t k = 0; k < p->n; k++) {
		uint64_t key = p->ob[k];
		int64_t i = pos_i(cell_pos(key)) + di, j = pos_j(cell_pos(key)) + dj;
		if (i < 0 || i >= o->h || j < 0 || j >= (int64_t)w)
			continue;
		size_t at = (size_t)i * w + (size_t)j;
		int colour = cell_c(key);
		if (colour > INT8_MAX)
			dsl_fail(c, DSL_OVERFLOW, "grid cell %d out of range", colour);
		if (colour < INT8_MIN) {
			if (!low) {
				low = dsl_alloc(c, (size_t)o->h * w);
				memset(low, 0, (size_t)o->h * w);
			}
			pending += !low[at];
			low[at] = 1;
			continue;
		}
		if (low && low[at]) {
			low[at] = 0;
			pending--;
		}
		o->cell[at] = (int8_t)colour;
	}
	if (pending)
		dsl_fail(c, DSL_OVERFLOW, "grid cell out of range");
}

/* paint(cover(grid, obj), shift(obj, offset)). An empty object leaves the grid as it is
 * without looking at offset; non-empty Indices fail in paint. */
value prim_move(dsl_ctx *c, const value *args)
{
	const grid *g = grid_arg(c, args[0]);
	int bg = grid_color_extreme(c, g, true);
	patch p = patch_arg(c, args[1]);
	grid *o = grid_copy(c, g);
	if (!p.n)
		return v_grid(o);
	int64_t di, dj;
	pair_arg(c, args[2], &di, &dj);
	if (p.kind != PATCH_OBJ)
		dsl_fail(c, DSL_TYPE_ERROR, "cannot unpack non-iterable int object");
	fill_patch(o, &p, bg);
	paint_shifted(c, o, &p, di, dj);
	return v_grid(o);
}

/* ---- occurrences ---- */

/* Offsets (i, j) where every cell of normalize(obj) lies on its colour in the grid; the
 * offsets are scanned row-major, so the result is sorted. An empty object fits everywhere
 * in 0..H x 0..W; non-empty Indices fail when the first offset is tried, as in dsl.py. The
 * offsets range over shape(obj), which for a tuple is (len, 2) whatever its bounding box:
 * offsets that put a cell of the box outside the grid fit nowhere. */
value prim_occurrences(dsl_ctx *c, const value *args)
{
	patch p = patch_arg(c, args[1]);
	const grid *g = grid_arg(c, args[0]);
	if (!g->h)
		dsl_fail(c, DSL_INDEX_ERROR, "tuple index out of range");
	int64_t H = g->h, W = g->w, oh = 0, ow = 0, bh = 0, bw = 0;
	bbox b = {0, 0, 0, 0};
	if (p.n) {
		b = patch_bbox(c, p);
		oh = bh = b.bottom - b.top + 1;
		ow = bw = b.right - b.left + 1;
		if (is_tuple(args[1]))
			piece_dims(c, args[1], &oh, &ow);
	}
	int64_t h2 = H - oh + 1, w2 = W - ow + 1;
	if (h2 <= 0 || w2 <= 0)
		return v_empty_set();
	if (p.kind == PATCH_IDX)
		dsl_fail(c, DSL_TYPE_ERROR, "cannot unpack non-iterable int object");
	h2 = h2 < H - bh + 1 ? h2 : H - bh + 1;
	w2 = w2 < W - bw + 1 ? w2 : W - bw + 1;
	if (h2 <= 0 || w2 <= 0)
		return v_empty_set();
	if (!p.n) {
		check_coords(c, H, W, 0, 0);
		idxset *s = idx_alloc(c, (size_t)(h2 * w2));
		dsl_work(c, (uint64_t)(h2 * w2) / 64);
		for (int i = 0; i <= H; i++)
			for (int j = 0; j <= W; j++)
				s->k[s->n++] = pos_key(i, j);
		return idx_finish(c, s, true);
	}
	for (uint32_t k = 0; k < p.n; k++)
		if (cell_c(p.ob[k]) < INT8_MIN || cell_c(p.ob[k]) > INT8_MAX)
			return v_empty_set(); /* no grid cell holds that colour */
	idxset *s = idx_alloc(c, (size_t)(h2 * w2));
	size_t mark = arena_mark(c->mem);
	uint32_t *off = dsl_alloc(c, p.n * sizeof *off);
	int8_t *col = dsl_alloc(c, p.n);
	for (uint32_t k = 0; k < p.n; k++) {
		uint32_t q = cell_pos(p.ob[k]);
		off[k] = (uint32_t)((pos_i(q) - b.top) * W + (pos_j(q) - b.left));
		col[k] = (int8_t)cell_c(p.ob[k]);
	}
	uint32_t n = 0;
	for (int64_t i = 0; i < h2; i++) {
		uint64_t checks = 0;
		for (int64_t j = 0; j < w2; j++) {
			const int8_t *at = g->cell + i * W + j;
			uint32_t k = 0;
			while (k < p.n && at[off[k]] == col[k])
				k++;
			checks += k + 1;
			if (checks >= (uint64_t)64 << 12) /* a long row of a large patch: as it goes */
				dsl_work(c, checks / 64), checks %= 64;
			if (k < p.n)
				continue;
			if (i > COORD_MAX || j > COORD_MAX)
				dsl_fail(c, DSL_OVERFLOW, "position out of range");
			s->k[n++] = pos_key((int)i, (int)j);
		}
		dsl_work(c, 1 + checks / 64);
	}
	arena_reset(c->mem, mark);
	s->n = n;
	return idx_finish(c, s, true);
}

/* ---- uniform rows and columns ---- */

/* Flags for the rows and columns of g that hold a single colour (len(set(line)) == 1), eight
 * cells at a time: cols first collects, per column, the bits in which some row differs from
 * row 0; a row is uniform when no cell differs from its first. */
static void uniform_lines(const grid *g, uint8_t *rows, uint8_t *cols)
{
	size_t h = g->h, w = g->w;
	const int8_t *first = g->cell;
	memset(cols, 0, w);
	for (size_t i = 0; i < h; i++) {
		const int8_t *r = g->cell + i * w;
		uint64_t diff = 0, all = 0x0101010101010101u * (uint8_t)r[0];
		size_t j = 0;
		for (; j + 8 <= w; j += 8) {
			uint64_t x = load8(r + j), d;
			memcpy(&d, cols + j, 8);
			d |= x ^ load8(first + j);
			memcpy(cols + j, &d, 8);
			diff |= x ^ all;
		}
		for (; j < w; j++) {
			cols[j] |= (uint8_t)(r[j] ^ first[j]);
			diff |= (uint8_t)(r[j] ^ r[0]);
		}
		rows[i] = w > 0 && !diff;
	}
	for (size_t j = 0; j < w; j++)
		cols[j] = !cols[j];
}

/* The set of uniform rows and columns as Objects; set_make orders and merges them (a 1x1
 * grid's row and column are one object). */
value prim_frontiers(dsl_ctx *c, const value *args)
{
	const grid *g = grid_arg(c, args[0]);
	if (!g->h)
		dsl_fail(c, DSL_INDEX_ERROR, "tuple index out of range");
	size_t h = g->h, w = g->w;
	uint8_t rbuf[256], cbuf[256];
	uint8_t *rows = scratch(c, rbuf, sizeof rbuf, h), *cols = scratch(c, cbuf, sizeof cbuf, w);
	dsl_work(c, h * w / 64);
	uniform_lines(g, rows, cols);
	size_t n = 0;
	for (size_t i = 0; i < h; i++)
		n += rows[i];
	for (size_t j = 0; j < w; j++)
		n += cols[j];
	value *e = dsl_alloc(c, (n ? n : 1) * sizeof *e);
	n = 0;
	for (size_t i = 0; i < h; i++) {
		if (!rows[i])
			continue;
		check_coords(c, (int64_t)i, (int64_t)w - 1, 0, 0);
		objset *o = obj_alloc(c, w);
		for (size_t j = 0; j < w; j++)
			o->k[j] = cell_key(g->cell[i * w], (int)i, (int)j);
		o->n = (uint32_t)w;
		e[n++] = obj_finish(c, o, true);
	}
	for (size_t j = 0; j < w; j++) {
		if (!cols[j])
			continue;
		check_coords(c, (int64_t)h - 1, (int64_t)j, 0, 0);
		objset *o = obj_alloc(c, h);
		for (size_t i = 0; i < h; i++)
			o->k[i] = cell_key(g->cell[j], (int)i, (int)j);
		o->n = (uint32_t)h;
		e[n++] = obj_finish(c, o, true);
	}
	return set_make(c, e, n);
}

/* The grid without its uniform rows and columns, all removed at once. */
value prim_compress(dsl_ctx *c, const value *args)
{
	const grid *g = grid_arg(c, args[0]);
	size_t h = g->h, w = g->w;
	if (!h)
		return v_empty_tuple();
	uint8_t rbuf[256], cbuf[256];
	uint8_t *rows = scratch(c, rbuf, sizeof rbuf, h), *cols = scratch(c, cbuf, sizeof cbuf, w);
	dsl_work(c, h * w / 64);
	uniform_lines(g, rows, cols);
	size_t nh = 0, nw = 0;
	for (size_t i = 0; i < h; i++)
		nh += !rows[i];
	for (size_t j = 0; j < w; j++)
		nw += !cols[j];
	if (!nh)
		return v_empty_tuple();
	/* the kept columns as runs (start, length), copied with one memcpy each per row */
	uint32_t runbuf[128];
	uint32_t *run = (uint32_t *)scratch(c, (uint8_t *)runbuf, sizeof runbuf, (w + 1) / 2 * sizeof *run);
	size_t nrun = 0;
	for (size_t j = 0; j < w; j++)
		if (!cols[j]) {
			if (nrun && (run[nrun - 1] >> 16) + (run[nrun - 1] & 0xffff) == j)
				run[nrun - 1]++;
			else
				run[nrun++] = (uint32_t)j << 16 | 1;
		}
	grid *o = grid_alloc(c, (int64_t)nh, (int64_t)nw);
	int8_t *out = o->cell;
	for (size_t i = 0; i < h; i++) {
		if (rows[i])
			continue;
		const int8_t *r = g->cell + i * w;
		for (size_t q = 0; q < nrun; q++) {
			memcpy(out, r + (run[q] >> 16), run[q] & 0xffff);
			out += run[q] & 0xffff;
		}
	}
	return v_grid(o);
}
