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
};

int	 csvin_read(const struct csvin_opts *, csvin_row_fn, void *,
	    struct csvin_result *, struct fault *);
const char *csvin_display_name(const char *);
const char *csvin_delimiter_name(int);
int	 csvin_row_is_blank(const struct csvin_row *);


#endif
