/* gprog_ops.h — the grid program ops of gprog.def and one batch item (a program on a grid,
 * then scored and hashed), written once for the CPU (gprog.c, backend/cpu.c: one lane) and for
 * CUDA (src/backend/cuda/: a warp per item) over lanes.h. An op reads an h x w grid (1..30 each) and
 * writes its result to `out` (room for 900 cells), or returns false, writing nothing, when the
 * DSL would raise or the result is not a 1..30 x 1..30 grid. Most ops are an affine gather:
 * out(i, j) = in[base + i * di + j * dj]. The object ops are in gprog_ops_obj.h, the painting
 * ops (and those after them in gprog.def) in gprog_ops_paint.h, both included below. */
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
	uint32_t pal;    /* its colours (bit c: colour c occurs) */
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

/* The rows (bit i of *rows) and columns of in that are not uniform (all cells of one colour). */
GP_FN void gp_nonuniform(const uint8_t *in, int h, int w, uint32_t *rows, uint32_t *cols)
{
	uint32_t r = 0, c = 0;
	GP_FOR2(i, j, h, w) {
		int v = in[i * w + j];
		if (v != in[i * w])
			r |= 1u << i;
		if (v != in[j])
			c |= 1u << j;
	}
	*rows = gp_or(r), *cols = gp_or(c);
}

/* Without the uniform rows and columns, all removed at once. */
GP_OP(compress)
{
	uint32_t rows, cols;
	gp_nonuniform(in, h, w, &rows, &cols);
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
	int n = h * w, k0 = 0;
#if GP_LANES == 1 && !defined(__CUDACC__)
	/* sixteen cells a step, under the masks of the cells equal to x and (not x) to y2 */
	for (; k0 + 16 <= n; k0 += 16) {
		gp_v16 v;
		memcpy(&v, in + k0, sizeof v);
		gp_v16 mx = (gp_v16)(v == (uint8_t)x), my = (gp_v16)(v == (uint8_t)y2) & ~mx;
		v = (v & ~(mx | my)) | (mx & (uint8_t)y) | (my & (uint8_t)x2);
		memcpy(out + k0, &v, sizeof v);
	}
#endif
	GP_FOR(k, n - k0) {
		int v = in[k0 + k];
		out[k0 + k] = (uint8_t)(v == x ? y : v == y2 ? x2 : v);
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

/* mostcolor(grid) (least false) or leastcolor(grid) from the counts of its colours: the most
 * (least) frequent colour, ties in CPython's set order of the colours in row-major order of
 * first occurrence (pyset.c). */
GP_FN int gp_color_by_counts(const uint8_t *in, int h, int w, const int *count, bool least)
{
	int n = h * w, best = 0, ties = 0, pick = 0;
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

/* The same from the cells alone. */
GP_FN int gp_color_by_count(const uint8_t *in, int h, int w, bool least)
{
	int count[10];
	gp_count_colors(in, h * w, count);
	return gp_color_by_counts(in, h, w, count, least);
}

GP_FN int gp_mostcolor(const uint8_t *in, int h, int w) { return gp_color_by_count(in, h, w, false); }

/* The facts of the h x w grid in, from one count of its colours. */
GP_FN gp_facts gp_facts_of(const uint8_t *in, int h, int w)
{
	int count[10];
	gp_count_colors(in, h * w, count);
	gp_facts f;
	f.most = gp_color_by_counts(in, h, w, count, false);
	f.least = gp_color_by_counts(in, h, w, count, true);
	f.pal = 0;
	for (int v = 0; v < 10; v++)
		f.pal |= (uint32_t)(count[v] > 0) << v;
	return f;
}

/* Whether colour c is known not to occur in the grid of these facts (NULL: nothing known). */
GP_FN bool gp_absent(const gp_facts *facts, int c)
{
	return facts && (unsigned)c < 10 && !(facts->pal >> c & 1);
}

/* out = in. */
GP_FN bool gp_copy(const uint8_t *in, int h, int w, uint8_t *out, int *oh, int *ow)
{
	GP_FOR(k, h * w)
		out[k] = in[k];
	*oh = h, *ow = w;
	return true;
}

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
GP_FN bool gp_lines(const uint8_t *in, int h, int w, int c, bool vertical, const gp_facts *facts,
                    uint8_t *out, int *oh, int *ow)
{
	if (gp_absent(facts, c))
		return gp_copy(in, h, w, out, oh, ow); /* no cell of c: no line */
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

GP_OP(hlines) { return gp_lines(in, h, w, a, false, facts, out, oh, ow); }
GP_OP(vlines) { return gp_lines(in, h, w, a, true, facts, out, oh, ow); }

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
	for (int i = m.i0; i <= m.i1; i++) {
		/* no more than K's cells in the rows left can agree */
		if (2 * (agree + k->rows[m.i1 + 1] - k->rows[i]) <= nk)
			return false;
		for (int j = m.j0; j <= m.j1; j++) {
			int v = in[i * w + j], u = in[m.base + i * m.di + j * m.dj];
			if (v == c || u == c)
				continue;
			if (u != v)
				return false;
			agree++;
		}
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

/* Without a hole (no cell of a) nothing is mended, and the holes' part is empty. */
GP_OP(mend_sym)
{
	return gp_absent(facts, a) ? gp_copy(in, h, w, out, oh, ow)
	                           : gp_mend_sym(in, h, w, a, false, out, oh, ow);
}
GP_OP(mend_sym_crop) { return !gp_absent(facts, a) && gp_mend_sym(in, h, w, a, true, out, oh, ow); }

GP_OP(border)
{
	GP_FOR2(i, j, h, w)
		out[i * w + j] = i == 0 || j == 0 || i == h - 1 || j == w - 1 ? (uint8_t)a : in[i * w + j];
	*oh = h, *ow = w;
	return true;
}

#include "gprog_ops_obj.h"   /* objects: split, pick, crop */
#include "gprog_ops_paint.h" /* painting and the later ops */

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
