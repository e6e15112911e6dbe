/* rng.c: secrets, the hash chain, and the keyed stream of each draw. */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "rng.h"
#include "util.h"

void
rng_secret_new(unsigned char x[RNG_BYTES])
{
	randombytes_buf(x, RNG_BYTES);
}

void
rng_chain_down(const unsigned char s[RNG_BYTES], unsigned char out[32])
{
	unsigned char	tmp[32];

	crypto_generichash(tmp, 32, s, RNG_BYTES, NULL, 0);
	memcpy(out, tmp, 32);
}

unsigned char
(*rng_chain_new(const unsigned char x[RNG_BYTES], uint64_t n))[32]
{
	unsigned char	(*chain)[32];
	uint64_t	 k;

	chain = xreallocarray(NULL, (size_t)n + 1, sizeof *chain);
	memcpy(chain[n], x, 32);
	for (k = n; k > 0; k--)
		rng_chain_down(chain[k], chain[k - 1]);
	return chain;
}

void
rng_witness_hash(const char *text, unsigned char out[32])
{
	crypto_generichash(out, 32, (const unsigned char *)text, strlen(text),
	    NULL, 0);
}

/* Start a stream whose key is already made. */
static void
stream_start(struct rng_stream *s)
{
	s->words = s->first;
	s->nwords = 0;
	s->used = 0;
}

void
rng_stream_init(struct rng_stream *s, const unsigned char secret[RNG_BYTES],
    const unsigned char witness[32])
{
	static const char		label[] = "raffle-draw-v2";
	crypto_generichash_state	st;

	crypto_generichash_init(&st, secret, RNG_BYTES, 32);
	crypto_generichash_update(&st, (const unsigned char *)label,
	    sizeof label);			/* with its NUL */
	crypto_generichash_update(&st, witness, 32);
	crypto_generichash_final(&st, s->key, sizeof s->key);
	sodium_memzero(&st, sizeof st);
	stream_start(s);
}

void
rng_stream_init_v1(struct rng_stream *s, const unsigned char seed[RNG_BYTES],
    const unsigned char witness[32], uint64_t seq)
{
	static const char		label[] = "raffle-draw-v1";
	crypto_generichash_state	st;
	unsigned char			num[8];
	int				i;

	for (i = 0; i < 8; i++)
		num[i] = (unsigned char)(seq >> (8 * i));
	crypto_generichash_init(&st, seed, RNG_BYTES, 32);
	crypto_generichash_update(&st, (const unsigned char *)label,
	    sizeof label);			/* with its NUL */
	crypto_generichash_update(&st, num, sizeof num);
	crypto_generichash_update(&st, witness, 32);
	crypto_generichash_final(&st, s->key, sizeof s->key);
	sodium_memzero(&st, sizeof st);
	stream_start(s);
}

/*
 * Make the stream n words long. randombytes_buf_deterministic() always
 * starts the same keyed stream, so a longer buffer begins with the shorter
 * one: growing it changes none of the words already used.
 */
static void
rng_stream_grow(struct rng_stream *s, size_t n)
{
	unsigned char	 small[sizeof s->first], *bytes;
	size_t		 i;

	bytes = n * 8 <= sizeof small ? small : xmalloc(n * 8);
	randombytes_buf_deterministic(bytes, n * 8, s->key);
	if (n > sizeof s->first / sizeof s->first[0])
		s->words = xreallocarray(s->words == s->first ? NULL : s->words,
		    n, sizeof *s->words);
	for (i = 0; i < n; i++) {
		const unsigned char	*b = bytes + i * 8;

		/* Little-endian, whatever the machine's order. */
		s->words[i] = (uint64_t)b[0] | (uint64_t)b[1] << 8 |
		    (uint64_t)b[2] << 16 | (uint64_t)b[3] << 24 |
		    (uint64_t)b[4] << 32 | (uint64_t)b[5] << 40 |
		    (uint64_t)b[6] << 48 | (uint64_t)b[7] << 56;
	}
	s->nwords = n;
	sodium_memzero(bytes, n * 8);
	if (bytes != small)
		free(bytes);
}

uint64_t
rng_uniform(struct rng_stream *s, uint64_t n)
{
	/* 2^64 mod n: the words below it would favour the low indices. */
	uint64_t	floor = (0 - n) % n, w;

	for (;;) {
		if (s->used == s->nwords)
			rng_stream_grow(s, s->nwords ? s->nwords * 2 :
			    sizeof s->first / sizeof s->first[0]);
		w = s->words[s->used++];
		if (w >= floor)
			return w % n;
	}
}

void
rng_stream_free(struct rng_stream *s)
{
	sodium_memzero(s->key, sizeof s->key);
	if (s->words != s->first)
		free(s->words);
	s->words = NULL;
}
