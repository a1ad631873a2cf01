/* battery.c — programs loaded into one hash-consed graph: every instruction of every program
 * becomes a node (callee + argument nodes), and a node with the same callee and the same
 * argument nodes as an existing one is that node, so shared calls are computed once. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <xxhash.h>

#include "battery.h"
#include "dsl.h"
#include "fileio.h"

arc_battery *arc_battery_new(void) { return calloc(1, sizeof(arc_battery)); }

/* ---- the node table ---- */

static uint64_t node_hash(const node *n, const uint32_t *args)
{
	uint32_t rec[2 + PROG_MAX_ARGS];
	size_t k = 0, na = n->nargs + (n->op == NODE_APPLY);
	rec[k++] = (uint32_t)n->op | (uint32_t)n->nargs << 8 | (uint32_t)n->fn << 16;
	for (size_t a = 0; a < na; a++)
		rec[k++] = args[a];
	return XXH3_64bits(rec, k * sizeof rec[0]);
}

static size_t node_argc(const node *n) { return n->nargs + (n->op == NODE_APPLY); }

static bool table_grow(arc_battery *b)
{
	uint32_t cap = b->tabcap ? b->tabcap * 2 : 1024;
	uint32_t *t = calloc(cap, sizeof *t);
	if (!t)
		return false;
	for (uint32_t id = 0; id < b->nnodes; id++) {
		const node *n = &b->nodes[id];
		uint32_t h = (uint32_t)node_hash(n, b->argv + n->args) & (cap - 1);
		while (t[h])
			h = (h + 1) & (cap - 1);
		t[h] = id + 1;
	}
	free(b->table);
	b->table = t;
	b->tabcap = cap;
	return true;
}

/* The id of the node (op, fn, args), added when new; UINT32_MAX when memory ran out. */
static uint32_t intern(arc_battery *b, node_op op, uint16_t fn, const uint32_t *args, int nargs)
{
	node key = {.op = (uint8_t)op, .nargs = (uint8_t)nargs, .fn = fn};
	size_t argc = node_argc(&key);
	if ((b->nnodes + 1) * 2 > b->tabcap && !table_grow(b))
		return UINT32_MAX;
	uint32_t mask = b->tabcap - 1, h = (uint32_t)node_hash(&key, args) & mask;
	for (; b->table[h]; h = (h + 1) & mask) {
		const node *n = &b->nodes[b->table[h] - 1];
		if (n->op == key.op && n->nargs == key.nargs && n->fn == key.fn &&
		    (!argc || !memcmp(b->argv + n->args, args, argc * sizeof *args)))
			return b->table[h] - 1;
	}
	if (b->nnodes == UINT32_MAX - 1 || b->nargv + argc > UINT32_MAX)
		return UINT32_MAX;
	if (b->nnodes == b->capnodes) {
		uint32_t cap = b->capnodes ? b->capnodes * 2 : 256;
		node *nn = realloc(b->nodes, cap * sizeof *nn);
		if (!nn)
			return UINT32_MAX;
		b->nodes = nn;
		b->capnodes = cap;
	}
	if (b->nargv + argc > b->capargv) {
		size_t cap = b->capargv ? b->capargv * 2 : 1024;
		uint32_t *na = realloc(b->argv, cap * sizeof *na);
		if (!na)
			return UINT32_MAX;
		b->argv = na;
		b->capargv = cap;
	}
	key.args = (uint32_t)b->nargv;
	if (argc)
		memcpy(b->argv + b->nargv, args, argc * sizeof *args);
	b->nargv += argc;
	b->nodes[b->nnodes] = key;
	b->table[h] = b->nnodes + 1;
	if (op == NODE_CALL || op == NODE_APPLY)
		b->ncalls++;
	return b->nnodes++;
}

static uint32_t intern_operand(arc_battery *b, operand o, const uint32_t *vars)
{
	switch ((operand_kind)o.kind) {
	case OPERAND_INPUT: return intern(b, NODE_INPUT, 0, NULL, 0);
	case OPERAND_CONST: return intern(b, NODE_CONST, o.id, NULL, 0);
	case OPERAND_PRIM: return intern(b, NODE_FUNC, o.id, NULL, 0);
	case OPERAND_VAR: return vars[o.id];
	}
	return UINT32_MAX;
}

/* ---- program names ---- */

static uint32_t name_slot(const arc_battery *b, const char *name)
{
	size_t mask = b->namecap - 1, h = XXH3_64bits(name, strlen(name)) & mask;
	while (b->names[h] && strcmp(b->progs[b->names[h] - 1].name, name))
		h = (h + 1) & mask;
	return (uint32_t)h;
}

size_t arc_battery_find(const arc_battery *b, const char *name)
{
	if (!b->namecap)
		return SIZE_MAX;
	uint32_t h = name_slot(b, name);
	return b->names[h] ? b->names[h] - 1 : SIZE_MAX;
}

static bool names_grow(arc_battery *b)
{
	size_t cap = b->namecap ? b->namecap * 2 : 64;
	uint32_t *t = calloc(cap, sizeof *t), *old = b->names;
	if (!t)
		return false;
	b->names = t;
	b->namecap = cap;
	for (size_t i = 0; i < b->nprogs; i++)
		b->names[name_slot(b, b->progs[i].name)] = (uint32_t)i + 1;
	free(old);
	return true;
}

/* ---- adding programs ---- */

static void battery_prog_free(battery_prog *p)
{
	free(p->name);
	free(p->nodes);
	free(p->lines);
	free(p->callee);
	free(p->names);
}

/* Puts p into the graph as program number b->nprogs (its name is taken over). */
static arc_status add_program(arc_battery *b, program *p, const char *file)
{
	if ((b->nprogs + 1) * 2 > b->namecap && !names_grow(b))
		return ARC_E_NOMEM;
	if (b->nprogs == b->capprogs) {
		size_t cap = b->capprogs ? b->capprogs * 2 : 64;
		battery_prog *np = realloc(b->progs, cap * sizeof *np);
		if (!np)
			return ARC_E_NOMEM;
		b->progs = np;
		b->capprogs = cap;
	}
	size_t n = p->n, namelen = 0;
	for (size_t k = 0; k < n; k++) {
		operand c = p->ins[k].callee;
		namelen += strlen(c.kind == OPERAND_PRIM ? prim_table[c.id].name : p->names + p->ins[c.id].target) + 1;
	}
	battery_prog bp = {
		.file = file,
		.nodes = malloc(n * sizeof *bp.nodes),
		.lines = malloc(n * sizeof *bp.lines),
		.callee = malloc(n * sizeof *bp.callee),
		.names = malloc(namelen),
		.n = (uint32_t)n,
		.out = (uint32_t)p->out,
	};
	if (!bp.nodes || !bp.lines || !bp.callee || !bp.names) {
		battery_prog_free(&bp);
		return ARC_E_NOMEM;
	}
	size_t off = 0;
	for (size_t k = 0; k < n; k++) {
		const prog_instr *in = &p->ins[k];
		uint32_t args[1 + PROG_MAX_ARGS];
		int na = 0;
		bool apply = in->callee.kind == OPERAND_VAR;
		if (apply)
			args[na++] = bp.nodes[in->callee.id];
		for (int a = 0; a < in->nargs; a++)
			args[na++] = intern_operand(b, in->arg[a], bp.nodes);
		for (int a = 0; a < na; a++)
			if (args[a] == UINT32_MAX) {
				battery_prog_free(&bp);
				return ARC_E_NOMEM;
			}
		bp.nodes[k] = intern(b, apply ? NODE_APPLY : NODE_CALL, apply ? 0 : in->callee.id, args, in->nargs);
		if (bp.nodes[k] == UINT32_MAX) {
			battery_prog_free(&bp);
			return ARC_E_NOMEM;
		}
		bp.lines[k] = in->line;
		const char *cn = apply ? p->names + p->ins[in->callee.id].target : prim_table[in->callee.id].name;
		bp.callee[k] = (uint32_t)off;
		strcpy(bp.names + off, cn);
		off += strlen(cn) + 1;
	}
	bp.name = p->name;
	p->name = NULL;
	b->progs[b->nprogs] = bp;
	b->names[name_slot(b, bp.name)] = (uint32_t)b->nprogs + 1;
	b->nprogs++;
	b->unmerged += n;
	return ARC_OK;
}

static int cmp_prog_names(const void *x, const void *y, void *base)
{
	const program *p = base;
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	int r = strcmp(p[i].name, p[j].name);
	return r ? r : (i > j) - (i < j);
}

/* Marks programs whose name is already in the battery or earlier in the file (dup[i]);
 * reports each. Returns the number found, or -1 when memory ran out. */
static long find_duplicates(const arc_battery *b, const char *file, const program *p, size_t n,
                            bool *dup, arc_diag *diag)
{
	size_t *ord = malloc((n ? n : 1) * sizeof *ord);
	if (!ord)
		return -1;
	for (size_t i = 0; i < n; i++)
		ord[i] = i;
	qsort_r(ord, n, sizeof *ord, cmp_prog_names, (void *)p);
	long found = 0;
	for (size_t k = 0; k < n; k++) {
		size_t i = ord[k], first = arc_battery_find(b, p[i].name);
		char prev[600] = "";
		if (first != SIZE_MAX)
			snprintf(prev, sizeof prev, "%s", b->progs[first].file);
		else if (k > 0 && !strcmp(p[ord[k - 1]].name, p[i].name))
			snprintf(prev, sizeof prev, "line %d", p[ord[k - 1]].line);
		else
			continue;
		dup[i] = true;
		found++;
		arc_error e;
		arc_error_set(&e, ARC_E_INPUT, file, p[i].name, p[i].line, p[i].column,
		              "duplicate program name %s (already defined in %s)", p[i].name, prev);
		if (diag && arc_diag_push(diag, &e) != ARC_OK)
			found = -1;
	}
	free(ord);
	return found;
}

static const char *intern_file(arc_battery *b, const char *name)
{
	for (size_t k = 0; k < b->nfiles; k++)
		if (!strcmp(b->files[k], name))
			return b->files[k];
	char **nf = realloc(b->files, (b->nfiles + 1) * sizeof *nf);
	if (!nf)
		return NULL;
	b->files = nf;
	return (b->files[b->nfiles] = strdup(name)) ? b->files[b->nfiles++] : NULL;
}

arc_status arc_battery_add_text(arc_battery *b, const char *name, const char *text, size_t len,
                                bool strict, arc_diag *diag)
{
	program *progs = NULL;
	size_t n = 0;
	long errs = parse_programs(name, text, len, &progs, &n, diag);
	bool *dup = calloc(n ? n : 1, sizeof *dup);
	long dups = errs < 0 || !dup ? -1 : find_duplicates(b, name, progs, n, dup, diag);
	const char *file = dups < 0 ? NULL : intern_file(b, name);
	arc_status st = !file ? ARC_E_NOMEM : errs + dups > 0 ? ARC_E_INPUT : ARC_OK;
	for (size_t i = 0; i < n; i++) {
		if (st != ARC_E_NOMEM && !(strict && st == ARC_E_INPUT) && !dup[i]) {
			arc_status s = add_program(b, &progs[i], file);
			if (s != ARC_OK)
				st = s;
		}
		program_free(&progs[i]);
	}
	free(progs);
	free(dup);
	if (st == ARC_E_NOMEM && diag) {
		arc_error e;
		arc_error_set(&e, ARC_E_NOMEM, name, NULL, 0, 0, "out of memory while loading programs");
		arc_diag_push(diag, &e);
	}
	return st;
}

static void diag_push(arc_diag *diag, const arc_error *e)
{
	if (diag)
		arc_diag_push(diag, e);
}

static arc_status add_one_file(arc_battery *b, const char *path, bool strict, arc_diag *diag)
{
	char *text;
	size_t len;
	arc_error e;
	arc_status st = file_read(path, ARC_TASK_FILE_MAX, &text, &len, &e);
	if (st) {
		diag_push(diag, &e);
		return st;
	}
	st = arc_battery_add_text(b, path, text, len, strict, diag);
	free(text);
	return st;
}

/* A directory's *.py files in name order; a file that cannot be read is reported and
 * skipped like a file with errors, and the others are loaded. */
static arc_status add_dir(arc_battery *b, const char *path, bool strict, arc_diag *diag)
{
	char **files;
	size_t n;
	arc_error e;
	arc_status st = file_list_dir(path, ".py", &files, &n, &e);
	if (st) {
		diag_push(diag, &e);
		return st;
	}
	if (n == 0) {
		arc_error_set(&e, ARC_E_INPUT, path, NULL, 0, 0, "no *.py program files in the directory");
		diag_push(diag, &e);
		st = ARC_E_INPUT;
	}
	for (size_t k = 0; k < n && st != ARC_E_NOMEM && !(st == ARC_E_INPUT && strict); k++) {
		arc_status fs = add_one_file(b, files[k], strict, diag);
		if (fs == ARC_E_IO)
			fs = ARC_E_INPUT;
		st = fs > st ? fs : st;
	}
	file_list_free(files, n);
	return st;
}

arc_status arc_battery_add_file(arc_battery *b, const char *path, bool strict, arc_diag *diag)
{
	struct stat sb;
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
		return add_dir(b, path, strict, diag);
	return add_one_file(b, path, strict, diag);
}

size_t arc_battery_count(const arc_battery *b) { return b->nprogs; }
const char *arc_battery_name(const arc_battery *b, size_t i) { return i < b->nprogs ? b->progs[i].name : NULL; }
const char *arc_battery_file(const arc_battery *b, size_t i) { return i < b->nprogs ? b->progs[i].file : NULL; }
size_t arc_battery_program_size(const arc_battery *b, size_t i) { return i < b->nprogs ? b->progs[i].n : 0; }
size_t arc_battery_calls(const arc_battery *b) { return b->ncalls; }
size_t arc_battery_calls_unmerged(const arc_battery *b) { return b->unmerged; }

void arc_battery_free(arc_battery *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->nprogs; i++)
		battery_prog_free(&b->progs[i]);
	for (size_t k = 0; k < b->nfiles; k++)
		free(b->files[k]);
	free(b->files);
	free(b->progs);
	free(b->names);
	free(b->nodes);
	free(b->argv);
	free(b->table);
	free(b);
}

/* ---- programs back out of the graph ---- */

static operand node_operand(const arc_battery *b, const battery_prog *p, size_t k, uint32_t id)
{
	const node *nd = &b->nodes[id];
	switch ((node_op)nd->op) {
	case NODE_INPUT: return (operand){OPERAND_INPUT, 0};
	case NODE_CONST: return (operand){OPERAND_CONST, nd->fn};
	case NODE_FUNC: return (operand){OPERAND_PRIM, nd->fn};
	case NODE_CALL:
	case NODE_APPLY: break;
	}
	size_t j = 0;
	while (j < k && p->nodes[j] != id)
		j++;
	return (operand){OPERAND_VAR, (uint16_t)j};
}

arc_status battery_program(const arc_battery *b, size_t i, prog_instr **ins, size_t *n,
                           size_t *out)
{
	*ins = NULL;
	if (i >= b->nprogs)
		return ARC_E_USAGE;
	const battery_prog *p = &b->progs[i];
	prog_instr *r = calloc(p->n ? p->n : 1, sizeof *r);
	if (!r)
		return ARC_E_NOMEM;
	for (uint32_t k = 0; k < p->n; k++) {
		const node *nd = &b->nodes[p->nodes[k]];
		const uint32_t *a = b->argv + nd->args;
		prog_instr *in = &r[k];
		in->line = p->lines[k];
		if (nd->op == NODE_APPLY)
			in->callee = node_operand(b, p, k, *a++);
		else
			in->callee = (operand){OPERAND_PRIM, nd->fn};
		in->nargs = nd->nargs;
		for (int q = 0; q < nd->nargs; q++)
			in->arg[q] = node_operand(b, p, k, a[q]);
	}
	*ins = r;
	*n = p->n;
	*out = p->out;
	return ARC_OK;
}
