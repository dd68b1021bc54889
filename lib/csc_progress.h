/*
 * csc_progress.h - a progress line for long stages, on a terminal only.
 *
 * Nothing is printed when stderr is not a terminal (cron, CI, logs) or in
 * quiet mode, so outputs and logs stay byte-for-byte the same.
 */
#ifndef CSC_PROGRESS_H
#define CSC_PROGRESS_H

typedef struct csc_progress {
	const char *what;
	long long total;
	double last;   /* seconds of the last redraw */
	int active;
} csc_progress;

/* Begin showing progress through `total` bytes of `what`. */
void csc_progress_start(csc_progress *p, const char *what, long long total);

/* Bytes done so far; redraws at most four times a second. */
void csc_progress_update(csc_progress *p, long long done);

/* Clear the line. */
void csc_progress_end(csc_progress *p);

#endif
