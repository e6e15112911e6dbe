/* reel.c: which name the rolling draw shows when. */
#include <stdlib.h>

#include "reel.h"
#include "util.h"

/* The share of the roll spent at full speed before slowing down. */
#define CRUISE	0.4

uint64_t
reel_random(uint64_t *state)
{
	uint64_t	z = (*state += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

uint64_t
reel_below(uint64_t *state, uint64_t n)
{
	uint64_t	limit = UINT64_MAX - UINT64_MAX % n, v;

	do
		v = reel_random(state);
	while (v >= limit);
	return v % n;
}

/* An eligible name for the reel, other than avoid if there is another. */
static size_t
filler(struct event *ev, size_t prize, size_t winner, size_t avoid,
    uint64_t *seed)
{
	uint64_t	total = event_pool_total(ev, prize);
	long		e = -1;
	int		tries;

	if (total == 0)
		return winner;
	for (tries = 0; tries < 16; tries++) {
		e = event_eligible_entry(ev, prize, reel_below(seed, total));
		if (e >= 0 && (size_t)e != avoid && (size_t)e != winner)
			break;
	}
	return e >= 0 ? (size_t)e : winner;
}

void
reel_build(struct reel *r, struct event *ev, size_t prize, size_t winner,
    double spin, uint64_t seed)
{
	size_t	i;

	if (spin < 0)
		spin = 0;
	r->hold = spin * REEL_HOLD < REEL_HOLD_MAX ? spin * REEL_HOLD :
	    REEL_HOLD_MAX;
	r->roll = spin - r->hold;
	r->land = (size_t)((1 + CRUISE) / 2 * REEL_MAX_SPEED * r->roll);
	r->speed = r->roll > 0 ? (double)r->land / ((1 + CRUISE) / 2 * r->roll) : 0;
	r->n = r->land + 1 + REEL_AFTER;
	r->names = xreallocarray(NULL, r->n, sizeof *r->names);
	for (i = 0; i < r->n; i++) {
		/* Neither the winner beside itself nor a name twice running. */
		r->names[i] = i == r->land ? winner : filler(ev, prize, winner,
		    i > 0 ? r->names[i - 1] : winner, &seed);
	}
}

void
reel_free(struct reel *r)
{
	free(r->names);
	r->names = NULL;
	r->n = 0;
}

/* Names passed at t, as a real number. */
static double
passed(const struct reel *r, double t)
{
	double	cruise = CRUISE * r->roll, u, slow;

	if (t >= r->roll)
		return (double)r->land;
	if (t <= cruise)
		return r->speed * t;
	u = t - cruise;
	slow = r->speed / (r->roll - cruise);	/* names a second, a second */
	return r->speed * cruise + r->speed * u - slow * u * u / 2;
}

size_t
reel_index(const struct reel *r, double t)
{
	double	p;

	if (r->roll <= 0 || t >= r->roll)
		return r->land;
	if (t <= 0)
		return 0;
	/*
	 * The nearest name: the winner comes into the bar when the reel is
	 * half a name from the end, a moment before it stops (and a hair
	 * over, so that the index never lags its own time).
	 */
	p = passed(r, t) + 0.5 + 1e-9;
	return p >= (double)r->land ? r->land : (size_t)p;
}

double
reel_next_change(const struct reel *r, double t)
{
	double	lo = t, hi = r->roll, mid, target;
	int	i;

	if (r->roll <= 0 || t >= r->roll)
		return r->roll;
	/* passed() only grows: halve the interval down to a millisecond. */
	target = (double)reel_index(r, t) + 0.5 - 1e-9;
	for (i = 0; i < 40 && hi - lo > 1e-3; i++) {
		mid = (lo + hi) / 2;
		if (passed(r, mid) >= target)
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}

int
reel_landed(const struct reel *r, double t)
{
	return t >= r->roll;
}

int
reel_done(const struct reel *r, double t)
{
	return t >= r->roll + r->hold;
}

double
reel_cell_lands(double spin, size_t k, size_t n)
{
	if (spin <= 0)
		return 0;
	if (n <= 1)
		return spin;
	return spin / 4 + 3 * spin / 4 * (double)k / (double)(n - 1);
}

size_t
reel_cell_name(struct event *ev, size_t prize, size_t winner, uint64_t seed,
    double t)
{
	uint64_t	state;

	if (t < 0)
		t = 0;
	state = seed ^ ((uint64_t)(t * REEL_CELL_SPEED) *
	    UINT64_C(0xd1b54a32d192ed03));
	return filler(ev, prize, winner, winner, &state);
}
