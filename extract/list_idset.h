/*
 * list_idset.h - the set of record IDs seen so far in one list, to find
 * duplicates. Memory grows with the number of distinct IDs (the IDs are
 * packed in one arena).
 *
 * Case systems usually export IDs in increasing order. An ID greater than
 * every earlier one cannot be a duplicate, so it is only appended to a
 * sorted run (no hashing, no random memory access); other IDs are looked
 * up by binary search in the run and in a hash table that holds them.
 */
#ifndef LIST_IDSET_H
#define LIST_IDSET_H

#include <stddef.h>
#include <stdint.h>

typedef struct list_idset {
	size_t n;           /* IDs held */
	size_t nhash, cap;  /* IDs in the hash table, its slots (a power of two) */
	uint32_t *slot;     /* 2 words a slot: hash, 1 + index into the IDs */
	size_t *off;        /* per ID: offset in the arena (NUL-terminated) */
	long *line;         /* per ID: the line it was first seen on */
	size_t ncap;
	size_t *run;        /* IDs in increasing byte order (indexes) */
	size_t nrun, rcap;
	char *arena;
	size_t used, acap;
} list_idset;

void list_idset_init(list_idset *s);

/* Add id (n bytes) first seen on `line` (> 0). Returns 0 when new, or the
 * line where it was first seen. */
long list_idset_add(list_idset *s, const char *id, size_t n, long line);

void list_idset_free(list_idset *s);

#endif
