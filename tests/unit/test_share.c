/* csc-share's pieces against hand-worked answers: HMAC-SHA-256 against the
 * RFC 4231 vectors, pseudonyms, postcode sectors, month truncation, key file
 * refusals and one staging table through the regional profile. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "capture.h"
#include "csc_cin_stage.h"
#include "csc_diag.h"
#include "share/share_extract.h"
#include "share/share_key.h"
#include "share/share_profile.h"
#include "share/share_value.h"

static void mac_hex(const unsigned char *k, size_t kn, const char *d, size_t dn, char out[65])
{
	unsigned char mac[32];
	assert_int_equal(share_hmac(k, kn, d, dn, mac), 0);
	for (int i = 0; i < 32; i++)
		sprintf(out + 2 * i, "%02x", mac[i]);
}

/* RFC 4231 section 4, HMAC-SHA-256 of test cases 1-4, 6 and 7 (5 is
 * truncated: test_pseudonym). */
static void test_hmac_rfc4231(void **state)
{
	(void)state;
	unsigned char k[131];
	char d[160], h[65];

	memset(k, 0x0b, 20);
	mac_hex(k, 20, "Hi There", 8, h);
	assert_string_equal(h, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");

	mac_hex((const unsigned char *)"Jefe", 4, "what do ya want for nothing?", 28, h);
	assert_string_equal(h, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");

	memset(k, 0xaa, 20);
	memset(d, 0xdd, 50);
	mac_hex(k, 20, d, 50, h);
	assert_string_equal(h, "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");

	for (int i = 0; i < 25; i++)
		k[i] = (unsigned char)(i + 1);
	memset(d, 0xcd, 50);
	mac_hex(k, 25, d, 50, h);
	assert_string_equal(h, "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");

	memset(k, 0xaa, 131);
	const char *t6 = "Test Using Larger Than Block-Size Key - Hash Key First";
	mac_hex(k, 131, t6, strlen(t6), h);
	assert_string_equal(h, "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");

	const char *t7 = "This is a test using a larger than block-size key and a larger than "
			 "block-size data. The key needs to be hashed before being used by the "
			 "HMAC algorithm.";
	mac_hex(k, 131, t7, strlen(t7), h);
	assert_string_equal(h, "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

static void test_pseudonym(void **state)
{
	(void)state;
	unsigned char k[20];
	char p[SHARE_PSEUDO_HEX + 1], q[SHARE_PSEUDO_HEX + 1];
	/* RFC 4231 case 5 gives the first 128 bits: a3b6167473100ee06e0c796c2955552b */
	memset(k, 0x0c, 20);
	assert_int_equal(share_pseudonym(k, 20, "Test With Truncation", 20, p), 0);
	assert_string_equal(p, "a3b6167473100ee06e0c");
	/* case 1's key and data */
	memset(k, 0x0b, 20);
	assert_int_equal(share_pseudonym(k, 20, "Hi There", 8, p), 0);
	assert_string_equal(p, "b0344c61d8db38535ca8");
	/* only the n bytes given count */
	assert_int_equal(share_pseudonym(k, 20, "Hi ThereXYZ", 8, q), 0);
	assert_string_equal(q, p);
	/* no identifier stays no identifier */
	assert_int_equal(share_pseudonym(k, 20, "", 0, p), 0);
	assert_string_equal(p, "");
	/* another key, another pseudonym */
	k[19] ^= 1;
	assert_int_equal(share_pseudonym(k, 20, "Hi There", 8, q), 0);
	assert_string_not_equal(q, "b0344c61d8db38535ca8");
}

static const char *sector(const char *s)
{
	static char out[9];
	memset(out, 'x', sizeof out);
	share_sector(s, strlen(s), out);
	return out;
}

static void test_sector(void **state)
{
	(void)state;
	/* every outward shape: A9, A99, AA9, AA99, A9A, AA9A */
	assert_string_equal(sector("M1 1AE"), "M1 1");
	assert_string_equal(sector("B33 8TH"), "B33 8");
	assert_string_equal(sector("CR2 6XH"), "CR2 6");
	assert_string_equal(sector("DN55 1PT"), "DN55 1");
	assert_string_equal(sector("W1A 0AX"), "W1A 0");
	assert_string_equal(sector("EC1A 1BB"), "EC1A 1");
	/* lower case, no space, spaces around and doubled */
	assert_string_equal(sector("sw1a 1aa"), "SW1A 1");
	assert_string_equal(sector("SW1A1AA"), "SW1A 1");
	assert_string_equal(sector("m11ae"), "M1 1");
	assert_string_equal(sector("  Ec1a   1bB "), "EC1A 1");
	/* already a sector */
	assert_string_equal(sector("SW1A 1"), "SW1A 1");
	assert_string_equal(sector("ab1 2"), "AB1 2");
	/* unparseable: blank */
	assert_string_equal(sector(""), "");
	assert_string_equal(sector("   "), "");
	assert_string_equal(sector("SW1A"), "");        /* outward code only */
	assert_string_equal(sector("SW1A1"), "");       /* no space: sector or outward? */
	assert_string_equal(sector("SW1A 1A"), "");     /* inward of two */
	assert_string_equal(sector("SW1A 11A"), "");    /* inward 9AA */
	assert_string_equal(sector("SW1A-1AA"), "");    /* other characters */
	assert_string_equal(sector("SW1A 1AA X"), "");  /* a third part */
	assert_string_equal(sector("S W1A1AA"), "");    /* space inside the outward code */
	assert_string_equal(sector("1W1A 1AA"), "");    /* starts with a digit */
	assert_string_equal(sector("SWWA 1AA"), "");    /* no digit in the outward code */
	assert_string_equal(sector("SW1AA 1AA"), "");   /* outward of five */
	assert_string_equal(sector("N/A"), "");
	assert_string_equal(sector("NOT KNOWN"), "");
	assert_string_equal(sector("SW1A 1\xc3\x84" "A"), "");
	assert_string_equal(sector("SW1A1AAAAAAAAAAAAAAAAAAA"), "");
	/* bytes after n are not read */
	char out[9];
	share_sector("M1 1AEXX", 6, out);
	assert_string_equal(out, "M1 1");
}

static void test_month(void **state)
{
	(void)state;
	char out[11];
	assert_int_equal(share_month("2024-02-29", 10, out), 0); /* leap day */
	assert_string_equal(out, "2024-02-01");
	assert_int_equal(share_month("2024-12-31", 10, out), 0);
	assert_string_equal(out, "2024-12-01");
	assert_int_equal(share_month("2024-03-01", 10, out), 0);
	assert_string_equal(out, "2024-03-01");
	assert_int_equal(share_month("", 0, out), 0);
	assert_string_equal(out, "");
	assert_int_equal(share_month("2023-02-29", 10, out), -1); /* not a leap year */
	assert_int_equal(share_month("29/02/2024", 10, out), -1);
	assert_int_equal(share_month("2024-02", 7, out), -1);
	assert_int_equal(share_month("2024-02-29x", 11, out), -1);
	assert_int_equal(share_month("2024-13-01", 10, out), -1);
}

static char tmpd[64];

static void put(const char *name, const char *bytes, size_t n, mode_t mode)
{
	char p[128];
	snprintf(p, sizeof p, "%s/%s", tmpd, name);
	FILE *f = fopen(p, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, n, f), n);
	fclose(f);
	assert_int_equal(chmod(p, mode), 0);
}

/* Load name; returns the message printed (empty when accepted). */
static const char *load(const char *name, share_key *k)
{
	char p[128];
	snprintf(p, sizeof p, "%s/%s", tmpd, name);
	capture_start();
	int rc = share_key_load(p, k);
	const char *msg = capture_end();
	assert_int_equal(rc, msg[0] ? -1 : 0);
	return msg;
}

static void test_key_file(void **state)
{
	(void)state;
	strcpy(tmpd, "/tmp/test_share.XXXXXX");
	assert_non_null(mkdtemp(tmpd));
	char key[4097];
	memset(key, 'k', sizeof key);
	share_key k;

	put("good", key, 32, 0600);
	assert_string_equal(load("good", &k), "");
	assert_int_equal(k.n, 32);
	assert_memory_equal(k.k, key, 32);
	put("owner-ro", key, 4096, 0400);
	assert_string_equal(load("owner-ro", &k), "");
	assert_int_equal(k.n, 4096);

	assert_non_null(strstr(load("missing", &k), "No such file"));
	put("empty", key, 0, 0600);
	assert_non_null(strstr(load("empty", &k), "refused: empty"));
	put("short", key, 31, 0600);
	assert_non_null(strstr(load("short", &k), "shorter than 32 bytes"));
	assert_int_equal(k.n, 0);
	put("long", key, 4097, 0600);
	assert_non_null(strstr(load("long", &k), "longer than 4096"));
	static const mode_t open_modes[] = {0640, 0620, 0604, 0602, 0610, 0601, 0666};
	for (size_t i = 0; i < sizeof open_modes / sizeof open_modes[0]; i++) {
		put("open", key, 32, open_modes[i]);
		assert_non_null(strstr(load("open", &k), "by group or others"));
	}
	char link[128], dir[128];
	snprintf(link, sizeof link, "%s/link", tmpd);
	assert_int_equal(symlink("good", link), 0);
	assert_non_null(strstr(load("link", &k), "symbolic link"));
	snprintf(dir, sizeof dir, "%s/dir", tmpd);
	assert_int_equal(mkdir(dir, 0700), 0);
	assert_non_null(strstr(load("dir", &k), "not a regular file"));

	unlink(link);
	rmdir(dir);
	static const char *const files[] = {"good", "owner-ro", "empty", "short", "long", "open"};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char p[128];
		snprintf(p, sizeof p, "%s/%s", tmpd, files[i]);
		unlink(p);
	}
	rmdir(tmpd);
}

static const share_file *regional_file(const char *name)
{
	const share_profile *p = share_profile_find("regional");
	assert_non_null(p);
	for (int i = 0; i < p->nfiles; i++)
		if (!strcmp(p->files[i].staging, name))
			return &p->files[i];
	fail_msg("no %s in regional", name);
	return NULL;
}

/* Run one staging text through a table of the regional profile under the
 * RFC 4231 case 1 key; returns share_table's result, output in out. */
static int table(const char *file, const char *staging, char *out, size_t cap, long *rows,
		 const char **msg)
{
	share_key k;
	memset(k.k, 0x0b, 20);
	k.n = 20;
	char p[] = "/tmp/test_share_stg.XXXXXX";
	int fd = mkstemp(p);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, staging, strlen(staging)), (ssize_t)strlen(staging));
	close(fd);
	FILE *o = tmpfile();
	capture_start();
	int rc = share_table(regional_file(file), &k, p, "staging/x.csv", o, rows);
	*msg = capture_end();
	rewind(o);
	size_t n = fread(out, 1, cap - 1, o);
	out[n] = '\0';
	fclose(o);
	unlink(p);
	return rc;
}

static void test_table(void **state)
{
	(void)state;
	char out[1024];
	long rows;
	const char *msg;
	/* UASC: the child keyed (RFC case 1: "Hi There"), DOB and DUC to their
	 * month, the trace columns gone; an empty CHILD stays empty */
	assert_int_equal(table("ssda903_uasc.csv",
			       "CHILD,SEX,DOB,DUC,src_file,src_line\n"
			       "Hi There,M,2008-02-29,2026-02-28,/data/903/uasc.csv,2\n"
			       ",F,2010-01-31,,/data/903/uasc.csv,3\n",
			       out, sizeof out, &rows, &msg),
			 0);
	assert_string_equal(out, "CHILD,SEX,DOB,DUC\n"
				 "b0344c61d8db38535ca8,M,2008-02-01,2026-02-01\n"
				 ",F,2010-01-01,\n");
	assert_int_equal(rows, 2);
	assert_string_equal(msg, "");

	/* Episodes: postcodes to sectors, an unparseable one blank; a quoted
	 * kept value stays quoted */
	assert_int_equal(table("ssda903_episodes.csv",
			       "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,"
			       "HOME_POST,PL_POST,URN,src_file,src_line\n"
			       "Hi There,2023-04-01,S,C2,N1,U1,PR1,,,,ab1 2cd,UNKNOWN,\"SC1,2\",e.csv,2\n",
			       out, sizeof out, &rows, &msg),
			 0);
	assert_string_equal(out, "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,"
				 "HOME_POST,PL_POST,URN\n"
				 "b0344c61d8db38535ca8,2023-04-01,S,C2,N1,U1,PR1,,,,AB1 2,,\"SC1,2\"\n");

	/* Header: UPN and MOTHER never reach the output */
	assert_int_equal(table("ssda903_header.csv",
			       "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,src_file,src_line\n"
			       "Hi There,F,2007-05-17,WBRI,A123456789012,1,2024-01-09,h.csv,2\n",
			       out, sizeof out, &rows, &msg),
			 0);
	assert_string_equal(out, "CHILD,SEX,DOB,ETHNIC,MC_DOB\n"
				 "b0344c61d8db38535ca8,F,2007-05-01,WBRI,2024-01-01\n");

	/* a date that is not a date: refused, the value not echoed */
	assert_int_equal(table("ssda903_uasc.csv",
			       "CHILD,SEX,DOB,DUC,src_file,src_line\n"
			       "A1,M,2008-02-30,,u.csv,2\n",
			       out, sizeof out, &rows, &msg),
			 -1);
	assert_non_null(strstr(msg, "staging/x.csv:2: DOB: not a YYYY-MM-DD date"));
	assert_null(strstr(msg, "2008-02-30"));

	/* a column the profile does not list (or a missing one) is refused */
	assert_int_equal(table("ssda903_uasc.csv",
			       "CHILD,SEX,DOB,DUC,NAME,src_file,src_line\nA1,M,,,Ann,u.csv,2\n",
			       out, sizeof out, &rows, &msg),
			 -1);
	assert_non_null(strstr(msg, "staging/x.csv:1: header is not the staging format"));
	assert_int_equal(table("ssda903_uasc.csv", "CHILD,SEX,DOB,src_file,src_line\n", out,
			       sizeof out, &rows, &msg),
			 -1);
	/* a row of another width */
	assert_int_equal(table("ssda903_uasc.csv",
			       "CHILD,SEX,DOB,DUC,src_file,src_line\nA1,M,,,u.csv,2,extra\n",
			       out, sizeof out, &rows, &msg),
			 -1);
	assert_non_null(strstr(msg, "staging/x.csv:2: 7 fields where the header has 6"));
	/* an empty file */
	assert_int_equal(table("ssda903_uasc.csv", "", out, sizeof out, &rows, &msg), -1);
	assert_non_null(strstr(msg, "empty staging table"));
}

/* Every column the spec removes is dropped, every identifier keyed, in the
 * regional profile's table itself. */
static void test_regional_rules(void **state)
{
	(void)state;
	static const struct {
		const char *col;
		enum share_tx tx;
	} rule[] = {
		{"upn", SHARE_DROP},        {"former_upn", SHARE_DROP}, {"UPN", SHARE_DROP},
		{"MOTHER", SHARE_DROP},     {"src_file", SHARE_DROP},   {"src_line", SHARE_DROP},
		{"child", SHARE_PSEUDONYM}, {"CHILD", SHARE_PSEUDONYM}, {"contact_id", SHARE_PSEUDONYM},
		{"SW_ID", SHARE_PSEUDONYM}, {"dob", SHARE_MONTH},       {"DOB", SHARE_MONTH},
		{"expected_dob", SHARE_MONTH}, {"death_date", SHARE_MONTH}, {"MC_DOB", SHARE_MONTH},
		{"DUC", SHARE_MONTH},       {"HOME_POST", SHARE_SECTOR}, {"PL_POST", SHARE_SECTOR},
	};
	const share_profile *p = share_profile_find("regional");
	assert_non_null(p);
	assert_null(share_profile_find("Regional"));
	int seen = 0;
	for (int f = 0; f < p->nfiles; f++)
		for (int c = 0; c < p->files[f].ncols; c++)
			for (size_t r = 0; r < sizeof rule / sizeof rule[0]; r++)
				if (!strcmp(p->files[f].cols[c].name, rule[r].col)) {
					assert_string_equal(share_tx_name(p->files[f].cols[c].tx),
							    share_tx_name(rule[r].tx));
					seen++;
				}
	/* 7 CIN + 5 903 + 2 Annex A files: child/CHILD 14, contact_id 1,
	 * src_line 14, src_file 5, upn 1, former_upn 1, UPN 1, MOTHER 1,
	 * dob 2, DOB 4, expected_dob 1, death_date 1, MC_DOB 1, DUC 1,
	 * HOME_POST 1, PL_POST 1 */
	assert_int_equal(p->nfiles, 14);
	assert_int_equal(seen, 14 + 1 + 14 + 5 + 1 + 1 + 1 + 1 + 2 + 4 + 1 + 1 + 1 + 1 + 1 + 1);
}

/* Each CIN staging file a profile shares lists the columns of the staging
 * definition (lib/csc_cin_stage.h), in its order: a column added there
 * fails here until the profile decides its transformation. Files it does
 * not name (cin_preproc.csv) are not shared. */
static void test_cin_columns_are_the_definition(void **state)
{
	(void)state;
	for (int p = 0; share_profiles[p]; p++) {
		int seen = 0;
		for (int i = 0; i < share_profiles[p]->nfiles; i++) {
			const share_file *f = &share_profiles[p]->files[i];
			for (int k = 0; k < CSC_CIN_NFILES; k++) {
				const csc_cin_stagedef *d = &csc_cin_stage[k];
				if (strcmp(f->staging, d->file))
					continue;
				seen++;
				assert_int_equal(f->ncols, d->ncols);
				for (int c = 0; c < d->ncols; c++)
					assert_string_equal(f->cols[c].name, d->cols[c]);
			}
		}
		assert_int_equal(seen, CSC_CIN_NFILES - 1); /* all but cin_preproc.csv */
	}
}

int main(void)
{
	csc_diag_init("test_share");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hmac_rfc4231), cmocka_unit_test(test_pseudonym),
		cmocka_unit_test(test_sector),       cmocka_unit_test(test_month),
		cmocka_unit_test(test_key_file),     cmocka_unit_test(test_table),
		cmocka_unit_test(test_regional_rules),
		cmocka_unit_test(test_cin_columns_are_the_definition),
	};
	return cmocka_run_group_tests_name("share", tests, NULL, NULL);
}
