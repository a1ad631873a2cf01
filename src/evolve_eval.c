/* evolve_eval.c — one task's candidates: compiled into a battery through the parser (so every
 * mutant passes the static checks any program does), scored on the train pairs like the runner
 * does, the ones that enter the task's best run on the test inputs, and solutions shrunk step by
 * step while every output stays the same. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evolve.h"

void evo_cands_free(evo_cand *c, size_t n)
{
	for (size_t i = 0; c && i < n; i++) {
		free(c[i].text);
		free(c[i].source);
	}
	free(c);
}

/* ---- compiling ---- */

arc_status evo_compile(const evo_cand *c, size_t n, evo_batch *out)
{
	*out = (evo_batch){0};
	strbuf sb = {0};
	for (size_t i = 0; i < n; i++)
		sb_printf(&sb, "def c%zu(I):\n%s", i, c[i].text);
	out->bat = arc_battery_new();
	arc_status st = sb.oom || !out->bat ? ARC_E_NOMEM
	              : arc_battery_add_text(out->bat, "candidates", sb.s ? sb.s : "", sb.n, false, NULL);
	sb_free(&sb);
	if (st == ARC_E_INPUT)
		st = ARC_OK; /* refused candidates are counted below */
	size_t nb = out->bat ? arc_battery_count(out->bat) : 0;
	if (!st && !(out->which = malloc((nb ? nb : 1) * sizeof *out->which)))
		st = ARC_E_NOMEM;
	if (st) {
		evo_batch_free(out);
		return st;
	}
	for (size_t i = 0; i < nb; i++)
		out->which[i] = strtoul(arc_battery_name(out->bat, i) + 1, NULL, 10);
	out->rejected = n - nb;
	return ARC_OK;
}

void evo_batch_free(evo_batch *b)
{
	arc_battery_free(b->bat);
	free(b->which);
	*b = (evo_batch){0};
}

/* ---- scoring and selection ---- */

typedef struct cscore {
	uint32_t prog;      /* index in the batch's battery */
	uint32_t size;
	const char *hash;
	arch_score sc;
} cscore;

static int cmp_cscore(const void *x, const void *y)
{
	const cscore *a = x, *b = y;
	return arch_rank_cmp(a->sc.exact, a->sc.closeness, a->size, a->sc.cost, a->hash,
	                     b->sc.exact, b->sc.closeness, b->size, b->sc.cost, b->hash);
}

static int cmp_row(const cscore *a, const arch_row *r)
{
	return arch_rank_cmp(a->sc.exact, a->sc.closeness, a->size, a->sc.cost, a->hash,
	                     r->sc.exact, r->sc.closeness, r->size, r->sc.cost, r->hash);
}

static bool in_rows(const char *hash, const arch_row *best, size_t nbest)
{
	for (size_t k = 0; k < nbest; k++)
		if (!strcmp(best[k].hash, hash))
			return true;
	return false;
}

/* Runs the kept programs on t's test inputs: test_ok when every test output is known. */
static arc_status test_kept(arc_evaluator *ev, const evo_batch *batch, const arc_task *t,
                            cscore *cs, size_t nkept, size_t *evaluated)
{
	size_t np = arc_battery_count(batch->bat);
	bool *active = calloc(np, sizeof *active);
	arc_outcome *out = malloc(np * sizeof *out);
	arc_status st = active && out ? ARC_OK : ARC_E_NOMEM;
	bool known = true;
	for (int j = 0; j < t->ntest; j++)
		known &= t->test[j].has_output;
	for (size_t k = 0; k < nkept; k++) {
		active[cs[k].prog] = true;
		cs[k].sc.test_ok = known ? 0 : -1;
	}
	for (int j = 0; j < t->ntest && !st; j++) {
		st = arc_evaluator_run(ev, &t->test[j].input, active, out);
		*evaluated += nkept;
		for (size_t k = 0; k < nkept && !st && known; k++) {
			const arc_outcome *o = &out[cs[k].prog];
			cs[k].sc.test_ok += o->status == ARC_EVAL_OK && arc_grid_equal(&o->grid, &t->test[j].output);
		}
	}
	free(active);
	free(out);
	return st;
}

arc_status evo_select(arc_evaluator *ev, const evo_batch *batch, const evo_cand *cands,
                      const arc_task *t, const arch_row *best, size_t nbest, size_t keep,
                      evo_kept **kept, size_t *nkept, size_t *evaluated)
{
	*kept = NULL;
	*nkept = 0;
	size_t np = arc_battery_count(batch->bat);
	if (!np)
		return ARC_OK;
	cscore *cs = calloc(np, sizeof *cs);
	double *close = calloc(np, sizeof *close);
	arc_outcome *out = malloc(np * sizeof *out);
	arc_status st = cs && close && out ? ARC_OK : ARC_E_NOMEM;
	for (int k = 0; k < t->ntrain && !st; k++) {
		st = arc_evaluator_run(ev, &t->train[k].input, NULL, out);
		*evaluated += np;
		for (size_t p = 0; p < np && !st; p++) {
			cscore *c = &cs[p];
			c->sc.cost += arc_evaluator_work(ev, p);
			if (out[p].status != ARC_EVAL_OK) {
				c->sc.failed++;
				continue;
			}
			double cl = arc_closeness(&out[p].grid, &t->train[k].output);
			c->sc.exact += cl == 1.0 && arc_grid_equal(&out[p].grid, &t->train[k].output);
			close[p] += cl;
		}
	}
	for (size_t p = 0; p < np && !st; p++) {
		const evo_cand *c = &cands[batch->which[p]];
		cs[p].prog = (uint32_t)p;
		cs[p].size = c->size;
		cs[p].hash = c->hash;
		cs[p].sc.closeness = close[p] / t->ntrain;
	}
	size_t n = 0;
	if (!st) {
		qsort(cs, np, sizeof *cs, cmp_cscore);
		/* cs[0..n) becomes the kept ones: each ranks within `keep` of rows and kept so far */
		size_t before = 0;
		for (size_t p = 0; p < np && n < keep; p++) {
			if (cs[p].sc.closeness <= 0 || in_rows(cs[p].hash, best, nbest))
				continue;
			while (before < nbest && cmp_row(&cs[p], &best[before]) > 0)
				before++;
			if (before + n >= keep)
				break;
			cs[n++] = cs[p];
		}
		st = test_kept(ev, batch, t, cs, n, evaluated);
	}
	if (!st && n && !(*kept = malloc(n * sizeof **kept)))
		st = ARC_E_NOMEM;
	for (size_t k = 0; k < n && !st; k++)
		(*kept)[k] = (evo_kept){.cand = batch->which[cs[k].prog], .sc = cs[k].sc};
	if (!st)
		*nkept = n;
	free(cs);
	free(close);
	free(out);
	return st;
}

/* ---- shrinking ---- */

#define SHRINK_VARIANTS 512 /* variants tried per step (a 64-step program has fewer) */

static bool same_outcome(const arc_outcome *a, const arc_outcome *b)
{
	if (a->status != ARC_EVAL_OK || b->status != ARC_EVAL_OK)
		return a->status != ARC_EVAL_OK && b->status != ARC_EVAL_OK;
	return arc_grid_equal(&a->grid, &b->grid);
}

/* One shrink step: the smallest variant of cur whose outcomes equal cur's on every input. */
static bool shrink_once(const mprog *cur, const arc_task *t, const arc_limits *lim, mprog *vars,
                        mprog *next, uint64_t *cost, size_t *evaluated)
{
	size_t nv = mut_shrink_steps(cur, vars, SHRINK_VARIANTS);
	if (!nv)
		return false;
	strbuf sb = {0};
	sb_puts(&sb, "def s0(I):\n");
	mprog_text(cur, &sb);
	for (size_t v = 0; v < nv; v++) {
		sb_printf(&sb, "def s%zu(I):\n", v + 1);
		mprog_text(&vars[v], &sb);
	}
	arc_battery *b = arc_battery_new();
	bool ok = b && !sb.oom && arc_battery_add_text(b, "shrink", sb.s, sb.n, false, NULL) <= ARC_E_INPUT;
	sb_free(&sb);
	size_t np = ok ? arc_battery_count(b) : 0;
	arc_evaluator *ev = np ? arc_evaluator_new(b, lim) : NULL;
	arc_outcome *out = ev ? malloc(np * sizeof *out) : NULL;
	bool *same = out ? malloc(np * sizeof *same) : NULL;
	uint64_t *work = same ? calloc(np, sizeof *work) : NULL;
	ok = work && !strcmp(arc_battery_name(b, 0), "s0");
	for (size_t p = 0; ok && p < np; p++)
		same[p] = p > 0;
	int ninputs = t->ntrain + t->ntest;
	for (int k = 0; ok && k < ninputs; k++) {
		const arc_grid *in = k < t->ntrain ? &t->train[k].input : &t->test[k - t->ntrain].input;
		ok = arc_evaluator_run(ev, in, NULL, out) == ARC_OK;
		*evaluated += np;
		for (size_t p = 1; ok && p < np; p++) {
			same[p] &= same_outcome(&out[p], &out[0]);
			if (k < t->ntrain)
				work[p] += arc_evaluator_work(ev, p);
		}
	}
	size_t pick = 0;
	for (size_t p = 1; ok && p < np; p++) {
		size_t v = strtoul(arc_battery_name(b, p) + 1, NULL, 10) - 1;
		if (same[p] && (!pick || vars[v].n < next->n)) {
			*next = vars[v];
			*cost = work[p];
			pick = p;
		}
	}
	free(work);
	free(same);
	free(out);
	arc_evaluator_free(ev);
	arc_battery_free(b);
	return pick > 0;
}

bool evo_shrink(const mprog *m, const arc_task *t, const arc_limits *lim, mprog *out,
                uint64_t *cost, size_t *evaluated)
{
	mprog *vars = malloc(SHRINK_VARIANTS * sizeof *vars);
	mprog cur = *m, next;
	bool shrunk = false;
	while (vars && cur.n > 1 && shrink_once(&cur, t, lim, vars, &next, cost, evaluated)) {
		cur = next;
		shrunk = true;
	}
	free(vars);
	if (shrunk)
		*out = cur;
	return shrunk;
}

/* ---- hash sets ---- */

bool evo_hashset_add(evo_hashset *s, const char *hash, bool *oom)
{
	if ((s->n + 1) * 2 > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 256;
		uint64_t *k = calloc(cap, sizeof *k);
		if (!k) {
			*oom = true;
			return false;
		}
		for (size_t i = 0; i < s->cap; i++)
			if (s->k[i])
				for (size_t h = (s->k[i] >> 1) & (cap - 1);; h = (h + 1) & (cap - 1))
					if (!k[h]) {
						k[h] = s->k[i];
						break;
					}
		free(s->k);
		s->k = k;
		s->cap = cap;
	}
	char hi[17];
	memcpy(hi, hash, 16);
	hi[16] = '\0';
	uint64_t key = strtoull(hi, NULL, 16) | 1; /* never 0; 63 bits tell programs apart */
	for (size_t h = (key >> 1) & (s->cap - 1);; h = (h + 1) & (s->cap - 1)) {
		if (s->k[h] == key)
			return false;
		if (!s->k[h]) {
			s->k[h] = key;
			s->n++;
			return true;
		}
	}
}

void evo_hashset_free(evo_hashset *s)
{
	free(s->k);
	*s = (evo_hashset){0};
}
