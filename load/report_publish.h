/*
 * report_publish.h - the publication edition of the figures
 * (publish_edition = yes; ../shared/spec/PUBLISHING.md section 1).
 *
 * measures-published.csv: measures.csv with every row pub_suppress.h
 * suppresses shown as `c`, and highlight-<label>-published.xlsx: the
 * highlight layout with `[c]`, `[x]`, `[z]` (report_strand.c), a cover
 * without record counts and a Notes sheet, and no drill-down,
 * data-quality or rejected-records sheets.
 */
#ifndef REPORT_PUBLISH_H
#define REPORT_PUBLISH_H

#include "pub_suppress.h"
#include "report_ctx.h"

#define REPORT_PUB_CSV "measures-published.csv"

/* The state of every row of d->m, in d->m order (allocated; free it).
 * NULL after reporting an error. */
enum report_sup_state *report_pub_states(const report_data *d);

/* Write dir/measures-published.csv through csc_out. 0, or -1 after
 * reporting why (nothing is left behind). */
int report_pub_csv(const report_data *d, const enum report_sup_state *st, const char *dir);

/* The file name of the published workbook for a label or period. */
void report_pub_name(char *buf, size_t cap, const char *name, const char *label);

/* Remove what an earlier run with publish_edition = yes left in dir: the
 * CSV and the workbook `book`. 0, or -1 after reporting why. */
int report_pub_remove(const char *dir, const char *book);

/* Is row m of d->m suppressed in the edition? */
int report_pub_hidden(const report *r, const report_data_measure *m);

/* Is any period of this measure and breakdown suppressed? (A trend between
 * periods would then tell on a hidden figure.) */
int report_pub_any_hidden(const report *r, const char *measure, const char *breakdown);

/* The published workbook's cover below its period rows (report_cover
 * writes those and calls this), and its Notes sheet (key and rule). */
long report_pub_cover(report *r, lxw_worksheet *ws, long y); /* the row after its lines */
void report_pub_notes(report *r, lxw_worksheet *ws);

#endif
