/* cmd_check.c — 'arcbatt check': runs every solve_<id> of program files on task <id>'s train and
 * test pairs, prints what failed and "N/M tasks passed", and writes a JSON report. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: arcbatt check [FILE...] [--data D] [--report R.json] [-t SECONDS] [--strict]\n\n"
	        "Runs each program solve_<id> of the files FILE... (a directory stands for its *.py\n"
	        "files; default: the bundled battery %s) on the train and test pairs of task <id>,\n"
	        "prints every failure (pair, expected and obtained shape, or why it failed) and\n"
	        "'N/M tasks passed'. Programs whose id is not a task are listed as skipped.\n\n"
	        "  -d, --data D       tasks (default: %s)\n"
	        "  -r, --report R     also write a JSON report to R\n"
	        "  -t, --timeout S    time allowance per program and input, seconds (default\n"
	        "                     2): S x 1e7 work units; a backstop stops one at 10 S + 0.1 s\n"
	        "      --strict       refuse a whole file when one of its programs has an error\n"
	        "  -h, --help         this help\n\n"
	        "Exit statuses: 0 every task passed and every program loaded, 1 usage error,\n"
	        "2 a task failed or a program could not be loaded, 3 a file could not be read or\n"
	        "written, 4 out of memory.\n",
	        cli_default_battery(), cli_default_data());
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static json_t *grid_json(const arc_grid *g)
{
	json_t *rows = json_array();
	for (int i = 0; i < g->h; i++) {
		json_t *row = json_array();
		for (int j = 0; j < g->w; j++)
			json_array_append_new(row, json_integer(g->cell[i * g->w + j]));
		json_array_append_new(rows, row);
	}
	return rows;
}

/* The check of one program on one task: prints its failures, fills its report entry. */
typedef struct checker {
	arc_evaluator *ev;
	size_t nprogs;
	bool *active;       /* nprogs entries, one true at a time */
	arc_outcome *out;   /* nprogs entries */
	json_t *tasks;      /* the report's "tasks" object, or NULL */
} checker;

static bool check_pair(checker *ck, size_t prog, const arc_pair *p, const char *split, int k,
                       json_t *pairs, bool *printed_head, const char *head)
{
	arc_status st = arc_evaluator_run(ck->ev, &p->input, ck->active, ck->out);
	const arc_outcome *o = &ck->out[prog];
	bool ok = st == ARC_OK && o->status == ARC_EVAL_OK;
	bool correct = ok && p->has_output && arc_grid_equal(&o->grid, &p->output);
	char why[200] = "";
	if (st != ARC_OK)
		snprintf(why, sizeof why, "the input could not be evaluated (%s)", arc_status_name(st));
	else if (!ok)
		snprintf(why, sizeof why, "%s", o->reason);
	else if (p->has_output && !correct) {
		int diff = 0;
		if (o->grid.h == p->output.h && o->grid.w == p->output.w)
			for (int c = 0; c < o->grid.h * o->grid.w; c++)
				diff += o->grid.cell[c] != p->output.cell[c];
		if (diff)
			snprintf(why, sizeof why, "wrong output: %d of %d cells differ", diff, o->grid.h * o->grid.w);
		else
			snprintf(why, sizeof why, "wrong output: expected %dx%d, got %dx%d", p->output.h,
			         p->output.w, o->grid.h, o->grid.w);
	}
	if (why[0]) {
		if (!*printed_head)
			printf("%s\n", head);
		*printed_head = true;
		printf("  %s[%d]: %s\n", split, k, why);
	}
	if (pairs) {
		json_t *j = json_object();
		json_object_set_new(j, "split", json_string(split));
		json_object_set_new(j, "index", json_integer(k));
		json_object_set_new(j, "output", ok ? grid_json(&o->grid) : json_null());
		json_object_set_new(j, "error", ok ? json_null() : json_string(why));
		if (p->has_output)
			json_object_set_new(j, "correct", json_boolean(correct));
		json_array_append_new(pairs, j);
	}
	return !why[0];
}

/* Runs program prog on task t; returns whether every pair with a known output was right. */
static bool check_task(checker *ck, const arc_battery *b, size_t prog, const arc_task *t)
{
	double t0 = now_s();
	char head[700];
	snprintf(head, sizeof head, "%s: FAILED (%s, %s)", t->id, arc_battery_name(b, prog),
	         arc_battery_file(b, prog));
	bool printed = false, passed = true;
	json_t *pairs = ck->tasks ? json_array() : NULL;
	memset(ck->active, 0, ck->nprogs * sizeof *ck->active);
	ck->active[prog] = true;
	for (int k = 0; k < t->ntrain; k++)
		passed &= check_pair(ck, prog, &t->train[k], "train", k, pairs, &printed, head);
	for (int k = 0; k < t->ntest; k++)
		passed &= check_pair(ck, prog, &t->test[k], "test", k, pairs, &printed, head);
	if (ck->tasks) {
		json_t *j = json_object();
		json_object_set_new(j, "passed", json_boolean(passed));
		json_object_set_new(j, "seconds", json_real(now_s() - t0));
		json_object_set_new(j, "program", json_string(arc_battery_name(b, prog)));
		json_object_set_new(j, "file", json_string(arc_battery_file(b, prog)));
		json_object_set_new(j, "pairs", pairs);
		json_object_set_new(ck->tasks, t->id, j);
	}
	return passed;
}

static bool put_report(FILE *f, void *j)
{
	return json_dumpf(j, f, JSON_COMPACT | JSON_SORT_KEYS) == 0 && fputc('\n', f) != EOF;
}

int cmd_check(int argc, char **argv)
{
	enum { OPT_STRICT = 256 };
	static const struct option longopts[] = {
		{"data", required_argument, NULL, 'd'},
		{"report", required_argument, NULL, 'r'},
		{"timeout", required_argument, NULL, 't'},
		{"strict", no_argument, NULL, OPT_STRICT},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *data = NULL, *report = NULL;
	arc_limits lim = ARC_LIMITS_DEFAULT;
	bool strict = false;
	int c;
	while ((c = getopt_long(argc, argv, "d:r:t:h", longopts, NULL)) != -1) {
		if (c == 'd')
			data = optarg;
		else if (c == 'r')
			report = optarg;
		else if (c == 't') {
			double secs;
			if (!cli_double("-t", optarg, 1e-6, 86400, &secs))
				return ARC_E_USAGE;
			lim = arc_limits_for_seconds(secs);
		} else if (c == OPT_STRICT)
			strict = true;
		else if (c == 'h') {
			usage(stdout);
			return ARC_OK;
		} else {
			usage(stderr);
			return ARC_E_USAGE;
		}
	}
	const char *def = cli_default_battery();
	const char *const *files = optind < argc ? (const char *const *)argv + optind : &def;
	arc_battery *b;
	arc_status load = cli_load_battery(files, optind < argc ? (size_t)(argc - optind) : 1, strict, &b);
	if (!b)
		return load;
	arc_taskset *ts;
	arc_status tload = cli_load_tasks(data ? data : cli_default_data(), NULL, &ts);
	if (!ts) {
		arc_battery_free(b);
		return tload;
	}
	size_t np = arc_battery_count(b);
	checker ck = {
		.ev = arc_evaluator_new(b, &lim),
		.nprogs = np,
		.active = calloc(np ? np : 1, sizeof(bool)),
		.out = calloc(np ? np : 1, sizeof(arc_outcome)),
		.tasks = report ? json_object() : NULL,
	};
	arc_status st = ck.ev && ck.active && ck.out && (!report || ck.tasks) ? ARC_OK : ARC_E_NOMEM;
	size_t checked = 0, passed = 0;
	double t0 = now_s();
	for (size_t i = 0; i < np && st == ARC_OK; i++) {
		const char *name = arc_battery_name(b, i);
		const arc_task *t = !strncmp(name, "solve_", 6) ? arc_taskset_find(ts, name + 6) : NULL;
		if (!t) {
			printf("%s: skipped (no task %s in the data)\n", name, !strncmp(name, "solve_", 6) ? name + 6 : name);
			continue;
		}
		checked++;
		passed += check_task(&ck, b, i, t);
	}
	if (st == ARC_OK) {
		printf("%zu/%zu tasks passed\n", passed, checked);
		if (report) {
			json_t *j = json_object(), *sum = json_object();
			json_object_set_new(sum, "tasks", json_integer((json_int_t)checked));
			json_object_set_new(sum, "passed", json_integer((json_int_t)passed));
			json_object_set_new(sum, "seconds", json_real(now_s() - t0));
			json_object_set_new(j, "tasks", ck.tasks);
			json_object_set_new(j, "summary", sum);
			ck.tasks = NULL;
			arc_error err;
			st = arc_write_file(report, put_report, j, &err);
			if (st)
				cli_print_error(&err);
			json_decref(j);
		}
	} else
		cli_error("check: out of memory");
	json_decref(ck.tasks);
	free(ck.active);
	free(ck.out);
	arc_evaluator_free(ck.ev);
	arc_taskset_free(ts);
	arc_battery_free(b);
	if (st != ARC_OK)
		return st;
	if (load != ARC_OK || tload != ARC_OK)
		return load > tload ? load : tload;
	return passed == checked ? ARC_OK : ARC_E_INPUT;
}
