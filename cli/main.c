/* main.c — the arcbatt command: dispatches to one subcommand per file (cli/cmd_*.c). */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{"run", cmd_run, "run a battery of programs on tasks; write submission.json (the main job)"},
	{"check", cmd_check, "check a program file against the tasks it names (solve_<id>)"},
	{"eval", cmd_eval, "run one program on one task and draw the grids"},
	{"score", cmd_score, "score a submission.json against known solutions"},
	{"show", cmd_show, "draw tasks in the terminal"},
	{"evolve", cmd_evolve, "grow an archive of programs by rounds of mutation"},
	{"archive", cmd_archive, "an archive's stats, best programs (export) or content (dump)"},
};

static void usage(FILE *out)
{
	fprintf(out, "usage: arcbatt COMMAND [ARGS...]\n"
	             "       arcbatt --help | --version\n\n"
	             "A program-search engine for ARC: arc-dsl programs run on ARC tasks.\n\n"
	             "Commands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(out, "  %-7s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\n'arcbatt COMMAND --help' describes a command.\n"
	             "Exit statuses: 0 ok, 1 usage error, 2 input error (something was skipped),\n"
	             "3 file error, 4 out of memory, 5 internal error.\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return ARC_E_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout);
		return ARC_OK;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("arcbatt %s\n", ARCBATT_VERSION);
		return ARC_OK;
	}
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
	cli_error("unknown command '%s' (try 'arcbatt --help')", argv[1]);
	return ARC_E_USAGE;
}
