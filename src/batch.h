/* batch.h — batches of grid work for the backends (backend.h), struct-of-arrays: pools of grids
 * (cells at a fixed stride, a shape per grid), grid programs, and items, either explicit
 * (source, program, expected grid) or the dense product of every program with every source.
 * Results are written by item slot, so they never depend on threads, backend or batch size.
 * The accumulator (batch_acc) gathers items one by one and flushes full batches. Plain C types:
 * nvcc includes this header too. */
#ifndef ARC_BATCH_H
#define ARC_BATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arcbatt.h"
#include "gprog.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Bytes per grid in a pool: 900 cells rounded up to 16-byte vector loads, and a power of two. */
#define BATCH_STRIDE 1024
/* No expected grid (an item is then hashed but not scored). */
#define BATCH_NONE UINT32_MAX

/* A pool of grids. Grid k: cells[k * BATCH_STRIDE ...] row-major, h[k] x w[k] (1..30 each),
 * colours 0..9; bytes past h*w in its stride are unspecified. */
typedef struct batch_grids {
	uint8_t *cells;    /* cap * BATCH_STRIDE bytes, 64-byte aligned */
	uint8_t *h, *w;    /* shapes */
	uint16_t *pal;     /* palettes (bit c: colour c occurs); filled only when `palettes` */
	size_t n, cap;     /* grids held, room */
	bool palettes;     /* fill pal on add (expected grids need it for closeness) */
	uint64_t stamp;    /* new (process-wide) at every change through these functions: a copy of
	                      the first n grids made under (stamp, n) is still theirs while both hold,
	                      so a device keeps pools resident across batches */
} batch_grids;

void batch_grids_init(batch_grids *g, bool palettes);
void batch_grids_free(batch_grids *g);
/* Empties the pool, keeping its room. */
void batch_grids_clear(batch_grids *g);
/* Marks the grids changed: for a caller that wrote cells, h or w in place. */
void batch_grids_touch(batch_grids *g);
/* Appends a copy of g (1..30 x 1..30, colours 0..9, else ARC_E_USAGE) and sets *index. */
arc_status batch_grids_add(batch_grids *p, const arc_grid *g, uint32_t *index, arc_error *err);
/* The same from raw cells (row-major, h * w bytes). */
arc_status batch_grids_add_cells(batch_grids *p, int h, int w, const uint8_t *cells,
                                 uint32_t *index, arc_error *err);
/* Grid k as an arc_grid. */
void batch_grids_get(const batch_grids *p, size_t k, arc_grid *out);

/* What a backend computes for each item. */
enum batch_flags {
	BATCH_SCORE = 1, /* exact and closeness against the item's expected grid (if any) */
	BATCH_HASH = 2,  /* grid_hash of the result */
	BATCH_CELLS = 4, /* the result's cells, into batch.out_cells */
};

/* A batch. Explicit form when item_src is set: item k applies prog[item_prog[k]] (or the
 * identity when item_prog is NULL) to src grid item_src[k] and scores it against want grid
 * item_want[k] (BATCH_NONE: none; item_want NULL: none at all). Product form when item_src is
 * NULL: item p * src->n + s applies prog[p] to src grid s and scores it against want grid
 * src_want[s] (BATCH_NONE or src_want NULL: none), so nitems = nprog * src->n. */
typedef struct batch {
	const batch_grids *src;   /* program inputs (the candidates themselves under the identity) */
	const batch_grids *want;  /* expected grids (may be NULL when no item has one) */
	const gprog *prog;        /* nprog programs (explicit form: NULL means the identity) */
	size_t nprog;
	const uint32_t *item_src, *item_prog, *item_want; /* explicit form: nitems each */
	const uint32_t *src_want; /* product form: per source */
	size_t nitems;            /* explicit form: items; product form: set by batch_check */
	unsigned flags;           /* batch_flags */
	uint8_t *out_cells;       /* BATCH_CELLS: item k's result at batch_cells_at(b, k), bytes
	                             past its h*w unspecified */
	const uint64_t *cell_off; /* BATCH_CELLS packed: nitems + 1 offsets, multiples of 16 and
	                             nondecreasing; item k's cells at out_cells + cell_off[k], as
	                             many as its room of cell_off[k + 1] - cell_off[k] bytes holds
	                             (the rest of the room, and a failed item's, unspecified; no
	                             byte outside the rooms written): a caller that knows the
	                             shapes from an earlier run asks for just the cells it needs, 0
	                             for none. NULL: out_cells holds nitems * BATCH_STRIDE bytes,
	                             item k's at k * BATCH_STRIDE */
} batch;

/* Where item k's cells go, and how many of them at most (BATCH_CELLS). */
static inline size_t batch_cells_at(const batch *b, size_t k)
{
	return b->cell_off ? (size_t)b->cell_off[k] : k * BATCH_STRIDE;
}
static inline size_t batch_cells_room(const batch *b, size_t k)
{
	return b->cell_off ? (size_t)(b->cell_off[k + 1] - b->cell_off[k]) : BATCH_STRIDE;
}

/* Checks every index and program of b and sets b->nitems in the product form (ARC_E_USAGE
 * naming the first problem). Backends run only checked batches. */
arc_status batch_check(batch *b, arc_error *err);

typedef enum batch_status {
	BATCH_UNSET = 0,  /* not computed (never left so by a successful run) */
	BATCH_OK = 1,     /* the program gave a 1..30 x 1..30 grid */
	BATCH_FAILED = 2, /* the DSL would raise, or a value was not a 1..30 x 1..30 grid */
} batch_status;

/* One item's result: 24 bytes. */
typedef struct batch_result {
	uint64_t hash;      /* BATCH_HASH and ok: grid_hash of the result; else 0 */
	double closeness;   /* BATCH_SCORE, ok and expected: arc_closeness(result, expected); else 0 */
	uint8_t status;     /* batch_status */
	uint8_t h, w;       /* ok: the result's shape; else 0 */
	uint8_t exact;      /* BATCH_SCORE, ok and expected: 1 when the result equals it; else 0 */
	uint8_t reserved[4];/* zero */
} batch_result;
static_assert(sizeof(batch_result) == 24, "a batch result is 24 bytes");

/* ---- the accumulator ---- */

typedef struct backend backend;

/* Items accumulate until batch_size are queued, then run on the backend as one explicit batch;
 * batch_acc_flush runs the rest. Items of several tasks may share a batch. One accumulator
 * belongs to one thread; several may share a backend. */
typedef struct batch_acc batch_acc;

/* NULL when out of memory. batch_size 0: BATCH_SIZE_DEFAULT. flags: BATCH_SCORE, BATCH_HASH
 * (the accumulator returns no cells). */
batch_acc *batch_acc_new(backend *be, size_t batch_size, unsigned flags);
/* The runner's scoring on the CPU, 400 training tasks, 1 thread (thread-seconds, best of 3):
 * 0.069 at 64 items a batch, 0.070 at 256, 0.079 at 1024, 0.083 at 4096 (0.075 before the
 * batches): smaller batches stay in the caches. Batches below BACKEND_GPU_MIN_ITEMS run on the
 * CPU under auto anyway; callers that feed a GPU pass a larger size. */
#define BATCH_SIZE_DEFAULT 256
/* Queues program p (NULL: the identity) on a copy of src, scored against want (NULL: none);
 * the result goes to *dst when the item's batch runs (at the latest at the next flush), so dst
 * must stay valid until then. Expected grids are kept by address within a batch: want must not
 * change until the flush. Runs the batch when it becomes full. */
arc_status batch_acc_add(batch_acc *a, const arc_grid *src, const gprog *p, const arc_grid *want,
                         batch_result *dst, arc_error *err);
/* Runs what is queued. */
arc_status batch_acc_flush(batch_acc *a, arc_error *err);
/* Counts so far. */
arc_batch_stats batch_acc_stats(const batch_acc *a);
void batch_acc_free(batch_acc *a);

#ifdef __cplusplus
}
#endif

#endif
