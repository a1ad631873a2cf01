/* mutate.c — the mutation operators (see mutate.h). An operator picks a site uniformly, lists the
 * replacements the type hints allow there, and picks one uniformly; the result is pruned of the
 * steps O no longer needs. Candidates are listed in table order, so a seed fixes the outcome. */
#include "mutate.h"

#include <stdlib.h>
#include <string.h>

#include "dsl.h"

uint64_t mut_rand(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static size_t pick(uint64_t *rng, size_t n) { return (size_t)(mut_rand(rng) % n); }

static const char *const op_names[MUT_OPS] = {"arg", "swap", "const", "splice"};
const char *mut_op_name(mut_op op) { return op < MUT_OPS ? op_names[op] : "?"; }

/* ---- types ---- */

static uint8_t const_type(uint16_t id)
{
	switch ((vkind)const_table[id].v.kind) {
	case VK_BOOL: return T_BOOLEAN;
	case VK_INT: return T_INTEGER;
	default: return T_INTEGERTUPLE;
	}
}

static uint8_t operand_type(const mprog *m, operand o)
{
	switch ((operand_kind)o.kind) {
	case OPERAND_INPUT: return T_GRID;
	case OPERAND_CONST: return const_type(o.id);
	case OPERAND_PRIM: return T_CALLABLE;
	case OPERAND_VAR: return m->type[o.id];
	}
	return T_ANY;
}

static uint8_t instr_type(const mprog *m, const prog_instr *in)
{
	if (in->callee.kind != OPERAND_PRIM)
		return T_ANY;
	switch (in->callee.id) {
	case PRIM_identity: return operand_type(m, in->arg[0]);
	case PRIM_branch: {
		uint8_t a = operand_type(m, in->arg[1]), b = operand_type(m, in->arg[2]);
		return a == b ? a : T_ANY;
	}
	case PRIM_apply:
	case PRIM_rapply:
	case PRIM_papply:
	case PRIM_mpapply: return prim_table[in->callee.id].ret; /* other elements than given */
	default: break;
	}
	/* Most primitives whose result type is a parameter's give back what they were given
	 * (vmirror of a grid is a grid, sfilter of Objects is Objects): refine to that. */
	const prim_info *p = &prim_table[in->callee.id];
	uint8_t t = T_ANY;
	for (int a = 0; a < in->nargs; a++) {
		if (p->arg[a] != p->ret)
			continue;
		uint8_t have = operand_type(m, in->arg[a]);
		if (t != T_ANY && have != t)
			return p->ret;
		t = have;
	}
	return t != T_ANY && dsl_type_fits(t, p->ret) ? t : p->ret;
}

static void compute_types(mprog *m)
{
	for (size_t k = 0; k < m->n; k++)
		m->type[k] = instr_type(m, &m->ins[k]);
}

/* A value of type `produced` can be a `want`: their shapes overlap beyond the empty set (which
 * nearly every container type admits, so it proves nothing). */
static bool compat(uint8_t produced, uint8_t want)
{
	return (dsl_type_shapes(produced) & dsl_type_shapes(want) & ~(uint32_t)SH_EMPTYSET) != 0;
}

/* The parameter type at argument a of in: the hint of a primitive callee, else unknown. */
static uint8_t param_type(const prog_instr *in, int a)
{
	return in->callee.kind == OPERAND_PRIM ? prim_table[in->callee.id].arg[a] : T_ANY;
}

/* ---- whole programs ---- */

bool mprog_set(mprog *m, const prog_instr *ins, size_t n, size_t out)
{
	if (n == 0 || n > MUT_MAX_INSTRS || out >= n)
		return false;
	for (size_t k = 0; k < n; k++) {
		m->ins[k] = ins[k];
		m->ins[k].line = 0;
		m->ins[k].target = 0;
	}
	m->n = n;
	m->out = out;
	compute_types(m);
	return true;
}

bool mprog_parse(mprog *m, const char *body)
{
	strbuf sb = {0};
	sb_puts(&sb, "def p(I):\n");
	sb_puts(&sb, body);
	program *progs = NULL;
	size_t np = 0;
	long errs = sb.oom ? -1 : parse_programs("archive", sb.s, sb.n, &progs, &np, NULL);
	bool ok = errs == 0 && np == 1 && mprog_set(m, progs[0].ins, progs[0].n, progs[0].out);
	for (size_t i = 0; i < np; i++)
		program_free(&progs[i]);
	free(progs);
	sb_free(&sb);
	return ok;
}

void mprog_text(const mprog *m, strbuf *sb) { program_body(m->ins, m->n, m->out, sb); }

static void mark_live(const mprog *m, bool *live)
{
	memset(live, 0, m->n * sizeof *live);
	live[m->out] = true;
	for (size_t k = m->n; k-- > 0;) {
		if (!live[k])
			continue;
		const prog_instr *in = &m->ins[k];
		if (in->callee.kind == OPERAND_VAR)
			live[in->callee.id] = true;
		for (int a = 0; a < in->nargs; a++)
			if (in->arg[a].kind == OPERAND_VAR)
				live[in->arg[a].id] = true;
	}
}

static void renumber(operand *o, const uint16_t *map)
{
	if (o->kind == OPERAND_VAR)
		o->id = map[o->id];
}

static bool same_operand(operand a, operand b) { return a.kind == b.kind && a.id == b.id; }

static bool same_instr(const prog_instr *a, const prog_instr *b)
{
	if (!same_operand(a->callee, b->callee) || a->nargs != b->nargs)
		return false;
	for (int k = 0; k < a->nargs; k++)
		if (!same_operand(a->arg[k], b->arg[k]))
			return false;
	return true;
}

void mprog_prune(mprog *m)
{
	bool live[MUT_MAX_INSTRS];
	uint16_t map[MUT_MAX_INSTRS];
	mark_live(m, live);
	size_t n = 0;
	for (size_t k = 0; k < m->n; k++) {
		if (!live[k])
			continue;
		prog_instr in = m->ins[k];
		renumber(&in.callee, map);
		for (int a = 0; a < in.nargs; a++)
			renumber(&in.arg[a], map);
		/* the same call twice is one step: calls have no side effects */
		size_t j = 0;
		while (j < n && !same_instr(&m->ins[j], &in))
			j++;
		map[k] = (uint16_t)j;
		if (j < n)
			continue;
		m->type[n] = m->type[k];
		m->ins[n++] = in;
	}
	m->out = map[m->out];
	m->n = n;
}

/* ---- constants of a task ---- */

static int const_of_int(int v)
{
	for (int id = 0; id < CONST_COUNT; id++)
		if (const_table[id].v.kind == VK_INT && const_table[id].v.i == v)
			return id;
	return -1;
}

static int const_of_pair(int i, int j)
{
	for (int id = 0; id < CONST_COUNT; id++)
		if (const_table[id].v.kind == VK_PAIR && const_table[id].v.i == i && const_table[id].v.j == j)
			return id;
	return -1;
}

static void add_id(uint16_t *ids, size_t *n, size_t cap, int id)
{
	if (id < 0)
		return;
	for (size_t k = 0; k < *n; k++)
		if (ids[k] == id)
			return;
	if (*n < cap)
		ids[(*n)++] = (uint16_t)id;
}

static int cmp_const_value(const void *a, const void *b)
{
	value x = const_table[*(const uint16_t *)a].v, y = const_table[*(const uint16_t *)b].v;
	if (x.i != y.i)
		return x.i < y.i ? -1 : 1;
	return (x.j > y.j) - (x.j < y.j);
}

void mut_task_consts(const arc_task *t, mut_consts *k)
{
	*k = (mut_consts){0};
	unsigned colours = 0;
	for (int p = 0; p < t->ntrain; p++) {
		const arc_grid *in = &t->train[p].input, *out = &t->train[p].output;
		for (int c = 0; c < in->h * in->w; c++)
			colours |= 1u << in->cell[c];
		for (int c = 0; c < out->h * out->w; c++)
			colours |= 1u << out->cell[c];
		int sizes[] = {in->h, in->w, out->h, out->w,
		               out->h % in->h ? -1 : out->h / in->h, out->w % in->w ? -1 : out->w / in->w,
		               in->h % out->h ? -1 : in->h / out->h, in->w % out->w ? -1 : in->w / out->w};
		for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
			if (sizes[s] > 0)
				add_id(k->ints, &k->nints, 16, const_of_int(sizes[s]));
		add_id(k->pairs, &k->npairs, 8, const_of_pair(out->h, out->w));
		if (out->h % in->h == 0 && out->w % in->w == 0)
			add_id(k->pairs, &k->npairs, 8, const_of_pair(out->h / in->h, out->w / in->w));
	}
	for (int c = 0; c <= 9; c++)
		if (colours >> c & 1)
			add_id(k->ints, &k->nints, 16, const_of_int(c));
	qsort(k->ints, k->nints, sizeof *k->ints, cmp_const_value);
	qsort(k->pairs, k->npairs, sizeof *k->pairs, cmp_const_value);
}

/* ---- operators ---- */

/* Every argument position of m: (instruction, argument) packed as k * PROG_MAX_ARGS + a. */
static size_t arg_sites(const mprog *m, uint16_t *site)
{
	size_t n = 0;
	for (size_t k = 0; k < m->n; k++)
		for (int a = 0; a < m->ins[k].nargs; a++)
			site[n++] = (uint16_t)(k * PROG_MAX_ARGS + a);
	return n;
}

/* The value shape of a constant fits both the parameter and the shapes now there (a constant
 * replaces a constant of its own shape: an int an int, a bool a bool). */
static bool const_fits(uint16_t id, uint8_t param, uint32_t cur)
{
	uint32_t sh = dsl_value_shape(const_table[id].v);
	return (sh & dsl_type_shapes(param)) && (sh & cur);
}

#define MAX_CANDS (MUT_MAX_INSTRS + CONST_COUNT + PRIM_COUNT + 1)

static bool op_arg(mprog *m, uint64_t *rng)
{
	uint16_t site[MUT_MAX_INSTRS * PROG_MAX_ARGS];
	size_t ns = arg_sites(m, site);
	if (!ns)
		return false;
	size_t s = site[pick(rng, ns)], k = s / PROG_MAX_ARGS;
	int a = (int)(s % PROG_MAX_ARGS);
	operand cur = m->ins[k].arg[a];
	uint8_t want = param_type(&m->ins[k], a), have = operand_type(m, cur);
	operand vars[MUT_MAX_INSTRS + 1], consts[CONST_COUNT], prims[PRIM_COUNT];
	size_t nv = 0, nc = 0, np = 0;
	if (compat(T_GRID, want) && (have == T_ANY || compat(T_GRID, have)) && cur.kind != OPERAND_INPUT)
		vars[nv++] = (operand){OPERAND_INPUT, 0};
	for (size_t j = 0; j < k; j++)
		if (compat(m->type[j], want) && (have == T_ANY || m->type[j] == T_ANY || compat(m->type[j], have)) &&
		    !(cur.kind == OPERAND_VAR && cur.id == j))
			vars[nv++] = (operand){OPERAND_VAR, (uint16_t)j};
	uint32_t now = cur.kind == OPERAND_CONST ? dsl_value_shape(const_table[cur.id].v)
	                                     : dsl_type_shapes(have);
	for (uint16_t id = 0; id < CONST_COUNT; id++)
		if (const_fits(id, want, now) && !(cur.kind == OPERAND_CONST && cur.id == id))
			consts[nc++] = (operand){OPERAND_CONST, id};
	if (have == T_CALLABLE) {
		int arity = cur.kind == OPERAND_PRIM ? prim_table[cur.id].arity : -1;
		for (uint16_t id = 0; id < PRIM_COUNT; id++)
			if ((arity < 0 || prim_table[id].arity == arity) && !(cur.kind == OPERAND_PRIM && cur.id == id))
				prims[np++] = (operand){OPERAND_PRIM, id};
	}
	const operand *lists[3] = {vars, consts, prims};
	size_t sizes[3] = {nv, nc, np}, nonempty[3], nn = 0;
	for (size_t c = 0; c < 3; c++)
		if (sizes[c])
			nonempty[nn++] = c;
	if (!nn)
		return false;
	size_t c = nonempty[pick(rng, nn)];
	m->ins[k].arg[a] = lists[c][pick(rng, sizes[c])];
	return true;
}

/* Primitive q can stand where instruction k calls a primitive: it takes the arguments' types
 * and gives what k gave (its refined type). */
static bool callee_fits(const mprog *m, size_t k, uint16_t q)
{
	const prog_instr *in = &m->ins[k];
	const prim_info *p = &prim_table[in->callee.id], *r = &prim_table[q];
	if (r->arity != p->arity || !compat(r->ret, m->type[k]))
		return false;
	for (int a = 0; a < in->nargs; a++)
		if (!compat(operand_type(m, in->arg[a]), r->arg[a]))
			return false;
	return true;
}

/* Primitive q can stand for primitive p passed as a value. */
static bool value_fits(uint16_t p, uint16_t q)
{
	const prim_info *x = &prim_table[p], *y = &prim_table[q];
	if (x->arity != y->arity || !compat(y->ret, x->ret))
		return false;
	for (int a = 0; a < x->arity; a++)
		if (!compat(x->arg[a], y->arg[a]))
			return false;
	return true;
}

static bool op_swap(mprog *m, uint64_t *rng)
{
	/* sites: a primitive callee (a = PROG_MAX_ARGS stands for the callee) or argument */
	uint16_t site[MUT_MAX_INSTRS * (PROG_MAX_ARGS + 1)];
	size_t ns = 0;
	for (size_t k = 0; k < m->n; k++) {
		if (m->ins[k].callee.kind == OPERAND_PRIM)
			site[ns++] = (uint16_t)(k * (PROG_MAX_ARGS + 1) + PROG_MAX_ARGS);
		for (int a = 0; a < m->ins[k].nargs; a++)
			if (m->ins[k].arg[a].kind == OPERAND_PRIM)
				site[ns++] = (uint16_t)(k * (PROG_MAX_ARGS + 1) + a);
	}
	if (!ns)
		return false;
	size_t s = site[pick(rng, ns)], k = s / (PROG_MAX_ARGS + 1);
	int a = (int)(s % (PROG_MAX_ARGS + 1));
	prog_instr *in = &m->ins[k];
	operand *o = a == PROG_MAX_ARGS ? &in->callee : &in->arg[a];
	uint16_t cands[PRIM_COUNT];
	size_t nc = 0;
	for (uint16_t q = 0; q < PRIM_COUNT; q++)
		if (q != o->id && (a == PROG_MAX_ARGS ? callee_fits(m, k, q) : value_fits(o->id, q)))
			cands[nc++] = q;
	if (!nc)
		return false;
	o->id = cands[pick(rng, nc)];
	return true;
}

static bool op_const(mprog *m, const mut_consts *kc, uint64_t *rng)
{
	uint16_t site[MUT_MAX_INSTRS * PROG_MAX_ARGS];
	size_t ns = 0;
	for (size_t k = 0; k < m->n; k++)
		for (int a = 0; a < m->ins[k].nargs; a++) {
			operand o = m->ins[k].arg[a];
			vkind kind = o.kind == OPERAND_CONST ? (vkind)const_table[o.id].v.kind : VK_NONE;
			if ((kind == VK_INT && kc->nints) || (kind == VK_PAIR && kc->npairs))
				site[ns++] = (uint16_t)(k * PROG_MAX_ARGS + a);
		}
	if (!ns)
		return false;
	size_t s = site[pick(rng, ns)], k = s / PROG_MAX_ARGS;
	uint16_t old = m->ins[k].arg[s % PROG_MAX_ARGS].id;
	bool is_int = const_table[old].v.kind == VK_INT;
	const uint16_t *ids = is_int ? kc->ints : kc->pairs;
	size_t n = is_int ? kc->nints : kc->npairs;
	uint16_t cands[16];
	size_t nc = 0;
	for (size_t c = 0; c < n; c++)
		if (ids[c] != old)
			cands[nc++] = ids[c];
	if (!nc)
		return false;
	uint16_t now = cands[pick(rng, nc)];
	/* Half the time the constant is re-derived everywhere it occurs (a colour is usually one
	 * colour throughout a program). */
	if (pick(rng, 2)) {
		for (size_t j = 0; j < m->n; j++)
			for (int a = 0; a < m->ins[j].nargs; a++)
				if (m->ins[j].arg[a].kind == OPERAND_CONST && m->ins[j].arg[a].id == old)
					m->ins[j].arg[a].id = now;
	} else
		m->ins[k].arg[s % PROG_MAX_ARGS].id = now;
	return true;
}

/* Inserts the steps donor instruction j needs (j last) before m's first step, and makes some
 * type-compatible argument of m read j's value. */
static bool op_splice(mprog *m, const mprog *donor, uint64_t *rng)
{
	size_t j = pick(rng, donor->n);
	bool need[MUT_MAX_INSTRS] = {0};
	need[j] = true;
	for (size_t k = j + 1; k-- > 0;) {
		if (!need[k])
			continue;
		const prog_instr *in = &donor->ins[k];
		if (in->callee.kind == OPERAND_VAR)
			need[in->callee.id] = true;
		for (int a = 0; a < in->nargs; a++)
			if (in->arg[a].kind == OPERAND_VAR)
				need[in->arg[a].id] = true;
	}
	size_t ncone = 0;
	for (size_t k = 0; k <= j; k++)
		ncone += need[k];
	if (ncone + m->n > MUT_MAX_INSTRS)
		return false;
	uint8_t t = donor->type[j];
	uint16_t site[MUT_MAX_INSTRS * PROG_MAX_ARGS];
	size_t ns = 0;
	for (size_t k = 0; k < m->n; k++)
		for (int a = 0; a < m->ins[k].nargs; a++) {
			uint8_t want = param_type(&m->ins[k], a), have = operand_type(m, m->ins[k].arg[a]);
			if (compat(t, want) && (have == T_ANY || t == T_ANY || compat(t, have)))
				site[ns++] = (uint16_t)(k * PROG_MAX_ARGS + a);
		}
	if (!ns)
		return false;
	size_t s = site[pick(rng, ns)];
	mprog r = {.n = ncone + m->n, .out = m->out + ncone};
	uint16_t map[MUT_MAX_INSTRS];
	size_t n = 0;
	for (size_t k = 0; k <= j; k++) {
		if (!need[k])
			continue;
		map[k] = (uint16_t)n;
		r.ins[n] = donor->ins[k];
		renumber(&r.ins[n].callee, map);
		for (int a = 0; a < r.ins[n].nargs; a++)
			renumber(&r.ins[n].arg[a], map);
		n++;
	}
	for (size_t k = 0; k < m->n; k++) {
		prog_instr in = m->ins[k];
		if (in.callee.kind == OPERAND_VAR)
			in.callee.id = (uint16_t)(in.callee.id + ncone);
		for (int a = 0; a < in.nargs; a++)
			if (in.arg[a].kind == OPERAND_VAR)
				in.arg[a].id = (uint16_t)(in.arg[a].id + ncone);
		r.ins[ncone + k] = in;
	}
	r.ins[ncone + s / PROG_MAX_ARGS].arg[s % PROG_MAX_ARGS] =
		(operand){OPERAND_VAR, (uint16_t)(ncone - 1)};
	*m = r;
	return true;
}

/* Operator weights: arguments are the commonest site, so they get the most draws. */
static const unsigned op_weight[MUT_OPS] = {3, 2, 2, 2};

static unsigned weight(const mut_env *env, mut_op op)
{
	if ((env->ops && !(env->ops >> op & 1)) || (op == MUT_SPLICE && env->npool < 2))
		return 0;
	return op_weight[op];
}

bool mutate(const mut_env *env, size_t parent, uint64_t *rng, mprog *out, mut_desc *d)
{
	*out = env->pool[parent];
	d->ops[0] = '\0';
	d->donor = -1;
	size_t want = pick(rng, 4) == 0 ? 2 : 1, done = 0;
	for (size_t tries = 0; done < want && tries < 8; tries++) {
		unsigned total = 0;
		for (int o = 0; o < MUT_OPS; o++)
			total += weight(env, (mut_op)o);
		if (!total)
			return false;
		unsigned r = (unsigned)pick(rng, total);
		mut_op op = MUT_ARG;
		while (r >= weight(env, op))
			r -= weight(env, op), op++;
		bool ok = false;
		switch (op) {
		case MUT_ARG: ok = op_arg(out, rng); break;
		case MUT_SWAP: ok = op_swap(out, rng); break;
		case MUT_CONST: ok = op_const(out, env->consts, rng); break;
		case MUT_SPLICE: {
			size_t dn = pick(rng, env->npool - 1);
			dn += dn >= parent;
			ok = d->donor < 0 && op_splice(out, &env->pool[dn], rng);
			if (ok)
				d->donor = (int)dn;
			break;
		}
		case MUT_OPS: break;
		}
		if (!ok)
			continue;
		compute_types(out);
		if (done++)
			strcat(d->ops, "+");
		strcat(d->ops, mut_op_name(op));
	}
	if (!done)
		return false;
	mprog_prune(out);
	return true;
}

static bool used_as_callee(const mprog *m, size_t k)
{
	for (size_t j = k + 1; j < m->n; j++)
		if (m->ins[j].callee.kind == OPERAND_VAR && m->ins[j].callee.id == k)
			return true;
	return false;
}

/* The values step k's uses may read instead of it: its own arguments of a compatible type, and
 * I or an earlier step of exactly its type (for the O step: an argument or earlier grid). */
static size_t bypasses(const mprog *m, size_t k, operand *r)
{
	const prog_instr *in = &m->ins[k];
	bool is_out = k == m->out, callee = !is_out && used_as_callee(m, k);
	uint8_t want = is_out ? T_GRID : m->type[k];
	size_t n = 0;
	for (int a = 0; a < in->nargs; a++) {
		operand o = in->arg[a];
		if ((o.kind == OPERAND_VAR || (o.kind == OPERAND_INPUT && !is_out && !callee)) &&
		    compat(operand_type(m, o), want))
			r[n++] = o;
	}
	if (!is_out && !callee && want == T_GRID)
		r[n++] = (operand){OPERAND_INPUT, 0};
	for (size_t j = 0; want != T_ANY && j < k; j++)
		if (m->type[j] == want)
			r[n++] = (operand){OPERAND_VAR, (uint16_t)j};
	size_t u = 0; /* each value once */
	for (size_t i = 0; i < n; i++) {
		size_t d = 0;
		while (d < u && !same_operand(r[d], r[i]))
			d++;
		if (d == u)
			r[u++] = r[i];
	}
	return u;
}

size_t mut_shrink_steps(const mprog *m, mprog *out, size_t cap)
{
	size_t n = 0;
	if (cap) {
		out[0] = *m;
		mprog_prune(&out[0]);
		n += out[0].n < m->n;
	}
	operand r[PROG_MAX_ARGS + 1 + MUT_MAX_INSTRS];
	for (size_t k = 0; k < m->n && n < cap; k++) {
		size_t nr = bypasses(m, k, r);
		for (size_t q = 0; q < nr && n < cap; q++) {
			mprog *c = &out[n];
			*c = *m;
			if (k == m->out)
				c->out = r[q].id;
			else
				for (size_t j = k + 1; j < c->n; j++) {
					prog_instr *u = &c->ins[j];
					if (u->callee.kind == OPERAND_VAR && u->callee.id == k)
						u->callee = r[q];
					for (int b = 0; b < u->nargs; b++)
						if (u->arg[b].kind == OPERAND_VAR && u->arg[b].id == k)
							u->arg[b] = r[q];
				}
			compute_types(c);
			mprog_prune(c);
			n++;
		}
	}
	return n;
}
