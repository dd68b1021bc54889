/* csc_progress.c - see csc_progress.h. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "csc_diag.h"
#include "csc_progress.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void csc_progress_start(csc_progress *p, const char *what, long long total)
{
	p->what = what;
	p->total = total;
	p->last = now();
	/* only worth showing for inputs that take a moment */
	p->active = total > (8LL << 20) && !csc_diag_is_quiet() && isatty(2);
}

void csc_progress_update(csc_progress *p, long long done)
{
	if (!p->active)
		return;
	double t = now();
	if (t - p->last < 0.25)
		return;
	p->last = t;
	fprintf(stderr, "\r%s: %s: %3d%% (%lld of %lld MB)", csc_prog(), p->what,
		(int)(100.0 * (double)done / (double)p->total), done >> 20, p->total >> 20);
	fflush(stderr);
}

void csc_progress_end(csc_progress *p)
{
	if (p->active)
		fprintf(stderr, "\r\033[K");
	p->active = 0;
}
