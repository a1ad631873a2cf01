/* grid_score.h — what scoring a grid takes, written once for the C compiler and nvcc: the
 * closeness formula of README (arc_closeness) from its integer parts, and the lane-parallel
 * counts it needs (equal cells, palettes) and the grid hash, in one pass over a grid's words. The formula uses only IEEE double
 * division, multiplication and addition, in a fixed order and with no contraction (nvcc builds
 * with --fmad=false); the counts are integers. So both backends give the same bits. */
#ifndef ARC_GRID_SCORE_H
#define ARC_GRID_SCORE_H

#include <stdbool.h>
#include <stdint.h>

#include "grid_hash.h"
#include "hostdev.h"
#include "lanes.h"

/* Closeness of a gh x gw grid to the expected wh x ww one, given `same` (equal cells over the
 * top-left-aligned overlap) and the two palettes (bit c set: colour c occurs; both non-zero). */
ARC_HD double grid_closeness(int gh, int gw, int wh, int ww, int same, uint32_t pal_got,
                             uint32_t pal_want)
{
	int h = gh < wh ? gh : wh;
	int w = gw < ww ? gw : ww;
	double shape = gh == wh && gw == ww
		? 1.0
		: (double)h / (gh > wh ? gh : wh) * (double)w / (gw > ww ? gw : ww);
	double cells = (double)same / (wh * ww);
	double colours = (double)arc_popcount64(pal_got & pal_want) / arc_popcount64(pal_got | pal_want);
	return (shape + cells + colours) / 3.0;
}

/* Number of zero bytes of x. */
GP_FN int gp_zero_bytes(uint64_t x)
{
	x |= x >> 4;
	x |= x >> 2;
	x |= x >> 1;
	/* a bit a non-zero byte, summed into the top byte */
	return 8 - (int)(((x & 0x0101010101010101ull) * 0x0101010101010101ull) >> 56);
}

/* Equal cells of g (gh x gw) and t (th x tw) over their top-left-aligned overlap. With equal
 * widths the overlap is a common prefix of both, compared eight cells at a time. */
GP_FN int gp_same(const uint8_t *g, int gh, int gw, const uint8_t *t, int th, int tw)
{
	uint32_t same = 0;
	if (gw == tw) {
		int m = (gh < th ? gh : th) * gw, words = m >> 3;
		GP_FOR(k, words)
			same += (uint32_t)gp_zero_bytes(gp_load64(g + 8 * k) ^ gp_load64(t + 8 * k));
		if (GP_LANE == 0)
			for (int k = 8 * words; k < m; k++)
				same += g[k] == t[k];
	} else {
		int h = gh < th ? gh : th, w = gw < tw ? gw : tw;
#if GP_LANES == 1
		/* row by row, eight cells a step, then the rest of the row */
		for (int i = 0; i < h; i++) {
			const uint8_t *a = g + i * gw, *b = t + i * tw;
			int j = 0;
			for (; j + 8 <= w; j += 8)
				same += (uint32_t)gp_zero_bytes(gp_load64(a + j) ^ gp_load64(b + j));
			for (; j < w; j++)
				same += a[j] == b[j];
		}
#else
		GP_FOR2(i, j, h, w)
			same += g[i * gw + j] == t[i * tw + j];
#endif
	}
	return (int)gp_sum(same);
}

/* The number of cells of each colour 0..9 among the n cells at in (gp_count_colors), and the
 * colours 0..9 among them as a bit set (gp_palette: other bytes are none). */
#if GP_LANES == 1 && !defined(__CUDACC__)
typedef uint8_t gp_v16 __attribute__((vector_size(16)));

/* The first n / 16 * 16 cells, 16 at a time, into a byte counter per colour and position
 * acc[v] (n <= 900: at most 56 each, so no byte wraps); returns the cells taken. */
GP_FN int gp_color_bytes(const uint8_t *in, int n, gp_v16 *acc)
{
	memset(acc, 0, 10 * sizeof *acc);
	int k = 0;
	for (; k + 16 <= n; k += 16) {
		gp_v16 x;
		memcpy(&x, in + k, sizeof x);
#pragma GCC unroll 10
		for (int v = 0; v < 10; v++)
			acc[v] -= (gp_v16)(x == (uint8_t)v);
	}
	return k;
}

GP_FN void gp_count_colors(const uint8_t *in, int n, int *count)
{
	gp_v16 acc[10];
	int k = gp_color_bytes(in, n, acc);
	for (int v = 0; v < 10; v++) {
		uint64_t half[2];
		memcpy(half, &acc[v], sizeof half);
		uint64_t s = half[0] + half[1]; /* bytes <= 112 */
		s = (s & 0x00ff00ff00ff00ffull) + (s >> 8 & 0x00ff00ff00ff00ffull);
		count[v] = (int)((s * 0x0001000100010001ull) >> 48);
	}
	for (; k < n; k++)
		count[in[k]]++;
}

/* The next 16 cells from k on into *x: the last 16 where fewer are left (again over some: a
 * palette does not count them), with fewer than 16 in all those and copies of the first. */
GP_FN void gp_palette_step(const uint8_t *g, int n, int k, gp_v16 *x)
{
	if (n < 16) {
		memset(x, g[0], sizeof *x);
		memcpy(x, g, (size_t)n);
	} else {
		memcpy(x, g + (k + 16 <= n ? k : n - 16), sizeof *x);
	}
}

/* The bits of the bytes of lo (colours 0..7) and of hi (8, 9 as bits 0, 1) or-ed. */
GP_FN uint32_t gp_palette_fold(gp_v16 lo, gp_v16 hi)
{
	uint64_t a[2], b[2];
	memcpy(a, &lo, sizeof a);
	memcpy(b, &hi, sizeof b);
	uint64_t l = a[0] | a[1], m = b[0] | b[1];
	l |= l >> 32, m |= m >> 32;
	l |= l >> 16, m |= m >> 16;
	l |= l >> 8, m |= m >> 8;
	return (uint32_t)(l & 0xff) | (uint32_t)(m & 3) << 8;
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <tmmintrin.h>

/* With SSSE3 (pshufb), each cell's colour bit from a table of 16 bytes, colours 0..7 and
 * colours 8, 9 apart: two lookups and two ors a step. */
__attribute__((target("ssse3"))) GP_FN uint32_t gp_palette_ssse3(const uint8_t *g, int n)
{
	const gp_v16 lo_bit = {1, 2, 4, 8, 16, 32, 64, 128}, hi_bit = {0, 0, 0, 0, 0, 0, 0, 0, 1, 2};
	gp_v16 lo = {0}, hi = {0}, x;
	for (int k = 0; k < n; k += 16) {
		gp_palette_step(g, n, k, &x);
		/* + 0x70, saturated: a colour keeps its low 4 bits (the index), other bytes index
		 * 10..15 or set bit 7 (pshufb gives 0) */
		__m128i i = _mm_adds_epu8((__m128i)x, _mm_set1_epi8(0x70));
		lo |= (gp_v16)_mm_shuffle_epi8((__m128i)lo_bit, i);
		hi |= (gp_v16)_mm_shuffle_epi8((__m128i)hi_bit, i);
	}
	return gp_palette_fold(lo, hi);
}
#endif

/* gp_color_bytes's cells, then the last 16 once more (a palette does not count them) or, with
 * fewer than 16 cells, cell by cell; each colour's non-zero bytes to its bit. */
GP_FN uint32_t gp_palette_plain(const uint8_t *g, int n)
{
	gp_v16 acc[10];
	int k = gp_color_bytes(g, n, acc);
	uint32_t pal = 0;
	if (k < n && k) {
		gp_v16 x;
		gp_palette_step(g, n, k, &x);
#pragma GCC unroll 10
		for (int v = 0; v < 10; v++)
			acc[v] -= (gp_v16)(x == (uint8_t)v);
	} else {
		for (; k < n; k++)
			pal |= (uint32_t)(g[k] <= 9) << (g[k] & 15);
	}
	gp_v16 lo = (gp_v16)(acc[0] != 0) & 1;
	gp_v16 hi = ((gp_v16)(acc[8] != 0) & 1) | ((gp_v16)(acc[9] != 0) & 2);
#pragma GCC unroll 7
	for (int v = 1; v < 8; v++)
		lo |= (gp_v16)(acc[v] != 0) & (uint8_t)(1u << v);
	return pal | gp_palette_fold(lo, hi);
}

/* The palette (bit c: colour c occurs; bytes past 9 count for none): gp_palette_ssse3 where the
 * CPU runs it, else gp_palette_plain, the same bits (test_batch checks both). */
GP_FN uint32_t gp_palette(const uint8_t *g, int n)
{
#if defined(__x86_64__) && defined(__GNUC__)
	if (__builtin_cpu_supports("ssse3"))
		return gp_palette_ssse3(g, n);
#endif
	return gp_palette_plain(g, n);
}
#else
GP_FN void gp_count_colors(const uint8_t *in, int n, int *count)
{
	/* packed 12 bits a colour, colours 0..4 in lo, 5..9 in hi */
	uint64_t lo = 0, hi = 0;
	GP_FOR(k, n) {
		int v = in[k];
		uint64_t one = 1ull << (12 * (v % 5));
		if (v < 5)
			lo += one;
		else
			hi += one;
	}
	lo = gp_sum64(lo), hi = gp_sum64(hi);
	for (int v = 0; v < 10; v++)
		count[v] = (int)(((v < 5 ? lo : hi) >> (12 * (v % 5))) & 0xfff);
}

GP_FN uint32_t gp_palette(const uint8_t *g, int n)
{
	uint32_t pal = 0;
	GP_FOR(k, n)
		pal |= 1u << g[k];
	return gp_or(pal);
}
#endif


/* The bytes of a word that hold cells, when n of them are left (n >= 1). */
GP_FN uint64_t gp_word_mask(int n)
{
	return n >= 8 ? ~0ull : (1ull << (8 * n)) - 1;
}

/* The colours of the first n (n >= 1; all 8 when n >= 8) cells of a word as a bit set. */
GP_FN uint32_t gp_word_palette(uint64_t x, int n)
{
	if (n < 8) { /* the last word: its cells past n are not the grid's */
		uint32_t pal = 0;
		for (int b = 0; b < n; b++)
			pal |= 1u << ((x >> (8 * b)) & 31);
		return pal;
	}
	uint32_t lo = (uint32_t)x, hi = (uint32_t)(x >> 32);
	return 1u << (lo & 31) | 1u << (lo >> 8 & 31) | 1u << (lo >> 16 & 31) | 1u << (lo >> 24 & 31) |
	       1u << (hi & 31) | 1u << (hi >> 8 & 31) | 1u << (hi >> 16 & 31) | 1u << (hi >> 24 & 31);
}

/* What one pass over a grid's words gives (gp_scan). */
typedef struct gp_scan_out {
	uint64_t hash;  /* grid_hash of the grid */
	uint32_t pal;   /* its palette (when asked for) */
	uint32_t same;  /* equal cells of its first m cells and t's (when t is given) */
} gp_scan_out;

/* One pass over the n = h * w cells of g, eight at a time, the lanes splitting the words and the
 * last word masked to the grid's cells (so no lane works alone on a tail): the hash, the palette
 * when `pal` is set (word by word on a warp, by gp_palette's 16 cells a step on one lane), and
 * with t (NULL: none) the equal cells of the first m cells of g and t (m <= n, m <= t's cells).
 * Reads whole words: g and t have room up to their cells rounded up to 8 (pools and buffers
 * do). */
GP_FN gp_scan_out gp_scan(const uint8_t *g, int h, int w, bool pal, const uint8_t *t, int m)
{
	int n = h * w, words = (n + 7) >> 3;
	uint64_t sum = 0;
	uint32_t colours = 0, same = 0;
#if GP_LANES == 1
	/* one lane: the words of g within t's m cells, with their equal cells as a byte counter
	 * per position (at most 113 words: no byte wraps), then the other full words, then the
	 * last word's part and the word where t's cells end */
	const uint64_t low7 = 0x7f7f7f7f7f7f7f7full;
	int full = n >> 3, mt = t ? m >> 3 : 0, k = 0;
	uint64_t eq8 = 0;
	for (; k < mt; k++) {
		uint64_t x = gp_load64(g + 8 * k), d = x ^ gp_load64(t + 8 * k);
		sum += grid_hash_term((uint32_t)k, x);
		eq8 += ~(((d & low7) + low7) | d | low7) >> 7;
	}
	for (; k < full; k++)
		sum += grid_hash_term((uint32_t)k, gp_load64(g + 8 * k));
	if (full < words)
		sum += grid_hash_term((uint32_t)full, gp_load64(g + 8 * full) & gp_word_mask(n - 8 * full));
	if (t && 8 * mt < m) {
		uint64_t x = gp_load64(g + 8 * mt) & gp_word_mask(n - 8 * mt);
		same += (uint32_t)gp_zero_bytes((x ^ gp_load64(t + 8 * mt)) | ~gp_word_mask(m - 8 * mt));
	}
	eq8 = (eq8 & 0x00ff00ff00ff00ffull) + (eq8 >> 8 & 0x00ff00ff00ff00ffull);
	same += (uint32_t)((eq8 * 0x0001000100010001ull) >> 48);
#else
	GP_FOR(k, words) {
		int left = n - 8 * k;
		uint64_t x = gp_load64(g + 8 * k);
		if (left < 8)
			x &= gp_word_mask(left);
		sum += grid_hash_term((uint32_t)k, x);
		if (pal && GP_LANES > 1)
			colours |= gp_word_palette(x, left);
		if (t && 8 * k < m) { /* cells past m differ (0xff), the others compare as bytes */
			uint64_t d = x ^ gp_load64(t + 8 * k);
			if (m - 8 * k < 8)
				d |= ~gp_word_mask(m - 8 * k);
			same += (uint32_t)gp_zero_bytes(d);
		}
	}
#endif
	gp_scan_out r;
	r.hash = grid_hash_finish(h, w, gp_sum64(sum));
	r.pal = !pal ? 0 : GP_LANES > 1 ? gp_or(colours) : gp_palette(g, n);
	r.same = t ? gp_sum(same) : 0;
	return r;
}

#endif
