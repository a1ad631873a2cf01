/* search_compose.c — composing partial results, as icecuber stacks its pieces: two states A
 * and B of the grid layer whose results have the train outputs' shapes, where A is right on
 * every cell it colours (non-zero) and B is right on every cell A leaves at zero, stack into a
 * program that reproduces every train output: A's non-zero cells painted over B. Printed as
 * A's chain, B's chain and `paint(A, toobject(ofcolor(A, ZERO), B))` (the half_overlay op's
 * lines, which test_gprog checks against the DSL). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "search_grid.h"

#define MAX_A 32   /* states tried as the upper piece */
#define MAX_B 1024 /* states tried as the lower piece */

/* Per eligible state: where its grids are, and how right it is on the train outputs. */
typedef struct piece {
	uint32_t state;
	uint32_t fg_right;   /* non-zero cells equal to the output's */
	uint32_t right;      /* cells equal to the output's */
	bool fg_ok;          /* every non-zero cell is right */
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
	return x->state < y->state ? -1 : x->state > y->state;
}

/* Whether state s has the train outputs' shapes; then its counts. */
static bool measure(const gsearch *g, uint32_t s, piece *pc)
{
	const uint8_t *p = gstate_grids(g, s);
	*pc = (piece){.state = s, .fg_ok = true};
	for (int i = 0; i < g->ntrain; i++) {
		const arc_grid *o = &g->t->train[i].output;
		if (p[0] != o->h || p[1] != o->w)
			return false;
		for (int c = 0; c < o->h * o->w; c++) {
			bool eq = p[2 + c] == o->cell[c];
			pc->right += eq;
			if (p[2 + c]) {
				pc->fg_right += eq;
				pc->fg_ok &= eq;
			}
		}
		p += 2 + (size_t)p[0] * p[1];
	}
	return true;
}

/* Whether B is right wherever A is zero on the train pairs, and has A's shapes on the tests. */
static bool fits_under(const gsearch *g, uint32_t a, uint32_t b)
{
	const uint8_t *pa = gstate_grids(g, a), *pb = gstate_grids(g, b);
	for (int i = 0; i < g->ni; i++) {
		if (pa[0] != pb[0] || pa[1] != pb[1])
			return false;
		size_t n = (size_t)pa[0] * pa[1];
		if (i < g->ntrain) {
			const uint8_t *o = g->t->train[i].output.cell;
			for (size_t c = 0; c < n; c++)
				if (!pa[2 + c] && pb[2 + c] != o[c])
					return false;
		}
		pa += 2 + n, pb += 2 + n;
	}
	return true;
}

/* The program text of the stack of a over b. */
static char *stack_text(const gsearch *g, uint32_t a, uint32_t b, uint32_t *size)
{
	search_text t;
	if (!search_text_open(&t))
		return NULL;
	char va[16] = "I", vb[16] = "I";
	int x = gprog_print(t.f, &g->st[a].prog, "I", &t.next);
	if (x)
		snprintf(va, sizeof va, "x%d", x);
	x = gprog_print(t.f, &g->st[b].prog, "I", &t.next);
	if (x)
		snprintf(vb, sizeof vb, "x%d", x);
	int n = t.next;
	fprintf(t.f, "    x%d = ofcolor(%s, ZERO)\n", n, va);
	fprintf(t.f, "    x%d = toobject(x%d, %s)\n", n + 1, n, vb);
	fprintf(t.f, "    x%d = paint(%s, x%d)\n", n + 2, va, n + 1);
	t.next += 3;
	char *text;
	return search_text_close(&t, n + 2, &text, size) ? text : NULL;
}

bool search_compose(const gsearch *g, search_cand **out, size_t *n, size_t max)
{
	piece *all = malloc((g->nst ? g->nst : 1) * sizeof *all);
	piece *as = malloc((g->nst ? g->nst : 1) * sizeof *as);
	if (!all || !as) {
		free(all), free(as);
		return false;
	}
	size_t ne = 0, na = 0;
	for (uint32_t s = 0; s < g->nst; s++)
		if (measure(g, s, &all[ne])) {
			if (all[ne].fg_ok && all[ne].fg_right && g->st[s].exact < g->ntrain)
				as[na++] = all[ne];
			ne++;
		}
	qsort(as, na, sizeof *as, by_fg);
	qsort(all, ne, sizeof *all, by_right);
	if (na > MAX_A)
		na = MAX_A;
	if (ne > MAX_B)
		ne = MAX_B;
	size_t made = 0;
	bool ok = true;
	for (size_t i = 0; i < na && made < max && ok; i++)
		for (size_t j = 0; j < ne; j++) {
			uint32_t a = as[i].state, b = all[j].state;
			if (a == b || !fits_under(g, a, b))
				continue;
			uint32_t size = 0;
			char *text = stack_text(g, a, b, &size);
			ok = search_cands_push_solved(out, n, text, size, g->ntrain);
			made += ok;
			break;
		}
	free(all), free(as);
	return ok;
}
