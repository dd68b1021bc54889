/*
 * report_cell.h - what one figure cell of a report shows.
 *
 * MEASURES.md rounds percentages and rates to 1 decimal place, halves away
 * from zero, only when writing. Excel's display rounding works on the
 * binary double (22.85 is stored as 22.8499999...) and would show 22.8%, so
 * the stored cell value is itself rounded, from the integer numerator and
 * denominator where the row has them (exact), else from the value. A reader
 * who sums or charts the cells therefore uses the published figures; the
 * unrounded values stay in measures.csv. Percentages are stored as
 * fractions (22.9% = 0.229) under the format 0.0%.
 *
 * Missing values use the GSS shorthand in square brackets (the Notes sheet
 * holds the key): a zero denominator shows "[z]" (not applicable), never 0;
 * no row for the period "[x]" (not available); in publication mode small
 * numbers show "c" (counts 1-5; percentages and rates whose numerator or
 * denominator is 1-5).
 */
#ifndef REPORT_CELL_H
#define REPORT_CELL_H

#include "report_data.h"
#include "xl_book.h"

enum report_cell_kind { REPORT_CELL_COUNT, REPORT_CELL_PCT, REPORT_CELL_RATE };

/* Why a cell is text rather than a number. */
enum report_cell_why { REPORT_CELL_OK, REPORT_CELL_NOCASES, REPORT_CELL_SUPPRESSED, REPORT_CELL_MISSING, REPORT_CELL_UNAVAILABLE, REPORT_CELL_NONE };

typedef struct report_cell {
	enum report_cell_why why;  /* REPORT_CELL_OK: v is the number to store */
	double v;
	const char *text; /* the text shown otherwise */
	enum xl_fmt fmt;
} report_cell;

/* The kind named in definitions.csv ("count", "percentage" or "%", "rate");
 * -1 when unknown. */
int report_cell_kind_of(const char *s);

/* The cell for one measures.csv row (NULL = no row for that period). */
report_cell report_cell_value(const report_data_measure *m, enum report_cell_kind k, int publication);

/* A target or comparator from rag.csv, on the measure's scale ("" = none). */
report_cell report_cell_comparator(const char *s, enum report_cell_kind k);

/* Round x to 1 decimal place, halves away from zero, treating x as the
 * decimal it was printed from (shortest round-trip text). */
double report_cell_round1(double x);

/* n * scale / d rounded to 1 dp, halves away from zero, exactly for whole
 * n >= 0 and d > 0 up to 2^40. */
double report_cell_ratio1(double n, double d, double scale);

/* A line chart's value axis for the n plotted values v (the figures and
 * their targets) of kind k, so that the line is not flattened against a
 * zero the data never nears: from the lowest to the highest value with 15%
 * of their span (20% of the value, or 10 percentage points, or 1, when they
 * are equal) added each side, rounded out to a step of 1, 2, 2.5 or 5 times
 * a power of ten that gives about five intervals; never below 0 when no
 * value is, never above 100% for a percentage that is not. Counts step by
 * whole numbers. 0 and *min, *max, *step set; -1 when n is 0. */
int report_cell_axis(const double *v, int n, enum report_cell_kind k, double *min, double *max, double *step);

/* Write c into the sheet. */
void report_cell_write(xl_book *b, lxw_worksheet *ws, long row, int col, const report_cell *c);

#endif
