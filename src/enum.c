/* enum.c — typed bottom-up enumeration for one task: the leaves (I, constants, primitives as
 * values), then size by size every enumerated primitive applied to type-compatible smaller
 * entries through the DSL's own primitives on all the task's inputs at once; a value vector is
 * kept only when no equal one is (a hash table over the vectors, full equality on a hit), so the
 * smallest program of each vector is the one kept. Calls run in a scratch arena; the values kept
 * are copied into the task's keep arena (payloads already there are shared, not copied). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "enum_int.h"
#include "grid_score.h"
#include "grow.h"

#define CLOCK_EVERY 1024  /* work units between checks of the step limit inside a call */
#define TRIES_PER_EVAL 16 /* argument combinations considered per eval of the budget */

/* The entries of one class and size, in entry order (built once that size is complete). */
typedef struct idlist {
	uint32_t *id;
	size_t n;
	bool built;
} idlist;

typedef struct enumr {
	const arc_task *t;
	enum_opts o;
	int nin;                /* inputs: train then test */
	arena keep;             /* every kept value's payload, within max_bytes with the tables */
	arena scratch;          /* the calls of one candidate, reset before the next */
	dsl_ctx c;              /* over scratch */
	ent *ents;              /* nents entries, in the order found (sizes ascending) */
	size_t nents, capents;
	value *vals;            /* nin values per entry */
	size_t capvals;         /* values allocated */
	uint32_t *slots;        /* hash table over the vectors: entry + 1, 0 = empty */
	size_t capslots;        /* a power of two */
	size_t lvl[ENUM_MAX_SIZE + 2]; /* the entries of size z are [lvl[z], lvl[z + 1]) */
	idlist lists[ENUM_NCLS][ENUM_MAX_SIZE + 1];
	escore *cands;          /* grid-valued entries, scored */
	size_t ncands, capcands;
	size_t table_bytes;     /* memory outside the arena: entries, vectors, table, lists */
	uint64_t max_tries;
	value *tmp;             /* the vector being built */
	bool stop;              /* a budget or the memory cap ended the enumeration */
	bool nomem;             /* malloc failed */
	enum_stats st;
} enumr;

/* ---- memory ---- */

static size_t kept_bytes(const enumr *e) { return e->keep.used + e->table_bytes; }

static void note_bytes(enumr *e)
{
	size_t b = kept_bytes(e);
	if (b > e->st.bytes)
		e->st.bytes = b;
}

/* Grows *p (an array of *cap elements of `size` bytes) to hold need, within the memory cap. */
static bool grow(enumr *e, void **p, size_t *cap, size_t need, size_t size)
{
	size_t kept = kept_bytes(e);
	size_t room = kept < e->o.max_bytes ? e->o.max_bytes - kept : 0, before = room;
	switch (grow_array_within(p, cap, need, size, 256, &room)) {
	case GROW_OK: break;
	case GROW_OVER: e->st.memory_hit = e->stop = true; return false;
	case GROW_NOMEM: e->nomem = e->stop = true; return false;
	}
	e->table_bytes += before - room;
	note_bytes(e);
	return true;
}

/* ---- hashing and equality of value vectors ---- */

static uint64_t mix(uint64_t h, uint64_t x)
{
	h ^= x + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
	return h * 0xff51afd7ed558ccdull;
}

/* A hash consistent with val_eq: bools hash as the ints they equal. */
static uint64_t val_hash(value v)
{
	switch ((vkind)v.kind) {
	case VK_BOOL:
	case VK_INT: return mix(VK_INT, (uint32_t)v.i);
	case VK_PAIR: return mix(mix(VK_PAIR, (uint32_t)v.i), (uint32_t)v.j);
	case VK_GRID:
		return XXH3_64bits_withSeed(v.g->cell, (size_t)v.g->h * v.g->w,
		                            ((uint64_t)v.g->h << 16 | v.g->w) ^ VK_GRID << 8);
	case VK_IDX: return XXH3_64bits_withSeed(v.ix->k, v.ix->n * sizeof v.ix->k[0], VK_IDX);
	case VK_OBJ: return XXH3_64bits_withSeed(v.ob->k, v.ob->n * sizeof v.ob->k[0], VK_OBJ);
	case VK_TUPLE:
	case VK_SET: {
		uint64_t h = mix(v.kind, v.t->n);
		for (uint32_t k = 0; k < v.t->n; k++)
			h = mix(h, val_hash(v.t->e[k]));
		return h;
	}
	case VK_FUNC: {
		uint64_t h = mix(VK_FUNC, v.prim);
		if (v.cl) {
			h = mix(mix(h, v.cl->kind), (uint32_t)v.cl->n);
			for (int k = 0; k < 3; k++)
				h = mix(h, val_hash(v.cl->f[k]));
		}
		return h;
	}
	default: return mix(v.kind, 0);
	}
}

static uint64_t vec_hash(const value *v, int n)
{
	uint64_t h = 0x243f6a8885a308d3ull;
	for (int i = 0; i < n; i++)
		h = mix(h, val_hash(v[i]));
	return h;
}

/* Equal on every input, and of one kind at the top (True and 1 are kept apart). */
static bool vec_eq(const value *a, const value *b, int n)
{
	for (int i = 0; i < n; i++)
		if (a[i].kind != b[i].kind || !val_eq(a[i], b[i]))
			return false;
	return true;
}

static bool find(const enumr *e, uint64_t h, const value *v, size_t *slot)
{
	size_t mask = e->capslots - 1;
	for (size_t s = h & mask;; s = (s + 1) & mask) {
		uint32_t id = e->slots[s];
		if (!id) {
			*slot = s;
			return false;
		}
		const ent *x = &e->ents[id - 1];
		if (x->hash == h && vec_eq(e->vals + (size_t)(id - 1) * e->nin, v, e->nin))
			return true;
	}
}

static bool rehash(enumr *e)
{
	size_t cap = e->capslots ? e->capslots * 2 : 1024, more = (cap - e->capslots) * sizeof(uint32_t);
	if (kept_bytes(e) + more > e->o.max_bytes) {
		e->st.memory_hit = e->stop = true;
		return false;
	}
	uint32_t *s = calloc(cap, sizeof *s);
	if (!s) {
		e->nomem = e->stop = true;
		return false;
	}
	for (size_t k = 0; k < e->nents; k++)
		for (size_t q = e->ents[k].hash & (cap - 1);; q = (q + 1) & (cap - 1))
			if (!s[q]) {
				s[q] = (uint32_t)k + 1;
				break;
			}
	free(e->slots);
	e->slots = s;
	e->capslots = cap;
	e->table_bytes += more;
	note_bytes(e);
	return true;
}

/* ---- adding entries ---- */

static uint32_t elem_shapes(value v)
{
	switch ((vkind)v.kind) {
	case VK_IDX: return SH_PAIR;
	case VK_OBJ: return SH_CELL;
	case VK_GRID: return !v.g->h ? 0 : v.g->w == 2 ? SH_PAIR : SH_TUPLE;
	case VK_TUPLE:
	case VK_SET: {
		uint32_t s = 0;
		for (uint32_t k = 0; k < v.t->n; k++)
			s |= dsl_value_shape(v.t->e[k]);
		return s;
	}
	default: return 0;
	}
}

static uint16_t grid_colours(value v)
{
	if (v.kind != VK_GRID)
		return 0;
	return (uint16_t)gp_palette((const uint8_t *)v.g->cell, v.g->h * v.g->w);
}

/* ---- copying values into the keep arena ---- */

static bool in_keep(const enumr *e, const void *p)
{
	return (const char *)p >= e->keep.base && (const char *)p < e->keep.base + e->keep.used;
}

/* Keep-arena bytes within the memory cap, or NULL. */
static void *keep_alloc(enumr *e, size_t bytes)
{
	size_t at = (e->keep.used + 7) & ~(size_t)7;
	if (at + bytes > e->keep.cap || at + bytes + e->table_bytes > e->o.max_bytes)
		return NULL;
	e->keep.used = at + bytes;
	return e->keep.base + at;
}

/* Points *v at a copy of its payload in the keep arena; false when the cap is reached. */
static bool copy_value(enumr *e, value *v)
{
	switch ((vkind)v->kind) {
	case VK_GRID: {
		if (in_keep(e, v->g))
			return true;
		size_t n = sizeof(grid) + (size_t)v->g->h * v->g->w;
		grid *g = keep_alloc(e, n);
		if (!g)
			return false;
		memcpy(g, v->g, n);
		v->g = g;
		return true;
	}
	case VK_IDX: {
		if (in_keep(e, v->ix))
			return true;
		size_t n = offsetof(idxset, k) + v->ix->n * sizeof v->ix->k[0];
		idxset *x = keep_alloc(e, n);
		if (!x)
			return false;
		memcpy(x, v->ix, n);
		v->ix = x;
		return true;
	}
	case VK_OBJ: {
		if (in_keep(e, v->ob))
			return true;
		size_t n = offsetof(objset, k) + v->ob->n * sizeof v->ob->k[0];
		objset *x = keep_alloc(e, n);
		if (!x)
			return false;
		memcpy(x, v->ob, n);
		v->ob = x;
		return true;
	}
	case VK_TUPLE:
	case VK_SET: {
		if (in_keep(e, v->t))
			return true;
		size_t n = offsetof(vtuple, e) + v->t->n * sizeof v->t->e[0];
		vtuple *t = keep_alloc(e, n);
		if (!t)
			return false;
		memcpy(t, v->t, n);
		for (uint32_t k = 0; k < t->n; k++)
			if (!copy_value(e, &t->e[k]))
				return false;
		v->t = t;
		return true;
	}
	case VK_FUNC: {
		if (!v->cl || in_keep(e, v->cl))
			return true;
		closure *cl = keep_alloc(e, sizeof *cl);
		if (!cl)
			return false;
		*cl = *v->cl;
		for (int k = 0; k < 3; k++)
			if (!copy_value(e, &cl->f[k]))
				return false;
		v->cl = cl;
		return true;
	}
	default: return true;
	}
}

/* Copies the vector in e->tmp into the keep arena (the first n values; the others repeat the
 * first). False, with the arena as before, when the cap is reached (memory_hit) or the copy
 * takes more than ENUM_KEEP_BYTES per input (refused: values that fill memory fast). */
static bool keep_vector(enumr *e, int n)
{
	size_t mark = arena_mark(&e->keep);
	bool ok = true;
	for (int i = 0; i < n && ok; i++)
		ok = copy_value(e, &e->tmp[i]);
	if (!ok)
		e->st.memory_hit = e->stop = true;
	else if (arena_mark(&e->keep) - mark > (size_t)n * ENUM_KEEP_BYTES)
		ok = false;
	if (!ok) {
		arena_reset(&e->keep, mark);
		return false;
	}
	for (int i = n; i < e->nin; i++)
		e->tmp[i] = e->tmp[0];
	return true;
}

/* Keeps the vector in e->tmp (its first distinct_values values; the others repeat the first)
 * as a new entry made as *proto, unless an equal one is kept: true when it was added. */
static bool add_entry(enumr *e, const ent *proto, int distinct_values)
{
	uint64_t h = vec_hash(e->tmp, e->nin);
	size_t slot;
	if ((e->nents + 1) * 2 > e->capslots && !rehash(e))
		return false;
	if (find(e, h, e->tmp, &slot))
		return false;
	if (!keep_vector(e, distinct_values))
		return false;
	if (!grow(e, (void **)&e->ents, &e->capents, e->nents + 1, sizeof *e->ents))
		return false;
	if (!grow(e, (void **)&e->vals, &e->capvals, (e->nents + 1) * e->nin, sizeof *e->vals))
		return false;
	ent x = *proto;
	x.hash = h;
	x.shapes = x.eshapes = 0;
	x.pal = x.hmax = x.wmax = 0;
	for (int i = 0; i < e->nin; i++) {
		x.shapes |= dsl_value_shape(e->tmp[i]);
		x.eshapes |= elem_shapes(e->tmp[i]);
		x.pal |= grid_colours(e->tmp[i]);
		if (e->tmp[i].kind == VK_GRID) {
			x.hmax = x.hmax > e->tmp[i].g->h ? x.hmax : e->tmp[i].g->h;
			x.wmax = x.wmax > e->tmp[i].g->w ? x.wmax : e->tmp[i].g->w;
		}
	}
	uint32_t id = (uint32_t)e->nents++;
	e->ents[id] = x;
	memcpy(e->vals + (size_t)id * e->nin, e->tmp, (size_t)e->nin * sizeof *e->tmp);
	e->slots[slot] = id + 1;
	e->st.distinct++;
	return true;
}

static void score_entry(enumr *e, uint32_t id)
{
	escore sc = {.ent = id};
	if (e->ents[id].shapes != SH_GRID || !enum_score(e->t, e->vals + (size_t)id * e->nin, &sc))
		return;
	if (!grow(e, (void **)&e->cands, &e->capcands, e->ncands + 1, sizeof *e->cands))
		return;
	e->cands[e->ncands++] = sc;
}

/* ---- evaluating one candidate ---- */

typedef struct job {
	enumr *e;
	value fn;
	const uint32_t *a;
	int k;     /* arguments */
	int n;     /* inputs to compute */
	int done;  /* calls made (the failing one included) */
} job;

/* Sets the per-call limits as the evaluator does for one node (battery_eval.c). The scratch
 * arena holds inputs + 1 calls' worth, so only eval_bytes limits a call. */
static void call_limits(job *j, dsl_ctx *c)
{
	dsl_ctx_limit(c, j->e->o.eval_bytes, j->e->o.eval_steps, 0);
}

static value run_job(dsl_ctx *c, void *ud)
{
	job *j = ud;
	enumr *e = j->e;
	for (int i = 0; i < j->n; i++) {
		value args[4];
		for (int q = 0; q < j->k; q++)
			args[q] = e->vals[(size_t)j->a[q] * e->nin + (size_t)i];
		call_limits(j, c);
		j->done = i + 1;
		e->tmp[i] = dsl_call(c, j->fn, args, j->k);
	}
	return v_none();
}

static void try_call(enumr *e, int p, const uint32_t *a, int k, unsigned size)
{
	bool inv = true;
	for (int q = 0; q < k; q++)
		inv &= e->ents[a[q]].invariant;
	arena_reset(&e->scratch, 0);
	job j = {.e = e, .fn = v_prim(p), .a = a, .k = k, .n = inv ? 1 : e->nin};
	value dummy;
	bool ok = dsl_run(&e->c, run_job, &j, &dummy);
	e->st.evals += (uint64_t)j.done;
	e->st.candidates++;
	if (!ok)
		return;
	/* grids beyond the task's 30 x 30 are refused: no output is one, and they are costly */
	for (int i = 0; i < j.n; i++)
		if (e->tmp[i].kind == VK_GRID &&
		    (e->tmp[i].g->h > ARC_GRID_MAX || e->tmp[i].g->w > ARC_GRID_MAX))
			return;
	for (int i = 1; inv && i < e->nin; i++)
		e->tmp[i] = e->tmp[0];
	ent x = {.kind = EK_CALL, .op = (uint16_t)p, .nargs = (uint8_t)k, .size = (uint16_t)size,
	         .invariant = inv};
	memcpy(x.arg, a, (size_t)k * sizeof *a);
	if (e->tmp[0].kind == VK_FUNC) {
		const ent *ap[4];
		for (int q = 0; q < k; q++)
			ap[q] = &e->ents[a[q]];
		x.sig = enum_result_sig(p, ap, e->tmp[0]);
	}
	if (!add_entry(e, &x, j.n))
		return;
	note_bytes(e);
	score_entry(e, (uint32_t)e->nents - 1);
}

/* ---- growing by size ---- */

static const idlist *list_of(enumr *e, int cls, unsigned z)
{
	idlist *l = &e->lists[cls][z];
	if (l->built)
		return l;
	size_t n = 0, lo = e->lvl[z], hi = e->lvl[z + 1];
	for (size_t k = lo; k < hi; k++)
		n += enum_class_admits(cls, &e->ents[k]);
	size_t bytes = n * sizeof *l->id;
	if (kept_bytes(e) + bytes > e->o.max_bytes) {
		e->st.memory_hit = e->stop = true;
		return NULL;
	}
	if (n && !(l->id = malloc(bytes))) {
		e->nomem = e->stop = true;
		return NULL;
	}
	for (size_t k = lo; k < hi; k++)
		if (enum_class_admits(cls, &e->ents[k]))
			l->id[l->n++] = (uint32_t)k;
	l->built = true;
	e->table_bytes += bytes;
	note_bytes(e);
	return l;
}

typedef struct walk {
	int p, k;
	int cls[4];
	bool comm;
	unsigned size;  /* of the calls built */
	uint32_t a[4];
} walk;

static void finish(enumr *e, walk *w)
{
	if (++e->st.tries > e->max_tries || e->st.evals >= e->o.max_evals) {
		e->st.budget_hit = e->stop = true;
		return;
	}
	if (e->o.deadline_ns && !(e->st.tries & 1023) && dsl_clock_ns() >= e->o.deadline_ns) {
		e->st.time_hit = e->stop = true;
		return;
	}
	const ent *ap[4];
	bool inv = true;
	for (int q = 0; q < w->k; q++) {
		ap[q] = &e->ents[w->a[q]];
		inv &= ap[q]->invariant;
	}
	if ((!inv || enum_invariant_ok(w->p)) && enum_args_fit(w->p, ap))
		try_call(e, w->p, w->a, w->k, w->size);
}

/* Chooses argument q onwards, whose sizes add up to rem. */
static void choose(enumr *e, walk *w, int q, unsigned rem)
{
	unsigned zlo = q == w->k - 1 ? rem : 0;
	for (unsigned z = zlo; z <= rem && !e->stop; z++) {
		const idlist *l = list_of(e, w->cls[q], z);
		if (!l)
			return;
		size_t from = 0;
		if (w->comm && q == 1) {
			/* the second argument is never smaller (size, then entry) than the first */
			const ent *a0 = &e->ents[w->a[0]];
			if (z < a0->size)
				continue;
			if (z == a0->size)
				while (from < l->n && l->id[from] < w->a[0])
					from++;
		}
		for (size_t i = from; i < l->n && !e->stop; i++) {
			w->a[q] = l->id[i];
			if (q == w->k - 1)
				finish(e, w);
			else
				choose(e, w, q + 1, rem - z);
		}
	}
}

/* Size s: first the primitives that return grids (the candidates of this size, should the
 * budget end within it), then the others. */
static void grow_level(enumr *e, unsigned s)
{
	for (size_t i = 0; i < 2 * enum_norder && !e->stop; i++) {
		int p = enum_order[i % enum_norder];
		if ((prim_table[p].ret == T_GRID) != (i < enum_norder))
			continue;
		walk w = {.p = p, .k = prim_table[p].arity, .size = s};
		unsigned extra = enum_prim_extra(w.p);
		if (s < 1 + extra || (s > ENUM_FN_MAX && enum_makes_function(w.p)))
			continue;
		w.comm = enum_commutative(w.p);
		for (int q = 0; q < w.k; q++)
			w.cls[q] = enum_param_class(w.p, q);
		choose(e, &w, 0, s - 1 - extra);
	}
}

/* ---- the leaves ---- */

static const arc_grid *input_of(const arc_task *t, int i)
{
	return i < t->ntrain ? &t->train[i].input : &t->test[i - t->ntrain].input;
}

typedef struct inputs_job {
	const arc_task *t;
	value *out;
} inputs_job;

static value make_inputs(dsl_ctx *c, void *ud)
{
	const inputs_job *j = ud;
	for (int i = 0; i < j->t->ntrain + j->t->ntest; i++) {
		const arc_grid *in = input_of(j->t, i);
		grid *g = grid_alloc(c, in->h, in->w);
		for (int k = 0; k < in->h * in->w; k++)
			g->cell[k] = (int8_t)in->cell[k];
		j->out[i] = v_grid(g);
	}
	return v_none();
}

static void note_grid_ints(bool *want, const arc_grid *g)
{
	for (int k = 0; k < g->h * g->w; k++)
		want[g->cell[k] % 10] = true;
}

/* Integer constants read from the task: its colours, its output sizes and the whole ratios of
 * output to input sizes; ONE and TWO always (steps, halves, factors). */
static void task_ints(const arc_task *t, bool want[11])
{
	memset(want, 0, 11 * sizeof *want);
	want[1] = want[2] = true;
	for (int i = 0; i < t->ntrain + t->ntest; i++)
		note_grid_ints(want, input_of(t, i));
	for (int i = 0; i < t->ntrain; i++) {
		const arc_grid *in = &t->train[i].input, *out = &t->train[i].output;
		note_grid_ints(want, out);
		int d[2][2] = {{out->h, in->h}, {out->w, in->w}};
		for (int k = 0; k < 2; k++) {
			if (d[k][0] <= 10)
				want[d[k][0]] = true;
			for (int r = 0; r < 2; r++)
				if (d[k][1 - r] && d[k][r] % d[k][1 - r] == 0 && d[k][r] / d[k][1 - r] <= 10)
					want[d[k][r] / d[k][1 - r]] = true;
		}
	}
}

static bool output_colour(const arc_task *t, value v)
{
	if (v.kind != VK_INT || v.i < 0 || v.i > 9)
		return false;
	for (int i = 0; i < t->ntrain; i++) {
		const arc_grid *g = &t->train[i].output;
		for (int k = 0; k < g->h * g->w; k++)
			if (g->cell[k] == v.i)
				return true;
	}
	return false;
}

static void add_leaf(enumr *e, ent_kind kind, int id, bool inv, value v)
{
	for (int i = 0; i < e->nin; i++)
		e->tmp[i] = v;
	ent x = {.kind = (uint8_t)kind, .op = (uint16_t)id, .invariant = inv,
	         .out_colour = kind == EK_CONST && output_colour(e->t, v)};
	if (kind == EK_PRIM)
		x.sig = enum_prim_sig(id);
	add_entry(e, &x, 1);
}

static void add_leaves(enumr *e)
{
	inputs_job j = {e->t, e->tmp};
	value dummy;
	if (!dsl_run(&e->c, make_inputs, &j, &dummy)) {
		e->st.memory_hit = e->stop = true;
		return;
	}
	ent in = {.kind = EK_INPUT};
	add_entry(e, &in, e->nin);
	bool ints[11];
	task_ints(e->t, ints);
	for (int k = 0; k < CONST_COUNT; k++) {
		value v = const_table[k].v;
		if (v.kind != VK_INT || (v.i >= 0 && v.i <= 10 && ints[v.i]))
			add_leaf(e, EK_CONST, k, true, v);
	}
	for (size_t k = 0; k < enum_norder; k++)
		if (enum_prim_leaf(enum_order[k]))
			add_leaf(e, EK_PRIM, enum_order[k], true, v_prim(enum_order[k]));
}

/* ---- the entry point ---- */

static void enumr_free(enumr *e)
{
	arena_free(&e->keep);
	arena_free(&e->scratch);
	free(e->ents);
	free(e->vals);
	free(e->slots);
	free(e->cands);
	free(e->tmp);
	for (int c = 0; c < ENUM_NCLS; c++)
		for (int z = 0; z <= ENUM_MAX_SIZE; z++)
			free(e->lists[c][z].id);
}

arc_status enum_task(const arc_task *t, const enum_opts *o, enum_cand **cands, size_t *n,
                     enum_stats *st, arc_error *err)
{
	*cands = NULL;
	*n = 0;
	*st = (enum_stats){0};
	if (o->max_size < 1 || o->max_size > ENUM_MAX_SIZE)
		return arc_error_set(err, ARC_E_USAGE, NULL, t->id, 0, 0,
		                     "enumeration: max_size %u, expected 1..%d", o->max_size, ENUM_MAX_SIZE);
	if (o->max_bytes < ENUM_MIN_BYTES)
		return arc_error_set(err, ARC_E_USAGE, NULL, t->id, 0, 0,
		                     "enumeration: max_bytes %zu, expected at least 1 MiB", o->max_bytes);
	if (t->ntrain < 1 || t->ntest < 0)
		return arc_error_set(err, ARC_E_USAGE, NULL, t->id, 0, 0,
		                     "enumeration: the task has no train pair");
	enumr *e = calloc(1, sizeof *e);
	if (!e)
		return arc_error_set(err, ARC_E_NOMEM, NULL, t->id, 0, 0, "enumeration: out of memory");
	e->t = t;
	e->o = *o;
	if (!e->o.eval_steps)
		e->o.eval_steps = ENUM_EVAL_STEPS;
	if (!e->o.eval_bytes)
		e->o.eval_bytes = ENUM_EVAL_BYTES;
	e->nin = t->ntrain + t->ntest;
	e->max_tries = o->max_evals > UINT64_MAX / TRIES_PER_EVAL ? UINT64_MAX
	                                                          : o->max_evals * TRIES_PER_EVAL;
	arc_status s = ARC_OK;
	if (!(e->tmp = malloc((size_t)e->nin * sizeof *e->tmp)) || arena_init(&e->keep, o->max_bytes) ||
	    arena_init(&e->scratch, ((size_t)e->nin + 1) * e->o.eval_bytes))
		s = ARC_E_NOMEM;
	if (!s) {
		dsl_ctx_init(&e->c, &e->scratch);
		add_leaves(e);
		e->lvl[1] = e->nents;
		for (unsigned z = 1; z <= o->max_size && !e->stop; z++) {
			grow_level(e, z);
			if (e->stop)
				break;
			e->lvl[z + 1] = e->nents;
			e->st.size_done = z;
			size_t full = 0;
			for (size_t k = 0; k < e->ncands; k++)
				full += e->cands[k].exact == (uint32_t)t->ntrain;
			if (o->stop_exact && full >= o->stop_exact)
				break;
		}
		if (e->nomem)
			s = ARC_E_NOMEM;
	}
	if (!s)
		s = enum_rank(e->ents, e->vals, e->nin, e->cands, e->ncands, o->max_cands, cands, n);
	*st = e->st;
	enumr_free(e);
	free(e);
	if (s)
		return arc_error_set(err, s, NULL, t->id, 0, 0, "enumeration: out of memory");
	return ARC_OK;
}
