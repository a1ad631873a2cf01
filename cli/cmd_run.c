/* cmd_run.c — `arcbatt run`: the main job. Loads tasks and a battery, runs every program on
 * every selected task and searches programs for the tasks it leaves unexplained
 * (arc_run_search), writes submission.json and optionally the report, and prints a one-line
 * summary (progress on a terminal, phase timings, batch and search statistics with --timing or
 * -v). */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static const char usage_text[] =
	"usage: arcbatt run [DATA] [-b BATTERY]... [-i ID[,ID...]]... [-s START] [-c COUNT]\n"
	"                   [--sample N --seed S] [-t SECONDS] [--threads N] [-o FILE]\n"
	"                   [--report FILE] [--top N] [--solutions FILE] [--strict]\n"
	"                   [--backend auto|cpu|cuda] [--batch-size N] [--timing] [-v] [--quiet]\n"
	"                   [--search-nodes N] [--search-seconds S] [--time-budget T]\n"
	"                   [--search-memory MB] [--search-depth D] [--search-keep K]\n"
	"                   [--search-features LIST] [--search-all] [--search-out FILE]\n"
	"\n"
	"Runs every program of the battery on every train and test input of the selected tasks,\n"
	"then searches programs (sequences of grid operations) for the tasks that no program\n"
	"explains, ranks the programs on each task (train pairs reproduced exactly, then\n"
	"closeness, then program size, then name), and predicts each test output from the two best\n"
	"distinct outputs; tasks without a candidate fall back to the test input.\n"
	"\n"
	"  DATA              tasks: a directory of <id>.json, one task file, or a Kaggle\n"
	"                    *_challenges.json (default: the bundled ARC-AGI-1 training tasks)\n"
	"  -b, --battery P   program file, directory of *.py files, or archive:FILE (the best\n"
	"                    program of each task of an archive; archive-all:FILE: every one),\n"
	"                    or none (the search alone) (repeatable; default: the bundled\n"
	"                    batteries/)\n"
	"  -i, --id ID       run these tasks only (repeatable, or comma-separated)\n"
	"  -s, --start N     first task of the slice of sorted ids (default 0)\n"
	"  -c, --count N     tasks in the slice (default 0: all)\n"
	"      --sample N    a random subset of N tasks, drawn with --seed S (default 0)\n"
	"  -t, --timeout S   time allowance per program and input, seconds (default 2):\n"
	"                    a budget of S x 1e7 work units decides results; the clock stops\n"
	"                    one only at 10 S + 0.1 s, a backstop a healthy run never meets\n"
	"      --threads N   worker threads (default: one per core); results do not depend on it\n"
	"  -o, --output F    the submission file (default submission.json); it, --report and\n"
	"                    --search-out may not name an input or each other\n"
	"      --report F    also write the report JSON: best programs, predictions, correctness\n"
	"      --top N       programs per task in the report (default 3)\n"
	"      --solutions F known test outputs (Kaggle *_solutions.json or tasks with outputs);\n"
	"                    by default those in DATA are used when present\n"
	"      --strict      stop at the first bad task or program instead of skipping it\n"
	"      --backend B   where outputs are scored in batches: auto (the GPU for batches\n"
	"                    large enough to win there, else the CPU), cpu, or cuda (a build\n"
	"                    or machine without CUDA says so in one line and uses the CPU);\n"
	"                    results do not depend on it (default auto)\n"
	"      --batch-size N  outputs per scoring batch (default 256); results do not depend\n"
	"                    on it\n"
	"      --timing      print where the time went, per phase, on stderr, and the batch\n"
	"                    statistics (also into the report, whose bytes then vary)\n"
	"  -v, --verbose     print the batch and search statistics of every task on stderr\n"
	"  -q, --quiet       no progress display and no summary line\n"
	"\n"
	"The search (on the tasks the battery leaves unexplained; found programs are named\n"
	"search_<task id>_<k> in the report):\n"
	"      --search-nodes N    candidates per task, each evaluated on every input of the task:\n"
	"                    deterministic, the same bytes for any --threads, --backend and\n"
	"                    batch size (default 20000, about 0.05 s a task; with --search-seconds\n"
	"                    or --time-budget and no --search-nodes: no node limit); 0: no search\n"
	"      --search-seconds S  wall-clock limit per task (default none); 0: no search. Where\n"
	"                    a clock ends a search, results depend on the machine and its load\n"
	"      --time-budget T     wall-clock seconds for the whole search, shared out over the\n"
	"                    tasks still to search (default none; not deterministic either)\n"
	"      --search-memory MB  cap on the tables of one task's search (default 1024; reaching\n"
	"                    it ends that task's search with what it found)\n"
	"      --search-depth D    grid operations per program, 1..4 (default 3)\n"
	"      --search-keep K     programs per task handed to the ranking (default 8)\n"
	"      --search-features L ingredients, comma-separated, or none: colors (colour\n"
	"                    parameters from the task's colours), best-first (expand the best\n"
	"                    states of a depth first), compose (up to four programs stacked, each\n"
	"                    one's non-zero or non-background cells over the next's), enum\n"
	"                    (general arc-dsl programs enumerated bottom up, on a fifth of the\n"
	"                    budget), roles (a colour parameter may be the most or least common\n"
	"                    colour of the grid it reads), augment (enum also on the task's grids\n"
	"                    transposed and mirrored, where the task itself gives no solution),\n"
	"                    recolor (a program's results recoloured by one colour map read from\n"
	"                    the train pairs), objmap (each object of the input, or region of its\n"
	"                    background, kept or recoloured by a map over one of its features,\n"
	"                    size, size rank, height, width, bordering, square, adjacent colour,\n"
	"                    ..., read from the train pairs), shape (where every train output\n"
	"                    has its input's shape, only the ops that keep the inputs' shapes\n"
	"                    past depth 1), stop (a task's search ends once a program reproduces\n"
	"                    every train pair: the grid layer after that depth, a later layer\n"
	"                    skipped) (default all: colors,best-first,compose,enum,roles,augment,\n"
	"                    recolor,objmap,shape,stop)\n"
	"      --search-all        search every task, also those the battery explains\n"
	"      --search-out F      write every program found to the solver file F (each task's\n"
	"                    first as solve_<id>, the others as solve_<id>_<k>): arcbatt check F\n"
	"\n"
	"Exit status: 0 ok, 1 usage error, 2 something was skipped (bad task or program),\n"
	"3 file error, 4 out of memory, 5 internal error.\n";

static void usage(FILE *out) { fputs(usage_text, out); }

typedef struct run_args {
	const char *data, *output, *report, *solutions;
	const char **batteries, **ids;
	size_t nbatteries, nids;
	arc_selection sel;
	arc_run_opts opts;
	size_t top;
	bool strict, timing, verbose, quiet;
	bool nodes_given, clock_given; /* --search-nodes; --search-seconds or --time-budget */
	bool search_off;               /* --search-seconds 0 */
} run_args;

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

static bool parse_backend(const char *text, arc_backend_kind *kind)
{
	static const char *const names[] = {"auto", "cpu", "cuda"};
	for (int k = 0; k < 3; k++)
		if (!strcmp(text, names[k])) {
			*kind = (arc_backend_kind)k;
			return true;
		}
	cli_error("option --backend: '%s' is not auto, cpu or cuda", text);
	return false;
}

static bool parse_features(const char *text, unsigned *out)
{
	arc_error err = {0};
	if (arc_search_features_parse(text, out, &err) == ARC_OK)
		return true;
	cli_error("option --search-features: %s", err.message);
	return false;
}

static bool take_battery(void *out, char *arg)
{
	run_args *a = out;
	return cli_push(&a->batteries, &a->nbatteries, arg);
}

static bool take_ids(void *out, char *arg)
{
	run_args *a = out;
	return cli_push_split(&a->ids, &a->nids, arg);
}

static bool take_backend(void *out, char *arg) { return parse_backend(arg, out); }
static bool take_features(void *out, char *arg) { return parse_features(arg, out); }

static bool take_nodes(void *out, char *arg)
{
	run_args *a = out;
	size_t nodes;
	if (!cli_size("--search-nodes", arg, 0, SIZE_MAX, &nodes))
		return false;
	a->opts.search.nodes = nodes, a->nodes_given = true;
	return true;
}

static bool take_search_seconds(void *out, char *arg)
{
	run_args *a = out;
	if (!cli_double("--search-seconds", arg, 0, 1e7, &a->opts.search.seconds))
		return false;
	a->search_off |= a->opts.search.seconds == 0;
	a->clock_given = true;
	return true;
}

static bool take_time_budget(void *out, char *arg)
{
	run_args *a = out;
	a->clock_given = true;
	return cli_double("--time-budget", arg, 1e-3, 1e9, &a->opts.search.time_budget);
}

static bool take_search_memory(void *out, char *arg)
{
	size_t mb;
	if (!cli_size("--search-memory", arg, 1, (size_t)1 << 24, &mb))
		return false;
	((arc_search_opts *)out)->memory = mb << 20;
	return true;
}

static bool take_search_depth(void *out, char *arg)
{
	size_t depth;
	if (!cli_size("--search-depth", arg, 1, 4, &depth))
		return false;
	((arc_search_opts *)out)->max_depth = (unsigned)depth;
	return true;
}

static int parse_args(run_args *a, int argc, char **argv)
{
	arc_search_opts *so = &a->opts.search;
	size_t seed = 0;
	const cli_opt opts[] = {
		CLI_OPT_CALL("battery", 'b', a, take_battery),
		CLI_OPT_CALL("id", 'i', a, take_ids),
		CLI_OPT_SIZE("start", 's', &a->sel.start, 0, SIZE_MAX),
		CLI_OPT_SIZE("count", 'c', &a->sel.count, 0, SIZE_MAX),
		CLI_OPT_SIZE("sample", 0, &a->sel.sample, 1, SIZE_MAX),
		CLI_OPT_SIZE("seed", 0, &seed, 0, SIZE_MAX),
		CLI_OPT_SECONDS(&a->opts.limits),
		CLI_OPT_SIZE("threads", 0, &a->opts.threads, 1, 1024),
		CLI_OPT_TEXT("output", 'o', &a->output),
		CLI_OPT_TEXT("report", 0, &a->report),
		CLI_OPT_SIZE("top", 0, &a->top, 0, 1000000),
		CLI_OPT_TEXT("solutions", 0, &a->solutions),
		CLI_OPT_FLAG("strict", 0, &a->strict),
		CLI_OPT_FLAG("timing", 0, &a->timing),
		CLI_OPT_CALL("backend", 0, &a->opts.backend, take_backend),
		CLI_OPT_SIZE("batch-size", 0, &a->opts.batch_size, 1, (size_t)1 << 24),
		CLI_OPT_CALL("search-nodes", 0, a, take_nodes),
		CLI_OPT_CALL("search-seconds", 0, a, take_search_seconds),
		CLI_OPT_CALL("time-budget", 0, a, take_time_budget),
		CLI_OPT_CALL("search-memory", 0, so, take_search_memory),
		CLI_OPT_CALL("search-depth", 0, so, take_search_depth),
		CLI_OPT_SIZE("search-keep", 0, &so->keep, 1, 1000),
		CLI_OPT_CALL("search-features", 0, &so->features, take_features),
		CLI_OPT_FLAG("search-all", 0, &so->all_tasks),
		CLI_OPT_TEXT("search-out", 0, &a->opts.search_out),
		CLI_OPT_FLAG("verbose", 'v', &a->verbose),
		CLI_OPT_FLAG("quiet", 'q', &a->quiet),
	};
	int r = cli_options(argc, argv, opts, sizeof opts / sizeof *opts, usage);
	if (r)
		return r;
	if (argc - optind > 1) {
		cli_error("run: one DATA argument expected, got %d (see 'arcbatt run --help')",
		          argc - optind);
		return ARC_E_USAGE;
	}
	a->data = optind < argc ? argv[optind] : cli_default_data();
	if (a->clock_given && !a->nodes_given)
		so->nodes = UINT64_MAX;
	if (a->search_off)
		so->nodes = 0;
	a->sel.seed = seed;
	a->sel.ids = a->ids;
	a->sel.nids = a->nids;
	return ARC_OK;
}

typedef struct progress {
	double start, last, search_start;
	bool shown;
} progress;

static void show_progress(void *ud, size_t done, size_t total)
{
	progress *p = ud;
	double t = now();
	if (done < total && t - p->last < 0.1)
		return;
	p->last = t;
	double rate = (double)done / (t - p->start > 1e-9 ? t - p->start : 1e-9);
	fprintf(stderr, "\r  %zu/%zu tasks  %.0f tasks/s  ETA %.1f s   ", done, total, rate,
	        (double)(total - done) / rate);
	p->shown = true;
}

static void show_search_progress(void *ud, size_t done, size_t total)
{
	progress *p = ud;
	double t = now();
	if (done < total && t - p->last < 0.1)
		return;
	if (!p->search_start)
		p->search_start = t;
	p->last = t;
	double rate = (double)done / (t - p->search_start > 1e-9 ? t - p->search_start : 1e-9);
	fprintf(stderr, "\r  search %zu/%zu tasks  %.1f tasks/s  ETA %.1f s   ", done, total, rate,
	        (double)(total - done) / rate);
	p->shown = true;
}

/* The search's statistics: per searched task with -v, the summary with -v or --timing. */
static void print_search_stats(const arc_run *r, bool per_task)
{
	for (size_t i = 0; per_task && i < r->ntasks; i++) {
		const arc_search_stats *s = &r->tasks[i].search;
		if (!s->tasks)
			continue;
		fprintf(stderr,
		        "-- %s search: evaluated=%llu applied=%llu distinct=%llu depth=%u found=%llu "
		        "solutions=%llu%s%s %.3f s\n",
		        r->tasks[i].task->id, (unsigned long long)s->evaluated,
		        (unsigned long long)s->applied, (unsigned long long)s->distinct, s->depth,
		        (unsigned long long)s->found, (unsigned long long)s->solutions,
		        s->memory_hit ? " memory-cap" : "", s->time_hit ? " clock" : "", s->seconds);
	}
	size_t found = 0;
	for (size_t i = 0; i < r->ntasks; i++)
		found += r->tasks[i].search.solutions > 0;
	const arc_search_stats *s = &r->search;
	double ts = s->cpu_seconds > 0 ? s->cpu_seconds : 1e-9;
	fprintf(stderr,
	        "search: %llu tasks, %zu with a program reproducing every train pair; "
	        "%llu candidates evaluated (%.0f per CPU second), %llu grid programs applied, "
	        "%llu distinct values kept (%.0f per CPU second); %.3f s wall, %.3f CPU s; "
	        "ended by memory %llu, by clock %llu\n",
	        (unsigned long long)s->tasks, found,
	        (unsigned long long)s->evaluated, s->evaluated / ts, (unsigned long long)s->applied,
	        (unsigned long long)s->distinct, s->distinct / ts, r->search_wall_s, s->cpu_seconds,
	        (unsigned long long)s->memory_hit, (unsigned long long)s->time_hit);
}

static void print_timing(double load_tasks, double load_battery, const arc_run *r,
                         double output, double total)
{
	double ev = 0, sc = 0;
	uint64_t evals = 0;
	for (size_t i = 0; i < r->ntasks; i++) {
		ev += r->tasks[i].eval_s;
		sc += r->tasks[i].score_s;
		evals += r->tasks[i].evals;
	}
	fprintf(stderr,
	        "timing (seconds)\n"
	        "  load tasks        %8.3f\n"
	        "  battery + graph   %8.3f\n"
	        "  tasks (wall)      %8.3f   threads %zu: evaluation %.3f + scoring %.3f "
	        "thread-seconds\n"
	        "  output            %8.3f\n"
	        "  total             %8.3f\n"
	        "  %llu program-input evaluations, %.0f per thread-second\n",
	        load_tasks, load_battery, r->wall_s, r->threads, ev, sc, output, total,
	        (unsigned long long)evals, ev > 0 ? evals / ev : 0.0);
}

/* The batch accumulator's statistics: per task with -v, the summary with -v or --timing. */
static void print_batch_stats(const arc_run *r, bool per_task)
{
	for (size_t i = 0; per_task && i < r->ntasks; i++) {
		const arc_batch_stats *s = &r->tasks[i].batch;
		fprintf(stderr,
		        "-- %s batch stats: added=%llu processed=%llu batches=%llu to_device=%llu "
		        "from_device=%llu backend=%.6f s\n",
		        r->tasks[i].task->id, (unsigned long long)s->added,
		        (unsigned long long)s->processed, (unsigned long long)s->batches,
		        (unsigned long long)s->bytes_to, (unsigned long long)s->bytes_from, s->backend_s);
	}
	const arc_batch_stats *s = &r->batch;
	fprintf(stderr,
	        "batch stats (backend %s, batch size %zu): added=%llu processed=%llu batches=%llu "
	        "to_device=%llu from_device=%llu backend=%.3f s\n",
	        r->backend, r->batch_size, (unsigned long long)s->added,
	        (unsigned long long)s->processed, (unsigned long long)s->batches,
	        (unsigned long long)s->bytes_to, (unsigned long long)s->bytes_from, s->backend_s);
}

/* -o, --report and --search-out: neither an input nor each other. */
static bool outputs_ok(const run_args *a)
{
	size_t nin = a->nbatteries + 2;
	cli_file *in = malloc(nin * sizeof *in);
	if (!in)
		return false;
	in[0] = (cli_file){"DATA", a->data ? a->data : cli_default_data(), ".json"};
	in[1] = (cli_file){"--solutions", a->solutions, NULL};
	for (size_t k = 0; k < a->nbatteries; k++)
		in[k + 2] = (cli_file){"-b", a->batteries[k], ".py"};
	cli_file out[3] = {{"-o", a->output, NULL}, {"--report", a->report, NULL},
	                   {"--search-out", a->opts.search_out, NULL}};
	bool ok = cli_outputs_ok("run", out, 3, in, nin);
	free(in);
	return ok;
}

int cmd_run(int argc, char **argv)
{
	double t_start = now();
	run_args a = {.output = "submission.json", .top = 3};
	a.opts.limits = ARC_LIMITS_DEFAULT;
	a.opts.search = ARC_SEARCH_DEFAULT;
	int rc = parse_args(&a, argc, argv);
	if (rc) {
		free(a.batteries), free(a.ids);
		return rc < 0 ? ARC_OK : rc;
	}
	if (!a.nbatteries && !cli_push(&a.batteries, &a.nbatteries, cli_default_battery())) {
		free(a.ids);
		return ARC_E_NOMEM;
	}
	arc_taskset *ts = NULL, *sol = NULL;
	arc_battery *bat = NULL;
	arc_run *run = NULL;
	size_t *idx = NULL, n = 0;
	arc_error err = {0};
	arc_status status = ARC_E_USAGE;
	if (!outputs_ok(&a))
		goto out;
	status = cli_load_tasks(a.data, &(arc_load_opts){.strict = a.strict}, &ts);
	if (!ts)
		goto out;
	if (a.solutions) {
		arc_status s = cli_load_tasks(a.solutions, &(arc_load_opts){.strict = a.strict}, &sol);
		status = cli_worst(status, s);
		if (!sol)
			goto out;
	}
	double t_tasks = now();

	/* -b none: no battery (the search alone). */
	size_t nb = 0;
	for (size_t i = 0; i < a.nbatteries; i++)
		if (strcmp(a.batteries[i], "none"))
			a.batteries[nb++] = a.batteries[i];
	status = cli_worst(status, cli_load_battery(a.batteries, nb, a.strict, &bat));
	if (!bat || status > ARC_E_INPUT || (status == ARC_E_INPUT && a.strict))
		goto out;
	if (!arc_battery_count(bat) && !a.opts.search.nodes) {
		cli_error("run: the battery has no programs and the search is off");
		status = cli_worst(status, ARC_E_INPUT);
		goto out;
	}
	double t_battery = now();
	size_t np0 = arc_battery_count(bat), calls0 = arc_battery_calls(bat),
	       unmerged0 = arc_battery_calls_unmerged(bat);

	arc_status s = arc_taskset_select(ts, &a.sel, &idx, &n, &err);
	if (s) {
		cli_print_error(&err);
		status = cli_worst(status, s);
		goto out;
	}
	char why[200];
	if (!arc_backend_available(a.opts.backend, why, sizeof why)) {
		fprintf(stderr, "arcbatt: run: --backend cuda: %s; running on the CPU\n", why);
		a.opts.backend = ARC_BACKEND_CPU;
	}
	a.opts.report_stats = a.timing;
	progress prog = {.start = now()};
	if (!a.quiet && isatty(STDERR_FILENO)) {
		a.opts.progress = show_progress;
		a.opts.search_progress = show_search_progress;
		a.opts.progress_ud = &prog;
	}
	s = arc_run_search(bat, ts, idx, n, &a.opts, &run, &err);
	if (prog.shown)
		fputs("\r\033[K", stderr);
	if (s) {
		cli_print_error(&err);
		status = cli_worst(status, s);
		goto out;
	}
	double t_run = now();
	for (size_t i = 0; i < run->ntasks; i++)
		if (run->tasks[i].buffer_short)
			cli_error("run: task %s: the outcomes of %zu programs on one input do not fit a "
			          "worker's buffers (%zu bytes): every program failed with a limit",
			          run->tasks[i].task->id, arc_battery_count(bat), ARC_RUN_BUFFER_DEFAULT);

	arc_submission *sub = arc_run_submission(run);
	s = sub ? arc_submission_write(sub, a.output, &err) : ARC_E_NOMEM;
	arc_submission_free(sub);
	if (s == ARC_OK && a.report)
		s = arc_report_write(run, bat, sol, a.top, a.report, &err);
	if (s) {
		if (s == ARC_E_NOMEM)
			cli_error("run: out of memory writing the results");
		else
			cli_print_error(&err);
		status = cli_worst(status, s);
		goto out;
	}
	double t_end = now();

	if (!a.quiet) {
		arc_run_tally tl = arc_run_count(run, sol);
		printf("%zu tasks, %zu programs (%zu calls, %zu before merging)", tl.tasks,
		       np0, calls0, unmerged0);
		if (run->search.found)
			printf(" + %llu found by the search", (unsigned long long)run->search.found);
		printf(": %zu explained by a program", tl.explained);
		if (tl.scored)
			printf(", %zu/%zu solved (score %.2f), ", tl.solved, tl.scored, tl.score);
		else
			printf(", solutions unknown, ");
		printf("%.2f s -> %s\n", t_end - t_start, a.output);
	}
	if (a.timing)
		print_timing(t_tasks - t_start, t_battery - t_tasks, run, t_end - t_run,
		             t_end - t_start);
	if (a.timing || a.verbose)
		print_batch_stats(run, a.verbose || a.timing);
	if ((a.timing || a.verbose) && a.opts.search.nodes)
		print_search_stats(run, a.verbose);
out:
	arc_run_free(run);
	free(idx);
	arc_battery_free(bat);
	arc_taskset_free(sol);
	arc_taskset_free(ts);
	free(a.batteries), free(a.ids);
	return status;
}
