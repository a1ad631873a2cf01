/* archive.h — the archive's internals shared by archive.c (opening, schema, writes, the queries
 * evolution needs) and archive_read.c (stats, export, dump, batteries). Only the main thread of
 * a run touches an archive: one SQLite connection, prepared statements cached here. */
#ifndef ARC_ARCHIVE_H
#define ARC_ARCHIVE_H

#include <sqlite3.h>

#include "arcbatt.h"

/* Statements prepared once per connection (archive.c's stmt_sql lists their SQL). */
typedef enum arch_stmt {
	ST_PUT_PROGRAM, ST_PUT_SCORE, ST_PUT_TASK, ST_BEST, ST_KNOWN, ST_ROUND_PROGRAMS,
	ST_LAST_ROUND, ST_ROUND_START, ST_ROUND_STEP, ST_COUNT
} arch_stmt;

struct arc_archive {
	sqlite3 *db;
	char path[512];           /* for messages */
	int lockfd;               /* writers: the file, flock'ed until closed; -1 for readers */
	bool in_tx;               /* a batch transaction is open */
	sqlite3_stmt *st[ST_COUNT]; /* prepared on first use */
};

/* A program to store. Strings are borrowed. */
typedef struct arch_prog {
	const char *text;    /* canonical body (program_body) */
	const char *hash;    /* program_hash(text) */
	uint32_t size;       /* instructions */
	arc_origin origin;
	const char *parent;  /* mutated: hash of the program it was made from (stored), or NULL */
	const char *donor;   /* spliced: hash of the donor (stored), or NULL */
	const char *op;      /* mutated: the operators; NULL otherwise */
	const char *source;  /* written: "file:name"; NULL otherwise */
} arch_prog;

/* How a program did on one task. */
typedef struct arch_score {
	uint32_t exact, failed; /* train pairs reproduced, failed */
	double closeness;       /* mean arc_closeness over the train pairs */
	uint64_t cost;          /* work units over the train inputs */
	int32_t test_ok;        /* test outputs right, -1 when they are not known */
} arch_score;

/* A stored row read back: a task's program with its score. */
typedef struct arch_row {
	char hash[33];
	char *text;          /* canonical body (malloc'd) */
	char op[32];         /* as stored, "" when none */
	uint32_t size;
	arch_score sc;
	uint32_t round;      /* when the row was stored (archive_best) */
} arch_row;
void arch_rows_free(arch_row *rows, size_t n);

/* The rank order of rows and candidates: exact desc, closeness desc, size, cost, hash. */
int arch_rank_cmp(uint32_t ea, double ca, uint32_t sa, uint64_t ka, const char *ha,
                  uint32_t eb, double cb, uint32_t sb, uint64_t kb, const char *hb);

/* SQLite's message for the last failure as an arc_error (ARC_E_IO, or ARC_E_INPUT for a file
 * that is not an archive). */
arc_status archive_fail(arc_archive *a, const char *what, arc_error *err);
/* Prepares (once) and resets statement s into *out. */
arc_status archive_stmt(arc_archive *a, arch_stmt s, sqlite3_stmt **out, arc_error *err);
arc_status archive_exec(arc_archive *a, const char *sql, arc_error *err);

/* A batch: everything put between begin and commit is committed together or not at all. */
arc_status archive_begin(arc_archive *a, arc_error *err);
arc_status archive_commit(arc_archive *a, arc_error *err);
void archive_rollback(arc_archive *a);

arc_status archive_put_task(arc_archive *a, const arc_task *t, arc_error *err);
/* Stores p (once) and its score on task (once per task: a row already there stays). */
arc_status archive_put(arc_archive *a, const char *task, const arch_prog *p,
                       const arch_score *s, uint32_t round, uint32_t step, arc_error *err);

/* The best k rows of task stored before (round, step), best first (*rows malloc'd). */
arc_status archive_best(arc_archive *a, const char *task, uint32_t round, uint32_t step, size_t k,
                        arch_row **rows, size_t *n, arc_error *err);
/* Whether a program with this hash was stored before round `round`. */
arc_status archive_known(arc_archive *a, const char *hash, uint32_t round, bool *known,
                         arc_error *err);
/* The programs round `round` stored by search or mutation that reproduce a train pair of some
 * task, by hash (score fields unused). */
arc_status archive_round_programs(arc_archive *a, uint32_t round, arch_row **rows, size_t *n,
                                  arc_error *err);

/* The last round begun: *n 0 when there is none. */
arc_status archive_last_round(arc_archive *a, uint32_t *n, uint64_t *seed, uint32_t *step,
                              arc_error *err);
arc_status archive_round_start(arc_archive *a, uint32_t n, uint64_t seed, arc_error *err);
/* Marks `step` of round n done and adds seconds to its time. */
arc_status archive_round_step(arc_archive *a, uint32_t n, uint32_t step, double seconds,
                              arc_error *err);

/* The archive's part of round `round`'s report: the counts at its end and the end of the round
 * before, the programs it stored and the tasks it solved, by origin (other fields untouched). */
arc_status archive_round_report(arc_archive *a, uint32_t round, arc_round_report *rep,
                                arc_error *err);

#endif
