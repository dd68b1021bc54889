/* The commentary file (load/report_comm.c): every field read back from a
 * hand-written file, CSV quoting, every error at its line and field, the
 * length limits at and past the edge, and the check against the templates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "capture.h"
#include "csc_diag.h"
#include "../../load/report_comm.h"
#include "../../load/report_tpl.h"
#include "../../load/xl_book.h"

#define HEAD "strand,period,section,text,owner,due,rag,measure,breakdown\n"

static report_comm *parse(const char *text)
{
	return report_comm_parse("c.csv", text, strlen(text));
}

/* Parse text that must fail; returns the first diagnostic line. */
static const char *bad(const char *text)
{
	capture_start();
	report_comm *c = parse(text);
	const char *out = capture_end();
	assert_null(c);
	static char first[512];
	size_t n = strcspn(out, "\n");
	if (n >= sizeof first)
		n = sizeof first - 1;
	memcpy(first, out, n);
	first[n] = '\0';
	return first;
}

static csc_date day(int y, int m, int d)
{
	char s[16];
	snprintf(s, sizeof s, "%04d-%02d-%02d", y, m, d);
	csc_date out;
	assert_int_equal(csc_date_parse_iso(s, strlen(s), &out), 0);
	return out;
}

static void every_field(void **state)
{
	(void)state;
	report_comm *c = parse(HEAD
		      "Front door,2026-10,progress,Contacts triaged within a day,,,,,\n"
		      "Front door,2026-10,concerns,\"Re-referrals up, 3 months running\",,,,,\n"
		      "Front door,2026-10,next_steps,\"Audit \"\"repeat\"\" referrals\",,,,,\n"
		      "Front door,2026-10,action,Review MASH rota,Head of MASH,2026-11-30,amber,,\n"
		      "Front door,2026-10,action,Close audit,\"Smith, J\",2026-10-01,BLUE,,\n"
		      "Care leavers,2026-09,note,\"Two lines:\nsecond\",,,,CL01,17-18\n"
		      "Care leavers,2026-10,note,Headline,,,,CL01,\n");
	assert_non_null(c);
	assert_int_equal(c->n, 7);
	assert_string_equal(c->it[0].strand, "Front door");
	assert_true(c->it[0].month == day(2026, 10, 31));
	assert_int_equal(c->it[0].kind, REPORT_COMM_PROGRESS);
	assert_string_equal(c->it[0].text, "Contacts triaged within a day");
	assert_int_equal(c->it[0].line, 2);
	assert_int_equal(c->it[1].kind, REPORT_COMM_CONCERNS);
	assert_string_equal(c->it[1].text, "Re-referrals up, 3 months running");
	assert_int_equal(c->it[2].kind, REPORT_COMM_NEXT);
	assert_string_equal(c->it[2].text, "Audit \"repeat\" referrals");
	assert_int_equal(c->it[3].kind, REPORT_COMM_ACTION);
	assert_string_equal(c->it[3].owner, "Head of MASH");
	assert_true(c->it[3].due == day(2026, 11, 30));
	assert_int_equal(c->it[3].rag, REPORT_COMM_AMBER);
	assert_string_equal(report_comm_rag_word(c->it[3].rag), "Amber");
	assert_string_equal(c->it[4].owner, "Smith, J");
	assert_int_equal(c->it[4].rag, REPORT_COMM_BLUE);
	assert_string_equal(report_comm_rag_word(REPORT_COMM_BLUE), "Blue");
	assert_int_equal(c->it[5].kind, REPORT_COMM_NOTE);
	assert_string_equal(c->it[5].text, "Two lines:\nsecond");
	assert_string_equal(c->it[5].measure, "CL01");
	assert_string_equal(c->it[5].breakdown, "17-18");
	assert_true(c->it[5].month == day(2026, 9, 30));
	assert_int_equal(c->it[6].line, 9); /* the quoted line break is a line */
	assert_true(c->it[0].due == CSC_NODATE);
	assert_string_equal(c->it[0].owner, "");
	/* notes by strand, month, measure and breakdown */
	assert_string_equal(report_comm_note(c, "Care leavers", day(2026, 9, 30), "CL01", "17-18"),
			    "Two lines:\nsecond");
	assert_string_equal(report_comm_note(c, "Care leavers", day(2026, 10, 31), "CL01", ""), "Headline");
	assert_null(report_comm_note(c, "Care leavers", day(2026, 10, 31), "CL01", "17-18"));
	assert_null(report_comm_note(c, "Front door", day(2026, 9, 30), "CL01", "17-18"));
	assert_null(report_comm_note(NULL, "Care leavers", day(2026, 9, 30), "CL01", "17-18"));
	report_comm_free(c);
}

static void header_any_order_and_case(void **state)
{
	(void)state;
	/* Excel-saved: BOM, CRLF, headers as a person types them */
	report_comm *c = parse("\xEF\xBB\xBFText,Section,Period,Strand,Owner,Due,RAG,Measure,Breakdown\r\n"
		      "Done,Next steps,2026-10,Early help,,,,,\r\n"
		      "\r\n"
		      "\"a\r\nb\",Action,2026-10,Early help,Team,2026-12-01,Green,,\r\n");
	assert_non_null(c);
	assert_int_equal(c->n, 2);
	assert_int_equal(c->it[0].kind, REPORT_COMM_NEXT);
	assert_string_equal(c->it[0].strand, "Early help");
	assert_string_equal(c->it[1].text, "a\nb"); /* CRLF in a cell: one break */
	assert_int_equal(c->it[1].rag, REPORT_COMM_GREEN);
	report_comm_free(c);
	/* a header alone is a valid, empty file */
	c = parse(HEAD);
	assert_non_null(c);
	assert_int_equal(c->n, 0);
	report_comm_free(c);
}

static void missing_and_unknown_columns(void **state)
{
	(void)state;
	assert_string_equal(bad("strand,period,section,text,owner,due,measure,breakdown\n"),
			    "csc-load-report: c.csv:1: header has no column 'rag'");
	assert_string_equal(bad("strand,period,section,text,owner,due,rag,measure,breakdown,Onwer\n"),
			    "csc-load-report: c.csv:1: header has an unknown column 'Onwer'");
	assert_string_equal(bad("strand,period,section,text,owner,due,rag,measure,breakdown,Text\n"),
			    "csc-load-report: c.csv:1: header names column 'text' twice");
	assert_string_equal(bad(""), "csc-load-report: c.csv:1: empty file: the header row is missing");
	assert_string_equal(bad(HEAD "Front door,2026-10,progress,x\n"),
			    "csc-load-report: c.csv:2: row has 4 fields, fewer than the header");
}

static void each_field_checked(void **state)
{
	(void)state;
	assert_string_equal(bad(HEAD ",2026-10,progress,x,,,,,\n"),
			    "csc-load-report: c.csv:2: strand: empty");
	assert_string_equal(bad(HEAD "A,2026-13,progress,x,,,,,\n"),
			    "csc-load-report: c.csv:2: period: must be YYYY-MM (got '2026-13')");
	assert_string_equal(bad(HEAD "A,Oct 26,progress,x,,,,,\n"),
			    "csc-load-report: c.csv:2: period: must be YYYY-MM (got 'Oct 26')");
	assert_string_equal(bad(HEAD "A,2026-10,risks,x,,,,,\n"),
			    "csc-load-report: c.csv:2: section: must be progress, concerns, next_steps, "
			    "action or note (got 'risks')");
	assert_string_equal(bad(HEAD "A,2026-10,progress,,,,,,\n"),
			    "csc-load-report: c.csv:2: text: empty");
	assert_string_equal(bad(HEAD "A,2026-10,progress,a\tb,,,,,\n"),
			    "csc-load-report: c.csv:2: text: holds a control character");
	assert_string_equal(bad(HEAD "A,2026-10,progress,x,Jo,,,,\n"),
			    "csc-load-report: c.csv:2: owner: must be empty when section is progress");
	assert_string_equal(bad(HEAD "A,2026-10,concerns,x,,,RED,,\n"),
			    "csc-load-report: c.csv:2: rag: must be empty when section is concerns");
	assert_string_equal(bad(HEAD "A,2026-10,action,x,,2026-11-30,RED,,\n"),
			    "csc-load-report: c.csv:2: owner: required when section is action");
	assert_string_equal(bad(HEAD "A,2026-10,action,x,Jo,,RED,,\n"),
			    "csc-load-report: c.csv:2: due: required when section is action");
	assert_string_equal(bad(HEAD "A,2026-10,action,x,Jo,30/11/2026,RED,,\n"),
			    "csc-load-report: c.csv:2: due: must be a date YYYY-MM-DD (got '30/11/2026')");
	assert_string_equal(bad(HEAD "A,2026-10,action,x,Jo,2026-11-30,,,\n"),
			    "csc-load-report: c.csv:2: rag: required when section is action");
	assert_string_equal(bad(HEAD "A,2026-10,action,x,Jo,2026-11-30,PURPLE,,\n"),
			    "csc-load-report: c.csv:2: rag: must be GREEN, AMBER, RED or BLUE (got 'PURPLE')");
	assert_string_equal(bad(HEAD "A,2026-10,action,x,Jo,2026-11-30,G,,\n"),
			    "csc-load-report: c.csv:2: rag: must be GREEN, AMBER, RED or BLUE (got 'G')");
	assert_string_equal(bad(HEAD "A,2026-10,action,x,Jo,2026-11-30,RED,FD01,\n"),
			    "csc-load-report: c.csv:2: measure: must be empty when section is action");
	assert_string_equal(bad(HEAD "A,2026-10,note,x,,,,,\n"),
			    "csc-load-report: c.csv:2: measure: required when section is note");
	assert_string_equal(bad(HEAD "A,2026-10,note,x,,,,fd01,\n"),
			    "csc-load-report: c.csv:2: measure: must be a measure ID, upper-case letters "
			    "and digits (got 'fd01')");
	assert_string_equal(bad(HEAD "A,2026-10,note,x,,,,FD01,\nA,2026-10,note,y,,,,FD01,\n"),
			    "csc-load-report: c.csv:3: measure: a second note for this strand, period "
			    "and row (FD01)");
	/* the same row in another month or breakdown is not a second note */
	report_comm *c = parse(HEAD "A,2026-10,note,x,,,,FD01,\nA,2026-09,note,y,,,,FD01,\n"
		      "A,2026-10,note,z,,,,FD01,<3m\n");
	assert_non_null(c);
	assert_int_equal(c->n, 3);
	report_comm_free(c);
	/* every problem is reported, each at its line */
	capture_start();
	assert_null(parse(HEAD "A,2026-10,action,x,Jo,2026-11-31,AMBER,,\nB,2026-10,note,y,,,,,\n"));
	assert_string_equal(capture_end(),
			    "csc-load-report: c.csv:2: due: must be a date YYYY-MM-DD (got '2026-11-31')\n"
			    "csc-load-report: c.csv:3: measure: required when section is note\n");
}

/* A text of n copies of s. */
static char *rep(const char *s, int n)
{
	size_t k = strlen(s);
	char *out = malloc(k * (size_t)n + 1);
	for (int i = 0; i < n; i++)
		memcpy(out + k * (size_t)i, s, k);
	out[k * (size_t)n] = '\0';
	return out;
}

static void lengths(void **state)
{
	(void)state;
	char buf[8192];
	/* 1000 characters is the limit, counted in characters: 1000 e-acute
	 * (2000 bytes) pass, 1001 do not */
	char *t = rep("\xC3\xA9", REPORT_COMM_MAX_TEXT);
	snprintf(buf, sizeof buf, HEAD "A,2026-10,progress,%s,,,,,\n", t);
	report_comm *c = parse(buf);
	assert_non_null(c);
	assert_int_equal(strlen(c->it[0].text), 2000);
	report_comm_free(c);
	free(t);
	t = rep("x", REPORT_COMM_MAX_TEXT + 1);
	snprintf(buf, sizeof buf, HEAD "A,2026-10,progress,%s,,,,,\n", t);
	assert_string_equal(bad(buf), "csc-load-report: c.csv:2: text: longer than 1000 characters");
	free(t);
	t = rep("o", REPORT_COMM_MAX_OWNER);
	snprintf(buf, sizeof buf, HEAD "A,2026-10,action,x,%s,2026-11-30,RED,,\n", t);
	c = parse(buf);
	assert_non_null(c);
	report_comm_free(c);
	free(t);
	t = rep("o", REPORT_COMM_MAX_OWNER + 1);
	snprintf(buf, sizeof buf, HEAD "A,2026-10,action,x,%s,2026-11-30,RED,,\n", t);
	assert_string_equal(bad(buf), "csc-load-report: c.csv:2: owner: longer than 100 characters");
	free(t);
	t = rep("s", REPORT_COMM_MAX_STRAND + 1);
	snprintf(buf, sizeof buf, HEAD "%s,2026-10,progress,x,,,,,\n", t);
	assert_string_equal(bad(buf),
			    "csc-load-report: c.csv:2: strand: longer than 31 characters (a sheet tab name)");
	free(t);
	/* the row limit */
	size_t cap = strlen(HEAD) + (REPORT_COMM_MAX_ROWS + 1) * 32;
	char *big = malloc(cap);
	size_t len = (size_t)snprintf(big, cap, HEAD);
	for (int i = 0; i < REPORT_COMM_MAX_ROWS + 1; i++)
		len += (size_t)snprintf(big + len, cap - len, "A,2026-10,progress,x,,,,,\n");
	assert_string_equal(bad(big), "csc-load-report: c.csv:2002: more than 2000 rows");
	big[len - 26] = '\0'; /* 2000 rows pass */
	c = parse(big);
	assert_non_null(c);
	assert_int_equal(c->n, REPORT_COMM_MAX_ROWS);
	report_comm_free(c);
	free(big);
}

static void broken_quote(void **state)
{
	(void)state;
	const char *first = bad(HEAD "A,2026-10,progress,\"never closed,,,,,\n");
	assert_non_null(strstr(first, "csc-load-report: c.csv:2: "));
	first = bad(HEAD "A,2026-10,progress,\"ab\"c,,,,,\n");
	assert_non_null(strstr(first, "csc-load-report: c.csv:2: "));
}

static void against_templates(void **state)
{
	(void)state;
	const char *h = "report = highlight\nperiods = months\ncolumns = periods notes\n"
			"[Front door]\nrow = FD01 | | Contacts\nrow = HP09 | <3m | Short plans\n";
	const char *q = "report = quarterly\nperiods = quarters\ncolumns = periods notes\n"
			"[Care leavers]\nrow = CL01 | 17-18 | In touch\n";
	report_tpl *t[2] = {report_tpl_parse("h.tpl", h, strlen(h)), report_tpl_parse("q.tpl", q, strlen(q))};
	assert_non_null(t[0]);
	assert_non_null(t[1]);
	report_comm *c = parse(HEAD "Front door,2026-10,progress,x,,,,,\n"
		      "Front door,2026-10,note,x,,,,HP09,<3m\n"
		      "Care leavers,2026-10,note,x,,,,CL01,17-18\n");
	assert_non_null(c);
	assert_int_equal(report_comm_check(c, (const report_tpl *const *)t, 2), 0);
	report_comm_free(c);
	c = parse(HEAD "Front Door,2026-10,progress,x,,,,,\n"
		  "Front door,2026-10,note,x,,,,HP09,\n"
		  "Front door,2026-10,note,x,,,,CL01,17-18\n");
	assert_non_null(c);
	capture_start();
	assert_int_equal(report_comm_check(c, (const report_tpl *const *)t, 2), -1);
	assert_string_equal(capture_end(),
			    "csc-load-report: c.csv:2: strand: 'Front Door' is not a strand sheet of the templates\n"
			    "csc-load-report: c.csv:3: measure: HP09 is not a row of the 'Front door' sheet\n"
			    "csc-load-report: c.csv:4: measure: CL01 | 17-18 is not a row of the 'Front door' sheet\n");
	report_comm_free(c);
	report_tpl_free(t[0]);
	report_tpl_free(t[1]);
}

static void wrap_height_line_breaks(void **state)
{
	(void)state;
	/* 12.75 points a line and 2 of margin; a short text is one line (0) */
	const double w[] = {55};
	const char *one[] = {"short"};
	assert_true(xl_wrap_height(one, w, 1) == 0);
	const char *three[] = {"a\nb\nc"};
	assert_true(xl_wrap_height(three, w, 1) == 12.75 * 3 + 2);
	const char *blank[] = {"a\n\nc"}; /* an empty line still takes a line */
	assert_true(xl_wrap_height(blank, w, 1) == 12.75 * 3 + 2);
}

/* Word widths from Arial's metrics, not a character count: the 69
 * characters below are 31,569 thousandths of the font size wide, and a
 * 55-unit column (390 pixels, 384 inside its margins) holds 28.8 em of
 * 10-point text, so the title takes two lines (LibreOffice drew it over
 * the next row when 74 characters were thought to fit). */
static void wrap_height_metrics(void **state)
{
	(void)state;
	const double w[] = {55};
	const char *title[] = {"Reduced % of children with 3 or more placements in the last 12 months"};
	assert_true(xl_wrap_height(title, w, 1) == 12.75 * 2 + 2);
	/* 21 characters, 9.226 em: one line even in a 20-unit column (145
	 * pixels, 139 inside: 10.4 em) */
	const double narrow[] = {20};
	const char *short_t[] = {"Children looked after"};
	assert_true(xl_wrap_height(short_t, narrow, 1) == 0);
	/* 30 m's (833 each, 24.99 em) in the 20-unit column: one word longer
	 * than the line is split, 3 lines */
	const char *long_word[] = {"mmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"};
	assert_true(xl_wrap_height(long_word, narrow, 1) == 12.75 * 3 + 2);
	/* the tallest of several cells sets the row */
	const char *two[] = {"short", "a\nb\nc\nd"};
	const double ww[] = {55, 30};
	assert_true(xl_wrap_height(two, ww, 2) == 12.75 * 4 + 2);
}

/* The fit-to-width scale, worked by hand: a highlight strand's columns
 * are 55, 14 of 12 and 30 units: 390 + 14 x 89 + 215 = 1,851 pixels; the
 * page's 10.29 printable inches are 987.84 pixels: 53 %. */
static void print_scale(void **state)
{
	(void)state;
	double w[16] = {55};
	for (int i = 1; i <= 14; i++)
		w[i] = 12;
	w[15] = 30;
	assert_int_equal(xl_fit_scale(w, 16), 53);
	const double narrow[] = {10, 20};
	assert_int_equal(xl_fit_scale(narrow, 2), 100);
}

/* Page breaks before blocks of rows (charts) that would cross a page end.
 * At 50 % a page holds 487.44 x 0.98 x 2 = 955.4 points of rows. */
static void keep_blocks(void **state)
{
	(void)state;
	xl_book *b = xl_open("/nonexistent-dir/x.xlsx", "t", "c", 0);
	assert_non_null(b);
	lxw_worksheet *ws = xl_sheet(b, "S");
	/* 60 rows of 15 points (900), then a block of 12 (180): 1,080 does
	 * not fit, so a break before row 60; the next block (72-83) follows
	 * it on the new page (180 + 180) */
	const long first[] = {60, 72}, rows[] = {12, 12};
	xl_keep_blocks(b, ws, 50, -1, first, rows, 2);
	assert_int_equal(ws->hbreaks_count, 1);
	assert_int_equal(ws->hbreaks[0], 60);
	/* a block that fits stays: 40 rows (600) + 180 */
	lxw_worksheet *ws2 = xl_sheet(b, "T");
	const long f2[] = {40}, r2[] = {12};
	xl_keep_blocks(b, ws2, 50, -1, f2, r2, 1);
	assert_int_equal(ws2->hbreaks_count, 0);
	/* taller rows and the repeated header count. Row 4 (the header) is
	 * 30 points, row 10 is 400: rows 0-9 are 165, with row 10 565; rows
	 * 11-36 fill the page to 955 and row 37 starts a new one (the program's
	 * own break) under the 30-point header: 30 + rows 37-39 = 75. The block
	 * at 40 fits (255), rows 52-59 (375), blocks at 60, 72, 84 (915); the
	 * one at 96 would end at 1,095: a break before it, then 30 + 180 for
	 * it and two more blocks (570) */
	lxw_worksheet *ws3 = xl_sheet(b, "U");
	worksheet_set_row(ws3, 4, 30, NULL);
	worksheet_set_row(ws3, 10, 400, NULL);
	const long f3[] = {40, 60, 72, 84, 96, 108, 120};
	const long r3[] = {12, 12, 12, 12, 12, 12, 12};
	xl_keep_blocks(b, ws3, 50, 4, f3, r3, 7);
	assert_int_equal(ws3->hbreaks_count, 1);
	assert_int_equal(ws3->hbreaks[0], 96);
	xl_handover(b);
	xl_free(b);
}

int main(void)
{
	csc_diag_init("csc-load-report");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_field),
		cmocka_unit_test(header_any_order_and_case),
		cmocka_unit_test(missing_and_unknown_columns),
		cmocka_unit_test(each_field_checked),
		cmocka_unit_test(lengths),
		cmocka_unit_test(broken_quote),
		cmocka_unit_test(against_templates),
		cmocka_unit_test(wrap_height_line_breaks),
		cmocka_unit_test(wrap_height_metrics),
		cmocka_unit_test(print_scale),
		cmocka_unit_test(keep_blocks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
