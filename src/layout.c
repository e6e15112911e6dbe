/* layout.c: screen arithmetic. */
#include "layout.h"

int
layout_big_enough(size_t cols, size_t rows)
{
	return cols >= LAYOUT_MIN_COLS && rows >= LAYOUT_MIN_ROWS;
}

size_t
layout_center(size_t w, size_t width)
{
	return w >= width ? 0 : (width - w) / 2;
}

void
layout_grid(struct grid *g, size_t n, size_t widest, size_t width,
    size_t height)
{
	const size_t	gap = 2;

	g->cell = widest + gap;
	if (g->cell > width)
		g->cell = width;
	if (g->cell == 0)
		g->cell = 1;
	g->cols = width / g->cell;
	if (g->cols == 0)
		g->cols = 1;
	g->rows = height > 0 ? height : 1;
	/* What fits on one page is balanced: few winners, few columns. */
	if (n > 0 && n <= g->cols * g->rows) {
		g->cols = (n + g->rows - 1) / g->rows;
		g->rows = (n + g->cols - 1) / g->cols;
	}
	g->per_page = g->cols * g->rows;
	g->pages = n == 0 ? 1 : (n + g->per_page - 1) / g->per_page;
}
