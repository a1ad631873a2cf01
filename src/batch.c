/* batch.c — grid pools, the checks every batch passes before a backend sees it, and the
 * accumulator: items queued one by one (sources copied, expected grids kept once per batch by
 * address, programs once per batch by value), run as one explicit batch when batch_size are
 * queued or at a flush, and their results scattered to the slots the caller gave. */
#include "batch.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "backend/backend.h"
#include "grid_score.h"

/* ---- pools ---- */

static _Atomic uint64_t last_stamp;

void batch_grids_touch(batch_grids *g)
{
	g->stamp = ++last_stamp;
}

void batch_grids_init(batch_grids *g, bool palettes)
{
	memset(g, 0, sizeof *g);
	g->palettes = palettes;
	batch_grids_touch(g);
}

void batch_grids_clear(batch_grids *g)
{
	g->n = 0;
	batch_grids_touch(g);
}

void batch_grids_free(batch_grids *g)
{
	free(g->cells), free(g->h), free(g->w), free(g->pal);
	batch_grids_init(g, g->palettes);
}

static bool grids_reserve(batch_grids *g, size_t need)
{
	if (need <= g->cap)
		return true;
	size_t cap = g->cap ? g->cap : 64;
	while (cap < need)
		cap *= 2;
	uint8_t *cells = aligned_alloc(64, cap * BATCH_STRIDE);
	uint8_t *h = realloc(g->h, cap), *w = h ? realloc(g->w, cap) : NULL;
	if (h)
		g->h = h;
	if (w)
		g->w = w;
	uint16_t *pal = w ? realloc(g->pal, cap * sizeof *pal) : NULL;
	if (pal)
		g->pal = pal;
	if (!cells || !pal) {
		free(cells);
		return false;
	}
	if (g->n)
		memcpy(cells, g->cells, g->n * BATCH_STRIDE);
	free(g->cells);
	g->cells = cells;
	g->cap = cap;
	return true;
}

/* Every cell is 0..9, checked eight at a time: with all bytes below 10 nothing carries, and a
 * byte of 10 or more sets its high bit in x + 0x76.. or in x. */
static bool colours_ok(const uint8_t *c, int n)
{
	uint64_t bad = 0;
	int k = 0;
	for (; k + 8 <= n; k += 8) {
		uint64_t x;
		memcpy(&x, c + k, 8);
		bad |= (x + 0x7676767676767676ull) | x;
	}
	for (; k < n; k++)
		bad |= c[k] > 9 ? 0x80 : 0;
	return !(bad & 0x8080808080808080ull);
}

arc_status batch_grids_add_cells(batch_grids *p, int h, int w, const uint8_t *cells,
                                 uint32_t *index, arc_error *err)
{
	if (h < 1 || h > ARC_GRID_MAX || w < 1 || w > ARC_GRID_MAX)
		return arc_error_set(err, ARC_E_USAGE, NULL, NULL, 0, 0,
		                     "batch: a %dx%d grid (1..30 x 1..30 expected)", h, w);
	if (!colours_ok(cells, h * w)) {
		int k = 0;
		while (cells[k] <= 9)
			k++;
		return arc_error_set(err, ARC_E_USAGE, NULL, NULL, 0, 0,
		                     "batch: colour %u in a grid (0..9 expected)", cells[k]);
	}
	if (p->n >= UINT32_MAX - 1 || !grids_reserve(p, p->n + 1))
		return arc_error_set(err, ARC_E_NOMEM, NULL, NULL, 0, 0, "batch: out of memory for %zu grids",
		                     p->n + 1);
	memcpy(p->cells + p->n * BATCH_STRIDE, cells, (size_t)h * w);
	p->h[p->n] = (uint8_t)h, p->w[p->n] = (uint8_t)w;
	p->pal[p->n] = p->palettes ? (uint16_t)gp_palette(cells, h * w) : 0;
	*index = (uint32_t)p->n++;
	batch_grids_touch(p);
	return ARC_OK;
}

arc_status batch_grids_add(batch_grids *p, const arc_grid *g, uint32_t *index, arc_error *err)
{
	return batch_grids_add_cells(p, g->h, g->w, g->cell, index, err);
}

void batch_grids_get(const batch_grids *p, size_t k, arc_grid *out)
{
	out->h = p->h[k], out->w = p->w[k];
	memcpy(out->cell, p->cells + k * BATCH_STRIDE, (size_t)out->h * out->w);
}

/* ---- checks ---- */

static arc_status bad(arc_error *err, const char *what, size_t k, size_t v, size_t n)
{
	return arc_error_set(err, ARC_E_USAGE, NULL, NULL, 0, 0,
	                     "batch: %s %zu refers to %zu, out of %zu", what, k, v, n);
}

static arc_status check_want(const batch *b, const uint32_t *want, size_t n, const char *what,
                             arc_error *err)
{
	size_t nw = b->want ? b->want->n : 0;
	for (size_t k = 0; want && k < n; k++)
		if (want[k] != BATCH_NONE && want[k] >= nw)
			return bad(err, what, k, want[k], nw);
	if (want && b->want && (b->flags & BATCH_SCORE) && !b->want->palettes)
		return arc_error_set(err, ARC_E_USAGE, NULL, NULL, 0, 0,
		                     "batch: expected grids without palettes cannot be scored");
	return ARC_OK;
}

arc_status batch_check(batch *b, arc_error *err)
{
	if (!b->src)
		return arc_error_set(err, ARC_E_USAGE, NULL, NULL, 0, 0, "batch: no source grids");
	if (b->flags & ~(unsigned)(BATCH_SCORE | BATCH_HASH | BATCH_CELLS))
		return arc_error_set(err, ARC_E_USAGE, NULL, NULL, 0, 0, "batch: unknown flags %#x",
		                     b->flags);
	for (size_t p = 0; p < b->nprog; p++)
		if (!b->prog || !gprog_valid(&b->prog[p]))
			return arc_error_set(err, ARC_E_USAGE, NULL, NULL, 0, 0,
			                     "batch: program %zu is not a valid grid program", p);
	size_t ns = b->src->n;
	arc_status st;
	if (b->item_src) {
		for (size_t k = 0; k < b->nitems; k++) {
			if (b->item_src[k] >= ns)
				return bad(err, "item", k, b->item_src[k], ns);
			if (b->item_prog && b->item_prog[k] >= b->nprog)
				return bad(err, "item's program", k, b->item_prog[k], b->nprog);
		}
		st = check_want(b, b->item_want, b->nitems, "item's expected grid", err);
	} else {
		if (!b->prog || (ns && b->nprog > SIZE_MAX / ns))
			return arc_error_set(err, ARC_E_USAGE, NULL, NULL, 0, 0,
			                     "batch: a product batch needs programs (and fewer items)");
		b->nitems = b->nprog * ns;
		st = check_want(b, b->src_want, ns, "source's expected grid", err);
	}
	if (st == ARC_OK && (b->flags & BATCH_CELLS) && !b->out_cells && b->nitems)
		st = arc_error_set(err, ARC_E_USAGE, NULL, NULL, 0, 0, "batch: cells asked for, no room");
	for (size_t k = 0; st == ARC_OK && b->cell_off && k <= b->nitems; k++)
		if (b->cell_off[k] % 16 || (k && b->cell_off[k] < b->cell_off[k - 1]))
			st = arc_error_set(err, ARC_E_USAGE, NULL, NULL, 0, 0,
			                   "batch: cell offset %zu is %llu (multiples of 16, nondecreasing "
			                   "expected)", k, (unsigned long long)b->cell_off[k]);
	return st;
}

/* ---- the accumulator ---- */

struct batch_acc {
	backend *be;
	size_t size;              /* items per batch */
	unsigned flags;           /* batch_flags for every batch */
	batch_grids src, want;    /* this batch's sources and expected grids */
	gprog *prog;              /* this batch's distinct programs */
	size_t nprog;
	uint32_t *item_src, *item_prog, *item_want; /* size each */
	batch_result **dst;       /* where item k's result goes */
	batch_result *res;        /* the backend's results */
	size_t n;                 /* items queued */
	size_t tcap;              /* slots of the two interning tables (a power of two) */
	const arc_grid **want_key;/* expected grids by address -> want_idx (NULL: free slot) */
	uint32_t *want_idx;
	uint32_t *prog_slot;      /* programs by value: index + 1 into prog (0: free slot) */
	arc_batch_stats st;
};

batch_acc *batch_acc_new(backend *be, size_t batch_size, unsigned flags)
{
	batch_acc *a = calloc(1, sizeof *a);
	if (!a)
		return NULL;
	a->be = be;
	a->size = batch_size ? batch_size : BATCH_SIZE_DEFAULT;
	a->flags = flags & (BATCH_SCORE | BATCH_HASH);
	batch_grids_init(&a->src, false);
	batch_grids_init(&a->want, true);
	a->tcap = 16;
	while (a->tcap < 2 * a->size)
		a->tcap *= 2;
	a->prog = malloc(a->size * sizeof *a->prog);
	a->item_src = malloc(a->size * sizeof *a->item_src);
	a->item_prog = malloc(a->size * sizeof *a->item_prog);
	a->item_want = malloc(a->size * sizeof *a->item_want);
	a->dst = malloc(a->size * sizeof *a->dst);
	a->res = malloc(a->size * sizeof *a->res);
	a->want_key = calloc(a->tcap, sizeof *a->want_key);
	a->want_idx = malloc(a->tcap * sizeof *a->want_idx);
	a->prog_slot = calloc(a->tcap, sizeof *a->prog_slot);
	if (!a->prog || !a->item_src || !a->item_prog || !a->item_want || !a->dst || !a->res ||
	    !a->want_key || !a->want_idx || !a->prog_slot) {
		batch_acc_free(a);
		return NULL;
	}
	return a;
}

void batch_acc_free(batch_acc *a)
{
	if (!a)
		return;
	batch_grids_free(&a->src);
	batch_grids_free(&a->want);
	free(a->prog), free(a->item_src), free(a->item_prog), free(a->item_want);
	free(a->dst), free(a->res), free(a->want_key), free(a->want_idx), free(a->prog_slot);
	free(a);
}

static size_t slot_of(uint64_t key, size_t cap)
{
	return (size_t)((key * 0x9e3779b97f4a7c15ull) >> 32) & (cap - 1);
}

static arc_status intern_want(batch_acc *a, const arc_grid *want, uint32_t *index, arc_error *err)
{
	size_t s = slot_of((uint64_t)(uintptr_t)want, a->tcap);
	while (a->want_key[s] && a->want_key[s] != want)
		s = (s + 1) & (a->tcap - 1);
	if (a->want_key[s]) {
		*index = a->want_idx[s];
		return ARC_OK;
	}
	arc_status st = batch_grids_add(&a->want, want, index, err);
	if (st == ARC_OK)
		a->want_key[s] = want, a->want_idx[s] = *index;
	return st;
}

static uint32_t intern_prog(batch_acc *a, const gprog *p)
{
	uint64_t h[2];
	memcpy(h, p, sizeof h);
	size_t s = slot_of(h[0] ^ (h[1] * 0xc2b2ae3d27d4eb4full), a->tcap);
	while (a->prog_slot[s] && memcmp(&a->prog[a->prog_slot[s] - 1], p, sizeof *p))
		s = (s + 1) & (a->tcap - 1);
	if (!a->prog_slot[s]) {
		a->prog[a->nprog++] = *p;
		a->prog_slot[s] = (uint32_t)a->nprog;
	}
	return a->prog_slot[s] - 1;
}

static double wall_seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

arc_status batch_acc_flush(batch_acc *a, arc_error *err)
{
	if (!a->n)
		return ARC_OK;
	batch b = {.src = &a->src, .want = &a->want, .prog = a->prog, .nprog = a->nprog,
	           .item_src = a->item_src, .item_prog = a->item_prog, .item_want = a->item_want,
	           .nitems = a->n, .flags = a->flags};
	backend_info info = {0};
	double t0 = wall_seconds();
	arc_status st = backend_run(a->be, &b, a->res, &info, err);
	a->st.backend_s += wall_seconds() - t0;
	if (st == ARC_OK) {
		for (size_t k = 0; k < a->n; k++)
			*a->dst[k] = a->res[k];
		a->st.processed += a->n;
		a->st.batches++;
		a->st.bytes_to += info.bytes_to;
		a->st.bytes_from += info.bytes_from;
	}
	a->n = a->nprog = 0;
	batch_grids_clear(&a->src), batch_grids_clear(&a->want);
	memset(a->want_key, 0, a->tcap * sizeof *a->want_key);
	memset(a->prog_slot, 0, a->tcap * sizeof *a->prog_slot);
	return st;
}

arc_status batch_acc_add(batch_acc *a, const arc_grid *src, const gprog *p, const arc_grid *want,
                         batch_result *dst, arc_error *err)
{
	static const gprog identity;
	if (p && !gprog_valid(p))
		return arc_error_set(err, ARC_E_USAGE, NULL, NULL, 0, 0,
		                     "batch: not a valid grid program");
	uint32_t s, t = BATCH_NONE;
	arc_status st = batch_grids_add(&a->src, src, &s, err);
	if (st == ARC_OK && want && (st = intern_want(a, want, &t, err)) != ARC_OK)
		a->src.n--, batch_grids_touch(&a->src);
	if (st != ARC_OK)
		return st;
	a->item_src[a->n] = s;
	a->item_want[a->n] = t;
	a->item_prog[a->n] = intern_prog(a, p ? p : &identity);
	a->dst[a->n++] = dst;
	a->st.added++;
	return a->n == a->size ? batch_acc_flush(a, err) : ARC_OK;
}

arc_batch_stats batch_acc_stats(const batch_acc *a)
{
	return a->st;
}
