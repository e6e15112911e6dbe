/* paint.c: colours, and putting text on the screen by its width. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui.h"

struct colours {
	short	fg, bg;		/* on a terminal of 8 colours */
	short	fg16, bg16;	/* of 16 or more: the bright ones by number */
	attr_t	extra;
};

/*
 * Contrast never rests on bold: many terminals draw bold in the bright
 * colour, many do not, and bold black on yellow turns grey on the first
 * kind. Dark text is never bold; bright text asks for the bright colour by
 * number where the terminal has 16, so that both kinds show the same.
 */

/* Dark: light text on black, for a dim room or a bright projector. */
static const struct colours dark[ROLE_COUNT] = {
	[ROLE_NORMAL] = { COLOR_WHITE, COLOR_BLACK, 15, 0, 0 },
	[ROLE_TITLE] = { COLOR_CYAN, COLOR_BLACK, 14, 0, A_BOLD },
	[ROLE_DIM] = { COLOR_WHITE, COLOR_BLACK, 8 + COLOR_BLACK, 0, 0 },
	[ROLE_BAR] = { COLOR_BLACK, COLOR_YELLOW, 0, 11, 0 },
	[ROLE_WINNER] = { COLOR_YELLOW, COLOR_BLACK, 11, 0, A_BOLD },
	[ROLE_PRIZE] = { COLOR_GREEN, COLOR_BLACK, 10, 0, A_BOLD },
	[ROLE_ERROR] = { COLOR_WHITE, COLOR_RED, 15, COLOR_RED, A_BOLD },
	[ROLE_SELECT] = { COLOR_BLACK, COLOR_CYAN, 0, 14, 0 },
	[ROLE_BANNER] = { COLOR_BLACK, COLOR_YELLOW, 0, 11, 0 },
	[ROLE_SPARK1] = { COLOR_RED, COLOR_BLACK, 9, 0, A_BOLD },
	[ROLE_SPARK2] = { COLOR_MAGENTA, COLOR_BLACK, 13, 0, A_BOLD },
	[ROLE_SPARK3] = { COLOR_CYAN, COLOR_BLACK, 14, 0, A_BOLD },
};

/* Light: dark text on white, for a bright hall that washes out black. */
static const struct colours light[ROLE_COUNT] = {
	[ROLE_NORMAL] = { COLOR_BLACK, COLOR_WHITE, 0, 15, 0 },
	[ROLE_TITLE] = { COLOR_BLUE, COLOR_WHITE, COLOR_BLUE, 15, 0 },
	[ROLE_DIM] = { COLOR_BLACK, COLOR_WHITE, 8 + COLOR_BLACK, 15, 0 },
	[ROLE_BAR] = { COLOR_WHITE, COLOR_BLUE, 15, COLOR_BLUE, A_BOLD },
	[ROLE_WINNER] = { COLOR_BLUE, COLOR_WHITE, COLOR_BLUE, 15, 0 },
	[ROLE_PRIZE] = { COLOR_MAGENTA, COLOR_WHITE, COLOR_MAGENTA, 15, 0 },
	[ROLE_ERROR] = { COLOR_WHITE, COLOR_RED, 15, COLOR_RED, A_BOLD },
	[ROLE_SELECT] = { COLOR_WHITE, COLOR_BLACK, 15, 0, A_BOLD },
	[ROLE_BANNER] = { COLOR_WHITE, COLOR_BLUE, 15, COLOR_BLUE, A_BOLD },
	[ROLE_SPARK1] = { COLOR_RED, COLOR_WHITE, COLOR_RED, 15, 0 },
	[ROLE_SPARK2] = { COLOR_BLUE, COLOR_WHITE, COLOR_BLUE, 15, 0 },
	[ROLE_SPARK3] = { COLOR_MAGENTA, COLOR_WHITE, COLOR_MAGENTA, 15, 0 },
};

/* Monochrome: bold and reverse video carry what colour would. */
static const attr_t mono[ROLE_COUNT] = {
	[ROLE_NORMAL] = A_NORMAL,
	[ROLE_TITLE] = A_BOLD,
	[ROLE_DIM] = A_NORMAL,
	[ROLE_BAR] = A_REVERSE,
	[ROLE_WINNER] = A_BOLD,
	[ROLE_PRIZE] = A_BOLD,
	[ROLE_ERROR] = A_REVERSE | A_BOLD,
	[ROLE_SELECT] = A_REVERSE,
	[ROLE_BANNER] = A_REVERSE,
	[ROLE_SPARK1] = A_BOLD,
	[ROLE_SPARK2] = A_NORMAL,
	[ROLE_SPARK3] = A_BOLD,
};

/*
 * Choose the attributes of every role. NO_COLOR, or a terminal without
 * colour, gives the monochrome theme unless --theme asked for another.
 */
void
ui_theme(struct ui *ui)
{
	const struct colours	*c;
	const char		*nc = getenv("NO_COLOR");
	enum theme		 t = ui->o->theme;
	int			 i, bright;

	if (t == THEME_DEFAULT)
		t = nc != NULL && *nc != '\0' ? THEME_MONO : THEME_DARK;
	if (!has_colors())
		t = THEME_MONO;
	if (t == THEME_MONO) {
		ui->mono = 1;
		for (i = 0; i < ROLE_COUNT; i++)
			ui->attr[i] = mono[i];
		return;
	}
	start_color();
	bright = COLORS >= 16;
	c = t == THEME_LIGHT ? light : dark;
	for (i = 0; i < ROLE_COUNT; i++) {
		const struct colours	*k = &c[i];

		if (bright)
			init_pair((short)(i + 1), k->fg16, k->bg16);
		else
			init_pair((short)(i + 1), k->fg, k->bg);
		ui->attr[i] = COLOR_PAIR(i + 1) | c[i].extra;
	}
	bkgdset(' ' | ui->attr[ROLE_NORMAL]);
	bkgd(' ' | ui->attr[ROLE_NORMAL]);
}

/*
 * Copy s into out without the characters that draw no width of their own
 * (joiners, variation selectors, skin tones): terminals disagree on them,
 * and a line that counts them differently from the terminal is a line out
 * of place. Returns the length.
 */
size_t
ui_clean(char *out, size_t size, const char *s)
{
	size_t		i = 0, len = strlen(s), n = 0, k;
	uint32_t	cp;

	while (i < len) {
		k = utf8_decode(s + i, len - i, &cp);
		if (!text_is_zero_width(cp) && cp >= 0x20 && n + k < size) {
			memcpy(out + n, s + i, k);
			n += k;
		}
		i += k;
	}
	out[n] = '\0';
	return n;
}

/* Put s at (y, x) in role, cut to at most max columns. */
void
ui_put(struct ui *ui, int y, int x, enum role r, const char *s, size_t max)
{
	char	buf[2048];
	size_t	len, n;

	if (y < 0 || y >= ui->rows || x < 0 || x >= ui->cols)
		return;
	if (max > (size_t)(ui->cols - x))
		max = (size_t)(ui->cols - x);
	len = ui_clean(buf, sizeof buf, s);
	n = text_fit(buf, len, max, NULL);
	attrset(ui->attr[r]);
	mvaddnstr(y, x, buf, (int)n);
	attrset(ui->attr[ROLE_NORMAL]);
}

/* Put s centred on row y, cut to the screen's width. */
void
ui_center(struct ui *ui, int y, enum role r, const char *s)
{
	char	buf[2048];
	size_t	w;

	ui_clean(buf, sizeof buf, s);
	w = text_width(buf, strlen(buf));
	ui_put(ui, y, (int)layout_center(w, (size_t)ui->cols), r, buf,
	    (size_t)ui->cols);
}

/*
 * Cut msg into lines of at most width columns, at spaces, or inside a
 * word too long for a line (between characters); msg needs room for one
 * more byte a line.
 */
size_t
ui_wrap(char *msg, const char **lines, size_t max, size_t width)
{
	size_t	n = 0, fit;
	char	*p = msg, *sp;

	while (*p != '\0' && n + 1 < max) {
		lines[n++] = p;
		fit = text_fit(p, strlen(p), width, NULL);
		if (p[fit] == '\0')
			break;
		for (sp = p + fit; sp > p && *sp != ' '; sp--)
			;
		if (sp == p)
			sp = p + (fit > 0 ? fit : 1);
		if (*sp == ' ')
			*sp++ = '\0';
		else {
			memmove(sp + 1, sp, strlen(sp) + 1);
			*sp++ = '\0';
		}
		p = sp;
	}
	lines[n] = NULL;
	return n;
}

/*
 * Centre s from row y, cut at spaces into lines that fit the screen less a
 * margin, at most 3 of them; paint them unless measure. Returns the rows.
 */
int
ui_center_lines(struct ui *ui, int y, enum role r, const char *s, int measure)
{
	char		buf[1024];
	const char	*lines[4];
	size_t		n, i;

	if (ui->cols <= 4)
		return 0;
	ui_clean(buf, sizeof buf - 4, s);
	n = ui_wrap(buf, lines, 4, (size_t)ui->cols - 4);
	for (i = 0; !measure && i < n; i++)
		ui_center(ui, y + (int)i, r, lines[i]);
	return (int)n;
}

/* A filled box with a border, for overlays. */
void
ui_box(struct ui *ui, int y, int x, int h, int w, enum role r)
{
	int	i;

	attrset(ui->attr[r]);
	for (i = 0; i < h; i++)
		mvhline(y + i, x, ' ', w);
	mvhline(y, x, ACS_HLINE, w);
	mvhline(y + h - 1, x, ACS_HLINE, w);
	mvvline(y, x, ACS_VLINE, h);
	mvvline(y, x + w - 1, ACS_VLINE, h);
	mvaddch(y, x, ACS_ULCORNER);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	attrset(ui->attr[ROLE_NORMAL]);
}

/* Fill row y with the background of role r. */
void
ui_band(struct ui *ui, int y, enum role r)
{
	if (y < 0 || y >= ui->rows)
		return;
	attrset(ui->attr[r]);
	mvhline(y, 0, ' ', ui->cols);
	attrset(ui->attr[ROLE_NORMAL]);
}

/*
 * Render s (cleaned first) as large as fits in cols x rows, at most size
 * max, in at most lines lines: 0, or -1 when plain text must do (no font,
 * no glyph, no room).
 */
int
ui_render(struct ui *ui, struct bigtext *bt, const char *s, int cols,
    int rows, int max, size_t lines, int flags)
{
	char	clean[1024];

	if (cols < 1 || rows < 1)
		return -1;
	ui_clean(clean, sizeof clean, s);
	return bigfont_render(bt, ui->font, clean, (size_t)cols, (size_t)rows,
	    max, lines, flags);
}

/* Paint the rows of bt from (y, x), centred in width columns, in role r. */
void
ui_big_in(struct ui *ui, int y, int x, int width, enum role r,
    const struct bigtext *bt)
{
	size_t	i, n;

	x += (int)layout_center(bt->cols, (size_t)width);
	if (x < 0 || x >= ui->cols)
		return;
	attrset(ui->attr[r]);
	for (i = 0; i < bt->nrows; i++) {
		if (y + (int)i < 0 || y + (int)i >= ui->rows)
			continue;
		/* Rows are clean already: blocks, and names cleaned. */
		n = text_fit(bt->rows[i], strlen(bt->rows[i]),
		    (size_t)(ui->cols - x), NULL);
		mvaddnstr(y + (int)i, x, bt->rows[i], (int)n);
	}
	attrset(ui->attr[ROLE_NORMAL]);
}

/* Paint the rows of bt from row y, centred on the screen, in role r. */
void
ui_big(struct ui *ui, int y, enum role r, const struct bigtext *bt)
{
	ui_big_in(ui, y, 0, ui->cols, r, bt);
}

/*
 * The log's head in the bottom right corner, small and labelled for a
 * lay audience: the sequence number and the first hex digits of its hash,
 * for anyone who wants to photograph it and check the log later with
 * --verify --expect-head SEQ:HEX.
 */
void
ui_head(struct ui *ui)
{
	char			hex[65], buf[128];
	size_t			w;

	hex_encode(hex, ui->s->led.head, 32);
	snprintf(buf, sizeof buf, _("check code #%llu %.8s"),
	    (unsigned long long)ui->s->led.nrecords, hex);
	w = text_width(buf, strlen(buf));
	ui_put(ui, ui->rows - 1, ui->cols - (int)w - 1, ROLE_DIM, buf, w);
}
