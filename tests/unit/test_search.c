/* test_search.c — the search: the canonical text of grid programs (parsed back to the same
 * body), observational equivalence (equal result vectors are one candidate, the smallest
 * program kept), node and memory budgets, the same candidates for any batch size and backend
 * thread count, the same run for any thread count, augmentation (a layer's programs on the
 * transformed task conjugated back), recolor, compose (stacks of three pieces, transparent at 0
 * or at the background) and objmap on small tasks, and the round trip of everything found on
 * bundled tasks (two of them solved through augmentation; objmap on all of them): each text, run by the DSL evaluator, gives a grid on every input and exactly the train
 * pairs and closeness the search reported. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arcbatt.h"
#include "backend/backend.h"
#include "program.h"
#include "search.h"
#include "search_grid.h"

#define DATA "data/arc-agi-1/training"

static arc_taskset *ts;
static backend *be1, *be2;

static int setup(void **state)
{
	(void)state;
	arc_error err;
	if (arc_taskset_load(DATA, &(arc_load_opts){0}, &ts, NULL) != ARC_OK)
		return -1;
	if (backend_open(&(backend_opts){.kind = ARC_BACKEND_CPU, .threads = 1}, &be1, NULL, 0,
	                 &err) ||
	    backend_open(&(backend_opts){.kind = ARC_BACKEND_CPU, .threads = 2}, &be2, NULL, 0, &err))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	backend_close(be1);
	backend_close(be2);
	arc_taskset_free(ts);
	return 0;
}

/* The canonical body of text's one program (parse_programs, then program_body). */
static char *canonical(const char *text, size_t *ninstr)
{
	strbuf src = {0};
	sb_printf(&src, "def p(I):\n%s", text);
	program *p = NULL;
	size_t np = 0;
	long errs = parse_programs("t", src.s, src.n, &p, &np, NULL);
	sb_free(&src);
	if (errs || np != 1)
		fail_msg("does not parse:\n%s", text);
	strbuf sb = {0};
	program_body(p[0].ins, p[0].n, p[0].out, &sb);
	*ninstr = p[0].n;
	program_free(&p[0]);
	free(p);
	return sb.s;
}

static void text_is_canonical(void **state)
{
	(void)state;
	size_t nv = gop_variants(NULL, 0);
	gprog_op *v = malloc(nv * sizeof *v);
	gop_variants(v, nv);
	for (size_t k = 0; k < nv; k++) {
		/* every variant alone, and after and before two others */
		gprog ps[3] = {{.n = 1, .op = {v[k]}}, {.n = 3, .op = {v[(k * 7) % nv], v[k], v[(k * 13) % nv]}},
		               {.n = 2, .op = {v[k], v[(k + 1) % nv]}}};
		for (int j = 0; j < 3; j++) {
			char *text;
			uint32_t size;
			assert_true(search_gprog_text(&ps[j], &text, &size));
			size_t n;
			char *c = canonical(text, &n);
			assert_string_equal(c, text);
			assert_int_equal(n, size);
			free(c);
			free(text);
		}
	}
	free(v);
}

/* A task of 3 train pairs and a test pair whose outputs are grid program p of the inputs. */
static void gprog_task(arc_task *t, arc_pair *pairs, const gprog *p)
{
	static const uint8_t shapes[4][2] = {{3, 4}, {5, 2}, {4, 4}, {2, 6}};
	*t = (arc_task){.train = pairs, .test = pairs + 3, .ntrain = 3, .ntest = 1};
	snprintf(t->id, sizeof t->id, "gprog");
	uint32_t x = 12345;
	for (int k = 0; k < 4; k++) {
		arc_grid *in = &pairs[k].input, *out = &pairs[k].output;
		in->h = shapes[k][0], in->w = shapes[k][1];
		int n = in->h * in->w;
		for (int c = 0; c < n; c++) {
			x = x * 1103515245u + 12345u;
			in->cell[c] = (uint8_t)((x >> 16) % 4);
		}
		assert_true(gprog_apply(p, in, out));
		pairs[k].has_output = true;
	}
}

static void rot180_task(arc_task *t, arc_pair *pairs)
{
	gprog_task(t, pairs, &(gprog){.n = 1, .op = {{.code = GOP_rot180}}});
}

/* Outcomes of text on every input of t (train then test). */
static void run_text(const char *text, const arc_task *t, arc_outcome *out)
{
	strbuf sb = {0};
	sb_printf(&sb, "def solve_x(I):\n%s", text);
	arc_battery *b = arc_battery_new();
	assert_int_equal(arc_battery_add_text(b, "t", sb.s, sb.n, true, NULL), ARC_OK);
	sb_free(&sb);
	arc_limits lim = ARC_LIMITS_DEFAULT;
	arc_evaluator *ev = arc_evaluator_new(b, &lim);
	for (int k = 0; k < t->ntrain + t->ntest; k++) {
		const arc_grid *in = k < t->ntrain ? &t->train[k].input : &t->test[k - t->ntrain].input;
		assert_int_equal(arc_evaluator_run(ev, in, NULL, &out[k]), ARC_OK);
	}
	arc_evaluator_free(ev);
	arc_battery_free(b);
}

static void equal_values_are_one(void **state)
{
	(void)state;
	arc_pair pairs[4];
	arc_task t;
	rot180_task(&t, pairs);
	arc_search_opts o = ARC_SEARCH_DEFAULT;
	o.max_depth = 2;
	o.nodes = UINT64_MAX;
	o.keep = 50;
	o.features &= ~(unsigned)ARC_SEARCH_STOP; /* past the depth that solves it */
	search_cand *c;
	size_t n;
	arc_search_stats st = {0};
	arc_error err;
	assert_int_equal(search_task(&t, &o, be1, 0, &c, &n, &st, &err), ARC_OK);
	/* rot180, rot90 rot90, hmirror vmirror, ...: one value, the one-op program kept */
	if (n < 2)
		fail_msg("%zu candidates, %llu evaluated, %llu distinct, memory %llu", n,
		         (unsigned long long)st.evaluated, (unsigned long long)st.distinct,
		         (unsigned long long)st.memory_hit);
	assert_string_equal(c[0].text, "    O = rot180(I)\n    return O\n");
	assert_int_equal(c[0].train_exact, 3);
	assert_int_equal(st.depth, 2);
	assert_true(st.distinct > 0 && st.distinct < st.evaluated);
	/* no two candidates give the same grids on every input */
	arc_outcome (*out)[4] = calloc(n, sizeof *out);
	for (size_t i = 0; i < n; i++) {
		run_text(c[i].text, &t, out[i]);
		for (size_t j = 0; j < i; j++) {
			bool same = true;
			for (int k = 0; k < 4; k++)
				same &= arc_grid_equal(&out[i][k].grid, &out[j][k].grid);
			if (same)
				fail_msg("equal values kept twice:\n%s\n%s", c[j].text, c[i].text);
		}
	}
	free(out);
	search_cands_free(c, n);
}

static void budgets_end_the_search(void **state)
{
	(void)state;
	arc_pair pairs[4];
	arc_task t;
	rot180_task(&t, pairs);
	arc_search_opts o = ARC_SEARCH_DEFAULT;
	o.nodes = 100;
	o.features &= ~(unsigned)ARC_SEARCH_STOP; /* budgets alone end it */
	search_cand *c;
	size_t n;
	arc_search_stats st = {0};
	arc_error err;
	assert_int_equal(search_task(&t, &o, be1, 0, &c, &n, &st, &err), ARC_OK);
	assert_int_equal(st.evaluated, 100);
	assert_int_equal(st.memory_hit, 0);
	search_cands_free(c, n);
	/* a cap of 256 KiB of tables ends the search, not the caller */
	o.nodes = UINT64_MAX;
	o.memory = 256 << 10;
	st = (arc_search_stats){0};
	if (search_task(&t, &o, be1, 0, &c, &n, &st, &err) != ARC_OK)
		fail_msg("%s", err.message);
	assert_int_equal(st.memory_hit, 1);
	assert_true(st.distinct > 0);
	search_cands_free(c, n);
}

static void same_candidates_any_batch(void **state)
{
	(void)state;
	for (size_t i = 0; i < 12; i++) {
		const arc_task *t = arc_taskset_get(ts, i * 31);
		arc_search_opts o = ARC_SEARCH_DEFAULT;
		o.nodes = 6000;
		o.features &= ~(unsigned)ARC_SEARCH_STOP; /* every budget spent */
		search_cand *c[3];
		size_t n[3];
		size_t items[3] = {0, 1, 100000};
		backend *bes[3] = {be1, be1, be2};
		arc_error err;
		for (int k = 0; k < 3; k++) {
			arc_search_stats st = {0};
			o.batch_items = items[k];
			assert_int_equal(search_task(t, &o, bes[k], 0, &c[k], &n[k], &st, &err), ARC_OK);
			assert_int_equal(st.evaluated, 6000);
		}
		assert_true(search_cands_same(c[0], n[0], c[1], n[1]));
		assert_true(search_cands_same(c[0], n[0], c[2], n[2]));
		for (int k = 0; k < 3; k++)
			search_cands_free(c[k], n[k]);
	}
}

/* The hash-first path (a CPU backend standing for a device) against the exact path: the same
 * candidates and counts for any batch size, also where vectors share hashes (narrowed to 10
 * bits, so that chunks are redone on the exact path), and under a memory cap. */
static void hash_first_same_as_exact(void **state)
{
	(void)state;
	backend *dev;
	arc_error err;
	assert_int_equal(backend_open(&(backend_opts){.kind = ARC_BACKEND_CPU, .threads = 1,
	                                              .as_device = true},
	                              &dev, NULL, 0, &err),
	                 ARC_OK);
	assert_true(backend_on_device(dev, 1) && !backend_on_device(be1, 1 << 20));
	uint64_t memory_hits = 0;
	for (size_t i = 0; i < 16; i++) {
		const arc_task *t = arc_taskset_get(ts, i * 23 + 5);
		arc_search_opts o = ARC_SEARCH_DEFAULT;
		o.nodes = 6000;
		o.features &= ~(unsigned)ARC_SEARCH_ENUM;
		if (i % 4 == 3) /* the memory cap ends some of these */
			o.memory = (size_t)1 << 17;
		search_cand *c0, *c;
		size_t n0, n;
		arc_search_stats s0 = {0};
		assert_int_equal(search_task(t, &o, be1, 0, &c0, &n0, &s0, &err), ARC_OK);
		static const size_t items[3] = {0, 1, 5000};
		static const unsigned bits[2] = {64, 10};
		for (int k = 0; k < 6; k++) {
			arc_search_stats s1 = {0};
			o.batch_items = items[k % 3];
			search_grid_hash_bits = bits[k / 3];
			assert_int_equal(search_task(t, &o, dev, 0, &c, &n, &s1, &err), ARC_OK);
			search_grid_hash_bits = 64;
			assert_true(search_cands_same(c0, n0, c, n));
			assert_int_equal(s1.evaluated, s0.evaluated);
			assert_int_equal(s1.distinct, s0.distinct);
			assert_int_equal(s1.memory_hit, s0.memory_hit);
			search_cands_free(c, n);
		}
		search_cands_free(c0, n0);
		memory_hits += s0.memory_hit;
	}
	assert_true(memory_hits > 0);
	backend_close(dev);
}

/* ARC_SEARCH_STOP: a task solved at depth 1 ends there, with the program that solves it, on
 * fewer candidates than the whole budget. */
static void stop_ends_once_solved(void **state)
{
	(void)state;
	arc_pair pairs[4];
	arc_task t;
	rot180_task(&t, pairs);
	arc_search_opts o = ARC_SEARCH_DEFAULT;
	o.nodes = 50000;
	o.features &= ~(unsigned)ARC_SEARCH_ENUM; /* the grid layer alone */
	search_cand *c;
	size_t n;
	arc_error err;
	for (int stop = 1; stop >= 0; stop--) {
		arc_search_stats st = {0};
		if (!stop)
			o.features &= ~(unsigned)ARC_SEARCH_STOP;
		assert_int_equal(search_task(&t, &o, be1, 0, &c, &n, &st, &err), ARC_OK);
		assert_true(n > 0);
		assert_string_equal(c[0].text, "    O = rot180(I)\n    return O\n");
		assert_true(stop ? st.depth == 1 : st.depth > 1);
		if (stop)
			assert_true(st.evaluated > 0 && st.evaluated < o.nodes);
		else
			assert_int_equal(st.evaluated, o.nodes);
		search_cands_free(c, n);
	}
}

/* The search alone (-b none) on 24 tasks: the same ranking and predictions on 1 and 2 threads. */
static void same_run_any_threads(void **state)
{
	(void)state;
	size_t idx[24];
	for (size_t i = 0; i < 24; i++)
		idx[i] = i * 16;
	arc_run *r[2];
	arc_battery *b[2];
	for (int k = 0; k < 2; k++) {
		arc_run_opts o = {.limits = ARC_LIMITS_DEFAULT, .threads = (size_t)k + 1,
		                  .backend = ARC_BACKEND_CPU, .search = ARC_SEARCH_DEFAULT};
		o.search.nodes = 5000;
		arc_error err;
		b[k] = arc_battery_new();
		assert_int_equal(arc_run_search(b[k], ts, idx, 24, &o, &r[k], &err), ARC_OK);
	}
	assert_int_equal(arc_battery_count(b[0]), arc_battery_count(b[1]));
	assert_true(arc_battery_count(b[0]) > 24);
	/* some tasks end once solved (ARC_SEARCH_STOP), the same on any thread count */
	assert_int_equal(r[0]->search.evaluated, r[1]->search.evaluated);
	assert_true(r[0]->search.evaluated > 0 && r[0]->search.evaluated < 24 * 5000);
	size_t explained = 0;
	for (size_t i = 0; i < 24; i++) {
		const arc_task_result *x = &r[0]->tasks[i], *y = &r[1]->tasks[i];
		assert_int_equal(x->nranked, y->nranked);
		for (size_t p = 0; p < x->nranked; p++)
			assert_string_equal(arc_battery_name(b[0], x->ranked[p].program),
			                    arc_battery_name(b[1], y->ranked[p].program));
		for (int j = 0; j < x->task->ntest; j++)
			for (int a = 0; a < 2; a++) {
				assert_true(arc_grid_equal(&x->pred[j].attempt[a], &y->pred[j].attempt[a]));
				assert_int_equal(x->pred[j].source[a], y->pred[j].source[a]);
			}
		explained += x->nranked && x->ranked[0].exact == (uint32_t)x->task->ntrain;
	}
	assert_true(explained > 0);
	for (int k = 0; k < 2; k++) {
		arc_run_free(r[k]);
		arc_battery_free(b[k]);
	}
}

/* A time budget for the whole search ends the tasks' searches by the clock (not deterministic:
 * only that it ends, and soon). */
static void time_budget_ends_the_search(void **state)
{
	(void)state;
	size_t idx[6];
	for (size_t i = 0; i < 6; i++)
		idx[i] = i * 50;
	arc_run_opts o = {.limits = ARC_LIMITS_DEFAULT, .threads = 2, .backend = ARC_BACKEND_CPU,
	                  .search = ARC_SEARCH_DEFAULT};
	o.search.nodes = UINT64_MAX;
	o.search.max_depth = 4;
	o.search.time_budget = 0.3;
	arc_error err;
	arc_run *r;
	arc_battery *b = arc_battery_new();
	double t0 = search_now();
	assert_int_equal(arc_run_search(b, ts, idx, 6, &o, &r, &err), ARC_OK);
	assert_true(search_now() - t0 < 30);
	assert_int_equal(r->search.tasks, 6);
	assert_true(r->search.time_hit > 0);
	arc_run_free(r);
	arc_battery_free(b);
}

/* Whether text, run by the DSL, reproduces every train output of t and gives a grid on every
 * test input. */
static bool reproduces(const char *text, const arc_task *t)
{
	arc_outcome out[4];
	run_text(text, t, out);
	bool ok = true;
	for (int k = 0; k < t->ntrain + t->ntest; k++)
		ok &= out[k].status == ARC_EVAL_OK;
	for (int k = 0; ok && k < t->ntrain; k++)
		ok &= arc_grid_equal(&out[k].grid, &t->train[k].output);
	return ok;
}

/* A layer that sees the task transposed: its train inputs must be dmirror of the original
 * ones (a failure otherwise), and it claims vmirror (right) and rot90 (wrong everywhere). */
static const arc_task *original;
static arc_status transposed_layer(const search_in *in, const search_budget *b, search_cand **out,
                                   size_t *n, arc_search_stats *st, arc_error *err)
{
	(void)b, (void)err;
	gprog d = {.n = 1, .op = {{.code = GOP_dmirror}}};
	for (int k = 0; k < original->ntrain; k++) {
		arc_grid want;
		assert_true(gprog_apply(&d, &original->train[k].input, &want));
		assert_true(arc_grid_equal(&want, &in->task->train[k].input));
		assert_true(gprog_apply(&d, &original->train[k].output, &want));
		assert_true(arc_grid_equal(&want, &in->task->train[k].output));
	}
	assert_false(in->task->test[0].has_output);
	*out = calloc(2, sizeof **out);
	(*out)[0] = (search_cand){.text = strdup("    O = rot90(I)\n    return O\n"), .size = 1};
	(*out)[1] = (search_cand){.text = strdup("    O = vmirror(I)\n    return O\n"), .size = 1,
	                          .train_exact = 3, .closeness = 1};
	*n = 2;
	st->evaluated += 2;
	return ARC_OK;
}

/* Searches t with o on the CPU backend: whether the first candidate reproduces every train pair. */
static bool search_solves(const arc_task *t, const arc_search_opts *o, search_cand **c, size_t *n)
{
	arc_search_stats st = {0};
	arc_error err;
	assert_int_equal(search_task(t, o, be1, 0, c, n, &st, &err), ARC_OK);
	return *n && (int)(*c)[0].train_exact == t->ntrain;
}

/* A colour map read from the train pairs: outputs that are rot180 of the inputs with the colours
 * 0 1 2 3 moved to 5 6 2 7 are a recoloured state's; with recolor off, or a test input holding
 * a colour no train pair mapped, no candidate reproduces every train output. */
static void recolor_reads_a_colour_map(void **state)
{
	(void)state;
	static const uint8_t f[4] = {5, 6, 2, 7};
	arc_pair pairs[4];
	arc_task t;
	rot180_task(&t, pairs);
	for (int k = 0; k < 4; k++)
		for (int c = 0; c < pairs[k].output.h * pairs[k].output.w; c++)
			pairs[k].output.cell[c] = f[pairs[k].output.cell[c]];
	for (int run = 0; run < 3; run++) {
		arc_search_opts o = ARC_SEARCH_DEFAULT;
		o.features = run == 1 ? ARC_SEARCH_TASK_COLORS : ARC_SEARCH_TASK_COLORS | ARC_SEARCH_RECOLOR;
		o.max_depth = 1;
		if (run == 2)
			pairs[3].input.cell[0] = 9;
		search_cand *c;
		size_t n;
		bool solved = search_solves(&t, &o, &c, &n);
		assert_int_equal(solved, run == 0);
		if (run == 0) {
			arc_outcome out[4];
			run_text(c[0].text, &t, out);
			for (int k = 0; k < 4; k++)
				assert_true(arc_grid_equal(&out[k].grid, &pairs[k].output));
			assert_non_null(strstr(c[0].text, "rot180(I)"));
		}
		search_cands_free(c, n);
	}
}

/* The output's shape first: outputs that are the inputs' left halves twice over (lefthalf, then
 * hcat) have the inputs' shapes, so with ARC_SEARCH_SHAPE the grid layer drops lefthalf past
 * depth 1 and finds no program; without it, it finds lefthalf, hconcat. */
static void shape_keeps_the_inputs_shapes(void **state)
{
	(void)state;
	arc_pair pairs[4];
	arc_task t;
	gprog_task(&t, pairs, &(gprog){.n = 2, .op = {{.code = GOP_lefthalf}, {.code = GOP_hcat}}});
	for (int run = 0; run < 2; run++) {
		arc_search_opts o = ARC_SEARCH_DEFAULT;
		o.features = ARC_SEARCH_TASK_COLORS | ARC_SEARCH_BEST_FIRST | (run ? ARC_SEARCH_SHAPE : 0);
		o.max_depth = 2;
		o.nodes = 400000;
		search_cand *c;
		size_t n;
		bool solved = search_solves(&t, &o, &c, &n);
		assert_int_equal(solved, run == 0);
		if (run == 0)
			assert_true(reproduces(c[0].text, &t));
		search_cands_free(c, n);
	}
}

/* Stacks of three pieces: outputs that are the input's hmirror's opaque cells over its
 * vmirror's, over its rot180 (the first of the three opaque at each cell, else rot180's) are
 * composed greedily from those states, opaque meaning not 0, or (on inputs mostly of 5) not the
 * grid's most common colour; with stacks of two pieces alone no candidate reproduces every
 * train output. */
static void compose_stacks_three(void **state)
{
	(void)state;
	static const uint8_t shapes[4][2] = {{5, 4}, {6, 5}, {4, 6}, {5, 6}};
	static const char *const texts[2] = {
		"    x1 = hmirror(I)\n    x2 = vmirror(I)\n    x3 = rot180(I)\n"
		"    x4 = ofcolor(x1, ZERO)\n    x5 = toobject(x4, x2)\n    x6 = paint(x1, x5)\n"
		"    x7 = ofcolor(x6, ZERO)\n    x8 = toobject(x7, x3)\n    O = paint(x6, x8)\n"
		"    return O\n",
		"    x1 = hmirror(I)\n    x2 = vmirror(I)\n    x3 = rot180(I)\n"
		"    x4 = mostcolor(x1)\n    x5 = ofcolor(x1, x4)\n    x6 = toobject(x5, x2)\n"
		"    x7 = paint(x1, x6)\n    x8 = mostcolor(x2)\n    x9 = ofcolor(x2, x8)\n"
		"    x10 = intersection(x5, x9)\n    x11 = toobject(x10, x3)\n    O = paint(x7, x11)\n"
		"    return O\n"};
	unsigned saved = search_compose_pieces;
	for (int bg = 0; bg < 2; bg++) {
		arc_pair pairs[4];
		arc_task t = {.train = pairs, .test = pairs + 3, .ntrain = 3, .ntest = 1, .id = "compose"};
		uint8_t clear = bg ? 5 : 0;
		uint32_t x = 777;
		for (int k = 0; k < 4; k++) {
			arc_grid *in = &pairs[k].input, *out = &pairs[k].output, h, v, r;
			in->h = shapes[k][0], in->w = shapes[k][1];
			int n = in->h * in->w, nclear = 0;
			for (int c = 0; c < n; c++) {
				x = x * 1103515245u + 12345u;
				unsigned u = (x >> 16) % 7;
				in->cell[c] = (uint8_t)(u < 4 ? clear : u - 2); /* mostly clear, else 2, 3, 4 */
				nclear += in->cell[c] == clear;
			}
			assert_true(2 * nclear > n);
			assert_true(gprog_apply(&(gprog){.n = 1, .op = {{.code = GOP_hmirror}}}, in, &h));
			assert_true(gprog_apply(&(gprog){.n = 1, .op = {{.code = GOP_vmirror}}}, in, &v));
			assert_true(gprog_apply(&(gprog){.n = 1, .op = {{.code = GOP_rot180}}}, in, &r));
			*out = *in;
			for (int c = 0; c < n; c++)
				out->cell[c] = h.cell[c] != clear ? h.cell[c] : v.cell[c] != clear ? v.cell[c]
				                                                                  : r.cell[c];
			pairs[k].has_output = true;
		}
		for (int run = 0; run < 2; run++) {
			search_compose_pieces = run == 0 ? saved : 2;
			arc_search_opts o = ARC_SEARCH_DEFAULT;
			o.features = ARC_SEARCH_TASK_COLORS | ARC_SEARCH_COMPOSE;
			o.max_depth = 1;
			search_cand *c;
			size_t n;
			bool solved = search_solves(&t, &o, &c, &n);
			assert_int_equal(solved, run == 0);
			if (run == 0) {
				arc_outcome out[4];
				run_text(c[0].text, &t, out);
				for (int k = 0; k < 4; k++)
					assert_true(arc_grid_equal(&out[k].grid, &pairs[k].output));
				assert_string_equal(c[0].text, texts[bg]);
				assert_int_equal(c[0].size, bg ? 12 : 9);
			}
			search_cands_free(c, n);
		}
	}
	search_compose_pieces = saved;
}

/* Grid g from rows of digits separated by spaces. */
static void grid_of(arc_grid *g, const char *rows)
{
	*g = (arc_grid){.w = (uint8_t)strcspn(rows, " ")};
	for (const char *r = rows; *r; r += *r == ' ') {
		for (int j = 0; j < g->w; j++)
			g->cell[g->h * g->w + j] = (uint8_t)(*r++ - '0');
		g->h++;
	}
}

/* Objects recoloured by their size, read from the train pairs: horizontal lines of 1 on 0 whose
 * outputs hold those of 1 cell in 2, of 2 cells in 3 and keep those of 3 are a map over the
 * objects' sizes; with objmap off no candidate reproduces every train output; with a test input
 * holding a line of 4 (a size, rank and width no train object had) the map over the sizes would
 * guess, and the smallest explanation pairs square with largest (the singles are squares, the
 * lines of 3 the largest: the line of 4, the largest, is kept). */
static void objmap_reads_a_feature_map(void **state)
{
	(void)state;
	static const char *const inputs[4] = {
		"0000000 1011100 0000000 0001101 0000000 0110000 0000000",
		"000000 011100 000000 100110 000000 001000 000000",
		"00000000 01101110 00000000 00010000 00000000",
		"00000000 11000100 00000000 01110000 00000000 00011000 00000000"};
	arc_pair pairs[4];
	arc_task t = {.train = pairs, .test = pairs + 3, .ntrain = 3, .ntest = 1, .id = "objmap"};
	for (int k = 0; k < 4; k++) {
		arc_grid *in = &pairs[k].input, *out = &pairs[k].output;
		grid_of(in, inputs[k]);
		*out = *in;
		pairs[k].has_output = true;
		for (int i = 0; i < in->h; i++)
			for (int j = 0, run; j < in->w; j += run + 1) {
				const uint8_t *r = in->cell + i * in->w;
				for (run = 0; j + run < in->w && r[j + run]; run++) /* a line from j on */
					;
				memset(out->cell + i * in->w + j, run == 1 ? 2 : run == 2 ? 3 : 1, (size_t)run);
			}
	}
	for (int run = 0; run < 3; run++) {
		arc_search_opts o = ARC_SEARCH_DEFAULT;
		o.features = run == 1 ? ARC_SEARCH_TASK_COLORS : ARC_SEARCH_TASK_COLORS | ARC_SEARCH_OBJMAP;
		o.max_depth = 1;
		if (run == 2)
			pairs[3].input.cell[5 * 8 + 5] = pairs[3].input.cell[5 * 8 + 6] = 1;
		search_cand *c;
		size_t n;
		bool solved = search_solves(&t, &o, &c, &n);
		assert_int_equal(solved, run != 1);
		if (run == 2)
			assert_string_equal(c[0].text, "    x1 = objects(I, T, F, T)\n"
			                               "    x2 = sfilter(x1, square)\n"
			                               "    x3 = difference(x1, x2)\n"
			                               "    x4 = apply(size, x1)\n"
			                               "    x5 = maximum(x4)\n"
			                               "    x6 = sizefilter(x1, x5)\n"
			                               "    x7 = difference(x3, x6)\n"
			                               "    x8 = merge(x7)\n"
			                               "    x9 = fill(I, THREE, x8)\n"
			                               "    x10 = difference(x2, x6)\n"
			                               "    x11 = merge(x10)\n"
			                               "    O = fill(x9, TWO, x11)\n"
			                               "    return O\n");
		if (run == 0) {
			arc_outcome out[4];
			run_text(c[0].text, &t, out);
			for (int k = 0; k < 4; k++)
				assert_true(arc_grid_equal(&out[k].grid, &pairs[k].output));
			assert_string_equal(c[0].text, "    x1 = objects(I, T, F, T)\n"
			                               "    x2 = sizefilter(x1, ONE)\n"
			                               "    x3 = merge(x2)\n"
			                               "    x4 = fill(I, TWO, x3)\n"
			                               "    x5 = sizefilter(x1, TWO)\n"
			                               "    x6 = merge(x5)\n"
			                               "    O = fill(x4, THREE, x6)\n"
			                               "    return O\n");
			assert_int_equal(c[0].size, 7);
		}
		search_cands_free(c, n);
	}
}

/* The background's regions recoloured by a feature: regions of 0 between walls of 5, each with a
 * 1, 2 or 3 in a corner (alike in every other feature), whose outputs fill those with a 1 with 1,
 * are the regions adjacent to a cell of 1; with a test input without 1 that feature does not
 * apply (adjacent would fail on the empty ofcolor) and nothing explains the task. */
static void objmap_reads_background_regions(void **state)
{
	(void)state;
	static const char *const grids[6] = {
		"1005002 0005000 0005000 5555555 0005000 0005000 3005001",
		"1115002 1115000 1115000 5555555 0005111 0005111 3005111",
		"0005000 0005000 0025100 5555555 0015300 0005000 0005000",
		"0005111 0005111 0025111 5555555 1115300 1115000 1115000",
		"0035200 0005000 0005000 5555555 1005000 0005000 0005100",
		"0035200 0005000 0005000 5555555 1115111 1115111 1115111"};
	arc_pair pairs[3];
	arc_task t = {.train = pairs, .test = pairs + 2, .ntrain = 2, .ntest = 1, .id = "objmap_bg"};
	for (int k = 0; k < 3; k++) {
		grid_of(&pairs[k].input, grids[2 * k]);
		grid_of(&pairs[k].output, grids[2 * k + 1]);
		pairs[k].has_output = true;
	}
	for (int run = 0; run < 2; run++) {
		if (run == 1)
			pairs[2].input.cell[4 * 7] = 2, pairs[2].input.cell[6 * 7 + 4] = 3;
		search_cand *c = NULL;
		size_t n = 0;
		assert_true(search_objmap(&t, &c, &n, 2));
		assert_int_equal(n, run == 0);
		if (run == 0) {
			arc_outcome out[3];
			run_text(c[0].text, &t, out);
			for (int k = 0; k < 3; k++)
				assert_true(arc_grid_equal(&out[k].grid, &pairs[k].output));
			assert_string_equal(c[0].text, "    x1 = objects(I, T, F, F)\n"
			                               "    x2 = mostcolor(I)\n"
			                               "    x3 = colorfilter(x1, x2)\n"
			                               "    x4 = ofcolor(I, ONE)\n"
			                               "    x5 = rbind(adjacent, x4)\n"
			                               "    x6 = sfilter(x3, x5)\n"
			                               "    x7 = merge(x6)\n"
			                               "    O = fill(I, ONE, x7)\n"
			                               "    return O\n");
		}
		search_cands_free(c, n);
	}
}

/* objmap on every bundled task: each candidate, run by the DSL, reproduces every train pair and
 * gives a grid on every test input (the C computation and the printed program agree), and on
 * the 25 tasks it explains one of its candidates gives every test output (b2862040 through the
 * loops adjacent to an enclosed region). */
static void objmap_round_trip(void **state)
{
	(void)state;
	static const char *const solves[] = {
		"00d62c1b", "08ed6ac7", "25d8a9c8", "42a50994", "44d8ac46", "6455b5f5",
		"67385a82", "6e82a1ae", "7b6016b9", "810b9b61", "83302e8f", "868de0fa",
		"9565186b", "9edfc990", "a5313dff", "a61f2674", "aedd82e4", "b1948b0a",
		"b230c067", "b2862040", "c0f76784", "c8f0f002", "d2abd087", "e8593010",
		"ea32f347"};
	size_t explained = 0;
	for (size_t i = 0; i < arc_taskset_count(ts); i++) {
		const arc_task *t = arc_taskset_get(ts, i);
		search_cand *c = NULL;
		size_t n = 0;
		assert_true(search_objmap(t, &c, &n, 2));
		assert_true(n <= 2);
		bool solved = false;
		arc_outcome *out = calloc((size_t)(t->ntrain + t->ntest), sizeof *out);
		for (size_t k = 0; k < n; k++) {
			run_text(c[k].text, t, out);
			bool all = true;
			for (int j = 0; j < t->ntrain + t->ntest; j++) {
				const arc_grid *want = j < t->ntrain ? &t->train[j].output
				                                     : &t->test[j - t->ntrain].output;
				if (out[j].status != ARC_EVAL_OK ||
				    (j < t->ntrain && !arc_grid_equal(&out[j].grid, want)))
					fail_msg("%s: wrong on input %d:\n%s", t->id, j, c[k].text);
				all &= j < t->ntrain || arc_grid_equal(&out[j].grid, want);
			}
			solved |= all;
		}
		free(out);
		search_cands_free(c, n);
		bool listed = false;
		for (size_t k = 0; k < sizeof solves / sizeof *solves; k++)
			listed |= !strcmp(t->id, solves[k]);
		if (listed != solved)
			fail_msg("%s: objmap %s it", t->id, solved ? "also solves" : "does not solve");
		explained += n > 0;
	}
	assert_int_equal(explained, sizeof solves / sizeof *solves);
}

/* Augmentation of a layer: what it finds on the transformed task comes back conjugated (the
 * transform, the program, the inverse), only the programs right on every train pair. */
static void augmented_layer_conjugates(void **state)
{
	(void)state;
	arc_pair pairs[4];
	arc_task t;
	gprog_task(&t, pairs, &(gprog){.n = 1, .op = {{.code = GOP_hmirror}}});
	original = &t;
	arc_search_opts o = ARC_SEARCH_DEFAULT;
	search_in in = {.task = &t, .opts = &o, .be = be1};
	search_budget b = {.nodes = 100, .memory = o.memory};
	search_cand *c;
	size_t n;
	arc_search_stats st = {0};
	arc_error err;
	assert_int_equal(search_augmented(&in, transposed_layer, 6, &b, &c, &n, &st, &err), ARC_OK);
	assert_int_equal(n, 1);
	assert_string_equal(c[0].text, "    x1 = dmirror(I)\n    x2 = vmirror(x1)\n    O = dmirror(x2)\n"
	                               "    return O\n");
	assert_int_equal(c[0].size, 3);
	assert_int_equal(c[0].train_exact, 3);
	assert_true(reproduces(c[0].text, &t));
	search_cands_free(c, n);
}

/* Everything found on 40 bundled tasks, and on two that augmentation solves (the enumeration
 * layer on the task transposed or mirrored), run by the DSL: a grid on every input, and the
 * train pairs reproduced and closeness the search computed through the backend. */
static void found_programs_round_trip(void **state)
{
	(void)state;
	static const char *const augmented[] = {"3906de3d", "5bd6f4ac"};
	size_t checked = 0;
	for (size_t i = 0; i < 42; i++) {
		const arc_task *t = i < 40 ? arc_taskset_get(ts, i * 10)
		                           : arc_taskset_find(ts, augmented[i - 40]);
		assert_non_null(t);
		arc_search_opts o = ARC_SEARCH_DEFAULT;
		o.nodes = i < 40 ? 4000 : ARC_SEARCH_NODES_DEFAULT;
		search_cand *c;
		size_t n;
		arc_search_stats st = {0};
		arc_error err;
		assert_int_equal(search_task(t, &o, be1, 0, &c, &n, &st, &err), ARC_OK);
		if (i >= 40) {
			/* the best is conjugated: a transform of I first, its inverse (itself) last */
			assert_true(n > 0 && (int)c[0].train_exact == t->ntrain);
			char first[16], last[16];
			assert_int_equal(sscanf(c[0].text, "    x1 = %15[a-z](I)", first), 1);
			const char *o_line = strstr(c[0].text, "    O = ");
			assert_non_null(o_line);
			assert_int_equal(sscanf(o_line, "    O = %15[a-z](", last), 1);
			assert_string_equal(first, last);
			assert_true(!strcmp(first, "dmirror") || !strcmp(first, "hmirror") ||
			            !strcmp(first, "vmirror"));
		}
		arc_outcome *out = calloc((size_t)(t->ntrain + t->ntest), sizeof *out);
		for (size_t k = 0; k < n; k++, checked++) {
			run_text(c[k].text, t, out);
			unsigned exact = 0;
			double close = 0;
			for (int j = 0; j < t->ntrain + t->ntest; j++)
				if (out[j].status != ARC_EVAL_OK)
					fail_msg("%s: fails on input %d:\n%s", t->id, j, c[k].text);
			for (int j = 0; j < t->ntrain; j++) {
				exact += arc_grid_equal(&out[j].grid, &t->train[j].output);
				close += arc_closeness(&out[j].grid, &t->train[j].output);
			}
			assert_int_equal(exact, c[k].train_exact);
			assert_true(close / t->ntrain == c[k].closeness);
		}
		free(out);
		search_cands_free(c, n);
	}
	assert_true(checked > 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_is_canonical),
		cmocka_unit_test(equal_values_are_one),
		cmocka_unit_test(budgets_end_the_search),
		cmocka_unit_test(same_candidates_any_batch),
		cmocka_unit_test(hash_first_same_as_exact),
		cmocka_unit_test(stop_ends_once_solved),
		cmocka_unit_test(same_run_any_threads),
		cmocka_unit_test(time_budget_ends_the_search),
		cmocka_unit_test(recolor_reads_a_colour_map),
		cmocka_unit_test(shape_keeps_the_inputs_shapes),
		cmocka_unit_test(compose_stacks_three),
		cmocka_unit_test(objmap_reads_a_feature_map),
		cmocka_unit_test(objmap_reads_background_regions),
		cmocka_unit_test(objmap_round_trip),
		cmocka_unit_test(augmented_layer_conjugates),
		cmocka_unit_test(found_programs_round_trip),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
