/* kernels_lane.cu — the thread kernel: one thread per item for explicit batches without
 * programs (scoring candidates), the shared item code on one lane (GP_ONE_LANE: the CPU
 * backend's very loops), so a warp works on 32 items at once instead of idling most lanes on
 * one small grid. Results are written by item slot. */
#define GP_ONE_LANE 1
#include "kernels.cuh"

#include "gprog_ops.h"

#define SIZE_CLASSES 16 /* grids by words / 8 (1..113 words: classes 0..14), 15 for no item */

/* A tile of KERNEL_THREADS items at a time. Threads take their tile's items in order of size
 * (a counting sort by size class in shared memory), so the 32 items of a warp have about the
 * same number of words: in input order the largest of 32 random grids would hold every lane
 * for several times the average. Which thread takes which item never shows: results go by
 * item slot. */
#ifndef LANE_MIN_BLOCKS
#define LANE_MIN_BLOCKS 1
#endif
__global__ void __launch_bounds__(KERNEL_THREADS, LANE_MIN_BLOCKS) lane_kernel(kparams p)
{
	__shared__ uint32_t count[SIZE_CLASSES], first[SIZE_CLASSES];
	__shared__ uint16_t order[KERNEL_THREADS];
	const gprog identity = {0};
	const int tid = (int)threadIdx.x;
	for (uint64_t base = (uint64_t)blockIdx.x * KERNEL_THREADS; base < p.count;
	     base += (uint64_t)gridDim.x * KERNEL_THREADS) {
		if (tid < SIZE_CLASSES)
			count[tid] = 0;
		__syncthreads();
		uint64_t mine = base + tid;
		int cls = SIZE_CLASSES - 1;
		if (mine < p.count) {
			uint32_t s = p.item_src[mine];
			cls = (((p.src_h[s] * p.src_w[s] + 7) >> 3) - 1) >> 3;
		}
		uint32_t at = atomicAdd(&count[cls], 1u);
		__syncthreads();
		if (tid == 0)
			for (int c = 0, sum = 0; c < SIZE_CLASSES; c++)
				first[c] = sum, sum += count[c];
		__syncthreads();
		order[first[cls] + at] = (uint16_t)tid;
		__syncthreads();
		uint64_t k = base + order[tid];
		if (k < p.count) {
			uint32_t s = p.item_src[k], t = p.item_want ? p.item_want[k] : BATCH_NONE;
			const uint8_t *tc = NULL;
			int th = 0, tw = 0;
			uint32_t tpal = 0;
			if (t != BATCH_NONE) {
				tc = p.want_cells + (size_t)p.want_off[t] * KERNEL_ALIGN;
				th = p.want_h[t], tw = p.want_w[t], tpal = p.want_pal[t];
			}
			const uint8_t *cells = NULL;
			batch_result r = gp_item(&identity,
			                         p.src_cells + (size_t)p.src_off[s] * KERNEL_ALIGN,
			                         p.src_h[s], p.src_w[s], tc, th, tw, tpal, p.flags, NULL,
			                         NULL, &cells);
			p.out[k] = r;
			if (p.flags & BATCH_CELLS) { /* the identity always succeeds: its source's cells */
				int n16 = (r.h * r.w + 15) >> 4;
				uint4 *dst = (uint4 *)(p.out_cells + k * BATCH_STRIDE);
				const uint4 *from = (const uint4 *)cells;
				for (int q = 0; q < n16; q++)
					dst[q] = from[q];
			}
		}
		__syncthreads(); /* count and order are the next tile's */
	}
}

cudaError_t cuda_lane_launch(const kparams *p, int blocks, cudaStream_t s)
{
	lane_kernel<<<blocks, KERNEL_THREADS, 0, s>>>(*p);
	return cudaGetLastError();
}

cudaError_t cuda_lane_occupancy(int *blocks_per_sm)
{
	return cudaOccupancyMaxActiveBlocksPerMultiprocessor(blocks_per_sm, lane_kernel,
	                                                     KERNEL_THREADS, 0);
}
