/*
 * bigfont.h: a name in large letters, for a projector, in any script that
 * Unifont draws.
 *
 * A font pixel becomes a block of a cell: each cell is split in four
 * quadrants (two pixel columns, two pixel rows; a terminal cell is about
 * twice as tall as wide), drawn with the block and quadrant characters of
 * U+2580 to U+259F. At size s >= 1 a pixel is s columns wide and s half
 * rows high, so pixels are square and the letters keep Unifont's shapes at
 * every size: an 8x16 glyph takes 8s columns and 8s rows, a 16x16 one
 * (CJK, Hangul) twice as many columns. The smallest size,
 * BIGFONT_CONDENSED, draws a pixel half a column wide and half a row high:
 * the letters are the same height as at size 1 and half as wide, every
 * pixel kept, for the long names that would otherwise fall to plain text.
 *
 * Case and accents are kept as the font draws them; a combining accent is
 * laid over the letter before it. A character the font has no glyph for
 * (emoji, the planes beyond the first) is written plainly in the middle
 * of a box as wide as a glyph of its width. The rows come back as UTF-8
 * text; nothing here knows about curses.
 */
#ifndef RAFFLE_BIGFONT_H
#define RAFFLE_BIGFONT_H

#include <stddef.h>

#include "font.h"

#define BIGFONT_MAX_LINES	3
#define BIGFONT_CONDENSED	0	/* the smallest size */
#define BIGFONT_MAX_SIZE	12

/* Flags for bigfont_render() and bigfont_size(). */
#define BIGFONT_CROP	1	/* drop the pixel rows blank in every glyph */

struct bigtext {
	char	**rows;		/* UTF-8, each cols columns wide */
	size_t	  nrows;
	size_t	  cols;		/* the widest line, in columns */
	int	  size;		/* BIGFONT_CONDENSED, or pixels of s columns */
	size_t	  nlines;	/* lines the text was wrapped into at spaces */
};

/*
 * The largest size, at most max, at which s fits in cols x rows wrapped
 * at spaces onto at most lines lines; -1 when it does not fit even at
 * BIGFONT_CONDENSED, or the font draws none of its characters (plain text
 * reads better then), or there is no font.
 */
int	 bigfont_size(struct font *, const char *, size_t, size_t, int, size_t,
	    int);

/*
 * Render s as bigfont_size() would size it. Returns 0, or -1 as
 * bigfont_size() does with nothing to free. Free with bigtext_free().
 */
int	 bigfont_render(struct bigtext *, struct font *, const char *, size_t,
	    size_t, int, size_t, int);

/* Free the rows of a rendered text; it may be rendered into again. */
void	 bigtext_free(struct bigtext *);

/* Rows a line of text takes at size, uncropped. */
size_t	 bigfont_line_rows(int);

#endif
