/* pyset.c — a model of CPython's set table (3.8 – 3.13) for ints: open addressing over 2^k
 * slots with 9 linear probes, perturbed re-probing and growth at 60 % fill. Only the first
 * insertion of each value matters to the final layout, so callers pass distinct values. */
#include "pyset.h"

#include <string.h>

#include "dsl.h"

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

typedef struct slot {
	int64_t hash;
	int32_t key;
	bool used;
} slot;

static int64_t int_hash(int32_t v) { return v == -1 ? -2 : v; }

static void insert_clean(slot *t, size_t mask, int32_t key, int64_t hash)
{
	uint64_t perturb = (uint64_t)hash;
	size_t i = (size_t)hash & mask;
	for (;;) {
		size_t probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
		for (size_t p = 0; p <= probes; p++)
			if (!t[i + p].used) {
				t[i + p] = (slot){hash, key, true};
				return;
			}
		perturb >>= PERTURB_SHIFT;
		i = (i * 5 + 1 + perturb) & mask;
	}
}

void pyset_int_order(dsl_ctx *c, const int32_t *first_seen, size_t n, int32_t *out)
{
	size_t maxcap = 8;
	while (maxcap <= 4 * n)
		maxcap <<= 1;
	slot bufa[256], bufb[256];
	bool heap = maxcap > 256;
	size_t mark = arena_mark(c->mem);
	slot *t = heap ? dsl_alloc(c, maxcap * sizeof *t) : bufa;
	slot *spare = heap ? dsl_alloc(c, maxcap * sizeof *t) : bufb;
	size_t cap = 8, fill = 0;
	memset(t, 0, cap * sizeof *t);
	dsl_work(c, n / 8);
	for (size_t k = 0; k < n; k++) {
		insert_clean(t, cap - 1, first_seen[k], int_hash(first_seen[k]));
		if (++fill * 5 < (cap - 1) * 3)
			continue;
		size_t ncap = 8;
		while (ncap <= (fill > 50000 ? fill * 2 : fill * 4))
			ncap <<= 1;
		memset(spare, 0, ncap * sizeof *spare);
		dsl_work(c, ncap / 16);
		for (size_t q = 0; q < cap; q++)
			if (t[q].used)
				insert_clean(spare, ncap - 1, t[q].key, t[q].hash);
		slot *sw = t;
		t = spare;
		spare = sw;
		cap = ncap;
	}
	size_t m = 0;
	for (size_t q = 0; q < cap; q++)
		if (t[q].used)
			out[m++] = t[q].key;
	arena_reset(c->mem, mark);
}
