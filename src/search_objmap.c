/* search_objmap.c — objects recoloured by a feature, read from the train pairs: a split of the
 * task's inputs into objects and a key of an object within its grid (a feature: its size, the
 * size's rank, size == v, largest, smallest, height, width, bordering, ...; or the pair of a
 * feature and one of largest, smallest, bordering) such that one map, key value -> kept or
 * colour c, holds for every object of every train pair, become a program: the split, then per
 * value the map moves the set of its objects, merged and filled with c in turn (the objects are
 * disjoint, so the order of the fills does not matter). It reads the task's own grids, not the
 * grid layer's states, and counts no nodes. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "gprog_ops.h"
#include "search_grid.h"

#define KEEP 10     /* a map's value for an object left as it is, and its bit in a mask */
#define NVALUES 901 /* feature values: 0..900 */
#define NKEYVALUES (2 * NVALUES) /* key values: a feature's, or a pair's (value * 2 + boolean) */
#define NSPLITS 7   /* a < 4: objects(I, U, D, T) (gp_split's numbering); 4, 5: the univalued
                     * objects but those of colour 0 of objects(I, T, D, F), D = a - 4; SPLIT_BG:
                     * the background's regions, those of colour mostcolor(I) of
                     * objects(I, T, F, F) */
#define SPLIT_BG 6

enum {
	F_SIZE,
	F_HEIGHT,
	F_WIDTH,
	F_RANK_LARGE, /* the size's rank among the grid's distinct sizes, 0 the largest */
	F_RANK_SMALL, /* 0 the smallest */
	F_LARGEST,    /* the booleans, from here on; the first NPAIRED pair with every feature */
	F_SMALLEST,
	F_BORDER,
	F_SQUARE,     /* a filled square (the DSL's square) */
	F_RING,       /* its bounding box's outline around cells not its own: delta ==
	               * backdrop(inbox) (for a connected object, 3 by 3 at least) */
	F_EVEN,       /* an even size */
	F_ENCLOSES,   /* adjacent to an enclosed region: one of the background's (mostcolor,
	               * 4-connected) that touches no border, holding none of its cells */
	F_SIZE_IS,    /* F_SIZE_IS + v - 1: size == v, for v = 1..9 */
	F_TOUCH = F_SIZE_IS + 9, /* F_TOUCH + c: adjacent to a cell of colour c, having none */
	NFEATURES = F_TOUCH + 10,
	NPAIRED = 3,
	NKEYS = NFEATURES * (1 + NPAIRED) /* key k: feature k below NFEATURES, else the pair of
	                                   * F_LARGEST + k / NFEATURES - 1 and k % NFEATURES */
};

typedef struct obj {
	uint16_t f[NFEATURES]; /* feature values */
	uint16_t allow;        /* on a train input, the map values its output cells allow: bit c
	                        * when they are all c, bit KEEP when they are unchanged */
} obj;

/* A split of every input (train, then test). */
typedef struct split {
	obj *o;        /* the objects, input by input */
	size_t n, ntrain; /* objects; those of the train inputs (o[0 .. ntrain)) */
	uint32_t *lab; /* per cell of the inputs, one after the other: its object + 1, 0 for none */
	uint8_t enc[30 * 30]; /* the enclosed cells of the input being split (enclosed) */
	uint16_t absent; /* the colours some input lacks (ofcolor would be empty: adjacent fails) */
	bool open;       /* some input has no enclosed region (adjacent fails the same way) */
} split;

/* A (split, key) that explains the task. */
typedef struct explained {
	char *text;
	uint32_t size;
	int order;     /* key * NSPLITS + split, which breaks ties: the same feature over another
	                * split measured a better second attempt than split by split (124.50
	                * against 123.50 at 20000 nodes) */
	uint8_t *pred; /* its outputs for the test inputs, cells one after the other */
} explained;

static const arc_grid *input(const arc_task *t, int i)
{
	return i < t->ntrain ? &t->train[i].input : &t->test[i - t->ntrain].input;
}

/* Key k's value for object o. */
static int value(const obj *o, int k)
{
	int v = o->f[k % NFEATURES];
	return k < NFEATURES ? v : v * 2 + o->f[F_LARGEST + k / NFEATURES - 1];
}

/* The enclosed cells of x into e (1 each): those of colour bg that no 4-connected path of bg
 * links to the border; whether there is one. */
static bool enclosed(const arc_grid *x, int bg, uint8_t *e)
{
	int n = x->h * x->w, top = 0, any = 0;
	int *stack = malloc((size_t)n * sizeof *stack);
	if (!stack)
		return false;
	for (int c = 0; c < n; c++) {
		int i = c / x->w, j = c % x->w;
		e[c] = x->cell[c] == bg;
		if (e[c] && (!i || !j || i == x->h - 1 || j == x->w - 1))
			e[c] = 0, stack[top++] = c;
	}
	while (top) {
		int c = stack[--top], i = c / x->w, j = c % x->w;
		int next[4] = {i ? c - x->w : -1, i < x->h - 1 ? c + x->w : -1, j ? c - 1 : -1,
		               j < x->w - 1 ? c + 1 : -1};
		for (int k = 0; k < 4; k++)
			if (next[k] >= 0 && e[next[k]])
				e[next[k]] = 0, stack[top++] = next[k];
	}
	for (int c = 0; c < n; c++)
		any |= e[c];
	free(stack);
	return any;
}

/* The features of object b, o of grid x (its cells in g's queue; e its enclosed cells), but
 * those over all the grid's objects (the ranks, largest, smallest). */
static void features(obj *b, const gp_split *g, const gp_obj *o, const arc_grid *x,
                     const uint8_t *e)
{
	int h = o->bottom - o->top + 1, w = o->right - o->left + 1;
	/* the inner rectangle, backdrop(inbox(o)) */
	int it = o->top + 1 < o->bottom - 1 ? o->top + 1 : o->bottom - 1;
	int ib = o->top + 1 < o->bottom - 1 ? o->bottom - 1 : o->top + 1;
	int jl = o->left + 1 < o->right - 1 ? o->left + 1 : o->right - 1;
	int jr = o->left + 1 < o->right - 1 ? o->right - 1 : o->left + 1;
	int own = 0, near = 0, inner = 0, in_e = 0, by_e = 0;
	for (int q = 0; q < o->size; q++) {
		int k = g->queue[q], i = k / GP_PW - 1, j = k % GP_PW - 1;
		const uint8_t *c = x->cell + i * x->w + j;
		own |= 1 << *c;
		near |= (i ? 1 << c[-x->w] : 0) | (i < x->h - 1 ? 1 << c[x->w] : 0) |
		        (j ? 1 << c[-1] : 0) | (j < x->w - 1 ? 1 << c[1] : 0);
		inner += i >= it && i <= ib && j >= jl && j <= jr;
		const uint8_t *d = e + (c - x->cell);
		in_e |= *d;
		by_e |= (i && d[-x->w]) || (i < x->h - 1 && d[x->w]) || (j && d[-1]) ||
		        (j < x->w - 1 && d[1]);
	}
	b->f[F_SIZE] = (uint16_t)o->size, b->f[F_HEIGHT] = (uint16_t)h, b->f[F_WIDTH] = (uint16_t)w;
	b->f[F_BORDER] = !o->top || !o->left || o->bottom == x->h - 1 || o->right == x->w - 1;
	b->f[F_SQUARE] = h == w && o->size == h * w;
	b->f[F_RING] = h > 1 && w > 1 && !inner && o->size == h * w - (ib - it + 1) * (jr - jl + 1);
	b->f[F_EVEN] = !(o->size & 1);
	b->f[F_ENCLOSES] = by_e && !in_e;
	for (int v = 1; v <= 9; v++)
		b->f[F_SIZE_IS + v - 1] = o->size == v;
	for (int c = 0; c < 10; c++)
		b->f[F_TOUCH + c] = (near & ~own) >> c & 1;
}

/* Split a of every input of t into s, the features of its objects computed; false where a train
 * pair does not fit it: a cell outside the objects changed, or an object's output cells are
 * neither all unchanged nor all one colour. */
static bool split_inputs(const arc_task *t, int a, split *s)
{
	/* per split, gp_split's a and the background (-1: mostcolor; 10: none) */
	static const int8_t split_a[NSPLITS] = {0, 1, 2, 3, 0, 1, 0};
	static const int8_t split_bg[NSPLITS] = {-1, -1, -1, -1, 0, 0, 10};
	gp_split g;
	s->n = 0, s->absent = 0, s->open = false;
	size_t at = 0;
	for (int i = 0; i < t->ntrain + t->ntest; i++) {
		const arc_grid *x = input(t, i);
		const uint8_t *y = i < t->ntrain ? t->train[i].output.cell : NULL;
		size_t first = s->n;
		int bg = gp_mostcolor(x->cell, x->h, x->w), seen = 0;
		s->open |= !enclosed(x, bg, s->enc);
		gp_obj o;
		gp_split_init_bg(&g, x->cell, x->h, x->w, split_a[a], split_bg[a] < 0 ? bg : split_bg[a]);
		memset(s->lab + at, 0, (size_t)x->h * x->w * sizeof *s->lab);
		while (gp_split_next(&g, &o)) {
			if (a == SPLIT_BG && o.key / 1024 != bg)
				continue;
			obj *b = &s->o[s->n++];
			bool same = true, one = true;
			int c0 = -1;
			for (int q = 0; q < o.size; q++) {
				int k = g.queue[q], cell = (k / GP_PW - 1) * x->w + k % GP_PW - 1;
				s->lab[at + cell] = (uint32_t)s->n;
				if (y) {
					c0 = c0 < 0 ? y[cell] : c0;
					same &= y[cell] == x->cell[cell], one &= y[cell] == c0;
				}
			}
			b->allow = y ? (uint16_t)(same << KEEP | one << c0) : 0;
			if (y && !b->allow)
				return false;
			features(b, &g, &o, x, s->enc);
		}
		for (int c = 0; c < x->h * x->w; c++) {
			if (y && !s->lab[at + c] && y[c] != x->cell[c])
				return false;
			seen |= 1 << x->cell[c];
		}
		s->absent |= (uint16_t)(~seen & 0x3ff);
		/* the ranks: distinct sizes below (above) each size in this grid */
		uint16_t below[NVALUES];
		bool has[NVALUES] = {0};
		for (size_t k = first; k < s->n; k++)
			has[s->o[k].f[F_SIZE]] = true;
		int distinct = 0;
		for (int v = 0; v < NVALUES; v++)
			below[v] = (uint16_t)distinct, distinct += has[v];
		for (size_t k = first; k < s->n; k++) {
			uint16_t *f = s->o[k].f;
			f[F_RANK_SMALL] = below[f[F_SIZE]];
			f[F_RANK_LARGE] = (uint16_t)(distinct - 1 - f[F_RANK_SMALL]);
			f[F_LARGEST] = !f[F_RANK_LARGE], f[F_SMALLEST] = !f[F_RANK_SMALL];
		}
		if (i == t->ntrain - 1)
			s->ntrain = s->n;
		at += (size_t)x->h * x->w;
	}
	return true;
}

/* Whether value v of feature f prints: the integer constants only go up to TEN, and add(TEN, k)
 * makes those to 20. */
static bool printable(int f, int v)
{
	return v <= 20 || (f != F_SIZE && f != F_HEIGHT && f != F_WIDTH);
}

/* The map, per value of key k, KEEP or a colour, that every train object of s allows; false
 * where there is none, it moves no object, a test object has a value no train object had (the map
 * would guess), a value it moves does not print, or k pairs a feature with itself or is adjacency
 * to a colour some input lacks. */
static bool deduce(const split *s, int k, uint8_t *map)
{
	int f = k % NFEATURES;
	if ((k >= NFEATURES && f == F_LARGEST + k / NFEATURES - 1) ||
	    (f >= F_TOUCH && s->absent >> (f - F_TOUCH) & 1) || (f == F_ENCLOSES && s->open))
		return false;
	uint16_t m[NKEYVALUES];
	for (int v = 0; v < NKEYVALUES; v++)
		m[v] = 0xffff; /* no train object has v */
	for (size_t j = 0; j < s->ntrain; j++)
		m[value(&s->o[j], k)] &= s->o[j].allow;
	for (size_t j = s->ntrain; j < s->n; j++)
		if (m[value(&s->o[j], k)] == 0xffff)
			return false;
	bool moved = false;
	for (int v = 0; v < NKEYVALUES; v++) {
		if (!m[v])
			return false;
		map[v] = m[v] == 0xffff || m[v] >> KEEP & 1 ? KEEP : (uint8_t)__builtin_ctz(m[v]);
		if (map[v] != KEEP && !printable(f, k < NFEATURES ? v : v >> 1))
			return false;
		moved |= map[v] != KEEP;
	}
	return moved;
}

/* A program being printed, with the lines later ones reuse. */
typedef struct printer {
	search_text t;
	int objs;           /* the split's objects */
	int yes[NFEATURES]; /* a boolean's objects that have it, 0 until printed */
	int sizes;          /* apply(size, objs), 0 until printed */
	int left, ext;      /* a rank's sizes left and the extreme of them, 0 until printed */
	int rank;           /* ext's rank, -1 before the first */
} printer;

/* Prints the line `x<n> = ...` and returns n. */
__attribute__((format(printf, 2, 3))) static int line(printer *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(p->t.f, "    x%d = ", p->t.next);
	vfprintf(p->t.f, fmt, ap);
	va_end(ap);
	fputc('\n', p->t.f);
	return p->t.next++;
}

/* Integer v (0..20) as an operand into name: a constant, or the line add(TEN, k) printed. */
static void integer(printer *p, int v, char name[16])
{
	if (v <= 10)
		snprintf(name, 16, "%s", v == 10 ? "TEN" : gprog_constant(v));
	else
		snprintf(name, 16, "x%d", line(p, "add(TEN, %s)", v == 20 ? "TEN" : gprog_constant(v - 10)));
}

/* The line apply(size, objs), printed the first time. */
static int sizes(printer *p)
{
	return p->sizes ? p->sizes : (p->sizes = line(p, "apply(size, x%d)", p->objs));
}

/* The line of the objects that have boolean f. */
static int has(printer *p, int f)
{
	char name[16];
	int by;
	if (f >= F_SIZE_IS && f < F_TOUCH) {
		integer(p, f - F_SIZE_IS + 1, name);
		return line(p, "sizefilter(x%d, %s)", p->objs, name);
	}
	if (f == F_LARGEST || f == F_SMALLEST) {
		int ext = line(p, "%s(x%d)", f == F_LARGEST ? "maximum" : "minimum", sizes(p));
		return line(p, "sizefilter(x%d, x%d)", p->objs, ext);
	}
	if (f == F_SQUARE)
		return line(p, "sfilter(x%d, square)", p->objs);
	if (f == F_BORDER)
		by = line(p, "rbind(bordering, I)");
	else if (f == F_RING)
		by = line(p, "fork(equality, delta, x%d)", line(p, "compose(backdrop, inbox)"));
	else if (f == F_EVEN)
		by = line(p, "compose(even, size)");
	else if (f == F_ENCLOSES) {
		int regions = line(p, "colorfilter(x%d, x%d)", line(p, "objects(I, T, F, F)"),
		                   line(p, "mostcolor(I)"));
		int inside = line(p, "compose(flip, x%d)", line(p, "rbind(bordering, I)"));
		by = line(p, "rbind(adjacent, x%d)", line(p, "mfilter(x%d, x%d)", regions, inside));
	}
	else
		by = line(p, "rbind(adjacent, x%d)", line(p, "ofcolor(I, %s)", gprog_constant(f - F_TOUCH)));
	return line(p, "sfilter(x%d, x%d)", p->objs, by);
}

/* The line of the objects whose feature f is v; a rank's values come in increasing order. */
static int with_value(printer *p, int f, int v)
{
	char name[16];
	if (f == F_SIZE) {
		integer(p, v, name);
		return line(p, "sizefilter(x%d, %s)", p->objs, name);
	}
	if (f == F_HEIGHT || f == F_WIDTH) {
		integer(p, v, name);
		int is = line(p, "matcher(%s, %s)", f == F_HEIGHT ? "height" : "width", name);
		return line(p, "sfilter(x%d, x%d)", p->objs, is);
	}
	if (f == F_RANK_LARGE || f == F_RANK_SMALL) {
		/* the v-th extreme of the sizes: the extremes before it removed in turn (an extreme of
		 * no sizes is 0, the size of no object) */
		if (!p->left)
			p->left = sizes(p);
		for (; p->rank < v; p->rank++) {
			if (p->rank >= 0)
				p->left = line(p, "remove(x%d, x%d)", p->ext, p->left);
			p->ext = line(p, "%s(x%d)", f == F_RANK_LARGE ? "maximum" : "minimum", p->left);
		}
		return line(p, "sizefilter(x%d, x%d)", p->objs, p->ext);
	}
	if (!p->yes[f])
		p->yes[f] = has(p, f);
	return v ? p->yes[f] : line(p, "difference(x%d, x%d)", p->objs, p->yes[f]);
}

/* The program of split a recoloured by map over key k. */
static char *map_text(int a, int k, const uint8_t *map, uint32_t *size)
{
	static const char *const splits[NSPLITS] = {
		"objects(I, T, F, T)", "objects(I, T, T, T)", "objects(I, F, F, T)",
		"objects(I, F, T, T)", "objects(I, T, F, F)", "objects(I, T, T, F)",
		"objects(I, T, F, F)"};
	printer p = {.rank = -1};
	if (!search_text_open(&p.t))
		return NULL;
	char grid[16] = "I";
	int f = k % NFEATURES, paired = F_LARGEST + k / NFEATURES - 1;
	p.objs = line(&p, "%s", splits[a]);
	if (a == SPLIT_BG) {
		p.objs = line(&p, "colorfilter(x%d, x%d)", p.objs, line(&p, "mostcolor(I)"));
	} else if (a >= 4) {
		int zero = line(&p, "colorfilter(x%d, ZERO)", p.objs);
		p.objs = line(&p, "difference(x%d, x%d)", p.objs, zero);
	}
	for (int v = 0; v < NKEYVALUES; v++) {
		if (map[v] == KEEP)
			continue;
		int set = with_value(&p, f, k < NFEATURES ? v : v >> 1);
		if (k >= NFEATURES)
			set = line(&p, "%s(x%d, x%d)", v & 1 ? "intersection" : "difference", set,
			           with_value(&p, paired, 1));
		int cells = line(&p, "merge(x%d)", set);
		snprintf(grid, sizeof grid, "x%d",
		         line(&p, "fill(%s, %s, x%d)", grid, gprog_constant(map[v]), cells));
	}
	char *text;
	return search_text_close(&p.t, p.t.next - 1, &text, size) ? text : NULL;
}

/* The test outputs of split s recoloured by map over key k, from the test inputs' n cells at
 * `at` of cells (every input's cells one after the other). */
static uint8_t *predict(const split *s, int k, const uint8_t *map, const uint8_t *cells, size_t at,
                        size_t n)
{
	uint8_t *p = malloc(n + 1);
	for (size_t c = 0; p && c < n; c++) {
		uint32_t o = s->lab[at + c];
		int to = o ? map[value(&s->o[o - 1], k)] : KEEP;
		p[c] = to != KEEP ? (uint8_t)to : cells[at + c];
	}
	return p;
}
static int by_size(const void *a, const void *b)
{
	const explained *x = a, *y = b;
	if (x->size != y->size)
		return x->size < y->size ? -1 : 1;
	return (x->order > y->order) - (x->order < y->order);
}

bool search_objmap(const arc_task *t, search_cand **out, size_t *n, size_t max)
{
	size_t ncells = 0, at = 0;
	for (int i = 0; i < t->ntrain + t->ntest; i++) {
		const arc_grid *x = input(t, i);
		if (i < t->ntrain && (x->h != t->train[i].output.h || x->w != t->train[i].output.w))
			return true;
		at = i == t->ntrain ? ncells : at;
		ncells += (size_t)x->h * x->w;
	}
	split s = {.o = malloc(ncells * sizeof *s.o), .lab = malloc(ncells * sizeof *s.lab)};
	uint8_t *cells = malloc(ncells);
	explained *ex = malloc(NSPLITS * NKEYS * sizeof *ex);
	size_t nex = 0, pick[NSPLITS * NKEYS], np = 0;
	uint8_t map[NKEYVALUES];
	bool ok = s.o && s.lab && cells && ex;
	for (int i = 0, c = 0; ok && i < t->ntrain + t->ntest; i++) {
		const arc_grid *x = input(t, i);
		memcpy(cells + c, x->cell, (size_t)x->h * x->w);
		c += x->h * x->w;
	}
	for (int a = 0; a < NSPLITS && ok; a++) {
		if (!split_inputs(t, a, &s))
			continue;
		for (int k = 0; k < NKEYS && ok; k++) {
			if (!deduce(&s, k, map))
				continue;
			explained *e = &ex[nex++];
			*e = (explained){.order = k * NSPLITS + a};
			e->text = map_text(a, k, map, &e->size);
			e->pred = predict(&s, k, map, cells, at, ncells - at);
			ok = e->text && e->pred;
		}
	}
	/* the smallest, but one whose test outputs an earlier one gives already */
	if (ok)
		qsort(ex, nex, sizeof *ex, by_size);
	for (size_t k = 0; ok && k < nex && np < max; k++) {
		bool repeat = false;
		for (size_t j = 0; j < np; j++)
			repeat |= !memcmp(ex[pick[j]].pred, ex[k].pred, ncells - at);
		if (!repeat)
			pick[np++] = k;
	}
	for (size_t j = 0; ok && j < np; j++) {
		ok = search_cands_push_solved(out, n, ex[pick[j]].text, ex[pick[j]].size, t->ntrain);
		ex[pick[j]].text = NULL;
	}
	for (size_t k = 0; k < nex; k++)
		free(ex[k].text), free(ex[k].pred);
	free(ex), free(cells), free(s.o), free(s.lab);
	return ok;
}
