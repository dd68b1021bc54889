/* cin_rules_table.c - every CIN census rule as one table row, with the
 * collection years it is in force (2024 = 2023-24). Messages and tables
 * come from ref/cin-rules-by-year.csv at run time, for the year run.
 *
 * Adding a CIN rule, every file to touch:
 *
 *  - ref/cin-rules-by-year.csv (from ../shared/reference/years): its year,
 *    code, change, severity, message and fields; a code with no table row
 *    is listed as not run, never passed silently;
 *  - validate/cin_rules_table.c: one entry in vcin_rules[] below, {code,
 *    needs, check, arg} with the year it starts (and ends); a simple rule
 *    reuses a parameterised check of validate/cin_checks.c (cin_checks.h)
 *    with its arg;
 *  - validate/cin_rules_child.c, cin_rules_episode.c or cin_rules_return.c
 *    (declared in validate/cin_custom.h): a small function for a rule no
 *    shared check expresses;
 *  - tests/unit/test_validate_cin_rules.c: a failing and a passing case in
 *    its year, and the previous year's behaviour where it differs.
 *
 * Adding a year: append its added, modified and deleted codes to
 * ref/cin-rules-by-year.csv, extend CIN in v_year.c, and here give each
 * added rule an entry from that year; a modified rule's old entry ends the
 * year before and a new one starts (README "Validating returns"). */
#include "cin_checks.h"
#include "cin_custom.h"

/* Code lists are not written here: a coded check uses its element's list
 * in ref/'s XSD (cin_codes.h, the element table lib/csc_cin_elems.c). */

#define F(k, f) {CIN_K_##k, f}
#define NONE_ {CIN_K_MESSAGE, 0}

/* ---- parameters of the simple rules ---- */

static const vcin_a_codes a8500 = {F(CHILD, C_LACHILDID), 1, 0, 0};
static const vcin_a_codes a8730 = {F(CPP, K_NUMPREV), 1, 0, 0};
static const vcin_a_codes a4220 = {F(CHILD, C_ETHNICITY), 1, 1, 0};
static const vcin_a_codes a8640 = {F(EPISODE, E_CLOSEREASON), 0, 1, 0};
static const vcin_a_codes a8650 = {F(EPISODE, E_NEED), 0, 1, 0};
static const vcin_a_codes a8866 = {F(EPISODE, E_SOURCE), 1, 1, 0};
static const vcin_a_codes a8905 = {F(CPP, K_INITCAT), 1, 1, 0};
static const vcin_a_codes a8910 = {F(CPP, K_LATESTCAT), 1, 1, 0};
static const vcin_a_codes a8568 = {F(EPISODE, E_NFA), 1, 1, 1};

#define ORDER1(k, a, b, op) {{{CIN_K_##k, a, b}, {CIN_K_MESSAGE, NONE_, NONE_}}, op}
static const vcin_a_order a1103 = ORDER1(ASSESS, F(ASSESS, A_START), F(EPISODE, E_REFDATE), CIN_GE);
static const vcin_a_order a1104 = {{{CIN_K_S47, F(S47, S_ICPC), F(EPISODE, E_REFDATE)},
				   {CIN_K_EPISODE, F(EPISODE, E_ICPC), F(EPISODE, E_REFDATE)}}, CIN_GE};
static const vcin_a_order a1105 = ORDER1(CPP, F(CPP, K_START), F(EPISODE, E_REFDATE), CIN_GE);
static const vcin_a_order a2889 = ORDER1(S47, F(S47, S_START), F(EPISODE, E_REFDATE), CIN_GE);
static const vcin_a_order a4015 = ORDER1(PLAN, F(PLAN, P_START), F(EPISODE, E_REFDATE), CIN_GE);
static const vcin_a_order a8608 = ORDER1(ASSESS, F(ASSESS, A_START), F(ASSESS, A_AUTH), CIN_LE);
static const vcin_a_order a4011 = ORDER1(PLAN, F(PLAN, P_END), F(PLAN, P_START), CIN_GE);
static const vcin_a_order a4012 = ORDER1(PLAN, F(PLAN, P_START), F(PLAN, P_END), CIN_NE);
static const vcin_a_order a8630 = ORDER1(EPISODE, F(EPISODE, E_CLOSEDATE), F(EPISODE, E_REFDATE), CIN_GE);
static const vcin_a_order a8925 = ORDER1(CPP, F(CPP, K_END), F(CPP, K_START), CIN_GE);
static const vcin_a_order a8840 = ORDER1(CPP, F(CPP, K_START), F(CPP, K_END), CIN_NE);
static const vcin_a_order a8535 = ORDER1(CHILD, F(CHILD, C_DOD), F(CHILD, C_DOB), CIN_GE);
static const vcin_a_order a4008 = ORDER1(PLAN, F(PLAN, P_START), F(CHILD, C_DOD), CIN_LE);
static const vcin_a_order a4009 = ORDER1(PLAN, F(PLAN, P_END), F(CHILD, C_DOD), CIN_LE);
static const vcin_a_order a8555 = ORDER1(EPISODE, F(EPISODE, E_REFDATE), F(CHILD, C_DOD), CIN_LE);
static const vcin_a_order a8915 = ORDER1(CPP, F(CPP, K_START), F(CHILD, C_DOD), CIN_LE);
static const vcin_a_order a8920 = ORDER1(CPP, F(CPP, K_END), F(CHILD, C_DOD), CIN_LE);

static const vcin_a_span a4013 = {{F(PLAN, P_END), NONE_}, CIN_IN_YEAR};
static const vcin_a_span a8620 = {{F(EPISODE, E_CLOSEDATE), NONE_}, CIN_IN_YEAR};
static const vcin_a_span a8696 = {{F(ASSESS, A_AUTH), NONE_}, CIN_IN_YEAR};
static const vcin_a_span a8715 = {{F(EPISODE, E_ICPC), F(S47, S_ICPC)}, CIN_IN_YEAR};
static const vcin_a_span a8930 = {{F(CPP, K_END), NONE_}, CIN_IN_YEAR};
static const vcin_a_span a8545 = {{F(CHILD, C_DOD), NONE_}, CIN_IN_YEAR};
static const vcin_a_span a8520 = {{F(CHILD, C_DOB), NONE_}, CIN_BY_END};
static const vcin_a_span a8600 = {{F(EPISODE, E_REFDATE), NONE_}, CIN_BY_END_NEEDED};
static const vcin_a_span a4010 = {{F(PLAN, P_START), NONE_}, CIN_BY_END_NEEDED};
static const vcin_a_span a8720 = {{F(CPP, K_START), NONE_}, CIN_BY_END_NEEDED};

static const vcin_a_pair a8805 = {CIN_K_EPISODE, E_CLOSEDATE, E_CLOSEREASON, 0};
static const vcin_a_pair a8810 = {CIN_K_EPISODE, E_CLOSEREASON, E_CLOSEDATE, 0};
static const vcin_a_pair a8614 = {CIN_K_ASSESS, -1, A_AUTH, 0};
/* 8897Q: only assessments authorised in the census year or later (DfE). */
static const vcin_a_pair a8897 = {CIN_K_ASSESS, A_AUTH, -1, 1};

static const vcin_a_multi a8794 = {CIN_K_CHILD, CIN_DUP, NULL};
static const vcin_a_multi a8898 = {CIN_K_ASSESS, CIN_DUP, NULL};
static const vcin_a_multi a8790 = {CIN_K_CHILD, CIN_ALONE, "NONE"};
static const vcin_a_multi a8869 = {CIN_K_ASSESS, CIN_ALONE, "21"};
static const vcin_a_multi a8945 = {CIN_K_ASSESS, CIN_NOT_USED, "18A"};
static const vcin_a_multi a8950 = {CIN_K_ASSESS, CIN_NOT_USED, "19A"};

static int plan_open(const vcin_rec *r) { return !vcin_has(&r->f[P_END]); }
static int cpp_open(const vcin_rec *r) { return !vcin_has(&r->f[K_END]); }
static int assess_open(const vcin_rec *r) { return !vcin_has(&r->f[A_AUTH]); }
/* An S47 is finished by its conference, or by "ICPC not required". */
static int s47_open(const vcin_rec *r)
{
	return !vcin_has(&r->f[S_ICPC]) && vcin_flag(&r->f[S_NOTREQ]) != 1;
}
/* An open episode that is not a referral with no further action. */
static int episode_open(const vcin_rec *r)
{
	return !vcin_has(&r->f[E_CLOSEDATE]) && vcin_flag(&r->f[E_NFA]) == 0;
}

static const vcin_a_open a4004 = {CIN_K_PLAN, CIN_K_CHILD, plan_open, P_END};
static const vcin_a_open a8935 = {CIN_K_CPP, CIN_K_CHILD, cpp_open, K_END};
static const vcin_a_open a8896 = {CIN_K_ASSESS, CIN_K_EPISODE, assess_open, A_AUTH};
static const vcin_a_open a8839 = {CIN_K_S47, CIN_K_EPISODE, s47_open, S_ICPC};
static const vcin_a_open a8815 = {CIN_K_EPISODE, CIN_K_CHILD, episode_open, E_CLOSEDATE};

/* A record still open runs to the reference date (vcin_open_end). */
static csc_date end_or_open(const vcin_state *st, const vcin_val *v)
{
	return vcin_has(v) ? v->d : vcin_open_end(st);
}
static csc_date plan_end(const vcin_state *st, const vcin_rec *r) { return end_or_open(st, &r->f[P_END]); }
static csc_date cpp_end(const vcin_state *st, const vcin_rec *r) { return end_or_open(st, &r->f[K_END]); }
static csc_date assess_end(const vcin_state *st, const vcin_rec *r) { return end_or_open(st, &r->f[A_AUTH]); }
static csc_date s47_end(const vcin_state *st, const vcin_rec *r)
{
	if (vcin_has(&r->f[S_ICPC]))
		return r->f[S_ICPC].d;
	return vcin_flag(&r->f[S_NOTREQ]) == 1 ? CSC_NODATE : vcin_open_end(st);
}
/* An open episode (episode_open) runs to the reference date, so a later
 * episode starting inside it overlaps (8820; 8815/8816 report the open
 * episodes themselves). A referral with no further action and no closure
 * date is left out: it is closed on its referral day (8816 checks). */
static csc_date episode_end(const vcin_state *st, const vcin_rec *r)
{
	if (vcin_has(&r->f[E_CLOSEDATE]))
		return r->f[E_CLOSEDATE].d;
	return episode_open(r) ? vcin_open_end(st) : CSC_NODATE;
}

static const vcin_a_overlap a4014 = {CIN_K_PLAN, CIN_K_CHILD, P_START, plan_end};
static const vcin_a_overlap a8940 = {CIN_K_CPP, CIN_K_CHILD, K_START, cpp_end};
static const vcin_a_overlap a8820 = {CIN_K_EPISODE, CIN_K_CHILD, E_REFDATE, episode_end};
static const vcin_a_overlap a8863 = {CIN_K_ASSESS, CIN_K_EPISODE, A_START, assess_end};
static const vcin_a_overlap a8890 = {CIN_K_S47, CIN_K_EPISODE, S_START, s47_end};

static const vcin_a_weekend a8870 = {{F(S47, S_TARGET), NONE_}};
static const vcin_a_weekend a8875 = {{F(EPISODE, E_ICPC), F(S47, S_ICPC)}};

#define N V_NEEDS_NOTHING
#define R V_NEEDS_REFDATE
#define W V_NEEDS_CALENDAR

/* The child's sex: GenderCurrent 1, 2, 0, 9 (0 = unborn) up to 2023-24,
 * Sex M, F, U (U = unborn) from 2024-25 (4180, 8750, 2886Q). */
static const vcin_a_sex sex_2024 = {C_GENDER, {"1", "2", "0", "9", NULL}, "0"};
static const vcin_a_sex sex_2025 = {C_SEX, {"M", "F", "U", NULL}, "U"};
/* 8770Q's school age: born on or before the reference date less 6 years
 * up to 2023-24; from 2024-25 on or before 31 August six years before the
 * reference date's year (Year 1 and above). */
static const vcin_a_school_age school_age_2024 = {0};
static const vcin_a_school_age school_age_2025 = {1};

const v_year_rule vcin_rules[] = {
	/* header and whole return */
	{{"100", N, vcin_r100, NULL}, 0, 0},
	{{"1520", N, vcin_r1520, NULL}, 0, 0},
	{{"8510", N, vcin_r8510, NULL}, 0, 0},
	{{"2883", R, vcin_r2883, NULL}, 0, 0},
	{{"2886Q", N, vcin_r2886q, &sex_2024}, 0, 2024},
	{{"2886Q", N, vcin_r2886q, &sex_2025}, 2025, 0},
	{{"2887Q", N, vcin_r2887q, NULL}, 0, 0},
	{{"2888Q", N, vcin_r2888q, NULL}, 0, 0},
	/* identifiers */
	{{"1510", N, vcin_r1510, NULL}, 0, 0},
	{{"1530", N, vcin_r1530, NULL}, 0, 0},
	{{"1540", N, vcin_r1540, NULL}, 0, 0},
	{{"1550", N, vcin_r1550, NULL}, 0, 0},
	{{"1560Q", N, vcin_r1560q, NULL}, 0, 0},
	{{"1570", N, vcin_r1570, NULL}, 2025, 0},
	{{"1580", N, vcin_r1580, NULL}, 2025, 0},
	{{"4180", N, vcin_r4180, &sex_2024}, 0, 2024},
	{{"4180", N, vcin_r4180, &sex_2025}, 2025, 0},
	{{"8500", N, vcin_chk_codes, &a8500}, 0, 0},
	{{"8520", R, vcin_chk_span, &a8520}, 0, 0},
	{{"8525Q", N, vcin_r8525q, NULL}, 0, 0},
	{{"8530Q", R, vcin_r8530q, NULL}, 0, 0},
	{{"8535Q", N, vcin_chk_order, &a8535}, 0, 0},
	{{"8545Q", R, vcin_chk_span, &a8545}, 0, 0},
	{{"8590", N, vcin_r8590, NULL}, 0, 0},
	{{"8750", N, vcin_r8750, &sex_2024}, 0, 2024},
	{{"8750", N, vcin_r8750, &sex_2025}, 2025, 0},
	{{"8770Q", R, vcin_r8770q, &school_age_2024}, 0, 2024},
	{{"8770Q", R, vcin_r8770q, &school_age_2025}, 2025, 0},
	{{"8772", N, vcin_r8772, NULL}, 0, 0},
	{{"8775Q", R, vcin_r8775q, NULL}, 0, 0},
	/* characteristics */
	{{"4220", N, vcin_chk_codes, &a4220}, 0, 0},
	{{"8540", N, vcin_r8540, NULL}, 0, 0},
	{{"8790", N, vcin_chk_multi, &a8790}, 0, 0},
	{{"8794", N, vcin_chk_multi, &a8794}, 0, 0},
	/* CIN details */
	{{"2990", N, vcin_r2990, NULL}, 0, 0},
	{{"2991Q", N, vcin_r2991q, NULL}, 0, 0},
	{{"8555Q", N, vcin_chk_order, &a8555}, 0, 0},
	{{"8565", N, vcin_r8565, NULL}, 0, 0},
	{{"8568", N, vcin_chk_codes, &a8568}, 0, 0},
	{{"8569Q", W, vcin_r8569q, NULL}, 0, 0},
	{{"8585Q", N, vcin_r8585q, NULL}, 0, 0},
	{{"8600", R, vcin_chk_span, &a8600}, 0, 0},
	{{"8606", N, vcin_r8606, NULL}, 0, 0},
	{{"8610", N, vcin_r8610, NULL}, 0, 0},
	{{"8620", R, vcin_chk_span, &a8620}, 0, 0},
	{{"8630", N, vcin_chk_order, &a8630}, 0, 0},
	{{"8640", N, vcin_chk_codes, &a8640}, 0, 0},
	{{"8650", N, vcin_chk_codes, &a8650}, 0, 0},
	{{"8805", N, vcin_chk_pair, &a8805}, 0, 0},
	{{"8810", N, vcin_chk_pair, &a8810}, 0, 0},
	{{"8815", N, vcin_chk_open, &a8815}, 0, 0},
	{{"8816", N, vcin_r8816, NULL}, 0, 0},
	{{"8820", N, vcin_chk_overlap, &a8820}, 0, 0},
	{{"8825Q", N, vcin_r8825q, NULL}, 0, 0},
	{{"8831", N, vcin_r8831, NULL}, 0, 0},
	{{"8866", N, vcin_chk_codes, &a8866}, 0, 0},
	{{"8867", N, vcin_r8867, NULL}, 0, 0},
	{{"8868", N, vcin_r8868, NULL}, 0, 0},
	{{"8890", N, vcin_chk_overlap, &a8890}, 0, 0},
	/* assessments */
	{{"1103", N, vcin_chk_order, &a1103}, 0, 0},
	{{"8608", N, vcin_chk_order, &a8608}, 0, 0},
	{{"8614", N, vcin_chk_pair, &a8614}, 0, 0},
	{{"8670Q", W, vcin_r8670q, NULL}, 0, 0},
	{{"8696", R, vcin_chk_span, &a8696}, 0, 0},
	{{"8736", R, vcin_r8736, NULL}, 0, 0},
	{{"8863Q", N, vcin_chk_overlap, &a8863}, 0, 0},
	{{"8869", N, vcin_chk_multi, &a8869}, 0, 0},
	{{"8873Q", N, vcin_r8873q, NULL}, 0, 0},
	{{"8896", N, vcin_chk_open, &a8896}, 0, 0},
	{{"8897Q", R, vcin_chk_pair, &a8897}, 0, 0},
	{{"8898", N, vcin_chk_multi, &a8898}, 0, 0},
	{{"8945Q", N, vcin_chk_multi, &a8945}, 2025, 0},
	{{"8950Q", N, vcin_chk_multi, &a8950}, 2025, 0},
	/* CIN plans */
	{{"4000", N, vcin_r4000, NULL}, 0, 0},
	{{"4001", N, vcin_r4001, NULL}, 0, 0},
	{{"4003", N, vcin_r4003, NULL}, 0, 0},
	{{"4004", N, vcin_chk_open, &a4004}, 0, 0},
	{{"4008", N, vcin_chk_order, &a4008}, 0, 0},
	{{"4009Q", N, vcin_chk_order, &a4009}, 0, 0},
	{{"4010", R, vcin_chk_span, &a4010}, 0, 0},
	{{"4011", N, vcin_chk_order, &a4011}, 0, 0},
	{{"4012Q", N, vcin_chk_order, &a4012}, 0, 0},
	{{"4013", R, vcin_chk_span, &a4013}, 0, 0},
	{{"4014", N, vcin_chk_overlap, &a4014}, 0, 0},
	{{"4015", N, vcin_chk_order, &a4015}, 0, 0},
	{{"4016", N, vcin_r4016, NULL}, 0, 0},
	{{"4017", N, vcin_r4017, NULL}, 0, 0},
	/* section 47 */
	{{"1104", N, vcin_chk_order, &a1104}, 0, 0},
	{{"2884", N, vcin_r2884, NULL}, 0, 0},
	{{"2889", N, vcin_chk_order, &a2889}, 0, 0},
	{{"8615", N, vcin_r8615, NULL}, 0, 0},
	{{"8675Q", W, vcin_r8675q, NULL}, 0, 0},
	{{"8715", R, vcin_chk_span, &a8715}, 0, 0},
	{{"8740", R, vcin_r8740, NULL}, 0, 0},
	{{"8839", N, vcin_chk_open, &a8839}, 0, 0},
	{{"8870Q", N, vcin_chk_weekend, &a8870}, 0, 0},
	{{"8875", N, vcin_chk_weekend, &a8875}, 0, 0},
	/* child protection plans */
	{{"1105", N, vcin_chk_order, &a1105}, 0, 0},
	{{"2885", R, vcin_r2885, NULL}, 0, 0},
	{{"8720", R, vcin_chk_span, &a8720}, 0, 0},
	{{"8730", N, vcin_chk_codes, &a8730}, 0, 0},
	{{"8832", N, vcin_r8832, NULL}, 0, 0},
	{{"8840", N, vcin_chk_order, &a8840}, 0, 0},
	{{"8841", N, vcin_r8841, NULL}, 0, 0},
	{{"8842Q", N, vcin_r8842q, NULL}, 0, 0},
	{{"8905", N, vcin_chk_codes, &a8905}, 0, 0},
	{{"8910", N, vcin_chk_codes, &a8910}, 0, 0},
	{{"8915", N, vcin_chk_order, &a8915}, 0, 0},
	{{"8920", N, vcin_chk_order, &a8920}, 0, 0},
	{{"8925", N, vcin_chk_order, &a8925}, 0, 0},
	{{"8930", R, vcin_chk_span, &a8930}, 0, 0},
	{{"8935", N, vcin_chk_open, &a8935}, 0, 0},
	{{"8940", N, vcin_chk_overlap, &a8940}, 0, 0},
};

const size_t vcin_nrules = sizeof vcin_rules / sizeof vcin_rules[0];

/* Every code of every year is implemented. */
const char *const vcin_not_implemented[] = {NULL};
