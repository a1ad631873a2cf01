/* prims_arith.c — the numeric and logical primitives of DSL.md 6.1: Python's four-way numeric
 * dispatch (int/int, tuple/tuple, int/tuple, tuple/int) over +, -, * and //, the per-component
 * unary operations, truth values and comparisons. Set and sequence primitives are in
 * prims_arith_sets.c, those that order or count elements in prims_arith_order.c. */
#include <string.h>

#include "dsl.h"
#include "patch.h"

typedef enum binop { OP_ADD, OP_SUB, OP_MUL, OP_DIV } binop;
static const char *const op_sym[] = {"+", "-", "*", "//"};

/* Python's x[k] (k is 0 or 1) for the numeric primitives: rows of a grid, elements of a tuple. */
static value py_item(dsl_ctx *c, value x, int k)
{
	switch (x.kind) {
	case VK_PAIR: return v_int(k ? x.j : x.i);
	case VK_GRID:
		if (k < x.g->h)
			return grid_row(c, x.g, k);
		break;
	case VK_TUPLE:
		if ((uint32_t)k < x.t->n)
			return x.t->e[k];
		break;
	default: dsl_fail(c, DSL_TYPE_ERROR, "object is not subscriptable");
	}
	dsl_fail(c, DSL_INDEX_ERROR, "tuple index out of range");
}

/* Python's seq * times: the elements repeated; nothing for times <= 0. */
static value seq_repeat(dsl_ctx *c, value seq, int64_t times)
{
	size_t n;
	value *e = cont_items(c, seq, &n);
	if (times <= 0 || n == 0)
		return v_empty_tuple();
	if ((uint64_t)times * n > UINT32_MAX)
		dsl_fail(c, DSL_LIMIT_MEMORY, "tuple of %lld elements", (long long)times * (long long)n);
	size_t total = (size_t)times * n;
	value *r = dsl_alloc(c, total * sizeof *r);
	for (size_t k = 0; k < total; k += n)
		memcpy(r + k, e, n * sizeof *r);
	return tuple_make(c, r, total);
}

/* a OP b on ints, // rounding towards -inf as Python does; results beyond int32 fail. */
static int32_t int_binop(dsl_ctx *c, binop op, int64_t a, int64_t b)
{
	int64_t r;
	switch (op) {
	case OP_ADD: r = a + b; break;
	case OP_SUB: r = a - b; break;
	case OP_MUL: r = a * b; break;
	default:
		if (b == 0)
			dsl_fail(c, DSL_ZERO_DIVISION, "integer division or modulo by zero");
		r = floordiv64(a, b);
	}
	return num_checked(c, r);
}

/* Python's x OP y on whatever the numeric primitives meet: ints (bools as 0/1), and the
 * sequence and set meanings of + (concatenation), * (repetition) and - (set difference). */
static value py_binop(dsl_ctx *c, binop op, value x, value y)
{
	if (is_num(x) && is_num(y))
		return v_int(int_binop(c, op, x.i, y.i));
	if (op == OP_ADD && is_tuple(x) && is_tuple(y))
		return prim_combine(c, (value[]){x, y});
	if (op == OP_MUL && is_tuple(x) && is_num(y))
		return seq_repeat(c, x, y.i);
	if (op == OP_MUL && is_num(x) && is_tuple(y))
		return seq_repeat(c, y, x.i);
	if (op == OP_SUB && is_set(x) && is_set(y))
		return prim_difference(c, (value[]){x, y});
	dsl_fail(c, DSL_TYPE_ERROR, "unsupported operand type(s) for %s", op_sym[op]);
}

/* add, subtract, multiply, divide: dispatch as dsl.py does, components left to right. */
static value numeric2(dsl_ctx *c, binop op, value a, value b)
{
	bool na = is_num(a), nb = is_num(b);
	if (na && nb)
		return v_int(int_binop(c, op, a.i, b.i));
	if ((na || a.kind == VK_PAIR) && (nb || b.kind == VK_PAIR)) { /* the common case, inline */
		int32_t r0 = int_binop(c, op, a.i, b.i);
		return v_pair(r0, int_binop(c, op, na ? a.i : a.j, nb ? b.i : b.j));
	}
	value r[2];
	if (is_tuple(a) && is_tuple(b)) {
		r[0] = py_binop(c, op, py_item(c, a, 0), py_item(c, b, 0));
		r[1] = py_binop(c, op, py_item(c, a, 1), py_item(c, b, 1));
	} else if (na && is_tuple(b)) {
		r[0] = py_binop(c, op, a, py_item(c, b, 0));
		r[1] = py_binop(c, op, a, py_item(c, b, 1));
	} else {
		r[0] = py_binop(c, op, py_item(c, a, 0), b);
		r[1] = py_binop(c, op, py_item(c, a, 1), b);
	}
	return tuple_make(c, r, 2);
}

value prim_add(dsl_ctx *c, const value *args) { return numeric2(c, OP_ADD, args[0], args[1]); }
value prim_subtract(dsl_ctx *c, const value *args) { return numeric2(c, OP_SUB, args[0], args[1]); }
value prim_multiply(dsl_ctx *c, const value *args) { return numeric2(c, OP_MUL, args[0], args[1]); }
value prim_divide(dsl_ctx *c, const value *args) { return numeric2(c, OP_DIV, args[0], args[1]); }

/* The unary primitives: f(x) for an int, else (f(x[0]), f(x[1])). */
typedef value (*unop)(dsl_ctx *c, value x);

static value per_component(dsl_ctx *c, value x, unop f)
{
	if (is_num(x))
		return f(c, x);
	value r[2];
	if (x.kind == VK_PAIR) { /* f maps ints to ints */
		r[0] = f(c, v_int(x.i));
		r[1] = f(c, v_int(x.j));
		return v_pair(r[0].i, r[1].i);
	}
	r[0] = f(c, py_item(c, x, 0));
	r[1] = f(c, py_item(c, x, 1));
	return tuple_make(c, r, 2);
}

/* crement, sign and invert compare or negate their operand: only numbers support that. */
static int32_t num_operand(dsl_ctx *c, value x)
{
	if (!is_num(x))
		dsl_fail(c, DSL_TYPE_ERROR, "bad operand type: a number was expected");
	return x.i;
}

static value u_invert(dsl_ctx *c, value x) { return v_int(num_checked(c, -(int64_t)num_operand(c, x))); }
static value u_double(dsl_ctx *c, value x) { return py_binop(c, OP_MUL, x, v_int(2)); }
static value u_halve(dsl_ctx *c, value x) { return py_binop(c, OP_DIV, x, v_int(2)); }
static value u_increment(dsl_ctx *c, value x) { return py_binop(c, OP_ADD, x, v_int(1)); }
static value u_decrement(dsl_ctx *c, value x) { return py_binop(c, OP_SUB, x, v_int(1)); }

static value u_crement(dsl_ctx *c, value x)
{
	int64_t n = num_operand(c, x);
	return v_int(num_checked(c, n == 0 ? 0 : n > 0 ? n + 1 : n - 1));
}

static value u_sign(dsl_ctx *c, value x)
{
	int32_t n = num_operand(c, x);
	return v_int((n > 0) - (n < 0));
}

value prim_invert(dsl_ctx *c, const value *args) { return per_component(c, args[0], u_invert); }
value prim_double(dsl_ctx *c, const value *args) { return per_component(c, args[0], u_double); }
value prim_halve(dsl_ctx *c, const value *args) { return per_component(c, args[0], u_halve); }
value prim_increment(dsl_ctx *c, const value *args) { return per_component(c, args[0], u_increment); }
value prim_decrement(dsl_ctx *c, const value *args) { return per_component(c, args[0], u_decrement); }
value prim_crement(dsl_ctx *c, const value *args) { return per_component(c, args[0], u_crement); }
value prim_sign(dsl_ctx *c, const value *args) { return per_component(c, args[0], u_sign); }

value prim_even(dsl_ctx *c, const value *args)
{
	if (!is_num(args[0]))
		dsl_fail(c, DSL_TYPE_ERROR, "unsupported operand type(s) for %%");
	return v_bool((args[0].i & 1) == 0);
}

value prim_positive(dsl_ctx *c, const value *args)
{
	if (!is_num(args[0]))
		dsl_fail(c, DSL_TYPE_ERROR, "'>' not supported between a non-number and int");
	return v_bool(args[0].i > 0);
}

value prim_greater(dsl_ctx *c, const value *args)
{
	value a = args[0], b = args[1];
	if (is_num(a) && is_num(b))
		return v_bool(a.i > b.i);
	return v_bool(py_cmp(c, a, b) == PY_GT);
}

/* ---- truth values, identity, equality ---- */

value prim_identity(dsl_ctx *c, const value *args)
{
	(void)c;
	return args[0];
}

value prim_flip(dsl_ctx *c, const value *args)
{
	(void)c;
	return v_bool(!val_truthy(args[0]));
}

value prim_equality(dsl_ctx *c, const value *args)
{
	(void)c;
	return v_bool(val_eq(args[0], args[1]));
}

/* Python's `a and b` / `a or b`: one of the operands, not a bool. */
value prim_both(dsl_ctx *c, const value *args)
{
	(void)c;
	return val_truthy(args[0]) ? args[1] : args[0];
}

value prim_either(dsl_ctx *c, const value *args)
{
	(void)c;
	return val_truthy(args[0]) ? args[0] : args[1];
}

/* ---- small constructors ---- */

value prim_initset(dsl_ctx *c, const value *args)
{
	value e = args[0];
	return set_make(c, &e, 1);
}

value prim_size(dsl_ctx *c, const value *args) { return v_int(num_checked(c, (int64_t)cont_len(c, args[0]))); }

/* A tuple of num copies of item. Copies of a row make a grid, built here as one block. */
value prim_repeat(dsl_ctx *c, const value *args)
{
	value item = args[0];
	int32_t num = int_arg(c, args[1]);
	if (num <= 0)
		return v_empty_tuple();
	value one = tuple_make(c, &item, 1);
	if (one.kind == VK_GRID && num <= UINT16_MAX) {
		size_t w = one.g->w;
		grid *g = grid_alloc(c, num, (int64_t)w);
		for (int32_t r = 0; r < num; r++)
			memcpy(g->cell + (size_t)r * w, one.g->cell, w);
		return v_grid(g);
	}
	value *e = dsl_alloc(c, (size_t)num * sizeof *e);
	for (int32_t k = 0; k < num; k++)
		e[k] = item;
	return tuple_make(c, e, (size_t)num);
}
