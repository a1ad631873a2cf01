/* gprog.h — grid programs: short sequences of grid -> grid ops (gprog.def) with small int
 * parameters, each op exactly an arc-dsl expression. The search enumerates them and the batch
 * backends apply them in bulk; gprog_apply is the reference on one grid, gprog_print writes a
 * program as arc-dsl lines. Plain C types: nvcc includes this header too.
 *
 * The one deliberate limit: every intermediate value must be a grid of 1..30 x 1..30 cells, so
 * where the DSL would go through an empty, ragged or larger value (upscale to 36 x 36, then
 * downscale) the program fails, even where the DSL would end on a grid. */
#ifndef ARC_GPROG_H
#define ARC_GPROG_H

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "arcbatt.h"
#include "hostdev.h"

#ifdef __cplusplus
extern "C" {
#endif

#define GPROG_MAX_OPS 4

typedef enum gop_code {
#define GOP(name, alo, ahi, blo, bhi, dsl) GOP_##name,
#include "gprog.def"
#undef GOP
	GOP_COUNT
} gop_code;

typedef struct gprog_op {
	uint8_t code; /* gop_code */
	int8_t a, b;  /* parameters, within the op's ranges (0 when unused), or a colour role */
} gprog_op;

/* Colour roles. A parameter whose range is 0..9 is a colour; besides a colour it may take a
 * role, resolved on the op's input grid when the op runs (gp_apply_op) and printed as a line
 * computing it (`x3 = mostcolor(x2)`), so every colour op takes roles the same way. No other
 * parameter may range past 9 (test_gprog checks the table). */
enum gop_role {
	GOP_ROLE_MOST = 10,  /* mostcolor of the op's input */
	GOP_ROLE_LEAST = 11, /* leastcolor of the op's input */
	GOP_ROLE_END
};
#define GOP_ROLES (GOP_ROLE_END - GOP_ROLE_MOST)

/* 16 bytes, so a device thread group loads a program with one vector load. */
typedef struct gprog {
	uint8_t n;                     /* ops in use, 0..GPROG_MAX_OPS; 0 is the identity */
	gprog_op op[GPROG_MAX_OPS];    /* op[0] applies first; entries past n are zero */
	uint8_t reserved[3];           /* zero */
} gprog;
static_assert(sizeof(gprog) == 16, "a grid program is 16 bytes");

/* Whether op `code` is one of gprog.def's object ops on (objects, splits, painting), which
 * compute their whole result on every lane of a warp (gprog_ops.h): a GPU runs a program with
 * one of them a thread per item (kernel_serial), every other a warp per item. */
ARC_HD bool gop_lanes_in_full(int code) { return code >= GOP_obj_crop; }

/* Whether some op of p is gop_lanes_in_full. */
ARC_HD bool gprog_lanes_in_full(const gprog *p)
{
	for (int k = 0; k < p->n && k < GPROG_MAX_OPS; k++)
		if (gop_lanes_in_full(p->op[k].code))
			return true;
	return false;
}

/* The most lines an op's template may have (test_gprog checks the table). */
#define GOP_MAX_LINES 64

typedef struct gop_info {
	const char *name;      /* "rot90", "half_xor", ... */
	int8_t alo, ahi;       /* range of parameter a */
	int8_t blo, bhi;       /* range of parameter b */
	const char *dsl;       /* the arc-dsl template (gprog.def) */
} gop_info;
extern const gop_info gop_table[GOP_COUNT];

/* The op named `name`, or -1. */
int gop_lookup(const char *name);
/* Which parameters of op `code` are colours (range 0..9, roles admitted): bit 0 a, bit 1 b. */
unsigned gop_colour_params(int code);
/* Whether op `code` with its two colours equal is the identity (replace, switch, fill_lines;
 * not connect or halo), which the search leaves out. */
bool gop_equal_colours_identity(int code);
/* Whether op certainly does nothing on a grid none of whose colours is outside `colours`
 * (bit c: colour c may occur): it needs a colour parameter's colour (or 0, fill_enclosed's) in
 * its input and gives the input back, or fails, without it. A search skips it there (its
 * candidate would be its parent). Colour roles never make an op inert; test_gprog checks it. */
bool gop_inert(const gprog_op *op, unsigned colours);
/* Every op with every parameter value in range (a colour's roles after its colours), in table
 * order then a, then b: the alphabet of one-op programs. Writes at most cap of them to out (which may be NULL) and returns the total. */
size_t gop_variants(gprog_op *out, size_t cap);

/* Known codes, n <= GPROG_MAX_OPS, parameters in range (or a colour parameter's role), unused
 * entries zero. */
bool gprog_valid(const gprog *p);

/* Applies p to `in` (1..30 x 1..30, colours 0..9) and writes the result to out. False when
 * the program fails: an op on which the DSL raises, or an intermediate or final value that is
 * not a 1..30 x 1..30 grid (see the limit above). */
bool gprog_apply(const gprog *p, const arc_grid *in, arc_grid *out);

/* Writes p as arc-dsl assignments, one call a line ("    x4 = rot90(x3)\n"), reading the grid
 * in in_var ("I", "x3") and numbering new variables from *next_var on (advanced past those
 * used). Returns the number N of the variable xN that holds the result, or 0 when p has no op
 * (the result is in_var itself). */
int gprog_print(FILE *f, const gprog *p, const char *in_var, int *next_var);
/* The number of lines gprog_print writes for p (its instruction count), without writing them. */
int gprog_lines(const gprog *p);

/* The arc-dsl constant of colour c (0..9): "ZERO" .. "NINE". */
const char *gprog_constant(int c);

/* A compact name for logs and benchmarks: "rot90 upscale(2) replace(1,3)"; "identity" for n = 0. */
void gprog_name(const gprog *p, char *buf, size_t len);

#ifdef __cplusplus
}
#endif

#endif
