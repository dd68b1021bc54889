/*
 * share_profile.h - what a recipient receives: for each profile, the staging
 * tables it includes and, for every column of each, one transformation.
 *
 * Every column of a staging table is listed, in the staging order of
 * docs/FORMATS.md: a staging table whose header differs (a column added to
 * the staging format) is refused, so no new column reaches a recipient
 * until someone decides what it becomes.
 */
#ifndef SHARE_PROFILE_H
#define SHARE_PROFILE_H

enum share_tx {
	SHARE_KEEP,      /* as staged */
	SHARE_PSEUDONYM, /* keyed HMAC-SHA-256 pseudonym (share_pseudonym) */
	SHARE_MONTH,     /* ISO date to the first of its month */
	SHARE_SECTOR,    /* postcode to its sector; unparseable -> blank */
	SHARE_DROP,      /* not in the extract */
};

#define SHARE_MAX_COLS 16

typedef struct share_col {
	const char *name;
	enum share_tx tx;
} share_col;

typedef struct share_file {
	const char *staging; /* "cin_children.csv" under <output_dir>/staging;
				written under the same name */
	int ncols;
	share_col cols[SHARE_MAX_COLS];
} share_file;

typedef struct share_profile {
	const char *name;
	const char *about;   /* one line for --help */
	int nfiles;
	const share_file *files;
} share_profile;

/* The profile called name, or NULL. */
const share_profile *share_profile_find(const char *name);

/* The name of transformation tx ("keep", "pseudonym", ...). */
const char *share_tx_name(enum share_tx tx);

/* Every profile, for --help: NULL-terminated. */
extern const share_profile *const share_profiles[];

#endif
