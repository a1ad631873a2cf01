/* search_grid.c — the grid layer: a breadth-first search over grid programs (gprog) on all the
 * task's inputs at once, train and test. A state is the vector of a program's results on every
 * input; depth d+1 applies every one-op variant to every state of depth d in product batches
 * through the backend (results hashed and scored against the train outputs in the same pass).
 * Observational equivalence: a candidate whose vector equals a known state's (checked cell by
 * cell, the hash only finds where to look) is that state; the smaller program is kept. A
 * program that fails on some input is dropped. Candidates are counted in a fixed order (states
 * in frontier order, then ops in table order), so the node budget gives the same states on
 * every backend, thread count and batch size. Where a batch runs on a device, its chunk goes
 * hash-first (chunk_hash_first: results without cells, then the cells needed and the full
 * checks in a second batch), with the same outcome as the exact path (chunk_exact). */
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "grid_hash.h"
#include "grid_score.h"
#include "search_grid.h"

/* Items per batch by default: on the CPU the batch's cells stay in the caches; where a GPU may
 * run it (cuda, or auto in a CUDA build), batches past auto's crossover (1.5 MiB of hash-first
 * results). On the H200 with 16 workers at 20000 nodes a task: 1.09 s with 65536, 0.97 s with
 * 16384 (one run each, not measured under a clock: README, "The search"). */
#define ITEMS_CPU 8192
#define ITEMS_GPU 65536

unsigned search_grid_hash_bits = 64;

/* The vector hash of a state from the mixed hashes of its grids. */
static uint64_t vector_hash(uint64_t h)
{
	return search_grid_hash_bits < 64 ? h & ((1ull << search_grid_hash_bits) - 1) : h;
}

static bool table_insert(gsearch *g, size_t s)
{
	if (2 * (g->nst + 1) > g->tcap) {
		size_t cap = g->tcap ? 2 * g->tcap : 1024;
		uint32_t *t = calloc(cap, sizeof *t);
		if (!t)
			return false;
		for (size_t k = 0; k < g->nst; k++) {
			if (k == s)
				continue;
			size_t i = g->st[k].hash & (cap - 1);
			while (t[i])
				i = (i + 1) & (cap - 1);
			t[i] = (uint32_t)k + 1;
		}
		free(g->tab);
		g->tab = t, g->tcap = cap;
	}
	size_t i = g->st[s].hash & (g->tcap - 1);
	while (g->tab[i])
		i = (i + 1) & (g->tcap - 1);
	g->tab[i] = (uint32_t)s + 1;
	return true;
}

/* Whether state s holds exactly the results res/cells (ni items at stride `step`). */
static bool same_vector(const gsearch *g, size_t s, const batch_result *res, const uint8_t *cells,
                        size_t step)
{
	const uint8_t *p = g->store + g->st[s].off;
	for (int i = 0; i < g->ni; i++) {
		const batch_result *r = &res[i * step];
		size_t n = (size_t)p[0] * p[1];
		if (p[0] != r->h || p[1] != r->w ||
		    memcmp(p + 2, cells + (size_t)i * step * BATCH_STRIDE, n))
			return false;
		p += 2 + n;
	}
	return true;
}

/* The state whose vector equals the results, or SIZE_MAX. */
static size_t table_find(const gsearch *g, uint64_t hash, const batch_result *res,
                         const uint8_t *cells, size_t step)
{
	if (!g->tcap)
		return SIZE_MAX;
	for (size_t i = hash & (g->tcap - 1); g->tab[i]; i = (i + 1) & (g->tcap - 1)) {
		size_t s = g->tab[i] - 1;
		if (g->st[s].hash == hash && same_vector(g, s, res, cells, step))
			return s;
	}
	return SIZE_MAX;
}

/* Appends a state with the given grids (ni of them at stride step; cells NULL: the shapes
 * only, the cells written by the caller); false with g->stop set when the memory cap is
 * reached, false alone when out of memory. */
static bool add_state(gsearch *g, const gstate *s, const batch_result *res, const uint8_t *cells,
                      size_t step, bool *oom)
{
	size_t bytes = 0;
	for (int i = 0; i < g->ni; i++)
		bytes += 2 + (size_t)res[i * step].h * res[i * step].w;
	size_t need_tab = 2 * (g->nst + 1) > g->tcap ? (g->tcap ? 2 * g->tcap : 1024) : g->tcap;
	size_t cap_st = g->capst, cap_store = g->capstore;
	while (cap_st < g->nst + 1)
		cap_st = cap_st ? 2 * cap_st : 64;
	while (cap_store < g->nstore + bytes)
		cap_store = cap_store ? 2 * cap_store : 1 << 12;
	if (cap_st * sizeof *g->st + cap_store + need_tab * sizeof *g->tab > g->b->memory ||
	    g->nst + 1 >= UINT32_MAX) {
		g->stop = true;
		g->stats->memory_hit++;
		return false;
	}
	if (!grow_array((void **)&g->st, &g->capst, g->nst + 1, sizeof *g->st, 64) ||
	    !grow_array((void **)&g->store, &g->capstore, g->nstore + bytes, 1, 64)) {
		*oom = true;
		return false;
	}
	gstate *d = &g->st[g->nst];
	*d = *s;
	d->off = g->nstore;
	uint8_t *p = g->store + g->nstore;
	for (int i = 0; i < g->ni; i++) {
		const batch_result *r = &res[i * step];
		size_t n = (size_t)r->h * r->w;
		p[0] = r->h, p[1] = r->w;
		if (cells)
			memcpy(p + 2, cells + (size_t)i * step * BATCH_STRIDE, n);
		p += 2 + n;
	}
	g->nstore += bytes;
	if (!table_insert(g, g->nst)) {
		*oom = true;
		return false;
	}
	g->nst++;
	return true;
}

/* The colours of every grid of the task (bit c), and 0: the mask ops take 0 as the background,
 * so replacing a colour by 0 is how a program hands cells to them. */
static unsigned task_colours(const arc_task *t)
{
	unsigned m = 1;
	for (int k = 0; k < t->ntrain + t->ntest; k++) {
		const arc_pair *p = k < t->ntrain ? &t->train[k] : &t->test[k - t->ntrain];
		for (int c = 0; c < p->input.h * p->input.w; c++)
			m |= 1u << p->input.cell[c];
		for (int c = 0; p->has_output && k < t->ntrain && c < p->output.h * p->output.w; c++)
			m |= 1u << p->output.cell[c];
	}
	return m;
}

/* Whether colour parameter value x passes: a role with COLOR_ROLES, a colour with TASK_COLORS
 * only when the task has it. */
static bool colour_ok(int x, unsigned colours, unsigned features)
{
	if (x >= GOP_ROLE_MOST)
		return features & ARC_SEARCH_COLOR_ROLES;
	return !(features & ARC_SEARCH_TASK_COLORS) || colours >> x & 1;
}

/* The one-op alphabet: every variant, less the colour roles without COLOR_ROLES and, with
 * TASK_COLORS, the colours the task does not have (and no two-colour op of one value twice). */
static bool make_ops(gsearch *g, unsigned features)
{
	size_t nv = gop_variants(NULL, 0);
	gprog_op *v = malloc(nv * sizeof *v);
	g->ops = malloc(nv * sizeof *g->ops);
	g->opsize = malloc(nv * sizeof *g->opsize);
	if (!v || !g->ops || !g->opsize) {
		free(v);
		return false;
	}
	gop_variants(v, nv);
	unsigned colours = task_colours(g->t);
	for (size_t k = 0; k < nv; k++) {
		unsigned cp = gop_colour_params(v[k].code);
		if (((cp & 1) && !colour_ok(v[k].a, colours, features)) ||
		    ((cp & 2) && !colour_ok(v[k].b, colours, features)))
			continue;
		if (cp == 3 && v[k].a == v[k].b && gop_equal_colours_identity(v[k].code) &&
		    (features & ARC_SEARCH_TASK_COLORS))
			continue;
		gprog p = {.n = 1, .op = {v[k]}};
		g->opsize[g->nops] = (uint32_t)gprog_lines(&p); /* search_gprog_text's size */
		g->ops[g->nops++] = p;
	}
	free(v);
	return true;
}

typedef struct frontier_ctx {
	const gstate *st;
} frontier_ctx;

/* Best first: train pairs reproduced, closeness, then the order found. */
static int cmp_frontier(const void *a, const void *b, void *ctx)
{
	const gstate *st = ((frontier_ctx *)ctx)->st;
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	if (st[x].exact != st[y].exact)
		return st[x].exact > st[y].exact ? -1 : 1;
	if (st[x].closeness != st[y].closeness)
		return st[x].closeness > st[y].closeness ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* A candidate of the hash-first path, until its chunk's second batch has checked it. */
typedef enum pend_kind {
	PEND_NEW,      /* no state has its hash: appended, its cells fetched */
	PEND_HOST,     /* a state of this chunk has its hash: its cells fetched, compared here */
	PEND_DEVICE,   /* an older state has its hash: compared where the batch runs */
} pend_kind;

typedef struct pend {
	gstate x;       /* the candidate as a state (program, size, depth) */
	uint32_t state; /* PEND_NEW: the state appended; else the state with its hash */
	uint32_t q;     /* its first item in the second batch (ni of them) */
	uint8_t kind;   /* pend_kind */
} pend;

typedef struct expand_buf {
	batch_grids src, want;
	uint32_t *src_want;
	batch_result *res;
	size_t items;             /* room of res (and of cells and the second batch's items) */
	uint8_t *cells;           /* the exact path's cells, items * BATCH_STRIDE (at first use) */
	uint32_t *isrc, *iprog, *iwant; /* the exact path's items (at first use) */
	uint8_t *inert;           /* the exact path: per (state, op) of the chunk, skipped */
	/* the hash-first path's second batch: the cells of new states and of candidates with a
	 * new state's hash, and older states' grids as expected grids (exact: equal) */
	batch_grids ref;          /* those older states' grids */
	uint32_t *fsrc, *fprog, *fwant; /* items of the second batch */
	uint64_t *foff;           /* their cell offsets (items + 1) */
	batch_result *fres;
	uint8_t *fcells;          /* packed cells */
	size_t capfcells;
	pend *pend;
	size_t npend, cappend;
	uint32_t *ref_key, *ref_at; /* older state + 1 -> its first grid in ref (0: free slot) */
	size_t rcap;
} expand_buf;

static const arc_grid *input_of(const gsearch *g, int i)
{
	return i < g->ntrain ? &g->t->train[i].input : &g->t->test[i - g->ntrain].input;
}

/* Whether every result of r is a grid of its input's shape. */
static bool keeps_shape(const gsearch *g, const batch_result *r)
{
	for (int i = 0; i < g->ni; i++)
		if (r[i].status != BATCH_OK || r[i].h != input_of(g, i)->h || r[i].w != input_of(g, i)->w)
			return false;
	return true;
}

/* What candidate (par, op p) is, from its ni results r: false when an input failed. On the
 * inputs themselves, also whether op p keeps their shapes (g->op_shape). */
static bool make_cand(const gsearch *g, const gstate *par, size_t p, const batch_result *r,
                      gstate *x)
{
	uint64_t h = 0;
	unsigned exact = 0;
	double close = 0;
	if (g->op_shape && par->depth == 0)
		g->op_shape[p] = keeps_shape(g, r);
	for (int i = 0; i < g->ni; i++) {
		if (r[i].status != BATCH_OK)
			return false;
		h = grid_hash_mix(h ^ r[i].hash) + GRID_HASH_K1 * (uint64_t)(i + 1);
		if (i < g->ntrain)
			exact += r[i].exact, close += r[i].closeness;
	}
	*x = (gstate){.prog = par->prog, .hash = vector_hash(h), .closeness = close / g->ntrain,
	              .size = par->size + g->opsize[p], .exact = (uint16_t)exact,
	              .depth = (uint8_t)(par->depth + 1)};
	x->prog.op[par->depth] = g->ops[p].op[0];
	x->prog.n = x->depth;
	return true;
}

/* An equal vector found for candidate x in state o: the smaller program of the same depth. */
static void merge_into(gstate *o, const gstate *x)
{
	if (o->depth == x->depth && x->size < o->size)
		o->prog = x->prog, o->size = x->size;
}

/* The chunk's sources, states front[f0..f1): their grids as one pool, each input's expected
 * grid its train output. */
static arc_status load_sources(gsearch *g, expand_buf *eb, const uint32_t *front, size_t f0,
                               size_t f1, arc_error *err)
{
	batch_grids_clear(&eb->src);
	for (size_t f = f0; f < f1; f++) {
		const uint8_t *p = g->store + g->st[front[f]].off;
		for (int i = 0; i < g->ni; i++) {
			uint32_t idx;
			arc_status s = batch_grids_add_cells(&eb->src, p[0], p[1], p + 2, &idx, err);
			if (s != ARC_OK)
				return s;
			eb->src_want[idx] = i < g->ntrain ? (uint32_t)i : BATCH_NONE;
			p += 2 + (size_t)p[0] * p[1];
		}
	}
	return ARC_OK;
}

static arc_status no_memory(const gsearch *g, arc_error *err)
{
	return arc_error_set(err, ARC_E_NOMEM, NULL, g->t->id, 0, 0,
	                     "out of memory for the search's states");
}

/* Counts one candidate against the node budget: false, with g->stop, once it is spent. */
static bool count_node(gsearch *g)
{
	if (g->nodes >= g->b->nodes) {
		g->stop = true;
		return false;
	}
	g->nodes++;
	return true;
}

/* The colours of state s's grids (bit c). */
static unsigned state_colours(const gsearch *g, size_t s)
{
	const uint8_t *p = gstate_grids(g, s);
	unsigned m = 0;
	for (int i = 0; i < g->ni; i++) {
		m |= gp_palette(p + 2, p[0] * p[1]);
		p += 2 + (size_t)p[0] * p[1];
	}
	return m;
}

/* The exact path for the chunk: every result's cells back, each candidate compared cell by
 * cell with the states of its hash as it comes. The ops inert on a state (gop_inert: its
 * candidate would be the state itself) are counted but not run; the others go as an explicit
 * batch, item (state, op, input) in that order. Past depth 0 only, where every op's shape is
 * still to learn (g->op_shape). */
static arc_status chunk_exact(gsearch *g, const search_in *in, expand_buf *eb,
                              const uint32_t *front, size_t f0, size_t f1, arc_error *err)
{
	if (!eb->cells && !(eb->cells = malloc(eb->items * BATCH_STRIDE)))
		return no_memory(g, err);
	if (!eb->isrc && (!(eb->isrc = malloc(eb->items * sizeof *eb->isrc)) ||
	                  !(eb->iprog = malloc(eb->items * sizeof *eb->iprog)) ||
	                  !(eb->iwant = malloc(eb->items * sizeof *eb->iwant)) ||
	                  !(eb->inert = malloc(eb->items / g->ni + 1))))
		return no_memory(g, err);
	size_t n = 0;
	for (size_t f = f0; f < f1; f++) {
		size_t c = f - f0;
		unsigned colours = g->st[front[f]].depth ? state_colours(g, front[f]) : 0x3ff;
		for (size_t p = 0; p < g->nops; p++) {
			bool skip = gop_inert(&g->ops[p].op[0], colours);
			eb->inert[c * g->nops + p] = skip;
			for (int i = 0; i < g->ni && !skip; i++, n++) {
				eb->isrc[n] = (uint32_t)(c * (size_t)g->ni + (size_t)i);
				eb->iprog[n] = (uint32_t)p, eb->iwant[n] = eb->src_want[eb->isrc[n]];
			}
		}
	}
	g->stats->applied += n;
	batch b = {.src = &eb->src, .want = &eb->want, .prog = g->ops, .nprog = g->nops,
	           .item_src = eb->isrc, .item_prog = eb->iprog, .item_want = eb->iwant,
	           .nitems = n, .flags = BATCH_SCORE | BATCH_HASH | BATCH_CELLS,
	           .out_cells = eb->cells};
	arc_status s = n ? backend_run(in->be, &b, eb->res, NULL, err) : ARC_OK;
	if (s != ARC_OK)
		return s;
	bool oom = false;
	size_t base = 0;
	for (size_t f = f0; f < f1 && !g->stop; f++) {
		const gstate parent = g->st[front[f]]; /* st may move */
		size_t c = f - f0;
		for (size_t p = 0; p < g->nops; p++) {
			if (!count_node(g))
				break;
			if (eb->inert[c * g->nops + p])
				continue;
			const batch_result *r = &eb->res[base];
			const uint8_t *cells = eb->cells + base * BATCH_STRIDE;
			base += (size_t)g->ni;
			gstate x;
			if (!make_cand(g, &parent, p, r, &x))
				continue;
			size_t old = table_find(g, x.hash, r, cells, 1);
			if (old != SIZE_MAX) {
				merge_into(&g->st[old], &x);
				continue;
			}
			if (!add_state(g, &x, r, cells, 1, &oom)) {
				if (oom)
					return no_memory(g, err);
				break;
			}
		}
	}
	return ARC_OK;
}

/* The first state with vector hash h, or SIZE_MAX. */
static size_t table_first(const gsearch *g, uint64_t h)
{
	if (!g->tcap)
		return SIZE_MAX;
	for (size_t i = h & (g->tcap - 1); g->tab[i]; i = (i + 1) & (g->tcap - 1))
		if (g->st[g->tab[i] - 1].hash == h)
			return g->tab[i] - 1;
	return SIZE_MAX;
}

/* The first grid in eb->ref of older state s's grids (added at its first use). */
static arc_status ref_of(const gsearch *g, expand_buf *eb, uint32_t s, uint32_t *at,
                         arc_error *err)
{
	size_t i = (s * 0x9e3779b97f4a7c15ull >> 32) & (eb->rcap - 1);
	while (eb->ref_key[i] && eb->ref_key[i] != s + 1)
		i = (i + 1) & (eb->rcap - 1);
	if (eb->ref_key[i]) {
		*at = eb->ref_at[i];
		return ARC_OK;
	}
	const uint8_t *p = gstate_grids(g, s);
	for (int k = 0; k < g->ni; k++) {
		uint32_t idx;
		arc_status st = batch_grids_add_cells(&eb->ref, p[0], p[1], p + 2, &idx, err);
		if (st != ARC_OK)
			return st;
		if (!k)
			*at = idx;
		p += 2 + (size_t)p[0] * p[1];
	}
	eb->ref_key[i] = s + 1, eb->ref_at[i] = *at;
	return ARC_OK;
}

/* The hash-first path for the chunk, where the batch runs on a device: the first batch brings
 * back results only (status, shape, hash, exact, closeness); a candidate no state has the hash
 * of is appended at once, one with a state's hash is taken for that state. A second batch then
 * checks every such assumption in full and fetches the cells the host needs, packed: the new
 * states' (into the store) and those of candidates that have the hash of a state new in this
 * chunk (compared here); a candidate with an older state's hash is compared with that state's
 * grids where the batch runs (they go as its expected grids: exact means equal). Merges into
 * states wait for the check, in candidate order. *clash: some candidate was not the state of
 * its hash (the caller redoes the chunk on the exact path); the states are then left as
 * they were after the first pass, to be restored by the caller. */
static arc_status chunk_hash_first(gsearch *g, const search_in *in, expand_buf *eb,
                                   const uint32_t *front, size_t f0, size_t f1, bool *clash,
                                   arc_error *err)
{
	*clash = false;
	if (!eb->fsrc) { /* room for the second batch: at most every item of the first */
		size_t cands = eb->items / (size_t)g->ni + 1;
		eb->rcap = 16;
		while (eb->rcap < 2 * cands)
			eb->rcap *= 2;
		eb->fsrc = malloc(eb->items * sizeof *eb->fsrc);
		eb->fprog = malloc(eb->items * sizeof *eb->fprog);
		eb->fwant = malloc(eb->items * sizeof *eb->fwant);
		eb->foff = malloc((eb->items + 1) * sizeof *eb->foff);
		eb->fres = malloc(eb->items * sizeof *eb->fres);
		eb->ref_key = malloc(eb->rcap * sizeof *eb->ref_key);
		eb->ref_at = malloc(eb->rcap * sizeof *eb->ref_at);
		if (!eb->fsrc || !eb->fprog || !eb->fwant || !eb->foff || !eb->fres || !eb->ref_key ||
		    !eb->ref_at)
			return no_memory(g, err);
	}
	size_t ns = eb->src.n, nst0 = g->nst, nq = 0;
	batch b = {.src = &eb->src, .want = &eb->want, .prog = g->ops, .nprog = g->nops,
	           .src_want = eb->src_want, .flags = BATCH_SCORE | BATCH_HASH};
	g->stats->applied += g->nops * ns;
	arc_status s = backend_run(in->be, &b, eb->res, NULL, err);
	if (s != ARC_OK)
		return s;
	eb->npend = 0;
	batch_grids_clear(&eb->ref);
	memset(eb->ref_key, 0, eb->rcap * sizeof *eb->ref_key);
	uint64_t off = 0;
	bool oom = false;
	for (size_t f = f0; f < f1 && !g->stop; f++) {
		const gstate parent = g->st[front[f]]; /* st may move */
		size_t c = f - f0;
		for (size_t p = 0; p < g->nops; p++) {
			if (!count_node(g))
				break;
			const batch_result *r = &eb->res[p * ns + c * (size_t)g->ni];
			pend d = {.q = (uint32_t)nq};
			if (!make_cand(g, &parent, p, r, &d.x))
				continue;
			size_t old = table_first(g, d.x.hash);
			uint32_t at = 0;
			if (old == SIZE_MAX) {
				if (!add_state(g, &d.x, r, NULL, 1, &oom)) {
					if (oom)
						return no_memory(g, err);
					break;
				}
				d.kind = PEND_NEW, d.state = (uint32_t)(g->nst - 1);
			} else {
				d.kind = old >= nst0 ? PEND_HOST : PEND_DEVICE, d.state = (uint32_t)old;
				if (d.kind == PEND_DEVICE && (s = ref_of(g, eb, d.state, &at, err)) != ARC_OK)
					return s;
			}
			if (!grow_array((void **)&eb->pend, &eb->cappend, eb->npend + 1, sizeof *eb->pend,
			                256))
				return no_memory(g, err);
			eb->pend[eb->npend++] = d;
			for (int i = 0; i < g->ni; i++, nq++) {
				eb->fsrc[nq] = (uint32_t)(c * (size_t)g->ni + (size_t)i);
				eb->fprog[nq] = (uint32_t)p;
				eb->fwant[nq] = d.kind == PEND_DEVICE ? at + (uint32_t)i : BATCH_NONE;
				eb->foff[nq] = off;
				if (d.kind != PEND_DEVICE)
					off += ((size_t)r[i].h * r[i].w + 15) & ~(size_t)15;
			}
		}
	}
	if (!nq)
		return ARC_OK;
	eb->foff[nq] = off;
	if (!grow_array((void **)&eb->fcells, &eb->capfcells, off ? off : 1, 1, 1 << 16))
		return no_memory(g, err);
	batch b2 = {.src = &eb->src, .want = &eb->ref, .prog = g->ops, .nprog = g->nops,
	            .item_src = eb->fsrc, .item_prog = eb->fprog, .item_want = eb->fwant,
	            .nitems = nq, .flags = BATCH_SCORE | BATCH_CELLS, .out_cells = eb->fcells,
	            .cell_off = eb->foff};
	if ((s = backend_run(in->be, &b2, eb->fres, NULL, err)) != ARC_OK)
		return s;
	/* the new states' cells into the store first: later candidates may have their hash */
	for (size_t k = 0; k < eb->npend; k++) {
		const pend *d = &eb->pend[k];
		if (d->kind != PEND_NEW)
			continue;
		uint8_t *p = g->store + g->st[d->state].off;
		for (int i = 0; i < g->ni; i++) {
			const batch_result *r = &eb->fres[d->q + i];
			if (r->status != BATCH_OK || r->h != p[0] || r->w != p[1])
				return arc_error_set(err, ARC_E_INTERNAL, __FILE__, g->t->id, __LINE__, 0,
				                     "search: a backend gave another result the second time");
			memcpy(p + 2, eb->fcells + eb->foff[d->q + i], (size_t)p[0] * p[1]);
			p += 2 + (size_t)p[0] * p[1];
		}
	}
	for (size_t k = 0; k < eb->npend && !*clash; k++) {
		const pend *d = &eb->pend[k];
		const uint8_t *p = gstate_grids(g, d->state);
		for (int i = 0; i < g->ni && !*clash; i++) {
			const batch_result *r = &eb->fres[d->q + i];
			size_t n = (size_t)p[0] * p[1];
			if (d->kind == PEND_DEVICE)
				*clash = !r->exact;
			else if (d->kind == PEND_HOST)
				*clash = r->h != p[0] || r->w != p[1] ||
				         memcmp(p + 2, eb->fcells + eb->foff[d->q + i], n);
			p += 2 + n;
		}
	}
	for (size_t k = 0; k < eb->npend && !*clash; k++)
		if (eb->pend[k].kind != PEND_NEW)
			merge_into(&g->st[eb->pend[k].state], &eb->pend[k].x);
	return ARC_OK;
}

/* The states as they were before a chunk, for the exact path to redo it. */
typedef struct snapshot {
	size_t nst, nstore, capst, capstore, tcap;
	uint64_t nodes, memory_hit;
	bool stop;
} snapshot;

static snapshot take_snapshot(const gsearch *g)
{
	return (snapshot){.nst = g->nst, .nstore = g->nstore, .capst = g->capst,
	                  .capstore = g->capstore, .tcap = g->tcap, .nodes = g->nodes,
	                  .memory_hit = g->stats->memory_hit, .stop = g->stop};
}

/* Back to snapshot z: the states appended since dropped, the table rebuilt at its size then,
 * and the capacities the memory cap counts as they were (the arrays shrink at their next
 * growth), so that what follows is what the exact path alone would have done. */
static bool restore(gsearch *g, const snapshot *z)
{
	uint32_t *t = z->tcap == g->tcap ? g->tab : calloc(z->tcap, sizeof *t);
	if (!t)
		return false;
	if (t != g->tab)
		free(g->tab);
	memset(t, 0, z->tcap * sizeof *t);
	g->tab = t, g->tcap = z->tcap;
	g->nst = z->nst, g->nstore = z->nstore, g->capst = z->capst, g->capstore = z->capstore;
	g->nodes = z->nodes, g->stats->memory_hit = z->memory_hit, g->stop = z->stop;
	for (size_t k = 0; k < g->nst; k++) {
		size_t i = g->st[k].hash & (g->tcap - 1);
		while (g->tab[i])
			i = (i + 1) & (g->tcap - 1);
		g->tab[i] = (uint32_t)k + 1;
	}
	return true;
}

/* Every op on states front[0..nf) (all of depth d): new distinct states appended, chunk by
 * chunk; each chunk on the hash-first path where its batch runs on a device. */
static arc_status expand(gsearch *g, const search_in *in, expand_buf *eb, const uint32_t *front,
                         size_t nf, arc_error *err)
{
	size_t per_state = g->nops * (size_t)g->ni;
	size_t chunk = eb->items / per_state ? eb->items / per_state : 1;
	for (size_t f0 = 0; f0 < nf && !g->stop; f0 += chunk) {
		/* no more states than the nodes left can take (the last one in part) */
		uint64_t rem = g->b->nodes - g->nodes;
		size_t left = (size_t)(rem / g->nops + (rem % g->nops != 0));
		size_t f1 = f0 + (chunk < left ? chunk : left ? left : 1);
		f1 = f1 < nf ? f1 : nf;
		arc_status s = load_sources(g, eb, front, f0, f1, err);
		if (s != ARC_OK)
			return s;
		size_t nitems = g->nops * eb->src.n;
		bool device = backend_on_device(in->be, nitems), clash = false;
		if (device) {
			snapshot z = take_snapshot(g);
			s = chunk_hash_first(g, in, eb, front, f0, f1, &clash, err);
			if (s == ARC_OK && clash && !restore(g, &z))
				s = no_memory(g, err);
		}
		if (s == ARC_OK && (clash || !device))
			s = chunk_exact(g, in, eb, front, f0, f1, err);
		if (s != ARC_OK)
			return s;
		if (g->b->deadline && search_now() >= g->b->deadline && !g->stop) {
			g->stop = true;
			g->stats->time_hit++;
		}
	}
	return ARC_OK;
}

/* Whether every train output has its input's shape. */
static bool same_shape_pairs(const arc_task *t)
{
	for (int i = 0; i < t->ntrain; i++)
		if (t->train[i].input.h != t->train[i].output.h ||
		    t->train[i].input.w != t->train[i].output.w)
			return false;
	return true;
}

/* Whether state s has every input's shape. */
static bool has_input_shapes(const gsearch *g, size_t s)
{
	const uint8_t *p = gstate_grids(g, s);
	for (int i = 0; i < g->ni; i++) {
		if (p[0] != input_of(g, i)->h || p[1] != input_of(g, i)->w)
			return false;
		p += 2 + (size_t)p[0] * p[1];
	}
	return true;
}

/* The alphabet past depth 1: the ops that kept the inputs' shapes there (g->op_shape). */
static void keep_shape_ops(gsearch *g)
{
	size_t m = 0;
	for (size_t p = 0; p < g->nops; p++)
		if (g->op_shape[p])
			g->ops[m] = g->ops[p], g->opsize[m++] = g->opsize[p];
	g->nops = m;
}

/* The inputs as state 0 (the identity). */
static arc_status add_inputs(gsearch *g, arc_error *err)
{
	batch_result r[MAX_INPUTS];
	uint8_t *cells = malloc((size_t)g->ni * BATCH_STRIDE);
	if (!cells)
		return arc_error_set(err, ARC_E_NOMEM, NULL, g->t->id, 0, 0, "out of memory");
	uint64_t h = 0;
	for (int i = 0; i < g->ni; i++) {
		const arc_grid *x = i < g->ntrain ? &g->t->train[i].input
		                                  : &g->t->test[i - g->ntrain].input;
		r[i] = (batch_result){.h = x->h, .w = x->w, .status = BATCH_OK,
		                      .hash = grid_hash(x->h, x->w, x->cell)};
		memcpy(cells + (size_t)i * BATCH_STRIDE, x->cell, (size_t)x->h * x->w);
		h = grid_hash_mix(h ^ r[i].hash) + GRID_HASH_K1 * (uint64_t)(i + 1);
	}
	gstate s = {.hash = vector_hash(h)};
	bool oom = false;
	bool ok = add_state(g, &s, r, cells, 1, &oom);
	free(cells);
	if (!ok)
		return oom ? arc_error_set(err, ARC_E_NOMEM, NULL, g->t->id, 0, 0, "out of memory")
		           : ARC_OK;
	return ARC_OK;
}

/* State s as a candidate, without its text. */
static search_cand cand_of(const gsearch *g, size_t s)
{
	static char none[1];
	const gstate *x = &g->st[s];
	return (search_cand){.text = none, .size = x->size, .train_exact = x->exact,
	                     .closeness = x->closeness};
}

/* The best `keep` states as candidates (search_cand_cmp's order over the states). */
static arc_status take_best(gsearch *g, size_t keep, search_cand **out, size_t *n, arc_error *err)
{
	search_cand *c = calloc(keep + 1, sizeof *c);
	if (!c)
		return arc_error_set(err, ARC_E_NOMEM, NULL, g->t->id, 0, 0, "out of memory");
	size_t nc = 0;
	/* Insertion into a sorted list of at most keep (c, without texts; best: their states):
	 * states are many, keep is small. Texts are made only for the ones that stay (ties broken
	 * by state order, which is fixed). */
	uint32_t *best = malloc((keep + 1) * sizeof *best);
	if (!best) {
		free(c);
		return arc_error_set(err, ARC_E_NOMEM, NULL, g->t->id, 0, 0, "out of memory");
	}
	for (size_t s = 1; s < g->nst; s++) {
		search_cand x = cand_of(g, s);
		size_t at = nc;
		while (at > 0 && search_cand_cmp(&x, &c[at - 1], g->ntrain) < 0)
			at--;
		if (at >= keep)
			continue;
		memmove(best + at + 1, best + at, (nc - at) * sizeof *best);
		memmove(c + at + 1, c + at, (nc - at) * sizeof *c);
		best[at] = (uint32_t)s, c[at] = x;
		nc += nc < keep;
	}
	for (size_t k = 0; k < nc; k++) {
		const gstate *s = &g->st[best[k]];
		uint32_t size;
		if (!search_gprog_text(&s->prog, &c[k].text, &size)) {
			search_cands_free(c, k);
			free(best);
			return arc_error_set(err, ARC_E_NOMEM, NULL, g->t->id, 0, 0, "out of memory");
		}
	}
	free(best);
	*out = nc ? c : NULL, *n = nc;
	if (!nc)
		free(c);
	return ARC_OK;
}

/* Whether a state from `from` on reproduces every train output. */
static bool solved_from(const gsearch *g, size_t from)
{
	for (size_t k = from; k < g->nst; k++)
		if (g->st[k].exact >= (unsigned)g->ntrain)
			return true;
	return false;
}

arc_status search_grid(const search_in *in, const search_budget *b, search_cand **out,
                       size_t *n, arc_search_stats *st, arc_error *err)
{
	*out = NULL, *n = 0;
	const arc_task *t = in->task;
	const arc_search_opts *o = in->opts;
	gsearch g = {.t = t, .b = b, .ni = t->ntrain + t->ntest, .ntrain = t->ntrain, .stats = st};
	expand_buf eb = {0};
	uint32_t *front = NULL;
	arc_status s = ARC_OK;
	if (g.ni > MAX_INPUTS)
		return ARC_OK; /* not an ARC task's size: this layer has nothing to say about it */
	if (!make_ops(&g, o->features) ||
	    ((o->features & ARC_SEARCH_SHAPE) && same_shape_pairs(t) &&
	     !(g.op_shape = calloc(g.nops ? g.nops : 1, 1)))) {
		s = arc_error_set(err, ARC_E_NOMEM, NULL, t->id, 0, 0, "out of memory");
		goto out;
	}
	batch_grids_init(&eb.src, false);
	batch_grids_init(&eb.want, true);
	batch_grids_init(&eb.ref, true);
	for (int k = 0; k < t->ntrain && s == ARC_OK; k++) {
		uint32_t idx;
		s = batch_grids_add(&eb.want, &t->train[k].output, &idx, err);
	}
	eb.items = o->batch_items                          ? o->batch_items
	           : strcmp(backend_name(in->be), "cpu") ? ITEMS_GPU
	                                                 : ITEMS_CPU;
	if (eb.items < g.nops * (size_t)g.ni)
		eb.items = g.nops * (size_t)g.ni;
	eb.res = malloc(eb.items * sizeof *eb.res);
	eb.src_want = malloc((eb.items + g.ni) * sizeof *eb.src_want); /* sources: at most an item each */
	if (s == ARC_OK && (!eb.res || !eb.src_want))
		s = arc_error_set(err, ARC_E_NOMEM, NULL, t->id, 0, 0, "out of memory for a batch");
	if (s == ARC_OK)
		s = add_inputs(&g, err);
	unsigned depth = o->max_depth < GPROG_MAX_OPS ? o->max_depth : GPROG_MAX_OPS;
	size_t begin = 0;
	for (unsigned d = 0; d < depth && s == ARC_OK && !g.stop && g.nst > begin && g.nops; d++) {
		size_t end = g.nst, nf = end - begin;
		uint32_t *f = realloc(front, nf * sizeof *f);
		if (!f) {
			s = arc_error_set(err, ARC_E_NOMEM, NULL, t->id, 0, 0, "out of memory");
			break;
		}
		front = f;
		size_t kept = 0;
		for (size_t k = 0; k < nf; k++)
			if (!g.op_shape || has_input_shapes(&g, begin + k))
				front[kept++] = (uint32_t)(begin + k);
		nf = kept;
		if (o->features & ARC_SEARCH_BEST_FIRST)
			qsort_r(front, nf, sizeof *front, cmp_frontier, &(frontier_ctx){g.st});
		s = expand(&g, in, &eb, front, nf, err);
		if (st->depth < d + 1)
			st->depth = d + 1;
		if (d == 0 && g.op_shape)
			keep_shape_ops(&g);
		if ((o->features & ARC_SEARCH_STOP) && solved_from(&g, end))
			break;
		begin = end;
	}
	st->evaluated += g.nodes;
	st->distinct += g.nst ? g.nst - 1 : 0;
	if (s == ARC_OK)
		s = take_best(&g, o->keep, out, n, err);
	bool solved = *n && (*out)[0].train_exact >= (uint32_t)t->ntrain;
	if (s == ARC_OK && !solved && (o->features & ARC_SEARCH_RECOLOR) &&
	    !search_recolor(&g, out, n, 2))
		s = arc_error_set(err, ARC_E_NOMEM, NULL, t->id, 0, 0, "out of memory");
	if (s == ARC_OK && !solved && (o->features & ARC_SEARCH_OBJMAP) && !search_objmap(t, out, n, 2))
		s = arc_error_set(err, ARC_E_NOMEM, NULL, t->id, 0, 0, "out of memory");
	if (s == ARC_OK && !solved && (o->features & ARC_SEARCH_COMPOSE) &&
	    !search_compose(&g, out, n, 2))
		s = arc_error_set(err, ARC_E_NOMEM, NULL, t->id, 0, 0, "out of memory");
out:
	free(front);
	free(eb.res), free(eb.cells), free(eb.src_want);
	free(eb.isrc), free(eb.iprog), free(eb.iwant), free(eb.inert);
	free(eb.fsrc), free(eb.fprog), free(eb.fwant), free(eb.foff), free(eb.fres);
	free(eb.fcells), free(eb.pend), free(eb.ref_key), free(eb.ref_at);
	batch_grids_free(&eb.src), batch_grids_free(&eb.want), batch_grids_free(&eb.ref);
	free(g.st), free(g.store), free(g.tab), free(g.ops), free(g.opsize), free(g.op_shape);
	return s;
}
