/* testutil.h — helpers for the cmocka unit tests: a context over an arena, a scratch directory,
 * values written in the JSON encoding of dsl-vectors.jsonl, and calls of primitives by name. */
#ifndef ARC_TESTUTIL_H
#define ARC_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dsl.h"
#include "value_json.h"

static arena tu_mem;
static dsl_ctx tu_ctx;

static inline int tu_setup(void **state)
{
	(void)state;
	if (arena_init(&tu_mem, (size_t)512 << 20))
		return -1;
	dsl_ctx_init(&tu_ctx, &tu_mem);
	return 0;
}

static inline int tu_teardown(void **state)
{
	(void)state;
	arena_free(&tu_mem);
	return 0;
}

/* A fresh directory under /tmp for a test file's outputs: tu_dir_setup makes it (and does
 * tu_setup), tu_dir_teardown removes it; tu_path names a file in it (eight paths at a time). */
static char tu_dir[64];

static inline int tu_dir_setup(void **state)
{
	snprintf(tu_dir, sizeof tu_dir, "/tmp/arcbatt-test-XXXXXX");
	return mkdtemp(tu_dir) ? tu_setup(state) : -1;
}

static inline int tu_dir_teardown(void **state)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tu_dir);
	if (system(cmd) != 0)
		return -1;
	return tu_teardown(state);
}

static inline const char *tu_path(const char *name)
{
	static char p[8][128];
	static int k;
	k = (k + 1) % 8;
	snprintf(p[k], sizeof p[k], "%s/%s", tu_dir, name);
	return p[k];
}

static inline value tu_decode_body(dsl_ctx *c, void *ud) { return value_decode(c, ud); }

/* A value from its JSON encoding, e.g. V("{\"grid\": [[1, 2], [3, 4]]}"). */
static inline value V(const char *json)
{
	json_error_t e;
	json_t *j = json_loads(json, 0, &e);
	if (!j)
		fail_msg("bad JSON in test: %s: %s", json, e.text);
	value v;
	bool ok = dsl_run(&tu_ctx, tu_decode_body, j, &v);
	json_decref(j);
	if (!ok)
		fail_msg("value does not decode: %s: %s", json, tu_ctx.msg);
	return v;
}

/* Call primitive `name` on n arguments; returns false (with tu_ctx.err set) on failure. */
static inline bool tu_call(const char *name, value *out, int n, ...)
{
	int id = prim_lookup(name, strlen(name));
	if (id < 0)
		fail_msg("unknown primitive %s", name);
	value a[4];
	va_list ap;
	va_start(ap, n);
	for (int k = 0; k < n; k++)
		a[k] = va_arg(ap, value);
	va_end(ap);
	return dsl_protect(&tu_ctx, v_prim(id), a, n, out);
}

/* Assert that got equals the value encoded by json. */
static inline void tu_assert_val(value got, const char *json)
{
	value want = V(json);
	if (!val_eq(got, want)) {
		char g[800], w[800];
		value_repr(got, g, sizeof g);
		value_repr(want, w, sizeof w);
		fail_msg("got %s, want %s", g, w);
	}
}

/* CALL_EQ("shift", "{...expected...}", arg1, arg2): the call succeeds with that value. */
#define CALL_EQ(name, expected, ...)                                                          \
	do {                                                                                  \
		value out_;                                                                   \
		value args_[] = {__VA_ARGS__};                                                \
		int n_ = (int)(sizeof args_ / sizeof args_[0]);                               \
		bool ok_ = dsl_protect(&tu_ctx, v_prim(prim_lookup(name, strlen(name))), args_, n_, &out_); \
		if (!ok_)                                                                     \
			fail_msg("%s failed: %s: %s", name, dsl_err_name(tu_ctx.err), tu_ctx.msg); \
		tu_assert_val(out_, expected);                                                \
	} while (0)

/* CALL_FAILS("first", DSL_STOP_ITERATION, arg): the call fails with that error. */
#define CALL_FAILS(name, want, ...)                                                           \
	do {                                                                                  \
		value out_;                                                                   \
		value args_[] = {__VA_ARGS__};                                                \
		int n_ = (int)(sizeof args_ / sizeof args_[0]);                               \
		bool ok_ = dsl_protect(&tu_ctx, v_prim(prim_lookup(name, strlen(name))), args_, n_, &out_); \
		if (ok_)                                                                      \
			fail_msg("%s succeeded, expected %s", name, dsl_err_name(want));      \
		assert_int_equal(tu_ctx.err, want);                                           \
	} while (0)

#endif
