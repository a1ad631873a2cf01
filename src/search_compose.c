/* search_compose.c — composing partial results, as icecuber stacks its pieces: states of the
 * grid layer whose results have the train outputs' shapes, stacked greedily under a top piece
 * A right on every cell it colours (opaque), each piece under it right on every cell it newly
 * colours (where every piece above is transparent) and right on the most cells still open,
 * until a bottom piece right on every cell left completes a stack that reproduces every train
 * output. A piece is transparent where it is 0, or where it has its grid's most common colour.
 * Printed as the pieces' chains, then per piece P under the top one
 * `paint(S, toobject(ofcolor(S, ZERO), P))` on the stack S so far (the half_overlay op's lines,
 * which test_gprog checks against the DSL), or, where a piece above the bottom one is
 * transparent at its background, `paint(S, toobject(M, P))` with M the cells transparent so
 * far, an intersection of `ofcolor(Q, mostcolor(Q))` (or `ofcolor(Q, ZERO)`) over the pieces Q
 * above. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gprog_ops.h"
#include "search_grid.h"

#define MAX_A 32      /* top pieces tried of each kind (transparent at 0, at a background) */
#define MAX_POOL 1024 /* states tried as the pieces under them (the most right), of both kinds */
#define MAX_PIECES 4  /* the most search_compose_pieces may be */

unsigned search_compose_pieces = 4;

/* A state as a piece: transparent where 0 (bg false) or at its grids' most common colours. */
typedef struct piece {
	uint32_t state;
	bool bg;             /* transparent at the most common colour, not at 0 */
	uint32_t fg_right;   /* opaque cells equal to the output's */
	uint32_t right;      /* cells equal to the output's */
	bool fg_ok;          /* every opaque cell is right */
	bool one_wrong;      /* on each train pair its wrong cells are of one colour (or none) */
	uint64_t *eq, *opaque; /* over the train cells: equal to the output's, not transparent */
	const uint8_t *tests;  /* its grids on the test inputs (those after the train ones) */
} piece;

static int by_fg(const void *a, const void *b)
{
	const piece *x = a, *y = b;
	if (x->fg_right != y->fg_right)
		return x->fg_right > y->fg_right ? -1 : 1;
	return x->state < y->state ? -1 : x->state > y->state;
}

static int by_right(const void *a, const void *b)
{
	const piece *x = a, *y = b;
	if (x->right != y->right)
		return x->right > y->right ? -1 : 1;
	if (x->state != y->state)
		return x->state < y->state ? -1 : 1;
	return x->bg - y->bg;
}

/* The transparent colour of the grid at p (h, w, cells). */
static int clear_of(const uint8_t *p, bool bg)
{
	return bg ? gp_mostcolor(p + 2, p[0], p[1]) : 0;
}

#define ONES 0x0101010101010101ull
#define LOW7 0x7f7f7f7f7f7f7f7full

static uint64_t load8(const uint8_t *p)
{
	uint64_t x;
	memcpy(&x, p, sizeof x);
	return x;
}

/* The top bit of every zero byte of x (its other bits clear). */
static uint64_t zero_bytes(uint64_t x)
{
	return ~(((x & LOW7) + LOW7) | x | LOW7);
}

/* The sum of the bytes of x. */
static uint32_t byte_sum(uint64_t x)
{
	x = (x & 0x00ff00ff00ff00ffull) + (x >> 8 & 0x00ff00ff00ff00ffull);
	return (uint32_t)((x * 0x0001000100010001ull) >> 48);
}

/* The colour (& 31) of the byte of x whose top bit is the lowest set bit of m (m non-zero). */
static uint32_t byte_at(uint64_t x, uint64_t m)
{
	return (uint32_t)(x >> (__builtin_ctzll(m) - 7)) & 31;
}

/* Whether state s has the train outputs' shapes; then its counts as a piece transparent at
 * clear[i] on train input i (NULL: at 0). Eight cells a step: a byte counter per position for
 * the cells right (at most 113 words, so no byte wraps); of the wrong cells' colours, enough
 * to tell whether there are two (the first one, then one other). */
static bool measure(const gsearch *g, uint32_t s, const uint8_t *clear, piece *pc)
{
	const uint8_t *p = gstate_grids(g, s);
	*pc = (piece){.state = s, .bg = clear != NULL, .fg_ok = true, .one_wrong = true};
	for (int i = 0; i < g->ntrain; i++) {
		const arc_grid *o = &g->t->train[i].output;
		if (p[0] != o->h || p[1] != o->w)
			return false;
		uint8_t z = clear ? clear[i] : 0;
		uint32_t wrong = 0; /* colours of wrong cells (two at most from the words) */
		uint64_t right8 = 0, fg_right8 = 0, fg_wrong8 = 0, zz = ONES * z;
		const uint8_t *x = p + 2, *y = o->cell;
		int n = o->h * o->w, c = 0;
		for (; c + 8 <= n; c += 8) {
			uint64_t a = load8(x + c), eq = zero_bytes(a ^ load8(y + c));
			uint64_t fg = ~zero_bytes(a ^ zz) & ~LOW7, ne = ~eq & ~LOW7;
			right8 += eq >> 7, fg_right8 += (eq & fg) >> 7, fg_wrong8 |= fg & ne;
			if (ne && !(wrong & (wrong - 1))) {
				if (!wrong)
					wrong = 1u << byte_at(a, ne);
				uint64_t other = ne & ~zero_bytes((a & 0x1f1f1f1f1f1f1f1full) ^
				                                  ONES * (uint32_t)__builtin_ctz(wrong));
				if (other)
					wrong |= 1u << byte_at(a, other);
			}
		}
		uint32_t right = byte_sum(right8), fg_right = byte_sum(fg_right8);
		bool fg_wrong = fg_wrong8 != 0; /* locals: the cells may alias *pc */
		for (; c < n; c++) {
			bool eq = x[c] == y[c];
			right += eq;
			if (!eq)
				wrong |= 1u << (x[c] & 31);
			if (x[c] != z) {
				fg_right += eq;
				fg_wrong |= !eq;
			}
		}
		pc->right += right, pc->fg_right += fg_right;
		pc->fg_ok &= !fg_wrong;
		pc->one_wrong &= !(wrong & (wrong - 1));
		p += 2 + (size_t)p[0] * p[1];
	}
	pc->tests = p;
	return true;
}

/* Whether state s has a most common colour other than 0 on some input; those of the train
 * inputs into clear. */
static bool has_bg(const gsearch *g, uint32_t s, uint8_t *clear)
{
	const uint8_t *p = gstate_grids(g, s);
	bool any = false;
	for (int i = 0; i < g->ni; i++) {
		int z = clear_of(p, true);
		if (i < g->ntrain)
			clear[i] = (uint8_t)z;
		any |= z != 0;
		p += 2 + (size_t)p[0] * p[1];
	}
	return any;
}

/* Sets the 8 bits b (bit k: cell at + k) of the bit set at bits. */
static void set8(uint64_t *bits, size_t at, uint64_t b)
{
	bits[at / 64] |= b << at % 64;
	if (at % 64 > 56)
		bits[at / 64 + 1] |= b >> (64 - at % 64);
}

/* The top bits of the bytes of m (the others clear) as 8 bits, byte k's as bit k. */
static uint64_t pack8(uint64_t m)
{
	return ((m >> 7) * 0x0102040810204080ull) >> 56;
}

/* Fills pc's bit sets (nw words each, from mem) over the train cells, one pair after another,
 * eight cells a step. */
static void mark(const gsearch *g, piece *pc, uint64_t *mem, size_t nw)
{
	pc->eq = mem, pc->opaque = mem + nw;
	memset(mem, 0, 2 * nw * sizeof *mem);
	const uint8_t *p = gstate_grids(g, pc->state);
	size_t at = 0;
	for (int i = 0; i < g->ntrain; i++) {
		const uint8_t *o = g->t->train[i].output.cell, *x = p + 2;
		size_t n = (size_t)p[0] * p[1], c = 0;
		int clear = clear_of(p, pc->bg);
		uint64_t cc = ONES * (uint8_t)clear;
		for (; c + 8 <= n; c += 8, at += 8) {
			uint64_t a = load8(x + c);
			set8(pc->eq, at, pack8(zero_bytes(a ^ load8(o + c))));
			set8(pc->opaque, at, pack8(~zero_bytes(a ^ cc) & ~LOW7));
		}
		for (; c < n; c++, at++) {
			if (x[c] == o[c])
				pc->eq[at / 64] |= 1ull << at % 64;
			if (x[c] != clear)
				pc->opaque[at / 64] |= 1ull << at % 64;
		}
		p += 2 + n;
	}
}

/* Whether pieces a and b have the same shapes on every input: on the test ones, the train
 * ones being the outputs' already. */
static bool same_shapes(const gsearch *g, const piece *a, const piece *b)
{
	const uint8_t *pa = a->tests, *pb = b->tests;
	for (int i = g->ntrain; i < g->ni; i++) {
		if (pa[0] != pb[0] || pa[1] != pb[1])
			return false;
		size_t n = (size_t)pa[0] * pa[1];
		pa += 2 + n, pb += 2 + n;
	}
	return true;
}

/* The program text of the stack st[0] over st[1] ... over st[k - 1]. */
static char *stack_text(const gsearch *g, const piece *const *st, int k, uint32_t *size)
{
	search_text t;
	if (!search_text_open(&t))
		return NULL;
	char v[MAX_PIECES][16], s[16], m[16];
	bool any_bg = false;
	for (int j = 0; j < k; j++) {
		int x = gprog_print(t.f, &g->st[st[j]->state].prog, "I", &t.next);
		snprintf(v[j], sizeof v[j], x ? "x%d" : "I", x);
		any_bg |= j < k - 1 && st[j]->bg;
	}
	snprintf(s, sizeof s, "%s", v[0]);
	for (int j = 0; j < k; j++) {
		if (!any_bg) {
			if (j == 0)
				continue;
			int n = t.next;
			fprintf(t.f, "    x%d = ofcolor(%s, ZERO)\n", n, s);
			fprintf(t.f, "    x%d = toobject(x%d, %s)\n", n + 1, n, v[j]);
			fprintf(t.f, "    x%d = paint(%s, x%d)\n", n + 2, s, n + 1);
			snprintf(s, sizeof s, "x%d", n + 2);
			t.next += 3;
			continue;
		}
		if (j > 0) {
			int n = t.next;
			fprintf(t.f, "    x%d = toobject(%s, %s)\n", n, m, v[j]);
			fprintf(t.f, "    x%d = paint(%s, x%d)\n", n + 1, s, n);
			snprintf(s, sizeof s, "x%d", n + 1);
			t.next += 2;
		}
		if (j == k - 1)
			break;
		char c[16] = "ZERO";
		if (st[j]->bg) {
			fprintf(t.f, "    x%d = mostcolor(%s)\n", t.next, v[j]);
			snprintf(c, sizeof c, "x%d", t.next++);
		}
		fprintf(t.f, "    x%d = ofcolor(%s, %s)\n", t.next, v[j], c);
		if (j > 0) {
			fprintf(t.f, "    x%d = intersection(%s, x%d)\n", t.next + 1, m, t.next);
			t.next++;
		}
		snprintf(m, sizeof m, "x%d", t.next++);
	}
	char *text;
	return search_text_close(&t, t.next - 1, &text, size) ? text : NULL;
}

#if defined(__x86_64__) && defined(__GNUC__)
/* count3 where the CPU counts bits in one instruction (checked at run time). */
__attribute__((target("popcnt"))) static size_t count3_popcnt(const uint64_t *a, const uint64_t *b,
                                                              const uint64_t *c, size_t nw)
{
	size_t n = 0;
	for (size_t w = 0; w < nw; w++)
		n += (size_t)__builtin_popcountll(a[w] & b[w] & c[w]);
	return n;
}
#endif

/* The cells of a & b & c (with neg, a & b & ~c), and whether there is one. */
static size_t count3(const uint64_t *a, const uint64_t *b, const uint64_t *c, bool neg, size_t nw)
{
#if defined(__x86_64__) && defined(__GNUC__)
	if (!neg && __builtin_cpu_supports("popcnt"))
		return count3_popcnt(a, b, c, nw);
#endif
	size_t n = 0;
	for (size_t w = 0; w < nw; w++)
		n += (size_t)arc_popcount64(a[w] & b[w] & (neg ? ~c[w] : c[w]));
	return n;
}

static bool any3(const uint64_t *a, const uint64_t *b, const uint64_t *c, bool neg, size_t nw)
{
	for (size_t w = 0; w < nw; w++)
		if (a[w] & b[w] & (neg ? ~c[w] : c[w]))
			return true;
	return false;
}

/* The greedy stack under top piece a, from the np pieces of pool: into st (a first), its size;
 * 0 when none reproduces every train output within `most` pieces. ones: the train cells;
 * open: nw words of scratch. Each step adds the first piece right on every cell still open (it
 * completes the stack), else the one right on the most open cells among those right on every
 * open cell they colour (ties: the pool's order, by cells right, then state). */
static int stack_under(const gsearch *g, const piece *a, const piece *pool, size_t np,
                       const uint64_t *ones, uint64_t *open, size_t nw, unsigned most,
                       const piece **st)
{
	for (size_t w = 0; w < nw; w++)
		open[w] = ones[w] & ~a->opaque[w];
	unsigned k = 0;
	st[k++] = a;
	while (k < most) {
		size_t best = np, gain = 0;
		for (size_t j = 0; j < np; j++) {
			const piece *p = &pool[j];
			if (!same_shapes(g, a, p))
				continue;
			if (!any3(open, ones, p->eq, true, nw)) {
				st[k++] = p;
				return (int)k;
			}
			if (k + 1 >= most)
				continue; /* no room left but for the bottom piece */
			if (any3(open, p->opaque, p->eq, true, nw))
				continue;
			size_t x = count3(open, p->opaque, p->eq, false, nw);
			if (x > gain)
				best = j, gain = x;
		}
		if (best == np)
			return 0;
		for (size_t w = 0; w < nw; w++)
			open[w] &= ~pool[best].opaque[w];
		st[k++] = &pool[best];
	}
	return 0;
}

bool search_compose(const gsearch *g, search_cand **out, size_t *n, size_t max)
{
	size_t cells = 0;
	for (int i = 0; i < g->ntrain; i++)
		cells += (size_t)g->t->train[i].output.h * g->t->train[i].output.w;
	size_t nw = (cells + 63) / 64, nst = g->nst ? g->nst : 1;
	unsigned most = search_compose_pieces < MAX_PIECES ? search_compose_pieces : MAX_PIECES;
	piece *all = malloc(nst * sizeof *all), *as = malloc(nst * sizeof *as);
	piece *bs = malloc(nst * sizeof *bs);
	piece *pool = malloc(2 * MAX_POOL * sizeof *pool);
	uint64_t *mem = malloc((2 * (2 * MAX_A + 2 * MAX_POOL) + 2) * nw * sizeof *mem);
	const piece *(*stacks)[MAX_PIECES] = malloc(2 * MAX_A * sizeof *stacks);
	int *ks = malloc(2 * MAX_A * sizeof *ks);
	bool ok = all && as && bs && pool && mem && stacks && ks;
	/* every state with the outputs' shapes as a piece transparent at 0; the top pieces among
	 * them, the first MAX_A, then the first MAX_A of those transparent at a background that is
	 * not 0 on some input (only a state whose wrong cells are of one colour on each train pair
	 * may be right on every other cell) */
	size_t ne = 0, na = 0, nb = 0;
	uint8_t clear[MAX_INPUTS];
	for (uint32_t s = 0; ok && s < g->nst; s++) {
		if (!measure(g, s, NULL, &all[ne]))
			continue;
		const piece *p = &all[ne++];
		if (g->st[s].exact >= g->ntrain)
			continue;
		if (p->fg_ok && p->fg_right)
			as[na++] = *p;
		if (p->one_wrong && has_bg(g, s, clear)) {
			piece *q = &bs[nb];
			measure(g, s, clear, q);
			nb += q->fg_ok && q->fg_right;
		}
	}
	if (ok) {
		qsort(as, na, sizeof *as, by_fg);
		qsort(bs, nb, sizeof *bs, by_fg);
		qsort(all, ne, sizeof *all, by_right);
	}
	if (na > MAX_A)
		na = MAX_A;
	for (size_t i = 0; i < nb && i < MAX_A; i++)
		as[na++] = bs[i];
	if (ne > MAX_POOL)
		ne = MAX_POOL;
	/* the pool: the MAX_POOL states most right, each followed by itself transparent at its
	 * background where that is not 0 on some input */
	size_t np = 0;
	for (size_t j = 0; ok && j < ne; j++) {
		pool[np++] = all[j];
		if (has_bg(g, all[j].state, clear))
			measure(g, all[j].state, clear, &pool[np++]);
	}
	uint64_t *ones = mem, *open = mem + nw, *bits = mem + 2 * nw;
	if (ok) {
		memset(ones, 0, nw * sizeof *ones);
		for (size_t c = 0; c < cells; c++)
			ones[c / 64] |= 1ull << c % 64;
		for (size_t i = 0; i < na; i++)
			mark(g, &as[i], bits + 2 * nw * i, nw);
		for (size_t j = 0; j < np; j++)
			mark(g, &pool[j], bits + 2 * nw * (2 * MAX_A + j), nw);
		for (size_t j = 0, k = 0; j < np; j++)
			if (!pool[j].bg)
				all[k++] = pool[j]; /* with their bit sets */
	}
	/* the stacks of pieces transparent at 0 first (the fewest pieces first, ties: the top
	 * pieces' order), then those with a piece transparent at its background (the bottom
	 * piece's kind does not matter: it colours every cell left) */
	size_t made = 0;
	for (int pass = 0; pass < 2 && ok; pass++) {
		for (size_t i = 0; i < na; i++)
			ks[i] = pass == 0 && as[i].bg ? 0
			        : stack_under(g, &as[i], pass ? pool : all, pass ? np : ne, ones, open,
			                      nw, most, stacks[i]);
		for (int k = 2; ok && k <= (int)most; k++)
			for (size_t i = 0; i < na && made < max && ok; i++) {
				bool bg = false;
				for (int j = 0; j < ks[i] - 1; j++)
					bg |= stacks[i][j]->bg;
				if (ks[i] != k || bg != (pass == 1))
					continue;
				uint32_t size = 0;
				char *text = stack_text(g, stacks[i], k, &size);
				ok = search_cands_push_solved(out, n, text, size, g->ntrain);
				made += ok;
			}
	}
	free(all), free(as), free(bs), free(pool), free(mem), free(stacks), free(ks);
	return ok;
}
