/*
 * csvin.c: read a CSV file with libcsv and say where things are.
 *
 * One loop on the caller's thread: read a block, hash it (the roster's
 * fingerprint is BLAKE2b-256 of the file's bytes), convert it if the file
 * has another encoding, and parse it; each row goes to the caller's
 * callback as soon as it ends. A million-row roster is read and handled
 * this way in about half a second, which no user waits for.
 *
 * libcsv reports byte offsets, not lines. Lines are counted from the
 * callbacks instead: with CSV_REPALL_NL every line break outside a field
 * reaches the row callback, and the breaks inside a quoted field are in the
 * field's bytes. So the line a row starts on is known when its first field
 * arrives.
 *
 * libcsv runs in strict mode, so that it stops at the byte it refuses. A
 * quote inside an unquoted field (Robert "Bob" Smith, 37°36'37.8"N) is
 * taken literally, as Python's csv module and spreadsheets take it, with a
 * warning: the quote is fed once more with quoting switched off. Text after
 * a closing quote and a quote never closed stay errors.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <csv.h>
#include <sodium.h>

#include "csvin.h"
#include "text.h"

#define CHUNK		((size_t)1 << 20)
/* A first line longer than this is judged from this much of it. */
#define HELD_MAX	((size_t)64 << 20)
/* Stray quotes said one by one before the rest are only counted. */
#define WARN_MAX	10

struct reader {
	struct csv_parser	 p;
	const char		*file;
	struct fault		 fault;		/* the parser's own errors */
	int			 failed;

	unsigned long		 line;		/* line of the last callback */
	unsigned long		 row_line;	/* line the current row began on */
	int			 after_cr;	/* the last break was a CR */
	unsigned long		 lf_fed;	/* '\n' in the text fed so far */
	unsigned long		 stray;		/* lines with quotes taken literally */
	unsigned long		 stray_line;	/* the last of them */

	/* The row being built: its fields' bytes, each with a NUL after it. */
	char			*bytes;
	size_t			 len, cap;
	size_t			*off, *flen;
	unsigned char		*plain;
	char			**field;
	size_t			 nfields, capfields;

	csvin_row_fn		 fn;
	void			*arg;
};

const char *
csvin_display_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "(stdin)" : path;
}

const char *
csvin_delimiter_name(int c)
{
	switch (c) {
	case ',':
		return _("comma");
	case ';':
		return _("semicolon");
	case '\t':
		return _("tab");
	case '|':
		return _("bar");
	}
	return _("other");
}

int
csvin_row_is_blank(const struct csvin_row *row)
{
	size_t	i, k;

	for (i = 0; i < row->nfields; i++)
		for (k = 0; k < row->len[i]; k++)
			if (row->field[i][k] != ' ' && row->field[i][k] != '\t')
				return 0;
	return 1;
}

/* Line breaks in s: how many lines a field spans, less one. */
static unsigned long
count_breaks(const char *s, size_t len)
{
	unsigned long	n = 0;
	const char	*end = s + len;

	while ((s = memchr(s, '\n', (size_t)(end - s))) != NULL) {
		n++;
		s++;
	}
	return n;
}

/*
 * Check a field's bytes: no NUL, valid UTF-8; say whether it is printable
 * ASCII only, and how many line breaks it holds. Returns 0, or -1 with the
 * fault filled at the line of the bad byte.
 */
static int
reader_check_field(struct reader *r, const char *s, size_t len,
    unsigned long *breaks, int *plain)
{
	const char	*nul;
	size_t		 bad, i;

	/* One pass for the common case: printable ASCII and nothing else. */
	*breaks = 0;
	if ((i = text_plain_prefix(s, len)) == len) {
		*plain = 1;
		return 0;
	}
	*plain = 0;
	*breaks = count_breaks(s, len);
	if ((nul = memchr(s, '\0', len)) != NULL)
		return fault_set(&r->fault, EXIT_DATA,
		    _("%s:%lu: NUL byte; this is not a text CSV file: save or "
		    "export it as CSV UTF-8"), r->file,
		    r->line + count_breaks(s, (size_t)(nul - s)));
	if ((bad = utf8_invalid_from(s, len, i)) != len)
		return fault_set(&r->fault, EXIT_DATA,
		    _("%s:%lu: invalid UTF-8 (byte 0x%02X); re-save the file as "
		    "UTF-8, or name its encoding with --encoding (a file from "
		    "Excel on Windows is usually --encoding cp1252)"), r->file,
		    r->line + count_breaks(s, bad), (unsigned char)s[bad]);
	return 0;
}

/* libcsv callback: one field ended; check it and add it to the row. */
static void
reader_field(void *data, size_t len, void *arg)
{
	struct reader	*r = arg;
	const char	*s = data;
	unsigned long	 breaks;
	int		 plain;

	if (r->failed)
		return;
	r->after_cr = 0;
	if (r->nfields == 0)
		r->row_line = r->line;
	if (reader_check_field(r, s, len, &breaks, &plain) != 0) {
		r->failed = 1;
		return;
	}
	r->line += breaks;
	if (r->nfields == r->capfields) {
		r->capfields = r->capfields ? r->capfields * 2 : 16;
		r->off = xreallocarray(r->off, r->capfields, sizeof *r->off);
		r->flen = xreallocarray(r->flen, r->capfields, sizeof *r->flen);
		r->plain = xreallocarray(r->plain, r->capfields, 1);
		r->field = xreallocarray(r->field, r->capfields,
		    sizeof *r->field);
	}
	if (r->cap - r->len < len + 1) {
		while (r->cap - r->len < len + 1)
			r->cap = r->cap ? r->cap * 2 : 4096;
		r->bytes = xrealloc(r->bytes, r->cap);
	}
	if (len > 0)
		memcpy(r->bytes + r->len, s, len);
	r->bytes[r->len + len] = '\0';
	r->off[r->nfields] = r->len;
	r->flen[r->nfields] = len;
	r->plain[r->nfields] = (unsigned char)plain;
	r->nfields++;
	r->len += len + 1;
}

/*
 * libcsv callback: a row ended, or (CSV_REPALL_NL) a line break came outside
 * any row. Hand a row that has fields to the caller, and count the break.
 */
static void
reader_row(int term, void *arg)
{
	struct reader		*r = arg;
	struct csvin_row	 row;
	size_t			 i;

	if (r->failed)
		return;
	if (r->nfields > 0) {
		for (i = 0; i < r->nfields; i++)
			r->field[i] = r->bytes + r->off[i];
		row.file = r->file;
		row.line = r->row_line;
		row.nfields = r->nfields;
		row.field = r->field;
		row.len = r->flen;
		row.plain = r->plain;
		r->nfields = 0;
		r->len = 0;
		if (r->fn(r->arg, &row, &r->fault) != 0) {
			r->failed = 1;
			return;
		}
	}
	/* CRLF is one break; a lone CR (old Mac files) counts as one too. */
	if ((term == '\n' && !r->after_cr) || term == '\r')
		r->line++;
	r->after_cr = term == '\r';
}

/* Pick the delimiter the first line uses most, outside quotes. */
static int
detect_delimiter(const char *s, size_t len)
{
	size_t	comma = 0, semi = 0, tab = 0, bar = 0, i;
	int	quoted = 0;

	for (i = 0; i < len && (quoted || (s[i] != '\n' && s[i] != '\r')); i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (s[i] == ',')
			comma++;
		else if (s[i] == ';')
			semi++;
		else if (s[i] == '\t')
			tab++;
		else if (s[i] == '|')
			bar++;
	}
	if (semi > comma && semi >= tab && semi >= bar)
		return ';';
	if (tab > comma && tab > semi && tab >= bar)
		return '\t';
	if (bar > comma && bar > semi && bar > tab)
		return '|';
	return ',';
}

static int
space_not_tab(unsigned char c)
{
	return c == ' ';
}

static void
reader_set_delimiter(struct reader *r, int c)
{
	csv_set_delim(&r->p, (unsigned char)c);
	if (c == '\t')
		csv_set_space_func(&r->p, space_not_tab);
}

/*
 * The line of byte off of the text being fed: the '\n's before it. A file
 * of lone CRs has none; there the line of the last callback is the best
 * there is.
 */
static unsigned long
reader_line_at(const struct reader *r, const char *s, size_t off)
{
	unsigned long	line = 1 + r->lf_fed + count_breaks(s, off);

	return line > r->line ? line : r->line;
}

/* Say a line with quotes taken literally, the first few of them. */
static void
reader_stray_quote(struct reader *r, unsigned long line)
{
	if (line == r->stray_line)
		return;
	r->stray_line = line;
	if (++r->stray <= WARN_MAX)
		warn_msg(_("%s:%lu: a quote inside an unquoted field is taken as "
		    "it is; if the field was meant to be quoted, put all of it "
		    "in quotes and double each quote inside it"), r->file, line);
}

/*
 * Feed converted text to the parser. libcsv stops on the byte it refused:
 * a quote there is a quote inside an unquoted field, fed again as a plain
 * character; anything else follows a closing quote.
 */
static int
reader_feed(struct reader *r, const char *s, size_t len)
{
	size_t	off = 0, n;

	while (off < len) {
		off += csv_parse(&r->p, s + off, len - off, reader_field,
		    reader_row, r);
		if (r->failed)
			return -1;
		if (off == len)
			break;
		if (csv_error(&r->p) != CSV_EPARSE)
			return fault_set(&r->fault, EXIT_IOERR, "%s: %s", r->file,
			    csv_strerror(csv_error(&r->p)));
		if (s[off] != '"')
			return fault_set(&r->fault, EXIT_DATA, _("%s:%lu: text after "
			    "a closing quote; a quoted field must end at the "
			    "delimiter or the end of the line"), r->file,
			    reader_line_at(r, s, off));
		/*
		 * Refused again as a plain character: the quote follows a
		 * closing quote (and spaces), and is text after it.
		 */
		csv_set_quote(&r->p, '\0');
		n = csv_parse(&r->p, s + off, 1, reader_field, reader_row, r);
		csv_set_quote(&r->p, '"');
		if (r->failed)
			return -1;
		if (n != 1)
			return fault_set(&r->fault, EXIT_DATA, _("%s:%lu: text "
			    "after a closing quote; a quoted field must end at "
			    "the delimiter or the end of the line"), r->file,
			    reader_line_at(r, s, off));
		reader_stray_quote(r, reader_line_at(r, s, off));
		off++;
	}
	r->lf_fed += count_breaks(s, len);
	return 0;
}

/* Open path for reading; "-" is standard input. Returns the descriptor. */
static int
reader_open(const char *path, const char *file, struct fault *f)
{
	struct stat	st;
	int		fd;

	if (strcmp(path, "-") == 0)
		return STDIN_FILENO;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return fault_set(f, EXIT_NOINPUT, _("%s: cannot open: %s"), file,
		    strerror(errno));
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		return fault_set(f, EXIT_NOINPUT,
		    _("%s: is a directory; name a CSV file"), file);
	}
	return fd;
}

/*
 * Convert in[0, *inlen) from the named encoding to UTF-8 into out, leaving
 * at the front of in the bytes of a character cut by the chunk's end.
 */
static int
reader_convert(struct reader *r, iconv_t cd, char *in, size_t *inlen,
    char **out, size_t *outlen, size_t *outcap, int eof)
{
	char	*ip = in, *op;
	size_t	 il = *inlen, ol;

	*outlen = 0;
	for (;;) {
		if (*outcap - *outlen < il * 4 + 16) {
			*outcap = *outlen + il * 4 + 16;
			*out = xrealloc(*out, *outcap);
		}
		op = *out + *outlen;
		ol = *outcap - *outlen;
		if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1) {
			*outlen = (size_t)(op - *out);
			break;
		}
		*outlen = (size_t)(op - *out);
		if (errno == E2BIG)
			continue;
		if (errno == EINVAL && !eof)
			break;
		return fault_set(&r->fault, EXIT_DATA, _("%s:%lu: byte 0x%02X is "
		    "not valid in the encoding given with --encoding; check the "
		    "name (iconv -l lists them)"), r->file,
		    1 + r->lf_fed + count_breaks(*out, *outlen),
		    (unsigned char)*ip);
	}
	memmove(in, ip, il);
	*inlen = il;
	return 0;
}

/* Read into buf, retrying on EINTR; returns the count or -1. */
static ssize_t
read_some(int fd, char *buf, size_t len)
{
	ssize_t	n;

	do
		n = read(fd, buf, len);
	while (n == -1 && errno == EINTR);
	return n;
}

/*
 * Where the search for the end of the first line that is not blank stands.
 * The delimiter is told from the whole of that line, and a pipe may hand it
 * over in parts: a script printing the header a piece at a time, or a
 * header longer than the 64 KiB a pipe holds.
 */
struct line_seek {
	size_t		 pos;
	int		 begun, quoted;
};

/* Whether that line has ended within text, which grows between calls. */
static int
first_line_ends(struct line_seek *ls, const char *text, size_t len)
{
	for (; ls->pos < len; ls->pos++) {
		char	c = text[ls->pos];

		if (!ls->begun && (c == ' ' || c == '\t' || c == '\r' ||
		    c == '\n'))
			continue;
		ls->begun = 1;
		if (c == '"')
			ls->quoted = !ls->quoted;
		else if (!ls->quoted && (c == '\n' || c == '\r'))
			return 1;
	}
	return 0;
}

/* Append len bytes of text to the buffer held. */
static char *
hold(char *held, size_t *heldlen, size_t *heldcap, const char *text,
    size_t len)
{
	if (len == 0)
		return held;
	if (*heldcap - *heldlen < len) {
		while (*heldcap - *heldlen < len)
			*heldcap = *heldcap ? *heldcap * 2 : CHUNK;
		held = xrealloc(held, *heldcap);
	}
	memcpy(held + *heldlen, text, len);
	*heldlen += len;
	return held;
}

/* Settle the delimiter from the first line once it has begun. */
static void
reader_detect(struct reader *r, const char *text, size_t len, int *detect)
{
	size_t	i = 0;

	if (!*detect)
		return;
	while (i < len && (text[i] == ' ' || text[i] == '\t' ||
	    text[i] == '\r' || text[i] == '\n'))
		i++;
	if (i < len) {
		reader_set_delimiter(r, detect_delimiter(text + i, len - i));
		*detect = 0;
	}
}

static size_t
bom_length(const char *text, size_t len)
{
	return len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
}

/* The input ended: a quote still open is an error; end the last row. */
static int
reader_end(struct reader *r)
{
	unsigned long	line = r->line;

	/* With CSV_STRICT_FINI, csv_fini() refuses a quote left open. */
	if (csv_fini(&r->p, reader_field, reader_row, r) != 0)
		return fault_set(&r->fault, EXIT_DATA, _("%s:%lu: quote opened "
		    "here is never closed; add the closing quote (\")"), r->file,
		    line);
	if (r->failed)
		return -1;
	if (r->stray > WARN_MAX)
		warn_msg(ngettext("%s: %lu more line with quotes inside "
		    "unquoted fields taken as they are", "%s: %lu more lines "
		    "with quotes inside unquoted fields taken as they are",
		    r->stray - WARN_MAX), r->file, r->stray - WARN_MAX);
	return 0;
}

static void
reader_free(struct reader *r)
{
	csv_free(&r->p);
	free(r->bytes);
	free(r->off);
	free(r->flen);
	free(r->plain);
	free(r->field);
}

int
csvin_read(const struct csvin_opts *o, csvin_row_fn fn, void *arg,
    struct csvin_result *res, struct fault *f)
{
	struct reader			 r;
	crypto_generichash_state	 hash;
	iconv_t				 cd = (iconv_t)-1;
	char				*chunk = NULL, *conv = NULL, *carry = NULL;
	char				*held = NULL, *text;
	size_t				 convcap = 0, carrylen = 0, len;
	size_t				 heldlen = 0, heldcap = 0, chunk_size = CHUNK;
	struct line_seek		 seek = { 0, 0, 0 };
	struct stat			 st;
	ssize_t				 n;
	int				 fd, rc = -1, first = 1, eof = 0, detect;

	memset(&r, 0, sizeof r);
	r.file = csvin_display_name(o->path);
	r.line = 1;
	r.fn = fn;
	r.arg = arg;
	detect = o->delimiter == 0;
	if (o->encoding != NULL &&
	    (cd = iconv_open("UTF-8", o->encoding)) == (iconv_t)-1)
		return fault_set(f, EXIT_USAGE, _("unknown encoding '%s' for "
		    "--encoding; iconv -l lists the names"), o->encoding);
	if ((fd = reader_open(o->path, r.file, f)) == -1) {
		if (cd != (iconv_t)-1)
			iconv_close(cd);
		return -1;
	}
	if (csv_init(&r.p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
		fault_set(&r.fault, EXIT_IOERR, _("out of memory"));
		goto out;
	}
	if (o->delimiter != 0)
		reader_set_delimiter(&r, o->delimiter);
	/* A small file needs no megabyte buffer (a pipe may be long). */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (size_t)st.st_size + 4096 < chunk_size)
		chunk_size = (size_t)st.st_size + 4096;
	chunk = xmalloc(chunk_size);
	crypto_generichash_init(&hash, NULL, 0, 32);
	if (cd != (iconv_t)-1) {
		carry = xmalloc(chunk_size + 16);
		convcap = chunk_size * 4 + 16;
		conv = xmalloc(convcap);
	}

	while (!eof) {
		if ((n = read_some(fd, chunk, chunk_size)) == -1)
			goto readerr;
		eof = n == 0;
		/* The BOM check wants three bytes; a pipe may give fewer. */
		while (first && !eof && n < 3) {
			ssize_t	more = read_some(fd, chunk + n,
			    chunk_size - (size_t)n);

			if (more == -1)
				goto readerr;
			eof = more == 0;
			n += more;
		}
		crypto_generichash_update(&hash, (unsigned char *)chunk,
		    (size_t)n);
		text = chunk;
		len = (size_t)n;
		if (cd != (iconv_t)-1) {
			memcpy(carry + carrylen, chunk, (size_t)n);
			carrylen += (size_t)n;
			if (reader_convert(&r, cd, carry, &carrylen, &conv, &len,
			    &convcap, eof) != 0)
				goto out;
			text = conv;
		}
		if (first && len > 0) {
			size_t	bom = bom_length(text, len);

			first = 0;
			text += bom;
			len -= bom;
		}
		/*
		 * Until the first line is whole, hold the text back (a copy is
		 * made only when a read brings less than that line).
		 */
		if (detect && (heldlen > 0 ||
		    (!eof && !first_line_ends(&seek, text, len)))) {
			held = hold(held, &heldlen, &heldcap, text, len);
			if (!eof && heldlen < HELD_MAX &&
			    !first_line_ends(&seek, held, heldlen))
				continue;
			text = held;
			len = heldlen;
			heldlen = 0;
		}
		memset(&seek, 0, sizeof seek);
		reader_detect(&r, text, len, &detect);
		if (len > 0 && reader_feed(&r, text, len) != 0)
			goto out;
	}
	if (reader_end(&r) != 0)
		goto out;
	if (res != NULL) {
		crypto_generichash_final(&hash, res->fingerprint,
		    sizeof res->fingerprint);
		res->delimiter = csv_get_delim(&r.p);
	}
	rc = 0;
	goto out;
readerr:
	fault_set(&r.fault, EXIT_IOERR, _("%s: cannot read: %s"), r.file,
	    strerror(errno));
out:
	if (rc != 0)
		*f = r.fault;
	reader_free(&r);
	if (fd != STDIN_FILENO)
		close(fd);
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	free(chunk);
	free(carry);
	free(conv);
	free(held);
	return rc;
}
