/* prims_lines.c — the arc-dsl primitives of DSL.md 6.5 that work on positions and patches:
 * segments and frontier lines, corners, bounding boxes and outlines, gravitate, periods. Index
 * results are generated in row-major order, so the builders never sort. The grid scans of the
 * family are in prims_lines_grid.c. */
#include <string.h>

#include "patch.h"

/* ---- arguments ---- */

/* shoot adds start[k] and direction[k]. */
#define NOT_A_COORD "unsupported operand type(s) for +: 'int' and 'tuple'"

static void check_coords(dsl_ctx *c, int64_t i0, int64_t j0, int64_t i1, int64_t j1)
{
	if (!coord_ok(i0) || !coord_ok(j0) || !coord_ok(i1) || !coord_ok(j1))
		dsl_fail(c, DSL_OVERFLOW, "position out of range");
}

/* ---- segments and frontiers ---- */

/* connect's segment from (ai, aj) to (bi, bj) (DSL.md 6.5). Every branch of dsl.py walks rows
 * (or, for a row, columns) upwards, so the keys come out sorted. int64 because shoot's far end
 * may leave int32; a non-empty result must fit int16. */
static value segment(dsl_ctx *c, int64_t ai, int64_t aj, int64_t bi, int64_t bj)
{
	int64_t si = ai < bi ? ai : bi, ei = ai < bi ? bi : ai;
	int64_t sj = aj < bj ? aj : bj, ej = aj < bj ? bj : aj;
	int64_t i0 = si, j0 = sj, di = 1, dj = 1, n = ei - si + 1;
	if (ai == bi) {
		di = 0;
		n = ej - sj + 1;
	} else if (aj == bj) {
		dj = 0;
	} else if (bi - ai == aj - bj) {
		j0 = ej;
		dj = -1;
	} else if (bi - ai != bj - aj) {
		return v_empty_set();
	}
	check_coords(c, si, sj, ei, ej);
	idxset *s = idx_alloc(c, (size_t)n);
	for (int64_t k = 0; k < n; k++)
		s->k[k] = pos_key((int)(i0 + k * di), (int)(j0 + k * dj));
	s->n = (uint32_t)n;
	return idx_finish(c, s, true);
}

value prim_connect(dsl_ctx *c, const value *args)
{
	int64_t ai, aj, bi, bj;
	pair_arg(c, args[0], &ai, &aj);
	pair_arg(c, args[1], &bi, &bj);
	return segment(c, ai, aj, bi, bj);
}

value prim_shoot(dsl_ctx *c, const value *args)
{
	int64_t si = index_arg(c, args[0], 0, NOT_A_COORD), di = index_arg(c, args[1], 0, NOT_A_COORD);
	int64_t sj = index_arg(c, args[0], 1, NOT_A_COORD), dj = index_arg(c, args[1], 1, NOT_A_COORD);
	/* connect then unpacks start: a longer tuple has too many values */
	if (args[0].kind != VK_PAIR)
		dsl_fail(c, DSL_VALUE_ERROR, "too many values to unpack (expected 2)");
	return segment(c, si, sj, si + 42 * di, sj + 42 * dj);
}

/* vfrontier (axis 1) and hfrontier (axis 0): the 30 positions of the line through loc[axis].
 * Like dsl.py, any tuple works; a non-number there gives a set of other tuples. */
static value frontier(dsl_ctx *c, value loc, size_t axis)
{
	value x;
	if (loc.kind == VK_PAIR) {
		x = v_int(axis ? loc.j : loc.i);
	} else {
		if (!is_tuple(loc))
			dsl_fail(c, DSL_TYPE_ERROR, "object is not subscriptable");
		if (axis >= cont_len(c, loc))
			dsl_fail(c, DSL_INDEX_ERROR, "tuple index out of range");
		x = cont_get(c, loc, axis);
	}
	if (is_num(x)) {
		if (!coord_ok(x.i))
			dsl_fail(c, DSL_OVERFLOW, "position out of range");
		idxset *s = idx_alloc(c, 30);
		for (int k = 0; k < 30; k++)
			s->k[k] = axis ? pos_key(k, x.i) : pos_key(x.i, k);
		s->n = 30;
		return idx_finish(c, s, true);
	}
	value e[30];
	for (int k = 0; k < 30; k++) {
		value t[2] = {axis ? v_int(k) : x, axis ? x : v_int(k)};
		e[k] = tuple_make(c, t, 2);
	}
	return set_make(c, e, 30);
}

value prim_vfrontier(dsl_ctx *c, const value *args) { return frontier(c, args[0], 1); }
value prim_hfrontier(dsl_ctx *c, const value *args) { return frontier(c, args[0], 0); }

/* ---- corners, bounding boxes, outlines ---- */

value prim_corners(dsl_ctx *c, const value *args)
{
	patch p = patch_arg(c, args[0]);
	if (!p.n) { /* each corner function returns () for an empty patch */
		value e = v_empty_tuple();
		return set_make(c, &e, 1);
	}
	bbox b = patch_bbox(c, p);
	idxset *s = idx_alloc(c, 4);
	uint32_t n = 0;
	s->k[n++] = pos_key(b.top, b.left);
	if (b.right != b.left)
		s->k[n++] = pos_key(b.top, b.right);
	if (b.bottom != b.top) {
		s->k[n++] = pos_key(b.bottom, b.left);
		if (b.right != b.left)
			s->k[n++] = pos_key(b.bottom, b.right);
	}
	s->n = n;
	return idx_finish(c, s, true);
}

/* Positions in the bounding box: fails at the memory limit rather than overflowing n. */
static idxset *box_alloc(dsl_ctx *c, const bbox *b, uint64_t *area)
{
	*area = (uint64_t)(b->bottom - b->top + 1) * (uint64_t)(b->right - b->left + 1);
	if (*area > UINT32_MAX)
		dsl_fail(c, DSL_LIMIT_MEMORY, "bounding box of %llu positions", (unsigned long long)*area);
	dsl_work(c, *area / 64);
	return idx_alloc(c, (size_t)*area);
}

value prim_backdrop(dsl_ctx *c, const value *args)
{
	patch p = patch_arg(c, args[0]);
	if (!p.n)
		return v_empty_set();
	bbox b = patch_bbox(c, p);
	uint64_t area;
	idxset *s = box_alloc(c, &b, &area);
	uint32_t n = 0;
	for (int i = b.top; i <= b.bottom; i++)
		for (int j = b.left; j <= b.right; j++)
			s->k[n++] = pos_key(i, j);
	s->n = n;
	return idx_finish(c, s, true);
}

/* The bounding box minus the patch: both are row-major, so one pass skips the patch. A tuple
 * of positions is its own toindices, and a frozenset minus a tuple fails. */
value prim_delta(dsl_ctx *c, const value *args)
{
	patch p = patch_arg(c, args[0]);
	if (!p.n)
		return v_empty_set();
	if (p.kind == PATCH_IDX && is_tuple(args[0]))
		dsl_fail(c, DSL_TYPE_ERROR, "unsupported operand type(s) for -: 'frozenset' and 'tuple'");
	bbox b = patch_bbox(c, p);
	uint32_t np;
	const uint32_t *pos = patch_positions(c, &p, &np);
	uint64_t area;
	idxset *s = box_alloc(c, &b, &area);
	uint32_t n = 0, q = 0;
	for (int i = b.top; i <= b.bottom; i++)
		for (int j = b.left; j <= b.right; j++) {
			uint32_t k = pos_key(i, j);
			if (q < np && pos[q] == k)
				q++;
			else
				s->k[n++] = k;
		}
	s->n = n;
	return idx_finish(c, s, true);
}

/* The outline of the rectangle rows si..ei × columns sj..ej (si <= ei, sj <= ej), sorted: the
 * top row, the two side cells of each inner row, the bottom row. */
static value outline(dsl_ctx *c, int64_t si, int64_t sj, int64_t ei, int64_t ej)
{
	check_coords(c, si, sj, ei, ej);
	idxset *s = idx_alloc(c, (size_t)(2 * (ej - sj + 1) + 2 * (ei - si + 1)));
	uint32_t n = 0;
	for (int j = (int)sj; j <= ej; j++)
		s->k[n++] = pos_key((int)si, j);
	for (int i = (int)si + 1; i < ei; i++) {
		s->k[n++] = pos_key(i, (int)sj);
		if (ej != sj)
			s->k[n++] = pos_key(i, (int)ej);
	}
	if (ei != si)
		for (int j = (int)sj; j <= ej; j++)
			s->k[n++] = pos_key((int)ei, j);
	s->n = n;
	return idx_finish(c, s, true);
}

/* inbox (d = 1) and outbox (d = -1): the outline of the box moved d cells inwards, each
 * coordinate pair sorted first as dsl.py does (so thin boxes give a larger "inner" box). */
static value shifted_outline(dsl_ctx *c, value v, int d)
{
	patch p = patch_arg(c, v);
	if (!p.n)
		dsl_fail(c, DSL_VALUE_ERROR, "min() arg is an empty sequence");
	bbox b = patch_bbox(c, p);
	int64_t ai = (int64_t)b.top + d, aj = (int64_t)b.left + d;
	int64_t bi = (int64_t)b.bottom - d, bj = (int64_t)b.right - d;
	return outline(c, ai < bi ? ai : bi, aj < bj ? aj : bj, ai < bi ? bi : ai, aj < bj ? bj : aj);
}

value prim_inbox(dsl_ctx *c, const value *args) { return shifted_outline(c, args[0], 1); }
value prim_outbox(dsl_ctx *c, const value *args) { return shifted_outline(c, args[0], -1); }

value prim_box(dsl_ctx *c, const value *args)
{
	patch p = patch_arg(c, args[0]);
	if (!p.n)
		return args[0];
	bbox b = patch_bbox(c, p);
	return outline(c, b.top, b.left, b.bottom, b.right);
}

/* ---- gravitate ---- */

/* Membership in the positions of a patch: a bitmap over its bounding box when that is small,
 * else binary search in the sorted positions. */
#define PMAP_BITS 65536
typedef struct pmap {
	bbox b;               /* the patch's bounding box */
	int w;                /* its width */
	const uint64_t *bits; /* (i - top) * w + (j - left), or NULL */
	const uint32_t *pos;  /* sorted positions when bits is NULL */
	uint32_t n;
} pmap;

static void pmap_init(dsl_ctx *c, pmap *m, const patch *p, uint64_t *buf)
{
	m->b = patch_bbox(c, *p);
	m->w = m->b.right - m->b.left + 1;
	uint64_t area = (uint64_t)(m->b.bottom - m->b.top + 1) * (uint64_t)m->w;
	if (area > PMAP_BITS) {
		m->bits = NULL;
		m->pos = patch_positions(c, p, &m->n);
		return;
	}
	memset(buf, 0, (area + 63) / 64 * 8);
	for (uint32_t k = 0; k < p->n; k++) {
		uint32_t q = patch_pos(p, k);
		size_t at = (size_t)(pos_i(q) - m->b.top) * (size_t)m->w + (size_t)(pos_j(q) - m->b.left);
		buf[at / 64] |= (uint64_t)1 << (at % 64);
	}
	m->bits = buf;
}

static bool pmap_has(const pmap *m, int64_t i, int64_t j)
{
	if (i < m->b.top || i > m->b.bottom || j < m->b.left || j > m->b.right)
		return false;
	if (m->bits) {
		size_t at = (size_t)(i - m->b.top) * (size_t)m->w + (size_t)(j - m->b.left);
		return m->bits[at / 64] >> (at % 64) & 1;
	}
	uint32_t key = pos_key((int)i, (int)j), lo = 0, hi = m->n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (m->pos[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < m->n && m->pos[lo] == key;
}

/* vmatching(a, b): some column holds positions of both. b's columns span at most 65536. */
static bool share_column(const patch *a, const patch *b, const bbox *bb, uint64_t *buf)
{
	size_t w = (size_t)(bb->right - bb->left + 1);
	memset(buf, 0, (w + 63) / 64 * 8);
	for (uint32_t k = 0; k < b->n; k++) {
		size_t at = (size_t)(pos_j(patch_pos(b, k)) - bb->left);
		buf[at / 64] |= (uint64_t)1 << (at % 64);
	}
	for (uint32_t k = 0; k < a->n; k++) {
		int j = pos_j(patch_pos(a, k));
		if (j >= bb->left && j <= bb->right) {
			size_t at = (size_t)(j - bb->left);
			if (buf[at / 64] >> (at % 64) & 1)
				return true;
		}
	}
	return false;
}

/* adjacent(shift(src, (oi, oj)), dst): manhattan distance 1, i.e. no shared position and some
 * position with a 4-neighbour in dst. */
static bool adjacent_at(const patch *src, const pmap *dst, int64_t oi, int64_t oj)
{
	bool touch = false;
	for (uint32_t k = 0; k < src->n; k++) {
		uint32_t q = patch_pos(src, k);
		int64_t i = pos_i(q) + oi, j = pos_j(q) + oj;
		if (i < dst->b.top - 1 || i > dst->b.bottom + 1 || j < dst->b.left - 1 || j > dst->b.right + 1)
			continue;
		if (pmap_has(dst, i, j))
			return false;
		touch = touch || pmap_has(dst, i - 1, j) || pmap_has(dst, i + 1, j) ||
		        pmap_has(dst, i, j - 1) || pmap_has(dst, i, j + 1);
	}
	return touch;
}

/* dsl.py shifts the source one step at a time while it is not adjacent, at most 42 times; the
 * result is (steps) x step. Only the shifts that bring the bounding boxes within one cell of
 * each other can be adjacent, so the others are skipped without a look at the positions. */
value prim_gravitate(dsl_ctx *c, const value *args)
{
	patch src = patch_arg(c, args[0]), dst = patch_arg(c, args[1]);
	if (!src.n || !dst.n)
		dsl_fail(c, DSL_VALUE_ERROR, "min() arg is an empty sequence");
	bbox sb = patch_bbox(c, src), db = patch_bbox(c, dst);
	int64_t si, sj, di, dj;
	patch_center(c, args[0], &sb, &si, &sj);
	patch_center(c, args[1], &db, &di, &dj);
	uint64_t buf[PMAP_BITS / 64];
	int stepi = 0, stepj = 0;
	if (share_column(&src, &dst, &db, buf))
		stepi = si < di ? 1 : -1;
	else
		stepj = sj < dj ? 1 : -1;
	/* shifts t along the axis with the boxes' rows (or columns) within one of each other */
	int64_t tlo, thi;
	bool cross;
	if (stepi) {
		tlo = (int64_t)db.top - 1 - sb.bottom;
		thi = (int64_t)db.bottom + 1 - sb.top;
		cross = sb.left <= db.right + 1 && sb.right >= db.left - 1;
	} else {
		tlo = (int64_t)db.left - 1 - sb.right;
		thi = (int64_t)db.right + 1 - sb.left;
		cross = sb.top <= db.bottom + 1 && sb.bottom >= db.top - 1;
	}
	int64_t klo = (stepi | stepj) > 0 ? tlo : -thi, khi = (stepi | stepj) > 0 ? thi : -tlo;
	klo = klo < 0 ? 0 : klo;
	khi = khi > 41 ? 41 : khi;
	if (cross && klo <= khi) {
		pmap m;
		pmap_init(c, &m, &dst, buf);
		for (int64_t k = klo; k <= khi; k++) {
			dsl_work(c, 1 + src.n / 64);
			if (adjacent_at(&src, &m, k * stepi, k * stepj))
				return v_pair((int32_t)k * stepi, (int32_t)k * stepj);
		}
	}
	return v_pair(42 * stepi, 42 * stepj);
}

/* ---- periods ---- */

/* Is shift(obj, -per along the axis), less the cells pushed before the box, a subset of obj?
 * The shifted cells keep the (colour, row, column) order, so one forward merge decides. */
static bool shift_subset(const patch *p, const bbox *b, int per, bool vertical)
{
	uint32_t q = 0;
	for (uint32_t k = 0; k < p->n; k++) {
		uint64_t key = p->ob[k];
		int i = pos_i(cell_pos(key)), j = pos_j(cell_pos(key));
		if (vertical ? i - b->top < per : j - b->left < per)
			continue;
		uint64_t t = vertical ? cell_key(cell_c(key), i - per, j) : cell_key(cell_c(key), i, j - per);
		while (q < p->n && p->ob[q] < t)
			q++;
		if (q == p->n || p->ob[q] != t)
			return false;
	}
	return true;
}

/* hperiod/vperiod: the smallest p in 1..extent-1 for which the shifted object fits into itself,
 * else the extent. Empty gives 0. Indices only fail once a shift is tried (extent > 1), since
 * dsl.py unpacks cells only then. */
static value period(dsl_ctx *c, value v, bool vertical)
{
	patch p = patch_arg(c, v);
	if (!p.n)
		return v_int(0);
	bbox b = patch_bbox(c, p);
	int ext = vertical ? b.bottom - b.top + 1 : b.right - b.left + 1;
	if (p.kind == PATCH_IDX && ext > 1)
		dsl_fail(c, DSL_TYPE_ERROR, "cannot unpack non-iterable int object");
	for (int per = 1; per < ext; per++) {
		dsl_work(c, 1 + p.n / 64);
		if (shift_subset(&p, &b, per, vertical))
			return v_int(per);
	}
	return v_int(ext);
}

value prim_hperiod(dsl_ctx *c, const value *args) { return period(c, args[0], false); }
value prim_vperiod(dsl_ctx *c, const value *args) { return period(c, args[0], true); }
