/* arcbatt.h — the public API of libarcbatt: ARC tasks, arc-dsl programs and batteries, the
 * battery runner, scoring and submissions. Opaque handles, plain parameter structs, statuses.
 * Every call that can fail returns an arc_status and fills a caller-provided arc_error. */
#ifndef ARCBATT_H
#define ARCBATT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ARCBATT_VERSION "0.1.0"

/* ---- statuses and errors ---- */

/* Also the exit statuses of the arcbatt command. */
typedef enum arc_status {
	ARC_OK = 0,
	ARC_E_USAGE = 1,    /* bad command line or parameters */
	ARC_E_INPUT = 2,    /* bad input data: a task, a program, a submission (something skipped) */
	ARC_E_IO = 3,       /* a file could not be read or written */
	ARC_E_NOMEM = 4,    /* out of memory */
	ARC_E_INTERNAL = 5, /* a bug: an invariant broke */
} arc_status;

typedef struct arc_error {
	arc_status code;
	char file[512];    /* the file concerned, or "" */
	char where[160];   /* task id and pair ("007bbfb7 train[2].output"), program name, or "" */
	int line, column;  /* 1-based position in the file; 0 when there is none */
	char message[512]; /* what was found and what was expected */
} arc_error;

/* A list of errors, for loaders that report every problem rather than the first. */
typedef struct arc_diag {
	arc_error *items; /* n errors, in the order found */
	size_t n, cap;
} arc_diag;

void arc_diag_free(arc_diag *d);
/* Appends a copy of e (ARC_E_NOMEM if it cannot grow). */
arc_status arc_diag_push(arc_diag *d, const arc_error *e);
/* Fills e; file and where may be NULL. Returns code, so `return arc_error_set(...)` reads well. */
arc_status arc_error_set(arc_error *e, arc_status code, const char *file, const char *where,
                         int line, int column, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));
const char *arc_status_name(arc_status s); /* "ok", "usage error", "input error", ... */
/* "file:line:column: where: message" (parts that are empty are left out). */
void arc_error_print(const arc_error *e, FILE *out);

/* ---- grids and tasks ---- */

#define ARC_GRID_MAX 30
typedef struct arc_grid {
	uint8_t h, w;                                /* 1..30 each in task data */
	uint8_t cell[ARC_GRID_MAX * ARC_GRID_MAX];   /* row-major, colours 0..9 */
} arc_grid;

/* Same shape and same cells. */
bool arc_grid_equal(const arc_grid *a, const arc_grid *b);
/* g as a JSON list of rows, "[[0, 1], [2, 3]]": the form of every grid the library writes
 * (submission.json, the runner's report) and arcbatt check's report. */
void arc_grid_write_json(FILE *f, const arc_grid *g);
/* s as a JSON string: quotes, backslashes and control characters escaped. */
void arc_json_write_string(FILE *f, const char *s);

typedef struct arc_pair {
	arc_grid input;
	arc_grid output;  /* valid when has_output */
	bool has_output;  /* test outputs are known only with solutions */
} arc_pair;

typedef struct arc_task {
	char id[64];      /* e.g. "007bbfb7" */
	arc_pair *train;  /* ntrain ≥ 1 demonstration pairs */
	arc_pair *test;   /* ntest ≥ 1 test pairs */
	int ntrain, ntest; /* each at most ARC_TASK_MAX_PAIRS */
} arc_task;

/* ---- output files (fileout.c) ---- */

/* Writes path through a temporary file beside it, flushed, synced and renamed, so that it is
 * never half-written: `write` puts the content on f and returns false to give up (then nothing
 * is written and the result is ARC_E_IO). */
arc_status arc_write_file(const char *path, bool (*write)(FILE *f, void *ud), void *ud,
                          arc_error *err);

/* ---- drawing grids in a terminal (draw.c) ---- */

typedef enum arc_color_mode {
	ARC_COLOR_NONE,      /* digits */
	ARC_COLOR_256,       /* ANSI 256-colour backgrounds */
	ARC_COLOR_TRUECOLOR, /* 24-bit backgrounds */
} arc_color_mode;

/* The mode for a stream: NONE unless it is a terminal (and NO_COLOR is unset); TRUECOLOR when
 * COLORTERM says so. */
arc_color_mode arc_color_mode_for(FILE *f);
/* Draws n grids side by side, each under its title; a NULL grid draws as its title alone. */
void arc_draw_row(FILE *out, const arc_grid *const *grids, const char *const *titles, int n,
                  arc_color_mode mode);

/* ---- task sets (task_*.c) ---- */

/* Tasks loaded from (a) a directory of <id>.json files, (b) one task file, or (c) Kaggle's
 * combined *_challenges.json (with the matching *_solutions.json, given or found beside it).
 * Tasks are kept sorted by id. */
typedef struct arc_taskset arc_taskset;

/* Task files (and program files) larger than this are refused unless a caller raises it:
 * the bundled Kaggle challenges file is under 1 MiB. */
#define ARC_TASK_FILE_MAX ((size_t)64 << 20)
/* Train (and test) pairs per task: a task with more is refused with an error saying so. Scores
 * count pairs in 32 bits; the runner holds one outcome (about 1 KiB) per train pair and
 * program, so this also bounds a task's memory. ARC tasks have at most a dozen. */
#define ARC_TASK_MAX_PAIRS 100000

typedef struct arc_load_opts {
	const char *solutions; /* Kaggle solutions file, or NULL to look beside the challenges */
	bool strict;           /* stop at the first bad task instead of skipping it */
	size_t max_file_bytes; /* larger files are refused (reported, skipped); 0: ARC_TASK_FILE_MAX */
} arc_load_opts;

/* Loads PATH. Bad files and tasks are reported in diag (one error each) and skipped; the result
 * is ARC_E_INPUT when something was skipped (*out still holds the good tasks), ARC_E_IO when PATH
 * cannot be read. diag may be NULL. */
arc_status arc_taskset_load(const char *path, const arc_load_opts *opts, arc_taskset **out,
                            arc_diag *diag);
size_t arc_taskset_count(const arc_taskset *ts);
const arc_task *arc_taskset_get(const arc_taskset *ts, size_t i); /* i-th by sorted id */
const arc_task *arc_taskset_find(const arc_taskset *ts, const char *id); /* NULL if absent */
void arc_taskset_free(arc_taskset *ts);

/* Which tasks a command works on. ids (nids > 0) wins; else sample > 0 draws `sample` tasks with
 * `seed` (same seed, same tasks); else the slice [start, start + count) of the sorted ids
 * (count 0 = to the end). */
typedef struct arc_selection {
	const char *const *ids;
	size_t nids;
	size_t start, count;
	size_t sample;
	uint64_t seed;
} arc_selection;

/* Fills idx (malloc'd, *n entries, increasing) with the selected task indices. Unknown ids or a
 * slice outside the set: ARC_E_USAGE naming them. */
arc_status arc_taskset_select(const arc_taskset *ts, const arc_selection *sel, size_t **idx,
                              size_t *n, arc_error *err);

/* ---- submissions and scoring (submission.c, score.c) ---- */

/* Kaggle's submission.json: per task id, per test input, {"attempt_1": g, "attempt_2": g}.
 * Tasks appear in id order; a task added with arc_submission_add starts with both attempts set
 * to its test inputs (the fallback). */
typedef struct arc_submission arc_submission;

arc_submission *arc_submission_new(void);
arc_status arc_submission_add(arc_submission *s, const arc_task *t);
/* attempt is 1 or 2; test is the test pair's index. ARC_E_USAGE if the task or pair is unknown. */
arc_status arc_submission_set(arc_submission *s, const char *task_id, int test, int attempt,
                              const arc_grid *g);
const arc_grid *arc_submission_get(const arc_submission *s, const char *task_id, int test,
                                   int attempt);
/* Written to a temporary file beside path, flushed, then renamed: never half-written. */
arc_status arc_submission_write(const arc_submission *s, const char *path, arc_error *err);
arc_status arc_submission_load(const char *path, arc_submission **out, arc_error *err);
void arc_submission_free(arc_submission *s);

typedef struct arc_task_score {
	char id[64];
	int ntest, matched; /* test outputs, and those matched by either attempt */
	double score;       /* matched / ntest */
} arc_task_score;

typedef struct arc_score {
	size_t ntasks, solved; /* tasks scored (those with solutions), fully solved tasks */
	double total;          /* sum of task scores (Kaggle's score is total / ntasks) */
	arc_task_score *tasks; /* ntasks entries, in id order */
} arc_score;

/* Scores s against the known test outputs of `solutions` (tasks with has_output). A submitted
 * task without solutions, or a solved task missing from s, is ARC_E_INPUT naming it. */
arc_status arc_score_submission(const arc_submission *s, const arc_taskset *solutions,
                                arc_score *out, arc_error *err);
void arc_score_free(arc_score *sc);

/* ---- programs and batteries (prog_parse.c, battery*.c) ---- */

/* A battery: arc-dsl solver programs (def solve_<name>(I): ... return O) loaded from files,
 * hash-consed into one graph in which identical calls are computed once. */
typedef struct arc_battery arc_battery;

arc_battery *arc_battery_new(void);
/* Loads every program of a file, or of each *.py file of a directory in name order. Programs
 * with errors are reported in diag (all errors, with file:line:column) and left out; the others
 * are added. A file of a directory that cannot be read (a directory named x.py, a FIFO, a file
 * over ARC_TASK_FILE_MAX, a symlink loop, no permission) is reported and skipped too: ARC_E_INPUT
 * when something was left out (with strict, nothing of that file is added and the directory's
 * later files are not read), ARC_E_IO when path itself cannot be read. */
arc_status arc_battery_add_file(arc_battery *b, const char *path, bool strict, arc_diag *diag);
/* The same for program text in memory; name stands for the file in messages. */
arc_status arc_battery_add_text(arc_battery *b, const char *name, const char *text, size_t len,
                                bool strict, arc_diag *diag);
size_t arc_battery_count(const arc_battery *b);
const char *arc_battery_name(const arc_battery *b, size_t i);  /* "solve_007bbfb7" */
const char *arc_battery_file(const arc_battery *b, size_t i);  /* the file it came from */
size_t arc_battery_program_size(const arc_battery *b, size_t i); /* its instructions */
size_t arc_battery_find(const arc_battery *b, const char *name); /* index, or SIZE_MAX */
/* Calls (instructions) in the graph, identical calls of different programs merged into one,
 * and in all programs before merging: what one input costs with and without the merge. */
size_t arc_battery_calls(const arc_battery *b);
size_t arc_battery_calls_unmerged(const arc_battery *b);
void arc_battery_free(arc_battery *b);

/* Limits of one program on one input (an "evaluation"). The step budget and the memory limit
 * decide every result: they count work units and bytes, never time, so a run gives the same
 * bytes on any machine, under any load and for any thread count. A program's work and memory
 * are the sums over its distinct lines, a line shared with other programs of the battery
 * counted in full for each, so they do not depend on the rest of the battery either. The
 * wall clock is only a backstop against a work unit that takes far longer than it should: it
 * never fires in a healthy run, and when it does the outcome is ARC_EVAL_TIMEOUT (counted
 * apart, since only those results may vary between runs). arc_limits_for_seconds turns a time
 * allowance into both. Memory per worker is mem_bytes plus about 1 MiB, and in the runner its
 * outcome buffers (arc_run_opts.buffer_bytes). */
typedef struct arc_limits {
	double timeout_s;   /* wall-clock backstop per program and input (0: none) */
	size_t mem_bytes;   /* bytes one program may allocate on one input, scratch included */
	uint64_t steps;     /* work units one program may spend on one input */
} arc_limits;
/* Work units per second that a work unit is calibrated to on one core of the reference
 * machine (bench/eval.c prints the rate of the training battery). */
#define ARC_STEPS_PER_SECOND 10000000.0
/* How many times the time allowance the backstop waits before it fires. */
#define ARC_BACKSTOP_FACTOR 10.0
#define ARC_LIMITS_DEFAULT ((arc_limits){.timeout_s = 20.1, .mem_bytes = 256u << 20, .steps = 20000000})
/* Limits for a time allowance of s seconds: s * ARC_STEPS_PER_SECOND steps (at least 1), the
 * backstop at ARC_BACKSTOP_FACTOR * s (plus a tenth of a second for the clock's grain), and
 * the default memory limit. */
arc_limits arc_limits_for_seconds(double s);

typedef enum arc_eval_status {
	ARC_EVAL_OK,       /* the program returned a grid: outcome.grid */
	ARC_EVAL_ERROR,    /* a primitive failed (the reference would raise) */
	ARC_EVAL_NOT_GRID, /* the program returned something that is not a 1..30 x 1..30 grid */
	ARC_EVAL_LIMIT,    /* memory or step limit */
	ARC_EVAL_TIMEOUT,  /* the wall-clock backstop fired (arc_limits) */
	ARC_EVAL_SKIPPED,  /* not asked for (active[i] false) */
} arc_eval_status;

typedef struct arc_outcome {
	arc_eval_status status;
	char reason[120]; /* when it failed: "ValueError in argmax (line 4)", "" otherwise */
	arc_grid grid;    /* when ARC_EVAL_OK */
} arc_outcome;

/* One evaluator per worker thread: it owns the evaluation arena and the node values. */
typedef struct arc_evaluator arc_evaluator;

arc_evaluator *arc_evaluator_new(const arc_battery *b, const arc_limits *lim);
/* Runs the programs i with active[i] (all when active is NULL) on input; fills out[0..count).
 * Each node is evaluated at most once; a failed node fails only the programs that use it. */
arc_status arc_evaluator_run(arc_evaluator *ev, const arc_grid *input, const bool *active,
                             arc_outcome *out);
uint64_t arc_evaluator_computed(const arc_evaluator *ev); /* nodes evaluated by the last run */
/* Work units (the evaluator's deterministic step counts) that program prog's instructions took
 * in the last run, a call shared with other programs counted in full: a cost that does not
 * depend on the clock, the machine or the rest of the battery. Meaningful when prog was run. */
uint64_t arc_evaluator_work(const arc_evaluator *ev, size_t prog);
/* Bytes (at their peaks, scratch included) that program prog's distinct instructions took in
 * the last run: what its memory limit is checked against. Meaningful when prog was run. */
size_t arc_evaluator_bytes(const arc_evaluator *ev, size_t prog);
void arc_evaluator_free(arc_evaluator *ev);

/* ---- batch backends (batch.c, src/backend/: backend.c, cpu.c, cuda/) ---- */

/* Where batches of grid work (scoring, grid programs) run. AUTO: on the GPU when one is there
 * and the batch is large enough to win there (README, "Batch backends"), else on the CPU. */
typedef enum arc_backend_kind {
	ARC_BACKEND_AUTO,
	ARC_BACKEND_CPU,
	ARC_BACKEND_CUDA,
} arc_backend_kind;

/* Whether kind can run here: AUTO and CPU always; CUDA needs a build with CUDA=1 and a device.
 * When it cannot, why (n bytes, may be NULL) says so in one line. */
bool arc_backend_available(arc_backend_kind kind, char *why, size_t n);

/* What went through the batch accumulator: over one task, or a whole run. */
typedef struct arc_batch_stats {
	uint64_t added;      /* items queued */
	uint64_t processed;  /* items the backend ran */
	uint64_t batches;    /* backend runs */
	uint64_t bytes_to;   /* bytes copied host -> device */
	uint64_t bytes_from; /* bytes copied device -> host */
	double backend_s;    /* wall time inside the backend */
} arc_batch_stats;

/* ---- the search (search*.c): programs found from scratch for tasks no program explains ---- */

/* Ingredients of the search, each switchable (arc_search_opts.features). */
enum arc_search_feature {
	/* colour parameters of the grid ops only from the colours of the task's grids */
	ARC_SEARCH_TASK_COLORS = 1u << 0,
	/* a state is expanded best first within its depth (train pairs, closeness) */
	ARC_SEARCH_BEST_FIRST = 1u << 1,
	/* where no program reproduces every train output, two stacked (one's non-zero cells
	 * over the other) that do */
	ARC_SEARCH_COMPOSE = 1u << 2,
	/* the enumeration layer: general arc-dsl programs bottom up (enum.c), before the grid
	 * layer, on a fifth of the task's nodes (and of its time under a clock): measured best of
	 * 0.5, 0.2 and off (bench/search) */
	ARC_SEARCH_ENUM = 1u << 3,
	/* colour parameters of the grid ops may also be roles resolved on the op's input: its
	 * most and its least common colour (printed as mostcolor / leastcolor lines); bench/search
	 * 73.50 -> 75.50 at 20000 nodes, 80.50 -> 84.50 at 200000 */
	ARC_SEARCH_COLOR_ROLES = 1u << 4,
	/* the enumeration layer also searches the task under the rigid transforms dmirror,
	 * hmirror, vmirror of every grid (augmentation) where the task itself gives no solution: a
	 * program P found there is t(I), P, then t's inverse on the task itself; bench/search
	 * 75.50 -> 77.50 at 20000 nodes, 84.50 either way at 200000 */
	ARC_SEARCH_AUGMENT = 1u << 5,
	/* where no program reproduces every train output, a state of the grid layer whose
	 * results map onto them by one colour map, recoloured by it (search_recolor.c) */
	ARC_SEARCH_RECOLOR = 1u << 6,
	/* where no program reproduces every train output, the objects of the inputs (or their
	 * background's regions) recoloured by a map over one feature of theirs, read from the
	 * train pairs (search_objmap.c) */
	ARC_SEARCH_OBJMAP = 1u << 7,
	/* the output's shape deduced first: where every train output has its input's shape, the
	 * grid layer keeps, past depth 1, only the ops that kept every input's shape at depth 1,
	 * and expands only the states of the inputs' shapes */
	ARC_SEARCH_SHAPE = 1u << 8,
	/* a task's search ends once a program reproduces every train pair: the grid layer after
	 * the depth that found it, the layers after the one that found it skipped */
	ARC_SEARCH_STOP = 1u << 9,
};
/* The default ingredients: those that add tasks (bench/search). */
#define ARC_SEARCH_FEATURES_ALL                                                       \
	(ARC_SEARCH_TASK_COLORS | ARC_SEARCH_BEST_FIRST | ARC_SEARCH_COMPOSE | ARC_SEARCH_ENUM | \
	 ARC_SEARCH_COLOR_ROLES | ARC_SEARCH_AUGMENT | ARC_SEARCH_RECOLOR | ARC_SEARCH_OBJMAP | \
	 ARC_SEARCH_SHAPE | ARC_SEARCH_STOP)

/* Feature bit k's name ("colors", "best-first", ...: those of --search-features), or NULL
 * past the last feature. */
const char *arc_search_feature_name(unsigned k);
/* Parses a comma-separated list of feature names, or "none", into *features; else ARC_E_USAGE
 * naming the word and the names expected. */
arc_status arc_search_features_parse(const char *text, unsigned *features, arc_error *err);

/* The search's budget and knobs, per task. The unit of `nodes` is one candidate program
 * evaluated on every input of the task (train and test): the same nodes give the same bytes on
 * any thread count, backend and batch size. `seconds` and `time_budget` are wall-clock limits:
 * where they end a search, results depend on the machine and its load. */
typedef struct arc_search_opts {
	uint64_t nodes;        /* candidates per task; 0: no search */
	double seconds;        /* wall clock per task; 0: no limit */
	double time_budget;    /* wall clock for the whole run's search, shared out over the tasks
	                          still to search; 0: no limit */
	size_t memory;         /* bytes of tables (values kept for observational equivalence) per
	                          task; reaching it ends that task's search with what it found */
	unsigned features;     /* arc_search_feature bits */
	unsigned max_depth;    /* grid ops per program, 1..4 */
	size_t keep;           /* candidates per task handed to the runner */
	size_t batch_items;    /* items per backend batch; 0: the default (results do not depend
	                          on it) */
	bool all_tasks;        /* search every task, not only those the battery leaves unexplained */
} arc_search_opts;
/* The default run's search: small (about 0.05 s a task here), deterministic (no clock). */
#define ARC_SEARCH_NODES_DEFAULT 20000
#define ARC_SEARCH_MEMORY_DEFAULT ((size_t)1 << 30) /* 1 GiB: 16 GB with 4 cores busy, ample */
#define ARC_SEARCH_DEFAULT                                                                     \
	((arc_search_opts){.nodes = ARC_SEARCH_NODES_DEFAULT, .memory = ARC_SEARCH_MEMORY_DEFAULT, \
	                   .features = ARC_SEARCH_FEATURES_ALL, .max_depth = 3, .keep = 8})

/* What a search did (one task, or a run's sum). */
typedef struct arc_search_stats {
	uint64_t tasks;        /* tasks searched */
	uint64_t evaluated;    /* candidates evaluated on every input (the nodes spent) */
	uint64_t applied;      /* grid programs applied to one input (backend items) */
	uint64_t distinct;     /* distinct values kept (observational equivalence) */
	uint64_t found;        /* candidates handed to the runner */
	uint64_t solutions;    /* of those, reproducing every train pair */
	uint64_t memory_hit;   /* searches ended by the memory cap */
	uint64_t time_hit;     /* searches ended by a wall-clock limit */
	uint32_t depth;        /* deepest depth expanded (max over tasks) */
	double seconds;        /* wall time searching (summed over tasks) */
	double cpu_seconds;    /* thread CPU time searching (summed over tasks) */
} arc_search_stats;

/* ---- the battery runner (run.c, run_rank.c, run_report.c) ---- */

/* How one program did on one task's demonstrations. */
typedef struct arc_program_score {
	uint32_t program;   /* index in the battery */
	uint32_t size;      /* its instructions (fewer ranks first on ties) */
	uint32_t exact;     /* train pairs reproduced exactly */
	uint32_t failed;    /* train pairs on which it failed (errors, limits, not a grid) */
	uint32_t timeouts;  /* of those, wall-clock backstop timeouts */
	double closeness;   /* mean over train pairs of arc_closeness (0 for a failure) */
} arc_program_score;

/* One test prediction: the two attempts, and the programs that produced them (-1: fallback,
 * the test input). */
typedef struct arc_prediction {
	arc_grid attempt[2];
	int32_t source[2];
} arc_prediction;

typedef struct arc_task_result {
	const arc_task *task;
	arc_program_score *ranked; /* every program, best first (see arc_rank_compare) */
	size_t nranked;
	arc_prediction *pred;      /* task->ntest entries */
	double eval_s, score_s;    /* thread time spent evaluating and scoring this task */
	uint64_t evals;            /* program-input evaluations */
	uint32_t groups;           /* train inputs were evaluated and scored in this many groups:
	                            * as many inputs at a time as the worker's buffers hold */
	size_t buffer_bytes;       /* the runner's outcome buffers this task needed at once */
	bool buffer_short;         /* one input's outcomes did not fit arc_run_opts.buffer_bytes:
	                            * every program failed with a limit on every train pair (nothing
	                            * evaluated), the predictions fall back to the test inputs */
	arc_batch_stats batch;     /* this task's scoring through the batch accumulator */
	arc_search_stats search;   /* arc_run_search: this task's search (zero when not searched) */
} arc_task_result;

/* The default of arc_run_opts.buffer_bytes: one input's outcomes of about 31,000 programs
 * (a battery of 300 programs on 100 train inputs at once). */
#define ARC_RUN_BUFFER_DEFAULT ((size_t)32 << 20)

typedef struct arc_run_opts {
	arc_limits limits;
	size_t threads; /* 0: one per core */
	/* Called after each task from the worker that finished it (serialised by the runner). */
	void (*progress)(void *ud, size_t done, size_t total);
	void *progress_ud;
	arc_backend_kind backend; /* where scoring batches run (a CUDA that is absent: the CPU) */
	size_t batch_size;        /* items per batch; 0: the default */
	/* Bytes of one worker's outcome buffers (an outcome and a score per program and input;
	 * 0: ARC_RUN_BUFFER_DEFAULT): a task's train inputs are run in groups that fit, and a task
	 * whose one input does not fit fails (arc_task_result.buffer_short). With the arena
	 * (arc_limits), the batch queue and the evaluator's per-node arrays, this bounds memory per
	 * worker whatever the task's pair count. */
	size_t buffer_bytes;
	bool report_stats;        /* arc_report_write adds the batch statistics (not deterministic) */
	/* Per battery program, the task (index into the task set) it is run on, SIZE_MAX: every
	 * task; NULL: every program on every task. Search programs are their task's only. */
	const size_t *scope;
	arc_search_opts search;   /* arc_run_search: the search after the battery (nodes 0: none) */
	/* arc_run_search: when not NULL, every program found is written to this solver file
	 * (each task's first as solve_<id>, the others solve_<id>_<k>), which `arcbatt check`
	 * runs; written via a temporary file and renamed. */
	const char *search_out;
	/* arc_run_search: called after each task searched (serialised), like progress. */
	void (*search_progress)(void *ud, size_t done, size_t total);
} arc_run_opts;

typedef struct arc_run {
	arc_task_result *tasks; /* in selection order */
	size_t ntasks;
	size_t threads;         /* workers used */
	double wall_s;          /* of the parallel section */
	char backend[16];       /* the backend that was opened: "cpu", "cuda" or "auto" */
	size_t batch_size;      /* items per batch used */
	arc_batch_stats batch;  /* the sum over the tasks */
	bool report_stats;      /* from arc_run_opts */
	arc_search_stats search;/* arc_run_search: the sum over the tasks searched */
	double search_wall_s;   /* arc_run_search: wall time of the search phase */
} arc_run;

/* Closeness of a grid to the expected one, in [0, 1], 1 iff equal: the mean of three terms —
 * shape (1 if equal, else min(h)/max(h) * min(w)/max(w)), cells (equal cells over the
 * top-left-aligned overlap, divided by the expected area) and palette (Jaccard index of the two
 * colour sets). */
double arc_closeness(const arc_grid *got, const arc_grid *want);
/* Ranking: more exact train pairs first, then higher closeness, then smaller program, then
 * program name, then index. A total order: results never depend on thread timing. */
int arc_rank_compare(const arc_program_score *a, const arc_program_score *b,
                     const arc_battery *bat);

/* Runs every program of b on every train and test input of the selected tasks, scores and ranks
 * them, and predicts each test output (the two best distinct outputs in rank order). */
arc_status arc_run_battery(const arc_battery *b, const arc_taskset *ts, const size_t *idx,
                           size_t n, const arc_run_opts *opts, arc_run **out, arc_error *err);
void arc_run_free(arc_run *r);
/* The main job: the battery b on the tasks (arc_run_battery), then the search (opts->search)
 * on the tasks it leaves unexplained (every task with search.all_tasks); the programs found
 * for a task are added to b as search_<task id>_<k>, scoped to that task, and the task is run
 * again with them, so its predictions come from their printed text like any program's. b may
 * start empty (the search alone). */
arc_status arc_run_search(arc_battery *b, const arc_taskset *ts, const size_t *idx, size_t n,
                          const arc_run_opts *opts, arc_run **out, arc_error *err);
/* The report JSON (stable key order, no timings: same input, same bytes): per task the best
 * `top` programs with their scores and the predictions with their programs and, where the test
 * outputs are known (from `solutions` when not NULL, else from the tasks), whether they are
 * right, and whether the task is solved (null when no output is known); totals at the end
 * (arc_run_count). Written via a temporary file and renamed. */
arc_status arc_report_write(const arc_run *r, const arc_battery *b, const arc_taskset *solutions,
                            size_t top, const char *path, arc_error *err);
/* A run's totals: tasks, tasks with a program reproducing every train pair ("explained"),
 * tasks with some test output known ("scored"), those whose known outputs are all matched
 * ("solved"), and the Kaggle score (sum over scored tasks of the share of their known test
 * outputs matched by either attempt), by the rule arc_score_submission applies. Outputs are
 * known from `solutions` when not NULL, else from the tasks. */
typedef struct arc_run_tally {
	size_t tasks, explained, scored, solved;
	double score;
} arc_run_tally;
arc_run_tally arc_run_count(const arc_run *r, const arc_taskset *solutions);
/* The run's predictions as a submission (tasks in id order). NULL when out of memory. */
arc_submission *arc_run_submission(const arc_run *r);

/* ---- the archive of programs (archive*.c, archive.sql) ---- */

/* An SQLite database (WAL mode) of programs, each stored once by its canonical text, and per
 * task the programs that scored there with their scores, cost and round (docs/ARCHITECTURE.md,
 * "The archive"). One writer at a time (others are refused); readers may read while it writes
 * and see what it has committed. A run killed at any moment loses only its open transaction. */
typedef struct arc_archive arc_archive;

/* The archive commands use $ARCBATT_ARCHIVE, else this file in the current directory. */
#define ARC_ARCHIVE_DEFAULT "arcbatt-archive.db"
#define ARC_ARCHIVE_SCHEMA 1 /* the schema version this library reads and writes */

/* Where an archived program came from. */
typedef enum arc_origin {
	ARC_ORIGIN_WRITTEN,    /* a battery program written by someone */
	ARC_ORIGIN_ENUMERATED, /* found by the search */
	ARC_ORIGIN_MUTATED,    /* made from another archived program */
	ARC_ORIGIN_COUNT
} arc_origin;
const char *arc_origin_name(arc_origin o); /* "written", "enumerated", "mutated" */

/* Opens an archive. write: created when absent, migrated from an older schema, and held against
 * other writers until closed; else (read only) it must exist with schema ARC_ARCHIVE_SCHEMA.
 * Anything else (not SQLite, not an archive, a newer schema, in use) is ARC_E_INPUT or ARC_E_IO
 * saying so. */
arc_status arc_archive_open(const char *path, bool write, arc_archive **out, arc_error *err);
void arc_archive_close(arc_archive *a);

/* Counts over an archive. A task's best program is its first by: train pairs reproduced (more
 * first), closeness (higher), size (smaller), cost (lower), hash. */
typedef struct arc_archive_stats {
	size_t programs;                     /* distinct programs */
	size_t by_origin[ARC_ORIGIN_COUNT];  /* of those, by origin */
	size_t scores;                       /* (task, program) rows */
	size_t tasks;                        /* tasks with at least one program ("covered") */
	size_t explained;                    /* tasks whose best program reproduces every train pair */
	size_t known;                        /* tasks whose test outputs are known */
	size_t solved;                       /* of those, tasks whose best program gets them all right */
	size_t solved_by_origin[ARC_ORIGIN_COUNT]; /* solved tasks by the origin of the best program */
	size_t rounds;                       /* rounds completed */
} arc_archive_stats;
/* The counts as they stood at the end of round `round` (0: now, every round). */
arc_status arc_archive_count(arc_archive *a, size_t round, arc_archive_stats *st,
                             arc_error *err);
/* Writes the best program of each task (only tasks it explains when explained_only) as an
 * arc-dsl solver file: solve_<task id> with a comment line of its scores and origin, via a
 * temporary file renamed into place. `arcbatt check` runs it. */
arc_status arc_archive_export(arc_archive *a, const char *path, bool explained_only,
                              arc_error *err);
/* The archive's content as sorted text without ids or timings: two archives with the same
 * programs, scores and rounds dump the same bytes. */
arc_status arc_archive_dump(arc_archive *a, FILE *out, arc_error *err);

/* Adds programs of the archive at path to a battery: the best program of each task (named
 * archive_<task id>, a program best for several tasks added once), or with all every archived
 * program (archive_<first 16 hex digits of its hash>). Problems go to diag; statuses as for
 * arc_battery_add_file. */
arc_status arc_battery_add_archive(arc_battery *b, const char *path, bool all, arc_diag *diag);

/* ---- evolution (evolve*.c, mutate.c) ---- */

/* Rounds of: battery (programs not yet scored everywhere: new written ones, and those the
 * last round found that reproduce a train pair somewhere, run on every task) -> score -> search
 * (search_nodes: programs found from scratch, search.h) -> mutation (mutants of each unexplained task's
 * best programs, run on that task; explained tasks get their best program shrunk) -> archive.
 * Results are committed per batch of tasks; a round interrupted at any point is redone from the
 * archive's state before it, so a resumed run ends with the same content as one never stopped.
 * The same seed gives the same archive for any thread count, as long as the wall-clock backstop
 * (limits.timeout_s) never fires: the step budget decides every evaluation. */
typedef struct arc_round_report {
	size_t round;            /* the round just completed */
	arc_archive_stats stats; /* the archive at its end */
	size_t solved_before, explained_before; /* the same counts at the end of the round before */
	size_t new_programs[ARC_ORIGIN_COUNT];  /* programs it stored, by origin */
	size_t new_solved[ARC_ORIGIN_COUNT];    /* tasks it solved, by origin of the best program */
	size_t mutants;          /* mutants made by this invocation's part of the round */
	size_t rejected;         /* of those, refused by the parser's static checks */
	size_t evaluated;        /* program-input evaluations */
	double seconds;          /* wall time of this invocation's part of the round */
} arc_round_report;

typedef struct arc_evolve_opts {
	size_t rounds;            /* evolve until this many rounds are complete in the archive */
	uint64_t seed;            /* for new rounds (a round being resumed keeps its own) */
	bool archive_seed;        /* instead of seed, the archive's last round's (0 if none) */
	size_t mutants;           /* mutants per unexplained task per round: the budget */
	uint64_t search_nodes;    /* the search step's node budget per task in round 1, doubled each
	                           * round after (arc_search_opts.nodes); 0: no search step */
	size_t keep;              /* programs kept per task: a program is stored for a task when it
	                           * enters the task's best `keep` (and produced some grid) */
	const arc_battery *battery; /* written programs to score (those not archived yet); or NULL */
	arc_limits limits;        /* per program and input */
	size_t threads;           /* 0: one per core */
	/* Called after each batch of tasks with the step ("battery", "search", "mutation"). */
	void (*progress)(void *ud, size_t round, const char *step, size_t done, size_t total);
	/* Called when a round is complete. */
	void (*on_round)(void *ud, const arc_round_report *r);
	void *ud;
} arc_evolve_opts;
#define ARC_EVOLVE_DEFAULT ((arc_evolve_opts){.rounds = 1, .mutants = 256, .keep = 8, \
                                               .search_nodes = ARC_SEARCH_NODES_DEFAULT, \
                                               .limits = ARC_LIMITS_DEFAULT})

/* Evolves the archive on tasks idx[0..n) of ts. */
arc_status arc_evolve(arc_archive *a, const arc_taskset *ts, const size_t *idx, size_t n,
                      const arc_evolve_opts *opts, arc_error *err);
#ifdef __cplusplus
}
#endif

#endif
