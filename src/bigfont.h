/*
 * bigfont.h: a winner's name in large letters, for a projector.
 *
 * A 5x7 block font for the Latin alphabet, digits and common punctuation,
 * drawn with half blocks so that a cell holds two pixel rows and a pixel is
 * about square on a terminal. Accented letters are drawn as their base
 * letter (the plain name is always shown too). The rows come back as UTF-8
 * text; nothing here knows about curses.
 */
#ifndef RAFFLE_BIGFONT_H
#define RAFFLE_BIGFONT_H

#include <stddef.h>

#define BIGFONT_MAX_LINES	3

struct bigtext {
	char	**rows;		/* UTF-8, each cols columns wide */
	size_t	  nrows;
	size_t	  cols;		/* the widest row, in columns */
	int	  scale;
	size_t	  nlines;	/* lines of text the name was wrapped into */
};

/* Whether every character of s has a large glyph. */
int	 bigfont_can_draw(const char *);

/*
 * Render s as large as fits in cols x rows, wrapping at spaces onto up to
 * BIGFONT_MAX_LINES lines. Returns 0, or -1 when s cannot be drawn large or
 * does not fit even at the smallest size. Free with bigtext_free().
 */
int	 bigfont_render(struct bigtext *, const char *, size_t, size_t);
void	 bigtext_free(struct bigtext *);

#endif
