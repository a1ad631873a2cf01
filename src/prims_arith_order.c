/* prims_arith_order.c — the primitives of DSL.md 6.1 that compare or count elements: order,
 * dedupe, maximum/minimum, valmax/valmin, argmax/argmin, mostcommon/leastcommon. order runs
 * CPython's list.sort step for step, since frozenset keys are only partially ordered and the
 * result then depends on exactly which pairs the sort compares. */
#include <string.h>

#include "dsl.h"
#include "pyset.h"

/* ---- CPython 3.11's timsort (Objects/listobject.c) over an array of element indices ---- */

/* x < y for the elements with indices x and y. */
typedef bool (*less_fn)(dsl_ctx *c, const void *ctx, uint32_t x, uint32_t y);

#define MIN_GALLOP 7
#define MAX_PENDING 85 /* CPython's bound on the run stack, enough for 2^64 elements */

typedef struct run {
	uint32_t *base;
	ptrdiff_t len;
	int power; /* powersort's node power of the boundary before the next run */
} run;

typedef struct tim {
	dsl_ctx *c;
	less_fn less;
	const void *ctx;
	uint32_t *a;          /* the array being sorted */
	ptrdiff_t n;          /* its length */
	uint32_t *tmp;        /* merge scratch: the shorter run, at most n / 2 elements */
	ptrdiff_t min_gallop; /* adapts as in CPython: the next merge starts from it */
	int npending;
	run pending[MAX_PENDING];
} tim;

static bool lt(tim *t, uint32_t x, uint32_t y)
{
	dsl_work(t->c, 1);
	return t->less(t->c, t->ctx, x, y);
}

/* Length of the run at lo: non-descending, or strictly descending (*desc). */
static ptrdiff_t count_run(tim *t, uint32_t *lo, uint32_t *hi, bool *desc)
{
	*desc = false;
	if (++lo == hi)
		return 1;
	ptrdiff_t n = 2;
	if (lt(t, *lo, lo[-1])) {
		*desc = true;
		for (lo++; lo < hi && lt(t, *lo, lo[-1]); lo++, n++)
			;
	} else {
		for (lo++; lo < hi && !lt(t, *lo, lo[-1]); lo++, n++)
			;
	}
	return n;
}

/* Binary insertion of [start, hi) into the sorted [lo, start). */
static void binary_sort(tim *t, uint32_t *lo, uint32_t *hi, uint32_t *start)
{
	if (lo == start)
		start++;
	for (; start < hi; start++) {
		uint32_t *l = lo, *r = start, pivot = *r;
		do {
			uint32_t *p = l + ((r - l) >> 1);
			if (lt(t, pivot, *p))
				r = p;
			else
				l = p + 1;
		} while (l < r);
		memmove(l + 1, l, (size_t)(start - l) * sizeof *l);
		*l = pivot;
	}
}

/* Where key goes in the sorted a[0, n), left of equal elements; the search starts at hint. */
static ptrdiff_t gallop_left(tim *t, uint32_t key, uint32_t *a, ptrdiff_t n, ptrdiff_t hint)
{
	ptrdiff_t ofs = 1, lastofs = 0;
	a += hint;
	if (lt(t, *a, key)) {
		ptrdiff_t maxofs = n - hint;
		while (ofs < maxofs && lt(t, a[ofs], key)) {
			lastofs = ofs;
			ofs = (ofs << 1) + 1;
		}
		if (ofs > maxofs)
			ofs = maxofs;
		lastofs += hint;
		ofs += hint;
	} else {
		ptrdiff_t maxofs = hint + 1;
		while (ofs < maxofs && !lt(t, *(a - ofs), key)) {
			lastofs = ofs;
			ofs = (ofs << 1) + 1;
		}
		if (ofs > maxofs)
			ofs = maxofs;
		ptrdiff_t k = lastofs;
		lastofs = hint - ofs;
		ofs = hint - k;
	}
	a -= hint;
	for (lastofs++; lastofs < ofs;) {
		ptrdiff_t m = lastofs + ((ofs - lastofs) >> 1);
		if (lt(t, a[m], key))
			lastofs = m + 1;
		else
			ofs = m;
	}
	return ofs;
}

/* Where key goes in the sorted a[0, n), right of equal elements; the search starts at hint. */
static ptrdiff_t gallop_right(tim *t, uint32_t key, uint32_t *a, ptrdiff_t n, ptrdiff_t hint)
{
	ptrdiff_t ofs = 1, lastofs = 0;
	a += hint;
	if (lt(t, key, *a)) {
		ptrdiff_t maxofs = hint + 1;
		while (ofs < maxofs && lt(t, key, *(a - ofs))) {
			lastofs = ofs;
			ofs = (ofs << 1) + 1;
		}
		if (ofs > maxofs)
			ofs = maxofs;
		ptrdiff_t k = lastofs;
		lastofs = hint - ofs;
		ofs = hint - k;
	} else {
		ptrdiff_t maxofs = n - hint;
		while (ofs < maxofs && !lt(t, key, a[ofs])) {
			lastofs = ofs;
			ofs = (ofs << 1) + 1;
		}
		if (ofs > maxofs)
			ofs = maxofs;
		lastofs += hint;
		ofs += hint;
	}
	a -= hint;
	for (lastofs++; lastofs < ofs;) {
		ptrdiff_t m = lastofs + ((ofs - lastofs) >> 1);
		if (lt(t, key, a[m]))
			ofs = m;
		else
			lastofs = m + 1;
	}
	return ofs;
}

#define MOVE(dst, src, k) memmove((dst), (src), (size_t)(k) * sizeof(uint32_t))

/* Merge the adjacent runs pa[0, na) and pb[0, nb), na <= nb, copying the first to scratch. */
static void merge_lo(tim *t, uint32_t *pa, ptrdiff_t na, uint32_t *pb, ptrdiff_t nb)
{
	MOVE(t->tmp, pa, na);
	uint32_t *dest = pa;
	pa = t->tmp;
	*dest++ = *pb++;
	if (--nb == 0)
		goto done;
	if (na == 1)
		goto copy_b;
	ptrdiff_t min_gallop = t->min_gallop;
	for (;;) {
		ptrdiff_t acount = 0, bcount = 0; /* times a run won in a row */
		for (;;) {
			if (lt(t, *pb, *pa)) {
				*dest++ = *pb++;
				bcount++;
				acount = 0;
				if (--nb == 0)
					goto done;
				if (bcount >= min_gallop)
					break;
			} else {
				*dest++ = *pa++;
				acount++;
				bcount = 0;
				if (--na == 1)
					goto copy_b;
				if (acount >= min_gallop)
					break;
			}
		}
		min_gallop++;
		do {
			min_gallop -= min_gallop > 1;
			t->min_gallop = min_gallop;
			ptrdiff_t k = gallop_right(t, *pb, pa, na, 0);
			acount = k;
			if (k) {
				MOVE(dest, pa, k);
				dest += k;
				pa += k;
				na -= k;
				if (na == 1)
					goto copy_b;
				if (na == 0) /* only with an inconsistent order */
					goto done;
			}
			*dest++ = *pb++;
			if (--nb == 0)
				goto done;
			k = gallop_left(t, *pa, pb, nb, 0);
			bcount = k;
			if (k) {
				MOVE(dest, pb, k);
				dest += k;
				pb += k;
				nb -= k;
				if (nb == 0)
					goto done;
			}
			*dest++ = *pa++;
			if (--na == 1)
				goto copy_b;
		} while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
		min_gallop++;
		t->min_gallop = min_gallop;
	}
done:
	MOVE(dest, pa, na);
	return;
copy_b:
	MOVE(dest, pb, nb);
	dest[nb] = *pa;
}

/* Merge the adjacent runs pa[0, na) and pb[0, nb), na > nb, from the right. */
static void merge_hi(tim *t, uint32_t *pa, ptrdiff_t na, uint32_t *pb, ptrdiff_t nb)
{
	uint32_t *dest = pb + nb - 1, *basea = pa, *baseb = t->tmp;
	MOVE(t->tmp, pb, nb);
	pb = t->tmp + nb - 1;
	pa += na - 1;
	*dest-- = *pa--;
	if (--na == 0)
		goto done;
	if (nb == 1)
		goto copy_a;
	ptrdiff_t min_gallop = t->min_gallop;
	for (;;) {
		ptrdiff_t acount = 0, bcount = 0;
		for (;;) {
			if (lt(t, *pb, *pa)) {
				*dest-- = *pa--;
				acount++;
				bcount = 0;
				if (--na == 0)
					goto done;
				if (acount >= min_gallop)
					break;
			} else {
				*dest-- = *pb--;
				bcount++;
				acount = 0;
				if (--nb == 1)
					goto copy_a;
				if (bcount >= min_gallop)
					break;
			}
		}
		min_gallop++;
		do {
			min_gallop -= min_gallop > 1;
			t->min_gallop = min_gallop;
			ptrdiff_t k = na - gallop_right(t, *pb, basea, na, na - 1);
			acount = k;
			if (k) {
				dest -= k;
				pa -= k;
				MOVE(dest + 1, pa + 1, k);
				na -= k;
				if (na == 0)
					goto done;
			}
			*dest-- = *pb--;
			if (--nb == 1)
				goto copy_a;
			k = nb - gallop_left(t, *pa, baseb, nb, nb - 1);
			bcount = k;
			if (k) {
				dest -= k;
				pb -= k;
				MOVE(dest + 1, pb + 1, k);
				nb -= k;
				if (nb == 1)
					goto copy_a;
				if (nb == 0) /* only with an inconsistent order */
					goto done;
			}
			*dest-- = *pa--;
			if (--na == 0)
				goto done;
		} while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
		min_gallop++;
		t->min_gallop = min_gallop;
	}
done:
	MOVE(dest - (nb - 1), baseb, nb);
	return;
copy_a:
	MOVE(dest + 1 - na, pa + 1 - na, na);
	dest -= na;
	*dest = *pb;
}

/* Merge pending runs i and i + 1. */
static void merge_at(tim *t, int i)
{
	uint32_t *pa = t->pending[i].base, *pb = t->pending[i + 1].base;
	ptrdiff_t na = t->pending[i].len, nb = t->pending[i + 1].len;
	t->pending[i].len = na + nb;
	if (i == t->npending - 3)
		t->pending[i + 1] = t->pending[i + 2];
	t->npending--;
	ptrdiff_t k = gallop_right(t, *pb, pa, na, 0);
	pa += k;
	na -= k;
	if (na == 0)
		return;
	nb = gallop_left(t, pa[na - 1], pb, nb, nb - 1);
	if (nb <= 0)
		return;
	if (na <= nb)
		merge_lo(t, pa, na, pb, nb);
	else
		merge_hi(t, pa, na, pb, nb);
}

/* Powersort's power of the boundary between runs [s1, s1 + n1) and [s1 + n1, s1 + n1 + n2). */
static int power_of(ptrdiff_t s1, ptrdiff_t n1, ptrdiff_t n2, ptrdiff_t n)
{
	int result = 0;
	ptrdiff_t a = 2 * s1 + n1, b = a + n1 + n2;
	for (;;) {
		result++;
		if (a >= n) {
			a -= n;
			b -= n;
		} else if (b >= n) {
			break;
		}
		a <<= 1;
		b <<= 1;
	}
	return result;
}

/* A run of length n2 follows the last pending one: merge what powersort says must go first. */
static void found_new_run(tim *t, ptrdiff_t n2)
{
	if (t->npending == 0)
		return;
	run *last = &t->pending[t->npending - 1];
	int power = power_of(last->base - t->a, last->len, n2, t->n);
	while (t->npending > 1 && t->pending[t->npending - 2].power > power)
		merge_at(t, t->npending - 2);
	t->pending[t->npending - 1].power = power;
}

static ptrdiff_t min_run(ptrdiff_t n)
{
	ptrdiff_t r = 0;
	while (n >= 64) {
		r |= n & 1;
		n >>= 1;
	}
	return n + r;
}

/* Sort a[0, n) stably by less, making the same comparisons as CPython's list.sort. */
static void tim_sort(dsl_ctx *c, uint32_t *a, size_t n, less_fn less, const void *ctx)
{
	if (n < 2)
		return;
	tim st = {.c = c, .less = less, .ctx = ctx, .a = a, .n = (ptrdiff_t)n, .min_gallop = MIN_GALLOP}, *t = &st;
	if (n >= 64) /* below that, one binary insertion sort does it all */
		t->tmp = dsl_alloc(c, (n / 2 + 1) * sizeof *t->tmp);
	ptrdiff_t minrun = min_run(t->n), left = t->n;
	uint32_t *lo = a;
	do {
		bool desc;
		ptrdiff_t r = count_run(t, lo, lo + left, &desc);
		if (desc)
			for (uint32_t *p = lo, *q = lo + r - 1; p < q; p++, q--) {
				uint32_t x = *p;
				*p = *q;
				*q = x;
			}
		if (r < minrun) {
			ptrdiff_t force = left <= minrun ? left : minrun;
			binary_sort(t, lo, lo + force, lo + r);
			r = force;
		}
		found_new_run(t, r);
		t->pending[t->npending++] = (run){.base = lo, .len = r};
		lo += r;
		left -= r;
	} while (left);
	while (t->npending > 1) {
		int i = t->npending - 2;
		if (i > 0 && t->pending[i - 1].len < t->pending[i + 1].len)
			i--;
		merge_at(t, i);
	}
}

/* ---- element orders for the sort ---- */

static bool less_num(dsl_ctx *c, const void *ctx, uint32_t x, uint32_t y)
{
	(void)c;
	const value *k = ctx;
	return k[x].i < k[y].i;
}

static bool less_py(dsl_ctx *c, const void *ctx, uint32_t x, uint32_t y)
{
	const value *k = ctx;
	return py_cmp(c, k[x], k[y]) == PY_LT;
}

static bool less_canon(dsl_ctx *c, const void *ctx, uint32_t x, uint32_t y)
{
	const value *k = ctx;
	return val_cmp_c(c, k[x], k[y]) < 0;
}

/* Rows of one grid, compared as tuples of ints. */
static int row_cmp(const grid *g, uint32_t x, uint32_t y)
{
	const int8_t *a = g->cell + (size_t)x * g->w, *b = g->cell + (size_t)y * g->w;
	for (int q = 0; q < g->w; q++)
		if (a[q] != b[q])
			return a[q] < b[q] ? -1 : 1;
	return 0;
}

static bool less_row(dsl_ctx *c, const void *ctx, uint32_t x, uint32_t y)
{
	const grid *g = ctx;
	if (g->w >= 64)
		dsl_work(c, (uint64_t)g->w / 64);
	return row_cmp(g, x, y) < 0;
}

static uint32_t *iota(dsl_ctx *c, size_t n)
{
	uint32_t *idx = dsl_alloc(c, (n ? n : 1) * sizeof *idx);
	dsl_work(c, n / 16);
	for (size_t k = 0; k < n; k++)
		idx[k] = (uint32_t)k;
	return idx;
}

static bool all_num(const value *e, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (!is_num(e[k]))
			return false;
	return true;
}

/* tuple(sorted(container, key=compfunc)): keys are computed first, in iteration order. */
value prim_order(dsl_ctx *c, const value *args)
{
	size_t n;
	value *items = cont_items(c, args[0], &n);
	value *keys = dsl_alloc(c, (n ? n : 1) * sizeof *keys);
	for (size_t k = 0; k < n; k++)
		keys[k] = dsl_call1(c, args[1], items[k]);
	uint32_t *idx = iota(c, n);
	tim_sort(c, idx, n, all_num(keys, n) ? less_num : less_py, keys);
	for (size_t k = 0; k < n; k++)
		keys[k] = items[idx[k]];
	return tuple_make(c, keys, n);
}

/* ---- dedupe ---- */

/* Given idx sorted stably by the total order less, mark the first occurrence of each distinct
 * element: the first of each run of equal elements in idx. */
static bool *first_occurrences(dsl_ctx *c, const uint32_t *idx, size_t n, less_fn less, const void *ctx)
{
	bool *first = dsl_alloc(c, n ? n : 1);
	for (size_t k = 0; k < n; k++)
		first[idx[k]] = k == 0 || less(c, ctx, idx[k - 1], idx[k]);
	return first;
}

/* tuple(e for i, e in enumerate(tup) if tup.index(e) == i). */
value prim_dedupe(dsl_ctx *c, const value *args)
{
	value t = args[0];
	switch (t.kind) {
	case VK_PAIR: {
		value x = v_int(t.i);
		return t.i == t.j ? tuple_make(c, &x, 1) : t;
	}
	case VK_GRID: {
		const grid *g = t.g;
		uint32_t *idx = iota(c, g->h);
		tim_sort(c, idx, g->h, less_row, g);
		bool *first = first_occurrences(c, idx, g->h, less_row, g);
		size_t m = 0;
		for (int r = 0; r < g->h; r++)
			m += first[r];
		grid *out = grid_alloc(c, (int64_t)m, g->w);
		m = 0;
		for (int r = 0; r < g->h; r++)
			if (first[r])
				memcpy(out->cell + m++ * g->w, g->cell + (size_t)r * g->w, g->w);
		return v_grid(out);
	}
	case VK_TUPLE: {
		size_t n = t.t->n, m = 0;
		uint32_t *idx = iota(c, n);
		tim_sort(c, idx, n, less_canon, t.t->e);
		bool *first = first_occurrences(c, idx, n, less_canon, t.t->e);
		value *out = dsl_alloc(c, n * sizeof *out);
		for (size_t k = 0; k < n; k++)
			if (first[k])
				out[m++] = t.t->e[k];
		return tuple_make(c, out, m);
	}
	case VK_IDX:
	case VK_OBJ:
	case VK_SET:
		if (cont_len(c, t) == 0) /* the generator never asks the set for .index */
			return v_empty_tuple();
		dsl_fail(c, DSL_ATTRIBUTE_ERROR, "'frozenset' object has no attribute 'index'");
	default: dsl_fail(c, DSL_TYPE_ERROR, "dedupe: argument is not iterable");
	}
}

/* ---- extremes ---- */

/* Does key x replace the current extreme y? Only when strictly greater (most) or smaller. */
static bool beats(dsl_ctx *c, value x, value y, bool most)
{
	if (is_num(x) && is_num(y))
		return most ? x.i > y.i : x.i < y.i;
	return py_cmp(c, x, y) == (most ? PY_GT : PY_LT);
}

/* max(container, default=0) / min(...). Indices, Objects and sets of numbers are sorted in
 * Python's own (total) order, so their extremes are their ends. */
static value extreme(dsl_ctx *c, value v, bool most)
{
	switch (v.kind) {
	case VK_IDX: return cont_get(c, v, most ? v.ix->n - 1 : 0);
	case VK_OBJ: return cont_get(c, v, most ? v.ob->n - 1 : 0);
	case VK_PAIR: return v_int(most ? (v.j > v.i ? v.j : v.i) : (v.j < v.i ? v.j : v.i));
	case VK_GRID: {
		if (v.g->h == 0)
			return v_int(0);
		dsl_work(c, (uint64_t)v.g->h * v.g->w / 64);
		uint32_t best = 0;
		for (uint32_t r = 1; r < v.g->h; r++) {
			int s = row_cmp(v.g, r, best);
			if (most ? s > 0 : s < 0)
				best = r;
		}
		return grid_row(c, v.g, (int)best);
	}
	case VK_SET:
	case VK_TUPLE: {
		const vtuple *t = v.t;
		if (t->n == 0)
			return v_int(0);
		if (v.kind == VK_SET && is_num(t->e[0]) && is_num(t->e[t->n - 1]))
			return t->e[most ? t->n - 1 : 0];
		dsl_work_ahead(c, t->n / 8);
		value best = t->e[0];
		for (uint32_t k = 1; k < t->n; k++)
			if (beats(c, t->e[k], best, most))
				best = t->e[k];
		return best;
	}
	default: dsl_fail(c, DSL_TYPE_ERROR, "%s: argument is not iterable", most ? "maximum" : "minimum");
	}
}

value prim_maximum(dsl_ctx *c, const value *args) { return extreme(c, args[0], true); }
value prim_minimum(dsl_ctx *c, const value *args) { return extreme(c, args[0], false); }

/* max(container, key=f) / min(...): the first element with the extreme key, or (want_key) that
 * key, which is f of the element as valmax's second call of f would give. An empty container
 * fails, except for valmax/valmin whose default 0 goes through f. */
static value extreme_by(dsl_ctx *c, value v, value f, bool most, bool want_key)
{
	size_t n = cont_len(c, v);
	if (n == 0) {
		if (want_key)
			return dsl_call1(c, f, v_int(0));
		dsl_fail(c, DSL_VALUE_ERROR, "%s() arg is an empty sequence", most ? "max" : "min");
	}
	value best = cont_get(c, v, 0), best_key = dsl_call1(c, f, best);
	for (size_t k = 1; k < n; k++) {
		value x = cont_get(c, v, k), key = dsl_call1(c, f, x);
		if (beats(c, key, best_key, most)) {
			best = x;
			best_key = key;
		}
	}
	return want_key ? best_key : best;
}

value prim_valmax(dsl_ctx *c, const value *args) { return extreme_by(c, args[0], args[1], true, true); }
value prim_valmin(dsl_ctx *c, const value *args) { return extreme_by(c, args[0], args[1], false, true); }
value prim_argmax(dsl_ctx *c, const value *args) { return extreme_by(c, args[0], args[1], true, false); }
value prim_argmin(dsl_ctx *c, const value *args) { return extreme_by(c, args[0], args[1], false, false); }

/* ---- counts ---- */

/* max(set(t), key=t.count) / min(...). Elements are grouped by sorting their indices stably,
 * so each group starts with its first occurrence, which is the element set(t) keeps. Count ties
 * go to the first candidate in CPython's order of set(t) when all elements are numbers (DSL.md
 * 8, rule 2), else to the first in canonical order. */
static value common(dsl_ctx *c, value t, bool most)
{
	if (is_set(t))
		dsl_fail(c, DSL_ATTRIBUTE_ERROR, "'frozenset' object has no attribute 'count'");
	if (!is_tuple(t))
		dsl_fail(c, DSL_TYPE_ERROR, "%s: argument is not iterable", most ? "mostcommon" : "leastcommon");
	size_t n;
	value *e = NULL;
	less_fn less = less_row;
	const void *ctx;
	bool nums = false;
	if (t.kind == VK_GRID) {
		n = t.g->h;
		ctx = t.g;
	} else {
		ctx = e = cont_items(c, t, &n);
		nums = all_num(e, n);
		less = nums ? less_num : less_canon;
	}
	if (n == 0)
		dsl_fail(c, DSL_VALUE_ERROR, "%s() arg is an empty sequence", most ? "max" : "min");
	uint32_t *idx = iota(c, n);
	tim_sort(c, idx, n, less, ctx);
	/* groups of equal elements in sorted order: where each starts in idx (its size follows) */
	uint32_t *start = dsl_alloc(c, (n + 1) * sizeof *start), groups = 0;
	for (size_t k = 0; k < n; k++)
		if (k == 0 || less(c, ctx, idx[k - 1], idx[k]))
			start[groups++] = (uint32_t)k;
	start[groups] = (uint32_t)n;
	uint32_t best = 0;
	if (!nums) {
		for (uint32_t g = 1; g < groups; g++) {
			uint32_t a = start[g + 1] - start[g], b = start[best + 1] - start[best];
			if (most ? a > b : a < b)
				best = g;
		}
	} else {
		/* the distinct values in order of first occurrence, then in CPython's set order */
		bool *first = dsl_alloc(c, n);
		memset(first, 0, n);
		for (uint32_t g = 0; g < groups; g++)
			first[idx[start[g]]] = true;
		int32_t *seen = dsl_alloc(c, 2 * groups * sizeof *seen), *order = seen + groups;
		uint32_t m = 0;
		for (size_t k = 0; k < n; k++)
			if (first[k])
				seen[m++] = e[k].i;
		pyset_int_order(c, seen, groups, order);
		uint32_t best_count = 0;
		for (uint32_t q = 0; q < groups; q++) {
			uint32_t lo = 0, hi = groups - 1; /* the group of value order[q]: binary search */
			while (lo < hi) {
				uint32_t mid = (lo + hi) / 2;
				if (e[idx[start[mid]]].i < order[q])
					lo = mid + 1;
				else
					hi = mid;
			}
			uint32_t count = start[lo + 1] - start[lo];
			if (q == 0 || (most ? count > best_count : count < best_count)) {
				best = lo;
				best_count = count;
			}
		}
	}
	uint32_t rep = idx[start[best]];
	return t.kind == VK_GRID ? grid_row(c, t.g, (int)rep) : e[rep];
}

value prim_mostcommon(dsl_ctx *c, const value *args) { return common(c, args[0], true); }
value prim_leastcommon(dsl_ctx *c, const value *args) { return common(c, args[0], false); }
