/* task_json.h — ARC tasks from JSON text (jansson): one task file, or Kaggle's combined
 * challenges with their solutions. Internal: task_load.c builds the public task sets on it, and the
 * fuzz target calls it on bytes in memory. */
#ifndef ARC_TASK_JSON_H
#define ARC_TASK_JSON_H

#include <jansson.h>

#include "arcbatt.h"

/* A growable list of owned tasks. */
typedef struct task_list {
	arc_task *v; /* n tasks, in the order loaded */
	size_t n, cap;
} task_list;

void task_free(arc_task *t);
void task_list_free(task_list *l);

/* Fills g from a JSON list of rows (rectangular, 1..30 x 1..30, integers 0..9); ARC_E_INPUT with
 * err naming file and where on the first problem. */
arc_status task_json_grid(const json_t *j, arc_grid *g, const char *file, const char *where,
                          arc_error *err);

/* Parses the text of one file named `file`: a task object (its id is `id`) or, when the object's
 * values are task objects, a Kaggle challenges collection keyed by id. sol_text (may be NULL) is
 * a Kaggle solutions file named sol_file whose grids become the test outputs. Good tasks are
 * appended to out; each bad one is reported in diag (may be NULL) and skipped, or with strict ends
 * the parse. Returns ARC_OK, ARC_E_INPUT (something reported) or ARC_E_NOMEM. */
arc_status task_json_parse(const char *text, size_t len, const char *file, const char *id,
                           const char *sol_text, size_t sol_len, const char *sol_file,
                           bool strict, task_list *out, arc_diag *diag);

#endif
