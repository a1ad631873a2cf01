/* enum_prims.c — what the enumeration tries: the primitives it applies, in the order it tries
 * them at each size (most useful first: grid transforms, then objects and patches, then the
 * higher-order ones, arithmetic and sets, and the ANY-typed ones that multiply most last), the
 * class of every parameter, and the checks between arguments that the type hints allow (a
 * function's parameter against a container's elements, compose's chain, rbind's bound value). */
#include <stdint.h>

#include "enum_int.h"

#define ID(name) PRIM_##name

/* Left out: identity (a no-op), chain (compose twice), branch, equality, contained, other,
 * remove, insert and repeat (their ANY parameters take every value, and as values they mostly
 * repeat T and F), rapply (needs containers of functions), papply, mpapply, prapply, power,
 * product, pair and interval (rare in written solvers; they multiply fast or fill memory with
 * tuples).
 * equality, contained and the others stay available as function values (fork, matcher). */
const uint16_t enum_order[] = {
	/* grid -> grid */
	ID(rot90), ID(rot180), ID(rot270), ID(hmirror), ID(vmirror), ID(dmirror), ID(cmirror),
	ID(tophalf), ID(bottomhalf), ID(lefthalf), ID(righthalf), ID(trim), ID(compress),
	ID(upscale), ID(hupscale), ID(vupscale), ID(downscale), ID(hconcat), ID(vconcat),
	ID(replace), ID(switch), ID(fill), ID(paint), ID(underfill), ID(underpaint), ID(cover),
	ID(cellwise), ID(canvas), ID(subgrid),
	/* objects and patches */
	ID(objects), ID(partition), ID(fgpartition), ID(ofcolor), ID(asindices), ID(asobject),
	ID(colorfilter), ID(sizefilter), ID(toobject), ID(toindices), ID(recolor), ID(shift),
	ID(normalize), ID(merge), ID(first), ID(last), ID(mostcolor), ID(leastcolor), ID(palette),
	ID(numcolors), ID(color), ID(size), ID(height), ID(width), ID(shape), ID(ulcorner),
	ID(urcorner), ID(llcorner), ID(lrcorner), ID(center), ID(centerofmass), ID(backdrop),
	ID(delta), ID(box), ID(inbox), ID(outbox), ID(corners), ID(dneighbors), ID(ineighbors),
	ID(neighbors), ID(hfrontier), ID(vfrontier), ID(frontiers), ID(shoot), ID(connect),
	ID(occurrences), ID(position), ID(gravitate), ID(move), ID(hsplit), ID(vsplit), ID(crop),
	/* higher order */
	ID(apply), ID(mapply), ID(sfilter), ID(mfilter), ID(argmax), ID(argmin), ID(extract),
	ID(compose), ID(rbind), ID(lbind), ID(matcher), ID(fork), ID(order), ID(valmax),
	ID(valmin),
	/* arithmetic, tuples and sets */
	ID(astuple), ID(add), ID(subtract), ID(multiply), ID(divide), ID(invert), ID(double),
	ID(halve), ID(increment), ID(decrement), ID(crement), ID(sign), ID(toivec), ID(tojvec),
	ID(combine), ID(intersection), ID(difference), ID(dedupe),
	ID(totuple), ID(maximum), ID(minimum), ID(mostcommon), ID(leastcommon), ID(colorcount),
	ID(index), ID(portrait), ID(square), ID(vline), ID(hline), ID(hmatching), ID(vmatching),
	ID(manhattan), ID(adjacent), ID(bordering), ID(hperiod), ID(vperiod), ID(even),
	ID(positive), ID(flip), ID(both), ID(either), ID(greater), ID(initset),
};
const size_t enum_norder = sizeof enum_order / sizeof enum_order[0];

static bool higher_order(int p)
{
	const prim_info *pi = &prim_table[p];
	for (int k = 0; k < pi->arity; k++)
		if (pi->arg[k] == T_CALLABLE)
			return true;
	return false;
}

bool enum_prim_leaf(int p)
{
	if (higher_order(p) || prim_table[p].arity > 3)
		return false;
	for (size_t k = 0; k < enum_norder; k++)
		if (enum_order[k] == p)
			return true;
	return false;
}

int enum_param_class(int p, int k)
{
	dsl_type t = prim_table[p].arg[k];
	if (t != T_CALLABLE)
		return t;
	switch (p) {
	case PRIM_papply:
	case PRIM_mpapply: return ENUM_CLS_FN2;
	case PRIM_fork: return k == 0 ? ENUM_CLS_FN2 : ENUM_CLS_FN1;
	case PRIM_rbind:
	case PRIM_lbind: return ENUM_CLS_FNB;
	default: return ENUM_CLS_FN1;
	}
}

bool enum_class_admits(int cls, const ent *e)
{
	bool fn = e->shapes == SH_FUNC;
	switch (cls) {
	case ENUM_CLS_FN1: return fn && e->sig.arity == 1;
	case ENUM_CLS_FN2: return fn && e->sig.arity == 2;
	case ENUM_CLS_FNB: return fn && (e->sig.arity == 2 || e->sig.arity == 3);
	default: return !fn && e->shapes && !(e->shapes & ~dsl_type_shapes((dsl_type)cls));
	}
}

/* Every element of container c fits parameter type t. */
static bool elems_fit(const ent *c, uint8_t t) { return !(c->eshapes & ~dsl_type_shapes(t)); }
/* Every value of e fits type t. */
static bool all_fit(const ent *e, uint8_t t) { return !(e->shapes & ~dsl_type_shapes(t)); }

/* The two-argument primitives fork combines results with: arithmetic on sizes and positions,
 * tests, sets, and painting or moving a patch. */
static bool fork_combiner(int p)
{
	switch (p) {
	case PRIM_add:
	case PRIM_subtract:
	case PRIM_multiply:
	case PRIM_astuple:
	case PRIM_equality:
	case PRIM_greater:
	case PRIM_both:
	case PRIM_either:
	case PRIM_combine:
	case PRIM_intersection:
	case PRIM_difference:
	case PRIM_recolor:
	case PRIM_shift:
	case PRIM_toobject:
	case PRIM_connect:
	case PRIM_hconcat:
	case PRIM_vconcat:
	case PRIM_paint:
	case PRIM_cover:
	case PRIM_subgrid: return true;
	default: return false;
	}
}

unsigned enum_prim_extra(int p) { return p == PRIM_fork || p == PRIM_compose; }

bool enum_makes_function(int p) { return prim_table[p].ret == T_CALLABLE; }

/* A value bound into a function (rbind, lbind, matcher): the input or a constant; binding
 * every value found would multiply the functions by the values. */
static bool bindable(const ent *x) { return x->kind == EK_INPUT || x->kind == EK_CONST; }

bool enum_invariant_ok(int p)
{
	return p == PRIM_astuple || p == PRIM_toivec || p == PRIM_tojvec || p == PRIM_canvas ||
	       enum_makes_function(p);
}

/* The colour an integer constant names, or -1. */
static int const_colour(const ent *x)
{
	if (x->kind != EK_CONST || const_table[x->op].v.kind != VK_INT)
		return -1;
	int c = const_table[x->op].v.i;
	return c >= 0 && c <= 9 ? c : -1;
}

/* The value of an integer constant, or INT32_MIN for anything else. */
static int32_t const_int(const ent *x)
{
	return x->kind == EK_CONST && const_table[x->op].v.kind == VK_INT ? const_table[x->op].v.i
	                                                                  : INT32_MIN;
}

/* A pair constant both of whose components are at least lo (anything not a constant passes). */
static bool pair_at_least(const ent *x, int32_t lo)
{
	if (x->kind != EK_CONST || const_table[x->op].v.kind != VK_PAIR)
		return true;
	value v = const_table[x->op].v;
	return v.i >= lo && v.j >= lo;
}

/* A pair constant below grid g's largest height and width (+ slack) on both axes (grids of
 * unknown size and anything not a constant pass). */
static bool pair_below(const ent *x, const ent *g, int32_t slack)
{
	if (x->kind != EK_CONST || const_table[x->op].v.kind != VK_PAIR || !g->hmax)
		return true;
	value v = const_table[x->op].v;
	return v.i < g->hmax + slack && v.j < g->wmax + slack;
}

/* A factor or count constant below lo changes nothing or empties the grid. */
static bool int_at_least(const ent *x, int32_t lo)
{
	int32_t v = const_int(x);
	return v == INT32_MIN || v >= lo;
}

/* Grid g scaled by constant k along the axes asked stays within 30 x 30 (unknowns pass). */
static bool fits_scaled(const ent *g, const ent *k, bool rows, bool cols)
{
	int32_t f = const_int(k);
	if (f == INT32_MIN || g->shapes != SH_GRID)
		return true;
	return (!rows || (int64_t)g->hmax * f <= ARC_GRID_MAX) &&
	       (!cols || (int64_t)g->wmax * f <= ARC_GRID_MAX);
}

static bool int_at_most(const ent *x, int32_t hi)
{
	int32_t v = const_int(x);
	return v == INT32_MIN || v <= hi;
}

static bool all_sets(const ent *x) { return !(x->shapes & ~dsl_type_shapes(T_FROZENSET)); }

/* A colour constant that some train output has (anything not a constant passes): the goal
 * decides which colours are worth painting. */
static bool painted(const ent *x) { return const_colour(x) < 0 || x->out_colour; }

/* Colour constant x occurs in grid g on some input (other colours change nothing). */
static bool colour_in(const ent *g, const ent *x)
{
	int c = const_colour(x);
	return c < 0 || (g->pal >> c & 1);
}

bool enum_args_fit(int p, const ent *const *a)
{
	switch (p) {
	case PRIM_apply: return elems_fit(a[1], a[0]->sig.par[0]);
	case PRIM_mapply:
		return elems_fit(a[1], a[0]->sig.par[0]) && dsl_type_may_fit(a[0]->sig.ret, T_CONTAINER);
	case PRIM_sfilter:
	case PRIM_mfilter:
	case PRIM_extract:
		return elems_fit(a[0], a[1]->sig.par[0]) && dsl_type_may_fit(a[1]->sig.ret, T_BOOLEAN);
	case PRIM_argmax:
	case PRIM_argmin:
	case PRIM_valmax:
	case PRIM_valmin:
	case PRIM_order:
		return elems_fit(a[0], a[1]->sig.par[0]) && dsl_type_may_fit(a[1]->sig.ret, T_INTEGER);
	case PRIM_compose: return dsl_type_may_fit(a[1]->sig.ret, a[0]->sig.par[0]);
	case PRIM_fork:
		return a[0]->kind == EK_PRIM && fork_combiner(a[0]->op) && a[1] != a[2] &&
		       dsl_type_fits(a[1]->sig.ret, a[0]->sig.par[0]) &&
		       dsl_type_fits(a[2]->sig.ret, a[0]->sig.par[1]) &&
		       dsl_type_may_fit(a[1]->sig.par[0], a[2]->sig.par[0]);
	case PRIM_matcher: return bindable(a[1]) && all_fit(a[1], a[0]->sig.ret);
	case PRIM_rbind:
		return bindable(a[1]) && all_fit(a[1], a[0]->sig.par[a[0]->sig.arity - 1]);
	case PRIM_lbind: return bindable(a[1]) && all_fit(a[1], a[0]->sig.par[0]);
	/* colours painted are colours of the outputs */
	case PRIM_replace: return a[1] != a[2] && colour_in(a[0], a[1]) && painted(a[2]);
	case PRIM_fill:
	case PRIM_underfill: return painted(a[1]);
	case PRIM_recolor:
	case PRIM_canvas: return painted(a[0]) && (p == PRIM_recolor || pair_at_least(a[1], 1));
	case PRIM_switch: return a[1] != a[2] && colour_in(a[0], a[1]) && colour_in(a[0], a[2]);
	case PRIM_ofcolor: return colour_in(a[0], a[1]);
	/* a corner past the grid on every input crops nothing; sizes past it are clipped */
	case PRIM_crop:
		return pair_at_least(a[1], 0) && pair_at_least(a[2], 1) && pair_below(a[1], a[0], 0) &&
		       pair_below(a[2], a[0], 1);
	/* a grid against itself is itself */
	case PRIM_cellwise: return a[0] != a[1];
	/* grids beyond 30 x 30 are refused after the call (try_call); known sizes refuse them before */
	case PRIM_upscale: return int_at_least(a[1], 2) && fits_scaled(a[0], a[1], true, true);
	/* one-axis scales and downscales by more than 4 are rare and many */
	case PRIM_hupscale:
		return int_at_least(a[1], 2) && int_at_most(a[1], 4) && fits_scaled(a[0], a[1], false, true);
	case PRIM_vupscale:
		return int_at_least(a[1], 2) && int_at_most(a[1], 4) && fits_scaled(a[0], a[1], true, false);
	case PRIM_hconcat: return a[0]->wmax + a[1]->wmax <= ARC_GRID_MAX;
	case PRIM_vconcat: return a[0]->hmax + a[1]->hmax <= ARC_GRID_MAX;
	case PRIM_downscale: return int_at_least(a[1], 2) && int_at_most(a[1], 4);
	case PRIM_hsplit:
	case PRIM_vsplit: return int_at_least(a[1], 2);
	/* tuples concatenated are vconcat's rows or a longer tuple; sets merged are objects */
	case PRIM_combine: return all_sets(a[0]) && all_sets(a[1]);
	default: return true;
	}
}

bool enum_commutative(int p)
{
	switch (p) {
	case PRIM_add:
	case PRIM_multiply:
	case PRIM_both:
	case PRIM_either:
	case PRIM_equality:
	case PRIM_intersection:
	case PRIM_manhattan:
	case PRIM_adjacent:
	case PRIM_hmatching:
	case PRIM_vmatching: return true;
	default: return false;
	}
}

fsig enum_prim_sig(int p)
{
	const prim_info *pi = &prim_table[p];
	return (fsig){.arity = pi->arity, .ret = pi->ret, .par = {pi->arg[0], pi->arg[1], pi->arg[2]}};
}

fsig enum_result_sig(int p, const ent *const *a, value v)
{
	fsig s = {.arity = v.arity, .ret = T_ANY, .par = {T_ANY, T_ANY, T_ANY}};
	const fsig *f = &a[0]->sig;
	switch (p) {
	case PRIM_compose:
	case PRIM_fork:
		s.ret = f->ret;
		s.par[0] = a[1]->sig.par[0];
		break;
	case PRIM_matcher:
		s.ret = T_BOOLEAN;
		s.par[0] = f->par[0];
		break;
	case PRIM_rbind:
		s.ret = f->ret;
		for (int k = 0; k + 1 < f->arity && k < 3; k++)
			s.par[k] = f->par[k];
		break;
	case PRIM_lbind:
		s.ret = f->ret;
		for (int k = 1; k < f->arity && k < 3; k++)
			s.par[k - 1] = f->par[k];
		break;
	default: break;
	}
	return s;
}
