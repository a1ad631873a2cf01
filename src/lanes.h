/* lanes.h — how code shared by the CPU and CUDA backends spreads work over the lanes of a
 * thread group: one lane on the CPU and in a CUDA thread-per-item kernel (GP_ONE_LANE under
 * nvcc), the 32 lanes of a warp under nvcc otherwise (or 32 threads standing for them in
 * tests/unit/test_lanes.c, GP_EMULATE_WARP, so the warp paths are tested without a GPU). Loops split cells over lanes, reductions combine the lanes' partial results (integers
 * only, so the order never shows in the result), and GP_SYNC orders a group's writes before its
 * reads. Control flow around a reduction or GP_SYNC must be the same for every lane. */
#ifndef ARC_LANES_H
#define ARC_LANES_H

#include <stdint.h>
#include <string.h>

#include "hostdev.h"

#if defined(__CUDACC__) && !defined(GP_ONE_LANE)

#define GP_FN __device__ static inline
#define GP_LANES 32
#define GP_LANE ((int)(threadIdx.x & 31u))
#define GP_SYNC() __syncwarp()
#define GP_FULL 0xffffffffu
GP_FN uint32_t gp_sum(uint32_t x) { return __reduce_add_sync(GP_FULL, x); }
GP_FN uint32_t gp_or(uint32_t x) { return __reduce_or_sync(GP_FULL, x); }
GP_FN int gp_min(int x) { return __reduce_min_sync(GP_FULL, x); }
GP_FN int gp_max(int x) { return __reduce_max_sync(GP_FULL, x); }
GP_FN uint64_t gp_sum64(uint64_t x)
{
	for (int o = 16; o > 0; o >>= 1)
		x += __shfl_xor_sync(GP_FULL, x, o);
	return x;
}
/* p is 8-byte aligned (pools and buffers are). */
GP_FN uint64_t gp_load64(const uint8_t *p) { return *(const uint64_t *)p; }
GP_FN int gp_popc(uint32_t x) { return __popc(x); }
GP_FN int gp_popc64(uint64_t x) { return __popcll(x); }
GP_FN int gp_ctz64(uint64_t x) { return __ffsll((long long)x) - 1; } /* x non-zero */

#elif defined(GP_EMULATE_WARP)

#define GP_FN static inline
#define GP_LANES 32
extern _Thread_local int gp_emu_lane; /* this thread's lane */
void gp_emu_sync(void);               /* all 32 threads meet */
/* All 32 threads meet with x; op 0 add (mod 2^64), 1 or, 2 min, 3 max (as int64). */
uint64_t gp_emu_reduce(uint64_t x, int op);
#define GP_LANE gp_emu_lane
#define GP_SYNC() gp_emu_sync()
GP_FN uint32_t gp_sum(uint32_t x) { return (uint32_t)gp_emu_reduce(x, 0); }
GP_FN uint32_t gp_or(uint32_t x) { return (uint32_t)gp_emu_reduce(x, 1); }
GP_FN int gp_min(int x) { return (int)gp_emu_reduce((uint64_t)(int64_t)x, 2); }
GP_FN int gp_max(int x) { return (int)gp_emu_reduce((uint64_t)(int64_t)x, 3); }
GP_FN uint64_t gp_sum64(uint64_t x) { return gp_emu_reduce(x, 0); }

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

#define GP_FOR2(i, j, H, W) for (int i = 0; i < (H); i++) for (int j = 0; j < (W); j++)
#define GP_FOR(k, N) for (int k = 0; k < (N); k++)

#endif

#if !defined(__CUDACC__) || defined(GP_ONE_LANE)
/* The unaligned load and bit counts of one lane (CPU, CUDA's thread kernel) and of the emulated
 * warp. */
GP_FN uint64_t gp_load64(const uint8_t *p)
{
	uint64_t x;
	memcpy(&x, p, sizeof x);
	return x;
}
#ifdef __CUDACC__
GP_FN int gp_popc(uint32_t x) { return __popc(x); }
GP_FN int gp_popc64(uint64_t x) { return __popcll(x); }
GP_FN int gp_ctz64(uint64_t x) { return __ffsll((long long)x) - 1; } /* x non-zero */
#else
GP_FN int gp_popc(uint32_t x) { return arc_popcount64(x); }
GP_FN int gp_popc64(uint64_t x) { return arc_popcount64(x); }
GP_FN int gp_ctz64(uint64_t x) { return __builtin_ctzll(x); } /* x non-zero */
#endif
#endif

#if GP_LANES > 1
/* Every (i, j) of an H x W grid (1 <= W <= 32): the lanes split into 32 / W groups of W, lane
 * g * W + j takes column j of rows g, g + 32 / W, ...; the lanes past the last group idle. */
#define GP_FOR2(i, j, H, W)                                                                   \
	for (int gp_r_ = GP_LANES / (W), gp_g_ = GP_LANE / (W), j = GP_LANE - gp_g_ * (W),       \
	         gp_once_ = 1;                                                                  \
	     gp_once_; gp_once_ = 0)                                                            \
		for (int i = gp_g_ < gp_r_ ? gp_g_ : (H); i < (H); i += gp_r_)
#define GP_FOR(k, N) for (int k = GP_LANE; k < (N); k += GP_LANES)
#endif

#endif
