/*
 * v903.h - the SSDA903 (children looked after) side of csc-validate.
 *
 * v903_run reads a folder of 903 CSVs (tables recognised by their exact
 * header row, INPUTS.md section 2), optionally last year's folder, and runs
 * every entry of v903_rules through the engine (v_engine.h). The tables are
 * kept as raw strings with the line each row came from, indexed by CHILD, so
 * a rule can report the child, table, field, value and line of a failure.
 *
 * Memory grows with the number of rows (their values and dates in 64 KB
 * blocks, an index entry each), not with the size of the files: the CSVs
 * are streamed.
 */
#ifndef V903_H
#define V903_H

#include <stddef.h>
#include <stdint.h>

#include "csc_903.h"
#include "csc_date.h"
#include "v_engine.h"
#include "v_year.h"

/* Tables, in the order of csc_903_tables. */
enum v903_tab {
	V9_HEADER, V9_EPISODES, V9_REVIEWS, V9_UASC, V9_OC2, V9_OC3, V9_AD1,
	V9_PLACED, V9_PREVPERM, V9_MISSING, V9_SW, V9_DOLO, V9_NTAB
};

/* Columns of each table, in the order of csc_903_tables[t].cols. */
enum { HD_CHILD, HD_SEX, HD_DOB, HD_ETHNIC, HD_UPN, HD_MOTHER, HD_MC_DOB };
enum { EP_CHILD, EP_DECOM, EP_RNE, EP_LS, EP_CIN, EP_PLACE, EP_PROVIDER, EP_DEC, EP_REC,
       EP_RPC, EP_HOME_POST, EP_PL_POST, EP_URN };
enum { RV_CHILD, RV_DOB, RV_REVIEW, RV_CODE };
enum { UA_CHILD, UA_SEX, UA_DOB, UA_DUC };
enum { O2_CHILD, O2_DOB, O2_SDQ_SCORE, O2_SDQ_REASON, O2_CONVICTED, O2_HEALTH_CHECK,
       O2_IMMUNISATIONS, O2_TEETH_CHECK, O2_HEALTH_ASSESSMENT, O2_SUBSTANCE_MISUSE,
       O2_INT_RECEIVED, O2_INT_OFFERED };
enum { O3_CHILD, O3_DOB, O3_IN_TOUCH, O3_ACTIV, O3_ACCOM };
enum { AD_CHILD, AD_DOB, AD_DATE_INT, AD_DATE_MATCH, AD_FOSTER_CARE, AD_NB_ADOPTR,
       AD_SEX_ADOPTR, AD_LS_ADOPTR };
enum { PA_CHILD, PA_DOB, PA_DATE_PLACED, PA_CEASED, PA_REASON };
enum { PP_CHILD, PP_DOB, PP_PREV_PERM, PP_LA_PERM, PP_DATE_PERM };
enum { MS_CHILD, MS_DOB, MS_MISSING, MS_START, MS_END };
enum { SW_CHILD, SW_DOB, SW_ID, SW_DECOM, SW_DEC, SW_REASON };
enum { DL_CHILD, DL_DOB, DL_START, DL_END };

/* One data row: every column trimmed, "" when blank. */
typedef struct v903_row {
	char **f;       /* table's ncols values */
	csc_date *dt;   /* each value read as DD/MM/YYYY, CSC_NODATE when it is
			 * not one: parsed once at load, as rules ask for the
			 * same dates many times */
	long line;      /* physical line in its file */
	int file;       /* index into v903_data.files */
	csc_date key;   /* sort date within a child (DECOM, REVIEW, ...) */
	int32_t child;  /* number of f[0] in its data's index (v903_index) */
	int8_t table;   /* its table (V9_*): sits in what was padding */
} v903_row;

struct v903_data;

typedef struct v903_table {
	v903_row *rows;      /* file order */
	size_t n, cap;
	v903_row **by_child; /* sorted by CHILD, then key date, then file order */
	size_t *off;         /* rows of child number k: by_child[off[k] .. off[k+1]) */
	const struct v903_data *owner;
	int present;         /* a file with this table's header was read */
} v903_table;

typedef struct v903_data {
	v903_table t[V9_NTAB];
	/* Every child of any table, numbered, and a hash from CHILD to number,
	 * so a child's rows in any table are found in constant time. */
	const char **ids;
	size_t nids;
	int32_t *hash;
	size_t hcap;
	char **blocks;        /* the rows' values, many rows to a block: one
			       * allocation a row was a tenth of a run */
	size_t nblocks, block_used, block_size;
	char **files;         /* file names, for diagnostics */
	int nfiles;
	csc_date year_start;  /* 1 April of the collection year */
	csc_date year_end;    /* 31 March; CSC_NODATE when unknown */
	const v_codes *codes; /* the code lists of the year whose rules run */
	struct v903_rcache *rcache; /* sets v903_in_set resolved (v903_index
				     * makes it, v903_free frees it) */
} v903_data;

/* Read DIR and, when prev_dir is not NULL, last year's folder; choose the
 * collection year (v903_ctx.h), load that year's rule set and code lists
 * from ref_dir (ssda903-rules-by-year.csv, ssda903-codes-by-year.csv) and
 * run every rule in v903_rules in force that year whose needs are met.
 * Returns 0; 3 (CSC_EXIT_INPUT) after printing "prog: file:line: message"
 * when a folder, CSV or reference file cannot be read; 4 (CSC_EXIT_CONFIG)
 * after saying why when the year is unknown or not one this validator
 * knows. Rules needing what was not supplied are not run (their `needs`
 * says why; V903_NOT_RUN.md lists them). */
int v903_run(v_ctx *ctx, const char *dir, const char *prev_dir, const char *ref_dir);

/* The rule table: one or more entries per DfE code of
 * ref/ssda903-rules-by-year.csv, each with the years it is in force. */
extern const v_year_rule v903_rules[];
extern const int v903_nrules;

/* Loading (v903_load.c) ------------------------------------------------- */

/* Read every *.csv in dir (sorted by name) into d. 0, or -1 after printing
 * a diagnostic: a file that cannot be read, is empty, or whose header row
 * is no 903 table (the closest table and what differs are printed). d must
 * be zeroed or fresh from v903_init. */
int v903_load(v903_data *d, const char *dir);

/* Read one CSV held in memory as a file called name (fuzzing and tests);
 * call v903_index after the last one. 0, or -1 after printing why. */
int v903_load_mem(v903_data *d, const char *name, const char *data, size_t n);

void v903_init(v903_data *d);
void v903_free(v903_data *d);

/* Append a row of n values to table t (tests build tables this way); n may
 * be less than the table's columns (the rest are blank). */
void v903_add_row(v903_data *d, int t, char *const *vals, int n, long line, int file);

/* Build the by-child indexes; call after the last v903_add_row. */
void v903_index(v903_data *d);

/* An empty cache of resolved sets for v903_data.rcache (v903_in_set);
 * freed with free(). */
struct v903_rcache *v903_rcache_new(void);

/* s's first 8 bytes (zero-padded past its end) as a big-endian integer:
 * two strings' prefixes compare as their integers do, as strcmp compares
 * them. For sorting by a string with few reads of the string itself. */
uint64_t v903_prefix(const char *s);

/* strcmp(a, b) given pa = v903_prefix(a) and pb = v903_prefix(b). */
int v903_prefix_cmp(uint64_t pa, const char *a, uint64_t pb, const char *b);

/* The number of child in d's index, or -1 when in no table. */
int32_t v903_child_number(const v903_data *d, const char *child);

/* Set year_start/year_end from the data when not already set: the
 * collection year (1 April - 31 March) holding most episode end, review,
 * missing and social worker end dates (the later on a tie), else the one
 * holding the latest episode start. The one place to switch to an
 * engine-supplied year (v903_ctx.h). */
void v903_derive_year(v903_data *d);

/* Access for rules (v903_util.c) ----------------------------------------- */

/* The current and previous year's data for ctx (previous may be NULL). */
const v903_data *v903_cur(v_ctx *ctx);
const v903_data *v903_prev(v_ctx *ctx);

/* Rows of table t for child, sorted by key date; returns the count and sets
 * *rows (NULL when 0). */
size_t v903_child(const v903_table *t, const char *child, v903_row *const **rows);

/* Rows of table t for the child of row r, as v903_child(t, r->f[0], rows);
 * when r is a row of t's data (as rules' rows mostly are) its number is
 * taken from r, without hashing and comparing the CHILD string. */
size_t v903_child_of(const v903_table *t, const v903_row *r, v903_row *const **rows);

/* Length of the run of rows for the same child starting at by_child[i]. */
size_t v903_run_len(const v903_table *t, size_t i);

/* The value's date (DD/MM/YYYY) or CSC_NODATE when blank or invalid.
 * Inline, as v903_blank: rules call both for most values of most rows. */
static inline csc_date v903_date(const v903_row *r, int col)
{
	return r->dt[col];
}

/* 1 when r->f[col] is blank. */
static inline int v903_blank(const v903_row *r, int col)
{
	return r->f[col][0] == 0;
}

/* 1 when s is one of the space-separated codes in list; the code "_"
 * stands for blank. */
int v903_in(const char *s, const char *list);

/* A set as rule entries write it: "@NAME" is the year's code list NAME of
 * ref/ssda903-codes-by-year.csv (with " _" appended when set ends " _"),
 * anything else is itself. A list the year does not define is "" (the rule
 * tests check every list a rule names exists in each year it runs). */
const char *v903_set(const v903_data *d, const char *set);

/* v903_in over v903_set(d, set). Each set is resolved once and kept
 * (rules call this for a value of every row of a table). */
int v903_in_set(const v903_data *d, const char *s, const char *set);

/* the longest list, PrevPerm.LA_PERM, has 157 codes */
enum { V903_RSET_MAX = 192, V903_RSET_SLOTS = 512 };

/* A set resolved once for a rule's rows: v903_in_set(d, s, set) is
 * v903_in_rset(&rs, s) after v903_resolve(d, set, &rs), without finding
 * the code list by name again for each row. */
typedef struct {
	const char *list;
	int named, blank_too;
	/* The list's codes packed, each into the integer of its bytes (a code
	 * has at most 8), so that a row's value is tested against integers
	 * instead of the list's text: code lists are tested for a value of
	 * most rows and were the most costly part of the rules. ncode < 0 when
	 * the list has a longer code or more than V903_RSET_MAX (the text is
	 * then scanned, as v903_in). */
	int ncode;
	uint64_t code[V903_RSET_MAX];
	/* code[] hashed (open addressing): slot[h] is 1 + the index of a code,
	 * 0 when free; nslot a power of two at least twice ncode */
	unsigned nslot;
	uint8_t slot[V903_RSET_SLOTS];
} v903_rset;
void v903_resolve(const v903_data *d, const char *set, v903_rset *rs);
int v903_in_rset(const v903_rset *rs, const char *s);

/* rs for a plain list of codes (no "@NAME"): v903_in_rset(rs, s) is then
 * v903_in(s, list). */
void v903_rset_list(const char *list, v903_rset *rs);

/* The collection year of d (2026 = 2025-26), or 0 when unknown. */
int v903_year(const v903_data *d);

/* Report a failure at row r, column col (-1: no field) of table t. */
void v903_report(v_ctx *ctx, const v_rule *rule, int t, const v903_row *r, int col);

#endif
