/* pool.c — a minimal fork-join pool over pthreads: no queues, one atomic item counter. */
#include "pool.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct pool_job {
	pool_fn fn;
	void *ctx;
	size_t n;
	atomic_size_t next;
} pool_job;

typedef struct pool_worker {
	pool_job *job;
	size_t id;
	pthread_t thread;
} pool_worker;

static void drain(pool_job *job, size_t worker)
{
	size_t k;
	while ((k = atomic_fetch_add_explicit(&job->next, 1, memory_order_relaxed)) < job->n)
		job->fn(job->ctx, worker, k);
}

static void *worker_main(void *arg)
{
	pool_worker *w = arg;
	drain(w->job, w->id);
	return NULL;
}

size_t pool_run(size_t threads, size_t n, pool_fn fn, void *ctx)
{
	pool_job job = {.fn = fn, .ctx = ctx, .n = n};
	atomic_init(&job.next, 0);
	if (threads > n)
		threads = n ? n : 1;
	pool_worker *w = threads > 1 ? calloc(threads, sizeof *w) : NULL;
	size_t started = 1;
	for (size_t t = 1; w && t < threads; t++) {
		w[t] = (pool_worker){.job = &job, .id = t};
		if (pthread_create(&w[t].thread, NULL, worker_main, &w[t]) != 0)
			break;
		started++;
	}
	drain(&job, 0);
	for (size_t t = 1; t < started; t++)
		pthread_join(w[t].thread, NULL);
	free(w);
	return started;
}

size_t pool_cpu_count(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (size_t)n : 1;
}
