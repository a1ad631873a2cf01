/* cpu.c — the CPU backend: the shared item code of gprog_ops.h on one lane, over the
 * worker pool in chunks of items for large batches (4 chunks a thread at least) and on the
 * caller's thread for small ones. Where programs run on sources several times over (the product
 * form, or an explicit batch of more items than sources), the sources' facts (gp_facts) are
 * computed once, before the items.
 * Each item's result goes to its own slot, so the thread count never shows. */
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "gprog_ops.h"
#include "pool.h"

#define CHUNK 512 /* items a worker claims at a time */

typedef struct cpu_ctx {
	size_t threads; /* 0: one per core */
} cpu_ctx;

typedef struct cpu_job {
	const batch *b;
	batch_result *out;
	const gp_facts *facts; /* per source (NULL: none known) */
} cpu_job;

static void run_item(const batch *b, const gp_facts *facts, size_t k, batch_result *out,
                     uint8_t *buf0, uint8_t *buf1)
{
	static const gprog identity;
	size_t ns = b->src->n;
	uint32_t s, p, t;
	if (b->item_src) {
		s = b->item_src[k];
		p = b->item_prog ? b->item_prog[k] : BATCH_NONE;
		t = b->item_want ? b->item_want[k] : BATCH_NONE;
	} else {
		p = (uint32_t)(k / ns), s = (uint32_t)(k % ns);
		t = b->src_want ? b->src_want[s] : BATCH_NONE;
	}
	const batch_grids *src = b->src, *want = b->want;
	const uint8_t *tc = t == BATCH_NONE ? NULL : want->cells + (size_t)t * BATCH_STRIDE;
	int th = tc ? want->h[t] : 0, tw = tc ? want->w[t] : 0;
	uint32_t tpal = tc ? want->pal[t] : 0;
	const uint8_t *cells = NULL;
	const gprog *prog = p == BATCH_NONE ? &identity : &b->prog[p];
	if ((b->flags & BATCH_CELLS) && !b->cell_off && prog->n) {
		/* the last op writes into the item's room of BATCH_STRIDE bytes: no copy */
		uint8_t *room = b->out_cells + batch_cells_at(b, k);
		if (prog->n & 1)
			buf0 = room;
		else
			buf1 = room;
	}
	out[k] = gp_item(prog, src->cells + (size_t)s * BATCH_STRIDE, src->h[s], src->w[s],
	                 facts ? &facts[s] : NULL, tc, th, tw, tpal, b->flags, buf0, buf1, &cells);
	if ((b->flags & BATCH_CELLS) && out[k].status == BATCH_OK &&
	    cells != b->out_cells + batch_cells_at(b, k)) {
		size_t n = (size_t)out[k].h * out[k].w, room = batch_cells_room(b, k);
		memcpy(b->out_cells + batch_cells_at(b, k), cells, n < room ? n : room);
	}
}

static void run_chunk(void *vjob, size_t worker, size_t chunk)
{
	cpu_job *job = vjob;
	_Alignas(16) uint8_t buf[2][BATCH_STRIDE];
	size_t end = (chunk + 1) * CHUNK < job->b->nitems ? (chunk + 1) * CHUNK : job->b->nitems;
	for (size_t k = chunk * CHUNK; k < end; k++)
		run_item(job->b, job->facts, k, job->out, buf[0], buf[1]);
}

static arc_status cpu_run(void *vctx, const batch *b, batch_result *out, backend_info *info,
                          arc_error *err)
{
	cpu_ctx *c = vctx;
	cpu_job job = {.b = b, .out = out};
	gp_facts *facts = NULL;
	bool shared = b->item_src ? b->item_prog && b->nitems > b->src->n : b->nprog > 1;
	if (shared && (facts = malloc(b->src->n * sizeof *facts))) {
		const batch_grids *g = b->src;
		for (size_t s = 0; s < g->n; s++)
			facts[s] = gp_facts_of(g->cells + s * BATCH_STRIDE, g->h[s], g->w[s]);
		job.facts = facts;
	}
	size_t chunks = (b->nitems + CHUNK - 1) / CHUNK;
	size_t threads = c->threads ? c->threads : pool_cpu_count();
	/* A thread is started per call (~0.1 ms): each gets at least 4 chunks (~0.5 ms of work). */
	if (threads > chunks / 4)
		threads = chunks / 4;
	if (threads > 1)
		pool_run(threads, chunks, run_chunk, &job);
	else
		for (size_t k = 0; k < chunks; k++)
			run_chunk(&job, 0, k);
	free(facts);
	*info = (backend_info){0};
	return ARC_OK;
}

static const char *cpu_name(void *ctx)
{
	return "cpu";
}

static void cpu_free(void *ctx)
{
	free(ctx);
}

static const struct backend_i cpu_iface = {
	.name = cpu_name,
	.supports = NULL,
	.run = cpu_run,
	.free = cpu_free,
};

arc_status backend_cpu_init(size_t threads, backend_impl *out, arc_error *err)
{
	cpu_ctx *c = calloc(1, sizeof *c);
	if (!c)
		return arc_error_set(err, ARC_E_NOMEM, NULL, NULL, 0, 0, "out of memory for a backend");
	c->threads = threads;
	*out = (backend_impl){.iface = &cpu_iface, .context = c};
	return ARC_OK;
}
