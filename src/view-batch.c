/*
 * view-batch.c: many winners at once, for the big consolation prizes: all
 * that remain of the current prize (or --batch N), in a grid that fits the
 * screen, a page at a time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui.h"

/* The grid for this batch on the screen as it is now. */
static void
batch_grid(struct ui *ui, struct grid *g)
{
	size_t	i, w, widest = 8;
	char	buf[512];

	for (i = 0; i < ui->batch_n; i++) {
		ui_clean(buf, sizeof buf,
		    ui->s->ev.results[ui->batch[i]].name);
		w = text_width(buf, strlen(buf)) + 5;	/* "123  " */
		if (w > widest)
			widest = w;
	}
	layout_grid(g, ui->batch_n, widest, (size_t)ui->cols - 4,
	    (size_t)ui->rows - 6);
}

void
batch_ask(struct ui *ui)
{
	struct session	*s = ui->s;
	size_t		 want, people;
	uint64_t	 tickets;
	long		 prize, blocked;

	ui->notice[0] = '\0';
	if (!session_can_draw(s)) {
		snprintf(ui->notice, sizeof ui->notice, "%s",
		    s->stop == STOP_PRIZES ? "Every prize has been drawn" :
		    "Nobody eligible is left for the next prize");
		ui->view = VIEW_START;
		return;
	}
	prize = event_next_drawable(&s->ev, &blocked);
	want = event_remaining(&s->ev, (size_t)prize);
	if (ui->o->batch > 0 && ui->o->batch < want)
		want = ui->o->batch;
	/* Nobody wins twice: a batch is no bigger than who is left for it. */
	event_in_draw(&s->ev, prize, &people, &tickets);
	if (!s->repeat && people < want)
		want = people;
	ui->ask = ASK_BATCH;
	ui->ask_prize = (size_t)prize;
	ui->ask_count = want;
	ui->overlay = OVERLAY_ASK;
}

void
batch_draw(struct ui *ui)
{
	struct session	*s = ui->s;
	struct fault	 f;
	size_t		 first;
	long		 n;

	first = s->ev.nresults;
	if ((n = session_draw(s, ui->ask_count, &f)) < 0) {
		ui_fail(ui, &f);
		return;
	}
	ui->quiet_from = ui->now;
	ui->batch = xreallocarray(ui->batch, (size_t)n + 1, sizeof *ui->batch);
	for (ui->batch_n = 0; ui->batch_n < (size_t)n; ui->batch_n++)
		ui->batch[ui->batch_n] = first + ui->batch_n;
	ui->page = 0;
	ui->sel = 0;
	if (n > 0) {
		ui->shown = s->ev.nresults - 1;
		ui->have_shown = 1;
	}
	ui->view = VIEW_BATCH;
}

/* The selected winner is not here: their cell goes to the replacement,
 * drawn for the same prize at once. */
void
batch_forfeit(struct ui *ui)
{
	struct fault	f;
	int		rc;
	size_t		i = ui->batch[ui->sel];

	if ((rc = session_forfeit(ui->s, ui->s->ev.results[i].seq, &f)) < 0) {
		ui_fail(ui, &f);
		return;
	}
	ui->quiet_from = ui->now;
	if (rc > 0)
		ui->batch[ui->sel] = ui->s->ev.nresults - 1;
}

void
batch_paint(struct ui *ui)
{
	struct event		*ev = &ui->s->ev;
	struct grid		 g;
	char			 line[512];
	size_t			 i, k, x0;
	uint32_t		*units;

	if (ui->batch_n == 0) {
		ui_center(ui, ui->rows / 2, ROLE_PRIZE, "Nobody was drawn");
		return;
	}
	batch_grid(ui, &g);
	if (ui->page >= g.pages)
		ui->page = g.pages - 1;
	snprintf(line, sizeof line, "%s: %zu %s", ev->prizes[
	    ev->results[ui->batch[0]].prize].name, ui->batch_n,
	    ui->batch_n == 1 ? "winner" : "winners");
	ui_center(ui, 1, ROLE_PRIZE, line);
	x0 = 2 + layout_center(g.cols * g.cell, (size_t)ui->cols - 4);
	units = xreallocarray(NULL, ev->nresults, sizeof *units);
	event_units(ev, units);
	for (k = 0; k < g.per_page; k++) {
		const struct ev_result	*r;
		size_t			 col = k / g.rows, row = k % g.rows;

		i = ui->page * g.per_page + k;
		if (i >= ui->batch_n)
			break;
		r = &ev->results[ui->batch[i]];
		snprintf(line, sizeof line, "%-4u %s", units[ui->batch[i]],
		    r->name);
		ui_put(ui, 3 + (int)row, (int)(x0 + col * g.cell),
		    i == ui->sel ? ROLE_SELECT : ROLE_NORMAL, line, g.cell - 2);
	}
	free(units);
	if (ui->notice[0] != '\0')
		ui_center(ui, ui->rows - 2, ROLE_PRIZE, ui->notice);
	else if (g.pages > 1) {
		snprintf(line, sizeof line, "page %zu of %zu", ui->page + 1,
		    g.pages);
		ui_center(ui, ui->rows - 2, ROLE_DIM, line);
	}
	ui_head(ui);
}

void
batch_key(struct ui *ui, wint_t ch, int code)
{
	struct grid	g;

	batch_grid(ui, &g);
	if (code) {
		switch (ch) {
		case KEY_UP:
			if (ui->sel > 0)
				ui->sel--;
			break;
		case KEY_DOWN:
			if (ui->sel + 1 < ui->batch_n)
				ui->sel++;
			break;
		case KEY_LEFT:
			ui->sel = ui->sel >= g.rows ? ui->sel - g.rows : ui->sel;
			break;
		case KEY_RIGHT:
			if (ui->sel + g.rows < ui->batch_n)
				ui->sel += g.rows;
			break;
		case KEY_NPAGE:
			if (ui->page + 1 < g.pages)
				ui->sel = ++ui->page * g.per_page;
			break;
		case KEY_PPAGE:
			if (ui->page > 0)
				ui->sel = --ui->page * g.per_page;
			break;
		}
		ui->page = ui->sel / g.per_page;
		return;
	}
	switch (ch) {
	case ' ':
	case '\r':
	case '\n':
		if (ui->page + 1 < g.pages)
			ui->sel = ++ui->page * g.per_page;
		else if (ui_may_draw(ui))
			/* Back to the start: the next Space draws there. */
			ui->view = VIEW_START;
		return;
	case 27:
		ui->view = VIEW_START;
		return;
	case 'n':
		if (ui->batch_n > 0)
			reveal_ask_forfeit(ui, ui->batch[ui->sel]);
		return;
	}
	ui_common_key(ui, ch, code);
}
