/* cmd_evolve.c — `arcbatt evolve`: rounds of evolution into an archive (arc_evolve). Loads tasks
 * and the written battery, opens (or creates, or resumes) the archive, and prints a line per
 * round: tasks solved, programs stored, mutants, time; progress on a terminal. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static const char usage_text[] =
	"usage: arcbatt evolve [DATA] [--archive FILE] [--rounds N] [--seed S] [-b BATTERY]...\n"
	"                      [--mutants N] [--search-nodes N] [--keep N] [-i ID[,ID...]]...\n"
	"                      [-s START] [-c COUNT] [--sample N] [-t SECONDS] [--threads N]\n"
	"                      [--quiet]\n"
	"\n"
	"Grows an archive of programs round by round. A round runs the battery step (written\n"
	"programs not archived yet, and the programs the last round found, on every task), the\n"
	"search step (programs of grid operations found from scratch for the tasks no program\n"
	"explains), and the mutation step (mutants of the best programs of each task that no\n"
	"program explains, run on that task; the best program of an explained task shrunk), and\n"
	"archives every program that enters a task's best. A second\n"
	"invocation resumes: an interrupted round is redone and ends as it would have.\n"
	"\n"
	"  DATA              tasks (default: the bundled ARC-AGI-1 training tasks)\n"
	"      --archive F   the archive, an SQLite file (default: $ARCBATT_ARCHIVE, else\n"
	"                    " ARC_ARCHIVE_DEFAULT " in the current directory); created when absent\n"
	"      --rounds N    evolve until N rounds are complete in the archive (default 1; 0 only\n"
	"                    creates or migrates the archive)\n"
	"      --seed S      seed of the mutations and of --sample (default: the archive's last\n"
	"                    round's, else 0); the same seed gives the same archive for any --threads\n"
	"  -b, --battery P   written programs: file, directory of *.py, archive:FILE, or none\n"
	"                    (repeatable; default: the bundled batteries/)\n"
	"      --mutants N   mutants per unexplained task per round: the budget (default 256)\n"
	"      --search-nodes N  the search step's candidates per unexplained task in round 1,\n"
	"                    doubled each round after, up to 64 times (default 20000; 0: no search)\n"
	"      --keep N      programs kept per task, its best N (default 8)\n"
	"  -i, --id ID       these tasks only (repeatable, or comma-separated)\n"
	"  -s, --start N     first task of the slice of sorted ids (default 0)\n"
	"  -c, --count N     tasks in the slice (default 0: all)\n"
	"      --sample N    a random subset of N tasks, drawn with --seed\n"
	"  -t, --timeout S   time allowance per program and input, seconds (default 2):\n"
	"                    a budget of S x 1e7 work units decides results; the clock stops\n"
	"                    one only at 10 S + 0.1 s, a backstop a healthy run never meets\n"
	"      --threads N   worker threads (default: one per core)\n"
	"  -q, --quiet       no progress and no round lines\n"
	"\n"
	"Exit status: 0 ok, 1 usage error, 2 something was skipped (bad task or program) or the\n"
	"archive is not one, 3 file error (also: another arcbatt is writing the archive),\n"
	"4 out of memory, 5 internal error.\n";

typedef struct evolve_args {
	const char *data, *archive;
	const char **batteries, **ids;
	size_t nbatteries, nids;
	bool none, quiet, seed_given;
	arc_selection sel;
	arc_evolve_opts opts;
} evolve_args;

static void usage(FILE *out) { fputs(usage_text, out); }

/* -b: a battery, or none. */
static bool take_battery(void *out, char *arg)
{
	evolve_args *a = out;
	if (!strcmp(arg, "none")) {
		a->none = true;
		return true;
	}
	return cli_push(&a->batteries, &a->nbatteries, arg);
}

static bool take_ids(void *out, char *arg)
{
	evolve_args *a = out;
	return cli_push_split(&a->ids, &a->nids, arg);
}

static bool take_seed(void *out, char *arg)
{
	evolve_args *a = out;
	size_t seed;
	if (!cli_size("--seed", arg, 0, SIZE_MAX, &seed))
		return false;
	a->opts.seed = seed;
	a->seed_given = true;
	return true;
}

static int parse_args(evolve_args *a, int argc, char **argv)
{
	const cli_opt opts[] = {
		CLI_OPT_TEXT("archive", 0, &a->archive),
		CLI_OPT_SIZE("rounds", 0, &a->opts.rounds, 0, 1000000),
		CLI_OPT_CALL("seed", 0, a, take_seed),
		CLI_OPT_CALL("battery", 'b', a, take_battery),
		CLI_OPT_SIZE("search-nodes", 0, &a->opts.search_nodes, 0, SIZE_MAX),
		CLI_OPT_SIZE("mutants", 0, &a->opts.mutants, 0, 1000000),
		CLI_OPT_SIZE("keep", 0, &a->opts.keep, 1, 1000),
		CLI_OPT_CALL("id", 'i', a, take_ids),
		CLI_OPT_SIZE("start", 's', &a->sel.start, 0, SIZE_MAX),
		CLI_OPT_SIZE("count", 'c', &a->sel.count, 0, SIZE_MAX),
		CLI_OPT_SIZE("sample", 0, &a->sel.sample, 1, SIZE_MAX),
		CLI_OPT_SECONDS(&a->opts.limits),
		CLI_OPT_SIZE("threads", 0, &a->opts.threads, 1, 1024),
		CLI_OPT_FLAG("quiet", 'q', &a->quiet),
	};
	int r = cli_options(argc, argv, opts, sizeof opts / sizeof *opts, usage);
	if (r)
		return r;
	if (argc - optind > 1) {
		cli_error("evolve: one DATA argument expected, got %d (see 'arcbatt evolve --help')",
		          argc - optind);
		return ARC_E_USAGE;
	}
	if (a->none && a->nbatteries) {
		cli_error("evolve: -b none cannot be combined with other batteries");
		return ARC_E_USAGE;
	}
	a->data = optind < argc ? argv[optind] : cli_default_data();
	a->sel.seed = a->opts.seed;
	a->sel.ids = a->ids;
	a->sel.nids = a->nids;
	return ARC_OK;
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

typedef struct ui {
	double last;  /* when progress was last drawn */
	bool tty;     /* progress goes to a terminal */
	bool shown;   /* a progress line is on the screen */
	bool quiet;
} ui;

static void show_progress(void *ud, size_t round, const char *step, size_t done, size_t total)
{
	ui *u = ud;
	double t = now();
	if (!u->tty || (done < total && t - u->last < 0.1))
		return;
	u->last = t;
	fprintf(stderr, "\r  round %zu, %s step: %zu/%zu tasks   ", round, step, done, total);
	u->shown = true;
}

/* "written 3, mutated 12" for the non-zero counts; "none" when all are zero. */
static void print_origins(const size_t *by)
{
	bool any = false;
	for (int o = 0; o < ARC_ORIGIN_COUNT; o++)
		if (by[o]) {
			printf("%s%s %zu", any ? ", " : "", arc_origin_name((arc_origin)o), by[o]);
			any = true;
		}
	if (!any)
		printf("none");
}

static void show_round(void *ud, const arc_round_report *r)
{
	ui *u = ud;
	if (u->shown)
		fputs("\r\033[K", stderr);
	u->shown = false;
	if (u->quiet)
		return;
	const arc_archive_stats *s = &r->stats;
	size_t stored = 0, solved = 0;
	for (int o = 0; o < ARC_ORIGIN_COUNT; o++) {
		stored += r->new_programs[o];
		solved += r->new_solved[o];
	}
	printf("round %zu: %zu/%zu solved (%zu new: ", r->round, s->solved, s->known, solved);
	print_origins(r->new_solved);
	printf("), %zu explained, %zu tasks covered; %zu programs stored (", s->explained, s->tasks,
	       stored);
	print_origins(r->new_programs);
	printf("); %zu mutants, %zu refused by the parser; %.1f s\n", r->mutants, r->rejected,
	       r->seconds);
	fflush(stdout);
}

static const char *default_archive(void)
{
	const char *env = getenv("ARCBATT_ARCHIVE");
	return env && *env ? env : ARC_ARCHIVE_DEFAULT;
}

int cmd_evolve(int argc, char **argv)
{
	evolve_args a = {0};
	a.opts = ARC_EVOLVE_DEFAULT;
	int rc = parse_args(&a, argc, argv);
	if (rc) {
		free(a.batteries), free(a.ids);
		return rc < 0 ? ARC_OK : rc;
	}
	if (!a.archive)
		a.archive = default_archive();
	if (!a.none && !a.nbatteries && !cli_push(&a.batteries, &a.nbatteries, cli_default_battery())) {
		free(a.ids);
		return ARC_E_NOMEM;
	}
	arc_taskset *ts = NULL;
	arc_battery *bat = NULL;
	arc_archive *ar = NULL;
	size_t *idx = NULL, n = 0;
	arc_error err = {0};
	arc_status status = cli_load_tasks(a.data, NULL, &ts), s;
	if (!ts)
		goto out;
	if (a.nbatteries) {
		status = cli_worst(status, cli_load_battery(a.batteries, a.nbatteries, false, &bat));
		if (!bat || status > ARC_E_INPUT)
			goto out;
	}
	if ((s = arc_taskset_select(ts, &a.sel, &idx, &n, &err))) {
		cli_print_error(&err);
		status = cli_worst(status, s);
		goto out;
	}
	if ((s = arc_archive_open(a.archive, true, &ar, &err))) {
		cli_print_error(&err);
		status = cli_worst(status, s);
		goto out;
	}
	ui u = {.tty = !a.quiet && isatty(STDERR_FILENO), .quiet = a.quiet};
	a.opts.archive_seed = !a.seed_given;
	a.opts.battery = bat;
	a.opts.progress = show_progress;
	a.opts.on_round = show_round;
	a.opts.ud = &u;
	s = arc_evolve(ar, ts, idx, n, &a.opts, &err);
	if (u.shown)
		fputs("\r\033[K", stderr);
	if (s) {
		cli_print_error(&err);
		status = cli_worst(status, s);
		goto out;
	}
	if (!a.quiet) {
		arc_archive_stats st;
		if ((s = arc_archive_count(ar, 0, &st, &err))) {
			cli_print_error(&err);
			status = cli_worst(status, s);
			goto out;
		}
		printf("archive %s: %zu rounds, %zu programs, %zu/%zu tasks solved, %zu explained\n",
		       a.archive, st.rounds, st.programs, st.solved, st.known, st.explained);
	}
out:
	arc_archive_close(ar);
	free(idx);
	arc_battery_free(bat);
	arc_taskset_free(ts);
	free(a.batteries), free(a.ids);
	return status;
}
