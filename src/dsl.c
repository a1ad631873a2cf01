/* dsl.c — the primitive and constant tables, name lookup, function calls and closures, and
 * protected calls (dsl_protect over dsl_ctx.c's dsl_run). */
#include "dsl.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STR(x) #x
const prim_info prim_table[PRIM_COUNT] = {
#define P(name, fam, ar, ret, a, b, cc, d) \
	{STR(name), STR(fam), ar, T_##ret, {T_##a, T_##b, T_##cc, T_##d}, prim_##name},
#include "prims.def"
#undef P
};
static_assert(PRIM_COUNT == 160, "arc-dsl has 160 primitives");

#define CONST_BOOL(a, b) {.kind = VK_BOOL, .i = a}
#define CONST_INT(a, b) {.kind = VK_INT, .i = a}
#define CONST_PAIR(a, b) {.kind = VK_PAIR, .i = a, .j = b}
const const_info const_table[CONST_COUNT] = {
#define K(name, kind, a, b) {STR(name), CONST_##kind(a, b)},
#include "consts.def"
#undef K
};
static_assert(CONST_COUNT == 28, "arc-dsl has 28 constants");

/* ---- name lookup: sorted indexes built once ---- */

static uint16_t prim_sorted[PRIM_COUNT], const_sorted[CONST_COUNT];
static pthread_once_t lookup_once = PTHREAD_ONCE_INIT;

static int cmp_prim_names(const void *a, const void *b)
{
	return strcmp(prim_table[*(const uint16_t *)a].name, prim_table[*(const uint16_t *)b].name);
}
static int cmp_const_names(const void *a, const void *b)
{
	return strcmp(const_table[*(const uint16_t *)a].name, const_table[*(const uint16_t *)b].name);
}
static void build_lookup(void)
{
	for (int k = 0; k < PRIM_COUNT; k++)
		prim_sorted[k] = (uint16_t)k;
	for (int k = 0; k < CONST_COUNT; k++)
		const_sorted[k] = (uint16_t)k;
	qsort(prim_sorted, PRIM_COUNT, sizeof prim_sorted[0], cmp_prim_names);
	qsort(const_sorted, CONST_COUNT, sizeof const_sorted[0], cmp_const_names);
}

/* Compare a (name, len) string with a NUL-terminated one, as strcmp would. */
static int cmp_len(const char *s, size_t len, const char *z)
{
	int r = strncmp(s, z, len);
	return r ? r : (z[len] ? -1 : 0);
}

#define DEFINE_LOOKUP(FN, SORTED, COUNT, TABLE)                  \
	int FN(const char *name, size_t len)                     \
	{                                                        \
		pthread_once(&lookup_once, build_lookup);        \
		size_t lo = 0, hi = COUNT;                       \
		while (lo < hi) {                                \
			size_t mid = (lo + hi) / 2;              \
			int r = cmp_len(name, len, TABLE[SORTED[mid]].name); \
			if (r == 0)                              \
				return SORTED[mid];              \
			if (r < 0)                               \
				hi = mid;                        \
			else                                     \
				lo = mid + 1;                    \
		}                                                \
		return -1;                                       \
	}
DEFINE_LOOKUP(prim_lookup, prim_sorted, PRIM_COUNT, prim_table)
DEFINE_LOOKUP(const_lookup, const_sorted, CONST_COUNT, const_table)

#define MAX_DEPTH 200

/* ---- functions ---- */

int func_arity(value f) { return f.arity; }

value v_closure(dsl_ctx *c, clkind kind, int arity, int32_t n, const value *f, int nf)
{
	uint16_t depth = val_nest(c, f, (size_t)nf);
	closure *cl = dsl_alloc(c, sizeof *cl);
	*cl = (closure){.kind = (uint8_t)kind, .n = n, .depth = depth};
	for (int k = 0; k < nf; k++)
		cl->f[k] = f[k];
	return (value){.kind = VK_FUNC, .prim = PRIM_CLOSURE, .arity = (uint8_t)arity, .cl = cl};
}

/* Out of line, so that dsl_call stays small for the common case, a primitive. */
__attribute__((noinline)) static value call_closure(dsl_ctx *c, const closure *cl,
                                                    const value *args, int n)
{
	value a[4];
	switch ((clkind)cl->kind) {
	case CL_COMPOSE: return dsl_call1(c, cl->f[0], dsl_call1(c, cl->f[1], args[0]));
	case CL_CHAIN:
		return dsl_call1(c, cl->f[0], dsl_call1(c, cl->f[1], dsl_call1(c, cl->f[2], args[0])));
	case CL_FORK: {
		value x = dsl_call1(c, cl->f[1], args[0]);
		value y = dsl_call1(c, cl->f[2], args[0]);
		return dsl_call2(c, cl->f[0], x, y);
	}
	case CL_MATCHER: return v_bool(val_eq(dsl_call1(c, cl->f[0], args[0]), cl->f[1]));
	case CL_RBIND:
		memcpy(a, args, (size_t)n * sizeof *a);
		a[n] = cl->f[1];
		return dsl_call(c, cl->f[0], a, n + 1);
	case CL_LBIND:
		a[0] = cl->f[1];
		memcpy(a + 1, args, (size_t)n * sizeof *a);
		return dsl_call(c, cl->f[0], a, n + 1);
	case CL_POWER: {
		value x = args[0];
		for (int32_t k = 0; k < cl->n; k++)
			x = dsl_call1(c, cl->f[0], x);
		return x;
	}
	}
	dsl_fail(c, DSL_RUNTIME_ERROR, "bad closure");
}

static const char *kind_name(value v)
{
	static const char *const names[] = {"NoneType", "bool", "int", "tuple", "tuple", "tuple",
	                                    "frozenset", "frozenset", "frozenset", "function"};
	return v.kind < sizeof names / sizeof names[0] ? names[v.kind] : "?";
}

value dsl_call(dsl_ctx *c, value f, const value *args, int n)
{
	if (f.kind != VK_FUNC)
		dsl_fail(c, DSL_TYPE_ERROR, "'%s' object is not callable", kind_name(f));
	if (n != f.arity)
		dsl_fail(c, DSL_TYPE_ERROR, "%s takes %d arguments, %d given",
		         f.prim == PRIM_CLOSURE ? "closure" : prim_table[f.prim].name, f.arity, n);
	if (++c->depth > MAX_DEPTH)
		dsl_fail(c, DSL_RECURSION_ERROR, "maximum call depth exceeded");
	dsl_work(c, 1);
	value r = f.prim == PRIM_CLOSURE ? call_closure(c, f.cl, args, n) : prim_table[f.prim].fn(c, args);
	c->depth--;
	return r;
}

typedef struct call_args {
	value fn;
	const value *args;
	int n;
} call_args;

static value run_call(dsl_ctx *c, void *ud)
{
	const call_args *a = ud;
	return dsl_call(c, a->fn, a->args, a->n);
}

bool dsl_protect(dsl_ctx *c, value fn, const value *args, int n, value *out)
{
	call_args a = {fn, args, n};
	return dsl_run(c, run_call, &a, out);
}
