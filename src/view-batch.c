/*
 * view-batch.c: many winners at once, for the big consolation prizes. A
 * batch is drawn and synced first; then it is shown a page at a time, in
 * cells laid out for the batch and the window (layout_cells()): the cells
 * of a page roll through eligible names together and land one after
 * another on their winners, in reading order (reel_cell_lands()), the
 * first time the page is shown. A no-show's cell says "not here", rolls
 * again and lands on the replacement; nothing else moves.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui.h"

/* Every word this view shows. */
#define W_HEADER	_("%s: winners %u-%u of %u")
#define W_HEADER_ONE	_("%s: winner %u of %u")
#define W_PAGE		_("page %zu of %zu")
#define W_NOT_HERE	_("%s, not here")
#define W_NUMBERED	"%u  %s"
#define W_PLAIN		"%4u  %s"
#define W_PLAIN_GONE	_("      %s, not here")
#define W_PLAIN_ROLL	_("      %s")
#define W_NOBODY_DRAWN	_("Nobody was drawn")
#define W_ALL_DRAWN	_("Every prize has been drawn")
#define W_NOBODY	_("Nobody eligible is left for the next prize")

/* Seconds a no-show's cell says so, and rolls, of a spin of 4. */
#define GONE_SHARE	0.25
#define REROLL_SHARE	0.4
#define CELL_FRAME	(1.0 / 16)

enum cell {
	CELL_GONE,		/* "not here", before the replacement rolls */
	CELL_ROLLING,
	CELL_LANDED
};

static enum cell
cell_state(const struct ui *ui, size_t i)
{
	if (ui->now < ui->gone_until[i])
		return CELL_GONE;
	return ui->now < ui->land[i] ? CELL_ROLLING : CELL_LANDED;
}

/* The first cell of the page and one past its last. */
static void
page_span(const struct ui *ui, size_t *first, size_t *end)
{
	*first = ui->page * ui->cells.per_page;
	*end = *first + ui->cells.per_page;
	if (*end > ui->batch_n)
		*end = ui->batch_n;
}

/* Lay the batch out for the window, when it is new or the window is. */
static void
batch_layout(struct ui *ui)
{
	const struct ev_result	*res;
	const char		**names;
	char			**lines, who[512], *landed, *gone;
	size_t			  i;

	if (ui->cells_cols == ui->cols && ui->cells_rows == ui->rows)
		return;
	names = xreallocarray(NULL, ui->batch_n + 1, sizeof *names);
	lines = xreallocarray(NULL, ui->batch_n + 1, sizeof *lines);
	/* In plain text a cell says the winner, or that they are not here. */
	for (i = 0; i < ui->batch_n; i++) {
		res = &ui->s->ev.results[ui->batch[i]];
		names[i] = res->name;
		landed = xasprintf(W_PLAIN, 9999u, ui_winner(ui, res, who,
		    sizeof who));
		gone = xasprintf(W_PLAIN_GONE, res->name);
		if (text_width(gone, strlen(gone)) >
		    text_width(landed, strlen(landed))) {
			free(landed);
			lines[i] = gone;
		} else {
			free(gone);
			lines[i] = landed;
		}
	}
	layout_cells(&ui->cells, ui->font, names,
	    (const char *const *)lines, ui->batch_n, (size_t)ui->cols - 4,
	    (size_t)ui->rows - 5);
	for (i = 0; i < ui->batch_n; i++)
		free(lines[i]);
	free(lines);
	free(names);
	ui->cells_cols = ui->cols;
	ui->cells_rows = ui->rows;
	if (ui->page >= ui->cells.pages)
		ui->page = ui->cells.pages - 1;
	ui->sel = ui->sel >= ui->batch_n ? 0 : ui->sel;
}

/* The page's show begins the first time it is seen: its cells roll. */
static void
page_begin(struct ui *ui)
{
	size_t	first, end, i;

	batch_layout(ui);
	page_span(ui, &first, &end);
	for (i = first; i < end; i++)
		if (ui->land[i] == 0)
			ui->land[i] = ui->now + reel_cell_lands(ui->o->spin,
			    i - first, end - first);
}

/* Whether a cell of the page is still rolling (or saying "not here"). */
static int
page_rolling(const struct ui *ui)
{
	size_t	first, end, i;

	page_span(ui, &first, &end);
	for (i = first; i < end; i++)
		if (cell_state(ui, i) != CELL_LANDED)
			return 1;
	return 0;
}

double
batch_deadline(struct ui *ui)
{
	return page_rolling(ui) ? CELL_FRAME : -1;
}

void
batch_ask(struct ui *ui)
{
	struct session	*s = ui->s;
	struct draw_stop stop;
	size_t		 want, people;
	uint64_t	 tickets;
	long		 prize, blocked;

	ui->notice[0] = '\0';
	if (!session_can_draw(s, &stop)) {
		if (stop.why == STOP_PRIZES) {
			ui->view = VIEW_LIST;
			ui->top = 0;
			return;
		}
		snprintf(ui->notice, sizeof ui->notice, "%s", W_NOBODY);
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
	struct draw_stop stop;
	struct fault	 f;
	size_t		 first;
	long		 n;

	first = s->ev.nresults;
	if ((n = session_draw(s, ui->ask_count, &stop, &f)) < 0) {
		ui_fail(ui, &f);
		return;
	}
	if (n == 0 && stop.why == STOP_STEPS) {
		ui_new_session(ui);
		return;
	}
	batch_show(ui, first, (size_t)n, ui->ask_prize);
}

void
batch_show(struct ui *ui, size_t first, size_t n, size_t prize)
{
	size_t	i;

	ui->quiet_from = ui->now;
	ui->show_start = ui->now;	/* a new show, for the hooks */
	ui->batch_n = n;
	ui->batch_prize = prize;
	ui->batch = xreallocarray(ui->batch, ui->batch_n + 1, sizeof *ui->batch);
	ui->land = xreallocarray(ui->land, ui->batch_n + 1, sizeof *ui->land);
	ui->gone_until = xreallocarray(ui->gone_until, ui->batch_n + 1,
	    sizeof *ui->gone_until);
	ui->gone = xreallocarray(ui->gone, ui->batch_n + 1, sizeof *ui->gone);
	for (i = 0; i < ui->batch_n; i++) {
		ui->batch[i] = first + i;
		ui->land[i] = 0;
		ui->gone_until[i] = 0;
		ui->gone[i] = SIZE_MAX;
	}
	ui->page = 0;
	ui->sel = 0;
	ui->sel_shown = 0;
	ui->cells_cols = ui->cells_rows = -1;
	if (n > 0) {
		ui->shown = first + n - 1;
		ui->have_shown = 1;
	}
	ui->view = VIEW_BATCH;
	page_begin(ui);
}

void
batch_forfeit(struct ui *ui)
{
	struct draw_stop stop;
	struct fault	 f;
	size_t		 i = ui->batch[ui->sel];
	double		 spin = ui->o->spin;
	int		 rc;

	if ((rc = session_forfeit(ui->s, ui->s->ev.results[i].seq, &stop,
	    &f)) < 0) {
		ui_fail(ui, &f);
		return;
	}
	ui->quiet_from = ui->now;
	if (rc == 0)
		return;		/* the cell says "not here"; nobody is left */
	ui->gone[ui->sel] = i;
	ui->gone_until[ui->sel] = ui->now + spin * GONE_SHARE;
	ui->land[ui->sel] = ui->gone_until[ui->sel] + spin * REROLL_SHARE;
	ui->batch[ui->sel] = ui->s->ev.nresults - 1;
}

/* What a cell shows now: whose name, in which role, and its plain line. */
static void
cell_text(struct ui *ui, size_t i, const uint32_t *units, const char **name,
    enum role *r, char *line, size_t size, int big)
{
	struct event		*ev = &ui->s->ev;
	const struct ev_result	*res = &ev->results[ui->batch[i]];
	size_t			 e;
	char			 who[512];

	switch (cell_state(ui, i)) {
	case CELL_GONE:
		res = &ev->results[ui->gone[i]];
		/* FALLTHROUGH */
	case CELL_LANDED:
		*name = res->name;
		if (res->forfeit) {
			*r = ROLE_DIM;
			snprintf(line, size, big ? W_NOT_HERE : W_PLAIN_GONE,
			    res->name);
			return;
		}
		*r = ROLE_WINNER;
		snprintf(line, size, big ? W_NUMBERED : W_PLAIN,
		    units[res - ev->results], ui_winner(ui, res, who,
		    sizeof who));
		return;
	case CELL_ROLLING:
		e = reel_cell_name(ev, ui->batch_prize, res->entry >= 0 ?
		    (size_t)res->entry : 0, ui->show_seed ^ res->seq, ui->now);
		*name = roster_name(ev->roster, e);
		*r = ROLE_DIM;
		snprintf(line, size, big ? "%s" : W_PLAIN_ROLL, *name);
		return;
	}
}

/* Paint cell i of the page, the k-th, at its place in the grid. */
static void
paint_cell(struct ui *ui, size_t i, size_t k, const uint32_t *units)
{
	const struct cells	*c = &ui->cells;
	struct bigtext		 bt;
	const char		*name;
	enum role		 r;
	char			 line[1024];
	int			 x, y, w = (int)c->cell_w, text;

	x = 2 + (int)layout_center(c->cols * c->cell_w, (size_t)ui->cols - 4) +
	    (int)(k % c->cols) * w;
	y = 3 + (int)(k / c->cols) * (int)c->cell_h;
	cell_text(ui, i, units, &name, &r, line, sizeof line, c->big);
	/* The selection shows once the emcee moves it: it is for them. */
	if (i == ui->sel && ui->sel_shown)
		r = ROLE_SELECT;
	if (!c->big) {
		ui_put(ui, y, x, r == ROLE_WINNER ? ROLE_NORMAL : r, line,
		    c->cell_w - 2);
		return;
	}
	/* The letters fill the cell above its plain line and a gap. */
	text = (int)c->cell_h - LAYOUT_CELL_EXTRA;
	if (ui_render(ui, &bt, name, w - 2, text, c->size, 1, 0) == 0) {
		ui_big_in(ui, y + (text - (int)bt.nrows) / 2, x, w - 2,
		    r == ROLE_SELECT ? ROLE_WINNER : r, &bt);
		bigtext_free(&bt);
	}
	ui_put(ui, y + text, x + (int)layout_center(text_width(line,
	    strlen(line)), (size_t)w - 2), r == ROLE_WINNER ? ROLE_TITLE : r,
	    line, (size_t)w - 2);
}

void
batch_paint(struct ui *ui)
{
	struct event		*ev = &ui->s->ev;
	const struct ev_prize	*p;
	uint32_t		*units;
	char			 line[512];
	size_t			 first, end, i;

	if (ui->batch_n == 0) {
		ui_center(ui, ui->rows / 2, ROLE_PRIZE, W_NOBODY_DRAWN);
		ui_head(ui);
		return;
	}
	page_begin(ui);
	page_span(ui, &first, &end);
	units = xreallocarray(NULL, ev->nresults, sizeof *units);
	event_units(ev, units);
	p = &ev->prizes[ui->batch_prize];
	if (end - first == 1)
		snprintf(line, sizeof line, W_HEADER_ONE, p->label,
		    units[ui->batch[first]], p->quantity);
	else
		snprintf(line, sizeof line, W_HEADER, p->label,
		    units[ui->batch[first]], units[ui->batch[end - 1]],
		    p->quantity);
	ui_center(ui, 1, ROLE_PRIZE, line);
	for (i = first; i < end; i++)
		paint_cell(ui, i, i - first, units);
	free(units);
	if (ui->notice[0] != '\0')
		ui_center(ui, ui->rows - 2, ROLE_PRIZE, ui->notice);
	else if (ui->cells.pages > 1) {
		snprintf(line, sizeof line, W_PAGE, ui->page + 1,
		    ui->cells.pages);
		ui_center(ui, ui->rows - 2, ROLE_DIM, line);
	}
	ui_head(ui);
}

/*
 * Space or PgDn on the last page: the next batch of the same prize (b's
 * question first), or when the prize is done the next prize's card, or
 * when every prize is, the closing screen.
 */
static void
batch_next(struct ui *ui)
{
	struct event	*ev = &ui->s->ev;
	long		 next, blocked;

	if (!ui_may_draw(ui))
		return;
	next = event_next_drawable(ev, &blocked);
	if (next == (long)ui->batch_prize && !ev->generic) {
		batch_ask(ui);
		return;
	}
	if (next >= 0) {
		/* Without a prize table "Draw 4" is no prize to announce. */
		ui->view = ev->generic ? VIEW_START : VIEW_CARD;
		return;
	}
	batch_ask(ui);		/* says why nothing more can be drawn */
}

/* Turn to page, where its show begins if it is the first time. */
static void
turn(struct ui *ui, size_t page)
{
	ui->page = page;
	if (ui->sel / ui->cells.per_page != page)
		ui->sel = page * ui->cells.per_page;
	page_begin(ui);
}

void
batch_key(struct ui *ui, wint_t ch, int code)
{
	const struct cells	*c = &ui->cells;
	size_t			 last;

	batch_layout(ui);
	last = c->pages - 1;
	if (page_rolling(ui)) {
		/* A fresh press lands every cell of the page at once. */
		if (ui_is_draw_key(ch, code) && ui->key_gap >= KEY_QUIET) {
			size_t	first, end, i;

			page_span(ui, &first, &end);
			for (i = first; i < end; i++) {
				if (ui->gone_until[i] > ui->now)
					ui->gone_until[i] = ui->now;
				if (ui->land[i] > ui->now)
					ui->land[i] = ui->now;
			}
		}
		return;
	}
	if (code) {
		if (ch == KEY_UP || ch == KEY_DOWN || ch == KEY_LEFT ||
		    ch == KEY_RIGHT)
			ui->sel_shown = 1;
		switch (ch) {
		case KEY_UP:
			if (ui->sel >= c->cols)
				ui->sel -= c->cols;
			break;
		case KEY_DOWN:
			if (ui->sel + c->cols < ui->batch_n)
				ui->sel += c->cols;
			break;
		case KEY_LEFT:
			if (ui->sel > 0)
				ui->sel--;
			break;
		case KEY_RIGHT:
			if (ui->sel + 1 < ui->batch_n)
				ui->sel++;
			break;
		case KEY_NPAGE:
		case KEY_ENTER:
			if (ui->page < last)
				turn(ui, ui->page + 1);
			else
				batch_next(ui);
			return;
		case KEY_PPAGE:
			if (ui->page > 0)
				turn(ui, ui->page - 1);
			return;
		case KEY_HOME:
			turn(ui, 0);
			return;
		case KEY_END:
			turn(ui, last);
			return;
		}
		if (ui->sel / c->per_page != ui->page)
			turn(ui, ui->sel / c->per_page);
		return;
	}
	switch (ch) {
	case ' ':
	case '\r':
	case '\n':
		if (ui->page < last)
			turn(ui, ui->page + 1);
		else
			batch_next(ui);
		return;
	case 27:
		ui->view = VIEW_START;
		return;
	case 'n':
		if (ui->batch_n > 0 && ui->s->ev.results[ui->batch[ui->sel]].
		    forfeit == 0)
			reveal_ask_forfeit(ui, ui->batch[ui->sel]);
		return;
	}
	ui_common_key(ui, ch, code);
}
