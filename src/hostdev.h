/* hostdev.h — the one macro that lets a small function be written once and compiled both by the
 * C compiler (CPU backend, runner) and by nvcc (CUDA backend): same source, same results; and
 * the bit count both sides use. */
#ifndef ARC_HOSTDEV_H
#define ARC_HOSTDEV_H

#include <stdint.h>

#ifdef __CUDACC__
#define ARC_HD __host__ __device__ static inline
#else
#define ARC_HD static inline
#endif

#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "arcbatt's grid words (grid_hash.h, gprog_ops.h) assume a little-endian machine"
#endif

/* The set bits of x: inline where the target has no popcount instruction (gcc's builtin is then
 * a library call, a dozen instructions more on the search's hot paths). */
ARC_HD int arc_popcount64(uint64_t x)
{
#if defined(__CUDA_ARCH__)
	return __popcll(x);
#elif defined(__POPCNT__)
	return __builtin_popcountll(x);
#else
	x -= x >> 1 & 0x5555555555555555ull;
	x = (x & 0x3333333333333333ull) + (x >> 2 & 0x3333333333333333ull);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
	return (int)((x * 0x0101010101010101ull) >> 56);
#endif
}

#endif
