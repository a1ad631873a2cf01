/* grow.h — growing a malloc'd array by doubling, the one mechanism the parser, the search's
 * tables and the enumerator's (under its memory cap) share. */
#ifndef ARC_GROW_H
#define ARC_GROW_H

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

typedef enum grow_result {
	GROW_OK,
	GROW_NOMEM, /* realloc failed, or the size would overflow */
	GROW_OVER,  /* the bytes it would add are more than the caller's room */
} grow_result;

/* Makes *p (an array of *cap elements of elem bytes) hold at least need elements: the capacity
 * doubles from `first`, adding at most *room bytes, and *room shrinks by what was added. Anything but GROW_OK leaves *p, *cap and *room unchanged. */
static inline grow_result grow_array_within(void **p, size_t *cap, size_t need, size_t elem,
                                            size_t first, size_t *room)
{
	if (need <= *cap)
		return GROW_OK;
	size_t c = *cap ? *cap : first;
	while (c < need) {
		if (c > SIZE_MAX / 2)
			return GROW_NOMEM;
		c *= 2;
	}
	if (c > SIZE_MAX / elem)
		return GROW_NOMEM;
	size_t more = (c - *cap) * elem;
	if (more > *room)
		return GROW_OVER;
	void *q = realloc(*p, c * elem);
	if (!q)
		return GROW_NOMEM;
	*p = q, *cap = c;
	*room -= more;
	return GROW_OK;
}

/* grow_array_within with all the room there is: false when memory runs out or the size would overflow. */
static inline bool grow_array(void **p, size_t *cap, size_t need, size_t elem, size_t first)
{
	size_t room = SIZE_MAX;
	return grow_array_within(p, cap, need, elem, first, &room) == GROW_OK;
}

#endif
