/* dsl.h — evaluating arc-dsl: the primitive and constant tables generated from
 * prims.def/consts.def, function calls and closures, over the evaluation context (dsl_ctx.h). */
#ifndef ARC_DSL_H
#define ARC_DSL_H

#include "dsl_ctx.h"
#include "dsl_type.h"
#include "value.h"

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

/* dsl_run of a call of fn on n args. */
bool dsl_protect(dsl_ctx *c, value fn, const value *args, int n, value *out);

#endif
