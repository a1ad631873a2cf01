/* patch.h — typed access to the arguments most primitives take: a Patch (Indices or Object, as
 * sorted key arrays) and a Grid. Shared by the grid/object primitive families. */
#ifndef ARC_PATCH_H
#define ARC_PATCH_H

#include "dsl.h"

enum { PATCH_EMPTY, PATCH_IDX, PATCH_OBJ };
typedef struct patch {
	uint8_t kind;       /* PATCH_EMPTY, PATCH_IDX or PATCH_OBJ */
	uint32_t n;         /* number of elements (positions or cells) */
	const uint32_t *ix; /* PATCH_IDX: pos_key, ascending */
	const uint64_t *ob; /* PATCH_OBJ: cell_key, ascending */
} patch;

/* The empty set, Indices or an Object; TypeError for anything else (tuples, sets of other
 * values, sets mixing cells and positions). */
patch patch_arg(dsl_ctx *c, value v);
/* Position key of element k (for an Object, the position of cell k). */
static inline uint32_t patch_pos(const patch *p, size_t k)
{
	return p->kind == PATCH_IDX ? p->ix[k] : cell_pos(p->ob[k]);
}

typedef struct bbox {
	int top, left, bottom, right; /* inclusive bounds */
} bbox;
bbox patch_bbox(const patch *p); /* p->n ≥ 1 */
/* The distinct positions of a patch, ascending (an Object's doubly coloured positions once). */
const uint32_t *patch_positions(dsl_ctx *c, const patch *p, uint32_t *n);

/* A grid argument: VK_GRID, the empty tuple () included; TypeError for anything else. */
const grid *grid_arg(dsl_ctx *c, value v);
/* An int (or bool) argument; TypeError otherwise. */
int32_t int_arg(dsl_ctx *c, value v);
/* Python's `i, j = v` on a location or offset: a pair of numbers, or a frozenset of two ints
 * (iterated in canonical order). Other lengths fail as unpacking does; two non-numbers fail
 * where dsl.py would next do arithmetic on them. */
void pair_arg(dsl_ctx *c, value v, int64_t *i, int64_t *j);

/* dsl.py's crop: tuple(r[j:j+w] for r in grid[i:i+h]), with Python's slice bounds. */
value grid_crop(dsl_ctx *c, const grid *g, int64_t i, int64_t j, int64_t h, int64_t w);

#endif
