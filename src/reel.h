/*
 * reel.h: the rolling draw's timing, as pure functions of time.
 *
 * The winner is drawn and on disk before the reel starts; the reel is a
 * list of names that ends on that winner, and the time only says how far
 * down the list the screen is. Fast at first, then slowing with an ease-out
 * curve, it stops on the last name exactly when the spin is over.
 */
#ifndef RAFFLE_REEL_H
#define RAFFLE_REEL_H

#include <stddef.h>
#include <stdint.h>

struct reel {
	size_t		*names;		/* roster entries; the last is the winner */
	size_t		 n;
	double		 spin;		/* seconds */
};

/* Ease-out quartic: 0 at 0, 1 at 1, its slope falling to 0 at the end. */
double	 reel_ease(double);

/*
 * Fill a reel of about len names from a roster of count entries, ending on
 * winner. The names before it are for show, picked by a small generator
 * seeded with seed; they cannot change who won.
 */
void	 reel_build(struct reel *, size_t, size_t, size_t, double, uint64_t);
void	 reel_free(struct reel *);

/* The place in the list shown at t seconds after the start. */
size_t	 reel_index(const struct reel *, double);

/* Whether the reel has stopped at t. */
int	 reel_done(const struct reel *, double);

#endif
