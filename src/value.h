/* value.h — the arc-dsl value model: a 16-byte tagged value whose payloads are immutable once
 * built and live in the evaluation arena. Every Python value has exactly one representation
 * (see "Canonical representation" below), so equality never has to guess. */
#ifndef ARC_VALUE_H
#define ARC_VALUE_H

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct dsl_ctx dsl_ctx;

/* Canonical representation (what a constructor returns for a given Python value):
 *  - True/False → VK_BOOL; other ints → VK_INT (int32; overflow fails the evaluation).
 *  - a 2-tuple of numbers → VK_PAIR (bools inside become ints: (True, 0) == (1, 0)).
 *  - a tuple of ≥ 1 int-tuples of one length whose values fit int8, and the empty tuple () →
 *    VK_GRID ((), ((),), ((1,2),(3,4)) and totuple of Indices are all grids).
 *  - any other tuple → VK_TUPLE (a cell (c, (i, j)) outside a set is a VK_TUPLE too).
 *  - a non-empty frozenset of pairs → VK_IDX; of cells → VK_OBJ; every other frozenset, the
 *    empty one included → VK_SET. Coordinates and colours in IDX/OBJ are int16.
 *  - functions → VK_FUNC: a primitive (prim < PRIM_COUNT, cl == NULL) or a closure. */
typedef enum vkind {
	VK_NONE,  /* None: only index() outside the grid returns it */
	VK_BOOL,  /* i is 0 or 1 */
	VK_INT,   /* i */
	VK_PAIR,  /* (i, j) */
	VK_GRID,  /* g: h rows of w int8 cells; h == 0 is the empty tuple () */
	VK_TUPLE, /* t: elements in order, duplicates kept */
	VK_IDX,   /* ix: sorted unique position keys (pos_key), n ≥ 1 */
	VK_OBJ,   /* ob: sorted unique cell keys (cell_key), n ≥ 1 */
	VK_SET,   /* t: sorted unique values in canonical order (val_cmp); the empty set */
	VK_FUNC,  /* prim, arity; cl for closures */
	VK_ROW,   /* internal to comparisons: a grid row (r, i = length); never a result */
} vkind;

typedef struct grid grid;
typedef struct vtuple vtuple;
typedef struct idxset idxset;
typedef struct objset objset;
typedef struct closure closure;

typedef struct value {
	uint8_t kind;  /* vkind */
	uint8_t arity; /* VK_FUNC: number of parameters the function takes */
	uint16_t prim; /* VK_FUNC: primitive id, or PRIM_CLOSURE for closures */
	int32_t i;     /* VK_BOOL, VK_INT: the number; VK_PAIR: first component; VK_ROW: length */
	union {
		int32_t j;         /* VK_PAIR: second component */
		const grid *g;     /* VK_GRID */
		const vtuple *t;   /* VK_TUPLE, VK_SET */
		const idxset *ix;  /* VK_IDX */
		const objset *ob;  /* VK_OBJ */
		const closure *cl; /* VK_FUNC closures; NULL for a primitive */
		const int8_t *r;   /* VK_ROW */
	};
} value;
static_assert(sizeof(value) == 16, "a value is 16 bytes");

struct grid {
	uint16_t h, w;   /* rows, columns; w is 0 when h is 0 */
	int8_t cell[];   /* row-major, h*w cells */
};
struct vtuple {
	uint32_t n;     /* number of elements */
	uint16_t depth; /* nesting: 1 + the deepest element's (val_depth) */
	value e[];
};
struct idxset {
	uint32_t n;   /* ≥ 1 */
	uint32_t k[]; /* pos_key, ascending */
};
struct objset {
	uint32_t n;   /* ≥ 1 */
	uint64_t k[]; /* cell_key, ascending: colour, then row, then column */
};

/* Closures built by compose, chain, fork, matcher, rbind, lbind and power (n ≥ 2). */
typedef enum clkind { CL_COMPOSE, CL_CHAIN, CL_FORK, CL_MATCHER, CL_RBIND, CL_LBIND, CL_POWER } clkind;
struct closure {
	uint8_t kind;   /* clkind */
	uint16_t depth; /* nesting: 1 + the deepest captured value's */
	int32_t n;      /* CL_POWER: repetitions (≥ 2) */
	value f[3];   /* captured values: functions, or the bound/target value last */
};

/* Values nest at most this deep (tuples in tuples, closures of closures). Python raises
 * RecursionError when it compares or hashes values nested about 1000 deep; we refuse to build
 * them, so that comparisons, which recurse, stay bounded. */
#define VALUE_MAX_DEPTH 400
static inline int val_depth(value v)
{
	switch (v.kind) {
	case VK_PAIR:
	case VK_IDX: return v.kind == VK_PAIR ? 1 : 2;
	case VK_GRID:
	case VK_OBJ: return v.kind == VK_GRID ? (v.g->h ? 2 : 1) : 3;
	case VK_TUPLE:
	case VK_SET: return v.t->depth;
	case VK_FUNC: return v.cl ? v.cl->depth : 0;
	default: return 0;
	}
}
/* 1 + the deepest of n values; fails with DSL_RECURSION_ERROR beyond VALUE_MAX_DEPTH. */
uint16_t val_nest(dsl_ctx *c, const value *e, size_t n);

/* ---- positions and cells packed as sortable keys ---- */
#define COORD_MIN (-32768)
#define COORD_MAX 32767
static inline bool coord_ok(int64_t x) { return x >= COORD_MIN && x <= COORD_MAX; }
static inline uint32_t pos_key(int i, int j)
{
	return ((uint32_t)(uint16_t)(i ^ 0x8000) << 16) | (uint16_t)(j ^ 0x8000);
}
static inline int pos_i(uint32_t k) { return (int16_t)((k >> 16) ^ 0x8000); }
static inline int pos_j(uint32_t k) { return (int16_t)((k & 0xffff) ^ 0x8000); }
static inline uint64_t cell_key(int c, int i, int j)
{
	return ((uint64_t)(uint16_t)(c ^ 0x8000) << 32) | pos_key(i, j);
}
static inline int cell_c(uint64_t k) { return (int16_t)((k >> 32) ^ 0x8000); }
static inline uint32_t cell_pos(uint64_t k) { return (uint32_t)k; }

/* ---- immediate values ---- */
static inline value v_none(void) { return (value){.kind = VK_NONE}; }
static inline value v_bool(bool b) { return (value){.kind = VK_BOOL, .i = b}; }
static inline value v_int(int32_t x) { return (value){.kind = VK_INT, .i = x}; }
static inline value v_pair(int32_t i, int32_t j) { return (value){.kind = VK_PAIR, .i = i, .j = j}; }
static inline bool is_num(value v) { return v.kind == VK_INT || v.kind == VK_BOOL; }
static inline bool is_set(value v) { return v.kind == VK_IDX || v.kind == VK_OBJ || v.kind == VK_SET; }
static inline bool is_tuple(value v) { return v.kind == VK_PAIR || v.kind == VK_GRID || v.kind == VK_TUPLE; }
static inline bool is_container(value v) { return is_set(v) || is_tuple(v); }

/* The empty tuple () (a 0×0 grid) and the empty frozenset. */
value v_empty_tuple(void);
value v_empty_set(void);
/* A grid as a value; one without rows is (). */
static inline value v_grid(const grid *g)
{
	return g->h ? (value){.kind = VK_GRID, .g = g} : v_empty_tuple();
}

/* ---- checked arithmetic (fails the evaluation on int32 overflow) ---- */
int32_t num_add(dsl_ctx *c, int64_t a, int64_t b);
int32_t num_checked(dsl_ctx *c, int64_t x);
static inline int64_t floordiv64(int64_t a, int64_t b) /* b != 0 */
{
	int64_t q = a / b;
	return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}
static inline int64_t floormod64(int64_t a, int64_t b) { return a - floordiv64(a, b) * b; }

/* ---- builders (arena memory; fail the evaluation on exhaustion) ---- */
grid *grid_alloc(dsl_ctx *c, int64_t h, int64_t w); /* h == 0 or w == 0 allowed */
idxset *idx_alloc(dsl_ctx *c, size_t cap);          /* caller fills k[] and sets n */
objset *obj_alloc(dsl_ctx *c, size_t cap);
value idx_finish(dsl_ctx *c, idxset *s, bool sorted_unique); /* sorts/dedupes unless told; n == 0 → {} */
value obj_finish(dsl_ctx *c, objset *s, bool sorted_unique);
value v_cell(dsl_ctx *c, int colour, int i, int j); /* the tuple (colour, (i, j)) */
/* A tuple of the given elements, normalised to PAIR/GRID/TUPLE. e is copied. */
value tuple_make(dsl_ctx *c, const value *e, size_t n);
/* A frozenset of the given elements: sorted canonically (e is permuted), deduplicated,
 * normalised to IDX/OBJ/SET. */
value set_make(dsl_ctx *c, value *e, size_t n);
/* The same for elements already in canonical order without repeats when sorted_unique. */
value set_finish(dsl_ctx *c, value *e, size_t n, bool sorted_unique);

/* ---- containers, generically (slow path; hot primitives use the typed payloads) ---- */
size_t cont_len(dsl_ctx *c, value v);           /* TypeError for non-containers */
value cont_get(dsl_ctx *c, value v, size_t k);  /* element k in iteration order */
/* All elements in iteration order into a fresh arena array; *n receives the count. */
value *cont_items(dsl_ctx *c, value v, size_t *n);
value grid_row(dsl_ctx *c, const grid *g, int r); /* row r as a tuple value */

/* ---- comparison ---- */
int val_cmp(value a, value b);   /* canonical total order (DSL.md 7.5): < 0, 0, > 0 */
/* val_cmp that charges c the work of comparing large values (elements visited / 16): every
 * comparison inside a loop over an evaluation's data uses it. */
int val_cmp_c(dsl_ctx *c, value a, value b);
bool val_eq(value a, value b);   /* Python == (functions compare structurally) */
bool val_truthy(value v);        /* Python truthiness */
enum { PY_LT = -1, PY_EQ = 0, PY_GT = 1, PY_UNORDERED = 2 };
/* Python's < / > between two values: PY_LT, PY_EQ, PY_GT, or PY_UNORDERED for sets neither of
 * which contains the other; fails with TypeError where Python raises (int vs tuple, None...). */
int py_cmp(dsl_ctx *c, value a, value b);
/* Stable sort in canonical order (scratch space from the arena). */
void val_sort(dsl_ctx *c, value *e, size_t n);
/* Membership in a set value (binary search in canonical order); comparisons of large values
 * are charged to c as val_cmp_c charges them. */
bool set_has(dsl_ctx *c, value set, value x);

#endif
