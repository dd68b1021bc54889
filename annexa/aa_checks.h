/*
 * aa_checks.h - the checks a data officer runs on Annex A before sending
 * it, written as the workbook's Checks sheet and as a CSV beside it; they
 * never stop the workbook being written.
 *
 * Each finding is one row: check, list, row (the list sheet's Excel row),
 * child, column, value, file, line, detail. The checks:
 *   mandatory_blank      a column every row of the list needs is empty
 *   code_not_in_list     a value Ofsted's code list for the column lacks
 *                        (written plain, ANNEX-A.md 3.7)
 *   date_outside_window  a date after the inspection date, or the date that
 *                        puts the record in the list outside its window
 *   date_order           two dates of a row in the wrong order
 *   missing_record       a child in a list without the record that puts
 *                        them there (e.g. "Looked after child" in List 6
 *                        and no List 8 row)
 *   rejected_record      a record the extract rejected, so left out of
 *                        the lists built from its input (file, line, field,
 *                        value and reason as in rejects_<input>.csv)
 * Memory: the findings are streamed to the CSV and the sheet; only the
 * cross-list checks wait for the end, one small record per row that
 * needs another list.
 */
#ifndef AA_CHECKS_H
#define AA_CHECKS_H

#include "aa_sheet.h"
#include "csc_csvw.h"
#include "csc_out.h"

typedef struct aa_listneed {
	int list, need;       /* a row of List `list` needs a row of List `need` */
	long row;
	int child;
	const char *why;      /* static text */
} aa_listneed;

struct aa_checks {
	xl_book *b;
	lxw_worksheet *ws;
	long row;             /* sheet rows written (0 = headers) */
	long max_rows;        /* rows the sheet holds: Excel's (fewer in a test) */
	long n;               /* findings */
	csc_out out;
	csc_csvw w;
	int open;
	aa_listneed *need;
	int nneed, capneed;
};

/* Start the checks: the CSV at csv_path (through csc_out) and the sheet
 * ws of b, which holds XL_MAX_ROWS rows (c->max_rows). 0, or -1 (reported). */
int aa_checks_open(aa_checks *c, const char *csv_path, xl_book *b, lxw_worksheet *ws);

/* One finding (any of file, value, detail may be NULL; row/line 0: none). */
void aa_checks_add(aa_checks *c, const char *check, const char *list, long row,
		   const char *child, const char *column, const char *value, const char *file,
		   long line, const char *detail);

/* The checks of the finished row of s (mandatory columns, dates after the
 * inspection date, the list's window and date order rules). */
void aa_checks_row(aa_sheet *s);

/* A row of s needs the child to have a row in List `need`. */
void aa_checks_need(aa_sheet *s, int need, const char *why);

/* The cross-list checks (d->people[].lists says which lists each child
 * is in), then the extracts' rejects of every input staged in staging_dir;
 * when the findings outnumber the sheet's rows, the sheet's last row says
 * how many more the CSV holds. 0, or -1 (reported: a rejects file
 * unreadable). */
int aa_checks_finish(aa_checks *c, const aa_data *d, const char *staging_dir);

/* Commit the CSV (0, or -1 reported), or abandon it. */
int aa_checks_commit(aa_checks *c);
void aa_checks_abort(aa_checks *c);

#endif
