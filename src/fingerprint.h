/*
 * fingerprint.h: BLAKE2b-256 of a file's bytes, computed on a second thread
 * while the first one parses them. The caller lends each buffer and must not
 * reuse it before fingerprint_wait() says the hash is past it.
 */
#ifndef RAFFLE_FINGERPRINT_H
#define RAFFLE_FINGERPRINT_H

#include <stddef.h>
#include <stdint.h>

struct fingerprint;

struct fingerprint *fingerprint_start(void);

/* Queue len bytes at buf; returns a ticket for fingerprint_wait(). */
uint64_t fingerprint_feed(struct fingerprint *, const void *, size_t);

/* Wait until the bytes of ticket have been hashed. */
void	 fingerprint_wait(struct fingerprint *, uint64_t);

/* Hash what is left, write the digest (when out is not NULL) and free. */
void	 fingerprint_finish(struct fingerprint *, unsigned char [32]);

#endif
