/* prims_geom_grid.c — the reshaping primitives of DSL.md 6.4: rotations and mirrors (of grids,
 * of patches inside their bounding box, and of other tuples as Python slices them), scaling,
 * concatenation, splitting and cropping. Grid results take one allocation and tight loops. */
#include <string.h>

#include "patch.h"
#include "prims.h"

/* ---- generic tuples: what the grid code of dsl.py does to a tuple that is no grid ---- */

static void reverse_values(value *e, size_t n)
{
	for (size_t a = 0, b = n; a + 1 < b; a++, b--) {
		value t = e[a];
		e[a] = e[b - 1];
		e[b - 1] = t;
	}
}

/* Python's seq[::-1]. */
static value seq_reverse(dsl_ctx *c, value v)
{
	if (!is_tuple(v))
		dsl_fail(c, DSL_TYPE_ERROR, "object is not subscriptable");
	size_t n;
	value *e = cont_items(c, v, &n);
	reverse_values(e, n);
	return tuple_make(c, e, n);
}

/* tuple(zip(*rows)): column k of the rows, as long as the shortest row. */
static value seq_zip(dsl_ctx *c, const value *rows, size_t n)
{
	size_t m = SIZE_MAX;
	for (size_t r = 0; r < n; r++) {
		if (!is_container(rows[r]))
			dsl_fail(c, DSL_TYPE_ERROR, "zip argument #%zu must support iteration", r + 1);
		size_t len = cont_len(c, rows[r]);
		m = len < m ? len : m;
	}
	if (n == 0 || m == 0)
		return v_empty_tuple();
	dsl_work(c, m * n);
	value *out = dsl_alloc(c, m * sizeof *out), *col = dsl_alloc(c, n * sizeof *col);
	for (size_t k = 0; k < m; k++) {
		for (size_t r = 0; r < n; r++)
			col[r] = cont_get(c, rows[r], k);
		out[k] = tuple_make(c, col, n);
	}
	return tuple_make(c, out, m);
}

/* The elements of a tuple, optionally reversed and each one reversed. */
static value *seq_rows(dsl_ctx *c, value v, size_t *n, bool rev, bool rev_each)
{
	if (!is_tuple(v))
		dsl_fail(c, DSL_TYPE_ERROR, "object is not subscriptable");
	value *e = cont_items(c, v, n);
	if (rev)
		reverse_values(e, *n);
	for (size_t k = 0; rev_each && k < *n; k++)
		e[k] = seq_reverse(c, e[k]);
	return e;
}

/* upscale of a tuple that is no grid: every value of a row repeated f times, every row f
 * times. f <= 0 gives (), but each row is still iterated. */
static value seq_upscale(dsl_ctx *c, value v, int32_t f)
{
	size_t n;
	value *rows = cont_items(c, v, &n);
	for (size_t r = 0; r < n; r++)
		if (!is_container(rows[r]))
			dsl_fail(c, DSL_TYPE_ERROR, "'int' object is not iterable");
	if (f <= 0 || n == 0)
		return v_empty_tuple();
	if ((uint64_t)n * (uint64_t)f > UINT32_MAX)
		dsl_fail(c, DSL_LIMIT_MEMORY, "upscaled tuple too large");
	value *out = dsl_alloc(c, n * (size_t)f * sizeof *out);
	for (size_t r = 0; r < n; r++) {
		size_t w, m;
		value *e = cont_items(c, rows[r], &w);
		if ((uint64_t)w * (uint64_t)f > UINT32_MAX)
			dsl_fail(c, DSL_LIMIT_MEMORY, "upscaled tuple too large");
		m = w * (size_t)f;
		value *row = dsl_alloc(c, (m ? m : 1) * sizeof *row);
		dsl_work(c, m / 16 + (uint64_t)f);
		for (size_t q = 0; q < m; q++)
			row[q] = e[q / (size_t)f];
		value t = tuple_make(c, row, m);
		for (size_t k = 0; k < (size_t)f; k++)
			out[r * (size_t)f + k] = t;
	}
	return tuple_make(c, out, n * (size_t)f);
}

/* ---- rotations and mirrors of grids ---- */

/* out = in reversed, eight cells at a time through a byte swap. */
static void reverse_cells(int8_t *out, const int8_t *in, size_t n)
{
	size_t k = 0;
	for (; k + 8 <= n; k += 8) {
		uint64_t x;
		memcpy(&x, in + n - 8 - k, 8);
		x = __builtin_bswap64(x);
		memcpy(out + k, &x, 8);
	}
	for (; k < n; k++)
		out[k] = in[n - 1 - k];
}

/* The W×H grid with out[i][j] = g[rows reversed ? H-1-j : j][columns reversed ? W-1-i : i]:
 * rot90, rot270, dmirror and cmirror. No column gives (). */
static value grid_turn(dsl_ctx *c, const grid *g, bool rev_rows, bool rev_cols)
{
	int h = g->h, w = g->w;
	if (w == 0)
		return v_empty_tuple();
	grid *r = grid_alloc(c, w, h);
	ptrdiff_t step = rev_rows ? -w : w;
	const int8_t *base = g->cell + (rev_rows ? (ptrdiff_t)(h - 1) * w : 0);
	for (int i = 0; i < w; i++) {
		const int8_t *in = base + (rev_cols ? w - 1 - i : i);
		int8_t *out = r->cell + (size_t)i * h;
		for (int j = 0; j < h; j++, in += step)
			out[j] = *in;
	}
	return v_grid(r);
}

value prim_rot90(dsl_ctx *c, const value *args)
{
	if (args[0].kind == VK_GRID)
		return grid_turn(c, args[0].g, true, false);
	size_t n;
	value *rows = seq_rows(c, args[0], &n, true, false);
	return seq_zip(c, rows, n);
}

value prim_rot180(dsl_ctx *c, const value *args)
{
	if (args[0].kind != VK_GRID) {
		size_t n;
		value *rows = seq_rows(c, args[0], &n, true, true);
		return tuple_make(c, rows, n);
	}
	const grid *g = args[0].g;
	grid *r = grid_alloc(c, g->h, g->w);
	reverse_cells(r->cell, g->cell, (size_t)g->h * g->w);
	return v_grid(r);
}

value prim_rot270(dsl_ctx *c, const value *args)
{
	if (args[0].kind == VK_GRID)
		return grid_turn(c, args[0].g, false, true);
	size_t n;
	value *rows = seq_rows(c, args[0], &n, true, false);
	value z = seq_zip(c, rows, n);
	rows = seq_rows(c, z, &n, true, true);
	return tuple_make(c, rows, n);
}

/* ---- mirrors of patches ---- */

/* Reflecting rows or columns inside the bounding box keeps the sort order up to reversals:
 * reflecting rows reverses the order of the rows within each colour, reflecting columns the
 * order within each row. (uint64_t)key >> 32 is an Object key's colour (0 for Indices), key >> 16
 * its colour and row; the low 32 bits are the position. */
#define DEFINE_FLIPS(SUF, T)                                                                   \
	static void hflip_##SUF(T *out, const T *k, uint32_t n, int d)                         \
	{                                                                                      \
		uint32_t o = 0;                                                                \
		for (uint32_t a = 0; a < n;) {                                                 \
			uint32_t b = a + 1;                                                    \
			while (b < n && (uint64_t)k[b] >> 32 == (uint64_t)k[a] >> 32)          \
				b++;                                                           \
			for (uint32_t e = b; e > a;) {                                         \
				uint32_t s = e - 1;                                            \
				while (s > a && k[s - 1] >> 16 == k[e - 1] >> 16)              \
					s--;                                                   \
				for (uint32_t q = s; q < e; q++) {                             \
					uint32_t p = (uint32_t)k[q];                           \
					out[o++] = (k[q] & ~(T)UINT32_MAX) | pos_key(d - pos_i(p), pos_j(p)); \
				}                                                              \
				e = s;                                                         \
			}                                                                      \
			a = b;                                                                 \
		}                                                                              \
	}                                                                                      \
	static void vflip_##SUF(T *out, const T *k, uint32_t n, int d)                         \
	{                                                                                      \
		for (uint32_t a = 0; a < n;) {                                                 \
			uint32_t b = a + 1;                                                    \
			while (b < n && k[b] >> 16 == k[a] >> 16)                              \
				b++;                                                           \
			for (uint32_t q = a; q < b; q++) {                                     \
				uint32_t p = (uint32_t)k[q];                                   \
				out[a + b - 1 - q] = (k[q] & ~(T)UINT32_MAX) | pos_key(pos_i(p), d - pos_j(p)); \
			}                                                                      \
			a = b;                                                                 \
		}                                                                              \
	}
DEFINE_FLIPS(idx, uint32_t)
DEFINE_FLIPS(obj, uint64_t)

enum { FLIP_H, FLIP_V };

static value patch_flip(dsl_ctx *c, value v, int how)
{
	patch p = patch_arg(c, v);
	if (p.kind == PATCH_EMPTY)
		dsl_fail(c, DSL_INDEX_ERROR, "tuple index out of range");
	bbox b = patch_bbox(c, p);
	if (p.kind == PATCH_IDX) {
		idxset *r = idx_alloc(c, p.n);
		if (how == FLIP_H)
			hflip_idx(r->k, p.ix, p.n, b.top + b.bottom);
		else
			vflip_idx(r->k, p.ix, p.n, b.left + b.right);
		r->n = p.n;
		return idx_finish(c, r, true);
	}
	objset *r = obj_alloc(c, p.n);
	if (how == FLIP_H)
		hflip_obj(r->k, p.ob, p.n, b.top + b.bottom);
	else
		vflip_obj(r->k, p.ob, p.n, b.left + b.right);
	r->n = p.n;
	return obj_finish(c, r, true);
}

/* Transposes about the bounding box: (i, j) becomes (top + j - left, left + i - top) (dmirror)
 * or (top + right - j, left + bottom - i) (cmirror); the new box may leave int16. */
static value patch_transpose(dsl_ctx *c, value v, bool anti)
{
	patch p = patch_arg(c, v);
	if (p.kind == PATCH_EMPTY) {
		if (anti)
			dsl_fail(c, DSL_INDEX_ERROR, "tuple index out of range");
		dsl_fail(c, DSL_VALUE_ERROR, "not enough values to unpack (expected 2, got 0)");
	}
	bbox b = patch_bbox(c, p);
	if (!coord_ok((int64_t)b.top + b.right - b.left) || !coord_ok((int64_t)b.left + b.bottom - b.top))
		dsl_fail(c, DSL_OVERFLOW, "mirrored patch leaves the coordinate range");
	int si = anti ? -1 : 1, oi = anti ? b.top + b.right : b.top - b.left;
	int sj = anti ? -1 : 1, oj = anti ? b.left + b.bottom : b.left - b.top;
	if (p.kind == PATCH_IDX) {
		idxset *r = idx_alloc(c, p.n);
		for (uint32_t k = 0; k < p.n; k++)
			r->k[k] = pos_key(oi + si * pos_j(p.ix[k]), oj + sj * pos_i(p.ix[k]));
		r->n = p.n;
		return idx_finish(c, r, false);
	}
	objset *r = obj_alloc(c, p.n);
	for (uint32_t k = 0; k < p.n; k++) {
		uint32_t q = cell_pos(p.ob[k]);
		r->k[k] = (p.ob[k] & ~(uint64_t)UINT32_MAX) | pos_key(oi + si * pos_j(q), oj + sj * pos_i(q));
	}
	r->n = p.n;
	return obj_finish(c, r, false);
}

value prim_hmirror(dsl_ctx *c, const value *args)
{
	value v = args[0];
	if (v.kind != VK_GRID)
		return is_tuple(v) ? seq_reverse(c, v) : patch_flip(c, v, FLIP_H);
	const grid *g = v.g;
	grid *r = grid_alloc(c, g->h, g->w);
	for (int i = 0; i < g->h; i++)
		memcpy(r->cell + (size_t)i * g->w, g->cell + (size_t)(g->h - 1 - i) * g->w, g->w);
	return v_grid(r);
}

value prim_vmirror(dsl_ctx *c, const value *args)
{
	value v = args[0];
	if (v.kind != VK_GRID) {
		if (!is_tuple(v))
			return patch_flip(c, v, FLIP_V);
		size_t n;
		value *rows = seq_rows(c, v, &n, false, true);
		return tuple_make(c, rows, n);
	}
	const grid *g = v.g;
	int w = g->w;
	grid *r = grid_alloc(c, g->h, w);
	for (int i = 0; i < g->h; i++)
		reverse_cells(r->cell + (size_t)i * w, g->cell + (size_t)i * w, w);
	return v_grid(r);
}

value prim_dmirror(dsl_ctx *c, const value *args)
{
	value v = args[0];
	if (v.kind == VK_GRID)
		return grid_turn(c, v.g, false, false);
	if (!is_tuple(v))
		return patch_transpose(c, v, false);
	size_t n;
	value *rows = seq_rows(c, v, &n, false, false);
	return seq_zip(c, rows, n);
}

value prim_cmirror(dsl_ctx *c, const value *args)
{
	value v = args[0];
	if (v.kind == VK_GRID)
		return grid_turn(c, v.g, true, true);
	if (!is_tuple(v))
		return patch_transpose(c, v, true);
	size_t n;
	value *rows = seq_rows(c, v, &n, true, true);
	return seq_zip(c, rows, n);
}

/* ---- scaling ---- */

/* Four bytes, each doubled: b0 b1 b2 b3 becomes b0 b0 b1 b1 b2 b2 b3 b3 (in memory order). */
static uint64_t double_bytes(const int8_t *in)
{
	uint32_t x;
	memcpy(&x, in, 4);
	uint64_t t = x;
	t = (t | t << 16) & 0x0000ffff0000ffffu;
	t = (t | t << 8) & 0x00ff00ff00ff00ffu;
	return t | t << 8;
}

/* Row `in` of w cells, each repeated f times; the common factor 2 four cells at a time. */
static void stretch_row(int8_t *out, const int8_t *in, int w, int f)
{
	int j = 0;
	switch (f) {
	case 1: memcpy(out, in, w); return;
	case 2:
		for (; j + 4 <= w; j += 4) {
			uint64_t y = double_bytes(in + j);
			memcpy(out + 2 * j, &y, 8);
		}
		for (; j < w; j++)
			out[2 * j] = out[2 * j + 1] = in[j];
		return;
	default:
		for (; j < w; j++, out += f)
			memset(out, in[j], (size_t)f);
	}
}

/* Grid upscaling: every row stretched hf times horizontally, then repeated vf times. */
static value grid_scale(dsl_ctx *c, const grid *g, int64_t vf, int64_t hf)
{
	grid *r = grid_alloc(c, g->h * vf, g->w * hf);
	size_t rw = r->w;
	int8_t *out = r->cell;
	for (int i = 0; i < g->h && rw; i++) {
		stretch_row(out, g->cell + (size_t)i * g->w, g->w, (int)hf);
		for (int64_t q = 1; q < vf; q++)
			memcpy(out + q * rw, out, rw);
		out += vf * rw;
	}
	return v_grid(r);
}

value prim_hupscale(dsl_ctx *c, const value *args)
{
	const grid *g = grid_arg(c, args[0]);
	int32_t f = int_arg(c, args[1]);
	return grid_scale(c, g, 1, f > 0 ? f : 0);
}

value prim_vupscale(dsl_ctx *c, const value *args)
{
	const grid *g = grid_arg(c, args[0]);
	int32_t f = int_arg(c, args[1]);
	return grid_scale(c, g, f > 0 ? f : 0, 1);
}

/* An Object scaled about its upper-left corner: the cell at (top + i, left + j) becomes the
 * f×f block at (top + i*f, left + j*f). Emitted per (colour, row) group, block row by block
 * row, so the keys come out sorted. A tuple that is no grid takes the grid path. Kept out of
 * line: inlined into upscale, it costs the grid path registers and instructions. */
__attribute__((noinline)) static value object_scale(dsl_ctx *c, value v, int32_t f)
{
	if (is_tuple(v))
		return seq_upscale(c, v, f);
	patch p = patch_arg(c, v);
	if (p.kind == PATCH_EMPTY)
		return v_empty_set();
	if (p.kind == PATCH_IDX)
		dsl_fail(c, DSL_TYPE_ERROR, "cannot unpack non-iterable int object");
	if (f <= 0)
		return v_empty_set();
	if (f == 1)
		return v;
	bbox b = patch_bbox(c, p);
	if (!coord_ok(b.top + (int64_t)(b.bottom - b.top + 1) * f - 1) ||
	    !coord_ok(b.left + (int64_t)(b.right - b.left + 1) * f - 1))
		dsl_fail(c, DSL_OVERFLOW, "upscaled object leaves the coordinate range");
	uint64_t total = (uint64_t)p.n * ((uint64_t)f * (uint64_t)f); /* f ≤ 65535 here */
	if (total > SIZE_MAX / 16)
		dsl_fail(c, DSL_LIMIT_MEMORY, "upscaled object too large");
	objset *r = obj_alloc(c, total);
	dsl_work(c, total / 64);
	uint64_t *o = r->k;
	for (uint32_t a = 0; a < p.n;) {
		uint32_t e = a + 1;
		while (e < p.n && p.ob[e] >> 16 == p.ob[a] >> 16)
			e++;
		int col = cell_c(p.ob[a]);
		int row0 = b.top + (pos_i(cell_pos(p.ob[a])) - b.top) * f;
		for (int io = 0; io < f; io++)
			for (uint32_t q = a; q < e; q++) {
				int col0 = b.left + (pos_j(cell_pos(p.ob[q])) - b.left) * f;
				for (int jo = 0; jo < f; jo++)
					*o++ = cell_key(col, row0 + io, col0 + jo);
			}
		a = e;
	}
	r->n = (uint32_t)total;
	return obj_finish(c, r, true);
}

value prim_upscale(dsl_ctx *c, const value *args)
{
	int32_t f = int_arg(c, args[1]);
	if (args[0].kind != VK_GRID)
		return object_scale(c, args[0], f);
	return f > 0 ? grid_scale(c, args[0].g, f, f) : v_empty_tuple();
}

/* A grid argument from which dsl.py reads len(grid[0]): () fails. */
static const grid *grid_arg_row(dsl_ctx *c, value v)
{
	const grid *g = grid_arg(c, v);
	if (g->h == 0)
		dsl_fail(c, DSL_INDEX_ERROR, "tuple index out of range");
	return g;
}

value prim_downscale(dsl_ctx *c, const value *args)
{
	const grid *g = grid_arg_row(c, args[0]);
	int32_t f = int_arg(c, args[1]);
	if (f == 0)
		dsl_fail(c, DSL_ZERO_DIVISION, "integer division or modulo by zero");
	/* i % f == 0 keeps multiples of |f| whatever the sign of f */
	int64_t s = f < 0 ? -(int64_t)f : f;
	int64_t h = (g->h + s - 1) / s, w = (g->w + s - 1) / s;
	grid *r = grid_alloc(c, h, w);
	for (int64_t i = 0; i < h; i++) {
		const int8_t *in = g->cell + (size_t)(i * s) * g->w;
		int8_t *out = r->cell + (size_t)i * w;
		for (int64_t j = 0; j < w; j++)
			out[j] = in[j * s];
	}
	return v_grid(r);
}

/* ---- concatenation, cropping, splitting ---- */

/* a + b for two tuples. */
static value seq_concat(dsl_ctx *c, value a, value b)
{
	if (!is_tuple(a) || !is_tuple(b))
		dsl_fail(c, DSL_TYPE_ERROR, "can only concatenate tuple to tuple");
	size_t na, nb;
	value *ea = cont_items(c, a, &na), *eb = cont_items(c, b, &nb);
	value *e = dsl_alloc(c, (na + nb + 1) * sizeof *e);
	memcpy(e, ea, na * sizeof *e);
	memcpy(e + na, eb, nb * sizeof *e);
	return tuple_make(c, e, na + nb);
}

/* tuple(x + y for x, y in zip(a, b)) when a and b are not both grids. */
static value seq_hconcat(dsl_ctx *c, value a, value b)
{
	if (!is_container(a) || !is_container(b))
		dsl_fail(c, DSL_TYPE_ERROR, "zip argument must support iteration");
	size_t na, nb;
	value *ea = cont_items(c, a, &na), *eb = cont_items(c, b, &nb);
	size_t n = na < nb ? na : nb;
	for (size_t k = 0; k < n; k++)
		ea[k] = is_num(ea[k]) && is_num(eb[k]) ? v_int(num_add(c, ea[k].i, eb[k].i))
		                                       : seq_concat(c, ea[k], eb[k]);
	return tuple_make(c, ea, n);
}

value prim_hconcat(dsl_ctx *c, const value *args)
{
	if (args[0].kind != VK_GRID || args[1].kind != VK_GRID)
		return seq_hconcat(c, args[0], args[1]);
	const grid *a = args[0].g, *b = args[1].g;
	int h = a->h < b->h ? a->h : b->h;
	grid *r = grid_alloc(c, h, (int64_t)a->w + b->w);
	for (int i = 0; i < h; i++) {
		int8_t *out = r->cell + (size_t)i * r->w;
		memcpy(out, a->cell + (size_t)i * a->w, a->w);
		memcpy(out + a->w, b->cell + (size_t)i * b->w, b->w);
	}
	return v_grid(r);
}

value prim_vconcat(dsl_ctx *c, const value *args)
{
	if (args[0].kind != VK_GRID || args[1].kind != VK_GRID)
		return seq_concat(c, args[0], args[1]);
	const grid *a = args[0].g, *b = args[1].g;
	if (a->h == 0)
		return args[1];
	if (b->h == 0)
		return args[0];
	size_t na = (size_t)a->h * a->w, nb = (size_t)b->h * b->w;
	if (a->w == b->w) {
		grid *r = grid_alloc(c, (int64_t)a->h + b->h, a->w);
		memcpy(r->cell, a->cell, na);
		memcpy(r->cell + na, b->cell, nb);
		return v_grid(r);
	}
	/* rows of two widths: a tuple of rows, no grid */
	return seq_concat(c, args[0], args[1]);
}

/* Python's seq[lo:hi] bounds over a length-n sequence: negative bounds count from the end,
 * then both are clamped to [0, n]; an empty slice has hi == lo. */
static void slice_bounds(int64_t lo, int64_t hi, int64_t n, int64_t *a, int64_t *b)
{
	lo = lo < 0 ? (lo + n < 0 ? 0 : lo + n) : (lo > n ? n : lo);
	hi = hi < 0 ? (hi + n < 0 ? 0 : hi + n) : (hi > n ? n : hi);
	*a = lo;
	*b = hi > lo ? hi : lo;
}

value grid_crop(dsl_ctx *c, const grid *g, int64_t i, int64_t j, int64_t h, int64_t w)
{
	int64_t r0, r1, c0, c1;
	slice_bounds(i, i + h, g->h, &r0, &r1);
	slice_bounds(j, j + w, g->w, &c0, &c1);
	grid *r = grid_alloc(c, r1 - r0, c1 - c0);
	for (int64_t q = 0; q < r->h; q++)
		memcpy(r->cell + (size_t)q * r->w, g->cell + (size_t)(r0 + q) * g->w + c0, r->w);
	return v_grid(r);
}

value prim_subgrid(dsl_ctx *c, const value *args)
{
	patch p = patch_arg(c, args[0]);
	if (p.kind == PATCH_EMPTY) /* crop indexes ulcorner(patch), which is () */
		dsl_fail(c, DSL_INDEX_ERROR, "tuple index out of range");
	const grid *g = grid_arg(c, args[1]);
	bbox b = patch_bbox(c, p);
	int64_t h = (int64_t)b.bottom - b.top + 1, w = (int64_t)b.right - b.left + 1;
	if (is_tuple(args[0])) /* shape(patch) takes the grid path: (len(patch), 2) */
		piece_dims(c, args[0], &h, &w);
	return grid_crop(c, g, b.top, b.left, h, w);
}

/* n parts of `size` rows (vertical) or columns, part k starting at k * (size + skip). */
static value split(dsl_ctx *c, const grid *g, int32_t n, int64_t size, int64_t skip, bool vertical)
{
	if (n <= 0)
		return v_empty_tuple();
	value *parts = dsl_alloc(c, (size_t)n * sizeof *parts);
	dsl_work(c, (uint64_t)n);
	for (int64_t k = 0; k < n; k++) {
		int64_t at = k * (size + skip);
		parts[k] = vertical ? grid_crop(c, g, at, 0, size, g->w) : grid_crop(c, g, 0, at, g->h, size);
	}
	return tuple_make(c, parts, (size_t)n);
}

value prim_hsplit(dsl_ctx *c, const value *args)
{
	const grid *g = grid_arg_row(c, args[0]);
	int32_t n = int_arg(c, args[1]);
	if (n == 0)
		dsl_fail(c, DSL_ZERO_DIVISION, "integer division or modulo by zero");
	return split(c, g, n, floordiv64(g->w, n), floormod64(g->w, n) != 0, false);
}

value prim_vsplit(dsl_ctx *c, const value *args)
{
	const grid *g = grid_arg(c, args[0]);
	int32_t n = int_arg(c, args[1]);
	if (n == 0) /* len(grid) // n comes before len(grid[0]) */
		dsl_fail(c, DSL_ZERO_DIVISION, "integer division or modulo by zero");
	grid_arg_row(c, args[0]);
	return split(c, g, n, floordiv64(g->h, n), floormod64(g->h, n) != 0, true);
}
