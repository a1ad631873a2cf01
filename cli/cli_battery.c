/* cli_battery.c — loading a battery from the command line: program files, directories whose
 * *.py files are read in name order (arc_battery_add_file), and archives (archive:FILE), with
 * every problem printed. */
#include <string.h>

#include "cli.h"

/* Adds one file or directory, printing its problems; returns its status. */
static arc_status add_file(arc_battery *b, const char *path, bool strict)
{
	arc_diag d = {0};
	arc_status st = arc_battery_add_file(b, path, strict, &d);
	cli_print_diag(&d);
	arc_diag_free(&d);
	if (st == ARC_E_INPUT && strict)
		cli_error("%s: refused (--strict): it has errors", path);
	return st;
}

/* archive:FILE adds each task's best program, archive-all:FILE every program; returns false
 * when path names no archive. */
static bool add_archive(arc_battery *b, const char *path, arc_status *st)
{
	bool all = !strncmp(path, "archive-all:", 12);
	if (!all && strncmp(path, "archive:", 8))
		return false;
	arc_diag d = {0};
	*st = arc_battery_add_archive(b, path + (all ? 12 : 8), all, &d);
	cli_print_diag(&d);
	arc_diag_free(&d);
	return true;
}

arc_status cli_load_battery(const char *const *paths, size_t n, bool strict, arc_battery **out)
{
	arc_battery *b = arc_battery_new();
	arc_status worst = ARC_OK;
	*out = NULL;
	if (!b) {
		cli_error("out of memory");
		return ARC_E_NOMEM;
	}
	for (size_t i = 0; i < n && worst != ARC_E_NOMEM; i++) {
		arc_status st;
		if (!add_archive(b, paths[i], &st))
			st = add_file(b, paths[i], strict);
		worst = st > worst ? st : worst;
	}
	if (worst == ARC_E_NOMEM) {
		arc_battery_free(b);
		return worst;
	}
	*out = b;
	return worst;
}

arc_status cli_load_operands(int n, char **files, bool strict, arc_battery **b)
{
	const char *def = cli_default_battery();
	if (n <= 0)
		return cli_load_battery(&def, 1, strict, b);
	return cli_load_battery((const char *const *)files, (size_t)n, strict, b);
}
