/* conformance.c — runs every vector of the given files (dsl-vectors.jsonl, DSL.md 1;
 * dsl-vectors-tuple-patches.jsonl, DSL.md 1.4) through our primitives and compares with the
 * reference: `canon_out`/`canon_error` where present (the reference's result there depends on
 * CPython's hash order; we follow the canonical-order rule of DSL.md 8), else `out`/`error`.
 * Prints the failures and the counts of each file, and ends with "N passed, N failed" summed
 * over the files.
 * Usage: conformance FILE... [--fn NAME]... [--family F] [-v] [--list-canon] [--max-show N] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dsl.h"
#include "value_json.h"

#define USAGE "usage: conformance FILE... [--fn NAME]... [--family F] [-v] [--list-canon] [--max-show N]\n"

typedef struct decode_job {
	json_t *args;     /* array of encoded arguments */
	value out[4];
	int n;
} decode_job;

static value decode_args(dsl_ctx *c, void *ud)
{
	decode_job *d = ud;
	d->n = (int)json_array_size(d->args);
	if (d->n > 4)
		dsl_fail(c, DSL_VALUE_ERROR, "too many arguments");
	for (int k = 0; k < d->n; k++)
		d->out[k] = value_decode(c, json_array_get(d->args, (size_t)k));
	return v_none();
}

typedef struct decode_one {
	json_t *j;
} decode_one;

static value decode_value(dsl_ctx *c, void *ud) { return value_decode(c, ((decode_one *)ud)->j); }

typedef struct options {
	const char *family;      /* only this family's primitives, or NULL */
	bool want[PRIM_COUNT];   /* with any_fn: only these primitives */
	bool any_fn, verbose, list_canon;
	int max_show;            /* failures shown per primitive and file (all with verbose) */
} options;

typedef struct tally {
	long passed, failed;
	long canon;        /* checked against canon_out/canon_error */
	long kind_differs; /* expected errors where ours has another exception name */
} tally;

/* Runs the vectors of one file: its failures, its primitives with failures and its counts go to
 * stdout, and are added to *t. Returns false when the file cannot be read. */
static bool run_file(const char *path, const options *o, dsl_ctx *c, tally *t)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		perror(path);
		return false;
	}
	static int per_pass[PRIM_COUNT], per_fail[PRIM_COUNT];
	memset(per_pass, 0, sizeof per_pass);
	memset(per_fail, 0, sizeof per_fail);
	arena *mem = c->mem;
	char *line = NULL;
	size_t cap = 0;
	long lineno = 0, passed = 0, failed = 0, canon = 0, kind_differs = 0;
	ssize_t len;
	char got[600], exp[600];
	while ((len = getline(&line, &cap, f)) > 0) {
		lineno++;
		json_error_t jerr;
		json_t *root = json_loadb(line, (size_t)len, 0, &jerr);
		if (!root) {
			fprintf(stderr, "%s:%ld: %s\n", path, lineno, jerr.text);
			failed++;
			continue;
		}
		json_t *fn = json_object_get(root, "fn");
		int id = json_is_string(fn) ? prim_lookup(json_string_value(fn), json_string_length(fn)) : -1;
		if (id < 0) {
			fprintf(stderr, "%s:%ld: unknown primitive\n", path, lineno);
			failed++;
			json_decref(root);
			continue;
		}
		if ((o->any_fn && !o->want[id]) || (o->family && strcmp(o->family, prim_table[id].family))) {
			json_decref(root);
			continue;
		}
		arena_reset(mem, 0);
		c->steps = 0;
		c->next_clock = 4096;
		c->step_limit = 50u * 1000 * 1000;
		c->mem_limit = (size_t)256 << 20;

		json_t *exp_out = json_object_get(root, "canon_out");
		json_t *exp_err = json_object_get(root, "canon_error");
		bool is_canon = exp_out || exp_err;
		if (!is_canon) {
			exp_out = json_object_get(root, "out");
			exp_err = json_object_get(root, "error");
		}
		canon += is_canon;
		if (is_canon && o->list_canon) {
			char *s = json_dumps(root, JSON_COMPACT);
			printf("canonical-order rule (reference result depends on CPython's hash order): %s\n", s);
			free(s);
		}

		const char *problem = NULL;
		decode_job args = {.args = json_object_get(root, "args")};
		value result = v_none(), expected = v_none();
		bool ok = dsl_run(c, decode_args, &args, &result);
		if (!ok) {
			problem = "arguments do not decode";
		} else {
			ok = dsl_protect(c, v_prim(id), args.out, args.n, &result);
			json_t *cw = json_object_get(root, "call_with");
			if (ok && cw) {
				decode_job more = {.args = cw};
				if (!dsl_run(c, decode_args, &more, &expected))
					problem = "call_with does not decode";
				else
					ok = dsl_protect(c, result, more.out, more.n, &result);
			}
		}
		dsl_err our_err = ok ? DSL_OK : c->err;
		if (!problem && exp_err) {
			if (ok)
				problem = "expected an error, got a value";
			else if (strcmp(dsl_err_name(our_err), json_string_value(exp_err)) != 0)
				kind_differs++;
		} else if (!problem) {
			decode_one d = {exp_out};
			if (!ok)
				problem = "failed";
			else if (!dsl_run(c, decode_value, &d, &expected))
				problem = "expected value does not decode";
			else if (!val_eq(result, expected))
				problem = "wrong value";
		}
		if (problem) {
			failed++;
			per_fail[id]++;
			if (o->verbose || per_fail[id] <= o->max_show) {
				if (ok)
					value_repr(result, got, sizeof got);
				else
					snprintf(got, sizeof got, "%s: %s", dsl_err_name(our_err), c->msg);
				char *s = json_dumps(root, JSON_COMPACT);
				if (exp_err)
					snprintf(exp, sizeof exp, "%s", json_string_value(exp_err));
				else
					value_repr(expected, exp, sizeof exp);
				printf("FAIL %s:%ld %s (%s)\n  vector:   %.600s\n  expected: %s\n  got:      %s\n",
				       path, lineno, prim_table[id].name, problem, s, exp, got);
				free(s);
			}
		} else {
			passed++;
			per_pass[id]++;
		}
		json_decref(root);
	}
	free(line);
	fclose(f);

	printf("%s:\n", path);
	for (int k = 0; k < PRIM_COUNT; k++)
		if (per_fail[k])
			printf("  %-14s %d passed, %d failed\n", prim_table[k].name, per_pass[k], per_fail[k]);
	printf("  %ld passed, %ld failed (%ld checked by the canonical-order rule, %ld expected errors "
	       "with another exception name)\n", passed, failed, canon, kind_differs);
	t->passed += passed;
	t->failed += failed;
	t->canon += canon;
	t->kind_differs += kind_differs;
	return true;
}

int main(int argc, char **argv)
{
	static options o = {.max_show = 5};
	const char *paths[16];
	int npaths = 0;
	for (int k = 1; k < argc; k++) {
		if (!strcmp(argv[k], "--fn") && k + 1 < argc) {
			int id = prim_lookup(argv[k + 1], strlen(argv[k + 1]));
			if (id < 0) {
				fprintf(stderr, "conformance: unknown primitive '%s'\n", argv[k + 1]);
				return 2;
			}
			o.want[id] = o.any_fn = true;
			k++;
		} else if (!strcmp(argv[k], "--family") && k + 1 < argc) {
			o.family = argv[++k];
		} else if (!strcmp(argv[k], "--max-show") && k + 1 < argc) {
			o.max_show = atoi(argv[++k]);
		} else if (!strcmp(argv[k], "-v")) {
			o.verbose = true;
		} else if (!strcmp(argv[k], "--list-canon")) {
			o.list_canon = true;
		} else if (argv[k][0] != '-' && npaths < (int)(sizeof paths / sizeof paths[0])) {
			paths[npaths++] = argv[k];
		} else {
			fprintf(stderr, USAGE);
			return 2;
		}
	}
	if (!npaths) {
		fprintf(stderr, USAGE);
		return 2;
	}
	arena mem;
	if (arena_init(&mem, (size_t)1 << 30)) {
		fprintf(stderr, "conformance: no memory for the arena\n");
		return 2;
	}
	dsl_ctx c;
	dsl_ctx_init(&c, &mem);
	tally t = {0};
	bool read = true;
	for (int k = 0; k < npaths; k++)
		read = run_file(paths[k], &o, &c, &t) && read;
	arena_free(&mem);

	printf("%ld checked by the canonical-order rule (canon_out/canon_error: the reference's result "
	       "depends on CPython's hash order; --list-canon lists them)\n", t.canon);
	printf("%ld expected errors where ours has another exception name (allowed, DSL.md 1)\n", t.kind_differs);
	printf("%ld passed, %ld failed\n", t.passed, t.failed);
	return t.failed || !read ? 1 : 0;
}
