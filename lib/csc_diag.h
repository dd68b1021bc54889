/*
 * csc_diag.h - diagnostics and exit codes shared by every executable.
 *
 * Messages follow git's form: "prog: file:line: message" on stderr, so an
 * editor or a log reader can jump to the place. Exit codes are one table for
 * the whole pipeline (README, "Exit codes").
 */
#ifndef CSC_DIAG_H
#define CSC_DIAG_H

#include <stdarg.h>

enum csc_exit {
	CSC_EXIT_OK = 0,       /* success */
	CSC_EXIT_QUERIES = 1,  /* validator: queries (warnings) only */
	CSC_EXIT_DATA = 2,     /* validation errors in the data */
	CSC_EXIT_INPUT = 3,    /* an input is missing, unreadable or unparseable */
	CSC_EXIT_CONFIG = 4,   /* bad configuration or usage */
	CSC_EXIT_LOCKED = 5,   /* another run holds the output folder */
	CSC_EXIT_OUTPUT = 6,   /* an output could not be written (disk full, read-only) */
	CSC_EXIT_INTERNAL = 7, /* a bug or resource failure inside cscpipe */
};

/* Set the program name used as the prefix (basename of argv[0]). Also reads
 * CSC_QUIET=1 (be quiet) and CSC_LOG=FILE (append every message, with a UTC
 * timestamp, to FILE) from the environment, as set by the run driver. */
void csc_diag_init(const char *argv0);

/* The program name set by csc_diag_init. */
const char *csc_prog(void);

/* Close the log and open CSC_LOG again (csc-run, once the data has fixed
 * the period its log is named after). */
void csc_diag_reopen_log(void);

/* Suppress csc_info output (for --quiet). Errors are always printed. */
void csc_diag_quiet(int quiet);
int csc_diag_is_quiet(void);

/* "prog: message" to stderr. */
void csc_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* "prog: file:line: message" to stderr; line 0 omits the line. */
void csc_error_at(const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Print "prog: message" and exit with code. Only main() exits (library code
 * reports with csc_error_at and returns -1): this is for csc_xmalloc's out
 * of memory and the fuzz harnesses' own setup. */
void csc_die(int code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3), noreturn));

/* A line for the run log only (see CSC_LOG in csc_diag_init). */
void csc_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Informational line to stderr unless quiet; always to the run log. */
void csc_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Allocation that exits with CSC_EXIT_INTERNAL instead of returning NULL. */
void *csc_xmalloc(size_t n);
void *csc_xcalloc(size_t n, size_t size);
void *csc_xrealloc(void *p, size_t n);
char *csc_xstrdup(const char *s);
char *csc_xstrndup(const char *s, size_t n);

#endif
