/* cmd_eval.c — 'arcbatt eval': runs one program on one task and draws, for every pair, the
 * input, what the program made and the expected output side by side. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: arcbatt eval [FILE...] -i ID [--data D] [-p PROGRAM] [-t SECONDS] [--no-color]\n\n"
	        "Runs program solve_ID (or PROGRAM) of the files FILE... (a directory stands for its\n"
	        "*.py files; default: the bundled battery %s) on every pair of task ID and\n"
	        "draws input, output and expected output side by side.\n\n"
	        "  -i, --id ID        the task\n"
	        "  -p, --program P    the program to run (default solve_ID; 'solve_' may be left out)\n"
	        "  -d, --data D       tasks (default: %s)\n"
	        "  -t, --timeout S    time allowance per input, seconds (default 2): S x 1e7\n"
	        "                     work units; a backstop stops one at 10 S + 0.1 s\n"
	        "      --no-color     digits instead of colours\n"
	        "  -h, --help         this help\n\n"
	        "Exit statuses: 0 every known output matched, 1 usage error (unknown task or\n"
	        "program), 2 a pair failed or the files had errors, 3 a file could not be read,\n"
	        "4 out of memory.\n",
	        cli_default_battery(), cli_default_data());
}

/* The program called name, or solve_<name>; SIZE_MAX when neither is there. */
static size_t find_program(const arc_battery *b, const char *name)
{
	size_t i = arc_battery_find(b, name);
	if (i == SIZE_MAX) {
		char buf[256];
		snprintf(buf, sizeof buf, "solve_%s", name);
		i = arc_battery_find(b, buf);
	}
	return i;
}

/* Runs and draws one pair; returns whether it is correct (or has no known output and ran). */
static bool eval_pair(arc_evaluator *ev, const bool *active, arc_outcome *out, size_t prog,
                      const arc_pair *p, const char *split, int k, arc_color_mode mode)
{
	arc_status st = arc_evaluator_run(ev, &p->input, active, out);
	const arc_outcome *o = &out[prog];
	bool ok = st == ARC_OK && o->status == ARC_EVAL_OK;
	bool correct = ok && p->has_output && arc_grid_equal(&o->grid, &p->output);
	char verdict[200];
	if (st != ARC_OK)
		snprintf(verdict, sizeof verdict, "not evaluated: %s", arc_status_name(st));
	else if (!ok)
		snprintf(verdict, sizeof verdict, "failed: %s", o->reason);
	else if (!p->has_output)
		snprintf(verdict, sizeof verdict, "ran (expected output unknown)");
	else
		snprintf(verdict, sizeof verdict, correct ? "correct" : "WRONG");
	printf("\n%s[%d]: %s\n", split, k, verdict);
	const arc_grid *g[3] = {&p->input, ok ? &o->grid : NULL, p->has_output ? &p->output : NULL};
	const char *titles[3] = {"input", ok ? "output" : "output (none)",
	                         p->has_output ? "expected" : "expected (unknown)"};
	arc_draw_row(stdout, g, titles, 3, mode);
	return p->has_output ? correct : ok;
}

int cmd_eval(int argc, char **argv)
{
	const char *id = NULL, *prog_name = NULL, *data = NULL;
	arc_limits lim = ARC_LIMITS_DEFAULT;
	bool no_color = false;
	const cli_opt opts[] = {
		CLI_OPT_TEXT("id", 'i', &id),
		CLI_OPT_TEXT("program", 'p', &prog_name),
		CLI_OPT_TEXT("data", 'd', &data),
		CLI_OPT_SECONDS(&lim),
		CLI_OPT_FLAG("no-color", 0, &no_color),
	};
	int r = cli_options(argc, argv, opts, sizeof opts / sizeof *opts, usage);
	if (r)
		return r < 0 ? ARC_OK : r;
	if (!id) {
		cli_error("eval: -i ID is required");
		usage(stderr);
		return ARC_E_USAGE;
	}
	arc_battery *b;
	arc_status load = cli_load_operands(argc - optind, argv + optind, false, &b);
	if (!b)
		return load;
	size_t prog = find_program(b, prog_name ? prog_name : id);
	if (prog == SIZE_MAX) {
		cli_error("eval: no program %s%s in the files", prog_name ? "" : "solve_", prog_name ? prog_name : id);
		arc_battery_free(b);
		return cli_worst(load, ARC_E_USAGE);
	}
	arc_taskset *ts;
	arc_status tload = cli_load_tasks(data ? data : cli_default_data(), NULL, &ts);
	const arc_task *t = ts ? arc_taskset_find(ts, id) : NULL;
	if (!t) {
		if (ts)
			cli_error("eval: no task %s in %s", id, data ? data : cli_default_data());
		arc_taskset_free(ts);
		arc_battery_free(b);
		return ts ? ARC_E_USAGE : tload;
	}
	size_t np = arc_battery_count(b);
	arc_evaluator *ev = arc_evaluator_new(b, &lim);
	bool *active = calloc(np, sizeof *active);
	arc_outcome *out = calloc(np, sizeof *out);
	arc_status st = ARC_OK;
	if (!ev || !active || !out) {
		cli_error("eval: out of memory");
		st = ARC_E_NOMEM;
	} else {
		active[prog] = true;
		arc_color_mode mode = no_color ? ARC_COLOR_NONE : arc_color_mode_for(stdout);
		printf("%s on task %s (%s)\n", arc_battery_name(b, prog), t->id, arc_battery_file(b, prog));
		int good = 0, n = t->ntrain + t->ntest;
		for (int k = 0; k < t->ntrain; k++)
			good += eval_pair(ev, active, out, prog, &t->train[k], "train", k, mode);
		for (int k = 0; k < t->ntest; k++)
			good += eval_pair(ev, active, out, prog, &t->test[k], "test", k, mode);
		printf("\n%d/%d pairs correct\n", good, n);
		if (good < n)
			st = ARC_E_INPUT;
	}
	free(active);
	free(out);
	arc_evaluator_free(ev);
	arc_taskset_free(ts);
	arc_battery_free(b);
	if (st != ARC_OK)
		return st;
	return cli_worst(load, tload);
}
