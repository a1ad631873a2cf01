/* prims_arith_sets.c — the container primitives of DSL.md 6.1: membership, combine,
 * intersection, difference and merge. Two Indices or two Objects meet in linear merges of their
 * sorted key arrays, two other sets in a merge of their canonically sorted values. */
#include <string.h>

#include "dsl.h"

/* Which elements a merge of two sorted sets keeps: those only in a, only in b, in both. */
enum { KEEP_A = 1, KEEP_B = 2, KEEP_BOTH = 4 };
enum { SET_UNION = KEEP_A | KEEP_B | KEEP_BOTH, SET_INTER = KEEP_BOTH, SET_DIFF = KEEP_A };

/* Merge two arrays sorted ascending by CMP (< 0, 0, > 0), keeping what keep says. */
#define DEFINE_MERGE(NAME, T, CMP)                                                         \
	static uint32_t NAME(dsl_ctx *c, const T *a, uint32_t na, const T *b, uint32_t nb, T *out, \
	                     int keep)                                                     \
	{                                                                                  \
		uint32_t i = 0, j = 0, m = 0;                                              \
		while (i < na && j < nb) {                                                 \
			int r = CMP(c, a[i], b[j]);                                        \
			if (r < 0) {                                                       \
				if (keep & KEEP_A)                                         \
					out[m++] = a[i];                                   \
				i++;                                                       \
			} else if (r > 0) {                                                \
				if (keep & KEEP_B)                                         \
					out[m++] = b[j];                                   \
				j++;                                                       \
			} else {                                                           \
				if (keep & KEEP_BOTH)                                      \
					out[m++] = a[i];                                   \
				i++;                                                       \
				j++;                                                       \
			}                                                                  \
		}                                                                          \
		if (keep & KEEP_A)                                                         \
			for (; i < na; i++)                                                \
				out[m++] = a[i];                                           \
		if (keep & KEEP_B)                                                         \
			for (; j < nb; j++)                                                \
				out[m++] = b[j];                                           \
		return m;                                                                  \
	}
#define KEY_CMP(c, x, y) (((x) > (y)) - ((x) < (y)))
DEFINE_MERGE(merge_keys32, uint32_t, KEY_CMP)
DEFINE_MERGE(merge_keys64, uint64_t, KEY_CMP)
DEFINE_MERGE(merge_vals, value, val_cmp_c)

static size_t merge_cap(uint32_t na, uint32_t nb, int keep)
{
	return keep == SET_UNION ? (size_t)na + nb : keep == SET_INTER ? (na < nb ? na : nb) : na;
}

/* Two VK_SETs: their canonically sorted values merged. The result is renormalised, since
 * removing the odd elements of a mixed set can leave only positions or cells. */
static value merge_values(dsl_ctx *c, const vtuple *a, const vtuple *b, int keep)
{
	value *out = dsl_alloc(c, merge_cap(a->n, b->n, keep) * sizeof *out);
	dsl_work_ahead(c, ((uint64_t)a->n + b->n) / 8);
	uint32_t m = merge_vals(c, a->e, a->n, b->e, b->n, out, keep);
	return set_make(c, out, m);
}

static bool is_empty_set(value v) { return v.kind == VK_SET && v.t->n == 0; }

static bool is_cell(value v)
{
	return v.kind == VK_TUPLE && v.t->n == 2 && is_num(v.t->e[0]) && v.t->e[1].kind == VK_PAIR;
}

/* The positions (kind VK_IDX) or cells (VK_OBJ) among e as a set of that kind: the part of e
 * that can equal elements of such a set. Coordinates beyond int16 can equal none. */
static value matching_keys(dsl_ctx *c, int kind, const value *e, size_t n)
{
	if (kind == VK_IDX) {
		idxset *s = idx_alloc(c, n);
		for (size_t k = 0; k < n; k++)
			if (e[k].kind == VK_PAIR && coord_ok(e[k].i) && coord_ok(e[k].j))
				s->k[s->n++] = pos_key(e[k].i, e[k].j);
		return idx_finish(c, s, false);
	}
	objset *s = obj_alloc(c, n);
	for (size_t k = 0; k < n; k++) {
		if (!is_cell(e[k]))
			continue;
		value col = e[k].t->e[0], p = e[k].t->e[1];
		if (coord_ok(col.i) && coord_ok(p.i) && coord_ok(p.j))
			s->k[s->n++] = cell_key(col.i, p.i, p.j);
	}
	return obj_finish(c, s, false);
}

/* Elements of the VK_SET s kept by whether the set other holds them (keep_in) or not. */
static value filter_values(dsl_ctx *c, const vtuple *s, value other, bool keep_in)
{
	value *out = dsl_alloc(c, (s->n ? s->n : 1) * sizeof *out);
	uint32_t m = 0;
	dsl_work_ahead(c, s->n / 8);
	for (uint32_t k = 0; k < s->n; k++)
		if (set_has(c, other, s->e[k]) == keep_in)
			out[m++] = s->e[k];
	return set_make(c, out, m);
}

/* Write the elements of container v, in iteration order, to dst; returns their number. */
static size_t put_items(dsl_ctx *c, value v, value *dst)
{
	if (v.kind == VK_TUPLE || v.kind == VK_SET) {
		memcpy(dst, v.t->e, v.t->n * sizeof *dst);
		return v.t->n;
	}
	size_t n = cont_len(c, v);
	for (size_t k = 0; k < n; k++)
		dst[k] = cont_get(c, v, k);
	return n;
}

/* The elements of two containers, a's then b's, as a tuple or (as_set) a frozenset. */
static value concat(dsl_ctx *c, value a, value b, bool as_set)
{
	size_t n = cont_len(c, a) + cont_len(c, b);
	value *e = dsl_alloc(c, (n ? n : 1) * sizeof *e);
	size_t na = put_items(c, a, e);
	put_items(c, b, e + na);
	return as_set ? set_make(c, e, n) : tuple_make(c, e, n);
}

/* Union, intersection or difference of two set values. */
static value set_op(dsl_ctx *c, value a, value b, int keep)
{
	if (is_empty_set(a) || is_empty_set(b)) {
		if (keep == SET_UNION)
			return is_empty_set(a) ? b : a;
		return keep == SET_INTER ? v_empty_set() : a;
	}
	if (a.kind == VK_IDX && b.kind == VK_IDX) {
		idxset *s = idx_alloc(c, merge_cap(a.ix->n, b.ix->n, keep));
		s->n = merge_keys32(c, a.ix->k, a.ix->n, b.ix->k, b.ix->n, s->k, keep);
		return idx_finish(c, s, true);
	}
	if (a.kind == VK_OBJ && b.kind == VK_OBJ) {
		objset *s = obj_alloc(c, merge_cap(a.ob->n, b.ob->n, keep));
		s->n = merge_keys64(c, a.ob->k, a.ob->n, b.ob->k, b.ob->n, s->k, keep);
		return obj_finish(c, s, true);
	}
	if (a.kind == VK_SET && b.kind == VK_SET)
		return merge_values(c, a.t, b.t, keep);
	if (keep == SET_UNION)
		return concat(c, a, b, true);
	if (a.kind != VK_SET && b.kind != VK_SET) /* Indices and an Object: no element in common */
		return keep == SET_INTER ? v_empty_set() : a;
	if (keep == SET_INTER)
		return a.kind == VK_SET ? filter_values(c, a.t, b, true) : filter_values(c, b.t, a, true);
	if (a.kind == VK_SET)
		return filter_values(c, a.t, b, false);
	return set_op(c, a, matching_keys(c, a.kind, b.t->e, b.t->n), SET_DIFF);
}

/* Binary search in values sorted canonically (val_sort): Python's == is the order's equality. */
static bool sorted_has(dsl_ctx *c, const value *s, size_t n, value x)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (val_cmp_c(c, s[mid], x) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && val_cmp_c(c, s[lo], x) == 0;
}

/* Is x a row of g (a tuple of as many numbers, equal cell by cell)? */
static bool grid_has_row(const grid *g, value x)
{
	size_t w = g->w;
	if (x.kind == VK_GRID)
		return x.g->h == 0 && w == 0 && g->h > 0;
	if (x.kind == VK_PAIR) {
		if (w != 2)
			return false;
		for (int r = 0; r < g->h; r++)
			if (g->cell[2 * r] == x.i && g->cell[2 * r + 1] == x.j)
				return true;
		return false;
	}
	if (x.kind != VK_TUPLE || x.t->n != w)
		return false;
	for (size_t q = 0; q < w; q++)
		if (!is_num(x.t->e[q]))
			return false;
	for (int r = 0; r < g->h; r++) {
		const int8_t *row = g->cell + (size_t)r * w;
		size_t q = 0;
		while (q < w && row[q] == x.t->e[q].i)
			q++;
		if (q == w)
			return true;
	}
	return false;
}

/* Python's `x in cont`. */
static bool py_in(dsl_ctx *c, value x, value cont)
{
	switch (cont.kind) {
	case VK_PAIR: return is_num(x) && (x.i == cont.i || x.i == cont.j);
	case VK_GRID:
		dsl_work(c, (uint64_t)cont.g->h * cont.g->w / 64);
		return grid_has_row(cont.g, x);
	case VK_TUPLE:
		dsl_work(c, cont.t->n / 8);
		for (uint32_t k = 0; k < cont.t->n; k++)
			if (val_eq(cont.t->e[k], x))
				return true;
		return false;
	case VK_IDX:
	case VK_OBJ:
	case VK_SET: return set_has(c, cont, x);
	default: dsl_fail(c, DSL_TYPE_ERROR, "argument of type '%s' is not iterable", is_num(cont) ? "int" : "non-container");
	}
}

value prim_contained(dsl_ctx *c, const value *args) { return v_bool(py_in(c, args[0], args[1])); }

/* Two grids of one width, stacked: their rows as one grid. False when they are not that. */
static bool stackable(value a, value b)
{
	return a.kind == VK_GRID && b.kind == VK_GRID && a.g->h > 0 && b.g->h > 0 && a.g->w == b.g->w &&
	       a.g->h + b.g->h <= UINT16_MAX;
}

static value stack(dsl_ctx *c, const grid *a, const grid *b)
{
	size_t sa = (size_t)a->h * a->w;
	grid *g = grid_alloc(c, a->h + b->h, a->w);
	memcpy(g->cell, a->cell, sa);
	memcpy(g->cell + sa, b->cell, (size_t)b->h * b->w);
	return v_grid(g);
}

/* type(a)((*a, *b)): a union for a set a, a concatenation for a tuple a. */
value prim_combine(dsl_ctx *c, const value *args)
{
	value a = args[0], b = args[1];
	if (!is_container(a) || !is_container(b))
		dsl_fail(c, DSL_TYPE_ERROR, "combine: value after * must be an iterable");
	if (is_set(a) && is_set(b))
		return set_op(c, a, b, SET_UNION);
	if (cont_len(c, b) == 0)
		return a;
	if (is_set(a))
		return concat(c, a, b, true);
	if (stackable(a, b))
		return stack(c, a.g, b.g);
	if (cont_len(c, a) == 0 && is_tuple(b))
		return b;
	return concat(c, a, b, false);
}

/* a & b: set intersection, or the bitwise and of two ints (a bool when both are bools). */
value prim_intersection(dsl_ctx *c, const value *args)
{
	value a = args[0], b = args[1];
	if (is_num(a) && is_num(b))
		return a.kind == VK_BOOL && b.kind == VK_BOOL ? v_bool(a.i & b.i) : v_int(a.i & b.i);
	if (!is_set(a) || !is_set(b))
		dsl_fail(c, DSL_TYPE_ERROR, "unsupported operand type(s) for &");
	return set_op(c, a, b, SET_INTER);
}

/* type(a)(e for e in a if e not in b): b is only asked about the elements of a. */
value prim_difference(dsl_ctx *c, const value *args)
{
	value a = args[0], b = args[1];
	if (!is_container(a))
		dsl_fail(c, DSL_TYPE_ERROR, "difference: the first argument is not iterable");
	if (cont_len(c, a) == 0)
		return a;
	if (!is_container(b))
		dsl_fail(c, DSL_TYPE_ERROR, "argument of type '%s' is not iterable", is_num(b) ? "int" : "non-container");
	if (is_set(a) && is_set(b))
		return set_op(c, a, b, SET_DIFF);
	if (is_set(a)) {
		size_t nb;
		value *eb = cont_items(c, b, &nb);
		if (a.kind != VK_SET)
			return set_op(c, a, matching_keys(c, a.kind, eb, nb), SET_DIFF);
		val_sort(c, eb, nb);
		value *out = dsl_alloc(c, a.t->n * sizeof *out);
		uint32_t m = 0;
		dsl_work_ahead(c, a.t->n / 8);
		for (uint32_t k = 0; k < a.t->n; k++)
			if (!sorted_has(c, eb, nb, a.t->e[k]))
				out[m++] = a.t->e[k];
		return set_make(c, out, m);
	}
	size_t na, nb = 0;
	value *ea = cont_items(c, a, &na), *eb = NULL;
	if (is_tuple(b)) {
		eb = cont_items(c, b, &nb);
		val_sort(c, eb, nb);
	}
	size_t m = 0;
	dsl_work_ahead(c, na / 8);
	for (size_t k = 0; k < na; k++)
		if (!(eb ? sorted_has(c, eb, nb, ea[k]) : set_has(c, b, ea[k])))
			ea[m++] = ea[k];
	return tuple_make(c, ea, m);
}

/* ---- merge ---- */

/* Every element of every container in cc, in order, as a tuple or (as_set) a frozenset. */
static value flatten(dsl_ctx *c, value cc, bool as_set)
{
	size_t n, total = 0;
	value *in = cont_items(c, cc, &n);
	for (size_t k = 0; k < n; k++)
		total += cont_len(c, in[k]);
	value *e = dsl_alloc(c, (total ? total : 1) * sizeof *e);
	for (size_t k = 0, m = 0; k < n; k++)
		m += put_items(c, in[k], e + m);
	return as_set ? set_make(c, e, total) : tuple_make(c, e, total);
}

/* A tuple of grids of one width (and empty tuples): the grids stacked, as one block. */
static bool merge_grids(dsl_ctx *c, const vtuple *t, value *out)
{
	int64_t h = 0, w = -1;
	for (uint32_t k = 0; k < t->n; k++) {
		value x = t->e[k];
		if (x.kind != VK_GRID)
			return false;
		if (x.g->h == 0)
			continue;
		if (w >= 0 && x.g->w != w)
			return false;
		w = x.g->w;
		h += x.g->h;
	}
	if (h > UINT16_MAX)
		return false;
	grid *g = grid_alloc(c, h, w < 0 ? 0 : w);
	size_t at = 0;
	for (uint32_t k = 0; k < t->n; k++) {
		size_t len = (size_t)t->e[k].g->h * t->e[k].g->w;
		memcpy(g->cell + at, t->e[k].g->cell, len);
		at += len;
	}
	*out = v_grid(g);
	return true;
}

/* A set of Objects (or of Indices), and empty sets: all their keys in one sorted set. */
static bool merge_keysets(dsl_ctx *c, const vtuple *t, value *out)
{
	int kind = VK_NONE;
	size_t total = 0;
	for (uint32_t k = 0; k < t->n; k++) {
		value x = t->e[k];
		if (is_empty_set(x))
			continue;
		if ((x.kind != VK_IDX && x.kind != VK_OBJ) || (kind != VK_NONE && x.kind != kind))
			return false;
		kind = x.kind;
		total += x.kind == VK_IDX ? x.ix->n : x.ob->n;
	}
	if (kind == VK_NONE) {
		*out = v_empty_set();
		return true;
	}
	if (kind == VK_IDX) {
		idxset *s = idx_alloc(c, total);
		for (uint32_t k = 0; k < t->n; k++)
			if (t->e[k].kind == VK_IDX) {
				memcpy(s->k + s->n, t->e[k].ix->k, t->e[k].ix->n * sizeof *s->k);
				s->n += t->e[k].ix->n;
			}
		*out = idx_finish(c, s, false);
		return true;
	}
	objset *s = obj_alloc(c, total);
	for (uint32_t k = 0; k < t->n; k++)
		if (t->e[k].kind == VK_OBJ) {
			memcpy(s->k + s->n, t->e[k].ob->k, t->e[k].ob->n * sizeof *s->k);
			s->n += t->e[k].ob->n;
		}
	*out = obj_finish(c, s, false);
	return true;
}

/* type(cc)(e for x in cc for e in x): one level flattened into the kind of cc. */
value prim_merge(dsl_ctx *c, const value *args)
{
	value cc = args[0], out;
	switch (cc.kind) {
	case VK_GRID: {
		size_t n = (size_t)cc.g->h * cc.g->w;
		value *e = dsl_alloc(c, (n ? n : 1) * sizeof *e);
		for (size_t k = 0; k < n; k++)
			e[k] = v_int(cc.g->cell[k]);
		return tuple_make(c, e, n);
	}
	case VK_TUPLE: return merge_grids(c, cc.t, &out) ? out : flatten(c, cc, false);
	case VK_SET: return merge_keysets(c, cc.t, &out) ? out : flatten(c, cc, true);
	case VK_PAIR:
	case VK_IDX:
	case VK_OBJ: return flatten(c, cc, is_set(cc));
	default: dsl_fail(c, DSL_TYPE_ERROR, "merge: argument is not iterable");
	}
}
