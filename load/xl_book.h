/*
 * xl_book.h - one xlsx workbook written the cscpipe way.
 *
 * - Atomic: libxlsxwriter writes "<path>.tmp.<pid>" beside the target;
 *   xl_close and xl_publish fsync and rename it, xl_discard removes it, so a failed run
 *   leaves the previous workbook untouched.
 * - Deterministic: fixed document properties with the created time taken
 *   from the data's period end (libxlsxwriter 1.1.4 stamps every zip entry
 *   with a fixed 1980-01-01 date, so nothing else reads the clock).
 * - Memory: libxlsxwriter 1.1.4 refuses Excel Tables in constant_memory
 *   mode, and GSS spreadsheet guidance wants every table to be one, so the
 *   workbook is built in memory; what bounds it is the drill-down cap
 *   (report_ctx.h), not the size of the dumps.
 * - Safe text: every text cell goes through xl_text, which always writes a
 *   string (never a formula, whatever the first character).
 * - Every sheet carries the protective marking in header and footer and
 *   prints landscape, A4, fitted to the page width.
 */
#ifndef XL_BOOK_H
#define XL_BOOK_H

#include <xlsxwriter.h>

#include "csc_date.h"

#define XL_MARKING "OFFICIAL-SENSITIVE"
#define XL_MAX_ROWS 1048576 /* rows in an Excel sheet */

/* The shared cell formats. */
enum xl_fmt {
	XF_NONE, XF_TITLE, XF_SUBTITLE, XF_TEXT, XF_WRAP, XF_BOLD, XF_HEADER, XF_COUNT,
	XF_PCT, XF_RATE, XF_DATE, XF_NOTE_NUM, /* text in a number column ("no cases", "c") */
	XF_GREEN, XF_AMBER, XF_RED, XF_LINK, XF_MARKING,
	XF_COUNT_PLAIN, /* a line number ("0", centred) */
	XF_HEADER_NUM, /* header of a number column: right-aligned over its figures */
	XF_HEADER_MID, /* header of a centred column */
	XF_CENTER,     /* short words in a column of their own (RAG, trend) */
	XF_BLUE,       /* action RAG Blue: complete (commentary) */
	XF_DATE_LEFT,  /* a date standing beside its label (a cover): "31 October 2026", left */
	XF_DATE_MID,   /* a date column followed by text: centred, clear of it */
	XF_NFMT
};

typedef struct xl_book {
	lxw_workbook *wb;
	char *path;
	char *tmp;
	lxw_format *fmt[XF_NFMT];
	int error; /* first lxw_error seen, 0 = none */
	int tables; /* tables added, for unique table names */
} xl_book;

/* Start a workbook for path. `title` and `company` go into the document
 * properties; `created` (the period end) becomes their timestamp. */
xl_book *xl_open(const char *path, const char *title, const char *company, csc_date created);

/* The same in libxlsxwriter's constant_memory mode, for a workbook of many
 * rows and no Excel Table (Annex A): each sheet keeps only the row being
 * written and spills the others to a temporary file, so memory does not
 * grow with the rows. Each sheet's rows must be written in order (a cell
 * of an earlier row is refused and fails xl_close); strings are stored
 * inline. `comments` is the document properties' comment (what the
 * workbook is made from; xl_open's says measures.csv). NULL on error
 * (reported). */
xl_book *xl_open_streaming(const char *path, const char *title, const char *company,
			   const char *comments, csc_date created);

/* Write the workbook to its temporary name and fsync it; 0, or -1 after
 * printing why (the temporary is removed). */
int xl_close(xl_book *b);

/* Rename a closed workbook into place and free b; 0, or -1 after printing
 * why. Closing every workbook first and publishing only when all closed
 * cleanly means a run never leaves one new report beside one old one. */
int xl_publish(xl_book *b);

/* Remove the temporary (closing first if needed) and free b. */
void xl_discard(xl_book *b);
/* After a fork, when another process builds b: drop this process's
 * unbuilt copy without writing or removing anything. b keeps its names, so
 * xl_publish renames what the other process closed and xl_discard removes
 * it. */
void xl_handover(xl_book *b);
/* Free b without touching its files: for a handed-over workbook that this
 * process neither publishes nor discards. */
void xl_free(xl_book *b);

/* Add a sheet with marking, print setup and gridlines as GSS suggests. */
lxw_worksheet *xl_sheet(xl_book *b, const char *name);

/* A sheet's title (XF_TITLE) with its row tall enough for the larger font:
 * LibreOffice keeps the default 15-point row, so a 16-point title is drawn
 * over the line below it. */
void xl_title(xl_book *b, lxw_worksheet *ws, long row, const char *s);

/* A text cell, always a string. NULL or "" writes nothing. Text longer than
 * Excel's 32,767 characters is cut at a UTF-8 boundary. */
void xl_text(xl_book *b, lxw_worksheet *ws, long row, int col, const char *s, enum xl_fmt f);

/* A number cell. */
void xl_num(xl_book *b, lxw_worksheet *ws, long row, int col, double v, enum xl_fmt f);

/* A date cell (Excel serial day, shown YYYY-MM-DD); CSC_NODATE writes nothing. */
void xl_date(xl_book *b, lxw_worksheet *ws, long row, int col, csc_date d);

/* An internal link to cell A1 of sheet `target`, showing `text`. */
void xl_link(xl_book *b, lxw_worksheet *ws, long row, int col, const char *target,
	     const char *text);

/* Declare an Excel Table over rows first..last (first = header row) and
 * columns 0..ncols-1 with the given headers; it writes the header cells.
 * `name` (letters, digits, underscores) is made unique with a number.
 * A table needs at least one data row: the caller writes a "none" row when
 * there is nothing to list. */
void xl_table(xl_book *b, lxw_worksheet *ws, const char *name, long first, long last,
	      int ncols, const char *const *headers);

/* Height in points for a row whose wrapped text cells are texts[i] in
 * columns widths[i] wide (Excel character units): enough lines for the
 * longest, estimated from word lengths since LibreOffice, unlike Excel,
 * does not fit rows to wrapped text when it opens a workbook. 0 when
 * every text fits on one line (leave the default height). */
double xl_wrap_height(const char *const *texts, const double *widths, int n);

/* Print planning for a sheet xl_sheet set up (landscape A4, margins as
 * libxlsxwriter's defaults, fitted to one page wide). */

/* Pixels (at 96 dpi, Calibri 11 as Excel and libxlsxwriter measure) of a
 * column w Excel character units wide. */
double xl_col_px(double w);

/* The print scale, in percent (10 to 100), that fits columns this wide
 * (Excel character units) across the page: what fit-to-width gives. */
int xl_fit_scale(const double *widths, int ncols);

/* Keep n blocks of rows (charts) whole in print. Block i covers rows
 * first[i] .. first[i] + rows[i] - 1, in row order. Walking the rows with
 * the heights set so far (lxw defaults elsewhere), at the given scale and
 * with the header row repeat_row (-1 none) repeated on every page, a block
 * that would cross a page end gets a manual page break before it. A
 * margin is kept for the difference between this estimate and the
 * spreadsheet program's own layout. */
void xl_keep_blocks(xl_book *b, lxw_worksheet *ws, int scale, long repeat_row,
		    const long *first, const long *rows, int n);

/* Wrapped text (XF_WRAP) in a column `width` Excel character units wide,
 * its row made tall enough for it (xl_wrap_height) when it needs more than
 * one line. */
void xl_text_wrapped(xl_book *b, lxw_worksheet *ws, long row, int col, const char *s,
		     double width);

/* Remember an lxw_error (keeps the first). */
void xl_check(xl_book *b, lxw_error e);

/* Excel's serial day for a date. */
double xl_serial(csc_date d);

#endif
