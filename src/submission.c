/* submission.c — Kaggle's submission.json: two attempts per test input of every task, tasks in id
 * order. Written to a temporary file, synced and renamed, so a crash never leaves half a file;
 * loading checks the shape of every entry. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "fileout.h"
#include "submission.h"
#include "task_json.h"

arc_submission *arc_submission_new(void)
{
	return calloc(1, sizeof(arc_submission));
}

void arc_submission_free(arc_submission *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].attempts);
	free(s->v);
	free(s);
}

/* The position of id, or where it would go (*found false). */
static size_t locate(const arc_submission *s, const char *id, bool *found)
{
	size_t lo = 0, hi = s->n;
	*found = false;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(s->v[mid].id, id);
		if (!c) {
			*found = true;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const sub_task *submission_find(const arc_submission *s, const char *id)
{
	bool found;
	size_t i = locate(s, id, &found);
	return found ? &s->v[i] : NULL;
}

/* Adds an entry for id with ntest test inputs; *out is its (zeroed) slot. */
static arc_status insert(arc_submission *s, const char *id, int ntest, sub_task **out)
{
	bool found;
	size_t i = locate(s, id, &found), len = strlen(id);
	if (found || ntest < 1 || len < 1 || len >= sizeof s->v[0].id)
		return ARC_E_USAGE;
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		sub_task *v = realloc(s->v, cap * sizeof *v);
		if (!v)
			return ARC_E_NOMEM;
		s->v = v;
		s->cap = cap;
	}
	arc_grid (*attempts)[2] = calloc((size_t)ntest, sizeof *attempts);
	if (!attempts)
		return ARC_E_NOMEM;
	memmove(&s->v[i + 1], &s->v[i], (s->n - i) * sizeof *s->v);
	s->n++;
	sub_task *e = &s->v[i];
	memcpy(e->id, id, len + 1);
	e->ntest = ntest;
	e->attempts = attempts;
	*out = e;
	return ARC_OK;
}

arc_status arc_submission_add(arc_submission *s, const arc_task *t)
{
	sub_task *e;
	arc_status st = insert(s, t->id, t->ntest, &e);
	if (st)
		return st;
	for (int k = 0; k < t->ntest; k++)
		e->attempts[k][0] = e->attempts[k][1] = t->test[k].input;
	return ARC_OK;
}

static bool grid_ok(const arc_grid *g)
{
	if (g->h < 1 || g->h > ARC_GRID_MAX || g->w < 1 || g->w > ARC_GRID_MAX)
		return false;
	for (int i = 0; i < g->h * g->w; i++)
		if (g->cell[i] > 9)
			return false;
	return true;
}

arc_status arc_submission_set(arc_submission *s, const char *task_id, int test, int attempt,
                              const arc_grid *g)
{
	sub_task *e = (sub_task *)submission_find(s, task_id);
	if (!e || test < 0 || test >= e->ntest || (attempt != 1 && attempt != 2) || !grid_ok(g))
		return ARC_E_USAGE;
	e->attempts[test][attempt - 1] = *g;
	return ARC_OK;
}

const arc_grid *arc_submission_get(const arc_submission *s, const char *task_id, int test,
                                   int attempt)
{
	const sub_task *e = submission_find(s, task_id);
	if (!e || test < 0 || test >= e->ntest || (attempt != 1 && attempt != 2))
		return NULL;
	return &e->attempts[test][attempt - 1];
}

/* One line per task: {"id": [{"attempt_1": grid, "attempt_2": grid}, ...], ...}. */
static void put_submission(FILE *f, const arc_submission *s)
{
	fputc('{', f);
	for (size_t i = 0; i < s->n; i++) {
		const sub_task *e = &s->v[i];
		fputs(i ? ",\n" : "", f);
		arc_json_write_string(f, e->id);
		fputs(": [", f);
		for (int k = 0; k < e->ntest; k++) {
			fputs(k ? ", {\"attempt_1\": " : "{\"attempt_1\": ", f);
			arc_grid_write_json(f, &e->attempts[k][0]);
			fputs(", \"attempt_2\": ", f);
			arc_grid_write_json(f, &e->attempts[k][1]);
			fputc('}', f);
		}
		fputc(']', f);
	}
	fputs("}\n", f);
}

arc_status arc_submission_write(const arc_submission *s, const char *path, arc_error *err)
{
	fileout fo;
	arc_status st = fileout_open(&fo, path, err);
	if (st)
		return st;
	put_submission(fo.f, s);
	return fileout_commit(&fo, err);
}

/* One task's entry: a list of {"attempt_1": grid, "attempt_2": grid}. */
static arc_status load_task(arc_submission *s, const char *id, const json_t *list,
                            const char *path, arc_error *err)
{
	size_t n = json_is_array(list) ? json_array_size(list) : 0;
	if (n < 1 || n > 1000)
		return arc_error_set(err, ARC_E_INPUT, path, id, 0, 0,
		                     "expected a list of 1 to 1000 {\"attempt_1\": grid, \"attempt_2\": grid}");
	sub_task *e;
	arc_status st = insert(s, id, (int)n, &e);
	if (st == ARC_E_USAGE)
		return arc_error_set(err, ARC_E_INPUT, path, "", 0, 0,
		                     "task id of %zu bytes, expected 1 to 63", strlen(id));
	if (st)
		return arc_error_set(err, st, path, id, 0, 0, "out of memory");
	for (size_t k = 0; k < n; k++) {
		const json_t *x = json_array_get(list, k);
		char where[160];
		snprintf(where, sizeof where, "%s test[%zu]", id, k);
		if (!json_is_object(x) || json_object_size(x) != 2 || !json_object_get(x, "attempt_1") ||
		    !json_object_get(x, "attempt_2"))
			return arc_error_set(err, ARC_E_INPUT, path, where, 0, 0,
			                     "expected an object of exactly \"attempt_1\" and \"attempt_2\"");
		for (int a = 0; a < 2; a++) {
			char key[16];
			snprintf(key, sizeof key, "attempt_%d", a + 1);
			snprintf(where, sizeof where, "%s test[%zu].%s", id, k, key);
			st = task_json_grid(json_object_get(x, key), &e->attempts[k][a], path, where, err);
			if (st)
				return st;
		}
	}
	return ARC_OK;
}

arc_status arc_submission_load(const char *path, arc_submission **out, arc_error *err)
{
	*out = NULL;
	char *text;
	size_t len;
	arc_status rs = file_read(path, ARC_TASK_FILE_MAX, &text, &len, err);
	if (rs)
		return rs;
	json_error_t je;
	json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
	free(text);
	if (!root)
		return arc_error_set(err, ARC_E_INPUT, path, "", je.line > 0 ? je.line : 0,
		                     je.line > 0 && je.column > 0 ? je.column : 0, "invalid JSON: %s",
		                     je.text);
	arc_submission *s = arc_submission_new();
	arc_status st = s ? ARC_OK : arc_error_set(err, ARC_E_NOMEM, path, "", 0, 0, "out of memory");
	if (!st && !json_is_object(root))
		st = arc_error_set(err, ARC_E_INPUT, path, "", 0, 0,
		                   "expected an object of task id: list of attempts");
	const char *id;
	const json_t *v;
	if (!st)
		json_object_foreach(root, id, v)
			if ((st = load_task(s, id, v, path, err)))
				break;
	json_decref(root);
	if (st) {
		arc_submission_free(s);
		return st;
	}
	*out = s;
	return ARC_OK;
}
