/* task_select.c — which tasks of a set a command works on: named ids, a slice of the sorted ids,
 * or a seeded sample (splitmix64 driving a partial Fisher-Yates shuffle, so the same seed draws
 * the same tasks on every machine). */
#include <stdlib.h>
#include <string.h>

#include "arcbatt.h"

static uint64_t splitmix64(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static int by_index(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return (x > y) - (x < y);
}

/* The named tasks, each once, in sorted order; unknown ids are listed in err. */
static arc_status select_ids(const arc_taskset *ts, const arc_selection *sel, size_t *idx,
                             size_t *n, arc_error *err)
{
	char unknown[400] = "";
	size_t nunknown = 0, len = 0;
	*n = 0;
	for (size_t k = 0; k < sel->nids; k++) {
		const arc_task *t = arc_taskset_find(ts, sel->ids[k]);
		if (t) {
			idx[(*n)++] = (size_t)(t - arc_taskset_get(ts, 0));
			continue;
		}
		if (len < sizeof unknown - 1)
			len += (size_t)snprintf(unknown + len, sizeof unknown - len, "%s%s",
			                        nunknown ? ", " : "", sel->ids[k]);
		nunknown++;
	}
	if (nunknown)
		return arc_error_set(err, ARC_E_USAGE, "", "", 0, 0, "unknown task id%s: %s",
		                     nunknown > 1 ? "s" : "", unknown);
	qsort(idx, *n, sizeof *idx, by_index);
	size_t kept = 0;
	for (size_t k = 0; k < *n; k++)
		if (!kept || idx[kept - 1] != idx[k])
			idx[kept++] = idx[k];
	*n = kept;
	return ARC_OK;
}

arc_status arc_taskset_select(const arc_taskset *ts, const arc_selection *sel, size_t **idx,
                              size_t *n, arc_error *err)
{
	size_t total = arc_taskset_count(ts);
	size_t cap = sel->nids > total ? sel->nids : total;
	*idx = NULL;
	*n = 0;
	size_t *v = malloc((cap ? cap : 1) * sizeof *v);
	if (!v)
		return arc_error_set(err, ARC_E_NOMEM, "", "", 0, 0, "out of memory");
	arc_status st = ARC_OK;
	if (sel->nids) {
		st = select_ids(ts, sel, v, n, err);
	} else if (sel->sample) {
		if (sel->sample > total) {
			st = arc_error_set(err, ARC_E_USAGE, "", "", 0, 0,
			                   "a sample of %zu tasks, expected at most the %zu tasks of the set",
			                   sel->sample, total);
		} else {
			uint64_t state = sel->seed;
			for (size_t i = 0; i < total; i++)
				v[i] = i;
			for (size_t i = 0; i < sel->sample; i++) {
				size_t j = i + (size_t)(((unsigned __int128)splitmix64(&state) * (total - i)) >> 64);
				size_t t = v[i];
				v[i] = v[j];
				v[j] = t;
			}
			*n = sel->sample;
			qsort(v, *n, sizeof *v, by_index);
		}
	} else if (sel->start >= total && (sel->start || sel->count)) {
		st = arc_error_set(err, ARC_E_USAGE, "", "", 0, 0,
		                   "start %zu is outside the %zu tasks (expected 0..%zu)", sel->start,
		                   total, total ? total - 1 : 0);
	} else {
		size_t end = sel->count && sel->count < total - sel->start ? sel->start + sel->count
		                                                            : total;
		for (size_t i = sel->start; i < end; i++)
			v[(*n)++] = i;
	}
	if (st) {
		free(v);
		*n = 0;
		return st;
	}
	*idx = v;
	return ARC_OK;
}
