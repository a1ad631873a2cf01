/* dsl_ctx.h — the evaluation context: arena allocation under a memory limit, the step budget
 * (deterministic work units), the wall-clock backstop, and the failure exit (one protected
 * entry that every failure longjmps to). value.c and dsl.c both build on it. */
#ifndef ARC_DSL_CTX_H
#define ARC_DSL_CTX_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
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
	DSL_LIMIT_MEMORY, /* the memory limit of this evaluation */
	DSL_LIMIT_STEPS,  /* the step budget */
	DSL_LIMIT_TIME,   /* the wall-clock backstop */
	DSL_ERR_COUNT
} dsl_err;
const char *dsl_err_name(dsl_err e); /* "TypeError", ..., "MemoryLimit", "StepLimit", "Timeout" */

/* The state of one worker's evaluation. Not shared between threads. Fields are set through
 * dsl_ctx_init and dsl_ctx_limit; primitives only read mem (for scratch marks) and call
 * dsl_alloc, dsl_work and dsl_fail. */
struct dsl_ctx {
	arena *mem;            /* where every value of this evaluation lives */
	size_t mem_limit;      /* arena offset past which allocation fails (DSL_LIMIT_MEMORY) */
	size_t mem_peak;       /* highest arena offset reached since dsl_ctx_limit */
	uint64_t steps;        /* work done since dsl_ctx_limit: calls and loop iterations */
	uint64_t step_limit;   /* DSL_LIMIT_STEPS when steps reach it */
	uint64_t deadline_ns;  /* DSL_LIMIT_TIME when the monotonic clock passes it; 0 = none */
	uint64_t next_clock;   /* steps value at which the limits are checked next */
	unsigned depth;        /* nesting of function calls (closures calling functions) */
	jmp_buf *on_fail;      /* set by dsl_run; where dsl_fail jumps */
	dsl_err err;           /* why the last protected call failed */
	char msg[120];         /* what failed, for people */
};

/* Initialise a context over an arena with no limits but the arena's size. */
void dsl_ctx_init(dsl_ctx *c, arena *mem);
/* Limits for what runs next: at most mem_bytes allocated past the arena's current mark (and
 * never past its end), steps work units, timeout_ns of wall-clock time (0: none). Resets the
 * step count, the peak and the call depth. */
void dsl_ctx_limit(dsl_ctx *c, size_t mem_bytes, uint64_t steps, uint64_t timeout_ns);
/* Bytes past the mark of the last dsl_ctx_limit at the highest point since then. */
size_t dsl_ctx_peak(const dsl_ctx *c, size_t mark);
/* The monotonic clock, in ns (the backstop's clock). */
uint64_t dsl_clock_ns(void);

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

/* Charge the work of a loop before it runs (its units known up front): when the budget cannot
 * cover it, the evaluation fails here with its steps at the budget, the loop's work neither
 * done nor counted. So no call runs past the budget by more than the loops it charges as it
 * goes. */
static inline void dsl_work_ahead(dsl_ctx *c, uint64_t units)
{
	if (units >= c->step_limit - c->steps) {
		c->steps = c->step_limit;
		dsl_check_limits(c);
	}
	dsl_work(c, units);
}

/* Arena allocation for the current evaluation (8-byte aligned); fails on the memory limit. */
void *dsl_alloc(dsl_ctx *c, size_t bytes);

/* The one protected entry point: run body(c, ud). On failure it returns false with c->err and
 * c->msg set; whatever the arena received stays until the caller resets it. */
bool dsl_run(dsl_ctx *c, value (*body)(dsl_ctx *c, void *ud), void *ud, value *out);

#endif
