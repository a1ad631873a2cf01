/* search.c — the search driver for one task: the layers in turn, each on its share of the
 * task's node budget (what one leaves goes to the next), under the task's deadline and memory
 * cap; their candidates merged, de-duplicated by text and ranked. Adding a layer is one entry
 * of `layers`. Also the canonical text of a grid program. */
#include "search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The layers, in the order they run, with their share of the node budget (and, under a clock,
 * of the time left). */
static const struct {
	const char *name;
	double share;
	unsigned feature; /* the arc_search_feature that turns it on (0: always on) */
	search_layer_fn run;
} layers[] = {
	{"enum", 0.2, ARC_SEARCH_ENUM, search_enum},
	{"grid", 1.0, 0, search_grid},
};

static double cpu_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

double search_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

void search_cands_free(search_cand *c, size_t n)
{
	for (size_t i = 0; c && i < n; i++)
		free(c[i].text);
	free(c);
}

int search_cand_cmp(const search_cand *a, const search_cand *b, int ntrain)
{
	if (a->train_exact != b->train_exact)
		return a->train_exact > b->train_exact ? -1 : 1;
	bool solved = (int)a->train_exact >= ntrain;
	if (solved && a->size != b->size)
		return a->size < b->size ? -1 : 1;
	if (a->closeness != b->closeness)
		return a->closeness > b->closeness ? -1 : 1;
	if (a->size != b->size)
		return a->size < b->size ? -1 : 1;
	return strcmp(a->text, b->text);
}

bool search_gprog_text(const gprog *p, char **text, uint32_t *size)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return false;
	int next = 1;
	int last = gprog_print(f, p, "I", &next);
	fputs("    return O\n", f);
	if (fclose(f) || !buf || last <= 0) {
		free(buf);
		return false;
	}
	/* The result is the last line's variable: it becomes O, as in a canonical body. */
	char var[24];
	int m = snprintf(var, sizeof var, "    x%d = ", last);
	char *at = strstr(buf, var);
	if (!at) {
		free(buf);
		return false;
	}
	memmove(at + 8, at + m, strlen(at + m) + 1);
	memcpy(at, "    O = ", 8);
	*size = (uint32_t)(next - 1);
	*text = buf;
	return true;
}

typedef struct sort_ctx {
	int ntrain;
} sort_ctx;

static int cmp_cands(const void *a, const void *b, void *ctx)
{
	return search_cand_cmp(a, b, ((sort_ctx *)ctx)->ntrain);
}

arc_status search_task(const arc_task *t, const arc_search_opts *o, backend *be, double deadline,
                       search_cand **out, size_t *n, arc_search_stats *st, arc_error *err)
{
	*out = NULL, *n = 0;
	double t0 = search_now(), c0 = cpu_now();
	if (o->seconds > 0 && (!deadline || t0 + o->seconds < deadline))
		deadline = t0 + o->seconds;
	search_in in = {.task = t, .opts = o, .be = be};
	search_cand *all = NULL;
	size_t nall = 0;
	uint64_t left = o->nodes;
	arc_status status = ARC_OK;
	st->tasks++;
	/* memory_hit and time_hit count tasks: once however many of its layers met the limit */
	uint64_t memory_hit = st->memory_hit, time_hit = st->time_hit;
	for (size_t k = 0; k < sizeof layers / sizeof *layers && left; k++) {
		if (layers[k].feature && !(o->features & layers[k].feature))
			continue;
		/* the layer's share of the nodes left, and of the time left under a clock */
		double share = layers[k].share, now = search_now();
		search_budget b = {.nodes = share >= 1 ? left : (uint64_t)((double)left * share),
		                   .deadline = deadline && share < 1 && deadline > now
		                                   ? now + (deadline - now) * share
		                                   : deadline,
		                   .memory = o->memory};
		if (!b.nodes)
			b.nodes = 1;
		uint64_t before = st->evaluated;
		search_cand *c = NULL;
		size_t nc = 0;
		status = layers[k].run(&in, &b, &c, &nc, st, err);
		if (status == ARC_E_NOMEM) { /* memory ran short: this layer ends, never the run */
			st->memory_hit++;
			status = ARC_OK;
		}
		uint64_t spent = st->evaluated - before;
		left -= spent < left ? spent : left;
		search_cand *grown = nc ? realloc(all, (nall + nc) * sizeof *all) : all;
		if (nc && !grown) {
			search_cands_free(c, nc);
			status = arc_error_set(err, ARC_E_NOMEM, NULL, t->id, 0, 0, "out of memory");
			break;
		}
		if (nc) {
			all = grown;
			memcpy(all + nall, c, nc * sizeof *c);
			nall += nc;
		}
		free(c);
		if (status != ARC_OK)
			break;
	}
	st->memory_hit = memory_hit + (st->memory_hit > memory_hit);
	st->time_hit = time_hit + (st->time_hit > time_hit);
	if (status != ARC_OK) {
		search_cands_free(all, nall);
		st->seconds += search_now() - t0;
		st->cpu_seconds += cpu_now() - c0;
		return status;
	}
	sort_ctx sc = {.ntrain = t->ntrain};
	qsort_r(all, nall, sizeof *all, cmp_cands, &sc);
	size_t kept = 0;
	for (size_t i = 0; i < nall; i++) {
		bool dup = kept && !strcmp(all[kept - 1].text, all[i].text);
		if (dup || kept >= o->keep) {
			free(all[i].text);
			continue;
		}
		all[kept++] = all[i];
		st->solutions += (int)all[i].train_exact >= t->ntrain;
	}
	st->found += kept;
	st->seconds += search_now() - t0;
	st->cpu_seconds += cpu_now() - c0;
	*out = all, *n = kept;
	if (!kept) {
		free(all);
		*out = NULL;
	}
	return ARC_OK;
}
