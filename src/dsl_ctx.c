/* dsl_ctx.c — the evaluation context (see dsl_ctx.h): allocation under the memory limit, the
 * step budget and the wall-clock backstop, failures and the protected entry. */
#include "dsl_ctx.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Work units between two readings of the clock: a reading (vDSO, ~20 ns) costs about as much
 * as a few units of work, so this keeps the backstop's cost under a percent. */
#define CLOCK_EVERY 1024

static const char *const err_names[DSL_ERR_COUNT] = {
	"ok", "TypeError", "StopIteration", "ZeroDivisionError", "ValueError", "IndexError",
	"AttributeError", "RecursionError", "RuntimeError", "OverflowError", "MemoryLimit",
	"StepLimit", "Timeout",
};
const char *dsl_err_name(dsl_err e) { return e < DSL_ERR_COUNT ? err_names[e] : "?"; }

uint64_t dsl_clock_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void dsl_ctx_init(dsl_ctx *c, arena *mem)
{
	*c = (dsl_ctx){.mem = mem};
	dsl_ctx_limit(c, mem->cap, UINT64_MAX, 0);
}

void dsl_ctx_limit(dsl_ctx *c, size_t mem_bytes, uint64_t steps, uint64_t timeout_ns)
{
	size_t room = c->mem->cap - c->mem->used;
	c->mem_limit = c->mem->used + (mem_bytes < room ? mem_bytes : room);
	c->mem_peak = c->mem->used;
	c->steps = 0;
	c->step_limit = steps;
	c->next_clock = steps < CLOCK_EVERY ? steps : CLOCK_EVERY;
	c->deadline_ns = timeout_ns ? dsl_clock_ns() + timeout_ns : 0;
	c->depth = 0;
}

size_t dsl_ctx_peak(const dsl_ctx *c, size_t mark)
{
	size_t top = c->mem_peak > c->mem->used ? c->mem_peak : c->mem->used;
	return top > mark ? top - mark : 0;
}

_Noreturn void dsl_fail(dsl_ctx *c, dsl_err e, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(c->msg, sizeof c->msg, fmt, ap);
	va_end(ap);
	c->err = e;
	if (!c->on_fail) {
		fprintf(stderr, "arcbatt: DSL failure outside dsl_run: %s: %s\n", dsl_err_name(e), c->msg);
		abort();
	}
	longjmp(*c->on_fail, 1);
}

void dsl_check_limits(dsl_ctx *c)
{
	if (c->steps >= c->step_limit)
		dsl_fail(c, DSL_LIMIT_STEPS, "step limit of %llu reached", (unsigned long long)c->step_limit);
	if (c->deadline_ns && dsl_clock_ns() > c->deadline_ns)
		dsl_fail(c, DSL_LIMIT_TIME, "time limit reached");
	c->next_clock = c->step_limit - c->steps > CLOCK_EVERY ? c->steps + CLOCK_EVERY : c->step_limit;
}

void *dsl_alloc(dsl_ctx *c, size_t bytes)
{
	arena *a = c->mem;
	size_t at = (a->used + 7) & ~(size_t)7;
	size_t limit = c->mem_limit < a->cap ? c->mem_limit : a->cap;
	if (bytes > limit || at > limit - bytes)
		dsl_fail(c, DSL_LIMIT_MEMORY, "memory limit reached (%zu bytes asked)", bytes);
	a->used = at + bytes;
	/* scratch space is given back by arena_reset: the peak is what the limit must cover */
	if (a->used > c->mem_peak)
		c->mem_peak = a->used;
	return a->base + at;
}

bool dsl_run(dsl_ctx *c, value (*body)(dsl_ctx *c, void *ud), void *ud, value *out)
{
	jmp_buf jb;
	jmp_buf *volatile saved = c->on_fail;
	volatile unsigned depth = c->depth;
	c->on_fail = &jb;
	if (setjmp(jb)) {
		c->on_fail = saved;
		c->depth = depth;
		return false;
	}
	*out = body(c, ud);
	c->on_fail = saved;
	c->err = DSL_OK;
	return true;
}
