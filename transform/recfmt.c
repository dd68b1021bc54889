/* recfmt.c - the drill-down's record names and dates, built without printf:
 * they are made for every record met in every period, and snprintf's
 * format parsing was a tenth of the transform (issue 20). */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "tx.h"

size_t tx_cat(char *buf, size_t n, size_t at, const char *s)
{
	/* one pass: the pieces are a few bytes, strlen then memcpy cost more */
	size_t i = 0;
	if (at < n) {
		for (size_t room = n - 1 - at; i < room && s[i]; i++)
			buf[at + i] = s[i];
		buf[at + i] = '\0';
	}
	while (s[i])
		i++;
	return at + i;
}

size_t tx_cat_long(char *buf, size_t n, size_t at, long v)
{
	char t[24];
	size_t i = sizeof t;
	/* unsigned: -LONG_MIN overflows a long */
	unsigned long u = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;
	t[--i] = '\0';
	do
		t[--i] = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		t[--i] = '-';
	return tx_cat(buf, n, at, t + i);
}

const char *tx_lac_rec(char *buf, size_t n, const char *file, long line)
{
	const char *base = file ? strrchr(file, '/') : NULL;
	size_t at = tx_cat(buf, n, 0, base ? base + 1 : file ? file : "");
	at = tx_cat(buf, n, at, ":");
	tx_cat_long(buf, n, at, line);
	return buf;
}

/* The few dates a unit's records name come back period after period:
 * a small cache per thread (the shards of jobs.c run in threads) spares
 * their conversion from days. A slot holds the date with bit 32 set, so
 * an empty slot (0) matches no date. */
#define ISO_SLOTS 256
static _Thread_local struct {
	uint64_t key;
	char s[CSC_DATE_BUFSZ];
} iso_cache[ISO_SLOTS];

char *tx_iso(csc_date d, char buf[CSC_DATE_BUFSZ])
{
	uint64_t key = (uint64_t)(uint32_t)d | (uint64_t)1 << 32;
	unsigned slot = (uint32_t)d % ISO_SLOTS;
	if (iso_cache[slot].key != key) {
		csc_date_iso(d, iso_cache[slot].s);
		iso_cache[slot].key = key;
	}
	memcpy(buf, iso_cache[slot].s, CSC_DATE_BUFSZ);
	return buf;
}

const char *tx_vformat(char *buf, size_t n, const char *fmt, va_list ap, size_t *len)
{
	va_list again;
	va_copy(again, ap);
	size_t at = 0;
	const char *s = fmt;
	for (const char *pct; (pct = strchr(s, '%'));) {
		/* the text before the conversion */
		size_t k = (size_t)(pct - s);
		if (at < n) {
			size_t room = n - 1 - at, c = k < room ? k : room;
			memcpy(buf + at, s, c);
			buf[at + c] = '\0';
		}
		at += k;
		if (pct[1] == 's')
			at = tx_cat(buf, n, at, va_arg(ap, const char *));
		else if (pct[1] == 'd')
			at = tx_cat_long(buf, n, at, va_arg(ap, int));
		else if (pct[1] == '%')
			at = tx_cat(buf, n, at, "%");
		else { /* flags, widths, other types: printf's own */
			vsnprintf(buf, n, fmt, again);
			va_end(again);
			*len = strlen(buf);
			return buf;
		}
		s = pct + 2;
	}
	va_end(again);
	if (s == fmt) { /* no conversion: the text itself, unless too long */
		*len = strlen(fmt);
		if (*len < n)
			return fmt;
	}
	at = tx_cat(buf, n, at, s);
	*len = at < n ? at : n - 1;
	return buf;
}
