/*
 * view-console.c: the emcee's console (--console), for the laptop's own
 * screen while the projector runs the audience's screen (--follow): the
 * next prize, what remains of each, the last winners, the keys and the
 * log's head, in ordinary text. The keys are the show's; the show itself
 * is the audience's screen's.
 */
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "ui.h"

/* Every word this view shows. */
#define W_TITLE		_("raffle console")
#define W_LOG(n)	ngettext("log %s, %llu record", "log %s, %llu records", n)
#define W_NEXT		_("Next: %s (%u of %u left)")
#define W_NONE_LEFT	_("Every prize has been drawn")
#define W_NOBODY	_("Nobody eligible is left for %s")
#define W_PRIZES	_("Prizes")
#define W_LEFT		_("%u of %u left")
#define W_LAST		_("Last winners")
#define W_NO_DRAWS	_("No draws yet")
/* TRANSLATORS: the console's last winners: Ana Lee, Coffee mug (a name,
 * then a prize), marked when the winner was not here */
#define W_GONE		_("%s, %s (not here)")
/* TRANSLATORS: Ana Lee, Coffee mug (a name, then a prize) */
#define W_STANDS	_("%s, %s")
#define W_KEYS		_("Space draw   b batch   n not here   w winners   " \
			    "? keys   q quit")
#define W_WITNESS	_("Witness: %s")
#define W_FINGERPRINT	_("Draw fingerprint: %.8s %.8s")

void
console_paint(struct ui *ui)
{
	const struct session	*s = ui->s;
	struct event		*ev = &ui->s->ev;
	char			 line[1024], hex[65];
	size_t			 i, k;
	long			 next, blocked;
	int			 y = 1, x = 2, w = ui->cols - 4, room;

	ui_put(ui, y, x, ROLE_TITLE, W_TITLE, (size_t)w);
	snprintf(line, sizeof line, W_LOG(s->led.nrecords), s->led.path,
	    (unsigned long long)s->led.nrecords);
	ui_put(ui, y++, x + w - (int)text_width(line, strlen(line)), ROLE_DIM,
	    line, (size_t)w);
	y++;
	next = event_next_drawable(ev, &blocked);
	if (next >= 0)
		snprintf(line, sizeof line, W_NEXT, ev->prizes[next].label,
		    event_remaining(ev, (size_t)next), ev->prizes[next].quantity);
	else if (blocked >= 0)
		snprintf(line, sizeof line, W_NOBODY, ev->prizes[blocked].label);
	else
		snprintf(line, sizeof line, "%s", W_NONE_LEFT);
	ui_put(ui, y++, x, ROLE_PRIZE, line, (size_t)w);
	if (s->seq != 0 && s->step == 0) {
		hex_encode(hex, s->commit, 32);
		snprintf(line, sizeof line, W_FINGERPRINT, hex, hex + 8);
		ui_put(ui, y++, x, ROLE_NORMAL, line, (size_t)w);
	}
	if (s->witness != NULL && s->witness[0] != '\0') {
		snprintf(line, sizeof line, W_WITNESS, s->witness);
		ui_put(ui, y++, x, ROLE_DIM, line, (size_t)w);
	}
	if (ui->notice[0] != '\0')
		ui_put(ui, y++, x, ROLE_PRIZE, ui->notice, (size_t)w);
	y++;
	/* The prizes on the left half, the last winners on the right. */
	room = ui->rows - y - 3;
	ui_put(ui, y, x, ROLE_TITLE, W_PRIZES, (size_t)w / 2 - 1);
	for (i = 0, k = 1; i < ev->ntable && (int)k <= room; i++, k++) {
		snprintf(line, sizeof line, W_LEFT, event_remaining(ev, i),
		    ev->prizes[i].quantity);
		ui_put(ui, y + (int)k, x, (long)i == next ? ROLE_PRIZE :
		    ROLE_NORMAL, ev->prizes[i].label, (size_t)w / 2 - 14);
		ui_put(ui, y + (int)k, x + w / 2 - 13, ROLE_DIM, line, 12);
	}
	ui_put(ui, y, x + w / 2, ROLE_TITLE, W_LAST, (size_t)w / 2);
	if (ev->nresults == 0)
		ui_put(ui, y + 1, x + w / 2, ROLE_DIM, W_NO_DRAWS, (size_t)w / 2);
	for (i = ev->nresults, k = 1; i > 0 && (int)k <= room; i--, k++) {
		const struct ev_result	*r = &ev->results[i - 1];

		snprintf(line, sizeof line, r->forfeit ? W_GONE : W_STANDS,
		    r->name, ev->prizes[r->prize].label);
		ui_put(ui, y + (int)k, x + w / 2, r->forfeit ? ROLE_DIM :
		    ROLE_NORMAL, line, (size_t)w / 2);
	}
	ui_put(ui, ui->rows - 2, x, ROLE_DIM, W_KEYS, (size_t)w);
	ui_head(ui);
}

void
console_key(struct ui *ui, wint_t ch, int code)
{
	if (ui_is_draw_key(ch, code)) {
		reveal_draw_one(ui);
		return;
	}
	if (!code && ch == 'n' && ui->s->ev.nresults > 0) {
		reveal_ask_forfeit(ui, ui->s->ev.nresults - 1);
		return;
	}
	ui_common_key(ui, ch, code);
}
