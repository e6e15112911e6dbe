/*
 * rowpipe.c: a parse thread and a consume thread, joined by three batches.
 *
 * libcsv takes about half of an import; folding names, copying them and
 * filling the entries take most of the rest. On two cores they can overlap:
 * the parser fills a batch with the fields of a few thousand rows, hands it
 * over and fills the next while the consumer works through the first. A
 * batch is one byte buffer and two arrays, so handing it over costs a lock,
 * not a copy. Without threads the batch is consumed where it is handed:
 * so it is when a big file is read in two halves, each half on a core of
 * its own (csvin.c), and a third thread would only take turns with them.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rowpipe.h"

#define NBATCH		3
#define BATCH_ROWS	((size_t)4096)
#define BATCH_BYTES	((size_t)256 * 1024)

struct bfield {
	size_t		 off, len;
	int		 plain;
};

struct brow {
	unsigned long	 line;
	size_t		 first, n;	/* its fields */
};

/*
 * Each batch, and each thread's own state below, starts a cache line of its
 * own: the parser writes its batch's counts for every field, and a consumer
 * reading a neighbour on the same line would make the two cores trade that
 * line back and forth (measured: a third slower than one thread).
 */
struct batch {
	_Alignas(64) char	*bytes;
	size_t		 len, cap;
	struct bfield	*fields;
	size_t		 nfields, capfields;
	struct brow	*rows;
	size_t		 nrows, caprows;
};

struct rowpipe {
	struct batch		 b[NBATCH];

	/* The parser's. */
	_Alignas(64) size_t	 fill;		/* the batch the parser fills */
	size_t			 rowstart;	/* its current row's first field */

	/* The consumer's: its view of one row, and the callback. */
	_Alignas(64) char	**field;
	size_t			*len;
	unsigned char		*plain;
	size_t			 cap;
	const char		*file;
	csvin_row_fn		 fn;
	void			*arg;
	struct fault		 fault;
	int			 eager;		/* deliver each row as it ends */

	/* Shared, under the lock. */
	_Alignas(64) pthread_mutex_t lock;
	pthread_cond_t		 cond;
	pthread_t		 thread;
	uint64_t		 sent, done;	/* batches handed over, consumed */
	int			 threaded, closing, failed;
};

/* Call the consumer on every row of a batch; -1 at the first failure. */
static int
rowpipe_consume(struct rowpipe *rp, struct batch *b)
{
	struct csvin_row	row;
	size_t			i, k;
	int			rc = 0;

	for (i = 0; i < b->nrows && rc == 0; i++) {
		struct brow	*br = &b->rows[i];

		if (br->n > rp->cap) {
			rp->cap = br->n * 2;
			rp->field = xreallocarray(rp->field, rp->cap, sizeof *rp->field);
			rp->len = xreallocarray(rp->len, rp->cap, sizeof *rp->len);
			rp->plain = xreallocarray(rp->plain, rp->cap, sizeof *rp->plain);
		}
		for (k = 0; k < br->n; k++) {
			struct bfield	*f = &b->fields[br->first + k];

			rp->field[k] = b->bytes + f->off;
			rp->len[k] = f->len;
			rp->plain[k] = (unsigned char)f->plain;
		}
		row.file = rp->file;
		row.line = br->line;
		row.nfields = br->n;
		row.field = rp->field;
		row.len = rp->len;
		row.plain = rp->plain;
		rc = rp->fn(rp->arg, &row, &rp->fault);
		if (rc == 0 && rp->eager && !csvin_row_is_blank(&row))
			rp->eager = 0;
	}
	b->len = b->nfields = b->nrows = 0;
	return rc;
}

static void *
rowpipe_main(void *arg)
{
	struct rowpipe	*rp = arg;
	struct batch	*b;
	int		 failed;

	pthread_mutex_lock(&rp->lock);
	for (;;) {
		while (rp->done == rp->sent && !rp->closing)
			pthread_cond_wait(&rp->cond, &rp->lock);
		if (rp->done == rp->sent)
			break;
		b = &rp->b[rp->done % NBATCH];
		if (rp->failed) {
			/* After a failure the rest is not looked at. */
			b->len = b->nfields = b->nrows = 0;
		} else {
			pthread_mutex_unlock(&rp->lock);
			failed = rowpipe_consume(rp, b) != 0;
			pthread_mutex_lock(&rp->lock);
			rp->failed = failed;
		}
		rp->done++;
		pthread_cond_broadcast(&rp->cond);
	}
	pthread_mutex_unlock(&rp->lock);
	return NULL;
}

struct rowpipe *
rowpipe_start(const char *file, csvin_row_fn fn, void *arg, int how)
{
	struct rowpipe	*rp;

	rp = xaligned(sizeof *rp);
	rp->file = file;
	rp->fn = fn;
	rp->arg = arg;
	rp->eager = how == ROWPIPE_EAGER;
	pthread_mutex_init(&rp->lock, NULL);
	pthread_cond_init(&rp->cond, NULL);
	if (how == ROWPIPE_THREAD)
		rp->threaded = pthread_create(&rp->thread, NULL, rowpipe_main,
		    rp) == 0;
	return rp;
}

int
rowpipe_started(const struct rowpipe *rp)
{
	return !rp->eager;
}

void
rowpipe_field(struct rowpipe *rp, const char *s, size_t len, int plain)
{
	struct batch	*b = &rp->b[rp->fill];
	struct bfield	*f;

	if (b->cap - b->len < len + 1) {
		while (b->cap - b->len < len + 1)
			b->cap = b->cap ? b->cap * 2 : 4096;
		b->bytes = xrealloc(b->bytes, b->cap);
	}
	if (b->nfields == b->capfields) {
		b->capfields = b->capfields ? b->capfields * 2 : 64;
		b->fields = xreallocarray(b->fields, b->capfields, sizeof *b->fields);
	}
	memcpy(b->bytes + b->len, s, len);
	b->bytes[b->len + len] = '\0';
	f = &b->fields[b->nfields++];
	f->off = b->len;
	f->len = len;
	f->plain = plain;
	b->len += len + 1;
}

int
rowpipe_in_row(const struct rowpipe *rp)
{
	return rp->b[rp->fill].nfields > rp->rowstart;
}

/* Hand the filled batch over and wait for a free one to fill. */
static void
rowpipe_send(struct rowpipe *rp)
{
	if (!rp->threaded) {
		if (!rp->failed)
			rp->failed = rowpipe_consume(rp, &rp->b[rp->fill]) != 0;
		rp->b[rp->fill].len = rp->b[rp->fill].nfields = 0;
		rp->b[rp->fill].nrows = 0;
		return;
	}
	pthread_mutex_lock(&rp->lock);
	rp->sent++;
	pthread_cond_broadcast(&rp->cond);
	while (rp->sent - rp->done == NBATCH)
		pthread_cond_wait(&rp->cond, &rp->lock);
	pthread_mutex_unlock(&rp->lock);
	rp->fill = rp->sent % NBATCH;
}

int
rowpipe_row(struct rowpipe *rp, unsigned long line)
{
	struct batch	*b = &rp->b[rp->fill];
	struct brow	*r;
	int		 failed;

	if (b->nrows == b->caprows) {
		b->caprows = b->caprows ? b->caprows * 2 : 16;
		b->rows = xreallocarray(b->rows, b->caprows, sizeof *b->rows);
	}
	r = &b->rows[b->nrows++];
	r->line = line;
	r->first = rp->rowstart;
	r->n = b->nfields - rp->rowstart;
	rp->rowstart = b->nfields;
	if (b->nrows < BATCH_ROWS && b->len < BATCH_BYTES && !rp->eager)
		return 0;
	rowpipe_send(rp);
	rp->rowstart = 0;
	pthread_mutex_lock(&rp->lock);
	failed = rp->failed;
	pthread_mutex_unlock(&rp->lock);
	return failed ? -1 : 0;
}

int
rowpipe_finish(struct rowpipe *rp, struct fault *f)
{
	size_t	i;
	int	rc;

	/* A row left open by an error is not delivered. */
	rp->b[rp->fill].nfields = rp->rowstart;
	if (rp->b[rp->fill].nrows > 0)
		rowpipe_send(rp);
	if (rp->threaded) {
		pthread_mutex_lock(&rp->lock);
		rp->closing = 1;
		pthread_cond_broadcast(&rp->cond);
		pthread_mutex_unlock(&rp->lock);
		pthread_join(rp->thread, NULL);
	}
	rc = rp->failed ? -1 : 0;
	if (rp->failed && f != NULL)
		*f = rp->fault;
	for (i = 0; i < NBATCH; i++) {
		free(rp->b[i].bytes);
		free(rp->b[i].fields);
		free(rp->b[i].rows);
	}
	free(rp->field);
	free(rp->len);
	free(rp->plain);
	pthread_mutex_destroy(&rp->lock);
	pthread_cond_destroy(&rp->cond);
	free(rp);
	return rc;
}
