/*
 * list_engine.h - one engine that turns a CSV row into a staged record or a
 * reject, driven by a table of column specifications.
 *
 * The SSDA903 tables, the contacts list and the early-help list are all
 * described as arrays of list_col {source name, staging name, type,
 * required, blank allowed, code list}; the engine maps the header, checks
 * every value of every row, normalises it (dates to ISO, labels to codes)
 * and either stages the row or writes one reject naming file, line, field,
 * value and reason. Checks that involve several columns (date order) are
 * a per-table callback run after the column checks; rows that repeat or
 * contradict another row of the table last (list_dups.h).
 */
#ifndef LIST_ENGINE_H
#define LIST_ENGINE_H

#include "codes_list.h"
#include "csc_csvr.h"
#include "csc_date.h"
#include "csc_stage.h"

#define LIST_MAX_COLS 32
#define LIST_REASON_MAX 512

enum list_type {
	LT_ID,       /* identifier: kept as given (trimmed) */
	LT_TEXT,     /* free text: kept as given, formula-guarded in staging */
	LT_DATE_DMY, /* DD/MM/YYYY only (SSDA903) */
	LT_DATE_ANY, /* DD/MM/YYYY or YYYY-MM-DD (Annex A lists) */
	LT_CODE,     /* one of codes (or an alias of one) */
	LT_INT,      /* whole number in [lo, hi] (lo > hi: any) */
	LT_YEARS,    /* LT_INT, or a decimal floored to it: Annex A exports
			give ages at the extract date as 7.42 (ANNEX-A.md 2.4) */
	LT_SEX,      /* M, F, U, or a code of `codes` that means 1 = M / 2 = F */
};

typedef struct list_col {
	const char *name;        /* column name in the source file */
	const char *stage;       /* column name in the staging file */
	enum list_type type;
	int required;            /* the column must be in the header */
	int blank_ok;            /* an empty value is accepted */
	const codes_list *codes; /* LT_CODE and LT_SEX */
	int lo, hi;              /* LT_INT and LT_YEARS bounds */
} list_col;

typedef struct list_val {
	const char *s;           /* normalised text, "" when blank or absent */
	size_t n;                /* strlen(s): a check replacing s sets it too */
	csc_date d;              /* dates; CSC_NODATE otherwise */
	csc_date iso_d;          /* the date iso holds (staged as it is when
				    d still equals it; a check may change d) */
	char iso[CSC_DATE_BUFSZ];
} list_val;

typedef struct list_reject {
	const char *field;
	const char *value;
	char reason[LIST_REASON_MAX];
} list_reject;

struct list_reader;

/* Cross-column checks for one valid row: return 0 to stage it, or fill rej
 * and return non-zero to reject it. May replace values in v. */
typedef int (*list_check_fn)(void *ctx, struct list_reader *r, list_val *v, long line,
			     list_reject *rej);

typedef struct list_table {
	const char *table;       /* recon table name */
	const list_col *cols;
	int ncols;
	int by_name;             /* 1: map columns by csc_csv_key, any order,
				    unknown columns ignored; 0: exact order */
	int src_file;            /* staging has a src_file column before src_line */
	list_check_fn check;
	void *ctx;
	struct list_dups *dups;  /* duplicate rows and keys (list_dups.h), or NULL */
} list_table;

/* One remembered code lookup of the engine: code columns hold a few
 * distinct values, each looked up (code, Annex A form, label) once per
 * file rather than once per row. Values longer than LIST_MEMO_VAL bytes
 * are looked up every time. */
#define LIST_MEMO_SLOTS 1024
#define LIST_MEMO_VAL 52
typedef struct list_memo {
	char v[LIST_MEMO_VAL];
	unsigned char col, n;    /* the column, the value's length (0: empty) */
	unsigned short rn;       /* strlen(res) */
	const char *res;         /* what the lookup gave (NULL: not a code) */
} list_memo;

typedef struct list_reader {
	const list_table *t;
	csc_stage *stage;
	csc_table *rec;          /* recon entry of this file */
	csc_csvw *w;             /* staging writer (possibly another entry's) */
	const char *file;        /* source file name for rejects and messages */
	size_t file_len;
	int map[LIST_MAX_COLS];  /* column -> field index, -1 = absent */
	int nhdr;                /* fields in the header */
	int fatal;               /* header refused (message printed) */
	long rows;               /* rows seen including the header */
	list_val v[LIST_MAX_COLS];
	char scratch[64];        /* room for a made-up value (row<line>) */
	list_memo memo[LIST_MEMO_SLOTS];
} list_reader;

/* Set up r to read one file of table t into rec / w. */
void list_reader_init(list_reader *r, const list_table *t, csc_stage *stage, csc_table *rec,
		      csc_csvw *w, const char *file);

/* csc_row_fn for csc_csv_read: the header (row 0), then every record. */
int list_reader_row(void *ctx, const csc_row *row);

/* Read a whole file with r, recording its size and SHA-256 as read in the
 * stage's sources; returns 0, or -1 after a fatal error was printed
 * (structural CSV error, refused header, empty file). A record broken by a
 * stray quote (csc_csvr.h, CSC_CSV_RECOVER) is one reject at its first
 * line, and reading goes on at the next line. */
int list_reader_file(list_reader *r, const char *path);

/* Same, over n bytes of memory (tests and fuzzing), read from a copy as
 * list_reader_file reads its file (csc_csv_readf_buf). */
int list_reader_mem(list_reader *r, const char *data, size_t n);

/* Check and normalise the value of column c (trimmed text s of n bytes,
 * modified in place). 0, or -1 with rej->reason filled. */
int list_check_value(const list_col *c, char *s, size_t n, list_val *out, list_reject *rej);

/* Write the staging header for t into a NULL-terminated array of at most
 * LIST_MAX_COLS + 3 names. */
void list_stage_header(const list_table *t, const char **names);

#endif
