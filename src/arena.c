/* arena.c — the block behind each worker's evaluations. mmap'd lazily by the kernel, so a large
 * capacity costs only the pages an evaluation touches. */
#include "arena.h"

#include <sys/mman.h>

int arena_init(arena *a, size_t cap)
{
	void *p = mmap(NULL, cap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED) {
		*a = (arena){0};
		return -1;
	}
	*a = (arena){.base = p, .cap = cap};
	return 0;
}

void arena_free(arena *a)
{
	if (a->base)
		munmap(a->base, a->cap);
	*a = (arena){0};
}
