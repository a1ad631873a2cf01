/* prims_objects_find.c — objects, partition and fgpartition (DSL.md 6.3): the grid cut into
 * Objects. Components are labelled by a flood fill with an explicit stack; the result is then
 * written in canonical order without sorting: cells are visited by colour, then row, then
 * column, so every Object receives its keys ascending and the Objects appear in the order of
 * their smallest cells, which is the order of the set. */
#include <string.h>

#include "patch.h"
#include "prims.h"

/* Grids of at most this many cells, border included, take their scratch from the stack (30x30
 * and below). */
#define SMALL_CELLS 1024

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
	t->depth = (uint16_t)(val_depth(t->e[0]) + 1); /* Objects all nest alike */
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

/* A component search over the grid padded with a border of one cell (W = w + 2 columns), so
 * that neighbours are fixed offsets and need no bounds checks. */
typedef struct search {
	const grid *g;
	uint32_t W;      /* padded width */
	uint16_t *state; /* per padded cell: colour + 129 while it waits for a component; 0 for the
	                    border, the background and cells already taken */
	uint32_t *label; /* per padded cell taken: its component (1..comps) */
	uint32_t *stack; /* the flood fill's padded indices; later packed (i << 16 | j) cells */
	uint32_t *size;  /* per component: cells */
	uint32_t *at;    /* per component: block word of its next key */
	uint8_t *colour; /* per component: colour + 128 of its first cell */
	uint32_t comps;  /* components found */
	bool mixed;      /* some component holds cells of two colours */
} search;

#define LANES16 0x0001000100010001u /* 1 in each 16-bit lane of a word */

static uint64_t load64(const void *p)
{
	uint64_t x;
	memcpy(&x, p, 8);
	return x;
}

/* The states of four cells, one per 16-bit lane: colour + 129, or 0 where it equals bgcode. The
 * bytes spread to lanes hold colour + 128 (the sign bit flipped); a lane equal to bgcode is
 * found without carries between lanes and cleared. */
static uint64_t four_states(const int8_t *cell, uint64_t bgcodes)
{
	uint32_t x;
	memcpy(&x, cell, 4);
	uint64_t t = x;
	t = (t | t << 16) & 0x0000ffff0000ffffu;
	t = (t | t << 8) & 0x00ff00ff00ff00ffu;
	t = (t ^ 0x80 * LANES16) + LANES16;
	uint64_t y = t ^ bgcodes, nonzero = ((y & 0x7fff * LANES16) + 0x7fff * LANES16) | y;
	uint64_t zero = ~nonzero & 0x8000 * LANES16;
	return t & ~((zero >> 15) * 0xffff);
}

/* The padded state: cells of colour bg + 129 == bgcode (none when bgcode is 0) are background. */
static void search_init(search *s, unsigned bgcode)
{
	const unsigned h = s->g->h, w = s->g->w, W = s->W;
	const uint64_t bgcodes = bgcode * LANES16;
	memset(s->state, 0, W * sizeof *s->state);
	memset(s->state + (size_t)(h + 1) * W, 0, W * sizeof *s->state);
	for (unsigned i = 0; i < h; i++) {
		const int8_t *row = s->g->cell + (size_t)i * w;
		uint16_t *out = s->state + (size_t)(i + 1) * W;
		unsigned j = 0;
		out[0] = out[w + 1] = 0;
		for (; j + 4 <= w; j += 4) {
			uint64_t four = four_states(row + j, bgcodes);
			memcpy(out + j + 1, &four, 8);
		}
		for (; j < w; j++) {
			uint16_t v = (uint16_t)(row[j] + 129);
			out[j + 1] = v == bgcode ? 0 : v;
		}
	}
}

/* The flood fill's state while one component grows. */
typedef struct grower {
	uint16_t *state;  /* the search's */
	uint32_t *label;  /* the search's */
	uint32_t *stack;  /* the search's */
	uint32_t top;     /* cells on the stack */
	uint32_t L;       /* the component */
	uint16_t code;    /* state of its first cell */
	bool mixed;       /* it took a cell of another code */
} grower;

/* Takes padded cell r into the component if it waits and, when univalued, has its code. */
static inline __attribute__((always_inline)) void take(grower *f, uint32_t r, bool univalued)
{
	uint16_t x = f->state[r];
	if (univalued ? x != f->code : !x)
		return;
	f->mixed |= x != f->code;
	f->state[r] = 0;
	f->label[r] = f->L;
	f->stack[f->top++] = r;
}

/* Grows component L from padded cell p over the neighbours at the first `steps` offsets;
 * returns its cells. Every cell is pushed once, so the stack never holds more than all cells.
 * Inlined with constant steps and univalued, so the neighbours are visited without a loop. */
static inline __attribute__((always_inline)) uint32_t grow(search *s, uint32_t p, uint32_t L, const int32_t *off,
                                                           int steps, bool univalued)
{
	grower f = {s->state, s->label, s->stack, 0, L, s->state[p], false};
	uint32_t count = 0;
	f.state[p] = 0;
	f.label[p] = L;
	f.stack[f.top++] = p;
	while (f.top) {
		uint32_t q = f.stack[--f.top];
		count++;
		take(&f, q + (uint32_t)off[0], univalued);
		take(&f, q + (uint32_t)off[1], univalued);
		take(&f, q + (uint32_t)off[2], univalued);
		take(&f, q + (uint32_t)off[3], univalued);
		if (steps == 8) {
			take(&f, q + (uint32_t)off[4], univalued);
			take(&f, q + (uint32_t)off[5], univalued);
			take(&f, q + (uint32_t)off[6], univalued);
			take(&f, q + (uint32_t)off[7], univalued);
		}
	}
	s->mixed |= f.mixed;
	return count;
}

/* Labels the components, one growing from each cell still waiting, in row-major order. The
 * border cells never wait, so one scan runs over the padded rows. */
static void flood(search *s, const int32_t *off, bool diagonal, bool univalued)
{
	const uint16_t *state = s->state;
	uint32_t comps = 0;
	for (uint32_t p = s->W, end = (s->g->h + 1u) * s->W;; p++) {
		while (p + 4 <= end && !load64(state + p))
			p += 4;
		while (p < end && !state[p])
			p++;
		if (p == end)
			break;
		s->colour[++comps] = (uint8_t)(state[p] - 1);
		s->size[comps] = diagonal ? (univalued ? grow(s, p, comps, off, 8, true) : grow(s, p, comps, off, 8, false))
		                          : (univalued ? grow(s, p, comps, off, 4, true) : grow(s, p, comps, off, 4, false));
	}
	s->comps = comps;
}

/* Single-coloured components in canonical order: by colour, then by first cell, which is the
 * order they were found in. Their cells then arrive row-major, ascending within each. */
static value collect_plain(dsl_ctx *c, search *s, unsigned bgcode, size_t cells)
{
	uint32_t rank_at[256] = {0}, word_at[256] = {0}, rank = 0, word = 0;
	for (uint32_t L = 1; L <= s->comps; L++) {
		rank_at[s->colour[L]]++;
		word_at[s->colour[L]] += 1 + s->size[L];
	}
	for (int x = 0; x < 256; x++) {
		uint32_t n = rank_at[x], nw = word_at[x];
		rank_at[x] = rank;
		word_at[x] = word;
		rank += n;
		word += nw;
	}
	uint64_t *block;
	vtuple *t = objects_alloc(c, s->comps, cells, &block);
	for (uint32_t L = 1; L <= s->comps; L++)
		s->at[L] = object_start(t, block, &word_at[s->colour[L]], rank_at[s->colour[L]]++, s->size[L]);
	const grid *g = s->g;
	const uint64_t bgs = (uint8_t)(bgcode - 129) * 0x0101010101010101u;
	for (unsigned i = 0; i < g->h; i++) {
		const int8_t *row = g->cell + (size_t)i * g->w;
		const uint32_t *lab = s->label + (size_t)(i + 1) * s->W + 1;
		for (unsigned j = 0; j < g->w; j += 8) {
			unsigned end = j + 8 < g->w ? j + 8 : g->w;
			if (bgcode && end == j + 8 && load64(row + j) == bgs)
				continue; /* eight background cells */
			for (unsigned q = j; q < end; q++)
				if ((unsigned)(row[q] + 129) != bgcode)
					block[s->at[lab[q]]++] = cell_key(row[q], (int)i, (int)q);
		}
	}
	return objects_finish(c, t);
}

/* Components of several colours: the cells sorted by colour (a counting sort, row-major within
 * a colour) are handed to their components, which start in that order. */
static value collect_mixed(dsl_ctx *c, search *s, unsigned bgcode, size_t cells)
{
	const grid *g = s->g;
	const unsigned h = g->h, w = g->w;
	uint32_t first[257] = {0};
	for (size_t q = 0; q < (size_t)h * w; q++)
		first[g->cell[q] + 128 + 1]++;
	if (bgcode)
		first[bgcode] = 0;
	for (int x = 0; x < 256; x++)
		first[x + 1] += first[x];
	for (unsigned i = 0, q = 0; i < h; i++)
		for (unsigned j = 0; j < w; j++, q++)
			if ((unsigned)(g->cell[q] + 129) != bgcode)
				s->stack[first[g->cell[q] + 128]++] = i << 16 | j;
	uint64_t *block;
	vtuple *t = objects_alloc(c, s->comps, cells, &block);
	memset(s->at, 0, ((size_t)s->comps + 1) * sizeof *s->at);
	uint32_t next = 0, rank = 0;
	for (size_t k = 0; k < cells; k++) {
		unsigned i = s->stack[k] >> 16, j = s->stack[k] & 0xffff;
		uint32_t L = s->label[(i + 1) * s->W + j + 1];
		if (!s->at[L])
			s->at[L] = object_start(t, block, &next, rank++, s->size[L]);
		block[s->at[L]++] = cell_key(g->cell[(size_t)i * w + j], (int)i, (int)j);
	}
	return objects_finish(c, t);
}

/* objects(grid, univalued, diagonal, without_bg): mostcolor comes first (so () and ((),) fail
 * with it), then len(grid[0]) (so () fails without it). */
value prim_objects(dsl_ctx *c, const value *args)
{
	const grid *g = grid_arg(c, args[0]);
	bool univalued = val_truthy(args[1]), diagonal = val_truthy(args[2]);
	unsigned bgcode = val_truthy(args[3]) ? (unsigned)(grid_color_extreme(c, g, true) + 129) : 0;
	if (!g->h)
		dsl_fail(c, DSL_INDEX_ERROR, "tuple index out of range");
	size_t n = (size_t)g->h * g->w;
	if (!n)
		return v_empty_set();
	check_grid(c, g);
	search s = {.g = g, .W = g->w + 2u};
	size_t padded = (size_t)(g->h + 2) * s.W;
	uint16_t state[SMALL_CELLS];
	uint32_t label[SMALL_CELLS], stack[SMALL_CELLS], size[SMALL_CELLS + 1], at[SMALL_CELLS + 1];
	uint8_t colour[SMALL_CELLS + 1];
	if (padded <= SMALL_CELLS) {
		s.state = state, s.label = label, s.stack = stack, s.size = size, s.at = at, s.colour = colour;
	} else {
		s.state = dsl_alloc(c, padded * sizeof *s.state);
		s.label = dsl_alloc(c, padded * sizeof *s.label);
		s.stack = dsl_alloc(c, padded * sizeof *s.stack);
		s.size = dsl_alloc(c, (n + 1) * sizeof *s.size);
		s.at = dsl_alloc(c, (n + 1) * sizeof *s.at);
		s.colour = dsl_alloc(c, n + 1);
	}
	const int32_t W = (int32_t)s.W;
	const int32_t off[8] = {-W, W, -1, 1, -W - 1, -W + 1, W - 1, W + 1};
	dsl_work_ahead(c, (uint64_t)padded * (diagonal ? 8 : 4) / 64);
	search_init(&s, bgcode);
	flood(&s, off, diagonal, univalued);
	size_t cells = 0;
	for (uint32_t L = 1; L <= s.comps; L++)
		cells += s.size[L];
	return s.mixed ? collect_mixed(c, &s, bgcode, cells) : collect_plain(c, &s, bgcode, cells);
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
	dsl_work_ahead(c, n / 32);
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
