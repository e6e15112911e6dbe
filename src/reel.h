/*
 * reel.h: the rolling draw, as pure functions of time.
 *
 * The winner is drawn and on disk before the reel starts; the reel is a
 * list of names with the winner at index land, and the time only says how
 * far down the list the screen is. The names before and after the winner
 * are theatre: eligible people picked by a generator of the show's own
 * (splitmix64), never the draw's random source, so they cannot change who
 * won and cannot be mistaken for the draw.
 *
 * The motion: the reel passes names at a steady speed the eye can follow
 * (at most REEL_MAX_SPEED a second) for the first 40% of the roll, then
 * slows evenly to a stop on the winner at the end of the roll; it holds
 * the winner still for the hold (0.6 s of the default 4 s spin), and only
 * then is the winner revealed.
 * With a constant speed v for the first 0.4 R of a roll of R seconds and
 * an even slowing to 0 at R, the reel passes 0.7 v R names.
 */
#ifndef RAFFLE_REEL_H
#define RAFFLE_REEL_H

#include <stddef.h>
#include <stdint.h>

#include "event.h"

#define REEL_MAX_SPEED	12.0	/* names a second, at the fastest */
#define REEL_HOLD	0.15	/* of the spin, the winner held still, */
#define REEL_HOLD_MAX	1.0	/* up to this many seconds */
#define REEL_AFTER	2	/* names past the winner, shown below the bar */

struct reel {
	size_t		*names;		/* roster entries */
	size_t		 n;		/* land + 1 + REEL_AFTER */
	size_t		 land;		/* the winner's place */
	double		 roll, hold;	/* seconds */
	double		 speed;		/* names a second at first */
};

/* The show's generator (splitmix64): the next number from *state. */
uint64_t reel_random(uint64_t *);

/* A number below n (n > 0) from the show's generator, without bias. */
uint64_t reel_below(uint64_t *, uint64_t);

/*
 * Build the reel for a draw of prize won by roster entry winner, spinning
 * spin seconds in all (roll and hold): the other names are people
 * eligible for the prize now, picked by the show's generator from seed;
 * when nobody else is, every name is the winner's. Free with reel_free().
 */
void	 reel_build(struct reel *, struct event *, size_t, size_t, double,
	    uint64_t);
/* Free the reel's names; it may be built again. */
void	 reel_free(struct reel *);

/* The place in the list in the bar at t seconds after the start. */
size_t	 reel_index(const struct reel *, double);

/*
 * Seconds after the start when the name in the bar next changes, after t;
 * the end of the roll when it does not change again before.
 */
double	 reel_next_change(const struct reel *, double);

/* Whether the winner is in the bar at t (rolled, held or done). */
int	 reel_landed(const struct reel *, double);

/* Whether roll and hold are over at t: time to reveal. */
int	 reel_done(const struct reel *, double);

/*
 * A batch's cells roll together and land one after another in reading
 * order: cell k of a page of n lands this many seconds after the page's
 * show began, the first at a quarter of the spin, the last at its end, so
 * that the room can count them.
 */
double	 reel_cell_lands(double, size_t, size_t);

#define REEL_CELL_SPEED	8.0	/* names a second in a rolling cell */

/*
 * The name a rolling cell shows t seconds into its roll: someone eligible
 * for prize, other than winner if anyone else is, picked by the show's
 * generator from seed and the moment, so that nothing is stored.
 */
size_t	 reel_cell_name(struct event *, size_t, size_t, uint64_t, double);

#endif
