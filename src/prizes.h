/*
 * prizes.h: the prize table, drawn in file order: small prizes first, the
 * grand prize last, as events usually do.
 */
#ifndef RAFFLE_PRIZES_H
#define RAFFLE_PRIZES_H

#include <stddef.h>
#include <stdint.h>

#include "csvin.h"
#include "util.h"

#define PRIZES_MAX_QUANTITY	1000000u

struct prize_row {
	char		*name;
	uint32_t	 quantity;
	char		*eligible;	/* a group value, or NULL for everyone */
	unsigned long	 line;
};

struct prizes {
	const char		*file;
	struct prize_row	*rows;
	size_t			 n;
	unsigned char		 fingerprint[32];
};

/* Read a prize table; on failure nothing is left to free. */
int	 prizes_load(struct prizes *, const struct csvin_opts *, struct fault *);
/* Free what the table holds. */
void	 prizes_free(struct prizes *);

#endif
