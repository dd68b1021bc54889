/* SHA-256 (lib/csc_sha256.c over libcrypto) against the FIPS 180-4 / NIST
 * example vectors, fed whole and in pieces, and on files. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "csc_sha256.h"

static void hash(const char *msg, size_t n, char out[65])
{
	csc_sha256 s;
	csc_sha256_init(&s);
	csc_sha256_update(&s, msg, n);
	assert_int_equal(csc_sha256_hex(&s, out), 0);
}

static void test_vectors(void **state)
{
	(void)state;
	char h[65];
	hash("", 0, h);
	assert_string_equal(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	hash("abc", 3, h);
	assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	hash(two, strlen(two), h);
	assert_string_equal(h, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	const char *long896 = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
			      "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
	hash(long896, strlen(long896), h);
	assert_string_equal(h, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

/* The binary digest is the bytes the hex spells. */
static void test_digest(void **state)
{
	(void)state;
	static const unsigned char abc[32] = {
		0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
		0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad};
	csc_sha256 s;
	unsigned char d[32];
	csc_sha256_init(&s);
	csc_sha256_update(&s, "abc", 3);
	assert_int_equal(csc_sha256_digest(&s, d), 0);
	assert_memory_equal(d, abc, 32);
}

/* csc_sha256_mem (the duplicate check's one call per key or row): the
 * FIPS "abc" vector and the empty message, and for every length 0 to 700
 * of the xorshift bytes of the test below the digest of the streaming
 * calls. */
static void test_mem(void **state)
{
	(void)state;
	static const unsigned char abc[32] = {
		0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
		0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad};
	static const unsigned char empty[32] = {
		0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4, 0xc8, 0x99, 0x6f, 0xb9, 0x24,
		0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b, 0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55};
	unsigned char d[32], e[32];
	csc_sha256_mem("abc", 3, d);
	assert_memory_equal(d, abc, 32);
	csc_sha256_mem("", 0, d);
	assert_memory_equal(d, empty, 32);
	unsigned char msg[700];
	uint32_t x = 2463534242u;
	for (size_t i = 0; i < sizeof msg; i++) {
		x ^= x << 13, x ^= x >> 17, x ^= x << 5;
		msg[i] = (unsigned char)x;
	}
	for (size_t n = 0; n <= sizeof msg; n++) {
		csc_sha256 s;
		csc_sha256_init(&s);
		csc_sha256_update(&s, msg, n);
		assert_int_equal(csc_sha256_digest(&s, e), 0);
		csc_sha256_mem(msg, n, d);
		assert_memory_equal(d, e, 32);
	}
}

static void test_million_a_in_odd_pieces(void **state)
{
	(void)state;
	char chunk[997];
	memset(chunk, 'a', sizeof chunk);
	csc_sha256 s;
	csc_sha256_init(&s);
	size_t left = 1000000;
	while (left) {
		size_t n = left < sizeof chunk ? left : sizeof chunk;
		csc_sha256_update(&s, chunk, n);
		left -= n;
	}
	char h[65];
	assert_int_equal(csc_sha256_hex(&s, h), 0);
	assert_string_equal(h, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

/* Every length from 0 to 700 bytes of xorshift32 output (padding into one
 * or two blocks, every tail length), fed in pieces of 1 to 130 bytes. The
 * 701 hex digests, concatenated, hash to the value Python's hashlib gives
 * for the same bytes:
 *   x = 2463534242; x ^= x<<13 & M; x ^= x>>17; x ^= x<<5 & M; byte = x & 255
 *   sha256(b"".join(sha256(msg[:n]).hexdigest().encode() for n in 0..700)) */
static void test_every_length_in_pieces(void **state)
{
	(void)state;
	unsigned char msg[700];
	uint32_t x = 2463534242u;
	for (size_t i = 0; i < sizeof msg; i++) {
		x ^= x << 13, x ^= x >> 17, x ^= x << 5;
		msg[i] = (unsigned char)x;
	}
	csc_sha256 all;
	csc_sha256_init(&all);
	for (size_t n = 0; n <= sizeof msg; n++) {
		char whole[65], pieces[65];
		hash((const char *)msg, n, whole);
		csc_sha256 s;
		csc_sha256_init(&s);
		size_t piece = n % 130 + 1;
		for (size_t o = 0; o < n; o += piece)
			csc_sha256_update(&s, msg + o, n - o < piece ? n - o : piece);
		assert_int_equal(csc_sha256_hex(&s, pieces), 0);
		assert_string_equal(pieces, whole);
		csc_sha256_update(&all, whole, 64);
	}
	char h[65];
	assert_int_equal(csc_sha256_hex(&all, h), 0);
	assert_string_equal(h, "30577e48695da9d97843c8b446f5e7cf58f50dab5059fe780845897062816454");
}

/* A file of 200,000 'a' bytes (more than three 64 KiB reads, the last one
 * short): the digest equals that of the bytes hashed from memory; "abc" and
 * an empty file give the NIST values. */
static void test_file(void **state)
{
	(void)state;
	char path[] = "/tmp/test_sha256.XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "wb");
	assert_non_null(f);
	static char big[200000];
	memset(big, 'a', sizeof big);
	assert_int_equal(fwrite(big, 1, sizeof big, f), sizeof big);
	assert_int_equal(fclose(f), 0);
	char got[65], want[65];
	assert_int_equal(csc_sha256_file(path, got), 0);
	hash(big, sizeof big, want);
	assert_string_equal(got, want);

	f = fopen(path, "wb");
	assert_non_null(f);
	fputs("abc", f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(csc_sha256_file(path, got), 0);
	assert_string_equal(got, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(csc_sha256_file(path, got), 0);
	assert_string_equal(got, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	unlink(path);
}

/* A missing file and a folder: -1 with errno from the system, hex empty. */
static void test_file_errors(void **state)
{
	(void)state;
	char got[65] = "x";
	errno = 0;
	assert_int_equal(csc_sha256_file("/nonexistent/cscpipe/file", got), -1);
	assert_int_equal(errno, ENOENT);
	errno = 0;
	strcpy(got, "x");
	assert_int_equal(csc_sha256_file("/tmp", got), -1);
	assert_int_equal(errno, EISDIR);
	assert_string_equal(got, "");
}

/* csc_sha256_fd hashes what is left on the descriptor and counts it: the
 * FIPS "abc" vector from a pipe, then from a file after skipping "x". */
static void test_fd(void **state)
{
	(void)state;
	static const char abc[] = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	assert_int_equal(write(fds[1], "abc", 3), 3);
	close(fds[1]);
	char hex[65];
	long long n = -1;
	assert_int_equal(csc_sha256_fd(fds[0], hex, &n), 0);
	assert_string_equal(hex, abc);
	assert_int_equal(n, 3);
	close(fds[0]);

	char path[] = "/tmp/csc-sha-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "xabc", 4), 4);
	assert_int_equal(lseek(fd, 1, SEEK_SET), 1);
	assert_int_equal(csc_sha256_fd(fd, hex, NULL), 0);
	assert_string_equal(hex, abc);
	close(fd);
	unlink(path);
	assert_int_equal(csc_sha256_fd(-1, hex, NULL), -1); /* a bad descriptor: EBADF */
	assert_int_equal(errno, EBADF);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_million_a_in_odd_pieces),
		cmocka_unit_test(test_digest),
		cmocka_unit_test(test_mem),
		cmocka_unit_test(test_every_length_in_pieces),
		cmocka_unit_test(test_file),
		cmocka_unit_test(test_file_errors),
		cmocka_unit_test(test_fd),
	};
	return cmocka_run_group_tests_name("sha256", tests, NULL, NULL);
}
