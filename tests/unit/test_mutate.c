/* test_mutate.c — program text and mutation: every bundled program prints and parses back to
 * the same instructions (also out of the battery graph); mutants are well formed, pass the
 * parser, and repeat for a seed; each operator does what it says (type-compatible arguments,
 * same-arity swaps, constants from the task, donor steps spliced in); pruning and shrink steps. */
#include "testutil.h"

#include "dsl.h"
#include "mutate.h"

#define BATTERY "batteries/training.py"

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *s = malloc((size_t)n + 1);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	s[n] = 0;
	*len = (size_t)n;
	return s;
}

static program *parse_file(const char *path, size_t *n)
{
	size_t len;
	char *text = read_file(path, &len);
	program *p = NULL;
	*n = 0;
	assert_int_equal(parse_programs(path, text, len, &p, n, NULL), 0);
	free(text);
	return p;
}

static void free_programs(program *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		program_free(&p[i]);
	free(p);
}

static bool same_operand(operand a, operand b) { return a.kind == b.kind && a.id == b.id; }

static void assert_same_instrs(const prog_instr *a, const prog_instr *b, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		assert_true(same_operand(a[k].callee, b[k].callee));
		assert_int_equal(a[k].nargs, b[k].nargs);
		for (int q = 0; q < a[k].nargs; q++)
			assert_true(same_operand(a[k].arg[q], b[k].arg[q]));
	}
}

/* body -> "def p(I):" + body -> parse: one program */
static program reparse(const char *body)
{
	strbuf sb = {0};
	sb_printf(&sb, "def p(I):\n%s", body);
	program *p = NULL;
	size_t n = 0;
	assert_int_equal(parse_programs("t", sb.s, sb.n, &p, &n, NULL), 0);
	assert_int_equal(n, 1);
	program r = p[0];
	free(p);
	sb_free(&sb);
	return r;
}

static void round_trip_battery(void **state)
{
	(void)state;
	size_t n;
	program *p = parse_file(BATTERY, &n);
	assert_int_equal(n, 301);
	arc_battery *b = arc_battery_new();
	assert_int_equal(arc_battery_add_file(b, BATTERY, true, NULL), ARC_OK);
	for (size_t i = 0; i < n; i++) {
		strbuf sb = {0};
		program_body(p[i].ins, p[i].n, p[i].out, &sb);
		program q = reparse(sb.s);
		assert_int_equal(q.n, p[i].n);
		assert_int_equal(q.out, p[i].out);
		assert_same_instrs(p[i].ins, q.ins, q.n);
		/* out of the graph: the same text (no bundled program repeats a call) */
		prog_instr *gi;
		size_t gn, gout;
		size_t bi = arc_battery_find(b, p[i].name);
		assert_int_equal(battery_program(b, bi, &gi, &gn, &gout), ARC_OK);
		strbuf sg = {0};
		program_body(gi, gn, gout, &sg);
		assert_string_equal(sg.s, sb.s);
		char h1[33], h2[33];
		program_hash(sb.s, sb.n, h1);
		program_hash(sg.s, sg.n, h2);
		assert_string_equal(h1, h2);
		assert_int_equal(strlen(h1), 32);
		free(gi);
		sb_free(&sg);
		sb_free(&sb);
		program_free(&q);
	}
	assert_int_equal(battery_program(b, n, &(prog_instr *){0}, &(size_t){0}, &(size_t){0}),
	                 ARC_E_USAGE);
	arc_battery_free(b);
	free_programs(p, n);
}

static void canonical_names(void **state)
{
	(void)state;
	program q = reparse("    a = vmirror(I)\n    O = hconcat(a, I)\n    zz = size(O)\n    return O\n");
	strbuf sb = {0};
	program_body(q.ins, q.n, q.out, &sb);
	assert_string_equal(sb.s, "    x1 = vmirror(I)\n    O = hconcat(x1, I)\n    x3 = size(O)\n"
	                          "    return O\n");
	program_free(&q);
	sb_free(&sb);
}

static mprog mp(const char *body)
{
	mprog m;
	assert_true(mprog_parse(&m, body));
	return m;
}

static char *text_of(const mprog *m)
{
	strbuf sb = {0};
	mprog_text(m, &sb);
	return sb.s;
}

static void prune_dead_and_repeated(void **state)
{
	(void)state;
	mprog m = mp("    x1 = vmirror(I)\n    x2 = size(I)\n    x3 = vmirror(I)\n"
	             "    O = hconcat(x1, x3)\n    return O\n");
	mprog_prune(&m);
	char *t = text_of(&m);
	assert_string_equal(t, "    x1 = vmirror(I)\n    O = hconcat(x1, x1)\n    return O\n");
	free(t);
	mprog big;
	assert_false(mprog_parse(&big, "    O = vmirror(I\n    return O\n"));
}

static const arc_task *task_of(arc_taskset **ts, const char *id)
{
	assert_int_equal(arc_taskset_load("data/arc-agi-1/training", &(arc_load_opts){0}, ts, NULL),
	                 ARC_OK);
	const arc_task *t = arc_taskset_find(*ts, id);
	assert_non_null(t);
	return t;
}

/* Every mutant is well formed, prints to text the parser reads back to it, and the stream
 * repeats for a seed. */
static void mutants_well_formed_and_seeded(void **state)
{
	(void)state;
	size_t n;
	program *p = parse_file(BATTERY, &n);
	mprog pool[8];
	for (size_t i = 0; i < 8; i++)
		assert_true(mprog_set(&pool[i], p[i * 37].ins, p[i * 37].n, p[i * 37].out));
	arc_taskset *ts;
	mut_consts kc;
	mut_task_consts(task_of(&ts, "007bbfb7"), &kc);
	mut_env env = {.pool = pool, .npool = 8, .consts = &kc};
	uint64_t r1 = 42, r2 = 42, r3 = 43;
	size_t made = 0, parsed = 0, differ = 0, ops[MUT_OPS] = {0};
	for (int k = 0; k < 2000; k++) {
		mprog a, b, c;
		mut_desc da, db, dc;
		bool oa = mutate(&env, (size_t)k % 8, &r1, &a, &da);
		bool ob = mutate(&env, (size_t)k % 8, &r2, &b, &db);
		bool oc = mutate(&env, (size_t)k % 8, &r3, &c, &dc);
		assert_int_equal(oa, ob);
		if (!oa)
			continue;
		made++;
		char *ta = text_of(&a), *tb = text_of(&b), *tc = oc ? text_of(&c) : NULL;
		assert_string_equal(ta, tb);
		assert_string_equal(da.ops, db.ops);
		differ += !tc || strcmp(ta, tc) != 0;
		assert_true(a.n >= 1 && a.n <= MUT_MAX_INSTRS && a.out < a.n);
		for (size_t j = 0; j < a.n; j++)
			for (int q = 0; q < a.ins[j].nargs; q++)
				if (a.ins[j].arg[q].kind == OPERAND_VAR)
					assert_true(a.ins[j].arg[q].id < j);
		for (int o = 0; o < MUT_OPS; o++)
			ops[o] += strstr(da.ops, mut_op_name((mut_op)o)) != NULL;
		mprog back;
		if (mprog_parse(&back, ta)) {
			parsed++;
			char *tt = text_of(&back);
			assert_string_equal(tt, ta);
			free(tt);
		}
		free(ta);
		free(tb);
		free(tc);
	}
	assert_true(made > 1900);
	assert_true(parsed * 100 >= made * 95); /* the parser may refuse an arity it can see */
	assert_true(differ * 10 > made * 9);    /* another seed, other mutants */
	for (int o = 0; o < MUT_OPS; o++)
		assert_true(ops[o] > 100);
	arc_taskset_free(ts);
	free_programs(p, n);
}

static mprog one_op(const mprog *pool, size_t npool, const mut_consts *kc, mut_op op,
                    uint64_t *rng, mut_desc *d)
{
	mut_env env = {.pool = pool, .npool = npool, .consts = kc, .ops = 1u << op};
	mprog m;
	assert_true(mutate(&env, 0, rng, &m, d));
	assert_true(strstr(d->ops, mut_op_name(op)) != NULL);
	return m;
}

static void arg_replacements_fit_the_types(void **state)
{
	(void)state;
	mprog pool[1] = {mp("    x1 = vmirror(I)\n    x2 = ofcolor(I, ONE)\n    O = fill(x1, TWO, x2)\n"
	                    "    return O\n")};
	mut_consts kc = {0};
	uint64_t rng = 7;
	for (int k = 0; k < 500; k++) {
		mut_desc d;
		mprog m = one_op(pool, 1, &kc, MUT_ARG, &rng, &d);
		for (size_t j = 0; j < m.n; j++) {
			const prog_instr *in = &m.ins[j];
			if (in->callee.id == PRIM_fill) {
				/* the colour is an int constant, the patch a set of indices */
				operand c = in->arg[1];
				assert_true(c.kind == OPERAND_CONST && const_table[c.id].v.kind == VK_INT);
				assert_true(in->arg[2].kind == OPERAND_VAR &&
				            m.ins[in->arg[2].id].callee.id == PRIM_ofcolor);
			}
			if (in->callee.id == PRIM_ofcolor)
				assert_true(in->arg[1].kind == OPERAND_CONST &&
				            const_table[in->arg[1].id].v.kind == VK_INT);
		}
	}
}

static void swaps_keep_the_signature(void **state)
{
	(void)state;
	mprog pool[1] = {mp("    x1 = rot90(I)\n    O = apply(size, x1)\n    return O\n")};
	uint64_t rng = 9;
	bool saw_callee = false, saw_value = false;
	for (int k = 0; k < 300; k++) {
		mut_desc d;
		mprog m = one_op(pool, 1, &(mut_consts){0}, MUT_SWAP, &rng, &d);
		const prog_instr *last = &m.ins[m.out];
		if (m.n == 2 && m.ins[0].callee.id != PRIM_rot90) {
			saw_callee = true;
			assert_int_equal(prim_table[m.ins[0].callee.id].arity, 1);
		}
		if (last->callee.id == PRIM_apply && last->arg[0].id != PRIM_size) {
			saw_value = true;
			assert_int_equal(last->arg[0].kind, OPERAND_PRIM);
			assert_int_equal(prim_table[last->arg[0].id].arity, 1);
		}
	}
	assert_true(saw_callee && saw_value);
}

static void constants_from_the_task(void **state)
{
	(void)state;
	arc_taskset *ts;
	const arc_task *t = task_of(&ts, "007bbfb7"); /* 3x3 -> 9x9, colours 0 and 7 (and 2, 4, 6) */
	mut_consts kc;
	mut_task_consts(t, &kc);
	bool has[11] = {0};
	for (size_t k = 0; k < kc.nints; k++) {
		value v = const_table[kc.ints[k]].v;
		assert_int_equal(v.kind, VK_INT);
		if (v.i >= 0 && v.i <= 10)
			has[v.i] = true;
		if (k)
			assert_true(const_table[kc.ints[k - 1]].v.i < v.i);
	}
	assert_true(has[0] && has[3] && has[7] && has[9]); /* a colour, the ratio, a colour, a size */
	assert_false(has[1] || has[5]);
	bool three = false;
	for (size_t k = 0; k < kc.npairs; k++)
		three |= kc.pairs[k] == CONST_THREE_BY_THREE;
	assert_true(three);
	mprog pool[1] = {mp("    x1 = replace(I, FIVE, FIVE)\n    O = upscale(x1, FIVE)\n    return O\n")};
	uint64_t rng = 3;
	bool all_at_once = false;
	for (int k = 0; k < 200; k++) {
		mut_desc d;
		mprog m = one_op(pool, 1, &kc, MUT_CONST, &rng, &d);
		int fives = 0;
		for (size_t j = 0; j < m.n; j++)
			for (int q = 0; q < m.ins[j].nargs; q++) {
				operand o = m.ins[j].arg[q];
				if (o.kind != OPERAND_CONST)
					continue;
				fives += o.id == CONST_FIVE;
				bool from_task = o.id == CONST_FIVE;
				for (size_t c = 0; c < kc.nints; c++)
					from_task |= kc.ints[c] == o.id;
				assert_true(from_task);
			}
		all_at_once |= fives == 0;
	}
	assert_true(all_at_once);
	arc_taskset_free(ts);
}

static void splice_takes_donor_steps(void **state)
{
	(void)state;
	mprog pool[2] = {
		mp("    x1 = vmirror(I)\n    O = hconcat(I, x1)\n    return O\n"),
		mp("    x1 = dmirror(I)\n    x2 = rot90(x1)\n    O = upscale(x2, TWO)\n    return O\n"),
	};
	uint64_t rng = 11;
	bool saw_rot = false;
	for (int k = 0; k < 200; k++) {
		mut_desc d;
		mprog m = one_op(pool, 2, &(mut_consts){0}, MUT_SPLICE, &rng, &d);
		assert_int_equal(d.donor, 1);
		bool donor_step = false;
		for (size_t j = 0; j < m.n; j++) {
			uint16_t c = m.ins[j].callee.id;
			donor_step |= c == PRIM_dmirror || c == PRIM_rot90 || c == PRIM_upscale;
			if (c == PRIM_rot90) {
				saw_rot = true; /* with the step it needs */
				assert_int_equal(m.ins[m.ins[j].arg[0].id].callee.id, PRIM_dmirror);
			}
		}
		assert_true(donor_step);
	}
	assert_true(saw_rot);
}

static void shrink_steps(void **state)
{
	(void)state;
	mprog m = mp("    x1 = vmirror(I)\n    x2 = vmirror(x1)\n    O = vmirror(x2)\n    return O\n");
	mprog out[16];
	size_t n = mut_shrink_steps(&m, out, 16);
	assert_true(n >= 2);
	bool shorter = false;
	for (size_t k = 0; k < n; k++) {
		assert_true(out[k].n < m.n);
		char *t = text_of(&out[k]);
		shorter |= !strcmp(t, "    x1 = vmirror(I)\n    O = vmirror(x1)\n    return O\n");
		free(t);
	}
	assert_true(shorter);
	mprog one = mp("    O = vmirror(I)\n    return O\n");
	assert_int_equal(mut_shrink_steps(&one, out, 16), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trip_battery),
		cmocka_unit_test(canonical_names),
		cmocka_unit_test(prune_dead_and_repeated),
		cmocka_unit_test(mutants_well_formed_and_seeded),
		cmocka_unit_test(arg_replacements_fit_the_types),
		cmocka_unit_test(swaps_keep_the_signature),
		cmocka_unit_test(constants_from_the_task),
		cmocka_unit_test(splice_takes_donor_steps),
		cmocka_unit_test(shrink_steps),
	};
	return cmocka_run_group_tests(tests, tu_setup, tu_teardown);
}
