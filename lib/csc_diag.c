/* csc_diag.c - see csc_diag.h. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "csc_diag.h"

static const char *prog = "cscpipe";
static int quiet;
static FILE *log_fp;

void csc_diag_init(const char *argv0)
{
	if (argv0 && *argv0) {
		const char *slash = strrchr(argv0, '/');
		prog = slash ? slash + 1 : argv0;
	}
	/* The run driver (csc-run) sets these for every stage it starts, so that
	 * each stage's messages land, timestamped, in the run's log file. */
	const char *q = getenv("CSC_QUIET");
	if (q && *q == '1')
		quiet = 1;
	const char *lp = getenv("CSC_LOG");
	if (lp && *lp && !log_fp) {
		/* never append through a link planted at the log's name */
		int fd = open(lp, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
		log_fp = fd >= 0 ? fdopen(fd, "a") : NULL;
		if (fd >= 0 && !log_fp)
			close(fd);
		if (log_fp)
			setvbuf(log_fp, NULL, _IOLBF, 0);
	}
}

/* The rest of a diagnostic after its leading words: "file:line: ",
 * "file: " or nothing, then the message and a newline. */
static void vput(FILE *fp, const char *file, long line, const char *fmt, va_list ap)
{
	if (file && line > 0)
		fprintf(fp, "%s:%ld: ", file, line);
	else if (file)
		fprintf(fp, "%s: ", file);
	vfprintf(fp, fmt, ap);
	fputc('\n', fp);
}

/* One log line: UTC timestamp, program, message. */
static void vlog(const char *file, long line, const char *fmt, va_list ap)
{
	if (!log_fp)
		return;
	time_t now = time(NULL);
	struct tm tm;
	char ts[32];
	gmtime_r(&now, &tm);
	strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", &tm);
	flockfile(log_fp);
	fprintf(log_fp, "%s %s: ", ts, prog);
	vput(log_fp, file, line, fmt, ap);
	funlockfile(log_fp);
}

void csc_log(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vlog(NULL, 0, fmt, ap);
	va_end(ap);
}

const char *csc_prog(void) { return prog; }

void csc_diag_reopen_log(void)
{
	if (log_fp)
		fclose(log_fp);
	log_fp = NULL;
	csc_diag_init(NULL);
}
/* Quiet can only be switched on: --quiet or CSC_QUIET=1 from the run driver. */
void csc_diag_quiet(int q) { quiet = quiet || q; }
int csc_diag_is_quiet(void) { return quiet; }

static void vreport(const char *file, long line, const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	vlog(file, line, fmt, copy);
	va_end(copy);
	fflush(stdout);
	/* one message at a time: csc-transform reports from several threads */
	flockfile(stderr);
	fprintf(stderr, "%s: ", prog);
	vput(stderr, file, line, fmt, ap);
	funlockfile(stderr);
}

void csc_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(NULL, 0, fmt, ap);
	va_end(ap);
}

void csc_error_at(const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(file, line, fmt, ap);
	va_end(ap);
}

void csc_die(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(NULL, 0, fmt, ap);
	va_end(ap);
	exit(code);
}

void csc_info(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (quiet)
		vlog(NULL, 0, fmt, ap);
	else
		vreport(NULL, 0, fmt, ap);
	va_end(ap);
}

void *csc_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		csc_die(CSC_EXIT_INTERNAL, "out of memory (%zu bytes)", n);
	return p;
}

void *csc_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		csc_die(CSC_EXIT_INTERNAL, "out of memory (%zu x %zu bytes)", n, size);
	return p;
}

void *csc_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		csc_die(CSC_EXIT_INTERNAL, "out of memory (%zu bytes)", n);
	return q;
}

char *csc_xstrdup(const char *s) { return csc_xstrndup(s, strlen(s)); }

char *csc_xstrndup(const char *s, size_t n)
{
	char *p = csc_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
