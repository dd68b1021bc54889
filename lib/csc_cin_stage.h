/*
 * csc_cin_stage.h - the CIN census staging files (docs/FORMATS.md), the one
 * definition of their columns.
 *
 * The extractor writes each file's header row from csc_cin_stage[] and
 * every reader (the transform, csc-returns, csc-annexa) asks for the
 * columns by these names, through the header-mapped readers
 * (csc_csvcols.h, returns_rows.h), and indexes the values it gets with the
 * column enums below. Readers ask for every column of the definition, so a
 * staging file written by another definition is refused by name ("has no
 * column 'x'"), never read by position.
 *
 * Adding a column: append it (before src_line) to the file's enum and to its
 * list in csc_cin_stage.c; give it its element in csc_cin_elems.c (the
 * extractor fills it from there); docs/FORMATS.md "Staging".
 */
#ifndef CSC_CIN_STAGE_H
#define CSC_CIN_STAGE_H

/* The files, in the order the extractor writes and readers read them. */
enum csc_cin_file {
	CSC_CIN_CHILDREN,
	CSC_CIN_EPISODES,
	CSC_CIN_ASSESSMENTS,
	CSC_CIN_PLANS,
	CSC_CIN_S47,
	CSC_CIN_CPP,
	CSC_CIN_REVIEWS,
	CSC_CIN_PREPROC, /* PreProceedingsandFGDM blocks (2026-27 on) */
	CSC_CIN_NFILES
};

/* What a column holds; the extractor fills the key columns from the
 * record's place, the others from the element of csc_cin_elems.h. */
enum csc_cin_coltype {
	CSC_COL_CHILD,  /* the child's LAchildID (first column of every file) */
	CSC_COL_NUM,    /* 1, 2, ... of a record within its parent: the record's
			   path below the child (episode, then its sub-record) */
	CSC_COL_LINE,   /* src_line: the line of the record in the XML */
	CSC_COL_EVENT,  /* YYYY-MM-DD or empty: a day something happened in
			   the case, so none lies after the dump's day; the
			   latest is the table's coverage (csc_coverage.h) */
	CSC_COL_DATE,   /* YYYY-MM-DD or empty: any other date (about the
			   person, a target date, the 2026-27 block's) */
	CSC_COL_CODE,   /* a code of the element's list, or empty */
	CSC_COL_CODES,  /* repeated codes joined with ';' */
	CSC_COL_BOOL,   /* 1 / 0 */
	CSC_COL_INT,    /* a whole number >= 0 */
	CSC_COL_TEXT,   /* other text (UPNs; values of no published code list) */
};

/* Columns of each file, in file order. */
enum { CSC_CH_CHILD, CSC_CH_UPN, CSC_CH_FORMER_UPN, CSC_CH_UPN_UNKNOWN, CSC_CH_DOB,
       CSC_CH_EXPECTED_DOB, CSC_CH_SEX, CSC_CH_DEATH_DATE, CSC_CH_ETHNICITY,
       CSC_CH_DISABILITIES, CSC_CH_SRC_LINE, CSC_CH_N };
enum { CSC_EP_CHILD, CSC_EP_EPISODE, CSC_EP_REFERRAL_DATE, CSC_EP_REFERRAL_SOURCE,
       CSC_EP_PRIMARY_NEED, CSC_EP_CLOSURE_DATE, CSC_EP_CLOSURE_REASON, CSC_EP_ICPC_DATE,
       CSC_EP_REFERRAL_NFA, CSC_EP_SRC_LINE, CSC_EP_N };
enum { CSC_AS_CHILD, CSC_AS_EPISODE, CSC_AS_ASSESSMENT, CSC_AS_START_DATE, CSC_AS_REVIEW_DATE,
       CSC_AS_AUTHORISATION_DATE, CSC_AS_FACTORS, CSC_AS_SRC_LINE, CSC_AS_N };
enum { CSC_PL_CHILD, CSC_PL_EPISODE, CSC_PL_PLAN, CSC_PL_START_DATE, CSC_PL_END_DATE,
       CSC_PL_SRC_LINE, CSC_PL_N };
enum { CSC_S47_CHILD, CSC_S47_EPISODE, CSC_S47_S47, CSC_S47_START_DATE, CSC_S47_ICPC_TARGET,
       CSC_S47_ICPC_DATE, CSC_S47_ICPC_NOT_REQUIRED, CSC_S47_SRC_LINE, CSC_S47_N };
enum { CSC_CPP_CHILD, CSC_CPP_EPISODE, CSC_CPP_CPP, CSC_CPP_START_DATE, CSC_CPP_END_DATE,
       CSC_CPP_INITIAL_CATEGORY, CSC_CPP_LATEST_CATEGORY, CSC_CPP_PREVIOUS_CPP,
       CSC_CPP_SRC_LINE, CSC_CPP_N };
enum { CSC_RV_CHILD, CSC_RV_EPISODE, CSC_RV_CPP, CSC_RV_REVIEW_DATE, CSC_RV_SRC_LINE, CSC_RV_N };
enum { CSC_PP_CHILD, CSC_PP_EPISODE, CSC_PP_BLOCK, CSC_PP_START_DATE, CSC_PP_LBP_SENT_DATE,
       CSC_PP_FGDM_OFFERED, CSC_PP_FGDM_FACILITATED, CSC_PP_INITIAL_MEETING_DATE,
       CSC_PP_REVIEW_MEETINGS, CSC_PP_STEP_DECISION_DATE, CSC_PP_OUTCOME,
       CSC_PP_COURT_APPLICATION_DATE, CSC_PP_LETTER_INIT_CP_DATE, CSC_PP_SRC_LINE, CSC_PP_N };

/* Keys every file shares: the child first, then (but in cin_children) the
 * episode; a sub-record's number (or a review's plan) third. */
#define CSC_CIN_COL_CHILD 0
#define CSC_CIN_COL_EPISODE 1
#define CSC_CIN_COL_SUB 2

#define CSC_CIN_MAXCOLS 16 /* columns in the widest file, with room */

typedef struct csc_cin_stagedef {
	const char *file;                 /* "cin_episodes.csv" */
	const char *const *cols;          /* names in file order, NULL-terminated */
	const unsigned char *types;       /* enum csc_cin_coltype of each column */
	int ncols;
} csc_cin_stagedef;

extern const csc_cin_stagedef csc_cin_stage[CSC_CIN_NFILES];

/* The file names, NULL-terminated (csc_stage_not_configured). */
extern const char *const csc_cin_stage_files[CSC_CIN_NFILES + 1];

#endif
