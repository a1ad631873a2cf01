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

/* The more serious of two statuses (the exit status when both happened). */
static inline arc_status cli_worst(arc_status a, arc_status b) { return a > b ? a : b; }
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
/* Appends s to the list (*list, *n entries, realloc'd); false when memory ran out. */
bool cli_push(const char ***list, size_t *n, const char *s);
/* Appends each comma-separated part of text ("-i a,b,c"), which is split in place. */
bool cli_push_split(const char ***list, size_t *n, char *text);
/* One option of a command, for cli_options. */
typedef enum cli_opt_kind {
	CLI_TEXT,   /* out is const char **: the argument */
	CLI_FLAG,   /* out is bool *: set to true */
	CLI_DOUBLE, /* out is double *: a number from min to max (cli_double) */
	CLI_SIZE,   /* out is size_t *: an integer from lo to hi (cli_size) */
	CLI_CALL,   /* call(out, argument) takes it: false after saying what is wrong */
} cli_opt_kind;

typedef struct cli_opt {
	const char *name;  /* the long name: "data" for --data */
	char letter;       /* the short name: 'd' for -d, or 0 for none */
	cli_opt_kind kind; /* what the option takes, and what out points to */
	void *out;         /* where the value goes */
	double min, max;   /* CLI_DOUBLE: the range accepted */
	size_t lo, hi;     /* CLI_SIZE: the range accepted */
	bool (*call)(void *out, char *arg); /* CLI_CALL */
} cli_opt;
#define CLI_OPT_TEXT(name, letter, out) {name, letter, CLI_TEXT, out, 0, 0, 0, 0, NULL}
#define CLI_OPT_FLAG(name, letter, out) {name, letter, CLI_FLAG, out, 0, 0, 0, 0, NULL}
#define CLI_OPT_DOUBLE(name, letter, out, min, max) \
	{name, letter, CLI_DOUBLE, out, min, max, 0, 0, NULL}
#define CLI_OPT_SIZE(name, letter, out, lo, hi) {name, letter, CLI_SIZE, out, 0, 0, lo, hi, NULL}
#define CLI_OPT_CALL(name, letter, out, call) {name, letter, CLI_CALL, out, 0, 0, 0, 0, call}
/* -t SECONDS for CLI_OPT_CALL: out is arc_limits *, set to arc_limits_for_seconds (1e-6..86400). */
bool cli_take_seconds(void *out, char *arg);
#define CLI_OPT_SECONDS(out) CLI_OPT_CALL("timeout", 't', out, cli_take_seconds)

/* Parses the options of argv (from argv[1], getopt_long) by the table opts[0..n), with -h and
 * --help added (usage(stdout)); the operands are left in argv[optind..argc). Returns ARC_OK,
 * -1 after --help, or ARC_E_USAGE: a bad value is named (cli_double, cli_size, call), an
 * unknown option is followed by usage(stderr). */
int cli_options(int argc, char **argv, const cli_opt *opts, size_t n, void (*usage)(FILE *out));
/* Loads program files, directories (their *.py files in name order), and archives
 * (archive:FILE, the best program of each task; archive-all:FILE, every program) into a new battery,
 * printing every problem (cli_battery.c). Returns the worst status: ARC_OK, ARC_E_INPUT
 * (programs or, with strict, files left out), ARC_E_IO (a path unreadable); *b is set unless
 * memory ran out (ARC_E_NOMEM). */
arc_status cli_load_battery(const char *const *paths, size_t n, bool strict, arc_battery **b);
/* The same for a command's n FILE operands, or the default battery when there are none (check,
 * eval). */
arc_status cli_load_operands(int n, char **files, bool strict, arc_battery **b);

#endif
