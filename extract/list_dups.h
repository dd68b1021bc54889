/*
 * list_dups.h - duplicate rows within and across the files of one table
 * (INPUTS.md, Bad input; the keys are in docs/FORMATS.md).
 *
 * Every valid row is looked up by its table's key (Header: CHILD;
 * Episodes: CHILD + DECOM; a contact: its Contact ID; ...):
 * - a key not seen before is staged;
 * - a row equal to the first row of its key (the same normalised value in
 *   every column the file has) is an exact duplicate: rejected, naming the
 *   file:line it repeats;
 * - a row whose values differ makes the key conflicting: neither row can be
 *   trusted, so this row and every later row of the key are rejected, the
 *   first row (already staged) is taken back (csc_stage_unstage) and
 *   removed from the staging file by list_dups_finish, and one finding per
 *   key goes to findings_<input>.csv.
 *
 * A table without a key (nkey 0: OC2, OC3, PrevPerm, whose rows carry no
 * year) has no row check; there, as for every table, a file whose bytes
 * are those of an earlier file of the table (list_dups_copy) has each row
 * rejected as an exact duplicate of the same line of that file. A list
 * whose key column is absent (contacts without Contact ID) is keyed by the
 * whole row: only exact repeats are found.
 *
 * Memory grows with the number of distinct keys, not with bytes: per key a
 * 128-bit hash of the key (SHA-256, truncated), a 64-bit hash of its first
 * row's other columns (SipHash keyed by the rest of the key's digest; the
 * whole row's SHA-256 when the row is the key) and where that row is (file,
 * line, row of staging): 40 bytes in an open-addressing table kept at most
 * 3/4 full.
 */
#ifndef LIST_DUPS_H
#define LIST_DUPS_H

#include <stdint.h>

#include "csc_out.h"
#include "csc_stage.h"

#define LIST_DUPS_MAX_KEY 4
#define LIST_DUPS_MAX_FILES CSC_STAGE_MAX_TABLES

struct list_reader;
struct list_reject;

typedef struct list_dups_ent {
	uint64_t key[2];       /* SHA-256 of the key, first 128 bits */
	uint64_t row;          /* hash of the first row (hash_row) */
	uint64_t ord;          /* the first row's place among staged rows */
	/* one word for the rest: 40 bytes a key, not 48 */
	uint64_t line : 48;    /* its line; 0 = empty slot */
	uint64_t file : 15;    /* its file (index into files) */
	uint64_t conflict : 1; /* 1 once a row with other values came */
} list_dups_ent;
_Static_assert(LIST_DUPS_MAX_FILES <= 1 << 15, "list_dups_ent.file holds a file index");

typedef struct list_dups {
	int key[LIST_DUPS_MAX_KEY]; /* key columns of the list_table; */
	int nkey;                   /* 0: no key, only copies are found */
	uint32_t keymask;           /* bit i: column i is in the key */
	int child;                  /* the child's column, for findings; -1 none */
	const char *table;          /* for messages: "Episodes" */
	list_dups_ent *ent;
	size_t n, cap;              /* keys held, slots (a power of two) */
	const char *files[LIST_DUPS_MAX_FILES];
	csc_table *recs[LIST_DUPS_MAX_FILES];
	const char *copy_of[LIST_DUPS_MAX_FILES]; /* NULL, or the file it copies */
	int nfiles;
	uint64_t nstaged;           /* rows staged so far */
	uint64_t *drop;             /* staged rows to take out (list_dups_finish) */
	size_t ndrop, dcap;
	long duplicates, conflicts; /* rows rejected as each */
	unsigned char *hb;          /* the bytes of a key or row being hashed */
	size_t hbn, hbcap;
	/* the reject's field and value (valid until the next row) and words */
	char field[256], value[256], words[256];
} list_dups;

/* Set up d for a table: key columns (indexes into the table's columns,
 * nkey of them; 0 = no key), the child's column (-1 none). */
void list_dups_init(list_dups *d, const char *table, const int *key, int nkey, int child);

/* Before reading it: the file counted in rec is a byte-for-byte copy of
 * the earlier file `of` of the table (the names are kept, not copied). */
void list_dups_copy(list_dups *d, csc_table *rec, const char *file, const char *of);

/* For a row of r that passed every other check (values in r->v): 0 when it
 * is to be staged (the caller stages it, as the engine does), or -1 with
 * rej filled when it is a duplicate or its key is conflicting. */
int list_dups_check(list_dups *d, struct list_reader *r, long line, struct list_reject *rej);

/* After the last file of the table: remove from the staging file t is
 * writing (positioned at its end) the first rows of conflicting keys, and
 * watch its event dates again over the rows kept (coverage counts staged
 * rows only). 0, or -1 after printing why (a read or write error). */
int list_dups_finish(list_dups *d, csc_table *t);

void list_dups_free(list_dups *d);

#endif
