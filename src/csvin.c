/*
 * csvin.c: read a CSV file with libcsv in strict mode and say where things are.
 *
 * libcsv reports byte offsets, not lines, and csv_fini() clears its error
 * state. Lines are counted from the callbacks instead: with CSV_REPALL_NL
 * every line break outside a field reaches the row callback, and the breaks
 * inside a quoted field are in the field's bytes. So the line a row starts on
 * is known when its first field arrives, and an error's line is the line of
 * the last callback plus the breaks in the half-read field that libcsv holds
 * (entry_buf). Whole chunks go to csv_parse(); feeding it a line at a time
 * would cost a call and a memchr() per line.
 *
 * A big regular file is mapped, and read in two halves on two threads
 * (read_mapped(), and struct csvin_half in csvin.h). Anything else is read
 * as a stream: the fingerprint is hashed from the raw chunks on a second
 * thread (fingerprint.c), and chunks rotate through a small ring so that the
 * hash can lag the parse by a few megabytes.
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <csv.h>

#include "csvin.h"
#include "fingerprint.h"
#include "rowpipe.h"
#include "text.h"

#define CHUNK		((size_t)1 << 20)
/* A first line longer than this is judged from this much of it. */
#define HELD_MAX	((size_t)64 << 20)
#define RING		4

/* Files this big are mapped and read in halves; below, a stream will do. */
#define MAPPED_MIN	((uintmax_t)1 << 20)
/* The roster names strings by 32-bit offsets; bigger files fail there. */
#define MAPPED_MAX	((uintmax_t)UINT32_MAX)

/* libcsv's parser states (csv.c keeps the names private). */
#define ROW_NOT_BEGUN	0
#define FIELD_BEGUN	2

struct reader {
	struct csv_parser	 p;
	const char		*file;
	struct fault		 fault;		/* the parser's own errors */
	int			 failed;

	unsigned long		 line;		/* line of the parser's position */
	unsigned long		 row_line;	/* line the current row began on */
	int			 after_cr;	/* the last break was a CR */

	struct rowpipe		*pipe;
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
		return "comma";
	case ';':
		return "semicolon";
	case '\t':
		return "tab";
	case '|':
		return "bar";
	}
	return "other";
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
		    "%s:%lu: NUL byte; this is not a text CSV file: save or "
		    "export it as CSV UTF-8", r->file,
		    r->line + count_breaks(s, (size_t)(nul - s)));
	if ((bad = utf8_invalid_from(s, len, i)) != len)
		return fault_set(&r->fault, EXIT_DATA,
		    "%s:%lu: invalid UTF-8 (byte 0x%02X); re-save the file as "
		    "UTF-8, or name its encoding with --encoding (a file from "
		    "Excel on Windows is usually --encoding cp1252)", r->file,
		    r->line + count_breaks(s, bad), (unsigned char)s[bad]);
	return 0;
}

/*
 * libcsv callback: one field ended; check it and pass it on. The check is
 * here, on the parsing thread, and not on the consuming one: that one shares
 * a core with the fingerprint, and (measured) is the first to run out.
 */
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
	if (!rowpipe_in_row(r->pipe))
		r->row_line = r->line;
	if (reader_check_field(r, s, len, &breaks, &plain) != 0) {
		r->failed = 1;
		return;
	}
	r->line += breaks;
	rowpipe_field(r->pipe, s, len, plain);
}

/*
 * libcsv callback: a row ended, or (CSV_REPALL_NL) a line break came outside
 * any row. Count the break, and pass on a row that has fields.
 */
static void
reader_row(int term, void *arg)
{
	struct reader	*r = arg;

	if (r->failed)
		return;
	if (rowpipe_in_row(r->pipe) && rowpipe_row(r->pipe, r->row_line) != 0)
		r->failed = 1;
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

/* The line libcsv is on: the last callback's, plus breaks in its field so far. */
static unsigned long
reader_where(const struct reader *r)
{
	return r->line + count_breaks((const char *)r->p.entry_buf,
	    r->p.entry_pos);
}

/* Feed converted text to the parser and explain a strict-mode error. */
static int
reader_feed(struct reader *r, const char *s, size_t len)
{
	size_t	done;

	done = csv_parse(&r->p, s, len, reader_field, reader_row, r);
	if (r->failed)
		return -1;
	if (done == len && csv_error(&r->p) == CSV_SUCCESS)
		return 0;
	if (csv_error(&r->p) != CSV_EPARSE)
		return fault_set(&r->fault, EXIT_IOERR, "%s: %s", r->file,
		    csv_strerror(csv_error(&r->p)));
	/* libcsv stops on the byte it refused; which one tells the story. */
	if (!r->p.quoted)
		return fault_set(&r->fault, EXIT_DATA, "%s:%lu: stray quote in "
		    "an unquoted field; put the whole field in quotes and "
		    "double each quote inside it (\"\")", r->file,
		    reader_where(r));
	return fault_set(&r->fault, EXIT_DATA, "%s:%lu: text after a closing "
	    "quote; a quoted field must end at the delimiter or the end of the "
	    "line", r->file, reader_where(r));
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
		return fault_set(f, EXIT_NOINPUT, "%s: cannot open: %s", file,
		    strerror(errno));
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		return fault_set(f, EXIT_NOINPUT,
		    "%s: is a directory; name a CSV file", file);
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
		return fault_set(&r->fault, EXIT_DATA, "%s:%lu: byte 0x%02X is "
		    "not valid in the encoding given with --encoding; check the "
		    "name (iconv -l lists them)", r->file,
		    r->line + count_breaks(*out, *outlen),
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

/* Make r a strict reader for file; delimiter 0 is detected later. */
static int
reader_init(struct reader *r, const char *file, int delimiter)
{
	memset(r, 0, sizeof *r);
	r->file = file;
	r->line = 1;
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0)
		return fault_set(&r->fault, EXIT_IOERR, "out of memory");
	if (delimiter != 0)
		reader_set_delimiter(r, delimiter);
	return 0;
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
	/* Check before csv_fini(), which forgets the parser's state. */
	if (r->p.pstate == FIELD_BEGUN && r->p.quoted)
		return fault_set(&r->fault, EXIT_DATA, "%s:%lu: quote opened here "
		    "is never closed; add the closing quote (\")", r->file,
		    r->line);
	csv_fini(&r->p, reader_field, reader_row, r);
	return r->failed ? -1 : 0;
}

/*
 * Deliver the last rows, stop the fingerprint (fp may be NULL) and free the
 * parser; rc is the read's own outcome, and the result is the final one.
 */
static int
reader_close(struct reader *r, struct fingerprint *fp, int rc,
    struct fault *f)
{
	/*
	 * The consumer is behind the parser: a failure of its comes from an
	 * earlier row than the parser's own, so it is the one to report.
	 */
	if (r->pipe != NULL && rowpipe_finish(r->pipe, f) != 0)
		rc = -1;
	else if (rc != 0)
		*f = r->fault;
	r->pipe = NULL;
	if (fp != NULL)
		fingerprint_finish(fp, NULL);
	csv_free(&r->p);
	return rc;
}

/* Feed text[from, to) in pieces of at most CHUNK bytes. */
static int
reader_feed_range(struct reader *r, const char *text, size_t from, size_t to)
{
	size_t	n;

	for (; from < to; from += n) {
		n = to - from < CHUNK ? to - from : CHUNK;
		if (reader_feed(r, text + from, n) != 0)
			return -1;
	}
	return 0;
}

/*
 * The back half of a mapped file, read on speculation (see csvin.h). It
 * has cache lines of its own: the two parsers write their state for every
 * byte, and sharing a line with the front's reader would make the cores
 * pass it to and fro (measured: each half half as slow again).
 */
struct back {
	_Alignas(64) struct reader r;
	const char	*text;
	size_t		 len;
	pthread_t	 thread;
	atomic_int	 stop;		/* the front half found it useless */
	int		 ok;		/* read to the end with no failure */
};

static void *
back_main(void *arg)
{
	struct back	*b = arg;
	size_t		 off, n;
	int		 rc = 0;

	for (off = 0; off < b->len && rc == 0; off += n) {
		n = b->len - off < CHUNK ? b->len - off : CHUNK;
		if (atomic_load_explicit(&b->stop, memory_order_relaxed))
			rc = -1;
		else
			rc = reader_feed(&b->r, b->text + off, n);
	}
	if (rc == 0)
		rc = reader_end(&b->r);
	if (rowpipe_finish(b->r.pipe, NULL) != 0)
		rc = -1;
	b->r.pipe = NULL;
	b->ok = rc == 0;
	return NULL;
}

/* Start reading text[from, len) behind the front half; NULL if it cannot. */
static struct back *
back_start(struct reader *front, const struct csvin_half *half,
    const char *text, size_t from, size_t len)
{
	struct back	*b;

	b = xaligned(sizeof *b);
	if (reader_init(&b->r, front->file, csv_get_delim(&front->p)) != 0) {
		csv_free(&b->r.p);
		free(b);
		return NULL;
	}
	half->begin(half->arg, from, len);
	b->r.pipe = rowpipe_start(b->r.file, half->fn, half->arg,
	    ROWPIPE_INLINE);
	b->text = text + from;
	b->len = len - from;
	b->ok = 0;
	atomic_init(&b->stop, 0);
	if (pthread_create(&b->thread, NULL, back_main, b) != 0) {
		rowpipe_finish(b->r.pipe, NULL);
		csv_free(&b->r.p);
		free(b);
		return NULL;
	}
	return b;
}

/* Stop the back half if asked, wait for it; whether it read all there was. */
static int
back_join(struct back *b, int stop)
{
	int	ok;

	if (stop)
		atomic_store(&b->stop, 1);
	pthread_join(b->thread, NULL);
	csv_free(&b->r.p);
	ok = b->ok && !stop;
	free(b);
	return ok;
}

/*
 * A regular file big enough to be worth it is mapped rather than read: the
 * fingerprint thread hashes the mapping while the parsers read it, and
 * nothing is copied on the way in. The front half is read here; the back
 * half (when the caller can take one) on a thread of its own, started once
 * the front has handed over its first row, so that the caller knows the
 * columns. Returns 1 if the file cannot be mapped: read it as a stream.
 *
 * A file cut short by another program while it is mapped would raise
 * SIGBUS; a roster is not written to while a raffle reads it.
 */
static int
read_mapped(const struct csvin_opts *o, int fd, size_t size, csvin_row_fn fn,
    void *arg, const struct csvin_half *half, struct csvin_result *res,
    struct fault *f)
{
	struct reader		 r;
	struct back		*b = NULL;
	struct fingerprint	*fp;
	const char		*map, *text, *nl;
	size_t			 len, from, off, n;
	int			 rc = -1, detect = o->delimiter == 0, tried = 0;
	int			 kept = 0;

	map = mmap(NULL, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
	if (map == MAP_FAILED)
		return 1;
	fp = fingerprint_start();
	fingerprint_feed(fp, map, size);
	if (reader_init(&r, csvin_display_name(o->path), o->delimiter) != 0)
		goto out;
	text = map + bom_length(map, size);
	len = size - (size_t)(text - map);
	reader_detect(&r, text, len, &detect);

	/* The back half starts after the first line break past the middle. */
	from = len;
	if (half != NULL && (nl = memchr(text + len / 2, '\n', len - len / 2)) !=
	    NULL)
		from = (size_t)(nl + 1 - text);
	r.pipe = rowpipe_start(r.file, fn, arg, from < len ? ROWPIPE_EAGER :
	    ROWPIPE_THREAD);
	for (off = 0; off < from; off += n) {
		/* A small first piece: the header is soon seen, the back begun. */
		n = off == 0 ? CHUNK / 16 : CHUNK;
		if (n > from - off)
			n = from - off;
		if (reader_feed(&r, text + off, n) != 0)
			goto out;
		if (!tried && from < len && rowpipe_started(r.pipe)) {
			tried = 1;
			b = back_start(&r, half, text, from, len);
		}
	}
	if (b != NULL) {
		/* The halves must meet between two rows, not inside a field. */
		kept = back_join(b, r.p.pstate != ROW_NOT_BEGUN);
		b = NULL;
	}
	if (!kept && (reader_feed_range(&r, text, from, len) != 0 ||
	    reader_end(&r) != 0))
		goto out;
	if (res != NULL) {
		fingerprint_finish(fp, res->fingerprint);
		fp = NULL;
		res->delimiter = csv_get_delim(&r.p);
		res->half_line = kept ? r.line : 0;
	}
	rc = 0;
out:
	if (b != NULL)
		back_join(b, 1);
	rc = reader_close(&r, fp, rc, f);
	munmap((void *)(uintptr_t)map, size);
	return rc;
}

int
csvin_read(const struct csvin_opts *o, csvin_row_fn fn, void *arg,
    struct csvin_result *res, struct fault *f)
{
	return csvin_read_halves(o, fn, arg, NULL, res, f);
}

int
csvin_read_halves(const struct csvin_opts *o, csvin_row_fn fn, void *arg,
    const struct csvin_half *half, struct csvin_result *res, struct fault *f)
{
	struct reader		 r;
	struct fingerprint	*fp = NULL;
	iconv_t			 cd = (iconv_t)-1;
	char			*ring[RING] = { NULL }, *conv = NULL, *carry = NULL;
	char			*held = NULL;
	uint64_t		 ticket[RING] = { 0 };
	size_t			 convcap = 0, carrylen = 0, len, k = 0;
	size_t			 heldlen = 0, heldcap = 0;
	size_t			 chunk_size = CHUNK;
	struct line_seek	 seek = { 0, 0, 0 };
	struct stat		 st;
	ssize_t			 n;
	int			 fd, rc = -1, first = 1, eof = 0, detect, regular;

	if (res != NULL)
		res->half_line = 0;
	else
		half = NULL;
	detect = o->delimiter == 0;
	if (o->encoding != NULL &&
	    (cd = iconv_open("UTF-8", o->encoding)) == (iconv_t)-1)
		return fault_set(f, EXIT_USAGE, "unknown encoding '%s' for "
		    "--encoding; iconv -l lists the names", o->encoding);
	if ((fd = reader_open(o->path, csvin_display_name(o->path), f)) == -1) {
		if (cd != (iconv_t)-1)
			iconv_close(cd);
		return -1;
	}
	/*
	 * Standard input is read as a stream even from a file: it is read
	 * from where the descriptor stands, which a mapping would ignore.
	 */
	regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
	if (regular && fd != STDIN_FILENO && cd == (iconv_t)-1 &&
	    (uintmax_t)st.st_size >= MAPPED_MIN &&
	    (uintmax_t)st.st_size <= MAPPED_MAX &&
	    (rc = read_mapped(o, fd, (size_t)st.st_size, fn, arg, half, res,
	    f)) != 1) {
		close(fd);
		return rc;
	}
	rc = -1;
	if (reader_init(&r, csvin_display_name(o->path), o->delimiter) != 0)
		goto out;
	/* A small file needs no megabyte buffers (a pipe may be long). */
	if (regular && (size_t)st.st_size + 1 < chunk_size)
		chunk_size = (size_t)st.st_size + 4096 < chunk_size ?
		    (size_t)st.st_size + 4096 : chunk_size;
	fp = fingerprint_start();
	r.pipe = rowpipe_start(r.file, fn, arg, ROWPIPE_THREAD);
	if (cd != (iconv_t)-1) {
		carry = xmalloc(chunk_size + 16);
		convcap = chunk_size * 4 + 16;
		conv = xmalloc(convcap);
	}

	while (!eof) {
		char	*chunk, *text;

		/* Reuse a ring buffer only once the hash is done with it. */
		if (ring[k] == NULL)
			ring[k] = xmalloc(chunk_size);
		fingerprint_wait(fp, ticket[k]);
		chunk = ring[k];
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
		ticket[k] = fingerprint_feed(fp, chunk, (size_t)n);
		k = (k + 1) % RING;
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
		fingerprint_finish(fp, res->fingerprint);
		fp = NULL;
		res->delimiter = csv_get_delim(&r.p);
	}
	rc = 0;
	goto out;
readerr:
	fault_set(&r.fault, EXIT_IOERR, "%s: cannot read: %s", r.file,
	    strerror(errno));
out:
	rc = reader_close(&r, fp, rc, f);
	if (fd != STDIN_FILENO)
		close(fd);
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	for (k = 0; k < RING; k++)
		free(ring[k]);
	free(carry);
	free(conv);
	free(held);
	return rc;
}
