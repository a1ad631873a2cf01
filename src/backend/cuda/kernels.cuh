/* kernels.cuh — the item kernels' parameters and launches, for backend_cuda.cu: a warp per item
 * for grid programs (kernels.cu), a thread per item for batches without programs
 * (kernels_lane.cu). */
#ifndef ARC_CUDA_KERNELS_CUH
#define ARC_CUDA_KERNELS_CUH

#include <cuda_runtime.h>
#include <stdint.h>

#include "batch.h"
#include "gprog.h"

#define KERNEL_WARPS 8   /* warp kernel: warps per block, one item per warp at a time */
#define KERNEL_THREADS 256 /* thread kernel: threads per block */
#define KERNEL_ALIGN 16  /* device pools: grid k at cells + off[k] * 16, its h * w cells rounded
                            up to 16 bytes (whole words for every read of the item code) */

/* One launch over items first .. first + count - 1 of a checked batch, in device memory. */
typedef struct kparams {
	const uint8_t *src_cells, *src_h, *src_w;                   /* the source pool */
	const uint32_t *src_off;                                    /* its grids' offsets / 16 */
	const uint8_t *want_cells, *want_h, *want_w;                /* the expected pool, or NULL */
	const uint32_t *want_off;
	const uint16_t *want_pal;                                   /* its palettes */
	const gprog *prog;        /* prog[0] the identity, prog[1 + p] the batch's program p */
	const uint32_t *item_src, *item_prog, *item_want; /* explicit form: this launch's count
	                                                     entries (item first + k at k), or NULL */
	const uint32_t *src_want; /* product form: per source, or NULL */
	uint32_t nsrc;            /* sources (product form: items per program) */
	uint64_t first, count;    /* the items of this launch */
	unsigned flags;           /* batch_flags */
	batch_result *out;        /* count results, out[k] for item first + k */
	uint8_t *out_cells;       /* BATCH_CELLS: item first + k's cells at kernel_cells_at */
	const uint32_t *cell_off; /* packed cells: count + 1 offsets into out_cells (the batch's
	                             cell_off less that of item first); NULL: k * BATCH_STRIDE */
} kparams;

/* An item's expected grid: cells NULL (and the rest 0) for none. */
typedef struct ktarget {
	const uint8_t *cells;
	int h, w;
	uint32_t pal;
} ktarget;

/* The launch preamble both kernels share: want grid t of the batch (BATCH_NONE: none). */
__device__ static inline ktarget kernel_target(const kparams *p, uint32_t t)
{
	ktarget r = {NULL, 0, 0, 0};
	if (t != BATCH_NONE) {
		r.cells = p->want_cells + (size_t)p->want_off[t] * KERNEL_ALIGN;
		r.h = p->want_h[t], r.w = p->want_w[t], r.pal = p->want_pal[t];
	}
	return r;
}

/* Whether program g of the launch is one for the thread kernel (gprog_lanes_in_full), so
 * that a thread per item does 32 items' work in the time a warp does one. The warp kernel
 * takes the others. */
__device__ static inline bool kernel_serial(const kparams *p, uint32_t g)
{
	return gprog_lanes_in_full(&p->prog[g]);
}

/* Item first + k's source and program (1 + the batch's program, 0 the identity) and target. */
__device__ static inline void kernel_item(const kparams *p, uint64_t k, uint32_t *s, uint32_t *g,
                                          uint32_t *t)
{
	uint64_t item = p->first + k;
	if (p->item_src) {
		*s = p->item_src[k];
		*g = p->item_prog ? p->item_prog[k] + 1 : 0;
		*t = p->item_want ? p->item_want[k] : BATCH_NONE;
	} else {
		if (item <= UINT32_MAX) /* a 32-bit division is many times cheaper */
			*g = (uint32_t)item / p->nsrc + 1, *s = (uint32_t)item % p->nsrc;
		else
			*g = (uint32_t)(item / p->nsrc) + 1, *s = (uint32_t)(item % p->nsrc);
		*t = p->src_want ? p->src_want[*s] : BATCH_NONE;
	}
}

/* Where item first + k's cells go, and the 16-byte words of them that fit (n cells). */
__device__ static inline uint4 *kernel_cells_at(const kparams *p, uint64_t k, int n, int *words)
{
	int n16 = (n + 15) >> 4;
	if (!p->cell_off) {
		*words = n16;
		return (uint4 *)(p->out_cells + k * BATCH_STRIDE);
	}
	int room = (int)((p->cell_off[k + 1] - p->cell_off[k]) >> 4);
	*words = n16 < room ? n16 : room;
	return (uint4 *)(p->out_cells + p->cell_off[k]);
}

/* Launches the warp kernel on `blocks` blocks (any batch; with programs, the items that
 * kernel_serial does not give the thread kernel). */
cudaError_t cuda_items_launch(const kparams *p, int blocks, cudaStream_t s);
/* Resident blocks per multiprocessor for the warp kernel. */
cudaError_t cuda_items_occupancy(int *blocks_per_sm);
/* Launches the thread kernel on `blocks` blocks: explicit batches without programs, or (serial)
 * the items of a batch with programs that kernel_serial gives it, after the warp kernel. */
cudaError_t cuda_lane_launch(const kparams *p, int blocks, bool serial, cudaStream_t s);
/* Resident blocks per multiprocessor for the thread kernel. */
cudaError_t cuda_lane_occupancy(int *blocks_per_sm);

#endif
