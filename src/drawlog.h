/*
 * drawlog.h: the records of a big batch of draws, written on a second core.
 *
 * A draw's record (its text and its hash, chained from the one before) does
 * not change who wins the next draw, so the drawing thread hands each
 * winner over and goes on while another thread writes the records, in
 * order, into the batch. Nothing reaches the file before the batch is
 * appended, as with records written inline.
 */
#ifndef RAFFLE_DRAWLOG_H
#define RAFFLE_DRAWLOG_H

#include <stdint.h>

#include "ledger.h"

/* What a draw record says; the strings must outlive the batch. */
struct draw_rec {
	const char	*prize, *id, *name;
	uint32_t	 tickets;
	uint64_t	 pool, ticket, replaces;
};

/* Add the record of one draw to the batch. */
void	 draw_rec_write(struct ledger_batch *, const struct draw_rec *);

struct drawlog;

/*
 * Take the batch b over until drawlog_finish() hands it back with the
 * records in it; meanwhile only its stamp may be read.
 */
struct drawlog	*drawlog_start(struct ledger_batch *);
/* Hand one draw over, in order. */
void		 drawlog_put(struct drawlog *, const struct draw_rec *);
/* Wait until every record handed over is in the batch, and free. */
void		 drawlog_finish(struct drawlog *);

#endif
