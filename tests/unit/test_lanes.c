/* test_lanes.c — the 32-lane paths of the shared item code (gprog_ops.h, grid_score.h), which
 * only the CUDA kernel runs, tested without a GPU: 32 threads stand for the lanes of a warp
 * (GP_EMULATE_WARP in lanes.h), meeting at a barrier for GP_SYNC and for each reduction. Every
 * op variant and scoring alone on a few grids of every kind (training, odd shapes, mostcolor's
 * ties), ops of every kind of lane split on every width 1..30, random programs of 1..4 ops: every lane must get the CPU backend's result, bit
 * for bit, cells included. A reduction reached by some lanes only hangs: the alarm ends it. */
#define GP_EMULATE_WARP 1
#include "testutil.h"

#include <pthread.h>
#include <unistd.h>

#include "backend/backend.h"
#include "gprog_ops.h"
#include "gridset.h"

_Thread_local int gp_emu_lane;
static pthread_barrier_t meet;
static uint64_t slot[32];

void gp_emu_sync(void)
{
	pthread_barrier_wait(&meet);
}

uint64_t gp_emu_reduce(uint64_t x, int op)
{
	slot[gp_emu_lane] = x;
	pthread_barrier_wait(&meet);
	uint64_t r = slot[0];
	for (int k = 1; k < 32; k++) {
		uint64_t y = slot[k];
		switch (op) {
		case 0: r += y; break;
		case 1: r |= y; break;
		case 2: r = (int64_t)y < (int64_t)r ? y : r; break;
		default: r = (int64_t)y > (int64_t)r ? y : r; break;
		}
	}
	pthread_barrier_wait(&meet);
	return r;
}

/* The items: product of progs x sources, scored against src_want. */
typedef struct job {
	const batch *b;
	batch_result *res[32];      /* per lane */
	uint8_t *cells[32];         /* per lane: the result cells */
	_Alignas(16) uint8_t buf[2][BATCH_STRIDE]; /* the warp's "shared memory" */
} job;

typedef struct lane_arg {
	job *j;
	int lane;
} lane_arg;

static void *lane_main(void *varg)
{
	lane_arg *a = varg;
	job *j = a->j;
	const batch *b = j->b;
	gp_emu_lane = a->lane;
	size_t ns = b->src->n;
	for (size_t k = 0; k < b->nitems; k++) {
		uint32_t s = (uint32_t)(k % ns), p = (uint32_t)(k / ns), t = b->src_want[s];
		const batch_grids *src = b->src, *want = b->want;
		const uint8_t *tc = t == BATCH_NONE ? NULL : want->cells + (size_t)t * BATCH_STRIDE;
		const uint8_t *cells = NULL;
		batch_result r = gp_item(&b->prog[p], src->cells + (size_t)s * BATCH_STRIDE, src->h[s],
		                         src->w[s], NULL, tc, tc ? want->h[t] : 0, tc ? want->w[t] : 0,
		                         tc ? want->pal[t] : 0, b->flags, j->buf[0], j->buf[1], &cells);
		j->res[a->lane][k] = r;
		if (r.status == BATCH_OK)
			memcpy(j->cells[a->lane] + k * BATCH_STRIDE, cells, (size_t)r.h * r.w);
		gp_emu_sync(); /* the kernel's __syncwarp before the next item */
	}
	return NULL;
}

/* Runs b on the emulated warp and on the CPU backend; every lane must match the CPU. */
static void warp_matches_cpu(batch *b)
{
	arc_error err;
	assert_int_equal(batch_check(b, &err), ARC_OK);
	size_t n = b->nitems;
	batch_result *want = malloc(n * sizeof *want);
	uint8_t *want_cells = malloc(n * BATCH_STRIDE);
	backend *be;
	assert_int_equal(backend_open(&(backend_opts){.kind = ARC_BACKEND_CPU, .threads = 1}, &be,
	                              NULL, 0, &err),
	                 ARC_OK);
	b->flags |= BATCH_CELLS, b->out_cells = want_cells;
	assert_int_equal(backend_run(be, b, want, NULL, &err), ARC_OK);
	backend_close(be);
	job *j = aligned_alloc(16, (sizeof *j + 15) & ~(size_t)15);
	j->b = b;
	pthread_t th[32];
	lane_arg args[32];
	pthread_barrier_init(&meet, NULL, 32);
	for (int l = 0; l < 32; l++) {
		j->res[l] = malloc(n * sizeof *j->res[l]);
		j->cells[l] = malloc(n * BATCH_STRIDE);
		args[l] = (lane_arg){.j = j, .lane = l};
		assert_int_equal(pthread_create(&th[l], NULL, lane_main, &args[l]), 0);
	}
	for (int l = 0; l < 32; l++)
		pthread_join(th[l], NULL);
	pthread_barrier_destroy(&meet);
	size_t ok = 0;
	for (size_t k = 0; k < n; k++) {
		ok += want[k].status == BATCH_OK;
		for (int l = 0; l < 32; l++) {
			const batch_result *r = &j->res[l][k];
			if (memcmp(r, &want[k], sizeof *r) ||
			    (r->status == BATCH_OK && memcmp(j->cells[l] + k * BATCH_STRIDE,
			                                     want_cells + k * BATCH_STRIDE,
			                                     (size_t)r->h * r->w))) {
				char name[128];
				gprog_name(&b->prog[k / b->src->n], name, sizeof name);
				fail_msg("lane %d, item %zu (%s on a %ux%u grid): status %u %ux%u close %.17g "
				         "hash %016llx, the CPU: status %u %ux%u close %.17g hash %016llx",
				         l, k, name, b->src->h[k % b->src->n], b->src->w[k % b->src->n],
				         r->status, r->h, r->w, r->closeness, (unsigned long long)r->hash,
				         want[k].status, want[k].h, want[k].w, want[k].closeness,
				         (unsigned long long)want[k].hash);
			}
		}
	}
	assert_true(ok > n / 4);
	for (int l = 0; l < 32; l++)
		free(j->res[l]), free(j->cells[l]);
	free(j), free(want), free(want_cells);
}

static gridset set;

static int setup(void **state)
{
	(void)state;
	alarm(600);
	return gridset_load(&set) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	gridset_free(&set);
	return 0;
}

/* Pools of grids: `widths` grids of each width 1..30 (heights spread over 1..30), then
 * `training` training grids, the odd shapes (1x1, 1x30, 30x1, 30x30, ...) when `odd`, and
 * `ties` grids of mostcolor's ties; each scored against another of them (or none). Barriers
 * between 32 threads are slow, so the pools stay small. */
static void sources(batch_grids *src, batch_grids *want, uint32_t **sw, int widths,
                    int training, bool odd, int ties)
{
	arc_error err;
	batch_grids_init(src, false), batch_grids_init(want, true);
	uint32_t i;
	for (int r = 0; r < widths; r++)
		for (int w = 1; w <= 30; w++) {
			arc_grid g = {.h = (uint8_t)(1 + (w * 7 + r * 11) % 30), .w = (uint8_t)w};
			for (int k = 0; k < g.h * g.w; k++)
				g.cell[k] = (uint8_t)(gridset_rnd(&set, 3) ? 0 : gridset_rnd(&set, 10));
			assert_int_equal(batch_grids_add(src, &g, &i, &err), ARC_OK);
		}
	for (int k = 0; k < training; k++)
		assert_int_equal(batch_grids_add(src, &set.g[k * 211], &i, &err), ARC_OK);
	for (size_t k = set.n - 336; odd && k < set.n - 300; k += 3) /* one of each odd shape */
		assert_int_equal(batch_grids_add(src, &set.g[k + 2], &i, &err), ARC_OK);
	for (int k = 0; k < ties; k++)
		assert_int_equal(batch_grids_add(src, &set.g[set.n - 300 + (size_t)k * 7], &i, &err),
		                 ARC_OK);
	size_t ns = src->n;
	*sw = malloc(ns * sizeof **sw);
	for (size_t s = 0; s < ns; s++) {
		arc_grid g;
		batch_grids_get(src, (s * 5 + 3) % ns, &g);
		assert_int_equal(batch_grids_add(want, &g, &(*sw)[s], &err), ARC_OK);
		if (s % 7 == 0)
			(*sw)[s] = BATCH_NONE;
	}
}

static void run_programs(const gprog *progs, size_t np, batch_grids *src, batch_grids *want,
                         const uint32_t *sw)
{
	batch b = {.src = src, .want = want, .prog = progs, .nprog = np, .src_want = sw,
	           .flags = BATCH_SCORE | BATCH_HASH};
	warp_matches_cpu(&b);
	print_message("    %zu items on 32 emulated lanes\n", b.nitems);
}

/* Every op variant (and the identity: scoring alone) on a few grids of every kind. */
static void every_op_on_a_warp(void **state)
{
	(void)state;
	batch_grids src, want;
	uint32_t *sw;
	size_t nv = gop_variants(NULL, 0);
	sources(&src, &want, &sw, 0, 3, true, 3);
	gprog_op *ops = malloc(nv * sizeof *ops);
	gop_variants(ops, nv);
	gprog *progs = calloc(nv + 1, sizeof *progs);
	for (size_t k = 0; k < nv; k++)
		progs[k + 1].n = 1, progs[k + 1].op[0] = ops[k];
	run_programs(progs, nv + 1, &src, &want, sw);
	free(progs), free(ops), free(sw);
	batch_grids_free(&src), batch_grids_free(&want);
}

/* Ops of every kind of lane split (gathers, reductions, scaling, halves, a permutation, row
 * bitmasks) on every width. */
static void every_width_on_a_warp(void **state)
{
	(void)state;
	batch_grids src, want;
	uint32_t *sw;
	sources(&src, &want, &sw, 2, 0, false, 0);
	gprog progs[11] = {{0},
	                  {.n = 1, .op = {{.code = GOP_rot90}}},
	                  {.n = 1, .op = {{.code = GOP_compress}}},
	                  {.n = 1, .op = {{.code = GOP_crop_fg}}},
	                  {.n = 1, .op = {{.code = GOP_hupscale, .a = 2}}},
	                  {.n = 1, .op = {{.code = GOP_half_xor, .a = 4}}},
	                  {.n = 1, .op = {{.code = GOP_fill_bg, .a = 5}}},
	                  {.n = 2, .op = {{.code = GOP_vcat, .a = 2}, {.code = GOP_downscale, .a = 3}}},
	                  {.n = 1, .op = {{.code = GOP_gravity_down}}},
	                  {.n = 1, .op = {{.code = GOP_kron_fg}}},
	                  {.n = 1, .op = {{.code = GOP_obj_outbox, .a = 3}}}};
	run_programs(progs, 11, &src, &want, sw);
	free(sw);
	batch_grids_free(&src), batch_grids_free(&want);
}

static void programs_on_a_warp(void **state)
{
	(void)state;
	batch_grids src, want;
	uint32_t *sw;
	size_t nv = gop_variants(NULL, 0), np = 40;
	sources(&src, &want, &sw, 0, 10, false, 4);
	gprog_op *ops = malloc(nv * sizeof *ops);
	gop_variants(ops, nv);
	gprog *progs = calloc(np, sizeof *progs);
	for (size_t k = 0; k < np; k++) {
		progs[k].n = (uint8_t)(1 + gridset_rnd(&set, GPROG_MAX_OPS));
		for (int m = 0; m < progs[k].n; m++)
			progs[k].op[m] = ops[gridset_rnd(&set, (uint32_t)nv)];
	}
	run_programs(progs, np, &src, &want, sw);
	free(progs), free(ops), free(sw);
	batch_grids_free(&src), batch_grids_free(&want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_op_on_a_warp),
		cmocka_unit_test(every_width_on_a_warp),
		cmocka_unit_test(programs_on_a_warp),
	};
	return cmocka_run_group_tests_name("lanes", tests, setup, teardown);
}
