/* lanes.h — how code shared by the CPU and CUDA backends spreads work over the lanes of a
 * thread group: one lane on the CPU and in a CUDA thread-per-item kernel (GP_ONE_LANE under
 * nvcc), under nvcc otherwise the GP_GROUP lanes (32: a warp; 8: a quarter) of a group (or 32
 * threads standing for a warp in tests/unit/test_lanes.c, GP_EMULATE_WARP, so the warp paths
 * are tested without a GPU). Loops split cells over lanes, reductions combine the lanes' partial results (integers
 * only, so the order never shows in the result), and GP_SYNC orders a group's writes before its
 * reads. Control flow around a reduction or GP_SYNC must be the same for every lane. */
#ifndef ARC_LANES_H
#define ARC_LANES_H

#include <stdint.h>
#include <string.h>

#include "hostdev.h"

#if defined(__CUDACC__) && !defined(GP_ONE_LANE)

/* GP_GROUP lanes per item: the whole warp (32, the default) or an aligned part of it (8: four
 * items a warp); reductions and GP_SYNC involve the group's lanes only, so the groups of a warp
 * may go different ways. */
#ifndef GP_GROUP
#define GP_GROUP 32
#endif
#define GP_FN __device__ static inline
#define GP_LANES GP_GROUP
#define GP_LANE ((int)(threadIdx.x & (GP_GROUP - 1u)))
#if GP_GROUP == 32
#define GP_MASK 0xffffffffu
#else
#define GP_MASK (((1u << GP_GROUP) - 1u) << (threadIdx.x & 31u & ~(GP_GROUP - 1u)))
#endif
#define GP_SYNC() __syncwarp(GP_MASK)
GP_FN uint32_t gp_sum(uint32_t x) { return __reduce_add_sync(GP_MASK, x); }
GP_FN uint32_t gp_or(uint32_t x) { return __reduce_or_sync(GP_MASK, x); }
GP_FN int gp_min(int x) { return __reduce_min_sync(GP_MASK, x); }
GP_FN int gp_max(int x) { return __reduce_max_sync(GP_MASK, x); }
GP_FN uint64_t gp_sum64(uint64_t x)
{
	for (int o = GP_GROUP / 2; o > 0; o >>= 1)
		x += __shfl_xor_sync(GP_MASK, x, o);
	return x;
}
/* p is 8-byte aligned (pools and buffers are). */
GP_FN uint64_t gp_load64(const uint8_t *p) { return *(const uint64_t *)p; }
GP_FN int gp_popc(uint32_t x) { return __popc(x); }
GP_FN int gp_popc64(uint64_t x) { return __popcll(x); }

#elif defined(GP_EMULATE_WARP)

#define GP_FN static inline
#ifndef GP_EMULATE_LANES
#define GP_EMULATE_LANES 32
#endif
#define GP_LANES GP_EMULATE_LANES
extern _Thread_local int gp_emu_lane; /* this thread's lane */
void gp_emu_sync(void);               /* all GP_LANES threads meet */
/* All GP_LANES threads meet with x; op 0 add (mod 2^64), 1 or, 2 min, 3 max (as int64). */
uint64_t gp_emu_reduce(uint64_t x, int op);
#define GP_LANE gp_emu_lane
#define GP_SYNC() gp_emu_sync()
GP_FN uint32_t gp_sum(uint32_t x) { return (uint32_t)gp_emu_reduce(x, 0); }
GP_FN uint32_t gp_or(uint32_t x) { return (uint32_t)gp_emu_reduce(x, 1); }
GP_FN int gp_min(int x) { return (int)gp_emu_reduce((uint64_t)(int64_t)x, 2); }
GP_FN int gp_max(int x) { return (int)gp_emu_reduce((uint64_t)(int64_t)x, 3); }
GP_FN uint64_t gp_sum64(uint64_t x) { return gp_emu_reduce(x, 0); }
GP_FN uint64_t gp_load64(const uint8_t *p)
{
	uint64_t x;
	memcpy(&x, p, sizeof x);
	return x;
}
GP_FN int gp_popc(uint32_t x) { return __builtin_popcount(x); }
GP_FN int gp_popc64(uint64_t x) { return __builtin_popcountll(x); }

#else

#ifdef __CUDACC__
#define GP_FN __device__ static inline
#else
#define GP_FN static inline
#endif
#define GP_LANES 1
#define GP_LANE 0
#define GP_SYNC() ((void)0)
GP_FN uint32_t gp_sum(uint32_t x) { return x; }
GP_FN uint32_t gp_or(uint32_t x) { return x; }
GP_FN int gp_min(int x) { return x; }
GP_FN int gp_max(int x) { return x; }
GP_FN uint64_t gp_sum64(uint64_t x) { return x; }
GP_FN uint64_t gp_load64(const uint8_t *p)
{
	uint64_t x;
	memcpy(&x, p, sizeof x);
	return x;
}
#ifdef __CUDACC__
GP_FN int gp_popc(uint32_t x) { return __popc(x); }
GP_FN int gp_popc64(uint64_t x) { return __popcll(x); }
#ifndef GP_ONE_LANE_UNROLL
#define GP_ONE_LANE_UNROLL 1
#endif
#if GP_ONE_LANE_UNROLL
/* A thread's loop over its grid's words, four words' loads in flight at a time. */
#define GP_UNROLL _Pragma("unroll 4")
#endif
#else
GP_FN int gp_popc(uint32_t x) { return __builtin_popcount(x); }
GP_FN int gp_popc64(uint64_t x) { return __builtin_popcountll(x); }
#endif

#ifndef GP_UNROLL
#define GP_UNROLL
#endif
#define GP_FOR2(i, j, H, W) for (int i = 0; i < (H); i++) for (int j = 0; j < (W); j++)
#define GP_FOR(k, N) for (int k = 0; k < (N); k++)

#endif

#if GP_LANES >= 30
/* Every (i, j) of an H x W grid (1 <= W <= 30): the lanes split into L / W groups of W, lane
 * g * W + j takes column j of rows g, g + L / W, ...; the lanes past the last group idle. */
#define GP_FOR2(i, j, H, W)                                                                   \
	for (int gp_r_ = GP_LANES / (W), gp_g_ = GP_LANE / (W), j = GP_LANE - gp_g_ * (W),       \
	         gp_once_ = 1;                                                                  \
	     gp_once_; gp_once_ = 0)                                                            \
		for (int i = gp_g_ < gp_r_ ? gp_g_ : (H); i < (H); i += gp_r_)
#elif GP_LANES > 1
/* Fewer lanes than columns may be: the same, and when W > L every lane takes every row, at
 * columns lane, lane + L, ... */
#define GP_FOR2(i, j, H, W)                                                                   \
	for (int gp_wide_ = (W) > GP_LANES, gp_r_ = gp_wide_ ? 1 : GP_LANES / (W),                \
	         gp_g_ = gp_wide_ ? 0 : GP_LANE / (W), gp_j_ = GP_LANE - gp_g_ * (W),             \
	         gp_js_ = gp_wide_ ? GP_LANES : (W), gp_once_ = 1;                                \
	     gp_once_; gp_once_ = 0)                                                            \
		for (int i = gp_g_ < gp_r_ ? gp_g_ : (H); i < (H); i += gp_r_)                    \
			for (int j = gp_j_; j < (W); j += gp_js_)
#endif
#if GP_LANES > 1
#define GP_FOR(k, N) for (int k = GP_LANE; k < (N); k += GP_LANES)
#define GP_UNROLL
#endif

#endif
