/* soak.c — the random-program soak (issue 10): a seeded generator of well-typed arc-dsl
 * programs over all 160 primitives (arguments drawn from the input, earlier lines, constants
 * and primitives whose arc-dsl types may fit, dsl_type.h), parsed, loaded and run in batteries
 * under small limits on a few training inputs. Checks: no crash (the CI runs it under
 * ASan+UBSan), no evaluation past its limits (memory from the evaluator's counters; time: the
 * wall-clock backstop never fires; an evaluation stopped at a limit or an error may count more
 * than the cap: a line shared with other programs runs with the largest budget any of them has
 * left, and is charged in full to each, and the lines after a failing one that do not need it
 * still run and count), every primitive called, and the same outcomes, bytes
 * and work with one thread and with two.
 * usage: soak [--programs N] [--seed S] [--inputs K] [--batch B] [--steps N]
 *             (from the repository root; --steps N: a budget of N units, the backstop 10x the
 *             time they stand for and at least a second, 256 MiB) */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arcbatt.h"
#include "dsl.h"
#include "mutate.h"
#include "strbuf.h"

#define MAX_LINES 12
/* Small limits keep a soak of 10,000 programs short. The budget (about 2 ms of work) is
 * checked before a loop runs, charged up front where a loop's length is known (so the count
 * may pass it by one such charge); the backstop, a second, is hundreds of times what the
 * budget takes even under a sanitizer: it firing means a loop that does not count its work. */
static arc_limits LIMITS = {.timeout_s = 1.0, .mem_bytes = 16u << 20, .steps = 20000};

static size_t pick(uint64_t *rng, size_t n) { return (size_t)(((unsigned __int128)mut_rand(rng) * n) >> 64); }

/* The candidates for a parameter of type want (-1: I, 0..: lines, 100..: constants, 200..:
 * primitives as functions) whose type fits it (strict) or may fit it; their count. */
static int candidates(dsl_type want, const uint8_t *ret, int line, bool strict, int *cand)
{
	int n = 0;
	bool (*ok)(dsl_type, dsl_type) = strict ? dsl_type_fits : dsl_type_may_fit;
	if (ok(T_GRID, want))
		cand[n++] = -1;
	for (int k = 0; k < line; k++)
		if (ok((dsl_type)ret[k], want))
			cand[n++] = k;
	for (int k = 0; k < CONST_COUNT; k++) {
		uint32_t sh = dsl_value_shape(const_table[k].v), w = dsl_type_shapes(want);
		if (strict ? (sh & ~w) == 0 : (sh & w) != 0)
			cand[n++] = 100 + k;
	}
	if (ok(T_CALLABLE, want))
		for (int k = 0; k < PRIM_COUNT; k++)
			cand[n++] = 200 + k;
	return n;
}

/* Appends one argument for a parameter of type want: the input, an earlier line, a constant or
 * a primitive, among those whose type fits, else may fit; a later line three times out of four
 * when one does, so that programs chain their lines. Anything at all when nothing fits. */
static void put_arg(strbuf *sb, uint64_t *rng, dsl_type want, const uint8_t *ret, int line)
{
	int cand[1 + MAX_LINES + CONST_COUNT + PRIM_COUNT];
	int n = candidates(want, ret, line, true, cand);
	if (n == 0)
		n = candidates(want, ret, line, false, cand);
	if (n == 0) {
		sb_printf(sb, "%s", const_table[pick(rng, CONST_COUNT)].name);
		return;
	}
	int lines[MAX_LINES + 1], nl = 0;
	for (int k = 0; k < n; k++)
		if (cand[k] < 100)
			lines[nl++] = cand[k];
	int c = nl && pick(rng, 4) ? lines[pick(rng, (size_t)nl)] : cand[pick(rng, (size_t)n)];
	if (c < 0)
		sb_printf(sb, "I");
	else if (c < 100)
		sb_printf(sb, "x%d", c + 1);
	else if (c < 200)
		sb_printf(sb, "%s", const_table[c - 100].name);
	else
		sb_printf(sb, "%s", prim_table[c - 200].name);
}

/* One program solve_p<k>: 1..MAX_LINES calls of random primitives; the last one is O. Every
 * primitive is the callee of the first line of some program in each run of PRIM_COUNT. */
static void gen_program(strbuf *sb, uint64_t *rng, size_t k, unsigned *called)
{
	int lines = 1 + (int)pick(rng, MAX_LINES);
	uint8_t ret[MAX_LINES];
	sb_printf(sb, "def solve_p%zu(I):\n", k);
	for (int l = 0; l < lines; l++) {
		int id = l == 0 ? (int)(k % PRIM_COUNT) : (int)pick(rng, PRIM_COUNT);
		const prim_info *p = &prim_table[id];
		called[id]++;
		ret[l] = p->ret;
		if (l + 1 < lines)
			sb_printf(sb, "    x%d = %s(", l + 1, p->name);
		else
			sb_printf(sb, "    O = %s(", p->name);
		for (int a = 0; a < p->arity; a++) {
			if (a)
				sb_printf(sb, ", ");
			put_arg(sb, rng, (dsl_type)p->arg[a], ret, l);
		}
		sb_printf(sb, ")\n");
	}
	sb_printf(sb, "    return O\n\n");
}

typedef struct job {
	const arc_battery *b;
	const arc_grid *inputs;
	size_t ninputs, first, stride; /* this thread's inputs: first, first + stride, ... */
	arc_outcome *out;              /* ninputs x nprogs, by slot */
	uint64_t *work;                /* the same slots: work units */
	size_t *bytes;                 /* the same slots: bytes */
	bool failed;
} job;

static void *run_job(void *arg)
{
	job *j = arg;
	size_t np = arc_battery_count(j->b);
	arc_evaluator *ev = arc_evaluator_new(j->b, &LIMITS);
	if (!ev) {
		j->failed = true;
		return NULL;
	}
	for (size_t i = j->first; i < j->ninputs; i += j->stride) {
		if (arc_evaluator_run(ev, &j->inputs[i], NULL, j->out + i * np) != ARC_OK)
			j->failed = true;
		for (size_t p = 0; p < np; p++) {
			j->work[i * np + p] = arc_evaluator_work(ev, p);
			j->bytes[i * np + p] = arc_evaluator_bytes(ev, p);
		}
	}
	arc_evaluator_free(ev);
	return NULL;
}

typedef struct result {
	arc_outcome *out;
	uint64_t *work;
	size_t *bytes;
} result;

static bool run_threads(const arc_battery *b, const arc_grid *in, size_t nin, size_t threads,
                        result *r)
{
	size_t slots = nin * arc_battery_count(b);
	r->out = calloc(slots ? slots : 1, sizeof *r->out);
	r->work = calloc(slots ? slots : 1, sizeof *r->work);
	r->bytes = calloc(slots ? slots : 1, sizeof *r->bytes);
	if (!r->out || !r->work || !r->bytes)
		return false;
	job jobs[2];
	pthread_t tid[2];
	for (size_t t = 0; t < threads; t++) {
		jobs[t] = (job){b, in, nin, t, threads, r->out, r->work, r->bytes, false};
		if (t && pthread_create(&tid[t], NULL, run_job, &jobs[t]))
			return false;
	}
	run_job(&jobs[0]);
	bool ok = !jobs[0].failed;
	for (size_t t = 1; t < threads; t++) {
		pthread_join(tid[t], NULL);
		ok = ok && !jobs[t].failed;
	}
	return ok;
}

static void result_free(result *r)
{
	free(r->out), free(r->work), free(r->bytes);
}

/* Outcomes equal as bytes: status, reason, and the grid when there is one. */
static bool same_outcome(const arc_outcome *a, const arc_outcome *b)
{
	if (a->status != b->status || strcmp(a->reason, b->reason))
		return false;
	return a->status != ARC_EVAL_OK ||
	       (a->grid.h == b->grid.h && a->grid.w == b->grid.w &&
	        !memcmp(a->grid.cell, b->grid.cell, (size_t)a->grid.h * a->grid.w));
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
	size_t nprogs = 10000, ninputs = 4, batch = 500;
	uint64_t seed = 1;
	for (int k = 1; k + 1 < argc; k += 2) {
		unsigned long long v = strtoull(argv[k + 1], NULL, 10);
		if (!strcmp(argv[k], "--programs"))
			nprogs = v;
		else if (!strcmp(argv[k], "--seed"))
			seed = v;
		else if (!strcmp(argv[k], "--inputs"))
			ninputs = v ? v : 1;
		else if (!strcmp(argv[k], "--batch"))
			batch = v ? v : 1;
		else if (!strcmp(argv[k], "--steps") && v) {
			LIMITS = arc_limits_for_seconds(v / ARC_STEPS_PER_SECOND);
			LIMITS.timeout_s = LIMITS.timeout_s < 1 ? 1 : LIMITS.timeout_s;
		}
		else {
			fprintf(stderr, "usage: soak [--programs N] [--seed S] [--inputs K] [--batch B] "
			                "[--steps N]\n");
			return 1;
		}
	}
	arc_taskset *ts = NULL;
	if (arc_taskset_load("data/arc-agi-1/training", NULL, &ts, NULL) != ARC_OK) {
		fprintf(stderr, "soak: cannot load data/arc-agi-1/training (run from the repository root)\n");
		return 1;
	}
	arc_grid *in = malloc(ninputs * sizeof *in);
	for (size_t i = 0; in && i < ninputs; i++) /* tasks spread over the sorted ids */
		in[i] = arc_taskset_get(ts, i * arc_taskset_count(ts) / ninputs)->train[0].input;
	uint64_t rng = seed;
	unsigned called[PRIM_COUNT] = {0};
	size_t counts[ARC_EVAL_SKIPPED + 1] = {0}, evals = 0, rejected = 0;
	size_t passed = 0, failed = 0;
	uint64_t max_work = 0;
	size_t max_bytes = 0;
	double t0 = now();
	for (size_t done = 0; in && done < nprogs; done += batch) {
		size_t n = nprogs - done < batch ? nprogs - done : batch;
		strbuf sb = {0};
		for (size_t k = 0; k < n; k++)
			gen_program(&sb, &rng, done + k, called);
		arc_battery *b = arc_battery_new();
		arc_diag d = {0};
		arc_battery_add_text(b, "soak.py", sb.s ? sb.s : "", sb.n, false, &d);
		rejected += n - arc_battery_count(b); /* arities of function values known statically */
		arc_diag_free(&d);
		sb_free(&sb);
		result one, two;
		bool ok = run_threads(b, in, ninputs, 1, &one) && run_threads(b, in, ninputs, 2, &two);
		size_t np = arc_battery_count(b);
		for (size_t s = 0; ok && s < ninputs * np; s++) {
			const arc_outcome *o = &one.out[s];
			counts[o->status]++;
			evals++;
			max_work = one.work[s] > max_work ? one.work[s] : max_work;
			max_bytes = one.bytes[s] > max_bytes ? one.bytes[s] : max_bytes;
			bool good = same_outcome(o, &two.out[s]) && one.work[s] == two.work[s] &&
			            one.bytes[s] == two.bytes[s] && o->status != ARC_EVAL_TIMEOUT &&
			            (o->status == ARC_EVAL_LIMIT || o->status == ARC_EVAL_ERROR ||
			             one.bytes[s] <= LIMITS.mem_bytes);
			if (!good && failed < 10)
				fprintf(stderr, "soak: %s on input %zu: %s (%s), work %llu, bytes %zu; 2 threads: %s\n",
				        arc_battery_name(b, s % np), s / np, o->reason,
				        o->status == ARC_EVAL_TIMEOUT ? "the backstop fired" : "status",
				        (unsigned long long)one.work[s], one.bytes[s], two.out[s].reason);
			good ? passed++ : failed++;
		}
		if (!ok) {
			fprintf(stderr, "soak: a batch could not be run (memory)\n");
			failed++;
		}
		result_free(&one), result_free(&two);
		arc_battery_free(b);
	}
	size_t unused = 0;
	for (int k = 0; k < PRIM_COUNT; k++)
		unused += called[k] == 0;
	if (unused && nprogs >= PRIM_COUNT) {
		fprintf(stderr, "soak: %zu primitives never called\n", unused);
		failed++;
	}
	printf("soak: %zu programs (seed %llu, %zu refused by the parser), %zu evaluations on %zu "
	       "inputs in %.1f s: %zu ok, %zu errors, %zu not a grid, %zu at a limit, %zu timeouts; "
	       "most work %llu units (budget %llu), most memory %zu bytes; %zu/%d primitives called; "
	       "1 and 2 threads %s\n",
	       nprogs, (unsigned long long)seed, rejected, evals, ninputs, now() - t0,
	       counts[ARC_EVAL_OK], counts[ARC_EVAL_ERROR], counts[ARC_EVAL_NOT_GRID],
	       counts[ARC_EVAL_LIMIT], counts[ARC_EVAL_TIMEOUT], (unsigned long long)max_work,
	       (unsigned long long)LIMITS.steps, max_bytes, PRIM_COUNT - unused, PRIM_COUNT,
	       failed ? "differ or fail" : "agree");
	printf("%zu passed, %zu failed\n", passed, failed);
	free(in);
	arc_taskset_free(ts);
	return failed ? 1 : 0;
}
