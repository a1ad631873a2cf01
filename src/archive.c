/* archive.c — the archive's SQLite side: opening (WAL, the writer's lock, the schema version and
 * its migrations), batches of writes in transactions, and the queries a round of evolution
 * needs. Migrations are SQL texts applied in order from the version a file has. */
#include "archive.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#define ARC_APPLICATION_ID 0x41524342 /* "ARCB" in the SQLite header */

/* migrations[v] turns a version-v archive into a version v+1 one; version 0 is empty. */
static const char *const migrations[] = {
#include "archive_sql.h"
};
static_assert(sizeof migrations / sizeof *migrations == ARC_ARCHIVE_SCHEMA,
              "one migration per schema version");

/* ORDER BY of a task's rows: the rank order (arch_rank_cmp). */
#define RANK_ORDER "s.exact DESC, s.closeness DESC, p.size, s.cost, p.hash"

static const char *const stmt_sql[ST_COUNT] = {
	[ST_PUT_PROGRAM] =
		"INSERT INTO program (hash, text, size, origin, parent, donor, op, source, round) "
		"VALUES (?1, ?2, ?3, ?4, (SELECT id FROM program WHERE hash = ?5), "
		"(SELECT id FROM program WHERE hash = ?6), ?7, ?8, ?9) ON CONFLICT (hash) DO NOTHING",
	[ST_PUT_SCORE] =
		"INSERT OR IGNORE INTO score (task, program, exact, failed, closeness, cost, test_ok, "
		"round, step) SELECT ?1, id, ?3, ?4, ?5, ?6, ?7, ?8, ?9 FROM program WHERE hash = ?2",
	[ST_PUT_TASK] = "INSERT OR IGNORE INTO task (name, ntrain, ntest, known) VALUES (?, ?, ?, ?)",
	[ST_BEST] =
		"SELECT p.hash, p.text, coalesce(p.op, ''), p.size, s.exact, s.failed, s.closeness, "
		"s.cost, coalesce(s.test_ok, -1), s.round FROM score s JOIN program p ON p.id = s.program "
		"WHERE s.task = ?1 AND (s.round < ?2 OR (s.round = ?2 AND s.step < ?3)) "
		"ORDER BY " RANK_ORDER " LIMIT ?4",
	[ST_KNOWN] = "SELECT 1 FROM program WHERE hash = ? AND round < ?",
	[ST_ROUND_PROGRAMS] =
		"SELECT p.hash, p.text, '', p.size FROM program p WHERE p.round = ? AND "
		"p.origin <> 'written' AND EXISTS (SELECT 1 FROM score s WHERE s.program = p.id AND "
		"s.exact > 0) ORDER BY p.hash",
	[ST_LAST_ROUND] = "SELECT n, seed, step FROM round ORDER BY n DESC LIMIT 1",
	[ST_ROUND_START] = "INSERT OR IGNORE INTO round (n, seed) VALUES (?, ?)",
	[ST_ROUND_STEP] = "UPDATE round SET step = max(step, ?2), seconds = seconds + ?3 WHERE n = ?1",
};

static const char *const origin_names[ARC_ORIGIN_COUNT] = {"written", "enumerated", "mutated"};
const char *arc_origin_name(arc_origin o) { return o < ARC_ORIGIN_COUNT ? origin_names[o] : "?"; }

int arch_rank_cmp(uint32_t ea, double ca, uint32_t sa, uint64_t ka, const char *ha,
                  uint32_t eb, double cb, uint32_t sb, uint64_t kb, const char *hb)
{
	if (ea != eb)
		return ea > eb ? -1 : 1;
	if (ca != cb)
		return ca > cb ? -1 : 1;
	if (sa != sb)
		return sa < sb ? -1 : 1;
	if (ka != kb)
		return ka < kb ? -1 : 1;
	return strcmp(ha, hb);
}

void arch_rows_free(arch_row *rows, size_t n)
{
	for (size_t i = 0; rows && i < n; i++)
		free(rows[i].text);
	free(rows);
}

arc_status archive_fail(arc_archive *a, const char *what, arc_error *err)
{
	int code = sqlite3_errcode(a->db);
	arc_status st = code == SQLITE_NOTADB || code == SQLITE_CORRUPT ? ARC_E_INPUT :
	                code == SQLITE_NOMEM ? ARC_E_NOMEM : ARC_E_IO;
	const char *why = code == SQLITE_NOTADB ? "not an arcbatt archive (not an SQLite database)" :
	                  code == SQLITE_BUSY ? "the archive is locked by another process" :
	                                        sqlite3_errmsg(a->db);
	return arc_error_set(err, st, a->path, NULL, 0, 0, "%s: %s", what, why);
}

arc_status archive_stmt(arc_archive *a, arch_stmt s, sqlite3_stmt **out, arc_error *err)
{
	*out = NULL;
	if (!a->st[s] && sqlite3_prepare_v2(a->db, stmt_sql[s], -1, &a->st[s], NULL) != SQLITE_OK)
		return archive_fail(a, "cannot prepare a query", err);
	sqlite3_reset(a->st[s]);
	sqlite3_clear_bindings(a->st[s]);
	*out = a->st[s];
	return ARC_OK;
}

arc_status archive_exec(arc_archive *a, const char *sql, arc_error *err)
{
	char *msg = NULL;
	if (sqlite3_exec(a->db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return ARC_OK;
	sqlite3_free(msg);
	return archive_fail(a, "cannot update the archive", err);
}

/* ---- opening ---- */

static arc_status pragma_int(arc_archive *a, const char *sql, int64_t *v, arc_error *err)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(a->db, sql, -1, &s, NULL) != SQLITE_OK)
		return archive_fail(a, "cannot read the archive", err);
	int rc = sqlite3_step(s);
	*v = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ARC_OK
	                                             : archive_fail(a, "cannot read the archive", err);
}

/* Refuses what is not an archive of a schema this library can use; reads need the current one. */
static arc_status check_version(arc_archive *a, bool write, int64_t *version, arc_error *err)
{
	int64_t app = 0, tables = 0;
	arc_status st = pragma_int(a, "PRAGMA user_version", version, err);
	if (!st)
		st = pragma_int(a, "PRAGMA application_id", &app, err);
	if (!st)
		st = pragma_int(a, "SELECT count(*) FROM sqlite_master", &tables, err);
	if (st)
		return st;
	if ((tables || *version) && app != ARC_APPLICATION_ID)
		return arc_error_set(err, ARC_E_INPUT, a->path, NULL, 0, 0,
		                     "not an arcbatt archive: an SQLite database of something else");
	if (*version > ARC_ARCHIVE_SCHEMA)
		return arc_error_set(err, ARC_E_INPUT, a->path, NULL, 0, 0,
		                     "archive schema version %lld is newer than this arcbatt's (%d): use "
		                     "a newer arcbatt", (long long)*version, ARC_ARCHIVE_SCHEMA);
	if (!write && !tables)
		return arc_error_set(err, ARC_E_INPUT, a->path, NULL, 0, 0,
		                     "not an arcbatt archive: an empty database");
	if (!write && *version < ARC_ARCHIVE_SCHEMA)
		return arc_error_set(err, ARC_E_INPUT, a->path, NULL, 0, 0,
		                     "archive schema version %lld is older than this arcbatt's (%d): "
		                     "'arcbatt evolve --rounds 0 --archive FILE' migrates it",
		                     (long long)*version, ARC_ARCHIVE_SCHEMA);
	return ARC_OK;
}

/* Brings a writer's archive from `version` to the current schema in one transaction. */
static arc_status migrate(arc_archive *a, int64_t version, arc_error *err)
{
	if (version == ARC_ARCHIVE_SCHEMA)
		return ARC_OK;
	arc_status st = archive_exec(a, "BEGIN IMMEDIATE", err);
	for (int64_t v = version; !st && v < ARC_ARCHIVE_SCHEMA; v++)
		st = archive_exec(a, migrations[v], err);
	if (!st) {
		char sql[96];
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d; PRAGMA application_id = %d",
		         ARC_ARCHIVE_SCHEMA, ARC_APPLICATION_ID);
		st = archive_exec(a, sql, err);
	}
	if (st) {
		archive_exec(a, "ROLLBACK", NULL);
		return st;
	}
	return archive_exec(a, "COMMIT", err);
}

/* Writers hold an flock on the database file so that two runs never interleave their rounds;
 * it is separate from SQLite's POSIX locks, and the descriptor is closed only after SQLite's
 * connection (closing another descriptor of the file would drop SQLite's locks). */
static arc_status take_lock(arc_archive *a, arc_error *err)
{
	a->lockfd = open(a->path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (a->lockfd < 0)
		return arc_error_set(err, ARC_E_IO, a->path, NULL, 0, 0, "cannot open the archive: %s",
		                     strerror(errno));
	if (flock(a->lockfd, LOCK_EX | LOCK_NB) != 0)
		return arc_error_set(err, ARC_E_IO, a->path, NULL, 0, 0,
		                     errno == EWOULDBLOCK ? "the archive is being written by another "
		                                            "arcbatt (one writer at a time)"
		                                          : "cannot lock the archive: %s",
		                     strerror(errno));
	return ARC_OK;
}

arc_status arc_archive_open(const char *path, bool write, arc_archive **out, arc_error *err)
{
	*out = NULL;
	arc_archive *a = calloc(1, sizeof *a);
	if (!a)
		return arc_error_set(err, ARC_E_NOMEM, path, NULL, 0, 0, "out of memory");
	a->lockfd = -1;
	snprintf(a->path, sizeof a->path, "%s", path);
	if (strlen(path) >= sizeof a->path) {
		free(a);
		return arc_error_set(err, ARC_E_USAGE, path, NULL, 0, 0, "archive path too long");
	}
	arc_status st = write ? take_lock(a, err) : ARC_OK;
	int flags = write ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
	if (!st && sqlite3_open_v2(path, &a->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		st = a->db ? archive_fail(a, "cannot open the archive", err)
		           : arc_error_set(err, ARC_E_NOMEM, path, NULL, 0, 0, "out of memory");
	int64_t version = 0;
	if (!st) {
		sqlite3_busy_timeout(a->db, 10000);
		sqlite3_extended_result_codes(a->db, 0);
		st = check_version(a, write, &version, err);
	}
	/* WAL only once the file is known to be ours (the mode is stored in the file). */
	if (!st)
		st = archive_exec(a, write ? "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
		                             "PRAGMA foreign_keys = ON"
		                           : "PRAGMA query_only = ON", err);
	if (!st && write)
		st = migrate(a, version, err);
	if (st) {
		if (!write && err && access(path, F_OK) != 0)
			arc_error_set(err, ARC_E_IO, path, NULL, 0, 0, "cannot open the archive: %s",
			              strerror(errno));
		arc_archive_close(a);
		return st;
	}
	*out = a;
	return ARC_OK;
}

void arc_archive_close(arc_archive *a)
{
	if (!a)
		return;
	if (a->in_tx)
		archive_rollback(a);
	for (int s = 0; s < ST_COUNT; s++)
		sqlite3_finalize(a->st[s]);
	sqlite3_close(a->db);
	if (a->lockfd >= 0)
		close(a->lockfd);
	free(a);
}

/* ---- batches ---- */

arc_status archive_begin(arc_archive *a, arc_error *err)
{
	arc_status st = archive_exec(a, "BEGIN IMMEDIATE", err);
	a->in_tx = st == ARC_OK;
	return st;
}

arc_status archive_commit(arc_archive *a, arc_error *err)
{
	arc_status st = archive_exec(a, "COMMIT", err);
	if (st)
		archive_rollback(a);
	a->in_tx = false;
	return st;
}

void archive_rollback(arc_archive *a)
{
	archive_exec(a, "ROLLBACK", NULL);
	a->in_tx = false;
}

static arc_status step_done(arc_archive *a, sqlite3_stmt *s, arc_error *err)
{
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? ARC_OK : archive_fail(a, "cannot write to the archive", err);
}

static void bind_text(sqlite3_stmt *s, int k, const char *v)
{
	if (v)
		sqlite3_bind_text(s, k, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, k);
}

arc_status archive_put_task(arc_archive *a, const arc_task *t, arc_error *err)
{
	sqlite3_stmt *s;
	arc_status st = archive_stmt(a, ST_PUT_TASK, &s, err);
	if (st)
		return st;
	bool known = true;
	for (int k = 0; k < t->ntest; k++)
		known &= t->test[k].has_output;
	bind_text(s, 1, t->id);
	sqlite3_bind_int(s, 2, t->ntrain);
	sqlite3_bind_int(s, 3, t->ntest);
	sqlite3_bind_int(s, 4, known);
	return step_done(a, s, err);
}

arc_status archive_put(arc_archive *a, const char *task, const arch_prog *p,
                       const arch_score *sc, uint32_t round, uint32_t step, arc_error *err)
{
	sqlite3_stmt *s;
	arc_status st = archive_stmt(a, ST_PUT_PROGRAM, &s, err);
	if (st)
		return st;
	bind_text(s, 1, p->hash);
	bind_text(s, 2, p->text);
	sqlite3_bind_int64(s, 3, p->size);
	bind_text(s, 4, arc_origin_name(p->origin));
	bind_text(s, 5, p->parent);
	bind_text(s, 6, p->donor);
	bind_text(s, 7, p->op);
	bind_text(s, 8, p->source);
	sqlite3_bind_int64(s, 9, round);
	st = step_done(a, s, err);
	if (!st)
		st = archive_stmt(a, ST_PUT_SCORE, &s, err);
	if (st)
		return st;
	bind_text(s, 1, task);
	bind_text(s, 2, p->hash);
	sqlite3_bind_int64(s, 3, sc->exact);
	sqlite3_bind_int64(s, 4, sc->failed);
	sqlite3_bind_double(s, 5, sc->closeness);
	sqlite3_bind_int64(s, 6, (sqlite3_int64)sc->cost);
	if (sc->test_ok >= 0)
		sqlite3_bind_int64(s, 7, sc->test_ok);
	else
		sqlite3_bind_null(s, 7);
	sqlite3_bind_int64(s, 8, round);
	sqlite3_bind_int64(s, 9, step);
	return step_done(a, s, err);
}

/* ---- queries ---- */

/* Reads rows of (hash, text, op, size[, exact, failed, closeness, cost, test_ok, round]). */
static arc_status read_rows(arc_archive *a, sqlite3_stmt *s, arch_row **rows, size_t *n,
                            arc_error *err)
{
	size_t cap = 0;
	*rows = NULL;
	*n = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			arch_row *r = realloc(*rows, cap * sizeof *r);
			if (!r)
				goto nomem;
			*rows = r;
		}
		arch_row *r = &(*rows)[*n];
		*r = (arch_row){.size = (uint32_t)sqlite3_column_int64(s, 3), .sc.test_ok = -1};
		snprintf(r->hash, sizeof r->hash, "%s", (const char *)sqlite3_column_text(s, 0));
		snprintf(r->op, sizeof r->op, "%s", (const char *)sqlite3_column_text(s, 2));
		if (!(r->text = strdup((const char *)sqlite3_column_text(s, 1))))
			goto nomem;
		(*n)++;
		if (sqlite3_column_count(s) > 4)
			r->sc = (arch_score){
				.exact = (uint32_t)sqlite3_column_int64(s, 4),
				.failed = (uint32_t)sqlite3_column_int64(s, 5),
				.closeness = sqlite3_column_double(s, 6),
				.cost = (uint64_t)sqlite3_column_int64(s, 7),
				.test_ok = (int32_t)sqlite3_column_int64(s, 8),
			};
		if (sqlite3_column_count(s) > 9)
			r->round = (uint32_t)sqlite3_column_int64(s, 9);
	}
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return ARC_OK;
	arch_rows_free(*rows, *n);
	*rows = NULL;
	*n = 0;
	return archive_fail(a, "cannot read the archive", err);
nomem:
	sqlite3_reset(s);
	arch_rows_free(*rows, *n);
	*rows = NULL;
	*n = 0;
	return arc_error_set(err, ARC_E_NOMEM, a->path, NULL, 0, 0, "out of memory reading it");
}

arc_status archive_best(arc_archive *a, const char *task, uint32_t round, uint32_t step, size_t k,
                        arch_row **rows, size_t *n, arc_error *err)
{
	sqlite3_stmt *s;
	arc_status st = archive_stmt(a, ST_BEST, &s, err);
	if (st)
		return st;
	bind_text(s, 1, task);
	sqlite3_bind_int64(s, 2, round);
	sqlite3_bind_int64(s, 3, step);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)k);
	return read_rows(a, s, rows, n, err);
}

arc_status archive_known(arc_archive *a, const char *hash, uint32_t round, bool *known,
                         arc_error *err)
{
	sqlite3_stmt *s;
	arc_status st = archive_stmt(a, ST_KNOWN, &s, err);
	if (st)
		return st;
	bind_text(s, 1, hash);
	sqlite3_bind_int64(s, 2, round);
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	*known = rc == SQLITE_ROW;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ARC_OK
	                                             : archive_fail(a, "cannot read the archive", err);
}

arc_status archive_round_programs(arc_archive *a, uint32_t round, arch_row **rows, size_t *n,
                                  arc_error *err)
{
	sqlite3_stmt *s;
	arc_status st = archive_stmt(a, ST_ROUND_PROGRAMS, &s, err);
	if (st)
		return st;
	sqlite3_bind_int64(s, 1, round);
	return read_rows(a, s, rows, n, err);
}

arc_status archive_last_round(arc_archive *a, uint32_t *n, uint64_t *seed, uint32_t *step,
                              arc_error *err)
{
	sqlite3_stmt *s;
	arc_status st = archive_stmt(a, ST_LAST_ROUND, &s, err);
	if (st)
		return st;
	int rc = sqlite3_step(s);
	*n = rc == SQLITE_ROW ? (uint32_t)sqlite3_column_int64(s, 0) : 0;
	*seed = rc == SQLITE_ROW ? (uint64_t)sqlite3_column_int64(s, 1) : 0;
	*step = rc == SQLITE_ROW ? (uint32_t)sqlite3_column_int64(s, 2) : 0;
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ARC_OK
	                                             : archive_fail(a, "cannot read the archive", err);
}

arc_status archive_round_start(arc_archive *a, uint32_t n, uint64_t seed, arc_error *err)
{
	sqlite3_stmt *s;
	arc_status st = archive_stmt(a, ST_ROUND_START, &s, err);
	if (st)
		return st;
	sqlite3_bind_int64(s, 1, n);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)seed);
	return step_done(a, s, err);
}

arc_status archive_round_step(arc_archive *a, uint32_t n, uint32_t step, double seconds,
                              arc_error *err)
{
	sqlite3_stmt *s;
	arc_status st = archive_stmt(a, ST_ROUND_STEP, &s, err);
	if (st)
		return st;
	sqlite3_bind_int64(s, 1, n);
	sqlite3_bind_int64(s, 2, step);
	sqlite3_bind_double(s, 3, seconds);
	return step_done(a, s, err);
}
