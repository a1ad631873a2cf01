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

/* Four interleaved histograms keep runs of one colour from serialising on a single counter;
 * 16 bins do when every cell is in 0..15 (the usual case); CPython's set order (over the colours
 * in order of first occurrence) is consulted only when the extreme count is tied. */
int grid_color_extreme(dsl_ctx *c, const grid *g, bool most)
{
	size_t n = (size_t)g->h * g->w, k;
	if (!n)
		dsl_fail(c, DSL_VALUE_ERROR, "%s() arg is an empty sequence", most ? "max" : "min");
	const uint8_t *cell = (const uint8_t *)g->cell;
	uint8_t bits = 0;
	for (k = 0; k < n; k++)
		bits |= cell[k];
	size_t bins = bits & 0xf0 ? 256 : 16;
	uint32_t hist[4][256];
	for (int q = 0; q < 4; q++)
		memset(hist[q], 0, bins * sizeof hist[q][0]);
	for (k = 0; k + 4 <= n; k += 4) {
		hist[0][cell[k]]++;
		hist[1][cell[k + 1]]++;
		hist[2][cell[k + 2]]++;
		hist[3][cell[k + 3]]++;
	}
	for (; k < n; k++)
		hist[0][cell[k]]++;
	uint32_t best = most ? 0 : UINT32_MAX;
	int ties = 0, pick = 0;
	size_t distinct = 0;
	for (size_t v = 0; v < bins; v++) {
		uint32_t cnt = hist[0][v] + hist[1][v] + hist[2][v] + hist[3][v];
		hist[0][v] = cnt;
		if (!cnt)
			continue;
		distinct++;
		if (most ? cnt > best : cnt < best) {
			best = cnt;
			ties = 1;
			pick = (int)v;
		} else if (cnt == best) {
			ties++;
		}
	}
	if (ties == 1)
		return (int8_t)pick;
	int32_t seen[256], order[256];
	size_t nseen = 0;
	uint8_t mark[256] = {0};
	for (k = 0; nseen < distinct; k++)
		if (!mark[cell[k]]) {
			mark[cell[k]] = 1;
			seen[nseen++] = (int8_t)cell[k];
		}
	pyset_int_order(c, seen, nseen, order);
	for (k = 0;; k++)
		if (hist[0][(uint8_t)order[k]] == best)
			return order[k];
}
