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
	bool augment;     /* also run under the transforms with ARC_SEARCH_AUGMENT */
} layers[] = {
	{"enum", 0.2, ARC_SEARCH_ENUM, search_enum, true},
	{"grid", 1.0, 0, search_grid, false},
};

/* Augmentation: the transforms tried (gprog.def's numbering: dmirror, hmirror, vmirror), in
 * order, when the task itself found no program reproducing every train pair, and the task's own
 * share of the layer. Measured at 20000 nodes (bench/search): these three 77.50, all seven
 * 75.50, two or four 76.50; a share of 0.3 or 0.5 77.50, 0.7 76.50. */
static const int augment_transforms[] = {6, 4, 5};
#define AUGMENT_SELF 0.5

/* The features' names, bit k's at k (arcbatt.h's order). */
static const char *const feature_names[] = {"colors", "best-first", "compose", "enum", "roles",
                                            "augment", "recolor", "objmap", "shape", "stop"};
#define NFEATURES (sizeof feature_names / sizeof *feature_names)
_Static_assert(ARC_SEARCH_STOP == 1u << (NFEATURES - 1), "a name for every search feature");

const char *arc_search_feature_name(unsigned k)
{
	return k < NFEATURES ? feature_names[k] : NULL;
}

arc_status arc_search_features_parse(const char *text, unsigned *features, arc_error *err)
{
	*features = 0;
	if (!strcmp(text, "none"))
		return ARC_OK;
	for (const char *t = text;;) {
		size_t len = strcspn(t, ","), k = 0;
		while (k < NFEATURES && (strlen(feature_names[k]) != len || strncmp(t, feature_names[k], len)))
			k++;
		if (k == NFEATURES) {
			char names[160] = "";
			for (size_t i = 0; i < NFEATURES; i++)
				snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s",
				         i ? ", " : "", feature_names[i]);
			return arc_error_set(err, ARC_E_USAGE, NULL, NULL, 0, 0,
			                     "'%.*s' is not a search feature (%s, or none)", (int)len, t,
			                     names);
		}
		*features |= 1u << k;
		if (!t[len])
			return ARC_OK;
		t += len + 1;
	}
}

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

bool search_cands_push_solved(search_cand **out, size_t *n, char *text, uint32_t size, int ntrain)
{
	search_cand *grown = text ? realloc(*out, (*n + 1) * sizeof **out) : NULL;
	if (!grown) {
		free(text);
		return false;
	}
	*out = grown;
	(*out)[(*n)++] = (search_cand){.text = text, .size = size, .train_exact = (uint32_t)ntrain,
	                               .closeness = 1};
	return true;
}

bool search_cands_same(const search_cand *a, size_t na, const search_cand *b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (strcmp(a[i].text, b[i].text) || a[i].size != b[i].size ||
		    a[i].train_exact != b[i].train_exact ||
		    memcmp(&a[i].closeness, &b[i].closeness, sizeof a[i].closeness))
			return false;
	return true;
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

bool search_text_open(search_text *b)
{
	*b = (search_text){.next = 1};
	b->f = open_memstream(&b->buf, &b->len);
	return b->f != NULL;
}

bool search_text_close(search_text *b, int last, char **text, uint32_t *size)
{
	*text = NULL;
	fputs("    return O\n", b->f);
	bool ok = !fclose(b->f) && b->buf && last > 0;
	/* the last line's variable becomes O, as in a canonical body */
	char var[24];
	int m = snprintf(var, sizeof var, "    x%d = ", last);
	char *at = ok ? strstr(b->buf, var) : NULL;
	if (!at) {
		free(b->buf);
		return false;
	}
	memmove(at + 8, at + m, strlen(at + m) + 1);
	memcpy(at, "    O = ", 8);
	*size = (uint32_t)(b->next - 1);
	*text = b->buf;
	return true;
}

bool search_gprog_text(const gprog *p, char **text, uint32_t *size)
{
	search_text b;
	if (!search_text_open(&b))
		return false;
	int last = gprog_print(b.f, p, "I", &b.next);
	return search_text_close(&b, last, text, size);
}

/* share of `left` nodes (all from 1 on) and of the time to the deadline under a clock. */
static search_budget share_of(uint64_t left, double deadline, double share, size_t memory)
{
	double now = search_now();
	search_budget b = {.nodes = share >= 1 ? left : (uint64_t)((double)left * share),
	                   .deadline = deadline && share < 1 && deadline > now
	                                   ? now + (deadline - now) * share
	                                   : deadline,
	                   .memory = memory};
	if (!b.nodes)
		b.nodes = 1;
	return b;
}

/* Layer `run` on the task (t = 0) or under transform t, its candidates appended to *all
 * (*nall). A layer that runs out of memory ends (memory_hit), never the run. */
static arc_status run_layer(const search_in *in, search_layer_fn run, int t,
                            const search_budget *b, search_cand **all, size_t *nall,
                            arc_search_stats *st, arc_error *err)
{
	search_cand *c = NULL;
	size_t nc = 0;
	arc_status status = t ? search_augmented(in, run, t, b, &c, &nc, st, err)
	                      : run(in, b, &c, &nc, st, err);
	if (status == ARC_E_NOMEM) { /* memory ran short: this layer ends, never the run */
		st->memory_hit++;
		status = ARC_OK;
	}
	search_cand *grown = nc ? realloc(*all, (*nall + nc) * sizeof **all) : *all;
	if (nc && !grown) {
		search_cands_free(c, nc);
		return arc_error_set(err, ARC_E_NOMEM, NULL, in->task->id, 0, 0, "out of memory");
	}
	if (nc) {
		*all = grown;
		memcpy(*all + *nall, c, nc * sizeof *c);
		*nall += nc;
	}
	free(c);
	return status;
}

/* Whether candidates c[from..n) hold one that reproduces every train pair. */
static bool solved_since(const search_cand *c, size_t from, size_t n, int ntrain)
{
	for (size_t k = from; k < n; k++)
		if (c[k].train_exact >= (uint32_t)ntrain)
			return true;
	return false;
}

/* An augmented layer: the task itself on AUGMENT_SELF of the budget; where that found no
 * program reproducing every train pair, the transforms in turn, each on an equal share of
 * what is left (what one leaves goes to the next). */
static arc_status run_augmented(const search_in *in, search_layer_fn run, const search_budget *b,
                                search_cand **all, size_t *nall, arc_search_stats *st,
                                arc_error *err)
{
	size_t from = *nall;
	uint64_t before = st->evaluated, memory_hit = st->memory_hit;
	search_budget self = share_of(b->nodes, b->deadline, AUGMENT_SELF, b->memory);
	arc_status status = run_layer(in, run, 0, &self, all, nall, st, err);
	size_t nt = sizeof augment_transforms / sizeof *augment_transforms;
	for (size_t k = 0; k < nt && status == ARC_OK; k++) {
		uint64_t spent = st->evaluated - before;
		if (spent >= b->nodes || st->memory_hit > memory_hit ||
		    solved_since(*all, from, *nall, in->task->ntrain))
			break;
		search_budget tb = share_of(b->nodes - spent, b->deadline, 1.0 / (double)(nt - k),
		                            b->memory);
		status = run_layer(in, run, augment_transforms[k], &tb, all, nall, st, err);
	}
	return status;
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
	for (size_t k = 0; k < sizeof layers / sizeof *layers && left && status == ARC_OK; k++) {
		if (layers[k].feature && !(o->features & layers[k].feature))
			continue;
		if ((o->features & ARC_SEARCH_STOP) && solved_since(all, 0, nall, t->ntrain))
			break;
		/* the layer's share of the nodes left, and of the time left under a clock */
		search_budget b = share_of(left, deadline, layers[k].share, o->memory);
		uint64_t before = st->evaluated;
		if (layers[k].augment && (o->features & ARC_SEARCH_AUGMENT))
			status = run_augmented(&in, layers[k].run, &b, &all, &nall, st, err);
		else
			status = run_layer(&in, layers[k].run, 0, &b, &all, &nall, st, err);
		uint64_t spent = st->evaluated - before;
		left -= spent < left ? spent : left;
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
