/* csc_coverage.c - see csc_coverage.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csc_cin_stage.h"
#include "csc_coverage.h"
#include "csc_csvr.h"
#include "csc_csvw.h"
#include "csc_diag.h"
#include "csc_out.h"

/* Dates on which something happened in the case, so none can lie after the
 * day the dump was made. Left out on purpose: dates of birth and death
 * (about the person, not the case work), ExpectedPersonBirthDate,
 * InitialCPCtarget and UASC DUC (dates in the future by design). The CIN
 * tables' are the CSC_COL_EVENT columns of their definition
 * (csc_cin_stage.h). */
static const struct {
	const char *file;
	const char *cols[CSC_COV_MAXCOLS];
} events[] = {
	{"ssda903_episodes.csv", {"DECOM", "DEC"}},
	{"ssda903_reviews.csv", {"REVIEW"}},
	{"ssda903_ad1.csv", {"DATE_INT", "DATE_MATCH"}},
	{"ssda903_placedadoption.csv", {"DATE_PLACED", "DATE_PLACED_CEASED"}},
	{"ssda903_prevperm.csv", {"DATE_PERM"}},
	{"ssda903_missing.csv", {"MIS_START", "MIS_END"}},
	{"ssda903_socialworker.csv", {"SW_DECOM", "SW_DEC"}},
	{"ssda903_dolo.csv", {"DOLO_START", "DOLO_END"}},
	{"contacts.csv", {"contact_date", "completed_date"}},
	{"early_help.csv", {"assessment_start", "assessment_completion", "end_date"}},
};

const char *const csc_coverage_stage_header[] = {"staging_file", "column", "latest_event", NULL};
const char *const csc_coverage_header[] = {"input", "latest_event", "found_in", "data_to",
					   "limits", "period_end", "status", NULL};

int csc_coverage_columns(const char *stage_file, const char *const *header,
			 const char **names, int *pos, uint64_t *mask)
{
	*mask = 0;
	int n = 0;
	const char *cols[CSC_COV_MAXCOLS + 1] = {NULL};
	for (size_t e = 0; e < sizeof events / sizeof events[0]; e++)
		if (!strcmp(events[e].file, stage_file))
			memcpy(cols, events[e].cols, sizeof events[e].cols);
	for (int f = 0; f < CSC_CIN_NFILES; f++) {
		const csc_cin_stagedef *d = &csc_cin_stage[f];
		if (strcmp(d->file, stage_file))
			continue;
		int k = 0;
		for (int c = 0; c < d->ncols && k < CSC_COV_MAXCOLS; c++)
			if (d->types[c] == CSC_COL_EVENT)
				cols[k++] = d->cols[c];
	}
	for (int c = 0; c < CSC_COV_MAXCOLS && cols[c]; c++)
		for (int h = 0; header[h]; h++)
			if (!strcmp(header[h], cols[c])) {
				names[n] = cols[c];
				pos[n++] = h;
				if (h < 64)
					*mask |= (uint64_t)1 << h;
				break;
			}
	return n;
}

void csc_coverage_init(csc_coverage *cv, const csc_conf *conf)
{
	memset(cv, 0, sizeof *cv);
	for (int i = 0; i < CSC_NINPUTS; i++) {
		cv->in[i].input = csc_inputs[i].name;
		cv->in[i].key = csc_inputs[i].key;
		cv->in[i].configured = csc_inputs_path(conf, i) != NULL;
		cv->in[i].latest = CSC_NODATE;
		cv->in[i].data_to = CSC_NODATE;
	}
	cv->extracted = conf->data_extracted;
	cv->limit = -1;
	cv->data_to = CSC_NODATE;
}

void csc_coverage_settle(csc_coverage *cv)
{
	cv->limit = -1;
	cv->data_to = CSC_NODATE;
	for (int i = 0; i < CSC_NINPUTS; i++) {
		csc_cov_input *in = &cv->in[i];
		in->data_to = !in->configured ? CSC_NODATE
			      : cv->extracted != CSC_NODATE ? cv->extracted : in->latest;
		if (in->data_to != CSC_NODATE && (cv->limit < 0 || in->data_to < cv->data_to)) {
			cv->limit = i;
			cv->data_to = in->data_to;
		}
	}
}

struct reader {
	const char *path;
	csc_cov_input *in;
	int cols[3];
	int bad;
};

static int on_row(void *ctx, const csc_row *r)
{
	struct reader *rd = ctx;
	if (r->index == 0) {
		for (int c = 0; c < 3; c++) {
			rd->cols[c] = -1;
			for (int h = 0; h < r->n; h++)
				if (!strcmp(r->f[h], csc_coverage_stage_header[c]))
					rd->cols[c] = h;
			if (rd->cols[c] < 0) {
				csc_error_at(rd->path, r->line, "no column %s", csc_coverage_stage_header[c]);
				return rd->bad = 1;
			}
		}
		return 0;
	}
	if (r->n <= rd->cols[0] || r->n <= rd->cols[1] || r->n <= rd->cols[2]) {
		csc_error_at(rd->path, r->line, "short row");
		return rd->bad = 1;
	}
	const char *v = r->f[rd->cols[2]];
	csc_date d;
	if (!*v)
		return 0;
	if (csc_date_parse_iso(v, strlen(v), &d) != 0) {
		csc_error_at(rd->path, r->line, "latest_event '%.20s' is not a date YYYY-MM-DD", v);
		return rd->bad = 1;
	}
	if (d > rd->in->latest) {
		rd->in->latest = d;
		snprintf(rd->in->found_in, sizeof rd->in->found_in, "%.60s %.30s", r->f[rd->cols[0]],
			 r->f[rd->cols[1]]);
	}
	return 0;
}

int csc_coverage_read(csc_coverage *cv, const char *staging_dir, int missing_ok)
{
	int rc = 0;
	for (int i = 0; i < CSC_NINPUTS; i++) {
		if (!cv->in[i].configured)
			continue;
		char name[64];
		snprintf(name, sizeof name, "coverage_%s.csv", cv->in[i].input);
		char *p = csc_path_join(staging_dir, name);
		struct reader rd = {p, &cv->in[i], {0}, 0};
		if (access(p, R_OK) != 0 && errno == ENOENT && missing_ok) {
			snprintf(cv->in[i].found_in, sizeof cv->in[i].found_in, "no %s", name);
		} else if (access(p, R_OK) != 0) {
			csc_error_at(p, 0, "%s is configured but has no coverage file (%s); run its extract again",
				     cv->in[i].key, strerror(errno));
			rc = -1;
		} else if (csc_csv_read(p, NULL, on_row, &rd) != 0 || rd.bad) {
			rc = -1;
		}
		free(p);
	}
	csc_coverage_settle(cv);
	return rc;
}

enum csc_cov_verdict csc_coverage_judge(const csc_coverage *cv, csc_date start, csc_date end)
{
	if (cv->data_to == CSC_NODATE || end <= cv->data_to)
		return CSC_COV_COMPLETE;
	return start > cv->data_to ? CSC_COV_NODATA : CSC_COV_PARTIAL;
}

csc_date csc_coverage_default_end(const csc_coverage *cv, csc_date today)
{
	csc_date clock = csc_month_first(today) - 1;
	if (cv->data_to == CSC_NODATE)
		return clock;
	csc_date d = cv->data_to == csc_month_last(cv->data_to) ? cv->data_to
		     : csc_month_first(cv->data_to) - 1;
	return d < clock ? d : clock;
}

const char *csc_coverage_says(const csc_coverage *cv, int i, char *buf, size_t cap)
{
	const csc_cov_input *in = &cv->in[i];
	char b[CSC_DATE_BUFSZ];
	if (cv->extracted != CSC_NODATE)
		snprintf(buf, cap, "%s runs to %s (data_extracted in pipeline.conf)", in->key,
			 csc_date_dmy(in->data_to, b));
	else if (in->latest != CSC_NODATE)
		snprintf(buf, cap, "%s runs to %s (its latest event date, %s)", in->key,
			 csc_date_dmy(in->data_to, b), in->found_in);
	else
		snprintf(buf, cap, "%s holds no dated record", in->key);
	return buf;
}

void csc_coverage_write(const csc_coverage *cv, csc_csvw *w, csc_date end)
{
	csc_csvw_header(w, csc_coverage_header);
	for (int i = 0; i < CSC_NINPUTS; i++) {
		const csc_cov_input *in = &cv->in[i];
		if (!in->configured)
			continue;
		csc_csvw_str(w, in->input);
		csc_csvw_date(w, in->latest);
		csc_csvw_str(w, cv->extracted != CSC_NODATE ? "data_extracted" : in->found_in);
		csc_csvw_date(w, in->data_to);
		csc_csvw_str(w, i == cv->limit ? "yes" : "no");
		csc_csvw_date(w, end);
		csc_csvw_str(w, in->data_to == CSC_NODATE ? "unknown"
				: end > in->data_to       ? "partial"
							  : "complete");
		csc_csvw_end(w);
	}
}
