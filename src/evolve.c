/* evolve.c — rounds of evolution over an archive: battery -> score -> search -> mutation ->
 * archive. Each step works through the tasks in batches: the main thread reads each task's best
 * rows from the archive, workers compute the task's candidates and what to keep (each from its
 * own seeded stream, so nothing depends on which thread ran it), and the main thread commits the
 * batch in one transaction. A step reads only rows stored before it, so redoing an interrupted
 * step stores exactly what the first attempt would have. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <xxhash.h>

#include "evolve.h"
#include "pool.h"

enum { STEP_BATTERY = 1, STEP_SEARCH = 2, STEP_MUTATE = 3 };
static const char *const step_names[] = {"", "battery", "search", "mutation"};

typedef struct evo_run {
	arc_archive *a;
	const arc_taskset *ts;
	const arc_evolve_opts *o;
	size_t threads;
	uint32_t round;
	uint64_t seed;          /* the round's */
	arc_round_report rep;   /* this invocation's counters for the round */
	evo_batch shared;       /* the battery step's candidates, run on every task */
	const evo_cand *shared_cands;
	arc_evaluator **ev;     /* per worker, for the shared batch */
	const evo_search_out *found; /* the search step's programs */
} evo_run;

/* One task of a batch. */
typedef struct evo_job {
	const arc_task *t;
	size_t task;            /* index into ts */
	arch_row *best;         /* the task's best rows stored before this step, nbest of them */
	size_t nbest;
	evo_cand *own;          /* candidates made for this task (malloc'd), nown of them */
	size_t nown;
	evo_kept *kept;         /* what to store, parents before the programs made from them */
	size_t nkept;
	size_t mutants, rejected, evaluated;
	arc_status st;
} evo_job;

typedef void (*job_fn)(evo_run *r, evo_job *j, size_t worker);

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

static const evo_cand *job_cands(const evo_run *r, const evo_job *j)
{
	return j->own ? j->own : r->shared_cands;
}

static bool push_cand(evo_job *j, const evo_cand *c, size_t *cap)
{
	if (j->nown == *cap) {
		size_t nc = *cap ? *cap * 2 : 64;
		evo_cand *n = realloc(j->own, nc * sizeof *n);
		if (!n)
			return false;
		j->own = n;
		*cap = nc;
	}
	j->own[j->nown++] = *c;
	return true;
}

/* A candidate from a program's text; its body is the canonical one. */
static bool cand_from(evo_cand *c, const mprog *m, arc_origin origin)
{
	strbuf sb = {0};
	mprog_text(m, &sb);
	if (sb.oom) {
		sb_free(&sb);
		return false;
	}
	*c = (evo_cand){.text = sb.s, .size = (uint32_t)m->n, .origin = origin};
	program_hash(sb.s, sb.n, c->hash);
	return true;
}

static bool push_kept(evo_job *j, const evo_kept *k)
{
	evo_kept *n = realloc(j->kept, (j->nkept + 1) * sizeof *n);
	if (!n)
		return false;
	j->kept = n;
	j->kept[j->nkept++] = *k;
	return true;
}

/* Scores the job's own candidates on its task and keeps what enters the task's best. */
static arc_status select_own(evo_run *r, evo_job *j)
{
	evo_batch b;
	arc_status st = evo_compile(j->own, j->nown, &b);
	if (st)
		return st;
	j->rejected += b.rejected;
	arc_evaluator *ev = arc_evaluator_new(b.bat, &r->o->limits);
	st = ev ? evo_select(ev, &b, j->own, j->t, j->best, j->nbest, r->o->keep, &j->kept,
	                     &j->nkept, &j->evaluated)
	        : ARC_E_NOMEM;
	arc_evaluator_free(ev);
	evo_batch_free(&b);
	return st;
}

/* Appends the shrunk form of m (scored sc on the train pairs, as is every variant that gives the
 * same outputs) to the job when shrinking finds one. */
static arc_status add_shrunk(evo_run *r, evo_job *j, const mprog *m, const char *hash,
                             const arch_score *sc, size_t *cap)
{
	mprog s;
	uint64_t cost = 0;
	if (!evo_shrink(m, j->t, &r->o->limits, &s, &cost, &j->evaluated))
		return ARC_OK;
	evo_cand c;
	if (!cand_from(&c, &s, ARC_ORIGIN_MUTATED))
		return ARC_E_NOMEM;
	snprintf(c.parent, sizeof c.parent, "%s", hash);
	snprintf(c.op, sizeof c.op, "shrink");
	evo_kept k = {.cand = j->nown, .sc = *sc};
	k.sc.cost = cost;
	if (!push_cand(j, &c, cap)) {
		free(c.text);
		return ARC_E_NOMEM;
	}
	return push_kept(j, &k) ? ARC_OK : ARC_E_NOMEM;
}

/* ---- the steps ---- */

static void battery_job(evo_run *r, evo_job *j, size_t w)
{
	if (!r->ev[w] && !(r->ev[w] = arc_evaluator_new(r->shared.bat, &r->o->limits))) {
		j->st = ARC_E_NOMEM;
		return;
	}
	j->st = evo_select(r->ev[w], &r->shared, r->shared_cands, j->t, j->best, j->nbest,
	                   r->o->keep, &j->kept, &j->nkept, &j->evaluated);
}

static void search_job(evo_run *r, evo_job *j, size_t w)
{
	size_t cap = 0;
	for (size_t i = 0; i < r->found->n && !j->st; i++) {
		const evo_found *f = &r->found->found[i];
		mprog m;
		evo_cand c;
		if (f->task != j->task)
			continue;
		/* a program the parser refuses or too long to handle is rejected, like a mutant */
		program *p = NULL;
		size_t np = 0;
		long errs = parse_programs("search", f->text, strlen(f->text), &p, &np, NULL);
		bool ok = errs == 0 && np == 1 && mprog_set(&m, p[0].ins, p[0].n, p[0].out);
		for (size_t k = 0; k < np; k++)
			program_free(&p[k]);
		free(p);
		j->rejected += !ok;
		if (ok && (!cand_from(&c, &m, ARC_ORIGIN_ENUMERATED) || !push_cand(j, &c, &cap)))
			j->st = ARC_E_NOMEM;
	}
	if (!j->st && j->nown)
		j->st = select_own(r, j);
}

/* The task's seeded stream: the same for a round, seed and task wherever it runs. */
static uint64_t task_stream(const evo_run *r, const arc_task *t)
{
	return XXH3_64bits_withSeed(t->id, strlen(t->id), r->seed ^ (r->round * 0x9e3779b97f4a7c15u));
}

static arc_status make_mutants(evo_run *r, evo_job *j, const mprog *pool, const size_t *row,
                               size_t np, size_t *cap)
{
	mut_consts kc;
	mut_task_consts(j->t, &kc);
	mut_env env = {.pool = pool, .npool = np, .consts = &kc};
	evo_hashset seen = {0};
	bool oom = false;
	for (size_t k = 0; k < j->nbest; k++)
		evo_hashset_add(&seen, j->best[k].hash, &oom);
	uint64_t rng = task_stream(r, j->t);
	size_t budget = r->o->mutants;
	for (size_t tries = 0; j->mutants < budget && tries < 4 * budget && !oom; tries++) {
		size_t a = (size_t)(mut_rand(&rng) % np), b = (size_t)(mut_rand(&rng) % np);
		size_t parent = a < b ? a : b; /* better parents are drawn more often */
		mprog m;
		mut_desc d;
		evo_cand c;
		if (!mutate(&env, parent, &rng, &m, &d))
			continue;
		if (!cand_from(&c, &m, ARC_ORIGIN_MUTATED)) {
			oom = true;
			break;
		}
		if (!evo_hashset_add(&seen, c.hash, &oom)) {
			free(c.text);
			continue;
		}
		snprintf(c.parent, sizeof c.parent, "%s", j->best[row[parent]].hash);
		if (d.donor >= 0)
			snprintf(c.donor, sizeof c.donor, "%s", j->best[row[d.donor]].hash);
		snprintf(c.op, sizeof c.op, "%s", d.ops);
		if (!push_cand(j, &c, cap)) {
			free(c.text);
			oom = true;
		}
		j->mutants++;
	}
	evo_hashset_free(&seen);
	return oom ? ARC_E_NOMEM : ARC_OK;
}

/* Explained tasks get their best program shrunk when it became the best this round (a shrunk
 * one is not shrunk again); the others get mutants of their best programs, and the best mutant
 * shrunk when it explains the task. */
static void mutate_job(evo_run *r, evo_job *j, size_t w)
{
	mprog *pool = malloc((j->nbest ? j->nbest : 1) * sizeof *pool);
	size_t *row = malloc((j->nbest ? j->nbest : 1) * sizeof *row), np = 0, cap = 0;
	if (!pool || !row) {
		j->st = ARC_E_NOMEM;
		goto out;
	}
	for (size_t k = 0; k < j->nbest; k++)
		if (mprog_parse(&pool[np], j->best[k].text))
			row[np++] = k;
	if (!np)
		goto out;
	uint32_t ntrain = (uint32_t)j->t->ntrain;
	if (j->best[0].sc.exact == ntrain) {
		if (row[0] == 0 && j->best[0].round == r->round && strcmp(j->best[0].op, "shrink"))
			j->st = add_shrunk(r, j, &pool[0], j->best[0].hash, &j->best[0].sc, &cap);
		goto out;
	}
	j->st = make_mutants(r, j, pool, row, np, &cap);
	if (!j->st && j->nown)
		j->st = select_own(r, j);
	if (!j->st && j->nkept && j->kept[0].sc.exact == ntrain) {
		const evo_cand *c = &j->own[j->kept[0].cand];
		mprog m;
		arch_score sc = j->kept[0].sc;
		if (mprog_parse(&m, c->text))
			j->st = add_shrunk(r, j, &m, c->hash, &sc, &cap);
	}
out:
	free(pool);
	free(row);
}

/* ---- batches ---- */

typedef struct batch_ctx {
	evo_run *r;
	evo_job *jobs;
	job_fn fn;
} batch_ctx;

static void batch_worker(void *ud, size_t worker, size_t item)
{
	batch_ctx *c = ud;
	c->fn(c->r, &c->jobs[item], worker);
}

static void free_job(evo_job *j)
{
	arch_rows_free(j->best, j->nbest);
	evo_cands_free(j->own, j->nown);
	free(j->kept);
	*j = (evo_job){0};
}

static arc_status store_job(evo_run *r, const evo_job *j, uint32_t step, arc_error *err)
{
	arc_status st = archive_put_task(r->a, j->t, err);
	const evo_cand *cands = job_cands(r, j);
	for (size_t k = 0; k < j->nkept && !st; k++) {
		const evo_cand *c = &cands[j->kept[k].cand];
		arch_prog p = {.text = c->text, .hash = c->hash, .size = c->size, .origin = c->origin,
		               .parent = *c->parent ? c->parent : NULL,
		               .donor = *c->donor ? c->donor : NULL, .op = *c->op ? c->op : NULL,
		               .source = c->source};
		st = archive_put(r->a, j->t->id, &p, &j->kept[k].sc, r->round, step, err);
	}
	return st;
}

/* Runs fn on every task of tasks[0..n) in batches, each committed in one transaction. */
static arc_status run_step(evo_run *r, uint32_t step, const size_t *tasks, size_t n, job_fn fn,
                           arc_error *err)
{
	size_t chunk = 8 * r->threads < 32 ? 32 : 8 * r->threads;
	evo_job *jobs = calloc(chunk, sizeof *jobs);
	if (!jobs)
		return arc_error_set(err, ARC_E_NOMEM, NULL, NULL, 0, 0, "out of memory");
	arc_status st = ARC_OK;
	for (size_t start = 0; start < n && !st; start += chunk) {
		size_t m = n - start < chunk ? n - start : chunk;
		for (size_t i = 0; i < m && !st; i++) {
			jobs[i].task = tasks[start + i];
			jobs[i].t = arc_taskset_get(r->ts, jobs[i].task);
			st = archive_best(r->a, jobs[i].t->id, r->round, step, r->o->keep, &jobs[i].best,
			                  &jobs[i].nbest, err);
		}
		batch_ctx c = {.r = r, .jobs = jobs, .fn = fn};
		if (!st)
			pool_run(r->threads, m, batch_worker, &c);
		for (size_t i = 0; i < m && !st; i++)
			if (jobs[i].st)
				st = arc_error_set(err, jobs[i].st, NULL, jobs[i].t->id, 0, 0,
				                   "the %s step failed: %s", step_names[step],
				                   arc_status_name(jobs[i].st));
		if (!st)
			st = archive_begin(r->a, err);
		for (size_t i = 0; i < m && !st; i++)
			st = store_job(r, &jobs[i], step, err);
		if (!st)
			st = archive_commit(r->a, err);
		else if (r->a->in_tx)
			archive_rollback(r->a);
		for (size_t i = 0; i < m; i++) {
			r->rep.mutants += jobs[i].mutants;
			r->rep.rejected += jobs[i].rejected;
			r->rep.evaluated += jobs[i].evaluated;
			free_job(&jobs[i]);
		}
		if (!st && r->o->progress)
			r->o->progress(r->o->ud, r->round, step_names[step], start + m, n);
	}
	free(jobs);
	return st;
}

/* The battery step's candidates: written programs not archived before this round, and the
 * programs the last round found that reproduce a train pair somewhere (run everywhere now). */
static arc_status battery_cands(evo_run *r, evo_cand **out, size_t *n, arc_error *err)
{
	*out = NULL;
	*n = 0;
	evo_job tmp = {0};
	size_t cap = 0;
	evo_hashset seen = {0};
	bool oom = false;
	arc_status st = ARC_OK;
	const arc_battery *b = r->o->battery;
	for (size_t i = 0; b && i < arc_battery_count(b) && !st && !oom; i++) {
		prog_instr *ins;
		size_t ni, outi;
		bool known = false;
		evo_cand c = {.origin = ARC_ORIGIN_WRITTEN};
		strbuf sb = {0};
		st = battery_program(b, i, &ins, &ni, &outi);
		if (st) {
			st = arc_error_set(err, st, NULL, NULL, 0, 0, "out of memory");
			break;
		}
		program_body(ins, ni, outi, &sb);
		free(ins);
		if (sb.oom) {
			oom = true;
			break;
		}
		c.text = sb.s;
		c.size = (uint32_t)ni;
		program_hash(sb.s, sb.n, c.hash);
		st = archive_known(r->a, c.hash, r->round, &known, err);
		if (st || known || !evo_hashset_add(&seen, c.hash, &oom)) {
			free(c.text);
			continue;
		}
		size_t len = strlen(arc_battery_file(b, i)) + strlen(arc_battery_name(b, i)) + 2;
		if ((c.source = malloc(len)))
			snprintf(c.source, len, "%s:%s", arc_battery_file(b, i), arc_battery_name(b, i));
		if (!c.source || !push_cand(&tmp, &c, &cap)) {
			free(c.text);
			free(c.source);
			oom = true;
		}
	}
	arch_row *rows = NULL;
	size_t nrows = 0;
	if (!st && !oom && r->round > 1)
		st = archive_round_programs(r->a, r->round - 1, &rows, &nrows, err);
	for (size_t k = 0; k < nrows && !st && !oom; k++) {
		/* already archived: only the text and hash matter, the row exists */
		evo_cand c = {.text = rows[k].text, .size = rows[k].size, .origin = ARC_ORIGIN_MUTATED};
		snprintf(c.hash, sizeof c.hash, "%s", rows[k].hash);
		if (push_cand(&tmp, &c, &cap))
			rows[k].text = NULL;
		else
			oom = true;
	}
	arch_rows_free(rows, nrows);
	evo_hashset_free(&seen);
	if (oom && !st)
		st = arc_error_set(err, ARC_E_NOMEM, NULL, NULL, 0, 0, "out of memory");
	if (st) {
		evo_cands_free(tmp.own, tmp.nown);
		return st;
	}
	*out = tmp.own;
	*n = tmp.nown;
	return ARC_OK;
}

static arc_status battery_step(evo_run *r, const size_t *idx, size_t n, arc_error *err)
{
	evo_cand *cands;
	size_t nc;
	arc_status st = battery_cands(r, &cands, &nc, err);
	if (st || !nc) {
		evo_cands_free(cands, nc);
		return st;
	}
	st = evo_compile(cands, nc, &r->shared);
	r->ev = st ? NULL : calloc(r->threads, sizeof *r->ev);
	if (!st && !r->ev)
		st = ARC_E_NOMEM;
	if (st)
		st = arc_error_set(err, st, NULL, NULL, 0, 0, "out of memory compiling %zu programs", nc);
	else {
		r->rep.rejected += r->shared.rejected;
		r->shared_cands = cands;
		st = run_step(r, STEP_BATTERY, idx, n, battery_job, err);
	}
	for (size_t w = 0; r->ev && w < r->threads; w++)
		arc_evaluator_free(r->ev[w]);
	free(r->ev);
	r->ev = NULL;
	evo_batch_free(&r->shared);
	r->shared_cands = NULL;
	evo_cands_free(cands, nc);
	return st;
}

/* The tasks no archived program explains before `step` of this round. */
static arc_status unexplained(evo_run *r, uint32_t step, const size_t *idx, size_t n,
                              size_t **out, size_t *nout, arc_error *err)
{
	*nout = 0;
	*out = malloc((n ? n : 1) * sizeof **out);
	if (!*out)
		return arc_error_set(err, ARC_E_NOMEM, NULL, NULL, 0, 0, "out of memory");
	arc_status st = ARC_OK;
	for (size_t i = 0; i < n && !st; i++) {
		const arc_task *t = arc_taskset_get(r->ts, idx[i]);
		arch_row *best;
		size_t nb;
		st = archive_best(r->a, t->id, r->round, step, 1, &best, &nb, err);
		if (!st && (!nb || best[0].sc.exact < (uint32_t)t->ntrain))
			(*out)[(*nout)++] = idx[i];
		if (!st)
			arch_rows_free(best, nb);
	}
	return st;
}

static arc_status search_step(evo_run *r, const size_t *idx, size_t n, arc_error *err)
{
	size_t *todo, ntodo;
	arc_status st = unexplained(r, STEP_SEARCH, idx, n, &todo, &ntodo, err);
	evo_search_out found = {0};
	evo_search_in in = {.ts = r->ts, .tasks = todo, .ntasks = ntodo, .seed = r->seed,
	                    .round = r->round, .limits = &r->o->limits, .threads = r->threads,
	                    .nodes = r->o->search_nodes};
	if (!st && ntodo && in.nodes)
		st = evolve_search(&in, &found, err);
	if (!st && found.n) {
		r->found = &found;
		st = run_step(r, STEP_SEARCH, todo, ntodo, search_job, err);
		r->found = NULL;
	}
	evo_search_out_free(&found);
	free(todo);
	return st;
}

/* ---- rounds ---- */

static arc_status do_step(evo_run *r, uint32_t step, const size_t *idx, size_t n,
                             arc_error *err)
{
	switch (step) {
	case STEP_BATTERY: return battery_step(r, idx, n, err);
	case STEP_SEARCH: return search_step(r, idx, n, err);
	default: return run_step(r, STEP_MUTATE, idx, n, mutate_job, err);
	}
}

/* Round r->round from the step after done_step. */
static arc_status run_round(evo_run *r, uint32_t done_step, const size_t *idx, size_t n,
                            arc_error *err)
{
	arc_status st = archive_round_start(r->a, r->round, r->seed, err);
	double t0 = now_s();
	for (uint32_t s = done_step + 1; s <= STEP_MUTATE && !st; s++) {
		double ts = now_s();
		st = do_step(r, s, idx, n, err);
		if (!st)
			st = archive_round_step(r->a, r->round, s, now_s() - ts, err);
	}
	r->rep.seconds = now_s() - t0;
	return st;
}

arc_status arc_evolve(arc_archive *a, const arc_taskset *ts, const size_t *idx, size_t n,
                      const arc_evolve_opts *opts, arc_error *err)
{
	if (!opts->keep)
		return arc_error_set(err, ARC_E_USAGE, NULL, NULL, 0, 0, "keep must be at least 1");
	uint32_t last, step;
	uint64_t seed;
	arc_status st = archive_last_round(a, &last, &seed, &step, err);
	uint32_t round = last && step < STEP_MUTATE ? last : last + 1;
	evo_run r = {.a = a, .ts = ts, .o = opts,
	             .threads = opts->threads ? opts->threads : pool_cpu_count()};
	for (; !st && round <= opts->rounds; round++) {
		r.round = round;
		/* a resumed round keeps its seed */
		r.seed = round == last || opts->archive_seed ? seed : opts->seed;
		r.rep = (arc_round_report){0};
		st = run_round(&r, round == last ? step : 0, idx, n, err);
		if (!st)
			st = archive_round_report(a, round, &r.rep, err);
		if (!st && opts->on_round)
			opts->on_round(opts->ud, &r.rep);
	}
	return st;
}
