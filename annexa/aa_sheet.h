/*
 * aa_sheet.h - writing the rows of one Annex A list: cells as Annex A
 * wants them (dates as Excel dates shown dd/mm/yyyy, IDs and codes as text,
 * counts as numbers), through load/xl_book's formula-guarded writers.
 */
#ifndef AA_SHEET_H
#define AA_SHEET_H

#include "aa_data.h"
#include "load/xl_book.h"

#define AA_MAXCOLS 40

typedef struct aa_checks aa_checks;

typedef struct aa_sheet {
	xl_book *b;
	lxw_worksheet *ws;
	lxw_format *date;     /* dd/mm/yyyy */
	long row;             /* the row being written (0 = headers) */
	long rows;            /* data rows written */
	int full;             /* a row past Excel's last was refused (reported) */
	/* for the checks (aa_checks.h): the list, the current row's child and
	 * which cells it filled, with its dates */
	const struct aa_list *list;
	aa_data *d;
	aa_checks *ck;        /* NULL: no checks */
	int child;            /* -1: not known */
	char id[64];
	unsigned char filled[AA_MAXCOLS];
	csc_date dates[AA_MAXCOLS];
} aa_sheet;

/* Finish the list: the checks of its last row. */
void aa_sheet_done(aa_sheet *s);

/* Start the next data row; 0, or -1 (reported once) past Excel's last row. */
int aa_row(aa_sheet *s);

void aa_text(aa_sheet *s, int col, const char *v);
void aa_date(aa_sheet *s, int col, csc_date d);   /* CSC_NODATE: blank */
void aa_count(aa_sheet *s, int col, long n);      /* n < 0: blank */
/* The Annex A form of plain code `code` of csc_annexa_codes field `field`
 * (gender, ethnicity, source); a code the table lacks is written plain. */
void aa_code(aa_sheet *s, int col, const char *field, const char *code);
/* The Annex A form of `code` in value table t (aa_values.h); a code the
 * table lacks is written plain and named by the checks. */
struct aa_value;
void aa_coded(aa_sheet *s, int col, const struct aa_value *t, const char *code);
/* a) Yes for 1, b) No for 0, blank for -1. */
void aa_yn(aa_sheet *s, int col, int v);

/* The person columns P (Child Unique ID, Gender, Ethnicity, Date of Birth,
 * Age) from col on. Each value is the first input that has it: the list's
 * own (sex, eth, dob: NULL / "" / CSC_NODATE when it has none), then
 * CIN, then SSDA903 (ANNEX-A.md, shorthand P). Age is completed years on
 * the inspection date. */
void aa_person_cells(aa_sheet *s, int col, const aa_data *d, const char *id, int child,
		     const char *sex, const char *eth, csc_date dob);

/* The same without the ID: Gender, Ethnicity, Date of Birth, Age from col
 * on (List 10 has the Family identifier between the ID and the gender). */
void aa_person_details(aa_sheet *s, int col, const aa_data *d, int child, const char *sex,
		       const char *eth, csc_date dob);

#endif
