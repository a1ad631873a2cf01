/* kernels.cuh — the item kernel's parameters and launch (kernels.cu), for backend_cuda.cu. */
#ifndef ARC_CUDA_KERNELS_CUH
#define ARC_CUDA_KERNELS_CUH

#include <cuda_runtime.h>
#include <stdint.h>

#include "batch.h"

#define KERNEL_WARPS 8 /* warps per block: one item per warp at a time */

/* One launch over items first .. first + count - 1 of a checked batch, in device memory. */
typedef struct kparams {
	const uint8_t *src_cells, *src_h, *src_w;                   /* the source pool */
	const uint8_t *want_cells, *want_h, *want_w;                /* the expected pool, or NULL */
	const uint16_t *want_pal;                                   /* its palettes */
	const gprog *prog;        /* prog[0] the identity, prog[1 + p] the batch's program p */
	const uint32_t *item_src, *item_prog, *item_want;           /* explicit form, or NULL */
	const uint32_t *src_want; /* product form: per source, or NULL */
	uint32_t nsrc;            /* sources (product form: items per program) */
	uint64_t first, count;    /* the items of this launch */
	unsigned flags;           /* batch_flags */
	batch_result *out;        /* count results, out[k] for item first + k */
	uint8_t *out_cells;       /* BATCH_CELLS: count * BATCH_STRIDE bytes, likewise */
} kparams;

/* Launches the item kernel on `blocks` blocks. */
cudaError_t cuda_items_launch(const kparams *p, int blocks, cudaStream_t s);
/* Resident blocks per multiprocessor for the item kernel. */
cudaError_t cuda_items_occupancy(int *blocks_per_sm);

#endif
