/* dsl_type.h — the type hints of arc-dsl (arc_types.py) as sets of value shapes: which produced
 * type may fit which parameter, and which shape a runtime value has. Program generators (the
 * search, mutation, random programs) use it to keep candidates well typed. */
#ifndef ARC_DSL_TYPE_H
#define ARC_DSL_TYPE_H

#include <stdbool.h>
#include <stdint.h>

#include "value.h"

#define DSL_TYPES(X) X(NONE) X(ANY) X(BOOLEAN) X(INTEGER) X(INTEGERTUPLE) X(NUMERICAL) \
	X(INTEGERSET) X(GRID) X(OBJECT) X(OBJECTS) X(INDICES) X(INDICESSET) X(PATCH) X(ELEMENT) \
	X(PIECE) X(TUPLE) X(TUPLETUPLE) X(CONTAINER) X(CONTAINERCONTAINER) X(FROZENSET) X(CALLABLE)
typedef enum dsl_type {
#define X(t) T_##t,
	DSL_TYPES(X)
#undef X
	T_COUNT
} dsl_type;

/* The shapes a Python value can have, as bits: a type is the set of shapes it admits. */
enum {
	SH_NONE = 1u << 0,     /* None */
	SH_BOOL = 1u << 1,     /* True / False */
	SH_INT = 1u << 2,      /* other ints */
	SH_PAIR = 1u << 3,     /* a 2-tuple of ints */
	SH_GRID = 1u << 4,     /* a non-empty tuple of equal-length int tuples */
	SH_CELL = 1u << 5,     /* (c, (i, j)) */
	SH_TUPLE = 1u << 6,    /* any other tuple, () included */
	SH_EMPTYSET = 1u << 7, /* frozenset() */
	SH_IDX = 1u << 8,      /* a non-empty frozenset of positions */
	SH_OBJ = 1u << 9,      /* a non-empty frozenset of cells */
	SH_INTSET = 1u << 10,  /* a non-empty frozenset of ints */
	SH_SETSET = 1u << 11,  /* a non-empty frozenset of containers (Objects, IndicesSet, ...) */
	SH_SET = 1u << 12,     /* any other frozenset */
	SH_FUNC = 1u << 13,    /* a function */
	SH_ALL = (1u << 14) - 1,
};

/* The shapes type t admits (0 for T_NONE, the unused-parameter marker). */
uint32_t dsl_type_shapes(dsl_type t);
/* The shape of a value (one bit). */
uint32_t dsl_value_shape(value v);
/* A value of type `produced` may be a valid `param` argument (the shape sets overlap). */
static inline bool dsl_type_may_fit(dsl_type produced, dsl_type param)
{
	return (dsl_type_shapes(produced) & dsl_type_shapes(param)) != 0;
}
/* Every value of type `produced` is a valid `param` argument by its type. */
static inline bool dsl_type_fits(dsl_type produced, dsl_type param)
{
	uint32_t p = dsl_type_shapes(produced);
	return p && (p & ~dsl_type_shapes(param)) == 0;
}

#endif
