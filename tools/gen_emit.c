/* gen_emit.c - see gen_emit.h. The CIN XML is in gen_xml.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csc_csvw.h"
#include "csc_diag.h"
#include "csc_out.h"
#include "gen_codes.h"
#include "gen_emit_int.h"
#include "validate/v_year.h"

/* The SSDA903 header rows are the tables' identity (INPUTS.md section 2). */
static const char *const h_header[] = {"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB", NULL};
static const char *const h_episodes[] = {"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER",
					 "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN", NULL};
static const char *const h_reviews[] = {"CHILD", "DOB", "REVIEW", "REVIEW_CODE", NULL};
static const char *const h_uasc[] = {"CHILD", "SEX", "DOB", "DUC", NULL};
static const char *const h_oc2[] = {"CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK",
				    "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE",
				    "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED", NULL};
static const char *const h_oc3[] = {"CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM", NULL};
static const char *const h_ad1[] = {"CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR",
				    "SEX_ADOPTR", "LS_ADOPTR", NULL};
static const char *const h_placed[] = {"CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED",
				       "REASON_PLACED_CEASED", NULL};
static const char *const h_prevperm[] = {"CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM", NULL};
static const char *const h_missing[] = {"CHILD", "DOB", "MISSING", "MIS_START", "MIS_END", NULL};
static const char *const h_sw[] = {"CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON", NULL};
static const char *const h_contacts[] = {"Child Unique ID", "Gender", "Ethnicity", "Date of Birth",
					 "Age of Child (Years)", "Date of Contact", "Contact Source",
					 "Contact ID", "Contact Outcome", "Date Contact Completed", NULL};
static const char *const h_eh[] = {"Child Unique ID", "Episode ID", "Assessment start date",
				   "Assessment completion date", "Organisation completing assessment",
				   "Tier", "Episode end date", "Closure reason", NULL};
static const char *const h_dolo[] = {"CHILD", "DOB", "DOLO_START", "DOLO_END", NULL};
static const char *const h_manifest[] = {"file", "line", "field", "value", "kind", NULL};

/* Which faults each table can carry: mandatory columns only, so that each
 * injected fault makes exactly that record invalid. Duplicates only where
 * the table has a key (the duplicate is the second copy). A repeated Header
 * or UASC row is no fault: a dump spanning years may hold a child's row
 * more than once, and the extractor stages them all (csc-returns takes the
 * last, returns/RETURNS.md). */
#define FAULTS_MAX 6
static const struct table {
	const char *path;
	const char *const *header;
	struct fault { int col; enum gen_kind kind; } faults[FAULTS_MAX];
	int nfaults;
} tables[GEN_NFILES] = {
	[GF_XML] = {"cin_census.xml", NULL, {{0}}, 0},
	[GF_CONTACTS] = {"contacts.csv", h_contacts,
			 {{5, K_BAD_DATE}, {6, K_BAD_CODE}, {8, K_BAD_CODE}, {0, K_MISSING}, {7, K_DUPLICATE}}, 5},
	[GF_EH] = {"early_help.csv", h_eh,
		   {{2, K_BAD_DATE}, {5, K_BAD_CODE}, {0, K_MISSING}, {1, K_DUPLICATE}}, 4},
	[GF_HEADER] = {"ssda903/header.csv", h_header,
		       {{1, K_BAD_CODE}, {2, K_BAD_DATE}, {3, K_BAD_CODE}}, 3},
	[GF_EPISODES] = {"ssda903/episodes.csv", h_episodes,
			 {{1, K_BAD_DATE}, {2, K_BAD_CODE}, {3, K_BAD_CODE}, {5, K_BAD_CODE}, {4, K_MISSING}}, 5},
	[GF_REVIEWS] = {"ssda903/reviews.csv", h_reviews, {{2, K_BAD_DATE}, {3, K_BAD_CODE}, {3, K_MISSING}}, 3},
	[GF_UASC] = {"ssda903/uasc.csv", h_uasc, {{1, K_BAD_CODE}, {2, K_BAD_DATE}}, 2},
	[GF_OC2] = {"ssda903/oc2.csv", h_oc2, {{1, K_BAD_DATE}, {6, K_BAD_CODE}}, 2},
	[GF_OC3] = {"ssda903/oc3.csv", h_oc3, {{2, K_BAD_CODE}, {3, K_BAD_CODE}, {4, K_MISSING}}, 3},
	[GF_AD1] = {"ssda903/ad1.csv", h_ad1, {{2, K_BAD_DATE}, {6, K_BAD_CODE}, {7, K_MISSING}}, 3},
	[GF_PLACED] = {"ssda903/placed_adoption.csv", h_placed, {{2, K_BAD_DATE}, {1, K_MISSING}}, 2},
	[GF_PREVPERM] = {"ssda903/prev_perm.csv", h_prevperm, {{2, K_BAD_CODE}, {2, K_MISSING}}, 2},
	[GF_MISSING] = {"ssda903/missing.csv", h_missing, {{3, K_BAD_DATE}, {2, K_BAD_CODE}}, 2},
	[GF_SW] = {"ssda903/social_worker.csv", h_sw, {{3, K_BAD_DATE}, {2, K_MISSING}}, 2},
	[GF_DOLO] = {"ssda903/dolo.csv", h_dolo, {{0}}, 0},
	[GF_MANIFEST] = {"dirty-manifest.csv", h_manifest, {{0}}, 0},
};

static const char *const kind_names[] = {"bad_code", "bad_date", "missing", "duplicate"};
static const char *const bad_codes[] = {"ZZ", "X9", "??", "99Z"};

/* OC3 ACCOM: the drawn letter with 1 (suitable) or 2 (not suitable);
 * where the code list has only one of the two (S2, X2: rule 133), that
 * one. */
static void accom(const gen_opts *o, char *out, int a)
{
	const char *l = gen_accom_letter[a / 2].code;
	snprintf(out, GEN_FIELD, "%s%d", l, 1 + a % 2);
	if (o->codes && !v_codes_has(o->codes, "OC3.ACCOM", out))
		snprintf(out, GEN_FIELD, "%s%d", l, 2 - a % 2);
}

const char *gen_file_path(int f)
{
	return tables[f].path;
}

gen_emit *gen_emit_open(const gen_opts *o, const char *dir)
{
	gen_emit *g = csc_xcalloc(1, sizeof *g);
	g->o = o;
	char *sub = csc_path_join(dir, "ssda903");
	if (csc_mkdirs(sub) != 0) {
		csc_error_at(sub, 0, "cannot create folder");
		free(sub);
		free(g);
		return NULL;
	}
	free(sub);
	gen_rng_seed(&g->rng, o->seed, 0);
	for (int f = 0; f < GEN_NFILES; f++) {
		gen_file *x = &g->f[f];
		char *path = csc_path_join(dir, tables[f].path);
		int rc = csc_out_open(&x->out, path);
		free(path);
		if (rc != 0) {
			for (int j = 0; j < f; j++)
				csc_out_abort(&g->f[j].out);
			free(g);
			return NULL;
		}
		x->bufsz = f == GF_XML || f == GF_CONTACTS ? (1 << 20) : (1 << 16);
		x->buf = csc_xmalloc(x->bufsz);
		setvbuf(x->out.fp, x->buf, _IOFBF, x->bufsz);
		csc_csvw_init(&x->w, x->out.fp);
		/* a random phase so small files also get their share on average */
		x->acc = gen_unif(&g->rng);
		if (tables[f].header) {
			csc_csvw_header(&x->w, tables[f].header);
			x->line = 1;
		}
	}
	gen_xml_begin(g);
	return g;
}

/* ---- rows ---- */

void gen_row_reset(gen_row *r)
{
	r->n = 0;
}

char *gen_row_next(gen_row *r)
{
	char *p = r->f[r->n++];
	p[0] = 0;
	return p;
}

void gen_row_str(gen_row *r, const char *s)
{
	char *p = gen_row_next(r);
	if (s) {
		size_t n = strlen(s);
		if (n >= GEN_FIELD)
			n = GEN_FIELD - 1;
		memcpy(p, s, n);
		p[n] = 0;
	}
}

void gen_row_dmy(gen_row *r, csc_date d)
{
	csc_date_dmy(d, gen_row_next(r));
}

void gen_row_iso(gen_row *r, csc_date d)
{
	csc_date_iso(d, gen_row_next(r));
}

void gen_row_int(gen_row *r, long v)
{
	snprintf(gen_row_next(r), GEN_FIELD, "%ld", v);
}

/* 1 when the next record of file f is to be dirty. */
int gen_dirty_next(gen_emit *g, int f)
{
	gen_file *x = &g->f[f];
	x->records++;
	if (g->o->dirty <= 0)
		return 0;
	x->acc += g->o->dirty;
	if (x->acc < 1)
		return 0;
	x->acc -= 1;
	return 1;
}

void gen_manifest(gen_emit *g, int f, long line, const char *field, const char *value, enum gen_kind k)
{
	gen_file *m = &g->f[GF_MANIFEST];
	csc_csvw_str(&m->w, tables[f].path);
	csc_csvw_long(&m->w, line);
	csc_csvw_str(&m->w, field);
	csc_csvw_text(&m->w, value);
	csc_csvw_str(&m->w, kind_names[k]);
	csc_csvw_end(&m->w);
	g->f[f].dirty++;
	g->ndirty++;
}

/* An impossible date in the same form as the good one: 30 or 31 February. */
void gen_bad_date(gen_emit *g, char *field)
{
	const char *day = gen_chance(&g->rng, 0.5) ? "30" : "31";
	if (field[2] == '/')
		memcpy(field, day, 2), memcpy(field + 3, "02", 2);
	else if (field[4] == '-')
		memcpy(field + 5, "02", 2), memcpy(field + 8, day, 2);
	else
		strcpy(field, "31/02/2023");
}

const char *gen_bad_code(gen_emit *g)
{
	return bad_codes[gen_int(&g->rng, 0, 3)];
}

static void write_fields(gen_file *x, const gen_row *r)
{
	for (int i = 0; i < r->n; i++)
		csc_csvw_str(&x->w, r->f[i]);
	csc_csvw_end(&x->w);
	x->line++;
}

void gen_put_row(gen_emit *g, int f, gen_row *r)
{
	gen_file *x = &g->f[f];
	const struct table *t = &tables[f];
	if (!gen_dirty_next(g, f) || !t->nfaults) {
		write_fields(x, r);
		return;
	}
	const struct fault *ft = &t->faults[gen_int(&g->rng, 0, t->nfaults - 1)];
	char *v = r->f[ft->col];
	switch (ft->kind) {
	case K_DUPLICATE:
		write_fields(x, r);
		write_fields(x, r);
		gen_manifest(g, f, x->line, t->header[ft->col], v, K_DUPLICATE);
		return;
	case K_BAD_DATE:
		gen_bad_date(g, v);
		break;
	case K_BAD_CODE:
		strcpy(v, gen_bad_code(g));
		break;
	case K_MISSING:
		v[0] = 0;
		break;
	}
	write_fields(x, r);
	gen_manifest(g, f, x->line, t->header[ft->col], v, ft->kind);
}

/* ---- the CSV tables ---- */

static const char *sex903(const gen_emit *g, const gen_child *c)
{
	if (g->o->sex_element)
		return c->female ? "F" : "M";
	return c->female ? "2" : "1";
}

static void postcode(char *out, uint32_t seed)
{
	static const char *const areas[] = {"SP", "SO", "BH", "RG", "GU", "PO", "SN", "BA"};
	static const char letters[] = "ABDEFGHJLNPQRSTUWXYZ";
	snprintf(out, GEN_FIELD, "%s%u %u%c%c", areas[seed % 8], 1 + (seed >> 3) % 30, (seed >> 8) % 10,
		 letters[(seed >> 12) % 20], letters[(seed >> 17) % 20]);
}

static void put_contacts(gen_emit *g, const gen_child *c)
{
	gen_row r;
	for (int i = 0; i < c->ncontacts; i++) {
		const gen_contact *x = &c->contact[i];
		gen_row_reset(&r);
		gen_row_str(&r, c->id);
		gen_row_str(&r, c->female ? "Female" : "Male");
		gen_row_str(&r, gen_ethnicity[c->eth].code);
		gen_row_dmy(&r, c->dob);
		gen_row_int(&r, csc_date_age(c->dob, x->date));
		gen_row_dmy(&r, x->date);
		gen_row_str(&r, x->label ? gen_ref_sources[x->src].label : gen_ref_sources[x->src].code);
		snprintf(gen_row_next(&r), GEN_FIELD, "%s-%02d", c->id, i + 1);
		gen_row_str(&r, gen_outcomes[x->outcome]);
		gen_row_dmy(&r, x->done);
		gen_put_row(g, GF_CONTACTS, &r);
	}
}

static void put_eh(gen_emit *g, const gen_child *c)
{
	gen_row r;
	for (int i = 0; i < c->neh; i++) {
		const gen_eh *h = &c->eh[i];
		gen_row_reset(&r);
		gen_row_str(&r, c->id);
		snprintf(gen_row_next(&r), GEN_FIELD, "EH%s-%d", c->id + 1, i + 1);
		gen_row_iso(&r, h->start);
		gen_row_iso(&r, h->done);
		gen_row_str(&r, gen_eh_orgs[h->org].code);
		gen_row_int(&r, h->tier);
		gen_row_iso(&r, h->end);
		gen_row_str(&r, h->end != CSC_NODATE ? gen_eh_reasons[h->reason].code : "");
		gen_put_row(g, GF_EH, &r);
	}
}

static int has_903(const gen_child *c)
{
	return c->nepi || c->noc3;
}

static void put_903(gen_emit *g, const gen_child *c)
{
	if (!has_903(c))
		return;
	gen_row r;
	char dob[CSC_DATE_BUFSZ];
	csc_date_dmy(c->dob, dob);

	gen_row_reset(&r);
	gen_row_str(&r, c->id);
	gen_row_str(&r, sex903(g, c));
	gen_row_str(&r, dob);
	gen_row_str(&r, gen_ethnicity[c->eth].code);
	if (c->upn[0])
		gen_row_str(&r, c->upn);
	else
		snprintf(gen_row_next(&r), GEN_FIELD, "UN%d", c->upn_unknown);
	/* every girl looked after gives her mother status, at any age (393, 607) */
	gen_row_str(&r, c->female && c->nepi ? "0" : "");
	gen_row_str(&r, "");
	gen_put_row(g, GF_HEADER, &r);

	for (int i = 0; i < c->nepi; i++) {
		const gen_epi *x = &c->epi[i];
		int sb = x->ls[0] == 'V' && x->ls[1] != '2';
		gen_row_reset(&r);
		gen_row_str(&r, c->id);
		gen_row_dmy(&r, x->decom);
		snprintf(gen_row_next(&r), GEN_FIELD, "%c", x->rne);
		gen_row_str(&r, x->ls);
		snprintf(gen_row_next(&r), GEN_FIELD, "N%d", x->cin);
		gen_row_str(&r, x->place);
		gen_row_str(&r, x->prov);
		gen_row_dmy(&r, x->dec);
		gen_row_str(&r, x->rec);
		gen_row_str(&r, x->rpc);
		/* short breaks return no postcodes (rule 398) */
		if (sb)
			gen_row_str(&r, "");
		else
			postcode(gen_row_next(&r), (uint32_t)(c->index * 2654435761u));
		if (sb)
			gen_row_str(&r, "");
		else
			postcode(gen_row_next(&r), x->post);
		if (x->urn == GEN_URN_OWN)
			snprintf(gen_row_next(&r), GEN_FIELD, "SC%06u", x->post % 1000000);
		else if (x->urn == GEN_URN_LA_FOSTERING) /* one per authority */
			snprintf(gen_row_next(&r), GEN_FIELD, "SC1%.3s00", g->o->la_number);
		else if (x->urn == GEN_URN_LA_ADOPTION)
			snprintf(gen_row_next(&r), GEN_FIELD, "SC2%.3s00", g->o->la_number);
		else
			gen_row_str(&r, "");
		gen_put_row(g, GF_EPISODES, &r);
	}
	for (int i = 0; i < c->nrev; i++) {
		gen_row_reset(&r);
		gen_row_str(&r, c->id);
		gen_row_str(&r, dob);
		gen_row_dmy(&r, c->review[i]);
		/* PN0 under 4; otherwise mostly attended and spoke for self */
		int age = csc_date_age(c->dob, c->review[i]);
		snprintf(gen_row_next(&r), GEN_FIELD, "PN%d", age < 4 ? 0 : 1 + (int)((c->review[i] * 7u + i) % 7));
		gen_put_row(g, GF_REVIEWS, &r);
	}
	if (c->uasc) {
		gen_row_reset(&r);
		gen_row_str(&r, c->id);
		gen_row_str(&r, sex903(g, c));
		gen_row_str(&r, dob);
		gen_row_dmy(&r, c->duc);
		gen_put_row(g, GF_UASC, &r);
	}
	for (int i = 0; i < c->noc2; i++) {
		const gen_oc2 *o = &c->oc2[i];
		gen_row_reset(&r);
		gen_row_str(&r, c->id);
		gen_row_str(&r, dob);
		if (o->sdq >= 0)
			gen_row_int(&r, o->sdq);
		else
			gen_row_str(&r, "");
		if (o->sdq_reason)
			snprintf(gen_row_next(&r), GEN_FIELD, "SDQ%d", o->sdq_reason);
		else
			gen_row_str(&r, "");
		const int8_t v[] = {o->convicted, o->health_check, o->immunisations, o->teeth, o->health_assess,
				    o->substance};
		for (int j = 0; j < 6; j++)
			gen_row_str(&r, v[j] < 0 ? "" : v[j] ? "1" : "0");
		gen_row_str(&r, o->substance ? "1" : "");
		gen_row_str(&r, "");
		gen_put_row(g, GF_OC2, &r);
	}
	for (int i = 0; i < c->noc3; i++) {
		const gen_oc3 *o = &c->oc3[i];
		const char *touch = gen_in_touch[o->in_touch].code;
		int known = !strcmp(touch, "YES") || !strcmp(touch, "NREQ");
		gen_row_reset(&r);
		gen_row_str(&r, c->id);
		gen_row_str(&r, dob);
		gen_row_str(&r, touch);
		if (!known)
			gen_row_str(&r, "0");
		else
			gen_row_str(&r, o->activ >= 100 ? gen_activ_neet[o->activ - 100].code
							 : gen_activ_eet[o->activ].code);
		if (!known)
			gen_row_str(&r, "0");
		else
			accom(g->o, gen_row_next(&r), o->accom);
		gen_put_row(g, GF_OC3, &r);
	}
	if (c->adopted) {
		static const char *const sexes[] = {"M1", "F1", "MM", "FF", "MF"};
		static const char *const lss[] = {"L0", "L11", "L12", "L2", "L3", "L4"};
		gen_row_reset(&r);
		gen_row_str(&r, c->id);
		gen_row_str(&r, dob);
		gen_row_dmy(&r, c->ad_int);
		gen_row_dmy(&r, c->ad_match);
		gen_row_str(&r, c->ad_foster ? "1" : "0");
		gen_row_int(&r, c->ad_nb);
		gen_row_str(&r, sexes[c->ad_sex]);
		gen_row_str(&r, lss[c->ad_ls]);
		gen_put_row(g, GF_AD1, &r);
	}
	for (int i = 0; i < c->nplaced; i++) {
		gen_row_reset(&r);
		gen_row_str(&r, c->id);
		gen_row_str(&r, dob);
		gen_row_dmy(&r, c->placed[i]);
		gen_row_dmy(&r, c->placed_ceased[i]);
		if (c->placed_reason[i])
			snprintf(gen_row_next(&r), GEN_FIELD, "RD%d", c->placed_reason[i]);
		else
			gen_row_str(&r, "");
		gen_put_row(g, GF_PLACED, &r);
	}
	/* a child looked after only on short breaks (V3/V4) has no period the
	 * simulation draws previous permanence for, yet rule 630 asks a row of
	 * every period begun, short breaks too: none (Z1) */
	int npp = c->nprevperm ? c->nprevperm : c->nepi > 0;
	for (int i = 0; i < npp; i++) {
		int pp = c->nprevperm ? c->prevperm[i] : 0;
		gen_row_reset(&r);
		gen_row_str(&r, c->id);
		gen_row_str(&r, dob);
		if (pp)
			snprintf(gen_row_next(&r), GEN_FIELD, "P%d", pp);
		else
			gen_row_str(&r, "Z1");
		gen_row_str(&r, pp ? g->o->la_number : "");
		gen_row_dmy(&r, pp ? c->prevperm_date[i] : CSC_NODATE);
		gen_put_row(g, GF_PREVPERM, &r);
	}
	for (int i = 0; i < c->nmiss; i++) {
		const gen_missing *m = &c->miss[i];
		gen_row_reset(&r);
		gen_row_str(&r, c->id);
		gen_row_str(&r, dob);
		snprintf(gen_row_next(&r), GEN_FIELD, "%c", m->kind);
		gen_row_dmy(&r, m->start);
		gen_row_dmy(&r, m->end);
		gen_put_row(g, GF_MISSING, &r);
	}
	/* SW_REASON is the reason for the change that began an episode: first
	 * contact (FCONTA) for the first, then the reason the previous worker
	 * changed (the simulation draws it when an episode ends) */
	for (int i = 0; i < c->nsw; i++) {
		const gen_sw *w = &c->sw[i];
		gen_row_reset(&r);
		gen_row_str(&r, c->id);
		gen_row_str(&r, dob);
		snprintf(gen_row_next(&r), GEN_FIELD, "SW%05u", w->id);
		gen_row_dmy(&r, w->start);
		gen_row_dmy(&r, w->end);
		gen_row_str(&r, i ? gen_sw_reasons[c->sw[i - 1].reason].code : "FCONTA");
		gen_put_row(g, GF_SW, &r);
	}
	for (int i = 0; i < c->ndolo; i++) {
		gen_row_reset(&r);
		gen_row_str(&r, c->id);
		gen_row_str(&r, dob);
		gen_row_dmy(&r, c->dolo[i].start);
		gen_row_dmy(&r, c->dolo[i].end);
		gen_put_row(g, GF_DOLO, &r);
	}
}

/* ---- realism figures ---- */

static void count(gen_emit *g, const gen_child *c)
{
	gen_stats *s = &g->st;
	csc_date E = g->o->end, from = csc_date_add_months(E, -12); /* (from, E] */
	for (int i = 0; i < c->ncontacts; i++)
		if (c->contact[i].date > from) {
			s->contacts++;
			s->contacts_ref += c->contact[i].outcome == GEN_OUT_REF;
		}
	int cp = 0;
	for (int i = 0; i < c->ncin; i++) {
		const gen_cin *e = &c->cin[i];
		if (e->ref > from) {
			s->referrals++;
			csc_date lo = csc_date_add_months(e->ref, -12);
			for (int j = 0; j < c->ncin; j++)
				if (j != i && c->cin[j].ref >= lo && c->cin[j].ref < e->ref) {
					s->rereferrals++;
					break;
				}
		}
		for (int j = 0; j < e->nassess; j++) {
			const gen_assess *a = &e->assess[j];
			int wd;
			if (a->auth != CSC_NODATE && a->auth > from &&
			    csc_wd(g->o->cal, a->start, a->auth, &wd) == 0) {
				s->assessments++;
				s->assess_45 += wd <= 45;
			}
		}
		for (int j = 0; j < e->ncpp; j++)
			if (e->cpp[j].start <= E && (e->cpp[j].end == CSC_NODATE || e->cpp[j].end > E))
				cp = 1;
	}
	s->cp_at_end += cp;
	for (int i = 0; i < c->nepi; i++) {
		const gen_epi *x = &c->epi[i];
		if (x->decom <= E && x->dec == CSC_NODATE && strcmp(x->ls, "V3") && strcmp(x->ls, "V4")) {
			s->cla_at_end++;
			break;
		}
	}
	for (int i = 0; i < c->noc3; i++) {
		const gen_oc3 *o = &c->oc3[i];
		const char *t = gen_in_touch[o->in_touch].code;
		if (o->birthday <= from || !strcmp(t, "DIED") || !strcmp(t, "RHOM"))
			continue;
		s->leavers++;
		s->leavers_eet += (!strcmp(t, "YES") || !strcmp(t, "NREQ")) && o->activ < 100;
	}
}

void gen_emit_child(gen_emit *g, const gen_child *c)
{
	count(g, c);
	g->st.children++;
	put_contacts(g, c);
	put_eh(g, c);
	gen_xml_child(g, c);
	put_903(g, c);
}

int gen_emit_close(gen_emit *g, gen_stats *st)
{
	gen_xml_end(g);
	int rc = 0;
	g->st.dirty = g->ndirty;
	g->st.bytes = 0;
	for (int f = 0; f < GEN_NFILES; f++) {
		fflush(g->f[f].out.fp);
		g->st.bytes += (double)ftello(g->f[f].out.fp);
	}
	for (int f = 0; f < GEN_NFILES; f++) {
		if (rc == 0 && csc_out_commit(&g->f[f].out) != 0)
			rc = -1;
		else if (rc != 0)
			csc_out_abort(&g->f[f].out);
		free(g->f[f].buf);
	}
	*st = g->st;
	free(g);
	return rc;
}

void gen_emit_abort(gen_emit *g)
{
	for (int f = 0; f < GEN_NFILES; f++) {
		csc_out_abort(&g->f[f].out);
		free(g->f[f].buf);
	}
	free(g);
}
