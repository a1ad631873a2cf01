/* opvectors.h — the conformance vectors (dsl-vectors.jsonl) of the one-primitive grid program
 * ops (rot90 ... switch) whose inputs are 1..30 grids and whose parameters are in the op's
 * range, as (program, input, expected result or failure). Shared by test_gprog (the CPU) and
 * the CUDA tests. No cmocka. */
#ifndef ARC_TEST_OPVECTORS_H
#define ARC_TEST_OPVECTORS_H

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "arcbatt.h"
#include "gprog.h"

#define OPVECTORS_FILE "tests/conformance/dsl-vectors.jsonl"

typedef struct opvector {
	gprog p;       /* one op */
	arc_grid in;
	bool ok;       /* the reference gives a 1..30 grid (want); otherwise it fails or gives none */
	arc_grid want;
} opvector;

/* {"grid": [[...], ...]} as a 1..30 x 1..30 grid of colours 0..9; false otherwise. */
static inline bool opvector_grid(json_t *v, arc_grid *g)
{
	json_t *rows = json_object_get(v, "grid");
	size_t h = json_array_size(rows), w = h ? json_array_size(json_array_get(rows, 0)) : 0;
	if (!rows || h < 1 || h > 30 || w < 1 || w > 30)
		return false;
	g->h = (uint8_t)h, g->w = (uint8_t)w;
	for (size_t i = 0; i < h; i++) {
		json_t *row = json_array_get(rows, i);
		if (json_array_size(row) != w)
			return false;
		for (size_t j = 0; j < w; j++) {
			json_t *c = json_array_get(row, j);
			if (!json_is_integer(c) || json_integer_value(c) < 0 || json_integer_value(c) > 9)
				return false;
			g->cell[i * w + j] = (uint8_t)json_integer_value(c);
		}
	}
	return true;
}

static inline bool opvector_int(json_t *v, int *x)
{
	json_t *i = json_object_get(v, "int");
	if (!json_is_integer(i) || json_integer_value(i) < -128 || json_integer_value(i) > 127)
		return false;
	*x = (int)json_integer_value(i);
	return true;
}

/* The usable vectors of the file (malloc'd, *n of them); NULL when it cannot be read. The
 * expected value is canon_out/canon_error where present, else out/error. */
static inline opvector *opvectors_load(const char *path, size_t *n)
{
	*n = 0;
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	opvector *v = NULL;
	char *line = NULL;
	size_t cap = 0;
	*n = 0;
	while (getline(&line, &cap, f) > 0) {
		json_t *j = json_loads(line, 0, NULL);
		int code = gop_lookup(json_string_value(json_object_get(j, "fn")));
		json_t *args = json_object_get(j, "args");
		int nargs = (int)json_array_size(args), a = 0, b = 0;
		opvector x = {{0}, {0}, false, {0}};
		bool usable = code >= 0 && code <= GOP_switch &&
		              opvector_grid(json_array_get(args, 0), &x.in) &&
		              (nargs < 2 || opvector_int(json_array_get(args, 1), &a)) &&
		              (nargs < 3 || opvector_int(json_array_get(args, 2), &b));
		x.p.n = 1;
		x.p.op[0].code = (uint8_t)code, x.p.op[0].a = (int8_t)a, x.p.op[0].b = (int8_t)b;
		if (usable && gprog_valid(&x.p)) {
			json_t *o = json_object_get(j, "canon_out");
			if (!o && !json_object_get(j, "canon_error"))
				o = json_object_get(j, "out");
			x.ok = o && opvector_grid(o, &x.want);
			opvector *nv = (opvector *)realloc(v, (*n + 1) * sizeof *v);
			if (!nv)
				abort();
			v = nv;
			v[(*n)++] = x;
		}
		json_decref(j);
	}
	free(line);
	fclose(f);
	return v;
}

#endif
