/* test_cuda_backend.c — the CUDA backend against the CPU backend, bit for bit (results and
 * cells): the conformance vectors of the one-primitive ops (against the reference itself),
 * every op with every parameter on every grid of the training tasks and the odd shapes (1x1,
 * 1x30, 30x1, 30x30, ...), random programs of 1..4 ops, scoring alone, the explicit and product
 * forms, the accumulator, batch sizes from 1 to millions (across the chunks of a launch), and
 * the search's hash-first batches against its exact ones. Needs a GPU: `make cudatest CUDA=1` (bench/gpu.sh). Plain C, no cmocka: prints what
 * differs (per op) and ends with "N passed, N failed". */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arcbatt.h"
#include "backend/backend.h"
#include "gridset.h"
#include "opvectors.h"
#include "search.h"
#include "search_grid.h"

static gridset set;
static backend *cpu, *gpu;
static int passed, failed;
static bool dry; /* CUDATEST_CPU: a CPU backend stands in for the GPU */

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

static void check(bool ok, const char *name, double seconds)
{
	printf("%s %s (%.2f s)\n", ok ? "ok  " : "FAIL", name, seconds);
	fflush(stdout);
	ok ? passed++ : failed++;
}

static bool run(backend *be, batch *b, batch_result *r)
{
	arc_error err;
	if (backend_run(be, b, r, NULL, &err) != ARC_OK) {
		printf("  %s: ", backend_name(be));
		arc_error_print(&err, stdout);
		printf("\n");
		return false;
	}
	return true;
}

/* Compares n results (and with cells, their h*w cells) and prints the first differences and
 * the number of differing items per first op. */
static bool same(const batch *b, const batch_result *x, const batch_result *y, const uint8_t *cx,
                 const uint8_t *cy, size_t n)
{
	size_t bad = 0, per_op[GOP_COUNT + 1] = {0};
	for (size_t k = 0; k < n; k++) {
		bool eq = !memcmp(&x[k], &y[k], sizeof x[k]);
		if (eq && cx && x[k].status == BATCH_OK)
			eq = !memcmp(cx + k * BATCH_STRIDE, cy + k * BATCH_STRIDE, (size_t)x[k].h * x[k].w);
		if (eq)
			continue;
		size_t p = b->item_src ? (b->item_prog ? b->item_prog[k] : SIZE_MAX) : k / b->src->n;
		const gprog *g = p == SIZE_MAX ? NULL : &b->prog[p];
		per_op[g && g->n ? g->op[0].code : GOP_COUNT]++;
		if (bad++ < 8) {
			char name[128] = "identity";
			if (g)
				gprog_name(g, name, sizeof name);
			printf("  item %zu (%s): cpu status %u %ux%u exact %u close %.17g hash %016llx | "
			       "cuda status %u %ux%u exact %u close %.17g hash %016llx%s\n",
			       k, name, x[k].status, x[k].h, x[k].w, x[k].exact, x[k].closeness,
			       (unsigned long long)x[k].hash, y[k].status, y[k].h, y[k].w, y[k].exact,
			       y[k].closeness, (unsigned long long)y[k].hash,
			       !memcmp(&x[k], &y[k], sizeof x[k]) ? " (cells differ)" : "");
		}
	}
	if (bad) {
		printf("  %zu of %zu items differ; by first op:", bad, n);
		for (int c = 0; c <= GOP_COUNT; c++)
			if (per_op[c])
				printf(" %s %zu", c < GOP_COUNT ? gop_table[c].name : "identity", per_op[c]);
		printf("\n");
	}
	return bad == 0;
}

/* Sources: every grid; expected: the next grid (none for every fifth). */
static void pools(batch_grids *src, batch_grids *want, uint32_t *sw)
{
	arc_error err;
	batch_grids_init(src, false), batch_grids_init(want, true);
	for (size_t s = 0; s < set.n; s++) {
		uint32_t i;
		if (batch_grids_add(src, &set.g[s], &i, &err) ||
		    batch_grids_add(want, &set.g[(s + 1) % set.n], &sw[s], &err))
			abort();
		if (s % 5 == 0)
			sw[s] = BATCH_NONE;
	}
}

static gprog *random_programs(size_t n, int max_ops)
{
	size_t nv = gop_variants(NULL, 0);
	gprog_op *ops = malloc(nv * sizeof *ops);
	gop_variants(ops, nv);
	gprog *p = calloc(n, sizeof *p);
	for (size_t k = 0; k < n; k++) {
		p[k].n = (uint8_t)(1 + gridset_rnd(&set, (uint32_t)max_ops));
		for (int m = 0; m < p[k].n; m++)
			p[k].op[m] = ops[gridset_rnd(&set, (uint32_t)nv)];
	}
	free(ops);
	return p;
}

/* The conformance vectors of rot90 ... switch: the GPU gives the reference's grid, or fails. */
static void conformance_vectors(void)
{
	double t0 = now();
	size_t n = 0;
	opvector *v = opvectors_load(OPVECTORS_FILE, &n);
	batch_grids src;
	batch_grids_init(&src, false);
	gprog *progs = malloc((n ? n : 1) * sizeof *progs);
	uint32_t *is = malloc((n ? n : 1) * sizeof *is), *ip = malloc((n ? n : 1) * sizeof *ip);
	arc_error err;
	for (size_t k = 0; k < n; k++) {
		if (batch_grids_add(&src, &v[k].in, &is[k], &err))
			abort();
		progs[k] = v[k].p, ip[k] = (uint32_t)k;
	}
	batch_result *r = malloc((n ? n : 1) * sizeof *r);
	uint8_t *cells = malloc((n ? n : 1) * BATCH_STRIDE);
	batch b = {.src = &src, .prog = progs, .nprog = n, .item_src = is, .item_prog = ip,
	           .nitems = n, .flags = BATCH_HASH | BATCH_CELLS, .out_cells = cells};
	bool ok = v && n > 2000 && run(gpu, &b, r);
	size_t bad = 0;
	for (size_t k = 0; ok && k < n; k++) {
		bool gok = r[k].status == BATCH_OK;
		if (gok == v[k].ok && (!gok || (r[k].h == v[k].want.h && r[k].w == v[k].want.w &&
		                                !memcmp(cells + k * BATCH_STRIDE, v[k].want.cell,
		                                        (size_t)r[k].h * r[k].w))))
			continue;
		if (bad++ < 8) {
			char name[64];
			gprog_name(&v[k].p, name, sizeof name);
			printf("  vector %zu (%s on a %ux%u grid): cuda %s, reference %s\n", k, name,
			       v[k].in.h, v[k].in.w, gok ? "a grid" : "fails", v[k].ok ? "a grid" : "fails");
		}
	}
	char name[96];
	snprintf(name, sizeof name, "conformance vectors of the one-primitive ops: %zu", n);
	check(ok && !bad, name, now() - t0);
	free(v), free(progs), free(is), free(ip), free(r), free(cells);
	batch_grids_free(&src);
}

/* Every op variant on every grid, with cells. */
static void every_op(void)
{
	double t0 = now();
	size_t nv = gop_variants(NULL, 0), ns = set.n, n = nv * ns;
	gprog_op *ops = malloc(nv * sizeof *ops);
	gop_variants(ops, nv);
	gprog *progs = calloc(nv, sizeof *progs);
	for (size_t k = 0; k < nv; k++)
		progs[k].n = 1, progs[k].op[0] = ops[k];
	batch_grids src, want;
	uint32_t *sw = malloc(ns * sizeof *sw);
	pools(&src, &want, sw);
	batch_result *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
	uint8_t *cx = malloc(n * BATCH_STRIDE), *cy = malloc(n * BATCH_STRIDE);
	batch b = {.src = &src, .want = &want, .prog = progs, .nprog = nv, .src_want = sw,
	           .flags = BATCH_SCORE | BATCH_HASH | BATCH_CELLS, .out_cells = cx};
	bool ok = run(cpu, &b, x);
	b.out_cells = cy;
	ok = ok && run(gpu, &b, y) && same(&b, x, y, cx, cy, n);
	char name[96];
	snprintf(name, sizeof name, "every op variant (%zu) on every grid (%zu), with cells: %zu items",
	         nv, ns, n);
	check(ok, name, now() - t0);
	free(x), free(y), free(cx), free(cy), free(sw), free(progs), free(ops);
	batch_grids_free(&src), batch_grids_free(&want);
}

/* Random programs of 1..4 ops on every grid (product form), then the same items in explicit
 * form and in explicit sub-batches of sizes from 1 to millions. */
static void random_programs_and_sizes(void)
{
	double t0 = now();
	size_t np = 1200, ns = set.n, n = np * ns;
	gprog *progs = random_programs(np, GPROG_MAX_OPS);
	batch_grids src, want;
	uint32_t *sw = malloc(ns * sizeof *sw);
	pools(&src, &want, sw);
	batch_result *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
	batch b = {.src = &src, .want = &want, .prog = progs, .nprog = np, .src_want = sw,
	           .flags = BATCH_SCORE | BATCH_HASH};
	bool ok = run(cpu, &b, x) && run(gpu, &b, y) && same(&b, x, y, NULL, NULL, n);
	char name[128];
	snprintf(name, sizeof name, "%zu random programs of 1..4 ops on every grid: %zu items", np, n);
	check(ok, name, now() - t0);

	uint32_t *is = malloc(n * sizeof *is), *ip = malloc(n * sizeof *ip), *iw = malloc(n * sizeof *iw);
	for (size_t k = 0; k < n; k++)
		ip[k] = (uint32_t)(k / ns), is[k] = (uint32_t)(k % ns), iw[k] = sw[k % ns];
	static const size_t sizes[] = {1, 2, 7, 31, 1000, 65537, (1u << 21) + 5, 4000000};
	for (size_t q = 0; q < sizeof sizes / sizeof sizes[0]; q++) {
		t0 = now();
		size_t size = sizes[q], total = size * 200 < n ? size * 200 : n;
		memset(y, 0xa5, total * sizeof *y);
		ok = true;
		for (size_t f = 0; f < total && ok; f += size) {
			batch e = {.src = &src, .want = &want, .prog = progs, .nprog = np,
			           .item_src = is + f, .item_prog = ip + f, .item_want = iw + f,
			           .nitems = total - f < size ? total - f : size,
			           .flags = BATCH_SCORE | BATCH_HASH};
			ok = run(gpu, &e, y + f);
		}
		batch e = {.src = &src, .prog = progs, .nprog = np, .item_src = is, .item_prog = ip};
		ok = ok && same(&e, x, y, NULL, NULL, total);
		snprintf(name, sizeof name, "explicit batches of %zu items (%zu items)", size, total);
		check(ok, name, now() - t0);
	}
	free(is), free(ip), free(iw), free(x), free(y), free(sw), free(progs);
	batch_grids_free(&src), batch_grids_free(&want);
}

/* Scoring alone (the identity, explicit form, no programs): every grid and a perturbed copy
 * against itself and its neighbour, repeated to a million items. */
static void scoring(void)
{
	double t0 = now();
	batch_grids src, want;
	batch_grids_init(&src, false), batch_grids_init(&want, true);
	arc_error err;
	for (size_t k = 0; k < set.n; k++) {
		arc_grid c = set.g[k];
		uint32_t i;
		for (int q = 0; q < c.h * c.w; q++)
			if (!gridset_rnd(&set, 6))
				c.cell[q] = (uint8_t)gridset_rnd(&set, 10);
		if (batch_grids_add(&src, &set.g[k], &i, &err) || batch_grids_add(&src, &c, &i, &err) ||
		    batch_grids_add(&want, &set.g[k], &i, &err))
			abort();
	}
	size_t n = 1000000;
	uint32_t *is = malloc(n * sizeof *is), *iw = malloc(n * sizeof *iw);
	for (size_t k = 0; k < n; k++) {
		is[k] = (uint32_t)(k % src.n);
		iw[k] = (uint32_t)((is[k] / 2 + (k / src.n) % 2) % want.n);
	}
	batch_result *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
	batch b = {.src = &src, .want = &want, .item_src = is, .item_want = iw, .nitems = n,
	           .flags = BATCH_SCORE | BATCH_HASH};
	bool ok = run(cpu, &b, x) && run(gpu, &b, y) && same(&b, x, y, NULL, NULL, n);
	size_t exact = 0;
	for (size_t k = 0; k < n; k++)
		exact += x[k].exact;
	ok = ok && exact > n / 8;
	check(ok, "scoring alone: 1000000 items", now() - t0);
	free(is), free(iw), free(x), free(y);
	batch_grids_free(&src), batch_grids_free(&want);
}

/* Pools stay on the device while unchanged: a run after cells changed in place (and touched),
 * after grids were added and after a clear must see the new grids; the identity with its cells
 * back (the thread kernel's copy) too. */
static void resident_pools(void)
{
	double t0 = now();
	batch_grids src, want;
	batch_grids_init(&src, false), batch_grids_init(&want, true);
	arc_error err;
	size_t n = 3 * set.n;
	uint32_t *is = malloc(n * sizeof *is), *iw = malloc(n * sizeof *iw);
	batch_result *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
	uint8_t *cx = malloc(n * BATCH_STRIDE), *cy = malloc(n * BATCH_STRIDE);
	bool ok = true;
	for (int round = 0; ok && round < 4; round++) {
		if (round == 0 || round == 3) {
			if (round == 3)
				batch_grids_clear(&src), batch_grids_clear(&want);
			for (size_t k = 0; k < set.n; k++) {
				uint32_t i;
				if (batch_grids_add(&src, &set.g[(k + round) % set.n], &i, &err) ||
				    batch_grids_add(&want, &set.g[k], &i, &err))
					abort();
			}
		} else if (round == 1) { /* in place: every tenth cell of every source recoloured */
			for (size_t k = 0; k < src.n; k++)
				for (int q = 0; q < src.h[k] * src.w[k]; q += 10)
					src.cells[k * BATCH_STRIDE + q] = (uint8_t)((src.cells[k * BATCH_STRIDE + q] + 1) % 10);
			batch_grids_touch(&src);
		} else { /* added: the items now reach past the old ends */
			for (size_t k = 0; k < set.n; k++) {
				uint32_t i;
				if (batch_grids_add(&src, &set.g[k], &i, &err) ||
				    batch_grids_add(&want, &set.g[set.n - 1 - k], &i, &err))
					abort();
			}
		}
		for (size_t k = 0; k < n; k++)
			is[k] = (uint32_t)((k * 7) % src.n), iw[k] = (uint32_t)((k * 3) % want.n);
		batch b = {.src = &src, .want = &want, .item_src = is, .item_want = iw, .nitems = n,
		           .flags = BATCH_SCORE | BATCH_HASH | (round & 1 ? BATCH_CELLS : 0),
		           .out_cells = cx};
		ok = run(cpu, &b, x);
		b.out_cells = cy;
		ok = ok && run(gpu, &b, y) && same(&b, x, y, round & 1 ? cx : NULL, cy, n);
		if (!ok)
			printf("  round %d differs\n", round);
	}
	check(ok, "resident pools: changed in place, grown, cleared; identity with cells", now() - t0);
	free(is), free(iw), free(x), free(y), free(cx), free(cy);
	batch_grids_free(&src), batch_grids_free(&want);
}

/* auto: a batch below the crossover on the CPU, one at it on the GPU (opened then), same bytes. */
static void auto_crossover(void)
{
	double t0 = now();
	backend *be;
	arc_error err;
	bool ok = backend_open(&(backend_opts){.kind = ARC_BACKEND_AUTO}, &be, NULL, 0, &err) == ARC_OK;
	batch_grids src;
	batch_grids_init(&src, false);
	for (size_t k = 0; ok && k < set.n; k++) {
		uint32_t i;
		ok = batch_grids_add(&src, &set.g[k], &i, &err) == ARC_OK;
	}
	size_t n = BACKEND_GPU_MIN_ITEMS, sizes[2] = {n - 1, n};
	const char *want[2] = {"cpu", "cuda"};
	uint32_t *is = malloc(n * sizeof *is);
	for (size_t k = 0; k < n; k++)
		is[k] = (uint32_t)(k % set.n);
	batch_result *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
	for (int q = 0; ok && q < 2; q++) {
		batch b = {.src = &src, .item_src = is, .nitems = sizes[q], .flags = BATCH_HASH};
		backend_info info;
		ok = backend_run(be, &b, x, &info, &err) == ARC_OK && !strcmp(info.device, want[q]) &&
		     run(cpu, &b, y) && !memcmp(x, y, sizes[q] * sizeof *x);
		if (!ok)
			printf("  %zu items: ran on %s, expected %s\n", sizes[q], info.device, want[q]);
	}
	ok = ok && backend_has_cuda(be);
	check(ok, "auto: below the crossover on the CPU, at it on the GPU", now() - t0);
	backend_close(be);
	free(is), free(x), free(y);
	batch_grids_free(&src);
}

/* The accumulator on the GPU (kind cuda, every batch there) against the CPU. */
static void accumulator(void)
{
	double t0 = now();
	size_t n = 20000;
	gprog *progs = random_programs(n, 3);
	static const size_t sizes[] = {1, 7, 1000, 20000};
	batch_result *r[5];
	arc_error err;
	bool ok = true;
	for (int v = 0; v < 5; v++) {
		r[v] = malloc(n * sizeof *r[v]);
		batch_acc *a = batch_acc_new(v ? gpu : cpu, v ? sizes[v - 1] : 4096,
		                             BATCH_SCORE | BATCH_HASH);
		for (size_t k = 0; k < n && ok; k++)
			ok = batch_acc_add(a, &set.g[k % set.n], k % 9 ? &progs[k] : NULL,
			                   &set.g[(k * 7) % 500], &r[v][k], &err) == ARC_OK;
		ok = ok && batch_acc_flush(a, &err) == ARC_OK;
		if (v && ok) {
			arc_batch_stats st = batch_acc_stats(a);
			ok = st.processed == n && (!backend_has_cuda(gpu) ||
			                           (st.bytes_to > 0 && st.bytes_from >= n * sizeof(batch_result)));
		}
		batch_acc_free(a);
		if (v && ok)
			ok = !memcmp(r[0], r[v], n * sizeof *r[v]);
	}
	check(ok, "accumulator on the GPU, batch sizes 1, 7, 1000, 20000: 20000 items", now() - t0);
	for (int v = 0; v < 5; v++)
		free(r[v]);
	free(progs);
}

/* Packed cells (cell_off): random programs on every grid, each item's room its result rounded
 * up to 16 bytes (16 for a failure), every third item's room 0; the GPU's cells equal the
 * CPU's in every room and nothing is written past the last room (a marker stays). */
static void packed_cells(void)
{
	double t0 = now();
	size_t np = 300, ns = set.n, n = np * ns;
	gprog *progs = random_programs(np, 2);
	batch_grids src, want;
	uint32_t *sw = malloc(ns * sizeof *sw);
	pools(&src, &want, sw);
	batch_result *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
	batch b = {.src = &src, .want = &want, .prog = progs, .nprog = np, .src_want = sw,
	           .flags = BATCH_HASH};
	bool ok = run(cpu, &b, x);
	uint64_t *off = malloc((n + 1) * sizeof *off), at = 0;
	for (size_t k = 0; k < n; k++) {
		off[k] = at;
		if (k % 3 && x[k].status == BATCH_OK)
			at += ((size_t)x[k].h * x[k].w + 15) & ~(size_t)15;
		else if (k % 3)
			at += 16; /* a failed item's room stays as it was */
	}
	off[n] = at;
	uint8_t *cx = malloc(at + 16), *cy = malloc(at + 16);
	memset(cx, 0xee, at + 16), memset(cy, 0xee, at + 16);
	b.flags = BATCH_SCORE | BATCH_HASH | BATCH_CELLS, b.cell_off = off;
	b.out_cells = cx;
	ok = ok && run(cpu, &b, x);
	b.out_cells = cy;
	ok = ok && run(gpu, &b, y) && same(&b, x, y, NULL, NULL, n);
	for (size_t k = 0; ok && k < n; k++) {
		size_t room = off[k + 1] - off[k], cells = (size_t)x[k].h * x[k].w;
		ok = x[k].status != BATCH_OK || !room || !memcmp(cx + off[k], cy + off[k], cells);
		if (!ok)
			printf("  item %zu: cells differ\n", k);
	}
	for (size_t q = 0; ok && q < 16; q++)
		ok = cy[at + q] == 0xee;
	char name[128];
	snprintf(name, sizeof name, "packed cells: %zu items, %llu bytes", n, (unsigned long long)at);
	check(ok, name, now() - t0);
	free(off), free(cx), free(cy), free(x), free(y), free(sw), free(progs);
	batch_grids_free(&src), batch_grids_free(&want);
}

typedef struct runner_job {
	const batch *b;
	batch_result *out;
	bool ok;
} runner_job;

static void *runner(void *v)
{
	runner_job *j = v;
	batch_result *r = malloc(j->b->nitems * sizeof *r);
	j->ok = true;
	for (int round = 0; round < 20 && j->ok; round++)
		j->ok = run(gpu, (batch *)j->b, r) && !memcmp(r, j->out, j->b->nitems * sizeof *r);
	free(r);
	return NULL;
}

/* Runs of 8 threads at once (each its own sources, 20 batches each): each gets the CPU's
 * bytes. */
static void concurrent_runs(void)
{
	double t0 = now();
	enum { T = 8 };
	size_t n = 20000;
	gprog *progs = random_programs(64, 3);
	batch_grids src[T];
	uint32_t *is[T], *ip[T];
	batch b[T];
	runner_job job[T];
	pthread_t th[T];
	arc_error err;
	bool ok = true;
	for (int t = 0; t < T; t++) {
		batch_grids_init(&src[t], false);
		is[t] = malloc(n * sizeof *is[t]), ip[t] = malloc(n * sizeof *ip[t]);
		for (size_t k = 0; k < 500; k++) {
			uint32_t i;
			ok = ok && batch_grids_add(&src[t], &set.g[(k * 13 + (size_t)t * 401) % set.n], &i,
			                           &err) == ARC_OK;
		}
		for (size_t k = 0; k < n; k++)
			is[t][k] = (uint32_t)((k * 7 + (size_t)t) % 500), ip[t][k] = (uint32_t)(k % 64);
		b[t] = (batch){.src = &src[t], .prog = progs, .nprog = 64, .item_src = is[t],
		               .item_prog = ip[t], .nitems = n, .flags = BATCH_HASH};
		job[t] = (runner_job){.b = &b[t], .out = malloc(n * sizeof(batch_result))};
		ok = ok && run(cpu, &b[t], job[t].out);
	}
	for (int t = 0; ok && t < T; t++)
		pthread_create(&th[t], NULL, runner, &job[t]);
	for (int t = 0; ok && t < T; t++)
		pthread_join(th[t], NULL);
	for (int t = 0; t < T; t++) {
		ok = ok && job[t].ok;
		free(job[t].out), free(is[t]), free(ip[t]);
		batch_grids_free(&src[t]);
	}
	free(progs);
	check(ok, "8 threads' runs at once: each the CPU's bytes", now() - t0);
}

/* The search on the GPU (the hash-first batches) against the CPU (the exact ones): the same
 * candidates, counts and states on 40 training tasks, at the GPU's batch size and at 4096
 * items, also with hashes narrowed to 12 bits (chunks redone on the exact path). */
static void search_same(void)
{
	double t0 = now(), tc = 0, tg = 0;
	arc_taskset *ts = NULL;
	arc_error err;
	bool ok = arc_taskset_load(GRIDSET_TRAINING, &(arc_load_opts){0}, &ts, NULL) == ARC_OK;
	for (size_t i = 0; ok && i < 40; i++) {
		const arc_task *t = arc_taskset_get(ts, i * 10);
		arc_search_opts o = ARC_SEARCH_DEFAULT;
		o.features &= ~(unsigned)ARC_SEARCH_ENUM;
		o.nodes = 20000;
		search_cand *c0, *c;
		size_t n0, n;
		arc_search_stats s0 = {0};
		double a = now();
		ok = search_task(t, &o, cpu, 0, &c0, &n0, &s0, &err) == ARC_OK;
		tc += now() - a;
		for (int k = 0; ok && k < 3; k++) {
			arc_search_stats s1 = {0};
			o.batch_items = k == 1 ? 4096 : 0;
			search_grid_hash_bits = k == 2 ? 12 : 64;
			a = now();
			ok = search_task(t, &o, gpu, 0, &c, &n, &s1, &err) == ARC_OK;
			tg += k ? 0 : now() - a;
			search_grid_hash_bits = 64;
			if (!ok)
				break;
			ok = search_cands_same(c0, n0, c, n) && s0.evaluated == s1.evaluated &&
			     s0.distinct == s1.distinct && s0.memory_hit == s1.memory_hit;
			if (!ok)
				printf("  task %s, variant %d: %zu and %zu candidates, %llu and %llu distinct\n",
				       t->id, k, n0, n, (unsigned long long)s0.distinct,
				       (unsigned long long)s1.distinct);
			search_cands_free(c, n);
		}
		if (!ok && err.message[0])
			arc_error_print(&err, stdout), printf("\n");
		search_cands_free(c0, n0);
	}
	printf("  search of 40 tasks at 20000 nodes: cpu %.2f s, gpu %.2f s\n", tc, tg);
	check(ok, "search: the same candidates on the GPU as on the CPU (40 tasks)", now() - t0);
	arc_taskset_free(ts);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!gridset_load(&set)) {
		printf("cannot load %s (run from the repository root)\n", GRIDSET_TRAINING);
		return 1;
	}
	char notice[300];
	arc_error err;
	dry = getenv("CUDATEST_CPU") != NULL;
	if (backend_open(&(backend_opts){.kind = ARC_BACKEND_CPU}, &cpu, NULL, 0, &err) ||
	    backend_open(&(backend_opts){.kind = dry ? ARC_BACKEND_CPU : ARC_BACKEND_CUDA,
	                                 .threads = 3, .as_device = dry},
	                 &gpu, notice, sizeof notice, &err)) {
		arc_error_print(&err, stdout);
		return 1;
	}
	if (dry)
		printf("dry run: a CPU backend of 3 threads stands in for the GPU (as a device)\n");
	else if (!backend_has_cuda(gpu)) {
		printf("FAIL: %s\n0 passed, 1 failed\n", notice);
		return 1;
	}
	printf("CUDA backend against the CPU backend on %zu grids\n", set.n);
	conformance_vectors();
	every_op();
	random_programs_and_sizes();
	scoring();
	resident_pools();
	if (!dry)
		auto_crossover();
	accumulator();
	packed_cells();
	concurrent_runs();
	search_same();
	backend_close(cpu);
	backend_close(gpu);
	gridset_free(&set);
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
