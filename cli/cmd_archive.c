/* cmd_archive.c — `arcbatt archive`: what an archive holds (stats), its best programs as a
 * solver file (export), and its content as canonical text (dump). Reads only: it can run while
 * `arcbatt evolve` writes the archive. */
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_text[] =
	"usage: arcbatt archive stats [--archive FILE]\n"
	"       arcbatt archive export OUT.py [--explained] [--archive FILE]\n"
	"       arcbatt archive dump [--archive FILE]\n"
	"\n"
	"  stats           programs (by origin), tasks covered, explained and solved, rounds\n"
	"  export OUT.py   the best program of each task as solve_<task id> in an arc-dsl file\n"
	"                  that 'arcbatt check OUT.py' runs (written atomically; not the archive)\n"
	"  dump            the content as sorted text without ids or timings, to compare archives\n"
	"\n"
	"      --archive F   the archive (default: $ARCBATT_ARCHIVE, else " ARC_ARCHIVE_DEFAULT ")\n"
	"      --explained   export only tasks whose best program reproduces every train pair\n"
	"\n"
	"A task's best program reproduces the most train pairs, then is the closest, the smallest\n"
	"and the cheapest. 'arcbatt run -b archive:FILE' runs these programs (archive-all:FILE:\n"
	"every archived program).\n"
	"\n"
	"Exit status: 0 ok, 1 usage error, 2 not an archive (or an unknown schema), 3 file error,\n"
	"4 out of memory.\n";

static void print_origins(const char *what, const size_t *by)
{
	printf("%s", what);
	for (int o = 0; o < ARC_ORIGIN_COUNT; o++)
		printf("%s%s %zu", o ? ", " : " (", arc_origin_name((arc_origin)o), by[o]);
	printf(")\n");
}

static void print_stats(const char *path, const arc_archive_stats *s)
{
	printf("archive %s (schema %d)\n", path, ARC_ARCHIVE_SCHEMA);
	printf("  rounds completed  %zu\n", s->rounds);
	printf("  programs          %zu", s->programs);
	print_origins("", s->by_origin);
	printf("  task scores       %zu\n", s->scores);
	printf("  tasks covered     %zu\n", s->tasks);
	printf("  explained         %zu (a program reproduces every train pair)\n", s->explained);
	printf("  solved            %zu of %zu with known test outputs", s->solved, s->known);
	print_origins(", best program", s->solved_by_origin);
}

static void usage(FILE *out) { fputs(usage_text, out); }

int cmd_archive(int argc, char **argv)
{
	const char *path = getenv("ARCBATT_ARCHIVE");
	if (!path || !*path)
		path = ARC_ARCHIVE_DEFAULT;
	bool explained = false;
	const cli_opt opts[] = {
		CLI_OPT_TEXT("archive", 0, &path),
		CLI_OPT_FLAG("explained", 0, &explained),
	};
	int r = cli_options(argc, argv, opts, sizeof opts / sizeof *opts, usage);
	if (r)
		return r < 0 ? ARC_OK : r;
	const char *sub = optind < argc ? argv[optind] : NULL;
	int nargs = argc - optind - 1;
	bool is_export = sub && !strcmp(sub, "export");
	if (!sub || (strcmp(sub, "stats") && strcmp(sub, "dump") && !is_export) ||
	    nargs != (is_export ? 1 : 0) || (explained && !is_export)) {
		if (!sub)
			cli_error("archive: stats, export OUT.py or dump expected (see 'arcbatt archive --help')");
		else if (strcmp(sub, "stats") && strcmp(sub, "dump") && !is_export)
			cli_error("archive: unknown subcommand '%s' (stats, export, dump)", sub);
		else if (explained && !is_export)
			cli_error("archive: --explained goes with export");
		else
			cli_error("archive %s: %s", sub, is_export ? "one output file expected"
			                                           : "no arguments expected");
		return ARC_E_USAGE;
	}
	if (is_export) {
		cli_file in = {"--archive", path, NULL}, out = {"OUT.py", argv[optind + 1], NULL};
		if (!cli_outputs_ok("archive export", &out, 1, &in, 1))
			return ARC_E_USAGE;
	}
	arc_archive *a;
	arc_error err = {0};
	arc_status st = arc_archive_open(path, false, &a, &err);
	if (!st) {
		if (!strcmp(sub, "stats")) {
			arc_archive_stats s;
			st = arc_archive_count(a, 0, &s, &err);
			if (!st)
				print_stats(path, &s);
		} else if (!strcmp(sub, "dump"))
			st = arc_archive_dump(a, stdout, &err);
		else if (!(st = arc_archive_export(a, argv[optind + 1], explained, &err)))
			printf("%s: written\n", argv[optind + 1]);
		arc_archive_close(a);
	}
	if (st)
		cli_print_error(&err);
	return st;
}
