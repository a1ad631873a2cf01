/* dsl.h — evaluating arc-dsl: the evaluation context (arena, limits, the failure exit), the
 * primitive and constant tables generated from prims.def/consts.def, and function calls. */
#ifndef ARC_DSL_H
#define ARC_DSL_H

#include <setjmp.h>
#include <stdarg.h>

#include "arena.h"
#include "dsl_type.h"
#include "value.h"

/* Why an evaluation failed: the Python exception the reference raises, or one of our limits. */
typedef enum dsl_err {
	DSL_OK,
	DSL_TYPE_ERROR,
	DSL_STOP_ITERATION,
	DSL_ZERO_DIVISION,
	DSL_VALUE_ERROR,
	DSL_INDEX_ERROR,
	DSL_ATTRIBUTE_ERROR,
	DSL_RECURSION_ERROR,
	DSL_RUNTIME_ERROR,
	DSL_OVERFLOW,     /* a value outside what we represent (int32, int16 coordinates, int8 cells) */
	DSL_LIMIT_MEMORY, /* the arena limit of this evaluation */
	DSL_LIMIT_STEPS,  /* the step budget */
	DSL_LIMIT_TIME,   /* the wall-clock deadline */
	DSL_ERR_COUNT
} dsl_err;
const char *dsl_err_name(dsl_err e); /* "TypeError", ..., "MemoryLimit", "StepLimit", "Timeout" */

/* The state of one worker's evaluation. Not shared between threads. */
struct dsl_ctx {
	arena *mem;            /* where every value of this evaluation lives */
	size_t mem_limit;      /* arena offset past which allocation fails (DSL_LIMIT_MEMORY) */
	uint64_t steps;        /* work done so far: calls and loop iterations */
	uint64_t step_limit;   /* DSL_LIMIT_STEPS when steps exceed it */
	uint64_t deadline_ns;  /* DSL_LIMIT_TIME when the monotonic clock passes it; 0 = none */
	uint64_t next_clock;   /* steps value at which the clock is read next */
	unsigned depth;        /* nesting of function calls (closures calling functions) */
	jmp_buf *on_fail;      /* set by dsl_protect; where dsl_fail jumps */
	dsl_err err;           /* why the last protected call failed */
	char msg[120];         /* what failed, for people */
};

/* Initialise a context over an arena with generous default limits. */
void dsl_ctx_init(dsl_ctx *c, arena *mem);

/* End the current evaluation with an error. Never returns. */
_Noreturn void dsl_fail(dsl_ctx *c, dsl_err e, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Fails when the step budget is spent or the deadline has passed. */
void dsl_check_limits(dsl_ctx *c);
/* Count `units` of work; fails on the step limit, and reads the clock now and then. */
static inline void dsl_work(dsl_ctx *c, uint64_t units)
{
	c->steps += units;
	if (c->steps >= c->next_clock)
		dsl_check_limits(c);
}

/* Arena allocation for the current evaluation (8-byte aligned); fails on the memory limit. */
void *dsl_alloc(dsl_ctx *c, size_t bytes);

/* ---- primitives ---- */
typedef value (*prim_fn)(dsl_ctx *c, const value *args);
enum prim_id {
#define P(name, fam, arity, ret, a, b, cc, d) PRIM_##name,
#include "prims.def"
#undef P
	PRIM_COUNT,
	PRIM_CLOSURE = 0xffff /* value.prim of a closure */
};
#define P(name, fam, arity, ret, a, b, cc, d) value prim_##name(dsl_ctx *c, const value *args);
#include "prims.def"
#undef P

typedef struct prim_info {
	const char *name;  /* as written in programs */
	const char *family;/* source file family: arith, util, objects, geom, lines */
	uint8_t arity;     /* number of parameters */
	uint8_t ret;       /* dsl_type of the result */
	uint8_t arg[4];    /* dsl_type of each parameter */
	prim_fn fn;
} prim_info;
extern const prim_info prim_table[PRIM_COUNT];
int prim_lookup(const char *name, size_t len); /* primitive id, or -1 */
static inline value v_prim(int id)
{
	return (value){.kind = VK_FUNC, .prim = (uint16_t)id, .arity = prim_table[id].arity};
}

/* ---- constants (constants.py) ---- */
enum const_id {
#define K(name, kind, a, b) CONST_##name,
#include "consts.def"
#undef K
	CONST_COUNT
};
typedef struct const_info {
	const char *name;
	value v;
} const_info;
extern const const_info const_table[CONST_COUNT];
int const_lookup(const char *name, size_t len); /* constant id, or -1 */

/* ---- calls ---- */
/* Apply a function value to n arguments (TypeError if f is not a function or n is not its
 * arity). Counts one step, guards the nesting depth. */
value dsl_call(dsl_ctx *c, value f, const value *args, int n);
static inline value dsl_call1(dsl_ctx *c, value f, value x) { return dsl_call(c, f, &x, 1); }
static inline value dsl_call2(dsl_ctx *c, value f, value x, value y)
{
	value a[2] = {x, y};
	return dsl_call(c, f, a, 2);
}
/* A closure value (arity given by the caller, following the rules of DSL.md 6.2). */
value v_closure(dsl_ctx *c, clkind kind, int arity, int32_t n, const value *f, int nf);
/* Parameter count of a function value as rbind/lbind see it. */
int func_arity(value f);

/* The one protected entry point: run body(c, ud). On failure it returns false with c->err and
 * c->msg set; whatever the arena received stays until the caller resets it. */
bool dsl_run(dsl_ctx *c, value (*body)(dsl_ctx *c, void *ud), void *ud, value *out);
/* dsl_run of a call of fn on n args. */
bool dsl_protect(dsl_ctx *c, value fn, const value *args, int n, value *out);

#endif
