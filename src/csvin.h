/*
 * csvin.h: the one CSV reader. It turns a file into rows with the line each
 * row starts on, and owns every rule of the byte level: the BOM, CRLF, the
 * delimiter, the encoding, quoting, NUL bytes and invalid UTF-8. What the
 * columns mean is for its callers (roster.c, prizes.c).
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

/*
 * Called once a row, on the caller's thread; may change the row's fields in
 * place (not past their NUL). Returns -1 with the fault filled to stop.
 */
typedef int (*csvin_row_fn)(void *, const struct csvin_row *, struct fault *);

struct csvin_result {
	unsigned char	 fingerprint[32];	/* BLAKE2b-256 of the file's bytes */
	int		 delimiter;
};

/*
 * Read the file o names, calling fn for each row in order, and fill res
 * (may be NULL). Returns 0, or -1 with the fault: a missing file is exit
 * 66, bad data exit 65 with the line and the fix.
 */
int	 csvin_read(const struct csvin_opts *, csvin_row_fn, void *,
	    struct csvin_result *, struct fault *);

/* The name messages use for a path: "(stdin)" for "-". */
const char *csvin_display_name(const char *);

/* "comma", "semicolon", "tab", "bar" or "other". */
const char *csvin_delimiter_name(int);

/* Whether every field of the row is empty or white space. */
int	 csvin_row_is_blank(const struct csvin_row *);

#endif
