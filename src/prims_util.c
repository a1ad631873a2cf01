/* prims_util.c — the utility and higher-order primitives of DSL.md 6.2: picking elements (first,
 * last, other, extract), building tuples and sets (interval, product, pair, insert, remove),
 * filters and maps over containers (sfilter ... prapply), and the closures (compose ... power). */
#include <string.h>

#include "dsl.h"

/* power(f, n) recurses n deep in Python while it is built, and its calls nest n deep: from about
 * this n on, CPython's default recursion limit (1000) raises RecursionError. */
#define POWER_MAX 1000

/* ---- helpers ---- */

/* The elements of a container in iteration order (sets in canonical order). Tuples and sets of
 * values lend their own array; the other kinds are spelled out into the arena. */
static const value *items(dsl_ctx *c, value v, size_t *n)
{
	if (v.kind == VK_TUPLE || v.kind == VK_SET) {
		*n = v.t->n;
		return v.t->e;
	}
	if (!is_container(v))
		dsl_fail(c, DSL_TYPE_ERROR, "object is not iterable");
	return cont_items(c, v, n);
}

static size_t iter_len(dsl_ctx *c, value v)
{
	if (!is_container(v))
		dsl_fail(c, DSL_TYPE_ERROR, "object is not iterable");
	return cont_len(c, v);
}

/* a * b elements. Payloads count their elements in uint32: a result beyond that fails as out of
 * memory (below it, the arena limit decides). */
static size_t checked_product(dsl_ctx *c, size_t a, size_t b)
{
	if (b && a > UINT32_MAX / b)
		dsl_fail(c, DSL_LIMIT_MEMORY, "product of %zu x %zu elements", a, b);
	return a * b;
}

/* Python's row == x for row r of g, without building the row. */
static bool row_eq(const grid *g, int r, value x)
{
	const int8_t *row = g->cell + (size_t)r * g->w;
	switch (x.kind) {
	case VK_GRID: return g->w == 0 && x.g->h == 0;
	case VK_PAIR: return g->w == 2 && row[0] == x.i && row[1] == x.j;
	case VK_TUPLE:
		if (x.t->n != g->w)
			return false;
		for (int q = 0; q < g->w; q++)
			if (!is_num(x.t->e[q]) || x.t->e[q].i != row[q])
				return false;
		return true;
	default: return false;
	}
}

/* The position / cell key of x when x is a position / cell we can store. */
static bool pos_of(value x, uint32_t *key)
{
	if (x.kind != VK_PAIR || !coord_ok(x.i) || !coord_ok(x.j))
		return false;
	*key = pos_key(x.i, x.j);
	return true;
}

static bool cell_of(value x, uint64_t *key)
{
	if (x.kind != VK_TUPLE || x.t->n != 2 || !is_num(x.t->e[0]) || x.t->e[1].kind != VK_PAIR)
		return false;
	value col = x.t->e[0], p = x.t->e[1];
	if (!coord_ok(col.i) || !coord_ok(p.i) || !coord_ok(p.j))
		return false;
	*key = cell_key(col.i, p.i, p.j);
	return true;
}

/* First index of an ascending key array whose key is not below key (n if none). */
#define DEFINE_LOWER_BOUND(NAME, T)                                 \
	static uint32_t NAME(const T *k, uint32_t n, T key)         \
	{                                                           \
		uint32_t lo = 0, hi = n;                            \
		while (lo < hi) {                                   \
			uint32_t mid = lo + (hi - lo) / 2;          \
			if (k[mid] < key)                           \
				lo = mid + 1;                       \
			else                                        \
				hi = mid;                           \
		}                                                   \
		return lo;                                          \
	}
DEFINE_LOWER_BOUND(lower32, uint32_t)
DEFINE_LOWER_BOUND(lower64, uint64_t)

/* dst = the n keys of src (sz bytes each) with key inserted before index at. */
static void splice_in(void *dst, const void *src, size_t n, size_t at, const void *key, size_t sz)
{
	memcpy(dst, src, at * sz);
	memcpy((char *)dst + at * sz, key, sz);
	memcpy((char *)dst + (at + 1) * sz, (const char *)src + at * sz, (n - at) * sz);
}

/* dst = the n keys of src (sz bytes each) without the one at index at. */
static void splice_out(void *dst, const void *src, size_t n, size_t at, size_t sz)
{
	memcpy(dst, src, at * sz);
	memcpy((char *)dst + at * sz, (const char *)src + (at + 1) * sz, (n - at - 1) * sz);
}

/* The container of v's kind holding the elements e[k] with keep[k] (e: v's elements in iteration
 * order; unused for Indices, Objects and grids, whose payload is copied directly: a subset of a
 * sorted key array stays sorted). */
static value keep_like(dsl_ctx *c, value v, const value *e, size_t n, const bool *keep)
{
	size_t m = 0;
	for (size_t k = 0; k < n; k++)
		m += keep[k];
	if (m == n)
		return v;
	switch (v.kind) {
	case VK_IDX: {
		idxset *s = idx_alloc(c, m);
		for (size_t k = 0; k < n; k++)
			if (keep[k])
				s->k[s->n++] = v.ix->k[k];
		return idx_finish(c, s, true);
	}
	case VK_OBJ: {
		objset *s = obj_alloc(c, m);
		for (size_t k = 0; k < n; k++)
			if (keep[k])
				s->k[s->n++] = v.ob->k[k];
		return obj_finish(c, s, true);
	}
	case VK_GRID: {
		grid *g = grid_alloc(c, (int64_t)m, v.g->w);
		size_t r = 0;
		for (size_t k = 0; k < n; k++)
			if (keep[k])
				memcpy(g->cell + r++ * v.g->w, v.g->cell + k * v.g->w, v.g->w);
		return v_grid(g);
	}
	default: {
		value *out = dsl_alloc(c, (m ? m : 1) * sizeof *out);
		m = 0;
		for (size_t k = 0; k < n; k++)
			if (keep[k])
				out[m++] = e[k];
		/* a subset of a set of values may become Indices or an Object: set_make decides */
		return v.kind == VK_SET ? set_make(c, out, m) : tuple_make(c, out, m);
	}
	}
}

/* Which elements pass cond. Only the truth of each answer is kept, so whatever the calls
 * allocated is released at once: a filter over many objects stays within a few allocations. */
static bool *test_each(dsl_ctx *c, const value *e, size_t n, value cond)
{
	bool *keep = dsl_alloc(c, n ? n : 1);
	size_t mark = arena_mark(c->mem);
	for (size_t k = 0; k < n; k++) {
		keep[k] = val_truthy(dsl_call1(c, cond, e[k]));
		arena_reset(c->mem, mark);
	}
	return keep;
}

/* merge (DSL.md 6.1) of the n containers e: all their elements, one level down, in a frozenset
 * (as_set) or a tuple. Sets of Indices or of Objects are united through their key arrays (sorted
 * once), tuples of grids of one width are stacked row by row. */
static value merge_all(dsl_ctx *c, const value *e, size_t n, bool as_set)
{
	size_t total = 0, nonempty = 0, last = 0;
	bool idx = as_set, obj = as_set, grids = !as_set;
	for (size_t k = 0; k < n; k++) {
		size_t len = iter_len(c, e[k]);
		if (!len)
			continue;
		total += len;
		nonempty++;
		idx = idx && e[k].kind == VK_IDX;
		obj = obj && e[k].kind == VK_OBJ;
		grids = grids && e[k].kind == VK_GRID && (nonempty == 1 || e[k].g->w == e[last].g->w);
		last = k;
	}
	if (!nonempty)
		return as_set ? v_empty_set() : v_empty_tuple();
	if (total > UINT32_MAX)
		dsl_fail(c, DSL_LIMIT_MEMORY, "merge of %zu elements", total);
	if (as_set && nonempty == 1 && is_set(e[last]))
		return e[last];
	if (idx) {
		idxset *s = idx_alloc(c, total);
		for (size_t k = 0; k < n; k++)
			if (e[k].kind == VK_IDX) {
				memcpy(s->k + s->n, e[k].ix->k, e[k].ix->n * sizeof *s->k);
				s->n += e[k].ix->n;
			}
		return idx_finish(c, s, false);
	}
	if (obj) {
		objset *s = obj_alloc(c, total);
		for (size_t k = 0; k < n; k++)
			if (e[k].kind == VK_OBJ) {
				memcpy(s->k + s->n, e[k].ob->k, e[k].ob->n * sizeof *s->k);
				s->n += e[k].ob->n;
			}
		return obj_finish(c, s, false);
	}
	if (grids && total <= UINT16_MAX) {
		int w = e[last].g->w;
		grid *g = grid_alloc(c, (int64_t)total, w);
		size_t at = 0;
		for (size_t k = 0; k < n; k++) {
			if (e[k].kind != VK_GRID)
				continue;
			size_t cells = (size_t)e[k].g->h * e[k].g->w;
			memcpy(g->cell + at, e[k].g->cell, cells);
			at += cells;
		}
		return v_grid(g);
	}
	value *out = dsl_alloc(c, total * sizeof *out);
	size_t m = 0;
	for (size_t k = 0; k < n; k++) {
		if (e[k].kind == VK_TUPLE || e[k].kind == VK_SET) {
			memcpy(out + m, e[k].t->e, e[k].t->n * sizeof *out);
			m += e[k].t->n;
		} else {
			size_t len = cont_len(c, e[k]);
			for (size_t q = 0; q < len; q++)
				out[m++] = cont_get(c, e[k], q);
		}
	}
	return as_set ? set_make(c, out, m) : tuple_make(c, out, m);
}

/* f applied to every element, results in iteration order. */
static value *map_each(dsl_ctx *c, value f, const value *e, size_t n)
{
	value *out = dsl_alloc(c, (n ? n : 1) * sizeof *out);
	for (size_t k = 0; k < n; k++)
		out[k] = dsl_call1(c, f, e[k]);
	return out;
}

/* f(a[k], b[k]) over zip(a, b). */
static value *map_pairs(dsl_ctx *c, value f, value a, value b, size_t *n)
{
	size_t na, nb;
	const value *ea = items(c, a, &na), *eb = items(c, b, &nb);
	*n = na < nb ? na : nb;
	value *out = dsl_alloc(c, (*n ? *n : 1) * sizeof *out);
	for (size_t k = 0; k < *n; k++)
		out[k] = dsl_call2(c, f, ea[k], eb[k]);
	return out;
}

/* ---- vectors, tuples, choices ---- */

value prim_toivec(dsl_ctx *c, const value *args)
{
	value e[2] = {args[0], v_int(0)};
	return tuple_make(c, e, 2);
}

value prim_tojvec(dsl_ctx *c, const value *args)
{
	value e[2] = {v_int(0), args[0]};
	return tuple_make(c, e, 2);
}

value prim_astuple(dsl_ctx *c, const value *args) { return tuple_make(c, args, 2); }

value prim_branch(dsl_ctx *c, const value *args) { return val_truthy(args[0]) ? args[1] : args[2]; }

value prim_interval(dsl_ctx *c, const value *args)
{
	for (int k = 0; k < 3; k++)
		if (!is_num(args[k]))
			dsl_fail(c, DSL_TYPE_ERROR, "range() arguments must be integers");
	int64_t start = args[0].i, stop = args[1].i, step = args[2].i, n = 0;
	if (step == 0)
		dsl_fail(c, DSL_VALUE_ERROR, "range() arg 3 must not be zero");
	if (step > 0 && start < stop)
		n = (stop - start - 1) / step + 1;
	else if (step < 0 && start > stop)
		n = (start - stop - 1) / -step + 1;
	value *e = dsl_alloc(c, (size_t)(n ? n : 1) * sizeof *e);
	for (int64_t k = 0; k < n; k++)
		e[k] = v_int((int32_t)(start + k * step));
	return tuple_make(c, e, (size_t)n);
}

value prim_pair(dsl_ctx *c, const value *args)
{
	size_t na, nb;
	const value *a = items(c, args[0], &na), *b = items(c, args[1], &nb);
	size_t n = na < nb ? na : nb;
	value *e = dsl_alloc(c, (n ? n : 1) * sizeof *e);
	for (size_t k = 0; k < n; k++)
		e[k] = tuple_make(c, (value[]){a[k], b[k]}, 2);
	return tuple_make(c, e, n);
}

/* ---- single elements ---- */

value prim_first(dsl_ctx *c, const value *args)
{
	if (!iter_len(c, args[0]))
		dsl_fail(c, DSL_STOP_ITERATION, "first of an empty container");
	return cont_get(c, args[0], 0);
}

value prim_last(dsl_ctx *c, const value *args)
{
	size_t n = iter_len(c, args[0]);
	if (!n)
		dsl_fail(c, DSL_VALUE_ERROR, "max() arg is an empty sequence");
	return cont_get(c, args[0], n - 1);
}

value prim_other(dsl_ctx *c, const value *args)
{
	value v = args[0], x = args[1];
	size_t n = iter_len(c, v);
	if (is_set(v)) { /* elements are unique: the first or the second one differs from x */
		for (size_t k = 0; k < n && k < 2; k++) {
			value e = cont_get(c, v, k);
			if (!val_eq(e, x))
				return e;
		}
	} else if (v.kind == VK_GRID) {
		dsl_work(c, n / 16);
		for (int r = 0; r < v.g->h; r++)
			if (!row_eq(v.g, r, x))
				return grid_row(c, v.g, r);
	} else {
		dsl_work(c, n / 16);
		for (size_t k = 0; k < n; k++) {
			value e = cont_get(c, v, k);
			if (!val_eq(e, x))
				return e;
		}
	}
	dsl_fail(c, DSL_STOP_ITERATION, "no other element");
}

value prim_extract(dsl_ctx *c, const value *args)
{
	size_t n;
	const value *e = items(c, args[0], &n);
	size_t mark = arena_mark(c->mem);
	for (size_t k = 0; k < n; k++) {
		if (val_truthy(dsl_call1(c, args[1], e[k])))
			return e[k];
		arena_reset(c->mem, mark); /* a rejected answer is never looked at again */
	}
	dsl_fail(c, DSL_STOP_ITERATION, "no element satisfies the condition");
}

value prim_totuple(dsl_ctx *c, const value *args)
{
	value v = args[0];
	if (is_tuple(v))
		return v;
	size_t n;
	const value *e = items(c, v, &n);
	return tuple_make(c, e, n);
}

/* ---- sets and containers ---- */

value prim_insert(dsl_ctx *c, const value *args)
{
	value x = args[0], s = args[1];
	if (!is_set(s))
		dsl_fail(c, DSL_ATTRIBUTE_ERROR, "object has no attribute 'union'");
	if (set_has(c, s, x))
		return s;
	uint32_t pk;
	uint64_t ck;
	if (s.kind == VK_IDX && pos_of(x, &pk)) {
		idxset *r = idx_alloc(c, s.ix->n + 1);
		splice_in(r->k, s.ix->k, s.ix->n, lower32(s.ix->k, s.ix->n, pk), &pk, sizeof pk);
		r->n = s.ix->n + 1;
		return idx_finish(c, r, true);
	}
	if (s.kind == VK_OBJ && cell_of(x, &ck)) {
		objset *r = obj_alloc(c, s.ob->n + 1);
		splice_in(r->k, s.ob->k, s.ob->n, lower64(s.ob->k, s.ob->n, ck), &ck, sizeof ck);
		r->n = s.ob->n + 1;
		return obj_finish(c, r, true);
	}
	/* a new kind of element (or one we cannot store: set_make fails on it) */
	size_t n;
	const value *e = items(c, s, &n);
	value *all = dsl_alloc(c, (n + 1) * sizeof *all);
	memcpy(all, e, n * sizeof *all);
	all[n] = x;
	return set_make(c, all, n + 1);
}

value prim_remove(dsl_ctx *c, const value *args)
{
	value x = args[0], v = args[1];
	uint32_t pk, at;
	uint64_t ck;
	switch (v.kind) {
	case VK_IDX: {
		if (!pos_of(x, &pk) || (at = lower32(v.ix->k, v.ix->n, pk)) == v.ix->n || v.ix->k[at] != pk)
			return v;
		idxset *r = idx_alloc(c, v.ix->n - 1);
		splice_out(r->k, v.ix->k, v.ix->n, at, sizeof pk);
		r->n = v.ix->n - 1;
		return idx_finish(c, r, true);
	}
	case VK_OBJ: {
		if (!cell_of(x, &ck) || (at = lower64(v.ob->k, v.ob->n, ck)) == v.ob->n || v.ob->k[at] != ck)
			return v;
		objset *r = obj_alloc(c, v.ob->n - 1);
		splice_out(r->k, v.ob->k, v.ob->n, at, sizeof ck);
		r->n = v.ob->n - 1;
		return obj_finish(c, r, true);
	}
	case VK_GRID: {
		bool *keep = dsl_alloc(c, v.g->h ? v.g->h : 1);
		for (int r = 0; r < v.g->h; r++)
			keep[r] = !row_eq(v.g, r, x);
		return keep_like(c, v, NULL, v.g->h, keep);
	}
	default: {
		size_t n;
		const value *e = items(c, v, &n);
		bool *keep = dsl_alloc(c, n ? n : 1);
		for (size_t k = 0; k < n; k++)
			keep[k] = !val_eq(e[k], x);
		return keep_like(c, v, e, n, keep);
	}
	}
}

value prim_product(dsl_ctx *c, const value *args)
{
	value a = args[0], b = args[1];
	/* frozenset((i, j) for j in b for i in a): a is not even iterated when b is empty */
	if (!iter_len(c, b))
		return v_empty_set();
	size_t na, nb;
	const value *ea = items(c, a, &na), *eb = items(c, b, &nb);
	size_t total = checked_product(c, na, nb);
	bool coords = true;
	for (size_t k = 0; k < na && coords; k++)
		coords = is_num(ea[k]) && coord_ok(ea[k].i);
	for (size_t k = 0; k < nb && coords; k++)
		coords = is_num(eb[k]) && coord_ok(eb[k].i);
	if (coords) { /* the common case: positions from two ranges of ints, as keys */
		idxset *s = idx_alloc(c, total);
		for (size_t p = 0; p < na; p++)
			for (size_t q = 0; q < nb; q++)
				s->k[s->n++] = pos_key(ea[p].i, eb[q].i);
		return idx_finish(c, s, false);
	}
	/* a-major order: when a and b are sets (sorted, unique) the pairs come out in canonical
	 * order without repeats, and need no sort */
	value *out = dsl_alloc(c, (total ? total : 1) * sizeof *out);
	size_t m = 0;
	for (size_t p = 0; p < na; p++)
		for (size_t q = 0; q < nb; q++)
			out[m++] = tuple_make(c, (value[]){ea[p], eb[q]}, 2);
	return set_finish(c, out, m, is_set(a) && is_set(b));
}

/* ---- filters and maps ---- */

value prim_sfilter(dsl_ctx *c, const value *args)
{
	size_t n;
	const value *e = items(c, args[0], &n);
	return keep_like(c, args[0], e, n, test_each(c, e, n, args[1]));
}

value prim_mfilter(dsl_ctx *c, const value *args)
{
	size_t n, m = 0;
	const value *e = items(c, args[0], &n);
	const bool *keep = test_each(c, e, n, args[1]);
	value *kept = dsl_alloc(c, (n ? n : 1) * sizeof *kept);
	for (size_t k = 0; k < n; k++)
		if (keep[k])
			kept[m++] = e[k];
	return merge_all(c, kept, m, is_set(args[0]));
}

value prim_apply(dsl_ctx *c, const value *args)
{
	size_t n;
	const value *e = items(c, args[1], &n);
	value *out = map_each(c, args[0], e, n);
	return is_set(args[1]) ? set_make(c, out, n) : tuple_make(c, out, n);
}

value prim_rapply(dsl_ctx *c, const value *args)
{
	size_t n;
	const value *fs = items(c, args[0], &n);
	value *out = dsl_alloc(c, (n ? n : 1) * sizeof *out);
	for (size_t k = 0; k < n; k++)
		out[k] = dsl_call1(c, fs[k], args[1]);
	return is_set(args[0]) ? set_make(c, out, n) : tuple_make(c, out, n);
}

value prim_mapply(dsl_ctx *c, const value *args)
{
	size_t n;
	const value *e = items(c, args[1], &n);
	return merge_all(c, map_each(c, args[0], e, n), n, is_set(args[1]));
}

value prim_papply(dsl_ctx *c, const value *args)
{
	size_t n;
	value *out = map_pairs(c, args[0], args[1], args[2], &n);
	return tuple_make(c, out, n);
}

value prim_mpapply(dsl_ctx *c, const value *args)
{
	size_t n;
	value *out = map_pairs(c, args[0], args[1], args[2], &n);
	return merge_all(c, out, n, false);
}

value prim_prapply(dsl_ctx *c, const value *args)
{
	value f = args[0], a = args[1], b = args[2];
	/* frozenset(f(i, j) for j in b for i in a): a is not even iterated when b is empty */
	if (!iter_len(c, b))
		return v_empty_set();
	size_t na, nb;
	const value *ea = items(c, a, &na), *eb = items(c, b, &nb);
	size_t total = checked_product(c, na, nb);
	value *out = dsl_alloc(c, (total ? total : 1) * sizeof *out);
	size_t m = 0;
	for (size_t q = 0; q < nb; q++)
		for (size_t p = 0; p < na; p++)
			out[m++] = dsl_call2(c, f, ea[p], eb[q]);
	return set_make(c, out, m);
}

/* ---- closures (called by call_closure in dsl.c; building one evaluates nothing) ---- */

value prim_compose(dsl_ctx *c, const value *args) { return v_closure(c, CL_COMPOSE, 1, 0, args, 2); }

value prim_chain(dsl_ctx *c, const value *args) { return v_closure(c, CL_CHAIN, 1, 0, args, 3); }

value prim_fork(dsl_ctx *c, const value *args) { return v_closure(c, CL_FORK, 1, 0, args, 3); }

value prim_matcher(dsl_ctx *c, const value *args) { return v_closure(c, CL_MATCHER, 1, 0, args, 2); }

/* rbind/lbind read function.__code__.co_argcount: 2 → 1 parameter left, 3 → 2, any other
 * count → 3 (so such closures fail when called, as in Python). */
static int bound_arity(dsl_ctx *c, value f)
{
	if (f.kind != VK_FUNC)
		dsl_fail(c, DSL_ATTRIBUTE_ERROR, "object has no attribute '__code__'");
	int n = func_arity(f);
	return n == 2 ? 1 : n == 3 ? 2 : 3;
}

value prim_rbind(dsl_ctx *c, const value *args)
{
	return v_closure(c, CL_RBIND, bound_arity(c, args[0]), 0, args, 2);
}

value prim_lbind(dsl_ctx *c, const value *args)
{
	return v_closure(c, CL_LBIND, bound_arity(c, args[0]), 0, args, 2);
}

value prim_power(dsl_ctx *c, const value *args)
{
	if (!is_num(args[1]))
		dsl_fail(c, DSL_TYPE_ERROR, "power needs an integer count (Python fails on n - 1)");
	int32_t n = args[1].i;
	if (n == 1)
		return args[0];
	if (n <= 0)
		dsl_fail(c, DSL_RECURSION_ERROR, "power(f, %d) recurses without end", n);
	if (n >= POWER_MAX)
		dsl_fail(c, DSL_RECURSION_ERROR, "power(f, %d) exceeds Python's recursion limit", n);
	return v_closure(c, CL_POWER, 1, n, args, 1);
}
