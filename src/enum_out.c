/* enum_out.c — the enumeration's candidates: grid-valued entries scored against the train
 * outputs as the runner scores programs (exact pairs, arc_closeness), and an entry printed as a
 * straight-line arc-dsl body, each shared sub-value once, in dependency order. */
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
static opd operand(const ent *ents, uint32_t id, prog_instr *ins, uint32_t *ids, size_t *n)
{
	const ent *e = &ents[id];
	switch ((ent_kind)e->kind) {
	case EK_INPUT: return (opd){.kind = OPD_INPUT};
	case EK_CONST: return (opd){.kind = OPD_CONST, .id = e->op};
	case EK_PRIM: return (opd){.kind = OPD_PRIM, .id = e->op};
	case EK_CALL: break;
	}
	for (size_t k = 0; k < *n; k++)
		if (ids[k] == id)
			return (opd){.kind = OPD_VAR, .id = (uint16_t)k};
	prog_instr in = {.callee = {.kind = OPD_PRIM, .id = e->op}, .nargs = e->nargs};
	for (int a = 0; a < e->nargs; a++)
		in.arg[a] = operand(ents, e->arg[a], ins, ids, n);
	ins[*n] = in;
	ids[*n] = id;
	return (opd){.kind = OPD_VAR, .id = (uint16_t)(*n)++};
}

void enum_print(const ent *ents, uint32_t root, strbuf *sb)
{
	prog_instr ins[ENUM_MAX_SIZE];
	uint32_t ids[ENUM_MAX_SIZE];
	size_t n = 0;
	operand(ents, root, ins, ids, &n);
	program_body(ins, n, n - 1, sb);
}
