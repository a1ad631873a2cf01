/* prog_parse.c — the arc-dsl solver syntax (DSL.md 3): import lines, `def NAME(I):` blocks of
 * `TARGET = CALLEE(ARG, ...)` lines ending in `return O`. Names are resolved here, arities are
 * checked statically where they are known, and every error is reported with line and column;
 * a program with errors is left out, the others are returned. */
#include "grow.h"
#include "program.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dsl.h"

/* ---- tokens ---- */

typedef enum tkind {
	TK_NAME, TK_NUMBER, TK_LPAREN, TK_RPAREN, TK_COMMA, TK_EQ, TK_COLON, TK_STAR, TK_OTHER,
	TK_NEWLINE
} tkind;

typedef struct tok {
	uint8_t kind;   /* tkind */
	uint32_t pos;   /* offset in the text */
	uint32_t len;   /* bytes */
	int line, col;  /* 1-based */
} tok;

typedef struct parser {
	const char *file;  /* for messages */
	const char *src;   /* the text, len bytes, not NUL-terminated */
	size_t len;
	tok *t;            /* every token; logical lines end in TK_NEWLINE */
	size_t nt, capt;
	arc_diag *diag;
	long nerr;         /* errors reported */
	bool oom;          /* memory ran out: stop */
	char where[160];   /* the program being parsed, or "" */
} parser;

static void report(parser *p, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void report(parser *p, int line, int col, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	arc_error e;
	arc_error_set(&e, ARC_E_INPUT, p->file, p->where, line, col, "%s", msg);
	p->nerr++;
	if (p->diag && arc_diag_push(p->diag, &e) != ARC_OK)
		p->oom = true;
}

static bool push_tok(parser *p, tkind k, size_t pos, size_t len, int line, int col)
{
	if (!grow_array((void **)&p->t, &p->capt, p->nt + 1, sizeof *p->t, 16)) {
		p->oom = true;
		return false;
	}
	p->t[p->nt++] = (tok){.kind = (uint8_t)k, .pos = (uint32_t)pos, .len = (uint32_t)len,
	                      .line = line, .col = col};
	return true;
}

static bool is_ident0(char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_'; }
static bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }

/* The first byte of the next line that is not blank, a comment or whitespace, or 0. */
static char next_line_start(const parser *p, size_t i)
{
	for (; i < p->len; i++) {
		char ch = p->src[i];
		if (ch == '#')
			while (i < p->len && p->src[i] != '\n')
				i++;
		else if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n' && ch != '\f')
			return ch;
	}
	return 0;
}

/* Splits the text into tokens. A newline inside parentheses continues the line when the line
 * ends in '(' or ',' or the next one starts with ')'; otherwise it ends the line (and the
 * parser reports the unclosed parenthesis). */
static bool tokenize(parser *p)
{
	int line = 1, depth = 0;
	size_t line_start = 0, line_toks = 0;
	for (size_t i = 0; i < p->len && !p->oom;) {
		char ch = p->src[i];
		int col = (int)(i - line_start) + 1;
		if (ch == '\n') {
			tkind last = line_toks ? (tkind)p->t[p->nt - 1].kind : TK_NEWLINE;
			bool join = depth > 0 && (last == TK_LPAREN || last == TK_COMMA ||
			                          next_line_start(p, i + 1) == ')');
			if (!join) {
				if (line_toks)
					push_tok(p, TK_NEWLINE, i, 0, line, col);
				line_toks = 0;
				depth = 0;
			}
			line++;
			line_start = ++i;
			continue;
		}
		if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f') {
			i++;
			continue;
		}
		if (ch == '#') {
			while (i < p->len && p->src[i] != '\n')
				i++;
			continue;
		}
		size_t n = 1;
		tkind k = TK_OTHER;
		if (is_ident0(ch)) {
			while (i + n < p->len && (is_ident0(p->src[i + n]) || is_digit(p->src[i + n])))
				n++;
			k = TK_NAME;
		} else if (is_digit(ch)) {
			while (i + n < p->len && is_digit(p->src[i + n]))
				n++;
			k = TK_NUMBER;
		} else {
			static const char punct[] = "(),=:*";
			static const tkind kinds[] = {TK_LPAREN, TK_RPAREN, TK_COMMA, TK_EQ, TK_COLON, TK_STAR};
			const char *at = ch ? strchr(punct, ch) : NULL;
			if (at)
				k = kinds[at - punct];
			if (k == TK_LPAREN)
				depth++;
			else if (k == TK_RPAREN && depth > 0)
				depth--;
		}
		if (n > UINT32_MAX / 2 || i > UINT32_MAX / 2) {
			report(p, line, col, "file too large");
			return false;
		}
		push_tok(p, k, i, n, line, col);
		line_toks++;
		i += n;
	}
	if (line_toks && !p->oom)
		push_tok(p, TK_NEWLINE, p->len, 0, line, (int)(p->len - line_start) + 1);
	return !p->oom;
}

/* ---- token helpers ---- */

static bool tok_is(const parser *p, const tok *t, const char *word)
{
	size_t n = strlen(word);
	return t->kind == TK_NAME && t->len == n && !memcmp(p->src + t->pos, word, n);
}

/* A short, printable description of a token for messages. */
static void tok_desc(const parser *p, const tok *t, char *buf, size_t cap)
{
	if (t->kind == TK_NEWLINE) {
		snprintf(buf, cap, "end of line");
		return;
	}
	unsigned char ch = (unsigned char)p->src[t->pos];
	if (t->kind == TK_OTHER && (ch < 0x20 || ch >= 0x7f))
		snprintf(buf, cap, "byte 0x%02x", ch);
	else
		snprintf(buf, cap, "'%.*s'", t->len > 40 ? 40 : (int)t->len, p->src + t->pos);
}

static void unexpected(parser *p, const tok *t, const char *expected)
{
	char d[64];
	tok_desc(p, t, d, sizeof d);
	if (t->kind == TK_NUMBER)
		report(p, t->line, t->col, "expected %s, found the literal %s (literals are not allowed: use a constant such as ONE)", expected, d);
	else
		report(p, t->line, t->col, "expected %s, found %s", expected, d);
}

/* ---- the program being built ---- */

typedef struct target {
	const tok *name; /* where the name is assigned */
	size_t instr;    /* its instruction, SIZE_MAX while not yet parsed */
} target;

typedef struct build {
	prog_instr *ins;
	size_t n, cap;
	int8_t *farity;   /* per instruction: parameters of the function it holds, -1 unknown */
	size_t capfa;
	char *names;      /* NUL-separated target names */
	size_t nnames, capnames;
	target *tg;       /* every assignment target of the body, in order */
	size_t ntg, captg;
	uint32_t *slot;   /* open addressing over the targets' names: index + 1, 0 = empty */
	size_t capslot;   /* a power of two, over twice ntg (0 before the first target) */
	bool full;        /* PROG_MAX_INSTRS reached: the rest of the body is not parsed */
} build;

/* FNV-1a of a name: targets are found by hashing, so a body of n lines parses in O(n). */
static size_t name_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603u;
	for (size_t k = 0; k < n; k++)
		h = (h ^ (unsigned char)s[k]) * 1099511628211u;
	return (size_t)(h ^ (h >> 29));
}

/* The slot of the target named t: its own, or the empty one where it would go. */
static size_t target_slot(const parser *p, const build *b, const tok *t)
{
	size_t mask = b->capslot - 1, h = name_hash(p->src + t->pos, t->len) & mask;
	for (;; h = (h + 1) & mask) {
		uint32_t v = b->slot[h];
		if (!v)
			return h;
		const tok *x = b->tg[v - 1].name;
		if (x->len == t->len && !memcmp(p->src + x->pos, p->src + t->pos, t->len))
			return h;
	}
}

static void build_reset(const parser *p, build *b)
{
	/* linear probing: a target's probe path holds only targets added before it, so emptying
	 * the slots newest first finds each one */
	while (b->ntg)
		b->slot[target_slot(p, b, b->tg[--b->ntg].name)] = 0;
	b->n = b->nnames = 0;
	b->full = false;
}

static void build_free(build *b)
{
	free(b->ins);
	free(b->farity);
	free(b->names);
	free(b->tg);
	free(b->slot);
}

/* The target whose name is t, or NULL. */
static target *find_target(const parser *p, build *b, const tok *t)
{
	if (!b->capslot)
		return NULL;
	uint32_t v = b->slot[target_slot(p, b, t)];
	return v ? &b->tg[v - 1] : NULL;
}

/* Appends the target named x (not yet there); false when memory ran out. */
static bool add_target(const parser *p, build *b, const tok *x)
{
	if (!grow_array((void **)&b->tg, &b->captg, b->ntg + 1, sizeof *b->tg, 16))
		return false;
	if (2 * (b->ntg + 1) > b->capslot) {
		size_t cap = b->capslot ? 2 * b->capslot : 64;
		uint32_t *slot = calloc(cap, sizeof *slot);
		if (!slot)
			return false;
		free(b->slot);
		b->slot = slot;
		b->capslot = cap;
		for (size_t k = 0; k < b->ntg; k++)
			b->slot[target_slot(p, b, b->tg[k].name)] = (uint32_t)k + 1;
	}
	b->tg[b->ntg] = (target){x, SIZE_MAX};
	b->slot[target_slot(p, b, x)] = (uint32_t)++b->ntg;
	return true;
}

/* Resolves a name used as an argument (callee false) or callee. Returns false after reporting. */
static bool resolve(parser *p, build *b, const tok *t, bool callee, operand *out)
{
	const char *s = p->src + t->pos;
	int n = (int)t->len;
	target *tg = find_target(p, b, t);
	if (tg && tg->instr != SIZE_MAX) {
		*out = (operand){OPERAND_VAR, (uint16_t)tg->instr};
		return true;
	}
	if (tg) {
		report(p, t->line, t->col, "%.*s is used before it is assigned (on line %d)", n, s, tg->name->line);
		return false;
	}
	int id = prim_lookup(s, t->len);
	if (id >= 0) {
		*out = (operand){OPERAND_PRIM, (uint16_t)id};
		return true;
	}
	id = const_lookup(s, t->len);
	if (tok_is(p, t, "I") || id >= 0) {
		if (callee) {
			report(p, t->line, t->col, "%.*s is %s, not a function", n, s,
			       id >= 0 ? "a constant" : "the input grid");
			return false;
		}
		*out = id >= 0 ? (operand){OPERAND_CONST, (uint16_t)id} : (operand){OPERAND_INPUT, 0};
		return true;
	}
	if (callee)
		report(p, t->line, t->col, "unknown primitive '%.*s'", n, s);
	else
		report(p, t->line, t->col, "unknown name '%.*s': not a primitive, a constant, I or an assigned variable", n, s);
	return false;
}

/* Parameters of the function value an operand holds: -1 when unknown or not a function. */
static int operand_arity(const build *b, operand o)
{
	if (o.kind == OPERAND_PRIM)
		return prim_table[o.id].arity;
	if (o.kind == OPERAND_VAR)
		return b->farity[o.id];
	return -1;
}

/* The parameter count of the function an instruction's result holds, where DSL.md 3 and 6.2 fix
 * it statically: compose/chain/fork/matcher 1, power, rbind/lbind, branch of equal arities. */
static int result_arity(const build *b, const prog_instr *in)
{
	if (in->callee.kind != OPERAND_PRIM)
		return -1;
	int f = operand_arity(b, in->arg[0]);
	switch (in->callee.id) {
	case PRIM_compose:
	case PRIM_chain:
	case PRIM_fork:
	case PRIM_matcher: return 1;
	case PRIM_identity: return f;
	case PRIM_rbind:
	case PRIM_lbind: return f < 0 ? -1 : f == 2 ? 1 : f == 3 ? 2 : 3;
	case PRIM_power:
		if (in->arg[1].kind == OPERAND_CONST) {
			value k = const_table[in->arg[1].id].v;
			if (is_num(k))
				return k.i == 1 ? f : k.i >= 2 ? 1 : -1;
		}
		return f == 1 ? 1 : -1;
	case PRIM_branch: {
		int a = operand_arity(b, in->arg[1]), c = operand_arity(b, in->arg[2]);
		return a >= 0 && a == c ? a : -1;
	}
	default: return -1;
	}
}

static bool add_name(parser *p, build *b, const tok *t, uint32_t *off)
{
	if (!grow_array((void **)&b->names, &b->capnames, b->nnames + t->len + 1, 1, 16)) {
		p->oom = true;
		return false;
	}
	*off = (uint32_t)b->nnames;
	memcpy(b->names + b->nnames, p->src + t->pos, t->len);
	b->names[b->nnames + t->len] = 0;
	b->nnames += t->len + 1;
	return true;
}

/* The call `CALLEE(ARG, ...)` at t (the rest of the line) into *in: syntax, names, arity. */
static bool parse_call(parser *p, build *b, const tok *callee, prog_instr *in)
{
	if (callee->kind != TK_NAME) {
		unexpected(p, callee, "a call 'callee(argument, ...)'");
		return false;
	}
	if (callee[1].kind != TK_LPAREN) {
		unexpected(p, &callee[1], "'(' (each line is one call 'callee(argument, ...)')");
		return false;
	}
	const tok *a = &callee[2], *args[PROG_MAX_ARGS];
	int nargs = 0;
	while (a->kind != TK_RPAREN) {
		if (a->kind != TK_NAME) {
			unexpected(p, a, "an argument or ')'");
			return false;
		}
		if (a[1].kind == TK_LPAREN) {
			report(p, a->line, a->col, "nested calls are not allowed: assign the inner call to a variable first");
			return false;
		}
		if (nargs < PROG_MAX_ARGS)
			args[nargs] = a;
		nargs++;
		a++;
		if (a->kind == TK_COMMA)
			a++;
		else if (a->kind != TK_RPAREN) {
			unexpected(p, a, "',' or ')'");
			return false;
		}
	}
	if (a[1].kind != TK_NEWLINE) {
		unexpected(p, &a[1], "end of line after the call");
		return false;
	}
	bool ok = resolve(p, b, callee, true, &in->callee);
	for (int k = 0; k < nargs && k < PROG_MAX_ARGS; k++)
		ok &= resolve(p, b, args[k], false, &in->arg[k]);
	if (!ok)
		return false;
	in->nargs = (uint8_t)nargs;
	const char *cs = p->src + callee->pos;
	int cn = (int)callee->len;
	if (in->callee.kind == OPERAND_PRIM) {
		int ar = prim_table[in->callee.id].arity;
		if (nargs != ar) {
			report(p, callee->line, callee->col, "%.*s takes %d argument%s, %d given", cn, cs, ar,
			       ar == 1 ? "" : "s", nargs);
			return false;
		}
	} else if (nargs < 1 || nargs > PROG_MAX_ARGS) {
		report(p, callee->line, callee->col, "a call takes 1 to %d arguments, %d given", PROG_MAX_ARGS, nargs);
		return false;
	} else if (b->farity[in->callee.id] >= 0 && b->farity[in->callee.id] != nargs) {
		int fa = b->farity[in->callee.id];
		report(p, callee->line, callee->col, "%.*s holds a function of %d argument%s (made on line %d), %d given",
		       cn, cs, fa, fa == 1 ? "" : "s", b->ins[in->callee.id].line, nargs);
		return false;
	}
	return true;
}

static bool reserved(const parser *p, const tok *t)
{
	return tok_is(p, t, "I") || prim_lookup(p->src + t->pos, t->len) >= 0 ||
	       const_lookup(p->src + t->pos, t->len) >= 0;
}

/* `TARGET = CALLEE(ARG, ...)` from tokens t[0..] (ending in TK_NEWLINE). */
static void parse_assign(parser *p, build *b, const tok *t)
{
	const tok *name = &t[0];
	const char *s = p->src + name->pos;
	int n = (int)name->len;
	target *tg = find_target(p, b, name);
	bool ok = true;
	if (reserved(p, name)) {
		report(p, name->line, name->col, "cannot assign to %.*s: it is %s", n, s,
		       tok_is(p, name, "I") ? "the input grid" :
		       prim_lookup(s, name->len) >= 0 ? "a primitive" : "a constant");
		ok = false;
	} else if (tg->name != name) {
		report(p, name->line, name->col, "%.*s is assigned twice (first on line %d)", n, s, tg->name->line);
		ok = false;
	}
	prog_instr in = {.line = name->line};
	ok = parse_call(p, b, &t[2], &in) && ok;
	if (b->n >= PROG_MAX_INSTRS) {
		report(p, name->line, name->col, "more than %d instructions in one program (the rest is not read)",
		       PROG_MAX_INSTRS);
		b->full = true;
		return;
	}
	/* A bad line still assigns its target, so one mistake is reported once. */
	if (!tg || tg->name != name)
		return;
	if (!grow_array((void **)&b->ins, &b->cap, b->n + 1, sizeof *b->ins, 16) ||
	    !grow_array((void **)&b->farity, &b->capfa, b->n + 1, 1, 16) ||
	    !add_name(p, b, name, &in.target)) {
		p->oom = true;
		return;
	}
	b->farity[b->n] = (int8_t)(ok ? result_arity(b, &in) : -1);
	b->ins[b->n] = in;
	tg->instr = b->n++;
}

/* ---- lines, defs, files ---- */

static size_t line_end(const parser *p, size_t i)
{
	while (p->t[i].kind != TK_NEWLINE)
		i++;
	return i;
}

/* `return O` at t. */
static void parse_return(parser *p, build *b, const tok *t)
{
	if (!tok_is(p, &t[1], "O")) {
		if (t[1].kind == TK_NAME)
			report(p, t[1].line, t[1].col, "a program returns O, not %.*s", (int)t[1].len, p->src + t[1].pos);
		else
			unexpected(p, &t[1], "'O' after return");
		return;
	}
	if (t[2].kind != TK_NEWLINE) {
		unexpected(p, &t[2], "end of line after 'return O'");
		return;
	}
	target *o = find_target(p, b, &t[1]);
	if (!o)
		report(p, t[1].line, t[1].col, "return O: O is never assigned");
}

static bool emit(parser *p, build *b, const tok *name, program **progs, size_t *np, size_t *capp)
{
	target *o = NULL;
	for (size_t k = 0; k < b->ntg; k++)
		if (b->tg[k].name->len == 1 && p->src[b->tg[k].name->pos] == 'O')
			o = &b->tg[k];
	if (!grow_array((void **)progs, capp, *np + 1, sizeof **progs, 16))
		return false;
	program pr = {
		.name = strndup(p->src + name->pos, name->len),
		.line = name->line,
		.column = name->col,
		.ins = malloc((b->n ? b->n : 1) * sizeof *b->ins),
		.n = b->n,
		.out = o->instr,
		.names = malloc(b->nnames ? b->nnames : 1),
	};
	if (!pr.name || !pr.ins || !pr.names) {
		program_free(&pr);
		return false;
	}
	memcpy(pr.ins, b->ins, b->n * sizeof *b->ins);
	memcpy(pr.names, b->names, b->nnames);
	(*progs)[(*np)++] = pr;
	return true;
}

/* The def whose line starts at token i; returns the token after its body. */
static size_t parse_def(parser *p, build *b, size_t i, program **progs, size_t *np, size_t *capp)
{
	const tok *t = &p->t[i], *name = &t[1];
	size_t end = line_end(p, i), j = end + 1;
	long errs = p->nerr;
	build_reset(p, b);
	p->where[0] = 0;
	if (name->kind != TK_NAME || reserved(p, name))
		unexpected(p, name, "a program name after 'def' (def solve_<name>(I):)");
	else {
		snprintf(p->where, sizeof p->where, "%.*s", (int)name->len, p->src + name->pos);
		static const tkind shape[] = {TK_LPAREN, TK_NAME, TK_RPAREN, TK_COLON, TK_NEWLINE};
		for (size_t k = 0; k < sizeof shape / sizeof *shape; k++) {
			const tok *x = &t[2 + k];
			if (x->kind != shape[k] || (k == 1 && !tok_is(p, x, "I"))) {
				if (k == 1 && x->kind == TK_NAME)
					report(p, x->line, x->col, "a program takes one parameter, I (found %.*s)", (int)x->len, p->src + x->pos);
				else
					unexpected(p, x, k == 4 ? "end of line after ':' (the body goes on the next lines)" :
					                 (const char *[]){"'('", "I", "')'", "':'"}[k]);
				break;
			}
		}
	}
	/* The body: the following indented lines. */
	size_t body = j;
	while (j < p->nt && p->t[j].col > 1)
		j = line_end(p, j) + 1;
	for (size_t k = body; k < j && !p->oom; k = line_end(p, k) + 1) {
		const tok *x = &p->t[k];
		if (x->kind == TK_NAME && x[1].kind == TK_EQ && !reserved(p, x) && !find_target(p, b, x) &&
		    !add_target(p, b, x)) {
			p->oom = true;
			break;
		}
	}
	const tok *returned = NULL;
	bool after_return = false;
	for (size_t k = body; k < j && !p->oom && !b->full; k = line_end(p, k) + 1) {
		const tok *x = &p->t[k];
		if (x->col != p->t[body].col)
			report(p, x->line, x->col, "unexpected indentation: this line starts at column %d, the body at column %d",
			       x->col, p->t[body].col);
		if (returned) {
			if (!after_return)
				report(p, x->line, x->col, "statement after 'return O' (line %d)", returned->line);
			after_return = true;
		} else if (tok_is(p, x, "return")) {
			returned = x;
			parse_return(p, b, x);
		} else if (x->kind == TK_NAME && x[1].kind == TK_EQ)
			parse_assign(p, b, x);
		else if (x->kind == TK_NAME && x[1].kind == TK_LPAREN)
			report(p, x->line, x->col, "the result of a call must be assigned ('xN = %.*s(...)')", (int)x->len, p->src + x->pos);
		else
			unexpected(p, x, "an assignment 'xN = callee(...)' or 'return O'");
	}
	if (!returned && name->kind == TK_NAME && !b->full)
		report(p, name->line, name->col, "missing 'return O' at the end of %.*s", (int)name->len, p->src + name->pos);
	if (p->nerr == errs && !p->oom && !emit(p, b, name, progs, np, capp))
		p->oom = true;
	p->where[0] = 0;
	return j;
}

static bool is_import(const parser *p, const tok *t)
{
	return tok_is(p, &t[0], "from") && (tok_is(p, &t[1], "dsl") || tok_is(p, &t[1], "constants")) &&
	       tok_is(p, &t[2], "import") && t[3].kind == TK_STAR && t[4].kind == TK_NEWLINE;
}

void program_free(program *p)
{
	free(p->name);
	free(p->ins);
	free(p->names);
	*p = (program){0};
}

long parse_programs(const char *name, const char *text, size_t len, program **progs,
                    size_t *nprogs, arc_diag *diag)
{
	parser p = {.file = name, .src = text, .len = len, .diag = diag};
	build b = {0};
	size_t cap = *nprogs;
	if (tokenize(&p)) {
		for (size_t i = 0; i < p.nt && !p.oom;) {
			const tok *t = &p.t[i];
			if (t->col > 1) {
				report(&p, t->line, t->col, "unexpected indentation outside a def");
				while (i < p.nt && p.t[i].col > 1)
					i = line_end(&p, i) + 1;
			} else if (tok_is(&p, t, "def"))
				i = parse_def(&p, &b, i, progs, nprogs, &cap);
			else {
				if (tok_is(&p, t, "import") || tok_is(&p, t, "from")) {
					if (!is_import(&p, t))
						report(&p, t->line, t->col, "only 'from dsl import *' and 'from constants import *' can be imported");
				} else
					unexpected(&p, t, "'def solve_<name>(I):' or 'from dsl import *' at the top level");
				i = line_end(&p, i) + 1;
			}
		}
	}
	build_free(&b);
	free(p.t);
	if (p.oom) {
		arc_error e;
		arc_error_set(&e, ARC_E_NOMEM, name, NULL, 0, 0, "out of memory while parsing");
		if (diag)
			arc_diag_push(diag, &e);
		return -1;
	}
	return p.nerr;
}
