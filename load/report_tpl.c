/* report_tpl.c - see report_tpl.h and templates/README.md. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csc_diag.h"
#include "report_tpl.h"

#define MAX_ERRORS 20

struct named { const char *name; int value; };

static const struct named period_names[] = {
	{"months", REPORT_TPL_MONTHS}, {"quarters", REPORT_TPL_QUARTERS}, {NULL, 0}};
static const struct named compare_names[] = {
	{"month", REPORT_TPL_CMP_MONTH}, {"quarter", REPORT_TPL_CMP_QUARTER}, {"year", REPORT_TPL_CMP_YEAR}, {NULL, 0}};
static const struct named col_names[] = {
	{"good", REPORT_TPL_COL_GOOD}, {"periods", REPORT_TPL_COL_PERIODS}, {"target", REPORT_TPL_COL_TARGET},
	{"england", REPORT_TPL_COL_ENGLAND}, {"stat_neighbours", REPORT_TPL_COL_STATNB},
	{"region", REPORT_TPL_COL_REGION}, {"rag", REPORT_TPL_COL_RAG}, {"trend", REPORT_TPL_COL_TREND},
	{"notes", REPORT_TPL_COL_NOTES}, {"number", REPORT_TPL_COL_NUM}, {"out_of", REPORT_TPL_COL_DEN}, {NULL, 0}};

static const char *const col_headers[REPORT_TPL_NCOLKINDS] = {
	[REPORT_TPL_COL_GOOD] = "What good looks like",
	[REPORT_TPL_COL_PERIODS] = "(periods)",
	[REPORT_TPL_COL_TARGET] = "Target",
	[REPORT_TPL_COL_ENGLAND] = "England",
	[REPORT_TPL_COL_STATNB] = "Statistical neighbours",
	[REPORT_TPL_COL_REGION] = "Region",
	[REPORT_TPL_COL_RAG] = "RAG",
	[REPORT_TPL_COL_TREND] = "Trend",
	[REPORT_TPL_COL_NOTES] = "Notes",
	[REPORT_TPL_COL_NUM] = "Number (n)",
	[REPORT_TPL_COL_DEN] = "Out of (N)",
};

/* Sheets the program writes itself; a strand may not take their names. */
static const char *const reserved[] = {
	"Cover", "Contents", "Notes", "Definitions", "Data quality", "Rejected records",
	"DQ findings", "Chart data", "Drill-down", "History", NULL};

const char *report_tpl_col_header(enum report_tpl_col c)
{
	return (unsigned)c < REPORT_TPL_NCOLKINDS ? col_headers[c] : "";
}

int report_tpl_reserved_sheet(const char *name)
{
	for (int i = 0; reserved[i]; i++)
		if (!strcasecmp(name, reserved[i]))
			return 1;
	/* "Drill-down 2", "Drill-down 3", ... are the drill-down continuations. */
	return !strncasecmp(name, "Drill-down", 10);
}

struct parser {
	const char *name;
	long line;
	int errors;
	report_tpl *t;
	int seen_report, seen_periods, seen_columns, seen_compare, seen_title;
	int sheet_title_seen;
};

static void perr(struct parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void perr(struct parser *p, const char *fmt, ...)
{
	if (p->errors++ < MAX_ERRORS) {
		char buf[512];
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(buf, sizeof buf, fmt, ap);
		va_end(ap);
		csc_error_at(p->name, p->line, "%s", buf);
	}
	else if (p->errors == MAX_ERRORS + 1)
		csc_error_at(p->name, p->line, "too many errors, giving up");
}

/* Check one line is UTF-8 without control characters (TAB allowed); returns
 * the number of characters, or -1. Overlong forms and surrogates fail. */
static long utf8_chars(const unsigned char *s, size_t n)
{
	long chars = 0;
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		size_t k;
		unsigned cp;
		if (c < 0x80) {
			if ((c < 0x20 && c != '\t') || c == 0x7f)
				return -1;
			i++;
			chars++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) { k = 1; cp = c & 0x1f; }
		else if (c >= 0xe0 && c <= 0xef) { k = 2; cp = c & 0x0f; }
		else if (c >= 0xf0 && c <= 0xf4) { k = 3; cp = c & 0x07; }
		else return -1;
		if (i + k >= n)
			return -1;
		for (size_t j = 1; j <= k; j++) {
			if ((s[i + j] & 0xc0) != 0x80)
				return -1;
			cp = (cp << 6) | (s[i + j] & 0x3f);
		}
		if ((k == 2 && cp < 0x800) || (k == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return -1;
		i += k + 1;
		chars++;
	}
	return chars;
}

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	char *e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	*e = '\0';
	return s;
}

static int lookup(const struct named *tab, const char *v, int *out)
{
	for (int i = 0; tab[i].name; i++)
		if (!strcmp(tab[i].name, v)) {
			*out = tab[i].value;
			return 0;
		}
	return -1;
}

static int valid_id(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > REPORT_TPL_MAX_ID)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isupper((unsigned char)s[i]) && !isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

static int valid_report(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 32)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!islower((unsigned char)s[i]) && !isdigit((unsigned char)s[i]) && s[i] != '-')
			return 0;
	return 1;
}

/* Excel's rules for a sheet name, plus no apostrophe (it would need
 * quoting in every formula and link). */
static const char *sheet_name_problem(const char *s)
{
	long n = utf8_chars((const unsigned char *)s, strlen(s));
	if (n <= 0)
		return "sheet name is empty";
	if (n > REPORT_TPL_MAX_SHEETNAME)
		return "sheet name is longer than 31 characters";
	if (strpbrk(s, "[]:*?/\\'"))
		return "sheet name may not contain [ ] : * ? / \\ or '";
	if (report_tpl_reserved_sheet(s))
		return "sheet name is reserved for a fixed sheet";
	return NULL;
}

static void set_text(struct parser *p, char **dst, const char *v, const char *what)
{
	if (!*v) {
		perr(p, "%s is empty", what);
		return;
	}
	if (strlen(v) > REPORT_TPL_MAX_TEXT) {
		perr(p, "%s is longer than 1024 bytes", what);
		return;
	}
	free(*dst);
	*dst = csc_xstrdup(v);
}

static void parse_columns(struct parser *p, char *v)
{
	report_tpl *t = p->t;
	int seen[REPORT_TPL_NCOLKINDS] = {0};
	t->ncols = 0;
	for (char *tok = strtok(v, " \t,"); tok; tok = strtok(NULL, " \t,")) {
		int c;
		if (lookup(col_names, tok, &c)) {
			perr(p, "unknown column '%.40s' (good, periods, target, england, "
			     "stat_neighbours, region, rag, trend, notes)", tok);
			return;
		}
		if (seen[c]++) {
			perr(p, "column '%.40s' listed twice", tok);
			return;
		}
		if (t->ncols == REPORT_TPL_MAX_COLS) {
			perr(p, "too many columns%s", "");
			return;
		}
		t->cols[t->ncols++] = (enum report_tpl_col)c;
	}
	if (!seen[REPORT_TPL_COL_PERIODS])
		perr(p, "columns must include 'periods'%s", "");
}

static void parse_row(struct parser *p, char *v)
{
	report_tpl *t = p->t;
	report_tpl_sheet *sh = &t->sheets[t->nsheets - 1];
	char *f[5];
	int n = 0;
	char *s = v;
	for (;;) {
		char *bar = strchr(s, '|');
		if (n == 5) {
			perr(p, "row has more than 4 fields%s", "");
			return;
		}
		if (bar)
			*bar = '\0';
		f[n++] = trim(s);
		if (!bar)
			break;
		s = bar + 1;
	}
	if (n < 3) {
		perr(p, "row needs 'ID | breakdown | text [| chart]'%s", "");
		return;
	}
	if (!valid_id(f[0])) {
		perr(p, "bad measure ID '%.40s' (upper-case letters and digits)", f[0]);
		return;
	}
	if (strlen(f[1]) > REPORT_TPL_MAX_BREAKDOWN || strpbrk(f[1], "\t")) {
		perr(p, "bad breakdown '%.40s'", f[1]);
		return;
	}
	if (!*f[2] || strlen(f[2]) > REPORT_TPL_MAX_TEXT) {
		perr(p, "row text must be 1 to 1024 bytes%s", "");
		return;
	}
	/* The fourth field: words, each at most once, from this table. */
	static const char *const opts[] = {"chart", "number"};
	int opt[2] = {0, 0};
	for (char *w = n == 4 ? f[3] : NULL; w && *w;) {
		size_t len = strcspn(w, " \t");
		int k = -1;
		for (int i = 0; i < 2; i++)
			if (strlen(opts[i]) == len && !strncmp(w, opts[i], len))
				k = i;
		if (k < 0 || opt[k]) {
			perr(p, "the fourth field may hold 'chart' and 'number', each once (got '%.40s')",
			     f[3]);
			return;
		}
		opt[k] = 1;
		w += len;
		w += strspn(w, " \t");
	}
	int chart = opt[0];
	for (int i = 0; i < sh->nrows; i++)
		if (!strcmp(sh->rows[i].measure, f[0]) && !strcmp(sh->rows[i].breakdown, f[1]) &&
		    sh->rows[i].number == opt[1]) {
			char msg[128];
			snprintf(msg, sizeof msg, "row %s '%s' already on line %ld", f[0], f[1],
				 sh->rows[i].line);
			perr(p, "%s", msg);
			return;
		}
	if (sh->nrows == REPORT_TPL_MAX_ROWS) {
		perr(p, "more than 200 rows in one sheet%s", "");
		return;
	}
	sh->rows = csc_xrealloc(sh->rows, (size_t)(sh->nrows + 1) * sizeof *sh->rows);
	report_tpl_row *r = &sh->rows[sh->nrows++];
	memset(r, 0, sizeof *r);
	strcpy(r->measure, f[0]);
	strcpy(r->breakdown, f[1]);
	r->text = csc_xstrdup(f[2]);
	r->chart = chart;
	r->number = opt[1];
	r->line = p->line;
}

static void parse_section(struct parser *p, char *line)
{
	report_tpl *t = p->t;
	char *close = strrchr(line, ']');
	if (!close || close[1] != '\0') {
		perr(p, "section header must be '[Sheet name]'%s", "");
		return;
	}
	*close = '\0';
	char *name = trim(line + 1);
	const char *why = sheet_name_problem(name);
	if (why) {
		perr(p, "%s", why);
		return;
	}
	for (int i = 0; i < t->nsheets; i++)
		if (!strcasecmp(t->sheets[i].name, name)) {
			perr(p, "sheet '%s' defined twice", name);
			return;
		}
	if (t->nsheets == REPORT_TPL_MAX_SHEETS) {
		perr(p, "more than 32 sheets%s", "");
		return;
	}
	t->sheets = csc_xrealloc(t->sheets, (size_t)(t->nsheets + 1) * sizeof *t->sheets);
	report_tpl_sheet *sh = &t->sheets[t->nsheets++];
	memset(sh, 0, sizeof *sh);
	sh->name = csc_xstrdup(name);
	sh->line = p->line;
}

static void parse_global(struct parser *p, const char *key, char *v)
{
	report_tpl *t = p->t;
	int x;
	if (!strcmp(key, "report")) {
		if (p->seen_report++)
			perr(p, "'%s' set twice", key);
		else if (!valid_report(v))
			perr(p, "report name must be 1-32 of a-z, 0-9, - (got '%.40s')", v);
		else
			t->report = csc_xstrdup(v);
	} else if (!strcmp(key, "title")) {
		if (p->seen_title++)
			perr(p, "'%s' set twice", key);
		else
			set_text(p, &t->title, v, "title");
	} else if (!strcmp(key, "periods")) {
		if (p->seen_periods++)
			perr(p, "'%s' set twice", key);
		else if (lookup(period_names, v, &x))
			perr(p, "periods must be months or quarters (got '%.40s')", v);
		else
			t->periods = (enum report_tpl_periods)x;
	} else if (!strcmp(key, "compare")) {
		if (p->seen_compare++)
			perr(p, "'%s' set twice", key);
		else if (lookup(compare_names, v, &x))
			perr(p, "compare must be month, quarter or year (got '%.40s')", v);
		else
			t->compare = (enum report_tpl_compare)x;
	} else if (!strcmp(key, "columns")) {
		if (p->seen_columns++)
			perr(p, "'%s' set twice", key);
		else
			parse_columns(p, v);
	} else {
		perr(p, "unknown key '%.40s' before the first [sheet]", key);
	}
}

static void parse_line(struct parser *p, char *line)
{
	line = trim(line);
	if (!*line || *line == '#')
		return;
	if (*line == '[') {
		parse_section(p, line);
		p->sheet_title_seen = 0;
		return;
	}
	char *eq = strchr(line, '=');
	if (!eq) {
		perr(p, "expected 'key = value' or '[Sheet name]'%s", "");
		return;
	}
	*eq = '\0';
	char *key = trim(line), *v = trim(eq + 1);
	if (!p->t->nsheets) {
		parse_global(p, key, v);
		return;
	}
	report_tpl_sheet *sh = &p->t->sheets[p->t->nsheets - 1];
	if (!strcmp(key, "row"))
		parse_row(p, v);
	else if (!strcmp(key, "title")) {
		if (p->sheet_title_seen++)
			perr(p, "'%s' set twice in this sheet", key);
		else
			set_text(p, &sh->title, v, "title");
	} else
		perr(p, "unknown key '%.40s' in a sheet (title, row)", key);
}

static void finish(struct parser *p)
{
	report_tpl *t = p->t;
	if (!p->line)
		p->line = 1; /* an empty file: point at its first line */
	if (!p->seen_report)
		perr(p, "missing 'report ='%s", "");
	if (!p->seen_periods)
		perr(p, "missing 'periods ='%s", "");
	if (!p->seen_columns)
		perr(p, "missing 'columns ='%s", "");
	if (!p->seen_compare)
		t->compare = t->periods == REPORT_TPL_MONTHS ? REPORT_TPL_CMP_MONTH : REPORT_TPL_CMP_YEAR;
	if (!t->nsheets)
		perr(p, "no [sheet] sections%s", "");
	for (int i = 0; i < t->nsheets; i++) {
		report_tpl_sheet *sh = &t->sheets[i];
		if (!sh->nrows) {
			long keep = p->line;
			p->line = sh->line;
			perr(p, "sheet '%s' has no rows", sh->name);
			p->line = keep;
		}
		if (!sh->title)
			sh->title = csc_xstrdup(sh->name);
	}
	if (!t->title && t->report)
		t->title = csc_xstrdup(t->report);
}

report_tpl *report_tpl_parse(const char *name, const char *text, size_t len)
{
	struct parser p = {.name = name};
	p.t = csc_xcalloc(1, sizeof *p.t);
	p.t->path = csc_xstrdup(name);
	char *buf = csc_xmalloc(REPORT_TPL_MAX_LINE + 1);
	size_t pos = 0;
	if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3))
		pos = 3; /* a BOM from a Windows editor is harmless */
	while (pos < len && p.errors <= MAX_ERRORS) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - (text + pos)) : len - pos;
		p.line++;
		size_t keep = n;
		if (n && text[pos + n - 1] == '\r')
			n--;
		if (n > REPORT_TPL_MAX_LINE)
			perr(&p, "line longer than %s bytes", "4096");
		else if (utf8_chars((const unsigned char *)text + pos, n) < 0)
			perr(&p, "line is not UTF-8 text (control character, NUL or bad byte)%s", "");
		else {
			memcpy(buf, text + pos, n);
			buf[n] = '\0';
			parse_line(&p, buf);
		}
		pos += keep + 1;
	}
	free(buf);
	if (p.errors <= MAX_ERRORS)
		finish(&p);
	if (p.errors) {
		report_tpl_free(p.t);
		return NULL;
	}
	return p.t;
}

char *report_tpl_slurp(const char *path, const char *what, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		csc_error_at(path, 0, "cannot open %s: %m", what);
		return NULL;
	}
	size_t cap = REPORT_TPL_MAX_FILE, got;
	*len = 0;
	char *buf = csc_xmalloc(cap + 1);
	while (*len <= cap && (got = fread(buf + *len, 1, cap + 1 - *len, f)) > 0)
		*len += got;
	int err = ferror(f);
	fclose(f);
	if (err || *len > cap) {
		if (err)
			csc_error_at(path, 0, "cannot read %s", what);
		else
			csc_error_at(path, 0, "%s is larger than 1 MiB", what);
		free(buf);
		return NULL;
	}
	return buf;
}

report_tpl *report_tpl_load(const char *path)
{
	size_t len;
	char *buf = report_tpl_slurp(path, "template", &len);
	if (!buf)
		return NULL;
	report_tpl *t = report_tpl_parse(path, buf, len);
	free(buf);
	return t;
}

void report_tpl_free(report_tpl *t)
{
	if (!t)
		return;
	for (int i = 0; i < t->nsheets; i++) {
		for (int j = 0; j < t->sheets[i].nrows; j++)
			free(t->sheets[i].rows[j].text);
		free(t->sheets[i].rows);
		free(t->sheets[i].name);
		free(t->sheets[i].title);
	}
	free(t->sheets);
	free(t->path);
	free(t->report);
	free(t->title);
	free(t);
}
