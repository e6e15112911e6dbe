/*
 * view-card.c: a prize's card: the prize alone in large letters, and
 * "2 of 5" under it. It opens each single draw's show (view-reveal.c),
 * and stands on its own between prizes drawn in batches, where the next
 * prize waits for the emcee's Space.
 */
#include <stdio.h>

#include "ui.h"

/* Every word this view shows. */
#define W_NEXT		_("Next prize")
/* TRANSLATORS: the prize's unit being drawn: the 2nd of its 5 ("2 of 5");
 * also, on the start screen's list of prizes, how many of a prize are left
 * to draw, under the heading "left" ("3 of 5"). */
#define W_UNIT		_("%u of %u")
#define W_PRESS		_("Press Space to draw one, b to draw many at once")

void
card_paint_prize(struct ui *ui, size_t prize, uint32_t unit,
    const char *label, const char *note)
{
	const struct ev_prize	*p = &ui->s->ev.prizes[prize];
	struct bigtext		 name, count;
	char			 line[64];
	int			 room = ui->rows - 6, h, y, have_name;
	int			 have_count = 0, count_room;

	snprintf(line, sizeof line, W_UNIT, unit, p->quantity);
	count_room = p->quantity > 1 ? room / 3 : 0;
	have_name = ui_render(ui, &name, p->label, ui->cols - 4, room -
	    count_room - (count_room > 0), BIGFONT_MAX_SIZE, 2,
	    BIGFONT_CROP) == 0;
	if (count_room > 0)
		have_count = ui_render(ui, &count, line, ui->cols - 4,
		    count_room, have_name ? name.size : BIGFONT_MAX_SIZE, 1,
		    BIGFONT_CROP) == 0;
	h = 2 + (have_name ? (int)name.nrows : 1) + (p->quantity > 1 ?
	    1 + (have_count ? (int)count.nrows : 1) : 0) + (note ? 2 : 0);
	y = (ui->rows - h) / 2;
	ui_center(ui, y, ROLE_DIM, label);
	y += 2;
	if (have_name) {
		ui_big(ui, y, ROLE_PRIZE, &name);
		y += (int)name.nrows;
		bigtext_free(&name);
	} else
		ui_center(ui, y++, ROLE_PRIZE, p->label);
	if (p->quantity > 1) {
		y++;
		if (have_count) {
			ui_big(ui, y, ROLE_TITLE, &count);
			y += (int)count.nrows;
			bigtext_free(&count);
		} else
			ui_center(ui, y++, ROLE_TITLE, line);
	}
	if (note != NULL)
		ui_center(ui, y + 1, ROLE_DIM, note);
}

void
card_paint(struct ui *ui)
{
	long	prize, blocked;

	if ((prize = event_next_drawable(&ui->s->ev, &blocked)) < 0) {
		/* Nothing is left to announce: the start screen says why. */
		ui->view = VIEW_START;
		start_paint(ui);
		return;
	}
	card_paint_prize(ui, (size_t)prize,
	    ui->s->ev.prizes[prize].awarded + 1, W_NEXT, NULL);
	if (!ui->o->follow)
		ui_center(ui, ui->rows - 3, ROLE_TITLE, W_PRESS);
	ui_head(ui);
}

void
card_key(struct ui *ui, wint_t ch, int code)
{
	if (ui_is_draw_key(ch, code)) {
		reveal_draw_one(ui);
		return;
	}
	if (!code && ch == 27) {
		ui->view = VIEW_START;
		return;
	}
	ui_common_key(ui, ch, code);
}
