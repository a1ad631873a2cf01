/* grid.c — arc_grid, the grid of task data: equality, and the JSON text of grids and strings
 * that every JSON file the library and the command write by hand uses (submission.json, the
 * runner's report, the report of arcbatt check). */
#include <string.h>

#include "arcbatt.h"

bool arc_grid_equal(const arc_grid *a, const arc_grid *b)
{
	return a->h == b->h && a->w == b->w && !memcmp(a->cell, b->cell, (size_t)a->h * a->w);
}

void arc_grid_write_json(FILE *f, const arc_grid *g)
{
	fputc('[', f);
	for (int r = 0; r < g->h; r++) {
		fputs(r ? ", [" : "[", f);
		for (int c = 0; c < g->w; c++) {
			if (c)
				fputs(", ", f);
			fputc('0' + g->cell[r * g->w + c], f);
		}
		fputc(']', f);
	}
	fputc(']', f);
}

void arc_json_write_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}
