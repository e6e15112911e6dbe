/* text.c: UTF-8 checks, name folding and display widths. */
#include <langinfo.h>
#include <libintl.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text.h"
#include "util.h"

/* Where make install puts the translations (the Makefile says). */
#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

size_t
utf8_invalid_at(const char *str, size_t len)
{
	return utf8_invalid_from(str, len, 0);
}

size_t
utf8_invalid_from(const char *str, size_t len, size_t i)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 n, k;
	uint32_t		 cp, min;

	while (i < len) {
		/* Most names are ASCII: skip eight plain bytes at a time. */
		while (i + 8 <= len) {
			uint64_t	w;

			memcpy(&w, s + i, 8);
			if (w & UINT64_C(0x8080808080808080))
				break;
			i += 8;
		}
		if (i >= len)
			break;
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if (s[i] >= 0xc2 && s[i] <= 0xdf) {
			n = 1; cp = s[i] & 0x1f; min = 0x80;
		} else if (s[i] >= 0xe0 && s[i] <= 0xef) {
			n = 2; cp = s[i] & 0x0f; min = 0x800;
		} else if (s[i] >= 0xf0 && s[i] <= 0xf4) {
			n = 3; cp = s[i] & 0x07; min = 0x10000;
		} else
			return i;
		if (i + n >= len)
			return i;
		for (k = 1; k <= n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return i;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		/* Overlong forms, UTF-16 surrogates and values past U+10FFFF. */
		if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
			return i;
		i += n + 1;
	}
	return len;
}

size_t
utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

size_t
utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 n, k;

	if (len == 0) {
		*cp = 0;
		return 0;
	}
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] < 0xe0) {
		n = 2;
		*cp = s[0] & 0x1f;
	} else if (s[0] < 0xf0) {
		n = 3;
		*cp = s[0] & 0x0f;
	} else {
		n = 4;
		*cp = s[0] & 0x07;
	}
	if (n > len) {
		/* Not valid UTF-8; callers check first, but never read past len. */
		*cp = 0xfffd;
		return len;
	}
	for (k = 1; k < n; k++)
		*cp = *cp << 6 | (s[k] & 0x3f);
	return n;
}

/* White space that a spreadsheet may put in a name: folded to one space. */
static int
is_space(uint32_t cp)
{
	switch (cp) {
	case ' ': case '\t': case '\n': case '\v': case '\f': case '\r':
	case 0x85: case 0xa0: case 0x1680: case 0x2028: case 0x2029:
	case 0x202f: case 0x205f: case 0x3000:
		return 1;
	}
	return cp >= 0x2000 && cp <= 0x200a;
}

/* Characters that never belong in a name: controls and stray marks. */
static int
is_dropped(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0xfeff ||
	    cp == 0x200b || (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069);
}

#define ONES	UINT64_C(0x0101010101010101)
#define HIGHS	UINT64_C(0x8080808080808080)
#define LOWS	UINT64_C(0x7f7f7f7f7f7f7f7f)

/*
 * Word-at-a-time tests: eight bytes in a handful of operations. The high bit
 * of each byte of the result marks a byte of w outside printable ASCII
 * (some bytes above a marked one may be marked too: callers look closer).
 */
static uint64_t
outside_printable(uint64_t w)
{
	return (((w - ONES * 0x20) & ~w) | ((w + ONES) | w)) & HIGHS;
}

/* The high bit of each byte of the result marks exactly a zero byte of x. */
static uint64_t
zero_bytes(uint64_t x)
{
	return ~(((x & LOWS) + LOWS) | x | LOWS);
}

size_t
text_plain_prefix(const char *str, size_t len)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 i = 0;
	uint64_t		 w;

	for (; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		if (outside_printable(w) != 0)
			break;
	}
	for (; i < len; i++)
		if (s[i] < 0x20 || s[i] > 0x7e)
			return i;
	return len;
}

/*
 * Whether printable ASCII s is already folded: no space at either end and
 * none doubled. Most names are, and this is cheaper than folding them.
 */
static int
plain_is_folded(const unsigned char *s, size_t len)
{
	size_t		i = 0;
	uint64_t	a, b;

	if (len == 0)
		return 1;
	if (s[0] == ' ' || s[len - 1] == ' ')
		return 0;
	/* Two loads one byte apart: a space in both is a doubled space. */
	for (; i + 9 <= len; i += 8) {
		memcpy(&a, s + i, 8);
		memcpy(&b, s + i + 1, 8);
		if ((zero_bytes(a ^ ONES * ' ') & zero_bytes(b ^ ONES * ' ')) != 0)
			return 0;
	}
	for (; i + 1 < len; i++)
		if (s[i] == ' ' && s[i + 1] == ' ')
			return 0;
	return 1;
}

size_t
text_fold_plain(char *s, size_t len)
{
	if (plain_is_folded((const unsigned char *)s, len))
		return len;
	return text_fold(s, len);
}

size_t
text_fold(char *s, size_t len)
{
	size_t		i = 0, out = 0, n;
	int		pending = 0;	/* a space is owed before the next character */
	uint32_t	cp;

	if (text_plain_prefix(s, len) == len &&
	    plain_is_folded((const unsigned char *)s, len))
		return len;

	while (i < len) {
		unsigned char	c = (unsigned char)s[i];

		if (c > ' ' && c < 0x7f) {
			/* Plain ASCII: the common case, copied as it is. */
			if (pending && out > 0)
				s[out++] = ' ';
			pending = 0;
			s[out++] = (char)c;
			i++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (is_space(cp))
			pending = 1;
		else if (!is_dropped(cp)) {
			if (pending && out > 0)
				s[out++] = ' ';
			pending = 0;
			memmove(s + out, s + i, n);
			out += n;
		}
		i += n;
	}
	return out;
}

/* Characters with nothing to see: format characters, fillers, blanks. */
static int
is_invisible(uint32_t cp)
{
	switch (cp) {
	case 0xad: case 0x34f: case 0x61c: case 0x115f: case 0x1160:
	case 0x17b4: case 0x17b5: case 0x180e: case 0x2800: case 0x3164:
	case 0xfeff: case 0xffa0:
		return 1;
	}
	return (cp >= 0x180b && cp <= 0x180f) || (cp >= 0x200b && cp <= 0x200f) ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x206f) ||
	    (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xfff0 && cp <= 0xfffb) ||
	    (cp >= 0xe0000 && cp <= 0xe0fff) || (cp >= 0x1d173 && cp <= 0x1d17a);
}

int
text_visible(const char *s, size_t len)
{
	size_t		i = 0;
	uint32_t	cp;

	while (i < len) {
		unsigned char	c = (unsigned char)s[i];

		if (c > ' ' && c < 0x7f)
			return 1;
		i += utf8_decode(s + i, len - i, &cp);
		if (!is_space(cp) && !is_dropped(cp) && !is_invisible(cp))
			return 1;
	}
	return 0;
}

int
text_is_zero_width(uint32_t cp)
{
	return cp == 0x200d || cp == 0x200c || cp == 0x200b ||
	    (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef) ||
	    cp == 0x20e3 || (cp >= 0x1f3fb && cp <= 0x1f3ff);
}

/* Columns of one code point; unprintable ones count as one replacement cell. */
static size_t
cp_width(uint32_t cp)
{
	int	w;

	if (cp < 0x7f)
		return cp >= 0x20 ? 1 : 0;
	if (text_is_zero_width(cp))
		return 0;
	w = wcwidth((wchar_t)cp);
	if (w < 0)
		return 1;
	return (size_t)w;
}

size_t
text_width(const char *s, size_t len)
{
	size_t		i = 0, w = 0;
	uint32_t	cp;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			w += (unsigned char)s[i] >= 0x20 && s[i] != 0x7f;
			i++;
			continue;
		}
		i += utf8_decode(s + i, len - i, &cp);
		w += cp_width(cp);
	}
	return w;
}

size_t
text_fit(const char *s, size_t len, size_t cols, size_t *used)
{
	size_t		i = 0, w = 0, n, cw;
	uint32_t	cp;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		cw = cp_width(cp);
		if (w + cw > cols)
			break;
		w += cw;
		i += n;
	}
	if (used != NULL)
		*used = w;
	return i;
}

void
text_init_locale(void)
{
	const char	*tries[] = { "C.UTF-8", "C.utf8", "en_US.UTF-8" };
	const char	*dir = getenv("TEXTDOMAINDIR");
	size_t		 i;

	setlocale(LC_ALL, "");
	/* Numbers are read and written the same in every language. */
	setlocale(LC_NUMERIC, "C");
	/* Widths need UTF-8 whatever the user's locale says of text. */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		for (i = 0; i < sizeof tries / sizeof tries[0]; i++)
			if (setlocale(LC_CTYPE, tries[i]) != NULL &&
			    strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
				break;
	bindtextdomain("raffle", dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
	bind_textdomain_codeset("raffle", "UTF-8");
	textdomain("raffle");
}

void
text_row(struct text_rows *t, const char *label, const char *fmt, ...)
{
	va_list	 ap;

	if (t->n == TEXT_ROWS_MAX)
		abort();
	va_start(ap, fmt);
	t->label[t->n] = label;
	t->value[t->n++] = xvasprintf(fmt, ap);
	va_end(ap);
}

void
text_rows_print(struct text_rows *t, FILE *fp, const char *const *labels,
    size_t gap)
{
	size_t	i, w, width = 0;

	for (i = 0; labels[i] != NULL; i++)
		if ((w = text_width(_(labels[i]), strlen(_(labels[i])))) > width)
			width = w;
	for (i = 0; i < t->n; i++) {
		if (t->label[i] != NULL) {
			fputs(t->label[i], fp);
			for (w = text_width(t->label[i], strlen(t->label[i]));
			    w < width + gap; w++)
				putc(' ', fp);
		}
		fputs(t->value[i], fp);
		free(t->value[i]);
	}
	t->n = 0;
}

int
text_equal_nocase(const char *a, const char *b)
{
	for (; *a != '\0' && *b != '\0'; a++, b++) {
		int	ca = (unsigned char)*a, cb = (unsigned char)*b;

		if (ca >= 'A' && ca <= 'Z')
			ca += 'a' - 'A';
		if (cb >= 'A' && cb <= 'Z')
			cb += 'a' - 'A';
		if (ca != cb)
			return 0;
	}
	return *a == *b;
}
