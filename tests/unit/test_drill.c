/* The compact drill-down (lib/csc_drill.h): what the encoder writes for
 * hand-worked units, what the decoder gives back and refuses, and a seeded
 * round trip of many units through both. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture.h"
#include "csc_csvcols.h"
#include "csc_drill.h"

#define HEAD "group,measure,breakdown,periods,child,record,role,reason\n"

/* ---- encoding ---- */

static char *mem;
static size_t memlen;
static FILE *fp;
static csc_csvw w;
static csc_drill_enc *enc;

static void enc_start(void)
{
	fp = open_memstream(&mem, &memlen);
	assert_non_null(fp);
	csc_csvw_init(&w, fp);
	csc_csvw_header(&w, csc_drill_header);
	enc = csc_drill_enc_new(&w);
}

/* The text written; freed by the next enc_start's caller (tests are short). */
static const char *enc_end(void)
{
	csc_drill_enc_free(enc);
	fclose(fp);
	return mem;
}

/* Record "M,,C,<rec>,numerator,<why>" met in period per. */
static void add(const char *rec, const char *why, int per)
{
	const char *f[CSC_DRILL_NF] = {"M", "", "C", rec, "numerator", why};
	csc_drill_enc_add(enc, f, per);
}

static void one_period(void **state)
{
	(void)state;
	enc_start();
	add("r1", "why", 2);
	assert_int_equal(csc_drill_enc_flush(enc), 1);
	assert_string_equal(enc_end(), HEAD "1,M,,2,C,r1,numerator,why\n");
	free(mem);
}

/* Two records met in every period (1, 2, 3), in one order: each once. */
static void all_periods(void **state)
{
	(void)state;
	enc_start();
	for (int p = 1; p <= 3; p++) {
		add("a", "", p);
		add("b", "", p);
	}
	assert_int_equal(csc_drill_enc_flush(enc), 2);
	assert_string_equal(enc_end(), HEAD "2,M,,1;2;3,C,a,numerator,\n"
					    ",M,,1;2;3,C,b,numerator,\n");
	free(mem);
}

/* Period 2 meets no record: no row lists it; two units are two groups, an
 * empty flush writes nothing. */
static void period_without_rows(void **state)
{
	(void)state;
	enc_start();
	add("a", "", 1);
	add("a", "", 3);
	assert_int_equal(csc_drill_enc_flush(enc), 1);
	assert_int_equal(csc_drill_enc_flush(enc), 0);
	add("b", "", 3);
	assert_int_equal(csc_drill_enc_flush(enc), 1);
	assert_string_equal(enc_end(), HEAD "1,M,,1;3,C,a,numerator,\n"
					    "1,M,,3,C,b,numerator,\n");
	free(mem);
}

/* b met in period 1, a in 2, then a before b in 3: first met is b, but a
 * must come first for period 3 to read a, b; period 1 still reads b and
 * period 2 a. */
static void reordered(void **state)
{
	(void)state;
	enc_start();
	add("b", "", 1);
	add("a", "", 2);
	add("a", "", 3);
	add("b", "", 3);
	assert_int_equal(csc_drill_enc_flush(enc), 2);
	assert_string_equal(enc_end(), HEAD "2,M,,2;3,C,a,numerator,\n"
					    ",M,,1;3,C,b,numerator,\n");
	free(mem);
}

/* a, b in period 1 and b, a in period 2: no one order. The rows are cut
 * where the order of first meeting breaks: (a{1}, b{1;2}) then (a{2}). */
static void opposite_orders(void **state)
{
	(void)state;
	enc_start();
	add("a", "", 1);
	add("b", "", 1);
	add("b", "", 2);
	add("a", "", 2);
	assert_int_equal(csc_drill_enc_flush(enc), 3);
	assert_string_equal(enc_end(), HEAD "2,M,,1,C,a,numerator,\n"
					    ",M,,1;2,C,b,numerator,\n"
					    "1,M,,2,C,a,numerator,\n");
	free(mem);
}

/* The same record twice in one period is counted twice: two groups. */
static void twice_in_a_period(void **state)
{
	(void)state;
	enc_start();
	add("a", "", 1);
	add("a", "", 1);
	add("a", "", 2);
	assert_int_equal(csc_drill_enc_flush(enc), 2);
	assert_string_equal(enc_end(), HEAD "1,M,,1,C,a,numerator,\n"
					    "1,M,,1;2,C,a,numerator,\n");
	free(mem);
}

/* A period below the last one starts a new group (the engine never does
 * this within a unit; the encoder stays correct if a caller does). */
static void period_going_back(void **state)
{
	(void)state;
	enc_start();
	add("a", "", 3);
	add("a", "", 1);
	assert_int_equal(csc_drill_enc_flush(enc), 1);
	assert_string_equal(enc_end(), HEAD "1,M,,3,C,a,numerator,\n"
					    "1,M,,1,C,a,numerator,\n");
	free(mem);
}

/* Commas, quotes, a newline and a formula in the values: quoted and
 * guarded exactly as the other outputs (csc_csvw_text); measure, role and
 * breakdown are written as they are. Records differing only in the reason
 * are two records. */
static void hostile_values(void **state)
{
	(void)state;
	enc_start();
	const char *f[CSC_DRILL_NF] = {"M", "0-5", "=cmd", "r,1", "excluded",
				       "said \"no\",\nthen left"};
	csc_drill_enc_add(enc, f, 1);
	csc_drill_enc_add(enc, f, 2);
	f[5] = "said \"no\",\nthen left.";
	csc_drill_enc_add(enc, f, 2);
	assert_int_equal(csc_drill_enc_flush(enc), 2);
	assert_string_equal(enc_end(),
			    HEAD "2,M,0-5,1;2,'=cmd,\"r,1\",excluded,\"said \"\"no\"\",\nthen left\"\n"
				 ",M,0-5,2,'=cmd,\"r,1\",excluded,\"said \"\"no\"\",\nthen left.\"\n");
	free(mem);
}

/* csc_drill_enc_addn: the lengths given, not measured. A record added with
 * add and with addn is one record (met in periods 1 and 3); the lengths
 * are what is hashed and written, so "ab" given as length 1 is "a". */
static void known_lengths(void **state)
{
	(void)state;
	enc_start();
	const char *f[CSC_DRILL_NF] = {"M", "", "C", "r1", "numerator", "met \"twice\""};
	const size_t n[CSC_DRILL_NF] = {1, 0, 1, 2, 9, 11};
	csc_drill_enc_add(enc, f, 1);
	csc_drill_enc_addn(enc, f, n, 3);
	const char *g[CSC_DRILL_NF] = {"M", "", "C", "ab", "numerator", ""};
	const size_t gn[CSC_DRILL_NF] = {1, 0, 1, 1, 9, 0};
	csc_drill_enc_addn(enc, g, gn, 3);
	assert_int_equal(csc_drill_enc_flush(enc), 2);
	assert_string_equal(enc_end(), HEAD "2,M,,1;3,C,r1,numerator,\"met \"\"twice\"\"\"\n"
					    ",M,,3,C,a,numerator,\n");
	free(mem);
}

/* A unit of 4097 records in one period: a group holds at most 4096, so two
 * groups (the load holds one group at a time). */
static void group_cap(void **state)
{
	(void)state;
	enc_start();
	for (int i = 0; i <= CSC_DRILL_GROUP_MAX; i++) {
		char rec[16];
		snprintf(rec, sizeof rec, "r%d", i);
		add(rec, "", 1);
	}
	assert_int_equal(csc_drill_enc_flush(enc), CSC_DRILL_GROUP_MAX + 1);
	long groups, split;
	csc_drill_enc_stats(enc, &groups, &split);
	assert_int_equal(groups, 2);
	assert_int_equal(split, 1);
	const char *t = enc_end();
	assert_non_null(strstr(t, HEAD "4096,M,,1,C,r0,numerator,\n,M,,1,C,r1,"));
	assert_non_null(strstr(t, "\n,M,,1,C,r4095,numerator,\n1,M,,1,C,r4096,numerator,\n"));
	free(mem);
}

/* A unit of 2^20 + 1 records (hostile staging: one child with a million
 * referrals): the encoder holds at most 2^20 rows, so it writes the first
 * 2^20 (256 groups of 4096) before taking the last, which is a group of its
 * own. 257 groups, no unit split twice over: the flushes count one unit
 * in more than one group. */
static void unit_cap(void **state)
{
	(void)state;
	enc_start();
	long rows = 0;
	for (int i = 0; i <= 1 << 20; i++) {
		char rec[16];
		snprintf(rec, sizeof rec, "r%d", i);
		add(rec, "", 1);
	}
	rows += csc_drill_enc_flush(enc);
	assert_int_equal(rows, 1); /* the 2^20 before it were written when it came */
	long groups, split;
	csc_drill_enc_stats(enc, &groups, &split);
	assert_int_equal(groups, 257);
	assert_int_equal(split, 1);
	const char *t = enc_end();
	assert_non_null(strstr(t, "\n,M,,1,C,r1048575,numerator,\n1,M,,1,C,r1048576,numerator,\n"));
	assert_non_null(strstr(t, "\n4096,M,,1,C,r1044480,numerator,\n"));
	free(mem);
}

/* A reason of 1 MiB of 'x' (the most a CSV value may be), to be freed. */
static char *mib_of_x(void)
{
	char *s = malloc((1 << 20) + 1);
	assert_non_null(s);
	memset(s, 'x', 1 << 20);
	s[1 << 20] = '\0';
	return s;
}

/* 33 records with a reason of 1 MiB each: past 32 MiB held the encoder
 * writes what it holds, so 32 in one group and the last in another. */
static void unit_bytes(void **state)
{
	(void)state;
	char *why = mib_of_x();
	enc_start();
	for (int i = 0; i < 33; i++) {
		char rec[16];
		snprintf(rec, sizeof rec, "r%d", i);
		add(rec, why, 1);
	}
	assert_int_equal(csc_drill_enc_flush(enc), 1);
	long groups, split;
	csc_drill_enc_stats(enc, &groups, &split);
	assert_int_equal(groups, 2);
	const char *t = enc_end();
	assert_true(!strncmp(t, HEAD "32,M,,1,C,r0,numerator,xxx", strlen(HEAD) + 26));
	assert_non_null(strstr(t, "\n1,M,,1,C,r32,numerator,xxx"));
	free(mem);
	free(why);
}

/* ---- decoding ---- */

struct got {
	char text[4096];
	int stop_after; /* the callback stops after this many records; 0 never */
	int n;
};

static int collect(void *ctx, char *const f[CSC_DRILL_NF], int per)
{
	struct got *g = ctx;
	size_t l = strlen(g->text);
	snprintf(g->text + l, sizeof g->text - l, "%d:%s|%s|%s|%s|%s|%s\n", per, f[0], f[1], f[2],
		 f[3], f[4], f[5]);
	return ++g->n == g->stop_after ? 9 : 0;
}

/* Feed rows "group,measure,breakdown,periods,child,record,role,reason"
 * (no quoting in these) to a decoder of nper periods; the last return. */
static int feed(struct got *g, int nper, const char *const *rows)
{
	csc_drill_dec *d = csc_drill_dec_new(nper, collect, g);
	int rc = 0;
	long line = 2;
	for (; *rows && !rc; rows++, line++) {
		char buf[256], *f[8];
		snprintf(buf, sizeof buf, "%s", *rows);
		int n = 0;
		/* strsep keeps empty fields */
		char *s = buf;
		while (n < 8 && (f[n] = strsep(&s, ",")))
			n++;
		assert_int_equal(n, 8);
		rc = csc_drill_dec_row(d, f, "drilldown.csv", line);
	}
	if (!rc)
		rc = csc_drill_dec_end(d, "drilldown.csv", line - 1);
	csc_drill_dec_free(d);
	return rc;
}

/* The groups of reordered() and opposite_orders() expanded: each period
 * in turn, its rows in file order, group after group. */
static void decode_order(void **state)
{
	(void)state;
	struct got g = {0};
	const char *rows[] = {"2,M,,2;3,C,a,numerator,", ",M,,1;3,C,b,numerator,",
			      "2,M,,1,C,a,numerator,x", ",M,,1;2,C,b,numerator,",
			      "1,M,,2,C,a,numerator,", NULL};
	assert_int_equal(feed(&g, 3, rows), 0);
	assert_string_equal(g.text, "1:M||C|b|numerator|\n"
				    "2:M||C|a|numerator|\n"
				    "3:M||C|a|numerator|\n"
				    "3:M||C|b|numerator|\n"
				    "1:M||C|a|numerator|x\n"
				    "1:M||C|b|numerator|\n"
				    "2:M||C|b|numerator|\n"
				    "2:M||C|a|numerator|\n");
}

/* The callback's non-zero value stops the decoding at once. */
static void decode_stop(void **state)
{
	(void)state;
	struct got g = {.stop_after = 2};
	const char *rows[] = {"2,M,,1;2,C,a,numerator,", ",M,,1,C,b,numerator,",
			      "1,M,,2,C,c,numerator,", NULL};
	assert_int_equal(feed(&g, 2, rows), 9);
	assert_string_equal(g.text, "1:M||C|a|numerator|\n1:M||C|b|numerator|\n");
}

static void decode_bad(const char *row2, const char *row3, int nper, const char *msg)
{
	struct got g = {0};
	const char *rows[] = {row2, row3, NULL};
	capture_start();
	int rc = feed(&g, nper, rows);
	const char *err = capture_end();
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, msg));
}

static void decode_malformed(void **state)
{
	(void)state;
	const char *per = "periods: expected row numbers of drilldown_periods.csv (1 to 3), "
			  "ascending, separated by ';'";
	/* a record in no period */
	decode_bad("1,M,,,C,a,numerator,", NULL, 3, per);
	decode_bad("1,M,,0,C,a,numerator,", NULL, 3, per);
	decode_bad("1,M,,4,C,a,numerator,", NULL, 3, per);
	decode_bad("1,M,,2;1,C,a,numerator,", NULL, 3, per);
	decode_bad("1,M,,2;2,C,a,numerator,", NULL, 3, per);
	decode_bad("1,M,,1;,C,a,numerator,", NULL, 3, per);
	decode_bad("1,M,,01,C,a,numerator,", NULL, 3, per);
	decode_bad("1,M,,1 ,C,a,numerator,", NULL, 3, per);
	decode_bad("1,M,,99999999999999999999,C,a,numerator,", NULL, 3, per);
	const char *grp = "drilldown.csv:2: group: expected the number of rows of a group (1 to 4096)";
	decode_bad(",M,,1,C,a,numerator,", NULL, 3, grp);
	decode_bad("0,M,,1,C,a,numerator,", NULL, 3, grp);
	decode_bad("-1,M,,1,C,a,numerator,", NULL, 3, grp);
	decode_bad("4097,M,,1,C,a,numerator,", NULL, 3, grp);
	decode_bad("x,M,,1,C,a,numerator,", NULL, 3, grp);
	decode_bad("3,M,,1,C,a,numerator,", "1,M,,1,C,b,numerator,", 3,
		   "drilldown.csv:3: group: a new group starts with 2 rows of the previous one missing");
	decode_bad("3,M,,1,C,a,numerator,", ",M,,1,C,b,numerator,", 3,
		   "drilldown.csv:3: the last group ends with 1 row missing");
}

/* A group of 65 rows with 1 MiB reasons: refused at the row that passes
 * 64 MiB of values, before holding it. */
static void decode_group_bytes(void **state)
{
	(void)state;
	char *why = mib_of_x();
	struct got g = {0};
	csc_drill_dec *d = csc_drill_dec_new(1, collect, &g);
	char grp[] = "65", none[] = "", m[] = "M", one[] = "1", c[] = "C", r[] = "r", role[] = "excluded";
	int rc = 0;
	long line = 2;
	capture_start();
	for (; line < 2 + 65 && !rc; line++) {
		char *f[8] = {line == 2 ? grp : none, m, none, one, c, r, role, why};
		rc = csc_drill_dec_row(d, f, "drilldown.csv", line);
	}
	const char *err = capture_end();
	csc_drill_dec_free(d);
	free(why);
	assert_int_equal(rc, -1);
	assert_int_equal(line - 1, 65); /* the 64th row (line 65) is refused */
	assert_non_null(strstr(err, "drilldown.csv:65: a group of more than 64 MiB of values"));
	assert_int_equal(g.n, 0);
}

/* ---- round trip ---- */

struct big {
	char *p;
	size_t l, cap;
};

static int big_collect(void *ctx, char *const f[CSC_DRILL_NF], int per)
{
	struct big *b = ctx;
	b->l += (size_t)snprintf(b->p + b->l, b->cap - b->l, "%d:%s|%s|%s|%s|%s|%s\n", per, f[0],
				 f[1], f[2], f[3], f[4], f[5]);
	assert_true(b->l < b->cap);
	return 0;
}

static int rt_row(void *ctx, char **v, long line)
{
	return csc_drill_dec_row(ctx, v, "mem", line);
}

/* Seeded units of up to 40 rows over 4 records and 6 periods (met in
 * random orders, sometimes twice in a period): decoding what the encoder
 * wrote gives back every row in the order it was added. */
static void round_trip(void **state)
{
	(void)state;
	static char want[1 << 20], got[1 << 20];
	size_t wl = 0;
	uint32_t seed = 12345;
#define RND(n) ((seed = seed * 1103515245u + 12345u), (int)((seed >> 16) % (n)))
	enc_start();
	int total = 0, rows = 0;
	for (int u = 0; u < 500; u++) {
		int n = RND(40), per = 1;
		char child[16];
		snprintf(child, sizeof child, "C%d", u % 7); /* units share children */
		for (int i = 0; i < n; i++) {
			per += RND(4) == 0;
			if (per > 6)
				break;
			char rec[8];
			snprintf(rec, sizeof rec, "r%d", RND(4));
			const char *why = RND(3) ? "" : "w,\"x\"";
			const char *f[CSC_DRILL_NF] = {"M", "", child, rec, "excluded", why};
			csc_drill_enc_add(enc, f, per);
			wl += (size_t)snprintf(want + wl, sizeof want - wl, "%d:M||%s|%s|excluded|%s\n",
					       per, child, rec, why);
			total++;
		}
		rows += (int)csc_drill_enc_flush(enc);
	}
	const char *text = enc_end();
	assert_true(total > 5000);
	assert_true(rows < total); /* records met in several periods are written once */
	struct big b = {got, 0, sizeof got};
	csc_drill_dec *d = csc_drill_dec_new(6, big_collect, &b);
	assert_int_equal(csc_csv_read_cols_mem(text, strlen(text), "mem", NULL, csc_drill_header, 8,
					       rt_row, d),
			 0);
	assert_int_equal(csc_drill_dec_end(d, "mem", 0), 0);
	csc_drill_dec_free(d);
	assert_string_equal(got, want);
	free(mem);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_period),        cmocka_unit_test(all_periods),
		cmocka_unit_test(period_without_rows), cmocka_unit_test(reordered),
		cmocka_unit_test(opposite_orders),   cmocka_unit_test(twice_in_a_period),
		cmocka_unit_test(period_going_back), cmocka_unit_test(hostile_values),
		cmocka_unit_test(known_lengths),
		cmocka_unit_test(group_cap),         cmocka_unit_test(unit_cap),
		cmocka_unit_test(unit_bytes),        cmocka_unit_test(decode_group_bytes),
		cmocka_unit_test(decode_order),      cmocka_unit_test(decode_stop),
		cmocka_unit_test(decode_malformed),  cmocka_unit_test(round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
