/* cli.h — what the arcbatt subcommands share: messages, the default data set and battery,
 * loading with diagnostics. Each subcommand is `int cmd_NAME(int argc, char **argv)` in
 * cli/cmd_NAME.c and returns an exit status (arc_status). */
#ifndef ARCBATT_CLI_H
#define ARCBATT_CLI_H

#include "arcbatt.h"

int cmd_run(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_score(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_evolve(int argc, char **argv);
int cmd_archive(int argc, char **argv);

/* "arcbatt: message" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "arcbatt: " and the error (arc_error_print) on stderr. */
void cli_print_error(const arc_error *e);
/* Prints every error of d to stderr (cli_print_error). */
void cli_print_diag(const arc_diag *d);
/* The bundled data set and battery: $ARCBATT_DATA / $ARCBATT_BATTERY when set, else data/... and
 * batteries/ beside the executable's source tree (found from /proc/self/exe), else in the
 * current directory. The returned strings are static. */
const char *cli_default_data(void);
const char *cli_default_battery(void);
/* A file named on the command line: what it is ("-o", "DATA"), its path (NULL: none), and
 * for a directory input the suffix of the files read from it (".json"). */
typedef struct cli_file {
	const char *what, *path, *suffix;
} cli_file;
/* False, each clash reported, when an output names another output or an input, or would be
 * read as an input the next time (a *.json file written into a DATA directory). */
bool cli_outputs_ok(const char *cmd, const cli_file *outs, size_t nouts, const cli_file *ins,
                    size_t nins);
/* Loads a task set, printing problems; returns ARC_OK, ARC_E_INPUT (something skipped, *ts set
 * unless nothing could be loaded or opts->strict) or another status with *ts NULL. */
arc_status cli_load_tasks(const char *path, const arc_load_opts *opts, arc_taskset **ts);
/* Parses a number option strictly ("-t 1.5"); on error prints "option -t: ..." and returns false. */
bool cli_double(const char *opt, const char *text, double min, double max, double *out);
bool cli_size(const char *opt, const char *text, size_t min, size_t max, size_t *out);
/* Loads program files, directories (their *.py files in name order), and archives
 * (archive:FILE, the best program of each task; archive-all:FILE, every program) into a new battery,
 * printing every problem (cli_battery.c). Returns the worst status: ARC_OK, ARC_E_INPUT
 * (programs or, with strict, files left out), ARC_E_IO (a path unreadable); *b is set unless
 * memory ran out (ARC_E_NOMEM). */
arc_status cli_load_battery(const char *const *paths, size_t n, bool strict, arc_battery **b);

#endif
