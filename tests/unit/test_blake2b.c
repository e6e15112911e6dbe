/*
 * Unit tests of blake2b.c: the file fingerprint must stay what b2sum and
 * libsodium compute, for every length and however the bytes are fed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <sodium.h>

#include "blake2b.h"
#include "util.h"

/* RFC 7693, appendix A: BLAKE2b-512 of "abc". */
static void
test_rfc_7693_example(void **state)
{
	struct blake2b	s;
	unsigned char	out[64];
	char		hex[129];

	(void)state;
	blake2b_init(&s, 64);
	blake2b_update(&s, "abc", 3);
	blake2b_final(&s, out);
	hex_encode(hex, out, 64);
	assert_string_equal(hex,
	    "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
	    "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
}

static void
pattern(unsigned char *buf, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++)
		buf[i] = (unsigned char)(i * 131 + (i >> 8) * 7 + 1);
}

/*
 * Every length through five blocks, each as one piece, so that the empty
 * input, one byte, and a block exactly full, one short and one over, are
 * all among them; at three digest lengths.
 */
static void
test_every_length_matches_libsodium(void **state)
{
	static const size_t	outlens[] = { 1, 32, 64 };
	unsigned char		buf[5 * 128 + 1], got[64], want[64];
	struct blake2b		s;
	size_t			len, k;

	(void)state;
	pattern(buf, sizeof buf);
	for (k = 0; k < sizeof outlens / sizeof outlens[0]; k++)
		for (len = 0; len <= sizeof buf; len++) {
			blake2b_init(&s, outlens[k]);
			blake2b_update(&s, buf, len);
			blake2b_final(&s, got);
			crypto_generichash(want, outlens[k], buf, len, NULL, 0);
			assert_memory_equal(got, want, outlens[k]);
		}
}

/* Fed in pieces of every size, the hash is the one of the whole. */
static void
test_pieces_hash_as_the_whole(void **state)
{
	unsigned char	buf[1000], got[32], want[32];
	struct blake2b	s;
	size_t		piece, at, n;

	(void)state;
	pattern(buf, sizeof buf);
	crypto_generichash(want, 32, buf, sizeof buf, NULL, 0);
	for (piece = 1; piece <= 300; piece++) {
		blake2b_init(&s, 32);
		for (at = 0; at < sizeof buf; at += n) {
			n = sizeof buf - at < piece ? sizeof buf - at : piece;
			blake2b_update(&s, buf + at, n);
			blake2b_update(&s, buf + at + n, 0);
		}
		blake2b_final(&s, got);
		assert_memory_equal(got, want, 32);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc_7693_example),
		cmocka_unit_test(test_every_length_matches_libsodium),
		cmocka_unit_test(test_pieces_hash_as_the_whole),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests_name("blake2b", tests, NULL, NULL);
}
