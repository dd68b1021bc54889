/* csc_rmtree.h - remove a folder tree: the temporary and replaced folders
 * of csc-returns, the rebuild folder of csc-run --verify. */
#ifndef CSC_RMTREE_H
#define CSC_RMTREE_H

/* Remove path and everything under it, depth first, following no symbolic
 * link (a link is removed, not what it names). A path that does not exist,
 * or an entry gone meanwhile, is no error. Returns 0, or -1 with errno set
 * at the first entry that could not be removed (the rest is left; nothing
 * is printed: callers that care report it). */
int csc_rmtree(const char *path);

#endif
