/*
 * share_key.h - the pseudonym key: a file only its owner can read.
 */
#ifndef SHARE_KEY_H
#define SHARE_KEY_H

#include <stddef.h>

#include "share_value.h"

typedef struct share_key {
	unsigned char k[SHARE_KEY_MAX];
	size_t n;
} share_key;

/* Read the key file at path: its bytes as they are (a trailing line end is
 * part of the key; README "Sharing records" says how to make one). Refused,
 * with a message naming the file and why, when it is a symbolic link, not a
 * regular file, missing or unreadable, readable or writable by group or
 * others, empty, shorter than SHARE_KEY_MIN bytes or longer than
 * SHARE_KEY_MAX. Returns 0, or -1 after reporting. */
int share_key_load(const char *path, share_key *key);

/* Overwrite the key in memory. */
void share_key_wipe(share_key *key);

#endif
