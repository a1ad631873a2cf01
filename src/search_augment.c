/* search_augment.c — augmentation: a layer run on the task under a rigid transform t of every
 * grid (train inputs and outputs, test inputs), as icecuber searches flipped copies of a task.
 * A program P that reproduces every transformed train pair becomes t(I), P, then t's inverse
 * on the task itself: the same train pairs, since t is a bijection of grids. Only such
 * programs come back (a partial one's closeness would not carry over where shapes differ). */
#include <stdlib.h>
#include <string.h>

#include "dsl.h"
#include "program.h"
#include "search.h"

/* The rigid transforms by gprog.def's number (0 identity, 1 rot90, ..., 7 cmirror): the gprog
 * op of each, its DSL name and its inverse. */
static const uint8_t transform_op[8] = {0,           GOP_rot90,   GOP_rot180,  GOP_rot270,
                                        GOP_hmirror, GOP_vmirror, GOP_dmirror, GOP_cmirror};
static const char *const transform_name[8] = {"identity", "rot90",   "rot180",  "rot270",
                                              "hmirror",  "vmirror", "dmirror", "cmirror"};
static const uint8_t transform_inverse[8] = {0, 3, 2, 1, 4, 5, 6, 7};

/* g under transform t. */
static void transform(int t, const arc_grid *g, arc_grid *out)
{
	gprog p = {.n = 1, .op = {{.code = transform_op[t]}}};
	bool ok = gprog_apply(&p, g, out);
	(void)ok; /* a rigid transform of a 1..30 x 1..30 grid always is one */
}

/* task t under transform k into *out (pairs: room for the task's pairs); test outputs are left
 * out, as no layer may read them. */
static void transform_task(const arc_task *t, int k, arc_task *out, arc_pair *pairs)
{
	*out = (arc_task){.train = pairs, .test = pairs + t->ntrain, .ntrain = t->ntrain,
	                  .ntest = t->ntest};
	memcpy(out->id, t->id, sizeof out->id);
	for (int i = 0; i < t->ntrain + t->ntest; i++) {
		const arc_pair *p = i < t->ntrain ? &t->train[i] : &t->test[i - t->ntrain];
		transform(k, &p->input, &pairs[i].input);
		pairs[i].has_output = i < t->ntrain;
		if (pairs[i].has_output)
			transform(k, &p->output, &pairs[i].output);
	}
}

/* An operand of P moved past the new first line, t(I): I is that line, line j is j + 1. */
static operand shifted(operand o)
{
	if (o.kind == OPERAND_INPUT)
		return (operand){.kind = OPERAND_VAR, .id = 0};
	if (o.kind == OPERAND_VAR)
		o.id++;
	return o;
}

/* The canonical body of t(I), text's program P, then t's inverse into *body (malloc'd; *size:
 * its instructions). ARC_E_NOMEM, or ARC_E_INTERNAL where text does not parse (a bug). */
static arc_status conjugate(const char *text, int t, char **body, uint32_t *size,
                            const char *id, arc_error *err)
{
	*body = NULL;
	strbuf src = {0};
	sb_printf(&src, "def p(I):\n%s", text);
	program *p = NULL;
	size_t np = 0;
	long errs = src.oom ? -1 : parse_programs("search", src.s, src.n, &p, &np, NULL);
	sb_free(&src);
	prog_instr *ins = NULL;
	arc_status s = ARC_OK;
	if (errs > 0 || (!errs && (np != 1 || p[0].n + 2 > PROG_MAX_INSTRS))) {
		s = arc_error_set(err, ARC_E_INTERNAL, "search", id, 0, 0,
		                  "a found program does not parse back:\n%s", text);
		goto out;
	}
	if (errs < 0 || !(ins = calloc(p[0].n + 2, sizeof *ins))) {
		s = arc_error_set(err, ARC_E_NOMEM, NULL, id, 0, 0, "out of memory");
		goto out;
	}
	const char *fname = transform_name[t], *bname = transform_name[transform_inverse[t]];
	int fwd = prim_lookup(fname, strlen(fname)), back = prim_lookup(bname, strlen(bname));
	ins[0] = (prog_instr){.callee = {.kind = OPERAND_PRIM, .id = (uint16_t)fwd},
	                      .arg = {{.kind = OPERAND_INPUT}}, .nargs = 1};
	for (size_t k = 0; k < p[0].n; k++) {
		ins[k + 1] = p[0].ins[k];
		ins[k + 1].callee = shifted(ins[k + 1].callee);
		for (int a = 0; a < ins[k + 1].nargs; a++)
			ins[k + 1].arg[a] = shifted(ins[k + 1].arg[a]);
	}
	size_t last = p[0].n + 1;
	ins[last] = (prog_instr){.callee = {.kind = OPERAND_PRIM, .id = (uint16_t)back},
	                         .arg = {{.kind = OPERAND_VAR, .id = (uint16_t)(p[0].out + 1)}},
	                         .nargs = 1};
	strbuf sb = {0};
	program_body(ins, last + 1, last, &sb);
	if (sb.oom) {
		sb_free(&sb);
		s = arc_error_set(err, ARC_E_NOMEM, NULL, id, 0, 0, "out of memory");
	}
	*body = sb.s;
	*size = (uint32_t)(last + 1);
out:
	free(ins);
	for (size_t k = 0; k < np; k++)
		program_free(&p[k]);
	free(p);
	return s;
}

arc_status search_augmented(const search_in *in, search_layer_fn run, int t,
                            const search_budget *b, search_cand **out, size_t *n,
                            arc_search_stats *st, arc_error *err)
{
	*out = NULL, *n = 0;
	const arc_task *task = in->task;
	arc_pair *pairs = malloc((size_t)(task->ntrain + task->ntest) * sizeof *pairs);
	if (!pairs)
		return arc_error_set(err, ARC_E_NOMEM, NULL, task->id, 0, 0, "out of memory");
	arc_task tt;
	transform_task(task, t, &tt, pairs);
	search_in tin = *in;
	tin.task = &tt;
	search_cand *c = NULL;
	size_t nc = 0;
	arc_status s = run(&tin, b, &c, &nc, st, err);
	free(pairs);
	/* every slot owns its text or NULL, so a failure half-way frees all */
	size_t kept = 0;
	for (size_t k = 0; k < nc && s == ARC_OK; k++) {
		char *text = NULL;
		uint32_t size = 0;
		if (c[k].train_exact >= (uint32_t)task->ntrain)
			s = conjugate(c[k].text, t, &text, &size, task->id, err);
		free(c[k].text);
		c[k].text = NULL;
		if (text)
			c[kept++] = (search_cand){.text = text, .size = size,
			                          .train_exact = c[k].train_exact,
			                          .closeness = c[k].closeness};
	}
	if (s != ARC_OK || !kept) {
		search_cands_free(c, nc);
		return s;
	}
	*out = c, *n = kept;
	return ARC_OK;
}
