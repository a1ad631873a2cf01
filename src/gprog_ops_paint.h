/* gprog_ops_paint.h — part of gprog_ops.h, included from it at this point (after the object
 * ops, before the dispatch), not a header of its own: the painting ops of gprog.def (fill,
 * rays, gravity, boxes, connections, halos, symmetries, paths) and the ops of the third
 * session (dedupe, tilings, shifts, drips, stripes, denoising). */
#ifndef ARC_GPROG_OPS_PAINT_H
#define ARC_GPROG_OPS_PAINT_H

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
	/* in copied, then per row the eight cells from each lowest bit left painted under a byte
	 * mask: the bits spread to bytes (their top bits), with bg the zero bytes of the word xor
	 * bg. A word past the row's end writes the next row's cells as they are (not yet painted);
	 * one past the grid's end goes cell by cell, reading no cell past it. */
	const uint64_t ones = 0x0101010101010101ull, low7 = 0x7f7f7f7f7f7f7f7full;
	uint64_t cc = ones * (uint8_t)c, bgc = ones * (uint8_t)bg;
	uint32_t full = (1u << w) - 1;
	int n = h * w;
	memcpy(out, in, (size_t)n);
	for (int i = 0; i < h; i++)
		for (uint32_t r = p[i] & full; r;) {
			int j = __builtin_ctz(r), k = i * w + j;
			uint32_t bits = r >> j & 0xff;
			r &= ~(0xffu << j);
			if (k + 8 > n) {
				for (int b = 0; bits; b++, bits >>= 1)
					if (bits & 1 && (bg < 0 || in[k + b] == bg))
						out[k + b] = (uint8_t)c;
				continue;
			}
			uint64_t x = gp_load64(in + k);
			/* byte b holds bit b alone (at most 0x80: adding 0x7f carries into no byte) */
			uint64_t s = bits * ones & 0x8040201008040201ull;
			uint64_t m = (s + low7) & ~low7;
			if (bg >= 0) {
				uint64_t y = x ^ bgc;
				m &= ~(((y & low7) + low7) | y | low7);
			}
			m = (m >> 7) * 0xff;
			x ^= (x ^ cc) & m;
			memcpy(out + k, &x, sizeof x);
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
GP_FN bool gp_rays(const uint8_t *in, int h, int w, int c, int d, const gp_facts *facts,
                   uint8_t *out, int *oh, int *ow)
{
	if (gp_absent(facts, c))
		return gp_copy(in, h, w, out, oh, ow); /* no cell of c: no ray */
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

GP_OP(ray_up) { return gp_rays(in, h, w, a, 0, facts, out, oh, ow); }
GP_OP(ray_down) { return gp_rays(in, h, w, a, 1, facts, out, oh, ow); }
GP_OP(ray_left) { return gp_rays(in, h, w, a, 2, facts, out, oh, ow); }
GP_OP(ray_right) { return gp_rays(in, h, w, a, 3, facts, out, oh, ow); }
GP_OP(ray_diag) { return gp_rays(in, h, w, a, 4, facts, out, oh, ow); }

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
	if (gp_absent(facts, a))
		return gp_copy(in, h, w, out, oh, ow); /* no cell of a: nothing to connect */
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
	if (gp_absent(facts, b))
		return gp_copy(in, h, w, out, oh, ow); /* no cell of b: none around one */
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
	if (gp_absent(facts, a))
		return false; /* ulcorner of an empty patch raises */
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
	if (gp_absent(facts, a))
		return false; /* ulcorner of an empty patch raises */
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
	if (gp_absent(facts, a))
		return gp_copy(in, h, w, out, oh, ow); /* no object of colour a */
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

/* gravitate(S, D) for the cells S and D (row bitmasks, both not empty): the step (*dy, *dx)
 * and the number of steps (0..42) until S shifted by them touches D (shares no cell with it and
 * has a 4-neighbour in it). Cells one column or row off the grid can still touch D, so rows
 * carry a bit either side (bit j + 1: column j) and D a zero row either side. */
GP_FN int gp_grav(const uint32_t *s, const uint32_t *d, int h, int w, int *dy, int *dx)
{
	int st = -1, sb = 0, dt = -1, db = 0;
	uint32_t sc = 0, dc = 0;
	uint64_t dd[34] = {0};
	for (int i = 0; i < h; i++) {
		if (s[i])
			st = st < 0 ? i : st, sb = i, sc |= s[i];
		if (d[i])
			dt = dt < 0 ? i : dt, db = i, dc |= d[i];
		dd[i + 2] = (uint64_t)d[i] << 1;
	}
	/* the centers: top + height // 2, left + width // 2 */
	int sl = gp_popc((sc & (0u - sc)) - 1), sr = gp_popc(gp_upto_high(sc)) - 1;
	int dl = gp_popc((dc & (0u - dc)) - 1), dr = gp_popc(gp_upto_high(dc)) - 1;
	*dy = 0, *dx = 0;
	if (sc & dc)
		*dy = st + (sb - st + 1) / 2 < dt + (db - dt + 1) / 2 ? 1 : -1;
	else
		*dx = sl + (sr - sl + 1) / 2 < dl + (dr - dl + 1) / 2 ? 1 : -1;
	const uint64_t keep = (1ull << (w + 2)) - 1;
	int k = 0;
	for (; k < 42; k++) {
		bool over = false, touch = false;
		int sh = k * *dx;
		for (int i = st; i <= sb; i++) {
			int t = i + k * *dy;
			if (!s[i] || t < -1 || t > h)
				continue;
			uint64_t r = (uint64_t)s[i] << 1;
			r = (sh >= 0 ? r << sh : r >> -sh) & keep;
			over |= (r & dd[t + 2]) != 0;
			touch |= ((r << 1 | r >> 1) & dd[t + 2]) != 0 || (r & (dd[t + 1] | dd[t + 3])) != 0;
		}
		if (!over && touch)
			break;
	}
	return k;
}

/* Paints into res the cells s (row bitmasks) in colour c shifted by k steps (dy, dx), those on
 * the grid. */
GP_FN void gp_paint_shifted(uint8_t *res, const uint32_t *s, int h, int w, int c, int ky, int kx)
{
	for (int i = 0; i < h; i++)
		for (int j = 0; j < w; j++)
			if (s[i] >> j & 1 && i + ky >= 0 && i + ky < h && j + kx >= 0 && j + kx < w)
				res[(i + ky) * w + j + kx] = (uint8_t)c;
}

/* The cells s (row bitmasks) of colour a moved towards the cells d (gravitate), as one object
 * or (each) every 4-connected component of them alone: all covered with bg first, then painted
 * where they land. */
GP_FN bool gp_gravitate_cells(const uint8_t *in, int h, int w, int a, int bg, uint32_t *s,
                              const uint32_t *d, bool each, uint8_t *out, int *oh, int *ow)
{
	uint8_t res[900];
	for (int k = 0; k < h * w; k++)
		res[k] = in[k] == a ? (uint8_t)bg : in[k];
	for (int i0 = 0; i0 < h; i0++)
		while (s[i0]) {
			uint32_t o[30] = {0};
			if (each) {
				o[i0] = s[i0] & (0u - s[i0]);
				gp_flood(o, s, h, false);
			} else {
				memcpy(o, s, (size_t)h * sizeof *o);
			}
			for (int i = 0; i < h; i++)
				s[i] &= ~o[i];
			int dy, dx, k = gp_grav(o, d, h, w, &dy, &dx);
			gp_paint_shifted(res, o, h, w, a, k * dy, k * dx);
		}
	GP_FOR2(i, j, h, w)
		out[i * w + j] = res[i * w + j];
	*oh = h, *ow = w;
	return true;
}

GP_OP(gravitate)
{
	uint32_t s[30], d[30];
	gp_rows_of(in, h, w, a, true, s);
	gp_rows_of(in, h, w, b, true, d);
	uint32_t any_s = 0, any_d = 0;
	for (int i = 0; i < h; i++)
		any_s |= s[i], any_d |= d[i];
	if (!any_s || !any_d)
		return false; /* gravitate of an empty patch raises */
	return gp_gravitate_cells(in, h, w, a, gp_role(facts, in, h, w, false), s, d, false, out, oh,
	                          ow);
}

/* obj_crop_shape: the objects of split a, each counted against the others (the same cells,
 * size and box, up to a shift); among equal counts the first in set order. */
GP_OP(obj_crop_shape)
{
	gp_split s;
	gp_obj o;
	/* per object (at most one per cell): box corner and extent, cells, label, set-order key,
	 * count */
	uint8_t top[900], left[900], bh[900], bw[900];
	uint16_t size[900], label[900], count[900];
	int key[900], n = 0;
	gp_split_init(&s, in, h, w, a, facts);
	while (gp_split_next(&s, &o)) {
		top[n] = (uint8_t)o.top, left[n] = (uint8_t)o.left;
		bh[n] = (uint8_t)(o.bottom - o.top), bw[n] = (uint8_t)(o.right - o.left);
		size[n] = (uint16_t)o.size, label[n] = (uint16_t)o.label, key[n] = o.key, count[n++] = 0;
	}
	if (!n)
		return false; /* argmax of no objects raises */
	for (int p = 0; p < n; p++)
		for (int q = p; q < n; q++) {
			bool same = size[p] == size[q] && bh[p] == bh[q] && bw[p] == bw[q];
			for (int i = 0; i <= bh[p] && same; i++)
				for (int j = 0; j <= bw[p] && same; j++)
					same = (s.lab[(top[p] + i + 1) * GP_PW + left[p] + j + 1] == label[p]) ==
					       (s.lab[(top[q] + i + 1) * GP_PW + left[q] + j + 1] == label[q]);
			count[p] += same, count[q] += same && q != p;
		}
	int best = 0;
	for (int p = 1; p < n; p++)
		if ((b ? count[p] < count[best] : count[p] > count[best]) ||
		    (count[p] == count[best] && key[p] < key[best]))
			best = p;
	return gp_gather(in, gp_mkmap(bh[best] + 1, bw[best] + 1, top[best] * w + left[best], w, 1),
	                 out, oh, ow);
}

/* obj_nearest_color: every cell's distance to the nearest cell of an object not of colour a
 * and the least set-order key among those at that distance (a breadth-first sweep from them:
 * a cell's sources at distance d are those of its neighbours at d - 1); an object of colour a
 * takes the colour of the least (distance, key) over its cells (key / 1024). */
GP_OP(obj_nearest_color)
{
	gp_split s;
	gp_obj o;
	int dist[900], key[900];
	uint16_t queue[900];
	int n = h * w, qn = 0, objs = 0;
	gp_split_init(&s, in, h, w, 0, facts);
	for (int k = 0; k < n; k++)
		dist[k] = -1;
	while (gp_split_next(&s, &o)) {
		if (in[(s.queue[0] / GP_PW - 1) * w + s.queue[0] % GP_PW - 1] == a) {
			objs++;
			continue;
		}
		for (int q = 0; q < o.size; q++) {
			int k = (s.queue[q] / GP_PW - 1) * w + s.queue[q] % GP_PW - 1;
			dist[k] = 0, key[k] = o.key, queue[qn++] = (uint16_t)k;
		}
	}
	if (objs && !qn)
		return false; /* argmin of no objects raises */
	for (int q = 0; q < qn; q++) { /* queue in distance order; all of d before d + 1 settle */
		int k = queue[q], i = k / w, j = k % w;
		const int nb[4] = {i > 0 ? k - w : -1, i + 1 < h ? k + w : -1, j > 0 ? k - 1 : -1,
		                   j + 1 < w ? k + 1 : -1};
		for (int d = 0; d < 4; d++) {
			int m = nb[d];
			if (m < 0)
				continue;
			if (dist[m] < 0)
				dist[m] = dist[k] + 1, key[m] = key[k], queue[qn++] = (uint16_t)m;
			else if (dist[m] == dist[k] + 1 && key[k] < key[m])
				key[m] = key[k];
		}
	}
	uint8_t res[900];
	memcpy(res, in, (size_t)n);
	gp_split_init(&s, in, h, w, 0, facts);
	while (gp_split_next(&s, &o)) {
		if (in[(s.queue[0] / GP_PW - 1) * w + s.queue[0] % GP_PW - 1] != a)
			continue;
		int bd = 99, bk = 0;
		for (int q = 0; q < o.size; q++) {
			int k = (s.queue[q] / GP_PW - 1) * w + s.queue[q] % GP_PW - 1;
			if (dist[k] < bd || (dist[k] == bd && key[k] < bk))
				bd = dist[k], bk = key[k];
		}
		for (int q = 0; q < o.size; q++)
			res[(s.queue[q] / GP_PW - 1) * w + s.queue[q] % GP_PW - 1] = (uint8_t)(bk / 1024);
	}
	GP_FOR2(i, j, h, w)
		out[i * w + j] = res[i * w + j];
	*oh = h, *ow = w;
	return true;
}

/* Each 4-connected component of colour a (none when a is the background) gravitates alone
 * towards colour b; all are covered first, then painted. */
GP_OP(gravitate_objs)
{
	int bg = gp_role(facts, in, h, w, false);
	uint32_t left[30], d[30], any_s = 0, any_d = 0;
	gp_rows_of(in, h, w, a, true, left);
	gp_rows_of(in, h, w, b, true, d);
	for (int i = 0; i < h; i++)
		any_s |= left[i], any_d |= d[i];
	if (a == bg || !any_s)
		return gp_copy(in, h, w, out, oh, ow);
	if (!any_d)
		return false; /* gravitate towards an empty patch raises */
	return gp_gravitate_cells(in, h, w, a, bg, left, d, true, out, oh, ow);
}

/* gravitate_singles: per colour the largest object of more than one cell (the least key among
 * the largest), then every one-cell object of a colour that has one gravitates to it; claim[k]
 * holds the colours moved onto cell k, the largest painted. */
GP_OP(gravitate_singles)
{
	gp_split s;
	gp_obj o;
	int best[10], bsize[10], bkey[10], n = 0;
	uint16_t single[900];
	for (int c = 0; c < 10; c++)
		best[c] = 0, bsize[c] = 1, bkey[c] = 0;
	gp_split_init(&s, in, h, w, 0, facts);
	while (gp_split_next(&s, &o)) {
		int k0 = s.queue[0], c = in[(k0 / GP_PW - 1) * w + k0 % GP_PW - 1];
		if (o.size == 1)
			single[n++] = (uint16_t)k0;
		else if (o.size > bsize[c] || (o.size == bsize[c] && o.key < bkey[c]))
			best[c] = o.label, bsize[c] = o.size, bkey[c] = o.key;
	}
	uint8_t res[900];
	uint16_t claim[900] = {0};
	int to[900];
	for (int k = 0; k < h * w; k++)
		res[k] = in[k];
	for (int q = 0; q < n; q++) {
		int i = single[q] / GP_PW - 1, j = single[q] % GP_PW - 1, c = in[i * w + j];
		res[i * w + j] = (uint8_t)s.bg, to[q] = -1;
		if (!best[c])
			continue;
		uint32_t one[30] = {0}, d[30];
		one[i] = 1u << j;
		for (int r = 0; r < h; r++) {
			d[r] = 0;
			for (int x = 0; x < w; x++)
				d[r] |= (uint32_t)(s.lab[(r + 1) * GP_PW + x + 1] == best[c]) << x;
		}
		int dy, dx, k = gp_grav(one, d, h, w, &dy, &dx), y = i + k * dy, x = j + k * dx;
		if (y >= 0 && y < h && x >= 0 && x < w)
			to[q] = y * w + x, claim[y * w + x] |= (uint16_t)(1u << c);
	}
	for (int q = 0; q < n; q++)
		if (to[q] >= 0)
			res[to[q]] = (uint8_t)(gp_popc(gp_upto_high(claim[to[q]])) - 1);
	GP_FOR2(i, j, h, w)
		out[i * w + j] = res[i * w + j];
	*oh = h, *ow = w;
	return true;
}

/* obj_checker: the cells of every object of split 1 at odd offsets from its upper-left
 * corner on both axes become a. Every lane computes the same, then writes its cells. */
GP_OP(obj_checker)
{
	gp_split s;
	gp_obj o;
	uint8_t res[900];
	memcpy(res, in, (size_t)(h * w));
	gp_split_init(&s, in, h, w, 1, facts);
	while (gp_split_next(&s, &o))
		for (int q = 0; q < o.size; q++) {
			int i = s.queue[q] / GP_PW - 1, j = s.queue[q] % GP_PW - 1;
			if ((i - o.top) & (j - o.left) & 1)
				res[i * w + j] = (uint8_t)a;
		}
	GP_FOR2(i, j, h, w)
		out[i * w + j] = res[i * w + j];
	*oh = h, *ow = w;
	return true;
}

/* The least p in 1..n-1 such that cells x and x + p * step (x at position t of a line of n
 * along step, lines `lines` apart, m of them) agree wherever neither is a hole (c); 0: none. */
GP_FN int gp_hole_period(const uint8_t *g, int n, int m, int step, int lines, int c)
{
	for (int p = 1; p < n; p++) {
		bool ok = true;
		for (int l = 0; ok && l < m; l++)
			for (int t = 0; ok && t + p < n; t++) {
				int u = g[l * lines + t * step], v = g[l * lines + (t + p) * step];
				ok = u == c || v == c || u == v;
			}
		if (ok)
			return p;
	}
	return 0;
}

/* mend_period: the holes (colour a) filled along rows from the leftmost cell of their row that
 * is not a hole and lies a multiple of the column period away, then along columns from the
 * topmost such cell a multiple of the row period away. Every lane computes the same, then
 * writes its cells. */
GP_OP(mend_period)
{
	uint8_t res[900];
	int pj = gp_hole_period(in, w, h, 1, w, a), pi = gp_hole_period(in, h, w, w, 1, a);
	memcpy(res, in, (size_t)(h * w));
	for (int i = 0; pj && i < h; i++)
		for (int j = 0; j < w; j++)
			for (int s = j % pj; in[i * w + j] == a && s < w; s += pj)
				if (in[i * w + s] != a) {
					res[i * w + j] = in[i * w + s];
					break;
				}
	for (int j = 0; pi && j < w; j++) {
		uint8_t col[30]; /* the column after the first pass */
		for (int i = 0; i < h; i++)
			col[i] = res[i * w + j];
		for (int i = 0; i < h; i++)
			for (int r = i % pi; col[i] == a && r < h; r += pi)
				if (col[r] != a) {
					res[i * w + j] = col[r];
					break;
				}
	}
	GP_FOR2(i, j, h, w)
		out[i * w + j] = res[i * w + j];
	*oh = h, *ow = w;
	return true;
}

/* sym_rot's agreement of offset (di, dj): of the n foreground cells (cell[k] = i * 32 + j),
 * those whose turned place (j + di, h - 1 - i + dj) is in the grid and holds their colour; -1
 * as soon as it cannot reach `need`, `most` of them having their place in the grid. */
GP_FN int gp_rot_score(const uint8_t *in, int h, int w, const uint16_t *cell, int n, int di,
                       int dj, int most, int need)
{
	int score = 0;
	for (int k = 0; k < n; k++) {
		int i = cell[k] >> 5, j = cell[k] & 31, y = j + di, x = h - 1 - i + dj;
		if ((unsigned)y >= (unsigned)h || (unsigned)x >= (unsigned)w)
			continue;
		if (in[y * w + x] == in[i * w + j])
			score++;
		else if (--most < need)
			return -1;
	}
	return score;
}

/* The foreground cells of rows r0..r1, columns c0..c1 (clipped) from the prefix counts pre. */
GP_FN int gp_rect_count(const int *pre, int h, int w, int r0, int r1, int c0, int c1)
{
	r0 = r0 > 0 ? r0 : 0, c0 = c0 > 0 ? c0 : 0, r1 = r1 < h - 1 ? r1 : h - 1, c1 = c1 < w - 1 ? c1 : w - 1;
	if (r0 > r1 || c0 > c1)
		return 0;
	return pre[(r1 + 1) * 31 + c1 + 1] - pre[r0 * 31 + c1 + 1] - pre[(r1 + 1) * 31 + c0] +
	       pre[r0 * 31 + c0];
}

/* sym_rot: the quarter turn of the foreground that agrees with it most, rot90's cell (i, j) ->
 * (j, h - 1 - i) shifted by (di, dj), offset q = (di + w - 1) * (h + w - 1) + dj + h - 1, the
 * first best winning (key score * 4096 + 4095 - q, the largest, in any order of the offsets);
 * then every background cell that one of the three turns brings a foreground cell to becomes
 * a. The offset that maps the foreground's bounding box onto itself goes first, then the lanes
 * split the others, skipping each whose foreground cells in the overlap (of the sources, of
 * their places) cannot beat the best so far. */
GP_OP(sym_rot)
{
	int bg = gp_role(facts, in, h, w, false), n = h + w - 1;
	int pre[31 * 31], r0 = h, r1 = -1, c0 = w, c1 = -1, nfg = 0;
	uint16_t cell[900];
	for (int j = 0; j <= w; j++)
		pre[j] = 0;
	for (int i = 0; i < h; i++) {
		int row = 0;
		pre[(i + 1) * 31] = 0;
		for (int j = 0; j < w; j++) {
			bool fg = in[i * w + j] != bg;
			row += fg;
			if (fg)
				cell[nfg++] = (uint16_t)(i * 32 + j);
			pre[(i + 1) * 31 + j + 1] = pre[i * 31 + j + 1] + row;
			if (fg)
				r0 = i < r0 ? i : r0, r1 = i, c0 = j < c0 ? j : c0, c1 = j > c1 ? j : c1;
		}
	}
	int di0 = 0, dj0 = 0;
	if (r1 >= 0) { /* the box's turned copy centred on it, within the offsets' range */
		di0 = (r0 + r1 - c0 - c1) / 2, dj0 = (c0 + c1 + r0 + r1 + 2 - 2 * h) / 2;
		di0 = di0 < 1 - w ? 1 - w : di0 > h - 1 ? h - 1 : di0;
		dj0 = dj0 < 1 - h ? 1 - h : dj0 > w - 1 ? w - 1 : dj0;
	}
	int q0 = (di0 + w - 1) * n + dj0 + h - 1;
	int best = gp_rot_score(in, h, w, cell, nfg, di0, dj0, nfg, 0) * 4096 + 4095 - q0; /* n * n < 4096 */
	for (int q = GP_LANE; q < n * n; q += GP_LANES) {
		int di = q / n - (w - 1), dj = q % n - (h - 1);
		/* sources: rows h - w + dj .. h - 1 + dj, columns -di .. h - 1 - di; places: rows di ..
		 * w - 1 + di, columns dj .. h - 1 + dj */
		int src = gp_rect_count(pre, h, w, h - w + dj, h - 1 + dj, -di, h - 1 - di);
		int dst = gp_rect_count(pre, h, w, di, w - 1 + di, dj, h - 1 + dj);
		int bound = src < dst ? src : dst;
		if (q == q0 || bound * 4096 + 4095 - q <= best)
			continue;
		int t = best - 4095 + q, need = t >= 0 ? t / 4096 + 1 : 0; /* the least score to beat it */
		int score = gp_rot_score(in, h, w, cell, nfg, di, dj, src, need);
		if (score >= 0 && score * 4096 + 4095 - q > best)
			best = score * 4096 + 4095 - q;
	}
	best = gp_max(best);
	int q = 4095 - best % 4096, di = q / n - (w - 1), dj = q % n - (h - 1);
	int e1 = di + dj, e2 = dj - di + h - w, f1 = dj + h - w, f2 = -di;
	GP_FOR2(y, x, h, w) {
		int v = in[y * w + x], src[3][2] = {{h - 1 - (x - dj), y - di},
		                                    {h - 1 - (y - e1), w - 1 - (x - e2)},
		                                    {x - f2, w - 1 - (y - f1)}};
		for (int t = 0; v == bg && t < 3; t++) {
			int i = src[t][0], j = src[t][1];
			if (i >= 0 && i < h && j >= 0 && j < w && in[i * w + j] != bg)
				v = a;
		}
		out[y * w + x] = (uint8_t)v;
	}
	*oh = h, *ow = w;
	return true;
}

/* ray_ends: every cell of colour a with one 8-neighbour of colour a walks away from it to the
 * border, painting the background. Every lane computes the same, then writes its cells. */
GP_OP(ray_ends)
{
	uint8_t res[900];
	int bg = gp_role(facts, in, h, w, false);
	memcpy(res, in, (size_t)(h * w));
	for (int i = 0; i < h; i++)
		for (int j = 0; j < w; j++) {
			int n = 0, di = 0, dj = 0;
			for (int y = i - 1; in[i * w + j] == a && y <= i + 1; y++)
				for (int x = j - 1; x <= j + 1; x++)
					if ((y != i || x != j) && y >= 0 && y < h && x >= 0 && x < w &&
					    in[y * w + x] == a)
						n++, di = i - y, dj = j - x;
			for (int y = i + di, x = j + dj; n == 1 && y >= 0 && y < h && x >= 0 && x < w;
			     y += di, x += dj)
				if (in[y * w + x] == bg)
					res[y * w + x] = (uint8_t)a;
		}
	GP_FOR2(i, j, h, w)
		out[i * w + j] = res[i * w + j];
	*oh = h, *ow = w;
	return true;
}

/* hsplit(x, 3)'s parts A, B, C (width w / 3, one column between them when w is not a multiple
 * of 3) overlaid; C is cut off at the grid's edge (crop slices), 0 past it. */
GP_OP(split3_overlay)
{
	int pw = w / 3, step = pw + (w % 3 != 0);
	if (!gp_shape_ok(h, pw))
		return false;
	GP_FOR2(i, j, h, pw) {
		const uint8_t *r = in + i * w + j;
		int x = r[0], y = r[step], z = 2 * step + j < w ? r[2 * step] : 0;
		out[i * pw + j] = (uint8_t)(x ? x : y ? y : z);
	}
	*oh = h, *ow = pw;
	return true;
}

GP_OP(keep_mid_col)
{
	GP_FOR2(i, j, h, w)
		out[i * w + j] = j == w / 2 ? in[i * w + j] : 0;
	*oh = h, *ow = w;
	return true;
}

GP_OP(cell_row_first)
{
	GP_FOR2(i, j, h, w) {
		int v = in[i * w + j];
		out[i * w + j] = (uint8_t)(v == a ? in[i * w] : v);
	}
	*oh = h, *ow = w;
	return true;
}

GP_OP(vlines_under)
{
	int bg = gp_role(facts, in, h, w, false);
	uint32_t hit = 0; /* bit j: column j holds a cell that is not the background */
	GP_FOR2(i, j, h, w)
		if (in[i * w + j] != bg)
			hit |= 1u << j;
	hit = gp_or(hit);
	GP_FOR2(i, j, h, w) {
		int v = in[i * w + j];
		out[i * w + j] = (uint8_t)(v == bg && hit >> j & 1 ? a : v);
	}
	*oh = h, *ow = w;
	return true;
}

/* The cells' size k: the first uniform row's index (every column of a one-row grid is a
 * one-cell hline: 0); none, or 0, fails (valmin's uppermost(0), downscale by 0). Then compress,
 * downscale by k and transform a, gathered at once. */
GP_OP(cells_t)
{
	uint32_t rows, cols; /* bit i: row (column) i is not uniform */
	gp_nonuniform(in, h, w, &rows, &cols);
	int k = h == 1 ? 0 : 30;
	for (int i = 0; i < h && k == 30; i++)
		if (!(rows >> i & 1))
			k = i;
	if (k == 0 || k == 30)
		return false;
	int8_t ri[30], ci[30];
	int H = 0, W = 0;
	for (int i = 0, r = 0; i < h; i++)
		if (rows >> i & 1 && r++ % k == 0)
			ri[H++] = (int8_t)i;
	for (int j = 0, s = 0; j < w; j++)
		if (cols >> j & 1 && s++ % k == 0)
			ci[W++] = (int8_t)j;
	if (!gp_shape_ok(H, W))
		return false;
	gp_map m = gp_rigid(a, H, W);
	GP_FOR2(i, j, m.h, m.w) {
		int q = m.base + i * m.di + j * m.dj;
		out[i * m.w + j] = in[ri[q / W] * w + ci[q % W]];
	}
	*oh = m.h, *ow = m.w;
	return true;
}

/* Each object's centre column (left + width // 2), marked on the last row. */
GP_OP(obj_mark_below)
{
	gp_split s;
	gp_obj o;
	uint32_t cols = 0;
	gp_split_init(&s, in, h, w, 0, facts);
	while (gp_split_next(&s, &o))
		cols |= 1u << (o.left + (o.right - o.left + 1) / 2);
	GP_FOR2(i, j, h, w)
		out[i * w + j] = i == h - 1 && cols >> j & 1 ? (uint8_t)a : in[i * w + j];
	*oh = h, *ow = w;
	return true;
}

GP_OP(vcat_period)
{
	int p = 1, H = h + h / 2;
	if (!gp_shape_ok(H, w))
		return false;
	for (bool same = false; !same; p += !same) {
		same = true;
		for (int k = p * w; k < h * w && same; k++)
			same = in[k] == in[k - p * w];
	}
	GP_FOR2(i, j, H, w)
		out[i * w + j] = in[(i % p) * w + j];
	*oh = H, *ow = w;
	return true;
}

/* Every lane computes the rows, then writes its cells. */
GP_OP(gravity_right)
{
	uint8_t res[900];
	for (int i = 0; i < h; i++) {
		const uint8_t *r = in + i * w;
		int n = 0;
		for (int j = 0; j < w; j++)
			n += r[j] != 0;
		int z = 0, f = w - n; /* where the next zero, the next non-zero goes */
		for (int j = 0; j < w; j++)
			res[i * w + (r[j] ? f++ : z++)] = r[j];
	}
	GP_FOR2(i, j, h, w)
		out[i * w + j] = res[i * w + j];
	*oh = h, *ow = w;
	return true;
}

/* A stable insertion sort of the rows by their count of cells that are not the background. */
GP_OP(sort_rows)
{
	int bg = gp_role(facts, in, h, w, false), key[30], row[30];
	for (int i = 0; i < h; i++) {
		int n = 0;
		for (int j = 0; j < w; j++)
			n += in[i * w + j] != bg;
		int k = i;
		for (; k > 0 && key[k - 1] > n; k--)
			key[k] = key[k - 1], row[k] = row[k - 1];
		key[k] = n, row[k] = i;
	}
	GP_FOR2(i, j, h, w)
		out[i * w + j] = in[row[i] * w + j];
	*oh = h, *ow = w;
	return true;
}

GP_OP(stripe_colors)
{
	bool row = false;
	for (int j = 1; j < w; j++)
		row |= in[j] != in[0];
	int n = row ? w : h, step = row ? 1 : w, k = 1;
	uint8_t res[30] = {in[0]};
	for (int q = 1; q < n; q++)
		if (in[q * step] != res[k - 1])
			res[k++] = in[q * step];
	GP_FOR(q, k)
		out[q] = res[q];
	*oh = row ? 1 : k, *ow = row ? k : 1;
	return true;
}

GP_OP(count_diag)
{
	gp_split s;
	gp_obj o;
	int n = 0, c = gp_role(facts, in, h, w, true);
	gp_split_init(&s, in, h, w, 1, facts);
	while (gp_split_next(&s, &o))
		n++;
	if (!gp_shape_ok(n, n))
		return false;
	GP_FOR2(i, j, n, n)
		out[i * n + j] = i == j ? (uint8_t)c : 0;
	*oh = n, *ow = n;
	return true;
}

/* Every lane computes the result, then writes its cells. */
GP_OP(obj_lower_half)
{
	gp_split s;
	gp_obj o;
	uint8_t res[900];
	memcpy(res, in, (size_t)(h * w));
	gp_split_init(&s, in, h, w, 0, facts);
	while (gp_split_next(&s, &o)) {
		int from = o.bottom - (o.bottom - o.top + 1) / 2;
		for (int q = 0; q < o.size; q++) {
			int i = s.queue[q] / GP_PW - 1, j = s.queue[q] % GP_PW - 1;
			if (i > from)
				res[i * w + j] = (uint8_t)a;
		}
	}
	GP_FOR2(i, j, h, w)
		out[i * w + j] = res[i * w + j];
	*oh = h, *ow = w;
	return true;
}

/* Per colour its cells and bounding box; a segment is one row (column) with no gap (hline,
 * vline). claim[k]: the colour of the one segment on row (column) k, -1 for none, -2 for more. */
GP_OP(seg_cross)
{
	int bg = gp_role(facts, in, h, w, false), n[10] = {0}, top[10], bot[10], lft[10], rgt[10];
	int rclaim[30], cclaim[30];
	for (int i = 0; i < h; i++)
		for (int j = 0; j < w; j++) {
			int v = in[i * w + j];
			if (v == bg)
				continue;
			if (!n[v]++)
				top[v] = bot[v] = i, lft[v] = rgt[v] = j;
			top[v] = i < top[v] ? i : top[v], bot[v] = i > bot[v] ? i : bot[v];
			lft[v] = j < lft[v] ? j : lft[v], rgt[v] = j > rgt[v] ? j : rgt[v];
		}
	for (int k = 0; k < 30; k++)
		rclaim[k] = cclaim[k] = -1;
	for (int c = 0; c < 10; c++) {
		if (n[c] && top[c] == bot[c] && n[c] == rgt[c] - lft[c] + 1)
			rclaim[top[c]] = rclaim[top[c]] == -1 ? c : -2;
		if (n[c] && lft[c] == rgt[c] && n[c] == bot[c] - top[c] + 1)
			cclaim[lft[c]] = cclaim[lft[c]] == -1 ? c : -2;
	}
	GP_FOR2(i, j, h, w) {
		int rc = rclaim[i], cc = cclaim[j];
		int v = cc >= 0 ? cc : rc >= 0 ? rc : in[i * w + j];
		out[i * w + j] = (uint8_t)(rc >= 0 && cc >= 0 ? a : v);
	}
	*oh = h, *ow = w;
	return true;
}

#endif
