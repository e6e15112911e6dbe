/*
 * drawlog.c: a writer thread and a ring of draws, met a block at a time.
 *
 * Writing a record costs about as much as drawing it (the winner's strings
 * are read from a big pool, the record is hashed); on two cores the two
 * overlap. The threads meet at a mutex once per block of draws, as the
 * streams do. Without a thread, each record is written where it is handed.
 */
#include <pthread.h>
#include <stdlib.h>

#include "drawlog.h"
#include "util.h"

#define RING	4096
#define BLOCK	64

/*
 * The drawing thread counts put on every draw; the writer keeps its own
 * copies of what it reads on every record, and touches this struct only
 * under the lock, once a block. The batch itself is moved to lines of its
 * own while the writer has it: the caller's copy sits among the drawing
 * thread's variables. So the two do not trade a cache line a draw.
 */
struct drawlog {
	struct ledger_batch	*out;		/* the caller's */
	struct ledger_batch	*b;		/* the writer's, meanwhile */
	struct draw_rec		*ring;
	size_t			 put;		/* draws handed over */

	/* Shared, under the lock. */
	pthread_mutex_t		 lock;
	pthread_cond_t		 cond;
	pthread_t		 thread;
	size_t			 sent, written;	/* draws published, written */
	int			 threaded, closing;
};

void
draw_rec_write(struct ledger_batch *b, const struct draw_rec *d)
{
	ledger_rec_begin(b, REC_DRAW);
	ledger_rec_add(b, "prize", d->prize);
	ledger_rec_add(b, "id", d->id);
	ledger_rec_add(b, "name", d->name);
	ledger_rec_addu(b, "tickets", d->tickets);
	ledger_rec_addu(b, "pool", d->pool);
	ledger_rec_addu(b, "ticket", d->ticket);
	if (d->replaces != 0)
		ledger_rec_addu(b, "replaces", d->replaces);
	ledger_rec_end(b);
}

static void *
drawlog_main(void *arg)
{
	struct drawlog		*dl = arg;
	struct ledger_batch	*b = dl->b;
	const struct draw_rec	*ring = dl->ring;
	size_t			 i = 0, end;

	pthread_mutex_lock(&dl->lock);
	for (;;) {
		while (i == dl->sent && !dl->closing)
			pthread_cond_wait(&dl->cond, &dl->lock);
		if (i == dl->sent)
			break;
		end = dl->sent;
		pthread_mutex_unlock(&dl->lock);
		for (; i < end; i++)
			draw_rec_write(b, &ring[i % RING]);
		pthread_mutex_lock(&dl->lock);
		dl->written = i;
		pthread_cond_broadcast(&dl->cond);
	}
	pthread_mutex_unlock(&dl->lock);
	return NULL;
}

struct drawlog *
drawlog_start(struct ledger_batch *b)
{
	struct drawlog	*dl;

	dl = xaligned(sizeof *dl);
	dl->out = b;
	dl->b = xaligned(sizeof *dl->b);
	*dl->b = *b;
	dl->ring = xreallocarray(NULL, RING, sizeof *dl->ring);
	pthread_mutex_init(&dl->lock, NULL);
	pthread_cond_init(&dl->cond, NULL);
	dl->threaded = pthread_create(&dl->thread, NULL, drawlog_main, dl) == 0;
	return dl;
}

/* Publish a block, and wait until the ring has room for the next one. */
static void
drawlog_sync(struct drawlog *dl)
{
	pthread_mutex_lock(&dl->lock);
	dl->sent = dl->put;
	pthread_cond_broadcast(&dl->cond);
	while (dl->put + BLOCK - dl->written > RING)
		pthread_cond_wait(&dl->cond, &dl->lock);
	pthread_mutex_unlock(&dl->lock);
}

void
drawlog_put(struct drawlog *dl, const struct draw_rec *d)
{
	if (!dl->threaded) {
		draw_rec_write(dl->b, d);
		return;
	}
	dl->ring[dl->put % RING] = *d;
	if (++dl->put % BLOCK == 0)
		drawlog_sync(dl);
}

void
drawlog_finish(struct drawlog *dl)
{
	if (dl->threaded) {
		pthread_mutex_lock(&dl->lock);
		dl->sent = dl->put;
		dl->closing = 1;
		pthread_cond_broadcast(&dl->cond);
		pthread_mutex_unlock(&dl->lock);
		pthread_join(dl->thread, NULL);
	}
	pthread_mutex_destroy(&dl->lock);
	pthread_cond_destroy(&dl->cond);
	*dl->out = *dl->b;
	free(dl->b);
	free(dl->ring);
	free(dl);
}
