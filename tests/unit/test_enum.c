/* test_enum.c — the bottom-up enumerator: a single-primitive task found, observational
 * equivalence (one entry per value vector, the smallest program), determinism, the eval budget
 * and the memory cap, bad options, and the round trip: every candidate parses and the ordinary
 * evaluator gives the outputs the enumerator recorded, on train and test inputs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "enum.h"
#include "strbuf.h"

static arc_taskset *load(const char *id)
{
	char path[128];
	snprintf(path, sizeof path, "data/arc-agi-1/training/%s.json", id);
	arc_taskset *ts = NULL;
	assert_int_equal(arc_taskset_load(path, &(arc_load_opts){0}, &ts, NULL), ARC_OK);
	assert_int_equal(arc_taskset_count(ts), 1);
	return ts;
}

static enum_cand *run(const arc_task *t, const enum_opts *o, size_t *n, enum_stats *st)
{
	enum_cand *c;
	arc_error err;
	arc_status s = enum_task(t, o, &c, n, st, &err);
	if (s)
		fail_msg("enum_task: %s", err.message);
	return c;
}

/* Every candidate parses, and the evaluator gives the recorded grid on every input. */
static void assert_round_trip(const arc_task *t, const enum_cand *c, size_t n)
{
	if (!n)
		return;
	strbuf sb = {0};
	for (size_t k = 0; k < n; k++)
		sb_printf(&sb, "def c%zu(I):\n%s", k, c[k].text);
	arc_battery *b = arc_battery_new();
	arc_diag d = {0};
	assert_int_equal(arc_battery_add_text(b, "candidates", sb.s, sb.n, true, &d), ARC_OK);
	assert_int_equal(arc_battery_count(b), n);
	arc_evaluator *ev = arc_evaluator_new(b, NULL);
	arc_outcome *out = malloc(n * sizeof *out);
	for (int i = 0; i < t->ntrain + t->ntest; i++) {
		const arc_grid *in = i < t->ntrain ? &t->train[i].input : &t->test[i - t->ntrain].input;
		assert_int_equal(arc_evaluator_run(ev, in, NULL, out), ARC_OK);
		for (size_t k = 0; k < n; k++) {
			char name[24];
			snprintf(name, sizeof name, "c%zu", k);
			const arc_outcome *o = &out[arc_battery_find(b, name)];
			if (o->status != ARC_EVAL_OK || !arc_grid_equal(&o->grid, &c[k].outputs[i]))
				fail_msg("%s input %d: the evaluator disagrees (%s) on\n%s", t->id, i, o->reason,
				         c[k].text);
		}
	}
	free(out);
	arc_evaluator_free(ev);
	arc_battery_free(b);
	arc_diag_free(&d);
	sb_free(&sb);
}

static void solves_single_primitive_task(void **state)
{
	(void)state;
	arc_taskset *ts = load("9dfd6313");
	const arc_task *t = arc_taskset_get(ts, 0);
	enum_opts o = ENUM_OPTS_DEFAULT;
	size_t n;
	enum_stats st;
	enum_cand *c = run(t, &o, &n, &st);
	assert_true(n >= 1);
	assert_int_equal(c[0].train_exact, t->ntrain);
	assert_int_equal(c[0].size, 1);
	assert_string_equal(c[0].text, "    O = dmirror(I)\n    return O\n");
	assert_true(arc_grid_equal(&c[0].outputs[t->ntrain], &t->test[0].output));
	assert_false(st.budget_hit);
	assert_int_equal(st.size_done, 1); /* stop_exact: found at size 1, nothing larger tried */
	assert_round_trip(t, c, n);
	enum_cands_free(c, n);
	arc_taskset_free(ts);
}

/* A 3x3 task whose answer is rot180: rot90(rot90(I)) has the same vector and is not kept. */
static void equivalence_keeps_smallest(void **state)
{
	(void)state;
	static const uint8_t in[2][9] = {{1, 2, 0, 0, 3, 0, 0, 0, 4}, {5, 0, 0, 6, 6, 0, 0, 0, 7}};
	arc_pair pairs[3];
	for (int k = 0; k < 3; k++) {
		arc_pair *p = &pairs[k];
		*p = (arc_pair){.input = {.h = 3, .w = 3}, .output = {.h = 3, .w = 3}, .has_output = true};
		const uint8_t *src = in[k % 2];
		for (int c = 0; c < 9; c++) {
			p->input.cell[c] = (uint8_t)(k == 2 ? (src[c] + 1) % 10 : src[c]);
			p->output.cell[8 - c] = p->input.cell[c];
		}
	}
	arc_task t = {.id = "rot180", .train = pairs, .test = pairs + 2, .ntrain = 2, .ntest = 1};
	enum_opts o = ENUM_OPTS_DEFAULT;
	o.max_size = 2;
	o.stop_exact = 0;
	o.max_evals = 200000;
	o.max_cands = 1000000;
	size_t n;
	enum_stats st;
	enum_cand *c = run(&t, &o, &n, &st);
	assert_int_equal(st.size_done, 1);
	assert_true(st.distinct < st.candidates); /* duplicates and failures were refused */
	size_t same = 0;
	for (size_t k = 0; k < n; k++) {
		bool eq = true;
		for (int i = 0; i < 3; i++)
			eq &= arc_grid_equal(&c[k].outputs[i], i < 2 ? &pairs[i].output : &pairs[2].output);
		if (eq) {
			same++;
			assert_string_equal(c[k].text, "    O = rot180(I)\n    return O\n");
			assert_int_equal(c[k].train_exact, 2);
		}
		/* no two candidates have the same vector */
		for (size_t q = 0; q < k && n < 5000; q++) {
			bool dup = true;
			for (int i = 0; i < 3 && dup; i++)
				dup = arc_grid_equal(&c[k].outputs[i], &c[q].outputs[i]);
			if (dup)
				fail_msg("two candidates with one vector:\n%s%s", c[q].text, c[k].text);
		}
	}
	assert_int_equal(same, 1);
	/* rot90 of rot90(I) was tried at size 2 (rot90 comes first) and refused as a duplicate */
	for (size_t k = 0; k < n; k++)
		assert_null(strstr(c[k].text, "x1 = rot90(I)\n    O = rot90(x1)\n"));
	enum_cands_free(c, n);
}

static void same_bytes_twice(void **state)
{
	(void)state;
	arc_taskset *ts = load("a79310a0");
	const arc_task *t = arc_taskset_get(ts, 0);
	enum_opts o = ENUM_OPTS_DEFAULT;
	o.max_evals = 30000;
	o.max_cands = 64;
	size_t n1, n2;
	enum_stats s1, s2;
	enum_cand *c1 = run(t, &o, &n1, &s1), *c2 = run(t, &o, &n2, &s2);
	assert_int_equal(n1, n2);
	assert_int_equal(n1, 64);
	assert_int_equal(s1.evals, s2.evals);
	assert_int_equal(s1.distinct, s2.distinct);
	assert_int_equal(s1.bytes, s2.bytes);
	for (size_t k = 0; k < n1; k++) {
		assert_string_equal(c1[k].text, c2[k].text);
		assert_int_equal(c1[k].size, c2[k].size);
		assert_int_equal(c1[k].train_exact, c2[k].train_exact);
		assert_memory_equal(&c1[k].closeness, &c2[k].closeness, sizeof(double));
		if (k) { /* ranked: exact desc, size asc, closeness desc, text asc */
			const enum_cand *a = &c1[k - 1], *b = &c1[k];
			assert_true(a->train_exact >= b->train_exact);
			if (a->train_exact == b->train_exact) {
				assert_true(a->size <= b->size);
				if (a->size == b->size) {
					assert_true(a->closeness >= b->closeness);
					if (a->closeness == b->closeness)
						assert_true(strcmp(a->text, b->text) < 0);
				}
			}
		}
	}
	enum_cands_free(c1, n1);
	enum_cands_free(c2, n2);
	arc_taskset_free(ts);
}

static void budget_stops(void **state)
{
	(void)state;
	arc_taskset *ts = load("007bbfb7");
	const arc_task *t = arc_taskset_get(ts, 0);
	enum_opts o = ENUM_OPTS_DEFAULT;
	int nin = t->ntrain + t->ntest;
	for (uint64_t b = 500; b <= 2000; b *= 2) {
		o.max_evals = b;
		size_t n;
		enum_stats st;
		enum_cand *c = run(t, &o, &n, &st);
		assert_true(st.budget_hit);
		assert_false(st.memory_hit);
		assert_true(st.evals >= b && st.evals < b + (uint64_t)nin);
		assert_int_equal(st.size_done, 0);
		enum_cands_free(c, n);
	}
	arc_taskset_free(ts);
}

static void memory_cap(void **state)
{
	(void)state;
	arc_taskset *ts = load("007bbfb7");
	const arc_task *t = arc_taskset_get(ts, 0);
	enum_opts o = ENUM_OPTS_DEFAULT;
	o.max_evals = 10000000;
	o.max_bytes = (size_t)2 << 20;
	size_t n;
	enum_stats st;
	enum_cand *c = run(t, &o, &n, &st);
	assert_true(st.memory_hit);
	assert_false(st.budget_hit);
	assert_true(st.bytes <= o.max_bytes);
	assert_true(st.bytes > o.max_bytes / 2);
	assert_true(n > 0); /* what was found before the cap is returned */
	assert_round_trip(t, c, n);
	enum_cands_free(c, n);
	arc_taskset_free(ts);
}

static void bad_options(void **state)
{
	(void)state;
	arc_taskset *ts = load("007bbfb7");
	const arc_task *t = arc_taskset_get(ts, 0);
	enum_opts o = ENUM_OPTS_DEFAULT;
	o.max_size = 0;
	enum_cand *c;
	size_t n;
	enum_stats st;
	arc_error err;
	assert_int_equal(enum_task(t, &o, &c, &n, &st, &err), ARC_E_USAGE);
	assert_non_null(strstr(err.message, "max_size 0, expected 1.."));
	assert_string_equal(err.where, "007bbfb7");
	assert_int_equal(n, 0);
	o = ENUM_OPTS_DEFAULT;
	o.max_bytes = 1000;
	assert_int_equal(enum_task(t, &o, &c, &n, &st, &err), ARC_E_USAGE);
	assert_non_null(strstr(err.message, "max_bytes 1000"));
	arc_taskset_free(ts);
}

/* Every candidate found on a sample of bundled tasks runs through the evaluator to the same
 * outputs. */
static void round_trip_sample(void **state)
{
	(void)state;
	static const char *const ids[] = {"1cf80156", "3f7978a0", "67a423a3", "c9e6f938",
	                                  "b9b7f026", "d364b489", "e9614598", "25d487eb"};
	enum_opts o = ENUM_OPTS_DEFAULT;
	o.max_evals = 40000;
	o.max_cands = 48;
	o.stop_exact = 0;
	for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++) {
		arc_taskset *ts = load(ids[k]);
		const arc_task *t = arc_taskset_get(ts, 0);
		size_t n;
		enum_stats st;
		enum_cand *c = run(t, &o, &n, &st);
		assert_int_equal(n, o.max_cands);
		assert_round_trip(t, c, n);
		enum_cands_free(c, n);
		arc_taskset_free(ts);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(solves_single_primitive_task),
		cmocka_unit_test(equivalence_keeps_smallest),
		cmocka_unit_test(same_bytes_twice),
		cmocka_unit_test(budget_stops),
		cmocka_unit_test(memory_cap),
		cmocka_unit_test(bad_options),
		cmocka_unit_test(round_trip_sample),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
