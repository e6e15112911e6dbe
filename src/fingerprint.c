/*
 * fingerprint.c: the roster's fingerprint on a thread of its own.
 *
 * BLAKE2b costs about half of what libcsv's parse of the same bytes costs,
 * so hashing inline would add half again to every import. Another thread
 * hashes each chunk while the parser reads it; the two meet only at a short
 * queue of buffer addresses. If no thread can be started, the hash is
 * computed inline.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "blake2b.h"
#include "fingerprint.h"
#include "util.h"

#define QUEUE	8

struct job {
	const void	*buf;
	size_t		 len;
};

struct fingerprint {
	struct blake2b		 st;
	pthread_t		 thread;
	pthread_mutex_t		 lock;
	pthread_cond_t		 cond;
	struct job		 q[QUEUE];
	uint64_t		 fed, done;	/* jobs queued, jobs hashed */
	int			 threaded, closing;
};

static void *
fingerprint_main(void *arg)
{
	struct fingerprint	*fp = arg;
	struct job		 j;

	pthread_mutex_lock(&fp->lock);
	for (;;) {
		while (fp->done == fp->fed && !fp->closing)
			pthread_cond_wait(&fp->cond, &fp->lock);
		if (fp->done == fp->fed)
			break;
		j = fp->q[fp->done % QUEUE];
		pthread_mutex_unlock(&fp->lock);
		blake2b_update(&fp->st, j.buf, j.len);
		pthread_mutex_lock(&fp->lock);
		fp->done++;
		pthread_cond_broadcast(&fp->cond);
	}
	pthread_mutex_unlock(&fp->lock);
	return NULL;
}

struct fingerprint *
fingerprint_start(void)
{
	struct fingerprint	*fp;

	fp = xaligned(sizeof *fp);
	blake2b_init(&fp->st, 32);
	pthread_mutex_init(&fp->lock, NULL);
	pthread_cond_init(&fp->cond, NULL);
	fp->threaded = pthread_create(&fp->thread, NULL, fingerprint_main,
	    fp) == 0;
	return fp;
}

uint64_t
fingerprint_feed(struct fingerprint *fp, const void *buf, size_t len)
{
	uint64_t	ticket;

	if (!fp->threaded) {
		blake2b_update(&fp->st, buf, len);
		return ++fp->fed;
	}
	pthread_mutex_lock(&fp->lock);
	while (fp->fed - fp->done == QUEUE)
		pthread_cond_wait(&fp->cond, &fp->lock);
	fp->q[fp->fed % QUEUE].buf = buf;
	fp->q[fp->fed % QUEUE].len = len;
	ticket = ++fp->fed;
	pthread_cond_broadcast(&fp->cond);
	pthread_mutex_unlock(&fp->lock);
	return ticket;
}

void
fingerprint_wait(struct fingerprint *fp, uint64_t ticket)
{
	if (!fp->threaded)
		return;
	pthread_mutex_lock(&fp->lock);
	while (fp->done < ticket)
		pthread_cond_wait(&fp->cond, &fp->lock);
	pthread_mutex_unlock(&fp->lock);
}

void
fingerprint_finish(struct fingerprint *fp, unsigned char out[32])
{
	unsigned char	discard[32];

	if (fp->threaded) {
		pthread_mutex_lock(&fp->lock);
		fp->closing = 1;
		pthread_cond_broadcast(&fp->cond);
		pthread_mutex_unlock(&fp->lock);
		pthread_join(fp->thread, NULL);
	}
	blake2b_final(&fp->st, out != NULL ? out : discard);
	pthread_mutex_destroy(&fp->lock);
	pthread_cond_destroy(&fp->cond);
	free(fp);
}
