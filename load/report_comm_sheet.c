/* report_comm_sheet.c - the commentary section of a strand sheet, below its
 * table: progress, concerns and next steps for the report's month, then the
 * actions with owner, due date and action RAG, then the key to that RAG. */
#include <stdio.h>
#include <string.h>

#include "report_comm.h"
#include "report_ctx.h"

#define NONE_TEXT "no commentary supplied"
#define TEXT_W 55 /* report_strand.c's first column */
#define OWNER_W 12
#define KEY_COL 5 /* the key to the action RAG: its text, then the word 4 columns on */

static const struct { enum report_comm_kind kind; const char *head; } sections[] = {
	{REPORT_COMM_PROGRESS, "Within this reporting period: progress"},
	{REPORT_COMM_CONCERNS, "Within this reporting period: concerns"},
	{REPORT_COMM_NEXT, "Our next steps"}};

static const struct { const char *word; enum xl_fmt fmt; const char *meaning; } key[REPORT_COMM_NRAG] = {
	[REPORT_COMM_GREEN] = {"Green", XF_GREEN, "Green: on track to be done by the due date"},
	[REPORT_COMM_AMBER] = {"Amber", XF_AMBER, "Amber: at risk of missing the due date"},
	[REPORT_COMM_RED] = {"Red", XF_RED, "Red: off track or overdue"},
	[REPORT_COMM_BLUE] = {"Blue", XF_BLUE, "Blue: complete"}};

static int mine(const report *r, const report_tpl_sheet *sh, const report_comm_item *it, enum report_comm_kind k)
{
	return it->kind == k && it->month == r->period_end && !strcmp(it->strand, sh->name);
}

long report_commentary(report *r, const report_tpl_sheet *sh, lxw_worksheet *ws, long y)
{
	const report_comm *c = r->comm;
	static const char *const months[] = {"January", "February", "March", "April", "May",
					     "June", "July", "August", "September", "October",
					     "November", "December"};
	int yy, mm, dd;
	csc_date_ymd(r->period_end, &yy, &mm, &dd);
	char line[256];
	snprintf(line, sizeof line, "Commentary for %s %d", months[(mm - 1) % 12], yy);
	long key_row = y + 1;
	xl_text(r->b, ws, y++, 0, line, XF_SUBTITLE);
	if (!c)
		xl_text(r->b, ws, y++, 0,
			"No commentary file is named in pipeline.conf (key commentary).", XF_TEXT);
	for (size_t s = 0; s < sizeof sections / sizeof sections[0]; s++) {
		xl_text(r->b, ws, y++, 0, sections[s].head, XF_BOLD);
		int n = 0;
		for (size_t i = 0; c && i < c->n; i++)
			if (mine(r, sh, &c->it[i], sections[s].kind)) {
				xl_text_wrapped(r->b, ws, y++, 0, c->it[i].text, TEXT_W);
				n++;
			}
		if (!n)
			xl_text(r->b, ws, y++, 0, NONE_TEXT, XF_TEXT);
	}

	xl_text(r->b, ws, y++, 0, "Actions", XF_BOLD);
	static const char *const heads[] = {"Action", "Owner", "Due", "Action RAG"};
	long first = y, n = 0;
	for (size_t i = 0; c && i < c->n; i++)
		n += mine(r, sh, &c->it[i], REPORT_COMM_ACTION);
	char tname[64];
	snprintf(tname, sizeof tname, "Actions_%s", sh->name);
	xl_table(r->b, ws, tname, first, first + (n ? n : 1), 4, (const char *const *)heads);
	/* headers aligned with their cells, as in the strand table */
	xl_text(r->b, ws, first, 2, heads[2], XF_HEADER_NUM);
	xl_text(r->b, ws, first, 3, heads[3], XF_HEADER_MID);
	y = first + 1;
	if (!n)
		xl_text(r->b, ws, y++, 0, NONE_TEXT, XF_TEXT);
	for (size_t i = 0; c && i < c->n; i++) {
		const report_comm_item *it = &c->it[i];
		if (!mine(r, sh, it, REPORT_COMM_ACTION))
			continue;
		xl_text(r->b, ws, y, 0, it->text, XF_WRAP);
		xl_text(r->b, ws, y, 1, it->owner, XF_WRAP);
		xl_date(r->b, ws, y, 2, it->due);
		xl_text(r->b, ws, y, 3, key[it->rag].word, key[it->rag].fmt);
		const char *t[] = {it->text, it->owner};
		const double w[] = {TEXT_W, OWNER_W};
		double h = xl_wrap_height(t, w, 2);
		if (h > 0)
			worksheet_set_row(ws, (lxw_row_t)y, h, NULL);
		y++;
	}
	/* The key beside the sections above (columns KEY_COL on are empty
	 * there), not below them: a strand sheet prints on one page. */
	xl_text(r->b, ws, key_row, KEY_COL, "Key to the action RAG", XF_BOLD);
	for (int k = 0; k < REPORT_COMM_NRAG; k++) {
		xl_text(r->b, ws, key_row + 1 + k, KEY_COL, key[k].meaning, XF_TEXT);
		xl_text(r->b, ws, key_row + 1 + k, KEY_COL + 4, key[k].word, key[k].fmt);
	}
	return y;
}
