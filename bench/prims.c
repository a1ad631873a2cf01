/* prims.c — speed of the 30 primitives arc-dsl's solvers use most, on every grid of the ARC-AGI-1
 * training tasks (inputs and outputs) and separately on the 30×30 ones: calls and ns per call.
 * With --callgrind it runs each primitive's calls once between callgrind client requests, for
 * bench/prims_callgrind.sh to turn into instructions per call.
 * Usage: prims [--callgrind] [--min-time SECONDS] [--fn NAME] [TRAINING_DIR] */
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define HAVE_CALLGRIND 1
#else
#define HAVE_CALLGRIND 0
#endif

#include "dsl.h"

/* ---- what each primitive is given ---- */

/* Arguments, derived from each grid I: objs = objects(I, T, F, T), obj = the largest of them,
 * lc = leastcolor(I), bg = mostcolor(I), idx = ofcolor(I, lc). */
typedef enum arg {
	A_NONE, A_I, A_OBJS, A_OBJ, A_IDX, A_BG, A_LC, A_OBJC, A_SHAPE, A_H, A_W, A_QUARTER, A_HALF,
	A_T, A_F, A_1, A_2, A_3, A_5, A_DOWN, A_UNITY, A_SIZE, A_TOINDICES, A_SHIFT, A_COLORCOUNT,
	A_ASTUPLE, A_HEIGHT, A_WIDTH, A_BORDERING_I, A_COUNT
} arg;

static const char *const arg_names[A_COUNT] = {
	"", "I", "objs", "obj", "idx", "bg", "lc", "color(obj)", "shape(I)", "height(I)", "width(I)",
	"(h/4, w/4)", "(h/2, w/2)", "T", "F", "1", "2", "3", "5", "DOWN", "UNITY", "size", "toindices",
	"shift", "colorcount", "astuple", "height", "width", "rbind(bordering, I)",
};

/* The 30 most used primitives of arc-dsl's solvers.py, most used first. A primitive that builds
 * a function is measured building it and calling it once on `with`. */
typedef struct recipe {
	const char *name;
	arg a[4];
	arg with;
} recipe;

static const recipe recipes[] = {
	{"fill", {A_I, A_5, A_IDX}, A_NONE},
	{"objects", {A_I, A_T, A_F, A_T}, A_NONE},
	{"paint", {A_I, A_OBJ}, A_NONE},
	{"apply", {A_TOINDICES, A_OBJS}, A_NONE},
	{"merge", {A_OBJS}, A_NONE},
	{"shift", {A_OBJ, A_UNITY}, A_NONE},
	{"rbind", {A_SHIFT, A_DOWN}, A_OBJ},
	{"compose", {A_SIZE, A_TOINDICES}, A_OBJ},
	{"colorfilter", {A_OBJS, A_OBJC}, A_NONE},
	{"argmax", {A_OBJS, A_SIZE}, A_NONE},
	{"ofcolor", {A_I, A_LC}, A_NONE},
	{"recolor", {A_3, A_OBJ}, A_NONE},
	{"mfilter", {A_OBJS, A_BORDERING_I}, A_NONE},
	{"lbind", {A_COLORCOUNT, A_I}, A_LC},
	{"fork", {A_ASTUPLE, A_HEIGHT, A_WIDTH}, A_OBJ},
	{"sizefilter", {A_OBJS, A_1}, A_NONE},
	{"first", {A_OBJS}, A_NONE},
	{"size", {A_OBJS}, A_NONE},
	{"canvas", {A_BG, A_SHAPE}, A_NONE},
	{"crop", {A_I, A_QUARTER, A_HALF}, A_NONE},
	{"box", {A_OBJ}, A_NONE},
	{"hconcat", {A_I, A_I}, A_NONE},
	{"vconcat", {A_I, A_I}, A_NONE},
	{"astuple", {A_H, A_W}, A_NONE},
	{"normalize", {A_OBJ}, A_NONE},
	{"toindices", {A_OBJ}, A_NONE},
	{"replace", {A_I, A_LC, A_BG}, A_NONE},
	{"asobject", {A_I}, A_NONE},
	{"upscale", {A_I, A_2}, A_NONE},
	{"mostcolor", {A_I}, A_NONE},
};
#define NBENCH (sizeof recipes / sizeof recipes[0])

typedef struct bcase {
	value a[4];
	value with; /* argument of the built function, or VK_NONE */
} bcase;

typedef struct bench {
	int id;         /* primitive */
	int arity;
	bcase *all;     /* one case per grid the arguments exist for */
	size_t n, cap;
	bcase *big;     /* the cases whose grid I is 30×30 */
	size_t nbig, capbig;
} bench;

static void push(bcase **v, size_t *n, size_t *cap, bcase k)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 256;
		*v = realloc(*v, *cap * sizeof **v);
		if (!*v) {
			perror("prims");
			exit(2);
		}
	}
	(*v)[(*n)++] = k;
}

/* ---- loading grids and deriving arguments ---- */

static value call(dsl_ctx *c, const char *name, value a, value b, value d, value e)
{
	return prim_table[prim_lookup(name, strlen(name))].fn(c, (value[]){a, b, d, e});
}
#define CALL1(c, name, a) call(c, name, a, v_none(), v_none(), v_none())
#define CALL2(c, name, a, b) call(c, name, a, b, v_none(), v_none())

typedef struct derive_job {
	json_t *rows;   /* the grid, as JSON */
	value v[A_COUNT];
} derive_job;

/* A grid from JSON rows (1..30 rows of 1..30 colours 0..9), and the arguments derived from it;
 * objects that are missing (a grid of one colour) stay VK_NONE. */
static value derive(dsl_ctx *c, void *ud)
{
	derive_job *d = ud;
	size_t h = json_array_size(d->rows), w = h ? json_array_size(json_array_get(d->rows, 0)) : 0;
	if (h < 1 || h > 30 || w < 1 || w > 30)
		dsl_fail(c, DSL_VALUE_ERROR, "grid of %zu x %zu", h, w);
	grid *g = grid_alloc(c, (int64_t)h, (int64_t)w);
	for (size_t i = 0; i < h; i++) {
		json_t *row = json_array_get(d->rows, i);
		if (json_array_size(row) != w)
			dsl_fail(c, DSL_VALUE_ERROR, "ragged grid");
		for (size_t j = 0; j < w; j++) {
			json_int_t x = json_integer_value(json_array_get(row, j));
			if (!json_is_integer(json_array_get(row, j)) || x < 0 || x > 9)
				dsl_fail(c, DSL_VALUE_ERROR, "bad colour");
			g->cell[i * w + j] = (int8_t)x;
		}
	}
	value *v = d->v, I = v_grid(g);
	for (int k = 0; k < A_COUNT; k++)
		v[k] = v_none();
	v[A_I] = I;
	v[A_BG] = CALL1(c, "mostcolor", I);
	v[A_LC] = CALL1(c, "leastcolor", I);
	v[A_IDX] = CALL2(c, "ofcolor", I, v[A_LC]);
	v[A_SHAPE] = v_pair((int32_t)h, (int32_t)w);
	v[A_H] = v_int((int32_t)h);
	v[A_W] = v_int((int32_t)w);
	v[A_QUARTER] = v_pair((int32_t)h / 4, (int32_t)w / 4);
	v[A_HALF] = v_pair(((int32_t)h + 1) / 2, ((int32_t)w + 1) / 2);
	v[A_T] = v_bool(true);
	v[A_F] = v_bool(false);
	v[A_1] = v_int(1);
	v[A_2] = v_int(2);
	v[A_3] = v_int(3);
	v[A_5] = v_int(5);
	v[A_DOWN] = v_pair(1, 0);
	v[A_UNITY] = v_pair(1, 1);
	v[A_SIZE] = v_prim(PRIM_size);
	v[A_TOINDICES] = v_prim(PRIM_toindices);
	v[A_SHIFT] = v_prim(PRIM_shift);
	v[A_COLORCOUNT] = v_prim(PRIM_colorcount);
	v[A_ASTUPLE] = v_prim(PRIM_astuple);
	v[A_HEIGHT] = v_prim(PRIM_height);
	v[A_WIDTH] = v_prim(PRIM_width);
	v[A_BORDERING_I] = CALL2(c, "rbind", v_prim(PRIM_bordering), I);
	value objs = call(c, "objects", I, v_bool(true), v_bool(false), v_bool(true));
	if (val_truthy(objs)) {
		v[A_OBJS] = objs;
		v[A_OBJ] = CALL2(c, "argmax", objs, v_prim(PRIM_size));
		v[A_OBJC] = CALL1(c, "color", v[A_OBJ]);
	}
	return I;
}

typedef struct trial_job {
	const bcase *k;
	const bench *b;
} trial_job;

/* A case is kept only if the call succeeds: the timed loops run without protection. */
static value trial(dsl_ctx *c, void *ud)
{
	const trial_job *t = ud;
	value r = prim_table[t->b->id].fn(c, t->k->a);
	return t->k->with.kind == VK_NONE ? r : dsl_call1(c, r, t->k->with);
}

static void add_grid(dsl_ctx *c, bench *benches, json_t *rows, size_t *grids)
{
	derive_job d = {.rows = rows};
	value out;
	if (!dsl_run(c, derive, &d, &out))
		return;
	(*grids)++;
	bool is30 = out.g->h == 30 && out.g->w == 30;
	for (size_t b = 0; b < NBENCH; b++) {
		bcase k = {.with = d.v[recipes[b].with]};
		bool have = recipes[b].with == A_NONE || k.with.kind != VK_NONE;
		for (int q = 0; q < benches[b].arity; q++) {
			k.a[q] = d.v[recipes[b].a[q]];
			have = have && k.a[q].kind != VK_NONE;
		}
		size_t mark = arena_mark(c->mem);
		trial_job t = {&k, &benches[b]};
		bool ok = have && dsl_run(c, trial, &t, &out);
		arena_reset(c->mem, mark);
		if (!ok)
			continue;
		push(&benches[b].all, &benches[b].n, &benches[b].cap, k);
		if (is30)
			push(&benches[b].big, &benches[b].nbig, &benches[b].capbig, k);
	}
}

static int cmp_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Every grid of every task file in dir, in file-name order. Returns the number of grids. */
static size_t load(dsl_ctx *c, const char *dir, bench *benches)
{
	DIR *dp = opendir(dir);
	if (!dp)
		return 0;
	char **names = NULL;
	size_t n = 0, grids = 0;
	for (struct dirent *e; (e = readdir(dp));) {
		size_t len = strlen(e->d_name);
		if (len > 5 && !strcmp(e->d_name + len - 5, ".json")) {
			names = realloc(names, (n + 1) * sizeof *names);
			names[n++] = strdup(e->d_name);
		}
	}
	closedir(dp);
	qsort(names, n, sizeof *names, cmp_names);
	for (size_t f = 0; f < n; f++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, names[f]);
		json_error_t err;
		json_t *task = json_load_file(path, 0, &err);
		if (!task)
			fprintf(stderr, "prims: %s:%d: %s\n", path, err.line, err.text);
		static const char *const splits[] = {"train", "test"}, *const sides[] = {"input", "output"};
		for (int s = 0; task && s < 2; s++) {
			json_t *pairs = json_object_get(task, splits[s]);
			for (size_t p = 0; p < json_array_size(pairs); p++)
				for (int q = 0; q < 2; q++) {
					json_t *rows = json_object_get(json_array_get(pairs, p), sides[q]);
					if (rows)
						add_grid(c, benches, rows, &grids);
				}
		}
		json_decref(task);
		free(names[f]);
	}
	free(names);
	return grids;
}

/* ---- timing ---- */

static uint64_t now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

typedef struct loop_job {
	const bench *b;
	const bcase *cases;
	size_t n, reps;
	uint64_t sink; /* keeps the results alive */
} loop_job;

/* reps passes over the cases, the arena reset after each call. */
static value run_loop(dsl_ctx *c, void *ud)
{
	loop_job *j = ud;
	prim_fn fn = prim_table[j->b->id].fn;
	size_t mark = arena_mark(c->mem);
	for (size_t r = 0; r < j->reps; r++)
		for (size_t k = 0; k < j->n; k++) {
			arena_reset(c->mem, mark);
			c->steps = 0;
			value out = fn(c, j->cases[k].a);
			if (j->cases[k].with.kind != VK_NONE)
				out = dsl_call1(c, out, j->cases[k].with);
			j->sink += out.kind;
		}
	arena_reset(c->mem, mark);
	return v_none();
}

static void loop(dsl_ctx *c, loop_job *j)
{
	value out;
	if (!dsl_run(c, run_loop, j, &out)) {
		fprintf(stderr, "prims: %s failed in the timed loop: %s\n", prim_table[j->b->id].name, c->msg);
		exit(1);
	}
}

#define ROUNDS 20

/* ns per call over the cases: the best of ROUNDS timed rounds, each repeating the cases for
 * about min_s / ROUNDS seconds (the minimum is what other load on the machine disturbs least);
 * *calls receives the number of calls timed in all. */
static double time_cases(dsl_ctx *c, const bench *b, const bcase *cases, size_t n, double min_s, size_t *calls)
{
	*calls = 0;
	if (!n)
		return 0;
	loop_job j = {b, cases, n, 1, 0};
	uint64_t t0 = now_ns();
	loop(c, &j); /* warm-up, and a first guess of the repetitions a round needs */
	double once = (double)(now_ns() - t0);
	j.reps = (size_t)(min_s * 1e9 / ROUNDS / (once > 1 ? once : 1)) + 1;
	double best = 0;
	for (int r = 0; r < ROUNDS; r++) {
		t0 = now_ns();
		loop(c, &j);
		double ns = (double)(now_ns() - t0) / (double)(j.reps * n);
		best = r == 0 || ns < best ? ns : best;
		*calls += j.reps * n;
	}
	return best;
}

/* One pass over the cases between callgrind requests: a dump named after the primitive. */
static void count_cases(dsl_ctx *c, const bench *b, const bcase *cases, size_t n, const char *label)
{
	loop_job j = {b, cases, n, 1, 0};
#if HAVE_CALLGRIND
	CALLGRIND_TOGGLE_COLLECT;
	loop(c, &j);
	CALLGRIND_TOGGLE_COLLECT;
	CALLGRIND_DUMP_STATS_AT(label);
#else
	(void)label;
	loop(c, &j);
#endif
}

static void describe(const recipe *r, int arity, char *buf, size_t cap)
{
	size_t at = (size_t)snprintf(buf, cap, "%s(", r->name);
	for (int q = 0; q < arity && at < cap; q++)
		at += (size_t)snprintf(buf + at, cap - at, "%s%s", q ? ", " : "", arg_names[r->a[q]]);
	if (at < cap)
		snprintf(buf + at, cap - at, r->with == A_NONE ? ")" : ")(%s)", arg_names[r->with]);
}

int main(int argc, char **argv)
{
	bool callgrind = false;
	double min_s = 0.2;
	const char *dir = NULL, *only = NULL;
	for (int k = 1; k < argc; k++) {
		if (!strcmp(argv[k], "--fn") && k + 1 < argc) {
			only = argv[++k];
		} else if (!strcmp(argv[k], "--callgrind")) {
			callgrind = true;
		} else if (!strcmp(argv[k], "--min-time") && k + 1 < argc) {
			min_s = atof(argv[++k]);
		} else if (argv[k][0] == '-') {
			bool help = !strcmp(argv[k], "--help");
			fprintf(help ? stdout : stderr,
			        "usage: prims [--callgrind] [--min-time SECONDS] [--fn NAME] [TRAINING_DIR]\n"
			        "Times the 30 most used arc-dsl primitives on every grid of the ARC-AGI-1\n"
			        "training tasks (default data/arc-agi-1/training, else\n"
			        "../shared/data/arc-agi-1/training). --callgrind runs each once for\n"
			        "bench/prims_callgrind.sh. --fn measures only that primitive.\n");
			return help ? 0 : 1;
		} else {
			dir = argv[k];
		}
	}
	if (callgrind && !HAVE_CALLGRIND) {
		fprintf(stderr, "prims: built without valgrind/callgrind.h\n");
		return 1;
	}
	arena mem;
	if (arena_init(&mem, (size_t)1 << 30)) {
		fprintf(stderr, "prims: no memory for the arena\n");
		return 2;
	}
	dsl_ctx c;
	dsl_ctx_init(&c, &mem);
	bench benches[NBENCH] = {{0}};
	for (size_t b = 0; b < NBENCH; b++) {
		benches[b].id = prim_lookup(recipes[b].name, strlen(recipes[b].name));
		benches[b].arity = prim_table[benches[b].id].arity;
	}
	size_t grids = 0;
	const char *tried[] = {dir, "data/arc-agi-1/training", "../shared/data/arc-agi-1/training"};
	for (size_t k = dir ? 0 : 1; k < 3 && !grids; k++) {
		dir = tried[k];
		grids = load(&c, dir, benches);
		if (tried[0])
			break;
	}
	if (!grids) {
		fprintf(stderr, "prims: no task grids found in %s\n", dir);
		return 1;
	}
	printf("%zu grids from %s\n", grids, dir);
	printf("%-12s %9s %10s %9s %12s  %s\n", "primitive", "calls", "ns/call", "calls30", "ns/call30",
	       "arguments (per grid I; ns: best of 20 rounds; 30: 30x30 grids only)");
#if HAVE_CALLGRIND
	if (callgrind)
		CALLGRIND_START_INSTRUMENTATION;
#endif
	for (size_t b = 0; b < NBENCH; b++) {
		bench *x = &benches[b];
		char what[160], label[64];
		if (only && strcmp(only, recipes[b].name)) {
			free(x->all);
			free(x->big);
			continue;
		}
		describe(&recipes[b], x->arity, what, sizeof what);
		if (callgrind) {
			count_cases(&c, x, x->all, x->n, recipes[b].name);
			snprintf(label, sizeof label, "%s@30", recipes[b].name);
			count_cases(&c, x, x->big, x->nbig, label);
			printf("%-12s %9zu %10s %9zu %12s  %s\n", recipes[b].name, x->n, "-", x->nbig, "-", what);
		} else {
			size_t calls, calls30;
			double ns = time_cases(&c, x, x->all, x->n, min_s, &calls);
			double ns30 = time_cases(&c, x, x->big, x->nbig, min_s / 4, &calls30);
			printf("%-12s %9zu %10.1f %9zu %12.1f  %s\n", recipes[b].name, calls, ns, calls30, ns30, what);
		}
		fflush(stdout);
		free(x->all);
		free(x->big);
	}
	arena_free(&mem);
	return 0;
}
