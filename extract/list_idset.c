/* list_idset.c - see list_idset.h. Open addressing with linear probing. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csc_diag.h"
#include "list_idset.h"

void list_idset_init(list_idset *s)
{
	memset(s, 0, sizeof *s);
}

static uint64_t hash(const char *p, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
	return h;
}

static size_t slot(const list_idset *s, const char *id, size_t n)
{
	size_t i = (size_t)hash(id, n) & (s->cap - 1);
	while (s->key[i] && !(strlen(s->key[i]) == n && !memcmp(s->key[i], id, n)))
		i = (i + 1) & (s->cap - 1);
	return i;
}

static void grow(list_idset *s)
{
	list_idset old = *s;
	s->cap = old.cap ? old.cap * 2 : 1024;
	s->key = csc_xcalloc(s->cap, sizeof *s->key);
	s->line = csc_xcalloc(s->cap, sizeof *s->line);
	for (size_t i = 0; i < old.cap; i++)
		if (old.key[i]) {
			size_t j = slot(s, old.key[i], strlen(old.key[i]));
			s->key[j] = old.key[i];
			s->line[j] = old.line[i];
		}
	free(old.key);
	free(old.line);
}

long list_idset_add(list_idset *s, const char *id, size_t n, long line)
{
	if (2 * (s->n + 1) > s->cap)
		grow(s);
	size_t i = slot(s, id, n);
	if (s->key[i])
		return s->line[i];
	s->key[i] = csc_xstrndup(id, n);
	s->line[i] = line;
	s->n++;
	return 0;
}

void list_idset_free(list_idset *s)
{
	for (size_t i = 0; i < s->cap; i++)
		free(s->key[i]);
	free(s->key);
	free(s->line);
	list_idset_init(s);
}
