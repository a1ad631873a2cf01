/* search_enum.c — the enumeration layer of the search: the typed bottom-up enumeration of
 * general arc-dsl programs (enum.c) as a search layer. Its budget is the layer's share of the
 * task's nodes in the grid layer's unit (a candidate evaluated on every input), so it may make
 * nodes x inputs primitive applications; its candidates go to the driver as they are. */
#include "search.h"

#include <stdlib.h>
#include <string.h>

#include "dsl.h"
#include "enum.h"

arc_status search_enum(const search_in *in, const search_budget *b, search_cand **out, size_t *n,
                       arc_search_stats *st, arc_error *err)
{
	const arc_task *t = in->task;
	if (b->memory < ENUM_MIN_BYTES) { /* too little to enumerate in: the memory cap is met */
		st->memory_hit++;
		return ARC_OK;
	}
	uint64_t nin = (uint64_t)t->ntrain + (uint64_t)t->ntest;
	enum_opts o = ENUM_OPTS_DEFAULT;
	o.max_evals = b->nodes > UINT64_MAX / nin ? UINT64_MAX : b->nodes * nin;
	o.max_bytes = b->memory;
	o.max_cands = in->opts->keep ? in->opts->keep : o.max_cands;
	if (b->deadline > 0) {
		double left = b->deadline - search_now();
		o.deadline_ns = dsl_clock_ns() + (left > 0 ? (uint64_t)(left * 1e9) : 1);
	}
	enum_cand *c = NULL;
	size_t nc = 0;
	enum_stats es = {0};
	arc_status s = enum_task(t, &o, &c, &nc, &es, err);
	st->evaluated += (es.evals + nin - 1) / nin;
	st->applied += es.evals;
	st->distinct += es.distinct;
	st->memory_hit += es.memory_hit;
	st->time_hit += es.time_hit;
	if (s != ARC_OK)
		return s;
	*out = nc ? calloc(nc, sizeof **out) : NULL;
	if (nc && !*out) {
		enum_cands_free(c, nc);
		return arc_error_set(err, ARC_E_NOMEM, NULL, t->id, 0, 0, "out of memory");
	}
	for (size_t k = 0; k < nc; k++) {
		(*out)[k] = (search_cand){.text = c[k].text, .size = c[k].size,
		                          .train_exact = c[k].train_exact, .closeness = c[k].closeness};
		c[k].text = NULL;
	}
	*n = nc;
	enum_cands_free(c, nc);
	return ARC_OK;
}
