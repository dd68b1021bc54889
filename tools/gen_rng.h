/*
 * gen_rng.h - the generator's own seeded random numbers.
 *
 * xoshiro256** seeded through splitmix64. Every simulated child gets its own
 * stream derived from (seed, arrival number), so a child's records depend on
 * nothing but the seed and its number: the same options always give
 * byte-identical files, and no library rand() or clock is involved.
 */
#ifndef GEN_RNG_H
#define GEN_RNG_H

#include <stdint.h>

typedef struct gen_rng {
	uint64_t s[4];
} gen_rng;

static inline uint64_t gen_splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Seed a stream for (seed, stream number). */
static inline void gen_rng_seed(gen_rng *r, uint64_t seed, uint64_t stream)
{
	uint64_t x = seed ^ (stream * 0xd1b54a32d192ed03ULL);
	for (int i = 0; i < 4; i++)
		r->s[i] = gen_splitmix(&x);
}

static inline uint64_t gen_rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static inline uint64_t gen_next(gen_rng *r)
{
	uint64_t *s = r->s;
	uint64_t out = gen_rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = gen_rotl(s[3], 45);
	return out;
}

/* Uniform in [0, 1). */
static inline double gen_unif(gen_rng *r)
{
	return (double)(gen_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* Uniform integer in [lo, hi]. */
static inline int gen_int(gen_rng *r, int lo, int hi)
{
	return lo + (int)((gen_next(r) >> 33) % (uint64_t)(hi - lo + 1));
}

/* 1 with probability p. */
static inline int gen_chance(gen_rng *r, double p)
{
	return gen_unif(r) < p;
}

/* Pick an index from cumulative-free weights w[0..n-1] (any positive scale). */
static inline int gen_pick(gen_rng *r, const double *w, int n)
{
	double tot = 0;
	for (int i = 0; i < n; i++)
		tot += w[i];
	double u = gen_unif(r) * tot;
	for (int i = 0; i < n - 1; i++) {
		if (u < w[i])
			return i;
		u -= w[i];
	}
	return n - 1;
}

#endif
