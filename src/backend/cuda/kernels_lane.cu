/* kernels_lane.cu — the thread kernel: one thread per item for explicit batches without
 * programs (scoring candidates), the shared item code on one lane (GP_ONE_LANE: the CPU
 * backend's very loops), so a warp works on 32 items at once instead of idling most lanes on
 * one small grid. Results are written by item slot. */
#define GP_ONE_LANE 1
#include "kernels.cuh"

#include "gprog_ops.h"

/* Each thread goes through the items on its own (grid-stride). */
__global__ void __launch_bounds__(KERNEL_THREADS) lane_kernel(kparams p)
{
	const gprog identity = {0};
	const uint64_t step = (uint64_t)gridDim.x * KERNEL_THREADS;
	for (uint64_t k = (uint64_t)blockIdx.x * KERNEL_THREADS + threadIdx.x; k < p.count;
	     k += step) {
		uint32_t s = p.item_src[k], t = p.item_want ? p.item_want[k] : BATCH_NONE;
		ktarget tg = kernel_target(&p, t);
		const uint8_t *cells = NULL;
		batch_result r = gp_item(&identity, p.src_cells + (size_t)p.src_off[s] * KERNEL_ALIGN,
		                         p.src_h[s], p.src_w[s], tg.cells, tg.h, tg.w, tg.pal, p.flags,
		                         NULL, NULL, &cells);
		p.out[k] = r;
		if (p.flags & BATCH_CELLS) { /* the identity always succeeds: its source's cells */
			int n16;
			uint4 *dst = kernel_cells_at(&p, k, r.h * r.w, &n16);
			const uint4 *from = (const uint4 *)cells;
			for (int q = 0; q < n16; q++)
				dst[q] = from[q];
		}
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
