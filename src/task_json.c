/* task_json.c — ARC tasks from JSON text: every grid checked (rectangular, 1..30 x 1..30,
 * integers 0..9), every pair and task checked for its keys. A bad task gets one error naming the
 * file, the task and pair, what was found and what was expected, and is skipped. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "task_json.h"

/* Duplicate keys are rejected: in Kaggle files they would be duplicate task ids. */
#define JSON_FLAGS JSON_REJECT_DUPLICATES

void task_free(arc_task *t)
{
	free(t->train);
	free(t->test);
	t->train = t->test = NULL;
	t->ntrain = t->ntest = 0;
}

void task_list_free(task_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		task_free(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* What a JSON value is, for "found ..." in messages. */
static const char *describe(const json_t *j, char *buf, size_t cap)
{
	switch (json_typeof(j)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY:
		if (!json_array_size(j))
			return "an empty list";
		snprintf(buf, cap, "a list of %zu", json_array_size(j));
		return buf;
	case JSON_STRING: return "a string";
	case JSON_INTEGER:
		snprintf(buf, cap, "%" JSON_INTEGER_FORMAT, json_integer_value(j));
		return buf;
	case JSON_REAL: {
		int n = snprintf(buf, cap, "%.17g", json_real_value(j));
		if (n > 0 && (size_t)n + 3 < cap && !strpbrk(buf, ".eEni"))
			memcpy(buf + n, ".0", 3);
		return buf;
	}
	case JSON_TRUE: return "true";
	case JSON_FALSE: return "false";
	case JSON_NULL: return "null";
	}
	return "?";
}

arc_status task_json_grid(const json_t *j, arc_grid *g, const char *file, const char *where,
                          arc_error *err)
{
	char buf[64];
	size_t h = json_is_array(j) ? json_array_size(j) : 0;
	if (h < 1 || h > ARC_GRID_MAX)
		return arc_error_set(err, ARC_E_INPUT, file, where, 0, 0,
		                     "found %s, expected a grid (a list of 1 to 30 rows)",
		                     describe(j, buf, sizeof buf));
	size_t w = 0;
	for (size_t r = 0; r < h; r++) {
		const json_t *row = json_array_get(j, r);
		size_t n = json_is_array(row) ? json_array_size(row) : 0;
		if (r == 0 && (n < 1 || n > ARC_GRID_MAX))
			return arc_error_set(err, ARC_E_INPUT, file, where, 0, 0,
			                     "row 0 is %s, expected a list of 1 to 30 cells",
			                     describe(row, buf, sizeof buf));
		if (r == 0)
			w = n;
		else if (!json_is_array(row) || n != w)
			return arc_error_set(err, ARC_E_INPUT, file, where, 0, 0,
			                     "row %zu is %s, expected a list of %zu cells like row 0", r,
			                     describe(row, buf, sizeof buf), w);
		for (size_t c = 0; c < w; c++) {
			const json_t *x = json_array_get(row, c);
			json_int_t v = json_is_integer(x) ? json_integer_value(x) : -1;
			if (v < 0 || v > 9)
				return arc_error_set(err, ARC_E_INPUT, file, where, 0, 0,
				                     "cell [%zu][%zu] is %s, expected an integer 0..9", r,
				                     c, describe(x, buf, sizeof buf));
			g->cell[r * w + c] = (uint8_t)v;
		}
	}
	g->h = (uint8_t)h;
	g->w = (uint8_t)w;
	return ARC_OK;
}

/* One pair, train[k] or test[k] of task id; a train pair needs its output. */
static arc_status pair_from_json(const json_t *j, arc_pair *p, bool train, size_t k,
                                 const char *id, const char *file, arc_error *err)
{
	const char *part = train ? "train" : "test";
	char where[160], buf[64];
	snprintf(where, sizeof where, "%s %s[%zu]", id, part, k);
	if (!json_is_object(j))
		return arc_error_set(err, ARC_E_INPUT, file, where, 0, 0,
		                     "found %s, expected an object with \"input\"%s", describe(j, buf, sizeof buf),
		                     train ? " and \"output\"" : "");
	const json_t *in = json_object_get(j, "input"), *out = json_object_get(j, "output");
	if (!in)
		return arc_error_set(err, ARC_E_INPUT, file, where, 0, 0, "missing key \"input\"");
	if (!out && train)
		return arc_error_set(err, ARC_E_INPUT, file, where, 0, 0, "missing key \"output\"");
	snprintf(where, sizeof where, "%s %s[%zu].input", id, part, k);
	arc_status st = task_json_grid(in, &p->input, file, where, err);
	if (st)
		return st;
	p->has_output = out != NULL;
	if (!out)
		return ARC_OK;
	snprintf(where, sizeof where, "%s %s[%zu].output", id, part, k);
	return task_json_grid(out, &p->output, file, where, err);
}

/* The list of pairs under key ("train" or "test") of a task object. */
static arc_status pairs_from_json(const json_t *task, bool train, arc_pair **pairs, int *n,
                                  const char *id, const char *file, arc_error *err)
{
	const char *key = train ? "train" : "test";
	const json_t *list = json_object_get(task, key);
	char buf[64];
	if (!list)
		return arc_error_set(err, ARC_E_INPUT, file, id, 0, 0, "missing key \"%s\"", key);
	size_t m = json_is_array(list) ? json_array_size(list) : 0;
	if (m < 1)
		return arc_error_set(err, ARC_E_INPUT, file, id, 0, 0,
		                     "\"%s\" is %s, expected a list of at least one pair", key,
		                     describe(list, buf, sizeof buf));
	if (m > ARC_TASK_MAX_PAIRS)
		return arc_error_set(err, ARC_E_INPUT, file, id, 0, 0,
		                     "\"%s\" has %zu pairs, more than the limit of %d pairs", key, m,
		                     ARC_TASK_MAX_PAIRS);
	*pairs = calloc(m, sizeof **pairs);
	if (!*pairs)
		return arc_error_set(err, ARC_E_NOMEM, file, id, 0, 0, "out of memory");
	*n = (int)m;
	for (size_t k = 0; k < m; k++) {
		arc_status st = pair_from_json(json_array_get(list, k), &(*pairs)[k], train, k, id,
		                               file, err);
		if (st)
			return st;
	}
	return ARC_OK;
}

/* Builds task `id` from a task object; on failure t holds nothing. */
static arc_status task_from_json(const json_t *j, const char *id, const char *file, arc_task *t,
                                 arc_error *err)
{
	char buf[64];
	memset(t, 0, sizeof *t);
	size_t idlen = strlen(id);
	if (idlen < 1 || idlen >= sizeof t->id)
		return arc_error_set(err, ARC_E_INPUT, file, "", 0, 0,
		                     "task id of %zu bytes, expected 1 to %zu", idlen, sizeof t->id - 1);
	memcpy(t->id, id, idlen + 1);
	if (!json_is_object(j))
		return arc_error_set(err, ARC_E_INPUT, file, id, 0, 0,
		                     "found %s, expected a task object with \"train\" and \"test\"",
		                     describe(j, buf, sizeof buf));
	arc_status st = pairs_from_json(j, true, &t->train, &t->ntrain, id, file, err);
	if (!st)
		st = pairs_from_json(j, false, &t->test, &t->ntest, id, file, err);
	if (st)
		task_free(t);
	return st;
}

/* Fills t's test outputs from its Kaggle solutions entry: one grid per test input. */
static arc_status task_solutions(arc_task *t, const json_t *outs, const char *file, arc_error *err)
{
	char where[160], buf[64];
	if (!json_is_array(outs) || json_array_size(outs) != (size_t)t->ntest)
		return arc_error_set(err, ARC_E_INPUT, file, t->id, 0, 0,
		                     "found %s, expected a list of %d grid%s (one per test input)",
		                     describe(outs, buf, sizeof buf), t->ntest, t->ntest == 1 ? "" : "s");
	for (int k = 0; k < t->ntest; k++) {
		snprintf(where, sizeof where, "%s test[%d].output", t->id, k);
		arc_status st = task_json_grid(json_array_get(outs, (size_t)k), &t->test[k].output,
		                               file, where, err);
		if (st)
			return st;
		t->test[k].has_output = true;
	}
	return ARC_OK;
}

/* Parses text; a syntax error is reported with its line and column. */
static json_t *parse(const char *text, size_t len, const char *file, arc_error *err)
{
	json_error_t je;
	json_t *root = json_loadb(text, len, JSON_FLAGS, &je);
	if (!root)
		arc_error_set(err, ARC_E_INPUT, file, "", je.line > 0 ? je.line : 0,
		              je.line > 0 && je.column > 0 ? je.column : 0, "invalid JSON: %s", je.text);
	return root;
}

/* A Kaggle collection: a non-empty object without "train"/"test" (its values are meant to be
 * task objects: one that is not is reported as such, under its id). */
static bool is_collection(const json_t *root)
{
	return !json_object_get(root, "train") && !json_object_get(root, "test") &&
	       json_object_size(root) > 0;
}

typedef struct parse_state {
	task_list *out;
	arc_diag *diag;
	bool strict;
	arc_status status; /* ARC_E_INPUT once something was reported */
} parse_state;

/* Records a problem; returns true when parsing must stop (strict, or out of memory). */
static bool report(parse_state *ps, const arc_error *e)
{
	if (e->code == ARC_E_NOMEM || ps->status == ARC_OK)
		ps->status = e->code;
	if (ps->diag && arc_diag_push(ps->diag, e))
		ps->status = ARC_E_NOMEM;
	return ps->strict || ps->status == ARC_E_NOMEM;
}

static bool append(parse_state *ps, arc_task *t)
{
	task_list *l = ps->out;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		arc_task *v = realloc(l->v, cap * sizeof *v);
		if (!v) {
			arc_error e;
			task_free(t);
			arc_error_set(&e, ARC_E_NOMEM, "", t->id, 0, 0, "out of memory");
			return !report(ps, &e);
		}
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = *t;
	return true;
}

/* Builds one task, applies its solutions (sol may be NULL), appends it; false to stop. A bad
 * solutions entry costs only the outputs: the task is kept, unscored, and the problem reported. */
static bool add_task(parse_state *ps, const json_t *j, const char *id, const char *file,
                     const json_t *sol, const char *sol_file)
{
	arc_error e;
	arc_task t;
	arc_status st = task_from_json(j, id, file, &t, &e);
	if (st)
		return !report(ps, &e);
	const json_t *outs = sol ? json_object_get(sol, id) : NULL;
	if (outs && task_solutions(&t, outs, sol_file, &e)) {
		for (int k = 0; k < t.ntest; k++)
			t.test[k].has_output = false;
		size_t n = strlen(e.message);
		snprintf(e.message + n, sizeof e.message - n, "; the task is kept, unscored");
		if (report(ps, &e)) {
			task_free(&t);
			return false;
		}
	}
	return append(ps, &t);
}

/* Solutions for tasks the challenges do not have are errors. */
static void check_orphans(parse_state *ps, const json_t *root, bool collection, const char *id,
                          const json_t *sol, const char *file, const char *sol_file)
{
	const char *key;
	const json_t *v;
	json_object_foreach((json_t *)sol, key, v) {
		if (collection ? json_object_get(root, key) != NULL : !strcmp(key, id))
			continue;
		arc_error e;
		arc_error_set(&e, ARC_E_INPUT, sol_file, key, 0, 0,
		              "solutions for a task that %s does not have", file);
		if (report(ps, &e))
			return;
	}
}

arc_status task_json_parse(const char *text, size_t len, const char *file, const char *id,
                           const char *sol_text, size_t sol_len, const char *sol_file,
                           bool strict, task_list *out, arc_diag *diag)
{
	parse_state ps = {.out = out, .diag = diag, .strict = strict, .status = ARC_OK};
	arc_error e;
	char buf[64];
	json_t *root = parse(text, len, file, &e), *sol = NULL;
	if (!root) {
		report(&ps, &e);
		return ps.status;
	}
	if (!json_is_object(root)) {
		arc_error_set(&e, ARC_E_INPUT, file, "", 0, 0,
		              "found %s, expected a task object or a Kaggle challenges object",
		              describe(root, buf, sizeof buf));
		report(&ps, &e);
		goto done;
	}
	if (sol_text) {
		sol = parse(sol_text, sol_len, sol_file, &e);
		if (sol && !json_is_object(sol)) {
			arc_error_set(&e, ARC_E_INPUT, sol_file, "", 0, 0,
			              "found %s, expected a Kaggle solutions object (task id: grids)",
			              describe(sol, buf, sizeof buf));
			json_decref(sol);
			sol = NULL;
		}
		if (!sol && report(&ps, &e))
			goto done;
	}
	bool collection = is_collection(root);
	if (collection) {
		const char *key;
		const json_t *v;
		json_object_foreach(root, key, v)
			if (!add_task(&ps, v, key, file, sol, sol_file))
				goto done;
	} else if (!add_task(&ps, root, id, file, sol, sol_file)) {
		goto done;
	}
	if (sol)
		check_orphans(&ps, root, collection, id, sol, file, sol_file);
done:
	json_decref(sol);
	json_decref(root);
	return ps.status;
}
