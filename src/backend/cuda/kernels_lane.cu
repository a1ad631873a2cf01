/* kernels_lane.cu — the thread kernel: one thread per item for explicit batches without
 * programs (scoring candidates) and for the items whose programs the warp kernel leaves to it
 * (kernel_serial: ops that every lane of a warp would compute in full), the shared item code
 * on one lane (GP_ONE_LANE: the CPU backend's very loops), so a warp works on 32 items at once
 * instead of idling most lanes on one small grid, or computing one item 32 times over. Results
 * are written by item slot. */
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
		                         p.src_h[s], p.src_w[s], NULL, tg.cells, tg.h, tg.w, tg.pal, p.flags,
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

/* The items of serial programs, a thread each, its two result buffers in local memory. */
__global__ void __launch_bounds__(KERNEL_THREADS) serial_kernel(kparams p)
{
	__align__(16) uint8_t buf[2][BATCH_STRIDE];
	const uint64_t step = (uint64_t)gridDim.x * KERNEL_THREADS;
	for (uint64_t k = (uint64_t)blockIdx.x * KERNEL_THREADS + threadIdx.x; k < p.count;
	     k += step) {
		uint32_t s, g, t;
		kernel_item(&p, k, &s, &g, &t);
		if (!g || !kernel_serial(&p, g))
			continue; /* the warp kernel's */
		ktarget tg = kernel_target(&p, t);
		const uint8_t *cells = NULL;
		batch_result r = gp_item(&p.prog[g], p.src_cells + (size_t)p.src_off[s] * KERNEL_ALIGN,
		                         p.src_h[s], p.src_w[s], NULL, tg.cells, tg.h, tg.w, tg.pal, p.flags,
		                         buf[0], buf[1], &cells);
		p.out[k] = r;
		if ((p.flags & BATCH_CELLS) && r.status == BATCH_OK) {
			int n16;
			uint4 *dst = kernel_cells_at(&p, k, r.h * r.w, &n16);
			for (int q = 0; q < n16; q++) {
				uint4 v;
				memcpy(&v, cells + 16 * q, sizeof v);
				dst[q] = v;
			}
		}
	}
}

cudaError_t cuda_lane_launch(const kparams *p, int blocks, bool serial, cudaStream_t s)
{
	if (serial)
		serial_kernel<<<blocks, KERNEL_THREADS, 0, s>>>(*p);
	else
		lane_kernel<<<blocks, KERNEL_THREADS, 0, s>>>(*p);
	return cudaGetLastError();
}

cudaError_t cuda_lane_occupancy(int *blocks_per_sm)
{
	return cudaOccupancyMaxActiveBlocksPerMultiprocessor(blocks_per_sm, lane_kernel,
	                                                     KERNEL_THREADS, 0);
}
