/* test_lanes8.c — test_lanes.c on 8 emulated lanes: the lane groups of the CUDA group kernel
 * (kernels_lane.cu, GP_GROUP 8), where grids are wider than the group (lanes.h's GP_FOR2). */
#define GP_EMULATE_LANES 8
#include "test_lanes.c"
