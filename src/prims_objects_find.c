/* prims_objects_find.c — objects, partition and fgpartition (DSL.md 6.3): the grid cut into
 * Objects. Components are labelled by a flood fill with an explicit stack; the result is then
 * written in canonical order without sorting: cells are visited by colour, then row, then
 * column, so every Object receives its keys ascending and the Objects appear in the order of
 * their smallest cells, which is the order of the set. */
#include <string.h>

#include "patch.h"
#include "pyset.h"

/* Grids of at most this many cells take their scratch from the stack (30x30 and below). */
#define SMALL_CELLS 1024
#define BLOCKED UINT32_MAX /* label of a background cell */

/* Every Object of a result lives in one block of 64-bit words: a header word (the objset's n
 * and padding), then its keys. */
static_assert(sizeof(objset) == sizeof(uint64_t), "an objset header is one word");

/* The result set of n Objects holding `cells` cells in all: the set payload and the block. */
static vtuple *objects_alloc(dsl_ctx *c, size_t n, size_t cells, uint64_t **block)
{
	*block = dsl_alloc(c, (n + cells) * sizeof(uint64_t));
	vtuple *t = dsl_alloc(c, sizeof(vtuple) + n * sizeof(value));
	t->n = (uint32_t)n;
	return t;
}

/* Starts the Object of `size` cells at word *next of the block as element `rank` of the set;
 * returns the word where its first key goes. */
static uint32_t object_start(vtuple *t, uint64_t *block, uint32_t *next, uint32_t rank, uint32_t size)
{
	objset *s = (objset *)(block + *next);
	s->n = size;
	t->e[rank] = (value){.kind = VK_OBJ, .ob = s};
	uint32_t first = *next + 1;
	*next = first + size;
	return first;
}

static value objects_finish(dsl_ctx *c, vtuple *t)
{
	if (!t->n)
		return v_empty_set();
	t->depth = val_nest(c, t->e, t->n);
	return (value){.kind = VK_SET, .t = t};
}

/* Positions (i, j) with i < h and j < w must fit int16; labels and block words fit uint32. */
static void check_grid(dsl_ctx *c, const grid *g)
{
	if (g->h - 1 > COORD_MAX || g->w - 1 > COORD_MAX)
		dsl_fail(c, DSL_OVERFLOW, "positions of a %d x %d grid out of range", g->h, g->w);
	if ((uint64_t)g->h * g->w >= (uint64_t)1 << 31)
		dsl_fail(c, DSL_LIMIT_MEMORY, "grid of %d x %d cells", g->h, g->w);
}

/* ---- objects ---- */

typedef struct scratch {
	uint32_t *label; /* per cell: 0 unvisited, BLOCKED background, else its component (1..) */
	uint32_t *stack; /* flood fill stack of packed (i << 16 | j); then the cells in canonical order */
	uint32_t *size;  /* per component: cells */
	uint32_t *at;    /* per component: block word of its next key, 0 before its first cell */
} scratch;

/* Labels the components; returns their number. A component grows from its first cell in
 * row-major order over unvisited cells that are not background and, if univalued, of that
 * cell's colour. Each cell is pushed once, so the stack never holds more than all cells. */
static uint32_t label_components(dsl_ctx *c, const grid *g, const scratch *s, bool univalued, bool diagonal)
{
	static const int8_t step[8][2] = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}, {-1, -1}, {-1, 1}, {1, -1}, {1, 1}};
	const int steps = diagonal ? 8 : 4;
	const unsigned h = g->h, w = g->w;
	uint32_t *label = s->label, *stack = s->stack, comps = 0;
	for (unsigned i = 0; i < h; i++)
		for (unsigned j = 0; j < w; j++) {
			if (label[i * w + j])
				continue;
			const int8_t colour = g->cell[i * w + j];
			uint32_t top = 0, count = 0;
			label[i * w + j] = ++comps;
			stack[top++] = i << 16 | j;
			while (top) {
				uint32_t p = stack[--top];
				unsigned pi = p >> 16, pj = p & 0xffff;
				count++;
				for (int d = 0; d < steps; d++) {
					unsigned ni = pi + (unsigned)step[d][0], nj = pj + (unsigned)step[d][1];
					if (ni >= h || nj >= w)
						continue;
					unsigned q = ni * w + nj;
					if (label[q] || (univalued && g->cell[q] != colour))
						continue;
					label[q] = comps;
					stack[top++] = ni << 16 | nj;
				}
			}
			s->size[comps] = count;
		}
	dsl_work(c, (uint64_t)h * w * (unsigned)steps / 64);
	return comps;
}

/* The labelled components as a set of Objects: the cells sorted by colour (a counting sort,
 * row-major within a colour) are handed to their components, which start in that order. */
static value collect_components(dsl_ctx *c, const grid *g, const scratch *s, uint32_t comps)
{
	const unsigned h = g->h, w = g->w;
	uint32_t first[257] = {0}, cells = 0;
	for (unsigned q = 0; q < h * w; q++)
		if (s->label[q] != BLOCKED)
			first[g->cell[q] + 128 + 1]++;
	for (int x = 0; x < 256; x++)
		first[x + 1] += first[x];
	for (unsigned i = 0, q = 0; i < h; i++)
		for (unsigned j = 0; j < w; j++, q++)
			if (s->label[q] != BLOCKED)
				s->stack[first[g->cell[q] + 128]++] = i << 16 | j;
	cells = first[256];
	uint64_t *block;
	vtuple *t = objects_alloc(c, comps, cells, &block);
	memset(s->at, 0, ((size_t)comps + 1) * sizeof *s->at);
	uint32_t next = 0, rank = 0;
	for (uint32_t k = 0; k < cells; k++) {
		unsigned i = s->stack[k] >> 16, j = s->stack[k] & 0xffff, q = i * w + j;
		uint32_t L = s->label[q];
		if (!s->at[L])
			s->at[L] = object_start(t, block, &next, rank++, s->size[L]);
		block[s->at[L]++] = cell_key(g->cell[q], (int)i, (int)j);
	}
	dsl_work(c, cells / 32);
	return objects_finish(c, t);
}

/* objects(grid, univalued, diagonal, without_bg): mostcolor comes first (so () and ((),) fail
 * with it), then len(grid[0]) (so () fails without it). */
value prim_objects(dsl_ctx *c, const value *args)
{
	const grid *g = grid_arg(c, args[0]);
	bool univalued = val_truthy(args[1]), diagonal = val_truthy(args[2]);
	bool without_bg = val_truthy(args[3]);
	int bg = without_bg ? grid_color_extreme(c, g, true) : 0;
	if (!g->h)
		dsl_fail(c, DSL_INDEX_ERROR, "tuple index out of range");
	size_t n = (size_t)g->h * g->w;
	if (!n)
		return v_empty_set();
	check_grid(c, g);
	uint32_t buf[4][SMALL_CELLS + 1];
	scratch s = {buf[0], buf[1], buf[2], buf[3]};
	if (n > SMALL_CELLS) {
		uint32_t *mem = dsl_alloc(c, 4 * (n + 1) * sizeof *mem);
		s = (scratch){mem, mem + (n + 1), mem + 2 * (n + 1), mem + 3 * (n + 1)};
	}
	if (without_bg)
		for (size_t q = 0; q < n; q++)
			s.label[q] = g->cell[q] == bg ? BLOCKED : 0;
	else
		memset(s.label, 0, n * sizeof *s.label);
	uint32_t comps = label_components(c, g, &s, univalued, diagonal);
	return collect_components(c, g, &s, comps);
}

/* ---- partitions ---- */

/* One Object per colour (but bg when skip_bg), in ascending colour, cells row-major. */
static value colour_objects(dsl_ctx *c, const grid *g, bool skip_bg, int bg)
{
	size_t n = (size_t)g->h * g->w;
	if (!n)
		return v_empty_set();
	check_grid(c, g);
	uint32_t count[256] = {0}, at[256], colours = 0, cells = 0;
	for (size_t q = 0; q < n; q++)
		count[g->cell[q] + 128]++;
	if (skip_bg)
		count[bg + 128] = 0;
	for (int x = 0; x < 256; x++) {
		colours += count[x] > 0;
		cells += count[x];
	}
	uint64_t *block;
	vtuple *t = objects_alloc(c, colours, cells, &block);
	uint32_t next = 0, rank = 0;
	for (int x = 0; x < 256; x++)
		if (count[x])
			at[x] = object_start(t, block, &next, rank++, count[x]);
	for (int i = 0, q = 0; i < g->h; i++)
		for (int j = 0; j < g->w; j++, q++) {
			int x = g->cell[q] + 128;
			if (count[x])
				block[at[x]++] = cell_key(g->cell[q], i, j);
		}
	dsl_work(c, n / 32);
	return objects_finish(c, t);
}

value prim_partition(dsl_ctx *c, const value *args)
{
	return colour_objects(c, grid_arg(c, args[0]), false, 0);
}

/* palette(grid) - {mostcolor(grid)}: the empty grid fails in mostcolor. */
value prim_fgpartition(dsl_ctx *c, const value *args)
{
	const grid *g = grid_arg(c, args[0]);
	return colour_objects(c, g, true, grid_color_extreme(c, g, true));
}
