/* prims_geom_patch.c — where patches lie (DSL.md 6.4): manhattan, adjacent, bordering,
 * centerofmass, center and position, computed on the sorted position keys (a tuple's, read
 * through its patch view, where dsl.py reads the tuple as a set). */
#include <stdlib.h>

#include "patch.h"

/* A patch argument that min() / uppermost() must not see empty. */
static patch patch_arg_full(dsl_ctx *c, value v)
{
	patch p = patch_arg(c, v);
	if (p.kind == PATCH_EMPTY)
		dsl_fail(c, DSL_VALUE_ERROR, "min() arg is an empty sequence");
	return p;
}

/* The smallest |ia - ib| + |ja - jb|. Both arrays ascend row-major, so for each position of a
 * the scan of b starts at its row and stops once the row distance alone reaches the best. */
static int32_t min_distance(dsl_ctx *c, const uint32_t *a, uint32_t na, const uint32_t *b, uint32_t nb)
{
	int32_t best = INT32_MAX;
	uint32_t at = 0;
	for (uint32_t k = 0; k < na && best > 0; k++) {
		int ia = pos_i(a[k]), ja = pos_j(a[k]);
		while (at < nb && pos_i(b[at]) < ia)
			at++;
		uint32_t q = at;
		for (; q < nb && pos_i(b[q]) - ia < best; q++) {
			int32_t d = pos_i(b[q]) - ia + abs(pos_j(b[q]) - ja);
			best = d < best ? d : best;
		}
		uint32_t seen = q - at;
		for (q = at; q > 0 && ia - pos_i(b[q - 1]) < best; q--, seen++) {
			int32_t d = ia - pos_i(b[q - 1]) + abs(pos_j(b[q - 1]) - ja);
			best = d < best ? d : best;
		}
		dsl_work(c, 1 + seen / 64);
	}
	return best;
}

value prim_manhattan(dsl_ctx *c, const value *args)
{
	patch pa = patch_arg_full(c, args[0]), pb = patch_arg_full(c, args[1]);
	uint32_t na, nb;
	const uint32_t *a = patch_positions(c, &pa, &na), *b = patch_positions(c, &pb, &nb);
	return v_int(min_distance(c, a, na, b, nb));
}

value prim_adjacent(dsl_ctx *c, const value *args)
{
	return v_bool(prim_manhattan(c, args).i == 1);
}

/* uppermost(patch) == 0 or leftmost(patch) == 0 or ...: the rows come first, so a tuple of
 * positions holding cells (whose columns are tuples) is True when its top row is 0. */
value prim_bordering(dsl_ctx *c, const value *args)
{
	patch p = patch_view(c, args[0], PATCH_ROWS);
	if (p.kind == PATCH_EMPTY)
		dsl_fail(c, DSL_VALUE_ERROR, "min() arg is an empty sequence");
	bbox b = patch_bbox(c, p);
	if (b.top == 0)
		return v_bool(true);
	if (p.form == PATCH_ODD)
		dsl_fail(c, DSL_TYPE_ERROR, "'<' not supported between instances of 'tuple' and 'int'");
	if (b.left == 0)
		return v_bool(true);
	/* the grid is read only now, as Python's `or` reaches it */
	const grid *g = grid_arg(c, args[1]);
	if (b.bottom == g->h - 1)
		return v_bool(true);
	if (g->h == 0)
		dsl_fail(c, DSL_INDEX_ERROR, "tuple index out of range");
	return v_bool(b.right == g->w - 1);
}

/* Sums over toindices(patch) divided by len(patch): a tuple's length counts its duplicates, and
 * toindices keeps a tuple of positions as it is (duplicates summed too) but makes the set of an
 * Object's positions. */
value prim_centerofmass(dsl_ctx *c, const value *args)
{
	patch p = patch_view(c, args[0], PATCH_SEQ);
	if (p.kind == PATCH_EMPTY)
		return v_empty_tuple();
	uint32_t n = p.n;
	const uint32_t *pos = p.ix;
	if (p.kind == PATCH_OBJ)
		pos = patch_positions(c, &p, &n);
	int64_t si = 0, sj = 0;
	dsl_work_ahead(c, n / 64);
	for (uint32_t k = 0; k < n; k++) {
		si += pos_i(pos[k]);
		sj += pos_j(pos[k]);
	}
	return v_pair((int32_t)floordiv64(si, p.n), (int32_t)floordiv64(sj, p.n));
}

/* center(v): the empty patch fails. */
static void center_of(dsl_ctx *c, value v, int64_t *i, int64_t *j)
{
	bbox b = patch_bbox(c, patch_arg_full(c, v));
	patch_center(c, v, &b, i, j);
}

value prim_center(dsl_ctx *c, const value *args)
{
	int64_t i, j;
	center_of(c, args[0], &i, &j);
	if (i > INT32_MAX || j > INT32_MAX) /* half a tuple's length is added: 2^31 at most */
		dsl_fail(c, DSL_OVERFLOW, "center (%lld, %lld) out of range", (long long)i, (long long)j);
	return v_pair((int32_t)i, (int32_t)j);
}

/* center(toindices(x)) of both: a tuple of positions stays that tuple (height len, width 2),
 * an Object tuple becomes the set of its positions. */
value prim_position(dsl_ctx *c, const value *args)
{
	int64_t ia, ja, ib, jb;
	center_of(c, prim_toindices(c, &args[0]), &ia, &ja);
	center_of(c, prim_toindices(c, &args[1]), &ib, &jb);
	int dj = ja < jb ? 1 : -1;
	if (ia == ib)
		return v_pair(0, dj);
	if (ja == jb)
		return v_pair(ia < ib ? 1 : -1, 0);
	return v_pair(ia < ib ? 1 : -1, dj);
}
