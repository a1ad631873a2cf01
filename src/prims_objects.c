/* prims_objects.c — the arc-dsl primitives of DSL.md 6.3 on colours, sizes and positions:
 * colour counts, filters, corners, crop, recolour, shift and normalise, neighbourhoods and the
 * shape predicates. Patches are sorted key arrays, so a shift adds one constant to every key and
 * keeps the order; the component searches (objects, partition, fgpartition) are in
 * prims_objects_find.c. */
#include <string.h>

#include "patch.h"
#include "prims.h"
#include "pyset.h"

/* ---- arguments ---- */

/* Python's v[k] on a tuple; TypeError for anything not subscriptable, IndexError past the end. */
static value item(dsl_ctx *c, value v, size_t k)
{
	if (!is_tuple(v))
		dsl_fail(c, DSL_TYPE_ERROR, "object is not subscriptable");
	if (k >= cont_len(c, v))
		dsl_fail(c, DSL_INDEX_ERROR, "tuple index out of range");
	return cont_get(c, v, k);
}

/* v[k] where dsl.py then slices with it or does arithmetic on it: it must be a number. */
static int64_t item_int(dsl_ctx *c, value v, size_t k)
{
	if (v.kind == VK_PAIR)
		return k ? v.j : v.i;
	value x = item(c, v, k);
	if (!is_num(x))
		dsl_fail(c, DSL_TYPE_ERROR, "expected an integer, got a tuple");
	return x.i;
}

/* A patch for min()/max() over its rows or columns: the empty patch fails. With PATCH_ROWS
 * (uppermost, lowermost) a tuple of positions may hold cells, whose colour is read as a row. */
static bbox bbox_arg(dsl_ctx *c, value v, unsigned how)
{
	patch p = patch_view(c, v, how);
	if (!p.n)
		dsl_fail(c, DSL_VALUE_ERROR, "min() arg is an empty sequence");
	return patch_bbox(c, p);
}

/* ---- colours ---- */

/* The value counted for element k of a typed patch: an Object's colour, an Indices' row. */
static int32_t patch_value(const patch *p, size_t k)
{
	return p->kind == PATCH_OBJ ? cell_c(p->ob[k]) : pos_i(p->ix[k]);
}

/* mostcolor/leastcolor of a typed patch. The counted values come in ascending runs; a tie on
 * the extreme count goes to the first tied value in CPython's order of the set of values
 * (inserted ascending, the canonical iteration order). */
static int32_t patch_color_extreme(dsl_ctx *c, const patch *p, bool most)
{
	uint32_t best = most ? 0 : UINT32_MAX, ties = 0, runs = 0;
	int32_t pick = 0;
	dsl_work_ahead(c, p->n / 64);
	for (uint32_t k = 0, run; k < p->n; k += run) {
		int32_t x = patch_value(p, k);
		for (run = 1; k + run < p->n && patch_value(p, k + run) == x; run++)
			;
		runs++;
		if (most ? run > best : run < best) {
			best = run;
			pick = x;
			ties = 1;
		} else if (run == best) {
			ties++;
		}
	}
	if (ties == 1)
		return pick;
	size_t mark = arena_mark(c->mem);
	int32_t *seen = dsl_alloc(c, 2 * runs * sizeof *seen), *order = seen + runs;
	uint32_t *count = dsl_alloc(c, runs * sizeof *count), m = 0;
	for (uint32_t k = 0, run; k < p->n; k += run) {
		int32_t x = patch_value(p, k);
		for (run = 1; k + run < p->n && patch_value(p, k + run) == x; run++)
			;
		seen[m] = x;
		count[m++] = run;
	}
	pyset_int_order(c, seen, runs, order);
	for (uint32_t q = 0;; q++) {
		uint32_t lo = 0, hi = runs - 1; /* order[q] among the ascending values */
		while (lo < hi) {
			uint32_t mid = (lo + hi) / 2;
			if (seen[mid] < order[q])
				lo = mid + 1;
			else
				hi = mid;
		}
		if (count[lo] == best) {
			arena_reset(c->mem, mark);
			return order[q];
		}
	}
}

/* Four interleaved histograms keep runs of one colour from serialising on a single counter;
 * 16 bins do when every cell is in 0..15 (the usual case); CPython's set order (over the colours
 * in order of first occurrence) is consulted only when the extreme count is tied. */
int grid_color_extreme(dsl_ctx *c, const grid *g, bool most)
{
	size_t n = (size_t)g->h * g->w, k;
	if (!n)
		dsl_fail(c, DSL_VALUE_ERROR, "%s() arg is an empty sequence", most ? "max" : "min");
	const uint8_t *cell = (const uint8_t *)g->cell;
	uint8_t bits = 0;
	for (k = 0; k < n; k++)
		bits |= cell[k];
	size_t bins = bits & 0xf0 ? 256 : 16;
	uint32_t hist[4][256];
	for (int q = 0; q < 4; q++)
		memset(hist[q], 0, bins * sizeof hist[q][0]);
	for (k = 0; k + 4 <= n; k += 4) {
		hist[0][cell[k]]++;
		hist[1][cell[k + 1]]++;
		hist[2][cell[k + 2]]++;
		hist[3][cell[k + 3]]++;
	}
	for (; k < n; k++)
		hist[0][cell[k]]++;
	uint32_t best = most ? 0 : UINT32_MAX;
	int ties = 0, pick = 0;
	size_t distinct = 0;
	for (size_t v = 0; v < bins; v++) {
		uint32_t cnt = hist[0][v] + hist[1][v] + hist[2][v] + hist[3][v];
		hist[0][v] = cnt;
		if (!cnt)
			continue;
		distinct++;
		if (most ? cnt > best : cnt < best) {
			best = cnt;
			ties = 1;
			pick = (int)v;
		} else if (cnt == best) {
			ties++;
		}
	}
	if (ties == 1)
		return (int8_t)pick;
	int32_t seen[256], order[256];
	size_t nseen = 0;
	uint8_t mark[256] = {0};
	for (k = 0; nseen < distinct; k++)
		if (!mark[cell[k]]) {
			mark[cell[k]] = 1;
			seen[nseen++] = (int8_t)cell[k];
		}
	pyset_int_order(c, seen, nseen, order);
	for (k = 0;; k++)
		if (hist[0][(uint8_t)order[k]] == best)
			return order[k];
}

static value color_extreme(dsl_ctx *c, value v, bool most)
{
	if (v.kind == VK_GRID)
		return v_int(grid_color_extreme(c, v.g, most));
	if (v.kind == VK_IDX || v.kind == VK_OBJ) {
		patch p = patch_arg(c, v);
		return v_int(patch_color_extreme(c, &p, most));
	}
	/* max(set(values), key=values.count) is mostcommon of the values */
	size_t n;
	value *e = element_values(c, v, &n);
	value t = tuple_make(c, e, n);
	return most ? prim_mostcommon(c, &t) : prim_leastcommon(c, &t);
}

value prim_mostcolor(dsl_ctx *c, const value *args) { return color_extreme(c, args[0], true); }
value prim_leastcolor(dsl_ctx *c, const value *args) { return color_extreme(c, args[0], false); }

/* A grid: sum(row.count(value) for row in element); otherwise sum(v == value for v, _ in
 * element). */
value prim_colorcount(dsl_ctx *c, const value *args)
{
	value v = args[0], x = args[1];
	size_t n = 0, len;
	switch (v.kind) {
	case VK_GRID: {
		size_t cells = (size_t)v.g->h * v.g->w;
		if (!is_num(x) || x.i < INT8_MIN || x.i > INT8_MAX)
			return v_int(0);
		int8_t want = (int8_t)x.i;
		dsl_work_ahead(c, cells / 64);
		for (size_t k = 0; k < cells; k++)
			n += v.g->cell[k] == want;
		break;
	}
	case VK_IDX:
	case VK_OBJ: {
		patch p = patch_arg(c, v);
		if (!is_num(x))
			return v_int(0);
		dsl_work_ahead(c, p.n / 64);
		for (uint32_t k = 0; k < p.n; k++)
			n += patch_value(&p, k) == x.i;
		break;
	}
	case VK_PAIR:
	case VK_TUPLE: {
		value *rows = cont_items(c, v, &len);
		for (size_t k = 0; k < len; k++) {
			if (!is_tuple(rows[k]))
				dsl_fail(c, DSL_ATTRIBUTE_ERROR, "object has no attribute 'count'");
			size_t w = cont_len(c, rows[k]);
			dsl_work(c, w / 16);
			for (size_t q = 0; q < w; q++)
				n += val_eq(cont_get(c, rows[k], q), x);
		}
		break;
	}
	default: {
		value *e = element_values(c, v, &len);
		for (size_t k = 0; k < len; k++)
			n += val_eq(e[k], x);
	}
	}
	return v_int(num_checked(c, (int64_t)n));
}

/* The set of e[0..m-1], kept in order from the elements of container v. When v is a set they
 * are already sorted and unique, and when they are sets themselves (Objects, the usual case)
 * no normalisation can turn the result into Indices or an Object: the payload is built as it
 * is. */
static value subset_make(dsl_ctx *c, value v, value *e, size_t m)
{
	bool sets = v.kind == VK_SET && m > 0;
	for (size_t k = 0; sets && k < m; k++)
		sets = is_set(e[k]);
	if (!sets)
		return set_make(c, e, m);
	vtuple *t = dsl_alloc(c, sizeof(vtuple) + m * sizeof(value));
	t->n = (uint32_t)m;
	t->depth = val_nest(c, e, m);
	memcpy(t->e, e, m * sizeof(value));
	return (value){.kind = VK_SET, .t = t};
}

/* frozenset(obj for obj in objs if next(iter(obj))[0] == value); an empty obj raises
 * StopIteration inside the generator, which Python turns into RuntimeError. */
value prim_colorfilter(dsl_ctx *c, const value *args)
{
	size_t n, m = 0;
	value *e = cont_items(c, args[0], &n), want = args[1];
	dsl_work(c, n / 16);
	for (size_t k = 0; k < n; k++) {
		value colour;
		if (e[k].kind == VK_OBJ) {
			colour = v_int(cell_c(e[k].ob->k[0]));
		} else {
			if (is_container(e[k]) && cont_len(c, e[k]) == 0)
				dsl_fail(c, DSL_RUNTIME_ERROR, "generator raised StopIteration");
			colour = prim_color(c, &e[k]);
		}
		if (val_eq(colour, want))
			e[m++] = e[k];
	}
	return subset_make(c, args[0], e, m);
}

/* frozenset(item for item in container if len(item) == n) */
value prim_sizefilter(dsl_ctx *c, const value *args)
{
	size_t n, m = 0;
	value *e = cont_items(c, args[0], &n), want = args[1];
	dsl_work(c, n / 16);
	for (size_t k = 0; k < n; k++) {
		size_t len = cont_len(c, e[k]);
		if (is_num(want) && (int64_t)len == want.i)
			e[m++] = e[k];
	}
	return subset_make(c, args[0], e, m);
}

/* ---- sizes ---- */

value prim_height(dsl_ctx *c, const value *args)
{
	if (is_tuple(args[0]))
		return v_int(num_checked(c, (int64_t)cont_len(c, args[0])));
	int64_t h, w;
	piece_dims(c, args[0], &h, &w);
	return v_int((int32_t)h);
}

value prim_width(dsl_ctx *c, const value *args)
{
	int64_t h, w;
	piece_dims(c, args[0], &h, &w);
	return v_int(num_checked(c, w));
}

value prim_shape(dsl_ctx *c, const value *args)
{
	int64_t h, w;
	piece_dims(c, args[0], &h, &w);
	return v_pair(num_checked(c, h), num_checked(c, w));
}

value prim_portrait(dsl_ctx *c, const value *args)
{
	int64_t h, w;
	piece_dims(c, args[0], &h, &w);
	return v_bool(h > w);
}

/* A tuple: len(piece) == len(piece[0]); a patch: a completely filled square. */
value prim_square(dsl_ctx *c, const value *args)
{
	value v = args[0];
	int64_t h, w, n = (int64_t)cont_len(c, v);
	if (is_tuple(v) && n == 0)
		dsl_fail(c, DSL_INDEX_ERROR, "tuple index out of range");
	piece_dims(c, v, &h, &w);
	if (is_tuple(v))
		return v_bool(h == w);
	return v_bool(h * w == n && h == w);
}

/* height(patch) == len(patch) and width(patch) == 1 */
value prim_vline(dsl_ctx *c, const value *args)
{
	int64_t h, w, n = (int64_t)cont_len(c, args[0]);
	piece_dims(c, args[0], &h, &w);
	return v_bool(h == n && w == 1);
}

/* width(patch) == len(patch) and height(patch) == 1 */
value prim_hline(dsl_ctx *c, const value *args)
{
	int64_t h, w, n = (int64_t)cont_len(c, args[0]);
	piece_dims(c, args[0], &h, &w);
	return v_bool(w == n && h == 1);
}

/* ---- grids to indices ---- */

/* Positions (i, j) for i < h, j < w must fit int16. */
static void check_extent(dsl_ctx *c, int64_t h, int64_t w)
{
	if (h - 1 > COORD_MAX || w - 1 > COORD_MAX)
		dsl_fail(c, DSL_OVERFLOW, "positions of a %lld x %lld grid out of range", (long long)h, (long long)w);
	if (h * w > UINT32_MAX)
		dsl_fail(c, DSL_LIMIT_MEMORY, "%lld positions", (long long)(h * w));
}

/* frozenset((i, j) for i in range(len(grid)) for j in range(len(grid[0]))): len(grid[0]) is
 * read only once a row exists. */
value prim_asindices(dsl_ctx *c, const value *args)
{
	value v = args[0];
	int64_t h = (int64_t)cont_len(c, v), w;
	if (!h)
		return v_empty_set();
	w = v.kind == VK_GRID ? v.g->w : (int64_t)cont_len(c, item(c, v, 0));
	if (!w)
		return v_empty_set();
	check_extent(c, h, w);
	idxset *s = idx_alloc(c, (size_t)(h * w));
	dsl_work(c, (uint64_t)(h * w) / 64);
	for (int i = 0; i < h; i++)
		for (int j = 0; j < w; j++)
			s->k[s->n++] = pos_key(i, j);
	return idx_finish(c, s, true);
}

/* frozenset((i, j) for i, r in enumerate(grid) for j, v in enumerate(r) if v == value) */
value prim_ofcolor(dsl_ctx *c, const value *args)
{
	value v = args[0], x = args[1];
	if (v.kind == VK_GRID) {
		const grid *g = v.g;
		if (!is_num(x) || x.i < INT8_MIN || x.i > INT8_MAX)
			return v_empty_set();
		int8_t want = (int8_t)x.i;
		size_t cells = (size_t)g->h * g->w;
		check_extent(c, g->h, g->w);
		/* room for every cell, written without branches; the unused tail goes back to the
		 * arena, since the set is its last allocation */
		idxset *s = idx_alloc(c, cells);
		size_t end = arena_mark(c->mem);
		uint32_t n = 0;
		dsl_work_ahead(c, cells / 64);
		for (int i = 0; i < g->h; i++) {
			const int8_t *row = g->cell + (size_t)i * g->w;
			uint32_t key = pos_key(i, 0); /* pos_key(i, j) is key + j for 0 <= j <= COORD_MAX */
			for (int j = 0; j < g->w; j++) {
				s->k[n] = key + (uint32_t)j;
				n += row[j] == want;
			}
		}
		s->n = n;
		arena_reset(c->mem, end - (cells - n) * sizeof s->k[0]);
		return idx_finish(c, s, true);
	}
	size_t h, cap = 0;
	value *rows = cont_items(c, v, &h);
	for (size_t i = 0; i < h; i++)
		cap += cont_len(c, rows[i]);
	idxset *s = idx_alloc(c, cap);
	dsl_work(c, cap / 16);
	for (size_t i = 0; i < h; i++)
		for (size_t j = 0, w = cont_len(c, rows[i]); j < w; j++)
			if (val_eq(cont_get(c, rows[i], j), x)) {
				if (i > COORD_MAX || j > COORD_MAX)
					dsl_fail(c, DSL_OVERFLOW, "position out of range");
				s->k[s->n++] = pos_key((int)i, (int)j);
			}
	return idx_finish(c, s, true);
}

/* ---- corners and extremes ---- */

/* tuple(map(min or max, zip(*toindices(patch)))): () for the empty patch. */
static value corner(dsl_ctx *c, value v, bool bottom, bool right)
{
	patch p = patch_arg(c, v);
	if (!p.n)
		return v_empty_tuple();
	bbox b = patch_bbox(c, p);
	return v_pair(bottom ? b.bottom : b.top, right ? b.right : b.left);
}

value prim_ulcorner(dsl_ctx *c, const value *args) { return corner(c, args[0], false, false); }
value prim_urcorner(dsl_ctx *c, const value *args) { return corner(c, args[0], false, true); }
value prim_llcorner(dsl_ctx *c, const value *args) { return corner(c, args[0], true, false); }
value prim_lrcorner(dsl_ctx *c, const value *args) { return corner(c, args[0], true, true); }

value prim_uppermost(dsl_ctx *c, const value *args)
{
	return v_int(bbox_arg(c, args[0], PATCH_ROWS).top);
}

value prim_lowermost(dsl_ctx *c, const value *args)
{
	return v_int(bbox_arg(c, args[0], PATCH_ROWS).bottom);
}

value prim_leftmost(dsl_ctx *c, const value *args) { return v_int(bbox_arg(c, args[0], 0).left); }
value prim_rightmost(dsl_ctx *c, const value *args) { return v_int(bbox_arg(c, args[0], 0).right); }

/* Whether seq[lo:hi] of a length-n sequence keeps anything (Python's slice bounds). */
static bool slice_nonempty(int64_t lo, int64_t hi, int64_t n)
{
	lo = lo < 0 ? (lo + n < 0 ? 0 : lo + n) : (lo > n ? n : lo);
	hi = hi < 0 ? (hi + n < 0 ? 0 : hi + n) : (hi > n ? n : hi);
	return hi > lo;
}

/* tuple(r[start[1]:start[1]+dims[1]] for r in grid[start[0]:start[0]+dims[0]]): the column
 * bounds are read only when a row survives. */
value prim_crop(dsl_ctx *c, const value *args)
{
	const grid *g = grid_arg(c, args[0]);
	int64_t i = item_int(c, args[1], 0), h = item_int(c, args[2], 0);
	if (!slice_nonempty(i, i + h, g->h))
		return v_empty_tuple();
	int64_t j = item_int(c, args[1], 1), w = item_int(c, args[2], 1);
	return grid_crop(c, g, i, j, h, w);
}

/* ---- patches ---- */

/* toindices of a container that is no typed patch: frozenset(index for value, index in patch)
 * when the first element's second item is a tuple (an Object), else the container itself. */
static value toindices_generic(dsl_ctx *c, value v)
{
	size_t n = cont_len(c, v);
	if (!n)
		return v_empty_set();
	if (!is_tuple(item(c, cont_get(c, v, 0), 1)))
		return v;
	value *e = cont_items(c, v, &n);
	dsl_work(c, n / 16);
	for (size_t k = 0; k < n; k++) {
		if (!is_container(e[k]))
			dsl_fail(c, DSL_TYPE_ERROR, "cannot unpack non-iterable object");
		if (cont_len(c, e[k]) != 2)
			dsl_fail(c, DSL_VALUE_ERROR, "expected 2 values to unpack, got %zu", cont_len(c, e[k]));
		e[k] = cont_get(c, e[k], 1);
	}
	return set_make(c, e, n);
}

value prim_toindices(dsl_ctx *c, const value *args)
{
	value v = args[0];
	if (v.kind == VK_IDX)
		return v;
	if (v.kind != VK_OBJ)
		return toindices_generic(c, v);
	idxset *s = idx_alloc(c, v.ob->n);
	dsl_work_ahead(c, v.ob->n / 64);
	for (uint32_t k = 0; k < v.ob->n; k++)
		s->k[k] = cell_pos(v.ob->k[k]);
	s->n = v.ob->n;
	/* one colour keeps the positions ascending; idx_finish sees that in one pass */
	return idx_finish(c, s, false);
}

/* frozenset((value, index) for index in toindices(patch)) */
value prim_recolor(dsl_ctx *c, const value *args)
{
	value x = args[0], ind = prim_toindices(c, &args[1]);
	if (ind.kind == VK_IDX && is_num(x) && coord_ok(x.i)) {
		objset *s = obj_alloc(c, ind.ix->n);
		dsl_work_ahead(c, ind.ix->n / 64);
		for (uint32_t k = 0; k < ind.ix->n; k++)
			s->k[k] = cell_key(x.i, pos_i(ind.ix->k[k]), pos_j(ind.ix->k[k]));
		s->n = ind.ix->n;
		return obj_finish(c, s, true);
	}
	size_t n;
	value *e = cont_items(c, ind, &n);
	dsl_work(c, n / 16);
	for (size_t k = 0; k < n; k++)
		e[k] = tuple_make(c, (value[]){x, e[k]}, 2);
	return set_make(c, e, n);
}

/* The set of p moved by (di, dj). Keys hold biased coordinates, so while they stay in int16 a
 * move adds one constant to every key and keeps their order. The extremes of the rows and
 * columns are gathered while the keys are moved (one pass), and a result beyond int16 fails
 * afterwards. */
static value shift_patch(dsl_ctx *c, patch p, int64_t di, int64_t dj)
{
	if (di < -65535 || di > 65535 || dj < -65535 || dj > 65535)
		dsl_fail(c, DSL_OVERFLOW, "shifted position out of range");
	uint64_t delta = (uint64_t)(di * 65536 + dj);
	uint32_t rlo = 0xffff, rhi = 0, clo = 0xffff, chi = 0;
	dsl_work(c, p.n / 64);
	value out;
	if (p.kind == PATCH_IDX) {
		idxset *s = idx_alloc(c, p.n);
		for (uint32_t k = 0; k < p.n; k++) {
			uint32_t x = p.ix[k], r = x >> 16, col = x & 0xffff;
			rlo = r < rlo ? r : rlo, rhi = r > rhi ? r : rhi;
			clo = col < clo ? col : clo, chi = col > chi ? col : chi;
			s->k[k] = x + (uint32_t)delta;
		}
		s->n = p.n;
		out = (value){.kind = VK_IDX, .ix = s};
	} else {
		objset *s = obj_alloc(c, p.n);
		for (uint32_t k = 0; k < p.n; k++) {
			uint64_t x = p.ob[k];
			uint32_t r = (uint32_t)(x >> 16) & 0xffff, col = (uint32_t)x & 0xffff;
			rlo = r < rlo ? r : rlo, rhi = r > rhi ? r : rhi;
			clo = col < clo ? col : clo, chi = col > chi ? col : chi;
			s->k[k] = x + delta;
		}
		s->n = p.n;
		out = (value){.kind = VK_OBJ, .ob = s};
	}
	/* fields are coordinates + 32768 */
	if (rlo + di < 0 || rhi + di > 0xffff || clo + dj < 0 || chi + dj > 0xffff)
		dsl_fail(c, DSL_OVERFLOW, "shifted position out of range");
	return out;
}

/* An empty patch (frozenset() or ()) is returned as it is, before the offset is even
 * unpacked. */
value prim_shift(dsl_ctx *c, const value *args)
{
	value v = args[0];
	patch p = patch_arg(c, v);
	if (!p.n)
		return v;
	int64_t di, dj;
	pair_arg(c, args[1], &di, &dj);
	return shift_patch(c, p, di, dj);
}

value prim_normalize(dsl_ctx *c, const value *args)
{
	value v = args[0];
	patch p = patch_arg(c, v);
	if (!p.n)
		return v;
	bbox b = patch_bbox(c, p);
	return shift_patch(c, p, -(int64_t)b.top, -(int64_t)b.left);
}

/* ---- neighbourhoods ---- */

enum { DIRECT = 1, DIAGONAL = 2 };

/* The positions around loc (loc[0], loc[1]) of the kinds asked for, in row-major order. */
static value around(dsl_ctx *c, value loc, int kinds)
{
	int64_t i = item_int(c, loc, 0), j = item_int(c, loc, 1);
	if (!coord_ok(i - 1) || !coord_ok(i + 1) || !coord_ok(j - 1) || !coord_ok(j + 1))
		dsl_fail(c, DSL_OVERFLOW, "neighbour of (%lld, %lld) out of range", (long long)i, (long long)j);
	idxset *s = idx_alloc(c, 8);
	for (int di = -1; di <= 1; di++)
		for (int dj = -1; dj <= 1; dj++)
			if ((di || dj) && (kinds & (di && dj ? DIAGONAL : DIRECT)))
				s->k[s->n++] = pos_key((int)i + di, (int)j + dj);
	return idx_finish(c, s, true);
}

value prim_dneighbors(dsl_ctx *c, const value *args) { return around(c, args[0], DIRECT); }
value prim_ineighbors(dsl_ctx *c, const value *args) { return around(c, args[0], DIAGONAL); }
value prim_neighbors(dsl_ctx *c, const value *args) { return around(c, args[0], DIRECT | DIAGONAL); }

/* ---- matching rows and columns ---- */

/* set(j for i, j in toindices(v)) as Python values: vmatching's path for a tuple of positions
 * that holds cells, whose columns are tuples. */
static value column_values(dsl_ctx *c, value v)
{
	value ind = prim_toindices(c, &v);
	size_t n;
	value *e = cont_items(c, ind, &n);
	dsl_work(c, n / 16);
	for (size_t k = 0; k < n; k++) {
		if (!is_container(e[k]) || cont_len(c, e[k]) != 2)
			dsl_fail(c, DSL_TYPE_ERROR, "cannot unpack an element of the patch as (i, j)");
		e[k] = cont_get(c, e[k], 1);
	}
	return set_make(c, e, n);
}

/* Whether some row (cols: column) holds positions of both patches: b's lines go into a bitmap
 * over their range (at most 65536 values), then a's are looked up. Rows of odd elements are
 * numbers; their columns are compared as values. */
static value matching(dsl_ctx *c, const value *args, bool cols)
{
	patch a = patch_view(c, args[0], PATCH_ROWS), b = patch_view(c, args[1], PATCH_ROWS);
	if (!a.n || !b.n)
		return v_bool(false);
	if (cols && (a.form == PATCH_ODD || b.form == PATCH_ODD)) {
		value la = column_values(c, args[0]), lb = column_values(c, args[1]);
		size_t n;
		value *e = cont_items(c, la, &n);
		for (size_t k = 0; k < n; k++)
			if (set_has(c, lb, e[k]))
				return v_bool(true);
		return v_bool(false);
	}
	dsl_work_ahead(c, ((uint64_t)a.n + b.n) / 64);
	int lo = COORD_MAX, hi = COORD_MIN;
	for (uint32_t k = 0; k < b.n; k++) {
		uint32_t q = patch_pos(&b, k);
		int x = cols ? pos_j(q) : pos_i(q);
		lo = x < lo ? x : lo;
		hi = x > hi ? x : hi;
	}
	uint64_t bits[65536 / 64];
	memset(bits, 0, ((size_t)(hi - lo) / 64 + 1) * sizeof bits[0]);
	for (uint32_t k = 0; k < b.n; k++) {
		uint32_t q = patch_pos(&b, k);
		unsigned at = (unsigned)((cols ? pos_j(q) : pos_i(q)) - lo);
		bits[at / 64] |= (uint64_t)1 << (at % 64);
	}
	for (uint32_t k = 0; k < a.n; k++) {
		uint32_t q = patch_pos(&a, k);
		int x = cols ? pos_j(q) : pos_i(q);
		if (x >= lo && x <= hi && (bits[(unsigned)(x - lo) / 64] >> ((unsigned)(x - lo) % 64) & 1))
			return v_bool(true);
	}
	return v_bool(false);
}

value prim_hmatching(dsl_ctx *c, const value *args) { return matching(c, args, false); }
value prim_vmatching(dsl_ctx *c, const value *args) { return matching(c, args, true); }
