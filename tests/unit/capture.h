/* capture.h - collect what a call prints on stderr, so tests can assert the
 * exact "prog: file:line: message" diagnostics. Header-only for tests. */
#ifndef TEST_CAPTURE_H
#define TEST_CAPTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char capture_buf[8192];
static int capture_saved = -1;
static FILE *capture_tmp;

static inline void capture_start(void)
{
	fflush(stderr);
	capture_tmp = tmpfile();
	capture_saved = dup(2);
	dup2(fileno(capture_tmp), 2);
}

/* Stop capturing; returns what was printed (valid until the next capture). */
static inline const char *capture_end(void)
{
	fflush(stderr);
	dup2(capture_saved, 2);
	close(capture_saved);
	rewind(capture_tmp);
	size_t n = fread(capture_buf, 1, sizeof capture_buf - 1, capture_tmp);
	capture_buf[n] = '\0';
	fclose(capture_tmp);
	return capture_buf;
}

#endif
