/* kernels.cu — the warp kernel: one warp per item (a grid program on a source grid, then hashed
 * and scored), through the same code as the CPU backend (gprog_ops.h over lanes.h), with the
 * warp's source grid and its two result buffers in shared memory. Results are written by item
 * slot. */
#include "kernels.cuh"

#include "gprog_ops.h"

/* 6 resident blocks of 8 warps (at most 40 registers): on the H200, prog1 at 10^6 items ran at
 * 806M items/s against 668M with the compiler's 48 registers and 5 blocks; 8 blocks (32
 * registers, more spills) ran at 633M (bench/batch). */
#define KERNEL_MIN_BLOCKS 6

__global__ void __launch_bounds__(KERNEL_WARPS * 32, KERNEL_MIN_BLOCKS) items_kernel(kparams p)
{
	__shared__ __align__(16) uint8_t buf[KERNEL_WARPS][3][BATCH_STRIDE];
	const int warp = (int)(threadIdx.x >> 5), lane = GP_LANE;
	const uint64_t step = (uint64_t)gridDim.x * KERNEL_WARPS;
	for (uint64_t k = (uint64_t)blockIdx.x * KERNEL_WARPS + warp; k < p.count; k += step) {
		uint32_t s, g, t;
		kernel_item(&p, k, &s, &g, &t);
		if (g && kernel_serial(&p, g))
			continue; /* the thread kernel's */
		ktarget tg = kernel_target(&p, t);
		const uint8_t *src = p.src_cells + (size_t)p.src_off[s] * KERNEL_ALIGN;
		int h = p.src_h[s], w = p.src_w[s];
		{ /* the source into shared memory first: all its loads in flight at once, rather than
		     a round trip to L2 for each row of an op's gather (prog3 at 10^6 items: 342M
		     items/s, 309M without) */
			int n16 = (h * w + 15) >> 4;
			const uint4 *from = (const uint4 *)src;
			uint4 *to = (uint4 *)buf[warp][2];
			for (int q = lane; q < n16; q += 32)
				to[q] = from[q];
			__syncwarp();
			src = buf[warp][2];
		}
		const uint8_t *cells = NULL;
		batch_result r = gp_item(&p.prog[g], src, h, w, NULL, tg.cells, tg.h, tg.w, tg.pal, p.flags,
		                         buf[warp][0], buf[warp][1], &cells);
		if (lane == 0)
			p.out[k] = r;
		if ((p.flags & BATCH_CELLS) && r.status == BATCH_OK) {
			int n16;
			uint4 *dst = kernel_cells_at(&p, k, r.h * r.w, &n16);
			const uint4 *from = (const uint4 *)cells;
			for (int q = lane; q < n16; q += 32)
				dst[q] = from[q];
		}
		__syncwarp();
	}
}

cudaError_t cuda_items_launch(const kparams *p, int blocks, cudaStream_t s)
{
	items_kernel<<<blocks, KERNEL_WARPS * 32, 0, s>>>(*p);
	return cudaGetLastError();
}

cudaError_t cuda_items_occupancy(int *blocks_per_sm)
{
	return cudaOccupancyMaxActiveBlocksPerMultiprocessor(blocks_per_sm, items_kernel,
	                                                     KERNEL_WARPS * 32, 0);
}
