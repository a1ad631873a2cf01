/* patch.h — typed access to the arguments most primitives take: a Patch (Indices or an Object,
 * given as a frozenset or as a tuple) read once into a patch view of key arrays, a Grid, and
 * dsl.py's Piece and Element readings (height/width, values of rows). Shared by the grid and
 * object primitive families. */
#ifndef ARC_PATCH_H
#define ARC_PATCH_H

#include "dsl.h"

enum { PATCH_EMPTY, PATCH_IDX, PATCH_OBJ };
/* How a view's keys are laid out. */
enum {
	PATCH_SET,   /* ascending and unique: a frozenset, or the set of a tuple's elements */
	PATCH_TUPLE, /* in tuple order, duplicates kept (views asked for with PATCH_SEQ) */
	PATCH_ODD,   /* PATCH_TUPLE with odd elements, flagged by patch_odd (PATCH_ROWS views only):
	              * cells (c, (i, j)) in a tuple of positions, which `for i, j in patch` reads
	              * as row c and a tuple for a column; their keys hold row c and column 0 */
};
/* A patch argument read once, the way dsl.py iterates it. A frozenset (VK_IDX, VK_OBJ) is its own
 * sorted keys and costs nothing. A tuple of positions (a VK_GRID of width 2, or a VK_TUPLE of
 * pairs) or of cells is copied into arena keys; its kind comes from its first element, as
 * dsl.py's `isinstance(next(iter(patch))[1], tuple)` decides (DSL.md 2, "Tuples as patches").
 * 16 bytes, so that it travels in two registers. */
typedef struct patch {
	uint8_t kind; /* PATCH_EMPTY, PATCH_IDX or PATCH_OBJ */
	uint8_t form; /* PATCH_SET, PATCH_TUPLE or PATCH_ODD */
	uint32_t n;   /* number of elements (positions or cells), duplicates included in a tuple */
	union {
		const uint32_t *ix; /* PATCH_IDX: pos_key */
		const uint64_t *ob; /* PATCH_OBJ: cell_key */
	};
} patch;
static_assert(sizeof(patch) == 16, "a patch view is two words");

/* PATCH_ODD views: the flags, one byte per element, stored after the n keys. */
static inline const uint8_t *patch_odd(const patch *p) { return (const uint8_t *)(p->ix + p->n); }

/* How a primitive reads a patch: */
enum {
	PATCH_SEQ = 1,  /* in iteration order with duplicates (paint, len); else as the set */
	PATCH_ROWS = 2, /* it copes with PATCH_ODD: reads rows only, or calls patch_rows_clear */
};

patch patch_view_tuple(dsl_ctx *c, value v, unsigned how);
/* The view of v: the empty set or (), Indices, an Object, or a tuple of positions or cells.
 * TypeError for anything else (sets of other values, sets mixing cells and positions), and
 * where dsl.py fails reading such a tuple (an Object tuple holding a position; without
 * PATCH_ROWS a position tuple holding a cell). */
static inline patch patch_view(dsl_ctx *c, value v, unsigned how)
{
	if (v.kind == VK_IDX)
		return (patch){.kind = PATCH_IDX, .n = v.ix->n, .ix = v.ix->k};
	if (v.kind == VK_OBJ)
		return (patch){.kind = PATCH_OBJ, .n = v.ob->n, .ob = v.ob->k};
	return patch_view_tuple(c, v, how);
}
/* The set of a patch's elements (sorted, unique keys): what most primitives read. */
static inline patch patch_arg(dsl_ctx *c, value v) { return patch_view(c, v, 0); }

/* Position key of element k (for an Object, the position of cell k). */
static inline uint32_t patch_pos(const patch *p, size_t k)
{
	return p->kind == PATCH_IDX ? p->ix[k] : cell_pos(p->ob[k]);
}

typedef struct bbox {
	int top, left, bottom, right; /* inclusive bounds */
} bbox;
/* p.n ≥ 1. Of a PATCH_ODD view only top and bottom mean anything. One pass over p, charged
 * to c. */
bbox patch_bbox(dsl_ctx *c, patch p);
/* The distinct positions of a patch, ascending (an Object's doubly coloured positions once);
 * p is no PATCH_ODD view. */
const uint32_t *patch_positions(dsl_ctx *c, const patch *p, uint32_t *n);
/* dsl.py's `0 <= i < h and 0 <= j < w` on every element: an odd element whose row lies in
 * 0..h-1 compares its tuple column with 0 and fails (TypeError). The odd elements left lie
 * outside the rows, so loops over the keys skip them. */
void patch_odd_rows_clear(dsl_ctx *c, const patch *p, int64_t h);
static inline void patch_rows_clear(dsl_ctx *c, const patch *p, int64_t h)
{
	if (p->form == PATCH_ODD)
		patch_odd_rows_clear(c, p, h);
}

/* height(piece) and width(piece): a tuple's length and its first element's length (grid path,
 * whatever the tuple holds), a patch's bounding box; 0 and 0 when empty. */
void piece_dims(dsl_ctx *c, value v, int64_t *h, int64_t *w);
/* dsl.py's center(v) for a patch v whose view has bounding box b: (top + height // 2,
 * left + width // 2), so (top + len(v) // 2, left + 1) for a tuple. */
static inline void patch_center(dsl_ctx *c, value v, const bbox *b, int64_t *i, int64_t *j)
{
	int64_t h = (int64_t)b->bottom - b->top + 1, w = (int64_t)b->right - b->left + 1;
	if (is_tuple(v))
		piece_dims(c, v, &h, &w);
	*i = b->top + h / 2;
	*j = b->left + w / 2;
}
/* The values dsl.py counts in an Element that is neither a grid nor a typed patch: every item
 * of every row of a tuple (`for r in element for v in r`), or the first item of every element
 * of a set (`for v, _ in element`). *n receives the count. */
value *element_values(dsl_ctx *c, value v, size_t *n);

/* A grid argument: VK_GRID, the empty tuple () included; TypeError for anything else. */
const grid *grid_arg(dsl_ctx *c, value v);
/* An int (or bool) argument; TypeError otherwise. */
int32_t int_arg(dsl_ctx *c, value v);
/* Python's `i, j = v` on a location or offset: a pair of numbers, or a frozenset of two ints
 * (iterated in canonical order). Other lengths fail as unpacking does; two non-numbers fail
 * where dsl.py would next do arithmetic on them. */
void pair_arg(dsl_ctx *c, value v, int64_t *i, int64_t *j);
/* Python's v[k] on a tuple argument, when the element must then be an int: not_int is the
 * TypeError of what dsl.py does with it next (range(), an addition) when it is not. */
int32_t index_arg(dsl_ctx *c, value v, size_t k, const char *not_int);

#endif
