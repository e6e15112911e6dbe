/*
 * rng.h: where every winner's randomness comes from.
 *
 * A session starts with a 32-byte secret seed from the system's CSPRNG and
 * publishes its commitment, BLAKE2b-256(seed), before any draw. Each draw
 * then reads a keyed stream, so that anyone holding the seed, the witness
 * text and the draw's sequence number can recompute it:
 *
 *	key    = BLAKE2b-256(key: seed,
 *	             message: "raffle-draw-v1" 0x00 || seq (8 bytes, LE) ||
 *	                      BLAKE2b-256(witness))
 *	stream = randombytes_buf_deterministic(key)	(ChaCha20)
 *
 * An index below n is taken from the stream by rejection sampling: 64-bit
 * words below 2^64 mod n are thrown away, so every index is equally likely.
 * Tests build a stream from a seed of their choosing; nothing else can.
 */
#ifndef RAFFLE_RNG_H
#define RAFFLE_RNG_H

#include <stddef.h>
#include <stdint.h>

#define RNG_SEED_BYTES	32

#include <sodium.h>

/*
 * What a session's draws are keyed by: its seed and its witness text. The
 * hash state holds the keyed BLAKE2b with the label already absorbed, so a
 * draw costs one compression, not two (the key block is done once).
 */
struct rng_key {
	unsigned char			 witness[32];	/* BLAKE2b-256 of the text */
	crypto_generichash_state	 st;
};

struct rng_stream {
	unsigned char	 key[32];
	uint64_t	*words;		/* the stream so far, as 64-bit words */
	size_t		 nwords, used;
	uint64_t	 first[8];	/* where words start: most draws need no more */
};

/* A fresh secret seed from randombytes_buf(). */
void	 rng_seed_new(unsigned char [RNG_SEED_BYTES]);

/* The commitment to a seed: BLAKE2b-256 of its 32 bytes. */
void	 rng_commit(const unsigned char [RNG_SEED_BYTES], unsigned char [32]);

/* Key a session: its seed and its witness text (may be ""). */
void	 rng_key_init(struct rng_key *, const unsigned char [RNG_SEED_BYTES],
	    const char *);

/* Start the stream of draw seq. */
void	 rng_stream_init(struct rng_stream *, const struct rng_key *, uint64_t);

/* An index in [0, n), n > 0, uniform by rejection sampling. */
uint64_t rng_uniform(struct rng_stream *, uint64_t);

void	 rng_stream_free(struct rng_stream *);
void	 rng_key_free(struct rng_key *);

#endif
