/*
 * verify.h: proof that nobody chose the winners. The chain of hashes shows
 * that nothing was edited; with the roster (and prizes) every winner is
 * recomputed from the session's revealed seed.
 */
#ifndef RAFFLE_VERIFY_H
#define RAFFLE_VERIFY_H

#include <stdio.h>

#include "prizes.h"
#include "roster.h"

struct verify_opts {
	const char		*log;
	struct roster		*roster;	/* NULL: check the chain only */
	const struct prizes	*prizes;	/* NULL: generic draws */
	const char		*expect_head;	/* "SEQ:HEX", or NULL */
};

/* Check the log and print a summary ending with the head. */
int	 verify_run(const struct verify_opts *, FILE *, struct fault *);

#endif
