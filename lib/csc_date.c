/* csc_date.c - see csc_date.h. Civil-date arithmetic after H. Hinnant's
 * public-domain days_from_civil algorithm, rewritten here. */
#include "csc_date.h"


static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int month_days(int y, int m)
{
	static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : dm[m - 1];
}

csc_date csc_date_make(int y, int m, int d)
{
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		return CSC_NODATE;
	y -= m <= 2;
	int era = y / 400; /* y >= 0 here */
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (csc_date)(era * 146097 + doe - 719468);
}

void csc_date_ymd(csc_date z0, int *y, int *m, int *d)
{
	int64_t z = (int64_t)z0 + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = (int)(z - era * 146097);
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yoe + era * 400) + (*m <= 2);
}

/* Read exactly n decimal digits; -1 on any other byte. */
static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Where the parts of a 10-character date stand: YYYY-MM-DD or DD/MM/YYYY. */
typedef struct layout {
	char sep;
	unsigned char y, m, d, sep1, sep2; /* offsets */
} layout;
static const layout ISO = {'-', 0, 5, 8, 4, 7}, DMY = {'/', 6, 3, 0, 2, 5};

static int parse(const char *s, size_t n, const layout *l, csc_date *out)
{
	if (n != 10 || s[l->sep1] != l->sep || s[l->sep2] != l->sep)
		return -1;
	int y = digits(s + l->y, 4), m = digits(s + l->m, 2), d = digits(s + l->d, 2);
	if (y < 0 || m < 0 || d < 0)
		return -1;
	csc_date v = csc_date_make(y, m, d);
	if (v == CSC_NODATE)
		return -1;
	*out = v;
	return 0;
}

int csc_date_parse_iso(const char *s, size_t n, csc_date *out) { return parse(s, n, &ISO, out); }
int csc_date_parse_dmy(const char *s, size_t n, csc_date *out) { return parse(s, n, &DMY, out); }

int csc_date_parse_any(const char *s, size_t n, csc_date *out)
{
	if (n == 10 && s[4] == '-')
		return csc_date_parse_iso(s, n, out);
	return csc_date_parse_dmy(s, n, out);
}

/* Write v as exactly n digits (dates are printed millions of times). */
static void put_digits(char *o, unsigned v, int n)
{
	for (int i = n - 1; i >= 0; i--, v /= 10)
		o[i] = (char)('0' + v % 10);
}

static char *format(csc_date d, const layout *l, char buf[CSC_DATE_BUFSZ])
{
	if (d == CSC_NODATE) {
		buf[0] = '\0';
		return buf;
	}
	int y, m, dd;
	csc_date_ymd(d, &y, &m, &dd);
	put_digits(buf + l->y, (unsigned)y % 10000u, 4);
	put_digits(buf + l->m, (unsigned)m, 2);
	put_digits(buf + l->d, (unsigned)dd, 2);
	buf[l->sep1] = buf[l->sep2] = l->sep;
	buf[10] = '\0';
	return buf;
}

char *csc_date_iso(csc_date d, char buf[CSC_DATE_BUFSZ]) { return format(d, &ISO, buf); }
char *csc_date_dmy(csc_date d, char buf[CSC_DATE_BUFSZ]) { return format(d, &DMY, buf); }

csc_date csc_date_add_months(csc_date d, int n)
{
	if (d == CSC_NODATE)
		return CSC_NODATE;
	int y, m, dd;
	csc_date_ymd(d, &y, &m, &dd);
	int idx = y * 12 + (m - 1) + n;
	int ny = idx / 12, nm = idx % 12 + 1;
	int last = month_days(ny, nm);
	return csc_date_make(ny, nm, dd > last ? last : dd);
}

int csc_date_age(csc_date dob, csc_date on)
{
	int by, bm, bd, y, m, d;
	csc_date_ymd(dob, &by, &bm, &bd);
	csc_date_ymd(on, &y, &m, &d);
	int age = y - by;
	if (m < bm || (m == bm && d < bd))
		age--;
	return age;
}

csc_date csc_date_birthday(csc_date dob, int n)
{
	int y, m, d;
	csc_date_ymd(dob, &y, &m, &d);
	csc_date b = csc_date_make(y + n, m, d);
	if (b == CSC_NODATE) /* 29 Feb in a common year */
		b = csc_date_make(y + n, 3, 1);
	return b;
}

int csc_date_weekday(csc_date d)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	int64_t w = ((int64_t)d + 3) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

csc_date csc_month_first(csc_date d)
{
	int y, m, dd;
	csc_date_ymd(d, &y, &m, &dd);
	return csc_date_make(y, m, 1);
}

csc_date csc_month_last(csc_date d)
{
	int y, m, dd;
	csc_date_ymd(d, &y, &m, &dd);
	return csc_date_make(y, m, month_days(y, m));
}

csc_date csc_fy_first(csc_date d)
{
	int y, m, dd;
	csc_date_ymd(d, &y, &m, &dd);
	return csc_date_make(m >= 4 ? y : y - 1, 4, 1);
}
