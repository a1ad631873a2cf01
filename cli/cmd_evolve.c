/* cmd_evolve.c — `arcbatt evolve`: rounds of evolution into an archive (arc_evolve). Loads tasks
 * and the written battery, opens (or creates, or resumes) the archive, and prints a line per
 * round: tasks solved, programs stored, mutants, time; progress on a terminal. */
#include <getopt.h>
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
	"  -t, --timeout S   wall-clock backstop per program and input, seconds (default 2); the\n"
	"                    step budget decides results, this only if it fires first\n"
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

static bool push(const char ***list, size_t *n, const char *s)
{
	const char **l = realloc(*list, (*n + 1) * sizeof *l);
	if (!l)
		return false;
	l[(*n)++] = s;
	*list = l;
	return true;
}

static int parse_args(evolve_args *a, int argc, char **argv)
{
	enum { O_ARCHIVE = 256, O_ROUNDS, O_SEED, O_MUTANTS, O_KEEP, O_SAMPLE, O_THREADS, O_SNODES };
	static const struct option longopts[] = {
		{"archive", required_argument, 0, O_ARCHIVE}, {"rounds", required_argument, 0, O_ROUNDS},
		{"seed", required_argument, 0, O_SEED},       {"battery", required_argument, 0, 'b'},
		{"search-nodes", required_argument, 0, O_SNODES},
		{"mutants", required_argument, 0, O_MUTANTS}, {"keep", required_argument, 0, O_KEEP},
		{"id", required_argument, 0, 'i'},            {"start", required_argument, 0, 's'},
		{"count", required_argument, 0, 'c'},         {"sample", required_argument, 0, O_SAMPLE},
		{"timeout", required_argument, 0, 't'},       {"threads", required_argument, 0, O_THREADS},
		{"quiet", no_argument, 0, 'q'},               {"help", no_argument, 0, 'h'},
		{0, 0, 0, 0},
	};
	size_t seed = 0, snodes = 0;
	int ch;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "b:i:s:c:t:qh", longopts, NULL)) != -1) {
		bool ok = true;
		switch (ch) {
		case O_ARCHIVE: a->archive = optarg; break;
		case O_ROUNDS: ok = cli_size("--rounds", optarg, 0, 1000000, &a->opts.rounds); break;
		case O_SEED:
			ok = cli_size("--seed", optarg, 0, SIZE_MAX, &seed);
			a->seed_given = true;
			break;
		case 'b':
			if (!strcmp(optarg, "none"))
				a->none = true;
			else
				ok = push(&a->batteries, &a->nbatteries, optarg);
			break;
		case O_SNODES:
			ok = cli_size("--search-nodes", optarg, 0, SIZE_MAX, &snodes);
			a->opts.search_nodes = snodes;
			break;
		case O_MUTANTS: ok = cli_size("--mutants", optarg, 0, 1000000, &a->opts.mutants); break;
		case O_KEEP: ok = cli_size("--keep", optarg, 1, 1000, &a->opts.keep); break;
		case 'i':
			for (char *tok = strtok(optarg, ","); tok && ok; tok = strtok(NULL, ","))
				ok = push(&a->ids, &a->nids, tok);
			break;
		case 's': ok = cli_size("-s", optarg, 0, SIZE_MAX, &a->sel.start); break;
		case 'c': ok = cli_size("-c", optarg, 0, SIZE_MAX, &a->sel.count); break;
		case O_SAMPLE: ok = cli_size("--sample", optarg, 1, SIZE_MAX, &a->sel.sample); break;
		case 't': ok = cli_double("-t", optarg, 1e-3, 86400, &a->opts.limits.timeout_s); break;
		case O_THREADS: ok = cli_size("--threads", optarg, 1, 1024, &a->opts.threads); break;
		case 'q': a->quiet = true; break;
		case 'h': fputs(usage_text, stdout); return -1;
		default: fputs(usage_text, stderr); return ARC_E_USAGE;
		}
		if (!ok)
			return ARC_E_USAGE;
	}
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
	a->opts.seed = seed;
	a->sel.seed = seed;
	a->sel.ids = a->ids;
	a->sel.nids = a->nids;
	return ARC_OK;
}

static arc_status worse(arc_status a, arc_status b) { return a > b ? a : b; }

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
	if (!a.none && !a.nbatteries && !push(&a.batteries, &a.nbatteries, cli_default_battery())) {
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
		status = worse(status, cli_load_battery(a.batteries, a.nbatteries, false, &bat));
		if (!bat || status > ARC_E_INPUT)
			goto out;
	}
	if ((s = arc_taskset_select(ts, &a.sel, &idx, &n, &err))) {
		cli_print_error(&err);
		status = worse(status, s);
		goto out;
	}
	if ((s = arc_archive_open(a.archive, true, &ar, &err))) {
		cli_print_error(&err);
		status = worse(status, s);
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
		status = worse(status, s);
		goto out;
	}
	if (!a.quiet) {
		arc_archive_stats st;
		if ((s = arc_archive_count(ar, 0, &st, &err))) {
			cli_print_error(&err);
			status = worse(status, s);
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
