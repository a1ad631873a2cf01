/* backend.h — the batch backends, in the manner of ggml-backend: an implementation is a small
 * table of functions (backend_i) and a context; backend.c adds the defaults for the optional
 * members, picks the implementation per batch (auto | cpu | cuda, by the measured crossover)
 * and falls back to the CPU for whatever an implementation does not support. The runner and the
 * search talk to `backend` only. Every implementation gives the same bytes for the same batch. */
#ifndef ARC_BACKEND_H
#define ARC_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "arcbatt.h"
#include "batch.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What one run cost (filled by the implementation that ran it; backend_run sets device). */
typedef struct backend_info {
	const char *device;  /* the implementation's name: "cpu" or "cuda" */
	uint64_t bytes_to;   /* host -> device bytes */
	uint64_t bytes_from; /* device -> host bytes */
	double device_s;     /* time the device spent running kernels (the union of their
	                        intervals), when the device times it */
} backend_info;

/* An implementation. Every member may be called from several threads at once. */
struct backend_i {
	/* "cpu", "cuda": a static string. */
	const char *(*name)(void *ctx);
	/* Whether it can run b (a checked batch). Optional: NULL means everything. */
	bool (*supports)(void *ctx, const batch *b);
	/* Runs checked batch b: out[k] for every item k (and b->out_cells with BATCH_CELLS). */
	arc_status (*run)(void *ctx, const batch *b, batch_result *out, backend_info *info,
	                  arc_error *err);
	/* Releases ctx. Optional: NULL means nothing to release. */
	void (*free)(void *ctx);
};

typedef struct backend_impl {
	const struct backend_i *iface;
	void *context;
} backend_impl;

typedef struct backend_opts {
	arc_backend_kind kind; /* ARC_BACKEND_AUTO, _CPU or _CUDA */
	size_t threads;        /* CPU workers for one batch: 0 one per core, 1 the caller's thread */
	size_t gpu_min_items;  /* auto: batches of at least this many items go to the GPU
	                          (0: BACKEND_GPU_MIN_ITEMS) */
	bool as_device;        /* tests: backend_on_device says true for the CPU too, so that the
	                          callers' paths for a device run (and are compared) without one */
} backend_opts;

/* Auto's crossover: below this many items a batch runs on the CPU even when a GPU is there.
 * bench/batch on the H200 with 16 cores, transfers included: at 1000 items the GPU ran scoring
 * at 10.3M items/s against 5.9M, one-op programs at 41M against 3.7M, three ops at 32M against
 * 1.5M; at 100 items it lost on scoring (2.2M against 6.8M) and on three ops (4.5M against 9.3M)
 * (README, "Batch backends"). */
#define BACKEND_GPU_MIN_ITEMS 1000

/* Opens the backends that kind asks for (auto: the GPU at its first batch of gpu_min_items).
 * CUDA asked for but unavailable (a build without CUDA=1, no device) is not an error: the CPU
 * alone is opened and notice (when not NULL, n bytes) says why in one line; "" otherwise. */
arc_status backend_open(const backend_opts *o, backend **out, char *notice, size_t n,
                        arc_error *err);
/* Checks b (batch_check), picks an implementation and runs it; info may be NULL. */
arc_status backend_run(backend *be, batch *b, batch_result *out, backend_info *info,
                       arc_error *err);
/* Whether a batch of nitems items would run on a device with its own memory (a GPU; under
 * auto, opened now if it is the first batch that large), so that a caller should ask for
 * results without cells and fetch only the cells it needs (BATCH_CELLS with cell_off). */
bool backend_on_device(backend *be, size_t nitems);
/* "cpu", "cuda" (asked for and open) or "auto" (in a CUDA build). */
const char *backend_name(const backend *be);
/* Whether a CUDA implementation is open (under auto: since a batch large enough). */
bool backend_has_cuda(const backend *be);
void backend_close(backend *be);

/* The implementations (backend/cpu.c; backend/cuda/ when built with CUDA=1). */
arc_status backend_cpu_init(size_t threads, backend_impl *out, arc_error *err);

#ifdef __cplusplus
}
#endif

#endif
