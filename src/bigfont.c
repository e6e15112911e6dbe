/* bigfont.c: the glyphs, and fitting a name into the space there is. */
#include <stdlib.h>
#include <string.h>

#include "bigfont.h"
#include "text.h"
#include "util.h"

#define GW	5	/* glyph width in pixels */
#define GH	7	/* glyph height in pixels */

struct glyph {
	char		 c;
	const char	*rows[GH];
};

/* Drawn for this program: '#' is ink. Space is narrower (see glyph_width). */
static const struct glyph glyphs[] = {
	{ 'A', { ".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#" } },
	{ 'B', { "####.", "#...#", "#...#", "####.", "#...#", "#...#", "####." } },
	{ 'C', { ".###.", "#...#", "#....", "#....", "#....", "#...#", ".###." } },
	{ 'D', { "####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####." } },
	{ 'E', { "#####", "#....", "#....", "####.", "#....", "#....", "#####" } },
	{ 'F', { "#####", "#....", "#....", "####.", "#....", "#....", "#...." } },
	{ 'G', { ".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".####" } },
	{ 'H', { "#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#" } },
	{ 'I', { ".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###." } },
	{ 'J', { "..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.." } },
	{ 'K', { "#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#" } },
	{ 'L', { "#....", "#....", "#....", "#....", "#....", "#....", "#####" } },
	{ 'M', { "#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#" } },
	{ 'N', { "#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#" } },
	{ 'O', { ".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###." } },
	{ 'P', { "####.", "#...#", "#...#", "####.", "#....", "#....", "#...." } },
	{ 'Q', { ".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#" } },
	{ 'R', { "####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#" } },
	{ 'S', { ".####", "#....", "#....", ".###.", "....#", "....#", "####." } },
	{ 'T', { "#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.." } },
	{ 'U', { "#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###." } },
	{ 'V', { "#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#.." } },
	{ 'W', { "#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#." } },
	{ 'X', { "#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#" } },
	{ 'Y', { "#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.." } },
	{ 'Z', { "#####", "....#", "...#.", "..#..", ".#...", "#....", "#####" } },
	{ '0', { ".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###." } },
	{ '1', { "..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###." } },
	{ '2', { ".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####" } },
	{ '3', { "#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###." } },
	{ '4', { "...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#." } },
	{ '5', { "#####", "#....", "####.", "....#", "....#", "#...#", ".###." } },
	{ '6', { "..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###." } },
	{ '7', { "#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..." } },
	{ '8', { ".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###." } },
	{ '9', { ".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.." } },
	{ '-', { ".....", ".....", ".....", ".###.", ".....", ".....", "....." } },
	{ '.', { ".....", ".....", ".....", ".....", ".....", ".##..", ".##.." } },
	{ ',', { ".....", ".....", ".....", ".....", ".##..", "..#..", ".#..." } },
	{ '\'', { "..#..", "..#..", ".#...", ".....", ".....", ".....", "....." } },
	{ '&', { ".##..", "#..#.", "#.#..", ".#...", "#.#.#", "#..#.", ".##.#" } },
	{ '!', { "..#..", "..#..", "..#..", "..#..", "..#..", ".....", "..#.." } },
	{ '?', { ".###.", "#...#", "....#", "...#.", "..#..", ".....", "..#.." } },
	{ '/', { "....#", "....#", "...#.", "..#..", ".#...", "#....", "#...." } },
	{ '(', { "...#.", "..#..", ".#...", ".#...", ".#...", "..#..", "...#." } },
	{ ')', { ".#...", "..#..", "...#.", "...#.", "...#.", "..#..", ".#..." } },
	{ ' ', { "...", "...", "...", "...", "...", "...", "..." } },
};

/*
 * Latin-1 and Latin Extended-A letters drawn as their base letter: the
 * code points U+00C0 to U+017F in order, '?' where there is no base.
 */
static const char latin_base[] =
    "AAAAAAACEEEEIIIIDNOOOOO?OUUUUYTSAAAAAAACEEEEIIIIDNOOOOO?OUUUUYTY"
    "AAAAAACCCCCCCCDDDDEEEEEEEEEEGGGGGGGGHHHHIIIIIIIIIIJJJJKKKLLLLLLL"
    "LLLNNNNNNNNNOOOOOOOORRRRRRSSSSSSSSTTTTTTUUUUUUUUUUUUWWYYYZZZZZZS";

/* The glyph character for cp, or 0 if there is none. */
static char
glyph_char(uint32_t cp)
{
	size_t	i;
	char	c;

	if (cp >= 'a' && cp <= 'z')
		cp -= 'a' - 'A';
	if (cp >= 0xc0 && cp <= 0x17f) {
		if ((c = latin_base[cp - 0xc0]) == '?')
			return '\0';
		return c;
	}
	if (cp == 0x2019 || cp == 0x2018)	/* typographic apostrophes */
		cp = '\'';
	if (cp == 0x2010 || cp == 0x2011 || cp == 0x2013)
		cp = '-';
	for (i = 0; i < sizeof glyphs / sizeof glyphs[0]; i++)
		if ((uint32_t)(unsigned char)glyphs[i].c == cp)
			return glyphs[i].c;
	return 0;
}

static const struct glyph *
glyph_of(char c)
{
	size_t	i;

	for (i = 0; i < sizeof glyphs / sizeof glyphs[0]; i++)
		if (glyphs[i].c == c)
			return &glyphs[i];
	return &glyphs[sizeof glyphs / sizeof glyphs[0] - 1];
}

static size_t
glyph_width(char c)
{
	return strlen(glyph_of(c)->rows[0]);
}

/* Map s to glyph characters; returns the count, or -1 if one has none. */
static long
to_glyphs(const char *s, char *out, size_t cap)
{
	size_t		i = 0, n = 0, len = strlen(s);
	uint32_t	cp;
	char		c;

	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		if (text_is_zero_width(cp) || (cp >= 0x300 && cp <= 0x36f))
			continue;	/* joiners, selectors, combining accents */
		if ((c = glyph_char(cp)) == 0 || n + 1 >= cap)
			return -1;
		out[n++] = c;
	}
	out[n] = '\0';
	return (long)n;
}

int
bigfont_can_draw(const char *s)
{
	char	buf[512];

	return to_glyphs(s, buf, sizeof buf) > 0;
}

/* Pixel width of glyph string g[0, n), one pixel between glyphs. */
static size_t
pixels_wide(const char *g, size_t n)
{
	size_t	i, w = 0;

	for (i = 0; i < n; i++)
		w += glyph_width(g[i]) + (i + 1 < n);
	return w;
}

/*
 * Wrap g at spaces into lines no wider than maxpx pixels, greedily. Stores
 * each line's start and length; returns the number of lines, or 0 if a word
 * alone is too wide or there would be more than max lines.
 */
static size_t
wrap(const char *g, size_t n, size_t maxpx, size_t *start, size_t *len,
    size_t max)
{
	size_t	lines = 0, i = 0, end, best;

	while (i < n) {
		while (i < n && g[i] == ' ')
			i++;
		if (i == n)
			break;
		if (lines == max)
			return 0;
		best = 0;
		for (end = i; end <= n; end++) {
			if (end != n && g[end] != ' ')
				continue;
			if (pixels_wide(g + i, end - i) > maxpx)
				break;
			best = end;
		}
		if (best == 0)
			return 0;
		start[lines] = i;
		len[lines++] = best - i;
		i = best;
	}
	return lines;
}

/* Whether pixel (x, y) of line g[0, n) is ink. */
static int
ink(const char *g, size_t n, size_t x, size_t y)
{
	size_t	i, w;

	for (i = 0; i < n; i++) {
		w = glyph_width(g[i]);
		if (x < w)
			return glyph_of(g[i])->rows[y][x] == '#';
		if (x == w)
			return 0;	/* the gap between glyphs */
		x -= w + 1;
	}
	return 0;
}

/* Append the rows of one line at scale s to bt, each padded to cols. */
static void
render_line(struct bigtext *bt, const char *g, size_t n, int s, size_t cols)
{
	static const char *const cells[4] = { " ", "\xe2\x96\x80",
		"\xe2\x96\x84", "\xe2\x96\x88" };	/* ' ', ▀, ▄, █ */
	size_t	px = pixels_wide(g, n), rows = (GH * (size_t)s + 1) / 2;
	size_t	r, x, top, bot, pad = (cols - px * (size_t)s) / 2, k, c;
	char	*line, *p;

	for (r = 0; r < rows; r++) {
		/* A block is 3 bytes of UTF-8, a space 1. */
		p = line = xmalloc(cols * 3 + 1);
		for (c = 0; c < cols; c++) {
			k = 0;
			if (c >= pad && c < pad + px * (size_t)s) {
				x = (c - pad) / (size_t)s;
				top = 2 * r;
				bot = 2 * r + 1;
				k = (ink(g, n, x, top / (size_t)s) ? 1 : 0) |
				    (bot < GH * (size_t)s &&
				    ink(g, n, x, bot / (size_t)s) ? 2 : 0);
			}
			memcpy(p, cells[k], strlen(cells[k]));
			p += strlen(cells[k]);
		}
		*p = '\0';
		bt->rows = xreallocarray(bt->rows, bt->nrows + 1, sizeof *bt->rows);
		bt->rows[bt->nrows++] = line;
	}
}

int
bigfont_render(struct bigtext *bt, const char *s, size_t cols, size_t rows)
{
	char	g[512];
	size_t	start[BIGFONT_MAX_LINES], len[BIGFONT_MAX_LINES];
	size_t	n, lines, i, k, widest, height;
	long	ng;
	int	scale;

	memset(bt, 0, sizeof *bt);
	if ((ng = to_glyphs(s, g, sizeof g)) <= 0)
		return -1;
	n = (size_t)ng;
	/* The largest scale at which the fewest lines fit. */
	for (scale = 8; scale >= 1; scale--) {
		for (lines = 1; lines <= BIGFONT_MAX_LINES; lines++) {
			if (wrap(g, n, cols / (size_t)scale, start, len, lines) != lines)
				continue;
			height = lines * ((GH * (size_t)scale + 1) / 2) +
			    (lines - 1) * (size_t)scale;
			if (height <= rows)
				goto fits;
		}
	}
	return -1;
fits:
	for (i = 0, widest = 0; i < lines; i++)
		if (pixels_wide(g + start[i], len[i]) > widest)
			widest = pixels_wide(g + start[i], len[i]);
	bt->cols = widest * (size_t)scale;
	bt->scale = scale;
	bt->nlines = lines;
	for (i = 0; i < lines; i++) {
		/* Lines apart by as many blank rows as the scale. */
		for (k = 0; i > 0 && k < (size_t)scale; k++) {
			char	*blank = xmalloc(bt->cols + 1);

			memset(blank, ' ', bt->cols);
			blank[bt->cols] = '\0';
			bt->rows = xreallocarray(bt->rows, bt->nrows + 1,
			    sizeof *bt->rows);
			bt->rows[bt->nrows++] = blank;
		}
		render_line(bt, g + start[i], len[i], scale, bt->cols);
	}
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
