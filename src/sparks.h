/*
 * sparks.h: the celebration after a reveal, as a pure function of time.
 *
 * Each spark is born at a place and a moment of its own, falls a few rows
 * and goes out; where and when follow from the show's seed and the spark's
 * number through the show's generator (reel_random()), so that the same
 * reveal always celebrates the same way and nothing here touches the
 * draw's random source. The screen paints a spark only on an empty cell:
 * the celebration never covers a word.
 */
#ifndef RAFFLE_SPARKS_H
#define RAFFLE_SPARKS_H

#include <stddef.h>
#include <stdint.h>

#define SPARKS		48	/* sparks in a celebration */
#define SPARKS_TIME	2.5	/* seconds it lasts */

struct spark {
	int	x, y;		/* column and row */
	int	colour;		/* 0, 1 or 2 */
	int	shape;		/* 0 to 3 */
};

/*
 * Spark i of the celebration seeded with seed, t seconds after it began,
 * on a screen of cols x rows: 1 with *sp filled if it glows then, else 0.
 */
int	 sparks_at(uint64_t, size_t, double, int, int, struct spark *);

#endif
