/* The column-spec engine's value checks (extract/list_engine.c) and the
 * contact code lists: ReferralSource labels from the CIN XSD, the built-in
 * Annex A extension lists, and the engine over a whole list in memory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "capture.h"
#include "csc_diag.h"
#include "../../extract/codes_builtin.h"
#include "../../extract/codes_xsd.h"
#include "../../extract/list_engine.h"
#include "../../extract/list_dups.h"

#define XSD CSC_DATADIR "/ref/CIN_schema_2024.xsd"

/* Check one value; returns the normalised text or the reason, and checks
 * that an accepted value's length is that of its text. */
static char out[LIST_REASON_MAX];
static const char *val(const list_col *c, const char *in, int *ok)
{
	char buf[128];
	snprintf(buf, sizeof buf, "%s", in);
	list_val v;
	list_reject rej = {0};
	*ok = list_check_value(c, buf, strlen(buf), &v, &rej) == 0;
	/* the length every accepted value carries (staged and hashed by it) */
	if (*ok)
		assert_int_equal(v.n, strlen(v.s));
	if (!*ok)
		snprintf(out, sizeof out, "%s", rej.reason);
	else if (v.d != CSC_NODATE)
		csc_date_iso(v.d, out);
	else
		snprintf(out, sizeof out, "%s", v.s);
	return out;
}

#define GOOD(c, in, want) do { int ok_; const char *g_ = val(c, in, &ok_); \
	assert_true(ok_); assert_string_equal(g_, want); } while (0)
#define BAD(c, in, want) do { int ok_; const char *g_ = val(c, in, &ok_); \
	assert_false(ok_); assert_string_equal(g_, want); } while (0)

static void dates(void **state)
{
	(void)state;
	list_col dmy = {"DOB", "dob", LT_DATE_DMY, 1, 0, NULL, 0, 0};
	list_col any = {"Date of Contact", "d", LT_DATE_ANY, 1, 0, NULL, 0, 0};
	GOOD(&dmy, "29/02/2024", "2024-02-29");
	GOOD(&dmy, "31/12/1999", "1999-12-31");
	BAD(&dmy, "29/02/2023", "DOB is not a real date (no such day)");
	BAD(&dmy, "31/04/2023", "DOB is not a real date (no such day)");
	BAD(&dmy, "00/01/2023", "DOB is not a real date (no such day)");
	BAD(&dmy, "2023-04-01", "DOB is not a date in DD/MM/YYYY form");
	BAD(&dmy, "1/4/2023", "DOB is not a date in DD/MM/YYYY form");
	GOOD(&any, "2023-04-01", "2023-04-01");
	GOOD(&any, "01/04/2023", "2023-04-01");
	BAD(&any, "2023-02-30", "Date of Contact is not a real date (no such day)");
	BAD(&any, "April 1st", "Date of Contact is not a date in DD/MM/YYYY or YYYY-MM-DD form");
}

static void numbers_and_sex(void **state)
{
	(void)state;
	list_col age = {"Age", "age", LT_INT, 1, 1, NULL, 0, 25};
	list_col any = {"N", "n", LT_INT, 1, 1, NULL, 1, 0};
	GOOD(&age, "0", "0");
	GOOD(&age, "25", "25");
	BAD(&age, "26", "Age is outside the range 0 to 25");
	BAD(&age, "-1", "Age is not a whole number");
	BAD(&age, "1.5", "Age is not a whole number");
	GOOD(&any, "123456789", "123456789");
	BAD(&any, "7.5", "N is not a whole number"); /* only ages are floored */
	/* ANNEX-A.md 2.4: ages are exported as decimals at the extract date */
	list_col years = {"Age", "age", LT_YEARS, 1, 1, NULL, 0, 25};
	GOOD(&years, "7.99", "7");
	GOOD(&years, "0.5", "0");
	GOOD(&years, "25.9", "25");
	GOOD(&years, "12.", "12");
	GOOD(&years, "12", "12");
	BAD(&years, "26.0", "Age is outside the range 0 to 25");
	BAD(&years, ".5", "Age is not a whole number");
	BAD(&years, "7.5.1", "Age is not a whole number");
	BAD(&years, "7,5", "Age is not a whole number");
	BAD(&years, "-0.5", "Age is not a whole number");
	BAD(&any, "1234567890", "N is not a whole number"); /* bounded: no overflow */
	codes_list yaml;
	codes_init(&yaml);
	codes_add(&yaml, "1");
	codes_add(&yaml, "2");
	codes_alias(&yaml, "Male", "1");
	codes_alias(&yaml, "Female", "2");
	list_col sex = {"SEX", "SEX", LT_SEX, 1, 0, &yaml, 0, 0};
	GOOD(&sex, "1", "M");
	GOOD(&sex, "2", "F");
	GOOD(&sex, "m", "M");
	GOOD(&sex, "F", "F");
	GOOD(&sex, "U", "U");
	GOOD(&sex, "female", "F");
	BAD(&sex, "0", "SEX is not a valid sex; expected M, F, U, 1 (male) or 2 (female)");
	BAD(&sex, "MF", "SEX is not a valid sex; expected M, F, U, 1 (male) or 2 (female)");
	codes_free(&yaml);
}

static void referral_source(void **state)
{
	(void)state;
	codes_list src;
	codes_init(&src);
	assert_int_equal(codes_xsd_load(XSD, "referralsourcetype", &src), 0);
	assert_int_equal(src.n, 22); /* 1A-1D, 2A-2B, 3A-3F, 4, 5A-5D, 6, 7, 8, 9, 10 */
	codes_builtin(&src, "source");
	assert_int_equal(src.n, 22); /* aliases add no codes */
	list_col c = {"Contact Source", "source", LT_CODE, 1, 0, &src, 0, 0};
	GOOD(&c, "6", "6");
	GOOD(&c, "police", "6");
	GOOD(&c, " POLICE ", "6");
	GOOD(&c, "3a", "3A");
	GOOD(&c, "HEALTH SERVICES – general practitioner (GP)", "3A");
	GOOD(&c, "Health services - general practitioner (GP)", "3A");
	GOOD(&c, "general practitioner", "3A");
	GOOD(&c, "GP", "3A");
	GOOD(&c, "health visitor", "3B");
	GOOD(&c, "A&E", "3E");
	GOOD(&c, "Schools", "2A");
	GOOD(&c, "early help", "5D"); /* the XSD label starts with a stray "(" */
	GOOD(&c, "Unknown", "10");
	/* "other" is what the XSD labels of 1D and 3F shorten to, but ANNEX-A.md
	 * 2.3 makes the bare group name "Other" code 8 (one code has it) */
	GOOD(&c, "other", "8");
	/* Annex A forms of ReferralSource (ANNEX-A.md 2.3) */
	GOOD(&c, "q) 6: Police", "6");
	GOOD(&c, "p1) 5D: LA services", "5D");
	GOOD(&c, "a) 1A", "1A");
	GOOD(&c, "5D: LA services", "5D");
	/* groups several codes share stay refused; the letter must be the code's */
	BAD(&c, "Health services", "Contact Source is not a valid code; expected one of: 1A, 1B, 1C, "
				   "1D, 2A, 2B, 3A, 3B, 3C, 3D, 3E, 3F, 4, 5A, 5B, 5C, 5D, 6, 7, 8, 9, "
				   "10, or its Annex A form (\"a) 1A: Individual\") or label");
	BAD(&c, "b) 1A", "Contact Source is not a valid code; expected one of: 1A, 1B, 1C, 1D, 2A, "
			 "2B, 3A, 3B, 3C, 3D, 3E, 3F, 4, 5A, 5B, 5C, 5D, 6, 7, 8, 9, 10, or its Annex "
			 "A form (\"a) 1A: Individual\") or label");
	BAD(&c, "11", "Contact Source is not a valid code; expected one of: 1A, 1B, 1C, 1D, 2A, "
		      "2B, 3A, 3B, 3C, 3D, 3E, 3F, 4, 5A, 5B, 5C, 5D, 6, 7, 8, 9, 10, or its Annex A "
		      "form (\"a) 1A: Individual\") or label");
	codes_free(&src);
}

static void builtin_lists(void **state)
{
	(void)state;
	codes_list o, t, cl, g;
	codes_init(&o);
	codes_init(&t);
	codes_init(&cl);
	codes_init(&g);
	assert_int_equal(codes_builtin(&o, "outcome"), 0);
	assert_int_equal(codes_builtin(&t, "tier"), 0);
	assert_int_equal(codes_builtin(&cl, "closure"), 0);
	assert_int_equal(codes_builtin(&g, "gender"), 0);
	assert_int_equal(codes_builtin(&g, "nonsense"), -1);
	assert_int_equal(o.n, 5);
	assert_int_equal(t.n, 2);
	assert_int_equal(cl.n, 5);
	list_col oc = {"Contact Outcome", "o", LT_CODE, 1, 1, &o, 0, 0};
	list_col tc = {"Tier", "t", LT_CODE, 1, 0, &t, 0, 0};
	list_col cc = {"Closure reason", "c", LT_CODE, 1, 1, &cl, 0, 0};
	list_col gc = {"Gender", "g", LT_CODE, 1, 1, &g, 0, 0};
	GOOD(&oc, "nfa", "NFA");
	GOOD(&oc, "No further action", "NFA");
	GOOD(&oc, "Information and advice", "IA");
	BAD(&oc, "maybe", "Contact Outcome is not a valid code; expected one of: REF, IA, EH, NFA, OTH");
	GOOD(&tc, "Tier 3", "3");
	GOOD(&tc, "universal plus", "2");
	BAD(&tc, "1", "Tier is not a valid code; expected one of: 2, 3");
	GOOD(&cc, "Stepped up to social care", "STEPUP");
	GOOD(&cc, "needs met / progress made", "PROGRESS");
	GOOD(&gc, "2", "F");
	GOOD(&gc, "Not stated", "U");
	GOOD(&gc, "b) Female", "F");
	/* ANNEX-A.md 2.1: Indeterminate and 9 are d) Neither, not unknown */
	GOOD(&gc, "9", "I");
	codes_free(&o);
	codes_free(&t);
	codes_free(&cl);
	codes_free(&g);
}

static char *slurp(const char *dir, const char *name, char *buf, size_t cap)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	size_t n = fread(buf, 1, cap - 1, f);
	buf[n] = '\0';
	fclose(f);
	unlink(path);
	return buf;
}

/* A staging folder with one table t.csv of tb, and a reader on "in.csv". */
struct fixture {
	char dir[64];
	csc_stage st;
	csc_table *rec;
	list_reader r;
};

/* A staging folder dir (a mkdtemp template) holding t.csv of tb, counted
 * as read from file. */
static csc_table *stage_for(csc_stage *s, char *dir, const list_table *tb, const char *file)
{
	assert_non_null(mkdtemp(dir));
	assert_int_equal(csc_stage_open(s, dir, "t"), 0);
	const char *hdr[LIST_MAX_COLS + 3];
	list_stage_header(tb, hdr);
	return csc_stage_table(s, tb->table, file, "t.csv", hdr);
}

static void fixture_open(struct fixture *fx, const list_table *tb)
{
	snprintf(fx->dir, sizeof fx->dir, "/tmp/csc-test-engine.XXXXXX");
	fx->rec = stage_for(&fx->st, fx->dir, tb, "in.csv");
	list_reader_init(&fx->r, tb, &fx->st, fx->rec, &fx->rec->w, "in.csv");
}

/* Remove what a commit leaves besides the files a test read, then dir. */
static void remove_stage(const char *dir)
{
	static const char *const rest[] = {"recon_t.csv", "findings_t.csv", "coverage_t.csv",
					    "sources_t.csv"};
	char path[256];
	for (size_t i = 0; i < sizeof rest / sizeof rest[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, rest[i]);
		unlink(path);
	}
	assert_int_equal(rmdir(dir), 0);
}

/* Commit; then slurp t.csv and rejects_t.csv and remove the folder. */
static void fixture_close(struct fixture *fx, char *staged, char *rejects, size_t cap)
{
	assert_int_equal(csc_stage_commit(&fx->st), 0);
	csc_stage_free(&fx->st);
	slurp(fx->dir, "t.csv", staged, cap);
	slurp(fx->dir, "rejects_t.csv", rejects, cap);
	remove_stage(fx->dir);
}

/* The whole engine over a list in memory: header by name, a short row, a
 * blank row, a bad value; staged rows and rejects as written. */
static void engine_rows(void **state)
{
	(void)state;
	codes_list t;
	codes_init(&t);
	codes_builtin(&t, "tier");
	const list_col cols[] = {
		{"Child Unique ID", "child", LT_ID, 1, 0, NULL, 0, 0},
		{"Tier", "tier", LT_CODE, 1, 0, &t, 0, 0},
		{"Start", "start", LT_DATE_ANY, 0, 1, NULL, 0, 0},
	};
	list_table tb = {"T", cols, 3, 1, 0, NULL, NULL, NULL};
	struct fixture fx;
	fixture_open(&fx, &tb);
	static const char text[] = "Notes,TIER,child unique id\n"
				   "a, Tier 2 ,C1\n"
				   ",,\n"
				   "b,3\n"
				   "c,5,C3\n";
	assert_int_equal(csc_csv_read_mem(text, sizeof text - 1, "in.csv", list_reader_row, &fx.r), 0);
	assert_int_equal(fx.r.map[0], 2);
	assert_int_equal(fx.r.map[1], 1);
	assert_int_equal(fx.r.map[2], -1);
	assert_int_equal(fx.rec->read, 3);
	assert_int_equal(fx.rec->staged, 1);
	assert_int_equal(fx.rec->rejected, 2);
	char staged[1024], rejects[1024];
	fixture_close(&fx, staged, rejects, sizeof staged);
	assert_string_equal(staged, "child,tier,start,src_line\nC1,2,,2\n");
	assert_string_equal(rejects, "file,line,field,value,reason\n"
				     "in.csv,4,Child Unique ID,,row has 2 fields but the header has 3; fields are missing\n"
				     "in.csv,5,Tier,5,\"Tier is not a valid code; expected one of: 2, 3\"\n");
	codes_free(&t);
}

/* Issue 16 over the whole engine: Annex A lettered values and labels are
 * staged as plain codes; a stray quote is one reject at its line and the
 * lines after it are read; unknown values are rejected with file, line,
 * field, value and reason; CR-only line ends count. */
static void engine_annexa_and_stray_quote(void **state)
{
	(void)state;
	codes_list g, e, src;
	codes_init(&g);
	codes_init(&e);
	codes_init(&src);
	assert_int_equal(codes_builtin(&g, "gender"), 0);
	assert_int_equal(codes_builtin(&e, "ethnicity"), 0);
	assert_int_equal(codes_builtin(&src, "source"), 0);
	const list_col cols[] = {
		{"Contact ID", "contact_id", LT_ID, 1, 0, NULL, 0, 0},
		{"Child Unique ID", "child", LT_ID, 1, 0, NULL, 0, 0},
		{"Gender", "gender", LT_CODE, 0, 1, &g, 0, 0},
		{"Ethnicity", "ethnicity", LT_CODE, 0, 1, &e, 0, 0},
		{"Contact Source", "source", LT_CODE, 1, 0, &src, 0, 0},
	};
	list_table tb = {"Contacts", cols, 5, 1, 0, NULL, NULL, NULL};
	struct fixture fx;
	fixture_open(&fx, &tb);
	static const char text[] = "Contact ID,Child Unique ID,Gender,Ethnicity,Contact Source\r\n"
				   "K1,C1,b) Female,a) WBRI,q) 6: Police\r\n"
				   "K2,C2,\"Male,WBRI,6\r\n"
				   "K3,C3,Girl,White Irish,Schools\r\n"
				   "K4,C4,x) Male,WBRI,6\r\n"
				   "K5,C5,M,b) WBRI,6\r"
				   "K6,C6,M,WBRI,Health services\n";
	assert_int_equal(list_reader_mem(&fx.r, text, sizeof text - 1), 0);
	assert_int_equal(fx.rec->read, 6);
	assert_int_equal(fx.rec->staged, 2);
	assert_int_equal(fx.rec->rejected, 4);
	char staged[4096], rejects[4096];
	fixture_close(&fx, staged, rejects, sizeof staged);
	assert_string_equal(staged, "contact_id,child,gender,ethnicity,source,src_line\n"
				    "K1,C1,F,WBRI,6,2\n"
				    "K3,C3,F,WIRI,2A,4\n");
	assert_string_equal(
		rejects,
		"file,line,field,value,reason\n"
		"in.csv,3,Gender,\"K2,C2,\"\"Male,WBRI,6\",\"unterminated quoted field: the quote opening "
		"field 3 on line 3 is never closed (a stray quote?); only this line is rejected, reading "
		"goes on at the next\"\n"
		"in.csv,5,Gender,x) Male,\"Gender is not a valid code; expected one of: M, F, U, I, or its "
		"Annex A form (\"\"a) Male\"\") or label\"\n"
		"in.csv,6,Ethnicity,b) WBRI,\"Ethnicity is not a valid code; expected one of: WBRI, WIRI, "
		"WIRT, WOTH, WROM, MWBC, MWBA, MWAS, MOTH, AIND, APKN, ABAN, AOTH, BCRB, BAFR, BOTH, CHNE, "
		"OOTH, REFU, NOBT, or its Annex A form (\"\"a) WBRI\"\") or label\"\n"
		"in.csv,7,Contact Source,Health services,\"Contact Source is not a valid code; expected "
		"one of: 1A, 1B, 1C, 1D, 2A, 2B, 3A, 3B, 3C, 3D, 3E, 3F, 4, 5A, 5B, 5C, 5D, 6, 7, 8, 9, "
		"10, or its Annex A form (\"\"a) 1A: Individual\"\") or label\"\n");
	codes_free(&g);
	codes_free(&e);
	codes_free(&src);
}

/* A check that moves K6's date to 1 January 2000 and gives K7, whose date
 * is blank, 2 February 2001: staged as the check left them, not as read. */
static int move_dates(void *ctx, list_reader *r, list_val *v, long line, list_reject *rej)
{
	(void)ctx, (void)r, (void)line, (void)rej;
	if (!strcmp(v[0].s, "K6"))
		v[3].d = csc_date_make(2000, 1, 1);
	if (!strcmp(v[0].s, "K7"))
		v[3].d = csc_date_make(2001, 2, 2);
	return 0;
}

/* The engine's remembered lookups (list_memo) give what a lookup gives,
 * row after row: the same value in two columns means different codes;
 * a value refused once is refused again; values of LIST_MEMO_VAL bytes
 * (remembered) and one and two more (looked up each time), and one
 * differing from a remembered one in its last byte only. Dates are staged in ISO form from either form,
 * or as a table check changed them. */
static void engine_memo_and_dates(void **state)
{
	(void)state;
	codes_list x, y;
	codes_init(&x);
	codes_init(&y);
	codes_add(&x, "1");
	codes_add(&x, "2");
	codes_alias(&x, "One", "1");
#define V53 "A label of fifty-three bytes: past what memo holds!!!"
#define V52 "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define V52B "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXY0"
	_Static_assert(sizeof V52 - 1 == LIST_MEMO_VAL && sizeof V53 - 1 == LIST_MEMO_VAL + 1,
		       "the values around the memo's limit");
	codes_alias(&x, V53, "2"); /* "!" is punctuation: V53 "!" is the same label */
	codes_alias(&x, V52, "1");
	codes_add(&y, "2");
	codes_add(&y, "3");
	codes_alias(&y, "One", "3");
	/* "Aen" falls in the same memo slot for columns 1 and 2 (FNV-1a of
	 * the column and the bytes, list_engine.c): the slot must say whose */
	codes_alias(&x, "Aen", "2");
	codes_alias(&y, "Aen", "3");
	const list_col cols[] = {
		{"id", "id", LT_ID, 1, 0, NULL, 0, 0},
		{"x", "x", LT_CODE, 1, 0, &x, 0, 0},
		{"y", "y", LT_CODE, 1, 0, &y, 0, 0},
		{"d", "d", LT_DATE_ANY, 1, 1, NULL, 0, 0},
	};
	list_table tb = {"T", cols, 4, 1, 0, move_dates, NULL, NULL};
	struct fixture fx;
	fixture_open(&fx, &tb);
	static const char text[] = "id,x,y,d\n"
				   "K1,One,One,29/02/2024\n"
				   "K2,1,1,2024-02-29\n"
				   "K3,One,2,01/01/0001\n"
				   "K4,1,1,\n"
				   "K5," V53 ",3,31/12/9999\n"
				   "K5b," V53 "!,3,\n"
				   "K6," V52 ",2,01/04/2020\n"
				   "K7," V52 ",One,\n"
				   "K8," V52B ",2,\n"
				   "K9,Aen,Aen,\n"
				   "K10,Aen,Aen,\n";
	assert_int_equal(list_reader_mem(&fx.r, text, sizeof text - 1), 0);
	char staged[4096], rejects[4096];
	fixture_close(&fx, staged, rejects, sizeof staged);
	assert_string_equal(staged, "id,x,y,d,src_line\n"
				    "K1,1,3,2024-02-29,2\n"
				    "K3,1,2,0001-01-01,4\n"
				    "K5,2,3,9999-12-31,6\n"
				    "K5b,2,3,,7\n"
				    "K6,1,2,2000-01-01,8\n"
				    "K7,1,3,2001-02-02,9\n"
				    "K9,2,3,,11\n"
				    "K10,2,3,,12\n");
	assert_string_equal(rejects, "file,line,field,value,reason\n"
				     "in.csv,3,y,1,\"y is not a valid code; expected one of: 2, 3\"\n"
				     "in.csv,5,y,1,\"y is not a valid code; expected one of: 2, 3\"\n"
				     "in.csv,10,x," V52B ",\"x is not a valid code; expected "
				     "one of: 1, 2\"\n");
	codes_free(&x);
	codes_free(&y);
}

/* More distinct values than the memo has slots, each seen twice: 1000
 * codes c0..c999 of 1500 values c0..c1499; the values past c999 are
 * refused both times, the others staged both times (no key: no
 * duplicate check). */
static void engine_memo_many_values(void **state)
{
	(void)state;
	codes_list z;
	codes_init(&z);
	char v[16];
	for (int i = 0; i < 1000; i++) {
		snprintf(v, sizeof v, "c%d", i);
		codes_add(&z, v);
	}
	const list_col cols[] = {{"z", "z", LT_CODE, 1, 0, &z, 0, 0}};
	list_table tb = {"T", cols, 1, 1, 0, NULL, NULL, NULL};
	struct fixture fx;
	fixture_open(&fx, &tb);
	size_t cap = 1 << 16, n = 0;
	char *text = malloc(cap);
	assert_non_null(text);
	n += (size_t)sprintf(text, "z\n");
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < 1500; i++)
			n += (size_t)sprintf(text + n, "c%d\n", (i * 7) % 1500);
	assert_int_equal(list_reader_mem(&fx.r, text, n), 0);
	assert_int_equal(fx.rec->read, 3000);
	assert_int_equal(fx.rec->staged, 2000);
	assert_int_equal(fx.rec->rejected, 1000);
	static char staged[1 << 16], rejects[1 << 17];
	fixture_close(&fx, staged, rejects, sizeof rejects);
	/* row i of a pass holds c(7i mod 1500): c0 c7 ... c994, c1001 refused */
	assert_memory_equal(staged, "z,src_line\nc0,2\nc7,3\n", 21);
	assert_memory_equal(rejects, "file,line,field,value,reason\nin.csv,145,z,c1001,", 48);
	free(text);
	codes_free(&z);
}

/* The row identity of the duplicate check: with the same key, values moved
 * from one column to the next ("ab","" and "a","b") are different rows (a
 * conflict); a repeat, and a repeat of blank values, are duplicates. */
static void dups_row_identity(void **state)
{
	(void)state;
	const list_col cols[] = {
		{"k", "k", LT_ID, 1, 0, NULL, 0, 0},
		{"a", "a", LT_TEXT, 1, 1, NULL, 0, 0},
		{"b", "b", LT_TEXT, 1, 1, NULL, 0, 0},
	};
	static const int key[] = {0};
	list_dups d;
	list_dups_init(&d, "T", key, 1, -1);
	list_table tb = {"T", cols, 3, 1, 0, NULL, NULL, &d};
	struct fixture fx;
	fixture_open(&fx, &tb);
	static const char text[] = "k,a,b\n"
				   "K1,ab,\n"
				   "K1,a,b\n"
				   "K2,x,y\n"
				   "K2,x,y\n"
				   "K3,,\n"
				   "K3,,\n"
				   "K4,y,x\n";
	assert_int_equal(list_reader_mem(&fx.r, text, sizeof text - 1), 0);
	assert_int_equal(list_dups_finish(&d, fx.rec), 0);
	assert_int_equal(d.duplicates, 2);
	assert_int_equal(d.conflicts, 2);
	char staged[4096], rejects[4096];
	fixture_close(&fx, staged, rejects, sizeof staged);
	assert_string_equal(staged, "k,a,b,src_line\nK2,x,y,4\nK3,,,6\nK4,y,x,8\n");
	assert_string_equal(rejects,
		"file,line,field,value,reason\n"
		"in.csv,2,k,K1,\"rows with k K1 differ (this one and in.csv:3): every row with this "
		"key is rejected, as none can be trusted\"\n"
		"in.csv,3,k,K1,\"rows with k K1 differ (the first at in.csv:2): every row with this "
		"key is rejected, as none can be trusted\"\n"
		"in.csv,5,k,K2,exact duplicate of in.csv:4 (the same values in every column)\n"
		"in.csv,7,k,K3,exact duplicate of in.csv:6 (the same values in every column)\n");
	list_dups_free(&d);
}

/* Duplicates over two files of one table (list_dups), worked by hand:
 * a.csv: C1/E1 (a note over two lines), C1/E2, C2/E1, then C1/E1 again
 *        with the date written the other way: an exact duplicate;
 * b.csv: C2/E1 with another note: a conflict, so a.csv's C2/E1 is taken
 *        back out of staging; C3/E1; C2/E1 as in a.csv: rejected, the
 *        key being in conflict. */
static void dups_two_files(void **state)
{
	(void)state;
	const list_col cols[] = {
		{"child", "child", LT_ID, 1, 0, NULL, 0, 0},
		{"ep", "ep", LT_ID, 1, 0, NULL, 0, 0},
		{"start", "start", LT_DATE_ANY, 1, 0, NULL, 0, 0},
		{"note", "note", LT_TEXT, 1, 1, NULL, 0, 0},
	};
	static const int key[] = {0, 1};
	list_dups d;
	list_dups_init(&d, "T", key, 2, 0);
	list_table tb = {"T", cols, 4, 1, 1, NULL, NULL, &d};
	char dir[] = "/tmp/csc-test-dups.XXXXXX";
	csc_stage s;
	csc_table *ra = stage_for(&s, dir, &tb, "a.csv");
	csc_table *rb = csc_stage_table(&s, "T", "b.csv", NULL, NULL);
	static const char a[] = "child,ep,start,note\n"
				"C1,E1,01/04/2023,\"two\nlines\"\n"
				"C1,E2,02/04/2023,x\n"
				"C2,E1,2023-04-03,y\n"
				"C1,E1,2023-04-01,\"two\nlines\"\n";
	static const char b[] = "child,ep,start,note\n"
				"C2,E1,03/04/2023,z\n"
				"C3,E1,04/04/2023,\n"
				"C2,E1,03/04/2023,y\n";
	list_reader r;
	list_reader_init(&r, &tb, &s, ra, &ra->w, "a.csv");
	assert_int_equal(csc_csv_read_mem(a, sizeof a - 1, "a.csv", list_reader_row, &r), 0);
	list_reader_init(&r, &tb, &s, rb, &ra->w, "b.csv");
	assert_int_equal(csc_csv_read_mem(b, sizeof b - 1, "b.csv", list_reader_row, &r), 0);
	assert_int_equal(list_dups_finish(&d, ra), 0);
	assert_int_equal(ra->read, 4);
	assert_int_equal(ra->staged, 2);
	assert_int_equal(ra->rejected, 2);
	assert_int_equal(rb->read, 3);
	assert_int_equal(rb->staged, 1);
	assert_int_equal(rb->rejected, 2);
	assert_int_equal(d.duplicates, 1);
	assert_int_equal(d.conflicts, 3);
	assert_int_equal(d.n, 4); /* keys: C1/E1, C1/E2, C2/E1, C3/E1 */
	assert_int_equal(csc_stage_commit(&s), 0);
	csc_stage_free(&s);
	char buf[4096];
	slurp(dir, "t.csv", buf, sizeof buf);
	assert_string_equal(buf, "child,ep,start,note,src_file,src_line\n"
				 "C1,E1,2023-04-01,\"two\nlines\",a.csv,2\n"
				 "C1,E2,2023-04-02,x,a.csv,4\n"
				 "C3,E1,2023-04-04,,b.csv,3\n");
	slurp(dir, "rejects_t.csv", buf, sizeof buf);
	assert_string_equal(buf,
		"file,line,field,value,reason\n"
		"a.csv,6,ep,E1,exact duplicate of a.csv:2 (the same values in every column)\n"
		"a.csv,5,ep,E1,\"rows with child C2, ep E1 differ (this one and b.csv:2): every row with "
		"this key is rejected, as none can be trusted\"\n"
		"b.csv,2,ep,E1,\"rows with child C2, ep E1 differ (the first at a.csv:5): every row with "
		"this key is rejected, as none can be trusted\"\n"
		"b.csv,4,ep,E1,\"rows with child C2, ep E1 differ (the first at a.csv:5): every row with "
		"this key is rejected, as none can be trusted\"\n");
	slurp(dir, "findings_t.csv", buf, sizeof buf);
	assert_string_equal(buf,
		"check,measure,child,record,date,detail\n"
		"conflicting_rows,,C2,a.csv:5,,\"T: rows a.csv:5 and b.csv:2 have the same child C2, ep E1 "
		"but different values; no row with this key is staged (correct the source)\"\n");
	slurp(dir, "recon_t.csv", buf, sizeof buf);
	assert_string_equal(buf, "file,table,read,staged,rejected\na.csv,T,4,2,2\nb.csv,T,3,1,2\n");
	remove_stage(dir);
	list_dups_free(&d);
}

/* Many keys (the table grows and probes): each repeat is found, nothing
 * else; without the key column the whole row is the key. */
static void dups_many_keys(void **state)
{
	(void)state;
	const list_col cols[] = {
		{"id", "id", LT_ID, 0, 0, NULL, 0, 0},
		{"v", "v", LT_ID, 1, 0, NULL, 0, 0},
	};
	static const int key[] = {0};
	for (int with_id = 0; with_id < 2; with_id++) {
		list_dups d;
		list_dups_init(&d, "T", key, 1, -1);
		list_table tb = {"T", cols, 2, 1, 0, NULL, NULL, &d};
		char dir[] = "/tmp/csc-test-dups.XXXXXX";
		csc_stage s;
		csc_table *rec = stage_for(&s, dir, &tb, "in.csv");
		size_t cap = 1 << 20, n = 0;
		char *text = malloc(cap);
		assert_non_null(text);
		n += (size_t)sprintf(text, with_id ? "id,v\n" : "v\n");
		for (int i = 0; i < 5000; i++)
			n += with_id ? (size_t)sprintf(text + n, "K%d,v%d\n", i, i % 7)
				     : (size_t)sprintf(text + n, "v%d\n", i % 7);
		/* with ids: K3 again (v3 = 3 % 7: a duplicate), K4 with v5 (a
		 * conflict); without: v3 and v5 are rows seen before */
		n += (size_t)sprintf(text + n, with_id ? "K3,v3\nK4,v5\n" : "v3\nv5\n");
		list_reader r;
		list_reader_init(&r, &tb, &s, rec, &rec->w, "in.csv");
		assert_int_equal(csc_csv_read_mem(text, n, "in.csv", list_reader_row, &r), 0);
		assert_int_equal(list_dups_finish(&d, rec), 0);
		if (with_id) {
			assert_int_equal(d.n, 5000);
			assert_int_equal(d.duplicates, 1);
			assert_int_equal(d.conflicts, 2);
			assert_int_equal(rec->staged, 4999);
		} else {
			/* v0..v6 staged once, every later row a duplicate */
			assert_int_equal(d.n, 7);
			assert_int_equal(d.duplicates, 5002 - 7);
			assert_int_equal(rec->staged, 7);
		}
		assert_int_equal(rec->read, rec->staged + rec->rejected);
		csc_stage_abort(&s);
		csc_stage_free(&s);
		assert_int_equal(rmdir(dir), 0);
		free(text);
		list_dups_free(&d);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dates),
		cmocka_unit_test(numbers_and_sex),
		cmocka_unit_test(referral_source),
		cmocka_unit_test(builtin_lists),
		cmocka_unit_test(engine_rows),
		cmocka_unit_test(engine_annexa_and_stray_quote),
		cmocka_unit_test(engine_memo_and_dates),
		cmocka_unit_test(engine_memo_many_values),
		cmocka_unit_test(dups_row_identity),
		cmocka_unit_test(dups_two_files),
		cmocka_unit_test(dups_many_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
