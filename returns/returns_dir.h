/*
 * returns_dir.h - a folder of outputs that appears complete or not at all.
 *
 * The returns for a year are several files (the CIN XML and eleven SSDA903
 * CSVs) that must match each other, so the whole set is written into a
 * temporary sibling folder and swapped into place in one rename
 * (renameat2 RENAME_EXCHANGE where the filesystem has it). A run killed at
 * any point leaves the previous set, or the new one, never a mixture.
 */
#ifndef RETURNS_DIR_H
#define RETURNS_DIR_H

typedef struct ret_dir {
	char *path;  /* the final folder */
	char *tmp;   /* "<parent>/.<name>.tmp.<pid>" being filled */
} ret_dir;

/* Create the parent of path, remove temporary folders left by killed runs,
 * and create a fresh temporary folder. 0, or -1 after printing why. */
int ret_dir_begin(ret_dir *d, const char *path);

/* Replace path by the temporary folder. 0, or -1 after printing why (the
 * previous folder is then untouched and the temporary removed). */
int ret_dir_commit(ret_dir *d);

/* Remove the temporary folder. */
void ret_dir_abort(ret_dir *d);

#endif
