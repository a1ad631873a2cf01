/* run_rank.c — how close a program's output is to the expected one (arc_closeness), and the total
 * order in which the runner ranks programs on a task (arc_rank_compare). */
#include <string.h>

#include "arcbatt.h"
#include "grid_score.h"

/* The shared scoring code of both backends (grid_score.h), on one lane, so that the runner's
 * closeness and the batch backends' are the same bits. */
double arc_closeness(const arc_grid *got, const arc_grid *want)
{
	int same = gp_same(got->cell, got->h, got->w, want->cell, want->h, want->w);
	return grid_closeness(got->h, got->w, want->h, want->w, same,
	                      gp_palette(got->cell, got->h * got->w),
	                      gp_palette(want->cell, want->h * want->w));
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
