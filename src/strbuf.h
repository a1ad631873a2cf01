/* strbuf.h — a growable text buffer for program text, exports and dumps: appends never fail
 * loudly; a failed allocation sets `oom` and later appends do nothing, so callers check once. */
#ifndef ARC_STRBUF_H
#define ARC_STRBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct strbuf {
	char *s;    /* NUL-terminated text (malloc'd), or NULL before the first append */
	size_t n;   /* its length */
	size_t cap; /* bytes allocated */
	bool oom;   /* an append ran out of memory: s holds what came before */
} strbuf;

void sb_putn(strbuf *sb, const char *s, size_t n);
void sb_puts(strbuf *sb, const char *s);
void sb_printf(strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Empties the buffer, keeping its memory. */
void sb_clear(strbuf *sb);
void sb_free(strbuf *sb);

#endif
