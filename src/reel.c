/* reel.c: which name the rolling draw shows when. */
#include <stdlib.h>

#include "reel.h"
#include "util.h"

double
reel_ease(double x)
{
	double	u;

	if (x <= 0)
		return 0;
	if (x >= 1)
		return 1;
	u = 1 - x;
	return 1 - u * u * u * u;
}

/* splitmix64: fast and plenty for choosing names to scroll past. */
static uint64_t
show_random(uint64_t *state)
{
	uint64_t	z = (*state += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

void
reel_build(struct reel *r, size_t count, size_t winner, size_t len,
    double spin, uint64_t seed)
{
	size_t	i;

	if (len < 1)
		len = 1;
	r->n = len;
	r->spin = spin;
	r->names = xreallocarray(NULL, len, sizeof *r->names);
	for (i = 0; i + 1 < len; i++) {
		r->names[i] = (size_t)(show_random(&seed) % count);
		/* Never show the winner just before it stops on them. */
		if (count > 1 && i + 2 >= len && r->names[i] == winner)
			r->names[i] = (winner + 1) % count;
	}
	r->names[len - 1] = winner;
}

void
reel_free(struct reel *r)
{
	free(r->names);
	r->names = NULL;
	r->n = 0;
}

size_t
reel_index(const struct reel *r, double t)
{
	double	x;
	size_t	i;

	if (r->spin <= 0 || t >= r->spin)
		return r->n - 1;
	x = reel_ease(t / r->spin) * (double)(r->n - 1);
	i = (size_t)x;
	return i < r->n ? i : r->n - 1;
}

int
reel_done(const struct reel *r, double t)
{
	return r->spin <= 0 || t >= r->spin;
}
