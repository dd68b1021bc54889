/* SHA-256 against the FIPS 180-4 / NIST example vectors. */
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_million_a_in_odd_pieces),
	};
	return cmocka_run_group_tests_name("sha256", tests, NULL, NULL);
}
