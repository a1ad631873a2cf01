/* test_pool.c — every item runs exactly once, whatever the thread count. */
#include "testutil.h"

#include <stdatomic.h>

#include "pool.h"

typedef struct counts {
	atomic_int hits[1000];
	size_t max_worker;
	atomic_size_t seen_workers;
} counts;

static void count_item(void *ctx, size_t worker, size_t item)
{
	counts *c = ctx;
	atomic_fetch_add(&c->hits[item], 1);
	if (worker >= c->max_worker)
		atomic_fetch_add(&c->seen_workers, 1000000); /* a worker id out of range */
}

static void each_item_once(void **state)
{
	(void)state;
	static counts c;
	for (size_t threads = 1; threads <= 8; threads *= 2) {
		for (int k = 0; k < 1000; k++)
			atomic_store(&c.hits[k], 0);
		c.max_worker = threads;
		atomic_store(&c.seen_workers, 0);
		size_t used = pool_run(threads, 1000, count_item, &c);
		assert_true(used >= 1 && used <= threads);
		for (int k = 0; k < 1000; k++)
			assert_int_equal(atomic_load(&c.hits[k]), 1);
		assert_int_equal(atomic_load(&c.seen_workers), 0);
	}
	/* no items: nothing runs, no thread is left behind */
	assert_int_equal(pool_run(4, 0, count_item, &c), 1);
	assert_true(pool_cpu_count() >= 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(each_item_once)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
