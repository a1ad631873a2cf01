/* enum_out.c — the enumeration's candidates: grid-valued entries scored against the train
 * outputs as the runner scores programs (exact pairs, arc_closeness), ranked, and printed as
 * straight-line arc-dsl bodies, each shared sub-value once, in dependency order. */
#include <stdlib.h>
#include <string.h>

#include "enum_int.h"
#include "program.h"

bool enum_task_grid(value v, arc_grid *out)
{
	if (v.kind != VK_GRID)
		return false;
	const grid *g = v.g;
	if (g->h < 1 || g->h > ARC_GRID_MAX || g->w < 1 || g->w > ARC_GRID_MAX)
		return false;
	int n = g->h * g->w;
	for (int k = 0; k < n; k++) {
		if ((uint8_t)g->cell[k] > 9)
			return false;
		if (out)
			out->cell[k] = (uint8_t)g->cell[k];
	}
	if (out) {
		out->h = (uint8_t)g->h;
		out->w = (uint8_t)g->w;
	}
	return true;
}

bool enum_score(const arc_task *t, const value *vals, escore *sc)
{
	int nin = t->ntrain + t->ntest;
	for (int i = t->ntrain; i < nin; i++)
		if (!enum_task_grid(vals[i], NULL))
			return false;
	arc_grid g;
	double close = 0;
	uint32_t exact = 0;
	for (int i = 0; i < t->ntrain; i++) {
		if (!enum_task_grid(vals[i], &g))
			return false;
		double c = arc_closeness(&g, &t->train[i].output);
		exact += c == 1.0 && arc_grid_equal(&g, &t->train[i].output);
		close += c;
	}
	sc->exact = exact;
	sc->closeness = close / t->ntrain;
	return true;
}

/* The operand for entry id, appending the instructions it needs to ins (ids[k]: the entry of
 * instruction k). */
static operand entry_operand(const ent *ents, uint32_t id, prog_instr *ins, uint32_t *ids, size_t *n)
{
	const ent *e = &ents[id];
	switch ((ent_kind)e->kind) {
	case EK_INPUT: return (operand){.kind = OPERAND_INPUT};
	case EK_CONST: return (operand){.kind = OPERAND_CONST, .id = e->op};
	case EK_PRIM: return (operand){.kind = OPERAND_PRIM, .id = e->op};
	case EK_CALL: break;
	}
	for (size_t k = 0; k < *n; k++)
		if (ids[k] == id)
			return (operand){.kind = OPERAND_VAR, .id = (uint16_t)k};
	prog_instr in = {.callee = {.kind = OPERAND_PRIM, .id = e->op}, .nargs = e->nargs};
	for (int a = 0; a < e->nargs; a++)
		in.arg[a] = entry_operand(ents, e->arg[a], ins, ids, n);
	ins[*n] = in;
	ids[*n] = id;
	return (operand){.kind = OPERAND_VAR, .id = (uint16_t)(*n)++};
}

/* Entry root of ents as a canonical body (program_body). */
static void print_body(const ent *ents, uint32_t root, strbuf *sb)
{
	prog_instr ins[ENUM_MAX_SIZE];
	uint32_t ids[ENUM_MAX_SIZE];
	size_t n = 0;
	entry_operand(ents, root, ins, ids, &n);
	program_body(ins, n, n - 1, sb);
}

/* ---- ranking ---- */

static int cmp_score(const void *x, const void *y, void *ud)
{
	const escore *a = x, *b = y;
	const ent *ents = ud;
	if (a->exact != b->exact)
		return a->exact > b->exact ? -1 : 1;
	if (ents[a->ent].size != ents[b->ent].size)
		return ents[a->ent].size < ents[b->ent].size ? -1 : 1;
	if (a->closeness != b->closeness)
		return a->closeness > b->closeness ? -1 : 1;
	return (a->ent > b->ent) - (a->ent < b->ent);
}

static int cmp_cand(const void *x, const void *y)
{
	const enum_cand *a = x, *b = y;
	if (a->train_exact != b->train_exact)
		return a->train_exact > b->train_exact ? -1 : 1;
	if (a->size != b->size)
		return a->size < b->size ? -1 : 1;
	if (a->closeness != b->closeness)
		return a->closeness > b->closeness ? -1 : 1;
	return strcmp(a->text, b->text);
}

static void free_contents(enum_cand *c, size_t n)
{
	for (size_t k = 0; c && k < n; k++) {
		free(c[k].text);
		free(c[k].outputs);
	}
}

/* The entries ranked by score and size, every one tied with the last kept printed, then
 * ordered by text too. */
arc_status enum_rank(const ent *ents, const value *vals, int nin, escore *sc, size_t nsc,
                     size_t max, enum_cand **cands, size_t *n)
{
	*cands = NULL;
	*n = 0;
	size_t m = nsc < max ? nsc : max;
	if (!m)
		return ARC_OK;
	qsort_r(sc, nsc, sizeof *sc, cmp_score, (void *)ents);
	const escore *last = &sc[m - 1];
	while (m < nsc && sc[m].exact == last->exact && ents[sc[m].ent].size == ents[last->ent].size &&
	       sc[m].closeness == last->closeness)
		m++;
	enum_cand *c = calloc(m, sizeof *c);
	if (!c)
		return ARC_E_NOMEM;
	arc_status st = ARC_OK;
	for (size_t k = 0; k < m && !st; k++) {
		const escore *s = &sc[k];
		strbuf sb = {0};
		print_body(ents, s->ent, &sb);
		c[k] = (enum_cand){.text = sb.s, .size = ents[s->ent].size, .train_exact = s->exact,
		                   .closeness = s->closeness,
		                   .outputs = malloc((size_t)nin * sizeof *c[k].outputs)};
		if (sb.oom || !c[k].text || !c[k].outputs) {
			st = ARC_E_NOMEM;
			break;
		}
		for (int i = 0; i < nin; i++)
			enum_task_grid(vals[(size_t)s->ent * nin + i], &c[k].outputs[i]);
	}
	if (st) {
		enum_cands_free(c, m);
		return st;
	}
	qsort(c, m, sizeof *c, cmp_cand);
	size_t keep = max < m ? max : m;
	free_contents(c + keep, m - keep);
	*cands = c;
	*n = keep;
	return ARC_OK;
}

void enum_cands_free(enum_cand *c, size_t n)
{
	free_contents(c, n);
	free(c);
}
