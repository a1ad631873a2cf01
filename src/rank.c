/* rank.c — grid equality (arc_grid_equal), how close a program's output is to the expected
 * one (arc_closeness), and the total order in which the runner ranks programs on a task
 * (arc_rank_compare). */
#include <string.h>

#include "arcbatt.h"
bool arc_grid_equal(const arc_grid *a, const arc_grid *b)
{
	return a->h == b->h && a->w == b->w && !memcmp(a->cell, b->cell, (size_t)a->h * a->w);
}

static unsigned palette(const arc_grid *g)
{
	unsigned bits = 0;
	for (int i = 0, n = g->h * g->w; i < n; i++)
		bits |= 1u << g->cell[i];
	return bits;
}

double arc_closeness(const arc_grid *got, const arc_grid *want)
{
	int h = got->h < want->h ? got->h : want->h;
	int w = got->w < want->w ? got->w : want->w;
	double shape = got->h == want->h && got->w == want->w
		? 1.0
		: (double)h / (got->h > want->h ? got->h : want->h) *
		  (double)w / (got->w > want->w ? got->w : want->w);
	int same = 0;
	for (int i = 0; i < h; i++)
		for (int j = 0; j < w; j++)
			same += got->cell[i * got->w + j] == want->cell[i * want->w + j];
	double cells = (double)same / (want->h * want->w);
	unsigned pg = palette(got), pw = palette(want);
	double colours = (double)__builtin_popcount(pg & pw) / __builtin_popcount(pg | pw);
	return (shape + cells + colours) / 3.0;
}

int arc_rank_compare(const arc_program_score *a, const arc_program_score *b,
                     const arc_battery *bat)
{
	if (a->exact != b->exact)
		return a->exact > b->exact ? -1 : 1;
	if (a->closeness != b->closeness)
		return a->closeness > b->closeness ? -1 : 1;
	if (a->size != b->size)
		return a->size < b->size ? -1 : 1;
	int c = strcmp(arc_battery_name(bat, a->program), arc_battery_name(bat, b->program));
	if (c)
		return c;
	return (a->program > b->program) - (a->program < b->program);
}
