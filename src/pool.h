/* pool.h — run N items on T worker threads. Workers claim items by index with an atomic
 * counter and write results into slots by index, so results never depend on the thread count. */
#ifndef ARC_POOL_H
#define ARC_POOL_H

#include <stddef.h>

/* Called once per item, on some worker (0 ≤ worker < threads); workers never share an item. */
typedef void (*pool_fn)(void *ctx, size_t worker, size_t item);

/* Run fn over items 0..n-1 on `threads` workers (the calling thread is worker 0). Returns the
 * number of threads used, or 0 if no thread could be started (then everything ran on the caller). */
size_t pool_run(size_t threads, size_t n, pool_fn fn, void *ctx);

/* The number of online processors (at least 1). */
size_t pool_cpu_count(void);

#endif
