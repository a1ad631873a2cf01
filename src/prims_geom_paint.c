/* prims_geom_paint.c — the colour primitives of DSL.md 6.4: filling and painting, recolouring,
 * cellwise comparison, canvas and index, grids to objects, palettes. Grid results take one
 * allocation and tight loops over the int8 cells. */
#include <string.h>

#include "patch.h"
#include "prims.h"

/* A value to be written into cells. Python stores whatever it is given; a grid holds only ints
 * that fit int8, so anything else fails, but only once a cell really receives it. */
typedef struct ink {
	int8_t v;    /* the cell value, when bad is DSL_OK */
	dsl_err bad; /* DSL_OVERFLOW (an int beyond int8), DSL_TYPE_ERROR (no int), or DSL_OK */
} ink;

static ink ink_arg(value v)
{
	if (!is_num(v))
		return (ink){0, DSL_TYPE_ERROR};
	if (v.i < INT8_MIN || v.i > INT8_MAX)
		return (ink){0, DSL_OVERFLOW};
	return (ink){(int8_t)v.i, DSL_OK};
}

static void ink_written(dsl_ctx *c, ink k)
{
	if (k.bad)
		dsl_fail(c, k.bad, "a grid cell cannot hold this value");
}

/* Whether v can equal a cell (an int in int8 range), and which value. */
static bool cell_value(value v, int8_t *x)
{
	*x = (int8_t)v.i;
	return is_num(v) && v.i >= INT8_MIN && v.i <= INT8_MAX;
}

/* A grid argument from which dsl.py reads len(grid[0]): () fails. */
static const grid *grid_arg_row(dsl_ctx *c, value v)
{
	const grid *g = grid_arg(c, v);
	if (g->h == 0)
		dsl_fail(c, DSL_INDEX_ERROR, "tuple index out of range");
	return g;
}

static grid *grid_copy(dsl_ctx *c, const grid *g)
{
	grid *r = grid_alloc(c, g->h, g->w);
	memcpy(r->cell, g->cell, (size_t)g->h * g->w);
	return r;
}

/* mostcolor(grid); a grid of empty rows has none (max() of an empty sequence). */
static int background(dsl_ctx *c, const grid *g)
{
	if (g->w == 0)
		dsl_fail(c, DSL_VALUE_ERROR, "max() arg is an empty sequence");
	return grid_color_extreme(c, g, true);
}

/* ---- filling and painting ---- */

/* Writes k at the positions of p inside the grid; with `under` only where the cell holds bg. */
static value fill_patch(dsl_ctx *c, const grid *g, ink k, const patch *p, bool under, int bg)
{
	grid *r = grid_copy(c, g);
	unsigned h = g->h, w = g->w;
	bool wrote = false;
	dsl_work(c, p->n / 64);
	for (uint32_t q = 0; q < p->n; q++) {
		uint32_t pos = patch_pos(p, q);
		unsigned i = (unsigned)pos_i(pos), j = (unsigned)pos_j(pos);
		if (i < h && j < w) {
			int8_t *x = r->cell + i * w + j;
			if (!under || *x == bg) {
				*x = k.v;
				wrote = true;
			}
		}
	}
	if (wrote)
		ink_written(c, k);
	return v_grid(r);
}

/* fill reads toindices(patch): a tuple in its own order (no sort), failing at a cell among its
 * positions whose row lies in the grid (FILL_READ and patch_rows_clear). */
#define FILL_READ (PATCH_SEQ | PATCH_ROWS)

value prim_fill(dsl_ctx *c, const value *args)
{
	const grid *g = grid_arg_row(c, args[0]);
	patch p = patch_view(c, args[2], FILL_READ);
	patch_rows_clear(c, &p, g->h);
	return fill_patch(c, g, ink_arg(args[1]), &p, false, 0);
}

value prim_underfill(dsl_ctx *c, const value *args)
{
	const grid *g = grid_arg_row(c, args[0]);
	int bg = background(c, g);
	patch p = patch_view(c, args[2], FILL_READ);
	patch_rows_clear(c, &p, g->h);
	return fill_patch(c, g, ink_arg(args[1]), &p, true, bg);
}

/* Writes the cells of an Object in iteration order: canonical order for a set (so of two
 * colours at one position the larger wins), tuple order for a tuple (the last one wins); with
 * `under` only where the cell still holds bg (so the first non-background one wins). */
static value paint_object(dsl_ctx *c, const value *args, bool under)
{
	const grid *g = grid_arg_row(c, args[0]);
	int bg = under ? background(c, g) : 0;
	patch p = patch_view(c, args[1], PATCH_SEQ);
	if (p.kind == PATCH_IDX)
		dsl_fail(c, DSL_TYPE_ERROR, "cannot unpack non-iterable int object");
	grid *r = grid_copy(c, g);
	unsigned h = g->h, w = g->w;
	dsl_work(c, p.n / 64);
	for (uint32_t q = 0; q < p.n; q++) {
		uint32_t pos = cell_pos(p.ob[q]);
		unsigned i = (unsigned)pos_i(pos), j = (unsigned)pos_j(pos);
		if (i >= h || j >= w)
			continue;
		int8_t *x = r->cell + i * w + j;
		if (under && *x != bg)
			continue;
		int col = cell_c(p.ob[q]);
		if (col < INT8_MIN || col > INT8_MAX)
			dsl_fail(c, DSL_OVERFLOW, "a grid cell cannot hold %d", col);
		*x = (int8_t)col;
	}
	return v_grid(r);
}

value prim_paint(dsl_ctx *c, const value *args) { return paint_object(c, args, false); }
value prim_underpaint(dsl_ctx *c, const value *args) { return paint_object(c, args, true); }

/* ---- recolouring ---- */

/* 16 cells at a time through vector extensions (GCC, Clang): these loops are among the
 * hottest of program search and -O2 does not vectorise them. */
typedef int8_t cells16 __attribute__((vector_size(16)));

static cells16 load16(const int8_t *p)
{
	cells16 x;
	memcpy(&x, p, sizeof x);
	return x;
}

static bool any16(cells16 m)
{
	uint64_t w[2];
	memcpy(w, &m, sizeof w);
	return (w[0] | w[1]) != 0;
}

/* out[k] = in[k] == a ? b : (swap && in[k] == b ? a : in[k]); returns whether a occurs. */
static bool recolour(int8_t *out, const int8_t *in, size_t n, int8_t a, int8_t b, bool swap)
{
	cells16 zero = {0}, va = zero + a, vb = zero + b, hit = zero;
	size_t k = 0;
	for (; k + 16 <= n; k += 16) {
		cells16 x = load16(in + k), ma = x == va, mb = swap ? x == vb : zero;
		hit |= ma;
		x = (x & ~(ma | mb)) | (vb & ma) | (va & mb);
		memcpy(out + k, &x, sizeof x);
	}
	bool found = any16(hit);
	for (; k < n; k++) {
		int8_t x = in[k];
		found |= x == a;
		out[k] = x == a ? b : swap && x == b ? a : x;
	}
	return found;
}

value prim_replace(dsl_ctx *c, const value *args)
{
	const grid *g = grid_arg(c, args[0]);
	int8_t from;
	if (!cell_value(args[1], &from)) /* no cell equals it */
		return args[0];
	ink to = ink_arg(args[2]);
	grid *r = grid_alloc(c, g->h, g->w);
	if (recolour(r->cell, g->cell, (size_t)g->h * g->w, from, to.v, false))
		ink_written(c, to);
	return v_grid(r);
}

value prim_switch(dsl_ctx *c, const value *args)
{
	const grid *g = grid_arg(c, args[0]);
	int8_t a, b;
	bool a_ok = cell_value(args[1], &a), b_ok = cell_value(args[2], &b);
	size_t n = (size_t)g->h * g->w;
	if (a_ok != b_ok && memchr(g->cell, a_ok ? a : b, n))
		/* the one a cell holds occurs: it becomes the other, which no cell can hold */
		ink_written(c, ink_arg(args[a_ok ? 2 : 1]));
	grid *r = grid_alloc(c, g->h, g->w);
	if (a_ok && b_ok)
		recolour(r->cell, g->cell, n, a, b, true);
	else
		memcpy(r->cell, g->cell, n);
	return v_grid(r);
}

/* out[k] = x[k] == y[k] ? x[k] : fb; returns whether any differ. */
static bool cells_match(int8_t *out, const int8_t *x, const int8_t *y, size_t n, int8_t fb)
{
	cells16 zero = {0}, vf = zero + fb, diff = zero;
	size_t k = 0;
	for (; k + 16 <= n; k += 16) {
		cells16 a = load16(x + k), m = a == load16(y + k);
		diff |= ~m;
		a = (a & m) | (vf & ~m);
		memcpy(out + k, &a, sizeof a);
	}
	bool differ = any16(diff);
	for (; k < n; k++) {
		differ |= x[k] != y[k];
		out[k] = x[k] == y[k] ? x[k] : fb;
	}
	return differ;
}

value prim_cellwise(dsl_ctx *c, const value *args)
{
	const grid *a = grid_arg_row(c, args[0]), *b = grid_arg(c, args[1]);
	ink fb = ink_arg(args[2]);
	int h = a->h, w = a->w;
	grid *r = grid_alloc(c, h, w);
	if (w == 0) /* b is never read */
		return v_grid(r);
	if (b->h < h || b->w < w)
		dsl_fail(c, DSL_INDEX_ERROR, "tuple index out of range");
	bool differ = false;
	if (b->w == w)
		differ = cells_match(r->cell, a->cell, b->cell, (size_t)h * w, fb.v);
	else
		for (int i = 0; i < h; i++)
			differ |= cells_match(r->cell + (size_t)i * w, a->cell + (size_t)i * w,
			                      b->cell + (size_t)i * b->w, (size_t)w, fb.v);
	if (differ)
		ink_written(c, fb);
	return v_grid(r);
}

/* ---- canvas and index ---- */

/* canvas's dimensions[k] goes to range(). */
#define NOT_A_DIMENSION "object cannot be interpreted as an integer"

value prim_canvas(dsl_ctx *c, const value *args)
{
	int32_t h = index_arg(c, args[1], 0, NOT_A_DIMENSION);
	if (h <= 0)
		return v_empty_tuple();
	int32_t w = index_arg(c, args[1], 1, NOT_A_DIMENSION);
	grid *r = grid_alloc(c, h, w > 0 ? w : 0);
	if (w > 0) {
		ink k = ink_arg(args[0]);
		ink_written(c, k);
		memset(r->cell, k.v, (size_t)h * (size_t)w);
	}
	return v_grid(r);
}

value prim_index(dsl_ctx *c, const value *args)
{
	value loc = args[1], i, j;
	if (loc.kind == VK_PAIR) {
		i = v_int(loc.i);
		j = v_int(loc.j);
	} else { /* i, j = loc */
		if (!is_container(loc))
			dsl_fail(c, DSL_TYPE_ERROR, "cannot unpack non-iterable object");
		if (cont_len(c, loc) != 2)
			dsl_fail(c, DSL_VALUE_ERROR, "expected 2 values to unpack");
		i = cont_get(c, loc, 0);
		j = cont_get(c, loc, 1);
	}
	const grid *g = grid_arg_row(c, args[0]);
	if (!is_num(i))
		dsl_fail(c, DSL_TYPE_ERROR, "'<=' not supported between instances of 'int' and 'tuple'");
	if (i.i < 0 || i.i >= g->h)
		return v_none();
	if (!is_num(j))
		dsl_fail(c, DSL_TYPE_ERROR, "'<=' not supported between instances of 'int' and 'tuple'");
	if (j.i < 0 || j.i >= g->w)
		return v_none();
	if (is_set(loc)) /* grid[loc[0]] */
		dsl_fail(c, DSL_TYPE_ERROR, "'frozenset' object is not subscriptable");
	return v_int(g->cell[(size_t)i.i * g->w + j.i]);
}

/* ---- grids to objects ---- */

/* Sorts cell keys written in ascending position order into canonical order: a stable counting
 * sort by colour, whose range lo..hi (int8) the caller saw. */
static void sort_by_colour(dsl_ctx *c, uint64_t *k, uint32_t n, int lo, int hi)
{
	if (lo >= hi)
		return;
	size_t mark = arena_mark(c->mem);
	uint64_t *tmp = dsl_alloc(c, n * sizeof *tmp);
	memcpy(tmp, k, n * sizeof *tmp);
	uint32_t at[257];
	memset(at, 0, (size_t)(hi - lo + 2) * sizeof at[0]);
	for (uint32_t q = 0; q < n; q++)
		at[cell_c(tmp[q]) - lo + 1]++;
	for (int x = 1; x <= hi - lo; x++)
		at[x] += at[x - 1];
	for (uint32_t q = 0; q < n; q++)
		k[at[cell_c(tmp[q]) - lo]++] = tmp[q];
	arena_reset(c->mem, mark);
}

/* The distinct positions of a set (an Object's through patch_positions) come row-major, so only
 * the colours need sorting; a tuple of positions is read in its own order (odd elements outside
 * the rows, duplicates sorted out by obj_finish). */
value prim_toobject(dsl_ctx *c, const value *args)
{
	const grid *g = grid_arg_row(c, args[1]);
	patch p = patch_view(c, args[0], FILL_READ);
	patch_rows_clear(c, &p, g->h);
	if (p.kind == PATCH_EMPTY)
		return v_empty_set();
	uint32_t n = p.n, m = 0;
	const uint32_t *pos = p.ix;
	if (p.kind == PATCH_OBJ)
		pos = patch_positions(c, &p, &n);
	objset *r = obj_alloc(c, n);
	dsl_work_ahead(c, n / 32); /* the cells read, then sorted by colour */
	unsigned h = g->h, w = g->w;
	int lo = INT8_MAX, hi = INT8_MIN;
	for (uint32_t q = 0; q < n; q++) {
		unsigned i = (unsigned)pos_i(pos[q]), j = (unsigned)pos_j(pos[q]);
		if (i < h && j < w) {
			int x = g->cell[i * w + j];
			lo = x < lo ? x : lo;
			hi = x > hi ? x : hi;
			r->k[m++] = cell_key(x, (int)i, (int)j);
		}
	}
	r->n = m;
	if (p.kind == PATCH_IDX && p.form != PATCH_SET)
		return obj_finish(c, r, false);
	sort_by_colour(c, r->k, m, lo, hi);
	return obj_finish(c, r, true);
}

value prim_asobject(dsl_ctx *c, const value *args)
{
	const grid *g = grid_arg(c, args[0]);
	uint32_t n = (uint32_t)g->h * g->w;
	if (n == 0)
		return v_empty_set();
	/* a counting sort straight from the cells: row-major order within each colour */
	uint32_t at[257] = {0};
	for (uint32_t q = 0; q < n; q++)
		at[g->cell[q] + 128 + 1]++;
	for (int x = 1; x < 256; x++)
		at[x] += at[x - 1];
	objset *r = obj_alloc(c, n);
	for (int i = 0, q = 0; i < g->h; i++)
		for (int j = 0; j < g->w; j++, q++)
			r->k[at[g->cell[q] + 128]++] = cell_key(g->cell[q], i, j);
	r->n = n;
	return obj_finish(c, r, true);
}

/* ---- palettes ---- */

/* The colours dsl.py's palette collects, ascending: a grid's cell values, an Object's colours,
 * an Indices' rows (its elements unpack as (row, column)). Written to out unless it is NULL;
 * returns how many. out needs palette_cap(v) entries. */
static size_t palette_of(dsl_ctx *c, value v, value *out)
{
	size_t n = 0;
	switch (v.kind) {
	case VK_GRID: {
		/* byte flags: independent stores, where bits in one word would chain */
		uint8_t seen[256] = {0};
		size_t cells = (size_t)v.g->h * v.g->w;
		dsl_work_ahead(c, cells / 64);
		for (size_t k = 0; k < cells; k++)
			seen[v.g->cell[k] + 128] = 1;
		for (int x = 0; x < 256; x += 8) {
			uint64_t word;
			memcpy(&word, seen + x, 8);
			for (int q = 0; word && q < 8; q++)
				if (seen[x + q]) {
					if (out)
						out[n] = v_int(x + q - 128);
					n++;
				}
		}
		return n;
	}
	case VK_OBJ:
		dsl_work_ahead(c, v.ob->n / 64);
		for (uint32_t k = 0; k < v.ob->n; k++)
			if (k == 0 || cell_c(v.ob->k[k]) != cell_c(v.ob->k[k - 1])) {
				if (out)
					out[n] = v_int(cell_c(v.ob->k[k]));
				n++;
			}
		return n;
	case VK_IDX:
		dsl_work_ahead(c, v.ix->n / 64);
		for (uint32_t k = 0; k < v.ix->n; k++)
			if (k == 0 || pos_i(v.ix->k[k]) != pos_i(v.ix->k[k - 1])) {
				if (out)
					out[n] = v_int(pos_i(v.ix->k[k]));
				n++;
			}
		return n;
	default:
		if (v.kind == VK_SET && v.t->n == 0)
			return 0;
		dsl_fail(c, DSL_TYPE_ERROR, "palette of something that is neither a grid nor a patch");
	}
}

static size_t palette_cap(value v)
{
	return v.kind == VK_GRID ? 256 : v.kind == VK_OBJ ? v.ob->n : v.kind == VK_IDX ? v.ix->n : 1;
}

/* A tuple that is no grid takes the grid path with any rows: a cell (c, (i, j)) gives c and
 * (i, j). */
static value palette_set(dsl_ctx *c, value v)
{
	size_t n;
	value *e;
	if (v.kind == VK_TUPLE || v.kind == VK_PAIR) {
		e = element_values(c, v, &n);
	} else {
		e = dsl_alloc(c, palette_cap(v) * sizeof *e);
		n = palette_of(c, v, e);
	}
	return set_make(c, e, n);
}

value prim_palette(dsl_ctx *c, const value *args) { return palette_set(c, args[0]); }

value prim_numcolors(dsl_ctx *c, const value *args)
{
	value v = args[0];
	if (v.kind == VK_TUPLE || v.kind == VK_PAIR)
		return v_int((int32_t)cont_len(c, palette_set(c, v)));
	return v_int((int32_t)palette_of(c, v, NULL));
}

/* next(iter(obj))[0]: the first element in canonical order, subscripted. */
value prim_color(dsl_ctx *c, const value *args)
{
	value v = args[0], first;
	switch (v.kind) {
	case VK_OBJ: return v_int(cell_c(v.ob->k[0]));
	case VK_IDX: return v_int(pos_i(v.ix->k[0]));
	case VK_GRID:
		if (v.g->h == 0)
			dsl_fail(c, DSL_STOP_ITERATION, "empty");
		if (v.g->w == 0)
			dsl_fail(c, DSL_INDEX_ERROR, "tuple index out of range");
		return v_int(v.g->cell[0]);
	case VK_TUPLE:
	case VK_SET:
		if (v.t->n == 0)
			dsl_fail(c, DSL_STOP_ITERATION, "empty");
		first = v.t->e[0];
		break;
	case VK_PAIR: first = v_int(v.i); break;
	default: dsl_fail(c, DSL_TYPE_ERROR, "object is not iterable");
	}
	if (!is_tuple(first))
		dsl_fail(c, DSL_TYPE_ERROR, "object is not subscriptable");
	if (cont_len(c, first) == 0)
		dsl_fail(c, DSL_INDEX_ERROR, "tuple index out of range");
	return cont_get(c, first, 0);
}
