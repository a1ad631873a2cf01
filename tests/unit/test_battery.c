/* test_battery.c — the battery graph and its evaluator: identical calls merge into one node and
 * are computed once per input, a failing node fails only the programs that contain it, limits
 * stop one program, and the active mask skips programs and the nodes only they need. */
#include "testutil.h"

#include <pthread.h>

#include "arcbatt.h"

static const char mirrors[] =
	"def solve_m1(I):\n"
	"    x1 = vmirror(I)\n"
	"    x2 = hmirror(x1)\n"
	"    O = hconcat(x1, x2)\n"
	"    return O\n"
	"def solve_m2(I):\n"
	"    x1 = vmirror(I)\n"
	"    x2 = hmirror(x1)\n"
	"    O = vconcat(x2, x1)\n"
	"    return O\n";

static const char faults[] =
	"def solve_fail(I):\n"              /* 1 */
	"    x1 = vmirror(I)\n"
	"    x2 = divide(ONE, ZERO)\n"      /* 3 */
	"    O = hconcat(x1, x2)\n"
	"    return O\n"
	"def solve_dead(I):\n"              /* 6: fails on a line O does not need, like Python */
	"    x1 = divide(ONE, ZERO)\n"      /* 7 */
	"    O = vmirror(I)\n"
	"    return O\n"
	"def solve_int(I):\n"               /* 10 */
	"    O = size(I)\n"
	"    return O\n"
	"def solve_steps(I):\n"             /* 13 */
	"    x1 = multiply(TEN, TEN)\n"
	"    x2 = multiply(x1, x1)\n"
	"    x3 = interval(ZERO, x2, ONE)\n"
	"    x4 = compose(increment, increment)\n"
	"    x5 = apply(x4, x3)\n"          /* 18: 30 000 calls */
	"    O = vmirror(I)\n"
	"    return O\n"
	"def solve_mem(I):\n"               /* 21 */
	"    x1 = multiply(TEN, TEN)\n"
	"    x2 = multiply(x1, x1)\n"
	"    x3 = multiply(x2, x1)\n"
	"    x4 = interval(ZERO, x3, ONE)\n" /* 25: 16 MB */
	"    O = vmirror(I)\n"
	"    return O\n"
	"def solve_call(I):\n"              /* 28 */
	"    x1 = branch(T, hconcat, vmirror)\n"
	"    O = x1(I)\n"                   /* 30: hconcat takes 2 */
	"    return O\n"
	"def solve_apply(I):\n"
	"    x1 = rbind(hconcat, I)\n"
	"    O = x1(I)\n"
	"    return O\n"
	"def solve_m1(I):\n"
	"    x1 = vmirror(I)\n"
	"    x2 = hmirror(x1)\n"
	"    O = hconcat(x1, x2)\n"
	"    return O\n";

enum { F_FAIL, F_DEAD, F_INT, F_STEPS, F_MEM, F_CALL, F_APPLY, F_M1, F_COUNT };

static arc_battery *load(const char *text)
{
	arc_battery *b = arc_battery_new();
	arc_diag d = {0};
	assert_int_equal(arc_battery_add_text(b, "t.py", text, strlen(text), true, &d), ARC_OK);
	assert_int_equal(d.n, 0);
	arc_diag_free(&d);
	return b;
}

static arc_grid grid2x2(void)
{
	return (arc_grid){.h = 2, .w = 2, .cell = {1, 2, 3, 4}};
}

static void assert_grid(const arc_grid *g, int h, int w, const uint8_t *cells)
{
	assert_int_equal(g->h, h);
	assert_int_equal(g->w, w);
	assert_memory_equal(g->cell, cells, (size_t)h * w);
}

static void merging(void **state)
{
	(void)state;
	arc_battery *b = load(mirrors);
	assert_int_equal(arc_battery_count(b), 2);
	assert_int_equal(arc_battery_calls_unmerged(b), 6);
	assert_int_equal(arc_battery_calls(b), 4); /* vmirror(I), hmirror(x1) shared */
	arc_limits lim = ARC_LIMITS_DEFAULT;
	arc_evaluator *ev = arc_evaluator_new(b, &lim);
	assert_non_null(ev);
	arc_outcome out[2];
	arc_grid in = grid2x2();
	assert_int_equal(arc_evaluator_run(ev, &in, NULL, out), ARC_OK);
	assert_int_equal(arc_evaluator_computed(ev), 4); /* each shared node once */
	assert_int_equal(out[0].status, ARC_EVAL_OK);
	assert_string_equal(out[0].reason, "");
	assert_grid(&out[0].grid, 2, 4, (const uint8_t[]){2, 1, 4, 3, 4, 3, 2, 1});
	assert_int_equal(out[1].status, ARC_EVAL_OK);
	assert_grid(&out[1].grid, 4, 2, (const uint8_t[]){4, 3, 2, 1, 2, 1, 4, 3});
	/* Loading the same programs again under other names adds no node. */
	arc_diag d = {0};
	static const char again[] = "def solve_m3(I):\n    x1 = vmirror(I)\n    x2 = hmirror(x1)\n"
	                            "    O = vconcat(x2, x1)\n    return O\n";
	assert_int_equal(arc_battery_add_text(b, "u.py", again, strlen(again), true, &d), ARC_OK);
	assert_int_equal(arc_battery_calls(b), 4);
	assert_int_equal(arc_battery_calls_unmerged(b), 9);
	arc_evaluator_free(ev);
	arc_battery_free(b);
}

static void active_mask(void **state)
{
	(void)state;
	arc_battery *b = load(mirrors);
	arc_evaluator *ev = arc_evaluator_new(b, NULL);
	arc_outcome out[2];
	arc_grid in = grid2x2();
	bool only_m2[2] = {false, true}, none[2] = {false, false};
	assert_int_equal(arc_evaluator_run(ev, &in, only_m2, out), ARC_OK);
	assert_int_equal(arc_evaluator_computed(ev), 3); /* hconcat is not needed */
	assert_int_equal(out[0].status, ARC_EVAL_SKIPPED);
	assert_int_equal(out[1].status, ARC_EVAL_OK);
	assert_grid(&out[1].grid, 4, 2, (const uint8_t[]){4, 3, 2, 1, 2, 1, 4, 3});
	assert_int_equal(arc_evaluator_run(ev, &in, none, out), ARC_OK);
	assert_int_equal(arc_evaluator_computed(ev), 0);
	assert_int_equal(out[0].status, ARC_EVAL_SKIPPED);
	assert_int_equal(out[1].status, ARC_EVAL_SKIPPED);
	/* A bad input is refused, not evaluated. */
	arc_grid bad = {.h = 0, .w = 3};
	assert_int_equal(arc_evaluator_run(ev, &bad, NULL, out), ARC_E_INPUT);
	arc_evaluator_free(ev);
	arc_battery_free(b);
}

static void run_faults(const arc_limits *lim, arc_outcome *out, uint64_t *computed)
{
	arc_battery *b = load(faults);
	assert_int_equal(arc_battery_count(b), F_COUNT);
	arc_evaluator *ev = arc_evaluator_new(b, lim);
	arc_grid in = grid2x2();
	assert_int_equal(arc_evaluator_run(ev, &in, NULL, out), ARC_OK);
	*computed = arc_evaluator_computed(ev);
	/* every call node once (the shared divide(ONE, ZERO) too, though two programs need it),
	 * except hconcat(x1, x2) of solve_fail, whose argument failed */
	assert_int_equal(*computed, arc_battery_calls(b) - 1);
	assert_true(arc_battery_calls(b) < arc_battery_calls_unmerged(b));
	arc_evaluator_free(ev);
	arc_battery_free(b);
}

static void failure_isolation_and_limits(void **state)
{
	(void)state;
	arc_outcome out[F_COUNT];
	uint64_t computed;
	arc_limits lim = {.timeout_s = 10, .mem_bytes = 1 << 20, .steps = 20000};
	run_faults(&lim, out, &computed);
	assert_int_equal(out[F_FAIL].status, ARC_EVAL_ERROR);
	assert_string_equal(out[F_FAIL].reason, "ZeroDivisionError in divide (line 3)");
	assert_int_equal(out[F_DEAD].status, ARC_EVAL_ERROR);
	assert_string_equal(out[F_DEAD].reason, "ZeroDivisionError in divide (line 7)");
	assert_int_equal(out[F_INT].status, ARC_EVAL_NOT_GRID);
	assert_string_equal(out[F_INT].reason, "returned an int, not a grid (line 11)");
	assert_int_equal(out[F_STEPS].status, ARC_EVAL_LIMIT);
	assert_string_equal(out[F_STEPS].reason, "StepLimit in apply (line 18)");
	assert_int_equal(out[F_MEM].status, ARC_EVAL_LIMIT);
	assert_string_equal(out[F_MEM].reason, "MemoryLimit in interval (line 25)");
	assert_int_equal(out[F_CALL].status, ARC_EVAL_ERROR);
	assert_string_equal(out[F_CALL].reason, "TypeError in x1 (line 30)");
	assert_int_equal(out[F_APPLY].status, ARC_EVAL_OK);
	assert_grid(&out[F_APPLY].grid, 2, 4, (const uint8_t[]){1, 2, 1, 2, 3, 4, 3, 4});
	assert_int_equal(out[F_M1].status, ARC_EVAL_OK);
	assert_grid(&out[F_M1].grid, 2, 4, (const uint8_t[]){2, 1, 4, 3, 4, 3, 2, 1});

	/* With room enough, the same programs get past their limits. */
	lim = (arc_limits){.timeout_s = 10, .mem_bytes = 64 << 20, .steps = 1000000};
	run_faults(&lim, out, &computed);
	assert_int_equal(out[F_STEPS].status, ARC_EVAL_OK);
	assert_int_equal(out[F_MEM].status, ARC_EVAL_OK);
	assert_int_equal(out[F_FAIL].status, ARC_EVAL_ERROR);

	/* A deadline already passed stops the long program at its first clock check. */
	lim = (arc_limits){.timeout_s = 1e-9, .mem_bytes = 64 << 20, .steps = 1000000};
	run_faults(&lim, out, &computed);
	assert_int_equal(out[F_STEPS].status, ARC_EVAL_TIMEOUT);
	assert_string_equal(out[F_STEPS].reason, "Timeout in apply (line 18)");
	assert_int_equal(out[F_M1].status, ARC_EVAL_OK);
}

typedef struct worker {
	const arc_battery *b;
	arc_outcome out[F_COUNT];
} worker;

static void *work(void *arg)
{
	worker *w = arg;
	arc_evaluator *ev = arc_evaluator_new(w->b, NULL);
	arc_grid in = grid2x2();
	for (int k = 0; k < 50 && ev; k++)
		arc_evaluator_run(ev, &in, NULL, w->out);
	arc_evaluator_free(ev);
	return NULL;
}

/* Evaluators on several threads share one battery and agree byte for byte. */
static void threads(void **state)
{
	(void)state;
	arc_battery *b = load(faults);
	worker w[3];
	pthread_t t[3];
	for (int k = 0; k < 3; k++) {
		memset(&w[k], 0, sizeof w[k]);
		w[k].b = b;
		assert_int_equal(pthread_create(&t[k], NULL, work, &w[k]), 0);
	}
	for (int k = 0; k < 3; k++)
		pthread_join(t[k], NULL);
	for (int i = 0; i < F_COUNT; i++) {
		assert_int_equal(w[0].out[i].status, w[1].out[i].status);
		assert_int_equal(w[0].out[i].status, w[2].out[i].status);
		assert_string_equal(w[0].out[i].reason, w[2].out[i].reason);
	}
	assert_int_equal(w[1].out[F_M1].status, ARC_EVAL_OK);
	assert_memory_equal(&w[1].out[F_M1].grid, &w[2].out[F_M1].grid, sizeof(arc_grid));
	arc_battery_free(b);
}

/* The hostile programs (tests/data/hostile/hostile.py) stop at their limits: work and memory
 * as the evaluator counts them, not wall-clock time (no backstop here). Every one runs to
 * completion under the default limits, and each outcome is the same run alone as in the
 * battery. */
static void hostile_programs_stop_at_their_limits(void **state)
{
	(void)state;
	static const struct {
		const char *name, *reason;
	} want[] = {
		{"solve_h_memory", "MemoryLimit in interval (line 14)"},
		{"solve_h_order", "StepLimit in order (line 33)"},
		{"solve_h_common", "StepLimit in mostcommon (line 49)"},
		{"solve_h_sets", "StepLimit in combine (line 67)"},
		{"solve_h_maximum", "StepLimit in maximum (line 83)"},
		{"solve_h_compare", "StepLimit in order (line 95)"},
		{"solve_h_colorcount", "StepLimit in colorcount (line 106)"},
		{"solve_h_bbox", "StepLimit in apply (line 121)"},
		{"solve_h_shared", "StepLimit in combine (line 139)"},
		{"solve_h_rows", "StepLimit in repeat (line 152)"},
	};
	enum { N = sizeof want / sizeof *want };
	arc_battery *b = arc_battery_new();
	assert_int_equal(arc_battery_add_file(b, "tests/data/hostile/hostile.py", true, NULL), ARC_OK);
	assert_int_equal(arc_battery_count(b), N);
	const arc_limits lim = {.timeout_s = 0, .mem_bytes = 64u << 20, .steps = 200000};
	arc_evaluator *ev = arc_evaluator_new(b, &lim);
	assert_non_null(ev);
	arc_outcome out[N], alone[N];
	arc_grid in = grid2x2();
	assert_int_equal(arc_evaluator_run(ev, &in, NULL, out), ARC_OK);
	uint64_t work[N];
	for (size_t i = 0; i < N; i++) {
		assert_string_equal(arc_battery_name(b, i), want[i].name);
		assert_int_equal(out[i].status, ARC_EVAL_LIMIT);
		assert_string_equal(out[i].reason, want[i].reason);
		/* past the budget by at most one charge of a loop: loops charge before they run or
		 * as they go (maximum, order's comparisons of long tuples and colorcount ran to
		 * their end and charged 50,000 to 81,000 units past it), and a primitive is charged
		 * for what it reads (ulcorner on 20,000 references to 10,000 positions was 20,000
		 * calls: no limit reached; so was repeat's check of 70,000 rows for a grid), and
		 * one comparison of shared payloads is charged as it goes (it charged 2.3 million
		 * units past the budget at once) */
		work[i] = arc_evaluator_work(ev, i);
		assert_true(work[i] <= lim.steps + 4096);
		assert_true(arc_evaluator_bytes(ev, i) <= lim.mem_bytes);
	}
	for (size_t i = 1; i < N; i++)
		assert_true(work[i] >= lim.steps);
	for (size_t i = 0; i < N; i++) {
		bool only[N] = {false};
		only[i] = true;
		assert_int_equal(arc_evaluator_run(ev, &in, only, alone), ARC_OK);
		assert_int_equal(alone[i].status, out[i].status);
		assert_string_equal(alone[i].reason, out[i].reason);
	}
	arc_evaluator_free(ev);
	ev = arc_evaluator_new(b, NULL);
	assert_int_equal(arc_evaluator_run(ev, &in, NULL, out), ARC_OK);
	for (size_t i = 0; i < N; i++)
		assert_int_equal(out[i].status, ARC_EVAL_OK);
	arc_evaluator_free(ev);
	arc_battery_free(b);
}

/* A time allowance is a step budget plus a backstop ten times as long. */
static void limits_for_seconds(void **state)
{
	(void)state;
	arc_limits lim = arc_limits_for_seconds(0.002);
	assert_int_equal(lim.steps, 20000);
	assert_true(lim.timeout_s > 0.119 && lim.timeout_s < 0.121);
	assert_int_equal(lim.mem_bytes, ARC_LIMITS_DEFAULT.mem_bytes);
	lim = arc_limits_for_seconds(2);
	assert_int_equal(lim.steps, ARC_LIMITS_DEFAULT.steps);
	assert_true(lim.timeout_s == ARC_LIMITS_DEFAULT.timeout_s);
	assert_int_equal(arc_limits_for_seconds(1e-9).steps, 1);
}

/* Programs whose values do not fit the arena together run alone: memory per worker stays one
 * program's limit (plus the fixed part), and both programs get their results. */
static void full_arena_runs_programs_alone(void **state)
{
	(void)state;
	static const char text[] =
		"def solve_a(I):\n    x1 = multiply(TEN, TEN)\n    x2 = multiply(x1, x1)\n"
		"    x3 = multiply(x2, FIVE)\n    x4 = interval(ZERO, x3, ONE)\n    x5 = size(x4)\n"
		"    O = canvas(ONE, TWO_BY_TWO)\n    return O\n\n"
		"def solve_b(I):\n    x1 = multiply(TEN, TEN)\n    x2 = multiply(x1, x1)\n"
		"    x3 = multiply(x2, FIVE)\n    x4 = interval(ONE, x3, ONE)\n    x5 = size(x4)\n"
		"    O = canvas(TWO, TWO_BY_TWO)\n    return O\n";
	arc_battery *b = load(text);
	/* each interval of 50,000 ints takes 1.6 MB (its items and its tuple): one fits in 2 MiB,
	 * the two together do not fit the arena of 2 + 1 MiB */
	const arc_limits lim = {.timeout_s = 0, .mem_bytes = 2u << 20, .steps = 1000000};
	arc_evaluator *ev = arc_evaluator_new(b, &lim);
	arc_outcome out[2];
	arc_grid in = grid2x2();
	assert_int_equal(arc_evaluator_run(ev, &in, NULL, out), ARC_OK);
	assert_int_equal(out[0].status, ARC_EVAL_OK);
	assert_int_equal(out[1].status, ARC_EVAL_OK);
	assert_grid(&out[0].grid, 2, 2, (const uint8_t[]){1, 1, 1, 1});
	assert_grid(&out[1].grid, 2, 2, (const uint8_t[]){2, 2, 2, 2});
	assert_true(arc_evaluator_bytes(ev, 1) > (1u << 20));
	assert_true(arc_evaluator_bytes(ev, 0) + arc_evaluator_bytes(ev, 1) > (3u << 20));
	arc_evaluator_free(ev);
	arc_battery_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(merging),
		cmocka_unit_test(active_mask),
		cmocka_unit_test(failure_isolation_and_limits),
		cmocka_unit_test(threads),
		cmocka_unit_test(hostile_programs_stop_at_their_limits),
		cmocka_unit_test(full_arena_runs_programs_alone),
		cmocka_unit_test(limits_for_seconds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
