/*
 * csvin.h: the one CSV reader. It turns a file into rows with the line each
 * row starts on, and owns every rule of the byte level: the BOM, CRLF, the
 * delimiter, the encoding, strict quoting, NUL bytes and invalid UTF-8. What
 * the columns mean is for its callers (roster.c, prizes.c).
 */
#ifndef RAFFLE_CSVIN_H
#define RAFFLE_CSVIN_H

#include <stddef.h>

#include "util.h"

struct csvin_opts {
	const char	*path;		/* "-" reads standard input */
	const char	*encoding;	/* NULL: the bytes must be UTF-8 */
	int		 delimiter;	/* 0: detect from the first line */
};

struct csvin_row {
	const char	 *file;		/* the name to use in messages */
	unsigned long	  line;		/* the line the row starts on */
	size_t		  nfields;
	char		**field;	/* NUL-terminated, as read (not folded) */
	size_t		 *len;
	unsigned char	 *plain;	/* field is printable ASCII only */
};

/* Called once a row; returns -1 with the fault filled to stop the read. */
typedef int (*csvin_row_fn)(void *, const struct csvin_row *, struct fault *);

struct csvin_result {
	unsigned char	 fingerprint[32];	/* BLAKE2b-256 of the file's bytes */
	int		 delimiter;
	unsigned long	 half_line;	/* see struct csvin_half; 0: not kept */
};

/*
 * A second reader for the back half of a big file, on a thread of its own.
 * The half starts at a line break near the middle; whether that break is
 * outside a quoted field is known only once the front half has been read up
 * to it, so the back half is read on speculation:
 *
 * - begin(arg, from, total) is called on the caller's thread, before the
 *   back half is read and while the front half's callback is not running:
 *   the front half is text[0, from), the back half text[from, total);
 * - fn(arg, row) is then called for the back half's rows, in order, at the
 *   same time as the front half's callback, and only after the front half
 *   has handed over its first row that is not blank (the header, if any);
 *   the lines it sees count from 1 at the half's start;
 * - a failure of fn means only "read this in order instead": the front
 *   half's reader goes on to the end, and reports what it finds there;
 * - res->half_line is the line the half starts on if its rows were kept, or
 *   0 if they were not, and the caller must then forget them.
 *
 * Standard input, --encoding and small files are always read in one piece.
 */
struct csvin_half {
	void	 (*begin)(void *, size_t, size_t);
	csvin_row_fn	 fn;
	void		*arg;
};

int	 csvin_read(const struct csvin_opts *, csvin_row_fn, void *,
	    struct csvin_result *, struct fault *);
int	 csvin_read_halves(const struct csvin_opts *, csvin_row_fn, void *,
	    const struct csvin_half *, struct csvin_result *, struct fault *);
const char *csvin_display_name(const char *);
const char *csvin_delimiter_name(int);
int	 csvin_row_is_blank(const struct csvin_row *);


#endif
