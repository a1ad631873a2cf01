/* cmd_run.c — `arcbatt run`: the main job. Loads tasks and a battery, runs every program on
 * every selected task and searches programs for the tasks it leaves unexplained
 * (arc_run_search), writes submission.json and optionally the report, and prints a one-line
 * summary (progress on a terminal, phase timings, batch and search statistics with --timing or
 * -v). */
#include <getopt.h>
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
	"  -o, --output F    the submission file (default submission.json); it and --report\n"
	"                    may not name an input or each other\n"
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
	"                    states of a depth first), compose (two programs stacked, one's\n"
	"                    non-zero cells over the other), enum (general arc-dsl programs\n"
	"                    enumerated bottom up, on a fifth of the budget)\n"
	"                    (default colors,best-first,compose,enum)\n"
	"      --search-all        search every task, also those the battery explains\n"
	"      --search-out F      write every program found to the solver file F (each task's\n"
	"                    first as solve_<id>, the others as solve_<id>_<k>): arcbatt check F\n"
	"\n"
	"Exit status: 0 ok, 1 usage error, 2 something was skipped (bad task or program),\n"
	"3 file error, 4 out of memory, 5 internal error.\n";

typedef struct run_args {
	const char *data, *output, *report, *solutions;
	const char **batteries, **ids;
	size_t nbatteries, nids;
	arc_selection sel;
	arc_run_opts opts;
	size_t top;
	bool strict, timing, verbose, quiet;
	bool nodes_given, clock_given; /* --search-nodes; --search-seconds or --time-budget */
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
	static const struct {
		const char *name;
		unsigned bit;
	} names[] = {{"colors", ARC_SEARCH_TASK_COLORS}, {"best-first", ARC_SEARCH_BEST_FIRST},
	             {"compose", ARC_SEARCH_COMPOSE}, {"enum", ARC_SEARCH_ENUM}};
	*out = 0;
	if (!strcmp(text, "none"))
		return true;
	for (const char *t = text; *t;) {
		size_t len = strcspn(t, ",");
		size_t k = 0;
		while (k < sizeof names / sizeof *names &&
		       (strlen(names[k].name) != len || strncmp(t, names[k].name, len)))
			k++;
		if (k == sizeof names / sizeof *names) {
			cli_error("option --search-features: '%.*s' is not colors, best-first, compose or enum "
			          "(or use none)", (int)len, t);
			return false;
		}
		*out |= names[k].bit;
		t += len + (t[len] == ',');
	}
	return true;
}

static int parse_args(run_args *a, int argc, char **argv)
{
	enum { O_SAMPLE = 256, O_SEED, O_THREADS, O_REPORT, O_TOP, O_SOLUTIONS, O_STRICT, O_TIMING,
	       O_BACKEND, O_BATCH_SIZE, O_SNODES, O_SSECONDS, O_TBUDGET, O_SMEMORY, O_SDEPTH,
	       O_SKEEP, O_SFEATURES, O_SALL, O_SOUT };
	static const struct option longopts[] = {
		{"battery", required_argument, 0, 'b'}, {"id", required_argument, 0, 'i'},
		{"start", required_argument, 0, 's'},   {"count", required_argument, 0, 'c'},
		{"sample", required_argument, 0, O_SAMPLE}, {"seed", required_argument, 0, O_SEED},
		{"timeout", required_argument, 0, 't'}, {"threads", required_argument, 0, O_THREADS},
		{"output", required_argument, 0, 'o'},  {"report", required_argument, 0, O_REPORT},
		{"top", required_argument, 0, O_TOP},   {"solutions", required_argument, 0, O_SOLUTIONS},
		{"strict", no_argument, 0, O_STRICT},   {"timing", no_argument, 0, O_TIMING},
		{"backend", required_argument, 0, O_BACKEND},
		{"batch-size", required_argument, 0, O_BATCH_SIZE},
		{"search-nodes", required_argument, 0, O_SNODES},
		{"search-seconds", required_argument, 0, O_SSECONDS},
		{"time-budget", required_argument, 0, O_TBUDGET},
		{"search-memory", required_argument, 0, O_SMEMORY},
		{"search-depth", required_argument, 0, O_SDEPTH},
		{"search-keep", required_argument, 0, O_SKEEP},
		{"search-features", required_argument, 0, O_SFEATURES},
		{"search-all", no_argument, 0, O_SALL},
		{"search-out", required_argument, 0, O_SOUT},
		{"verbose", no_argument, 0, 'v'},
		{"quiet", no_argument, 0, 'q'},         {"help", no_argument, 0, 'h'},
		{0, 0, 0, 0},
	};
	size_t seed = 0, nodes = 0, mb = 0, depth = 0;
	bool off = false;
	arc_search_opts *so = &a->opts.search;
	double secs;
	int ch;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "b:i:s:c:t:o:vqh", longopts, NULL)) != -1) {
		bool ok = true;
		switch (ch) {
		case 'b': ok = cli_push(&a->batteries, &a->nbatteries, optarg); break;
		case 'i': ok = cli_push_split(&a->ids, &a->nids, optarg); break;
		case 's': ok = cli_size("-s", optarg, 0, SIZE_MAX, &a->sel.start); break;
		case 'c': ok = cli_size("-c", optarg, 0, SIZE_MAX, &a->sel.count); break;
		case O_SAMPLE: ok = cli_size("--sample", optarg, 1, SIZE_MAX, &a->sel.sample); break;
		case O_SEED: ok = cli_size("--seed", optarg, 0, SIZE_MAX, &seed); break;
		case 't':
			ok = cli_double("-t", optarg, 1e-3, 86400, &secs);
			a->opts.limits = arc_limits_for_seconds(secs);
			break;
		case O_THREADS: ok = cli_size("--threads", optarg, 1, 1024, &a->opts.threads); break;
		case 'o': a->output = optarg; break;
		case O_REPORT: a->report = optarg; break;
		case O_TOP: ok = cli_size("--top", optarg, 0, 1000000, &a->top); break;
		case O_SOLUTIONS: a->solutions = optarg; break;
		case O_STRICT: a->strict = true; break;
		case O_TIMING: a->timing = true; break;
		case O_BACKEND: ok = parse_backend(optarg, &a->opts.backend); break;
		case O_BATCH_SIZE:
			ok = cli_size("--batch-size", optarg, 1, 1u << 24, &a->opts.batch_size);
			break;
		case O_SNODES:
			ok = cli_size("--search-nodes", optarg, 0, SIZE_MAX, &nodes);
			so->nodes = nodes, a->nodes_given = true;
			break;
		case O_SSECONDS:
			ok = cli_double("--search-seconds", optarg, 0, 1e7, &so->seconds);
			off |= ok && so->seconds == 0;
			a->clock_given = true;
			break;
		case O_TBUDGET:
			ok = cli_double("--time-budget", optarg, 1e-3, 1e9, &so->time_budget);
			a->clock_given = true;
			break;
		case O_SMEMORY:
			ok = cli_size("--search-memory", optarg, 1, (size_t)1 << 24, &mb);
			so->memory = mb << 20;
			break;
		case O_SDEPTH:
			ok = cli_size("--search-depth", optarg, 1, 4, &depth);
			so->max_depth = (unsigned)depth;
			break;
		case O_SKEEP: ok = cli_size("--search-keep", optarg, 1, 1000, &so->keep); break;
		case O_SFEATURES: ok = parse_features(optarg, &so->features); break;
		case O_SALL: so->all_tasks = true; break;
		case O_SOUT: a->opts.search_out = optarg; break;
		case 'v': a->verbose = true; break;
		case 'q': a->quiet = true; break;
		case 'h': fputs(usage_text, stdout); return -1;
		default: fputs(usage_text, stderr); return ARC_E_USAGE;
		}
		if (!ok)
			return ARC_E_USAGE;
	}
	if (argc - optind > 1) {
		cli_error("run: one DATA argument expected, got %d (see 'arcbatt run --help')",
		          argc - optind);
		return ARC_E_USAGE;
	}
	a->data = optind < argc ? argv[optind] : cli_default_data();
	if (a->clock_given && !a->nodes_given)
		so->nodes = UINT64_MAX;
	if (off)
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

/* -o and --report: neither an input nor each other. */
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
	cli_file out[2] = {{"-o", a->output, NULL}, {"--report", a->report, NULL}};
	bool ok = cli_outputs_ok("run", out, 2, in, nin);
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
