/*
 * streams.h: the random streams of a batch of draws, made ahead of time on
 * a second core. A draw's stream depends only on the session's key and the
 * draw's sequence number, never on earlier draws, so it can be computed
 * before it is needed; the draws themselves still go one after another.
 */
#ifndef RAFFLE_STREAMS_H
#define RAFFLE_STREAMS_H

#include <stddef.h>
#include <stdint.h>

#include "rng.h"

struct streams;

/* Start making the streams of seq first, first + 1, ..., first + n - 1. */
struct streams *streams_start(const struct rng_key *, uint64_t, size_t);

/* The stream of seq, in order from first; waits until it is made. */
void	 streams_get(struct streams *, uint64_t, struct rng_stream *);

/* Stop making them (the batch may end early) and free. */
void	 streams_stop(struct streams *);

#endif
