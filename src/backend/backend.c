/* backend.c — opening the backends, the defaults of their optional members, and the choice of
 * an implementation per batch: CUDA when it was asked for, or (auto) when the batch has at
 * least gpu_min_items items; the CPU otherwise and for whatever CUDA does not support. Auto
 * opens the GPU at its first such batch, so runs that never have one (the runner's) never pay
 * for a CUDA context. */
#include "backend.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#ifdef ARC_CUDA
#include "cuda/backend_cuda.h"
#endif

struct backend {
	backend_impl cpu;       /* always open */
	backend_impl cuda;      /* iface NULL when not open */
	arc_backend_kind kind;  /* as asked for */
	size_t gpu_min_items;   /* auto's crossover */
	bool cuda_tried;        /* auto: the GPU was looked for (guarded by lock) */
	bool as_device;         /* backend_opts.as_device */
	pthread_mutex_t lock;   /* auto's first large batch opens the GPU */
};

bool arc_backend_available(arc_backend_kind kind, char *why, size_t n)
{
	if (why && n)
		why[0] = 0;
	if (kind != ARC_BACKEND_CUDA)
		return true;
#ifdef ARC_CUDA
	return backend_cuda_probe(why, n);
#else
	if (why && n)
		snprintf(why, n, "this build has no CUDA backend (build with make CUDA=1)");
	return false;
#endif
}

/* Opens the CUDA implementation if there is a device; why says otherwise. */
static void open_cuda(backend *be, char *why, size_t n)
{
	be->cuda_tried = true;
	if (!arc_backend_available(ARC_BACKEND_CUDA, why, n))
		return;
#ifdef ARC_CUDA
	arc_error e = {0};
	if (backend_cuda_init(&be->cuda, &e) != ARC_OK) {
		be->cuda.iface = NULL;
		snprintf(why, n, "%s", e.message);
	}
#endif
}

arc_status backend_open(const backend_opts *o, backend **out, char *notice, size_t n,
                        arc_error *err)
{
	*out = NULL;
	if (notice && n)
		notice[0] = 0;
	backend *be = calloc(1, sizeof *be);
	if (!be)
		return arc_error_set(err, ARC_E_NOMEM, NULL, NULL, 0, 0, "out of memory for a backend");
	be->kind = o->kind;
	be->as_device = o->as_device;
	be->gpu_min_items = o->gpu_min_items ? o->gpu_min_items : BACKEND_GPU_MIN_ITEMS;
	arc_status st = backend_cpu_init(o->threads, &be->cpu, err);
	if (st != ARC_OK) {
		free(be);
		return st;
	}
	pthread_mutex_init(&be->lock, NULL);
	char why[sizeof ((arc_error *)0)->message] = "";
	if (o->kind == ARC_BACKEND_CUDA)
		open_cuda(be, why, sizeof why);
	if (!be->cuda.iface && o->kind == ARC_BACKEND_CUDA && notice && n)
		snprintf(notice, n, "no CUDA backend: %s; running on the CPU", why);
	*out = be;
	return ARC_OK;
}

static bool supports(const backend_impl *b, const batch *bt)
{
	return b->iface && (!b->iface->supports || b->iface->supports(b->context, bt));
}

/* Whether a batch of n items goes to the GPU when it has one (auto: opened at the first). */
static bool wants_gpu(backend *be, size_t n)
{
	bool gpu = be->kind == ARC_BACKEND_CUDA ||
	           (be->kind == ARC_BACKEND_AUTO && n >= be->gpu_min_items);
	if (gpu && be->kind == ARC_BACKEND_AUTO) {
		pthread_mutex_lock(&be->lock);
		if (!be->cuda_tried) {
			char why[sizeof ((arc_error *)0)->message];
			open_cuda(be, why, sizeof why);
		}
		pthread_mutex_unlock(&be->lock);
	}
	return gpu;
}

bool backend_on_device(backend *be, size_t nitems)
{
	return be->as_device || (wants_gpu(be, nitems) && be->cuda.iface);
}

arc_status backend_run(backend *be, batch *b, batch_result *out, backend_info *info,
                       arc_error *err)
{
	arc_status st = batch_check(b, err);
	if (st != ARC_OK)
		return st;
	backend_info dummy;
	if (!info)
		info = &dummy;
	*info = (backend_info){.device = "cpu"};
	if (!b->nitems)
		return ARC_OK;
	const backend_impl *impl = wants_gpu(be, b->nitems) && supports(&be->cuda, b) ? &be->cuda
	                                                                           : &be->cpu;
	st = impl->iface->run(impl->context, b, out, info, err);
	info->device = impl->iface->name(impl->context);
	return st;
}

const char *backend_name(const backend *be)
{
#ifdef ARC_CUDA
	if (be->kind == ARC_BACKEND_AUTO)
		return "auto";
#endif
	return be->cuda.iface ? "cuda" : "cpu";
}

bool backend_has_cuda(const backend *be)
{
	return be->cuda.iface != NULL;
}

static void impl_free(backend_impl *b)
{
	if (b->iface && b->iface->free)
		b->iface->free(b->context);
}

void backend_close(backend *be)
{
	if (!be)
		return;
	impl_free(&be->cuda);
	impl_free(&be->cpu);
	pthread_mutex_destroy(&be->lock);
	free(be);
}
