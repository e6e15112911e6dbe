/*
 * view-start.c: the start screen, shown when raffle opens and between
 * draws: what the draw is about before anyone presses Space.
 */
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "ui.h"

/* Every word this view shows. */
#define W_IN_DRAW	_("%s, %s in the draw")	/* 36 people, 46 tickets */
#define W_PEOPLE(n)	ngettext("%zu person", "%zu people", n)
#define W_TICKETS(n)	ngettext("%llu ticket", "%llu tickets", n)
#define W_PRIZES	_("Prizes")
#define W_LEFT		_("left")
/* TRANSLATORS: see "%u of %u" on the prize card; here: 3 of 5 left. */
#define W_LEFT_OF	_("%u of %u")
#define W_NEXT		_("Next prize")
#define W_FINGERPRINT	_("Draw fingerprint, photograph this:  %.8s %.8s")
#define W_WITNESS	_("Witness: %s")
/* TRANSLATORS: Last winner: Ana Lee, Coffee mug (a name, then a prize) */
#define W_LAST		_("Last winner: %s, %s")
/* TRANSLATORS: Last: Ana Lee, Coffee mug, not here (a name, then a prize) */
#define W_LAST_GONE	_("Last: %s, %s, not here")
#define W_PRESS		_("Press Space to draw")
#define W_NOBODY	_("Nobody eligible is left for %s")
#define W_ALL_DRAWN	_("Every prize has been drawn")

/* The prize table, a window of it around the next prize if it is long. */
static int
start_prizes(struct ui *ui, int y, int room, long next)
{
	const struct event	*ev = &ui->s->ev;
	char			 name[512], left[64];
	size_t			 first = 0, i, width, w;
	int			 x;

	width = (size_t)(ui->cols > 70 ? 60 : ui->cols - 6);
	x = (int)layout_center(width, (size_t)ui->cols);
	if (room < 2)
		return y;
	w = text_width(W_LEFT, strlen(W_LEFT));
	ui_put(ui, y, x, ROLE_TITLE, W_PRIZES, width - w - 1);
	ui_put(ui, y++, x + (int)(width - w), ROLE_TITLE, W_LEFT, w);
	room--;
	if (next >= 0 && (size_t)next >= (size_t)room / 2)
		first = (size_t)next - (size_t)room / 2;
	if (first + (size_t)room > ev->ntable)
		first = ev->ntable > (size_t)room ? ev->ntable - (size_t)room : 0;
	for (i = first; i < ev->ntable && room > 0; i++, room--) {
		const struct ev_prize	*p = &ev->prizes[i];
		enum role		 r;

		r = (long)i == next ? ROLE_PRIZE : ROLE_NORMAL;
		if (p->eligible != NULL)
			snprintf(name, sizeof name, "%s %s (%s)",
			    (long)i == next ? ">" : " ", p->label, p->eligible);
		else
			snprintf(name, sizeof name, "%s %s",
			    (long)i == next ? ">" : " ", p->label);
		snprintf(left, sizeof left, W_LEFT_OF, event_remaining(ev, i),
		    p->quantity);
		w = text_width(left, strlen(left));
		ui_put(ui, y, x, r, name, width - w - 2);
		ui_put(ui, y++, x + (int)(width - w), r, left, w);
	}
	return y;
}

/*
 * The headline: the title, or without one the next prize, large if there
 * is room for it beside everything else; returns the rows it took (0 for
 * none). With measure set, nothing is painted.
 */
static int
start_headline(struct ui *ui, int y, int room, long next, int measure)
{
	struct bigtext	 bt;
	const char	*text = ui->o->title;
	char		 clean[512];
	enum role	 r = ROLE_TITLE;
	int		 cap = ui->rows / 4 > 9 ? ui->rows / 4 : 9, n, label = 0;

	if (text == NULL) {
		/* Without a prize table "Draw 4" is no prize to announce. */
		if (next < 0 || ui->s->ev.generic)
			return 0;
		text = ui->s->ev.prizes[next].label;
		r = ROLE_PRIZE;
		label = 1;
		if (!measure)
			ui_center(ui, y, ROLE_DIM, W_NEXT);
	}
	y += label;
	room -= label;
	ui_clean(clean, sizeof clean, text);
	if (room >= 4 && bigfont_render(&bt, ui->font, clean,
	    (size_t)ui->cols - 4, (size_t)(room < cap ? room : cap),
	    BIGFONT_MAX_SIZE, 2, BIGFONT_CROP) == 0) {
		n = (int)bt.nrows;
		if (!measure)
			ui_big(ui, y, r, &bt);
		bigtext_free(&bt);
		return n + label;
	}
	if (!measure)
		ui_center(ui, y, r, clean);
	return 1 + label;
}

void
start_paint(struct ui *ui)
{
	struct session	*s = ui->s;
	struct event	*ev = &s->ev;
	char		 line[1024], hex[65], who[64], what[64];
	size_t		 people, shown_prizes;
	uint64_t	 tickets;
	long		 next, blocked;
	int		 y, bottom = ui->rows - 3, body, head, room, last, go_on;

	next = event_next_drawable(ev, &blocked);
	last = ui->have_shown && ui->shown < ev->nresults;
	go_on = ui->continues[0] != '\0' && ev->nresults == ui->continued ?
	    ui_center_lines(ui, 0, ROLE_DIM, ui->continues, 1) : 0;
	/*
	 * Everything but the headline, from row 1 to a blank row above the
	 * hint: the counts and a blank row, the prizes, a blank row, the
	 * fingerprint and the last winner. The headline gets what is left
	 * (less a blank row under it), and the whole is centred.
	 */
	shown_prizes = ev->generic ? 0 : ev->ntable + 1;
	body = 2 + (int)shown_prizes + 1 + (s->seq != 0 && s->step == 0) +
	    (s->seq != 0 && s->step == 0 && s->witness != NULL &&
	    s->witness[0] != '\0') + last + go_on;
	room = bottom - 2 - body - 1;
	if (room < 0) {
		shown_prizes = shown_prizes > (size_t)-room ?
		    shown_prizes - (size_t)-room : 0;
		body += room;
		room = 0;
	}
	head = start_headline(ui, 0, room, next, 1);
	body += head + (head > 0);
	y = 1 + (bottom - 2 - body) / 2;
	if (y < 1)
		y = 1;

	if (head > 0)
		y += start_headline(ui, y, room, next, 0) + 1;
	event_in_draw(ev, -1, &people, &tickets);
	snprintf(who, sizeof who, W_PEOPLE(people), people);
	snprintf(what, sizeof what, W_TICKETS(tickets),
	    (unsigned long long)tickets);
	snprintf(line, sizeof line, W_IN_DRAW, who, what);
	ui_center(ui, y, ROLE_NORMAL, line);
	y += 2;
	if (!ev->generic)
		y = start_prizes(ui, y, (int)shown_prizes, next);
	y++;
	if (s->seq != 0 && s->step == 0) {
		hex_encode(hex, s->commit, 32);
		snprintf(line, sizeof line, W_FINGERPRINT, hex, hex + 8);
		ui_center(ui, y++, ROLE_NORMAL, line);
		if (s->witness != NULL && s->witness[0] != '\0') {
			snprintf(line, sizeof line, W_WITNESS, s->witness);
			ui_center(ui, y++, ROLE_NORMAL, line);
		}
	}
	if (last) {
		const struct ev_result	*r = &ev->results[ui->shown];

		snprintf(line, sizeof line, r->forfeit ? W_LAST_GONE : W_LAST,
		    r->name, ev->prizes[r->prize].label);
		ui_center(ui, y++, ROLE_DIM, line);
	}
	if (go_on)
		ui_center_lines(ui, y, ROLE_DIM, ui->continues, 0);
	if (ui->notice[0] != '\0')
		ui_center(ui, bottom, ROLE_PRIZE, ui->notice);
	else if (next >= 0 && ui->o->follow)
		;	/* the audience's screen says nothing meant for the emcee */
	else if (next >= 0)
		ui_center(ui, bottom, ROLE_TITLE, W_PRESS);
	else if (blocked >= 0) {
		snprintf(line, sizeof line, W_NOBODY, ev->prizes[blocked].label);
		ui_center(ui, bottom, ROLE_PRIZE, line);
	} else
		ui_center(ui, bottom, ROLE_PRIZE, W_ALL_DRAWN);
	ui_head(ui);
}

void
start_key(struct ui *ui, wint_t ch, int code)
{
	if (ui_is_draw_key(ch, code)) {
		reveal_draw_one(ui);
		return;
	}
	/*
	 * The last winner, named on this screen after a resume too: the
	 * question names them, and nothing happens without a yes.
	 */
	if (!code && ch == 'n' && ui->have_shown) {
		reveal_ask_forfeit(ui, ui->shown);
		return;
	}
	ui_common_key(ui, ch, code);
}
