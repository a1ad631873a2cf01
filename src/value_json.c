/* value_json.c — values to and from the JSON encoding of dsl-vectors.jsonl (DSL.md 1.1), and a
 * Python-like text form for messages. The encoder applies the same rules as the reference's, so
 * a value written here reads back as itself. */
#include "value_json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- decoding ---- */

static _Noreturn void bad(dsl_ctx *c, const char *what)
{
	dsl_fail(c, DSL_VALUE_ERROR, "bad value encoding: %s", what);
}

static int32_t jint(dsl_ctx *c, json_t *j)
{
	if (!json_is_integer(j))
		bad(c, "expected an integer");
	return num_checked(c, json_integer_value(j));
}

static json_t *jarray(dsl_ctx *c, json_t *j, size_t len)
{
	if (!json_is_array(j) || (len && json_array_size(j) != len))
		bad(c, "expected an array");
	return j;
}

static value decode_list(dsl_ctx *c, json_t *arr, bool as_set)
{
	size_t n = json_array_size(jarray(c, arr, 0));
	value *e = dsl_alloc(c, (n ? n : 1) * sizeof *e);
	for (size_t k = 0; k < n; k++)
		e[k] = value_decode(c, json_array_get(arr, k));
	return as_set ? set_make(c, e, n) : tuple_make(c, e, n);
}

value value_decode(dsl_ctx *c, json_t *j)
{
	if (!json_is_object(j))
		bad(c, "expected an object");
	json_t *x;
	if ((x = json_object_get(j, "call"))) {
		int id = json_is_string(x) ? prim_lookup(json_string_value(x), json_string_length(x)) : -1;
		json_t *args = json_object_get(j, "args");
		if (id < 0 || !json_is_array(args) || json_array_size(args) > 4)
			bad(c, "call");
		value a[4];
		int n = (int)json_array_size(args);
		for (int k = 0; k < n; k++)
			a[k] = value_decode(c, json_array_get(args, (size_t)k));
		return dsl_call(c, v_prim(id), a, n);
	}
	if (json_object_size(j) != 1)
		bad(c, "expected one key");
	const char *key = json_object_iter_key(json_object_iter(j));
	x = json_object_iter_value(json_object_iter(j));
	if (!strcmp(key, "int"))
		return v_int(jint(c, x));
	if (!strcmp(key, "bool")) {
		if (!json_is_boolean(x))
			bad(c, "bool");
		return v_bool(json_is_true(x));
	}
	if (!strcmp(key, "none"))
		return v_none();
	if (!strcmp(key, "vec")) {
		jarray(c, x, 2);
		return v_pair(jint(c, json_array_get(x, 0)), jint(c, json_array_get(x, 1)));
	}
	if (!strcmp(key, "cell")) {
		jarray(c, x, 3);
		value e[2] = {v_int(jint(c, json_array_get(x, 0))),
		              v_pair(jint(c, json_array_get(x, 1)), jint(c, json_array_get(x, 2)))};
		return tuple_make(c, e, 2);
	}
	if (!strcmp(key, "fn")) {
		int id = json_is_string(x) ? prim_lookup(json_string_value(x), json_string_length(x)) : -1;
		if (id < 0)
			bad(c, "unknown primitive");
		return v_prim(id);
	}
	if (!strcmp(key, "tuple"))
		return decode_list(c, x, false);
	if (!strcmp(key, "frozenset"))
		return decode_list(c, x, true);
	if (!strcmp(key, "grid")) {
		size_t h = json_array_size(jarray(c, x, 0));
		value *rows = dsl_alloc(c, (h ? h : 1) * sizeof *rows);
		for (size_t r = 0; r < h; r++) {
			json_t *row = jarray(c, json_array_get(x, r), 0);
			size_t w = json_array_size(row);
			value *e = dsl_alloc(c, (w ? w : 1) * sizeof *e);
			for (size_t q = 0; q < w; q++)
				e[q] = v_int(jint(c, json_array_get(row, q)));
			rows[r] = tuple_make(c, e, w);
		}
		return tuple_make(c, rows, h);
	}
	if (!strcmp(key, "indices")) {
		size_t n = json_array_size(jarray(c, x, 0));
		idxset *s = idx_alloc(c, n);
		for (size_t k = 0; k < n; k++) {
			json_t *p = jarray(c, json_array_get(x, k), 2);
			int32_t i = jint(c, json_array_get(p, 0)), jj = jint(c, json_array_get(p, 1));
			if (!coord_ok(i) || !coord_ok(jj))
				dsl_fail(c, DSL_OVERFLOW, "position out of range");
			s->k[s->n++] = pos_key(i, jj);
		}
		return idx_finish(c, s, false);
	}
	if (!strcmp(key, "object")) {
		size_t n = json_array_size(jarray(c, x, 0));
		objset *s = obj_alloc(c, n);
		for (size_t k = 0; k < n; k++) {
			json_t *p = jarray(c, json_array_get(x, k), 3);
			int32_t col = jint(c, json_array_get(p, 0)), i = jint(c, json_array_get(p, 1)),
				jj = jint(c, json_array_get(p, 2));
			if (!coord_ok(col) || !coord_ok(i) || !coord_ok(jj))
				dsl_fail(c, DSL_OVERFLOW, "cell out of range");
			s->k[s->n++] = cell_key(col, i, jj);
		}
		return obj_finish(c, s, false);
	}
	bad(c, key);
}

/* ---- encoding ---- */

static json_t *one(const char *key, json_t *v)
{
	json_t *o = json_object();
	json_object_set_new(o, key, v);
	return o;
}

static json_t *int_list(int n, const int *v)
{
	json_t *a = json_array();
	for (int k = 0; k < n; k++)
		json_array_append_new(a, json_integer(v[k]));
	return a;
}

static json_t *encode_closure(const closure *cl)
{
	static const char *const names[] = {"compose", "chain", "fork", "matcher", "rbind", "lbind", "power"};
	static const int nargs[] = {2, 3, 3, 2, 2, 2, 1};
	json_t *o = json_object(), *args = json_array();
	json_object_set_new(o, "call", json_string(names[cl->kind]));
	for (int k = 0; k < nargs[cl->kind]; k++)
		json_array_append_new(args, value_encode(cl->f[k]));
	if (cl->kind == CL_POWER)
		json_array_append_new(args, one("int", json_integer(cl->n)));
	json_object_set_new(o, "args", args);
	return o;
}

json_t *value_encode(value v)
{
	switch (v.kind) {
	case VK_NONE: return one("none", json_null());
	case VK_BOOL: return one("bool", json_boolean(v.i));
	case VK_INT: return one("int", json_integer(v.i));
	case VK_PAIR: return one("vec", int_list(2, (int[]){v.i, v.j}));
	case VK_GRID: {
		if (v.g->h == 0)
			return one("tuple", json_array());
		json_t *rows = json_array();
		for (int r = 0; r < v.g->h; r++) {
			json_t *row = json_array();
			for (int q = 0; q < v.g->w; q++)
				json_array_append_new(row, json_integer(v.g->cell[r * v.g->w + q]));
			json_array_append_new(rows, row);
		}
		return one("grid", rows);
	}
	case VK_TUPLE: {
		const vtuple *t = v.t;
		if (t->n == 2 && is_num(t->e[0]) && t->e[1].kind == VK_PAIR)
			return one("cell", int_list(3, (int[]){t->e[0].i, t->e[1].i, t->e[1].j}));
		json_t *a = json_array();
		for (uint32_t k = 0; k < t->n; k++)
			json_array_append_new(a, value_encode(t->e[k]));
		return one("tuple", a);
	}
	case VK_SET: {
		json_t *a = json_array();
		for (uint32_t k = 0; k < v.t->n; k++)
			json_array_append_new(a, value_encode(v.t->e[k]));
		return one("frozenset", a);
	}
	case VK_IDX: {
		json_t *a = json_array();
		for (uint32_t k = 0; k < v.ix->n; k++)
			json_array_append_new(a, int_list(2, (int[]){pos_i(v.ix->k[k]), pos_j(v.ix->k[k])}));
		return one("indices", a);
	}
	case VK_OBJ: {
		json_t *a = json_array();
		for (uint32_t k = 0; k < v.ob->n; k++) {
			uint64_t q = v.ob->k[k];
			json_array_append_new(a, int_list(3, (int[]){cell_c(q), pos_i(cell_pos(q)), pos_j(cell_pos(q))}));
		}
		return one("object", a);
	}
	case VK_FUNC:
		if (v.prim != PRIM_CLOSURE)
			return one("fn", json_string(prim_table[v.prim].name));
		return encode_closure(v.cl);
	default: return one("none", json_null());
	}
}

/* ---- text ---- */

typedef struct out {
	char *buf;
	size_t cap, len;
} out;

static void put(out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(out *o, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	size_t room = o->len < o->cap ? o->cap - o->len : 0;
	int n = vsnprintf(o->buf + (o->len < o->cap ? o->len : o->cap), room, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->len += (size_t)n;
}

static void repr(out *o, value v);

static void repr_items(out *o, value v, size_t n, const char *open, const char *close)
{
	put(o, "%s", open);
	for (size_t k = 0; k < n && o->len < o->cap; k++) {
		if (k)
			put(o, ", ");
		switch (v.kind) {
		case VK_IDX: put(o, "(%d, %d)", pos_i(v.ix->k[k]), pos_j(v.ix->k[k])); break;
		case VK_OBJ: {
			uint64_t q = v.ob->k[k];
			put(o, "(%d, (%d, %d))", cell_c(q), pos_i(cell_pos(q)), pos_j(cell_pos(q)));
			break;
		}
		case VK_GRID: {
			put(o, "(");
			for (int q = 0; q < v.g->w; q++)
				put(o, q ? ", %d" : "%d", v.g->cell[k * v.g->w + (size_t)q]);
			put(o, v.g->w == 1 ? ",)" : ")");
			break;
		}
		default: repr(o, v.t->e[k]);
		}
	}
	put(o, "%s", n == 1 && !strcmp(close, ")") ? ",)" : close);
}

static void repr(out *o, value v)
{
	switch (v.kind) {
	case VK_NONE: put(o, "None"); break;
	case VK_BOOL: put(o, v.i ? "True" : "False"); break;
	case VK_INT: put(o, "%d", v.i); break;
	case VK_PAIR: put(o, "(%d, %d)", v.i, v.j); break;
	case VK_GRID: repr_items(o, v, v.g->h, "(", ")"); break;
	case VK_TUPLE: repr_items(o, v, v.t->n, "(", ")"); break;
	case VK_SET:
		if (v.t->n == 0)
			put(o, "frozenset()");
		else
			repr_items(o, v, v.t->n, "frozenset({", "})");
		break;
	case VK_IDX: repr_items(o, v, v.ix->n, "frozenset({", "})"); break;
	case VK_OBJ: repr_items(o, v, v.ob->n, "frozenset({", "})"); break;
	case VK_FUNC:
		if (v.prim != PRIM_CLOSURE) {
			put(o, "%s", prim_table[v.prim].name);
		} else {
			json_t *j = encode_closure(v.cl);
			char *s = json_dumps(j, JSON_COMPACT);
			put(o, "%s", s ? s : "<closure>");
			free(s);
			json_decref(j);
		}
		break;
	default: put(o, "?");
	}
}

size_t value_repr(value v, char *buf, size_t cap)
{
	out o = {buf, cap, 0};
	if (cap)
		buf[0] = 0;
	repr(&o, v);
	if (o.len >= cap && cap > 4)
		memcpy(buf + cap - 4, "...", 4);
	return o.len;
}
