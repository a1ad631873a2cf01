/* cli_battery.c — loading a battery from the command line: program files, directories whose
 * *.py files are read in name order, and archives (archive:FILE), with every problem printed. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !strcmp(s + n - m, suffix);
}

/* Adds one file, printing its problems; returns its status. */
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

/* The *.py files of a directory, sorted (malloc'd); NULL with *n 0 when it cannot be read. */
static char **list_dir(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	char **names = NULL;
	size_t cap = 0;
	*n = 0;
	if (!d)
		return NULL;
	for (struct dirent *e; (e = readdir(d));) {
		if (e->d_name[0] == '.' || !ends_with(e->d_name, ".py"))
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			char **nn = realloc(names, cap * sizeof *nn);
			if (!nn)
				break;
			names = nn;
		}
		size_t len = strlen(dir) + strlen(e->d_name) + 2;
		if (!(names[*n] = malloc(len)))
			break;
		snprintf(names[*n], len, "%s/%s", dir, e->d_name);
		(*n)++;
	}
	closedir(d);
	if (*n)
		qsort(names, *n, sizeof *names, cmp_str);
	return names;
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
		struct stat sb;
		arc_status st;
		if (add_archive(b, paths[i], &st))
			;
		else if (!stat(paths[i], &sb) && S_ISDIR(sb.st_mode)) {
			size_t nf;
			char **files = list_dir(paths[i], &nf);
			st = nf ? ARC_OK : ARC_E_IO;
			if (!nf)
				cli_error("%s: no *.py program files could be read there", paths[i]);
			for (size_t k = 0; k < nf; k++) {
				arc_status s = worst == ARC_E_NOMEM ? ARC_OK : add_file(b, files[k], strict);
				st = s > st ? s : st;
				free(files[k]);
			}
			free(files);
		} else
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
