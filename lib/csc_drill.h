/*
 * csc_drill.h - the compact drill-down (drilldown.csv, docs/FORMATS.md):
 * written by the transform, read by the load.
 *
 * The transform meets a drill-down record once per period it counts in (a
 * record of a quarter is usually one of a month and of the year to date
 * too). drilldown.csv holds each record of a group once, with the periods
 * (row numbers of drilldown_periods.csv) it belongs to:
 *
 *   group,measure,breakdown,periods,child,record,role,reason
 *
 * A group is what one unit (one child or contact) gave, in its order: its
 * first row has the group's number of rows in `group`, the others an empty
 * one. Expanding a group gives back the rows in the order the transform met
 * them: for each period in ascending order, the group's rows that list it,
 * in file order. So one period's rows are every row listing it, in file
 * order (no group needed), and the whole drill-down is the groups expanded
 * one after another. The encoder orders each group's rows so that this
 * holds (a topological order of "met before, in one period"); when no order
 * does (a record met twice in a period, or two periods meeting two records
 * in opposite orders) it splits the unit into more groups.
 */
#ifndef CSC_DRILL_H
#define CSC_DRILL_H

#include "csc_csvw.h"

#define CSC_DRILL_NF 6          /* measure, breakdown, child, record, role, reason */
#define CSC_DRILL_MAXPER 999    /* period numbers 1..999 */
#define CSC_DRILL_GROUP_MAX 4096 /* rows in one group (the load holds a group) */
#define CSC_DRILL_GROUP_BYTES (64u << 20) /* bytes of a group's values, at most */

/* The header of drilldown.csv, NULL-ended (8 names). */
extern const char *const csc_drill_header[];

typedef struct csc_drill_enc csc_drill_enc;

/* An encoder writing groups through w (kept; owned by the caller). */
csc_drill_enc *csc_drill_enc_new(csc_csvw *w);
void csc_drill_enc_free(csc_drill_enc *d);

/* One record met in period per (1..CSC_DRILL_MAXPER): f = measure,
 * breakdown, child, record, role, reason (NULL is ""). Held until the next
 * csc_drill_enc_flush; a period below the previous one, or a very large
 * unit (2^20 rows or 32 MiB of values held), flushes what is held first
 * (it starts a group of its own), so no group exceeds
 * CSC_DRILL_GROUP_BYTES (a value is at most 1 MiB, csc_csvr.h). */
void csc_drill_enc_add(csc_drill_enc *d, const char *const f[CSC_DRILL_NF], int per);

/* The same with the fields' lengths known (n[i] = strlen(v[i]), every
 * v[i] non-NULL): the transform knows most of them, and measuring six
 * strings per record met was a twentieth of its CPU. */
void csc_drill_enc_addn(csc_drill_enc *d, const char *const v[CSC_DRILL_NF],
			const size_t n[CSC_DRILL_NF], int per);

/* Write what was added since the last flush as one or more groups; the
 * number of rows written. */
long csc_drill_enc_flush(csc_drill_enc *d);

/* Groups written so far, and the flushes that needed more than one group
 * (no single order, or larger than a group). */
void csc_drill_enc_stats(const csc_drill_enc *d, long *groups, long *split);

/* The reading side: rows of drilldown.csv in, records per period out. */
typedef int (*csc_drill_row_fn)(void *ctx, char *const f[CSC_DRILL_NF], int per);
typedef struct csc_drill_dec csc_drill_dec;

/* A decoder for a drilldown.csv whose periods are 1..nper (the rows of
 * drilldown_periods.csv); fn gets each expanded record in order. */
csc_drill_dec *csc_drill_dec_new(int nper, csc_drill_row_fn fn, void *ctx);
void csc_drill_dec_free(csc_drill_dec *d);

/* One row, fields in csc_drill_header order. Returns 0, fn's non-zero
 * value (the decoding stops there), or -1 after reporting a malformed row
 * at path:line (a group of more than CSC_DRILL_GROUP_BYTES too: the memory
 * a group is held in stays bounded whatever the file). */
int csc_drill_dec_row(csc_drill_dec *d, char *const f[8], const char *path, long line);

/* End of the file: 0, or -1 after reporting a group cut short. */
int csc_drill_dec_end(csc_drill_dec *d, const char *path, long line);

#endif
