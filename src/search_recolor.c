/* search_recolor.c — a colour map deduced from the train pairs, as icecuber normalises colours:
 * a state of the grid layer whose results have the train outputs' shapes, where every cell of
 * colour c holds f(c) in the output for one map f on every train pair, becomes a program that
 * reproduces every train output: the state's chain, then per colour c that f moves,
 * `ofcolor(S, c)` of the state S and the fills of f(c) into those cells in turn (each set read
 * from S, so the order of the fills does not matter). */
#include <stdio.h>
#include <stdlib.h>

#include "gprog.h"
#include "search_grid.h"

#define NO_COLOR 0xff

/* A state that recolours into every train output: its index, its map and the nodes it costs. */
typedef struct mapped {
	uint32_t state;
	uint32_t cost; /* the state's nodes and two per moved colour */
	uint8_t f[10];
} mapped;

/* Whether m moves colour c. */
static bool moves(const mapped *m, int c)
{
	return m->f[c] != NO_COLOR && m->f[c] != c;
}

static int by_cost(const void *a, const void *b)
{
	const mapped *x = a, *y = b;
	if (x->cost != y->cost)
		return x->cost < y->cost ? -1 : 1;
	return x->state < y->state ? -1 : x->state > y->state;
}

/* Whether state s maps onto every train output by one colour map that moves some colour and
 * whose domain holds every colour of its test results (a colour the train pairs never mapped
 * would be a guess: measured, such maps were right on none of the tasks they explained); then
 * the map and its cost. */
static bool deduce(const gsearch *g, uint32_t s, mapped *m)
{
	const uint8_t *p = gstate_grids(g, s);
	*m = (mapped){.state = s};
	for (int c = 0; c < 10; c++)
		m->f[c] = NO_COLOR;
	for (int i = 0; i < g->ntrain; i++) {
		const arc_grid *o = &g->t->train[i].output;
		if (p[0] != o->h || p[1] != o->w)
			return false;
		for (int c = 0; c < o->h * o->w; c++) {
			uint8_t *to = &m->f[p[2 + c]];
			if (*to == NO_COLOR)
				*to = o->cell[c];
			else if (*to != o->cell[c])
				return false;
		}
		p += 2 + (size_t)p[0] * p[1];
	}
	for (int i = g->ntrain; i < g->ni; i++) {
		for (int c = 0; c < p[0] * p[1]; c++)
			if (m->f[p[2 + c]] == NO_COLOR)
				return false;
		p += 2 + (size_t)p[0] * p[1];
	}
	int moved = 0;
	for (int c = 0; c < 10; c++)
		moved += moves(m, c);
	m->cost = g->st[s].size + 2 * (uint32_t)moved;
	return moved > 0;
}

/* The program text of state m->state recoloured by m->f. */
static char *recolor_text(const gsearch *g, const mapped *m, uint32_t *size)
{
	search_text t;
	if (!search_text_open(&t))
		return NULL;
	char src[16] = "I", cur[16];
	int x = gprog_print(t.f, &g->st[m->state].prog, "I", &t.next);
	if (x)
		snprintf(src, sizeof src, "x%d", x);
	int sets[10], last = 0;
	for (int c = 0; c < 10; c++)
		if (moves(m, c)) {
			sets[c] = t.next++;
			fprintf(t.f, "    x%d = ofcolor(%s, %s)\n", sets[c], src, gprog_constant(c));
		}
	snprintf(cur, sizeof cur, "%s", src);
	for (int c = 0; c < 10; c++)
		if (moves(m, c)) {
			last = t.next++;
			fprintf(t.f, "    x%d = fill(%s, %s, x%d)\n", last, cur, gprog_constant(m->f[c]),
			        sets[c]);
			snprintf(cur, sizeof cur, "x%d", last);
		}
	char *text;
	return search_text_close(&t, last, &text, size) ? text : NULL;
}

bool search_recolor(const gsearch *g, search_cand **out, size_t *n, size_t max)
{
	mapped *all = malloc((g->nst ? g->nst : 1) * sizeof *all);
	if (!all)
		return false;
	size_t na = 0;
	for (uint32_t s = 0; s < g->nst; s++)
		na += deduce(g, s, &all[na]);
	qsort(all, na, sizeof *all, by_cost);
	bool ok = true;
	for (size_t k = 0; k < na && k < max && ok; k++) {
		uint32_t size = 0;
		char *text = recolor_text(g, &all[k], &size);
		ok = search_cands_push_solved(out, n, text, size, g->ntrain);
	}
	free(all);
	return ok;
}
