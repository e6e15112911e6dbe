/*
 * view-list.c: the winners of every prize, the closing screen the
 * organiser can leave on the projector, shown by w at any time and by
 * itself once every prize has been drawn. Each prize in table order with
 * the winners that stand, numbered by the unit they won: a no-show is
 * left out and their replacement stands in their place, saying whom it
 * replaces, as the log records. In columns, a page at a time, with the
 * log's head labelled for a photograph.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui.h"

/* Every word this view shows. */
#define W_TITLE		_("Winners")
#define W_NONE		_("No draws yet")
#define W_STANDS	"%4u  %s"
#define W_IN_PLACE	_("%4u  %s, in place of %s")
#define W_PAGE		_("page %zu of %zu")
#define W_CHECK		_("Check code #%llu %.8s: photograph it to check these " \
			"results later")

/* A line of the list: a prize's heading, or a winner. */
struct line {
	size_t	prize;
	long	result;		/* -1: the heading */
};

struct order {
	const uint32_t	*units;
	const struct event *ev;
};

static struct order	sort_by;	/* for qsort(), which takes no context */

static int
by_prize_and_unit(const void *a, const void *b)
{
	const struct ev_result	*ra = &sort_by.ev->results[*(const size_t *)a];
	const struct ev_result	*rb = &sort_by.ev->results[*(const size_t *)b];
	uint32_t		 ua = sort_by.units[*(const size_t *)a];
	uint32_t		 ub = sort_by.units[*(const size_t *)b];

	if (ra->prize != rb->prize)
		return ra->prize < rb->prize ? -1 : 1;
	return ua < ub ? -1 : ua > ub;
}

/*
 * The list's lines: the standing results sorted by prize (table order,
 * then the prizes known only from the log) and unit, a heading before
 * each prize's first. O(n log n) a paint; a million draws take a blink.
 */
static struct line *
list_lines(struct event *ev, const uint32_t *units, size_t *n)
{
	struct line	*lines;
	size_t		*stand, nstand = 0, i, k = 0;

	stand = xreallocarray(NULL, ev->nresults + 1, sizeof *stand);
	for (i = 0; i < ev->nresults; i++)
		if (ev->results[i].forfeit == 0)
			stand[nstand++] = i;
	sort_by.units = units;
	sort_by.ev = ev;
	qsort(stand, nstand, sizeof *stand, by_prize_and_unit);
	lines = xreallocarray(NULL, 2 * nstand + 1, sizeof *lines);
	for (i = 0; i < nstand; i++) {
		size_t	prize = ev->results[stand[i]].prize;

		if (i == 0 || ev->results[stand[i - 1]].prize != prize) {
			lines[k].prize = prize;
			lines[k++].result = -1;
		}
		lines[k].prize = prize;
		lines[k++].result = (long)stand[i];
	}
	free(stand);
	*n = k;
	return lines;
}

static void
line_text(const struct ui *ui, const uint32_t *units, const struct line *l,
    char *buf, size_t size)
{
	struct event		*ev = &ui->s->ev;
	const struct ev_result	*r, *was;
	char			 who[512];

	if (l->result < 0) {
		snprintf(buf, size, "%s", ev->prizes[l->prize].label);
		return;
	}
	r = &ev->results[l->result];
	was = r->replaces ? event_result(ev, r->replaces) : NULL;
	if (was != NULL)
		snprintf(buf, size, W_IN_PLACE, units[l->result],
		    ui_winner(ui, r, who, sizeof who), was->name);
	else
		snprintf(buf, size, W_STANDS, units[l->result],
		    ui_winner(ui, r, who, sizeof who));
}

/*
 * Columns of height rows, as many as fit width when each is as wide as
 * its widest line (at most 64 columns; of the first 5000 lines, so that a
 * million generic draws cost no more): the slots of the lines, a page
 * being cols x rows slots. A heading has a blank line before it and never
 * ends a column.
 */
static size_t *
list_slots(const struct ui *ui, const uint32_t *units,
    const struct line *lines, size_t n, size_t rows, size_t width,
    size_t *cols, size_t *colw, size_t *pages)
{
	size_t	*slot, i, s = 0, w;
	char	 buf[1024];

	*colw = 20;
	for (i = 0; i < n && i < 5000; i++) {
		line_text(ui, units, &lines[i], buf, sizeof buf);
		if ((w = text_width(buf, strlen(buf)) + 4) > *colw)
			*colw = w;
	}
	if (*colw > 64)
		*colw = 64;
	if (*colw > width)
		*colw = width;
	*cols = width / *colw;
	slot = xreallocarray(NULL, n + 1, sizeof *slot);
	for (i = 0; i < n; i++) {
		if (lines[i].result < 0) {
			if (s % rows != 0)
				s++;		/* a blank line before it */
			if (rows > 1 && s % rows == rows - 1)
				s++;		/* never last in a column */
		}
		slot[i] = s++;
	}
	*pages = n == 0 ? 1 : (s + *cols * rows - 1) / (*cols * rows);
	return slot;
}

void
list_paint(struct ui *ui)
{
	struct event	*ev = &ui->s->ev;
	struct line	*lines;
	uint32_t	*units;
	size_t		*slot, n, i, rows, cols, colw, pages, per, s, used;
	char		 buf[1024], hex[65];
	int		 x0;

	ui_center(ui, 1, ROLE_TITLE, W_TITLE);
	units = xreallocarray(NULL, ev->nresults + 1, sizeof *units);
	event_units(ev, units);
	lines = list_lines(ev, units, &n);
	rows = (size_t)ui->rows - 7;
	slot = list_slots(ui, units, lines, n, rows, (size_t)ui->cols - 4,
	    &cols, &colw, &pages);
	if (ui->top >= pages)
		ui->top = pages - 1;
	per = cols * rows;
	/* The columns this page uses, centred. */
	for (i = 0, used = 1; i < n; i++)
		if (slot[i] / per == ui->top && (slot[i] % per) / rows + 1 > used)
			used = (slot[i] % per) / rows + 1;
	x0 = 2 + (int)layout_center(used * colw, (size_t)ui->cols - 4);
	if (n == 0)
		ui_center(ui, ui->rows / 2, ROLE_DIM, W_NONE);
	for (i = 0; i < n; i++) {
		if (slot[i] / per != ui->top)
			continue;
		s = slot[i] % per;
		line_text(ui, units, &lines[i], buf, sizeof buf);
		ui_put(ui, 3 + (int)(s % rows), x0 + (int)((s / rows) * colw),
		    lines[i].result < 0 ? ROLE_PRIZE : ROLE_NORMAL, buf,
		    colw - 2);
	}
	if (pages > 1) {
		snprintf(buf, sizeof buf, W_PAGE, ui->top + 1, pages);
		ui_center(ui, ui->rows - 3, ROLE_DIM, buf);
	}
	hex_encode(hex, ui->s->led.head, 32);
	snprintf(buf, sizeof buf, W_CHECK,
	    (unsigned long long)ui->s->led.nrecords, hex);
	ui_center(ui, ui->rows - 2, ROLE_TITLE, buf);
	free(slot);
	free(lines);
	free(units);
}

void
list_key(struct ui *ui, wint_t ch, int code)
{
	if (code) {
		switch (ch) {
		case KEY_DOWN:
		case KEY_RIGHT:
		case KEY_NPAGE:
		case KEY_ENTER:
			ui->top++;		/* list_paint keeps it in range */
			break;
		case KEY_UP:
		case KEY_LEFT:
		case KEY_PPAGE:
			if (ui->top > 0)
				ui->top--;
			break;
		case KEY_HOME:
			ui->top = 0;
			break;
		case KEY_END:
			ui->top = (size_t)-1 / 2;
			break;
		}
		return;
	}
	if (ch == ' ') {
		ui->top++;
		return;
	}
	if (ch == 27) {
		ui->view = VIEW_START;
		return;
	}
	ui_common_key(ui, ch, code);
}
