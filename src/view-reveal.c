/*
 * view-reveal.c: one draw on screen. The session has drawn the winner and
 * synced it to disk before the show starts; nothing here can change who
 * it is. The show is a function of the result and of the seconds since it
 * began, in four parts (the spin's shares are in ui.h and reel.h):
 *
 *	card	the prize alone, in large letters, and "2 of 5"
 *	roll	the reel rolls through eligible names and slows down
 *	hold	the reel has landed: the winner in the bar, held still
 *	reveal	the winner in large letters under a banner, sparks a moment
 *
 * A spin of 0 shows the reveal at once. Keys only start a show or skip to
 * its landing; they never decide what a frame shows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sparks.h"
#include "text.h"
#include "ui.h"

/* Every word this view shows. */
#define W_DRAWING	_("Now drawing")
#define W_PRIZE_UNIT	_("%s, %u of %u")		/* Mug, 2 of 5 */
#define W_WINNER	_("Winner")
#define W_IN_PLACE	_("in place of %s, who is not here")
#define W_ALL_DRAWN	_("Every prize has been drawn")
#define W_NOBODY	_("Nobody eligible is left for %s")
/* TRANSLATORS: a prize, then the group it is kept for: Staff hamper, Staff */
#define W_NOBODY_GROUP	_("Nobody eligible is left for %s (kept for %s)")

enum phase {
	PHASE_CARD,
	PHASE_ROLL,
	PHASE_HOLD,
	PHASE_REVEAL
};

/* Seconds of the prize card: none without a prize table or a spin. */
static double
card_time(const struct ui *ui)
{
	return ui->s->ev.generic ? 0 : ui->o->spin * CARD_SHARE;
}

/* Seconds from the show's start to the reveal. */
static double
reveal_at(const struct ui *ui)
{
	return ui->show_start + card_time(ui) + ui->reel.roll + ui->reel.hold;
}

static enum phase
phase(const struct ui *ui)
{
	double	t = ui->now - ui->show_start - card_time(ui);

	if (t < 0)
		return PHASE_CARD;
	if (reel_done(&ui->reel, t))
		return PHASE_REVEAL;
	return reel_landed(&ui->reel, t) ? PHASE_HOLD : PHASE_ROLL;
}

int
reveal_rolling(const struct ui *ui)
{
	return ui->view == VIEW_SHOW && phase(ui) != PHASE_REVEAL;
}

double
reveal_settled(const struct ui *ui)
{
	return ui->view == VIEW_SHOW ? reveal_at(ui) : 0;
}

/* The prize of a result as the room reads it: "Mug, 2 of 5" or "Mug". */
static void
prize_line(const struct ui *ui, size_t i, char *buf, size_t size)
{
	const struct ev_result	*r = &ui->s->ev.results[i];
	const struct ev_prize	*p = &ui->s->ev.prizes[r->prize];

	if (p->quantity > 1 && ui->shown_unit > 0)
		snprintf(buf, size, W_PRIZE_UNIT, p->label, ui->shown_unit,
		    p->quantity);
	else
		snprintf(buf, size, "%s", p->label);
}

void
reveal_show(struct ui *ui, size_t i)
{
	struct ev_result	*r = &ui->s->ev.results[i];
	uint32_t		*units;

	ui->shown = i;
	ui->have_shown = 1;
	ui->notice[0] = '\0';
	units = xreallocarray(NULL, ui->s->ev.nresults, sizeof *units);
	event_units(&ui->s->ev, units);
	ui->shown_unit = units[i];
	free(units);
	reel_free(&ui->reel);
	reel_build(&ui->reel, &ui->s->ev, r->prize, r->entry >= 0 ?
	    (size_t)r->entry : 0, r->entry >= 0 ? ui->o->spin : 0,
	    ui->show_seed ^ r->seq);
	ui->bar_cols = -1;		/* the bar is sized at the first frame */
	ui->show_start = ui->now;
	ui->quiet_from = ui->now;
	ui->view = VIEW_SHOW;
}

/* Say why no draw can be made now. */
static void
say_stop(struct ui *ui, const struct draw_stop *stop)
{
	const struct session	*s = ui->s;
	const struct ev_prize	*p;

	if (stop->why == STOP_PRIZES) {
		snprintf(ui->notice, sizeof ui->notice, "%s", W_ALL_DRAWN);
		return;
	}
	p = &s->ev.prizes[stop->prize];
	if (p->eligible != NULL)
		snprintf(ui->notice, sizeof ui->notice, W_NOBODY_GROUP, p->label,
		    p->eligible);
	else
		snprintf(ui->notice, sizeof ui->notice, W_NOBODY, p->label);
}

void
reveal_draw_one(struct ui *ui)
{
	struct draw_stop stop;
	struct fault	 f;
	long		 n;

	if (!ui_may_draw(ui))
		return;
	if (!session_can_draw(ui->s, &stop)) {
		say_stop(ui, &stop);
		/* Every prize is drawn: the closing screen, to leave up. */
		ui->view = stop.why == STOP_PRIZES ? VIEW_LIST : VIEW_START;
		ui->top = 0;
		return;
	}
	if ((n = session_draw(ui->s, 1, &stop, &f)) < 0) {
		ui_fail(ui, &f);
		return;
	}
	if (n == 0 && stop.why == STOP_STEPS) {
		ui_new_session(ui);
		return;
	}
	if (n == 0) {
		say_stop(ui, &stop);
		return;
	}
	reveal_show(ui, ui->s->ev.nresults - 1);
}

void
reveal_ask_forfeit(struct ui *ui, size_t i)
{
	if (i >= ui->s->ev.nresults || ui->s->ev.results[i].forfeit != 0)
		return;
	ui->ask = ASK_FORFEIT;
	ui->ask_result = i;
	ui->overlay = OVERLAY_ASK;
}

int
reveal_forfeit(struct ui *ui, size_t i)
{
	struct draw_stop stop;
	struct fault	 f;
	int		 rc;

	if (i >= ui->s->ev.nresults || ui->s->ev.results[i].forfeit != 0)
		return 0;
	if ((rc = session_forfeit(ui->s, ui->s->ev.results[i].seq, &stop,
	    &f)) < 0) {
		ui_fail(ui, &f);
		return 0;
	}
	ui->quiet_from = ui->now;
	if (rc == 0 && stop.why == STOP_STEPS) {
		ui_new_session(ui);
		return 0;
	}
	if (rc == 0) {
		say_stop(ui, &stop);
		ui->view = VIEW_START;
		return 0;
	}
	reveal_show(ui, ui->s->ev.nresults - 1);
	return 1;
}

double
reveal_deadline(struct ui *ui)
{
	double	t = ui->now - ui->show_start, card = card_time(ui);
	double	next;

	switch (phase(ui)) {
	case PHASE_CARD:
		return card - t;
	case PHASE_ROLL:
		/* Nothing moves between two names: wait for the next one. */
		next = reel_next_change(&ui->reel, t - card) + card - t;
		return next > 0.005 ? next : 0.005;
	case PHASE_HOLD:
		return reveal_at(ui) - ui->now;
	case PHASE_REVEAL:
		break;
	}
	if (ui->overlay == OVERLAY_NONE &&
	    ui->now - reveal_at(ui) < SPARKS_TIME)
		return FRAME;
	return -1;
}

/* The prize alone, large, before the reel (and whom a replacement is for). */
static void
paint_card(struct ui *ui)
{
	const struct ev_result	*r = &ui->s->ev.results[ui->shown];
	const struct ev_result	*was = r->replaces ?
				    event_result(&ui->s->ev, r->replaces) : NULL;
	char			 note[512];

	if (was != NULL)
		snprintf(note, sizeof note, W_IN_PLACE, was->name);
	card_paint_prize(ui, r->prize, ui->shown_unit, W_DRAWING,
	    was != NULL ? note : NULL);
}

/* Names of the reel as the bar shows them: unique, for sizing. */
static int
reel_has_earlier(const struct reel *rl, size_t i)
{
	size_t	k;

	for (k = 0; k < i; k++)
		if (rl->names[k] == rl->names[i])
			return 1;
	return 0;
}

/* Neighbours shown on each side of the bar. */
static int
neighbours(const struct ui *ui)
{
	return ui->rows >= 30 ? 2 : 1;
}

/*
 * Size the bar's letters for this window, once for the whole roll so that
 * the bar and its letters do not jump: one line, as large as every name of
 * the reel allows; a name too long for that is drawn condensed, which has
 * the height of size 1. Two lines only when they make every letter taller.
 */
static void
size_bar(struct ui *ui)
{
	const struct reel	*rl = &ui->reel;
	char			 clean[1024];
	size_t			 i, lines;
	int			 room, cols = ui->cols - 4, best[3], s, any;

	ui->bar_cols = ui->cols;
	ui->bar_rows = ui->rows;
	ui->bar_size = -1;
	ui->bar_lines = 1;
	room = ui->rows - 7 - 2 * neighbours(ui);
	if (ui->font == NULL || room < (int)bigfont_line_rows(1))
		return;
	for (lines = 1; lines <= 2; lines++) {
		best[lines] = BIGFONT_MAX_SIZE;
		any = 0;
		for (i = 0; i < rl->n; i++) {
			if (reel_has_earlier(rl, i))
				continue;
			ui_clean(clean, sizeof clean,
			    roster_name(ui->s->roster, rl->names[i]));
			s = bigfont_size(ui->font, clean, (size_t)cols,
			    (size_t)room, best[lines], lines, 0);
			if (s < 0)
				continue;	/* this one in plain text */
			any = 1;
			if (s < best[lines])
				best[lines] = s;
		}
		if (!any)
			best[lines] = -1;
	}
	if (best[1] < 0)
		return;
	ui->bar_size = best[1] > 1 ? best[1] : 1;
	if (best[2] > ui->bar_size &&
	    2 * bigfont_line_rows(best[2]) <= (size_t)room) {
		ui->bar_size = best[2];
		ui->bar_lines = 2;
	}
}

/* The reel: the bar in the middle, the names around it dimmed. */
static void
paint_reel(struct ui *ui)
{
	const struct reel	*rl = &ui->reel;
	struct bigtext		 bt;
	const char		*name;
	char			 line[512];
	size_t			 at;
	int			 text, bar, top, k, y, nb = neighbours(ui);

	if (ui->bar_cols != ui->cols || ui->bar_rows != ui->rows)
		size_bar(ui);
	at = reel_index(rl, ui->now - ui->show_start - card_time(ui));
	prize_line(ui, ui->shown, line, sizeof line);
	ui_center(ui, 1, ui->s->ev.generic ? ROLE_DIM : ROLE_PRIZE, line);
	/* The bar: a blank row, the letters, the name in plain text. */
	text = ui->bar_size < 0 ? 0 :
	    (int)(ui->bar_lines * bigfont_line_rows(ui->bar_size));
	bar = text + 2 + (text == 0);
	top = 3 + nb + (ui->rows - 7 - 2 * nb - text) / 2;
	if (text == 0)
		top = ui->rows / 2 - 1;
	for (y = top; y < top + bar; y++)
		ui_band(ui, y, ROLE_BAR);
	name = roster_name(ui->s->roster, rl->names[at]);
	if (text > 0 && ui_render(ui, &bt, name, ui->cols - 4, text, ui->bar_size,
	    ui->bar_lines, 0) == 0) {
		ui_big(ui, top + 1 + (text - (int)bt.nrows) / 2, ROLE_BAR, &bt);
		bigtext_free(&bt);
	}
	ui_center(ui, top + bar - 1 - (text == 0), ROLE_BAR, name);
	for (k = 1; k <= nb; k++) {
		if (at >= (size_t)k)
			ui_center(ui, top - k, ROLE_DIM, roster_name(
			    ui->s->roster, rl->names[at - (size_t)k]));
		if (at + (size_t)k < rl->n)
			ui_center(ui, top + bar - 1 + k, ROLE_DIM, roster_name(
			    ui->s->roster, rl->names[at + (size_t)k]));
	}
}

/* Whether cell (y, x) and its neighbours on the row are empty. */
static int
blank_at(struct ui *ui, int y, int x)
{
	cchar_t	cc;
	wchar_t	wc[CCHARW_MAX + 1];
	attr_t	a;
	short	pair;
	int	dx;

	for (dx = -1; dx <= 1; dx++) {
		if (x + dx < 0 || x + dx >= ui->cols)
			continue;
		if (mvin_wch(y, x + dx, &cc) == ERR ||
		    getcchar(&cc, wc, &a, &pair, NULL) == ERR ||
		    (wc[0] != L' ' && wc[0] != L'\0'))
			return 0;
	}
	return 1;
}

/*
 * The sparks alive now, each only on an empty cell with empty cells
 * beside it, below row from and outside rows top to bottom (the big
 * letters and the words under them): never over a word, nor in the hollow
 * of a letter.
 */
static void
paint_sparks(struct ui *ui, int from, int top, int bottom)
{
	static const char *const shape[] = { "*", "+", "\xc2\xb7", "o" };
	struct spark	sp;
	double		t = ui->now - reveal_at(ui);
	size_t		i;

	for (i = 0; i < SPARKS; i++) {
		if (!sparks_at(ui->show_seed ^ ui->s->ev.results[ui->shown].seq,
		    i, t, ui->cols, ui->rows - 1, &sp) || sp.y < from ||
		    (sp.y >= top - 1 && sp.y <= bottom + 1) ||
		    !blank_at(ui, sp.y, sp.x))
			continue;
		ui_put(ui, sp.y, sp.x, (enum role)(ROLE_SPARK1 + sp.colour),
		    shape[sp.shape], 1);
	}
}

/*
 * The winner: a banner, the prize, the name large, the name in text (and
 * whom it replaces). Below 30 rows the banner is one row at the top and
 * the blank rows go, so that a long name stays large at 80x24.
 */
static void
paint_reveal(struct ui *ui)
{
	const struct ev_result	*r = &ui->s->ev.results[ui->shown];
	struct bigtext		 bt;
	char			 line[1024];
	int			 tall = ui->rows >= 30, banner = tall ? 3 : 1;
	const char		*show = ui_shown_with(ui, r);
	int			 below = 1 + (r->replaces != 0) + (*show != '\0');
	int			 y, room, i, top;
	int			 from;

	for (i = 0; i < banner; i++)
		ui_band(ui, tall + i, ROLE_BANNER);
	ui_center(ui, tall + banner / 2, ROLE_BANNER, W_WINNER);
	y = tall + banner + tall;
	prize_line(ui, ui->shown, line, sizeof line);
	ui_center(ui, y, ui->s->ev.generic ? ROLE_DIM : ROLE_PRIZE, line);
	from = y + 2;
	y += 2;
	room = ui->rows - y - below - 2;
	if (ui_render(ui, &bt, r->name, ui->cols - 4, room, BIGFONT_MAX_SIZE,
	    BIGFONT_MAX_LINES, BIGFONT_CROP) == 0) {
		y += (room - (int)bt.nrows) / 2;
		top = y;
		ui_big(ui, y, ROLE_WINNER, &bt);
		y += (int)bt.nrows + 1;
		bigtext_free(&bt);
		ui_center(ui, y, ROLE_TITLE, r->name);
	} else {
		/* No font, or no room: the name alone, in the middle. */
		y += room / 2;
		top = y;
		ui_center(ui, y, ROLE_WINNER, r->name);
	}
	if (*show != '\0')
		ui_center(ui, ++y, ROLE_PRIZE, show);
	if (r->replaces) {
		const struct ev_result	*was = event_result(&ui->s->ev,
					    r->replaces);

		snprintf(line, sizeof line, W_IN_PLACE, was ? was->name : "?");
		ui_center(ui, ++y, ROLE_DIM, line);
	}
	if (ui->overlay == OVERLAY_NONE)
		paint_sparks(ui, from, top, y);
}

void
reveal_paint(struct ui *ui)
{
	switch (phase(ui)) {
	case PHASE_CARD:
		paint_card(ui);
		break;
	case PHASE_ROLL:
	case PHASE_HOLD:
		paint_reel(ui);
		break;
	case PHASE_REVEAL:
		paint_reveal(ui);
		break;
	}
	ui_head(ui);
}

void
reveal_key(struct ui *ui, wint_t ch, int code)
{
	if (reveal_rolling(ui)) {
		/* A fresh Space skips to the landing; nothing else counts. */
		if (!code && ch == ' ' && ui->key_gap >= KEY_QUIET &&
		    phase(ui) != PHASE_HOLD)
			ui->show_start = ui->now - card_time(ui) - ui->reel.roll;
		return;
	}
	if (ui_is_draw_key(ch, code)) {
		reveal_draw_one(ui);
		return;
	}
	if (!code && ch == 'n') {
		reveal_ask_forfeit(ui, ui->shown);
		return;
	}
	if (!code && ch == 27) {
		ui->view = VIEW_START;
		return;
	}
	ui_common_key(ui, ch, code);
}
