/*
 * rng.h: where every winner's randomness comes from.
 *
 * A session (protocol 2) takes a 32-byte secret x from the system's CSPRNG
 * and walks a hash chain down from it: s_N = x, s_(k-1) = BLAKE2b-256(s_k),
 * to s_0, the commitment it records before any outside randomness (the
 * witness) is known. Draw k of the session reveals s_k in its own record.
 * Knowing s_0 .. s_k tells nothing of s_(k+1), so the log never lets anyone
 * compute a draw not yet made; and every s_k is fixed by s_0, so nothing
 * seen after the commitment can steer a draw. Draw k reads the stream
 *
 *	key    = BLAKE2b-256(key: s_k,
 *	             message: "raffle-draw-v2" 0x00 || BLAKE2b-256(witness))
 *	stream = randombytes_buf_deterministic(key)	(ChaCha20)
 *
 * Protocol 1 (logs of raffle 1.0) revealed one seed with the first draw
 * and keyed draw seq with it; verify.c still recomputes those logs.
 *
 * An index below n is taken from the stream by rejection sampling: 64-bit
 * little-endian words below 2^64 mod n are thrown away, so every index is
 * equally likely. Tests build streams from secrets of their choosing;
 * nothing else can.
 */
#ifndef RAFFLE_RNG_H
#define RAFFLE_RNG_H

#include <stddef.h>
#include <stdint.h>

#define RNG_BYTES	32

struct rng_stream {
	unsigned char	 key[32];
	uint64_t	*words;		/* the stream so far, as 64-bit words */
	size_t		 nwords, used;
	uint64_t	 first[8];	/* where words start: most draws need no more */
};

/* A fresh secret from randombytes_buf(). */
void	 rng_secret_new(unsigned char [RNG_BYTES]);

/* One step down a chain: out = BLAKE2b-256(s). out may be s. */
void	 rng_chain_down(const unsigned char [RNG_BYTES], unsigned char [32]);

/*
 * The chain of n steps from secret x: chain[n] = x, chain[k - 1] =
 * BLAKE2b-256(chain[k]); chain[0] is the commitment. Caller frees.
 */
unsigned char (*rng_chain_new(const unsigned char [RNG_BYTES], uint64_t))[32];

/* BLAKE2b-256 of the witness text's bytes. */
void	 rng_witness_hash(const char *, unsigned char [32]);

/* Start the stream of a protocol 2 draw: its chain value and the witness. */
void	 rng_stream_init(struct rng_stream *, const unsigned char [RNG_BYTES],
	    const unsigned char [32]);

/*
 * Start the stream of draw seq in a protocol 1 session: its revealed seed
 * and the witness's hash.
 */
void	 rng_stream_init_v1(struct rng_stream *, const unsigned char [RNG_BYTES],
	    const unsigned char [32], uint64_t);

/* An index in [0, n), n > 0, uniform by rejection sampling. */
uint64_t rng_uniform(struct rng_stream *, uint64_t);

/* Forget the stream's key and words. */
void	 rng_stream_free(struct rng_stream *);

#endif
