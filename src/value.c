/* value.c — constructors that keep every value in its one canonical representation, generic
 * container access, and the two orders: the canonical total order (DSL.md 7.5) that sets are
 * sorted by, and Python's partial order (< on tuples, inclusion on sets) that keys use. */
#include "value.h"

#include <string.h>

#include "dsl_ctx.h"

/* Elements that the comparisons of one loop may read between two charges (256 units): such a
 * loop runs at most this far past the budget, one comparison of two large values aside. */
#define CMP_CHARGE_EVERY 4096

/* val_cmp counting the elements it visits in *w; with c (not NULL) a long comparison charges
 * them to c as it goes (CMP_CHARGE_EVERY), leaving the rest in *w for its caller. */
static int cmp_w(dsl_ctx *c, value a, value b, uint64_t *w);

static const grid empty_grid = {0, 0};
static const vtuple empty_vtuple = {0, 1};

value v_empty_tuple(void) { return (value){.kind = VK_GRID, .g = &empty_grid}; }
value v_empty_set(void) { return (value){.kind = VK_SET, .t = &empty_vtuple}; }

int32_t num_checked(dsl_ctx *c, int64_t x)
{
	if (x < INT32_MIN || x > INT32_MAX)
		dsl_fail(c, DSL_OVERFLOW, "integer %lld out of range", (long long)x);
	return (int32_t)x;
}

int32_t num_add(dsl_ctx *c, int64_t a, int64_t b) { return num_checked(c, a + b); }

uint16_t val_nest(dsl_ctx *c, const value *e, size_t n)
{
	int d = 0;
	for (size_t k = 0; k < n; k++) {
		int x = val_depth(e[k]);
		d = x > d ? x : d;
	}
	if (d + 1 > VALUE_MAX_DEPTH)
		dsl_fail(c, DSL_RECURSION_ERROR, "values nested deeper than %d levels", VALUE_MAX_DEPTH);
	return (uint16_t)(d + 1);
}

/* ---- builders ---- */

/* grid_alloc without the charge for filling it. */
static grid *grid_new(dsl_ctx *c, int64_t h, int64_t w)
{
	if (h < 0 || w < 0 || h > UINT16_MAX || w > UINT16_MAX)
		dsl_fail(c, DSL_OVERFLOW, "grid of %lld x %lld cells", (long long)h, (long long)w);
	if (h == 0)
		w = 0;
	grid *g = dsl_alloc(c, sizeof(grid) + (size_t)(h * w));
	g->h = (uint16_t)h;
	g->w = (uint16_t)w;
	return g;
}

grid *grid_alloc(dsl_ctx *c, int64_t h, int64_t w)
{
	grid *g = grid_new(c, h, w);
	dsl_work_ahead(c, (uint64_t)g->h * g->w / 64); /* the caller fills it */
	return g;
}

idxset *idx_alloc(dsl_ctx *c, size_t cap)
{
	idxset *s = dsl_alloc(c, sizeof(idxset) + cap * sizeof(uint32_t));
	s->n = 0;
	return s;
}

objset *obj_alloc(dsl_ctx *c, size_t cap)
{
	objset *s = dsl_alloc(c, sizeof(objset) + cap * sizeof(uint64_t));
	s->n = 0;
	return s;
}

/* Sorting keys: insertion sort for short runs, LSD radix (8 bits a pass) otherwise. */
#define DEFINE_KEY_SORT(NAME, T, BYTES)                                                   \
	static void NAME(dsl_ctx *c, T *k, size_t n)                                      \
	{                                                                                 \
		size_t i;                                                                 \
		for (i = 1; i < n && k[i - 1] <= k[i]; i++)                               \
			;                                                                 \
		if (i >= n)                                                               \
			return;                                                           \
		if (n <= 48) {                                                            \
			for (; i < n; i++) {                                              \
				T x = k[i];                                               \
				size_t j = i;                                             \
				for (; j > 0 && k[j - 1] > x; j--)                        \
					k[j] = k[j - 1];                                  \
				k[j] = x;                                                 \
			}                                                                 \
			return;                                                           \
		}                                                                         \
		size_t mark = arena_mark(c->mem);                                         \
		T *tmp = dsl_alloc(c, n * sizeof(T)), *src = k, *dst = tmp;               \
		dsl_work(c, n *BYTES / 8);                                                \
		for (int b = 0; b < BYTES; b++) {                                         \
			size_t cnt[257] = {0};                                            \
			int sh = 8 * b;                                                   \
			for (size_t q = 0; q < n; q++)                                    \
				cnt[((src[q] >> sh) & 0xff) + 1]++;                       \
			if (cnt[((src[0] >> sh) & 0xff) + 1] == n)                        \
				continue;                                                 \
			for (int q = 0; q < 256; q++)                                     \
				cnt[q + 1] += cnt[q];                                     \
			for (size_t q = 0; q < n; q++)                                    \
				dst[cnt[(src[q] >> sh) & 0xff]++] = src[q];               \
			T *sw = src;                                                      \
			src = dst;                                                        \
			dst = sw;                                                         \
		}                                                                         \
		if (src != k)                                                             \
			memcpy(k, src, n * sizeof(T));                                    \
		arena_reset(c->mem, mark);                                                \
	}
DEFINE_KEY_SORT(sort_keys32, uint32_t, 4)
DEFINE_KEY_SORT(sort_keys64, uint64_t, 6)

#define DEFINE_UNIQUE(NAME, T)                           \
	static uint32_t NAME(T *k, uint32_t n)           \
	{                                                \
		uint32_t m = 0;                          \
		for (uint32_t i = 0; i < n; i++)         \
			if (m == 0 || k[m - 1] != k[i])  \
				k[m++] = k[i];           \
		return m;                                \
	}
DEFINE_UNIQUE(unique32, uint32_t)
DEFINE_UNIQUE(unique64, uint64_t)

/* Sorting and de-duplicating keys through a bitmap over their bounding box (colour, row,
 * column fields), when the box is small next to the count: maps that shift one shape to many
 * places make millions of keys, mostly repeated, in a small box. Ascending bit index is
 * ascending key. Returns the new count, or 0 when the keys are not dense (nothing changed). */
#define DEFINE_DENSE_UNIQUE(NAME, T)                                                           \
	static uint32_t NAME(dsl_ctx *c, T *k, uint32_t n)                                     \
	{                                                                                      \
		if (n < 256)                                                                   \
			return 0;                                                              \
		uint64_t lo[3], hi[3];                                                         \
		for (int q = 0; q < 3; q++) {                                                  \
			int sh = 32 - 16 * q;                                                  \
			uint64_t mask = q ? 0xffff : UINT64_MAX, l = UINT64_MAX, h = 0;        \
			for (uint32_t i = 0; i < n; i++) {                                     \
				uint64_t f = ((uint64_t)k[i] >> sh) & mask;                    \
				l = f < l ? f : l;                                             \
				h = f > h ? f : h;                                             \
			}                                                                      \
			lo[q] = l, hi[q] = h;                                                  \
		}                                                                              \
		uint64_t R = hi[1] - lo[1] + 1, C = hi[2] - lo[2] + 1;                         \
		uint64_t box = (hi[0] - lo[0] + 1) * R * C;                                   \
		if (box > 4 * (uint64_t)n + 4096 || box > ((uint64_t)1 << 28))                 \
			return 0;                                                              \
		size_t words = (size_t)(box + 63) / 64, mark = arena_mark(c->mem);            \
		uint64_t *bits = dsl_alloc(c, words * sizeof *bits);                           \
		dsl_work(c, n / 8 + words);                                                    \
		memset(bits, 0, words * sizeof *bits);                                         \
		for (uint32_t i = 0; i < n; i++) {                                             \
			uint64_t x = k[i];                                                     \
			uint64_t at = (((x >> 32) - lo[0]) * R + (((x >> 16) & 0xffff) - lo[1])) * \
			                      C + ((x & 0xffff) - lo[2]);                    \
			bits[at >> 6] |= (uint64_t)1 << (at & 63);                             \
		}                                                                              \
		uint32_t m = 0;                                                                \
		for (size_t w = 0; w < words; w++)                                             \
			for (uint64_t b = bits[w]; b; b &= b - 1) {                            \
				uint64_t at = w * 64 + (uint64_t)__builtin_ctzll(b);           \
				uint64_t col = at % C + lo[2], rest = at / C;                  \
				uint64_t row = rest % R + lo[1], top = rest / R + lo[0];       \
				k[m++] = (T)((top << 32) | (row << 16) | col);                 \
			}                                                                      \
		arena_reset(c->mem, mark);                                                     \
		return m;                                                                      \
	}
DEFINE_DENSE_UNIQUE(dense_unique32, uint32_t)
DEFINE_DENSE_UNIQUE(dense_unique64, uint64_t)

value idx_finish(dsl_ctx *c, idxset *s, bool sorted_unique)
{
	uint32_t m;
	if (!sorted_unique && (m = dense_unique32(c, s->k, s->n)))
		s->n = m;
	else if (!sorted_unique) {
		sort_keys32(c, s->k, s->n);
		s->n = unique32(s->k, s->n);
	}
	if (s->n == 0)
		return v_empty_set();
	return (value){.kind = VK_IDX, .ix = s};
}

value obj_finish(dsl_ctx *c, objset *s, bool sorted_unique)
{
	uint32_t m;
	if (!sorted_unique && (m = dense_unique64(c, s->k, s->n)))
		s->n = m;
	else if (!sorted_unique) {
		sort_keys64(c, s->k, s->n);
		s->n = unique64(s->k, s->n);
	}
	if (s->n == 0)
		return v_empty_set();
	return (value){.kind = VK_OBJ, .ob = s};
}

value v_cell(dsl_ctx *c, int colour, int i, int j)
{
	vtuple *t = dsl_alloc(c, sizeof(vtuple) + 2 * sizeof(value));
	t->n = 2;
	t->depth = 2;
	t->e[0] = v_int(colour);
	t->e[1] = v_pair(i, j);
	return (value){.kind = VK_TUPLE, .t = t};
}

/* Length of a tuple all of whose elements are numbers fitting int8, or -1. */
static int64_t int_row_len(value v)
{
	switch (v.kind) {
	case VK_PAIR:
		return (v.i >= INT8_MIN && v.i <= INT8_MAX && v.j >= INT8_MIN && v.j <= INT8_MAX) ? 2 : -1;
	case VK_GRID:
		return v.g->h == 0 ? 0 : -1;
	case VK_TUPLE:
		for (uint32_t k = 0; k < v.t->n; k++) {
			value x = v.t->e[k];
			if (!is_num(x) || x.i < INT8_MIN || x.i > INT8_MAX)
				return -1;
		}
		return v.t->n;
	default:
		return -1;
	}
}

value tuple_make(dsl_ctx *c, const value *e, size_t n)
{
	if (n == 0)
		return v_empty_tuple();
	if (n == 2 && is_num(e[0]) && is_num(e[1]))
		return v_pair(e[0].i, e[1].i);
	/* rows of small ints become a grid: the rows read are charged as the grid's cells (as
	 * they go when many, for rows that are references to one long tuple) */
	int64_t w = int_row_len(e[0]);
	uint64_t unpaid = w > 0 ? (uint64_t)w : 0, paid = 0;
	for (size_t k = 1; w >= 0 && k < n; k++) {
		if (int_row_len(e[k]) != w)
			w = -1;
		else if ((unpaid += (uint64_t)w) >= (uint64_t)64 * CMP_CHARGE_EVERY)
			dsl_work(c, unpaid / 64), paid += unpaid / 64, unpaid %= 64;
	}
	if (w >= 0 && n <= UINT16_MAX) {
		grid *g = grid_new(c, (int64_t)n, w);
		dsl_work_ahead(c, (uint64_t)g->h * g->w / 64 - paid);
		for (size_t r = 0; r < n; r++) {
			int8_t *row = g->cell + r * (size_t)w;
			if (e[r].kind == VK_PAIR) {
				row[0] = (int8_t)e[r].i;
				row[1] = (int8_t)e[r].j;
			} else if (e[r].kind == VK_TUPLE) {
				for (int64_t q = 0; q < w; q++)
					row[q] = (int8_t)e[r].t->e[q].i;
			}
		}
		return v_grid(g);
	}
	dsl_work_ahead(c, n / 16);
	uint16_t depth = val_nest(c, e, n);
	vtuple *t = dsl_alloc(c, sizeof(vtuple) + n * sizeof(value));
	t->n = (uint32_t)n;
	t->depth = depth;
	memcpy(t->e, e, n * sizeof(value));
	return (value){.kind = VK_TUPLE, .t = t};
}

static bool is_cell(value v)
{
	return v.kind == VK_TUPLE && v.t->n == 2 && is_num(v.t->e[0]) && v.t->e[1].kind == VK_PAIR;
}

value set_make(dsl_ctx *c, value *e, size_t n)
{
	return set_finish(c, e, n, false);
}

value set_finish(dsl_ctx *c, value *e, size_t n, bool sorted_unique)
{
	size_t m = n;
	if (!sorted_unique) {
		/* frozenset() elements are all equal (maps such as apply(connect, pairs) yield many):
		 * set them aside, sort the rest, and put one back in its place */
		size_t rest = 0;
		for (size_t k = 0; k < n; k++)
			if (e[k].kind != VK_SET || e[k].t->n)
				e[rest++] = e[k];
		bool empty = rest < n;
		val_sort(c, e, rest);
		m = 0;
		uint64_t w = 0;
		for (size_t k = 0; k < rest; k++) {
			if (m == 0 || cmp_w(c, e[m - 1], e[k], &w) != 0)
				e[m++] = e[k];
			if (w >= CMP_CHARGE_EVERY) /* large elements: charged as the loop goes */
				dsl_work(c, w / 16), w %= 16;
		}
		dsl_work(c, w / 16);
		if (empty) {
			size_t at = m;
			while (at > 0 && val_cmp(e[at - 1], v_empty_set()) > 0)
				at--;
			memmove(e + at + 1, e + at, (m - at) * sizeof *e);
			e[at] = v_empty_set();
			m++;
		}
	}
	if (m == 0)
		return v_empty_set();
	bool pairs = true, cells = true;
	for (size_t k = 0; k < m && (pairs || cells); k++) {
		pairs = pairs && e[k].kind == VK_PAIR;
		cells = cells && is_cell(e[k]);
	}
	if (pairs) {
		idxset *s = idx_alloc(c, m);
		for (size_t k = 0; k < m; k++) {
			if (!coord_ok(e[k].i) || !coord_ok(e[k].j))
				dsl_fail(c, DSL_OVERFLOW, "position (%d, %d) out of range", e[k].i, e[k].j);
			s->k[k] = pos_key(e[k].i, e[k].j);
		}
		s->n = (uint32_t)m;
		return (value){.kind = VK_IDX, .ix = s};
	}
	if (cells) {
		objset *s = obj_alloc(c, m);
		for (size_t k = 0; k < m; k++) {
			value col = e[k].t->e[0], p = e[k].t->e[1];
			if (!coord_ok(col.i) || !coord_ok(p.i) || !coord_ok(p.j))
				dsl_fail(c, DSL_OVERFLOW, "cell (%d, (%d, %d)) out of range", col.i, p.i, p.j);
			s->k[k] = cell_key(col.i, p.i, p.j);
		}
		s->n = (uint32_t)m;
		return (value){.kind = VK_OBJ, .ob = s};
	}
	uint16_t depth = val_nest(c, e, m);
	vtuple *t = dsl_alloc(c, sizeof(vtuple) + m * sizeof(value));
	t->n = (uint32_t)m;
	t->depth = depth;
	memcpy(t->e, e, m * sizeof(value));
	return (value){.kind = VK_SET, .t = t};
}

/* ---- generic container access ---- */

size_t cont_len(dsl_ctx *c, value v)
{
	switch (v.kind) {
	case VK_PAIR: return 2;
	case VK_GRID: return v.g->h;
	case VK_TUPLE:
	case VK_SET: return v.t->n;
	case VK_IDX: return v.ix->n;
	case VK_OBJ: return v.ob->n;
	default: dsl_fail(c, DSL_TYPE_ERROR, "object has no len()");
	}
}

value grid_row(dsl_ctx *c, const grid *g, int r)
{
	const int8_t *row = g->cell + (size_t)r * g->w;
	if (g->w == 0)
		return v_empty_tuple();
	if (g->w == 2)
		return v_pair(row[0], row[1]);
	vtuple *t = dsl_alloc(c, sizeof(vtuple) + g->w * sizeof(value));
	t->n = g->w;
	t->depth = 1;
	for (int q = 0; q < g->w; q++)
		t->e[q] = v_int(row[q]);
	return (value){.kind = VK_TUPLE, .t = t};
}

value cont_get(dsl_ctx *c, value v, size_t k)
{
	switch (v.kind) {
	case VK_PAIR: return v_int(k == 0 ? v.i : v.j);
	case VK_GRID: return grid_row(c, v.g, (int)k);
	case VK_TUPLE:
	case VK_SET: return v.t->e[k];
	case VK_IDX: return v_pair(pos_i(v.ix->k[k]), pos_j(v.ix->k[k]));
	case VK_OBJ: {
		uint64_t q = v.ob->k[k];
		return v_cell(c, cell_c(q), pos_i(cell_pos(q)), pos_j(cell_pos(q)));
	}
	default: dsl_fail(c, DSL_TYPE_ERROR, "object is not iterable");
	}
}

value *cont_items(dsl_ctx *c, value v, size_t *n)
{
	size_t len = cont_len(c, v);
	value *e = dsl_alloc(c, (len ? len : 1) * sizeof(value));
	dsl_work(c, len / 16);
	if (v.kind == VK_TUPLE || v.kind == VK_SET)
		memcpy(e, v.t->e, len * sizeof(value));
	else
		for (size_t k = 0; k < len; k++)
			e[k] = cont_get(c, v, k);
	*n = len;
	return e;
}

/* ---- views used by the comparisons (no allocation) ---- */

/* Internal view kind of a cell inside an objset: i = colour, j = position key. */
enum { VK_CELLK = VK_ROW + 1 };

static int rank(value v)
{
	switch (v.kind) {
	case VK_NONE: return 0;
	case VK_BOOL:
	case VK_INT: return 1;
	case VK_IDX:
	case VK_OBJ:
	case VK_SET: return 3;
	case VK_FUNC: return 4;
	default: return 2; /* PAIR, GRID, TUPLE, ROW, CELLK */
	}
}

static size_t tlen(value v)
{
	switch (v.kind) {
	case VK_PAIR:
	case VK_CELLK: return 2;
	case VK_GRID: return v.g->h;
	case VK_ROW: return (size_t)v.i;
	default: return v.t->n;
	}
}

static value telem(value v, size_t k)
{
	switch (v.kind) {
	case VK_PAIR: return v_int(k ? v.j : v.i);
	case VK_CELLK:
		return k ? v_pair(pos_i((uint32_t)v.j), pos_j((uint32_t)v.j)) : v_int(v.i);
	case VK_GRID:
		return (value){.kind = VK_ROW, .i = v.g->w, .r = v.g->cell + k * v.g->w};
	case VK_ROW: return v_int(v.r[k]);
	default: return v.t->e[k];
	}
}

static size_t slen(value v)
{
	return v.kind == VK_IDX ? v.ix->n : v.kind == VK_OBJ ? v.ob->n : v.t->n;
}

static value selem(value v, size_t k)
{
	if (v.kind == VK_IDX)
		return v_pair(pos_i(v.ix->k[k]), pos_j(v.ix->k[k]));
	if (v.kind == VK_OBJ)
		return (value){.kind = VK_CELLK, .i = cell_c(v.ob->k[k]), .j = (int32_t)cell_pos(v.ob->k[k])};
	return v.t->e[k];
}

static int cmp_size(size_t a, size_t b) { return (a > b) - (a < b); }
static int cmp_int(int64_t a, int64_t b) { return (a > b) - (a < b); }

static int cmp_funcs(dsl_ctx *c, value a, value b, uint64_t *w)
{
	if (a.prim != b.prim)
		return cmp_int(a.prim, b.prim);
	if (!a.cl) /* primitives: equal ids */
		return 0;
	if (a.cl->kind != b.cl->kind)
		return cmp_int(a.cl->kind, b.cl->kind);
	if (a.cl->n != b.cl->n)
		return cmp_int(a.cl->n, b.cl->n);
	if (a.arity != b.arity)
		return cmp_int(a.arity, b.arity);
	for (int k = 0; k < 3; k++) {
		int r = cmp_w(c, a.cl->f[k], b.cl->f[k], w);
		if (r)
			return r;
	}
	return 0;
}

/* The general case of cmp_w: mixed kinds, tuples, sets of values (two values of one kind
 * among ints, pairs, index sets and cell sets never get here). Kept out of line so that the
 * fast paths need no stack frame. *w counts the elements visited. */
__attribute__((noinline)) static int val_cmp_general(dsl_ctx *c, value a, value b, uint64_t *w)
{
	int ra = rank(a), rb = rank(b);
	if (ra != rb)
		return cmp_int(ra, rb);
	/* one payload is one value (canonical representations): shared parts compare at once,
	 * which keeps values built by repeating a value from costing their unfolded size */
	if (a.kind == b.kind && (a.kind == VK_TUPLE || a.kind == VK_SET) && a.t == b.t)
		return 0;
	switch (ra) {
	case 0: return 0;
	case 1: return cmp_int(a.i, b.i);
	case 4: return cmp_funcs(c, a, b, w);
	case 2: {
		if (a.kind == VK_ROW && b.kind == VK_ROW) {
			int n = a.i < b.i ? a.i : b.i;
			*w += (uint64_t)n / 4;
			for (int k = 0; k < n; k++)
				if (a.r[k] != b.r[k])
					return cmp_int(a.r[k], b.r[k]);
			return cmp_int(a.i, b.i);
		}
		size_t na = tlen(a), nb = tlen(b), n = na < nb ? na : nb;
		for (size_t k = 0; k < n; k++) {
			if (++*w >= CMP_CHARGE_EVERY && c)
				dsl_work(c, *w / 16), *w %= 16;
			int r = cmp_w(c, telem(a, k), telem(b, k), w);
			if (r)
				return r;
		}
		return cmp_size(na, nb);
	}
	default: { /* sets: their sorted element lists, lexicographically */
		size_t na = slen(a), nb = slen(b), n = na < nb ? na : nb;
		for (size_t k = 0; k < n; k++) {
			if (++*w >= CMP_CHARGE_EVERY && c)
				dsl_work(c, *w / 16), *w %= 16;
			int r = cmp_w(c, selem(a, k), selem(b, k), w);
			if (r)
				return r;
		}
		return cmp_size(na, nb);
	}
	}
}

static int cmp_keys32(const uint32_t *a, uint32_t na, const uint32_t *b, uint32_t nb, uint64_t *w)
{
	*w += (na < nb ? na : nb) / 4;
	for (uint32_t k = 0, n = na < nb ? na : nb; k < n; k++)
		if (a[k] != b[k])
			return a[k] < b[k] ? -1 : 1;
	return cmp_size(na, nb);
}

/* Fast paths for two values of one kind (the sorts of sets compare mostly those); the rest
 * goes to val_cmp_general. Grids of one width compare as their row-major cells (rows of equal
 * length compare lexicographically), then by height. *w grows by the work done: one per
 * element visited, a quarter per key or cell of flat arrays. */
static inline int cmp_w(dsl_ctx *c, value a, value b, uint64_t *w)
{
	if (a.kind == b.kind) {
		switch (a.kind) {
		case VK_BOOL:
		case VK_INT: return cmp_int(a.i, b.i);
		case VK_PAIR: return a.i != b.i ? cmp_int(a.i, b.i) : cmp_int(a.j, b.j);
		case VK_IDX: return cmp_keys32(a.ix->k, a.ix->n, b.ix->k, b.ix->n, w);
		case VK_OBJ:
			*w += (a.ob->n < b.ob->n ? a.ob->n : b.ob->n) / 4;
			for (uint32_t k = 0, n = a.ob->n < b.ob->n ? a.ob->n : b.ob->n; k < n; k++)
				if (a.ob->k[k] != b.ob->k[k])
					return a.ob->k[k] < b.ob->k[k] ? -1 : 1;
			return cmp_size(a.ob->n, b.ob->n);
		case VK_GRID:
			if (a.g->w == b.g->w) {
				size_t n = (size_t)(a.g->h < b.g->h ? a.g->h : b.g->h) * a.g->w;
				*w += n / 16;
				for (size_t k = 0; k < n; k++)
					if (a.g->cell[k] != b.g->cell[k])
						return cmp_int(a.g->cell[k], b.g->cell[k]);
				return cmp_int(a.g->h, b.g->h);
			}
			break;
		default: break;
		}
	}
	/* frozenset() before every other set (apply often yields many empty ones among others) */
	bool ea = a.kind == VK_SET && a.t->n == 0, eb = b.kind == VK_SET && b.t->n == 0;
	if ((ea || eb) && is_set(a) && is_set(b))
		return eb - ea;
	return val_cmp_general(c, a, b, w);
}

int val_cmp(value a, value b)
{
	uint64_t w = 0;
	return cmp_w(NULL, a, b, &w);
}

int val_cmp_c(dsl_ctx *c, value a, value b)
{
	uint64_t w = 0;
	int r = cmp_w(c, a, b, &w);
	if (w >= 16)
		dsl_work(c, w / 16);
	return r;
}

bool val_eq(value a, value b)
{
	if (is_num(a) && is_num(b))
		return a.i == b.i;
	if (a.kind != b.kind)
		return false;
	switch (a.kind) {
	case VK_NONE: return true;
	case VK_PAIR: return a.i == b.i && a.j == b.j;
	case VK_GRID:
		return a.g->h == b.g->h && a.g->w == b.g->w &&
		       memcmp(a.g->cell, b.g->cell, (size_t)a.g->h * a.g->w) == 0;
	case VK_IDX:
		return a.ix->n == b.ix->n && memcmp(a.ix->k, b.ix->k, a.ix->n * sizeof(uint32_t)) == 0;
	case VK_OBJ:
		return a.ob->n == b.ob->n && memcmp(a.ob->k, b.ob->k, a.ob->n * sizeof(uint64_t)) == 0;
	default: return val_cmp(a, b) == 0;
	}
}

bool val_truthy(value v)
{
	switch (v.kind) {
	case VK_NONE: return false;
	case VK_BOOL:
	case VK_INT: return v.i != 0;
	case VK_GRID: return v.g->h > 0;
	case VK_TUPLE:
	case VK_SET: return v.t->n > 0;
	default: return true;
	}
}

/* Is every element of a (sorted) also in b (sorted)? */
static bool subset_sorted(dsl_ctx *c, value a, value b)
{
	size_t na = slen(a), nb = slen(b), q = 0;
	if (na > nb)
		return false;
	dsl_work(c, (na + nb) / 16);
	for (size_t k = 0; k < na; k++) {
		value x = selem(a, k);
		int r = 1;
		while (q < nb && (r = val_cmp_c(c, selem(b, q), x)) < 0)
			q++;
		if (q == nb || r != 0)
			return false;
		q++;
	}
	return true;
}

int py_cmp(dsl_ctx *c, value a, value b)
{
	int ra = rank(a), rb = rank(b);
	if (ra == 1 && rb == 1)
		return cmp_int(a.i, b.i);
	if (ra == 2 && rb == 2) {
		/* k / 16 units for the k elements passed, charged every CMP_CHARGE_EVERY of them */
		size_t na = tlen(a), nb = tlen(b), n = na < nb ? na : nb, paid = 0;
		for (size_t k = 0; k < n; k++) {
			if (k - paid == CMP_CHARGE_EVERY)
				dsl_work(c, CMP_CHARGE_EVERY / 16), paid = k;
			value x = telem(a, k), y = telem(b, k);
			if (val_cmp_c(c, x, y) != 0) {
				dsl_work(c, (k - paid) / 16);
				return py_cmp(c, x, y);
			}
		}
		dsl_work(c, (n - paid) / 16);
		return cmp_size(na, nb);
	}
	if (ra == 3 && rb == 3) {
		bool le = subset_sorted(c, a, b), ge = subset_sorted(c, b, a);
		return le && ge ? PY_EQ : le ? PY_LT : ge ? PY_GT : PY_UNORDERED;
	}
	static const char *const names[] = {"NoneType", "int", "tuple", "frozenset", "function"};
	dsl_fail(c, DSL_TYPE_ERROR, "'<' not supported between instances of '%s' and '%s'", names[ra], names[rb]);
}

/* Each merge costs n / 8 units, charged before it (after it for the few of a short run), and
 * the elements its comparisons read / 16 (as val_cmp_c charges them), counted in *w and
 * charged after it, or as it goes once they reach CMP_CHARGE_EVERY. */
static void merge_sort(dsl_ctx *c, value *e, value *tmp, size_t n, uint64_t *w)
{
	if (n < 2)
		return;
	if (n <= 16) { /* a few units: charged after */
		for (size_t i = 1; i < n; i++) {
			value x = e[i];
			size_t j = i;
			for (; j > 0 && cmp_w(c, e[j - 1], x, w) > 0; j--)
				e[j] = e[j - 1];
			e[j] = x;
		}
		dsl_work(c, n / 8 + 1 + *w / 16);
	} else {
		size_t h = n / 2;
		merge_sort(c, e, tmp, h, w);
		merge_sort(c, e + h, tmp, n - h, w);
		dsl_work_ahead(c, n / 8 + 1);
		if (cmp_w(c, e[h - 1], e[h], w) > 0) {
			memcpy(tmp, e, h * sizeof(value));
			size_t i = 0, j = h, k = 0;
			while (i < h && j < n) {
				e[k++] = cmp_w(c, e[j], tmp[i], w) < 0 ? e[j++] : tmp[i++];
				if (*w >= CMP_CHARGE_EVERY)
					dsl_work(c, *w / 16), *w %= 16;
			}
			while (i < h)
				e[k++] = tmp[i++];
		}
		dsl_work(c, *w / 16);
	}
	*w %= 16;
}

void val_sort(dsl_ctx *c, value *e, size_t n)
{
	if (n < 2)
		return;
	size_t mark = arena_mark(c->mem);
	value *tmp = n > 16 ? dsl_alloc(c, (n / 2 + 1) * sizeof(value)) : NULL;
	uint64_t w = 0;
	merge_sort(c, e, tmp, n, &w);
	arena_reset(c->mem, mark);
}

bool set_has(dsl_ctx *c, value set, value x)
{
	if (set.kind == VK_IDX) {
		if (x.kind != VK_PAIR || !coord_ok(x.i) || !coord_ok(x.j))
			return false;
		uint32_t key = pos_key(x.i, x.j);
		size_t lo = 0, hi = set.ix->n;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (set.ix->k[mid] < key)
				lo = mid + 1;
			else
				hi = mid;
		}
		return lo < set.ix->n && set.ix->k[lo] == key;
	}
	if (set.kind == VK_OBJ) {
		if (!is_cell(x))
			return false;
		value col = x.t->e[0], p = x.t->e[1];
		if (!coord_ok(col.i) || !coord_ok(p.i) || !coord_ok(p.j))
			return false;
		uint64_t key = cell_key(col.i, p.i, p.j);
		size_t lo = 0, hi = set.ob->n;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (set.ob->k[mid] < key)
				lo = mid + 1;
			else
				hi = mid;
		}
		return lo < set.ob->n && set.ob->k[lo] == key;
	}
	size_t lo = 0, hi = set.t->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (val_cmp_c(c, set.t->e[mid], x) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < set.t->n && val_cmp_c(c, set.t->e[lo], x) == 0;
}
