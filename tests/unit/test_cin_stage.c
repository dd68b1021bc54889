/* The CIN staging contract (lib/csc_cin_stage.h, lib/csc_cin_elems.h):
 * the tables agree with each other and with the XSDs in ref/, the
 * extractor writes each file's header from the definition, the transform's
 * reader finds every column of what the extractor wrote (values
 * hand-worked from the XML below), and refuses a file lacking any one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "../../extract/cin_emit.h"
#include "../../extract/cin_reader.h"
#include "../../transform/staging.h"
#include "csc_cin_elems.h"
#include "csc_cin_stage.h"
#include "csc_diag.h"
#include "csc_rmtree.h"

#define T(e, v) "<" #e ">" v "</" #e ">"
static const char xml[] =
	"<Message><Children><Child>"
	"<ChildIdentifiers>" T(LAchildID, "C1") T(UPN, "A123456789012") T(PersonBirthDate, "2015-06-01")
	T(Sex, "F") "</ChildIdentifiers>"
	"<ChildCharacteristics>" T(Ethnicity, "WBRI")
	"<Disabilities>" T(Disability, "MOB") T(Disability, "HAND") "</Disabilities></ChildCharacteristics>"
	"<CINdetails>" T(CINreferralDate, "2024-05-01") T(ReferralSource, "1A") T(PrimaryNeedCode, "N1")
	T(CINclosureDate, "2025-01-31") T(ReasonForClosure, "RC1")
	"<Assessments>" T(AssessmentActualStartDate, "2024-05-02") T(AssessmentAuthorisationDate, "2024-06-01")
	"<FactorsIdentifiedAtAssessment>" T(AssessmentFactors, "2A") T(AssessmentFactors, "3A")
	"</FactorsIdentifiedAtAssessment></Assessments>"
	"<CINPlanDates>" T(CINPlanStartDate, "2024-06-02") T(CINPlanEndDate, "2024-07-01") "</CINPlanDates>"
	"<Section47>" T(S47ActualStartDate, "2024-05-03") T(InitialCPCtarget, "2024-05-20")
	T(DateOfInitialCPC, "2024-05-17") T(ICPCnotRequired, "false") "</Section47>"
	T(ReferralNFA, "false")
	"<ChildProtectionPlans>" T(CPPstartDate, "2024-05-17") T(CPPendDate, "2024-12-01")
	T(InitialCategoryOfAbuse, "NEG") T(LatestCategoryOfAbuse, "EMO") T(NumberOfPreviousCPP, "2")
	"<Reviews>" T(CPPreviewDate, "2024-08-01") T(CPPreviewDate, "2024-11-01") "</Reviews>"
	"</ChildProtectionPlans>"
	"<PreProceedingsandFGDM>" T(PPStartDate, "2024-09-09") T(LBPSentDate, "2024-09-20")
	T(FGDMMeetingOffer, "1") T(FGDMMeetingFac, "0") T(InitialPPMeetingDate, "2024-09-28")
	T(ReviewMeetingsCount, "03") T(StepDecisionDate, "2024-12-01") T(PPOutcome, "A")
	T(CourtAppDate, "2024-12-18") T(LetterInitCPDate, "2025-02-05") "</PreProceedingsandFGDM>"
	"<PreProceedingsandFGDM>" T(PPStartDate, "2025-01-10") "</PreProceedingsandFGDM>"
	"</CINdetails></Child></Children></Message>";

/* Every data row the extractor writes for xml, file by file, hand-worked. */
static const char *const want[CSC_CIN_NFILES][3] = {
	[CSC_CIN_CHILDREN] = {"C1,A123456789012,,,2015-06-01,,F,,WBRI,MOB;HAND,1"},
	[CSC_CIN_EPISODES] = {"C1,1,2024-05-01,1A,N1,2025-01-31,RC1,,0,1"},
	[CSC_CIN_ASSESSMENTS] = {"C1,1,1,2024-05-02,,2024-06-01,2A;3A,1"},
	[CSC_CIN_PLANS] = {"C1,1,1,2024-06-02,2024-07-01,1"},
	[CSC_CIN_S47] = {"C1,1,1,2024-05-03,2024-05-20,2024-05-17,0,1"},
	[CSC_CIN_CPP] = {"C1,1,1,2024-05-17,2024-12-01,NEG,EMO,2,1"},
	[CSC_CIN_REVIEWS] = {"C1,1,1,2024-08-01,1", "C1,1,1,2024-11-01,1"},
	/* the count staged as a number (03 is 3); blocks numbered 1, 2 */
	[CSC_CIN_PREPROC] = {"C1,1,1,2024-09-09,2024-09-20,1,0,2024-09-28,3,2024-12-01,A,"
			     "2024-12-18,2025-02-05,1",
			     "C1,1,2,2025-01-10,,,,,,,,,,1"},
};

static char dir[64];

/* Stage xml into dir with the extractor. */
static int stage(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/test_cin_stage.XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	cin_xsd xsd, xsd24;
	cin_reader rd;
	csc_stage st;
	cin_emit em;
	csc_xml x;
	int rc = cin_xsd_load(&xsd, CSC_DATADIR "/ref/" CIN_XSD_SEX_FILE) ||
		 cin_xsd_load(&xsd24, CSC_DATADIR "/ref/" CIN_XSD_FILE) ||
		 cin_reader_init(&rd, &xsd, &xsd24, "ref") || csc_stage_open(&st, dir, "cin") ||
		 cin_emit_open(&em, &st, "t.xml") ||
		 csc_xml_open_mem(&x, xml, (int)strlen(xml), "t.xml") ||
		 cin_reader_run(&rd, &x, cin_emit_child, &em) || cin_emit_finish(&em) ||
		 csc_stage_commit(&st);
	csc_xml_close(&x);
	cin_emit_free(&em);
	csc_stage_free(&st);
	cin_reader_free(&rd);
	cin_xsd_free(&xsd);
	cin_xsd_free(&xsd24);
	return rc ? -1 : 0;
}

static int unstage(void **state)
{
	(void)state;
	return csc_rmtree(dir);
}

/* The lines of staging file f (at most 8), without their newlines. */
static int lines(int f, char out[8][256])
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, csc_cin_stage[f].file);
	FILE *fp = fopen(path, "r");
	assert_non_null(fp);
	int n = 0;
	while (n < 8 && fgets(out[n], 256, fp)) {
		out[n][strcspn(out[n], "\r\n")] = '\0';
		n++;
	}
	fclose(fp);
	return n;
}

static void test_definitions(void **state)
{
	(void)state;
	for (int f = 0; f < CSC_CIN_NFILES; f++) {
		const csc_cin_stagedef *d = &csc_cin_stage[f];
		assert_string_equal(csc_cin_stage_files[f], d->file);
		assert_null(d->cols[d->ncols]);
		assert_true(d->ncols <= CSC_CIN_MAXCOLS);
		assert_string_equal(d->cols[CSC_CIN_COL_CHILD], "child");
		assert_int_equal(d->types[CSC_CIN_COL_CHILD], CSC_COL_CHILD);
		assert_string_equal(d->cols[d->ncols - 1], "src_line");
		if (f != CSC_CIN_CHILDREN)
			assert_string_equal(d->cols[CSC_CIN_COL_EPISODE], "episode");
		for (int c = 0; c < d->ncols; c++) {
			for (int o = 0; o < c; o++)
				assert_string_not_equal(d->cols[o], d->cols[c]);
			int value = d->types[c] != CSC_COL_CHILD && d->types[c] != CSC_COL_NUM &&
				    d->types[c] != CSC_COL_LINE;
			int elems = 0;
			for (int e = 0; e < csc_cin_nelems; e++)
				elems += csc_cin_elems[e].file == f && csc_cin_elems[e].col == c;
			/* a value column comes from an element (sex: from two) */
			if (value)
				assert_true(elems >= 1);
			else if (c != CSC_CIN_COL_CHILD)
				assert_int_equal(elems, 0);
		}
	}
	assert_null(csc_cin_stage_files[CSC_CIN_NFILES]);
}

/* Each code list the element table names is a simpleType of an XSD in
 * ref/ and the very list the extractor gives that element. */
static void test_code_lists(void **state)
{
	(void)state;
	cin_xsd x25, x24;
	assert_int_equal(cin_xsd_load(&x25, CSC_DATADIR "/ref/" CIN_XSD_SEX_FILE), 0);
	assert_int_equal(cin_xsd_load(&x24, CSC_DATADIR "/ref/" CIN_XSD_FILE), 0);
	int lists = 0;
	for (int e = 0; e < csc_cin_nelems; e++) {
		const csc_cin_elem *el = &csc_cin_elems[e];
		if (!el->codes)
			continue;
		const cin_xsd *x = cin_xsd_type(&x25, el->codes) ? &x25 : &x24;
		assert_non_null(cin_xsd_type(x, el->codes));
		assert_ptr_equal(cin_xsd_type(x, el->codes), cin_xsd_codes(x, el->name));
		lists++;
	}
	assert_int_equal(lists, 13); /* two yesnotype, two categoryofabuse */
	cin_xsd_free(&x25);
	cin_xsd_free(&x24);
}

/* The year's element for the child's sex, and its codes: GenderCurrent
 * 1/2/0 to 2023-24, Sex M/F/U from 2024-25. */
static void test_sex_by_year(void **state)
{
	(void)state;
	const csc_cin_elem *g = csc_cin_elem_for(CSC_CIN_CHILDREN, CSC_CH_SEX, 2024);
	const csc_cin_elem *s = csc_cin_elem_for(CSC_CIN_CHILDREN, CSC_CH_SEX, 2025);
	assert_string_equal(g->name, "GenderCurrent");
	assert_string_equal(s->name, "Sex");
	assert_ptr_equal(csc_cin_elem_for(CSC_CIN_CHILDREN, CSC_CH_SEX, 2021), g);
	assert_ptr_equal(csc_cin_elem_for(CSC_CIN_CHILDREN, CSC_CH_SEX, 2027), s);
	assert_string_equal(csc_cin_elem_recode(g, "M"), "1");
	assert_string_equal(csc_cin_elem_recode(g, "F"), "2");
	assert_string_equal(csc_cin_elem_recode(g, "U"), "0");
	assert_string_equal(csc_cin_elem_recode(g, "X"), "X");
	assert_string_equal(csc_cin_elem_recode(s, "U"), "U");
	assert_int_equal(csc_cin_elem_find("Section47", "DateOfInitialCPC")->col, CSC_S47_ICPC_DATE);
	assert_int_equal(csc_cin_elem_find("CINdetails", "DateOfInitialCPC")->col, CSC_EP_ICPC_DATE);
	assert_null(csc_cin_elem_find("Child", "CINreferralDate"));
}

/* The PreProceedingsandFGDM block is ten elements in the DfE sample's
 * order, each in its own column, in returns from 2026-27 only. */
static void test_preproc_elements(void **state)
{
	(void)state;
	static const char *const names[] = {
		"PPStartDate", "LBPSentDate", "FGDMMeetingOffer", "FGDMMeetingFac",
		"InitialPPMeetingDate", "ReviewMeetingsCount", "StepDecisionDate", "PPOutcome",
		"CourtAppDate", "LetterInitCPDate"};
	int n = 0;
	for (int e = 0; e < csc_cin_nelems; e++) {
		const csc_cin_elem *el = &csc_cin_elems[e];
		if (strcmp(el->record, "PreProceedingsandFGDM"))
			continue;
		assert_true(n < 10);
		assert_string_equal(el->name, names[n]);
		assert_string_equal(el->parent, "PreProceedingsandFGDM");
		assert_int_equal(el->file, CSC_CIN_PREPROC);
		assert_int_equal(el->col, CSC_PP_START_DATE + n);
		assert_null(el->codes);
		assert_false(csc_cin_elem_in_year(el, 2026));
		assert_true(csc_cin_elem_in_year(el, 2027));
		assert_true(csc_cin_elem_in_year(el, 2028));
		n++;
	}
	assert_int_equal(n, 10);
	assert_null(csc_cin_elem_for(CSC_CIN_PREPROC, CSC_PP_OUTCOME, 2026));
	assert_string_equal(csc_cin_elem_for(CSC_CIN_PREPROC, CSC_PP_OUTCOME, 2027)->name, "PPOutcome");
}

/* The extractor's header rows are the definition's, and its rows hold
 * each value in the column the definition names. */
static void test_writer(void **state)
{
	(void)state;
	for (int f = 0; f < CSC_CIN_NFILES; f++) {
		char l[8][256], head[256] = "";
		for (int c = 0; c < csc_cin_stage[f].ncols; c++)
			snprintf(head + strlen(head), sizeof head - strlen(head), "%s%s", c ? "," : "",
				 csc_cin_stage[f].cols[c]);
		int n = lines(f, l), rows = 0;
		while (rows < 3 && want[f][rows])
			rows++;
		assert_string_equal(l[0], head);
		assert_int_equal(n - 1, rows);
		/* src_line: every element sits on line 1 here */
		for (int r = 1; r < n; r++)
			assert_string_equal(l[r], want[f][r - 1]);
	}
}

/* What the transform's reader gets from each file, by column name. */
static char got[CSC_CIN_NFILES][512];
static void keep(int f, const tx_fields *x)
{
	for (int c = 0; c < csc_cin_stage[f].ncols; c++)
		snprintf(got[f] + strlen(got[f]), sizeof got[f] - strlen(got[f]), "%s%s=%s",
			 c ? " " : "", x->cols[c], x->v[c]);
	strcat(got[f], "|");
}
#define KEEP(f) static void row##f(void *ctx, const tx_fields *x) { (void)ctx; keep(f, x); }
KEEP(0) KEEP(1) KEEP(2) KEEP(3) KEEP(4) KEEP(5) KEEP(6) KEEP(7)
static const tx_row_fn rows[CSC_CIN_NFILES] = {row0, row1, row2, row3, row4, row5, row6, row7};

static void test_reader(void **state)
{
	(void)state;
	memset(got, 0, sizeof got);
	assert_int_equal(tx_read_cin(dir, rows, NULL), 0);
	assert_string_equal(got[CSC_CIN_EPISODES],
			    "child=C1 episode=1 referral_date=2024-05-01 referral_source=1A "
			    "primary_need=N1 closure_date=2025-01-31 closure_reason=RC1 icpc_date= "
			    "referral_nfa=0 src_line=1|");
	assert_string_equal(got[CSC_CIN_REVIEWS],
			    "child=C1 episode=1 cpp=1 review_date=2024-08-01 src_line=1|"
			    "child=C1 episode=1 cpp=1 review_date=2024-11-01 src_line=1|");
	assert_string_equal(got[CSC_CIN_PREPROC],
			    "child=C1 episode=1 block=1 start_date=2024-09-09 lbp_sent_date=2024-09-20 "
			    "fgdm_offered=1 fgdm_facilitated=0 initial_meeting_date=2024-09-28 "
			    "review_meetings=3 step_decision_date=2024-12-01 outcome=A "
			    "court_application_date=2024-12-18 letter_init_cp_date=2025-02-05 src_line=1|"
			    "child=C1 episode=1 block=2 start_date=2025-01-10 lbp_sent_date= "
			    "fgdm_offered= fgdm_facilitated= initial_meeting_date= review_meetings= "
			    "step_decision_date= outcome= court_application_date= letter_init_cp_date= "
			    "src_line=1|");
	assert_string_equal(got[CSC_CIN_CHILDREN],
			    "child=C1 upn=A123456789012 former_upn= upn_unknown= dob=2015-06-01 "
			    "expected_dob= sex=F death_date= ethnicity=WBRI disabilities=MOB;HAND "
			    "src_line=1|");
}

/* A staging file lacking any one column of its definition (written by
 * another definition) is refused, naming the column. */
static void test_reader_refuses(void **state)
{
	(void)state;
	for (int f = 0; f < CSC_CIN_NFILES; f++) {
		const csc_cin_stagedef *d = &csc_cin_stage[f];
		char path[256];
		snprintf(path, sizeof path, "%s/%s", dir, d->file);
		for (int drop = 0; drop < d->ncols; drop++) {
			FILE *fp = fopen(path, "w");
			assert_non_null(fp);
			for (int c = 0, k = 0; c < d->ncols; c++)
				if (c != drop)
					fprintf(fp, "%s%s", k++ ? "," : "", d->cols[c]);
			fputc('\n', fp);
			fclose(fp);
			tx_row_fn one[CSC_CIN_NFILES] = {0};
			one[f] = rows[f];
			csc_diag_quiet(1);
			assert_int_equal(tx_read_cin(dir, one, NULL), -1);
			csc_diag_quiet(0);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_definitions),
		cmocka_unit_test(test_code_lists),
		cmocka_unit_test(test_sex_by_year),
		cmocka_unit_test(test_preproc_elements),
		cmocka_unit_test(test_writer),
		cmocka_unit_test(test_reader),
		cmocka_unit_test(test_reader_refuses),
	};
	return cmocka_run_group_tests(tests, stage, unstage);
}
