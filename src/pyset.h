/* pyset.h — CPython's iteration order for sets of small ints, which decides the count ties of
 * mostcolor, leastcolor, mostcommon and leastcommon (DSL.md 7.2 and 8, rule 2). */
#ifndef ARC_PYSET_H
#define ARC_PYSET_H

#include <stddef.h>
#include <stdint.h>

#include "value.h"

/* Given the distinct ints of a sequence in order of first occurrence, write into out the order
 * in which CPython iterates set(sequence). Large tables take scratch space from the arena. */
void pyset_int_order(dsl_ctx *c, const int32_t *first_seen, size_t n, int32_t *out);

#endif
