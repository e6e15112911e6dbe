/*
 * streams.c: a producer thread filling a ring of streams, a block at a time.
 *
 * Each stream costs a BLAKE2b compression and a ChaCha20 block, about a
 * third of what a draw costs; made here, the drawing thread only copies it.
 * The two meet at a mutex once per block of 64 streams, not once per draw.
 * Without a thread, the streams are made where they are asked for.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "streams.h"
#include "util.h"

#define RING	1024
#define BLOCK	64

struct streams {
	struct rng_key		 key;
	uint64_t		 first;
	size_t			 n;
	struct rng_stream	*ring;

	pthread_t		 thread;
	pthread_mutex_t		 lock;
	pthread_cond_t		 cond;
	size_t			 made, taken;	/* streams so far, under lock */
	size_t			 seen;		/* made, as the taker last saw it */
	int			 threaded, stop;
};

static void *
streams_main(void *arg)
{
	struct streams	*sp = arg;
	size_t		 i = 0, end, k;

	while (i < sp->n) {
		pthread_mutex_lock(&sp->lock);
		while (!sp->stop && i + BLOCK > sp->taken + RING)
			pthread_cond_wait(&sp->cond, &sp->lock);
		if (sp->stop) {
			pthread_mutex_unlock(&sp->lock);
			break;
		}
		pthread_mutex_unlock(&sp->lock);
		end = i + BLOCK < sp->n ? i + BLOCK : sp->n;
		for (k = i; k < end; k++) {
			struct rng_stream	*rs = &sp->ring[k % RING];

			rng_stream_init(rs, &sp->key, sp->first + k);
			/* Make the first words now: the taker only copies. */
			(void)rng_uniform(rs, 1);
			rs->used = 0;
		}
		i = end;
		pthread_mutex_lock(&sp->lock);
		sp->made = i;
		pthread_cond_broadcast(&sp->cond);
		pthread_mutex_unlock(&sp->lock);
	}
	return NULL;
}

struct streams *
streams_start(const struct rng_key *key, uint64_t first, size_t n)
{
	struct streams	*sp;

	sp = xaligned(sizeof *sp);
	sp->key = *key;
	sp->first = first;
	sp->n = n;
	sp->ring = xcalloc(RING, sizeof *sp->ring);
	pthread_mutex_init(&sp->lock, NULL);
	pthread_cond_init(&sp->cond, NULL);
	sp->threaded = pthread_create(&sp->thread, NULL, streams_main, sp) == 0;
	return sp;
}

void
streams_get(struct streams *sp, uint64_t seq, struct rng_stream *out)
{
	size_t	i = (size_t)(seq - sp->first);

	if (!sp->threaded || seq < sp->first || i >= sp->n) {
		rng_stream_init(out, &sp->key, seq);
		return;
	}
	if (i >= sp->seen) {
		pthread_mutex_lock(&sp->lock);
		sp->taken = i;
		pthread_cond_broadcast(&sp->cond);
		while (sp->made <= i)
			pthread_cond_wait(&sp->cond, &sp->lock);
		sp->seen = sp->made;
		pthread_mutex_unlock(&sp->lock);
	}
	*out = sp->ring[i % RING];
	out->words = out->first;
	sodium_memzero(&sp->ring[i % RING], sizeof sp->ring[0]);
}

void
streams_stop(struct streams *sp)
{
	if (sp->threaded) {
		pthread_mutex_lock(&sp->lock);
		sp->stop = 1;
		pthread_cond_broadcast(&sp->cond);
		pthread_mutex_unlock(&sp->lock);
		pthread_join(sp->thread, NULL);
	}
	sodium_memzero(sp->ring, RING * sizeof *sp->ring);
	sodium_memzero(&sp->key, sizeof sp->key);
	free(sp->ring);
	pthread_mutex_destroy(&sp->lock);
	pthread_cond_destroy(&sp->cond);
	free(sp);
}
