/* sparks.c: where each spark of a celebration is, and when. */
#include "reel.h"
#include "sparks.h"

#define FALL	6.0	/* rows a second */

int
sparks_at(uint64_t seed, size_t i, double t, int cols, int rows,
    struct spark *sp)
{
	uint64_t	state = seed ^ ((uint64_t)i * UINT64_C(0x2545f4914f6cdd1d));
	double		born, life;

	if (cols <= 0 || rows <= 0)
		return 0;
	sp->x = (int)reel_below(&state, (uint64_t)cols);
	sp->y = (int)reel_below(&state, (uint64_t)rows);
	sp->colour = (int)reel_below(&state, 3);
	sp->shape = (int)reel_below(&state, 4);
	born = (double)reel_below(&state, 1500) / 1000;
	life = 0.4 + (double)reel_below(&state, 800) / 1000;
	if (t < born || t > born + life || t > SPARKS_TIME)
		return 0;
	sp->y += (int)((t - born) * FALL);
	return sp->y < rows;
}
