/* patch.c — argument access for patches and grids: the patch view (frozensets as they are,
 * tuples of positions or cells read into arena keys), bounding boxes, and the Piece and Element
 * readings dsl.py makes of tuples. */
#include "patch.h"

#include <string.h>

/* ---- tuples as patches ---- */

static bool is_cell_value(value x)
{
	return x.kind == VK_TUPLE && x.t->n == 2 && is_num(x.t->e[0]) && x.t->e[1].kind == VK_PAIR;
}

/* The kind dsl.py reads from the first element x of a non-empty tuple: `x[1]` a tuple makes an
 * Object, anything else Indices. */
static uint8_t tuple_kind(dsl_ctx *c, value x)
{
	if (!is_tuple(x))
		dsl_fail(c, DSL_TYPE_ERROR, "the first element of the patch is not subscriptable");
	if (cont_len(c, x) < 2)
		dsl_fail(c, DSL_INDEX_ERROR, "tuple index out of range");
	if (x.kind == VK_PAIR)
		return PATCH_IDX;
	return is_tuple(cont_get(c, x, 1)) ? PATCH_OBJ : PATCH_IDX;
}

/* Why an element of a tuple of positions does not unpack as `i, j` with a number for i. */
static _Noreturn void bad_position(dsl_ctx *c, value x)
{
	if (!is_container(x))
		dsl_fail(c, DSL_TYPE_ERROR, "cannot unpack non-iterable object as a position");
	if (cont_len(c, x) != 2)
		dsl_fail(c, DSL_VALUE_ERROR, "expected 2 values to unpack, got %zu", cont_len(c, x));
	dsl_fail(c, DSL_TYPE_ERROR, "a position whose row is not a number");
}

static uint32_t checked_pos(dsl_ctx *c, int64_t i, int64_t j)
{
	if (!coord_ok(i) || !coord_ok(j))
		dsl_fail(c, DSL_OVERFLOW, "position (%lld, %lld) out of range", (long long)i, (long long)j);
	return pos_key((int)i, (int)j);
}

/* The positions of a tuple whose first element is one, in tuple order, with room for the
 * flags of PATCH_ODD after them: an element (c, x) with x no number (a cell) is odd, row c,
 * column 0. *odd tells whether there was one. */
static idxset *tuple_positions(dsl_ctx *c, value v, bool *odd)
{
	uint32_t n = v.t->n;
	idxset *s = idx_alloc(c, (size_t)n + ((size_t)n + 3) / 4);
	uint8_t *flag = (uint8_t *)(s->k + n);
	memset(flag, 0, n);
	*odd = false;
	for (uint32_t k = 0; k < n; k++) {
		value x = v.t->e[k];
		if (x.kind == VK_PAIR) {
			s->k[k] = checked_pos(c, x.i, x.j);
			continue;
		}
		if (x.kind != VK_TUPLE || x.t->n != 2 || !is_num(x.t->e[0]))
			bad_position(c, x);
		flag[k] = 1;
		*odd = true;
		s->k[k] = checked_pos(c, x.t->e[0].i, 0);
	}
	s->n = n;
	return s;
}

/* The cells of a tuple whose first element is a cell, in tuple order. */
static objset *tuple_cells(dsl_ctx *c, value v)
{
	uint32_t n = v.t->n;
	objset *s = obj_alloc(c, n);
	for (uint32_t k = 0; k < n; k++) {
		value x = v.t->e[k];
		if (x.kind == VK_PAIR) /* `value, (i, j) = x`: a position's column is no pair */
			dsl_fail(c, DSL_TYPE_ERROR, "cannot unpack non-iterable int object: a position among cells");
		if (!is_cell_value(x))
			dsl_fail(c, DSL_TYPE_ERROR, "an element of an Object tuple is no cell (c, (i, j))");
		value col = x.t->e[0], p = x.t->e[1];
		if (!coord_ok(col.i) || !coord_ok(p.i) || !coord_ok(p.j))
			dsl_fail(c, DSL_OVERFLOW, "cell (%d, (%d, %d)) out of range", col.i, p.i, p.j);
		s->k[k] = cell_key(col.i, p.i, p.j);
	}
	s->n = n;
	return s;
}

patch patch_view_tuple(dsl_ctx *c, value v, unsigned how)
{
	idxset *ix = NULL;
	objset *ob = NULL;
	bool odd = false;
	switch (v.kind) {
	case VK_SET:
		if (v.t->n == 0)
			return (patch){.kind = PATCH_EMPTY};
		dsl_fail(c, DSL_TYPE_ERROR, "a set of other values than cells or positions is not a patch");
	case VK_GRID: { /* a tuple of int tuples: positions when they are pairs */
		const grid *g = v.g;
		if (g->h == 0)
			return (patch){.kind = PATCH_EMPTY};
		if (g->w != 2)
			dsl_fail(c, g->w < 2 ? DSL_INDEX_ERROR : DSL_VALUE_ERROR,
			         "a tuple of %u-tuples is not a patch", (unsigned)g->w);
		ix = idx_alloc(c, g->h);
		dsl_work_ahead(c, g->h / 16);
		for (uint32_t k = 0; k < g->h; k++)
			ix->k[k] = pos_key(g->cell[2 * k], g->cell[2 * k + 1]);
		ix->n = g->h;
		break;
	}
	case VK_TUPLE:
		dsl_work_ahead(c, v.t->n / 16);
		if (tuple_kind(c, v.t->e[0]) == PATCH_OBJ)
			ob = tuple_cells(c, v);
		else
			ix = tuple_positions(c, v, &odd);
		break;
	default: dsl_fail(c, DSL_TYPE_ERROR, "expected a patch (Indices or Object)");
	}
	uint32_t n = ix ? ix->n : ob->n;
	if (odd && !(how & PATCH_ROWS))
		dsl_fail(c, DSL_TYPE_ERROR, "a cell among positions: its column (i, j) is a tuple");
	if (odd)
		return (patch){.kind = PATCH_IDX, .form = PATCH_ODD, .n = n, .ix = ix->k};
	if (how & PATCH_SEQ) {
		if (ix)
			return (patch){.kind = PATCH_IDX, .form = PATCH_TUPLE, .n = n, .ix = ix->k};
		return (patch){.kind = PATCH_OBJ, .form = PATCH_TUPLE, .n = n, .ob = ob->k};
	}
	value set = ix ? idx_finish(c, ix, false) : obj_finish(c, ob, false);
	return patch_view(c, set, how);
}

void patch_odd_rows_clear(dsl_ctx *c, const patch *p, int64_t h)
{
	const uint8_t *odd = patch_odd(p);
	for (uint32_t k = 0; k < p->n; k++)
		if (odd[k] && pos_i(p->ix[k]) >= 0 && pos_i(p->ix[k]) < h)
			dsl_fail(c, DSL_TYPE_ERROR, "'<=' not supported between instances of 'int' and 'tuple'");
}

/* ---- bounding boxes and positions ---- */

static inline void bbox_add(bbox *b, uint32_t q)
{
	int i = pos_i(q), j = pos_j(q);
	b->top = i < b->top ? i : b->top;
	b->bottom = i > b->bottom ? i : b->bottom;
	b->left = j < b->left ? j : b->left;
	b->right = j > b->right ? j : b->right;
}

bbox patch_bbox(dsl_ctx *c, patch p)
{
	bbox b = {COORD_MAX, COORD_MAX, COORD_MIN, COORD_MIN};
	dsl_work_ahead(c, p.n / 64);
	if (p.kind == PATCH_OBJ) {
		for (uint32_t k = 0; k < p.n; k++)
			bbox_add(&b, cell_pos(p.ob[k]));
	} else if (p.form == PATCH_SET) { /* row-major: rows come from the ends */
		b.top = pos_i(p.ix[0]);
		b.bottom = pos_i(p.ix[p.n - 1]);
		for (uint32_t k = 0; k < p.n; k++) {
			int j = pos_j(p.ix[k]);
			b.left = j < b.left ? j : b.left;
			b.right = j > b.right ? j : b.right;
		}
	} else {
		for (uint32_t k = 0; k < p.n; k++)
			bbox_add(&b, p.ix[k]);
	}
	return b;
}

const uint32_t *patch_positions(dsl_ctx *c, const patch *p, uint32_t *n)
{
	if (p->kind != PATCH_OBJ && p->form == PATCH_SET) {
		*n = p->n;
		return p->ix;
	}
	idxset *s = idx_alloc(c, p->n);
	for (uint32_t k = 0; k < p->n; k++)
		s->k[k] = patch_pos(p, k);
	s->n = p->n;
	value v = idx_finish(c, s, false);
	*n = v.kind == VK_IDX ? v.ix->n : 0;
	return s->k;
}

/* ---- pieces and elements ---- */

void piece_dims(dsl_ctx *c, value v, int64_t *h, int64_t *w)
{
	if (is_tuple(v)) {
		*h = (int64_t)cont_len(c, v);
		if (!*h || v.kind == VK_GRID) {
			*w = *h ? v.g->w : 0;
			return;
		}
		value first = cont_get(c, v, 0);
		if (!is_container(first))
			dsl_fail(c, DSL_TYPE_ERROR, "object of type 'int' has no len()");
		*w = (int64_t)cont_len(c, first);
		return;
	}
	patch p = patch_arg(c, v);
	if (!p.n) {
		*h = *w = 0;
		return;
	}
	bbox b = patch_bbox(c, p);
	*h = (int64_t)b.bottom - b.top + 1;
	*w = (int64_t)b.right - b.left + 1;
}

value *element_values(dsl_ctx *c, value v, size_t *n)
{
	size_t len, cap = 0, m = 0;
	value *e = cont_items(c, v, &len);
	bool rows = is_tuple(v);
	for (size_t k = 0; k < len; k++) {
		if (!is_container(e[k]))
			dsl_fail(c, DSL_TYPE_ERROR, "cannot iterate or unpack a non-container");
		size_t inner = cont_len(c, e[k]);
		if (!rows && inner != 2)
			dsl_fail(c, DSL_VALUE_ERROR, "expected 2 values to unpack, got %zu", inner);
		cap += rows ? inner : 1;
	}
	value *out = dsl_alloc(c, (cap ? cap : 1) * sizeof *out);
	dsl_work(c, cap / 16);
	for (size_t k = 0; k < len; k++) {
		size_t inner = rows ? cont_len(c, e[k]) : 1;
		for (size_t q = 0; q < inner; q++)
			out[m++] = cont_get(c, e[k], q);
	}
	*n = m;
	return out;
}

/* ---- other arguments ---- */

const grid *grid_arg(dsl_ctx *c, value v)
{
	if (v.kind != VK_GRID)
		dsl_fail(c, DSL_TYPE_ERROR, "expected a grid");
	return v.g;
}

int32_t int_arg(dsl_ctx *c, value v)
{
	if (!is_num(v))
		dsl_fail(c, DSL_TYPE_ERROR, "expected an integer");
	return v.i;
}

void pair_arg(dsl_ctx *c, value v, int64_t *i, int64_t *j)
{
	if (v.kind == VK_PAIR) {
		*i = v.i;
		*j = v.j;
		return;
	}
	if (v.kind == VK_SET && v.t->n == 2 && is_num(v.t->e[0]) && is_num(v.t->e[1])) {
		*i = v.t->e[0].i;
		*j = v.t->e[1].i;
		return;
	}
	if (is_container(v) && cont_len(c, v) != 2)
		dsl_fail(c, DSL_VALUE_ERROR, "expected 2 values to unpack, got %zu", cont_len(c, v));
	dsl_fail(c, DSL_TYPE_ERROR, "expected a pair of integers");
}

int32_t index_arg(dsl_ctx *c, value v, size_t k, const char *not_int)
{
	if (v.kind == VK_PAIR)
		return k == 0 ? v.i : v.j;
	if (!is_tuple(v))
		dsl_fail(c, DSL_TYPE_ERROR, "object is not subscriptable");
	if (k >= cont_len(c, v))
		dsl_fail(c, DSL_INDEX_ERROR, "tuple index out of range");
	value x = cont_get(c, v, k);
	if (!is_num(x))
		dsl_fail(c, DSL_TYPE_ERROR, "%s", not_int);
	return x.i;
}
