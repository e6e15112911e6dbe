/*
 * strmap.h: names to numbers, the one hash table. Each name added gets the
 * next number, 0, 1, 2, ...; the map keeps a pointer to the name, which
 * must outlive it. Open addressing, kept under half full: a million names
 * take 24 MB.
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

/* Make room for n names in all, so that adding them moves nothing. */
void	 strmap_reserve(struct strmap *, size_t);

/* The number of name, or -1. */
long	 strmap_find(const struct strmap *, const char *);

/* The number of name, adding it if it is new (*added says which). */
size_t	 strmap_intern(struct strmap *, const char *, int *);

/* Add a name not in the map yet; returns its number. */
size_t	 strmap_add(struct strmap *, const char *);

/* Free the map (not the names). */
void	 strmap_free(struct strmap *);

#endif
