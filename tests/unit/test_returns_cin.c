/* test_returns_cin.c - the CIN census writer on the hand-made staging in
 * tests/data/returns/staging (children chosen on each scoping boundary,
 * see tests/data/returns/README.md), checked element by element and against
 * the DfE schema with libxml2's validator. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../returns/returns_cin.h"

#ifndef CSC_DATADIR
#define CSC_DATADIR "."
#endif
#define STAGING CSC_DATADIR "/tests/data/returns/staging"

static const ret_cin_header hdr = {"999", "9.9.9", "001"};

/* Write year's return into memory and parse it. */
static xmlDocPtr write_year(int year, ret_cin_stats *st, char **text, size_t *len)
{
	ret_year y;
	assert_int_equal(ret_year_init(&y, year), 0);
	char *buf = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&buf, &n);
	assert_non_null(fp);
	assert_int_equal(ret_cin_write(&y, &hdr, STAGING, fp, st), 0);
	fclose(fp);
	xmlDocPtr doc = xmlReadMemory(buf, (int)n, "cin.xml", NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	if (text) {
		*text = buf;
		*len = n;
	} else {
		free(buf);
	}
	return doc;
}

/* The text of every node matching xpath, joined with ','. */
static char *xp(xmlDocPtr doc, const char *path)
{
	xmlXPathContextPtr c = xmlXPathNewContext(doc);
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST path, c);
	assert_non_null(o);
	static char out[4096];
	out[0] = '\0';
	if (o->type == XPATH_NUMBER) {
		snprintf(out, sizeof out, "%g", o->floatval);
	} else if (o->nodesetval) {
		for (int i = 0; i < o->nodesetval->nodeNr; i++) {
			xmlChar *s = xmlNodeGetContent(o->nodesetval->nodeTab[i]);
			if (i)
				strcat(out, ",");
			strncat(out, (const char *)s, sizeof out - strlen(out) - 2);
			xmlFree(s);
		}
	}
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(c);
	return out;
}

#define CHILD(id) "//Child[ChildIdentifiers/LAchildID='" id "']"

/* Which children: episode open at any point of 1 Apr 2024 .. 31 Mar 2025. */
static void test_children_2025(void **state)
{
	(void)state;
	ret_cin_stats st;
	xmlDocPtr d = write_year(2025, &st, NULL, NULL);
	/* C01 closed 31/03/2024: out. C02 closed 01/04/2024: in. C03 referred
	 * 31/03/2025: in. C04 referred 01/04/2025: out. C05 closes 01/04/2025:
	 * in, open. C06-C09 open in the year. */
	assert_string_equal(xp(d, "//LAchildID"), "C02,C03,C05,C06,C07,C08,C09");
	assert_int_equal(st.children, 7);
	assert_string_equal(xp(d, CHILD("C02") "//CINclosureDate"), "2024-04-01");
	assert_string_equal(xp(d, CHILD("C02") "//ReasonForClosure"), "RC8");
	/* closure after the reference date is not yet a closure */
	assert_string_equal(xp(d, "count(" CHILD("C05") "//CINclosureDate)"), "0");
	assert_string_equal(xp(d, "count(" CHILD("C05") "//ReasonForClosure)"), "0");
	/* C08: only the second episode touches the year */
	assert_string_equal(xp(d, CHILD("C08") "//CINreferralDate"), "2024-07-01");
	xmlFreeDoc(d);
}

static void test_groups_2025(void **state)
{
	(void)state;
	ret_cin_stats st;
	xmlDocPtr d = write_year(2025, &st, NULL, NULL);
	/* Assessments: #1 authorised 20/02/2024 (before) out; #2 authorised
	 * 10/04/2024 in; #3 open in; #4 authorised 02/04/2025, so open on the
	 * reference date: no authorisation, no factors. */
	assert_string_equal(xp(d, CHILD("C06") "//AssessmentActualStartDate"),
			    "2024-03-20,2025-03-01,2025-02-10");
	assert_string_equal(xp(d, CHILD("C06") "//AssessmentAuthorisationDate"), "2024-04-10");
	assert_string_equal(xp(d, CHILD("C06") "//AssessmentFactors"), "3A,4B");
	/* Plans: ended 31/03/2024 out; started 01/04/2024 in; ends 15/04/2025
	 * in, open. */
	assert_string_equal(xp(d, CHILD("C06") "//CINPlanStartDate"), "2024-04-01,2024-06-01");
	assert_string_equal(xp(d, "count(" CHILD("C06") "//CINPlanEndDate)"), "0");
	/* S47: ICPC 25/03/2024 out; ICPC 03/04/2024 in; started in year in;
	 * started before, not required: out; started 25/03/2025 with ICPC
	 * 14/04/2025: in without the conference date. */
	assert_string_equal(xp(d, CHILD("C06") "//S47ActualStartDate"),
			    "2024-03-20,2024-10-01,2025-03-25");
	assert_string_equal(xp(d, CHILD("C06") "//Section47/DateOfInitialCPC"), "2024-04-03");
	assert_string_equal(xp(d, CHILD("C06") "//ICPCnotRequired"), "false,true,false");
	/* CP plans: ended 01/01/2024 out; open one in with in-year reviews only. */
	assert_string_equal(xp(d, CHILD("C06") "//CPPstartDate"), "2024-04-03");
	assert_string_equal(xp(d, CHILD("C06") "//CPPreviewDate"), "2024-06-20,2024-12-10");
	assert_string_equal(xp(d, CHILD("C06") "//NumberOfPreviousCPP"), "0");
	assert_string_equal(xp(d, CHILD("C09") "//CPPreviewDate"), "2024-05-01");
	assert_int_equal(st.assessments, 4);
	assert_int_equal(st.plans, 3);
	assert_int_equal(st.s47, 3);
	assert_int_equal(st.cpp, 2);
	assert_int_equal(st.reviews, 3);
	xmlFreeDoc(d);
}

static void test_header_and_sex(void **state)
{
	(void)state;
	ret_cin_stats st;
	xmlDocPtr d = write_year(2025, &st, NULL, NULL);
	assert_string_equal(xp(d, "//CollectionDetails/*"), "CIN,2025,2025-03-31");
	assert_string_equal(xp(d, "//Source/*"), "L,999,cscpipe,9.9.9,001,2025-03-31T00:00:00");
	assert_string_equal(xp(d, "//Sex"), "F,M,M,F,U,M,F");
	assert_string_equal(xp(d, "count(//GenderCurrent)"), "0");
	xmlFreeDoc(d);
	d = write_year(2024, &st, NULL, NULL);
	/* 2023-24: C01, C02, C06, C09 (C08's first episode closed 01/01/2023) */
	assert_string_equal(xp(d, "//LAchildID"), "C01,C02,C06,C09");
	assert_string_equal(xp(d, "//GenderCurrent"), "1,2,2,2");
	assert_string_equal(xp(d, "count(//Sex)"), "0");
	assert_string_equal(xp(d, "//ReferenceDate"), "2024-03-31");
	assert_string_equal(xp(d, CHILD("C09") "//CPPreviewDate"), "2023-08-01");
	xmlFreeDoc(d);
}

/* Schema validation; collects each error's element name. */
static char errs[4096];
static int nerr;
static void on_error(void *ctx, const xmlError *e)
{
	(void)ctx;
	nerr++;
	if (e->node && ((xmlNodePtr)e->node)->name) {
		strncat(errs, (const char *)((xmlNodePtr)e->node)->name, sizeof errs - strlen(errs) - 2);
		strcat(errs, ";");
	}
}

static int validate(xmlDocPtr d, const char *xsd)
{
	xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(xsd);
	xmlSchemaPtr s = xmlSchemaParse(pc);
	assert_non_null(s);
	xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(s);
	errs[0] = '\0';
	nerr = 0;
	xmlSchemaSetValidStructuredErrors(vc, (xmlStructuredErrorFunc)on_error, NULL);
	int rc = xmlSchemaValidateDoc(vc, d);
	xmlSchemaFreeValidCtxt(vc);
	xmlSchemaFree(s);
	xmlSchemaFreeParserCtxt(pc);
	return rc;
}

static void test_xsd_2024(void **state)
{
	(void)state;
	ret_cin_stats st;
	xmlDocPtr d = write_year(2024, &st, NULL, NULL);
	assert_int_equal(validate(d, CSC_DATADIR "/ref/CIN_schema_2024.xsd"), 0);
	assert_int_equal(nerr, 0);
	/* and the 2024-25 schema refuses GenderCurrent */
	assert_true(validate(d, CSC_DATADIR "/ref/CIN_schema_2025.xsd") > 0);
	xmlFreeDoc(d);
}

/* 2025 is valid against the 2025 schema except for the one documented
 * conflict (returns/RETURNS.md): NumberOfPreviousCPP 0 for a first plan. */
static void test_xsd_2025(void **state)
{
	(void)state;
	ret_cin_stats st;
	xmlDocPtr d = write_year(2025, &st, NULL, NULL);
	assert_true(validate(d, CSC_DATADIR "/ref/CIN_schema_2025.xsd") > 0);
	assert_int_equal(nerr, 1);
	assert_string_equal(errs, "NumberOfPreviousCPP;");
	/* with that value read as 1 the file is valid */
	xmlXPathContextPtr c = xmlXPathNewContext(d);
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST "//NumberOfPreviousCPP[.='0']", c);
	assert_int_equal(o->nodesetval->nodeNr, 1);
	xmlNodeSetContent(o->nodesetval->nodeTab[0], BAD_CAST "1");
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(c);
	assert_int_equal(validate(d, CSC_DATADIR "/ref/CIN_schema_2025.xsd"), 0);
	xmlFreeDoc(d);
}

/* PreProceedingsandFGDM (tests/data/returns/README.md): the 2026-27
 * return holds the blocks of its year after the episode's CP plans, each
 * element in the order of the DfE's sample, dates after 31/03/2027 absent
 * and the outcome only once decided; 2025-26 holds none. */
static void test_preproc_2027(void **state)
{
	(void)state;
	ret_cin_stats st;
	xmlDocPtr d = write_year(2027, &st, NULL, NULL);
	assert_int_equal(st.preproc, 4);
	assert_string_equal(xp(d, "count(//PreProceedingsandFGDM)"), "4");
	assert_string_equal(xp(d, CHILD("C03") "//PreProceedingsandFGDM/*"),
			    "2026-03-01,2026-03-10,0,2026-03-20,2,2026-04-01,B,2026-04-20");
	assert_string_equal(xp(d, CHILD("C04") "//PreProceedingsandFGDM/*"), "2027-03-31,1");
	assert_string_equal(xp(d, CHILD("C07") "//PreProceedingsandFGDM/*"),
			    "2027-01-10,2027-01-20,1,1,2027-01-29,0");
	assert_string_equal(xp(d, CHILD("C08") "//PreProceedingsandFGDM/*"),
			    "2026-09-09,2026-09-20,1,1,2026-09-28,3,2026-12-01,A,2026-12-18,2027-02-05");
	/* the elements' names and order, and the block after the CP plans */
	char names[512] = "";
	xmlXPathContextPtr c = xmlXPathNewContext(d);
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST CHILD("C08") "//PreProceedingsandFGDM/*", c);
	for (int i = 0; i < o->nodesetval->nodeNr; i++)
		snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", i ? "," : "",
			 (const char *)o->nodesetval->nodeTab[i]->name);
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(c);
	assert_string_equal(names, "PPStartDate,LBPSentDate,FGDMMeetingOffer,FGDMMeetingFac,"
				   "InitialPPMeetingDate,ReviewMeetingsCount,StepDecisionDate,PPOutcome,"
				   "CourtAppDate,LetterInitCPDate");
	assert_string_equal(xp(d, "count(//PreProceedingsandFGDM[following-sibling::*])"), "0");
	assert_string_equal(xp(d, CHILD("C09") "//PreProceedingsandFGDM"), "");
	xmlFreeDoc(d);
	d = write_year(2026, &st, NULL, NULL);
	assert_int_equal(st.preproc, 0);
	assert_string_equal(xp(d, "count(//PreProceedingsandFGDM)"), "0");
	xmlFreeDoc(d);
}

static void test_deterministic(void **state)
{
	(void)state;
	ret_cin_stats st;
	char *a, *b;
	size_t na, nb;
	xmlFreeDoc(write_year(2025, &st, &a, &na));
	xmlFreeDoc(write_year(2025, &st, &b, &nb));
	assert_int_equal(na, nb);
	assert_memory_equal(a, b, na);
	free(a);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_children_2025), cmocka_unit_test(test_groups_2025),
		cmocka_unit_test(test_header_and_sex), cmocka_unit_test(test_xsd_2024),
		cmocka_unit_test(test_xsd_2025),      cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_preproc_2027),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
