/*
 * fenwick.h: weighted choice without replacement in O(log n).
 *
 * A Fenwick (binary indexed) tree over the members' weights in roster
 * order: the member holding ticket t, 0 <= t < total, is found by one walk
 * down the tree, and taking a member out is one walk up. A flat prefix-sum
 * array would answer in O(log n) too, but every removal would cost O(n).
 */
#ifndef RAFFLE_FENWICK_H
#define RAFFLE_FENWICK_H

#include <stddef.h>
#include <stdint.h>

struct fenwick {
	uint64_t	*tree;		/* 1-based partial sums */
	size_t		 n;
	size_t		 top;		/* the highest power of two <= n */
	uint64_t	 total;
};

/* Build from n weights in O(n). */
void	 fenwick_init(struct fenwick *, const uint32_t *, size_t);
void	 fenwick_free(struct fenwick *);

/* Add delta (may be negative) to member i's weight. */
void	 fenwick_add(struct fenwick *, size_t, int64_t);

/* The member whose tickets cover ticket t; t < total. */
size_t	 fenwick_find(const struct fenwick *, uint64_t);

#endif
