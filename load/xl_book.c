/* xl_book.c - see xl_book.h. */
#include <ctype.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csc_diag.h"
#include "xl_book.h"

#define EXCEL_MAX_STRING 32767
/* Row height in points for a 16-point title (XF_TITLE): the font and its leading. */
#define XL_TITLE_HEIGHT 21

void xl_check(xl_book *b, lxw_error e)
{
	if (e != LXW_NO_ERROR && !b->error)
		b->error = (int)e;
}

double xl_serial(csc_date d)
{
	return (double)d + 25569.0; /* 1970-01-01 is Excel day 25569 */
}

static lxw_format *mkfmt(lxw_workbook *wb, const char *num, int bold, int wrap,
			 lxw_color_t fg, lxw_color_t bg, double size)
{
	lxw_format *f = workbook_add_format(wb);
	format_set_font_name(f, "Arial");
	format_set_font_size(f, size);
	if (num)
		format_set_num_format(f, num);
	if (bold)
		format_set_bold(f);
	if (wrap)
		format_set_text_wrap(f);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (fg)
		format_set_font_color(f, fg);
	if (bg) {
		format_set_pattern(f, LXW_PATTERN_SOLID);
		format_set_bg_color(f, bg);
	}
	return f;
}

static void make_formats(xl_book *b)
{
	lxw_workbook *wb = b->wb;
	b->fmt[XF_NONE] = NULL;
	b->fmt[XF_TITLE] = mkfmt(wb, NULL, 1, 0, 0, 0, 16);
	b->fmt[XF_SUBTITLE] = mkfmt(wb, NULL, 1, 0, 0, 0, 12);
	b->fmt[XF_TEXT] = mkfmt(wb, NULL, 0, 0, 0, 0, 10);
	b->fmt[XF_WRAP] = mkfmt(wb, NULL, 0, 1, 0, 0, 10);
	b->fmt[XF_BOLD] = mkfmt(wb, NULL, 1, 0, 0, 0, 10);
	b->fmt[XF_HEADER] = mkfmt(wb, NULL, 1, 1, 0, 0, 10);
	b->fmt[XF_COUNT] = mkfmt(wb, "#,##0", 0, 0, 0, 0, 10);
	b->fmt[XF_PCT] = mkfmt(wb, "0.0%", 0, 0, 0, 0, 10);
	b->fmt[XF_RATE] = mkfmt(wb, "0.0", 0, 0, 0, 0, 10);
	b->fmt[XF_DATE] = mkfmt(wb, "yyyy-mm-dd", 0, 0, 0, 0, 10);
	b->fmt[XF_NOTE_NUM] = mkfmt(wb, NULL, 0, 0, 0, 0, 10);
	format_set_align(b->fmt[XF_NOTE_NUM], LXW_ALIGN_RIGHT);
	/* RAG fills from Excel's own good/neutral/bad styles: dark text on a
	 * light fill keeps the word readable in print and for colour-blind
	 * readers, who read the word. */
	b->fmt[XF_GREEN] = mkfmt(wb, NULL, 1, 0, 0x006100, 0xC6EFCE, 10);
	b->fmt[XF_AMBER] = mkfmt(wb, NULL, 1, 0, 0x9C5700, 0xFFEB9C, 10);
	b->fmt[XF_RED] = mkfmt(wb, NULL, 1, 0, 0x9C0006, 0xFFC7CE, 10);
	b->fmt[XF_LINK] = mkfmt(wb, NULL, 0, 0, 0x0563C1, 0, 10);
	format_set_underline(b->fmt[XF_LINK], LXW_UNDERLINE_SINGLE);
	b->fmt[XF_MARKING] = mkfmt(wb, NULL, 1, 0, 0xC00000, 0, 12);
	b->fmt[XF_COUNT_PLAIN] = mkfmt(wb, "0", 0, 0, 0, 0, 10);
	/* a line number followed by text: centred, clear of it */
	format_set_align(b->fmt[XF_COUNT_PLAIN], LXW_ALIGN_CENTER);
	b->fmt[XF_HEADER_NUM] = mkfmt(wb, NULL, 1, 1, 0, 0, 10);
	format_set_align(b->fmt[XF_HEADER_NUM], LXW_ALIGN_RIGHT);
	b->fmt[XF_HEADER_MID] = mkfmt(wb, NULL, 1, 1, 0, 0, 10);
	format_set_align(b->fmt[XF_HEADER_MID], LXW_ALIGN_CENTER);
	b->fmt[XF_CENTER] = mkfmt(wb, NULL, 0, 0, 0, 0, 10);
	format_set_align(b->fmt[XF_CENTER], LXW_ALIGN_CENTER);
	b->fmt[XF_BLUE] = mkfmt(wb, NULL, 1, 0, 0x1F4E78, 0xDDEBF7, 10);
	format_set_align(b->fmt[XF_BLUE], LXW_ALIGN_CENTER);
	/* a date on a cover reads as a date, next to its label rather than
	 * right-aligned at the far side of a wide value column */
	b->fmt[XF_DATE_LEFT] = mkfmt(wb, "d mmmm yyyy", 0, 0, 0, 0, 10);
	format_set_align(b->fmt[XF_DATE_LEFT], LXW_ALIGN_LEFT);
	/* right-aligned, a date ran into the text of the next column
	 * ("2013-03-11working days from...") */
	b->fmt[XF_DATE_MID] = mkfmt(wb, "yyyy-mm-dd", 0, 0, 0, 0, 10);
	format_set_align(b->fmt[XF_DATE_MID], LXW_ALIGN_CENTER);
	for (int f = XF_GREEN; f <= XF_RED; f++)
		format_set_align(b->fmt[f], LXW_ALIGN_CENTER);
}

static char *tmp_name(const char *path)
{
	size_t n = strlen(path) + 32;
	char *t = csc_xmalloc(n);
	snprintf(t, n, "%s.tmp.%ld", path, (long)getpid());
	return t;
}

static xl_book *open_book(const char *path, const char *title, const char *company,
			  const char *comments, csc_date created, int streaming)
{
	xl_book *b = csc_xcalloc(1, sizeof *b);
	b->path = csc_xstrdup(path);
	b->tmp = tmp_name(path);
	/* libxlsxwriter opens the temporary with fopen: refuse a link planted
	 * at its name rather than write through it */
	struct stat st;
	if (lstat(b->tmp, &st) == 0 && S_ISLNK(st.st_mode)) {
		csc_error_at(b->tmp, 0, "is a symbolic link; cscpipe never writes through a link");
		free(b->path);
		free(b->tmp);
		free(b);
		return NULL;
	}
	lxw_workbook_options opt = {.constant_memory = streaming ? LXW_TRUE : LXW_FALSE,
				    .tmpdir = NULL, .use_zip64 = LXW_FALSE};
	b->wb = workbook_new_opt(b->tmp, &opt);
	if (!b->wb) {
		csc_error_at(path, 0, "cannot start the workbook");
		free(b->path);
		free(b->tmp);
		free(b);
		return NULL;
	}
	make_formats(b);
	lxw_doc_properties props = {
		.title = (char *)title,
		.subject = "Children's social care performance",
		.author = "cscpipe",
		.manager = "",
		.company = (char *)company,
		.category = XL_MARKING,
		.keywords = "children's social care, " XL_MARKING,
		.comments = (char *)comments,
		.status = XL_MARKING,
		.hyperlink_base = "",
		/* Midnight UTC on the last day of the period: the data's date, not
		 * the clock's, so two runs give the same bytes. */
		.created = (time_t)created * 86400,
	};
	xl_check(b, workbook_set_properties(b->wb, &props));
	return b;
}

xl_book *xl_open(const char *path, const char *title, const char *company, csc_date created)
{
	return open_book(path, title, company,
			 "Generated by cscpipe from measures.csv; figures are not edited by hand.",
			 created, 0);
}

xl_book *xl_open_streaming(const char *path, const char *title, const char *company,
			   const char *comments, csc_date created)
{
	return open_book(path, title, company, comments, created, 1);
}

static int sync_file(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

int xl_close(xl_book *b)
{
	lxw_error e = workbook_close(b->wb);
	b->wb = NULL;
	if (!b->error && e != LXW_NO_ERROR)
		b->error = (int)e;
	if (b->error) {
		csc_error_at(b->path, 0, "workbook not written: %s", lxw_strerror((lxw_error)b->error));
		unlink(b->tmp);
		return -1;
	}
	if (sync_file(b->tmp)) {
		csc_error_at(b->path, 0, "cannot write the workbook: %m");
		unlink(b->tmp);
		b->error = (int)LXW_ERROR_CREATING_XLSX_FILE;
		return -1;
	}
	return 0;
}

int xl_publish(xl_book *b)
{
	int rc = 0;
	if (b->wb || b->error || rename(b->tmp, b->path)) {
		if (!b->wb && !b->error)
			csc_error_at(b->path, 0, "cannot put the workbook in place: %m");
		rc = -1;
		xl_discard(b);
		return rc;
	}
	free(b->path);
	free(b->tmp);
	free(b);
	return rc;
}

void xl_discard(xl_book *b)
{
	if (!b)
		return;
	if (b->wb) {
		/* Closing is the only way to release libxlsxwriter's temporaries. */
		workbook_close(b->wb);
	}
	unlink(b->tmp);
	free(b->path);
	free(b->tmp);
	free(b);
}

void xl_handover(xl_book *b)
{
	/* workbook_close would write an empty workbook over the builder's file;
	 * an unbuilt in-memory workbook has no temporaries of its own. */
	if (b->wb)
		lxw_workbook_free(b->wb);
	b->wb = NULL;
}

void xl_free(xl_book *b)
{
	if (!b)
		return;
	xl_handover(b);
	free(b->path);
	free(b->tmp);
	free(b);
}

lxw_worksheet *xl_sheet(xl_book *b, const char *name)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
	if (!ws) {
		xl_check(b, LXW_ERROR_SHEETNAME_ALREADY_USED);
		return NULL;
	}
	lxw_header_footer_options hf = {.margin = 0.3};
	xl_check(b, worksheet_set_header_opt(ws, "&C&\"Arial,Bold\"&KC00000" XL_MARKING, &hf));
	xl_check(b, worksheet_set_footer_opt(ws, "&L&A&C&\"Arial,Bold\"&KC00000" XL_MARKING
					     "&RPage &P of &N", &hf));
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);
	return ws;
}

/* Cut s to at most max bytes without splitting a UTF-8 sequence. */
static size_t utf8_cut(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	size_t k = max;
	while (k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80)
		k--;
	return k;
}

void xl_title(xl_book *b, lxw_worksheet *ws, long row, const char *s)
{
	xl_text(b, ws, row, 0, s, XF_TITLE);
	if (ws)
		worksheet_set_row(ws, (lxw_row_t)row, XL_TITLE_HEIGHT, NULL);
}

void xl_text(xl_book *b, lxw_worksheet *ws, long row, int col, const char *s, enum xl_fmt f)
{
	if (!s || !*s || !ws)
		return;
	size_t n = strlen(s), k = utf8_cut(s, n, EXCEL_MAX_STRING);
	if (k == n) {
		xl_check(b, worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, s, b->fmt[f]));
		return;
	}
	char *cut = csc_xstrndup(s, k);
	xl_check(b, worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, cut, b->fmt[f]));
	free(cut);
}

void xl_num(xl_book *b, lxw_worksheet *ws, long row, int col, double v, enum xl_fmt f)
{
	if (ws)
		xl_check(b, worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v, b->fmt[f]));
}

void xl_date(xl_book *b, lxw_worksheet *ws, long row, int col, csc_date d)
{
	if (d != CSC_NODATE)
		xl_num(b, ws, row, col, xl_serial(d), XF_DATE);
}

void xl_link(xl_book *b, lxw_worksheet *ws, long row, int col, const char *target,
	     const char *text)
{
	char url[128];
	/* Sheet names never hold an apostrophe (report_tpl.c refuses it). */
	snprintf(url, sizeof url, "internal:'%s'!A1", target);
	xl_check(b, worksheet_write_url_opt(ws, (lxw_row_t)row, (lxw_col_t)col, url,
					    b->fmt[XF_LINK], text, NULL));
}

void xl_table(xl_book *b, lxw_worksheet *ws, const char *name, long first, long last,
	      int ncols, const char *const *headers)
{
	if (!ws)
		return;
	char tname[64];
	int k = 0;
	for (const char *p = name; *p && k < 40; p++)
		tname[k++] = isalnum((unsigned char)*p) ? *p : '_';
	if (!k || !isalpha((unsigned char)tname[0]))
		tname[k = 0] = 'T', k = 1;
	snprintf(tname + k, sizeof tname - (size_t)k, "_%d", ++b->tables);

	lxw_table_column *cols = csc_xcalloc((size_t)ncols, sizeof *cols);
	lxw_table_column **pcols = csc_xcalloc((size_t)ncols + 1, sizeof *pcols);
	for (int i = 0; i < ncols; i++) {
		cols[i].header = (char *)headers[i];
		cols[i].header_format = b->fmt[XF_HEADER];
		pcols[i] = &cols[i];
	}
	lxw_table_options opt = {.name = tname, .style_type = LXW_TABLE_STYLE_TYPE_LIGHT,
				 .style_type_number = 1, .columns = pcols};
	xl_check(b, worksheet_add_table(ws, (lxw_row_t)first, 0, (lxw_row_t)last,
					(lxw_col_t)(ncols - 1), &opt));
	free(pcols);
	free(cols);
}

/* Advance widths of Arial (metric-compatible with Helvetica and Liberation
 * Sans) for ' ' to '~', in 1/1000 of the font size: the formats' font. */
static const short arial_w[95] = {
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, /*  !"#$%&'()*+,-./ */
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, /* 0-9:;<=>? */
	1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, /* @A-O */
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, /* P-Z[\]^_ */
	333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, /* `a-o */
	556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584};     /* p-z{|}~ */

/* Width of one character starting at s, in thousandths of the font size;
 * *len its bytes. A character beyond ASCII counts as a wide letter. */
static int char_w(const char *s, int *len)
{
	unsigned char c = (unsigned char)*s;
	if (c >= 32 && c < 127) {
		*len = 1;
		return arial_w[c - 32];
	}
	int n = 1;
	while (s[n] && ((unsigned char)s[n] & 0xc0) == 0x80)
		n++;
	*len = n;
	return 667;
}

/* Lines s takes when wrapped at width (thousandths of the font size):
 * words are never split unless longer than a line, as spreadsheet
 * wrapping does; a line break in the text (commentary) starts a new line. */
static int wrap_lines(const char *s, double width)
{
	int lines = 1;
	double used = 0, space = arial_w[0];
	while (*s) {
		while (*s == ' ' || *s == '\n') {
			if (*s++ == '\n') {
				lines++;
				used = 0;
			}
		}
		double w = 0;
		while (*s && *s != ' ' && *s != '\n') {
			int len;
			w += char_w(s, &len);
			s += len;
		}
		if (w == 0)
			break;
		if (used > 0 && used + space + w > width) {
			lines++;
			used = 0;
		}
		used += (used > 0 ? space : 0) + w;
		while (used > width) { /* a word longer than the line */
			lines++;
			used -= width;
		}
	}
	return lines;
}

double xl_wrap_height(const char *const *texts, const double *widths, int n)
{
	/* A column's text area is its pixels less about 6 of cell margins;
	 * 10-point text at 96 dpi is 13.33 pixels to the em. */
	int lines = 1;
	for (int i = 0; i < n; i++) {
		double em = (xl_col_px(widths[i]) - 6) / (10 * 96.0 / 72) * 1000;
		int k = texts[i] ? wrap_lines(texts[i], em) : 1;
		if (k > lines)
			lines = k;
	}
	return lines > 1 ? 12.75 * lines + 2 : 0;
}

void xl_text_wrapped(xl_book *b, lxw_worksheet *ws, long row, int col, const char *s,
		     double width)
{
	xl_text(b, ws, row, col, s, XF_WRAP);
	const char *t[] = {s};
	double h = xl_wrap_height(t, &width, 1);
	if (h > 0 && ws)
		worksheet_set_row(ws, (lxw_row_t)row, h, NULL);
}

/* A4 landscape, 11.69 x 8.27 inches, less libxlsxwriter's default margins
 * (0.7 inch left and right, 0.75 top and bottom; header and footer sit in
 * the top and bottom margins). */
#define PAGE_W_PX ((11.69 - 1.4) * 96)
#define PAGE_H_PT ((8.27 - 1.5) * 72)
/* The share of the page height the plan fills: LibreOffice and Excel lay
 * rows out a little differently from this estimate. */
#define PAGE_FILL 0.98

double xl_col_px(double w)
{
	/* libxlsxwriter's conversion (worksheet.c, _size_col) */
	if (w < 1)
		return (double)(int)(w * 12 + 0.5);
	return (double)(int)(w * 7 + 0.5) + 5;
}

int xl_fit_scale(const double *widths, int ncols)
{
	double px = 0;
	for (int i = 0; i < ncols; i++)
		px += xl_col_px(widths[i]);
	if (px <= PAGE_W_PX)
		return 100;
	int s = (int)(100 * PAGE_W_PX / px);
	return s < 10 ? 10 : s;
}

static double row_pt(lxw_worksheet *ws, long row)
{
	lxw_row *r = lxw_worksheet_find_row(ws, (lxw_row_t)row);
	return r ? r->height : LXW_DEF_ROW_HEIGHT;
}

void xl_keep_blocks(xl_book *b, lxw_worksheet *ws, int scale, long repeat_row,
		    const long *first, const long *rows, int n)
{
	if (!ws || n < 1)
		return;
	/* page height in unscaled points */
	double page = PAGE_H_PT * PAGE_FILL * 100.0 / scale;
	double head = repeat_row >= 0 ? row_pt(ws, repeat_row) : 0;
	lxw_row_t *breaks = csc_xcalloc((size_t)n + 1, sizeof *breaks);
	int nb = 0;
	double used = 0;
	long y = 0;
	for (int i = 0; i < n; i++) {
		for (; y < first[i]; y++) {
			double h = row_pt(ws, y);
			if (used + h > page && used > head)
				used = head; /* the program breaks before this row */
			used += h;
		}
		double block = 0;
		for (long k = 0; k < rows[i]; k++)
			block += row_pt(ws, first[i] + k);
		if (used + block > page && used > head && nb < 1023) {
			breaks[nb++] = (lxw_row_t)first[i];
			used = head;
		}
		used += block;
		y = first[i] + rows[i];
	}
	if (nb)
		xl_check(b, worksheet_set_h_pagebreaks(ws, breaks));
	free(breaks);
}
