/* arena.h — a bump allocator: one block per worker, reset between evaluations. Values never
 * get freed one by one; what must outlive an evaluation is copied out before the reset. */
#ifndef ARC_ARENA_H
#define ARC_ARENA_H

#include <stddef.h>

typedef struct arena {
	char *base;  /* the block */
	size_t cap;  /* its size in bytes */
	size_t used; /* bytes handed out so far */
} arena;

int arena_init(arena *a, size_t cap); /* 0, or -1 when the block cannot be had */
void arena_free(arena *a);
static inline size_t arena_mark(const arena *a) { return a->used; }
static inline void arena_reset(arena *a, size_t mark) { a->used = mark; }

#endif
