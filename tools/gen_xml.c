/*
 * gen_xml.c - the CIN census XML, streamed one child at a time.
 *
 * Plain buffered writes rather than a DOM or xmlTextWriter: one element per
 * line, in the XSD's sequence order, so that the writer knows the line of
 * every element it writes (the dirty manifest names it) and the file is
 * written as fast as the disk takes it. Every text value goes through
 * xml_text, which escapes the five XML specials.
 */
#include <string.h>

#include "csc_version.h"
#include "gen_codes.h"
#include "gen_emit_int.h"


static const char spaces[] = "                                ";

static void xml_text(FILE *fp, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': fputs_unlocked("&lt;", fp); break;
		case '>': fputs_unlocked("&gt;", fp); break;
		case '&': fputs_unlocked("&amp;", fp); break;
		case '"': fputs_unlocked("&quot;", fp); break;
		case '\'': fputs_unlocked("&apos;", fp); break;
		default: putc_unlocked(*s, fp);
		}
	}
}

/* <name>value</name> on its own line; returns the line it is on. */
static long el(gen_emit *g, int depth, const char *name, const char *value)
{
	gen_file *x = &g->f[GF_XML];
	FILE *fp = x->out.fp;
	fwrite_unlocked(spaces, 1, (size_t)depth * 2, fp);
	putc_unlocked('<', fp);
	fputs_unlocked(name, fp);
	putc_unlocked('>', fp);
	xml_text(fp, value);
	fputs_unlocked("</", fp);
	fputs_unlocked(name, fp);
	fputs_unlocked(">\n", fp);
	return ++x->line;
}

static void el_date(gen_emit *g, int depth, const char *name, csc_date d)
{
	char b[CSC_DATE_BUFSZ];
	if (d != CSC_NODATE)
		el(g, depth, name, csc_date_iso(d, b));
}

static void open_tag(gen_emit *g, int depth, const char *name, int close)
{
	gen_file *x = &g->f[GF_XML];
	FILE *fp = x->out.fp;
	fwrite_unlocked(spaces, 1, (size_t)depth * 2, fp);
	fputs_unlocked(close ? "</" : "<", fp);
	fputs_unlocked(name, fp);
	fputs_unlocked(">\n", fp);
	x->line++;
}

void gen_xml_begin(gen_emit *g)
{
	const gen_opts *o = g->o;
	int y, m, d;
	char b[CSC_DATE_BUFSZ], year[8], when[32];
	/* the collection year containing the extraction date */
	csc_date fy_end = csc_date_add_months(csc_fy_first(o->end), 12) - 1;
	csc_date_ymd(fy_end, &y, &m, &d);
	snprintf(year, sizeof year, "%d", y);
	snprintf(when, sizeof when, "%sT00:00:00", csc_date_iso(o->end, b));

	FILE *fp = g->f[GF_XML].out.fp;
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", fp);
	g->f[GF_XML].line = 1;
	open_tag(g, 0, "Message", 0);
	open_tag(g, 1, "Header", 0);
	open_tag(g, 2, "CollectionDetails", 0);
	el(g, 3, "Collection", "CIN");
	el(g, 3, "Year", year);
	el_date(g, 3, "ReferenceDate", fy_end);
	open_tag(g, 2, "CollectionDetails", 1);
	open_tag(g, 2, "Source", 0);
	el(g, 3, "SourceLevel", "L");
	el(g, 3, "LEA", o->la_number);
	el(g, 3, "SoftwareCode", "cscpipe csc-gen-sample");
	el(g, 3, "Release", csc_version());
	el(g, 3, "SerialNo", "001");
	el(g, 3, "DateTime", when);
	open_tag(g, 2, "Source", 1);
	open_tag(g, 1, "Header", 1);
	open_tag(g, 1, "Children", 0);
}

void gen_xml_end(gen_emit *g)
{
	open_tag(g, 1, "Children", 1);
	open_tag(g, 0, "Message", 1);
}

static void identifiers(gen_emit *g, const gen_child *c)
{
	char b[8];
	open_tag(g, 3, "ChildIdentifiers", 0);
	el(g, 4, "LAchildID", c->id);
	if (c->upn[0]) {
		el(g, 4, "UPN", c->upn);
	} else {
		snprintf(b, sizeof b, "UN%d", c->upn_unknown);
		el(g, 4, "UPNunknown", b);
	}
	el_date(g, 4, "PersonBirthDate", c->dob);
	if (g->o->sex_element)
		el(g, 4, "Sex", c->female ? "F" : "M");
	else
		el(g, 4, "GenderCurrent", c->female ? "2" : "1");
	open_tag(g, 3, "ChildIdentifiers", 1);
	open_tag(g, 3, "ChildCharacteristics", 0);
	el(g, 4, "Ethnicity", gen_ethnicity[c->eth].code);
	open_tag(g, 4, "Disabilities", 0);
	if (!c->ndis)
		el(g, 5, "Disability", "NONE");
	for (int i = 0; i < c->ndis; i++)
		el(g, 5, "Disability", gen_disability[c->dis[i]].code);
	open_tag(g, 4, "Disabilities", 1);
	open_tag(g, 3, "ChildCharacteristics", 1);
}

static void assessment(gen_emit *g, const gen_assess *a)
{
	open_tag(g, 4, "Assessments", 0);
	el_date(g, 5, "AssessmentActualStartDate", a->start);
	el_date(g, 5, "AssessmentInternalReviewDate", a->review);
	el_date(g, 5, "AssessmentAuthorisationDate", a->auth);
	if (a->auth != CSC_NODATE && a->nfactors) {
		open_tag(g, 5, "FactorsIdentifiedAtAssessment", 0);
		for (int i = 0; i < a->nfactors; i++)
			el(g, 6, "AssessmentFactors", a->factor[i] == 255 ? "21" : gen_factors[a->factor[i]].code);
		open_tag(g, 5, "FactorsIdentifiedAtAssessment", 1);
	}
	open_tag(g, 4, "Assessments", 1);
}

static void protection_plan(gen_emit *g, const gen_cpp *p)
{
	char b[16];
	open_tag(g, 4, "ChildProtectionPlans", 0);
	el_date(g, 5, "CPPstartDate", p->start);
	el_date(g, 5, "CPPendDate", p->end);
	el(g, 5, "InitialCategoryOfAbuse", gen_abuse[p->cat_initial].code);
	el(g, 5, "LatestCategoryOfAbuse", gen_abuse[p->cat_latest].code);
	snprintf(b, sizeof b, "%d", p->nprev);
	el(g, 5, "NumberOfPreviousCPP", b);
	if (p->nrev) {
		open_tag(g, 5, "Reviews", 0);
		for (int i = 0; i < p->nrev; i++)
			el_date(g, 6, "CPPreviewDate", p->review[i]);
		open_tag(g, 5, "Reviews", 1);
	}
	open_tag(g, 4, "ChildProtectionPlans", 1);
}

/* 2026-27's PreProceedingsandFGDM blocks: one for about a third of the CP
 * plans started from 1 April 2026, chosen by the start date's day number
 * and dated from it, so no random number is drawn and every other record of
 * the sample stays as it was. Pre-proceedings start four weeks into the
 * plan, while it is open; the letter before proceedings, the meetings, the
 * decision twelve weeks on (outcome "A", the only value the DfE's sample
 * shows; ../shared/reference/years/cin-changes-by-year.md section 5), the
 * application to court and the letter after it each appear once their day
 * is on or before the extraction date. */
static void pre_proceedings(gen_emit *g, const gen_cpp *p)
{
	csc_date end = g->o->end, pp = p->start + 28;
	if (p->start < csc_date_make(2026, 4, 1) || p->start % 3 || pp > end ||
	    (p->end != CSC_NODATE && pp > p->end))
		return;
	csc_date initial = pp + 19, step = pp + 84, court = step + 17;
	csc_date last = step <= end ? step : end;
	char b[16];
	open_tag(g, 4, "PreProceedingsandFGDM", 0);
	el_date(g, 5, "PPStartDate", pp);
	el_date(g, 5, "LBPSentDate", pp + 11 <= end ? pp + 11 : CSC_NODATE);
	el(g, 5, "FGDMMeetingOffer", "1");
	el(g, 5, "FGDMMeetingFac", p->start % 2 ? "1" : "0");
	if (initial <= end) {
		el_date(g, 5, "InitialPPMeetingDate", initial);
		snprintf(b, sizeof b, "%d", (int)((last - initial) / 42)); /* every six weeks */
		el(g, 5, "ReviewMeetingsCount", b);
	}
	if (step <= end) {
		el_date(g, 5, "StepDecisionDate", step);
		el(g, 5, "PPOutcome", "A");
	}
	el_date(g, 5, "CourtAppDate", court <= end ? court : CSC_NODATE);
	el_date(g, 5, "LetterInitCPDate", court + 49 <= end ? court + 49 : CSC_NODATE);
	open_tag(g, 4, "PreProceedingsandFGDM", 1);
}

/* One CINdetails; a dirty one carries exactly one of these faults. */
enum { X_REFDATE_BAD, X_SOURCE_BAD, X_NFA_MISSING, X_REFDATE_MISSING, X_NFAULTS };

static void cin_details(gen_emit *g, const gen_cin *e)
{
	char b[CSC_DATE_BUFSZ + 4], val[24];
	int fault = gen_dirty_next(g, GF_XML) ? gen_int(&g->rng, 0, X_NFAULTS - 1) : -1;
	long line;

	open_tag(g, 3, "CINdetails", 0);
	csc_date_iso(e->ref, b);
	if (fault == X_REFDATE_BAD || fault == X_REFDATE_MISSING) {
		if (fault == X_REFDATE_BAD)
			gen_bad_date(g, b);
		else
			b[0] = 0;
		line = el(g, 4, "CINreferralDate", b);
		gen_manifest(g, GF_XML, line, "CINreferralDate", b, fault == X_REFDATE_BAD ? K_BAD_DATE : K_MISSING);
	} else {
		el(g, 4, "CINreferralDate", b);
	}
	if (fault == X_SOURCE_BAD) {
		snprintf(val, sizeof val, "%s", gen_bad_code(g));
		line = el(g, 4, "ReferralSource", val);
		gen_manifest(g, GF_XML, line, "ReferralSource", val, K_BAD_CODE);
	} else {
		el(g, 4, "ReferralSource", gen_ref_sources[e->src].code);
	}
	snprintf(val, sizeof val, "N%d", e->need);
	el(g, 4, "PrimaryNeedCode", val);
	el_date(g, 4, "CINclosureDate", e->close);
	if (e->close != CSC_NODATE && e->reason) {
		snprintf(val, sizeof val, "RC%d", e->reason);
		el(g, 4, "ReasonForClosure", val);
	}
	for (int i = 0; i < e->nassess; i++)
		assessment(g, &e->assess[i]);
	for (int i = 0; i < e->nplans; i++) {
		open_tag(g, 4, "CINPlanDates", 0);
		el_date(g, 5, "CINPlanStartDate", e->plan[i].start);
		el_date(g, 5, "CINPlanEndDate", e->plan[i].end);
		open_tag(g, 4, "CINPlanDates", 1);
	}
	for (int i = 0; i < e->ns47; i++) {
		const gen_s47 *q = &e->s47[i];
		open_tag(g, 4, "Section47", 0);
		el_date(g, 5, "S47ActualStartDate", q->start);
		el_date(g, 5, "InitialCPCtarget", q->target);
		el_date(g, 5, "DateOfInitialCPC", q->icpc);
		el(g, 5, "ICPCnotRequired", q->not_required ? "true" : "false");
		open_tag(g, 4, "Section47", 1);
	}
	if (fault == X_NFA_MISSING) {
		line = el(g, 4, "ReferralNFA", "");
		gen_manifest(g, GF_XML, line, "ReferralNFA", "", K_MISSING);
	} else {
		el(g, 4, "ReferralNFA", e->nfa ? "true" : "false");
	}
	for (int i = 0; i < e->ncpp; i++)
		protection_plan(g, &e->cpp[i]);
	for (int i = 0; i < e->ncpp; i++)
		pre_proceedings(g, &e->cpp[i]);
	open_tag(g, 3, "CINdetails", 1);
}

void gen_xml_child(gen_emit *g, const gen_child *c)
{
	if (!c->ncin)
		return;
	open_tag(g, 2, "Child", 0);
	identifiers(g, c);
	for (int i = 0; i < c->ncin; i++)
		cin_details(g, &c->cin[i]);
	open_tag(g, 2, "Child", 1);
}
