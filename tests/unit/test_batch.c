/* test_batch.c — grid pools (copies, shapes, palettes, refused grids), the checks of a batch
 * (every bad index, program, flag), and the accumulator: results by slot identical for batch
 * sizes 1, 7 and 1000 and backend threads 1, 2 and 3, items of several "tasks" in one batch,
 * expected grids kept once per batch, and its counts. */
#include "testutil.h"

#include "arcbatt.h"
#include "backend/backend.h"
#include "grid_hash.h"
#include "grid_score.h"
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

/* Both CPU paths of gp_palette against a cell-by-cell loop, every length 1..900, bytes past 9
 * among the cells too (they count for no colour). */
static void palette_paths(void **state)
{
	(void)state;
	uint8_t g[900 + 16];
	uint64_t x = 0x9e3779b97f4a7c15ull;
	for (int round = 0; round < 8; round++)
		for (int n = 1; n <= 900; n++) {
			int span = round < 4 ? 2 + round * 3 : 256; /* few colours, then any byte */
			for (int k = 0; k < n; k++) {
				x ^= x << 13, x ^= x >> 7, x ^= x << 17;
				g[k] = (uint8_t)(x % (uint64_t)span);
			}
			uint32_t want = 0;
			for (int k = 0; k < n; k++)
				want |= g[k] <= 9 ? 1u << g[k] : 0;
			if (gp_palette_plain(g, n) != want || gp_palette(g, n) != want)
				fail_msg("palette of %d cells (round %d): plain %x, chosen %x, want %x", n, round,
				         gp_palette_plain(g, n), gp_palette(g, n), want);
#if defined(__x86_64__) && defined(__GNUC__)
			if (__builtin_cpu_supports("ssse3") && gp_palette_ssse3(g, n) != want)
				fail_msg("ssse3 palette of %d cells: %x, want %x", n, gp_palette_ssse3(g, n), want);
#endif
		}
}

static void pools(void **state)
{
	(void)state;
	batch_grids p;
	batch_grids_init(&p, true);
	arc_error err;
	for (size_t k = 0; k < 300; k++) { /* grows past its first room */
		uint32_t i;
		assert_int_equal(batch_grids_add(&p, &set.g[k], &i, &err), ARC_OK);
		assert_int_equal(i, k);
	}
	assert_int_equal((uintptr_t)p.cells % 64, 0);
	for (size_t k = 0; k < 300; k++) {
		arc_grid g;
		batch_grids_get(&p, k, &g);
		assert_true(arc_grid_equal(&g, &set.g[k]));
		unsigned pal = 0;
		for (int c = 0; c < g.h * g.w; c++)
			pal |= 1u << g.cell[c];
		assert_int_equal(p.pal[k], pal);
	}
	arc_grid bad = {.h = 3, .w = 3};
	uint32_t i;
	for (int at = 0; at < 9; at++) { /* a bad colour anywhere, in the 8-cell words or the tail */
		memset(bad.cell, 9, 9);
		bad.cell[at] = 10;
		assert_int_equal(batch_grids_add(&p, &bad, &i, &err), ARC_E_USAGE);
		assert_non_null(strstr(err.message, "colour 10"));
		bad.cell[at] = 200;
		assert_int_equal(batch_grids_add(&p, &bad, &i, &err), ARC_E_USAGE);
	}
	uint8_t cells[31 * 31] = {0};
	assert_int_equal(batch_grids_add_cells(&p, 0, 3, cells, &i, &err), ARC_E_USAGE);
	assert_int_equal(batch_grids_add_cells(&p, 31, 1, cells, &i, &err), ARC_E_USAGE);
	assert_int_equal(batch_grids_add_cells(&p, 30, 30, cells, &i, &err), ARC_OK);
	assert_int_equal(p.n, 301);
	batch_grids_free(&p);
	assert_int_equal(p.n, 0);
}

/* Every change through the pool's functions gives it a new stamp, and no two pools share one
 * (a device keeps a copy by stamp); a failed add changes nothing. */
static void stamps(void **state)
{
	(void)state;
	batch_grids a, b;
	batch_grids_init(&a, false), batch_grids_init(&b, true);
	assert_true(a.stamp != b.stamp);
	arc_error err;
	uint32_t i;
	uint64_t seen = a.stamp;
	assert_int_equal(batch_grids_add(&a, &set.g[0], &i, &err), ARC_OK);
	assert_true(a.stamp != seen && a.stamp != b.stamp);
	seen = a.stamp;
	arc_grid bad = set.g[0];
	bad.cell[0] = 10;
	assert_int_equal(batch_grids_add(&a, &bad, &i, &err), ARC_E_USAGE);
	assert_true(a.stamp == seen);
	batch_grids_touch(&a);
	assert_true(a.stamp != seen);
	seen = a.stamp;
	batch_grids_clear(&a);
	assert_true(a.stamp != seen && a.n == 0 && a.cap > 0);
	seen = a.stamp;
	batch_grids_free(&a);
	assert_true(a.stamp != seen);
	batch_grids_free(&b);
}

static void checks(void **state)
{
	(void)state;
	batch_grids src, want, nopal;
	batch_grids_init(&src, false), batch_grids_init(&want, true), batch_grids_init(&nopal, false);
	arc_error err;
	uint32_t i;
	for (int k = 0; k < 3; k++) {
		batch_grids_add(&src, &set.g[k], &i, &err);
		batch_grids_add(&want, &set.g[k], &i, &err);
		batch_grids_add(&nopal, &set.g[k], &i, &err);
	}
	gprog progs[2] = {{.n = 1, .op = {{.code = GOP_rot90}}}, {.n = 1, .op = {{.code = GOP_upscale, .a = 9}}}};
	uint32_t s[2] = {0, 2}, p[2] = {0, 0}, w[2] = {1, BATCH_NONE};
	batch good = {.src = &src, .want = &want, .prog = progs, .nprog = 1, .item_src = s,
	              .item_prog = p, .item_want = w, .nitems = 2, .flags = BATCH_SCORE};
	batch b = good;
	assert_int_equal(batch_check(&b, &err), ARC_OK);
	s[1] = 3;
	assert_int_equal(batch_check(&b, &err), ARC_E_USAGE);
	assert_non_null(strstr(err.message, "item 1 refers to 3, out of 3"));
	s[1] = 2, p[1] = 1;
	assert_int_equal(batch_check(&b, &err), ARC_E_USAGE);
	p[1] = 0, w[0] = 3;
	assert_int_equal(batch_check(&b, &err), ARC_E_USAGE);
	w[0] = 1;
	b.nprog = 2; /* program 1 has a factor out of range */
	assert_int_equal(batch_check(&b, &err), ARC_E_USAGE);
	assert_non_null(strstr(err.message, "program 1"));
	b = good, b.want = &nopal;
	assert_int_equal(batch_check(&b, &err), ARC_E_USAGE);
	b = good, b.flags = BATCH_CELLS;
	assert_int_equal(batch_check(&b, &err), ARC_E_USAGE);
	b = good, b.flags = 64;
	assert_int_equal(batch_check(&b, &err), ARC_E_USAGE);
	b = good, b.src = NULL;
	assert_int_equal(batch_check(&b, &err), ARC_E_USAGE);
	/* packed cells: offsets multiples of 16, nondecreasing */
	uint8_t cells[64];
	uint64_t off[3] = {0, 32, 48};
	b = good, b.flags = BATCH_CELLS, b.out_cells = cells, b.cell_off = off;
	assert_int_equal(batch_check(&b, &err), ARC_OK);
	off[1] = 8;
	assert_int_equal(batch_check(&b, &err), ARC_E_USAGE);
	assert_non_null(strstr(err.message, "cell offset 1 is 8"));
	off[1] = 64;
	assert_int_equal(batch_check(&b, &err), ARC_E_USAGE);
	/* product form: nitems from the sizes; programs required */
	uint32_t sw[3] = {0, BATCH_NONE, 2};
	batch pr = {.src = &src, .want = &want, .prog = progs, .nprog = 1, .src_want = sw, .nitems = 99};
	assert_int_equal(batch_check(&pr, &err), ARC_OK);
	assert_int_equal(pr.nitems, 3);
	sw[1] = 7;
	assert_int_equal(batch_check(&pr, &err), ARC_E_USAGE);
	pr.prog = NULL, pr.nprog = 0;
	assert_int_equal(batch_check(&pr, &err), ARC_E_USAGE);
	batch_grids_free(&src), batch_grids_free(&want), batch_grids_free(&nopal);
}

/* Items of three "tasks" through accumulators of batch size 1, 7 and 1000 on backends of 1,
 * 2 and 3 threads: the same bytes in every slot. */
static void accumulator_same_bytes(void **state)
{
	(void)state;
	size_t nv = gop_variants(NULL, 0), n = 3000;
	gprog_op *ops = malloc(nv * sizeof *ops);
	gop_variants(ops, nv);
	gprog *progs = calloc(n, sizeof *progs);
	const arc_grid **src = malloc(n * sizeof *src), **want = malloc(n * sizeof *want);
	for (size_t k = 0; k < n; k++) {
		progs[k].n = (uint8_t)gridset_rnd(&set, GPROG_MAX_OPS + 1);
		for (int m = 0; m < progs[k].n; m++)
			progs[k].op[m] = ops[gridset_rnd(&set, (uint32_t)nv)];
		size_t task = k / 1000; /* each "task" has its own few expected grids */
		src[k] = &set.g[gridset_rnd(&set, (uint32_t)set.n)];
		want[k] = k % 11 ? &set.g[task * 10 + gridset_rnd(&set, 10)] : NULL;
	}
	static const size_t sizes[3] = {1, 7, 1000};
	batch_result *res[3];
	arc_error err;
	for (int v = 0; v < 3; v++) {
		res[v] = malloc(n * sizeof *res[v]);
		memset(res[v], 0x5a, n * sizeof *res[v]);
		backend *be;
		assert_int_equal(backend_open(&(backend_opts){.kind = ARC_BACKEND_CPU,
		                                              .threads = (size_t)v + 1},
		                              &be, NULL, 0, &err),
		                 ARC_OK);
		batch_acc *a = batch_acc_new(be, sizes[v], BATCH_SCORE | BATCH_HASH);
		assert_non_null(a);
		for (size_t k = 0; k < n; k++)
			assert_int_equal(batch_acc_add(a, src[k], progs[k].n ? &progs[k] : NULL, want[k],
			                               &res[v][k], &err),
			                 ARC_OK);
		assert_int_equal(batch_acc_flush(a, &err), ARC_OK);
		assert_int_equal(batch_acc_flush(a, &err), ARC_OK); /* nothing left: no batch */
		arc_batch_stats st = batch_acc_stats(a);
		assert_int_equal(st.added, n);
		assert_int_equal(st.processed, n);
		assert_int_equal(st.batches, (n + sizes[v] - 1) / sizes[v]);
		assert_int_equal(st.bytes_to + st.bytes_from, 0);
		batch_acc_free(a);
		backend_close(be);
		if (v)
			assert_memory_equal(res[0], res[v], n * sizeof *res[v]);
	}
	/* each slot is what the item's own program gives */
	size_t ok = 0;
	for (size_t k = 0; k < n; k++) {
		arc_grid out;
		bool gok = gprog_apply(&progs[k], src[k], &out);
		assert_int_equal(res[0][k].status, gok ? BATCH_OK : BATCH_FAILED);
		if (!gok)
			continue;
		ok++;
		assert_true(res[0][k].hash == grid_hash(out.h, out.w, out.cell));
		if (want[k])
			assert_true(res[0][k].closeness == arc_closeness(&out, want[k]));
		else
			assert_true(res[0][k].closeness == 0);
	}
	assert_true(ok > n / 3);
	for (int v = 0; v < 3; v++)
		free(res[v]);
	free(src), free(want), free(progs), free(ops);
}

/* Refused items leave the queue as it was. */
static void accumulator_refuses(void **state)
{
	(void)state;
	backend *be;
	arc_error err;
	assert_int_equal(backend_open(&(backend_opts){.kind = ARC_BACKEND_CPU, .threads = 1}, &be,
	                              NULL, 0, &err),
	                 ARC_OK);
	batch_acc *a = batch_acc_new(be, 0, BATCH_SCORE);
	arc_grid bad = {.h = 0, .w = 4};
	gprog junk = {.n = 1, .op = {{.code = GOP_COUNT}}};
	batch_result r[3];
	assert_int_equal(batch_acc_add(a, &bad, NULL, NULL, &r[0], &err), ARC_E_USAGE);
	assert_int_equal(batch_acc_add(a, &set.g[0], &junk, NULL, &r[0], &err), ARC_E_USAGE);
	assert_int_equal(batch_acc_add(a, &set.g[0], NULL, &bad, &r[0], &err), ARC_E_USAGE);
	assert_int_equal(batch_acc_add(a, &set.g[1], NULL, &set.g[1], &r[1], &err), ARC_OK);
	assert_int_equal(batch_acc_flush(a, &err), ARC_OK);
	assert_int_equal(batch_acc_stats(a).added, 1);
	assert_int_equal(r[1].status, BATCH_OK);
	assert_int_equal(r[1].exact, 1);
	assert_true(r[1].closeness == 1.0);
	batch_acc_free(a);
	backend_close(be);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(palette_paths),
		cmocka_unit_test(pools),
		cmocka_unit_test(stamps),
		cmocka_unit_test(checks),
		cmocka_unit_test(accumulator_same_bytes),
		cmocka_unit_test(accumulator_refuses),
	};
	return cmocka_run_group_tests_name("batch", tests, setup, teardown);
}
