/* dsl_type.c — arc-dsl's type hints (arc_types.py) as sets of value shapes, and the shape of a
 * runtime value. The sets follow the Python aliases: Patch = Object | Indices, Element = Object |
 * Grid, Piece = Grid | Patch, Container = Tuple | FrozenSet; bool is an int, as in Python. */
#include "dsl_type.h"

enum {
	SH_TUPLES = SH_PAIR | SH_GRID | SH_CELL | SH_TUPLE,
	SH_SETS = SH_EMPTYSET | SH_IDX | SH_OBJ | SH_INTSET | SH_SETSET | SH_SET,
};

static const uint32_t type_shapes[T_COUNT] = {
	[T_NONE] = 0,
	[T_ANY] = SH_ALL,
	[T_BOOLEAN] = SH_BOOL,
	[T_INTEGER] = SH_INT | SH_BOOL,
	[T_INTEGERTUPLE] = SH_PAIR,
	[T_NUMERICAL] = SH_INT | SH_BOOL | SH_PAIR,
	[T_INTEGERSET] = SH_INTSET | SH_EMPTYSET,
	[T_GRID] = SH_GRID,
	[T_OBJECT] = SH_OBJ | SH_EMPTYSET,
	[T_OBJECTS] = SH_SETSET | SH_EMPTYSET,
	[T_INDICES] = SH_IDX | SH_EMPTYSET,
	[T_INDICESSET] = SH_SETSET | SH_EMPTYSET,
	[T_PATCH] = SH_OBJ | SH_IDX | SH_EMPTYSET,
	[T_ELEMENT] = SH_OBJ | SH_EMPTYSET | SH_GRID,
	[T_PIECE] = SH_GRID | SH_OBJ | SH_IDX | SH_EMPTYSET,
	[T_TUPLE] = SH_TUPLES,
	[T_TUPLETUPLE] = SH_GRID | SH_TUPLE,
	[T_CONTAINER] = SH_TUPLES | SH_SETS,
	[T_CONTAINERCONTAINER] = SH_GRID | SH_TUPLE | SH_SETSET | SH_EMPTYSET,
	[T_FROZENSET] = SH_SETS,
	[T_CALLABLE] = SH_FUNC,
};

uint32_t dsl_type_shapes(dsl_type t) { return t < T_COUNT ? type_shapes[t] : 0; }

static bool all_elements(const vtuple *t, bool (*pred)(value))
{
	for (uint32_t k = 0; k < t->n; k++)
		if (!pred(t->e[k]))
			return false;
	return true;
}
static bool is_int_value(value v) { return v.kind == VK_INT || v.kind == VK_BOOL; }
static bool is_container_value(value v) { return is_container(v); }

uint32_t dsl_value_shape(value v)
{
	switch ((vkind)v.kind) {
	case VK_NONE: return SH_NONE;
	case VK_BOOL: return SH_BOOL;
	case VK_INT: return SH_INT;
	case VK_PAIR: return SH_PAIR;
	case VK_GRID: return v.g->h ? SH_GRID : SH_TUPLE;
	case VK_TUPLE:
		return v.t->n == 2 && is_int_value(v.t->e[0]) && v.t->e[1].kind == VK_PAIR ? SH_CELL
		                                                                          : SH_TUPLE;
	case VK_IDX: return SH_IDX;
	case VK_OBJ: return SH_OBJ;
	case VK_SET:
		if (v.t->n == 0)
			return SH_EMPTYSET;
		if (all_elements(v.t, is_int_value))
			return SH_INTSET;
		return all_elements(v.t, is_container_value) ? SH_SETSET : SH_SET;
	case VK_FUNC: return SH_FUNC;
	case VK_ROW: break;
	}
	return 0;
}
