/* error.c — statuses, errors and error lists (arc_error, arc_diag): how every part of libarcbatt
 * says what went wrong, where, and what was expected. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "arcbatt.h"

void arc_diag_free(arc_diag *d)
{
	if (!d)
		return;
	free(d->items);
	d->items = NULL;
	d->n = d->cap = 0;
}

arc_status arc_diag_push(arc_diag *d, const arc_error *e)
{
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 8;
		arc_error *items = realloc(d->items, cap * sizeof *items);
		if (!items)
			return ARC_E_NOMEM;
		d->items = items;
		d->cap = cap;
	}
	d->items[d->n++] = *e;
	return ARC_OK;
}

static void copy_text(char *dst, size_t cap, const char *src)
{
	if (!src)
		src = "";
	size_t n = strlen(src);
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

arc_status arc_error_set(arc_error *e, arc_status code, const char *file, const char *where,
                         int line, int column, const char *fmt, ...)
{
	if (!e)
		return code;
	e->code = code;
	copy_text(e->file, sizeof e->file, file);
	copy_text(e->where, sizeof e->where, where);
	e->line = line;
	e->column = column;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->message, sizeof e->message, fmt, ap);
	va_end(ap);
	return code;
}

const char *arc_status_name(arc_status s)
{
	switch (s) {
	case ARC_OK: return "ok";
	case ARC_E_USAGE: return "usage error";
	case ARC_E_INPUT: return "input error";
	case ARC_E_IO: return "file error";
	case ARC_E_NOMEM: return "out of memory";
	case ARC_E_INTERNAL: return "internal error";
	}
	return "unknown status";
}

void arc_error_print(const arc_error *e, FILE *out)
{
	if (e->file[0]) {
		fputs(e->file, out);
		if (e->line > 0) {
			fprintf(out, ":%d", e->line);
			if (e->column > 0)
				fprintf(out, ":%d", e->column);
		}
		fputs(": ", out);
	}
	if (e->where[0])
		fprintf(out, "%s: ", e->where);
	fputs(e->message[0] ? e->message : arc_status_name(e->code), out);
	fputc('\n', out);
}
