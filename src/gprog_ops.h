/* gprog_ops.h — the grid program ops of gprog.def and one batch item (a program on a grid,
 * then scored and hashed), written once for the CPU (gprog.c, backend/cpu.c: one lane) and for
 * CUDA (src/backend/cuda/: a warp per item) over lanes.h. An op reads an h x w grid (1..30 each) and
 * writes its result to `out` (room for 900 cells), or returns false, writing nothing, when the
 * DSL would raise or the result is not a 1..30 x 1..30 grid. Most ops are an affine gather:
 * out(i, j) = in[base + i * di + j * dj]. */
#ifndef ARC_GPROG_OPS_H
#define ARC_GPROG_OPS_H

#include "batch.h"
#include "gprog.h"
#include "grid_score.h"
#include "lanes.h"

GP_FN bool gp_shape_ok(int h, int w) { return h >= 1 && h <= 30 && w >= 1 && w <= 30; }

/* A result shape and where each of its cells comes from. */
typedef struct gp_map {
	int h, w;          /* result shape */
	int base, di, dj;  /* out(i, j) = in[base + i * di + j * dj] */
} gp_map;

GP_FN gp_map gp_mkmap(int h, int w, int base, int di, int dj)
{
	gp_map m;
	m.h = h, m.w = w, m.base = base, m.di = di, m.dj = dj;
	return m;
}

/* Rigid transform t (gprog.def's numbering) of an h x w grid. */
GP_FN gp_map gp_rigid(int t, int h, int w)
{
	switch (t) {
	case 1: return gp_mkmap(w, h, (h - 1) * w, 1, -w);      /* rot90: in[h-1-j][i] */
	case 2: return gp_mkmap(h, w, h * w - 1, -w, -1);       /* rot180 */
	case 3: return gp_mkmap(w, h, w - 1, -1, w);            /* rot270: in[j][w-1-i] */
	case 4: return gp_mkmap(h, w, (h - 1) * w, -w, 1);      /* hmirror */
	case 5: return gp_mkmap(h, w, w - 1, w, -1);            /* vmirror */
	case 6: return gp_mkmap(w, h, 0, 1, w);                 /* dmirror: in[j][i] */
	case 7: return gp_mkmap(w, h, h * w - 1, -1, -w);       /* cmirror: in[h-1-j][w-1-i] */
	default: return gp_mkmap(h, w, 0, w, 1);                /* identity */
	}
}

/* Half q of an h x w grid: 0 left, 1 top, 2 right, 3 bottom (rows or columns // 2). */
GP_FN gp_map gp_half(int q, int h, int w)
{
	switch (q) {
	case 0: return gp_mkmap(h, w / 2, 0, w, 1);
	case 1: return gp_mkmap(h / 2, w, 0, w, 1);
	case 2: return gp_mkmap(h, w / 2, w - w / 2, w, 1);
	default: return gp_mkmap(h / 2, w, (h - h / 2) * w, w, 1);
	}
}

GP_FN bool gp_gather(const uint8_t *in, gp_map m, uint8_t *out, int *oh, int *ow)
{
	if (!gp_shape_ok(m.h, m.w))
		return false;
	GP_FOR2(i, j, m.h, m.w)
		out[i * m.w + j] = in[m.base + i * m.di + j * m.dj];
	*oh = m.h, *ow = m.w;
	return true;
}

/* What ops use of their input besides its cells, when known before they run (a batch's
 * sources, for all the programs run on them): a NULL pointer where not. */
typedef struct gp_facts {
	int most, least; /* mostcolor(in), leastcolor(in) */
} gp_facts;

/* An op on the h x w grid in, with parameters a and b and the facts of in (NULL: not known). */
#define GP_OP(name) \
	GP_FN bool gop_##name(const uint8_t *in, int h, int w, int a, int b, const gp_facts *facts, \
	                      uint8_t *out, int *oh, int *ow)

GP_OP(rot90) { return gp_gather(in, gp_rigid(1, h, w), out, oh, ow); }
GP_OP(rot180) { return gp_gather(in, gp_rigid(2, h, w), out, oh, ow); }
GP_OP(rot270) { return gp_gather(in, gp_rigid(3, h, w), out, oh, ow); }
GP_OP(hmirror) { return gp_gather(in, gp_rigid(4, h, w), out, oh, ow); }
GP_OP(vmirror) { return gp_gather(in, gp_rigid(5, h, w), out, oh, ow); }
GP_OP(dmirror) { return gp_gather(in, gp_rigid(6, h, w), out, oh, ow); }
GP_OP(cmirror) { return gp_gather(in, gp_rigid(7, h, w), out, oh, ow); }
GP_OP(lefthalf) { return gp_gather(in, gp_half(0, h, w), out, oh, ow); }
GP_OP(tophalf) { return gp_gather(in, gp_half(1, h, w), out, oh, ow); }
GP_OP(righthalf) { return gp_gather(in, gp_half(2, h, w), out, oh, ow); }
GP_OP(bottomhalf) { return gp_gather(in, gp_half(3, h, w), out, oh, ow); }
GP_OP(trim) { return gp_gather(in, gp_mkmap(h - 2, w - 2, w + 1, w, 1), out, oh, ow); }
/* Rows and columns whose index is divisible by a. */
GP_OP(downscale)
{
	return gp_gather(in, gp_mkmap((h + a - 1) / a, (w + a - 1) / a, 0, a * w, a), out, oh, ow);
}

/* out(i, j) = in(i / sv, j / sh). */
GP_FN bool gp_upscale(const uint8_t *in, int h, int w, int sv, int sh, uint8_t *out, int *oh,
                      int *ow)
{
	int H = h * sv, W = w * sh;
	if (!gp_shape_ok(H, W))
		return false;
	GP_FOR2(i, j, H, W)
		out[i * W + j] = in[(i / sv) * w + j / sh];
	*oh = H, *ow = W;
	return true;
}

GP_OP(upscale) { return gp_upscale(in, h, w, a, a, out, oh, ow); }
GP_OP(hupscale) { return gp_upscale(in, h, w, 1, a, out, oh, ow); }
GP_OP(vupscale) { return gp_upscale(in, h, w, a, 1, out, oh, ow); }

/* Without the uniform rows and columns (all cells of one colour), all removed at once. */
GP_OP(compress)
{
	uint32_t rows = 0, cols = 0; /* bit i: row (column) i is not uniform */
	GP_FOR2(i, j, h, w) {
		int v = in[i * w + j];
		if (v != in[i * w])
			rows |= 1u << i;
		if (v != in[j])
			cols |= 1u << j;
	}
	rows = gp_or(rows), cols = gp_or(cols);
	int H = gp_popc(rows), W = gp_popc(cols);
	if (!gp_shape_ok(H, W))
		return false;
	int8_t ri[30], ci[30];
	for (int i = 0, r = 0; i < h; i++)
		if (rows >> i & 1)
			ri[r++] = (int8_t)i;
	for (int j = 0, s = 0; j < w; j++)
		if (cols >> j & 1)
			ci[s++] = (int8_t)j;
	GP_FOR2(r, s, H, W)
		out[r * W + s] = in[ri[r] * w + ci[s]];
	*oh = H, *ow = W;
	return true;
}

/* out = f(in) cell by cell: f(v) = v == x ? y : v == y2 ? x2 : v. */
GP_FN bool gp_recolor(const uint8_t *in, int h, int w, int x, int y, int y2, int x2, uint8_t *out,
                      int *oh, int *ow)
{
	int n = h * w;
	GP_FOR(k, n) {
		int v = in[k];
		out[k] = (uint8_t)(v == x ? y : v == y2 ? x2 : v);
	}
	*oh = h, *ow = w;
	return true;
}

GP_OP(replace) { return gp_recolor(in, h, w, a, b, -1, -1, out, oh, ow); }
GP_OP(switch) { return gp_recolor(in, h, w, a, b, b, a, out, oh, ow); }

/* CPython's iteration order of a set of n <= 4 distinct colours 0..9 inserted in the order of
 * `seen`: 8 slots, key v in slot v & 7, a taken slot i probes (5 i + 1) & 7 (the perturbation
 * is zero for keys below 32). With 5 or more colours the table has 32 slots: ascending. */
GP_FN void gp_set_order(const int *seen, int n, int *order)
{
	int slot[8];
	for (int i = 0; i < 8; i++)
		slot[i] = -1;
	for (int k = 0; k < n; k++) {
		int i = seen[k] & 7;
		while (slot[i] >= 0)
			i = (5 * i + 1) & 7;
		slot[i] = seen[k];
	}
	for (int i = 0, m = 0; i < 8; i++)
		if (slot[i] >= 0)
			order[m++] = slot[i];
}

/* The number of cells of each colour 0..9 among the n cells at in. */
#if GP_LANES == 1 && !defined(__CUDACC__)
GP_FN void gp_count_colors(const uint8_t *in, int n, int *count)
{
	/* 16 cells at a time into a byte counter per colour and position (n <= 900: at most 56
	 * each), the rest one by one */
	typedef uint8_t v16 __attribute__((vector_size(16)));
	v16 acc[10];
	memset(acc, 0, sizeof acc);
	int k = 0;
	for (; k + 16 <= n; k += 16) {
		v16 x;
		memcpy(&x, in + k, sizeof x);
#pragma GCC unroll 10
		for (int v = 0; v < 10; v++)
			acc[v] -= (v16)(x == (uint8_t)v);
	}
	for (int v = 0; v < 10; v++) {
		uint64_t half[2];
		memcpy(half, &acc[v], sizeof half);
		uint64_t s = half[0] + half[1]; /* bytes <= 112 */
		s = (s & 0x00ff00ff00ff00ffull) + (s >> 8 & 0x00ff00ff00ff00ffull);
		count[v] = (int)((s * 0x0001000100010001ull) >> 48);
	}
	for (; k < n; k++)
		count[in[k]]++;
}
#else
GP_FN void gp_count_colors(const uint8_t *in, int n, int *count)
{
	/* packed 12 bits a colour, colours 0..4 in lo, 5..9 in hi */
	uint64_t lo = 0, hi = 0;
	GP_FOR(k, n) {
		int v = in[k];
		uint64_t one = 1ull << (12 * (v % 5));
		if (v < 5)
			lo += one;
		else
			hi += one;
	}
	lo = gp_sum64(lo), hi = gp_sum64(hi);
	for (int v = 0; v < 10; v++)
		count[v] = (int)(((v < 5 ? lo : hi) >> (12 * (v % 5))) & 0xfff);
}
#endif

/* mostcolor(grid) (least false) or leastcolor(grid): the most (least) frequent colour, ties in
 * CPython's set order of the colours in row-major order of first occurrence (pyset.c). */
GP_FN int gp_color_by_count(const uint8_t *in, int h, int w, bool least)
{
	int n = h * w;
	int count[10], best = 0, ties = 0, pick = 0;
	gp_count_colors(in, n, count);
	uint32_t pal = 0;
	for (int v = 0; v < 10; v++) {
		pal |= (uint32_t)(count[v] > 0) << v;
		if (!count[v])
			continue;
		if (!ties || (least ? count[v] < best : count[v] > best))
			best = count[v], ties = 1, pick = v;
		else if (count[v] == best)
			ties++;
	}
	if (ties == 1 || gp_popc(pal) >= 5)
		return pick; /* ascending order: the first colour with the best count */
	int seen[4], first[4], m = 0;
	for (int v = 0; v < 10; v++) {
		if (!(pal >> v & 1))
			continue;
		int f = n;
		GP_FOR(k, n)
			if (in[k] == v && k < f)
				f = k;
		f = gp_min(f);
		int q = m++;
		for (; q > 0 && first[q - 1] > f; q--)
			first[q] = first[q - 1], seen[q] = seen[q - 1];
		first[q] = f, seen[q] = v;
	}
	int order[4];
	gp_set_order(seen, m, order);
	for (int q = 0;; q++)
		if (count[order[q]] == best)
			return order[q];
}

GP_FN int gp_mostcolor(const uint8_t *in, int h, int w) { return gp_color_by_count(in, h, w, false); }

/* mostcolor(in) (least false) or leastcolor(in), from its facts where known. */
GP_FN int gp_role(const gp_facts *facts, const uint8_t *in, int h, int w, bool least)
{
	return facts ? (least ? facts->least : facts->most) : gp_color_by_count(in, h, w, least);
}

GP_OP(fill_bg)
{
	int bg = gp_role(facts, in, h, w, false);
	return gp_recolor(in, h, w, bg, a, -1, -1, out, oh, ow);
}

GP_OP(recolor_fg)
{
	int bg = gp_role(facts, in, h, w, false), n = h * w;
	GP_FOR(k, n)
		out[k] = in[k] == bg ? (uint8_t)bg : (uint8_t)a;
	*oh = h, *ow = w;
	return true;
}

/* The bounding box of the cells equal to c (is = true) or different from c (is = false), less
 * `inset` rows and columns on each side. */
GP_FN bool gp_crop_inset(const uint8_t *in, int h, int w, int c, bool is, int inset, uint8_t *out,
                         int *oh, int *ow)
{
	int top = 99, left = 99, bottom = -1, right = -1;
	GP_FOR2(i, j, h, w) {
		if ((in[i * w + j] == c) == is) {
			top = i < top ? i : top, bottom = i > bottom ? i : bottom;
			left = j < left ? j : left, right = j > right ? j : right;
		}
	}
	top = gp_min(top), left = gp_min(left), bottom = gp_max(bottom), right = gp_max(right);
	if (bottom < 0)
		return false; /* subgrid of an empty patch raises */
	top += inset, left += inset, bottom -= inset, right -= inset;
	return gp_gather(in, gp_mkmap(bottom - top + 1, right - left + 1, top * w + left, w, 1), out,
	                 oh, ow);
}

GP_FN bool gp_crop(const uint8_t *in, int h, int w, int c, bool is, uint8_t *out, int *oh,
                   int *ow)
{
	return gp_crop_inset(in, h, w, c, is, 0, out, oh, ow);
}

GP_OP(crop_color) { return gp_crop(in, h, w, a, true, out, oh, ow); }
GP_OP(crop_fg) { return gp_crop(in, h, w, gp_role(facts, in, h, w, false), false, out, oh, ow); }

/* hconcat(P, Q) (vertical false) or vconcat(P, Q) of two maps of the input. */
GP_FN bool gp_concat(const uint8_t *in, gp_map p, gp_map q, bool vertical, uint8_t *out, int *oh,
                     int *ow)
{
	int H, W;
	if (vertical) {
		if (p.w != q.w)
			return false; /* a ragged tuple, not a grid */
		H = p.h + q.h, W = p.w;
	} else {
		H = p.h < q.h ? p.h : q.h, W = p.w + q.w;
	}
	if (!gp_shape_ok(H, W))
		return false;
	GP_FOR2(i, j, H, W) {
		int src;
		if (vertical)
			src = i < p.h ? p.base + i * p.di + j * p.dj
			              : q.base + (i - p.h) * q.di + j * q.dj;
		else
			src = j < p.w ? p.base + i * p.di + j * p.dj
			              : q.base + i * q.di + (j - p.w) * q.dj;
		out[i * W + j] = in[src];
	}
	*oh = H, *ow = W;
	return true;
}

GP_OP(hcat) { return gp_concat(in, gp_rigid(0, h, w), gp_rigid(a, h, w), false, out, oh, ow); }
GP_OP(hcat_rev) { return gp_concat(in, gp_rigid(a, h, w), gp_rigid(0, h, w), false, out, oh, ow); }
GP_OP(vcat) { return gp_concat(in, gp_rigid(0, h, w), gp_rigid(a, h, w), true, out, oh, ow); }
GP_OP(vcat_rev) { return gp_concat(in, gp_rigid(a, h, w), gp_rigid(0, h, w), true, out, oh, ow); }

/* The halves of orientation b (gprog.def: half b, then half (b + 2) & 3) combined cell by cell: kind 0 cellwise, 1 and,
 * 2 or, 3 xor, 4 nor (with colour c), 5 overlay. */
GP_FN bool gp_halves(const uint8_t *in, int h, int w, int b, int kind, int c, uint8_t *out,
                     int *oh, int *ow)
{
	gp_map p = gp_half(b, h, w), q = gp_half((b + 2) & 3, h, w);
	if (!gp_shape_ok(p.h, p.w))
		return false;
	GP_FOR2(i, j, p.h, p.w) {
		int x = in[p.base + i * p.di + j], y = in[q.base + i * q.di + j], v;
		switch (kind) {
		case 0: v = x == y ? x : c; break;
		case 1: v = x && y ? c : 0; break;
		case 2: v = x || y ? c : 0; break;
		case 3: v = !x != !y ? c : 0; break;
		case 4: v = !x && !y ? c : 0; break;
		default: v = x ? x : y; break;
		}
		out[i * p.w + j] = (uint8_t)v;
	}
	*oh = p.h, *ow = p.w;
	return true;
}

GP_OP(half_cellwise) { return gp_halves(in, h, w, b, 0, a, out, oh, ow); }
GP_OP(half_and) { return gp_halves(in, h, w, b, 1, a, out, oh, ow); }
GP_OP(half_or) { return gp_halves(in, h, w, b, 2, a, out, oh, ow); }
GP_OP(half_xor) { return gp_halves(in, h, w, b, 3, a, out, oh, ow); }
GP_OP(half_nor) { return gp_halves(in, h, w, b, 4, a, out, oh, ow); }
GP_OP(half_overlay) { return gp_halves(in, h, w, b, 5, 0, out, oh, ow); }

GP_OP(overlay_t)
{
	gp_map m = gp_rigid(a, h, w);
	GP_FOR2(i, j, h, w) {
		int v = in[i * w + j];
		out[i * w + j] = (uint8_t)(v ? v : i < m.h && j < m.w ? in[m.base + i * m.di + j * m.dj] : 0);
	}
	*oh = h, *ow = w;
	return true;
}

GP_OP(half_same)
{
	if (w < 2)
		return false; /* halves of width 0: equal, and not a grid */
	int diff = 0, hw = w / 2;
	GP_FOR2(i, j, h, hw)
		diff |= in[i * w + j] != in[i * w + w - hw + j];
	return gp_gather(in, gp_half(gp_or((uint32_t)diff) ? 1 : 0, h, w), out, oh, ow);
}

GP_OP(keep_color)
{
	int n = h * w;
	GP_FOR(k, n)
		out[k] = in[k] == a ? (uint8_t)a : 0;
	*oh = h, *ow = w;
	return true;
}

/* n copies of x side by side (vertical false) or one above the other. */
GP_FN bool gp_tile(const uint8_t *in, int h, int w, int n, bool vertical, uint8_t *out, int *oh,
                   int *ow)
{
	int H = vertical ? n * h : h, W = vertical ? w : n * w;
	if (!gp_shape_ok(H, W))
		return false;
	GP_FOR2(i, j, H, W)
		out[i * W + j] = in[(i % h) * w + j % w];
	*oh = H, *ow = W;
	return true;
}

GP_OP(tile3h) { return gp_tile(in, h, w, 3, false, out, oh, ow); }
GP_OP(tile3v) { return gp_tile(in, h, w, 3, true, out, oh, ow); }

GP_OP(crop_least) { return gp_crop(in, h, w, gp_role(facts, in, h, w, true), true, out, oh, ow); }

GP_OP(replace_least)
{
	return gp_recolor(in, h, w, gp_role(facts, in, h, w, true), a, -1, -1, out, oh, ow);
}

GP_OP(keep_least)
{
	int c = gp_role(facts, in, h, w, true), n = h * w;
	GP_FOR(k, n)
		out[k] = in[k] == c ? (uint8_t)c : 0;
	*oh = h, *ow = w;
	return true;
}

GP_OP(switch_ml)
{
	int x = gp_role(facts, in, h, w, false), y = gp_role(facts, in, h, w, true);
	return gp_recolor(in, h, w, x, y, y, x, out, oh, ow);
}

GP_OP(bg_to_least)
{
	int x = gp_role(facts, in, h, w, false), y = gp_role(facts, in, h, w, true);
	return gp_recolor(in, h, w, x, y, -1, -1, out, oh, ow);
}

GP_OP(upscale_ncolors)
{
	int f = gp_popc(gp_palette(in, h * w));
	return gp_upscale(in, h, w, f, f, out, oh, ow);
}

GP_OP(upscale_nfg)
{
	int f = gp_popc(gp_palette(in, h * w)) - 1;
	return gp_upscale(in, h, w, f, f, out, oh, ow);
}

GP_OP(unit_most)
{
	out[0] = (uint8_t)gp_role(facts, in, h, w, false);
	*oh = 1, *ow = 1;
	return true;
}

GP_OP(unit_least)
{
	out[0] = (uint8_t)gp_role(facts, in, h, w, true);
	*oh = 1, *ow = 1;
	return true;
}

GP_OP(canvas_a)
{
	int n = h * w;
	GP_FOR(k, n)
		out[k] = (uint8_t)a;
	*oh = h, *ow = w;
	return true;
}

GP_OP(cellwise_t)
{
	gp_map m = gp_rigid(a, h, w);
	if (m.h < h || m.w < w)
		return false; /* cellwise reads b at a's every position: IndexError */
	GP_FOR2(i, j, h, w) {
		int v = in[i * w + j];
		out[i * w + j] = v == in[m.base + i * m.di + j * m.dj] ? (uint8_t)v : 0;
	}
	*oh = h, *ow = w;
	return true;
}

/* Every row (vertical false) or column holding colour c filled with c. */
GP_FN bool gp_lines(const uint8_t *in, int h, int w, int c, bool vertical, uint8_t *out, int *oh,
                    int *ow)
{
	uint32_t hit = 0; /* bit i: row (column) i holds c */
	GP_FOR2(i, j, h, w)
		if (in[i * w + j] == c)
			hit |= 1u << (vertical ? j : i);
	hit = gp_or(hit);
	GP_FOR2(i, j, h, w)
		out[i * w + j] = hit >> (vertical ? j : i) & 1 ? (uint8_t)c : in[i * w + j];
	*oh = h, *ow = w;
	return true;
}

GP_OP(hlines) { return gp_lines(in, h, w, a, false, out, oh, ow); }
GP_OP(vlines) { return gp_lines(in, h, w, a, true, out, oh, ow); }

/* Symmetric mending (gprog.def's mend_sym): the holes (cells of colour c) filled from the
 * known cells K (the others) through every mirror of K under which K stays consistent: the
 * mirrors of K about its bounding box (r0..r1 x c0..c1), hmirror, vmirror, dmirror, cmirror in
 * turn, each shifted by every offset of the template, in its order; one is consistent when
 * every mirrored cell that lands on a known cell has its colour, and more than half of K does.
 * The last consistent mirror to bring a cell into a hole paints it, as `paint` of the merged
 * tuple does. crop: the result's part over the holes' bounding box. The lanes split the
 * mirrors to test, then the cells of each consistent one in turn. */
typedef struct gp_box {
	int r0, r1, c0, c1;       /* K's bounding box */
	int rows[31], cols[31];   /* K's cells in the rows (columns) before each */
} gp_box;

/* A mirror of K on the grid: the cells (i, j) of rows i0..i1 and columns j0..j1 (none when
 * empty) are those it takes into the grid, cell (i, j) to base + i * di + j * dj. */
typedef struct gp_mirror {
	int i0, i1, j0, j1;
	int base, di, dj;
} gp_mirror;

/* Mirror q (0 .. 4 (h + w): hmirror's 2h offsets -h..h-1, vmirror's 2w -w..w-1, dmirror's
 * h + w -w..h-1, cmirror's h + w -h..w-1). */
GP_FN gp_mirror gp_mirror_of(int q, int h, int w, const gp_box *k)
{
	gp_mirror m = {0, h - 1, 0, w - 1, 0, 0, 0};
	int d;
	if (q < 2 * h) { /* (r0 + r1 + d - i, j) */
		d = q - h, m.i0 = k->r0 + k->r1 + d - h + 1, m.i1 = k->r0 + k->r1 + d;
		m.base = (k->r0 + k->r1 + d) * w, m.di = -w, m.dj = 1;
	} else if ((q -= 2 * h) < 2 * w) { /* (i, c0 + c1 + d - j) */
		d = q - w, m.j0 = k->c0 + k->c1 + d - w + 1, m.j1 = k->c0 + k->c1 + d;
		m.base = k->c0 + k->c1 + d, m.di = w, m.dj = -1;
	} else if ((q -= 2 * w) < h + w) { /* (j - c0 + r0 + d, i - r0 + c0 - d) */
		d = q - w, m.i0 = k->r0 - k->c0 + d, m.i1 = m.i0 + w - 1;
		m.j0 = k->c0 - k->r0 - d, m.j1 = m.j0 + h - 1;
		m.base = m.i0 * w + m.j0, m.di = 1, m.dj = w;
	} else { /* (c1 + r0 + d - j, c0 + r1 + d - i) */
		d = q - h - w - h, m.i0 = k->c0 + k->r1 + d - w + 1, m.i1 = k->c0 + k->r1 + d;
		m.j0 = k->c1 + k->r0 + d - h + 1, m.j1 = k->c1 + k->r0 + d;
		m.base = m.j1 * w + m.i1, m.di = -1, m.dj = -w;
	}
	m.i0 = m.i0 < 0 ? 0 : m.i0, m.i1 = m.i1 >= h ? h - 1 : m.i1;
	m.j0 = m.j0 < 0 ? 0 : m.j0, m.j1 = m.j1 >= w ? w - 1 : m.j1;
	return m;
}

/* At most how many cells of K mirror m takes into the grid: those of its rows and columns. */
GP_FN int gp_mirror_reach(const gp_mirror *m, const gp_box *k)
{
	if (m->i0 > m->i1 || m->j0 > m->j1)
		return 0;
	int a = k->rows[m->i1 + 1] - k->rows[m->i0], b = k->cols[m->j1 + 1] - k->cols[m->j0];
	return a < b ? a : b;
}

/* Whether mirror q of K agrees with K where it lands on it, on more than half of K's nk cells. */
GP_FN bool gp_mirror_agrees(const uint8_t *in, int h, int w, int c, const gp_box *k, int nk, int q)
{
	gp_mirror m = gp_mirror_of(q, h, w, k);
	if (2 * gp_mirror_reach(&m, k) <= nk)
		return false;
	int agree = 0;
	for (int i = m.i0; i <= m.i1; i++)
		for (int j = m.j0; j <= m.j1; j++) {
			int v = in[i * w + j], u = in[m.base + i * m.di + j * m.dj];
			if (v == c || u == c)
				continue;
			if (u != v)
				return false;
			agree++;
		}
	return 2 * agree > nk;
}

GP_FN bool gp_mend_sym(const uint8_t *in, int h, int w, int c, bool crop, uint8_t *out, int *oh,
                       int *ow)
{
	gp_box k = {h, -1, w, -1, {0}, {0}};
	int nk = 0, t = h, b = -1, l = w, r = -1; /* the holes' box */
	for (int i = 0; i < h; i++)
		for (int j = 0; j < w; j++) {
			if (in[i * w + j] == c) {
				t = i < t ? i : t, b = i > b ? i : b, l = j < l ? j : l, r = j > r ? j : r;
				continue;
			}
			nk++, k.rows[i + 1]++, k.cols[j + 1]++;
			k.r0 = i < k.r0 ? i : k.r0, k.r1 = i > k.r1 ? i : k.r1;
			k.c0 = j < k.c0 ? j : k.c0, k.c1 = j > k.c1 ? j : k.c1;
		}
	if (!nk || (crop && b < 0))
		return false;
	for (int i = 0; i < h; i++)
		k.rows[i + 1] += k.rows[i];
	for (int j = 0; j < w; j++)
		k.cols[j + 1] += k.cols[j];
	uint32_t agrees[8] = {0}; /* bit q: mirror q is consistent (none without a hole) */
	for (int q = GP_LANE; b >= 0 && q < 4 * (h + w); q += GP_LANES)
		agrees[q >> 5] |= (uint32_t)gp_mirror_agrees(in, h, w, c, &k, nk, q) << (q & 31);
	for (int m = 0; m < 8; m++)
		agrees[m] = gp_or(agrees[m]);
	GP_FOR(x, h * w)
		out[x] = in[x];
	GP_SYNC();
	for (int q = 0; q < 4 * (h + w); q++) {
		if (!(agrees[q >> 5] >> (q & 31) & 1))
			continue;
		gp_mirror m = gp_mirror_of(q, h, w, &k); /* it agrees: it takes some cell in */
		GP_FOR2(y, x, m.i1 - m.i0 + 1, m.j1 - m.j0 + 1) {
			int i = m.i0 + y, j = m.j0 + x, to = m.base + i * m.di + j * m.dj;
			if (in[i * w + j] != c && in[to] == c)
				out[to] = in[i * w + j];
		}
		GP_SYNC();
	}
	if (!crop) {
		*oh = h, *ow = w;
		return true;
	}
	int H = b - t + 1, W = r - l + 1;
	uint8_t keep[(900 + GP_LANES - 1) / GP_LANES]; /* this lane's cells of the part, read first */
	GP_FOR(x, H * W)
		keep[x / GP_LANES] = out[(t + x / W) * w + l + x % W];
	GP_SYNC();
	GP_FOR(x, H * W)
		out[x] = keep[x / GP_LANES];
	*oh = H, *ow = W;
	return true;
}

GP_OP(mend_sym) { return gp_mend_sym(in, h, w, a, false, out, oh, ow); }
GP_OP(mend_sym_crop) { return gp_mend_sym(in, h, w, a, true, out, oh, ow); }

GP_OP(border)
{
	GP_FOR2(i, j, h, w)
		out[i * w + j] = i == 0 || j == 0 || i == h - 1 || j == w - 1 ? (uint8_t)a : in[i * w + j];
	*oh = h, *ow = w;
	return true;
}

/* ---- objects: the grid split into objects (gprog.def's $oa), one picked, then cropped ---- */

/* A grid padded with a border of one cell, at a fixed row stride of 32 (w + 2 <= 32), so a
 * padded index is row << 5 | column. */
#define GP_PW 32
#define GP_PADDED (GP_PW * GP_PW)

/* An object's summary. */
typedef struct gp_obj {
	int label;                    /* its cells' entry in the split's label grid */
	int key;                      /* its place in the set of objects (DSL.md 7.5: by smallest
	                                 cell, colour first): that cell's colour * 1024 + index */
	int top, left, bottom, right; /* bounding box */
	int size;                     /* cells */
} gp_obj;

/* The split a of a grid, one object at a time (gp_split_next), in row-major order of their
 * first cells: components grow from a queue over the padded grid, so neighbours are fixed
 * offsets. Every lane computes the same (a warp in lockstep, its reads broadcast); only
 * gp_mostcolor in gp_split_init spreads work over lanes. */
typedef struct gp_split {
	const uint8_t *in;
	int h, w, a, bg;
	int p;                       /* the next padded cell to look at */
	int label;                   /* objects found */
	uint8_t wait[GP_PADDED];     /* per padded cell: colour + 1 while it waits, else 0 */
	uint16_t lab[GP_PADDED];     /* per padded cell: its object's label, 0 for none */
	uint16_t queue[GP_PADDED];   /* the last object's padded cells */
} gp_split;

/* Split a of in over background bg (gp_split_init: the DSL's, mostcolor; none, -1, for a = 5).
 * With bg 0, a univalued split's objects are those of objects(in, T, D, F) but the ones of
 * colour 0 (search_objmap.c). */
GP_FN void gp_split_init_bg(gp_split *s, const uint8_t *in, int h, int w, int a, int bg)
{
	s->in = in, s->h = h, s->w = w, s->a = a, s->bg = bg;
	s->p = GP_PW + 1, s->label = 0;
	int n = (h + 2) * GP_PW;
	memset(s->wait, 0, (size_t)n);
	memset(s->lab, 0, (size_t)n * sizeof s->lab[0]);
	for (int i = 0; i < h; i++)
		for (int j = 0; j < w; j++) {
			int c = in[i * w + j];
			s->wait[(i + 1) * GP_PW + j + 1] = c == s->bg ? 0 : (uint8_t)(c + 1);
		}
}

GP_FN void gp_split_init(gp_split *s, const uint8_t *in, int h, int w, int a,
                         const gp_facts *facts)
{
	gp_split_init_bg(s, in, h, w, a, a == 5 ? -1 : gp_role(facts, in, h, w, false));
}

/* The next object into *o (its cells in s->queue), or false when there is none left. */
GP_FN bool gp_split_next(gp_split *s, gp_obj *o)
{
	const int W = GP_PW, end = (s->h + 1) * W;
	while (s->p < end && !s->wait[s->p])
		s->p++;
	if (s->p >= end)
		return false;
	const int p = s->p, code = s->wait[p];
	int len = 0;
	uint16_t *queue = s->queue;
	if (s->a == 4) { /* fgpartition: every cell of p's colour */
		o->label = code;
		for (int k = p; k < end; k++)
			if (s->wait[k] == code)
				s->wait[k] = 0, s->lab[k] = (uint16_t)code, queue[len++] = (uint16_t)k;
	} else {
		const int off[8] = {-W, -1, 1, W, -W - 1, -W + 1, W - 1, W + 1};
		const int steps = s->a == 1 || s->a == 3 ? 8 : 4;
		const bool univalued = s->a < 2 || s->a == 5;
		o->label = ++s->label;
		s->wait[p] = 0, s->lab[p] = (uint16_t)o->label, queue[len++] = (uint16_t)p;
		for (int q = 0; q < len; q++)
			for (int d = 0; d < steps; d++) {
				int k = queue[q] + off[d];
				if (univalued ? s->wait[k] != code : !s->wait[k])
					continue;
				s->wait[k] = 0, s->lab[k] = (uint16_t)o->label, queue[len++] = (uint16_t)k;
			}
	}
	/* p is the object's first cell; with several colours its smallest is the first of the
	 * smallest colour */
	int top = 99, left = 99, bottom = -1, right = -1, minc = 99, mink = 0;
	for (int q = 0; q < len; q++) {
		int k = queue[q], i = k / GP_PW - 1, j = k % GP_PW - 1, c = s->in[i * s->w + j];
		top = i < top ? i : top, bottom = i > bottom ? i : bottom;
		left = j < left ? j : left, right = j > right ? j : right;
		if (c < minc || (c == minc && i * s->w + j < mink))
			minc = c, mink = i * s->w + j;
	}
	o->top = top, o->left = left, o->bottom = bottom, o->right = right;
	o->key = minc * 1024 + mink, o->size = len;
	return true;
}

/* The keys an object or a part is picked by (gprog.def's obj_crop* and split_* ops). */
enum { GP_KEY_SIZE, GP_KEY_NCOLORS, GP_KEY_VSYM, GP_KEY_HSYM, GP_KEY_COLOR, GP_KEY_DSYM, GP_KEY_HOLES };

/* Key `kind` of the object just found (its cells in s->queue): cells, colours, whether it is
 * its own vmirror (hmirror) within its bounding box, cells of colour c. */
GP_FN int gp_obj_key(const gp_split *s, const gp_obj *o, int kind, int c)
{
	if (kind == GP_KEY_SIZE)
		return o->size;
	if (kind == GP_KEY_HOLES)
		return (o->bottom - o->top + 1) * (o->right - o->left + 1) - o->size;
	int seen = 0, n = 0;
	for (int q = 0; q < o->size; q++) {
		int k = s->queue[q], i = k / GP_PW - 1, j = k % GP_PW - 1, col = s->in[i * s->w + j];
		if (kind == GP_KEY_VSYM || kind == GP_KEY_HSYM) {
			int mi = kind == GP_KEY_HSYM ? o->top + o->bottom - i : i;
			int mj = kind == GP_KEY_VSYM ? o->left + o->right - j : j;
			if (s->lab[(mi + 1) * GP_PW + mj + 1] != o->label || s->in[mi * s->w + mj] != col)
				return 0;
		}
		seen |= 1 << col, n += col == c;
	}
	if (kind == GP_KEY_NCOLORS)
		return gp_popc(seen);
	return kind == GP_KEY_COLOR ? n : 1;
}

/* argmax(objects, key) (most) or argmin: among equal keys the first in set order. False when
 * there are no objects (argmax raises). */
GP_FN bool gp_obj_pick(gp_split *s, int kind, int c, bool most, gp_obj *pick)
{
	bool any = false;
	int best = 0;
	gp_obj o;
	while (gp_split_next(s, &o)) {
		int k = gp_obj_key(s, &o, kind, c);
		if (!any || (most ? k > best : k < best) || (k == best && o.key < pick->key))
			any = true, *pick = o, best = k;
	}
	return any;
}

/* The bounding box of the object of split s picked by key `kind` with x's cells. */
GP_FN bool gp_obj_crop_of(gp_split *s, int kind, int c, bool most, uint8_t *out, int *oh,
                          int *ow)
{
	gp_obj o = {0}; /* gp_obj_pick reads o.key only once it set o (gcc cannot tell) */
	if (!gp_obj_pick(s, kind, c, most, &o))
		return false;
	return gp_gather(s->in, gp_mkmap(o.bottom - o.top + 1, o.right - o.left + 1,
	                                 o.top * s->w + o.left, s->w, 1), out, oh, ow);
}

/* The same for split a over the background. */
GP_FN bool gp_obj_crop_by(const uint8_t *in, int h, int w, int a, int kind, int c, bool most,
                          const gp_facts *facts, uint8_t *out, int *oh, int *ow)
{
	gp_split s;
	gp_split_init(&s, in, h, w, a, facts);
	return gp_obj_crop_of(&s, kind, c, most, out, oh, ow);
}

GP_OP(obj_crop_ncolors)
{
	return gp_obj_crop_by(in, h, w, a, GP_KEY_NCOLORS, 0, !b, facts, out, oh, ow);
}
GP_OP(obj_crop_vsym) { return gp_obj_crop_by(in, h, w, a, GP_KEY_VSYM, 0, !b, facts, out, oh, ow); }
GP_OP(obj_crop_hsym) { return gp_obj_crop_by(in, h, w, a, GP_KEY_HSYM, 0, !b, facts, out, oh, ow); }
GP_OP(obj_crop_color)
{
	return gp_obj_crop_by(in, h, w, a, GP_KEY_COLOR, b, true, facts, out, oh, ow);
}
GP_OP(obj_crop_holes)
{
	return gp_obj_crop_by(in, h, w, a, GP_KEY_HOLES, 0, !b, facts, out, oh, ow);
}

/* The part of split a (hsplit into 2..4 for a < 3, else vsplit into a - 1: parts of equal
 * size, one line left between them where the size does not divide) picked by key `kind`
 * (numcolors, or whether it is its own vmirror, hmirror or dmirror): the first of the best. Every lane
 * computes the keys in full, as the object ops do. */
GP_FN bool gp_split_pick(const uint8_t *in, int h, int w, int a, int kind, bool most,
                         uint8_t *out, int *oh, int *ow)
{
	bool horiz = a < 3;
	int n = horiz ? a + 2 : a - 1;
	int ph = horiz ? h : h / n, pw = horiz ? w / n : w;
	int gap = (horiz ? w : h) % n != 0;
	int best = 0, at = 0, bh = 0, bw = 0;
	for (int p = 0; p < n; p++) {
		/* a part past the grid's end is cut short, or empty, as the DSL's crop slices */
		int start = p * ((horiz ? pw : ph) + gap), end = horiz ? w : h;
		int len = end - start < (horiz ? pw : ph) ? (end > start ? end - start : 0) : (horiz ? pw : ph);
		int qh = horiz ? ph : len, qw = horiz ? len : pw;
		int base = horiz ? start : start * w, seen = 0, k = 1;
		for (int i = 0; i < qh; i++)
			for (int j = 0; j < qw; j++) {
				int c = in[base + i * w + j];
				seen |= 1 << c;
				if (kind == GP_KEY_VSYM && c != in[base + i * w + qw - 1 - j])
					k = 0;
				if (kind == GP_KEY_HSYM && c != in[base + (qh - 1 - i) * w + j])
					k = 0;
				if (kind == GP_KEY_DSYM && (qh != qw || c != in[base + j * w + i]))
					k = 0;
			}
		if (kind == GP_KEY_DSYM && qh != qw) /* () is its own dmirror, h rows of () are not */
			k = qh == 0;
		if (kind == GP_KEY_NCOLORS)
			k = gp_popc(seen);
		if (p == 0 || (most ? k > best : k < best))
			best = k, at = base, bh = qh, bw = qw;
	}
	return gp_gather(in, gp_mkmap(bh, bw, at, w, 1), out, oh, ow);
}

GP_OP(split_ncolors) { return gp_split_pick(in, h, w, a, GP_KEY_NCOLORS, !b, out, oh, ow); }
GP_OP(split_vsym) { return gp_split_pick(in, h, w, a, GP_KEY_VSYM, !b, out, oh, ow); }
GP_OP(split_hsym) { return gp_split_pick(in, h, w, a, GP_KEY_HSYM, !b, out, oh, ow); }
GP_OP(split_dsym) { return gp_split_pick(in, h, w, a, GP_KEY_DSYM, !b, out, oh, ow); }

/* The object of the most (b = 0) or fewest cells: its bounding box with x's cells. */
GP_OP(obj_crop) { return gp_obj_crop_by(in, h, w, a, GP_KEY_SIZE, 0, !b, facts, out, oh, ow); }

/* The object of the most (b = 0) or fewest cells alone on a canvas of the background. */
GP_OP(obj_keep)
{
	gp_split s;
	gp_obj o;
	gp_split_init(&s, in, h, w, a, facts);
	if (!gp_obj_pick(&s, GP_KEY_SIZE, 0, !b, &o))
		return false;
	GP_FOR2(i, j, h, w)
		out[i * w + j] = s.lab[(i + 1) * GP_PW + j + 1] == o.label ? in[i * w + j] : (uint8_t)s.bg;
	*oh = h, *ow = w;
	return true;
}

/* The objects of one cell covered with the background. */
GP_OP(obj_denoise)
{
	gp_split s;
	gp_obj o;
	gp_split_init(&s, in, h, w, a, facts);
	while (gp_split_next(&s, &o))
		if (o.size == 1)
			s.lab[s.queue[0]] = 0xffff;
	GP_FOR2(i, j, h, w)
		out[i * w + j] = s.lab[(i + 1) * GP_PW + j + 1] == 0xffff ? (uint8_t)s.bg : in[i * w + j];
	*oh = h, *ow = w;
	return true;
}

/* -- painting ops (issue 12). They work on row bitmasks (bit j of m[i]: cell (i, j)) that
 * every lane computes in full, so no lane waits for another; only the writing of the result
 * is split over the lanes. */

/* m[i] bit j: in(i, j) == c (eq true) or != c (eq false). */
#ifndef __CUDACC__
GP_FN void gp_rows_of(const uint8_t *in, int h, int w, int c, bool eq, uint32_t *m)
{
	/* bit k of all[]: cell k is c, eight cells a step (the zero bytes of their word xor c, each
	 * byte's top bit packed into a byte by one multiply); then each row's bits */
	uint64_t all[15] = {0}, cc = 0x0101010101010101ull * (uint8_t)c;
	const uint64_t low7 = 0x7f7f7f7f7f7f7f7full;
	int n = (unsigned)c < 256 ? h * w : 0, k = 0;
	for (; k + 8 <= n; k += 8) {
		uint64_t x = gp_load64(in + k) ^ cc, zero = ~(((x & low7) + low7) | x | low7);
		all[k >> 6] |= (((zero >> 7) * 0x0102040810204080ull) >> 56) << (k & 63);
	}
	for (; k < n; k++)
		all[k >> 6] |= (uint64_t)(in[k] == c) << (k & 63);
	uint32_t full = (1u << w) - 1;
	for (int i = 0; i < h; i++) {
		int at = i * w, off = at & 63;
		uint64_t r = all[at >> 6] >> off;
		if (off + w > 64)
			r |= all[(at >> 6) + 1] << (64 - off);
		m[i] = ((uint32_t)r & full) ^ (eq ? 0 : full);
	}
}
#else
GP_FN void gp_rows_of(const uint8_t *in, int h, int w, int c, bool eq, uint32_t *m)
{
	for (int i = 0; i < h; i++) {
		uint32_t r = 0;
		for (int j = 0; j < w; j++)
			r |= (uint32_t)((in[i * w + j] == c) == eq) << j;
		m[i] = r;
	}
}
#endif

/* Bits 0 .. the highest set bit of x (0 for x = 0). */
GP_FN uint32_t gp_upto_high(uint32_t x)
{
	x |= x >> 1, x |= x >> 2, x |= x >> 4, x |= x >> 8, x |= x >> 16;
	return x;
}

/* Grows r (h rows, in place) within mask over 4-neighbours, or 8 with diag, to the closure:
 * sweeps down and up over the rows it holds and their neighbours until nothing changes. */
GP_FN void gp_flood(uint32_t *r, const uint32_t *mask, int h, bool diag)
{
	int lo = 0, hi = h - 1;
	while (lo < h && !r[lo])
		lo++;
	while (hi > lo && !r[hi])
		hi--;
	for (bool grew = lo < h; grew;) {
		grew = false;
		int a = lo > 0 ? lo - 1 : 0, b = hi + 1 < h ? hi + 1 : hi;
		for (int pass = 0; pass < 2; pass++)
			for (int k = a; k <= b; k++) {
				int i = pass ? a + b - k : k;
				uint32_t x = r[i], up = i > 0 ? r[i - 1] : 0, dn = i + 1 < h ? r[i + 1] : 0;
				if (diag)
					up |= up << 1 | up >> 1, dn |= dn << 1 | dn >> 1;
				uint32_t n = (x | x << 1 | x >> 1 | up | dn) & mask[i];
				if (n != x) {
					r[i] = n, grew = true;
					lo = i < lo ? i : lo, hi = i > hi ? i : hi;
				}
			}
	}
}

/* out = in with colour c where p (row bitmasks) is set; only where in is bg when bg >= 0 (a
 * colour). */
#ifndef __CUDACC__
GP_FN bool gp_paint_rows(const uint8_t *in, int h, int w, const uint32_t *p, int c, int bg,
                         uint8_t *out, int *oh, int *ow)
{
	/* p as one bit string over the row-major cells, then eight cells a step under a byte mask:
	 * p's bits spread to bytes (their top bits), with bg the zero bytes of the word xor bg */
	uint64_t all[15] = {0};
	uint32_t full = (1u << w) - 1;
	for (int i = 0; i < h; i++) {
		int at = i * w, off = at & 63;
		uint64_t r = p[i] & full;
		all[at >> 6] |= r << off;
		if (off + w > 64)
			all[(at >> 6) + 1] |= r >> (64 - off);
	}
	const uint64_t ones = 0x0101010101010101ull, low7 = 0x7f7f7f7f7f7f7f7full;
	uint64_t cc = ones * (uint8_t)c, bgc = ones * (uint8_t)bg;
	int n = h * w, k = 0;
	for (; k + 8 <= n; k += 8) {
		uint64_t x = gp_load64(in + k);
		uint64_t s = ((all[k >> 6] >> (k & 63)) & 0xff) * ones & 0x8040201008040201ull;
		uint64_t m = (((s & low7) + low7) | s) & ~low7;
		if (bg >= 0) {
			uint64_t y = x ^ bgc;
			m &= ~(((y & low7) + low7) | y | low7);
		}
		m = (m >> 7) * 0xff;
		x = (x & ~m) | (cc & m);
		memcpy(out + k, &x, sizeof x);
	}
	for (; k < n; k++) {
		int v = in[k];
		out[k] = (uint8_t)(all[k >> 6] >> (k & 63) & 1 && (bg < 0 || v == bg) ? c : v);
	}
	*oh = h, *ow = w;
	return true;
}
#else
GP_FN bool gp_paint_rows(const uint8_t *in, int h, int w, const uint32_t *p, int c, int bg,
                         uint8_t *out, int *oh, int *ow)
{
	GP_FOR2(i, j, h, w) {
		int v = in[i * w + j];
		out[i * w + j] = (uint8_t)(p[i] >> j & 1 && (bg < 0 || v == bg) ? c : v);
	}
	*oh = h, *ow = w;
	return true;
}
#endif

GP_OP(fill_enclosed)
{
	uint32_t z[30], r[30];
	gp_rows_of(in, h, w, 0, true, z);
	for (int i = 0; i < h; i++)
		r[i] = z[i] & (i == 0 || i == h - 1 ? ~0u : 1u | 1u << (w - 1));
	gp_flood(r, z, h, false);
	for (int i = 0; i < h; i++)
		r[i] = z[i] & ~r[i];
	return gp_paint_rows(in, h, w, r, a, -1, out, oh, ow);
}

/* From every cell of colour c a ray of c to the border: d 0 up, 1 down, 2 left, 3 right, 4 the
 * four diagonals. */
GP_FN bool gp_rays(const uint8_t *in, int h, int w, int c, int d, uint8_t *out, int *oh, int *ow)
{
	uint32_t m[30], p[30], full = (1u << w) - 1, acc = 0;
	gp_rows_of(in, h, w, c, true, m);
	for (int k = 0; k < h; k++) {
		int i = d == 0 ? h - 1 - k : k;
		uint32_t x = m[i];
		if (d <= 1)
			acc |= x, p[i] = acc;
		else if (d == 2)
			p[i] = gp_upto_high(x);
		else if (d == 3)
			p[i] = full & ~((x & (0u - x)) - 1);
		else {
			uint32_t y = 0;
			for (int q = 0; q < h; q++) {
				int s = i > q ? i - q : q - i;
				y |= m[q] << s | m[q] >> s;
			}
			p[i] = y & full;
		}
	}
	return gp_paint_rows(in, h, w, p, c, -1, out, oh, ow);
}

GP_OP(ray_up) { return gp_rays(in, h, w, a, 0, out, oh, ow); }
GP_OP(ray_down) { return gp_rays(in, h, w, a, 1, out, oh, ow); }
GP_OP(ray_left) { return gp_rays(in, h, w, a, 2, out, oh, ow); }
GP_OP(ray_right) { return gp_rays(in, h, w, a, 3, out, oh, ow); }
GP_OP(ray_diag) { return gp_rays(in, h, w, a, 4, out, oh, ow); }

/* Every column stably partitioned, the non-zero cells last (last true) or first: a
 * permutation, so each lane writes the cells its input cells go to. */
GP_FN bool gp_gravity(const uint8_t *in, int h, int w, bool last, uint8_t *out, int *oh, int *ow)
{
	uint32_t nz[30]; /* bit i of nz[j]: cell (i, j) is non-zero */
	for (int j = 0; j < w; j++) {
		uint32_t r = 0;
		for (int i = 0; i < h; i++)
			r |= (uint32_t)(in[i * w + j] != 0) << i;
		nz[j] = r;
	}
	GP_FOR2(i, j, h, w) {
		int v = in[i * w + j];
		int all = gp_popc(nz[j]), above = gp_popc(nz[j] & ((1u << i) - 1));
		int dest = v ? (last ? h - all : 0) + above : (last ? 0 : all) + i - above;
		out[dest * w + j] = (uint8_t)v;
	}
	*oh = h, *ow = w;
	return true;
}

GP_OP(gravity_down) { return gp_gravity(in, h, w, true, out, oh, ow); }
GP_OP(gravity_up) { return gp_gravity(in, h, w, false, out, oh, ow); }

GP_OP(kron)
{
	int H = h * h, W = w * w;
	if (!gp_shape_ok(H, W))
		return false;
	GP_FOR2(i, j, H, W)
		out[i * W + j] = in[(i / h) * w + j / w] == a ? in[(i % h) * w + j % w] : 0;
	*oh = H, *ow = W;
	return true;
}

/* Columns lo..hi (clipped to 0..w-1) as a row bitmask. */
GP_FN uint32_t gp_span(int lo, int hi, int w)
{
	lo = lo < 0 ? 0 : lo, hi = hi >= w ? w - 1 : hi;
	return lo > hi ? 0 : ((2u << hi) - 1) & ~((1u << lo) - 1);
}

/* The bounding box of every object (8-connected cells that are not the background, any
 * colours) painted in colour c: kind 0 its outline, 1 the outline one cell outside it, 2 its
 * background cells. An object's top row is the first row with cells left, so it floods from
 * there down. */
GP_FN bool gp_objboxes(const uint8_t *in, int h, int w, int c, int kind, const gp_facts *facts,
                       uint8_t *out, int *oh, int *ow)
{
	int bg = gp_role(facts, in, h, w, false);
	uint32_t rest[30], obj[30], p[30];
	gp_rows_of(in, h, w, bg, false, rest);
	for (int i = 0; i < h; i++)
		p[i] = 0;
	for (int t = 0; t < h; t++)
		while (rest[t]) {
			for (int i = t; i < h; i++)
				obj[i] = 0;
			obj[t] = rest[t] & (0u - rest[t]);
			gp_flood(obj + t, rest + t, h - t, true);
			int b = t;
			uint32_t cols = 0;
			for (int i = t; i < h; i++)
				if (obj[i])
					b = i, cols |= obj[i], rest[i] &= ~obj[i];
			int l = gp_popc((cols & (0u - cols)) - 1), r = gp_popc(gp_upto_high(cols)) - 1;
			int e = kind == 1; /* the outline's distance outside the box */
			for (int i = t - e; i <= b + e; i++) {
				if (i < 0 || i >= h)
					continue;
				if (kind == 2 || i == t - e || i == b + e)
					p[i] |= gp_span(l - e, r + e, w);
				else
					p[i] |= gp_span(l - e, l - e, w) | gp_span(r + e, r + e, w);
			}
		}
	return gp_paint_rows(in, h, w, p, c, kind == 2 ? bg : -1, out, oh, ow);
}

GP_OP(obj_box) { return gp_objboxes(in, h, w, a, 0, facts, out, oh, ow); }
GP_OP(obj_outbox) { return gp_objboxes(in, h, w, a, 1, facts, out, oh, ow); }
GP_OP(obj_backdrop) { return gp_objboxes(in, h, w, a, 2, facts, out, oh, ow); }

GP_OP(kron_fg)
{
	int H = h * h, W = w * w;
	if (!gp_shape_ok(H, W))
		return false;
	GP_FOR2(i, j, H, W)
		out[i * W + j] = in[(i / h) * w + j / w] ? in[(i % h) * w + j % w] : 0;
	*oh = H, *ow = W;
	return true;
}

GP_OP(connect)
{
	uint32_t m[30], p[30], below[30], acc = 0; /* below[i]: colour a in rows i.. */
	gp_rows_of(in, h, w, a, true, m);
	for (int i = h - 1; i >= 0; i--)
		acc |= m[i], below[i] = acc;
	acc = 0;
	for (int i = 0; i < h; i++) {
		uint32_t x = m[i];
		acc |= x;
		p[i] = (acc & below[i]) | (gp_upto_high(x) & ~((x & (0u - x)) - 1));
	}
	return gp_paint_rows(in, h, w, p, b, gp_role(facts, in, h, w, false), out, oh, ow);
}

/* Between two cells of colour a on a diagonal: ul[i] holds the cells with a cell of colour a
 * up-left of them (or on them), dr down-right, ur up-right, dl down-left. */
GP_OP(connect_diag)
{
	uint32_t m[30], ul[30], dr[30], ur[30], dl[30], p[30], full = (1u << w) - 1;
	gp_rows_of(in, h, w, a, true, m);
	for (int i = 0; i < h; i++) {
		ul[i] = m[i] | (i ? ul[i - 1] << 1 & full : 0);
		ur[i] = m[i] | (i ? ur[i - 1] >> 1 : 0);
	}
	for (int i = h - 1; i >= 0; i--) {
		dr[i] = m[i] | (i + 1 < h ? dr[i + 1] >> 1 : 0);
		dl[i] = m[i] | (i + 1 < h ? dl[i + 1] << 1 & full : 0);
	}
	for (int i = 0; i < h; i++)
		p[i] = (ul[i] & dr[i]) | (ur[i] & dl[i]);
	return gp_paint_rows(in, h, w, p, b, gp_role(facts, in, h, w, false), out, oh, ow);
}

/* The background cells next to a cell of colour b become a: kind 0 the 8 neighbours, 1 the
 * 4 side ones, 2 the 4 corner ones. */
GP_FN bool gp_halo(const uint8_t *in, int h, int w, int a, int b, int kind, const gp_facts *facts,
                   uint8_t *out, int *oh, int *ow)
{
	uint32_t m[30], p[30], full = (1u << w) - 1;
	gp_rows_of(in, h, w, b, true, m);
	for (int i = 0; i < h; i++) {
		uint32_t x = (i > 0 ? m[i - 1] : 0) | (i + 1 < h ? m[i + 1] : 0); /* not the cell itself */
		uint32_t side = x | m[i] << 1 | m[i] >> 1, corner = x << 1 | x >> 1;
		p[i] = (kind == 1 ? side : kind == 2 ? corner : side | corner) & full;
	}
	return gp_paint_rows(in, h, w, p, a, gp_role(facts, in, h, w, false), out, oh, ow);
}

GP_OP(halo) { return gp_halo(in, h, w, a, b, 0, facts, out, oh, ow); }
GP_OP(halo_orth) { return gp_halo(in, h, w, a, b, 1, facts, out, oh, ow); }
GP_OP(halo_diag) { return gp_halo(in, h, w, a, b, 2, facts, out, oh, ow); }

GP_OP(hollow)
{
	int bg = gp_role(facts, in, h, w, false);
	uint32_t m[30], p[30];
	gp_rows_of(in, h, w, bg, true, m);
	for (int i = 0; i < h; i++) {
		uint32_t x = m[i] | m[i] << 1 | m[i] >> 1 | (i > 0 ? m[i - 1] : 0) | (i + 1 < h ? m[i + 1] : 0);
		p[i] = ~x; /* not bg, no bg 4-neighbour (outside the grid counts as none) */
	}
	return gp_paint_rows(in, h, w, p, bg, -1, out, oh, ow);
}

GP_OP(fill_lines)
{
	uint32_t m[30], p[30], rows = 0, cols = (1u << w) - 1;
	gp_rows_of(in, h, w, b, true, m);
	for (int i = 0; i < h; i++)
		cols &= m[i], rows |= (uint32_t)(m[i] == (1u << w) - 1) << i;
	for (int i = 0; i < h; i++)
		p[i] = rows >> i & 1 ? (1u << w) - 1 : cols;
	return gp_paint_rows(in, h, w, p, a, -1, out, oh, ow);
}

/* Between two cells of colour c on a column (diag: a down-right diagonal) into v[i], on a row
 * (diag: an up-right diagonal) into r[i], for connect_own's V and H: the cells with a cell of
 * c on both sides of them (or on them) along the line. */
GP_FN void gp_spans(const uint8_t *in, int h, int w, int c, bool diag, uint32_t *v, uint32_t *r)
{
	uint32_t m[30], up[30], upr[30], full = (1u << w) - 1;
	gp_rows_of(in, h, w, c, true, m);
	for (int i = 0; i < h; i++) {
		uint32_t u = i ? up[i - 1] : 0, ur = i ? upr[i - 1] : 0;
		up[i] = m[i] | (diag ? u << 1 & full : u);
		upr[i] = m[i] | ur >> 1;
	}
	uint32_t dn = 0, dnl = 0;
	for (int i = h - 1; i >= 0; i--) {
		dn = m[i] | (diag ? dn >> 1 : dn), dnl = m[i] | (dnl << 1 & full);
		v[i] = up[i] & dn;
		r[i] = diag ? upr[i] & dnl : gp_upto_high(m[i]) & ~((m[i] & (0u - m[i])) - 1);
	}
}

/* connect_own: where x is the background, the one colour whose V holds the cell, else the one
 * whose H does (a cell two colours claim is in neither). */
GP_FN bool gp_connect_own(const uint8_t *in, int h, int w, bool diag, const gp_facts *facts,
                          uint8_t *out, int *oh, int *ow)
{
	int bg = gp_role(facts, in, h, w, false);
	uint32_t v[10][30], r[10][30], pal = gp_palette(in, h * w) & ~(1u << bg);
	for (int c = 0; c < 10; c++)
		if (pal >> c & 1)
			gp_spans(in, h, w, c, diag, v[c], r[c]);
	GP_FOR2(i, j, h, w) {
		int x = in[i * w + j], nv = 0, nh = 0, yv = x, yh = x;
		for (int c = 0; c < 10 && x == bg; c++)
			if (pal >> c & 1) {
				if (v[c][i] >> j & 1)
					nv++, yv = c;
				if (r[c][i] >> j & 1)
					nh++, yh = c;
			}
		out[i * w + j] = (uint8_t)(nv == 1 ? yv : nh == 1 ? yh : x);
	}
	*oh = h, *ow = w;
	return true;
}

GP_OP(connect_own) { return gp_connect_own(in, h, w, false, facts, out, oh, ow); }
GP_OP(connect_own_diag) { return gp_connect_own(in, h, w, true, facts, out, oh, ow); }

/* The inbox's backdrop of every object of the split over 0: rows and columns one inside its
 * box, each pair sorted (a box thinner than 3 grows), clipped to the grid. */
GP_OP(obj_inner)
{
	gp_split s;
	gp_obj o;
	uint32_t p[30] = {0};
	gp_split_init_bg(&s, in, h, w, 1, 0);
	while (gp_split_next(&s, &o)) {
		int t = o.top + 1, d = o.bottom - 1, l = o.left + 1, r = o.right - 1;
		int lo = t < d ? t : d, hi = t < d ? d : t;
		uint32_t cols = gp_span(l < r ? l : r, l < r ? r : l, w);
		for (int i = lo < 0 ? 0 : lo; i <= hi && i < h; i++)
			p[i] |= cols;
	}
	return gp_paint_rows(in, h, w, p, a, -1, out, oh, ow);
}

/* The bounding box of the cells equal to c (is true) or neither c nor the background (is
 * false) into box (top, left, bottom, right); false when there is none. */
GP_FN bool gp_box_of(const uint8_t *in, int h, int w, int c, bool is, int bg, int *box)
{
	box[0] = box[1] = 99, box[2] = box[3] = -1;
	for (int i = 0; i < h; i++)
		for (int j = 0; j < w; j++) {
			int v = in[i * w + j];
			if (is ? v != c : v == c || v == bg)
				continue;
			box[0] = i < box[0] ? i : box[0], box[1] = j < box[1] ? j : box[1];
			box[2] = i > box[2] ? i : box[2], box[3] = j > box[3] ? j : box[3];
		}
	return box[2] >= 0;
}

/* Three underpaints in turn, each over the background of the grid so far, of the foreground
 * mirrored about the centre of colour a's box (twice the centre: sy, sx): mirror 0 brings the
 * cell (sy - i, j) to (i, j), mirror 1 (i, sx - j), mirror 2 (sy - i, sx - j). */
GP_OP(sym_about)
{
	int bg = gp_role(facts, in, h, w, false), box[4], fg[4];
	if (!gp_box_of(in, h, w, a, true, bg, box) || !gp_box_of(in, h, w, bg, false, bg, fg))
		return false; /* ulcorner of an empty patch raises */
	int sy = box[0] + box[2], sx = box[1] + box[3];
	uint8_t g[900];
	for (int k = 0; k < h * w; k++)
		g[k] = in[k];
	for (int k = 0; k < 3; k++) {
		int now = gp_mostcolor(g, h, w);
		for (int i = 0; i < h; i++)
			for (int j = 0; j < w; j++) {
				int si = k == 1 ? i : sy - i, sj = k == 0 ? j : sx - j;
				if (g[i * w + j] == now && si >= 0 && si < h && sj >= 0 && sj < w &&
				    in[si * w + sj] != bg)
					g[i * w + j] = in[si * w + sj];
			}
	}
	GP_FOR2(i, j, h, w)
		out[i * w + j] = g[i * w + j];
	*oh = h, *ow = w;
	return true;
}

GP_OP(rank_colors)
{
	int count[10] = {0}, n = 0, order[10];
	for (int k = 0; k < h * w; k++)
		count[in[k]]++;
	for (int c = 0; c < 10; c++) {
		if (!count[c])
			continue;
		int q = n++;
		for (; q > 0 && count[order[q - 1]] < count[c]; q--)
			order[q] = order[q - 1];
		order[q] = c;
	}
	if (n <= a)
		return false; /* crop to no rows: () */
	for (int k = a; k < n; k++)
		out[k - a] = (uint8_t)order[k];
	*oh = n - a, *ow = 1;
	return true;
}

/* The background cells in exactly one colour's box take that colour. */
GP_OP(color_backdrop)
{
	int bg = gp_role(facts, in, h, w, false);
	int box[10][4];
	for (int c = 0; c < 10; c++)
		box[c][0] = box[c][1] = 99, box[c][2] = box[c][3] = -1;
	for (int i = 0; i < h; i++)
		for (int j = 0; j < w; j++) {
			int *q = box[in[i * w + j]];
			q[0] = i < q[0] ? i : q[0], q[1] = j < q[1] ? j : q[1];
			q[2] = i > q[2] ? i : q[2], q[3] = j > q[3] ? j : q[3];
		}
	GP_FOR2(i, j, h, w) {
		int v = in[i * w + j], y = v, n = 0;
		for (int c = 0; c < 10 && v == bg; c++)
			if (c != bg && box[c][0] <= i && i <= box[c][2] && box[c][1] <= j && j <= box[c][3])
				n++, y = c;
		out[i * w + j] = (uint8_t)(n == 1 ? y : v);
	}
	*oh = h, *ow = w;
	return true;
}

/* The path P -> (P's row, Q's column) -> Q over the background in colour b. */
GP_OP(lpath)
{
	int bg = gp_role(facts, in, h, w, false), p[4], q[4];
	if (!gp_box_of(in, h, w, a, true, bg, p) || !gp_box_of(in, h, w, a, false, bg, q))
		return false; /* ulcorner of an empty patch raises */
	uint32_t m[30];
	for (int i = 0; i < h; i++) {
		m[i] = i == p[0] ? gp_span(p[1] < q[1] ? p[1] : q[1], p[1] < q[1] ? q[1] : p[1], w) : 0;
		if ((i - p[0]) * (i - q[0]) <= 0)
			m[i] |= 1u << q[1];
	}
	return gp_paint_rows(in, h, w, m, b, bg, out, oh, ow);
}

/* gravitate of the one cell (y, x) towards the object `big` (row bitmasks) along (dy, dx): the
 * steps (0..42) until the moved cell is off big and next to it. */
GP_FN int gp_gravitate(const uint32_t *big, int h, int w, int y, int x, int dy, int dx)
{
	int k = 0;
	for (; k < 42; k++) {
		int i = y + k * dy, j = x + k * dx;
		bool on = i >= 0 && i < h && j >= 0 && j < w && big[i] >> j & 1, next = false;
		const int nb[4][2] = {{i - 1, j}, {i + 1, j}, {i, j - 1}, {i, j + 1}};
		for (int d = 0; d < 4; d++) {
			int r = nb[d][0], c = nb[d][1];
			next |= r >= 0 && r < h && c >= 0 && c < w && big[r] >> c & 1;
		}
		if (!on && next)
			break;
	}
	return k;
}

GP_OP(draw_to_largest)
{
	gp_split s;
	gp_obj big = {0}, o;
	gp_split_init(&s, in, h, w, 0, facts);
	if (!gp_obj_pick(&s, GP_KEY_SIZE, 0, true, &big))
		return false; /* argmax of no objects raises */
	uint32_t m[30], rows = 0, cols = 0;
	uint8_t paths[900] = {0}, col[900]; /* per cell: paths on it (up to 2), the last one's colour */
	for (int i = 0; i < h; i++) {
		m[i] = 0;
		for (int j = 0; j < w; j++)
			m[i] |= (uint32_t)(s.lab[(i + 1) * GP_PW + j + 1] == big.label) << j;
		rows |= (uint32_t)(m[i] != 0) << i, cols |= m[i];
	}
	int cy = big.top + (big.bottom - big.top + 1) / 2, cx = big.left + (big.right - big.left + 1) / 2;
	gp_split_init(&s, in, h, w, 0, facts);
	while (gp_split_next(&s, &o)) {
		int y = o.top, x = o.left, c = in[y * w + x];
		if (o.size != 1 || !(rows >> y & 1 || cols >> x & 1))
			continue;
		int dy = cols >> x & 1 ? (y < cy ? 1 : -1) : 0, dx = dy ? 0 : x < cx ? 1 : -1;
		int k = gp_gravitate(m, h, w, y, x, dy, dx);
		for (int t = 0; t <= k; t++) {
			int i = y + t * dy, j = x + t * dx;
			if (i >= 0 && i < h && j >= 0 && j < w && paths[i * w + j] < 2)
				paths[i * w + j]++, col[i * w + j] = (uint8_t)c;
		}
	}
	int bg = s.bg;
	GP_FOR2(i, j, h, w) {
		int v = in[i * w + j];
		out[i * w + j] = v == bg && paths[i * w + j] == 1 ? col[i * w + j] : (uint8_t)v;
	}
	*oh = h, *ow = w;
	return true;
}

/* Consecutive equal rows merged, then consecutive equal columns. */
GP_OP(dedupe)
{
	bool row[30], col[30];
	int n = 0, m = 0;
	for (int i = 0; i < h; i++) {
		bool same = i > 0;
		for (int j = 0; j < w && same; j++)
			same = in[i * w + j] == in[(i - 1) * w + j];
		row[i] = !same, n += !same;
	}
	for (int j = 0; j < w; j++) {
		bool same = j > 0;
		for (int i = 0; i < h && same; i++)
			same = !row[i] || in[i * w + j] == in[i * w + j - 1];
		col[j] = !same, m += !same;
	}
	int k = 0;
	for (int i = 0; i < h; i++)
		for (int j = 0; j < w; j++)
			if (row[i] && col[j])
				out[k++] = in[i * w + j];
	*oh = n, *ow = m;
	return true;
}

/* x, then its hmirror less the row they share (x's last). */
GP_OP(vcat_mirror1)
{
	gp_map q = gp_rigid(4, h, w);
	q.base += q.di, q.h--;
	return gp_concat(in, gp_rigid(0, h, w), q, true, out, oh, ow);
}

GP_OP(tile2)
{
	if (!gp_shape_ok(2 * h, 2 * w))
		return false;
	for (int i = 0; i < 2 * h; i++)
		for (int j = 0; j < 2 * w; j++)
			out[i * 2 * w + j] = in[(i % h) * w + j % w];
	*oh = 2 * h, *ow = 2 * w;
	return true;
}

GP_OP(canvas_most)
{
	int c = gp_color_by_count(in, h, w, false);
	for (int k = 0; k < a * a; k++)
		out[k] = (uint8_t)c;
	*oh = a, *ow = a;
	return true;
}

/* The non-zero cells' colours in ascending order (an object's cells by colour first). */
GP_OP(fg_row)
{
	int count[10] = {0}, n = 0;
	for (int k = 0; k < h * w; k++)
		count[in[k]]++;
	for (int c = 1; c < 10; c++)
		for (int k = 0; k < count[c]; k++)
			out[n++] = (uint8_t)c;
	if (n == 0 || n > 30)
		return false; /* merge of no grids: () */
	*oh = 1, *ow = n;
	return true;
}

GP_OP(obj0_crop_color)
{
	gp_split s;
	gp_split_init_bg(&s, in, h, w, 3, 0);
	return gp_obj_crop_of(&s, GP_KEY_COLOR, b, true, out, oh, ow);
}

GP_OP(crop_inner) { return gp_crop_inset(in, h, w, a, true, 1, out, oh, ow); }

/* Between two cells of colour a on a row: the span from a row's first such cell to its last. */
GP_OP(connect_h)
{
	uint32_t m[30], p[30];
	gp_rows_of(in, h, w, a, true, m);
	for (int i = 0; i < h; i++)
		p[i] = gp_upto_high(m[i]) & ~((m[i] & (0u - m[i])) - 1);
	return gp_paint_rows(in, h, w, p, b, gp_mostcolor(in, h, w), out, oh, ow);
}

/* x moved by (di, dj): the cells it leaves the background, those it pushes out lost. */
GP_FN bool gp_shift(const uint8_t *in, int h, int w, int di, int dj, uint8_t *out, int *oh,
                    int *ow)
{
	int bg = gp_mostcolor(in, h, w);
	GP_FOR2(i, j, h, w) {
		int y = i - di, x = j - dj;
		out[i * w + j] = y >= 0 && y < h && x >= 0 && x < w ? in[y * w + x] : (uint8_t)bg;
	}
	*oh = h, *ow = w;
	return true;
}

GP_OP(shift_up) { return gp_shift(in, h, w, -1, 0, out, oh, ow); }
GP_OP(shift_down) { return gp_shift(in, h, w, 1, 0, out, oh, ow); }
GP_OP(shift_left) { return gp_shift(in, h, w, 0, -1, out, oh, ow); }
GP_OP(shift_right) { return gp_shift(in, h, w, 0, 1, out, oh, ow); }

/* Every row filled with its most common colour (mostcommon's ties, as mostcolor's on a one-row
 * grid), or every column with its own where that changes fewer cells (a tie keeps the rows). */
GP_OP(stripes)
{
	uint8_t rowc[30], colc[30], col[30];
	int rows = 0, cols = 0; /* the cells each changes */
	for (int i = 0; i < h; i++)
		rowc[i] = (uint8_t)gp_mostcolor(in + i * w, 1, w);
	for (int j = 0; j < w; j++) {
		for (int i = 0; i < h; i++)
			col[i] = in[i * w + j];
		colc[j] = (uint8_t)gp_mostcolor(col, 1, h);
	}
	for (int i = 0; i < h; i++)
		for (int j = 0; j < w; j++)
			rows += in[i * w + j] != rowc[i], cols += in[i * w + j] != colc[j];
	GP_FOR2(i, j, h, w)
		out[i * w + j] = rows > cols ? colc[j] : rowc[i];
	*oh = h, *ow = w;
	return true;
}

/* tile_h's tile on an h x w grid: the foreground's first column *c0 and the period *p (its
 * columns' count W, or with `least` the least period of those columns); false without a
 * foreground. Every lane computes the same. */
GP_FN bool gp_tile_of(const uint8_t *in, int h, int w, bool least, int *c0, int *p)
{
	int bg = gp_mostcolor(in, h, w), lo = w, hi = -1;
	for (int i = 0; i < h; i++)
		for (int j = 0; j < w; j++)
			if (in[i * w + j] != bg)
				lo = j < lo ? j : lo, hi = j > hi ? j : hi;
	if (hi < 0)
		return false; /* leftmost of no cells raises */
	int W = hi - lo + 1, q = 1;
	for (; least && q < W; q++) {
		bool same = true;
		for (int i = 0; i < h && same; i++)
			for (int j = lo; j + q <= hi && same; j++)
				same = in[i * w + j] == in[i * w + j + q];
		if (same)
			break;
	}
	*c0 = lo, *p = least ? q : W;
	return true;
}

GP_FN int gp_wrap(int x, int c0, int p) { return c0 + ((x - c0) % p + p) % p; }

GP_OP(tile_h)
{
	int c0, p;
	if (!gp_tile_of(in, h, w, b, &c0, &p))
		return false;
	GP_FOR2(i, j, h, w)
		out[i * w + j] = in[i * w + gp_wrap(j, c0, p)];
	*oh = h, *ow = w;
	return true;
}

GP_OP(tile_v)
{
	uint8_t t[900] = {0}; /* the dmirror (zeroed: gcc cannot see that its h * w cells are all set) */
	for (int i = 0; i < h; i++)
		for (int j = 0; j < w; j++)
			t[j * h + i] = in[i * w + j];
	int r0, p;
	if (!gp_tile_of(t, w, h, b, &r0, &p))
		return false;
	GP_FOR2(i, j, h, w)
		out[i * w + j] = in[gp_wrap(i, r0, p) * w + j];
	*oh = h, *ow = w;
	return true;
}

/* drip_*: a background cell takes the colour of its neighbour (dy, dx) back along the
 * direction. */
GP_FN bool gp_drip(const uint8_t *in, int h, int w, int dy, int dx, uint8_t *out, int *oh, int *ow)
{
	int bg = gp_mostcolor(in, h, w);
	GP_FOR2(i, j, h, w) {
		int v = in[i * w + j], y = i - dy, x = j - dx;
		out[i * w + j] = (uint8_t)(v == bg && y >= 0 && y < h && x >= 0 && x < w ? in[y * w + x] : v);
	}
	*oh = h, *ow = w;
	return true;
}

GP_OP(drip_down) { return gp_drip(in, h, w, 1, 0, out, oh, ow); }
GP_OP(drip_up) { return gp_drip(in, h, w, -1, 0, out, oh, ow); }
GP_OP(drip_right) { return gp_drip(in, h, w, 0, 1, out, oh, ow); }
GP_OP(drip_left) { return gp_drip(in, h, w, 0, -1, out, oh, ow); }

/* obj_col_max (rows: obj_row_max): each object of colour a (split 0) takes the largest colour
 * but a on its columns (rows). Every lane computes the same, then writes its cells. */
GP_FN bool gp_obj_line_max(const uint8_t *in, int h, int w, int a, bool rows,
                           const gp_facts *facts, uint8_t *out, int *oh, int *ow)
{
	gp_split s;
	gp_obj o;
	uint8_t res[900];
	memcpy(res, in, (size_t)(h * w));
	gp_split_init(&s, in, h, w, 0, facts);
	while (gp_split_next(&s, &o)) {
		int k0 = s.queue[0];
		if (in[(k0 / GP_PW - 1) * w + k0 % GP_PW - 1] != a)
			continue;
		uint32_t lines = 0;
		for (int q = 0; q < o.size; q++)
			lines |= 1u << (rows ? s.queue[q] / GP_PW - 1 : s.queue[q] % GP_PW - 1);
		int best = 0;
		for (int i = 0; i < h; i++)
			for (int j = 0; j < w; j++) {
				int v = in[i * w + j];
				if (lines >> (rows ? i : j) & 1 && v != a && v > best)
					best = v;
			}
		for (int q = 0; q < o.size; q++)
			res[(s.queue[q] / GP_PW - 1) * w + s.queue[q] % GP_PW - 1] = (uint8_t)best;
	}
	GP_FOR2(i, j, h, w)
		out[i * w + j] = res[i * w + j];
	*oh = h, *ow = w;
	return true;
}

GP_OP(obj_col_max) { return gp_obj_line_max(in, h, w, a, false, facts, out, oh, ow); }
GP_OP(obj_row_max) { return gp_obj_line_max(in, h, w, a, true, facts, out, oh, ow); }

GP_OP(denoise_thin)
{
	int bg = gp_mostcolor(in, h, w);
	GP_FOR2(i, j, h, w) {
		int v = in[i * w + j], n = (i > 0 && in[(i - 1) * w + j] == v) +
		                           (i + 1 < h && in[(i + 1) * w + j] == v) +
		                           (j > 0 && in[i * w + j - 1] == v) +
		                           (j + 1 < w && in[i * w + j + 1] == v);
		out[i * w + j] = (uint8_t)(v != bg && n < 2 ? bg : v);
	}
	*oh = h, *ow = w;
	return true;
}

/* A parameter's value on input `in`: a colour role resolved (gprog.h), anything else itself. */
GP_FN int gp_param(int x, const uint8_t *in, int h, int w, const gp_facts *facts)
{
	return x >= GOP_ROLE_MOST ? gp_role(facts, in, h, w, x == GOP_ROLE_LEAST) : x;
}

GP_FN bool gp_apply_op(gprog_op op, const uint8_t *in, int h, int w, const gp_facts *facts,
                       uint8_t *out, int *oh, int *ow)
{
	int a = gp_param(op.a, in, h, w, facts), b = gp_param(op.b, in, h, w, facts);
	switch (op.code) {
#define GOP(name, alo, ahi, blo, bhi, dsl) \
	case GOP_##name: return gop_##name(in, h, w, a, b, facts, out, oh, ow);
#include "gprog.def"
#undef GOP
	default: return false;
	}
}

/* Runs p on the h x w grid at src (its facts, NULL: not known), through two buffers of
 * BATCH_STRIDE bytes; *res is the result's cells (src itself for the identity). */
GP_FN bool gp_run(const gprog *p, const uint8_t *src, int h, int w, const gp_facts *facts,
                  uint8_t *buf0, uint8_t *buf1, const uint8_t **res, int *rh, int *rw)
{
	const uint8_t *cur = src;
	int n = p->n;
	for (int k = 0; k < n; k++) {
		uint8_t *out = k & 1 ? buf1 : buf0;
		int oh = 0, ow = 0;
		bool ok = gp_apply_op(p->op[k], cur, h, w, k ? NULL : facts, out, &oh, &ow);
		GP_SYNC();
		if (!ok)
			return false;
		cur = out, h = oh, w = ow;
	}
	*res = cur, *rh = h, *rw = w;
	return true;
}

/* One item: p on the source (its facts, NULL: not known), then (flags) hashed and scored
 * against the expected grid t (th x tw, palette tpal; t NULL: none). *cells receives the
 * result's cells. */
GP_FN batch_result gp_item(const gprog *p, const uint8_t *src, int h, int w, const gp_facts *facts,
                           const uint8_t *t, int th, int tw, uint32_t tpal, unsigned flags,
                           uint8_t *buf0, uint8_t *buf1, const uint8_t **cells)
{
	batch_result r;
	memset(&r, 0, sizeof r);
	int rh, rw;
	if (!gp_run(p, src, h, w, facts, buf0, buf1, cells, &rh, &rw)) {
		r.status = BATCH_FAILED;
		return r;
	}
	const uint8_t *g = *cells;
	r.status = BATCH_OK, r.h = (uint8_t)rh, r.w = (uint8_t)rw;
	bool score = (flags & BATCH_SCORE) && t;
	if (!(flags & BATCH_HASH) && !score)
		return r;
	/* equal widths: the overlap is a common prefix, counted in the same pass */
	bool prefix = score && rw == tw;
	gp_scan_out s = gp_scan(g, rh, rw, score, prefix ? t : NULL, prefix ? (rh < th ? rh : th) * rw : 0);
	if (flags & BATCH_HASH)
		r.hash = s.hash;
	if (score) {
		int same = prefix ? (int)s.same : gp_same(g, rh, rw, t, th, tw);
		r.exact = rh == th && rw == tw && same == rh * rw;
		r.closeness = grid_closeness(rh, rw, th, tw, same, s.pal, tpal);
	}
	return r;
}

#endif
