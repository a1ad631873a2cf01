/* draw.c — ARC grids in a terminal: the ten ARC colours as two-character cells on ANSI 256-colour
 * or 24-bit backgrounds, or digits without colour; several grids side by side under titles. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arcbatt.h"

#define GAP 3 /* spaces between grids */

/* The ARC palette: black, blue, red, green, yellow, grey, magenta, orange, sky, maroon. */
static const uint8_t rgb[10][3] = {
	{0x00, 0x00, 0x00}, {0x00, 0x74, 0xd9}, {0xff, 0x41, 0x36}, {0x2e, 0xcc, 0x40},
	{0xff, 0xdc, 0x00}, {0xaa, 0xaa, 0xaa}, {0xf0, 0x12, 0xbe}, {0xff, 0x85, 0x1b},
	{0x7f, 0xdb, 0xff}, {0x87, 0x0c, 0x25},
};
/* The nearest ANSI 256 colours. */
static const uint8_t ansi256[10] = {16, 26, 203, 41, 220, 248, 199, 208, 117, 88};

arc_color_mode arc_color_mode_for(FILE *f)
{
	const char *no = getenv("NO_COLOR"), *term = getenv("TERM"), *ct = getenv("COLORTERM");
	if ((no && *no) || !isatty(fileno(f)) || (term && !strcmp(term, "dumb")))
		return ARC_COLOR_NONE;
	if (ct && (!strcmp(ct, "truecolor") || !strcmp(ct, "24bit")))
		return ARC_COLOR_TRUECOLOR;
	return ARC_COLOR_256;
}

/* Columns a grid takes: two per cell in colour, a digit and a space between digits without. */
static int grid_width(const arc_grid *g, arc_color_mode mode)
{
	if (!g)
		return 0;
	return mode == ARC_COLOR_NONE ? 2 * g->w - 1 : 2 * g->w;
}

static void put_spaces(FILE *out, int n)
{
	for (; n > 0; n--)
		fputc(' ', out);
}

static void put_cell(FILE *out, int v, bool first, arc_color_mode mode)
{
	if (mode == ARC_COLOR_NONE) {
		if (!first)
			fputc(' ', out);
		fputc(v <= 9 ? '0' + v : '?', out);
	} else if (v > 9) {
		fputs("\x1b[0m??", out);
	} else if (mode == ARC_COLOR_256) {
		fprintf(out, "\x1b[48;5;%dm  ", ansi256[v]);
	} else {
		fprintf(out, "\x1b[48;2;%d;%d;%dm  ", rgb[v][0], rgb[v][1], rgb[v][2]);
	}
}

/* A column is as wide as its grid or its title, whichever is wider. */
static int column_width(const arc_grid *g, const char *title, arc_color_mode mode)
{
	int tw = (int)strlen(title), gw = grid_width(g, mode);
	return tw > gw ? tw : gw;
}

void arc_draw_row(FILE *out, const arc_grid *const *grids, const char *const *titles, int n,
                  arc_color_mode mode)
{
	int h = 0;
	for (int i = 0; i < n; i++)
		if (grids[i] && grids[i]->h > h)
			h = grids[i]->h;
	/* Line -1 holds the titles; a column is padded only when something follows it. */
	for (int line = -1; line < h; line++) {
		int pending = 0;
		for (int i = 0; i < n; i++) {
			const arc_grid *g = grids[i];
			const char *title = titles && titles[i] ? titles[i] : "";
			bool has = line < 0 ? *title : g && line < g->h;
			if (!has) {
				pending += column_width(g, title, mode) + GAP;
				continue;
			}
			put_spaces(out, pending);
			int used = 0;
			if (line < 0) {
				fputs(title, out);
				used = (int)strlen(title);
			} else {
				for (int c = 0; c < g->w; c++)
					put_cell(out, g->cell[line * g->w + c], c == 0, mode);
				if (mode != ARC_COLOR_NONE)
					fputs("\x1b[0m", out);
				used = grid_width(g, mode);
			}
			pending = column_width(g, title, mode) - used + GAP;
		}
		fputc('\n', out);
	}
}
