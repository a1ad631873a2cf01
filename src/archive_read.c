/* archive_read.c — what is read out of an archive: the counts (`arcbatt archive stats`, the
 * per-round report), the best program of each task as a solver file (export) or as battery
 * programs (-b archive:FILE), and a canonical dump of the whole content (for comparisons). */
#include <stdlib.h>
#include <string.h>

#include "archive.h"
#include "strbuf.h"

/* Each task's best row as of round ?1 (0: every round), in task order. */
static const char best_sql[] =
	"SELECT task, hash, text, origin, coalesce(op, ''), coalesce(source, ''), size, exact, "
	"ntrain, closeness, cost, coalesce(test_ok, -1), ntest, known, round FROM ("
	" SELECT s.task, p.hash, p.text, p.origin, p.op, p.source, p.size, s.exact, t.ntrain,"
	" s.closeness, s.cost, s.test_ok, t.ntest, t.known, s.round, row_number() OVER ("
	"  PARTITION BY s.task ORDER BY s.exact DESC, s.closeness DESC, p.size, s.cost, p.hash) AS rk"
	" FROM score s JOIN program p ON p.id = s.program JOIN task t ON t.name = s.task"
	" WHERE ?1 = 0 OR s.round <= ?1) WHERE rk = 1 ORDER BY task";
enum { B_TASK, B_HASH, B_TEXT, B_ORIGIN, B_OP, B_SOURCE, B_SIZE, B_EXACT, B_NTRAIN, B_CLOSE,
       B_COST, B_TESTOK, B_NTEST, B_KNOWN, B_ROUND };

static arc_origin origin_of(const unsigned char *name)
{
	for (int o = 0; o < ARC_ORIGIN_COUNT; o++)
		if (!strcmp((const char *)name, arc_origin_name((arc_origin)o)))
			return (arc_origin)o;
	return ARC_ORIGIN_WRITTEN;
}

static const char *col(sqlite3_stmt *s, int k)
{
	const unsigned char *t = sqlite3_column_text(s, k);
	return t ? (const char *)t : "";
}

/* Runs best_sql, calling row(s, ud) for each task's best; row returns false to stop. */
static arc_status each_best(arc_archive *a, size_t round, bool (*row)(sqlite3_stmt *, void *),
                            void *ud, arc_error *err)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(a->db, best_sql, -1, &s, NULL) != SQLITE_OK)
		return archive_fail(a, "cannot read the archive", err);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)round);
	int rc;
	bool go = true;
	while (go && (rc = sqlite3_step(s)) == SQLITE_ROW)
		go = row(s, ud);
	sqlite3_finalize(s);
	if (!go)
		return arc_error_set(err, ARC_E_NOMEM, a->path, NULL, 0, 0, "out of memory");
	return rc == SQLITE_DONE ? ARC_OK : archive_fail(a, "cannot read the archive", err);
}

/* Runs a query of one integer, or (two columns) of integers by origin name. */
static arc_status query_count(arc_archive *a, const char *sql, size_t round, size_t *n,
                              size_t *by_origin, arc_error *err)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(a->db, sql, -1, &s, NULL) != SQLITE_OK)
		return archive_fail(a, "cannot read the archive", err);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)round);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		size_t v = (size_t)sqlite3_column_int64(s, 0);
		if (by_origin)
			by_origin[origin_of(sqlite3_column_text(s, 1))] += v;
		*n += v;
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? ARC_OK : archive_fail(a, "cannot read the archive", err);
}

static bool count_best(sqlite3_stmt *s, void *ud)
{
	arc_archive_stats *st = ud;
	bool explained = sqlite3_column_int64(s, B_EXACT) == sqlite3_column_int64(s, B_NTRAIN);
	bool known = sqlite3_column_int64(s, B_KNOWN) != 0;
	st->tasks++;
	st->explained += explained;
	st->known += known;
	if (known && explained && sqlite3_column_int64(s, B_TESTOK) == sqlite3_column_int64(s, B_NTEST)) {
		st->solved++;
		st->solved_by_origin[origin_of(sqlite3_column_text(s, B_ORIGIN))]++;
	}
	return true;
}

arc_status arc_archive_count(arc_archive *a, size_t round, arc_archive_stats *st,
                             arc_error *err)
{
	*st = (arc_archive_stats){0};
	arc_status r = query_count(a, "SELECT count(*), origin FROM program WHERE ?1 = 0 OR "
	                              "round <= ?1 GROUP BY origin", round, &st->programs,
	                           st->by_origin, err);
	if (!r)
		r = query_count(a, "SELECT count(*) FROM score WHERE ?1 = 0 OR round <= ?1", round,
		                &st->scores, NULL, err);
	if (!r)
		r = query_count(a, "SELECT count(*) FROM round WHERE step = 3 AND (?1 = 0 OR n <= ?1)",
		                round, &st->rounds, NULL, err);
	if (!r)
		r = each_best(a, round, count_best, st, err);
	return r;
}

/* ---- export ---- */

typedef struct export_ctx {
	strbuf sb;           /* the file's text */
	bool explained_only;
	size_t n;            /* programs written */
} export_ctx;

static bool export_row(sqlite3_stmt *s, void *ud)
{
	export_ctx *x = ud;
	int64_t exact = sqlite3_column_int64(s, B_EXACT), ntrain = sqlite3_column_int64(s, B_NTRAIN);
	if (x->explained_only && exact != ntrain)
		return true;
	int64_t ok = sqlite3_column_int64(s, B_TESTOK);
	sb_printf(&x->sb, "\n\n# %s: %lld/%lld train pairs, closeness %.6f, size %lld, cost %lld, ",
	          col(s, B_TASK), (long long)exact, (long long)ntrain,
	          sqlite3_column_double(s, B_CLOSE), (long long)sqlite3_column_int64(s, B_SIZE),
	          (long long)sqlite3_column_int64(s, B_COST));
	if (ok >= 0)
		sb_printf(&x->sb, "test %lld/%lld; ", (long long)ok,
		          (long long)sqlite3_column_int64(s, B_NTEST));
	sb_printf(&x->sb, "%s", col(s, B_ORIGIN));
	if (*col(s, B_OP))
		sb_printf(&x->sb, " (%s)", col(s, B_OP));
	if (*col(s, B_SOURCE))
		sb_printf(&x->sb, " (%s)", col(s, B_SOURCE));
	sb_printf(&x->sb, ", round %lld\ndef solve_%s(I):\n%s", (long long)sqlite3_column_int64(s, B_ROUND),
	          col(s, B_TASK), col(s, B_TEXT));
	x->n++;
	return !x->sb.oom;
}

static bool put_text(FILE *f, void *ud)
{
	const strbuf *sb = ud;
	return fwrite(sb->s, 1, sb->n, f) == sb->n;
}

arc_status arc_archive_export(arc_archive *a, const char *path, bool explained_only,
                              arc_error *err)
{
	export_ctx x = {.explained_only = explained_only};
	sb_printf(&x.sb, "# The best program of each task %sin the arcbatt archive %s, ranked by train\n"
	                 "# pairs reproduced, closeness, size and cost. 'arcbatt check FILE' runs them.\n"
	                 "from dsl import *\nfrom constants import *\n",
	          explained_only ? "it explains " : "", a->path);
	arc_status st = each_best(a, 0, export_row, &x, err);
	if (!st && x.sb.oom)
		st = arc_error_set(err, ARC_E_NOMEM, path, NULL, 0, 0, "out of memory");
	if (!st)
		st = arc_write_file(path, put_text, &x.sb, err);
	sb_free(&x.sb);
	return st;
}

/* ---- dump ---- */

/* Appends each row of sql as the columns' text separated by spaces, after `tag`. */
static arc_status dump_rows(arc_archive *a, strbuf *sb, const char *tag, const char *sql,
                            arc_error *err)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(a->db, sql, -1, &s, NULL) != SQLITE_OK)
		return archive_fail(a, "cannot read the archive", err);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		sb_puts(sb, tag);
		for (int k = 0; k < sqlite3_column_count(s); k++) {
			if (sqlite3_column_type(s, k) == SQLITE_FLOAT)
				sb_printf(sb, " %s %.17g", sqlite3_column_name(s, k), sqlite3_column_double(s, k));
			else
				sb_printf(sb, " %s %s", sqlite3_column_name(s, k),
				          sqlite3_column_type(s, k) == SQLITE_NULL ? "-" : col(s, k));
		}
		sb_puts(sb, "\n");
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? ARC_OK : archive_fail(a, "cannot read the archive", err);
}

arc_status arc_archive_dump(arc_archive *a, FILE *out, arc_error *err)
{
	strbuf sb = {0};
	sb_printf(&sb, "arcbatt archive, schema %d\n", ARC_ARCHIVE_SCHEMA);
	arc_status st = dump_rows(a, &sb, "round", "SELECT n, seed, step FROM round ORDER BY n", err);
	if (!st)
		st = dump_rows(a, &sb, "task", "SELECT name, ntrain, ntest, known FROM task ORDER BY name", err);
	if (!st)
		st = dump_rows(a, &sb, "program",
		               "SELECT p.hash, p.size, p.origin, p.round, (SELECT hash FROM program q WHERE "
		               "q.id = p.parent) AS parent, (SELECT hash FROM program q WHERE q.id = "
		               "p.donor) AS donor, p.op, p.source, replace(p.text, char(10), ' |') AS text "
		               "FROM program p ORDER BY p.hash", err);
	if (!st)
		st = dump_rows(a, &sb, "score",
		               "SELECT s.task, p.hash, s.exact, s.failed, s.closeness, s.cost, s.test_ok, "
		               "s.round, s.step FROM score s JOIN program p ON p.id = s.program "
		               "ORDER BY s.task, p.hash", err);
	if (!st && sb.oom)
		st = arc_error_set(err, ARC_E_NOMEM, a->path, NULL, 0, 0, "out of memory");
	if (!st && fwrite(sb.s, 1, sb.n, out) != sb.n)
		st = arc_error_set(err, ARC_E_IO, a->path, NULL, 0, 0, "cannot write the dump");
	sb_free(&sb);
	return st;
}

/* ---- batteries ---- */

typedef struct battery_ctx {
	strbuf sb;        /* program text */
	char (*seen)[33]; /* hashes added, nseen of them */
	size_t nseen, cap;
} battery_ctx;

static bool battery_row(sqlite3_stmt *s, void *ud)
{
	battery_ctx *x = ud;
	const char *hash = col(s, B_HASH);
	for (size_t k = 0; k < x->nseen; k++)
		if (!strcmp(x->seen[k], hash))
			return true;
	if (x->nseen == x->cap) {
		size_t cap = x->cap ? x->cap * 2 : 64;
		char (*n)[33] = realloc(x->seen, cap * sizeof *n);
		if (!n)
			return false;
		x->seen = n;
		x->cap = cap;
	}
	snprintf(x->seen[x->nseen++], 33, "%s", hash);
	sb_printf(&x->sb, "def archive_%s(I):\n%s", col(s, B_TASK), col(s, B_TEXT));
	return !x->sb.oom;
}

static arc_status all_programs(arc_archive *a, strbuf *sb, arc_error *err)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(a->db, "SELECT hash, text FROM program ORDER BY hash", -1, &s, NULL))
		return archive_fail(a, "cannot read the archive", err);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		sb_printf(sb, "def archive_%.16s(I):\n%s", col(s, 0), col(s, 1));
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? ARC_OK : archive_fail(a, "cannot read the archive", err);
}

arc_status arc_battery_add_archive(arc_battery *b, const char *path, bool all, arc_diag *diag)
{
	arc_archive *a;
	arc_error e;
	arc_status st = arc_archive_open(path, false, &a, &e);
	if (st) {
		if (diag)
			arc_diag_push(diag, &e);
		return st;
	}
	battery_ctx x = {0};
	st = all ? all_programs(a, &x.sb, &e) : each_best(a, 0, battery_row, &x, &e);
	if (!st && x.sb.oom)
		st = arc_error_set(&e, ARC_E_NOMEM, path, NULL, 0, 0, "out of memory");
	if (st && diag)
		arc_diag_push(diag, &e);
	if (!st)
		st = arc_battery_add_text(b, path, x.sb.s ? x.sb.s : "", x.sb.n, false, diag);
	free(x.seen);
	sb_free(&x.sb);
	arc_archive_close(a);
	return st;
}

/* ---- a round's report ---- */

typedef struct solved_set {
	char (*ids)[64]; /* task ids solved at the end of the round before, n of them, sorted */
	size_t n, cap;
	arc_round_report *rep;   /* where the new solutions are counted */
} solved_set;

static bool is_solved(sqlite3_stmt *s)
{
	return sqlite3_column_int64(s, B_KNOWN) &&
	       sqlite3_column_int64(s, B_EXACT) == sqlite3_column_int64(s, B_NTRAIN) &&
	       sqlite3_column_int64(s, B_TESTOK) == sqlite3_column_int64(s, B_NTEST);
}

static bool collect_solved(sqlite3_stmt *s, void *ud)
{
	solved_set *x = ud;
	if (!is_solved(s))
		return true;
	if (x->n == x->cap) {
		size_t cap = x->cap ? x->cap * 2 : 256;
		char (*ids)[64] = realloc(x->ids, cap * sizeof *ids);
		if (!ids)
			return false;
		x->ids = ids;
		x->cap = cap;
	}
	snprintf(x->ids[x->n++], 64, "%s", col(s, B_TASK));
	return true;
}

static int cmp_id(const void *a, const void *b) { return strcmp(a, b); }

static bool count_new_solved(sqlite3_stmt *s, void *ud)
{
	solved_set *x = ud;
	if (is_solved(s) &&
	    (!x->n || !bsearch(col(s, B_TASK), x->ids, x->n, sizeof *x->ids, cmp_id)))
		x->rep->new_solved[origin_of(sqlite3_column_text(s, B_ORIGIN))]++;
	return true;
}

arc_status archive_round_report(arc_archive *a, uint32_t round, arc_round_report *rep,
                                arc_error *err)
{
	rep->round = round;
	memset(rep->new_programs, 0, sizeof rep->new_programs);
	memset(rep->new_solved, 0, sizeof rep->new_solved);
	arc_archive_stats before = {0};
	size_t n = 0;
	arc_status st = arc_archive_count(a, round, &rep->stats, err);
	if (!st && round > 1)
		st = arc_archive_count(a, round - 1, &before, err);
	rep->solved_before = before.solved;
	rep->explained_before = before.explained;
	if (!st)
		st = query_count(a, "SELECT count(*), origin FROM program WHERE round = ?1 GROUP BY origin",
		                 round, &n, rep->new_programs, err);
	solved_set x = {.rep = rep};
	if (!st && round > 1)
		st = each_best(a, round - 1, collect_solved, &x, err);
	if (!st) {
		if (x.n)
			qsort(x.ids, x.n, sizeof *x.ids, cmp_id);
		st = each_best(a, round, count_new_solved, &x, err);
	}
	free(x.ids);
	return st;
}
