/* codes_list.c - see codes_list.h. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "codes_list.h"
#include "csc_annexa_codes.h"
#include "csc_diag.h"

#define KEY_MAX 256

void codes_init(codes_list *c)
{
	memset(c, 0, sizeof *c);
}

static void trim(const char **s, size_t *n)
{
	while (*n && isspace((unsigned char)**s))
		(*s)++, (*n)--;
	while (*n && isspace((unsigned char)(*s)[*n - 1]))
		(*n)--;
}

static int index_of(const codes_list *c, const char *s, size_t n)
{
	for (int i = 0; i < c->n; i++)
		if (c->len[i] == n && memcmp(c->code[i], s, n) == 0)
			return i;
	return -1;
}

int codes_add(codes_list *c, const char *code)
{
	size_t n = strlen(code);
	trim(&code, &n);
	int i = index_of(c, code, n);
	if (i >= 0)
		return i;
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 8;
		c->code = csc_xrealloc(c->code, (size_t)c->cap * sizeof *c->code);
		c->len = csc_xrealloc(c->len, (size_t)c->cap * sizeof *c->len);
	}
	c->code[c->n] = csc_xstrndup(code, n);
	c->len[c->n] = n;
	return c->n++;
}

void codes_alias(codes_list *c, const char *label, const char *code)
{
	char key[KEY_MAX];
	codes_key(label, strlen(label), key, sizeof key);
	if (!*key)
		return;
	int to = codes_add(c, code);
	for (int i = 0; i < c->nalias; i++)
		if (!strcmp(c->akey[i], key)) {
			if (c->ato[i] != to)
				c->ato[i] = -1; /* ambiguous */
			return;
		}
	if (c->nalias == c->acap) {
		c->acap = c->acap ? 2 * c->acap : 8;
		c->akey = csc_xrealloc(c->akey, (size_t)c->acap * sizeof *c->akey);
		c->ato = csc_xrealloc(c->ato, (size_t)c->acap * sizeof *c->ato);
	}
	c->akey[c->nalias] = csc_xstrdup(key);
	c->ato[c->nalias++] = to;
}

const char *codes_find(const codes_list *c, const char *v, size_t n)
{
	trim(&v, &n);
	if (!n)
		return NULL;
	/* a plain code first: the common case, and no Annex A form of one
	 * code is another code (csc_annexa_codes.c) */
	int i = index_of(c, v, n);
	if (i >= 0)
		return c->code[i];
	const char *aa = c->aa ? csc_aa_match(c->aa, v, n) : NULL;
	if (aa)
		return aa;
	for (i = 0; i < c->n; i++)
		if (c->len[i] == n && strncasecmp(c->code[i], v, n) == 0)
			return c->code[i];
	if (!c->nalias)
		return NULL;
	char key[KEY_MAX];
	codes_key(v, n, key, sizeof key);
	for (i = 0; i < c->nalias; i++)
		if (!strcmp(c->akey[i], key))
			return c->ato[i] >= 0 ? c->code[c->ato[i]] : NULL;
	return NULL;
}

void codes_describe(const codes_list *c, char *buf, size_t cap)
{
	size_t o = 0;
	if (!cap)
		return;
	buf[0] = '\0';
	for (int i = 0; i < c->n; i++) {
		int w = snprintf(buf + o, cap - o, "%s%s", i ? ", " : "", c->code[i]);
		if (w < 0 || (size_t)w >= cap - o) {
			if (cap > 4)
				strcpy(buf + (o + 4 < cap ? o : cap - 4), "...");
			return;
		}
		o += (size_t)w;
	}
}

void codes_key(const char *in, size_t n, char *out, size_t cap)
{
	size_t o = 0;
	for (size_t i = 0; i < n && o + 1 < cap; i++) {
		unsigned char ch = (unsigned char)in[i];
		if (ch >= 0x80) {
			/* any multi-byte character (dash, curly quote) is punctuation */
			while (i + 1 < n && ((unsigned char)in[i + 1] & 0xC0) == 0x80)
				i++;
			continue;
		}
		if (isalnum(ch))
			out[o++] = (char)tolower(ch);
	}
	out[o] = '\0';
}

void codes_free(codes_list *c)
{
	for (int i = 0; i < c->n; i++)
		free(c->code[i]);
	for (int i = 0; i < c->nalias; i++)
		free(c->akey[i]);
	free(c->code);
	free(c->len);
	free(c->akey);
	free(c->ato);
	codes_init(c);
}
