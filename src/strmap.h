/*
 * strmap.h: names to numbers. Each name added gets the next number, 0, 1,
 * 2, ...; the map keeps a pointer to the name, which must outlive it.
 */
#ifndef RAFFLE_STRMAP_H
#define RAFFLE_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct strmap {
	uint64_t	*slots;		/* hash tag << 32 | number + 1 */
	size_t		 nslots;
	const char	**names;
	size_t		 n;
};

/* The number of name, or -1. */
long	 strmap_find(const struct strmap *, const char *);

/* Add a name not in the map yet; returns its number. */
size_t	 strmap_add(struct strmap *, const char *);

void	 strmap_free(struct strmap *);

#endif
