/* cmd_score.c — 'arcbatt score': a submission.json scored against known test outputs by Kaggle's
 * rule, with the count of fully solved tasks and, with -v, one line per task. */
#include <unistd.h>
#include <stdio.h>

#include "cli.h"

static void usage(FILE *out)
{
	fputs("usage: arcbatt score SUBMISSION SOLUTIONS [-v]\n\n"
	      "Scores SUBMISSION (Kaggle's submission.json) against SOLUTIONS: a directory of task\n"
	      "files with test outputs, a task file, or Kaggle's *_solutions.json (paired with the\n"
	      "*_challenges.json beside it) or *_challenges.json (with its solutions beside it).\n"
	      "A test output counts when either attempt matches it exactly; a task scores the\n"
	      "fraction of its test outputs matched.\n\n"
	      "  -v, --verbose  one line per task: id, matched/test outputs, score\n"
	      "  -h, --help     this help\n\n"
	      "Exit statuses: 0 scored, 1 usage error, 2 bad submission or solutions (a task skipped,\n"
	      "missing or unknown), 3 a file could not be read, 4 out of memory.\n",
	      out);
}

int cmd_score(int argc, char **argv)
{
	bool verbose = false;
	const cli_opt opts[] = {CLI_OPT_FLAG("verbose", 'v', &verbose)};
	int r = cli_options(argc, argv, opts, sizeof opts / sizeof *opts, usage);
	if (r)
		return r < 0 ? ARC_OK : r;
	if (argc - optind != 2) {
		cli_error("score: expected SUBMISSION and SOLUTIONS, got %d argument%s", argc - optind,
		          argc - optind == 1 ? "" : "s");
		usage(stderr);
		return ARC_E_USAGE;
	}
	arc_error err;
	arc_submission *sub;
	arc_status st = arc_submission_load(argv[optind], &sub, &err);
	if (st) {
		cli_print_error(&err);
		return st;
	}
	arc_taskset *sol;
	arc_status load = cli_load_tasks(argv[optind + 1], NULL, &sol);
	if (!sol) {
		arc_submission_free(sub);
		return load;
	}
	arc_score sc;
	st = arc_score_submission(sub, sol, &sc, &err);
	if (st) {
		cli_print_error(&err);
	} else {
		if (verbose)
			for (size_t i = 0; i < sc.ntasks; i++)
				printf("%-12s %d/%d  %.3f\n", sc.tasks[i].id, sc.tasks[i].matched,
				       sc.tasks[i].ntest, sc.tasks[i].score);
		printf("score: %.2f/%zu (%.2f%%)  solved tasks: %zu/%zu\n", sc.total, sc.ntasks,
		       sc.ntasks ? 100.0 * sc.total / (double)sc.ntasks : 0.0, sc.solved, sc.ntasks);
		arc_score_free(&sc);
	}
	arc_taskset_free(sol);
	arc_submission_free(sub);
	return st ? st : load;
}
