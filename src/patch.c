/* patch.c — argument access for patches and grids. */
#include "patch.h"

patch patch_arg(dsl_ctx *c, value v)
{
	switch (v.kind) {
	case VK_IDX: return (patch){.kind = PATCH_IDX, .n = v.ix->n, .ix = v.ix->k};
	case VK_OBJ: return (patch){.kind = PATCH_OBJ, .n = v.ob->n, .ob = v.ob->k};
	case VK_SET:
		if (v.t->n == 0)
			return (patch){.kind = PATCH_EMPTY};
		dsl_fail(c, DSL_TYPE_ERROR, "a set of other values than cells or positions is not a patch");
	default: dsl_fail(c, DSL_TYPE_ERROR, "expected a patch (Indices or Object)");
	}
}

bbox patch_bbox(const patch *p)
{
	bbox b;
	if (p->kind == PATCH_IDX) { /* row-major: rows come from the ends */
		b.top = pos_i(p->ix[0]);
		b.bottom = pos_i(p->ix[p->n - 1]);
		b.left = COORD_MAX;
		b.right = COORD_MIN;
		for (uint32_t k = 0; k < p->n; k++) {
			int j = pos_j(p->ix[k]);
			b.left = j < b.left ? j : b.left;
			b.right = j > b.right ? j : b.right;
		}
		return b;
	}
	b = (bbox){COORD_MAX, COORD_MAX, COORD_MIN, COORD_MIN};
	for (uint32_t k = 0; k < p->n; k++) {
		uint32_t q = cell_pos(p->ob[k]);
		int i = pos_i(q), j = pos_j(q);
		b.top = i < b.top ? i : b.top;
		b.bottom = i > b.bottom ? i : b.bottom;
		b.left = j < b.left ? j : b.left;
		b.right = j > b.right ? j : b.right;
	}
	return b;
}

const uint32_t *patch_positions(dsl_ctx *c, const patch *p, uint32_t *n)
{
	if (p->kind != PATCH_OBJ) {
		*n = p->n;
		return p->ix;
	}
	idxset *s = idx_alloc(c, p->n);
	for (uint32_t k = 0; k < p->n; k++)
		s->k[k] = cell_pos(p->ob[k]);
	s->n = p->n;
	value v = idx_finish(c, s, false);
	*n = v.kind == VK_IDX ? v.ix->n : 0;
	return s->k;
}

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
