/* fuzz_task_json.c — libFuzzer target for the task loader: the bytes as a task file or Kaggle
 * challenges, then as Kaggle solutions for a small fixed challenges text. Every outcome must be
 * ARC_OK, ARC_E_INPUT or ARC_E_NOMEM with one error per problem; sanitizers catch the rest. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "task_json.h"

static const char challenges[] =
	"{\"a\": {\"train\": [{\"input\": [[1]], \"output\": [[2]]}], \"test\": [{\"input\": [[3]]}]},"
	" \"b\": {\"train\": [{\"input\": [[1, 2]], \"output\": [[2, 1]]}],"
	" \"test\": [{\"input\": [[3]]}, {\"input\": [[4], [5]]}]}}";

static void check(const char *data, size_t size, const char *sol, size_t sol_len, bool strict)
{
	task_list l = {0};
	arc_diag d = {0};
	arc_status st;
	if (sol)
		st = task_json_parse(challenges, sizeof challenges - 1, "c.json", "c", sol, sol_len,
		                     "s.json", strict, &l, &d);
	else
		st = task_json_parse(data, size, "t.json", "t", NULL, 0, NULL, strict, &l, &d);
	if (st != ARC_OK && st != ARC_E_INPUT && st != ARC_E_NOMEM)
		abort();
	if ((st == ARC_OK) != (d.n == 0) || (strict && d.n > 1))
		abort();
	for (size_t i = 0; i < l.n; i++) {
		const arc_task *t = &l.v[i];
		if (t->ntrain < 1 || t->ntest < 1)
			abort();
		for (int k = 0; k < t->ntrain; k++)
			if (!t->train[k].has_output || t->train[k].output.h < 1 || t->train[k].input.w < 1)
				abort();
	}
	task_list_free(&l);
	arc_diag_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	check(text, size, NULL, 0, false);
	check(text, size, NULL, 0, true);
	check(NULL, 0, text, size, false);
	return 0;
}
