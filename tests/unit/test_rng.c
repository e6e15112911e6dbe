/* Unit tests of rng.c and sumtree.c: exact streams, uniformity, the tree. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <sodium.h>

#include "sumtree.h"
#include "rng.h"
#include "util.h"

static void
seed_of(unsigned char seed[32], unsigned char b)
{
	memset(seed, b, 32);
}

/* The stream of draw seq under seed and witness, as raffle 1.0 drew. */
static void
stream_v1(struct rng_stream *s, const unsigned char seed[32],
    const char *witness, uint64_t seq)
{
	unsigned char	w[32];

	rng_witness_hash(witness, w);
	rng_stream_init_v1(s, seed, w, seq);
}

/*
 * The stream of a draw whose chain value is seed with seq in its first
 * eight bytes, and the witness: a different secret for every seq.
 */
static void
stream(struct rng_stream *s, const unsigned char seed[32], const char *witness,
    uint64_t seq)
{
	unsigned char	w[32], secret[32];
	int		i;

	memcpy(secret, seed, 32);
	for (i = 0; i < 8; i++)
		secret[i] ^= (unsigned char)(seq >> (8 * i));
	rng_witness_hash(witness, w);
	rng_stream_init(s, secret, w);
}

/*
 * The derivation is part of the log format: a change would make every old
 * log fail --verify. These values pin it (raffle 1.0's).
 */
static void
test_fixed_seed_gives_fixed_indices(void **state)
{
	unsigned char		seed[32], commit[32];
	char			hex[65];
	struct rng_stream	s;
	uint64_t		got[6];
	const uint64_t		want[6] = { 593, 849, 111, 656, 698, 380 };
	int			i;

	(void)state;
	seed_of(seed, 7);
	rng_chain_down(seed, commit);
	hex_encode(hex, commit, 32);
	/* BLAKE2b-256 of 32 bytes of 7, as b2sum -l 256 prints it. */
	assert_string_equal(hex, "17cdc7bca3f2a0bda60c6de5b96f82a3"
	    "6239b44bde397a3862d529ba8b3d7c62");
	stream_v1(&s, seed, "", 3);
	for (i = 0; i < 3; i++)
		got[i] = rng_uniform(&s, 1000);
	rng_stream_free(&s);
	stream_v1(&s, seed, "red balloon", 3);
	for (i = 3; i < 6; i++)
		got[i] = rng_uniform(&s, 1000);
	rng_stream_free(&s);
	for (i = 0; i < 6; i++)
		assert_int_equal(got[i], want[i]);
}

/* Protocol 2's derivation, pinned as protocol 1's is above. */
static void
test_fixed_secret_gives_fixed_indices(void **state)
{
	unsigned char		secret[32], w[32];
	struct rng_stream	s;
	uint64_t		got[6];
	const uint64_t		want[6] = { 664, 431, 839, 84, 660, 243 };
	int			i;

	(void)state;
	seed_of(secret, 7);
	rng_witness_hash("", w);
	rng_stream_init(&s, secret, w);
	for (i = 0; i < 3; i++)
		got[i] = rng_uniform(&s, 1000);
	rng_stream_free(&s);
	rng_witness_hash("red balloon", w);
	rng_stream_init(&s, secret, w);
	for (i = 3; i < 6; i++)
		got[i] = rng_uniform(&s, 1000);
	rng_stream_free(&s);
	for (i = 0; i < 6; i++)
		assert_int_equal(got[i], want[i]);
}

/* Each value hashes to the one before it; the last is the secret. */
static void
test_the_chain_goes_down_from_the_secret(void **state)
{
	unsigned char	x[32], up[32], (*chain)[32];
	int		k;

	(void)state;
	seed_of(x, 11);
	chain = rng_chain_new(x, 50);
	assert_memory_equal(chain[50], x, 32);
	for (k = 50; k > 0; k--) {
		crypto_generichash(up, 32, chain[k], 32, NULL, 0);
		assert_memory_equal(up, chain[k - 1], 32);
		assert_memory_not_equal(chain[k], chain[k - 1], 32);
	}
	free(chain);
}

static void
test_stream_depends_on_seed_witness_and_seq(void **state)
{
	unsigned char		a[32], b[32];
	struct rng_stream	s;
	uint64_t		x[4];

	(void)state;
	seed_of(a, 1);
	seed_of(b, 2);
	stream(&s, a, "", 1);
	x[0] = rng_uniform(&s, UINT64_MAX);
	rng_stream_free(&s);
	stream(&s, b, "", 1);
	x[1] = rng_uniform(&s, UINT64_MAX);
	rng_stream_free(&s);
	stream(&s, a, "w", 1);
	x[2] = rng_uniform(&s, UINT64_MAX);
	rng_stream_free(&s);
	stream_v1(&s, a, "", 1);
	x[3] = rng_uniform(&s, UINT64_MAX);
	rng_stream_free(&s);
	assert_true(x[0] != x[1] && x[0] != x[2] && x[0] != x[3]);
	/* The same inputs give the same stream. */
	stream(&s, a, "", 1);
	assert_int_equal(rng_uniform(&s, UINT64_MAX), x[0]);
	rng_stream_free(&s);
}

/*
 * Chi-square over 6 cells and 60,000 draws on a fixed seed: 5 degrees of
 * freedom, so 20.5 is the 0.1% critical value. A bare % on a range that
 * does not divide 2^64 would still pass for so small a range; the next test
 * is the one that catches bias.
 */
static void
test_uniform_small_range_passes_chi_square(void **state)
{
	unsigned char		seed[32];
	struct rng_stream	s;
	unsigned long		count[6] = { 0 };
	double			chi = 0, e = 10000;
	uint64_t		i;
	int			k;

	(void)state;
	for (i = 0; i < 60000; i++) {
		seed_of(seed, 42);
		stream(&s, seed, "", i + 1);
		count[rng_uniform(&s, 6)]++;
		rng_stream_free(&s);
	}
	for (k = 0; k < 6; k++)
		chi += (count[k] - e) * (count[k] - e) / e;
	assert_true(chi < 20.5);
}

/*
 * With n = 3 * 2^62 a bare "word % n" gives the lowest third of the range
 * twice as often as the rest (2/4 of the words against 1/4 each). Rejection
 * sampling gives each third one third of the draws.
 */
static void
test_no_modulo_bias_on_a_huge_range(void **state)
{
	unsigned char		seed[32];
	struct rng_stream	s;
	const uint64_t		n = UINT64_C(3) << 62, third = UINT64_C(1) << 62;
	unsigned long		count[3] = { 0 };
	double			chi = 0, e = 30000.0 / 3;
	int			i, k;

	(void)state;
	seed_of(seed, 9);
	for (i = 0; i < 30000; i++) {
		stream(&s, seed, "", (uint64_t)i + 1);
		count[rng_uniform(&s, n) / third]++;
		rng_stream_free(&s);
	}
	for (k = 0; k < 3; k++)
		chi += (count[k] - e) * (count[k] - e) / e;
	assert_true(chi < 13.8);	/* 2 degrees of freedom, 0.1% */
}

/* A range just past 2^63 rejects half the words: the stream must grow. */
static void
test_heavy_rejection_still_answers(void **state)
{
	unsigned char		seed[32];
	struct rng_stream	s;
	const uint64_t		n = (UINT64_C(1) << 63) + 1;
	int			i;

	(void)state;
	seed_of(seed, 3);
	stream(&s, seed, "", 1);
	for (i = 0; i < 1000; i++)
		assert_true(rng_uniform(&s, n) < n);
	assert_true(s.nwords > 16);
	rng_stream_free(&s);
}

static void
test_sumtree_finds_what_a_linear_scan_finds(void **state)
{
	uint32_t	w[300];
	struct sumtree	st;
	uint64_t	t, sum;
	size_t		i, k;

	(void)state;
	for (i = 0; i < 300; i++)
		w[i] = (uint32_t)((i * 7919) % 5);	/* zeros included */
	sumtree_init(&st, w, 300);
	for (k = 0; k < 3; k++) {
		for (t = 0; t < st.total; t++) {
			for (i = 0, sum = 0; sum + w[i] <= t; i++)
				sum += w[i];
			assert_int_equal(sumtree_find(&st, t), i);
		}
		/* Take some members out, as draws do. */
		for (i = k; i < 300; i += 7) {
			sumtree_add(&st, i, -(int64_t)w[i]);
			w[i] = 0;
		}
	}
	for (i = 0, sum = 0; i < 300; i++)
		sum += w[i];
	assert_int_equal(st.total, sum);
	sumtree_free(&st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixed_seed_gives_fixed_indices),
		cmocka_unit_test(test_fixed_secret_gives_fixed_indices),
		cmocka_unit_test(test_the_chain_goes_down_from_the_secret),
		cmocka_unit_test(test_stream_depends_on_seed_witness_and_seq),
		cmocka_unit_test(test_uniform_small_range_passes_chi_square),
		cmocka_unit_test(test_no_modulo_bias_on_a_huge_range),
		cmocka_unit_test(test_heavy_rejection_still_answers),
		cmocka_unit_test(test_sumtree_finds_what_a_linear_scan_finds),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests_name("rng", tests, NULL, NULL);
}
