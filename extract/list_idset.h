/*
 * list_idset.h - the set of record IDs seen so far in one list, to find
 * duplicates. Memory grows with the number of distinct IDs.
 */
#ifndef LIST_IDSET_H
#define LIST_IDSET_H

#include <stddef.h>

typedef struct list_idset {
	size_t n, cap;      /* entries used, slots (a power of two) */
	char **key;
	long *line;
} list_idset;

void list_idset_init(list_idset *s);

/* Add id (n bytes) first seen on `line`. Returns 0 when new, or the line
 * where it was first seen. */
long list_idset_add(list_idset *s, const char *id, size_t n, long line);

void list_idset_free(list_idset *s);

#endif
