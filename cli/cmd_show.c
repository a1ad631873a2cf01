/* cmd_show.c — 'arcbatt show': draws tasks in the terminal, each pair's input and output side by
 * side in the ten ARC colours (digits with --no-color or when stdout is not a terminal). */
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

static void usage(FILE *out)
{
	fputs("usage: arcbatt show ID... [--data D] [--no-color]\n\n"
	        "Draws each pair of the tasks ID..., input beside output.\n\n"
	        "  -d, --data D    tasks: a directory of <id>.json, a task file or Kaggle's\n"
	        "                  *_challenges.json (default: $ARCBATT_DATA, else the bundled\n"
	        "                  data/arc-agi-1/training)\n"
	        "      --no-color  digits instead of colours (also when stdout is not a terminal\n"
	        "                  or NO_COLOR is set)\n"
	        "  -h, --help      this help\n\n"
	        "Exit statuses: 0 ok, 1 usage error or unknown id, 2 bad task data (skipped),\n"
	        "3 a file could not be read, 4 out of memory.\n",
	        out);
}

static void show_pairs(const arc_task *t, bool train, arc_color_mode mode)
{
	const arc_pair *pairs = train ? t->train : t->test;
	int n = train ? t->ntrain : t->ntest;
	for (int k = 0; k < n; k++) {
		char tin[32], tout[48];
		snprintf(tin, sizeof tin, "%s[%d] input", train ? "train" : "test", k);
		snprintf(tout, sizeof tout, "%s[%d] output%s", train ? "train" : "test", k,
		         pairs[k].has_output ? "" : " (unknown)");
		const arc_grid *g[2] = {&pairs[k].input, pairs[k].has_output ? &pairs[k].output : NULL};
		const char *titles[2] = {tin, tout};
		putchar('\n');
		arc_draw_row(stdout, g, titles, 2, mode);
	}
}

int cmd_show(int argc, char **argv)
{
	const char *data = NULL;
	bool no_color = false;
	const cli_opt opts[] = {
		CLI_OPT_TEXT("data", 'd', &data),
		CLI_OPT_FLAG("no-color", 0, &no_color),
	};
	int r = cli_options(argc, argv, opts, sizeof opts / sizeof *opts, usage);
	if (r)
		return r < 0 ? ARC_OK : r;
	if (optind >= argc) {
		cli_error("show: expected at least one task ID");
		usage(stderr);
		return ARC_E_USAGE;
	}
	arc_taskset *ts;
	arc_status load = cli_load_tasks(data ? data : cli_default_data(), NULL, &ts);
	if (!ts)
		return load;
	arc_selection sel = {.ids = (const char *const *)argv + optind, .nids = (size_t)(argc - optind)};
	size_t *idx, n;
	arc_error err;
	arc_status st = arc_taskset_select(ts, &sel, &idx, &n, &err);
	if (st) {
		cli_error("show: %s", err.message);
		arc_taskset_free(ts);
		return st;
	}
	arc_color_mode mode = no_color ? ARC_COLOR_NONE : arc_color_mode_for(stdout);
	for (size_t i = 0; i < n; i++) {
		const arc_task *t = arc_taskset_get(ts, idx[i]);
		printf("%s%s: %d train pair%s, %d test pair%s\n", i ? "\n" : "", t->id, t->ntrain,
		       t->ntrain == 1 ? "" : "s", t->ntest, t->ntest == 1 ? "" : "s");
		show_pairs(t, true, mode);
		show_pairs(t, false, mode);
	}
	free(idx);
	arc_taskset_free(ts);
	return load;
}
