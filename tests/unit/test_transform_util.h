/* test_transform_util.h - run csc-transform's engine on a hand-made staging
 * fixture (tests/data/transform/<name>/staging) and assert its figures. */
#ifndef TEST_TRANSFORM_UTIL_H
#define TEST_TRANSFORM_UTIL_H

#include <math.h>

#include "../../transform/tx.h"
#include "../../transform/measures.h"

/* Run with the fixture's staging and extra conf lines (period_end etc.);
 * outputs go to a fresh temporary folder (tt_outdir). Asserts exit 0. */
tx_engine *tt_run(const char *fixture, const char *conf_lines);
const char *tt_outdir(void);
void tt_done(tx_engine *e);

/* Run expecting exit code want (the engine is not kept). */
void tt_run_fail(const char *fixture, const char *conf_lines, int want);

/* Assert a figure: value NaN means the value must be empty. */
#define EMPTY NAN
void tt_fig(const tx_engine *e, const char *m, const char *bd, const char *start,
	    const char *end, long num, long den, double value, const char *file, int line);
#define FIG(e, m, bd, ...) tt_fig(e, m, bd, __VA_ARGS__, __FILE__, __LINE__)

/* 1 when the output file holds a line containing text. The file
 * "drilldown_rows.csv" is drilldown.csv expanded by the load's reader:
 * one row per record and period, measure,breakdown,period_start,
 * period_end,child,record,role,reason, in the order the transform met them. */
int tt_has_line(const char *file, const char *text);
/* Number of lines of the output file containing text. */
int tt_count_lines(const char *file, const char *text);

csc_date tt_d(const char *iso);

#endif
