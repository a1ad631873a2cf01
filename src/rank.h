/* rank.h — internal helpers of the runner's scoring. */
#ifndef ARC_RANK_H
#define ARC_RANK_H

#include "arcbatt.h"

/* Same shape and same cells. */
bool grid_equal(const arc_grid *a, const arc_grid *b);

#endif
