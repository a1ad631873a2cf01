/* backend_cuda.cu — the CUDA backend: a batch's pools, programs and index arrays uploaded once
 * per run (the source and expected cells as 2-D copies of only the bytes their largest grid
 * uses), then the items in chunks on two streams, each chunk's results copied back through
 * pinned memory while the next chunk runs. Every CUDA call is checked: an error becomes an
 * arc_error naming the file, line and call. One run at a time per device (a mutex). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <cuda_runtime.h>

#include "backend_cuda.h"
#include "kernels.cuh"

#define CHUNK_ITEMS ((uint64_t)1 << 21)       /* items per launch (48 MB of results) */
#define CHUNK_ITEMS_CELLS ((uint64_t)1 << 16) /* with BATCH_CELLS (64 MB of cells) */

/* CUDA_CHECK(call): on an error, fill err with where and what, and go to `fail`. */
#define CUDA_CHECK(call)                                                                  \
	do {                                                                              \
		cudaError_t e_ = (call);                                                  \
		if (e_ != cudaSuccess) {                                                  \
			st = arc_error_set(err,                                           \
			                   e_ == cudaErrorMemoryAllocation ? ARC_E_NOMEM  \
			                                                   : ARC_E_INTERNAL, \
			                   __FILE__, NULL, __LINE__, 0, "CUDA: %s: %s", #call, \
			                   cudaGetErrorString(e_));                       \
			goto fail;                                                        \
		}                                                                         \
	} while (0)

/* A device (or pinned host) buffer that only grows. */
typedef struct dbuf {
	void *p;
	size_t cap; /* bytes */
} dbuf;

typedef struct cuda_ctx {
	pthread_mutex_t lock;       /* one run at a time */
	int blocks;                 /* blocks per launch: resident blocks of the whole device */
	cudaStream_t stream[2];     /* chunks alternate between them */
	cudaEvent_t k0[2], k1[2];   /* around each stream's last kernel */
	dbuf src_cells, src_h, src_w, want_cells, want_h, want_w, want_pal, prog;
	dbuf item_src, item_prog, item_want, src_want;
	dbuf res[2], cells[2];      /* device results of a chunk, per stream */
	dbuf hres[2], hcells[2];    /* pinned host copies of them */
} cuda_ctx;

static cudaError_t grow(dbuf *b, size_t bytes, bool pinned)
{
	if (bytes <= b->cap)
		return cudaSuccess;
	size_t cap = b->cap ? b->cap : 4096;
	while (cap < bytes)
		cap *= 2;
	cudaError_t e = pinned ? cudaFreeHost(b->p) : cudaFree(b->p);
	b->p = NULL, b->cap = 0;
	if (e != cudaSuccess)
		return e;
	e = pinned ? cudaMallocHost(&b->p, cap) : cudaMalloc(&b->p, cap);
	if (e == cudaSuccess)
		b->cap = cap;
	return e;
}

/* Copies n bytes to a device buffer grown to fit; counts them. */
static cudaError_t upload(dbuf *b, const void *host, size_t n, uint64_t *bytes)
{
	cudaError_t e = grow(b, n ? n : 1, false);
	if (e == cudaSuccess && n)
		e = cudaMemcpy(b->p, host, n, cudaMemcpyHostToDevice);
	*bytes += n;
	return e;
}

/* A pool's cells, each grid's first `width` bytes (its largest grid's, rounded to 16). */
static cudaError_t upload_cells(dbuf *b, const batch_grids *g, uint64_t *bytes)
{
	size_t width = 16;
	for (size_t k = 0; k < g->n; k++) {
		size_t m = ((size_t)g->h[k] * g->w[k] + 15) & ~(size_t)15;
		width = m > width ? m : width;
	}
	cudaError_t e = grow(b, g->n ? g->n * BATCH_STRIDE : 1, false);
	if (e == cudaSuccess && g->n)
		e = cudaMemcpy2D(b->p, BATCH_STRIDE, g->cells, BATCH_STRIDE, width, g->n,
		                 cudaMemcpyHostToDevice);
	*bytes += g->n * width;
	return e;
}

/* Copies chunk c's results (and cells) from the pinned buffers of its stream into place. */
static void deliver(const cuda_ctx *c, const batch *b, int slot, uint64_t first, uint64_t count,
                    batch_result *out)
{
	memcpy(out + first, c->hres[slot].p, count * sizeof *out);
	if (b->flags & BATCH_CELLS)
		memcpy(b->out_cells + first * BATCH_STRIDE, c->hcells[slot].p, count * BATCH_STRIDE);
}

static arc_status cuda_run(void *vctx, const batch *b, batch_result *out, backend_info *info,
                           arc_error *err)
{
	cuda_ctx *c = (cuda_ctx *)vctx;
	arc_status st = ARC_OK;
	uint64_t to = 0, from = 0;
	double device_ms = 0;
	pthread_mutex_lock(&c->lock);
	kparams p;
	memset(&p, 0, sizeof p);
	{
		CUDA_CHECK(upload_cells(&c->src_cells, b->src, &to));
		CUDA_CHECK(upload(&c->src_h, b->src->h, b->src->n, &to));
		CUDA_CHECK(upload(&c->src_w, b->src->w, b->src->n, &to));
		const batch_grids *w = b->want;
		if (w) {
			CUDA_CHECK(upload_cells(&c->want_cells, w, &to));
			CUDA_CHECK(upload(&c->want_h, w->h, w->n, &to));
			CUDA_CHECK(upload(&c->want_w, w->w, w->n, &to));
			CUDA_CHECK(upload(&c->want_pal, w->pal, w->n * sizeof *w->pal, &to));
			p.want_cells = (const uint8_t *)c->want_cells.p;
			p.want_h = (const uint8_t *)c->want_h.p, p.want_w = (const uint8_t *)c->want_w.p;
			p.want_pal = (const uint16_t *)c->want_pal.p;
		}
		/* prog[0] the identity, then the batch's programs */
		CUDA_CHECK(grow(&c->prog, (b->nprog + 1) * sizeof(gprog), false));
		CUDA_CHECK(cudaMemset(c->prog.p, 0, sizeof(gprog)));
		if (b->nprog)
			CUDA_CHECK(cudaMemcpy((gprog *)c->prog.p + 1, b->prog, b->nprog * sizeof(gprog),
			                      cudaMemcpyHostToDevice));
		to += b->nprog * sizeof(gprog);
		size_t idx = b->nitems * sizeof(uint32_t);
		if (b->item_src) {
			CUDA_CHECK(upload(&c->item_src, b->item_src, idx, &to));
			p.item_src = (const uint32_t *)c->item_src.p;
			if (b->item_prog) {
				CUDA_CHECK(upload(&c->item_prog, b->item_prog, idx, &to));
				p.item_prog = (const uint32_t *)c->item_prog.p;
			}
			if (b->item_want) {
				CUDA_CHECK(upload(&c->item_want, b->item_want, idx, &to));
				p.item_want = (const uint32_t *)c->item_want.p;
			}
		} else if (b->src_want) {
			CUDA_CHECK(upload(&c->src_want, b->src_want, b->src->n * sizeof(uint32_t), &to));
			p.src_want = (const uint32_t *)c->src_want.p;
		}
		p.src_cells = (const uint8_t *)c->src_cells.p;
		p.src_h = (const uint8_t *)c->src_h.p, p.src_w = (const uint8_t *)c->src_w.p;
		p.prog = (const gprog *)c->prog.p;
		p.nsrc = (uint32_t)b->src->n;
		p.flags = b->flags;

		bool cells = (b->flags & BATCH_CELLS) != 0;
		uint64_t chunk = cells ? CHUNK_ITEMS_CELLS : CHUNK_ITEMS, n = b->nitems;
		uint64_t nchunks = (n + chunk - 1) / chunk;
		for (uint64_t q = 0; q < nchunks + 2; q++) {
			int slot = (int)(q & 1);
			if (q >= 2) { /* chunk q - 2 used this slot: finish and deliver it */
				uint64_t f = (q - 2) * chunk, cnt = n - f < chunk ? n - f : chunk;
				CUDA_CHECK(cudaStreamSynchronize(c->stream[slot]));
				float ms = 0;
				CUDA_CHECK(cudaEventElapsedTime(&ms, c->k0[slot], c->k1[slot]));
				device_ms += ms;
				deliver(c, b, slot, f, cnt, out);
			}
			if (q >= nchunks)
				continue;
			uint64_t f = q * chunk, cnt = n - f < chunk ? n - f : chunk;
			CUDA_CHECK(grow(&c->res[slot], cnt * sizeof(batch_result), false));
			CUDA_CHECK(grow(&c->hres[slot], cnt * sizeof(batch_result), true));
			if (cells) {
				CUDA_CHECK(grow(&c->cells[slot], cnt * BATCH_STRIDE, false));
				CUDA_CHECK(grow(&c->hcells[slot], cnt * BATCH_STRIDE, true));
			}
			p.first = f, p.count = cnt;
			p.out = (batch_result *)c->res[slot].p;
			p.out_cells = cells ? (uint8_t *)c->cells[slot].p : NULL;
			uint64_t want_blocks = (cnt + KERNEL_WARPS - 1) / KERNEL_WARPS;
			int blocks = want_blocks < (uint64_t)c->blocks ? (int)want_blocks : c->blocks;
			cudaStream_t s = c->stream[slot];
			CUDA_CHECK(cudaEventRecord(c->k0[slot], s));
			CUDA_CHECK(cuda_items_launch(&p, blocks, s));
			CUDA_CHECK(cudaEventRecord(c->k1[slot], s));
			CUDA_CHECK(cudaMemcpyAsync(c->hres[slot].p, c->res[slot].p,
			                           cnt * sizeof(batch_result), cudaMemcpyDeviceToHost, s));
			from += cnt * sizeof(batch_result);
			if (cells) {
				CUDA_CHECK(cudaMemcpyAsync(c->hcells[slot].p, c->cells[slot].p,
				                           cnt * BATCH_STRIDE, cudaMemcpyDeviceToHost, s));
				from += cnt * BATCH_STRIDE;
			}
		}
	}
	info->bytes_to = to, info->bytes_from = from, info->device_s = device_ms * 1e-3;
fail:
	if (st != ARC_OK) /* leave nothing in flight for the next run */
		cudaDeviceSynchronize();
	pthread_mutex_unlock(&c->lock);
	return st;
}

static const char *cuda_name(void *ctx)
{
	return "cuda";
}

static void free_buf(dbuf *b, bool pinned)
{
	if (b->p)
		pinned ? cudaFreeHost(b->p) : cudaFree(b->p);
	b->p = NULL, b->cap = 0;
}

static void cuda_free(void *vctx)
{
	cuda_ctx *c = (cuda_ctx *)vctx;
	if (!c)
		return;
	cudaDeviceSynchronize();
	dbuf *dev[] = {&c->src_cells, &c->src_h,    &c->src_w,     &c->want_cells, &c->want_h,
	               &c->want_w,    &c->want_pal, &c->prog,      &c->item_src,   &c->item_prog,
	               &c->item_want, &c->src_want, &c->res[0],    &c->res[1],     &c->cells[0],
	               &c->cells[1]};
	for (size_t k = 0; k < sizeof dev / sizeof dev[0]; k++)
		free_buf(dev[k], false);
	for (int k = 0; k < 2; k++) {
		free_buf(&c->hres[k], true), free_buf(&c->hcells[k], true);
		if (c->stream[k])
			cudaStreamDestroy(c->stream[k]);
		if (c->k0[k])
			cudaEventDestroy(c->k0[k]);
		if (c->k1[k])
			cudaEventDestroy(c->k1[k]);
	}
	pthread_mutex_destroy(&c->lock);
	free(c);
}

static const struct backend_i cuda_iface = {
	cuda_name, /* name */
	NULL,      /* supports: every batch */
	cuda_run,  /* run */
	cuda_free, /* free */
};

bool backend_cuda_probe(char *why, size_t n)
{
	int count = 0;
	cudaError_t e = cudaGetDeviceCount(&count);
	if (e != cudaSuccess || count == 0) {
		if (why && n)
			snprintf(why, n, "%s", e != cudaSuccess ? cudaGetErrorString(e) : "no CUDA device");
		return false;
	}
	return true;
}

arc_status backend_cuda_init(backend_impl *out, arc_error *err)
{
	arc_status st = ARC_OK;
	cuda_ctx *c = (cuda_ctx *)calloc(1, sizeof *c);
	if (!c)
		return arc_error_set(err, ARC_E_NOMEM, NULL, NULL, 0, 0, "out of memory for a backend");
	pthread_mutex_init(&c->lock, NULL);
	{
		int sms = 0, per_sm = 0;
		CUDA_CHECK(cudaSetDevice(0));
		CUDA_CHECK(cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, 0));
		CUDA_CHECK(cuda_items_occupancy(&per_sm));
		c->blocks = sms * (per_sm > 0 ? per_sm : 1);
		for (int k = 0; k < 2; k++) {
			CUDA_CHECK(cudaStreamCreate(&c->stream[k]));
			CUDA_CHECK(cudaEventCreate(&c->k0[k]));
			CUDA_CHECK(cudaEventCreate(&c->k1[k]));
		}
	}
	out->iface = &cuda_iface;
	out->context = c;
	return ARC_OK;
fail:
	cuda_free(c);
	return st;
}
