/* battery_eval.c — running a battery on one input: the nodes the active programs need are
 * evaluated once each, in graph order, under per-node limits; a failed node fails the nodes
 * that depend on it without computing them, and each program's outcome is read off its nodes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dsl.h"
#include "battery.h"

/* Node states besides DSL_OK and the dsl_err of a node's own failure. */
#define ARG_FAILED ((uint8_t)DSL_ERR_COUNT) /* an argument failed; not computed */
#define CLOCK_EVERY 1024               /* work units between clock reads inside a node */

struct arc_evaluator {
	const arc_battery *b; /* read only */
	arc_limits lim;
	arena mem;            /* values of the current input, reset per input */
	dsl_ctx ctx;
	value *val;           /* per node: its value in the current run */
	uint8_t *state;       /* per node: DSL_OK, its own dsl_err, or ARG_FAILED */
	uint32_t *stamp;      /* per node: the run that needs it (active runs only) */
	uint64_t *work;       /* per node: work units (dsl_work steps) its call took in this run */
	uint32_t run;         /* runs with an active mask so far */
	uint64_t computed;    /* nodes evaluated by the last run */
};

arc_evaluator *arc_evaluator_new(const arc_battery *b, const arc_limits *lim)
{
	arc_evaluator *ev = calloc(1, sizeof *ev);
	if (!ev)
		return NULL;
	ev->b = b;
	ev->lim = lim ? *lim : ARC_LIMITS_DEFAULT;
	size_t n = b->nnodes ? b->nnodes : 1;
	ev->val = calloc(n, sizeof *ev->val);
	ev->state = calloc(n, sizeof *ev->state);
	ev->stamp = calloc(n, sizeof *ev->stamp);
	ev->work = calloc(n, sizeof *ev->work);
	/* Node values stay for the whole input, so the arena holds several nodes' worth. */
	size_t cap = ev->lim.mem_bytes > SIZE_MAX / 8 ? SIZE_MAX / 2 : ev->lim.mem_bytes * 4;
	if (cap < ((size_t)64 << 20))
		cap = (size_t)64 << 20;
	if (!ev->val || !ev->state || !ev->stamp || !ev->work || arena_init(&ev->mem, cap)) {
		arc_evaluator_free(ev);
		return NULL;
	}
	dsl_ctx_init(&ev->ctx, &ev->mem);
	for (uint32_t id = 0; id < b->nnodes; id++) {
		const node *nd = &b->nodes[id];
		if (nd->op == NODE_CONST)
			ev->val[id] = const_table[nd->fn].v;
		else if (nd->op == NODE_FUNC)
			ev->val[id] = v_prim(nd->fn);
	}
	return ev;
}

void arc_evaluator_free(arc_evaluator *ev)
{
	if (!ev)
		return;
	arena_free(&ev->mem);
	free(ev->val);
	free(ev->state);
	free(ev->stamp);
	free(ev->work);
	free(ev);
}

uint64_t arc_evaluator_computed(const arc_evaluator *ev) { return ev->computed; }

uint64_t arc_evaluator_work(const arc_evaluator *ev, size_t prog)
{
	if (prog >= ev->b->nprogs)
		return 0;
	const battery_prog *p = &ev->b->progs[prog];
	uint64_t w = 0;
	for (uint32_t k = 0; k < p->n; k++)
		w += ev->work[p->nodes[k]];
	return w;
}

static uint64_t coarse_now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static value make_input(dsl_ctx *c, void *ud)
{
	const arc_grid *in = ud;
	grid *g = grid_alloc(c, in->h, in->w);
	for (int k = 0; k < in->h * in->w; k++)
		g->cell[k] = (int8_t)in->cell[k];
	return v_grid(g);
}

/* Evaluates node id, whose arguments are done. */
static void eval_node(arc_evaluator *ev, uint32_t id, uint64_t timeout_ns)
{
	const arc_battery *b = ev->b;
	const node *nd = &b->nodes[id];
	const uint32_t *a = b->argv + nd->args;
	size_t argc = nd->nargs + (nd->op == NODE_APPLY);
	for (size_t k = 0; k < argc; k++)
		if (ev->state[a[k]] != DSL_OK) {
			ev->state[id] = ARG_FAILED;
			ev->work[id] = 0;
			return;
		}
	value args[PROG_MAX_ARGS], fn;
	if (nd->op == NODE_APPLY) {
		fn = ev->val[a[0]];
		a++;
	} else
		fn = v_prim(nd->fn);
	for (int k = 0; k < nd->nargs; k++)
		args[k] = ev->val[a[k]];
	dsl_ctx *c = &ev->ctx;
	size_t room = ev->mem.cap - ev->mem.used;
	c->mem_limit = ev->mem.used + (ev->lim.mem_bytes < room ? ev->lim.mem_bytes : room);
	c->steps = 0;
	c->step_limit = ev->lim.steps;
	c->next_clock = ev->lim.steps < CLOCK_EVERY ? ev->lim.steps : CLOCK_EVERY;
	c->deadline_ns = timeout_ns ? coarse_now_ns() + timeout_ns : 0;
	c->depth = 0;
	ev->computed++;
	if (dsl_protect(c, fn, args, nd->nargs, &ev->val[id]))
		ev->state[id] = DSL_OK;
	else
		ev->state[id] = (uint8_t)c->err;
	ev->work[id] = c->steps;
}

/* "a 0x0 grid", "an int"... for NOT_GRID reasons; "" when v is a task grid. */
static const char *not_grid(value v, char *buf, size_t cap)
{
	static const char *const kinds[] = {"None", "a bool", "an int", "a pair", "a grid", "a tuple",
	                                    "a set of indices", "an object", "a frozenset", "a function"};
	if (v.kind != VK_GRID)
		return v.kind < sizeof kinds / sizeof *kinds ? kinds[v.kind] : "a value";
	const grid *g = v.g;
	if (g->h < 1 || g->h > ARC_GRID_MAX || g->w < 1 || g->w > ARC_GRID_MAX) {
		snprintf(buf, cap, "a %ux%u grid", g->h, g->w);
		return buf;
	}
	for (int k = 0; k < g->h * g->w; k++)
		if (g->cell[k] < 0 || g->cell[k] > 9) {
			snprintf(buf, cap, "a grid with colour %d", g->cell[k]);
			return buf;
		}
	return "";
}

static void outcome(const arc_evaluator *ev, const battery_prog *p, arc_outcome *o)
{
	for (uint32_t k = 0; k < p->n; k++) {
		uint8_t s = ev->state[p->nodes[k]];
		if (s == DSL_OK)
			continue;
		/* The first failed line of a program failed on its own: its arguments are earlier
		 * lines of the same program, which succeeded. */
		o->status = s == DSL_LIMIT_TIME ? ARC_EVAL_TIMEOUT :
		            s == DSL_LIMIT_MEMORY || s == DSL_LIMIT_STEPS ? ARC_EVAL_LIMIT : ARC_EVAL_ERROR;
		snprintf(o->reason, sizeof o->reason, "%s in %s (line %d)", dsl_err_name((dsl_err)s),
		         p->names + p->callee[k], p->lines[k]);
		return;
	}
	value v = ev->val[p->nodes[p->out]];
	char buf[64];
	const char *what = not_grid(v, buf, sizeof buf);
	if (*what) {
		o->status = ARC_EVAL_NOT_GRID;
		snprintf(o->reason, sizeof o->reason, "returned %s, not a grid (line %d)", what, p->lines[p->out]);
		return;
	}
	o->status = ARC_EVAL_OK;
	o->reason[0] = 0;
	o->grid.h = (uint8_t)v.g->h;
	o->grid.w = (uint8_t)v.g->w;
	memcpy(o->grid.cell, v.g->cell, (size_t)v.g->h * v.g->w);
}

arc_status arc_evaluator_run(arc_evaluator *ev, const arc_grid *input, const bool *active,
                             arc_outcome *out)
{
	const arc_battery *b = ev->b;
	if (input->h < 1 || input->h > ARC_GRID_MAX || input->w < 1 || input->w > ARC_GRID_MAX)
		return ARC_E_INPUT;
	arena_reset(&ev->mem, 0);
	ev->computed = 0;
	dsl_ctx *c = &ev->ctx;
	c->mem_limit = ev->mem.cap;
	c->step_limit = UINT64_MAX;
	c->deadline_ns = 0;
	value in;
	if (!dsl_run(c, make_input, (void *)input, &in))
		return ARC_E_NOMEM;
	if (active) {
		if (++ev->run == 0) {
			memset(ev->stamp, 0, b->nnodes * sizeof *ev->stamp);
			ev->run = 1;
		}
		for (size_t i = 0; i < b->nprogs; i++)
			if (active[i])
				for (uint32_t k = 0; k < b->progs[i].n; k++)
					ev->stamp[b->progs[i].nodes[k]] = ev->run;
	}
	uint64_t timeout_ns = ev->lim.timeout_s > 0 ? (uint64_t)(ev->lim.timeout_s * 1e9) : 0;
	for (uint32_t id = 0; id < b->nnodes; id++) {
		uint8_t op = b->nodes[id].op;
		if (op == NODE_INPUT) {
			ev->val[id] = in;
			ev->state[id] = DSL_OK;
		} else if (op == NODE_CONST || op == NODE_FUNC)
			ev->state[id] = DSL_OK;
		else if (!active || ev->stamp[id] == ev->run)
			eval_node(ev, id, timeout_ns);
	}
	for (size_t i = 0; i < b->nprogs; i++) {
		if (active && !active[i]) {
			out[i].status = ARC_EVAL_SKIPPED;
			out[i].reason[0] = 0;
		} else
			outcome(ev, &b->progs[i], &out[i]);
	}
	return ARC_OK;
}
