/* list_idset.c - see list_idset.h. Open addressing with linear probing;
 * a slot keeps 32 bits of the hash so that probes rarely touch the IDs. */
#include <stdlib.h>
#include <string.h>

#include "csc_diag.h"
#include "list_idset.h"

void list_idset_init(list_idset *s)
{
	memset(s, 0, sizeof *s);
}

static uint32_t hash(const char *p, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
	/* FNV's low bits depend only on the low bits of the bytes, and IDs
	 * differ in a few digits: finish with a full avalanche (murmur3 fmix64)
	 * so the slot index uses every byte */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	return (uint32_t)(h ^ (h >> 33));
}

static void grow(list_idset *s)
{
	uint32_t *old = s->slot;
	size_t ocap = s->cap;
	s->cap = ocap ? ocap * 2 : 1024;
	s->slot = csc_xcalloc(s->cap, 2 * sizeof *s->slot);
	for (size_t i = 0; i < ocap; i++)
		if (old[2 * i + 1]) {
			size_t j = old[2 * i] & (s->cap - 1);
			while (s->slot[2 * j + 1])
				j = (j + 1) & (s->cap - 1);
			s->slot[2 * j] = old[2 * i];
			s->slot[2 * j + 1] = old[2 * i + 1];
		}
	free(old);
}

/* Compare an arena ID with id (n bytes, no NUL inside). */
static int cmp(const list_idset *s, size_t k, const char *id, size_t n)
{
	const unsigned char *a = (const unsigned char *)s->arena + s->off[k];
	const unsigned char *b = (const unsigned char *)id;
	size_t i = 0;
	for (; i < n && a[i] && a[i] == b[i]; i++)
		;
	if (i == n)
		return a[i] ? 1 : 0;
	return a[i] < b[i] ? -1 : 1;
}

/* Index of id in the sorted run, or -1. */
static long in_run(const list_idset *s, const char *id, size_t n)
{
	size_t lo = 0, hi = s->nrun;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp(s, s->run[mid], id, n);
		if (!c)
			return (long)s->run[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* Store id in the arena as entry s->n. */
static void keep(list_idset *s, const char *id, size_t n, long line)
{
	if (s->n == s->ncap) {
		s->ncap = s->ncap ? 2 * s->ncap : 1024;
		s->off = csc_xrealloc(s->off, s->ncap * sizeof *s->off);
		s->line = csc_xrealloc(s->line, s->ncap * sizeof *s->line);
	}
	if (s->used + n + 1 > s->acap) {
		while (s->used + n + 1 > s->acap)
			s->acap = s->acap ? 2 * s->acap : 1 << 16;
		s->arena = csc_xrealloc(s->arena, s->acap);
	}
	memcpy(s->arena + s->used, id, n);
	s->arena[s->used + n] = '\0';
	s->off[s->n] = s->used;
	s->line[s->n] = line;
	s->used += n + 1;
	s->n++;
}

long list_idset_add(list_idset *s, const char *id, size_t n, long line)
{
	if (!s->nrun || cmp(s, s->run[s->nrun - 1], id, n) < 0) {
		/* greater than every ID so far: new, and the run stays sorted */
		keep(s, id, n, line);
		if (s->nrun == s->rcap) {
			s->rcap = s->rcap ? 2 * s->rcap : 1024;
			s->run = csc_xrealloc(s->run, s->rcap * sizeof *s->run);
		}
		s->run[s->nrun++] = s->n - 1;
		return 0;
	}
	long k = in_run(s, id, n);
	if (k >= 0)
		return s->line[k];
	if (2 * (s->nhash + 1) > s->cap)
		grow(s);
	uint32_t h = hash(id, n);
	size_t i = h & (s->cap - 1);
	for (;; i = (i + 1) & (s->cap - 1)) {
		uint32_t e = s->slot[2 * i + 1];
		if (!e)
			break;
		if (s->slot[2 * i] == h && !cmp(s, e - 1, id, n))
			return s->line[e - 1];
	}
	keep(s, id, n, line);
	s->nhash++;
	s->slot[2 * i] = h;
	s->slot[2 * i + 1] = (uint32_t)s->n;
	return 0;
}

void list_idset_free(list_idset *s)
{
	free(s->slot);
	free(s->off);
	free(s->line);
	free(s->arena);
	free(s->run);
	list_idset_init(s);
}
