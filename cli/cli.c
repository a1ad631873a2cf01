/* cli.c — helpers the subcommands share (see cli.h): messages, the default data set and
 * battery, loading tasks with diagnostics, strict number options, option tables. */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

void cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("arcbatt: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

void cli_print_error(const arc_error *e)
{
	fputs("arcbatt: ", stderr);
	arc_error_print(e, stderr);
}

void cli_print_diag(const arc_diag *d)
{
	for (size_t i = 0; i < d->n; i++)
		cli_print_error(&d->items[i]);
}

/* <root>/rel when the executable sits in a directory <root>/build... and that path exists;
 * else rel (relative to the current directory). */
static const char *beside_tree(char *buf, size_t cap, const char *rel)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *dir = dirname(exe); /* <root>/build... */
		char *slash = strrchr(dir, '/');
		struct stat sb;
		if (slash && !strncmp(slash + 1, "build", 5)) {
			*slash = '\0';
			if ((size_t)snprintf(buf, cap, "%s/%s", *dir ? dir : "", rel) < cap &&
			    !stat(buf, &sb))
				return buf;
		}
	}
	return rel;
}

const char *cli_default_data(void)
{
	static char buf[PATH_MAX + 64];
	const char *env = getenv("ARCBATT_DATA");
	return env && *env ? env : beside_tree(buf, sizeof buf, "data/arc-agi-1/training");
}

const char *cli_default_battery(void)
{
	static char buf[PATH_MAX + 64];
	const char *env = getenv("ARCBATT_BATTERY");
	return env && *env ? env : beside_tree(buf, sizeof buf, "batteries");
}

arc_status cli_load_tasks(const char *path, const arc_load_opts *opts, arc_taskset **ts)
{
	arc_diag d = {0};
	arc_load_opts o = opts ? *opts : (arc_load_opts){0};
	const char *mb = getenv("ARCBATT_MAX_FILE_MB"); /* README: the task-file size cap */
	if (mb && *mb) {
		char *end;
		errno = 0;
		unsigned long long v = strtoull(mb, &end, 10);
		if (*end || errno || v == 0 || v > (SIZE_MAX >> 20)) {
			cli_error("ARCBATT_MAX_FILE_MB=%s: expected a whole number of MiB, 1 or more", mb);
			*ts = NULL;
			return ARC_E_USAGE;
		}
		o.max_file_bytes = (size_t)v << 20;
	}
	arc_status st = arc_taskset_load(path, &o, ts, &d);
	cli_print_diag(&d);
	if (st && !d.n)
		cli_error("%s: %s", path, arc_status_name(st));
	arc_diag_free(&d);
	if (st == ARC_E_INPUT && *ts && !arc_taskset_count(*ts)) {
		arc_taskset_free(*ts);
		*ts = NULL;
	} else if (st == ARC_E_INPUT && *ts) {
		cli_error("%s: some tasks were skipped (see above); the others are used", path);
	}
	return st;
}

bool cli_double(const char *opt, const char *text, double min, double max, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(text, &end);
	if (end == text || *end || errno || isnan(v) || v < min || v > max) {
		cli_error("option %s: '%s', expected a number from %g to %g", opt, text, min, max);
		return false;
	}
	*out = v;
	return true;
}

bool cli_size(const char *opt, const char *text, size_t min, size_t max, size_t *out)
{
	char *end = NULL;
	unsigned long long v = 0;
	errno = 0;
	if (text[0] >= '0' && text[0] <= '9') /* strtoull would take "-1" */
		v = strtoull(text, &end, 10);
	if (!end || *end || errno || v < min || v > max) {
		cli_error("option %s: '%s', expected an integer from %zu to %zu", opt, text, min, max);
		return false;
	}
	*out = (size_t)v;
	return true;
}

bool cli_take_seconds(void *out, char *arg)
{
	double secs;
	if (!cli_double("-t", arg, 1e-6, 86400, &secs))
		return false;
	*(arc_limits *)out = arc_limits_for_seconds(secs);
	return true;
}

bool cli_push(const char ***list, size_t *n, const char *s)
{
	const char **l = realloc(*list, (*n + 1) * sizeof *l);
	if (!l)
		return false;
	l[(*n)++] = s;
	*list = l;
	return true;
}

bool cli_push_split(const char ***list, size_t *n, char *text)
{
	char *save;
	for (char *tok = strtok_r(text, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
		if (!cli_push(list, n, tok))
			return false;
	return true;
}

int cli_options(int argc, char **argv, const cli_opt *opts, size_t n, void (*usage)(FILE *out))
{
	enum { MAX_OPTS = 32, KEY_LONG = 256 }; /* options without a letter: KEY_LONG + index */
	struct option longopts[MAX_OPTS + 2];
	char shortopts[2 * MAX_OPTS + 2], *sp = shortopts;
	if (n > MAX_OPTS) {
		cli_error("internal: %zu options, at most %d", n, MAX_OPTS);
		return ARC_E_INTERNAL;
	}
	for (size_t k = 0; k < n; k++) {
		bool arg = opts[k].kind != CLI_FLAG;
		longopts[k] = (struct option){opts[k].name, arg ? required_argument : no_argument, NULL,
		                              opts[k].letter ? opts[k].letter : KEY_LONG + (int)k};
		if (opts[k].letter) {
			*sp++ = opts[k].letter;
			if (arg)
				*sp++ = ':';
		}
	}
	longopts[n] = (struct option){"help", no_argument, NULL, 'h'};
	longopts[n + 1] = (struct option){NULL, 0, NULL, 0};
	*sp++ = 'h';
	*sp = '\0';
	optind = 1;
	int ch;
	while ((ch = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		if (ch == 'h') {
			usage(stdout);
			return -1;
		}
		size_t k = 0;
		while (k < n && longopts[k].val != ch)
			k++;
		if (k == n) {
			usage(stderr);
			return ARC_E_USAGE;
		}
		const cli_opt *o = &opts[k];
		char name[64];
		if (o->letter)
			snprintf(name, sizeof name, "-%c", o->letter);
		else
			snprintf(name, sizeof name, "--%s", o->name);
		bool ok = true;
		switch (o->kind) {
		case CLI_TEXT: *(const char **)o->out = optarg; break;
		case CLI_FLAG: *(bool *)o->out = true; break;
		case CLI_DOUBLE: ok = cli_double(name, optarg, o->min, o->max, o->out); break;
		case CLI_SIZE: ok = cli_size(name, optarg, o->lo, o->hi, o->out); break;
		case CLI_CALL: ok = o->call(o->out, optarg); break;
		}
		if (!ok)
			return ARC_E_USAGE;
	}
	return ARC_OK;
}

/* The directory part of path ("." when none) into dir, and its last component. */
static const char *split_path(const char *path, char *dir, size_t cap)
{
	const char *slash = strrchr(path, '/');
	snprintf(dir, cap, "%.*s", slash ? (int)(slash - path) + 1 : 1, slash ? path : ".");
	return slash ? slash + 1 : path;
}

static bool same_inode(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

/* Do paths a and b name one file, existing or not (same directory, same name)? */
static bool same_path(const char *a, const char *b)
{
	if (strcmp(a, b) == 0 || same_inode(a, b))
		return true;
	char da[4096], db[4096];
	const char *na = split_path(a, da, sizeof da), *nb = split_path(b, db, sizeof db);
	return strcmp(na, nb) == 0 && *na && same_inode(da, db);
}

/* Does output path out name input in, or would it become one of the inputs of directory in
 * (suffix: the files read from it)? */
static bool clobbers(const char *out, const char *in, const char *suffix)
{
	if (same_path(out, in))
		return true;
	struct stat si;
	if (!suffix || stat(in, &si) != 0 || !S_ISDIR(si.st_mode))
		return false;
	size_t n = strlen(out), k = strlen(suffix);
	if (n < k || strcmp(out + n - k, suffix) != 0)
		return false;
	char dir[4096];
	split_path(out, dir, sizeof dir);
	return same_inode(dir, in);
}

bool cli_outputs_ok(const char *cmd, const cli_file *outs, size_t nouts, const cli_file *ins,
                    size_t nins)
{
	bool ok = true;
	for (size_t o = 0; o < nouts; o++) {
		if (!outs[o].path)
			continue;
		for (size_t p = o + 1; p < nouts; p++)
			if (outs[p].path && same_path(outs[o].path, outs[p].path)) {
				cli_error("%s: %s %s and %s %s name the same file", cmd, outs[o].what,
				          outs[o].path, outs[p].what, outs[p].path);
				ok = false;
			}
		for (size_t i = 0; i < nins; i++)
			if (ins[i].path && clobbers(outs[o].path, ins[i].path, ins[i].suffix)) {
				cli_error("%s: %s %s would overwrite or join the input %s %s", cmd,
				          outs[o].what, outs[o].path, ins[i].what, ins[i].path);
				ok = false;
			}
	}
	return ok;
}
