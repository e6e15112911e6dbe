/* layout.c: screen arithmetic. */
#include <string.h>

#include "bigfont.h"
#include "layout.h"
#include "text.h"

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
	g->per_page = g->cols * g->rows > 0 ? g->cols * g->rows : 1;
	g->pages = n == 0 ? 1 : (n + g->per_page - 1) / g->per_page;
}

/*
 * The size of big letters in cells of cols x rows (letters, plain line and
 * gaps) that every name fits in one line, as bigfont_size() says, with
 * condensed letters counted as size 1 (they are as tall); -1 if a name
 * fits no big letters there.
 */
static int
cells_size(struct font *fn, const char *const *names, size_t n, size_t cols,
    size_t rows)
{
	size_t	i;
	int	best = BIGFONT_MAX_SIZE, s;

	if (cols < 3 || rows < bigfont_line_rows(1) + LAYOUT_CELL_EXTRA)
		return -1;
	for (i = 0; i < n; i++) {
		s = bigfont_size(fn, names[i], cols - 2, rows -
		    LAYOUT_CELL_EXTRA, best, 1, 0);
		if (s < 0)
			return -1;
		if (s < best)
			best = s;
	}
	return best > 1 ? best : 1;
}

/* The best big layout of pages of per cells, or 0 if there is none. */
static int
cells_big(struct cells *c, struct font *fn, const char *const *names,
    size_t n, size_t per, size_t width, size_t height)
{
	size_t	across, down;
	int	s, found = 0;

	if (per == 0)
		return 0;
	for (across = 1; across <= 6 && across <= per; across++) {
		down = per / across + (per % across != 0);
		if (down == 0)
			break;
		s = cells_size(fn, names, n, width / across, height / down);
		/* Larger letters win; at the same size, fewer columns. */
		if (s < 0 || (found && s <= c->size))
			continue;
		found = 1;
		c->big = 1;
		c->size = s;
		c->cols = across;
		c->rows = down;
		c->cell_w = width / across;
		c->cell_h = height / down;
	}
	if (found) {
		c->per_page = per;
		c->pages = (n + per - 1) / per;
	}
	return found;
}

void
layout_cells(struct cells *c, struct font *fn, const char *const *names,
    const char *const *lines, size_t n, size_t width, size_t height)
{
	struct grid	g;
	size_t		i, w, widest = 8;

	memset(c, 0, sizeof *c);
	if (fn != NULL && n > 0 && n <= LAYOUT_BIG_MAX) {
		if (n <= 20 && cells_big(c, fn, names, n, n, width, height))
			return;
		if (n > 10 && cells_big(c, fn, names, n, 10, width, height))
			return;
		/* A smaller window: fewer to a page, if four pages do. */
		if (n > 6 && n <= 24 && cells_big(c, fn, names, n, 6, width,
		    height))
			return;
		if (n > 3 && n <= 12 && cells_big(c, fn, names, n, 3, width,
		    height))
			return;
	}
	for (i = 0; i < n; i++)
		if ((w = text_width(lines[i], strlen(lines[i])) + 2) > widest)
			widest = w;
	layout_grid(&g, n, widest, width, height);
	c->cols = g.cols;
	c->rows = g.rows;
	c->per_page = g.per_page;
	c->pages = g.pages;
	c->cell_w = g.cell;
	c->cell_h = 1;
}
