/* v903_util.c - v903_run and the helpers every 903 rule uses. */
#include <stdlib.h>
#include <string.h>

#include "csc_diag.h"
#include "csc_out.h"
#include "v903_checks.h"
#include "v903_ctx.h"

const v903_data *v903_cur(v_ctx *ctx)
{
	return v_data(ctx);
}

const v903_data *v903_prev(v_ctx *ctx)
{
	return v_previous(ctx);
}

void v903_ck_not_run(v_ctx *ctx, const v_rule *rule)
{
	v_not_run(ctx, rule->code, rule->arg);
}

/* The collection year: the one the command line gave, else the one the
 * return's dates fall in (v903_derive_year). 0 after saying why when
 * neither tells. */
static int choose_year(v_ctx *ctx, v903_data *cur, const char *dir)
{
	/* The year the user named wins; the data only guesses it (a return
	 * with few dates, or for the wrong year, cannot tell). */
	csc_date given = v_collection_year_end(ctx);
	if (given != CSC_NODATE) {
		cur->year_end = given;
		cur->year_start = csc_fy_first(given);
	}
	v903_derive_year(cur);
	if (cur->year_end == CSC_NODATE) {
		csc_error_at(dir, 0, "no episode, review, missing or social worker date: the collection "
			     "year is unknown, so is the rule set to run (give --year YYYY)");
		return 0;
	}
	int year = v903_year(cur);
	if (given == CSC_NODATE)
		csc_info("%s: collection year %d-%02d taken from the dates in the return "
			 "(no --year or --reference-date given)", dir, year - 1, year % 100);
	return year;
}

int v903_run(v_ctx *ctx, const char *dir, const char *prev_dir, const char *ref_dir)
{
	const v_collection *coll = v_collection_find("SSDA903");
	v903_data cur, prev;
	v903_init(&cur);
	v903_init(&prev);
	v_codes *codes = NULL;
	int rc = 0, year = 0;
	if (v903_load(&cur, dir) < 0 || (prev_dir && v903_load(&prev, prev_dir) < 0))
		rc = CSC_EXIT_INPUT;
	if (rc == 0 && !(year = choose_year(ctx, &cur, dir)))
		rc = CSC_EXIT_CONFIG;
	if (rc == 0 && v_year_check(coll, year, dir) < 0)
		rc = CSC_EXIT_CONFIG;
	if (rc == 0) {
		char *p = csc_path_join(ref_dir, coll->rules_csv);
		if (v_load_catalogue_year(ctx, p, year) < 0)
			rc = CSC_EXIT_INPUT;
		free(p);
	}
	if (rc == 0) {
		char *p = csc_path_join(ref_dir, coll->codes_csv);
		if (!(codes = v_codes_load(p, year)))
			rc = CSC_EXIT_INPUT;
		free(p);
	}
	if (rc == 0) {
		for (int t = 0; t < V9_NTAB; t++)
			if (cur.t[t].present && csc_903_tables[t].from > year)
				csc_error_at(dir, 0, "%s table is not part of a %d-%02d return (from %d-%02d); "
					     "its rows are not checked", csc_903_tables[t].name, year - 1,
					     year % 100, csc_903_tables[t].from - 1, csc_903_tables[t].from % 100);
		cur.codes = prev.codes = codes;
		if (prev_dir) {
			prev.year_end = csc_date_add_months(cur.year_end, -12);
			prev.year_start = csc_date_add_months(cur.year_start, -12);
		}
		v_set_ruleset(ctx, coll->name, year);
		/* the workbook's cover: the year's end and every file read */
		char end[16];
		snprintf(end, sizeof end, "31/03/%04d", year);
		v_cover_add(ctx, "Collection year ends (SSDA903)", end);
		for (int f = 0; f < cur.nfiles && rc == 0; f++)
			if (v_cover_input(ctx, cur.files[f]) < 0)
				rc = CSC_EXIT_INPUT;
	}
	if (rc == 0) {
		v_set_data(ctx, &cur, prev_dir ? &prev : NULL);
		v_set_need(ctx, V_NEEDS_PREVIOUS, prev_dir != NULL,
			   "needs last year's return (--903-previous DIR)");
		v_set_need(ctx, V_NEEDS_POSTCODES, 0,
			   "needs postcode and Ofsted provider reference data, which is not supplied");
		v_run_years(ctx, v903_rules, (size_t)v903_nrules);
		v_set_data(ctx, NULL, NULL);
	}
	v_codes_free(codes);
	v903_free(&cur);
	v903_free(&prev);
	return rc;
}

int v903_year(const v903_data *d)
{
	int y, m, dd;
	if (d->year_end == CSC_NODATE)
		return 0;
	csc_date_ymd(d->year_end, &y, &m, &dd);
	return y;
}

const char *v903_set(const v903_data *d, const char *set)
{
	if (!set || set[0] != '@')
		return set;
	const char *l = v_codes_get(d->codes, set + 1);
	return l ? l : "";
}

/* The integer of code's first n bytes (n <= 8) or up to its NUL, byte i
 * in bits 8i..8i+7: two codes are equal exactly when their integers are,
 * as a code holds no NUL. Built by shifts, not memcpy: a variable-length
 * copy read back as a whole stalls the store forwarding, and this runs
 * for a value of most rows. *len is the number of bytes packed. */
static uint64_t pack(const char *code, size_t n, size_t *len)
{
	uint64_t k = 0;
	size_t i = 0;
	for (; i < n && code[i]; i++)
		k |= (uint64_t)(unsigned char)code[i] << (8 * i);
	*len = i;
	return k;
}

/* The first slot to try for packed code k in a table of nslot slots. */
static unsigned slot_of(uint64_t k, unsigned nslot)
{
	return (unsigned)((k * 0x9E3779B97F4A7C15u) >> 40) & (nslot - 1);
}

/* rs->code and its hash from rs->list; rs->ncode -1 when a code is longer
 * than 8 bytes or there are too many (v903_in then scans the text). */
static void pack_list(v903_rset *rs)
{
	rs->ncode = 0;
	/* an undefined list (NULL) holds no code: an empty table */
	for (const char *p = rs->list ? rs->list : "";;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		size_t n = strcspn(p, " ");
		if (n > 8 || rs->ncode == V903_RSET_MAX) {
			rs->ncode = -1;
			return;
		}
		size_t len;
		rs->code[rs->ncode++] = pack(p, n, &len);
		p += n;
	}
	for (rs->nslot = 8; rs->nslot < 2u * (unsigned)rs->ncode; rs->nslot *= 2)
		;
	memset(rs->slot, 0, rs->nslot);
	for (int i = 0; i < rs->ncode; i++) {
		unsigned h = slot_of(rs->code[i], rs->nslot);
		while (rs->slot[h])
			h = (h + 1) & (rs->nslot - 1);
		rs->slot[h] = (uint8_t)(i + 1);
	}
}

/* v903_resolve without packing the codes (ncode -1), for one value. */
static void resolve_text(const v903_data *d, const char *set, v903_rset *rs)
{
	rs->named = set && set[0] == '@';
	rs->blank_too = 0;
	rs->ncode = -1;
	rs->list = set ? set : "";
	if (!rs->named)
		return;
	/* "@NAME _": the list, or blank */
	size_t n = strlen(set);
	rs->blank_too = n > 3 && !strcmp(set + n - 2, " _");
	rs->list = NULL;
	char name[160];
	if (rs->blank_too)
		n -= 2;
	if (n - 1 >= sizeof name)
		return;
	memcpy(name, set + 1, n - 1);
	name[n - 1] = 0;
	rs->list = v_codes_get(d->codes, name);
}

void v903_resolve(const v903_data *d, const char *set, v903_rset *rs)
{
	resolve_text(d, set, rs);
	pack_list(rs);
}

void v903_rset_list(const char *list, v903_rset *rs)
{
	rs->named = rs->blank_too = 0;
	rs->list = list ? list : "";
	pack_list(rs);
}

int v903_in_rset(const v903_rset *rs, const char *s)
{
	if (rs->named && !*s)
		return rs->blank_too;
	if (rs->ncode < 0)
		return rs->list && v903_in(s, rs->list);
	if (!*s)
		s = "_"; /* a plain list's "_" is blank (v903_in) */
	size_t n;
	uint64_t k = pack(s, 8, &n);
	if (n == 8 && s[8])
		return 0; /* no code of the list is that long */
	for (unsigned h = slot_of(k, rs->nslot); rs->slot[h]; h = (h + 1) & (rs->nslot - 1))
		if (rs->code[rs->slot[h] - 1] == k)
			return 1;
	return 0;
}

/* Sets resolved by v903_in_set, by the address of the set's text. The
 * text is kept too and compared on each use, so a set held in a buffer
 * whose text later changes is resolved again, never answered stale. */
enum { RCACHE_SLOTS = 64, RCACHE_KEY = 96 };
struct v903_rcache {
	struct {
		const char *set;
		const v_codes *codes;
		char key[RCACHE_KEY];
		v903_rset rs;
	} slot[RCACHE_SLOTS];
};

struct v903_rcache *v903_rcache_new(void)
{
	return csc_xcalloc(1, sizeof(struct v903_rcache));
}

int v903_in_set(const v903_data *d, const char *s, const char *set)
{
	v903_rset rs;
	size_t n = set ? strlen(set) : RCACHE_KEY;
	if (!d->rcache || n >= RCACHE_KEY) {
		resolve_text(d, set, &rs);
		return v903_in_rset(&rs, s);
	}
	size_t h = ((uintptr_t)set >> 3) % RCACHE_SLOTS;
	struct v903_rcache *c = d->rcache;
	if (c->slot[h].set != set || c->slot[h].codes != d->codes || strcmp(c->slot[h].key, set)) {
		v903_resolve(d, set, &c->slot[h].rs);
		c->slot[h].set = set;
		c->slot[h].codes = d->codes;
		memcpy(c->slot[h].key, set, n + 1);
	}
	return v903_in_rset(&c->slot[h].rs, s);
}

size_t v903_child(const v903_table *t, const char *child, v903_row *const **rows)
{
	int32_t k = t->owner ? v903_child_number(t->owner, child) : -1;
	size_t lo = k < 0 ? 0 : t->off[k], hi = k < 0 ? 0 : t->off[k + 1];
	*rows = hi > lo ? t->by_child + lo : NULL;
	return hi - lo;
}

/* 1 when r is one of d's rows (so r->child numbers d's children): if it
 * is, it is in the rows of its own table. */
static int row_of(const v903_data *d, const v903_row *r)
{
	const v903_table *tb = &d->t[r->table];
	return tb->n && r >= tb->rows && r < tb->rows + tb->n;
}

size_t v903_child_of(const v903_table *t, const v903_row *r, v903_row *const **rows)
{
	if (!t->owner || r->child < 0 || !row_of(t->owner, r))
		return v903_child(t, r->f[0], rows);
	size_t lo = t->off[r->child], hi = t->off[r->child + 1];
	*rows = hi > lo ? t->by_child + lo : NULL;
	return hi - lo;
}

size_t v903_run_len(const v903_table *t, size_t i)
{
	return t->off[t->by_child[i]->child + 1] - i;
}

int v903_in(const char *s, const char *list)
{
	if (!*s)
		s = "_";
	/* one pass over list, matching s as each code is read: this runs for
	 * a value of every row most rules read */
	for (const char *p = list;;) {
		while (*p == ' ')
			p++;
		if (!*p)
			return 0;
		const char *v = s;
		while (*v && *p == *v && *p != ' ') {
			p++;
			v++;
		}
		if (!*v && (*p == ' ' || !*p))
			return 1;
		while (*p && *p != ' ')
			p++;
	}
}

void v903_report(v_ctx *ctx, const v_rule *rule, int t, const v903_row *r, int col)
{
	const csc_903_table *tb = &csc_903_tables[t];
	v_report(ctx, rule, r ? r->f[0] : NULL, tb->name, col >= 0 ? tb->cols[col] : NULL,
		 r && col >= 0 ? r->f[col] : NULL, r ? r->line : 0);
}
