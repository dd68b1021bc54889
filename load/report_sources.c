/* report_sources.c - see report_sources.h. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csc_csvcols.h"
#include "csc_diag.h"
#include "report_sources.h"
#include "report_tpl.h"

#define REPORT_SRC_MAX_SOURCES 64
#define MARKER "#! illustrative"

int report_src_fy(const char *s)
{
	if (strlen(s) != 7 || s[4] != '-')
		return -1;
	for (int i = 0; i < 7; i++)
		if (i != 4 && !isdigit((unsigned char)s[i]))
			return -1;
	int y = atoi(s), next = atoi(s + 5);
	return (y + 1) % 100 == next ? y : -1;
}

struct ctx {
	report_src_info *c;
	const char *path;
};

/* Add or widen the source `name` of kind target for year fy; -1 when full. */
static int add_source(report_src_info *c, int target, const char *name, int fy)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->s[i].target == target && !strcmp(c->s[i].name, name)) {
			if (fy < c->s[i].fy_lo)
				c->s[i].fy_lo = fy;
			if (fy > c->s[i].fy_hi)
				c->s[i].fy_hi = fy;
			return 0;
		}
	if (c->n == REPORT_SRC_MAX_SOURCES)
		return -1;
	c->s = csc_xrealloc(c->s, (c->n + 1) * sizeof *c->s);
	c->s[c->n++] = (report_src_source){target, csc_xstrdup(name), fy, fy};
	return 0;
}

enum { C_MEASURE, C_YEAR, C_ENGLAND, C_SN, C_REGION, C_TARGET, C_CSRC, C_TSRC, C_N };

static int row(void *vctx, char **v, long line)
{
	struct ctx *x = vctx;
	report_src_info *c = x->c;
	int fy = report_src_fy(v[C_YEAR]);
	if (fy < 0) {
		csc_error_at(x->path, line, "year: '%.20s' is not a financial year YYYY-YY", v[C_YEAR]);
		return -1;
	}
	int has_cmp = *v[C_ENGLAND] || *v[C_SN] || *v[C_REGION], has_tgt = *v[C_TARGET];
	for (int k = 0; k < 2; k++) {
		int has = k ? has_tgt : has_cmp;
		const char *src = c->have_columns ? v[k ? C_TSRC : C_CSRC] : "";
		if (!has)
			continue;
		if (!*src) {
			c->missing++;
			continue;
		}
		if (strlen(src) > REPORT_SRC_MAX_TEXT) {
			csc_error_at(x->path, line, "%s: longer than %d bytes",
				     k ? "target_source" : "comparator_source", REPORT_SRC_MAX_TEXT);
			return -1;
		}
		if (add_source(c, k, src, fy)) {
			csc_error_at(x->path, line, "more than %d different sources", REPORT_SRC_MAX_SOURCES);
			return -1;
		}
	}
	return 0;
}

report_src_info *report_src_load(const char *path)
{
	size_t len;
	char *text = report_tpl_slurp(path, "comparators file", &len);
	if (!text)
		return NULL;
	report_src_info *c = report_src_parse(path, text, len);
	free(text);
	return c;
}

report_src_info *report_src_parse(const char *path, const char *text, size_t len)
{
	report_src_info *c = csc_xcalloc(1, sizeof *c);
	/* Comment lines, before the header or among the rows (the transform
	 * skips both), become empty lines, which the reader skips: the line
	 * numbers stay the file's. The marker counts only before the header. */
	char *data = csc_xmalloc(len + 1);
	size_t k = 0;
	int seen_header = 0;
	char *head = NULL;
	for (size_t i = 0; i < len;) {
		const char *eol = memchr(text + i, '\n', len - i);
		size_t n = eol ? (size_t)(eol - (text + i)) : len - i;
		if (text[i] == '#') {
			size_t m = n;
			while (m && (text[i + m - 1] == '\r' || text[i + m - 1] == ' '))
				m--;
			if (!seen_header && m == strlen(MARKER) && !strncmp(text + i, MARKER, m))
				c->illustrative = 1;
		} else {
			if (!seen_header && n) {
				seen_header = 1;
				head = csc_xstrndup(text + i, n);
			}
			memcpy(data + k, text + i, n);
			k += n;
		}
		if (eol)
			data[k++] = '\n';
		i += n + (eol != NULL);
	}
	data[k] = '\0';
	c->have_columns = head && strstr(head, "comparator_source") && strstr(head, "target_source");
	free(head);
	static const char *const cols[C_N] = {"measure", "year", "england", "stat_neighbours",
					      "region", "target", "comparator_source",
					      "target_source"};
	struct ctx x = {c, path};
	int rc = csc_csv_read_cols_mem(data, k, path, NULL, cols,
				       c->have_columns ? C_N : C_N - 2, row, &x);
	free(data);
	if (rc) {
		report_src_free(c);
		return NULL;
	}
	return c;
}

void report_src_free(report_src_info *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++)
		free(c->s[i].name);
	free(c->s);
	free(c);
}
