/* test_gprog.c — grid programs against the DSL: every op with every parameter, printed as
 * arc-dsl by gprog_print and run by the battery evaluator, on every grid of the training tasks
 * and on odd shapes; random programs of 2..4 ops (a failure must come from an intermediate that
 * is not a grid, the documented limit); the conformance vectors of the one-primitive ops; the
 * set order behind mostcolor's ties; objects' ties; the printed text and its line counts; colour
 * roles; validity checks. */
#include "testutil.h"

#include "arcbatt.h"
#include "gprog.h"
#include "gridset.h"
#include "opvectors.h"
#include "gprog_ops.h"
#include "pyset.h"


static gridset set;
static arc_grid *grids;
static size_t ngrids;

static uint32_t rnd(uint32_t n) { return gridset_rnd(&set, n); }

static int setup(void **state)
{
	if (tu_setup(state) || !gridset_load(&set))
		return -1;
	grids = set.g, ngrids = set.n;
	return 0;
}

static int teardown(void **state)
{
	gridset_free(&set);
	return tu_teardown(state);
}

/* Source of "def solve_<name>(I):" running p, ending in O. */
static char *program_text(const char *name, const gprog *p)
{
	char *buf;
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	fprintf(f, "def solve_%s(I):\n", name);
	int next = 1, res = gprog_print(f, p, "I", &next);
	if (res)
		fprintf(f, "    O = identity(x%d)\n    return O\n\n\n", res);
	else
		fprintf(f, "    O = identity(I)\n    return O\n\n\n");
	fclose(f);
	return buf;
}

/* A battery of the programs, named p0, p1, ... */
static arc_battery *battery_of(const gprog *progs, size_t n)
{
	arc_battery *b = arc_battery_new();
	for (size_t k = 0; k < n; k++) {
		char name[32];
		snprintf(name, sizeof name, "p%zu", k);
		char *text = program_text(name, &progs[k]);
		arc_diag d = {0};
		if (arc_battery_add_text(b, name, text, strlen(text), true, &d) != ARC_OK) {
			print_error("%s", text);
			if (d.n)
				arc_error_print(&d.items[0], stderr);
			fail_msg("program %zu does not load", k);
		}
		arc_diag_free(&d);
		free(text);
	}
	assert_int_equal(arc_battery_count(b), n);
	return b;
}

static void fail_on(const char *what, const gprog *p, const arc_grid *g)
{
	char name[128];
	gprog_name(p, name, sizeof name);
	char cells[901]; /* the grid's colours, row by row */
	for (int k = 0; k < g->h * g->w; k++)
		cells[k] = (char)('0' + g->cell[k]);
	cells[g->h * g->w] = 0;
	fail_msg("%s: %s on a %dx%d grid %s", what, name, g->h, g->w, cells);
}

/* The grids an op is checked on: every one, or every HEAVY_STRIDE-th for the ops whose DSL text
 * is costly to run (the mendings: a few hundred mirrored or shifted objects a grid). */
#define HEAVY_STRIDE 4
static bool heavy(int code)
{
	return code == GOP_mend_sym || code == GOP_mend_sym_crop || code == GOP_mend_period;
}

/* Every variant of the ops that are (or are not) heavy, checked on every grid of the stride:
 * exactly the DSL's result (ok iff the DSL gives a grid). */
static void variants_match_the_dsl(bool heavy_ones)
{
	size_t nall = gop_variants(NULL, 0), nv = 0;
	gprog_op *ops = malloc(nall * sizeof *ops);
	assert_int_equal(gop_variants(ops, nall), nall);
	gprog *progs = calloc(nall, sizeof *progs);
	for (size_t k = 0; k < nall; k++)
		if (heavy(ops[k].code) == heavy_ones)
			progs[nv].n = 1, progs[nv++].op[0] = ops[k];
	arc_battery *b = battery_of(progs, nv);
	arc_evaluator *ev = arc_evaluator_new(b, NULL);
	arc_outcome *out = malloc(nv * sizeof *out);
	size_t ok = 0, failed = 0, stride = heavy_ones ? HEAVY_STRIDE : 1;
	bool *seen_ok = calloc(nv, 1);
	for (size_t g = 0; g < ngrids; g += stride) {
		assert_int_equal(arc_evaluator_run(ev, &grids[g], NULL, out), ARC_OK);
		for (size_t k = 0; k < nv; k++) {
			arc_grid got;
			bool gok = gprog_apply(&progs[k], &grids[g], &got);
			if (gok != (out[k].status == ARC_EVAL_OK))
				fail_on(gok ? "gprog ok, the DSL fails" : "gprog fails, the DSL gives a grid",
				        &progs[k], &grids[g]);
			if (gok && !arc_grid_equal(&got, &out[k].grid))
				fail_on("gprog and the DSL differ", &progs[k], &grids[g]);
			ok += gok, failed += !gok;
			seen_ok[k] |= gok;
		}
	}
	for (size_t k = 0; k < nv; k++)
		if (!seen_ok[k])
			fail_on("never succeeds", &progs[k], &grids[0]);
	print_message("    %zu op variants x %zu grids: %zu ok, %zu failed alike\n", nv,
	              (ngrids + stride - 1) / stride, ok, failed);
	free(seen_ok), free(out), free(progs), free(ops);
	arc_evaluator_free(ev);
	arc_battery_free(b);
}

static void ops_match_the_dsl(void **state)
{
	(void)state;
	variants_match_the_dsl(false);
}

static void heavy_ops_match_the_dsl(void **state)
{
	(void)state;
	variants_match_the_dsl(true);
}

/* Random programs of 2..4 ops and their prefixes: a program's result is the DSL's; when it
 * fails, some prefix's DSL value is not a grid (or the DSL fails). */
static void programs_match_the_dsl(void **state)
{
	(void)state;
	size_t nv = gop_variants(NULL, 0), np = 400;
	gprog_op *ops = malloc(nv * sizeof *ops);
	gop_variants(ops, nv);
	gprog *progs = calloc(np * GPROG_MAX_OPS, sizeof *progs); /* program k's prefix m at k*4+m */
	for (size_t k = 0; k < np; k++) {
		int n = 2 + (int)rnd(GPROG_MAX_OPS - 1);
		gprog p = {.n = (uint8_t)n};
		for (int m = 0; m < n; m++) {
			/* favour ops that keep most grids alive, so long programs often succeed; the
			 * heavy ones only in their own test */
			do
				p.op[m] = ops[rnd((uint32_t)nv)];
			while ((p.op[m].code == GOP_replace && rnd(4)) || heavy(p.op[m].code));
		}
		for (int m = 0; m < GPROG_MAX_OPS; m++) {
			gprog q = p;
			q.n = (uint8_t)(m + 1 < n ? m + 1 : n);
			memset(q.op + q.n, 0, sizeof q.op - q.n * sizeof q.op[0]);
			progs[k * GPROG_MAX_OPS + m] = q;
		}
	}
	size_t nprog = np * GPROG_MAX_OPS;
	arc_battery *b = battery_of(progs, nprog);
	arc_evaluator *ev = arc_evaluator_new(b, NULL);
	arc_outcome *out = malloc(nprog * sizeof *out);
	size_t ok = 0, limited = 0;
	for (size_t g = 0; g < ngrids; g += 3) {
		assert_int_equal(arc_evaluator_run(ev, &grids[g], NULL, out), ARC_OK);
		for (size_t k = 0; k < np; k++) {
			const gprog *p = &progs[k * GPROG_MAX_OPS + GPROG_MAX_OPS - 1];
			const arc_outcome *o = &out[k * GPROG_MAX_OPS + GPROG_MAX_OPS - 1];
			arc_grid got;
			if (gprog_apply(p, &grids[g], &got)) {
				if (o->status != ARC_EVAL_OK || !arc_grid_equal(&got, &o->grid))
					fail_on("gprog and the DSL differ", p, &grids[g]);
				ok++;
				continue;
			}
			bool prefix_not_grid = false;
			for (int m = 0; m < p->n; m++)
				prefix_not_grid |= out[k * GPROG_MAX_OPS + m].status != ARC_EVAL_OK;
			if (!prefix_not_grid)
				fail_on("gprog fails where every DSL value is a grid", p, &grids[g]);
			limited += o->status == ARC_EVAL_OK;
		}
	}
	print_message("    %zu random programs: %zu ok; %zu failed by the 1..30 limit where the DSL "
	              "ends on a grid\n", np, ok, limited);
	assert_true(ok > 1000);
	free(out), free(progs), free(ops);
	arc_evaluator_free(ev);
	arc_battery_free(b);
}

/* The vectors of rot90 ... switch whose inputs are grids (and parameters within range). */
static void conformance_vectors(void **state)
{
	(void)state;
	size_t n = 0;
	opvector *v = opvectors_load(OPVECTORS_FILE, &n);
	assert_non_null(v);
	int per_op[GOP_COUNT] = {0};
	for (size_t k = 0; k < n; k++) {
		arc_grid got;
		bool gok = gprog_apply(&v[k].p, &v[k].in, &got);
		if (gok != v[k].ok || (gok && !arc_grid_equal(&got, &v[k].want)))
			fail_on("a conformance vector differs", &v[k].p, &v[k].in);
		per_op[v[k].p.op[0].code]++;
	}
	for (int k = 0; k <= GOP_switch; k++)
		if (per_op[k] < 20)
			fail_msg("only %d usable vectors for %s", per_op[k], gop_table[k].name);
	print_message("    %zu conformance vectors of the one-primitive ops\n", n);
	free(v);
}

/* gp_set_order against the model of CPython's set table, for every sequence of 1..4 distinct
 * colours (5860 of them), and ascending order for 5 or more. */
static void set_order_of_colours(void **state)
{
	(void)state;
	size_t tried = 0;
	for (int n = 1; n <= 4; n++) {
		int idx[4] = {0};
		for (;;) {
			int seen[4];
			bool distinct = true;
			for (int k = 0; k < n; k++) {
				seen[k] = idx[k];
				for (int q = 0; q < k; q++)
					distinct &= seen[q] != seen[k];
			}
			if (distinct) {
				int32_t s32[4], want[4];
				int got[4];
				for (int k = 0; k < n; k++)
					s32[k] = seen[k];
				pyset_int_order(&tu_ctx, s32, (size_t)n, want);
				gp_set_order(seen, n, got);
				for (int k = 0; k < n; k++)
					assert_int_equal(got[k], want[k]);
				tried++;
			}
			int k = 0;
			while (k < n && ++idx[k] == 10)
				idx[k++] = 0;
			if (k == n)
				break;
		}
	}
	assert_int_equal(tried, 10 + 90 + 720 + 5040);
	int32_t five[6] = {9, 8, 1, 0, 5, 3}, order[6];
	pyset_int_order(&tu_ctx, five, 6, order);
	for (int k = 1; k < 6; k++)
		assert_true(order[k - 1] < order[k]);
}

static void printed_text(void **state)
{
	(void)state;
	gprog p = {.n = 3};
	p.op[0] = (gprog_op){.code = GOP_hcat, .a = 0};
	p.op[1] = (gprog_op){.code = GOP_upscale, .a = 2};
	p.op[2] = (gprog_op){.code = GOP_fill_bg, .a = 7};
	char *buf;
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	int next = 4;
	assert_int_equal(gprog_print(f, &p, "x3", &next), 7);
	fclose(f);
	assert_string_equal(buf, "    x4 = hconcat(x3, x3)\n"
	                         "    x5 = upscale(x4, TWO)\n"
	                         "    x6 = mostcolor(x5)\n"
	                         "    x7 = replace(x5, x6, SEVEN)\n");
	assert_int_equal(next, 8);
	free(buf);
	gprog id = {0};
	f = open_memstream(&buf, &len);
	assert_int_equal(gprog_print(f, &id, "I", &next), 0);
	fclose(f);
	assert_int_equal(len, 0);
	free(buf);
	char name[64];
	gprog_name(&p, name, sizeof name);
	assert_string_equal(name, "hcat(0) upscale(2) fill_bg(7)");
	gprog_name(&id, name, sizeof name);
	assert_string_equal(name, "identity");
	/* a role is a line computing the colour from the op's input, before the op's lines */
	gprog r = {.n = 2, .op = {{.code = GOP_rot90}, {.code = GOP_replace, .a = GOP_ROLE_LEAST,
	                                                .b = GOP_ROLE_MOST}}};
	f = open_memstream(&buf, &len);
	next = 1;
	assert_int_equal(gprog_print(f, &r, "I", &next), 4);
	fclose(f);
	assert_string_equal(buf, "    x1 = rot90(I)\n"
	                         "    x2 = leastcolor(x1)\n"
	                         "    x3 = mostcolor(x1)\n"
	                         "    x4 = replace(x1, x2, x3)\n");
	free(buf);
	gprog_name(&r, name, sizeof name);
	assert_string_equal(name, "rot90 replace(least,most)");
}

/* The lines gprog_print writes for p, counted in its text. */
static int printed_lines(const gprog *p)
{
	char *buf;
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	int next = 1;
	gprog_print(f, p, "I", &next);
	fclose(f);
	int n = 0;
	for (size_t k = 0; k < len; k++)
		n += buf[k] == '\n';
	free(buf);
	assert_int_equal(n, next - 1);
	return n;
}

/* gprog_lines counts what gprog_print writes: every variant alone (aliases of the input
 * write none), with roles, and random programs of 2..4 ops. */
static void line_counts(void **state)
{
	(void)state;
	size_t nv = gop_variants(NULL, 0);
	gprog_op *ops = malloc(nv * sizeof *ops);
	gop_variants(ops, nv);
	for (size_t k = 0; k < nv; k++) {
		gprog p = {.n = 1, .op = {ops[k]}};
		assert_int_equal(gprog_lines(&p), printed_lines(&p));
	}
	gprog r = {.n = 2, .op = {{.code = GOP_hcat}, {.code = GOP_replace, .a = GOP_ROLE_LEAST,
	                                               .b = GOP_ROLE_MOST}}};
	assert_int_equal(gprog_lines(&r), 4);
	assert_int_equal(printed_lines(&r), 4);
	for (int k = 0; k < 2000; k++) {
		gprog p = {.n = (uint8_t)(2 + rnd(GPROG_MAX_OPS - 1))};
		for (int m = 0; m < p.n; m++)
			p.op[m] = ops[rnd((uint32_t)nv)];
		assert_int_equal(gprog_lines(&p), printed_lines(&p));
	}
	free(ops);
}

/* Roles resolved on the op's input: replace(least, most) is the DSL's on a grid where they
 * differ, and equals replace with the colours written out. */
static void colour_roles(void **state)
{
	(void)state;
	arc_grid g = {.h = 2, .w = 3, .cell = {5, 5, 5, 5, 2, 5}}, got, want;
	gprog r = {.n = 1, .op = {{.code = GOP_replace, .a = GOP_ROLE_LEAST, .b = GOP_ROLE_MOST}}};
	gprog c = {.n = 1, .op = {{.code = GOP_replace, .a = 2, .b = 5}}};
	assert_true(gprog_apply(&r, &g, &got));
	assert_true(gprog_apply(&c, &g, &want));
	assert_true(arc_grid_equal(&got, &want));
	assert_int_equal(got.cell[4], 5);
	/* every parameter ranging past 9 would read as a role: none does, and only colour
	 * parameters (0..9) take roles */
	for (int k = 0; k < GOP_COUNT; k++) {
		const gop_info *in = &gop_table[k];
		assert_true(in->ahi < GOP_ROLE_MOST && in->bhi < GOP_ROLE_MOST);
		unsigned cp = gop_colour_params(k);
		gprog p = {.n = 1, .op = {{.code = (uint8_t)k, .a = in->alo, .b = GOP_ROLE_MOST}}};
		assert_int_equal(gprog_valid(&p), (cp & 2) != 0);
		p.op[0].a = GOP_ROLE_LEAST, p.op[0].b = in->blo;
		assert_int_equal(gprog_valid(&p), (cp & 1) != 0);
		p.op[0].a = GOP_ROLE_END;
		assert_false(gprog_valid(&p));
	}
	assert_int_equal(gop_colour_params(GOP_replace), 3);
	assert_int_equal(gop_colour_params(GOP_half_xor), 1);
	assert_int_equal(gop_colour_params(GOP_upscale), 0);
}

/* Programs p[0..n) on g, natively and through the DSL: each gives want[k]. */
static void gives_on(const gprog *p, size_t n, const arc_grid *g, const arc_grid *want)
{
	arc_battery *b = battery_of(p, n);
	arc_evaluator *ev = arc_evaluator_new(b, NULL);
	arc_outcome out[4];
	assert_true(n <= 4);
	assert_int_equal(arc_evaluator_run(ev, g, NULL, out), ARC_OK);
	for (size_t k = 0; k < n; k++) {
		arc_grid got;
		assert_true(gprog_apply(&p[k], g, &got));
		assert_true(arc_grid_equal(&got, &want[k]));
		assert_int_equal(out[k].status, ARC_EVAL_OK);
		assert_true(arc_grid_equal(&out[k].grid, &want[k]));
	}
	arc_evaluator_free(ev);
	arc_battery_free(b);
}

/* argmax and argmin by size on ties: the first object in set order, the one whose smallest
 * cell (colour first) is smallest, not the first found in row-major order; and the same grid
 * through the DSL. */
static void object_ties(void **state)
{
	(void)state;
	/* 5 5 0 0      two objects of 2 cells: colour 5 first in row-major order, colour 3 first
	 * 0 0 0 0      in set order; one object of one cell (colour 7)
	 * 3 3 0 7
	 * 0 0 0 0 */
	arc_grid g = {.h = 4, .w = 4, .cell = {5, 5, 0, 0, 0, 0, 0, 0, 3, 3, 0, 7, 0, 0, 0, 0}}, got;
	gprog p[3] = {{.n = 1, .op = {{.code = GOP_obj_crop, .a = 0, .b = 0}}},
	              {.n = 1, .op = {{.code = GOP_obj_keep, .a = 1, .b = 1}}},
	              {.n = 1, .op = {{.code = GOP_obj_denoise, .a = 0}}}};
	arc_grid want[3] = {{.h = 1, .w = 2, .cell = {3, 3}},
	                    {.h = 4, .w = 4, .cell = {[11] = 7}},
	                    {.h = 4, .w = 4, .cell = {5, 5, 0, 0, 0, 0, 0, 0, 3, 3}}};
	gives_on(p, 3, &g, want);
	arc_grid blank = {.h = 2, .w = 2}; /* no objects: argmax raises */
	assert_false(gprog_apply(&p[0], &blank, &got));
}

/* Mending by symmetry: holes (9) filled through a vmirror whose axis is off the grid's centre
 * (columns 0..3 mirror each other, column 4 does not), the whole grid and the holes' box; and
 * the same grids through the DSL. A grid of holes alone has no K to mirror: the DSL raises. */
static void mending(void **state)
{
	(void)state;
	arc_grid g = {.h = 4, .w = 5, .cell = {1, 2, 2, 1, 5, 3, 9, 4, 3, 6, 7, 8, 8, 9, 5, 1, 1, 1, 1, 6}};
	gprog p[2] = {{.n = 1, .op = {{.code = GOP_mend_sym, .a = 9}}},
	              {.n = 1, .op = {{.code = GOP_mend_sym_crop, .a = 9}}}};
	arc_grid want[2] = {{.h = 4, .w = 5, .cell = {1, 2, 2, 1, 5, 3, 4, 4, 3, 6, 7, 8, 8, 7, 5, 1, 1, 1, 1, 6}},
	                    {.h = 2, .w = 3, .cell = {4, 4, 3, 8, 8, 7}}}, got;
	gives_on(p, 2, &g, want);
	arc_grid holes = {.h = 2, .w = 2, .cell = {9, 9, 9, 9}};
	assert_false(gprog_apply(&p[0], &holes, &got));
}

/* Mending by period (holes 9): columns repeat every 2, rows every 2; the hole in row 1 comes
 * from its row, the row of holes from the rows 2 above; and the same through the DSL. */
static void mending_period(void **state)
{
	(void)state;
	arc_grid g = {.h = 3, .w = 4, .cell = {1, 2, 1, 2, 3, 9, 3, 4, 9, 9, 9, 9}};
	gprog p = {.n = 1, .op = {{.code = GOP_mend_period, .a = 9}}};
	arc_grid want = {.h = 3, .w = 4, .cell = {1, 2, 1, 2, 3, 4, 3, 4, 1, 2, 1, 2}};
	gives_on(&p, 1, &g, &want);
}

/* Rotational completion: a plus missing its lower arm turns about its centre onto itself on 3
 * of its 4 cells (no other centre does as well); the arm the turns bring becomes 5; and the
 * same through the DSL. */
static void rotation(void **state)
{
	(void)state;
	arc_grid g = {.h = 3, .w = 3, .cell = {0, 1, 0, 1, 1, 1, 0, 0, 0}};
	gprog p = {.n = 1, .op = {{.code = GOP_sym_rot, .a = 5}}};
	arc_grid want = {.h = 3, .w = 3, .cell = {0, 1, 0, 1, 1, 1, 0, 5, 0}};
	gives_on(&p, 1, &g, &want);
}

/* Tiling by the foreground's columns (1 .. 3 here): every 3 columns (their count) and every 2
 * (their least period), the copies running left of the tile too; a drip to the right; and the
 * same through the DSL. A grid of one colour has no foreground to tile: the DSL raises. */
static void tiling(void **state)
{
	(void)state;
	arc_grid g = {.h = 2, .w = 7, .cell = {0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 1, 0, 0, 0}}, got;
	gprog p[3] = {{.n = 1, .op = {{.code = GOP_tile_h, .b = 0}}},
	              {.n = 1, .op = {{.code = GOP_tile_h, .b = 1}}},
	              {.n = 1, .op = {{.code = GOP_drip_right}}}};
	arc_grid want[3] = {{.h = 2, .w = 7, .cell = {[7] = 1, 1, 2, 1, 1, 2, 1}},
	                    {.h = 2, .w = 7, .cell = {[7] = 2, 1, 2, 1, 2, 1, 2}},
	                    {.h = 2, .w = 7, .cell = {[7] = 0, 1, 2, 1, 1, 0, 0}}};
	gives_on(p, 3, &g, want);
	arc_grid flat = {.h = 2, .w = 2, .cell = {4, 4, 4, 4}};
	assert_false(gprog_apply(&p[1], &flat, &got));
}

/* Objects of colour 5 painted by the largest other colour on their columns (2 for the left
 * one, 7 over 0 for the right one) and on their rows (only the background's 0 there), natively
 * and through the DSL. */
static void line_markers(void **state)
{
	(void)state;
	arc_grid g = {.h = 3, .w = 3, .cell = {2, 0, 7, 5, 0, 5, 5, 0, 0}};
	gprog p[2] = {{.n = 1, .op = {{.code = GOP_obj_col_max, .a = 5}}},
	              {.n = 1, .op = {{.code = GOP_obj_row_max, .a = 5}}}};
	arc_grid want[2] = {{.h = 3, .w = 3, .cell = {2, 0, 7, 2, 0, 7, 2, 0, 0}},
	                    {.h = 3, .w = 3, .cell = {2, 0, 7}}};
	gives_on(p, 2, &g, want);
}

/* Thin cells removed: a lone 3 and a hair of the 2 square (one 2 beside it) become the
 * background, the square stays (each of its cells has two neighbours of its colour, the hair
 * counted or not); natively and through the DSL. */
static void thin_noise(void **state)
{
	(void)state;
	arc_grid g = {.h = 4, .w = 4, .cell = {2, 2, 2, 0, 2, 2, 0, 3}};
	gprog p[1] = {{.n = 1, .op = {{.code = GOP_denoise_thin}}}};
	arc_grid want[1] = {{.h = 4, .w = 4, .cell = {2, 2, 0, 0, 2, 2}}};
	gives_on(p, 1, &g, want);
}

/* gop_inert: on every grid of the set, every variant it calls inert on the grid's colours gives
 * the grid back or fails; and it calls some inert (each rule's ops among them). */
static void inert_ops(void **state)
{
	(void)state;
	size_t nv = gop_variants(NULL, 0), inert = 0;
	gprog_op *ops = malloc(nv * sizeof *ops);
	gop_variants(ops, nv);
	bool seen[GOP_COUNT] = {0};
	for (size_t g = 0; g < ngrids; g++) {
		unsigned colours = 0;
		for (int c = 0; c < grids[g].h * grids[g].w; c++)
			colours |= 1u << grids[g].cell[c];
		for (size_t k = 0; k < nv; k++) {
			if (!gop_inert(&ops[k], colours))
				continue;
			gprog p = {.n = 1, .op = {ops[k]}};
			arc_grid got;
			if (gprog_apply(&p, &grids[g], &got) && !arc_grid_equal(&got, &grids[g]))
				fail_on("an inert op changed the grid", &p, &grids[g]);
			inert++, seen[ops[k].code] = true;
		}
	}
	const int some[] = {GOP_replace, GOP_switch, GOP_connect, GOP_halo, GOP_fill_lines,
	                    GOP_fill_enclosed, GOP_lpath, GOP_gravitate, GOP_mend_period};
	for (size_t k = 0; k < sizeof some / sizeof some[0]; k++)
		if (!seen[some[k]])
			fail_msg("%s: never inert on the grids", gop_table[some[k]].name);
	gprog_op role = {.code = GOP_replace, .a = GOP_ROLE_MOST, .b = 1};
	assert_false(gop_inert(&role, 0)); /* a role is some colour of the grid */
	print_message("%zu inert variant-grid pairs checked\n", inert);
	free(ops);
}

static void validity(void **state)
{
	(void)state;
	gprog p = {.n = 1, .op = {{.code = GOP_upscale, .a = 2}}};
	assert_true(gprog_valid(&p));
	p.op[0].a = 6; /* out of range */
	assert_false(gprog_valid(&p));
	p.op[0] = (gprog_op){.code = GOP_COUNT};
	assert_false(gprog_valid(&p));
	p = (gprog){.n = 5};
	assert_false(gprog_valid(&p));
	p = (gprog){.n = 1, .op = {{.code = GOP_rot90}, {.code = GOP_rot180}}}; /* junk past n */
	assert_false(gprog_valid(&p));
	arc_grid g = {.h = 1, .w = 1, .cell = {3}}, out;
	assert_false(gprog_apply(&p, &g, &out));
	assert_int_equal(gop_lookup("half_xor"), GOP_half_xor);
	assert_int_equal(gop_lookup("nope"), -1);
	size_t nv = gop_variants(NULL, 0);
	assert_true(nv > 300);
	gprog_op first[2];
	assert_int_equal(gop_variants(first, 2), nv);
	assert_int_equal(first[0].code, GOP_rot90);
	for (int k = 0; k < GOP_COUNT; k++) { /* every template within the printer's lines */
		int lines = 1;
		for (const char *t = gop_table[k].dsl; (t = strstr(t, "; ")); t += 2)
			lines++;
		if (lines > GOP_MAX_LINES)
			fail_msg("%s: %d template lines, more than %d", gop_table[k].name, lines,
			         GOP_MAX_LINES);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ops_match_the_dsl),
		cmocka_unit_test(heavy_ops_match_the_dsl),
		cmocka_unit_test(programs_match_the_dsl),
		cmocka_unit_test(conformance_vectors),
		cmocka_unit_test(set_order_of_colours),
		cmocka_unit_test(printed_text),
		cmocka_unit_test(line_counts),
		cmocka_unit_test(object_ties),
		cmocka_unit_test(colour_roles),
		cmocka_unit_test(mending),
		cmocka_unit_test(mending_period),
		cmocka_unit_test(rotation),
		cmocka_unit_test(tiling),
		cmocka_unit_test(line_markers),
		cmocka_unit_test(thin_noise),
		cmocka_unit_test(inert_ops),
		cmocka_unit_test(validity),
	};
	return cmocka_run_group_tests_name("gprog", tests, setup, teardown);
}
