/* csc_cin_stage.c - the CIN staging files (see csc_cin_stage.h). */
#include <stddef.h>

#include "csc_cin_stage.h"

#define K CSC_COL_CHILD
#define N CSC_COL_NUM
#define L CSC_COL_LINE
#define E CSC_COL_EVENT
#define D CSC_COL_DATE
#define C CSC_COL_CODE
#define M CSC_COL_CODES
#define B CSC_COL_BOOL
#define I CSC_COL_INT
#define T CSC_COL_TEXT

static const char *const ch_cols[CSC_CH_N + 1] = {
	"child", "upn", "former_upn", "upn_unknown", "dob", "expected_dob", "sex",
	"death_date", "ethnicity", "disabilities", "src_line", NULL};
static const unsigned char ch_types[CSC_CH_N] = {K, T, T, C, D, D, C, D, C, M, L};

static const char *const ep_cols[CSC_EP_N + 1] = {
	"child", "episode", "referral_date", "referral_source", "primary_need",
	"closure_date", "closure_reason", "icpc_date", "referral_nfa", "src_line", NULL};
static const unsigned char ep_types[CSC_EP_N] = {K, N, E, C, C, E, C, E, B, L};

static const char *const as_cols[CSC_AS_N + 1] = {
	"child", "episode", "assessment", "start_date", "review_date",
	"authorisation_date", "factors", "src_line", NULL};
static const unsigned char as_types[CSC_AS_N] = {K, N, N, E, E, E, M, L};

static const char *const pl_cols[CSC_PL_N + 1] = {
	"child", "episode", "plan", "start_date", "end_date", "src_line", NULL};
static const unsigned char pl_types[CSC_PL_N] = {K, N, N, E, E, L};

static const char *const s47_cols[CSC_S47_N + 1] = {
	"child", "episode", "s47", "start_date", "icpc_target", "icpc_date",
	"icpc_not_required", "src_line", NULL};
/* InitialCPCtarget is in the future by design: not an event */
static const unsigned char s47_types[CSC_S47_N] = {K, N, N, E, D, E, B, L};

static const char *const cpp_cols[CSC_CPP_N + 1] = {
	"child", "episode", "cpp", "start_date", "end_date", "initial_category",
	"latest_category", "previous_cpp", "src_line", NULL};
static const unsigned char cpp_types[CSC_CPP_N] = {K, N, N, E, E, C, C, I, L};

/* a review has no number of its own: its rows keep the file's order */
static const char *const rv_cols[CSC_RV_N + 1] = {
	"child", "episode", "cpp", "review_date", "src_line", NULL};
static const unsigned char rv_types[CSC_RV_N] = {K, N, N, E, L};

/* The 2026-27 block, its elements in the order of the DfE's sample file
 * (../shared/reference/years/cin-changes-by-year.md section 5): no schema
 * or code list is published, so the flags and the outcome are text. Its
 * dates are not counted in coverage yet (not events): what each means is
 * not published (LetterInitCPDate). */
static const char *const pp_cols[CSC_PP_N + 1] = {
	"child", "episode", "block", "start_date", "lbp_sent_date", "fgdm_offered",
	"fgdm_facilitated", "initial_meeting_date", "review_meetings", "step_decision_date",
	"outcome", "court_application_date", "letter_init_cp_date", "src_line", NULL};
static const unsigned char pp_types[CSC_PP_N] = {K, N, N, D, D, T, T, D, I, D, T, D, D, L};

#define DEF(file, p, n) {file, p##_cols, p##_types, n}
const csc_cin_stagedef csc_cin_stage[CSC_CIN_NFILES] = {
	[CSC_CIN_CHILDREN] = DEF("cin_children.csv", ch, CSC_CH_N),
	[CSC_CIN_EPISODES] = DEF("cin_episodes.csv", ep, CSC_EP_N),
	[CSC_CIN_ASSESSMENTS] = DEF("cin_assessments.csv", as, CSC_AS_N),
	[CSC_CIN_PLANS] = DEF("cin_plans.csv", pl, CSC_PL_N),
	[CSC_CIN_S47] = DEF("cin_s47.csv", s47, CSC_S47_N),
	[CSC_CIN_CPP] = DEF("cin_cpp.csv", cpp, CSC_CPP_N),
	[CSC_CIN_REVIEWS] = DEF("cin_cpp_reviews.csv", rv, CSC_RV_N),
	[CSC_CIN_PREPROC] = DEF("cin_preproc.csv", pp, CSC_PP_N),
};

const char *const csc_cin_stage_files[CSC_CIN_NFILES + 1] = {
	"cin_children.csv", "cin_episodes.csv", "cin_assessments.csv", "cin_plans.csv",
	"cin_s47.csv", "cin_cpp.csv", "cin_cpp_reviews.csv", "cin_preproc.csv", NULL,
};
