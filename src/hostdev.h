/* hostdev.h — the one macro that lets a small function be written once and compiled both by the
 * C compiler (CPU backend, runner) and by nvcc (CUDA backend): same source, same results. */
#ifndef ARC_HOSTDEV_H
#define ARC_HOSTDEV_H

#ifdef __CUDACC__
#define ARC_HD __host__ __device__ static inline
#else
#define ARC_HD static inline
#endif

#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "arcbatt's grid words (grid_hash.h, gprog_ops.h) assume a little-endian machine"
#endif

#endif
