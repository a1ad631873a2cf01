/* cmd_check.c — 'arcbatt check': runs every solve_<id> of program files on task <id>'s train and
 * test pairs, prints what failed and "N/M tasks passed", and writes a JSON report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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
	        "  -r, --report R     also write a JSON report to R (not an input: refused when it\n"
	        "                     names FILE, D, or a *.json in D)\n"
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

/* The check of one program on one task: prints its failures, writes its report entry. */
typedef struct checker {
	arc_evaluator *ev;
	size_t nprogs;
	bool *active;       /* nprogs entries, one true at a time */
	arc_outcome *out;   /* nprogs entries */
	FILE *tasks;        /* the report's "tasks" entries so far (a memory stream), or NULL */
	size_t ntasks;      /* entries written to tasks */
	size_t npairs;      /* pairs written to the current entry */
} checker;

static bool check_pair(checker *ck, size_t prog, const arc_pair *p, const char *split, int k,
                       bool *printed_head, const char *head)
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
	FILE *f = ck->tasks;
	if (f) {
		fprintf(f, "%s\n        {\"split\": \"%s\", \"index\": %d, \"output\": ",
		        ck->npairs++ ? "," : "", split, k);
		if (ok)
			arc_grid_write_json(f, &o->grid);
		else
			fputs("null", f);
		fputs(", \"error\": ", f);
		if (ok)
			fputs("null", f);
		else
			arc_json_write_string(f, why);
		if (p->has_output)
			fprintf(f, ", \"correct\": %s", correct ? "true" : "false");
		fputc('}', f);
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
	FILE *f = ck->tasks;
	if (f) {
		fprintf(f, "%s\n    ", ck->ntasks++ ? "," : "");
		arc_json_write_string(f, t->id);
		fputs(": {\"program\": ", f);
		arc_json_write_string(f, arc_battery_name(b, prog));
		fputs(", \"file\": ", f);
		arc_json_write_string(f, arc_battery_file(b, prog));
		fputs(", \"pairs\": [", f);
		ck->npairs = 0;
	}
	memset(ck->active, 0, ck->nprogs * sizeof *ck->active);
	ck->active[prog] = true;
	for (int k = 0; k < t->ntrain; k++)
		passed &= check_pair(ck, prog, &t->train[k], "train", k, &printed, head);
	for (int k = 0; k < t->ntest; k++)
		passed &= check_pair(ck, prog, &t->test[k], "test", k, &printed, head);
	if (f)
		fprintf(f, "\n      ], \"passed\": %s, \"seconds\": %.6f}", passed ? "true" : "false",
		        now_s() - t0);
	return passed;
}

/* The report: {"tasks": {<id>: {program, file, pairs, passed, seconds}, ...}, "summary":
 * {tasks, passed, seconds}}, the tasks in the order checked. */
typedef struct report {
	const char *tasks; /* the entries, as check_task wrote them */
	size_t len;
	size_t checked, passed;
	double seconds;
} report;

static bool put_report(FILE *f, void *ud)
{
	const report *r = ud;
	fputs("{\"tasks\": {", f);
	fwrite(r->tasks, 1, r->len, f);
	fprintf(f, "%s},\n \"summary\": {\"tasks\": %zu, \"passed\": %zu, \"seconds\": %.6f}}\n",
	        r->len ? "\n  " : "", r->checked, r->passed, r->seconds);
	return !ferror(f);
}

/* --report: not one of the inputs (FILE... or the default battery, the data). */
static bool report_ok(const char *path, int n, char **files, const char *data)
{
	if (!path)
		return true;
	size_t nin = (size_t)(n > 0 ? n : 1) + 1;
	cli_file *in = malloc(nin * sizeof *in);
	if (!in)
		return false;
	in[0] = (cli_file){"--data", data, ".json"};
	for (size_t k = 1; k < nin; k++)
		in[k] = (cli_file){"FILE", n > 0 ? files[k - 1] : cli_default_battery(), ".py"};
	cli_file out = {"--report", path, NULL};
	bool ok = cli_outputs_ok("check", &out, 1, in, nin);
	free(in);
	return ok;
}

int cmd_check(int argc, char **argv)
{
	const char *data = NULL, *report_path = NULL;
	arc_limits lim = ARC_LIMITS_DEFAULT;
	bool strict = false;
	const cli_opt opts[] = {
		CLI_OPT_TEXT("data", 'd', &data),
		CLI_OPT_TEXT("report", 'r', &report_path),
		CLI_OPT_SECONDS(&lim),
		CLI_OPT_FLAG("strict", 0, &strict),
	};
	int r = cli_options(argc, argv, opts, sizeof opts / sizeof *opts, usage);
	if (r)
		return r < 0 ? ARC_OK : r;
	if (!data)
		data = cli_default_data();
	if (!report_ok(report_path, argc - optind, argv + optind, data))
		return ARC_E_USAGE;
	arc_battery *b;
	arc_status load = cli_load_operands(argc - optind, argv + optind, strict, &b);
	if (!b)
		return load;
	arc_taskset *ts;
	arc_status tload = cli_load_tasks(data, NULL, &ts);
	if (!ts) {
		arc_battery_free(b);
		return tload;
	}
	size_t np = arc_battery_count(b);
	char *tasks = NULL;
	size_t tasks_len = 0;
	checker ck = {
		.ev = arc_evaluator_new(b, &lim),
		.nprogs = np,
		.active = calloc(np ? np : 1, sizeof(bool)),
		.out = calloc(np ? np : 1, sizeof(arc_outcome)),
		.tasks = report_path ? open_memstream(&tasks, &tasks_len) : NULL,
	};
	arc_status st = ck.ev && ck.active && ck.out && (!report_path || ck.tasks) ? ARC_OK : ARC_E_NOMEM;
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
	if (ck.tasks && fclose(ck.tasks) && st == ARC_OK)
		st = ARC_E_NOMEM; /* the memory stream could not grow */
	if (st == ARC_OK) {
		printf("%zu/%zu tasks passed\n", passed, checked);
		if (report_path) {
			report rep = {tasks, tasks_len, checked, passed, now_s() - t0};
			arc_error err;
			st = arc_write_file(report_path, put_report, &rep, &err);
			if (st)
				cli_print_error(&err);
		}
	} else
		cli_error("check: out of memory");
	free(tasks);
	free(ck.active);
	free(ck.out);
	arc_evaluator_free(ck.ev);
	arc_taskset_free(ts);
	arc_battery_free(b);
	if (st != ARC_OK)
		return st;
	if (load != ARC_OK || tload != ARC_OK)
		return cli_worst(load, tload);
	return passed == checked ? ARC_OK : ARC_E_INPUT;
}
