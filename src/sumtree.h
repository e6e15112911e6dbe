/*
 * sumtree.h: weighted choice without replacement in O(log n).
 *
 * A complete binary tree of sums over the members' weights in roster order,
 * laid out as a heap: node i holds the sum of nodes 2i and 2i+1, leaves hold
 * the weights. The member holding ticket t, 0 <= t < total, is found by one
 * walk from the root down; taking a member out is one walk from its leaf up,
 * over the very nodes the walk down has just brought into the cache. (A
 * Fenwick tree needs half the memory, but its two walks take different
 * paths, and on a million members each step of either is a cache miss.)
 */
#ifndef RAFFLE_SUMTREE_H
#define RAFFLE_SUMTREE_H

#include <stddef.h>
#include <stdint.h>

struct sumtree {
	uint64_t	*node;		/* [1, 2 * leaves); node 1 is the root */
	size_t		 n;		/* members */
	size_t		 leaves;	/* the power of two >= n */
	uint64_t	 total;
};

/* Build from n weights in O(n). */
void	 sumtree_init(struct sumtree *, const uint32_t *, size_t);
/* Free the tree's nodes. */
void	 sumtree_free(struct sumtree *);

/* Add delta (may be negative) to member i's weight. */
void	 sumtree_add(struct sumtree *, size_t, int64_t);

/* The member whose tickets cover ticket t; t < total. */
size_t	 sumtree_find(const struct sumtree *, uint64_t);

#endif
