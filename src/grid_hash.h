/* grid_hash.h — the 64-bit content hash of a grid (its shape and its cells), for de-duplication
 * and observational equivalence. Compiled by the C compiler and by nvcc from this one source, so
 * both backends give the same hash by construction. The hash is a sum (mod 2^64) of one mixed
 * term per 8-cell word, so a warp may add its lanes' terms in any order and get the same bits. */
#ifndef ARC_GRID_HASH_H
#define ARC_GRID_HASH_H

#include <stdint.h>

#include "hostdev.h"

#define GRID_HASH_K1 0x9e3779b97f4a7c15ull /* word index multiplier (golden ratio) */
#define GRID_HASH_K2 0xd6e8feb86659fd93ull /* shape seed */

/* splitmix64's finaliser: a bijection of 64-bit words with full avalanche. */
ARC_HD uint64_t grid_hash_mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebull;
	return x ^ (x >> 31);
}

/* The term of word k: cells 8k..8k+7 of the row-major cells, little-endian (cell 8k in the low
 * byte), bytes past the last cell zero. */
ARC_HD uint64_t grid_hash_term(uint32_t k, uint64_t word)
{
	return grid_hash_mix(word ^ (GRID_HASH_K1 * (uint64_t)(k + 1)));
}

/* The hash from the shape and the sum of all terms. */
ARC_HD uint64_t grid_hash_finish(int h, int w, uint64_t sum)
{
	return grid_hash_mix(sum ^ grid_hash_mix(GRID_HASH_K2 ^ ((uint64_t)h << 8 | (uint64_t)w)));
}

/* The hash of an h x w grid (cells row-major, h * w bytes), computed one word at a time. */
ARC_HD uint64_t grid_hash(int h, int w, const uint8_t *cell)
{
	uint32_t n = (uint32_t)(h * w);
	uint64_t sum = 0;
	for (uint32_t k = 0; 8 * k < n; k++) {
		uint64_t word = 0;
		for (uint32_t b = 0; b < 8 && 8 * k + b < n; b++)
			word |= (uint64_t)cell[8 * k + b] << (8 * b);
		sum += grid_hash_term(k, word);
	}
	return grid_hash_finish(h, w, sum);
}

#endif
