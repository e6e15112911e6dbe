/*
 * verify.h: proof that nobody chose the winners. The chain of hashes shows
 * that nothing was edited, the secrets that each draw used what its
 * session committed to; with the rosters (and prize tables) every winner
 * is recomputed, each session with the roster version it recorded.
 */
#ifndef RAFFLE_VERIFY_H
#define RAFFLE_VERIFY_H

#include <stdio.h>

#include "prizes.h"
#include "roster.h"

struct verify_opts {
	const char		*log;
	struct roster		**rosters;	/* none: check the chains only */
	size_t			 nrosters;
	const struct prizes	**prizes;	/* none: generic draws */
	size_t			 nprizes;
	const char		*expect_head;	/* "SEQ:HEX", or NULL */
	const char		*expect_commit;	/* "HEX", or NULL */
};

/* Check the log and print a summary ending with the head. */
int	 verify_run(const struct verify_opts *, FILE *, struct fault *);

#endif
