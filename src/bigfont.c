/* bigfont.c: fitting a name into the space there is, and rendering it. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "bigfont.h"
#include "text.h"
#include "util.h"

/*
 * One character of the text: a glyph (a copy, so that a combining accent
 * can be laid over it), or a character written plainly in a box.
 */
struct item {
	struct glyph	 g;
	size_t		 px;		/* width in font pixels */
	size_t		 off, len;	/* its bytes in the text */
	int		 plain;
	int		 space;		/* a place to wrap */
};

/* The text as items, and how it is laid out at one size. */
struct shape {
	struct item	*items;
	size_t		 n;
	int		 glyphs;	/* items drawn from the font */
	int		 top, bottom;	/* pixel rows drawn */
	int		 size, pw, ph;	/* half columns, half rows a pixel */
	size_t		 start[BIGFONT_MAX_LINES], end[BIGFONT_MAX_LINES];
	size_t		 nlines;
	size_t		 line_rows, gap;
};

/* The quadrant characters, by bits: 1 upper left, 2 upper right, 4 lower
 * left, 8 lower right. */
static const char *const quadrant[16] = {
	" ", "\xe2\x96\x98", "\xe2\x96\x9d", "\xe2\x96\x80",
	"\xe2\x96\x96", "\xe2\x96\x8c", "\xe2\x96\x9e", "\xe2\x96\x9b",
	"\xe2\x96\x97", "\xe2\x96\x9a", "\xe2\x96\x90", "\xe2\x96\x9c",
	"\xe2\x96\x84", "\xe2\x96\x99", "\xe2\x96\x9f", "\xe2\x96\x88",
};

static int
ink(const struct item *it, size_t x, int y)
{
	return !it->plain && x < it->g.width &&
	    ((it->g.rows[y] >> (15 - x)) & 1);
}

/* Columns a character takes in a terminal; 0 for one drawn on another. */
static int
char_width(uint32_t cp)
{
	int	w = wcwidth((wchar_t)cp);

	return w < 0 ? 1 : w;
}

/* Lay accent a over glyph g, centred on it. */
static void
overlay(struct glyph *g, const struct glyph *a)
{
	int	shift = g->width > a->width ? (g->width - a->width) / 2 : 0;
	int	y;

	for (y = 0; y < FONT_HEIGHT; y++)
		g->rows[y] |= (uint16_t)(a->rows[y] >> shift);
}

/* Split s into items; sh->items is to be freed. */
static void
shape_items(struct shape *sh, struct font *fn, const char *s)
{
	const struct glyph	*g;
	size_t			 i = 0, k, len = strlen(s);
	uint32_t		 cp;
	int			 w, y;

	memset(sh, 0, sizeof *sh);
	sh->items = xreallocarray(NULL, len + 1, sizeof *sh->items);
	sh->top = FONT_HEIGHT;
	sh->bottom = -1;
	while (i < len) {
		k = utf8_decode(s + i, len - i, &cp);
		i += k;
		if (cp < 0x20 || text_is_zero_width(cp))
			continue;
		w = char_width(cp);
		g = font_glyph(fn, cp);
		if (w == 0) {
			/* An accent: over the glyph before it, if any. */
			if (g != NULL && sh->n > 0 && !sh->items[sh->n - 1].plain)
				overlay(&sh->items[sh->n - 1].g, g);
			continue;
		}
		memset(&sh->items[sh->n], 0, sizeof sh->items[sh->n]);
		sh->items[sh->n].off = i - k;
		sh->items[sh->n].len = k;
		sh->items[sh->n].space = cp == ' ';
		if (g != NULL) {
			sh->items[sh->n].g = *g;
			sh->items[sh->n].px = g->width;
			sh->glyphs += cp != ' ';
		} else {
			sh->items[sh->n].plain = 1;
			sh->items[sh->n].px = 8 * (size_t)w;
		}
		sh->n++;
	}
	for (k = 0; k < sh->n; k++) {
		const struct item	*it = &sh->items[k];

		if (it->plain) {
			/* The character sits on the middle rows. */
			sh->top = sh->top < 5 ? sh->top : 5;
			sh->bottom = sh->bottom > 10 ? sh->bottom : 10;
			continue;
		}
		for (y = 0; y < FONT_HEIGHT; y++) {
			if (it->g.rows[y] == 0)
				continue;
			if (y < sh->top)
				sh->top = y;
			if (y > sh->bottom)
				sh->bottom = y;
		}
	}
}

/*
 * Wrap the items at spaces into lines of at most maxhalf half columns,
 * greedily. Returns the number of lines, 0 if a word alone is too wide or
 * more than max lines would be needed.
 */
static size_t
wrap(struct shape *sh, size_t maxhalf, size_t max)
{
	const struct item	*it = sh->items;
	size_t			 lines = 0, i = 0, j, k, w, add, last;

	while (i < sh->n) {
		while (i < sh->n && it[i].space)
			i++;
		if (i == sh->n)
			break;
		if (lines == max)
			return 0;
		w = 0;
		j = last = i;
		while (j < sh->n) {
			/* The next word with the spaces before it. */
			k = j;
			add = 0;
			while (k < sh->n && it[k].space)
				add += it[k++].px;
			if (k == sh->n)
				break;
			while (k < sh->n && !it[k].space)
				add += it[k++].px;
			if ((w + add) * (size_t)sh->pw > maxhalf)
				break;
			w += add;
			j = last = k;
		}
		if (last == i)
			return 0;
		sh->start[lines] = i;
		sh->end[lines++] = last;
		i = last;
	}
	return lines;
}

/* Lay the shape out at size in cols x rows; 0 if it fits, else -1. */
static int
shape_fit(struct shape *sh, int size, size_t cols, size_t rows, size_t max)
{
	size_t	half;

	sh->size = size;
	sh->pw = size == BIGFONT_CONDENSED ? 1 : 2 * size;
	sh->ph = size == BIGFONT_CONDENSED ? 1 : size;
	if ((sh->nlines = wrap(sh, cols * 2, max)) == 0)
		return -1;
	half = (size_t)(sh->bottom - sh->top + 1) * (size_t)sh->ph;
	sh->line_rows = (half + 1) / 2;
	return sh->nlines * sh->line_rows + (sh->nlines - 1) * sh->gap <= rows ?
	    0 : -1;
}

/* The largest size at most max that fits, or -1; the shape is laid out. */
static int
shape_best(struct shape *sh, struct font *fn, const char *s, size_t cols,
    size_t rows, int max, size_t lines, int flags)
{
	int	size;

	shape_items(sh, fn, s);
	if (sh->glyphs == 0)
		return -1;
	if (!(flags & BIGFONT_CROP)) {
		sh->top = 0;
		sh->bottom = FONT_HEIGHT - 1;
	}
	if (max > BIGFONT_MAX_SIZE)
		max = BIGFONT_MAX_SIZE;
	if (lines > BIGFONT_MAX_LINES)
		lines = BIGFONT_MAX_LINES;
	for (size = max; size >= BIGFONT_CONDENSED; size--) {
		/* Cropped lines need a gap between them; whole ones have it. */
		sh->gap = (flags & BIGFONT_CROP) ? (size_t)(size ? size : 1) : 0;
		if (shape_fit(sh, size, cols, rows, lines) == 0)
			return size;
	}
	return -1;
}

int
bigfont_size(struct font *fn, const char *s, size_t cols, size_t rows,
    int max, size_t lines, int flags)
{
	struct shape	sh;
	int		size;

	if (fn == NULL)
		return -1;
	size = shape_best(&sh, fn, s, cols, rows, max, lines, flags);
	free(sh.items);
	return size;
}

size_t
bigfont_line_rows(int size)
{
	return size == BIGFONT_CONDENSED ? 8 : 8 * (size_t)size;
}

static size_t
line_cols(const struct shape *sh, size_t line)
{
	size_t	i, px = 0;

	for (i = sh->start[line]; i < sh->end[line]; i++)
		px += sh->items[i].px;
	return px * (size_t)sh->pw / 2;
}

static void
add_row(struct bigtext *bt, char *row)
{
	bt->rows = xreallocarray(bt->rows, bt->nrows + 1, sizeof *bt->rows);
	bt->rows[bt->nrows++] = row;
}

static char *
spaces(char *p, size_t n)
{
	memset(p, ' ', n);
	return p + n;
}

/* Row r of line l, padded to bt->cols; plain characters on the middle row. */
static char *
render_row(const struct shape *sh, const char *s, size_t l, size_t r,
    size_t width)
{
	size_t		 used = line_cols(sh, l), pad = (width - used) / 2;
	size_t		 i, c, box, cw, x, hy, bits, d;
	const char	*q;
	char		*row, *p;

	/* A cell is 3 bytes at most, a plain character 4 in its box. */
	p = row = xmalloc(width * 3 + 8 * sh->n + 1);
	p = spaces(p, pad);
	for (i = sh->start[l]; i < sh->end[l]; i++) {
		const struct item	*it = &sh->items[i];

		box = it->px * (size_t)sh->pw / 2;
		if (it->plain) {
			cw = it->px / 8;
			if (r != sh->line_rows / 2 || cw > box) {
				p = spaces(p, box);
				continue;
			}
			p = spaces(p, (box - cw) / 2);
			memcpy(p, s + it->off, it->len);
			p = spaces(p + it->len, box - cw - (box - cw) / 2);
			continue;
		}
		for (c = 0; c < box; c++) {
			bits = 0;
			for (d = 0; d < 4; d++) {
				x = (2 * c + (d & 1)) / (size_t)sh->pw;
				hy = 2 * r + (d >> 1);
				if (hy < (size_t)(sh->bottom - sh->top + 1) *
				    (size_t)sh->ph && ink(it, x, sh->top +
				    (int)(hy / (size_t)sh->ph)))
					bits |= (size_t)1 << d;
			}
			q = quadrant[bits];
			memcpy(p, q, strlen(q));
			p += strlen(q);
		}
	}
	p = spaces(p, width - used - pad);
	*p = '\0';
	return row;
}

int
bigfont_render(struct bigtext *bt, struct font *fn, const char *s,
    size_t cols, size_t rows, int max, size_t lines, int flags)
{
	struct shape	sh;
	size_t		l, r, w;
	char		*blank;

	memset(bt, 0, sizeof *bt);
	if (fn == NULL)
		return -1;
	if (shape_best(&sh, fn, s, cols, rows, max, lines, flags) < 0) {
		free(sh.items);
		return -1;
	}
	for (l = 0; l < sh.nlines; l++)
		if ((w = line_cols(&sh, l)) > bt->cols)
			bt->cols = w;
	bt->size = sh.size;
	bt->nlines = sh.nlines;
	for (l = 0; l < sh.nlines; l++) {
		for (r = 0; l > 0 && r < sh.gap; r++) {
			blank = xmalloc(bt->cols + 1);
			*spaces(blank, bt->cols) = '\0';
			add_row(bt, blank);
		}
		for (r = 0; r < sh.line_rows; r++)
			add_row(bt, render_row(&sh, s, l, r, bt->cols));
	}
	free(sh.items);
	return 0;
}

void
bigtext_free(struct bigtext *bt)
{
	size_t	i;

	for (i = 0; i < bt->nrows; i++)
		free(bt->rows[i]);
	free(bt->rows);
	memset(bt, 0, sizeof *bt);
}
