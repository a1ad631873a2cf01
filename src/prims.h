/* prims.h — what one family of primitives (prims_<family>.c) defines for the others, beyond
 * the argument readers of patch.h: the grid crop and a grid's most or least common colour. */
#ifndef ARC_PRIMS_H
#define ARC_PRIMS_H

#include "dsl.h"

/* dsl.py's crop: tuple(r[j:j+w] for r in grid[i:i+h]), with Python's slice bounds
 * (prims_geom_grid.c). */
value grid_crop(dsl_ctx *c, const grid *g, int64_t i, int64_t j, int64_t h, int64_t w);
/* The most (most = true) or least frequent colour of a grid, ties broken as CPython does
 * (pyset.h). A grid without cells fails with ValueError, as max() of an empty set does
 * (prims_objects.c). */
int grid_color_extreme(dsl_ctx *c, const grid *g, bool most);

#endif
