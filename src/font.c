/* font.c: Unifont's .hex file, searched on disk a glyph at a time. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "font.h"

/* The longest line a search needs whole: 6 hex digits, ':', 64, CR LF. */
#define LINE_MAX_BYTES	80
/* Below this span the search reads the rest at once and scans it. */
#define SCAN_BYTES	1024

/* A code point looked up before: its glyph, or NULL for none. */
struct slot {
	uint32_t	 cp;
	int		 used;
	struct glyph	*glyph;
};

struct font {
	int		 fd;
	off_t		 size;
	struct slot	*slots;		/* open addressing, a power of two */
	size_t		 nslots, used;
	unsigned long	 reads;
};

struct font *
font_open(const char *path, struct fault *f)
{
	struct font	*fn;
	struct stat	 st;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		fault_set(f, EXIT_NOINPUT, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		fault_set(f, EXIT_NOINPUT, "%s: not a font file", path);
		close(fd);
		return NULL;
	}
	fn = xcalloc(1, sizeof *fn);
	fn->fd = fd;
	fn->size = st.st_size;
	fn->nslots = 64;
	fn->slots = xcalloc(fn->nslots, sizeof *fn->slots);
	return fn;
}

void
font_close(struct font *fn)
{
	size_t	i;

	if (fn == NULL)
		return;
	for (i = 0; i < fn->nslots; i++)
		free(fn->slots[i].glyph);
	free(fn->slots);
	close(fn->fd);
	free(fn);
}

unsigned long
font_reads(const struct font *fn)
{
	return fn->reads;
}

static int
hex_digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/*
 * The code point a line starts with, from "CODEPOINT:"; -1 if the line
 * does not start that way. *bits is where the bitmap starts.
 */
static long
line_key(const char *p, const char *end, const char **bits)
{
	long	cp = 0;
	int	n = 0, d;

	while (p < end && (d = hex_digit((unsigned char)*p)) >= 0 && n < 6) {
		cp = cp * 16 + d;
		p++;
		n++;
	}
	if (n < 4 || p == end || *p != ':')
		return -1;
	*bits = p + 1;
	return cp;
}

/* The bitmap of a line into g; -1 unless it is 32 or 64 hex digits. */
static int
line_glyph(const char *p, const char *end, struct glyph *g)
{
	size_t	n = 0, i, per;
	int	d[64];

	while (p < end && n < 64 && (d[n] = hex_digit((unsigned char)*p)) >= 0) {
		n++;
		p++;
	}
	if ((p < end && *p != '\n' && *p != '\r') || (n != 32 && n != 64))
		return -1;
	per = n / FONT_HEIGHT;		/* 2 or 4 digits a row */
	g->width = (uint8_t)(per * 4);
	for (i = 0; i < FONT_HEIGHT; i++) {
		unsigned	v = 0;
		size_t		k;

		for (k = 0; k < per; k++)
			v = v * 16 + (unsigned)d[i * per + k];
		g->rows[i] = (uint16_t)(v << (16 - per * 4));
	}
	return 0;
}

/* Read up to len bytes at off; returns how many (0 at the end or on error). */
static size_t
read_at(struct font *fn, char *buf, size_t len, off_t off)
{
	ssize_t	n;

	if (off >= fn->size)
		return 0;
	fn->reads++;
	do
		n = pread(fn->fd, buf, len, off);
	while (n == -1 && errno == EINTR);
	return n > 0 ? (size_t)n : 0;
}

/*
 * The first line that starts at or after off and before limit: its start
 * in *at and its key (-1 for a line that does not parse). Returns 0, or -1
 * when no line starts there.
 */
static int
probe(struct font *fn, off_t off, off_t limit, off_t *at, long *key)
{
	char		 buf[2 * LINE_MAX_BYTES];
	const char	*p, *nl, *bits;
	size_t		 n;

	if (off == 0) {
		n = read_at(fn, buf, sizeof buf, 0);
		p = buf;
	} else {
		/* From the byte before off: a line starts after its newline. */
		n = read_at(fn, buf, sizeof buf, off - 1);
		if ((nl = memchr(buf, '\n', n)) == NULL)
			return -1;
		p = nl + 1;
		off = off - 1 + (p - buf);
	}
	if (off >= limit || p >= buf + n)
		return -1;
	*at = off;
	*key = line_key(p, buf + n, &bits);
	return 0;
}

/*
 * Find cp in the sorted file: narrow [lo, hi) by probing the line after
 * the middle, keeping lo on a line before the one wanted and hi at or
 * after its start, then read what is left and scan it line by line. A
 * damaged line only hides its own glyph: it reads as "before" anything.
 */
static struct glyph *
search(struct font *fn, uint32_t cp)
{
	char		 buf[SCAN_BYTES + 2 * LINE_MAX_BYTES];
	const char	*p, *end, *nl, *bits;
	struct glyph	 g, *out;
	off_t		 lo = 0, hi = fn->size, mid, at;
	size_t		 n;
	long		 key;

	while (hi - lo > SCAN_BYTES) {
		mid = lo + (hi - lo) / 2;
		if (probe(fn, mid, hi, &at, &key) != 0)
			hi = mid;
		else if (key < (long)cp)
			lo = at;
		else
			hi = at;
	}
	n = read_at(fn, buf, (size_t)(hi - lo) + (size_t)2 * LINE_MAX_BYTES, lo);
	for (p = buf, end = buf + n; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;	/* the last line, or a cut one */
		key = line_key(p, nl, &bits);
		if (key > (long)cp)
			break;
		if (key == (long)cp) {
			if (line_glyph(bits, nl, &g) != 0)
				return NULL;
			out = xmalloc(sizeof *out);
			*out = g;
			return out;
		}
	}
	return NULL;
}

static size_t
slot_of(const struct font *fn, uint32_t cp)
{
	size_t	i = ((size_t)cp * 2654435761u) & (fn->nslots - 1);

	while (fn->slots[i].used && fn->slots[i].cp != cp)
		i = (i + 1) & (fn->nslots - 1);
	return i;
}

/* Double the table; every glyph keeps its address. */
static void
grow(struct font *fn)
{
	struct slot	*old = fn->slots;
	size_t		 n = fn->nslots, i;

	fn->nslots *= 2;
	fn->slots = xcalloc(fn->nslots, sizeof *fn->slots);
	for (i = 0; i < n; i++)
		if (old[i].used)
			fn->slots[slot_of(fn, old[i].cp)] = old[i];
	free(old);
}

const struct glyph *
font_glyph(struct font *fn, uint32_t cp)
{
	size_t	i;

	if (fn == NULL || cp > 0x10ffff)
		return NULL;
	i = slot_of(fn, cp);
	if (fn->slots[i].used)
		return fn->slots[i].glyph;
	if (2 * (fn->used + 1) > fn->nslots) {
		grow(fn);
		i = slot_of(fn, cp);
	}
	fn->slots[i].cp = cp;
	fn->slots[i].used = 1;
	fn->slots[i].glyph = search(fn, cp);
	fn->used++;
	return fn->slots[i].glyph;
}
