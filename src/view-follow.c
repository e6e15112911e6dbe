/*
 * view-follow.c: the audience's screen (--follow). It draws no winner of
 * its own: it watches the log the emcee's raffle writes, and for each new
 * record plays what the emcee's screen plays, through the same views: a
 * session's commitment and then its witness, a draw's show, a batch's
 * grid, a no-show's replacement. What was in the log when it started is
 * shown as drawn, not rolled again. It takes no key but q.
 */
#include <string.h>

#include "ui.h"

/*
 * The results that came in one append, from i: a batch (one prize, one
 * time, one after another, none a replacement), or one draw.
 */
static size_t
group_end(const struct event *ev, size_t i)
{
	const struct ev_result	*a = &ev->results[i];
	size_t			 j = i + 1;

	if (a->replaces != 0)
		return j;
	while (j < ev->nresults && ev->results[j].replaces == 0 &&
	    ev->results[j].prize == a->prize &&
	    ev->results[j].seq == ev->results[j - 1].seq + 1 &&
	    strcmp(ev->results[j].time, a->time) == 0)
		j++;
	return j;
}

/* Whether the show on screen is still moving towards its winners. */
static int
busy(const struct ui *ui)
{
	if (ui->view == VIEW_SHOW)
		return reveal_rolling(ui);
	if (ui->view == VIEW_BATCH)
		return batch_deadline((struct ui *)(uintptr_t)ui) >= 0;
	return 0;
}

/* Start the next results' show, when there are any and the last has landed. */
static void
follow_next(struct ui *ui)
{
	const struct event	*ev = &ui->s->ev;
	size_t			 end;

	if (ui->known >= ev->nresults || busy(ui))
		return;
	end = group_end(ev, ui->known);
	if (end - ui->known == 1)
		reveal_show(ui, ui->known);
	else
		batch_show(ui, ui->known, end - ui->known,
		    ev->results[ui->known].prize);
	ui->known = end;
}

/* The view for the state read, with nothing new to play. */
static void
follow_settle(struct ui *ui)
{
	if (session_needs_witness(ui->s))
		ui->view = VIEW_WITNESS;
	else if (ui->view == VIEW_WITNESS || ui->known == 0)
		ui->view = VIEW_START;
}

void
follow_begin(struct ui *ui)
{
	ui->known = ui->s->ev.nresults;
	ui->seen_session = ui->s->seq;
	ui->view = VIEW_START;
	follow_settle(ui);
}

void
follow_tick(struct ui *ui)
{
	struct fault	f;
	int		rc;

	if ((rc = session_watch_read(ui->s, &f)) < 0) {
		ui_fail(ui, &f);
		return;
	}
	if (rc > 0) {
		/* Read again from its start: nothing of it is new. */
		if (ui->known > ui->s->ev.nresults)
			follow_begin(ui);
		if (ui->s->seq != ui->seen_session) {
			ui->seen_session = ui->s->seq;
			if (!busy(ui))
				ui->view = VIEW_START;
		}
		if (!busy(ui) && ui->known == ui->s->ev.nresults)
			follow_settle(ui);
	}
	follow_next(ui);
}

double
follow_deadline(struct ui *ui)
{
	/* A show waits its turn: look again when the one on screen lands. */
	if (ui->known < ui->s->ev.nresults)
		return 0.1;
	return -1;
}
