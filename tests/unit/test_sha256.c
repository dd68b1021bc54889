/* SHA-256 against the FIPS 180-4 / NIST example vectors, with the CPU's SHA
 * instructions and with the portable code; and the two against each other. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "csc_sha256.h"

static void hash(const char *msg, size_t n, char out[65])
{
	csc_sha256 s;
	csc_sha256_init(&s);
	csc_sha256_update(&s, msg, n);
	csc_sha256_hex(&s, out);
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
	csc_sha256_digest(&s, d);
	assert_memory_equal(d, abc, 32);
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
	csc_sha256_hex(&s, h);
	assert_string_equal(h, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static int portable(void **state)
{
	(void)state;
	csc_sha256_accelerate(0);
	return 0;
}

static int accelerated(void **state)
{
	(void)state;
	csc_sha256_accelerate(1);
	return 0;
}

/* Every length from 0 to 700 bytes (padding into one or two blocks, every
 * tail length), fed whole and in pieces of 1 to 130 bytes: the accelerated
 * and the portable code agree. Without the instructions both are portable. */
static void test_paths_agree(void **state)
{
	(void)state;
	unsigned char msg[700];
	uint32_t x = 2463534242u;
	for (size_t i = 0; i < sizeof msg; i++) {
		x ^= x << 13, x ^= x >> 17, x ^= x << 5;
		msg[i] = (unsigned char)x;
	}
	for (size_t n = 0; n <= sizeof msg; n++) {
		char want[65], got[65];
		csc_sha256_accelerate(0);
		hash((const char *)msg, n, want);
		csc_sha256_accelerate(1);
		csc_sha256 s;
		csc_sha256_init(&s);
		size_t piece = n % 130 + 1;
		for (size_t o = 0; o < n; o += piece)
			csc_sha256_update(&s, msg + o, n - o < piece ? n - o : piece);
		csc_sha256_hex(&s, got);
		assert_string_equal(got, want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_vectors, accelerated),
		cmocka_unit_test_setup(test_million_a_in_odd_pieces, accelerated),
		cmocka_unit_test_setup(test_vectors, portable),
		cmocka_unit_test_setup(test_digest, accelerated),
		cmocka_unit_test_setup(test_digest, portable),
		cmocka_unit_test_setup(test_million_a_in_odd_pieces, portable),
		cmocka_unit_test(test_paths_agree),
	};
	return cmocka_run_group_tests_name("sha256", tests, NULL, NULL);
}
