/* cin_value.c - checking one CIN value (see cin_value.h). */
#include <stdio.h>
#include <string.h>

#include "cin_value.h"
#include "csc_date.h"

static char *sex_v[] = {"M", "F", "U"};
static size_t sex_len[] = {1, 1, 1};
const cin_codes cin_sex_codes = {sex_v, sex_len, 3, 1, NULL, NULL};

/* Staged spelling of GenderCurrent codes: 1 male, 2 female, 0 not recorded
 * or unborn, 9 indeterminate (FORMATS.md: M/F/U). */
static const char *gender_to_sex(char c)
{
	return c == '1' ? "M" : c == '2' ? "F" : "U";
}

static int xml_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

void cin_trim(const char **s, size_t *n)
{
	while (*n && xml_space(**s))
		(*s)++, (*n)--;
	while (*n && xml_space((*s)[*n - 1]))
		(*n)--;
}

size_t cin_value_limit(int type, const cin_codes *codes)
{
	switch (type) {
	case CIN_V_ID: return CIN_ID_MAX;
	case CIN_V_TEXT: return CIN_TEXT_MAX;
	case CIN_V_DATE: return 10;
	case CIN_V_DATETIME: return 40;
	case CIN_V_UPN: return 13;
	case CIN_V_COUNT: return 4;
	case CIN_V_DIGITS: return 10;
	case CIN_V_SHORT: return CIN_SHORT_MAX;
	default: return codes ? codes->maxlen : 0;
	}
}

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return n > 0;
}

static int is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

/* "one of: 1A, 1B, ..." when the list is short enough to read, else a
 * pointer to the schema. */
static void list_codes(const cin_codes *c, char *buf, size_t sz)
{
	size_t used = (size_t)snprintf(buf, sz, "one of ");
	for (int i = 0; i < c->n; i++) {
		if (used + c->len[i] + 3 >= 90) {
			snprintf(buf, sz, "a code listed in the CIN XSD");
			return;
		}
		used += (size_t)snprintf(buf + used, sz - used, "%s%s", i ? ", " : "", c->v[i]);
	}
}

/* Header digit fields: XSD patterns \d{3} (LEA), \d{3}\d* (SerialNo), gYear. */
static const struct {
	const char *elem;
	size_t min, max;
} digit_len[] = {{"LEA", 3, 3}, {"SerialNo", 3, 10}, {"Year", 4, 4}};

static int check_digit_len(const char *elem, size_t n, char *reason)
{
	for (size_t i = 0; i < sizeof digit_len / sizeof digit_len[0]; i++)
		if (strcmp(elem, digit_len[i].elem) == 0 && (n < digit_len[i].min || n > digit_len[i].max)) {
			if (digit_len[i].min == digit_len[i].max)
				snprintf(reason, CIN_REASON_MAX, "must be %zu digits", digit_len[i].min);
			else
				snprintf(reason, CIN_REASON_MAX, "must be %zu digits or more", digit_len[i].min);
			return -1;
		}
	return 0;
}

static int check_date(const char *s, size_t n, char *reason)
{
	csc_date d;
	if (csc_date_parse_iso(s, n, &d) == 0)
		return 0;
	if (n == 10 && s[4] == '-' && s[7] == '-' && all_digits(s, 4) && all_digits(s + 5, 2) &&
	    all_digits(s + 8, 2))
		snprintf(reason, CIN_REASON_MAX, "not a real day");
	else if (csc_date_parse_dmy(s, n, &d) == 0)
		snprintf(reason, CIN_REASON_MAX, "date written DD/MM/YYYY; the CIN census uses YYYY-MM-DD");
	else
		snprintf(reason, CIN_REASON_MAX, "not a date in the form YYYY-MM-DD");
	return -1;
}

static int check_upn(const char *s, size_t n)
{
	return n == 13 && is_alpha(s[0]) && all_digits(s + 1, 11) &&
	       (all_digits(s + 12, 1) || is_alpha(s[12]));
}

int cin_value_check(int type, const cin_codes *codes, const char *elem, const char *s,
		    size_t n, char out[CIN_VAL_MAX], char reason[CIN_REASON_MAX])
{
	size_t limit = cin_value_limit(type, codes);
	char list[100];
	out[0] = '\0';
	if (limit && n > limit && type != CIN_V_CODE && type != CIN_V_BOOL &&
	    type != CIN_V_GENDER && type != CIN_V_SEX) {
		snprintf(reason, CIN_REASON_MAX, "%s is %zu characters long; at most %zu are allowed",
			 elem, n, limit);
		return -1;
	}
	switch (type) {
	case CIN_V_ID:
	case CIN_V_TEXT:
	case CIN_V_SHORT:
		for (size_t i = 0; i < n; i++)
			if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f) {
				snprintf(reason, CIN_REASON_MAX, "%s contains a control character", elem);
				return -1;
			}
		break;
	case CIN_V_DATE:
		if (check_date(s, n, reason))
			return -1;
		break;
	case CIN_V_DATETIME:
		if (n < 11 || s[10] != 'T' || check_date(s, 10, reason)) {
			snprintf(reason, CIN_REASON_MAX, "not a date and time (YYYY-MM-DDThh:mm:ss)");
			return -1;
		}
		break;
	case CIN_V_UPN:
		if (!check_upn(s, n)) {
			snprintf(reason, CIN_REASON_MAX,
				 "not a UPN (a letter, 11 digits, then a digit or a letter)");
			return -1;
		}
		break;
	case CIN_V_COUNT:
		if (!all_digits(s, n)) {
			snprintf(reason, CIN_REASON_MAX, "must be a whole number, 0 or more");
			return -1;
		}
		while (n > 1 && s[0] == '0') /* "01" is 1 */
			s++, n--;
		break;
	case CIN_V_DIGITS:
		if (!all_digits(s, n)) {
			snprintf(reason, CIN_REASON_MAX, "must be digits only");
			return -1;
		}
		if (check_digit_len(elem, n, reason))
			return -1;
		break;
	case CIN_V_CODE:
	case CIN_V_BOOL:
	case CIN_V_GENDER:
	case CIN_V_SEX:
		if (!codes || cin_codes_find(codes, s, n) < 0) {
			if (codes)
				list_codes(codes, list, sizeof list);
			else
				snprintf(list, sizeof list, "a code (the XSD has no list)");
			snprintf(reason, CIN_REASON_MAX, "not a valid %s: expected %s", elem, list);
			return -1;
		}
		if (type == CIN_V_BOOL) {
			strcpy(out, s[0] == 't' || s[0] == 'T' || s[0] == '1' ? "1" : "0");
			return 0;
		}
		if (type == CIN_V_GENDER) {
			strcpy(out, gender_to_sex(s[0]));
			return 0;
		}
		break;
	}
	if (n >= CIN_VAL_MAX) { /* header text: keep what fits */
		n = CIN_VAL_MAX - 1;
	}
	memcpy(out, s, n);
	out[n] = '\0';
	return 0;
}
