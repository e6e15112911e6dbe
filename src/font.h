/*
 * font.h: glyphs of GNU Unifont, read from its .hex file as they are needed.
 *
 * The file is plain text, one glyph a line, sorted by code point:
 * "CODEPOINT:BITS", BITS being 32 hex digits (8x16 pixels) or 64 (16x16),
 * a row at a time from the top, the leftmost pixel in the highest bit.
 * Nothing is read at open: a glyph is found by a binary search of the file
 * with pread(2) on first use (about 14 reads of one line each, some
 * microseconds when the file is in the page cache) and kept. Parsing the
 * whole file (57,000 lines, 3.7 MB) would cost more at start than every
 * name of an evening ever needs. No curses here: the screen paints what
 * bigfont makes of these bits.
 */
#ifndef RAFFLE_FONT_H
#define RAFFLE_FONT_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Where Debian's unifont package puts the font. */
#define FONT_DEFAULT_PATH	"/usr/share/unifont/unifont.hex"
#define FONT_HEIGHT		16	/* pixel rows of every glyph */

struct glyph {
	uint16_t	rows[FONT_HEIGHT];	/* pixel x is bit 15 - x */
	uint8_t		width;			/* 8 or 16 pixels */
};

struct font;

/*
 * Open the font at path, checking only that it can be read. Returns NULL
 * with f filled (EXIT_NOINPUT) when it cannot. Close with font_close().
 */
struct font	*font_open(const char *, struct fault *);
/* Close the font and free every glyph it gave; NULL is no font. */
void		 font_close(struct font *);

/*
 * The glyph of code point cp, or NULL when the font has none (or its line
 * is damaged). The pointer stays valid until font_close().
 */
const struct glyph *font_glyph(struct font *, uint32_t);

/* Reads of the file so far, for tests and measurements. */
unsigned long	 font_reads(const struct font *);

#endif
