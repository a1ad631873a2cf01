/* strbuf.c — the growable text buffer (see strbuf.h). */
#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool reserve(strbuf *sb, size_t more)
{
	if (sb->oom)
		return false;
	if (sb->n + more + 1 <= sb->cap)
		return true;
	size_t cap = sb->cap ? sb->cap : 256;
	while (cap < sb->n + more + 1)
		cap *= 2;
	char *s = realloc(sb->s, cap);
	if (!s) {
		sb->oom = true;
		return false;
	}
	sb->s = s;
	sb->cap = cap;
	return true;
}

void sb_putn(strbuf *sb, const char *s, size_t n)
{
	if (!reserve(sb, n))
		return;
	memcpy(sb->s + sb->n, s, n);
	sb->n += n;
	sb->s[sb->n] = '\0';
}

void sb_puts(strbuf *sb, const char *s) { sb_putn(sb, s, strlen(s)); }

void sb_printf(strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int need = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (need < 0 || !reserve(sb, (size_t)need))
		return;
	va_start(ap, fmt);
	vsnprintf(sb->s + sb->n, (size_t)need + 1, fmt, ap);
	va_end(ap);
	sb->n += (size_t)need;
}

void sb_clear(strbuf *sb)
{
	sb->n = 0;
	sb->oom = false;
	if (sb->s)
		sb->s[0] = '\0';
}

void sb_free(strbuf *sb)
{
	free(sb->s);
	*sb = (strbuf){0};
}
