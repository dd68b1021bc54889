/*
 * report_sources.h - where a pack's comparators and targets come from:
 * templates_dir/comparators.csv read for its provenance (the transform reads
 * its values into rag.csv).
 *
 * The file may say two things about itself (docs/FORMATS.md, "Comparators"):
 * - a line "#! illustrative" among the comment lines before the header marks
 *   every value as made up; the workbooks then show RAG as not scored and
 *   the cover says why;
 * - the optional columns comparator_source (the publication the England,
 *   statistical-neighbour and region figures of the row come from) and
 *   target_source (where the row's target was set); each row's `year` is
 *   the financial year its values are for.
 */
#ifndef REPORT_SOURCES_H
#define REPORT_SOURCES_H

#include <stddef.h>

#define REPORT_SRC_MAX_TEXT 200 /* bytes in a source's name */

/* One source, with the financial years (1 April fy_lo to 31 March fy_hi + 1)
 * of the rows naming it. */
typedef struct report_src_source {
	int target;   /* 1: a target's source, 0: the comparators' */
	char *name;
	int fy_lo, fy_hi;
} report_src_source;

typedef struct report_src_info {
	int illustrative;   /* "#! illustrative" */
	int have_columns;   /* the file has comparator_source and target_source */
	int missing;        /* rows with a comparator or target but no source */
	report_src_source *s;      /* in order of first appearance, comparators then targets */
	size_t n;
} report_src_info;

/* Read path (at most 1 MiB). NULL after printing "path:line: message"
 * (unreadable, a malformed row, a year not YYYY-YY, a source longer than
 * REPORT_SRC_MAX_TEXT bytes, more than 64 sources). */
report_src_info *report_src_load(const char *path);

/* The same from memory: text (len bytes, NUL-terminated) named path in
 * messages. */
report_src_info *report_src_parse(const char *path, const char *text, size_t len);

/* Parse "YYYY-YY" (consecutive years) into the first year; -1 when not one. */
int report_src_fy(const char *s);

void report_src_free(report_src_info *c);

#endif
