/* csc_sha256_ni.c - SHA-256 blocks with the x86 SHA extensions.
 *
 * Why: csc-run hashes every input and output for the manifest; at national
 * scale that is about 8 GB, 40 s with the portable code and a few seconds
 * with these instructions. Chosen at run time (csc_sha256.c), so the same
 * binary runs on CPUs without them; tests compare it with the portable code.
 *
 * The instructions keep the state as two vectors, ABEF and CDGH (lane 3
 * first), do two rounds per sha256rnds2 and compute four schedule words per
 * sha256msg1/sha256msg2 pair. */
#include <stddef.h>
#include <stdint.h>

#include "csc_sha256_ni.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <cpuid.h>
#include <immintrin.h>

int csc_sha256_ni_available(void)
{
	unsigned a, b, c, d;
	if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_SSSE3) || !(c & bit_SSE4_1))
		return 0;
	if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
		return 0;
	return (b & (1u << 29)) != 0; /* CPUID.7.0:EBX.SHA */
}

#define NI __attribute__((target("sha,sse4.1,ssse3")))

NI void csc_sha256_ni_blocks(uint32_t h[8], const uint32_t k[64], const unsigned char *p, size_t n)
{
	const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
	__m128i t = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&h[0]), 0xB1); /* b a d c */
	__m128i cdgh = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&h[4]), 0x1B); /* h g f e */
	__m128i abef = _mm_alignr_epi8(t, cdgh, 8); /* f e b a */
	cdgh = _mm_blend_epi16(cdgh, t, 0xF0);       /* h g d c */
	for (; n; n--, p += 64) {
		__m128i abef0 = abef, cdgh0 = cdgh, m[4];
		for (int i = 0; i < 4; i++)
			m[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * i)), bswap);
#pragma GCC unroll 16
		for (int g = 0; g < 16; g++) {
			/* W[4g..4g+3] from W[4g-16..4g-1] (FIPS 180-4 6.2.2 step 1) */
			if (g >= 4)
				m[g & 3] = _mm_sha256msg2_epu32(
					_mm_add_epi32(_mm_sha256msg1_epu32(m[g & 3], m[(g + 1) & 3]),
						      _mm_alignr_epi8(m[(g + 3) & 3], m[(g + 2) & 3], 4)),
					m[(g + 3) & 3]);
			__m128i wk = _mm_add_epi32(m[g & 3], _mm_loadu_si128((const __m128i *)&k[4 * g]));
			cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
			abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0E));
		}
		abef = _mm_add_epi32(abef, abef0);
		cdgh = _mm_add_epi32(cdgh, cdgh0);
	}
	t = _mm_shuffle_epi32(abef, 0x1B);     /* a b e f */
	cdgh = _mm_shuffle_epi32(cdgh, 0xB1);  /* g h c d */
	_mm_storeu_si128((__m128i *)&h[0], _mm_blend_epi16(t, cdgh, 0xF0)); /* a b c d */
	_mm_storeu_si128((__m128i *)&h[4], _mm_alignr_epi8(cdgh, t, 8));    /* e f g h */
}

#else

int csc_sha256_ni_available(void)
{
	return 0;
}

void csc_sha256_ni_blocks(uint32_t h[8], const uint32_t k[64], const unsigned char *p, size_t n)
{
	(void)h;
	(void)k;
	(void)p;
	(void)n;
}

#endif
