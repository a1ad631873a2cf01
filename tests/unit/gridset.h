/* gridset.h — the grids the batch tests run on: every grid of the bundled training tasks, then
 * odd shapes (1x1, 1x30, 30x1, 30x30, ...) with 1, 3 and 10 colours, then small grids of
 * colours 0, 1, 8, 9 (mostcolor's CPython-order ties). Deterministic (xorshift). Shared by the
 * unit tests and the CUDA tests; no cmocka. */
#ifndef ARC_TEST_GRIDSET_H
#define ARC_TEST_GRIDSET_H

#include <stdint.h>
#include <stdlib.h>

#include "arcbatt.h"

#define GRIDSET_TRAINING "data/arc-agi-1/training"

typedef struct gridset {
	arc_grid *g; /* n grids */
	size_t n;
	uint64_t rng; /* xorshift state */
} gridset;

static inline uint32_t gridset_rnd(gridset *s, uint32_t n)
{
	s->rng ^= s->rng << 13, s->rng ^= s->rng >> 7, s->rng ^= s->rng << 17;
	return (uint32_t)(s->rng >> 11) % n;
}

static inline void gridset_push(gridset *s, const arc_grid *g)
{
	arc_grid *v = (arc_grid *)realloc(s->g, (s->n + 1) * sizeof *v);
	if (!v)
		abort();
	s->g = v;
	s->g[s->n++] = *g;
}

static inline void gridset_random(gridset *s, int h, int w, const int *colours, int nc)
{
	arc_grid g = {(uint8_t)h, (uint8_t)w, {0}};
	for (int k = 0; k < h * w; k++)
		g.cell[k] = (uint8_t)colours[gridset_rnd(s, (uint32_t)nc)];
	gridset_push(s, &g);
}

/* Fills s; false when the training tasks cannot be loaded. */
static inline bool gridset_load(gridset *s)
{
	s->g = NULL, s->n = 0, s->rng = 0x243f6a8885a308d3ull;
	arc_taskset *ts;
	arc_load_opts o = {0};
	if (arc_taskset_load(GRIDSET_TRAINING, &o, &ts, NULL) != ARC_OK)
		return false;
	for (size_t i = 0; i < arc_taskset_count(ts); i++) {
		const arc_task *t = arc_taskset_get(ts, i);
		for (int k = 0; k < t->ntrain; k++)
			gridset_push(s, &t->train[k].input), gridset_push(s, &t->train[k].output);
		for (int k = 0; k < t->ntest; k++) {
			gridset_push(s, &t->test[k].input);
			if (t->test[k].has_output)
				gridset_push(s, &t->test[k].output);
		}
	}
	arc_taskset_free(ts);
	static const int all[10] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, tie[4] = {0, 1, 8, 9};
	static const int shapes[][2] = {{1, 1}, {1, 30}, {30, 1}, {30, 30}, {2, 2}, {3, 7},
	                                {29, 30}, {2, 30}, {30, 2}, {1, 2}, {2, 1}, {5, 5}};
	for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++)
		for (int r = 0; r < 3; r++)
			gridset_random(s, shapes[k][0], shapes[k][1], all, r == 0 ? 1 : r == 1 ? 3 : 10);
	for (int r = 0; r < 300; r++) {
		int h = 1 + (int)gridset_rnd(s, 4), w = 1 + (int)gridset_rnd(s, 4);
		int from = (int)gridset_rnd(s, 2); /* colours tie[from .. from + n - 1], n 2..4 - from */
		gridset_random(s, h, w, tie + from, 2 + (int)gridset_rnd(s, 3 - (uint32_t)from));
	}
	return true;
}

static inline void gridset_free(gridset *s)
{
	free(s->g);
	s->g = NULL, s->n = 0;
}

#endif
