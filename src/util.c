/* util.c: allocation wrappers, faults, warnings and small parsers. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Fill a fault with a status and message; returns -1 for the caller to pass on. */
int
fault_set(struct fault *f, int status, const char *fmt, ...)
{
	va_list	ap;

	if (f == NULL)
		return -1;
	f->status = status;
	va_start(ap, fmt);
	vsnprintf(f->msg, sizeof f->msg, fmt, ap);
	va_end(ap);
	return -1;
}

/* Report running out of memory and exit; nothing sensible can follow. */
static void
nomem(void)
{
	msg_put(stderr, _("out of memory"));
	exit(EXIT_IOERR);
}

void *
xmalloc(size_t size)
{
	void	*p;

	if ((p = malloc(size == 0 ? 1 : size)) == NULL)
		nomem();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	if ((p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size)) == NULL)
		nomem();
	return p;
}

void *
xrealloc(void *p, size_t size)
{
	if ((p = realloc(p, size == 0 ? 1 : size)) == NULL)
		nomem();
	return p;
}

/* Resize an array of n elements of size each, checking the multiplication. */
void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		nomem();
	return xrealloc(p, n * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* Copy len bytes of s and terminate them. Caller frees. */
char *
xstrndup(const char *s, size_t len)
{
	char	*p;

	p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/* Format into a new string. Caller frees. */
char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list	 again;
	char	*s;
	int	 n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	if (n < 0)
		nomem();
	s = xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, again);
	va_end(again);
	return s;
}

void
msg_put(FILE *fp, const char *msg)
{
	const unsigned char	*p = (const unsigned char *)msg;

	fputs("raffle: ", fp);
	for (; *p != '\0'; p++)
		putc(*p < 0x20 || *p == 0x7f ? '?' : *p, fp);
	putc('\n', fp);
}

static void
warn_stderr(const char *msg)
{
	msg_put(stderr, msg);
}

static warn_sink	warn_current = warn_stderr;

/* Route warnings to sink, or back to standard error when sink is NULL. */
void
warn_set_sink(warn_sink sink)
{
	warn_current = sink != NULL ? sink : warn_stderr;
}

void
warn_msg(const char *fmt, ...)
{
	char	buf[1024];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	warn_current(buf);
}

/* Write len bytes as 2*len lowercase hex digits and a NUL into out. */
void
hex_encode(char *out, const unsigned char *in, size_t len)
{
	static const char	digits[] = "0123456789abcdef";
	size_t			i;

	for (i = 0; i < len; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 15];
	}
	out[2 * len] = '\0';
}

/*
 * Lowercase hex digits' values plus one; 0 for anything else. Only the
 * lowercase form is a hash in the log: 'a' and 'A' differ by one bit, and a
 * flipped bit must never pass.
 */
static const unsigned char hex_value[256] = {
	['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5, ['5'] = 6,
	['6'] = 7, ['7'] = 8, ['8'] = 9, ['9'] = 10,
	['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16,
};

/* Decode exactly 2*len lowercase hex digits (and nothing more) from s. */
int
hex_decode(unsigned char *out, size_t len, const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i;
	unsigned		 hi, lo;

	for (i = 0; i < len; i++) {
		hi = hex_value[u[2 * i]];
		lo = hex_value[u[2 * i + 1]];
		if (hi == 0 || lo == 0)
			return -1;
		out[i] = (unsigned char)((hi - 1) << 4 | (lo - 1));
	}
	return s[2 * len] == '\0' ? 0 : -1;
}

/* Parse a whole decimal number of at most max, digits only; -1 otherwise. */
int
parse_u64(const char *s, uint64_t max, uint64_t *out)
{
	uint64_t	v = 0, d, limit = max / 10, last = max % 10;

	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		d = (uint64_t)(*s - '0');
		if (v > limit || (v == limit && d > last))
			return -1;
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

/*
 * A fast string hash: eight bytes a round, mixed by multiplication. It only
 * needs spread, not secrecy: the strings hashed are the organiser's own.
 */
uint64_t
hash_bytes(const char *s, size_t len)
{
	uint64_t	h = UINT64_C(0x9e3779b97f4a7c15) ^ len, w;

	while (len >= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * UINT64_C(0xff51afd7ed558ccd);
		h ^= h >> 32;
		s += 8;
		len -= 8;
	}
	w = 0;
	memcpy(&w, s, len);
	h = (h ^ w) * UINT64_C(0xc4ceb9fe1a85ec53);
	h ^= h >> 29;
	h *= UINT64_C(0xff51afd7ed558ccd);
	return h ^ (h >> 32);
}

size_t
u64_format(char *out, uint64_t v)
{
	char	tmp[20];
	size_t	n = 0, i;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	for (i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
	return n;
}

int
sync_dir(const char *path)
{
	char	*copy = xstrdup(path);
	int	 fd, rc = -1;

	if ((fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		rc = fsync(fd);
		close(fd);
	}
	free(copy);
	return rc;
}

/*
 * A counting sort, linear: without a prize table every draw is a prize of
 * its own, and a scan per prize would be quadratic.
 */
size_t
order_by_first_seen(const size_t *key, size_t n, size_t nkeys, size_t *order)
{
	size_t	*group, *start, i, g, ngroups = 0;

	group = xreallocarray(NULL, nkeys + 1, sizeof *group);
	for (i = 0; i < nkeys; i++)
		group[i] = SIZE_MAX;
	start = xcalloc(n + 2, sizeof *start);
	for (i = 0; i < n; i++) {
		if (group[key[i]] == SIZE_MAX)
			group[key[i]] = ngroups++;
		start[group[key[i]] + 1]++;
	}
	for (g = 0; g < ngroups; g++)
		start[g + 1] += start[g];
	for (i = 0; i < n; i++)
		order[start[group[key[i]]]++] = i;
	free(group);
	free(start);
	return ngroups;
}
