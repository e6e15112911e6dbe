/*
 * layout.h: where things go on a screen of a given size; the sizes and the
 * arithmetic only, so that tests can check them without a terminal.
 */
#ifndef RAFFLE_LAYOUT_H
#define RAFFLE_LAYOUT_H

#include <stddef.h>

#define LAYOUT_MIN_COLS	40
#define LAYOUT_MIN_ROWS	12

struct grid {
	size_t	cols;		/* cells across */
	size_t	rows;		/* cells down, on one page */
	size_t	cell;		/* columns a cell takes, gap included */
	size_t	per_page;
	size_t	pages;
};

/* Whether a screen of cols x rows is big enough to paint on. */
int	 layout_big_enough(size_t, size_t);

/* The column where text w columns wide starts, centred in width. */
size_t	 layout_center(size_t, size_t);

/*
 * Lay n items, the widest widest columns, in a grid of at most width x
 * height, with a gap of 2 between cells; items wider than the width allows
 * will be cut when painted.
 */
void	 layout_grid(struct grid *, size_t, size_t, size_t, size_t);

#endif
