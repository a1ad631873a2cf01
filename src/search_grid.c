/* search_grid.c — the grid layer: a breadth-first search over grid programs (gprog) on all the
 * task's inputs at once, train and test. A state is the vector of a program's results on every
 * input; depth d+1 applies every one-op variant to every state of depth d in product batches
 * through the backend (results hashed and scored against the train outputs in the same pass).
 * Observational equivalence: a candidate whose vector equals a known state's (checked cell by
 * cell, the hash only finds where to look) is that state; the smaller program is kept. A
 * program that fails on some input is dropped. Candidates are counted in a fixed order (states
 * in frontier order, then ops in table order), so the node budget gives the same states on
 * every backend, thread count and batch size. */
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "grid_hash.h"
#include "search_grid.h"

/* Items per batch by default: on the CPU the batch's cells stay in the caches; where a GPU may
 * run it (cuda, or auto in a CUDA build), batches past auto's crossover (64 MiB of cells). */
#define ITEMS_CPU 8192
#define ITEMS_GPU 65536
/* Inputs (train and test) a task may have for this layer; ARC's have at most a dozen. */
#define MAX_INPUTS 64

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

/* Appends a state with the given grids (ni of them at stride step); false with g->stop set when
 * the memory cap is reached, false alone when out of memory. */
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

/* Which parameters of an op are colours: bit 0 a, bit 1 b; bit 2: a == b is no identity. */
static unsigned colour_params(int code)
{
	static const struct {
		const char *name;
		unsigned mask;
	} t[] = {
		{"replace", 3},    {"switch", 3},  {"fill_bg", 1}, {"recolor_fg", 1},
		{"crop_color", 1}, {"half_cellwise", 1}, {"half_and", 1}, {"half_or", 1},
		{"half_xor", 1},   {"half_nor", 1}, {"keep_color", 1},
		{"replace_least", 1}, {"border", 1}, {"canvas_a", 1},
		{"hlines", 1}, {"vlines", 1},
		{"fill_enclosed", 1}, {"ray_up", 1}, {"ray_down", 1}, {"ray_left", 1},
		{"ray_right", 1}, {"ray_diag", 1}, {"kron", 1}, {"obj_box", 1},
		{"obj_outbox", 1}, {"obj_backdrop", 1}, {"connect", 3 | 4},
		{"halo", 3 | 4},
	};
	for (size_t k = 0; k < sizeof t / sizeof *t; k++)
		if (!strcmp(gop_table[code].name, t[k].name))
			return t[k].mask;
	return 0;
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

/* The one-op alphabet: every variant, or with TASK_COLORS only those whose colour parameters
 * are colours of the task (and no replace or switch of a colour by itself). */
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
		unsigned cp = colour_params(v[k].code);
		if (features & ARC_SEARCH_TASK_COLORS) {
			if (((cp & 1) && !(colours >> v[k].a & 1)) || ((cp & 2) && !(colours >> v[k].b & 1)))
				continue;
			if ((cp & 3) == 3 && !(cp & 4) && v[k].a == v[k].b)
				continue;
		}
		gprog p = {.n = 1, .op = {v[k]}};
		char *text;
		uint32_t size;
		if (!search_gprog_text(&p, &text, &size)) {
			free(v);
			return false;
		}
		free(text);
		g->opsize[g->nops] = size;
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

typedef struct expand_buf {
	batch_grids src, want;
	uint32_t *src_want;
	batch_result *res;
	uint8_t *cells;
	size_t items;             /* room of res and cells */
} expand_buf;

/* Every op on states front[0..nf) (all of depth d): new distinct states appended. */
static arc_status expand(gsearch *g, const search_in *in, expand_buf *eb, const uint32_t *front,
                         size_t nf, arc_error *err)
{
	size_t per_state = g->nops * (size_t)g->ni;
	size_t chunk = eb->items / per_state ? eb->items / per_state : 1;
	bool oom = false;
	for (size_t f0 = 0; f0 < nf && !g->stop; f0 += chunk) {
		size_t f1 = f0 + chunk < nf ? f0 + chunk : nf;
		eb->src.n = 0;
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
		size_t ns = eb->src.n;
		batch b = {.src = &eb->src, .want = &eb->want, .prog = g->ops, .nprog = g->nops,
		           .src_want = eb->src_want, .flags = BATCH_SCORE | BATCH_HASH | BATCH_CELLS,
		           .out_cells = eb->cells};
		arc_status s = backend_run(in->be, &b, eb->res, NULL, err);
		if (s != ARC_OK)
			return s;
		g->stats->applied += b.nitems;
		for (size_t f = f0; f < f1 && !g->stop; f++) {
			const gstate parent = g->st[front[f]], *par = &parent; /* st may move */
			size_t c = f - f0;
			for (size_t p = 0; p < g->nops; p++) {
				if (g->nodes >= g->b->nodes) {
					g->stop = true;
					break;
				}
				g->nodes++;
				size_t base = p * ns + c * (size_t)g->ni;
				const batch_result *r = &eb->res[base];
				const uint8_t *cells = eb->cells + base * BATCH_STRIDE;
				uint64_t h = 0;
				unsigned exact = 0;
				double close = 0;
				int i = 0;
				for (; i < g->ni && r[i].status == BATCH_OK; i++) {
					h = grid_hash_mix(h ^ r[i].hash) + GRID_HASH_K1 * (uint64_t)(i + 1);
					if (i < g->ntrain)
						exact += r[i].exact, close += r[i].closeness;
				}
				if (i < g->ni)
					continue;
				gstate ns_ = {.prog = par->prog, .hash = h, .closeness = close / g->ntrain,
				              .size = par->size + g->opsize[p], .exact = (uint16_t)exact,
				              .depth = (uint8_t)(par->depth + 1)};
				ns_.prog.op[par->depth] = g->ops[p].op[0];
				ns_.prog.n = ns_.depth;
				size_t old = table_find(g, h, r, cells, 1);
				if (old != SIZE_MAX) {
					gstate *o = &g->st[old];
					if (o->depth == ns_.depth && ns_.size < o->size)
						o->prog = ns_.prog, o->size = ns_.size;
					continue;
				}
				if (!add_state(g, &ns_, r, cells, 1, &oom)) {
					if (oom)
						return arc_error_set(err, ARC_E_NOMEM, NULL, g->t->id, 0, 0,
						                     "out of memory for the search's states");
					break;
				}
			}
		}
		if (g->b->deadline && search_now() >= g->b->deadline && !g->stop) {
			g->stop = true;
			g->stats->time_hit++;
		}
	}
	return ARC_OK;
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
	gstate s = {.hash = h};
	bool oom = false;
	bool ok = add_state(g, &s, r, cells, 1, &oom);
	free(cells);
	if (!ok)
		return oom ? arc_error_set(err, ARC_E_NOMEM, NULL, g->t->id, 0, 0, "out of memory")
		           : ARC_OK;
	return ARC_OK;
}

/* The best `keep` states as candidates (search_cand_cmp's order over the states). */
static arc_status take_best(gsearch *g, size_t keep, search_cand **out, size_t *n, arc_error *err)
{
	search_cand *c = calloc(keep + 1, sizeof *c);
	if (!c)
		return arc_error_set(err, ARC_E_NOMEM, NULL, g->t->id, 0, 0, "out of memory");
	size_t nc = 0;
	/* Insertion into a sorted list of at most keep: states are many, keep is small. Texts
	 * are made only for the ones that stay (ties broken by state order, which is fixed). */
	uint32_t *best = malloc((keep + 1) * sizeof *best);
	if (!best) {
		free(c);
		return arc_error_set(err, ARC_E_NOMEM, NULL, g->t->id, 0, 0, "out of memory");
	}
	static char none[1];
	for (size_t s = 1; s < g->nst; s++) {
		search_cand x = {.text = none, .size = g->st[s].size, .train_exact = g->st[s].exact,
		                 .closeness = g->st[s].closeness};
		size_t at = nc;
		while (at > 0) {
			const gstate *o = &g->st[best[at - 1]];
			search_cand y = {.text = none, .size = o->size, .train_exact = o->exact,
			                 .closeness = o->closeness};
			if (search_cand_cmp(&x, &y, g->ntrain) >= 0)
				break;
			at--;
		}
		if (at >= keep)
			continue;
		memmove(best + at + 1, best + at, (nc - at) * sizeof *best);
		best[at] = (uint32_t)s;
		nc += nc < keep;
	}
	for (size_t k = 0; k < nc; k++) {
		const gstate *s = &g->st[best[k]];
		c[k] = (search_cand){.size = s->size, .train_exact = s->exact,
		                     .closeness = s->closeness};
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
	if (!make_ops(&g, o->features)) {
		s = arc_error_set(err, ARC_E_NOMEM, NULL, t->id, 0, 0, "out of memory");
		goto out;
	}
	batch_grids_init(&eb.src, false);
	batch_grids_init(&eb.want, true);
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
	eb.cells = malloc(eb.items * BATCH_STRIDE);
	eb.src_want = malloc((eb.items / (g.nops ? g.nops : 1) + g.ni) * sizeof *eb.src_want);
	if (s == ARC_OK && (!eb.res || !eb.cells || !eb.src_want))
		s = arc_error_set(err, ARC_E_NOMEM, NULL, t->id, 0, 0, "out of memory for a batch");
	if (s == ARC_OK)
		s = add_inputs(&g, err);
	unsigned depth = o->max_depth < GPROG_MAX_OPS ? o->max_depth : GPROG_MAX_OPS;
	size_t begin = 0;
	for (unsigned d = 0; d < depth && s == ARC_OK && !g.stop && g.nst > begin; d++) {
		size_t end = g.nst, nf = end - begin;
		uint32_t *f = realloc(front, nf * sizeof *f);
		if (!f) {
			s = arc_error_set(err, ARC_E_NOMEM, NULL, t->id, 0, 0, "out of memory");
			break;
		}
		front = f;
		for (size_t k = 0; k < nf; k++)
			front[k] = (uint32_t)(begin + k);
		if (o->features & ARC_SEARCH_BEST_FIRST)
			qsort_r(front, nf, sizeof *front, cmp_frontier, &(frontier_ctx){g.st});
		s = expand(&g, in, &eb, front, nf, err);
		if (st->depth < d + 1)
			st->depth = d + 1;
		begin = end;
	}
	st->evaluated += g.nodes;
	st->distinct += g.nst ? g.nst - 1 : 0;
	if (s == ARC_OK)
		s = take_best(&g, o->keep, out, n, err);
	bool solved = *n && (*out)[0].train_exact >= (uint32_t)t->ntrain;
	if (s == ARC_OK && !solved && (o->features & ARC_SEARCH_COMPOSE) &&
	    !search_compose(&g, out, n, 2))
		s = arc_error_set(err, ARC_E_NOMEM, NULL, t->id, 0, 0, "out of memory");
out:
	free(front);
	free(eb.res), free(eb.cells), free(eb.src_want);
	batch_grids_free(&eb.src), batch_grids_free(&eb.want);
	free(g.st), free(g.store), free(g.tab), free(g.ops), free(g.opsize);
	return s;
}
