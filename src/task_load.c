/* task_load.c — task sets: the three layouts on disk (a directory of <id>.json, one task file,
 * Kaggle's *_challenges.json with *_solutions.json), kept sorted by id; selection of tasks by
 * id, slice or seeded sample. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fileio.h"
#include "task_json.h"


struct arc_taskset {
	arc_task *v; /* n tasks sorted by id, ids unique */
	size_t n;
};

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !strcmp(s + n - m, suffix);
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static void push(arc_diag *diag, const arc_error *e)
{
	if (diag)
		arc_diag_push(diag, e);
}

/* Loads one file of layout (b) or (c); sol_path is the Kaggle solutions file or NULL. */
static arc_status load_file(const char *path, const char *sol_path, const arc_load_opts *o,
                            task_list *l, arc_diag *diag)
{
	size_t max = o->max_file_bytes ? o->max_file_bytes : ARC_TASK_FILE_MAX;
	arc_error e;
	char *text, *sol_text = NULL;
	size_t len, sol_len = 0;
	arc_status st = file_read(path, max, &text, &len, &e);
	if (st) {
		push(diag, &e);
		return st;
	}
	if (sol_path && (st = file_read(sol_path, max, &sol_text, &sol_len, &e))) {
		free(text);
		push(diag, &e);
		return st;
	}
	char id[256];
	snprintf(id, sizeof id, "%s", base_name(path));
	if (ends_with(id, ".json"))
		id[strlen(id) - 5] = '\0';
	st = task_json_parse(text, len, path, id, sol_text, sol_len, sol_path, o->strict, l,
	                     diag);
	free(text);
	free(sol_text);
	return st;
}

/* By id, then by load order, so that which duplicate stays does not depend on qsort. */
static int by_id(const void *a, const void *b, void *list)
{
	const task_list *l = list;
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int c = strcmp(l->v[i].id, l->v[j].id);
	return c ? c : (i > j) - (i < j);
}

/* Sorts the tasks by id. Of tasks with the same id (a directory holding a Kaggle file and task
 * files) the first loaded stays and the others are reported and dropped: *dups tells. */
static arc_status sort_unique(task_list *l, const char *path, arc_diag *diag, bool *dups)
{
	size_t *idx = malloc((l->n ? l->n : 1) * sizeof *idx);
	arc_task *v = malloc((l->n ? l->n : 1) * sizeof *v);
	if (!idx || !v) {
		free(idx);
		free(v);
		return ARC_E_NOMEM;
	}
	for (size_t i = 0; i < l->n; i++)
		idx[i] = i;
	qsort_r(idx, l->n, sizeof *idx, by_id, l);
	size_t kept = 0;
	*dups = false;
	for (size_t k = 0; k < l->n; k++) {
		arc_task *t = &l->v[idx[k]];
		if (kept && !strcmp(v[kept - 1].id, t->id)) {
			arc_error e;
			arc_error_set(&e, ARC_E_INPUT, path, t->id, 0, 0,
			              "duplicate task id, expected each id once");
			push(diag, &e);
			task_free(t);
			*dups = true;
			continue;
		}
		v[kept++] = *t;
	}
	free(idx);
	free(l->v);
	l->v = v;
	l->n = l->cap = kept;
	return ARC_OK;
}

/* X_challenges.json <-> X_solutions.json; NULL when path has not the suffix `from`. */
static char *sibling(const char *path, const char *from, const char *to)
{
	if (!ends_with(path, from))
		return NULL;
	size_t stem = strlen(path) - strlen(from), m = stem + strlen(to) + 1;
	char *s = malloc(m);
	if (s)
		snprintf(s, m, "%.*s%s", (int)stem, path, to);
	return s;
}

/* Layouts (b) and (c): a task file, challenges (solutions given or beside them), or solutions
 * alone (paired with the challenges beside them). */
static arc_status load_path_file(const char *path, const arc_load_opts *o, task_list *l,
                                 arc_diag *diag)
{
	struct stat sb;
	char *challenges = sibling(path, "_solutions.json", "_challenges.json");
	if (challenges && !o->solutions) {
		arc_status st = ARC_E_INPUT;
		if (!stat(challenges, &sb)) {
			st = load_file(challenges, path, o, l, diag);
		} else {
			arc_error e;
			arc_error_set(&e, st, path, "", 0, 0,
			              "Kaggle solutions without their challenges: cannot open %s",
			              challenges);
			push(diag, &e);
		}
		free(challenges);
		return st;
	}
	free(challenges);
	char *beside = o->solutions ? NULL : sibling(path, "_challenges.json", "_solutions.json");
	const char *sol = o->solutions ? o->solutions : beside && !stat(beside, &sb) ? beside : NULL;
	arc_status st = load_file(path, sol, o, l, diag);
	free(beside);
	return st;
}

/* Layout (a): every <id>.json of a directory, in name order. Kaggle files there are read as in
 * layout (c): X_solutions.json goes with X_challenges.json when both are present. */
static arc_status load_dir(const char *path, const arc_load_opts *o, task_list *l,
                           arc_diag *diag)
{
	char **files;
	size_t n;
	arc_error e;
	arc_status st = file_list_dir(path, ".json", &files, &n, &e);
	if (st) {
		push(diag, &e);
		return st;
	}
	for (size_t i = 0; i < n && (st == ARC_OK || (st == ARC_E_INPUT && !o->strict)); i++) {
		struct stat sb;
		char *challenges = sibling(files[i], "_solutions.json", "_challenges.json");
		arc_status fs = challenges && !stat(challenges, &sb) ? ARC_OK
		                                                     : load_path_file(files[i], o, l, diag);
		free(challenges);
		/* A file that cannot be read is skipped like a bad task. */
		if (fs == ARC_E_IO)
			fs = ARC_E_INPUT;
		if (fs && st != ARC_E_NOMEM)
			st = fs;
	}
	file_list_free(files, n);
	return st;
}

arc_status arc_taskset_load(const char *path, const arc_load_opts *opts, arc_taskset **out,
                            arc_diag *diag)
{
	static const arc_load_opts defaults = {0};
	const arc_load_opts *o = opts ? opts : &defaults;
	task_list l = {0};
	arc_error e;
	struct stat sb;
	arc_status st;
	*out = NULL;
	if (stat(path, &sb)) {
		arc_error_set(&e, ARC_E_IO, path, "", 0, 0, "cannot open: %s", strerror(errno));
		push(diag, &e);
		return ARC_E_IO;
	}
	st = S_ISDIR(sb.st_mode) ? load_dir(path, o, &l, diag) : load_path_file(path, o, &l, diag);
	if (st == ARC_OK && l.n == 0) {
		arc_error_set(&e, ARC_E_INPUT, path, "", 0, 0,
		              "no tasks found, expected <id>.json task files or a task file");
		push(diag, &e);
		st = ARC_E_INPUT;
	}
	if ((st && st != ARC_E_INPUT) || (st == ARC_E_INPUT && o->strict)) {
		task_list_free(&l);
		return st;
	}
	bool dups = false;
	arc_taskset *ts = malloc(sizeof *ts);
	if (!ts || sort_unique(&l, path, diag, &dups)) {
		free(ts);
		task_list_free(&l);
		arc_error_set(&e, ARC_E_NOMEM, path, "", 0, 0, "out of memory");
		push(diag, &e);
		return ARC_E_NOMEM;
	}
	if (dups && o->strict) {
		free(ts);
		task_list_free(&l);
		return ARC_E_INPUT;
	}
	if (dups)
		st = ARC_E_INPUT;
	ts->v = l.v;
	ts->n = l.n;
	*out = ts;
	return st;
}

size_t arc_taskset_count(const arc_taskset *ts) { return ts->n; }

const arc_task *arc_taskset_get(const arc_taskset *ts, size_t i)
{
	return i < ts->n ? &ts->v[i] : NULL;
}

const arc_task *arc_taskset_find(const arc_taskset *ts, const char *id)
{
	size_t lo = 0, hi = ts->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(ts->v[mid].id, id);
		if (!c)
			return &ts->v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

void arc_taskset_free(arc_taskset *ts)
{
	if (!ts)
		return;
	task_list l = {.v = ts->v, .n = ts->n, .cap = ts->n};
	task_list_free(&l);
	free(ts);
}
