/* backend_cuda.cu — the CUDA backend. A batch's pools go to the device packed (each grid's
 * cells rounded up to 16 bytes, through pinned memory, one asynchronous copy) and stay there
 * while the pool is unchanged (batch_grids.stamp), so the expected grids and a search's sources
 * are uploaded once for many batches. The items then run in chunks on two streams: a chunk's
 * indices go up and its results come back through pinned buffers while the other stream's
 * chunk runs, and the host moves one chunk's results into place while the next computes.
 * Batches without programs run a thread per item, the others a warp per item. Every CUDA call
 * is checked: an error becomes an arc_error naming the file, line and call. Runs of several
 * threads go on at once, each in a slot of its own (streams, pools, buffers), up to
 * CUDA_SLOTS; a slot that holds the batch's sources is preferred. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <cuda_runtime.h>

#include "backend_cuda.h"
#include "kernels.cuh"
extern "C" {
#include "pool.h"
}

/* Host copies of more than HOST_PAR_BYTES (packing a pool, results into place) are split over
 * up to HOST_THREADS threads: one core moves ~5-10 GB/s of cold memory, a little over the
 * 0.1 ms a thread costs to start at 4 MB. */
#define HOST_THREADS 8
#define HOST_PAR_BYTES ((size_t)1 << 22)
#define HOST_PIECE ((size_t)1 << 20) /* bytes a thread claims at a time */

/* Items per chunk: about a quarter of the batch so that transfers and the host's copies overlap
 * the kernels, within [min, max]; min fills the device (a thread kernel wants ~2^18 threads),
 * max bounds the pinned buffers (48 MB of results, 64 MB of cells). */
#define CHUNK_MAX ((uint64_t)1 << 21)
#define CHUNK_MIN_WARP ((uint64_t)1 << 15)
#define CHUNK_MIN_LANE ((uint64_t)1 << 18)
#define CHUNK_MAX_CELLS ((uint64_t)1 << 16)
#define CHUNK_MIN_CELLS ((uint64_t)1 << 13)

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

/* A pool's device copy: packed cells, then offsets (uint32, in 16-byte units), h, w, palettes,
 * laid out alike in the pinned staging buffer and on the device. */
typedef struct dpool {
	dbuf dev, stage;
	uint64_t stamp;   /* the pool's stamp and size when copied; valid false: none */
	size_t n;
	bool valid;
	const uint8_t *cells, *h, *w; /* into dev */
	const uint32_t *off;
	const uint16_t *pal;
} dpool;

/* What one run uses: its streams, events, resident pools and buffers. Runs of different
 * slots go on at once (their kernels share the device); a slot serves one run at a time. */
typedef struct cuda_slot {
	cudaStream_t stream[2];     /* chunks alternate between them */
	cudaEvent_t k0[2], k1[2];   /* around each stream's last kernel */
	cudaEvent_t ready;          /* pools and programs on the device */
	cudaEvent_t base;           /* before the first kernel: the origin of the kernels' times */
	dpool src, want;
	dbuf prog, hprog;           /* programs: device, pinned */
	dbuf idx[2], hidx[2];       /* a chunk's item indices (and cell offsets), per stream:
	                               device, pinned */
	dbuf res[2], cells[2];      /* device results of a chunk, per stream */
	dbuf hres[2], hcells[2];    /* pinned host copies of them */
} cuda_slot;

/* Runs at once by default: one per worker of the 16-core GPU machine (ARC_CUDA_RUNS sets it,
 * 1..CUDA_SLOTS_MAX, for measurement; bench/search-gpu.sh compares 1 with the default). */
#define CUDA_SLOTS 16
#define CUDA_SLOTS_MAX 64

typedef struct cuda_ctx {
	pthread_mutex_t lock;       /* guards the slots' use */
	pthread_cond_t freed;       /* a slot became free */
	int blocks_warp, blocks_lane; /* resident blocks of the whole device, per kernel */
	cuda_slot *slot[CUDA_SLOTS_MAX]; /* made as runs need them, up to max */
	bool busy[CUDA_SLOTS_MAX];
	int nslot, max;
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

static size_t host_threads(void)
{
	size_t t = pool_cpu_count();
	return t < HOST_THREADS ? t : HOST_THREADS;
}

typedef struct copy_job {
	uint8_t *dst;
	const uint8_t *src;
	size_t n;
} copy_job;

static void copy_piece(void *ctx, size_t worker, size_t piece)
{
	copy_job *j = (copy_job *)ctx;
	size_t lo = piece * HOST_PIECE, len = j->n - lo < HOST_PIECE ? j->n - lo : HOST_PIECE;
	memcpy(j->dst + lo, j->src + lo, len);
}

/* memcpy, over several threads when large. */
static void host_copy(void *dst, const void *src, size_t n)
{
	if (n < HOST_PAR_BYTES) {
		memcpy(dst, src, n);
		return;
	}
	copy_job j = {(uint8_t *)dst, (const uint8_t *)src, n};
	pool_run(host_threads(), (n + HOST_PIECE - 1) / HOST_PIECE, copy_piece, &j);
}

typedef struct pack_job {
	const batch_grids *g;
	uint8_t *stage;
	const uint32_t *off; /* grid k's offset in the stage, in KERNEL_ALIGN units */
	size_t per;          /* grids a thread claims at a time */
} pack_job;

static void pack_piece(void *ctx, size_t worker, size_t piece)
{
	pack_job *j = (pack_job *)ctx;
	const batch_grids *g = j->g;
	size_t lo = piece * j->per, hi = g->n - lo < j->per ? g->n : lo + j->per;
	for (size_t k = lo; k < hi; k++)
		memcpy(j->stage + (size_t)j->off[k] * KERNEL_ALIGN, g->cells + k * BATCH_STRIDE,
		       ((size_t)g->h[k] * g->w[k] + KERNEL_ALIGN - 1) & ~(size_t)(KERNEL_ALIGN - 1));
}

/* Makes d a copy of pool g (unless it is one already), the copy queued on stream s. */
static cudaError_t upload_pool(dpool *d, const batch_grids *g, cudaStream_t s, uint64_t *bytes)
{
	if (d->valid && d->stamp == g->stamp && d->n == g->n)
		return cudaSuccess;
	d->valid = false;
	size_t n = g->n, units = 0;
	for (size_t k = 0; k < n; k++)
		units += ((size_t)g->h[k] * g->w[k] + KERNEL_ALIGN - 1) / KERNEL_ALIGN;
	size_t cells = units * KERNEL_ALIGN, total = cells + n * (sizeof(uint32_t) + 2 + sizeof(uint16_t));
	cudaError_t e = grow(&d->stage, total ? total : 1, true);
	if (e == cudaSuccess)
		e = grow(&d->dev, total ? total : 1, false);
	if (e != cudaSuccess)
		return e;
	uint8_t *st = (uint8_t *)d->stage.p;
	uint32_t *off = (uint32_t *)(st + cells);
	uint8_t *h = (uint8_t *)(off + n), *w = h + n;
	uint16_t *pal = (uint16_t *)(w + n);
	size_t at = 0;
	for (size_t k = 0; k < n; k++) {
		off[k] = (uint32_t)at;
		at += ((size_t)g->h[k] * g->w[k] + KERNEL_ALIGN - 1) / KERNEL_ALIGN;
	}
	pack_job j = {g, st, off, 4096};
	if (cells < HOST_PAR_BYTES)
		for (size_t q = 0; q * j.per < n; q++)
			pack_piece(&j, 0, q);
	else
		pool_run(host_threads(), (n + j.per - 1) / j.per, pack_piece, &j);
	memcpy(h, g->h, n), memcpy(w, g->w, n);
	if (g->palettes)
		memcpy(pal, g->pal, n * sizeof *pal);
	else
		memset(pal, 0, n * sizeof *pal);
	if (total && (e = cudaMemcpyAsync(d->dev.p, st, total, cudaMemcpyHostToDevice, s)) != cudaSuccess)
		return e;
	uint8_t *dv = (uint8_t *)d->dev.p;
	d->cells = dv, d->off = (const uint32_t *)(dv + cells);
	d->h = (const uint8_t *)(d->off + n), d->w = d->h + n, d->pal = (const uint16_t *)(d->w + n);
	d->stamp = g->stamp, d->n = n, d->valid = true;
	*bytes += total;
	return cudaSuccess;
}

/* Moves a chunk's results (and cells: packed, the chunk's bytes in one copy; else only the
 * h * w bytes each result has) from the pinned buffers of its stream into place. */
static void deliver(const cuda_slot *c, const batch *b, int slot, uint64_t first, uint64_t count,
                    batch_result *out)
{
	host_copy(out + first, c->hres[slot].p, count * sizeof *out);
	if ((b->flags & BATCH_CELLS) && b->cell_off) {
		uint64_t bytes = b->cell_off[first + count] - b->cell_off[first];
		if (bytes)
			host_copy(b->out_cells + b->cell_off[first], c->hcells[slot].p, bytes);
	} else if (b->flags & BATCH_CELLS) {
		const uint8_t *from = (const uint8_t *)c->hcells[slot].p;
		for (uint64_t k = 0; k < count; k++)
			memcpy(b->out_cells + (first + k) * BATCH_STRIDE, from + k * BATCH_STRIDE,
			       (size_t)out[first + k].h * out[first + k].w);
	}
}

static void free_buf(dbuf *b, bool pinned)
{
	if (b->p)
		pinned ? cudaFreeHost(b->p) : cudaFree(b->p);
	b->p = NULL, b->cap = 0;
}

static void slot_free(cuda_slot *c)
{
	dbuf *dev[] = {&c->src.dev, &c->want.dev, &c->prog,    &c->idx[0], &c->idx[1],
	               &c->res[0],  &c->res[1],   &c->cells[0], &c->cells[1]};
	dbuf *host[] = {&c->src.stage, &c->want.stage, &c->hprog,    &c->hidx[0], &c->hidx[1],
	                &c->hres[0],   &c->hres[1],    &c->hcells[0], &c->hcells[1]};
	for (size_t k = 0; k < sizeof dev / sizeof dev[0]; k++)
		free_buf(dev[k], false);
	for (size_t k = 0; k < sizeof host / sizeof host[0]; k++)
		free_buf(host[k], true);
	for (int k = 0; k < 2; k++) {
		if (c->stream[k])
			cudaStreamDestroy(c->stream[k]);
		if (c->k0[k])
			cudaEventDestroy(c->k0[k]);
		if (c->k1[k])
			cudaEventDestroy(c->k1[k]);
	}
	if (c->ready)
		cudaEventDestroy(c->ready);
	if (c->base)
		cudaEventDestroy(c->base);
	free(c);
}

static cudaError_t slot_new(cuda_slot **out)
{
	cuda_slot *c = (cuda_slot *)calloc(1, sizeof *c);
	*out = NULL;
	if (!c)
		return cudaErrorMemoryAllocation;
	cudaError_t e = cudaEventCreateWithFlags(&c->ready, cudaEventDisableTiming);
	if (e == cudaSuccess)
		e = cudaEventCreate(&c->base);
	for (int k = 0; k < 2 && e == cudaSuccess; k++) {
		e = cudaStreamCreateWithFlags(&c->stream[k], cudaStreamNonBlocking);
		if (e == cudaSuccess)
			e = cudaEventCreate(&c->k0[k]);
		if (e == cudaSuccess)
			e = cudaEventCreate(&c->k1[k]);
	}
	if (e != cudaSuccess)
		slot_free(c);
	else
		*out = c;
	return e;
}

/* A free slot for a run of b: one that holds b's source pool if free (a worker's batches
 * keep finding their sources resident), else any free one, else a new one up to max, else
 * the first to be freed. */
static cudaError_t take_slot(cuda_ctx *x, const batch *b, cuda_slot **out)
{
	cudaError_t e = cudaSuccess;
	pthread_mutex_lock(&x->lock);
	int k = -1;
	while (k < 0) {
		for (int q = 0; q < x->nslot; q++) {
			if (x->busy[q])
				continue;
			const dpool *d = &x->slot[q]->src;
			if (k < 0 || (d->valid && d->stamp == b->src->stamp && d->n == b->src->n))
				k = q;
		}
		if (k >= 0 || x->nslot < x->max)
			break;
		pthread_cond_wait(&x->freed, &x->lock);
	}
	if (k < 0 && (e = slot_new(&x->slot[x->nslot])) == cudaSuccess)
		k = x->nslot++;
	if (k >= 0)
		x->busy[k] = true, *out = x->slot[k];
	pthread_mutex_unlock(&x->lock);
	return e;
}

static void give_slot(cuda_ctx *x, cuda_slot *c)
{
	pthread_mutex_lock(&x->lock);
	for (int q = 0; q < x->nslot; q++)
		if (x->slot[q] == c)
			x->busy[q] = false;
	pthread_cond_signal(&x->freed);
	pthread_mutex_unlock(&x->lock);
}

static uint64_t chunk_items(uint64_t n, uint64_t lo, uint64_t hi)
{
	uint64_t q = ((n + 3) / 4 + 1023) & ~(uint64_t)1023;
	return q < lo ? lo : q > hi ? hi : q;
}

static arc_status cuda_run(void *vctx, const batch *b, batch_result *out, backend_info *info,
                           arc_error *err)
{
	cuda_ctx *x = (cuda_ctx *)vctx;
	arc_status st = ARC_OK;
	uint64_t to = 0, from = 0;
	/* device time: the union of the kernels' intervals (the two streams' kernels overlap) */
	double device_ms = 0, span0 = 0, span1 = -1;
	cuda_slot *c = NULL;
	CUDA_CHECK(take_slot(x, b, &c));
	kparams p;
	memset(&p, 0, sizeof p);
	{
		cudaStream_t s0 = c->stream[0];
		CUDA_CHECK(upload_pool(&c->src, b->src, s0, &to));
		p.src_cells = c->src.cells, p.src_off = c->src.off;
		p.src_h = c->src.h, p.src_w = c->src.w;
		if (b->want) {
			CUDA_CHECK(upload_pool(&c->want, b->want, s0, &to));
			p.want_cells = c->want.cells, p.want_off = c->want.off;
			p.want_h = c->want.h, p.want_w = c->want.w, p.want_pal = c->want.pal;
		}
		/* prog[0] the identity, then the batch's programs; the product form's src_want */
		size_t nsw = !b->item_src && b->src_want ? b->src->n : 0;
		size_t pbytes = (b->nprog + 1) * sizeof(gprog), swbytes = nsw * sizeof(uint32_t);
		CUDA_CHECK(grow(&c->prog, pbytes + swbytes, false));
		CUDA_CHECK(grow(&c->hprog, pbytes + swbytes, true));
		memset(c->hprog.p, 0, sizeof(gprog));
		if (b->nprog)
			memcpy((gprog *)c->hprog.p + 1, b->prog, b->nprog * sizeof(gprog));
		if (nsw)
			memcpy((uint8_t *)c->hprog.p + pbytes, b->src_want, swbytes);
		CUDA_CHECK(cudaMemcpyAsync(c->prog.p, c->hprog.p, pbytes + swbytes,
		                           cudaMemcpyHostToDevice, s0));
		to += pbytes + swbytes;
		p.prog = (const gprog *)c->prog.p;
		p.src_want = nsw ? (const uint32_t *)((uint8_t *)c->prog.p + pbytes) : NULL;
		CUDA_CHECK(cudaEventRecord(c->ready, s0));
		CUDA_CHECK(cudaEventRecord(c->base, s0));
		CUDA_CHECK(cudaStreamWaitEvent(c->stream[1], c->ready, 0));
		p.nsrc = (uint32_t)b->src->n;
		p.flags = b->flags;

		bool cells = (b->flags & BATCH_CELLS) != 0;
		bool lane = b->item_src && !b->item_prog; /* no programs: a thread per item */
		bool serial = false; /* some program for the thread kernel, after the warp kernel */
		for (size_t k = 0; k < b->nprog && !lane && !serial; k++)
			serial = gprog_lanes_in_full(&b->prog[k]);
		uint64_t n = b->nitems;
		uint64_t chunk = cells ? chunk_items(n, CHUNK_MIN_CELLS, CHUNK_MAX_CELLS)
		                       : chunk_items(n, lane ? CHUNK_MIN_LANE : CHUNK_MIN_WARP, CHUNK_MAX);
		uint64_t nchunks = (n + chunk - 1) / chunk;
		/* the explicit form's index arrays, each chunk's copied up with it */
		const uint32_t *idx[3] = {b->item_src, b->item_src ? b->item_prog : NULL,
		                          b->item_src ? b->item_want : NULL};
		for (uint64_t q = 0; q < nchunks + 2; q++) {
			int slot = (int)(q & 1);
			if (q >= 2) { /* chunk q - 2 used this slot: finish and deliver it */
				uint64_t f = (q - 2) * chunk, cnt = n - f < chunk ? n - f : chunk;
				CUDA_CHECK(cudaStreamSynchronize(c->stream[slot]));
				float a = 0, z = 0;
				CUDA_CHECK(cudaEventElapsedTime(&a, c->base, c->k0[slot]));
				CUDA_CHECK(cudaEventElapsedTime(&z, c->base, c->k1[slot]));
				if (span1 < 0 || a > span1) { /* a gap: the last span is complete */
					device_ms += span1 > span0 ? span1 - span0 : 0;
					span0 = a, span1 = z;
				} else {
					span0 = a < span0 ? a : span0, span1 = z > span1 ? z : span1;
				}
				deliver(c, b, slot, f, cnt, out);
			}
			if (q >= nchunks)
				continue;
			uint64_t f = q * chunk, cnt = n - f < chunk ? n - f : chunk;
			cudaStream_t s = c->stream[slot];
			size_t ib = cnt * sizeof(uint32_t);
			/* packed cells: the chunk's offsets from its first item's, after the indices */
			uint64_t cbytes = cells ? cnt * BATCH_STRIDE : 0;
			size_t ob = b->cell_off ? (cnt + 1) * sizeof(uint32_t) : 0;
			if (cells && b->cell_off) {
				cbytes = b->cell_off[f + cnt] - b->cell_off[f];
				if (cbytes > UINT32_MAX) {
					st = arc_error_set(err, ARC_E_USAGE, __FILE__, NULL, __LINE__, 0,
					                   "CUDA: %llu bytes of cells in a chunk (at most "
					                   "2^32 expected)", (unsigned long long)cbytes);
					goto fail;
				}
			}
			CUDA_CHECK(grow(&c->idx[slot], 3 * ib + ob, false));
			CUDA_CHECK(grow(&c->hidx[slot], 3 * ib + ob, true));
			p.cell_off = NULL;
			if (ob) {
				uint32_t *h = (uint32_t *)((uint8_t *)c->hidx[slot].p + 3 * ib);
				for (uint64_t k = 0; k <= cnt; k++)
					h[k] = (uint32_t)(b->cell_off[f + k] - b->cell_off[f]);
				uint8_t *d = (uint8_t *)c->idx[slot].p + 3 * ib;
				CUDA_CHECK(cudaMemcpyAsync(d, h, ob, cudaMemcpyHostToDevice, s));
				to += ob;
				p.cell_off = (const uint32_t *)d;
			}
			const uint32_t **dst[3] = {&p.item_src, &p.item_prog, &p.item_want};
			for (int a = 0; a < 3; a++) {
				*dst[a] = NULL;
				if (!idx[a])
					continue;
				uint8_t *h = (uint8_t *)c->hidx[slot].p + a * ib, *d = (uint8_t *)c->idx[slot].p + a * ib;
				host_copy(h, idx[a] + f, ib);
				CUDA_CHECK(cudaMemcpyAsync(d, h, ib, cudaMemcpyHostToDevice, s));
				to += ib;
				*dst[a] = (const uint32_t *)d;
			}
			CUDA_CHECK(grow(&c->res[slot], cnt * sizeof(batch_result), false));
			CUDA_CHECK(grow(&c->hres[slot], cnt * sizeof(batch_result), true));
			if (cbytes) {
				CUDA_CHECK(grow(&c->cells[slot], cbytes, false));
				CUDA_CHECK(grow(&c->hcells[slot], cbytes, true));
			}
			p.first = f, p.count = cnt;
			p.out = (batch_result *)c->res[slot].p;
			p.out_cells = cells ? (uint8_t *)c->cells[slot].p : NULL;
			CUDA_CHECK(cudaEventRecord(c->k0[slot], s));
			if (lane) {
				uint64_t want = (cnt + KERNEL_THREADS - 1) / KERNEL_THREADS;
				int blocks = want < (uint64_t)x->blocks_lane ? (int)want : x->blocks_lane;
				CUDA_CHECK(cuda_lane_launch(&p, blocks, false, s));
			} else {
				uint64_t want = (cnt + KERNEL_WARPS - 1) / KERNEL_WARPS;
				int blocks = want < (uint64_t)x->blocks_warp ? (int)want : x->blocks_warp;
				CUDA_CHECK(cuda_items_launch(&p, blocks, s));
				if (serial) {
					want = (cnt + KERNEL_THREADS - 1) / KERNEL_THREADS;
					blocks = want < (uint64_t)x->blocks_lane ? (int)want : x->blocks_lane;
					CUDA_CHECK(cuda_lane_launch(&p, blocks, true, s));
				}
			}
			CUDA_CHECK(cudaEventRecord(c->k1[slot], s));
			CUDA_CHECK(cudaMemcpyAsync(c->hres[slot].p, c->res[slot].p,
			                           cnt * sizeof(batch_result), cudaMemcpyDeviceToHost, s));
			from += cnt * sizeof(batch_result);
			if (cbytes) {
				CUDA_CHECK(cudaMemcpyAsync(c->hcells[slot].p, c->cells[slot].p, cbytes,
				                           cudaMemcpyDeviceToHost, s));
				from += cbytes;
			}
		}
	}
	/* with no chunk, nothing waited for the pools' copies, whose staging the next run rewrites */
	CUDA_CHECK(cudaStreamSynchronize(c->stream[0]));
	device_ms += span1 > span0 ? span1 - span0 : 0;
	info->bytes_to = to, info->bytes_from = from, info->device_s = device_ms * 1e-3;
fail:
	if (st != ARC_OK && c) { /* leave nothing in flight for the next run, and no half-made copy */
		cudaDeviceSynchronize();
		c->src.valid = c->want.valid = false;
	}
	if (c)
		give_slot(x, c);
	return st;
}

static const char *cuda_name(void *ctx)
{
	return "cuda";
}

static void cuda_free(void *vctx)
{
	cuda_ctx *x = (cuda_ctx *)vctx;
	if (!x)
		return;
	cudaDeviceSynchronize();
	for (int q = 0; q < x->nslot; q++)
		slot_free(x->slot[q]);
	pthread_cond_destroy(&x->freed);
	pthread_mutex_destroy(&x->lock);
	free(x);
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
	pthread_cond_init(&c->freed, NULL);
	const char *runs = getenv("ARC_CUDA_RUNS");
	c->max = runs ? atoi(runs) : CUDA_SLOTS;
	c->max = c->max < 1 ? 1 : c->max > CUDA_SLOTS_MAX ? CUDA_SLOTS_MAX : c->max;
	{
		int sms = 0, per_sm = 0, per_sm_lane = 0;
		CUDA_CHECK(cudaSetDevice(0));
		CUDA_CHECK(cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, 0));
		CUDA_CHECK(cuda_items_occupancy(&per_sm));
		CUDA_CHECK(cuda_lane_occupancy(&per_sm_lane));
		c->blocks_warp = sms * (per_sm > 0 ? per_sm : 1);
		c->blocks_lane = sms * (per_sm_lane > 0 ? per_sm_lane : 1);
		CUDA_CHECK(slot_new(&c->slot[0])); /* the first run's, so that a device fault shows now */
		c->nslot = 1;
	}
	out->iface = &cuda_iface;
	out->context = c;
	return ARC_OK;
fail:
	cuda_free(c);
	return st;
}
