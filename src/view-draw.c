/*
 * view-draw.c: a draw on screen: the reel rolls, then the winner is
 * revealed. The session has drawn the winner and synced it to disk before
 * the reel starts; nothing here can change who it is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui.h"

/* Reel length: enough names to blur at first, whatever the spin. */
#define REEL_NAMES	90

/* Start showing result i: the reel, or the reveal at once without a spin. */
static void
show(struct ui *ui, size_t i)
{
	const struct ev_result	*r = &ui->s->ev.results[i];

	ui->shown = i;
	ui->have_shown = 1;
	ui->notice[0] = '\0';
	reel_free(&ui->reel);
	reel_build(&ui->reel, ui->s->roster->n, (size_t)r->entry,
	    ui->o->spin > 0 ? REEL_NAMES : 1, ui->o->spin, ui->show_seed++);
	ui->roll_start = ui->now;
	ui->last_draw = ui->now;
	ui->view = VIEW_ROLL;
	/* Keys pressed before the draw was on disk are dropped, not queued. */
	flushinp();
	if (ui->o->spin <= 0)
		draw_tick(ui);
}

/* Say why no draw can be made now, and stay where we are. */
static void
say_stop(struct ui *ui, const struct draw_stop *stop)
{
	const struct session	*s = ui->s;
	const struct ev_prize	*p;

	if (stop->why == STOP_STEPS) {
		snprintf(ui->notice, sizeof ui->notice, "This session's draws "
		    "are used up: quit and start raffle again");
		return;
	}
	if (stop->why == STOP_PRIZES) {
		snprintf(ui->notice, sizeof ui->notice,
		    "Every prize has been drawn");
		return;
	}
	p = &s->ev.prizes[stop->prize];
	snprintf(ui->notice, sizeof ui->notice, "Nobody eligible is left for "
	    "%s%s%s%s", p->name, p->eligible ? " (" : "",
	    p->eligible ? p->eligible : "", p->eligible ? ")" : "");
}

/* Whether a key that draws counts now (see KEY_GUARD). */
int
ui_may_draw(const struct ui *ui)
{
	return ui->now - ui->last_draw >= KEY_GUARD;
}

void
draw_next(struct ui *ui)
{
	struct draw_stop stop;
	struct fault	 f;
	long		 n;

	if (!ui_may_draw(ui))
		return;
	if (!session_can_draw(ui->s, &stop)) {
		say_stop(ui, &stop);
		ui->view = VIEW_START;
		return;
	}
	if ((n = session_draw(ui->s, 1, &stop, &f)) < 0) {
		ui_fail(ui, &f);
		return;
	}
	if (n == 0) {
		say_stop(ui, &stop);
		return;
	}
	show(ui, ui->s->ev.nresults - 1);
}

void
draw_forfeit(struct ui *ui, size_t i)
{
	struct draw_stop stop;
	struct fault	 f;
	int		 rc;

	if (!ui_may_draw(ui) || i >= ui->s->ev.nresults ||
	    ui->s->ev.results[i].forfeit != 0)
		return;
	if ((rc = session_forfeit(ui->s, ui->s->ev.results[i].seq, &stop,
	    &f)) < 0) {
		ui_fail(ui, &f);
		return;
	}
	if (rc == 0) {
		say_stop(ui, &stop);
		ui->view = VIEW_START;
		return;
	}
	show(ui, ui->s->ev.nresults - 1);
}

/* Scatter sparks over the screen, away from the name, for a moment. */
static void
sparks_start(struct ui *ui)
{
	size_t	i;
	int	r;

	for (i = 0; i < SPARKS; i++) {
		r = rand();	/* NOLINT(cert-msc30-c,cert-msc50-cpp): confetti */
		ui->sparks[i].x = r % (ui->cols > 0 ? ui->cols : 1);
		ui->sparks[i].y = (r / 7) % (ui->rows > 0 ? ui->rows : 1);
		ui->sparks[i].role = ROLE_SPARK1 + (r / 13) % 3;
		ui->sparks[i].born = ui->now + (double)((r / 31) % 1500) / 1000;
		ui->sparks[i].life = 0.4 + (double)((r / 53) % 800) / 1000;
	}
}

void
draw_tick(struct ui *ui)
{
	if (ui->view == VIEW_ROLL &&
	    reel_done(&ui->reel, ui->now - ui->roll_start)) {
		ui->view = VIEW_REVEAL;
		ui->reveal_start = ui->now;
		ui->last_draw = ui->now;
		srand((unsigned)ui->show_seed);
		sparks_start(ui);
		flushinp();
	}
}

double
draw_deadline(struct ui *ui)
{
	if (ui->view == VIEW_ROLL)
		return FRAME;
	if (ui->view == VIEW_REVEAL && ui->overlay == OVERLAY_NONE &&
	    ui->now - ui->reveal_start < SPARKLE_TIME)
		return FRAME;
	return -1;
}

void
draw_roll(struct ui *ui)
{
	const struct ev_result	*r = &ui->s->ev.results[ui->shown];
	char			 line[512];
	size_t			 at = reel_index(&ui->reel, ui->now - ui->roll_start);
	int			 half, mid, k, y;

	snprintf(line, sizeof line, "Drawing: %s", ui->s->ev.prizes[r->prize].name);
	ui_center(ui, 1, ROLE_PRIZE, line);
	half = (ui->rows - 6) / 2;
	if (half > 4)
		half = 4;
	mid = ui->rows / 2;
	for (k = -half; k <= half; k++) {
		long	i = (long)at + k;

		y = mid + k;
		if (k == 0) {
			attrset(ui->attr[ROLE_BAR]);
			mvhline(y, 2, ' ', ui->cols - 4);
			attrset(ui->attr[ROLE_NORMAL]);
		}
		if (i < 0 || (size_t)i >= ui->reel.n)
			continue;
		ui_center(ui, y, k == 0 ? ROLE_BAR : (abs(k) == 1 ?
		    ROLE_NORMAL : ROLE_DIM),
		    roster_name(ui->s->roster, ui->reel.names[i]));
	}
}

/* The sparks alive now, outside the name's rows. */
static void
draw_sparks(struct ui *ui)
{
	static const char *const glyph[] = { "*", "+", "\xc2\xb7", "o" };
	double	t;
	size_t	i;
	int	y;

	for (i = 0; i < SPARKS; i++) {
		struct spark	*sp = &ui->sparks[i];

		t = ui->now - sp->born;
		if (t < 0 || t > sp->life)
			continue;
		y = sp->y + (int)(t * 6);
		if (y >= ui->reveal_top - 1 && y <= ui->reveal_bottom + 3)
			continue;
		if (y < 0 || y >= ui->rows - 1)
			continue;
		ui_put(ui, y, sp->x, (enum role)sp->role, glyph[i % 4], 1);
	}
}

void
draw_reveal(struct ui *ui)
{
	const struct ev_result	*r = &ui->s->ev.results[ui->shown];
	struct bigtext		 bt;
	char			 line[1024], name[512];
	int			 y, room, i;

	ui_center(ui, 1, ROLE_PRIZE, ui->s->ev.prizes[r->prize].name);
	ui_clean(name, sizeof name, r->name);
	room = ui->rows - 8;
	if (bigfont_render(&bt, name, (size_t)ui->cols - 4, (size_t)room) == 0) {
		/* The name and the line under it, centred in the rows left. */
		y = 3 + (room - (int)bt.nrows) / 2;
		ui->reveal_top = y;
		for (i = 0; i < (int)bt.nrows; i++)
			ui_center(ui, y + i, ROLE_WINNER, bt.rows[i]);
		ui->reveal_bottom = y + (int)bt.nrows - 1;
		y += (int)bt.nrows + 1;
		bigtext_free(&bt);
	} else {
		/* CJK and the like: centred, bold, as large as text gets. */
		y = ui->rows / 2 - 1;
		ui->reveal_top = ui->reveal_bottom = y;
		ui_center(ui, y, ROLE_WINNER, name);
		y += 2;
	}
	if (y > ui->rows - 4)
		y = ui->rows - 4;
	snprintf(line, sizeof line, "%s  -  %s", name,
	    ui->s->ev.prizes[r->prize].name);
	ui_center(ui, y, ROLE_TITLE, line);
	if (r->forfeit)
		ui_center(ui, y + 1, ROLE_DIM, "no-show: forfeited");
	else if (r->replaces) {
		snprintf(line, sizeof line, "replaces #%llu, not in the room",
		    (unsigned long long)r->replaces);
		ui_center(ui, y + 1, ROLE_DIM, line);
	}
	if (ui->overlay == OVERLAY_NONE)
		draw_sparks(ui);
	ui_head(ui);
}

void
draw_key(struct ui *ui, wint_t ch, int code)
{
	int	go = !code ? (ch == ' ' || ch == '\r' || ch == '\n') :
		    ch == KEY_ENTER;

	if (ui->view == VIEW_ROLL) {
		/* While the reel rolls, Space may only skip to the reveal. */
		if (!code && ch == ' ') {
			ui->roll_start = ui->now - ui->reel.spin;
			draw_tick(ui);
		}
		return;
	}
	if (go) {
		draw_next(ui);
		return;
	}
	if (!code && ch == 'n') {
		draw_forfeit(ui, ui->shown);
		return;
	}
	if (!code && ch == 27) {
		ui->view = VIEW_START;
		return;
	}
	ui_common_key(ui, ch, code);
}
