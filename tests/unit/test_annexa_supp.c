/* Reading one value of the Annex A supplementary list (annexa/aa_supp.c),
 * each case worked by hand from ANNEX-A.md section 2: dates in the three
 * forms (Excel serial 45966 is 05/11/2025: 45966 - 25569 days after
 * 01/01/1970), yes/no forms, coded columns by label or lettered form,
 * whole values only, text kept as written. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "annexa/aa_supp.h"

static const aa_supp_col *col(const char *h)
{
	for (int k = 0; k < AA_NSUPP; k++)
		if (!strcmp(aa_supp_cols[k].header, h))
			return &aa_supp_cols[k];
	fail_msg("no column %s", h);
	return NULL;
}

/* v reads as want; want NULL: refused with a reason */
static void reads(const char *h, const char *v, const char *want)
{
	char out[256];
	const char *why = NULL;
	int rc = aa_supp_value(col(h), v, out, sizeof out, &why);
	if (want) {
		assert_int_equal(rc, 0);
		assert_string_equal(out, want);
	} else {
		assert_int_equal(rc, -1);
		assert_non_null(why);
	}
}

static void dates(void **state)
{
	(void)state;
	const char *h = "Date of Last Health Assessment";
	reads(h, "05/11/2025", "2025-11-05");
	reads(h, "2025-11-05", "2025-11-05");
	reads(h, "45966", "2025-11-05");
	reads(h, "45966.0", "2025-11-05");
	reads(h, "61", "1900-03-01"); /* Excel's first day after its 29/02/1900 */
	reads(h, " 05/11/2025 ", "2025-11-05");
	reads(h, "", "");
	reads(h, "45966.5", NULL);    /* a time of day: not a date */
	reads(h, "60", NULL);         /* Excel's 29/02/1900 never was */
	reads(h, "31/02/2025", NULL);
	reads(h, "5/11/25", NULL);
	reads(h, "yesterday", NULL);
}

static void yes_no(void **state)
{
	(void)state;
	const char *h = "Was the Child Seen Alone?";
	reads(h, "Y", "a) Yes");
	reads(h, "a) yes", "a) Yes");
	reads(h, "TRUE", "a) Yes");
	reads(h, "1", "a) Yes");
	reads(h, "No", "b) No");
	reads(h, "0", "b) No");
	reads(h, "false", "b) No");
	reads(h, "c) Unknown", "c) Unknown");
	reads(h, "unknown", "c) Unknown");
	reads(h, "maybe", NULL);
	reads(h, "Yes please", NULL); /* the whole value, never a substring */
}

static void codes(void **state)
{
	(void)state;
	const char *h = "What is the permanence plan for this child?";
	reads(h, "Long-term fostering", "f) Long-term fostering");
	reads(h, "f) long-term   fostering", "f) Long-term fostering");
	reads(h, "f) Long\xE2\x80\x93term fostering", "f) Long-term fostering"); /* en dash */
	reads(h, "\xC2\xA0" "Adoption", "b) Adoption");                          /* NBSP */
	reads(h, "Fostering", NULL);
	reads(h, "b) Return to family", NULL); /* b) is Adoption's letter */
	reads("Placement Location", "out", "b) Out");
	reads("Placement Location", "c) Elsewhere", NULL);
	/* LA of Placement: a code's full form, or an LA's name as written */
	reads("LA of Placement", "wal", "WAL - Child placed in Wales");
	reads("LA of Placement", "Kent", "Kent");
}

static void text(void **state)
{
	(void)state;
	const char *h = "Allocated Team";
	reads(h, "Team  North", "Team North");
	/* a formula-looking text is text: xl_text writes it as a string */
	reads(h, "=HYPERLINK(\"x\")", "=HYPERLINK(\"x\")");
	reads(h, "a\x01" "b", NULL);
	char big[260];
	memset(big, 'x', 201);
	big[201] = '\0';
	reads(h, big, NULL);
	big[200] = '\0';
	reads(h, big, big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dates), cmocka_unit_test(yes_no), cmocka_unit_test(codes),
		cmocka_unit_test(text),
	};
	return cmocka_run_group_tests_name("annexa_supp", tests, NULL, NULL);
}
