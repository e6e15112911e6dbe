/* text.h: UTF-8 checks, the folding of names, and display widths. */
#ifndef RAFFLE_TEXT_H
#define RAFFLE_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Offset of the first byte that breaks UTF-8 in s, or len when all is valid. */
size_t	 utf8_invalid_at(const char *, size_t);
/* The same, for s whose bytes before the offset given are known valid. */
size_t	 utf8_invalid_from(const char *, size_t, size_t);

/* Length of the leading run of printable ASCII (0x20 to 0x7e) in s. */
size_t	 text_plain_prefix(const char *, size_t);

/* Encode cp (below U+110000) as UTF-8 into out; returns the length, 1 to 4. */
size_t	 utf8_encode(uint32_t, char [4]);

/* Decode one code point from a valid UTF-8 string; returns its byte length. */
size_t	 utf8_decode(const char *, size_t, uint32_t *);

/*
 * Fold s (valid UTF-8) in place the way a name is meant: trim, fold inner
 * runs of white space (line breaks and Unicode spaces too) to one space, and
 * drop control and invisible format characters. Returns the new length.
 */
size_t	 text_fold(char *, size_t);

/*
 * Whether s shows anything: a character that is neither white space nor
 * one of the characters that draw nothing (joiners, fillers, the blank
 * braille pattern, the soft hyphen, format characters).
 */
int	 text_visible(const char *, size_t);

/* text_fold for a string known to hold only printable ASCII. */
size_t	 text_fold_plain(char *, size_t);

/* Columns a terminal gives s; zero-width joiners and selectors count 0. */
size_t	 text_width(const char *, size_t);

/*
 * Bytes of s that fit in cols columns without splitting a character; the
 * width they take is stored in *used when used is not NULL.
 */
size_t	 text_fit(const char *, size_t, size_t, size_t *);

/* Whether cp is drawn with no width of its own (joiners, selectors, marks). */
int	 text_is_zero_width(uint32_t);

/*
 * Take the user's locale for words (LANGUAGE, LC_ALL, LANG), with UTF-8 for
 * text whatever it says (wcwidth(3) needs it) and the C locale for numbers,
 * and find raffle's translations: in TEXTDOMAINDIR when it is set, else
 * where make install put them.
 */
void	 text_init_locale(void);

/*
 * Lines of a label and a value, the values lined up after the widest label
 * as a terminal shows it, whatever the language makes of the labels.
 */
#define TEXT_ROWS_MAX	16
struct text_rows {
	size_t		 n;
	const char	*label[TEXT_ROWS_MAX];	/* NULL: a line of its own */
	char		*value[TEXT_ROWS_MAX];
};

/* Add a line: label (not copied) and the value printf would write. */
void	 text_row(struct text_rows *, const char *, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
/*
 * Write the lines, the values gap columns after the widest of the labels
 * (untranslated msgids, NULL-ended: every label the block may have, so that
 * its values stand at one column whichever lines it has); free the values.
 */
void	 text_rows_print(struct text_rows *, FILE *, const char *const *,
	    size_t);

/* ASCII case-insensitive equality of two strings. */
int	 text_equal_nocase(const char *, const char *);

#endif
