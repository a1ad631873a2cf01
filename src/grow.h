/* grow.h — growing a malloc'd array by doubling, the one mechanism the parser and the search's
 * tables share. */
#ifndef ARC_GROW_H
#define ARC_GROW_H

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

/* Makes *p (an array of *cap elements of elem bytes) hold at least need elements: the capacity
 * doubles from `first`. False when memory runs out or the size would overflow (*p unchanged). */
static inline bool grow_array(void **p, size_t *cap, size_t need, size_t elem, size_t first)
{
	if (need <= *cap)
		return true;
	size_t c = *cap ? *cap : first;
	while (c < need) {
		if (c > SIZE_MAX / 2)
			return false;
		c *= 2;
	}
	if (c > SIZE_MAX / elem)
		return false;
	void *q = realloc(*p, c * elem);
	if (!q)
		return false;
	*p = q, *cap = c;
	return true;
}

#endif
