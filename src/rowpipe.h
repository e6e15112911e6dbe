/*
 * rowpipe.h: rows passed from the thread that parses to a thread that
 * consumes them, in batches. The consumer's callback sees the rows in file
 * order, one at a time, exactly as if it were called from the parser.
 */
#ifndef RAFFLE_ROWPIPE_H
#define RAFFLE_ROWPIPE_H

#include "csvin.h"

struct rowpipe;

/*
 * ROWPIPE_THREAD consumes on a thread of its own (or inline if none can be
 * started). ROWPIPE_INLINE consumes on the caller's thread, a batch at a
 * time. ROWPIPE_EAGER is inline too, but hands over each row as it ends
 * until the first row that is not blank has been consumed: the caller can
 * then know that the header has been seen.
 */
enum { ROWPIPE_THREAD, ROWPIPE_INLINE, ROWPIPE_EAGER };

struct rowpipe *rowpipe_start(const char *, csvin_row_fn, void *, int);

/* Whether a row that is not blank has been consumed (ROWPIPE_EAGER). */
int	 rowpipe_started(const struct rowpipe *);

/* Add a field to the row being built; plain: printable ASCII only. */
void	 rowpipe_field(struct rowpipe *, const char *, size_t, int);

/* End the row; returns -1 once the consumer has failed (stop reading). */
int	 rowpipe_row(struct rowpipe *, unsigned long);

/* Whether the row being built has fields yet. */
int	 rowpipe_in_row(const struct rowpipe *);

/*
 * Deliver what is left, stop the consumer and free the pipe. Returns 0, or
 * -1 with the consumer's fault copied into the fault given.
 */
int	 rowpipe_finish(struct rowpipe *, struct fault *);

#endif
