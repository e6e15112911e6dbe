/*
 * layout.h: where things go on a screen of a given size; the sizes and the
 * arithmetic only, so that tests can check them without a terminal.
 */
#ifndef RAFFLE_LAYOUT_H
#define RAFFLE_LAYOUT_H

#include <stddef.h>

#include "font.h"

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

/*
 * How a batch's winners are laid out, a page at a time, in cells read
 * left to right and down: each cell holds a name in big letters over its
 * number and the name in plain text, or in plain text alone.
 */
struct cells {
	int	 big;		/* big letters; else plain text */
	int	 size;		/* the letters' size, the same in every cell */
	size_t	 cols, rows;	/* cells across and down a page */
	size_t	 per_page, pages;
	size_t	 cell_w, cell_h;	/* columns and rows of a cell, gaps in */
};

/* Rows of a big cell beyond its letters: the plain line and a gap. */
#define LAYOUT_CELL_EXTRA	2
/* Batches of more winners than this are laid out in plain text. */
#define LAYOUT_BIG_MAX		100

/*
 * Lay the n names out in width x height: up to 10 (or 20, smaller) on
 * one page in big letters, more in pages of 10; where that does not fit,
 * pages of 6 or 3 if four pages hold them all; beyond LAYOUT_BIG_MAX or
 * where some name fits no big cell, in plain text as many as fit, each
 * cell as wide as the widest of lines (what a cell says in plain text,
 * its number and marks included). Big letters as large as every name
 * allows. Without a font, plain text.
 */
void	 layout_cells(struct cells *, struct font *, const char *const *,
	    const char *const *, size_t, size_t, size_t);

#endif
