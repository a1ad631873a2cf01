/* bench/batch.c — items per second of the batch backends: scoring alone (explicit items,
 * candidates streamed from a pool of up to 2^20 grids, new at every run as a search's are, so a
 * device uploads them each time; the expected grids stay resident) and grid programs of 1, 2 and 3 ops
 * (product form over the training inputs, scored against their outputs and hashed, as the
 * search runs them; once more with the result cells written back; once more with the simple
 * ops alone, those the GPU runs a warp per item), on the CPU with one thread
 * and with every core, and on the GPU with transfers included (the whole backend_run) and
 * excluded (kernel time), for batch sizes 1 to 10^7. Bandwidth counts the bytes an item
 * touches (its source and expected cells, its result and cells), against the card's 4.3 TB/s.
 * Each table ends with where the GPU starts to win; results are compared CPU vs GPU.
 * usage: build/bench/batch [--max-items N] [--cpu-max-items N] [--threads N] [--min-time S]
 *                          [--only NAME[,NAME...]] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arcbatt.h"
#include "backend/backend.h"
#include "pool.h"

#define CARD_BYTES_PER_S 4.3e12 /* H200, device-to-device copy measured here (KINDS.md) */
#define POOL_MAX (1u << 20)     /* scoring candidates */

typedef struct opts {
	size_t max_items, cpu_max_items, threads;
	double min_time;
	const char *only;
} opts;

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint32_t rnd(uint32_t n)
{
	rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
	return (uint32_t)(rng >> 11) % n;
}

/* One measured configuration: items/s, and for the GPU the kernel-only rate. */
typedef struct rate {
	double items_s, device_items_s, bytes_s; /* 0 when not measured */
	uint64_t to, from;                        /* bytes moved by one run */
} rate;

/* Runs b repeatedly for at least min_time (at least once); the best run counts. fresh: the
 * sources are new grids at every run (touched, so a device copies them again), as a search's
 * candidates are; else they stay resident on a device, as a task's inputs do. */
static rate measure(backend *be, batch *b, batch_result *out, double bytes, bool fresh,
                    const opts *o)
{
	rate r = {0};
	double best = 1e30, best_dev = 1e30, spent = 0;
	for (int rep = 0; rep < 1000 && (rep < 2 || spent < o->min_time); rep++) {
		backend_info info;
		arc_error err;
		if (fresh)
			batch_grids_touch((batch_grids *)b->src);
		double t0 = now();
		if (backend_run(be, b, out, &info, &err) != ARC_OK) {
			arc_error_print(&err, stderr);
			exit(1);
		}
		double t = now() - t0;
		spent += t;
		best = t < best ? t : best;
		if (info.device_s > 0 && info.device_s < best_dev)
			best_dev = info.device_s;
		r.to = info.bytes_to, r.from = info.bytes_from;
	}
	r.items_s = b->nitems / best;
	if (best_dev < 1e30) {
		r.device_items_s = b->nitems / best_dev;
		r.bytes_s = bytes / best_dev;
	} else {
		r.bytes_s = bytes / best;
	}
	return r;
}

/* A workload at one size: its batch, and the bytes its items touch. */
typedef struct workload {
	const char *name, *what;
	bool memory_bound;
	/* Builds the batch of about n items into b (owning its arrays); returns the bytes. */
	double (*make)(struct workload *w, size_t n, batch *b);
	bool fresh;             /* sources new at every run (measure) */
	int ops;                /* program length (prog workloads) */
	bool cells;             /* results' cells written back */
	size_t max;             /* largest batch (0: --max-items) */
	bool simple;            /* ops only from the simple ones: gprog.def before mend_sym, the
	                         * issue's list (the warp runs the mendings too, but they are not) */
} workload;

static arc_grid *inputs, *outputs; /* the training pairs' grids: output NULL-ish when h == 0 */
static size_t ninputs;
static batch_grids cand, targets;  /* scoring pools */
static batch_grids src, want;      /* program pools */
static uint32_t *src_want;
static gprog_op *variants;
static size_t nvariants, nsimple; /* the first nsimple variants are the simple ops' */

static void load(void)
{
	arc_taskset *ts;
	if (arc_taskset_load("data/arc-agi-1/training", &(arc_load_opts){0}, &ts, NULL) != ARC_OK) {
		fprintf(stderr, "bench/batch: cannot load data/arc-agi-1/training\n");
		exit(1);
	}
	for (size_t i = 0; i < arc_taskset_count(ts); i++) {
		const arc_task *t = arc_taskset_get(ts, i);
		for (int k = 0; k < t->ntrain + t->ntest; k++) {
			const arc_pair *p = k < t->ntrain ? &t->train[k] : &t->test[k - t->ntrain];
			inputs = realloc(inputs, (ninputs + 1) * sizeof *inputs);
			outputs = realloc(outputs, (ninputs + 1) * sizeof *outputs);
			inputs[ninputs] = p->input;
			outputs[ninputs] = p->output;
			if (k >= t->ntrain || !p->has_output)
				outputs[ninputs].h = 0; /* the search knows no test output */
			ninputs++;
		}
	}
	arc_taskset_free(ts);
	arc_error err;
	batch_grids_init(&src, false), batch_grids_init(&want, true);
	src_want = malloc(ninputs * sizeof *src_want);
	for (size_t k = 0; k < ninputs; k++) {
		uint32_t i;
		batch_grids_add(&src, &inputs[k], &i, &err);
		src_want[k] = BATCH_NONE;
		if (outputs[k].h)
			batch_grids_add(&want, &outputs[k], &src_want[k], &err);
	}
	nvariants = gop_variants(NULL, 0);
	variants = malloc(nvariants * sizeof *variants);
	gop_variants(variants, nvariants);
	while (nsimple < nvariants && variants[nsimple].code < GOP_mend_sym)
		nsimple++;
}

/* Scoring pools: candidates are the training outputs, perturbed; each item scores one
 * against its own output. */
static double make_score(workload *w, size_t n, batch *b)
{
	static uint32_t *cand_target;
	size_t pool = n < POOL_MAX ? n : POOL_MAX;
	if (cand.n < pool) {
		arc_error err;
		if (!targets.palettes)
			batch_grids_init(&targets, true), batch_grids_init(&cand, false);
		cand_target = realloc(cand_target, pool * sizeof *cand_target);
		while (cand.n < pool) {
			size_t k;
			do
				k = rnd((uint32_t)ninputs);
			while (!outputs[k].h);
			arc_grid c = outputs[k];
			for (int q = 0; q < c.h * c.w; q++)
				if (!rnd(8))
					c.cell[q] = (uint8_t)rnd(10);
			uint32_t i, t;
			batch_grids_add(&cand, &c, &i, &err);
			batch_grids_add(&targets, &outputs[k], &t, &err);
			cand_target[i] = t;
		}
	}
	uint32_t *is = malloc(n * sizeof *is), *iw = malloc(n * sizeof *iw);
	double bytes = 0;
	for (size_t k = 0; k < n; k++) {
		is[k] = (uint32_t)(k % pool), iw[k] = cand_target[is[k]];
		bytes += 2.0 * cand.h[is[k]] * cand.w[is[k]] + sizeof(batch_result);
	}
	*b = (batch){.src = &cand, .want = &targets, .item_src = is, .item_want = iw, .nitems = n,
	             .flags = BATCH_SCORE | BATCH_HASH};
	return bytes;
}

/* Programs of w->ops random ops on every training input (or the first n). */
static double make_prog(workload *w, size_t n, batch *b)
{
	static batch_grids few, few_want;
	static uint32_t *few_sw;
	size_t ns = n < src.n ? n : src.n, np = (n + ns - 1) / ns;
	const batch_grids *s = &src, *wp = &want;
	const uint32_t *sw = src_want;
	if (ns < src.n) { /* a small batch: the first ns inputs and only their outputs */
		arc_error err;
		batch_grids_free(&few), batch_grids_free(&few_want);
		batch_grids_init(&few, false), batch_grids_init(&few_want, true);
		few_sw = realloc(few_sw, ns * sizeof *few_sw);
		for (size_t k = 0; k < ns; k++) {
			uint32_t i;
			arc_grid g;
			batch_grids_get(&src, k, &g);
			batch_grids_add(&few, &g, &i, &err);
			few_sw[k] = BATCH_NONE;
			if (src_want[k] != BATCH_NONE) {
				batch_grids_get(&want, src_want[k], &g);
				batch_grids_add(&few_want, &g, &few_sw[k], &err);
			}
		}
		s = &few, wp = &few_want, sw = few_sw;
	}
	gprog *progs = calloc(np, sizeof *progs);
	for (size_t p = 0; p < np; p++) {
		progs[p].n = (uint8_t)w->ops;
		for (int m = 0; m < w->ops; m++)
			progs[p].op[m] = variants[rnd((uint32_t)(w->simple ? nsimple : nvariants))];
	}
	double per_source = 0;
	for (size_t k = 0; k < ns; k++) {
		per_source += s->h[k] * s->w[k] + sizeof(batch_result);
		if (sw[k] != BATCH_NONE)
			per_source += wp->h[sw[k]] * wp->w[sw[k]];
	}
	*b = (batch){.src = s, .want = wp, .prog = progs, .nprog = np, .src_want = sw,
	             .flags = BATCH_SCORE | BATCH_HASH | (w->cells ? BATCH_CELLS : 0)};
	b->nitems = np * ns;
	return per_source * np;
}

static void free_batch(batch *b)
{
	free((void *)b->item_src), free((void *)b->item_want);
	if (b->src != &cand)
		free((void *)b->prog);
	free(b->out_cells);
}

static void fmt(char *buf, double x)
{
	if (x <= 0)
		snprintf(buf, 16, "-");
	else if (x >= 1e9)
		snprintf(buf, 16, "%.2fG", x / 1e9);
	else if (x >= 1e6)
		snprintf(buf, 16, "%.2fM", x / 1e6);
	else if (x >= 1e3)
		snprintf(buf, 16, "%.1fk", x / 1e3);
	else
		snprintf(buf, 16, "%.0f", x);
}

static void run_workload(workload *w, backend *cpu1, backend *cpun, backend *gpu, const opts *o)
{
	printf("\n== %s: %s%s\n", w->name, w->what, w->memory_bound ? " (memory-bound)" : "");
	printf("%10s %10s %10s %11s %11s %9s %7s %11s %11s %7s %7s\n", "items", "cpu 1", "cpu all",
	       "gpu incl", "gpu excl", "GB/s", "%card", "to device", "from dev", "x incl", "x excl");
	size_t win_incl = 0, win_excl = 0;
	bool same = true;
	size_t max = w->max && w->max < o->max_items ? w->max : o->max_items;
	for (size_t n = 1; n <= max; n *= 10) {
		batch b;
		double bytes = w->make(w, n, &b);
		size_t items = b.nitems;
		if (w->cells)
			b.out_cells = malloc(items * BATCH_STRIDE);
		batch_result *x = malloc(items * sizeof *x), *y = malloc(items * sizeof *y);
		rate c1 = {0}, cn = {0}, g = {0};
		if (items <= o->cpu_max_items) {
			c1 = measure(cpu1, &b, x, bytes, w->fresh, o);
			cn = measure(cpun, &b, x, bytes, w->fresh, o);
		}
		if (gpu) {
			g = measure(gpu, &b, y, bytes, w->fresh, o);
			if (items <= o->cpu_max_items)
				same &= !memcmp(x, y, items * sizeof *x);
			if (cn.items_s > 0 && !win_incl && g.items_s > cn.items_s)
				win_incl = items;
			if (cn.items_s > 0 && !win_excl && g.device_items_s > cn.items_s)
				win_excl = items;
		}
		char s[8][16];
		fmt(s[0], c1.items_s), fmt(s[1], cn.items_s), fmt(s[2], g.items_s);
		fmt(s[3], g.device_items_s), fmt(s[4], (double)g.to), fmt(s[5], (double)g.from);
		double gbs = gpu ? g.bytes_s / 1e9 : cn.bytes_s / 1e9;
		printf("%10zu %10s %10s %11s %11s %9.1f %6.1f%% %11s %11s %7.1f %7.1f\n", items, s[0], s[1],
		       s[2], s[3], gbs, 100 * gbs * 1e9 / CARD_BYTES_PER_S, s[4], s[5],
		       cn.items_s > 0 ? g.items_s / cn.items_s : 0,
		       cn.items_s > 0 ? g.device_items_s / cn.items_s : 0);
		fflush(stdout);
		free(x), free(y);
		free_batch(&b);
	}
	if (gpu) {
		char incl[64], excl[64];
		size_t top = max < o->cpu_max_items ? max : o->cpu_max_items;
		if (win_incl)
			snprintf(incl, sizeof incl, "from %zu items", win_incl);
		else
			snprintf(incl, sizeof incl, "at no size up to %zu items", top);
		if (win_excl)
			snprintf(excl, sizeof excl, "from %zu items", win_excl);
		else
			snprintf(excl, sizeof excl, "at no size up to %zu items", top);
		printf("-- %s: the GPU beats every core %s with transfers, %s without; results %s\n",
		       w->name, incl, excl, same ? "identical to the CPU's" : "DIFFER from the CPU's");
	}
}

static bool chosen(const opts *o, const char *name)
{
	if (!o->only)
		return true;
	size_t n = strlen(name);
	for (const char *p = o->only; (p = strstr(p, name)); p += n)
		if ((p == o->only || p[-1] == ',') && (p[n] == ',' || !p[n]))
			return true;
	return false;
}

int main(int argc, char **argv)
{
	opts o = {.max_items = 10000000, .cpu_max_items = 1000000, .threads = pool_cpu_count(),
	          .min_time = 0.2};
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(a, "--max-items") && v)
			o.max_items = (size_t)strtod(argv[++i], NULL);
		else if (!strcmp(a, "--cpu-max-items") && v)
			o.cpu_max_items = (size_t)strtod(argv[++i], NULL);
		else if (!strcmp(a, "--threads") && v)
			o.threads = strtoul(argv[++i], NULL, 10);
		else if (!strcmp(a, "--min-time") && v)
			o.min_time = strtod(argv[++i], NULL);
		else if (!strcmp(a, "--only") && v)
			o.only = argv[++i];
		else {
			fprintf(stderr, "usage: %s [--max-items N] [--cpu-max-items N] [--threads N] "
			                "[--min-time S] [--only score,prog1,prog2,prog3,cells1,simple1]\n", argv[0]);
			return 1;
		}
	}
	load();
	arc_error err;
	backend *cpu1, *cpun, *gpu = NULL;
	char notice[300];
	if (backend_open(&(backend_opts){.kind = ARC_BACKEND_CPU, .threads = 1}, &cpu1, NULL, 0, &err) ||
	    backend_open(&(backend_opts){.kind = ARC_BACKEND_CPU, .threads = o.threads}, &cpun, NULL,
	                 0, &err) ||
	    backend_open(&(backend_opts){.kind = ARC_BACKEND_CUDA}, &gpu, notice, sizeof notice, &err)) {
		arc_error_print(&err, stderr);
		return 1;
	}
	if (!backend_has_cuda(gpu)) {
		printf("bench/batch: %s\n", notice);
		backend_close(gpu);
		gpu = NULL;
	}
	printf("bench/batch: %zu training inputs (%zu with outputs), %zu op variants; CPU all = %zu "
	       "threads; rates in items/s (k, M, G); GB/s counts the bytes items touch, per %s; "
	       "x = GPU / all cores\n",
	       ninputs, want.n, nvariants, o.threads, gpu ? "kernel second" : "CPU second");
	workload ws[] = {
		{"score", "explicit items, no program: candidate vs expected grid, closeness and hash; "
		 "candidates new at every run, expected grids resident", true, make_score, true, 0, false, 0, false},
		{"prog1", "one random op on every training input, scored and hashed (product form)",
		 false, make_prog, false, 1, false, 0, false},
		{"prog2", "two random ops, likewise", false, make_prog, false, 2, false, 0, false},
		{"prog3", "three random ops, likewise", false, make_prog, false, 3, false, 0, false},
		{"cells1", "one random op, the result cells written back too (up to 10^6 items)", true,
		 make_prog, false, 1, true, 1000000, false},
		{"simple1", "one random op of the simple ones (gprog.def before mend_sym: rigid "
		 "transforms, halves, crops, scalings, colour maps, concatenations, halves combined), "
		 "scored and hashed", false, make_prog, false, 1, false, 0, true},
	};
	for (size_t k = 0; k < sizeof ws / sizeof ws[0]; k++)
		if (chosen(&o, ws[k].name))
			run_workload(&ws[k], cpu1, cpun, gpu, &o);
	backend_close(cpu1), backend_close(cpun), backend_close(gpu);
	return 0;
}
