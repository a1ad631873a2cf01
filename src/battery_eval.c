/* battery_eval.c — running a battery on one input: the nodes the active programs need are
 * evaluated once each, in graph order; a failed node fails the nodes that depend on it without
 * computing them, and each program's outcome is read off its nodes. The limits are per program
 * and input: a program's work and memory are the sums over its distinct nodes (a node shared
 * with other programs counted in full for each), so its outcome never depends on the rest of
 * the battery, the thread count or the clock (the wall-clock backstop aside). */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dsl.h"
#include "battery.h"

/* Node states besides DSL_OK and the dsl_err of a node's own failure. */
enum {
	NS_ARG_FAILED = DSL_ERR_COUNT, /* an argument failed; not computed */
	NS_SPILL,                      /* the arena of the shared pass was full: run it alone */
	NS_ARG_SPILL,                  /* an argument spilled; not computed */
};

/* Arena beyond one program's memory limit: the input grid and the evaluation's small values.
 * A program run alone therefore always finds its whole limit free. */
#define ARENA_FIXED ((size_t)1 << 20)

struct arc_evaluator {
	const arc_battery *b; /* read only */
	arc_limits lim;
	arena mem;            /* values of the current input, reset per input */
	dsl_ctx ctx;
	value *val;           /* per node: its value in the current run */
	uint8_t *state;       /* per node: DSL_OK, its own dsl_err, or an NS_ state */
	uint32_t *stamp;      /* per node: the run that needs it (active runs only) */
	uint64_t *work;       /* per node: work units (dsl_work steps) its call took in this run */
	size_t *bytes;        /* per node: arena bytes its call took at its peak */
	uint32_t *user_at;    /* per node: its users are user[user_at[id] .. user_at[id + 1]) */
	uint32_t *user;       /* programs using each node, each once */
	uint64_t *spent;      /* per program: work of its nodes computed so far in this run */
	size_t *held;         /* per program: bytes of its nodes computed so far in this run */
	uint32_t *seen;       /* per node: scratch stamps (users, outcome sums) */
	uint32_t pass;        /* stamps of seen handed out so far */
	uint32_t run;         /* runs with an active mask so far */
	uint64_t computed;    /* nodes evaluated by the last run */
};

/* The users of every node, programs in index order, each program once per node. */
static bool build_users(arc_evaluator *ev)
{
	const arc_battery *b = ev->b;
	size_t total = 0;
	ev->user_at = calloc((size_t)b->nnodes + 1, sizeof *ev->user_at);
	ev->seen = calloc(b->nnodes ? b->nnodes : 1, sizeof *ev->seen);
	if (!ev->user_at || !ev->seen)
		return false;
	for (size_t i = 0; i < b->nprogs; i++)
		for (uint32_t k = 0; k < b->progs[i].n; k++) {
			uint32_t id = b->progs[i].nodes[k];
			if (ev->seen[id] != i + 1) {
				ev->seen[id] = (uint32_t)i + 1;
				ev->user_at[id + 1]++;
				total++;
			}
		}
	for (uint32_t id = 0; id < b->nnodes; id++)
		ev->user_at[id + 1] += ev->user_at[id];
	ev->user = malloc((total ? total : 1) * sizeof *ev->user);
	uint32_t *fill = calloc(b->nnodes ? b->nnodes : 1, sizeof *fill);
	if (!ev->user || !fill) {
		free(fill);
		return false;
	}
	memset(ev->seen, 0, b->nnodes * sizeof *ev->seen);
	for (size_t i = 0; i < b->nprogs; i++)
		for (uint32_t k = 0; k < b->progs[i].n; k++) {
			uint32_t id = b->progs[i].nodes[k];
			if (ev->seen[id] != i + 1) {
				ev->seen[id] = (uint32_t)i + 1;
				ev->user[ev->user_at[id] + fill[id]++] = (uint32_t)i;
			}
		}
	free(fill);
	memset(ev->seen, 0, b->nnodes * sizeof *ev->seen);
	return true;
}

arc_evaluator *arc_evaluator_new(const arc_battery *b, const arc_limits *lim)
{
	arc_evaluator *ev = calloc(1, sizeof *ev);
	if (!ev)
		return NULL;
	ev->b = b;
	ev->lim = lim ? *lim : ARC_LIMITS_DEFAULT;
	size_t n = b->nnodes ? b->nnodes : 1, np = b->nprogs ? b->nprogs : 1;
	ev->val = calloc(n, sizeof *ev->val);
	ev->state = calloc(n, sizeof *ev->state);
	ev->stamp = calloc(n, sizeof *ev->stamp);
	ev->work = calloc(n, sizeof *ev->work);
	ev->bytes = calloc(n, sizeof *ev->bytes);
	ev->spent = calloc(np, sizeof *ev->spent);
	ev->held = calloc(np, sizeof *ev->held);
	/* one program's limit and the fixed part: memory per worker does not grow with the
	 * battery (a full arena sends the programs concerned to a run of their own) */
	size_t cap = ev->lim.mem_bytes > SIZE_MAX / 2 ? SIZE_MAX / 2 : ev->lim.mem_bytes;
	cap += ARENA_FIXED;
	if (!ev->val || !ev->state || !ev->stamp || !ev->work || !ev->bytes || !ev->spent ||
	    !ev->held || !build_users(ev) || arena_init(&ev->mem, cap)) {
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
	free(ev->bytes);
	free(ev->user_at);
	free(ev->user);
	free(ev->spent);
	free(ev->held);
	free(ev->seen);
	free(ev);
}

uint64_t arc_evaluator_computed(const arc_evaluator *ev) { return ev->computed; }

uint64_t arc_evaluator_work(const arc_evaluator *ev, size_t prog)
{
	return prog < ev->b->nprogs ? ev->spent[prog] : 0;
}

size_t arc_evaluator_bytes(const arc_evaluator *ev, size_t prog)
{
	return prog < ev->b->nprogs ? ev->held[prog] : 0;
}

static value make_input(dsl_ctx *c, void *ud)
{
	const arc_grid *in = ud;
	grid *g = grid_alloc(c, in->h, in->w);
	for (int k = 0; k < in->h * in->w; k++)
		g->cell[k] = (int8_t)in->cell[k];
	return v_grid(g);
}

/* Is program p among those run? `only` (when not SIZE_MAX) is the one program of a run alone. */
static bool is_run(const bool *active, size_t only, size_t p)
{
	return only != SIZE_MAX ? p == only : !active || active[p];
}

/* Evaluates node id, whose arguments are done, with the largest budget any of its programs
 * has left; each of them is charged the node's work and peak memory in full. */
static void eval_node(arc_evaluator *ev, uint32_t id, const bool *active, size_t only)
{
	const arc_battery *b = ev->b;
	const node *nd = &b->nodes[id];
	const uint32_t *a = b->argv + nd->args;
	size_t argc = nd->nargs + (nd->op == NODE_APPLY);
	ev->work[id] = 0;
	ev->bytes[id] = 0;
	for (size_t k = 0; k < argc; k++) {
		uint8_t s = ev->state[a[k]];
		if (s != DSL_OK) {
			ev->state[id] = s == NS_SPILL || s == NS_ARG_SPILL ? NS_ARG_SPILL : NS_ARG_FAILED;
			return;
		}
	}
	uint64_t steps = 0;
	size_t mem = 0;
	bool any = false;
	for (uint32_t u = ev->user_at[id]; u < ev->user_at[id + 1]; u++) {
		size_t p = ev->user[u];
		if (!is_run(active, only, p))
			continue;
		any = true;
		if (ev->spent[p] < ev->lim.steps && ev->lim.steps - ev->spent[p] > steps)
			steps = ev->lim.steps - ev->spent[p];
		if (ev->held[p] <= ev->lim.mem_bytes && ev->lim.mem_bytes - ev->held[p] > mem)
			mem = ev->lim.mem_bytes - ev->held[p];
	}
	if (!any)
		return;
	if (steps == 0) { /* every program using it has spent its budget already */
		ev->state[id] = DSL_LIMIT_STEPS;
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
	size_t mark = arena_mark(&ev->mem), room = ev->mem.cap - mark;
	uint64_t backstop = ev->lim.timeout_s > 0 ? (uint64_t)(ev->lim.timeout_s * 1e9) : 0;
	dsl_ctx_limit(c, mem, steps, backstop);
	ev->computed++;
	if (dsl_protect(c, fn, args, nd->nargs, &ev->val[id]))
		ev->state[id] = DSL_OK;
	else
		ev->state[id] = c->err == DSL_LIMIT_MEMORY && room < mem ? NS_SPILL : (uint8_t)c->err;
	ev->work[id] = c->steps;
	ev->bytes[id] = dsl_ctx_peak(c, mark);
	for (uint32_t u = ev->user_at[id]; u < ev->user_at[id + 1]; u++) {
		size_t p = ev->user[u];
		if (is_run(active, only, p)) {
			ev->spent[p] += ev->work[id];
			ev->held[p] += ev->bytes[id];
		}
	}
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

static arc_eval_status status_of(uint8_t s)
{
	return s == DSL_LIMIT_TIME ? ARC_EVAL_TIMEOUT :
	       s == DSL_LIMIT_MEMORY || s == DSL_LIMIT_STEPS ? ARC_EVAL_LIMIT : ARC_EVAL_ERROR;
}

/* Program prog's outcome; false when one of its nodes spilled (it must be run alone). The
 * first line in program order that fails on its own, or at which the program's work or
 * memory (its distinct nodes so far, in program order) passes the limit, is its failure. */
static bool outcome(arc_evaluator *ev, size_t prog, arc_outcome *o)
{
	const battery_prog *p = &ev->b->progs[prog];
	for (uint32_t k = 0; k < p->n; k++) {
		uint8_t s = ev->state[p->nodes[k]];
		if (s == NS_SPILL || s == NS_ARG_SPILL)
			return false;
	}
	if (++ev->pass == 0) {
		memset(ev->seen, 0, ev->b->nnodes * sizeof *ev->seen);
		ev->pass = 1;
	}
	uint64_t work = 0;
	size_t bytes = 0;
	for (uint32_t k = 0; k < p->n; k++) {
		uint32_t id = p->nodes[k];
		uint8_t s = ev->state[id];
		if (ev->seen[id] != ev->pass) {
			ev->seen[id] = ev->pass;
			work += ev->work[id];
			bytes += ev->bytes[id];
		}
		if (s == NS_ARG_FAILED)
			continue; /* an earlier line of this program failed: reported there */
		if (s == DSL_OK && work >= ev->lim.steps)
			s = DSL_LIMIT_STEPS;
		else if (s == DSL_OK && bytes > ev->lim.mem_bytes)
			s = DSL_LIMIT_MEMORY;
		if (s == DSL_OK)
			continue;
		o->status = status_of(s);
		snprintf(o->reason, sizeof o->reason, "%s in %s (line %d)", dsl_err_name((dsl_err)s),
		         p->names + p->callee[k], p->lines[k]);
		return true;
	}
	value v = ev->val[p->nodes[p->out]];
	char buf[64];
	const char *what = not_grid(v, buf, sizeof buf);
	if (*what) {
		o->status = ARC_EVAL_NOT_GRID;
		snprintf(o->reason, sizeof o->reason, "returned %s, not a grid (line %d)", what, p->lines[p->out]);
		return true;
	}
	o->status = ARC_EVAL_OK;
	o->reason[0] = 0;
	o->grid.h = (uint8_t)v.g->h;
	o->grid.w = (uint8_t)v.g->w;
	memcpy(o->grid.cell, v.g->cell, (size_t)v.g->h * v.g->w);
	return true;
}

/* One pass over the graph: the nodes of the programs run (all, active ones, or only one). */
static void walk(arc_evaluator *ev, value in, const bool *active, size_t only)
{
	const arc_battery *b = ev->b;
	for (size_t i = 0; i < b->nprogs; i++)
		if (is_run(active, only, i))
			ev->spent[i] = 0, ev->held[i] = 0;
	bool all = !active && only == SIZE_MAX;
	if (!all) {
		if (++ev->run == 0) {
			memset(ev->stamp, 0, b->nnodes * sizeof *ev->stamp);
			ev->run = 1;
		}
		for (size_t i = 0; i < b->nprogs; i++)
			if (is_run(active, only, i))
				for (uint32_t k = 0; k < b->progs[i].n; k++)
					ev->stamp[b->progs[i].nodes[k]] = ev->run;
	}
	for (uint32_t id = 0; id < b->nnodes; id++) {
		uint8_t op = b->nodes[id].op;
		if (op == NODE_INPUT) {
			ev->val[id] = in;
			ev->state[id] = DSL_OK;
		} else if (op == NODE_CONST || op == NODE_FUNC)
			ev->state[id] = DSL_OK;
		else if (all || ev->stamp[id] == ev->run)
			eval_node(ev, id, active, only);
	}
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
	dsl_ctx_limit(c, ev->mem.cap, UINT64_MAX, 0);
	value in;
	if (!dsl_run(c, make_input, (void *)input, &in))
		return ARC_E_NOMEM;
	size_t base = arena_mark(&ev->mem);
	walk(ev, in, active, SIZE_MAX);
	size_t spilled = 0;
	for (size_t i = 0; i < b->nprogs; i++) {
		if (active && !active[i]) {
			out[i].status = ARC_EVAL_SKIPPED;
			out[i].reason[0] = 0;
		} else if (!outcome(ev, i, &out[i]))
			out[i].status = ARC_EVAL_SKIPPED, spilled++; /* for now: it runs alone below */
	}
	/* Programs that met a full arena run alone, each in the arena emptied of the others. */
	for (size_t i = 0; spilled && i < b->nprogs; i++)
		if ((!active || active[i]) && out[i].status == ARC_EVAL_SKIPPED) {
			arena_reset(&ev->mem, base);
			walk(ev, in, NULL, i);
			bool done = outcome(ev, i, &out[i]);
			assert(done); /* alone, a program's limit always fits the arena */
			(void)done;
			spilled--;
		}
	return ARC_OK;
}

arc_limits arc_limits_for_seconds(double s)
{
	arc_limits lim = ARC_LIMITS_DEFAULT;
	double steps = s * ARC_STEPS_PER_SECOND;
	lim.steps = steps < 1 ? 1 : steps > 1e18 ? (uint64_t)1e18 : (uint64_t)steps;
	lim.timeout_s = s > 0 ? ARC_BACKSTOP_FACTOR * s + 0.1 : 0;
	return lim;
}
