/* test_backend.c — the CPU backend and the backend selection: scores equal to arc_closeness and
 * arc_grid_equal (and arc_closeness equal, bit for bit, to README's formula computed cell by
 * cell), hashes equal to grid_hash and stable across releases, grid programs equal to
 * gprog_apply, the same bytes for any thread count and for the product and explicit forms,
 * packed cells (cell_off), odd shapes, and CUDA asked for where there is none. */
#include "testutil.h"

#include "arcbatt.h"
#include "backend/backend.h"
#include "grid_hash.h"
#include "gridset.h"

static gridset set;

static int setup(void **state)
{
	(void)state;
	return gridset_load(&set) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	gridset_free(&set);
	return 0;
}

static backend *open_cpu(size_t threads)
{
	backend *be;
	arc_error err;
	assert_int_equal(backend_open(&(backend_opts){.kind = ARC_BACKEND_CPU, .threads = threads},
	                              &be, NULL, 0, &err),
	                 ARC_OK);
	return be;
}

/* README's closeness as the runner computed it before the batch backends, cell by cell. */
static double closeness_reference(const arc_grid *got, const arc_grid *want)
{
	int h = got->h < want->h ? got->h : want->h;
	int w = got->w < want->w ? got->w : want->w;
	double shape = got->h == want->h && got->w == want->w
		? 1.0
		: (double)h / (got->h > want->h ? got->h : want->h) *
		  (double)w / (got->w > want->w ? got->w : want->w);
	int same = 0;
	for (int i = 0; i < h; i++)
		for (int j = 0; j < w; j++)
			same += got->cell[i * got->w + j] == want->cell[i * want->w + j];
	double cells = (double)same / (want->h * want->w);
	unsigned pg = 0, pw = 0;
	for (int k = 0; k < got->h * got->w; k++)
		pg |= 1u << got->cell[k];
	for (int k = 0; k < want->h * want->w; k++)
		pw |= 1u << want->cell[k];
	double colours = (double)__builtin_popcount(pg & pw) / __builtin_popcount(pg | pw);
	return (shape + cells + colours) / 3.0;
}

/* A copy of g with about one cell in `rate` changed. */
static arc_grid perturbed(const arc_grid *g, uint32_t rate)
{
	arc_grid c = *g;
	for (int k = 0; k < c.h * c.w; k++)
		if (!gridset_rnd(&set, rate))
			c.cell[k] = (uint8_t)gridset_rnd(&set, 10);
	return c;
}

/* Candidates: every grid, a perturbed copy of it and its neighbour in the set; each scored
 * against the grid. */
static void scores_are_arc_closeness(void **state)
{
	(void)state;
	batch_grids src, want;
	batch_grids_init(&src, false), batch_grids_init(&want, true);
	size_t n = 3 * set.n;
	uint32_t *is = malloc(n * sizeof *is), *iw = malloc(n * sizeof *iw);
	arc_grid *cand = malloc(n * sizeof *cand);
	arc_error err;
	for (size_t k = 0; k < set.n; k++) {
		uint32_t t;
		assert_int_equal(batch_grids_add(&want, &set.g[k], &t, &err), ARC_OK);
		cand[3 * k] = set.g[k];
		cand[3 * k + 1] = perturbed(&set.g[k], 8);
		cand[3 * k + 2] = set.g[(k + 1) % set.n];
		for (int q = 0; q < 3; q++) {
			assert_int_equal(batch_grids_add(&src, &cand[3 * k + q], &is[3 * k + q], &err), ARC_OK);
			iw[3 * k + q] = t;
		}
	}
	batch b = {.src = &src, .want = &want, .item_src = is, .item_want = iw, .nitems = n,
	           .flags = BATCH_SCORE | BATCH_HASH};
	batch_result *r = malloc(n * sizeof *r);
	backend *be = open_cpu(1);
	assert_int_equal(backend_run(be, &b, r, NULL, &err), ARC_OK);
	size_t exact = 0;
	for (size_t k = 0; k < n; k++) {
		const arc_grid *w = &set.g[k / 3], *g = &cand[k];
		double c = arc_closeness(g, w);
		assert_true(c == closeness_reference(g, w));
		assert_true(r[k].closeness == c);
		assert_int_equal(r[k].exact, arc_grid_equal(g, w));
		assert_int_equal(r[k].status, BATCH_OK);
		assert_int_equal(r[k].h, g->h);
		assert_int_equal(r[k].w, g->w);
		assert_true(r[k].hash == grid_hash(g->h, g->w, g->cell));
		exact += r[k].exact;
	}
	assert_true(exact >= set.n && exact < 2 * set.n);
	backend_close(be);
	free(r), free(cand), free(is), free(iw);
	batch_grids_free(&src), batch_grids_free(&want);
}

/* Hash values are part of what the search may keep: they must not change by accident. */
static void hashes_are_stable(void **state)
{
	(void)state;
	arc_grid one = {.h = 1, .w = 1, .cell = {0}};
	arc_grid two = {.h = 2, .w = 3, .cell = {1, 2, 3, 4, 5, 6}};
	arc_grid big = {.h = 30, .w = 30};
	for (int k = 0; k < 900; k++)
		big.cell[k] = (uint8_t)(k * 7 % 10);
	assert_true(grid_hash(one.h, one.w, one.cell) == 0xa66e9dea7487cf3cull);
	assert_true(grid_hash(two.h, two.w, two.cell) == 0x774c71dbae868df7ull);
	assert_true(grid_hash(big.h, big.w, big.cell) == 0xee6f242d37ac6925ull);
	/* the shape counts: the same cells as 1x6 and 6x1 and 3x2 hash apart */
	uint64_t a = grid_hash(1, 6, two.cell), b = grid_hash(6, 1, two.cell),
	         c = grid_hash(3, 2, two.cell), d = grid_hash(2, 3, two.cell);
	assert_true(a != b && a != c && a != d && b != c && b != d && c != d);
	/* distinct training grids, distinct hashes */
	size_t n = set.n, collisions = 0;
	uint64_t *h = malloc(n * sizeof *h);
	for (size_t k = 0; k < n; k++)
		h[k] = grid_hash(set.g[k].h, set.g[k].w, set.g[k].cell);
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			collisions += h[i] == h[j] && !arc_grid_equal(&set.g[i], &set.g[j]);
	assert_int_equal(collisions, 0);
	free(h);
}

/* Every one-op program on a sample of grids: status, shape, cells and hash as gprog_apply. */
static void programs_are_gprog_apply(void **state)
{
	(void)state;
	size_t nv = gop_variants(NULL, 0), ns = 97;
	gprog_op *ops = malloc(nv * sizeof *ops);
	gop_variants(ops, nv);
	gprog *progs = calloc(nv, sizeof *progs);
	for (size_t k = 0; k < nv; k++)
		progs[k].n = 1, progs[k].op[0] = ops[k];
	batch_grids src;
	batch_grids_init(&src, false);
	arc_error err;
	for (size_t s = 0; s < ns; s++) {
		uint32_t i;
		assert_int_equal(batch_grids_add(&src, &set.g[(s * 37) % set.n], &i, &err), ARC_OK);
	}
	size_t n = nv * ns;
	batch_result *r = malloc(n * sizeof *r);
	uint8_t *cells = malloc(n * BATCH_STRIDE);
	batch b = {.src = &src, .prog = progs, .nprog = nv, .flags = BATCH_HASH | BATCH_CELLS,
	           .out_cells = cells};
	backend *be = open_cpu(3);
	assert_int_equal(backend_run(be, &b, r, NULL, &err), ARC_OK);
	assert_int_equal(b.nitems, n);
	size_t ok = 0;
	for (size_t p = 0; p < nv; p++)
		for (size_t s = 0; s < ns; s++) {
			const batch_result *x = &r[p * ns + s];
			arc_grid in, want;
			batch_grids_get(&src, s, &in);
			bool gok = gprog_apply(&progs[p], &in, &want);
			assert_int_equal(x->status, gok ? BATCH_OK : BATCH_FAILED);
			if (!gok) {
				assert_true(x->h == 0 && x->w == 0 && x->hash == 0);
				continue;
			}
			ok++;
			assert_int_equal(x->h, want.h);
			assert_int_equal(x->w, want.w);
			assert_memory_equal(cells + (p * ns + s) * BATCH_STRIDE, want.cell, want.h * want.w);
			assert_true(x->hash == grid_hash(want.h, want.w, want.cell));
		}
	assert_true(ok > n / 2);
	backend_close(be);
	free(r), free(cells), free(progs), free(ops);
	batch_grids_free(&src);
}

/* Random 1..4-op programs on every grid scored against its neighbour: the same bytes with
 * 1, 2 and 3 threads, and in the explicit form as in the product form. */
static void same_bytes_any_threads_and_form(void **state)
{
	(void)state;
	size_t nv = gop_variants(NULL, 0), np = 23, ns = set.n;
	gprog_op *ops = malloc(nv * sizeof *ops);
	gop_variants(ops, nv);
	gprog *progs = calloc(np, sizeof *progs);
	for (size_t p = 1; p < np; p++) { /* program 0: the identity */
		progs[p].n = (uint8_t)(1 + gridset_rnd(&set, GPROG_MAX_OPS));
		for (int m = 0; m < progs[p].n; m++)
			progs[p].op[m] = ops[gridset_rnd(&set, (uint32_t)nv)];
	}
	batch_grids src, want;
	batch_grids_init(&src, false), batch_grids_init(&want, true);
	arc_error err;
	uint32_t *sw = malloc(ns * sizeof *sw);
	for (size_t s = 0; s < ns; s++) {
		uint32_t i;
		assert_int_equal(batch_grids_add(&src, &set.g[s], &i, &err), ARC_OK);
		assert_int_equal(batch_grids_add(&want, &set.g[(s + 1) % ns], &sw[s], &err), ARC_OK);
		if (s % 5 == 0)
			sw[s] = BATCH_NONE;
	}
	size_t n = np * ns;
	batch_result *r[4];
	unsigned flags = BATCH_SCORE | BATCH_HASH;
	for (int t = 0; t < 3; t++) {
		r[t] = malloc(n * sizeof *r[t]);
		memset(r[t], 0xa5, n * sizeof *r[t]);
		batch b = {.src = &src, .want = &want, .prog = progs, .nprog = np, .src_want = sw,
		           .flags = flags};
		backend *be = open_cpu((size_t)t + 1);
		assert_int_equal(backend_run(be, &b, r[t], NULL, &err), ARC_OK);
		backend_close(be);
		if (t)
			assert_memory_equal(r[0], r[t], n * sizeof *r[t]);
	}
	uint32_t *is = malloc(n * sizeof *is), *ip = malloc(n * sizeof *ip), *iw = malloc(n * sizeof *iw);
	for (size_t k = 0; k < n; k++)
		ip[k] = (uint32_t)(k / ns), is[k] = (uint32_t)(k % ns), iw[k] = sw[k % ns];
	r[3] = malloc(n * sizeof *r[3]);
	batch b = {.src = &src, .want = &want, .prog = progs, .nprog = np, .item_src = is,
	           .item_prog = ip, .item_want = iw, .nitems = n, .flags = flags};
	backend *be = open_cpu(2);
	assert_int_equal(backend_run(be, &b, r[3], NULL, &err), ARC_OK);
	backend_close(be);
	assert_memory_equal(r[0], r[3], n * sizeof *r[3]);
	size_t ok = 0, scored = 0;
	for (size_t k = 0; k < n; k++) {
		ok += r[0][k].status == BATCH_OK;
		scored += r[0][k].closeness > 0;
		if (sw[k % ns] == BATCH_NONE)
			assert_true(r[0][k].closeness == 0 && !r[0][k].exact);
	}
	assert_true(ok > n / 3 && scored > n / 4);
	for (int t = 0; t < 4; t++)
		free(r[t]);
	free(is), free(ip), free(iw), free(sw), free(progs), free(ops);
	batch_grids_free(&src), batch_grids_free(&want);
}

/* 1x1, 1x30, 30x1 and 30x30 grids through rot90, upscale and the halves. */
/* Packed cells: each item's cells at its offset, as many as its room holds (rooms of the
 * result rounded up to 16, of 16 for a larger result, 0), the same cells as at the stride;
 * nothing written past the last room. */
static void packed_cells(void **state)
{
	(void)state;
	backend *be = open_cpu(2);
	batch_grids src;
	batch_grids_init(&src, false);
	arc_error err;
	size_t n = set.n < 3000 ? set.n : 3000;
	uint32_t *is = malloc(n * sizeof *is), *ip = malloc(n * sizeof *ip);
	for (size_t k = 0; k < n; k++) {
		assert_int_equal(batch_grids_add(&src, &set.g[k], &is[k], &err), ARC_OK);
		ip[k] = (uint32_t)(k % 2);
	}
	gprog progs[2] = {{.n = 1, .op = {{.code = GOP_rot90}}}, {.n = 1, .op = {{.code = GOP_trim}}}};
	batch_result *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
	uint8_t *stride = malloc(n * BATCH_STRIDE), *packed = malloc(n * BATCH_STRIDE + 16);
	uint64_t *off = malloc((n + 1) * sizeof *off), at = 0;
	batch b = {.src = &src, .prog = progs, .nprog = 2, .item_src = is, .item_prog = ip,
	           .nitems = n, .flags = BATCH_CELLS, .out_cells = stride};
	assert_int_equal(backend_run(be, &b, x, NULL, &err), ARC_OK);
	for (size_t k = 0; k < n; k++) {
		off[k] = at;
		size_t cells = (size_t)x[k].h * x[k].w;
		at += k % 3 == 0 ? 0 : k % 3 == 1 ? (cells + 15) & ~(size_t)15 : 16;
	}
	off[n] = at;
	memset(packed, 0xee, at + 16);
	b.out_cells = packed, b.cell_off = off;
	assert_int_equal(backend_run(be, &b, y, NULL, &err), ARC_OK);
	assert_memory_equal(x, y, n * sizeof *x);
	size_t full = 0;
	for (size_t k = 0; k < n; k++) {
		size_t cells = (size_t)x[k].h * x[k].w, room = off[k + 1] - off[k];
		size_t m = cells < room ? cells : room;
		if (x[k].status == BATCH_OK && m)
			assert_memory_equal(packed + off[k], stride + k * BATCH_STRIDE, m);
		full += x[k].status == BATCH_OK && m == cells && cells > 16;
	}
	for (size_t q = 0; q < 16; q++)
		assert_int_equal(packed[at + q], 0xee);
	assert_true(full > 100);
	free(is), free(ip), free(x), free(y), free(stride), free(packed), free(off);
	batch_grids_free(&src);
	backend_close(be);
}

static void odd_shapes(void **state)
{
	(void)state;
	static const int shapes[][2] = {{1, 1}, {1, 30}, {30, 1}, {30, 30}};
	gprog progs[4] = {{.n = 1, .op = {{.code = GOP_rot90}}},
	                  {.n = 1, .op = {{.code = GOP_upscale, .a = 2}}},
	                  {.n = 1, .op = {{.code = GOP_half_xor, .a = 3, .b = 1}}},
	                  {.n = 2, .op = {{.code = GOP_hcat, .a = 1}, {.code = GOP_trim}}}};
	batch_grids src, want;
	batch_grids_init(&src, false), batch_grids_init(&want, true);
	arc_error err;
	uint32_t sw[4];
	arc_grid g[4];
	for (int s = 0; s < 4; s++) {
		g[s] = (arc_grid){.h = (uint8_t)shapes[s][0], .w = (uint8_t)shapes[s][1]};
		for (int k = 0; k < g[s].h * g[s].w; k++)
			g[s].cell[k] = (uint8_t)(k % 3 ? 0 : k % 10);
	}
	for (int s = 0; s < 4; s++) {
		uint32_t i;
		assert_int_equal(batch_grids_add(&src, &g[s], &i, &err), ARC_OK);
		assert_int_equal(batch_grids_add(&want, &g[3 - s], &sw[s], &err), ARC_OK);
	}
	batch_result r[16];
	uint8_t *cells = malloc(16 * BATCH_STRIDE);
	batch b = {.src = &src, .want = &want, .prog = progs, .nprog = 4, .src_want = sw,
	           .flags = BATCH_SCORE | BATCH_HASH | BATCH_CELLS, .out_cells = cells};
	backend *be = open_cpu(1);
	assert_int_equal(backend_run(be, &b, r, NULL, &err), ARC_OK);
	backend_close(be);
	for (int p = 0; p < 4; p++)
		for (int s = 0; s < 4; s++) {
			arc_grid out;
			const batch_result *x = &r[p * 4 + s];
			bool ok = gprog_apply(&progs[p], &g[s], &out);
			assert_int_equal(x->status, ok ? BATCH_OK : BATCH_FAILED);
			if (ok) {
				assert_true(x->closeness == arc_closeness(&out, &g[3 - s]));
				assert_int_equal(x->exact, arc_grid_equal(&out, &g[3 - s]));
				assert_memory_equal(cells + (p * 4 + s) * BATCH_STRIDE, out.cell, out.h * out.w);
			}
		}
	/* 30x30 upscaled is too large; a 1x1 grid has no halves; 30x30 rot90 is fine */
	assert_int_equal(r[1 * 4 + 3].status, BATCH_FAILED);
	assert_int_equal(r[2 * 4 + 0].status, BATCH_FAILED);
	assert_int_equal(r[0 * 4 + 3].status, BATCH_OK);
	free(cells);
	batch_grids_free(&src), batch_grids_free(&want);
}

/* Without a CUDA build (or device), cuda opens the CPU with a one-line notice. */
static void cuda_asked_for(void **state)
{
	(void)state;
	char why[200], notice[300];
	backend *be;
	arc_error err;
	assert_true(arc_backend_available(ARC_BACKEND_CPU, why, sizeof why));
	assert_true(arc_backend_available(ARC_BACKEND_AUTO, why, sizeof why));
	bool have = arc_backend_available(ARC_BACKEND_CUDA, why, sizeof why);
	assert_int_equal(backend_open(&(backend_opts){.kind = ARC_BACKEND_CUDA}, &be, notice,
	                              sizeof notice, &err),
	                 ARC_OK);
	if (!have) {
		assert_true(strlen(why) > 0);
		assert_non_null(strstr(notice, why));
		assert_null(strchr(notice, '\n'));
		assert_string_equal(backend_name(be), "cpu");
		assert_false(backend_has_cuda(be));
	}
	/* a bad batch is refused before any backend sees it */
	batch_grids src;
	batch_grids_init(&src, false);
	uint32_t one = 1;
	batch b = {.src = &src, .item_src = &one, .nitems = 1};
	batch_result r;
	assert_int_equal(backend_run(be, &b, &r, NULL, &err), ARC_E_USAGE);
	backend_close(be);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scores_are_arc_closeness),
		cmocka_unit_test(hashes_are_stable),
		cmocka_unit_test(programs_are_gprog_apply),
		cmocka_unit_test(same_bytes_any_threads_and_form),
		cmocka_unit_test(packed_cells),
		cmocka_unit_test(odd_shapes),
		cmocka_unit_test(cuda_asked_for),
	};
	return cmocka_run_group_tests_name("backend", tests, setup, teardown);
}
