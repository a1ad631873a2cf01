/* fuzz_parse.c — libFuzzer target for the program parser and the battery graph: the bytes as a
 * program file, loaded leniently and strictly, loaded twice (the second time every program is a
 * duplicate and no node is added), then every loaded program run on a small grid under tight
 * limits. Statuses and diagnostics must be consistent; sanitizers catch the rest. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arcbatt.h"

static void check_diag(const arc_diag *d)
{
	for (size_t i = 0; i < d->n; i++) {
		const arc_error *e = &d->items[i];
		if (e->code == ARC_E_INPUT && (e->line < 1 || e->column < 1 || !e->message[0]))
			abort();
		if (strcmp(e->file, "f.py"))
			abort();
	}
}

static void run(const arc_battery *b)
{
	static const arc_grid in = {.h = 3, .w = 4, .cell = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1}};
	arc_limits lim = {.timeout_s = 1, .mem_bytes = 4 << 20, .steps = 100000};
	size_t n = arc_battery_count(b);
	arc_evaluator *ev = arc_evaluator_new(b, &lim);
	arc_outcome *out = malloc((n ? n : 1) * sizeof *out);
	if (ev && out) {
		if (arc_evaluator_run(ev, &in, NULL, out) != ARC_OK)
			abort();
		if (arc_evaluator_computed(ev) > arc_battery_calls(b))
			abort();
		for (size_t i = 0; i < n; i++)
			if ((out[i].status == ARC_EVAL_OK) != !out[i].reason[0] ||
			    (out[i].status == ARC_EVAL_OK && (out[i].grid.h < 1 || out[i].grid.w < 1)))
				abort();
	}
	free(out);
	arc_evaluator_free(ev);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	for (int strict = 0; strict < 2; strict++) {
		arc_battery *b = arc_battery_new();
		arc_diag d = {0};
		arc_status st = arc_battery_add_text(b, "f.py", text, size, strict, &d);
		if (st != ARC_OK && st != ARC_E_INPUT && st != ARC_E_NOMEM)
			abort();
		if ((st == ARC_OK) != (d.n == 0) || (strict && st != ARC_OK && arc_battery_count(b)))
			abort();
		check_diag(&d);
		size_t count = arc_battery_count(b), nodes = arc_battery_calls(b);
		for (size_t i = 0; i < count; i++)
			if (arc_battery_program_size(b, i) < 1 || arc_battery_find(b, arc_battery_name(b, i)) != i)
				abort();
		if (!strict) {
			arc_diag d2 = {0};
			st = arc_battery_add_text(b, "f.py", text, size, false, &d2);
			if (arc_battery_count(b) != count || arc_battery_calls(b) != nodes ||
			    (count && st == ARC_OK))
				abort();
			arc_diag_free(&d2);
			run(b);
		}
		arc_diag_free(&d);
		arc_battery_free(b);
	}
	return 0;
}
