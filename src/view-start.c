/*
 * view-start.c: the start screen, shown when raffle opens and between
 * draws: what the draw is about before anyone presses Space.
 */
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "ui.h"

/* People and tickets in the draw now (everyone, whatever the prize). */
static void
in_the_draw(const struct ui *ui, size_t *people, uint64_t *tickets)
{
	const struct event	*ev = &ui->s->ev;
	size_t			 i;

	*people = 0;
	*tickets = 0;
	for (i = 0; i < ev->roster->n; i++) {
		if (!ev->in[i])
			continue;
		(*people)++;
		*tickets += ev->roster->entries[i].weight;
	}
}

/* The prize table, a window of it around the next prize if it is long. */
static int
start_prizes(struct ui *ui, int y, int room, long next)
{
	const struct event	*ev = &ui->s->ev;
	char			 name[512], left[64];
	size_t			 first = 0, i, width;
	int			 x;

	width = (size_t)(ui->cols > 70 ? 60 : ui->cols - 6);
	x = (int)layout_center(width, (size_t)ui->cols);
	if (room < 2)
		return y;
	ui_put(ui, y, x, ROLE_TITLE, "Prizes", width);
	ui_put(ui, y++, x + (int)width - 4, ROLE_TITLE, "left", 4);
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
			    (long)i == next ? ">" : " ", p->name, p->eligible);
		else
			snprintf(name, sizeof name, "%s %s",
			    (long)i == next ? ">" : " ", p->name);
		snprintf(left, sizeof left, "%u of %u", event_remaining(ev, i),
		    p->quantity);
		ui_put(ui, y, x, r, name, width - strlen(left) - 2);
		ui_put(ui, y++, x + (int)(width - strlen(left)), r, left,
		    strlen(left));
	}
	return y;
}

/*
 * The title, large if there is room for it beside everything else; returns
 * the rows it took. With measure set, nothing is drawn.
 */
static int
start_title(struct ui *ui, int y, int room, int measure)
{
	struct bigtext	bt;
	int		i, n;

	int	cap = ui->rows / 4 > 9 ? ui->rows / 4 : 9;

	if (room >= 4 && bigfont_render(&bt, ui->o->title, (size_t)ui->cols - 4,
	    (size_t)(room < cap ? room : cap)) == 0) {
		n = (int)bt.nrows;
		for (i = 0; i < n && !measure; i++)
			ui_center(ui, y + i, ROLE_TITLE, bt.rows[i]);
		bigtext_free(&bt);
		return n;
	}
	if (!measure)
		ui_center(ui, y, ROLE_TITLE, ui->o->title);
	return 1;
}

void
start_draw(struct ui *ui)
{
	struct session	*s = ui->s;
	struct event	*ev = &s->ev;
	char		 line[1024], hex[65];
	size_t		 people, shown_prizes;
	uint64_t	 tickets;
	long		 next, blocked;
	int		 y, bottom = ui->rows - 3, body, title, room;

	next = event_next_drawable(ev, &blocked);
	/*
	 * Everything but the title: the counts, the prizes, the commitment
	 * and the resume line, with blank rows between. The title gets what
	 * is left, and the whole is centred above the hint.
	 */
	shown_prizes = ev->generic ? 1 : ev->ntable + 1;
	room = bottom - 2 - 2 - 1 - (int)shown_prizes - 3;
	if (room < 1) {
		shown_prizes -= (size_t)(1 - room);
		room = 1;
	}
	title = start_title(ui, 0, room - 1, 1);
	body = title + 2 + 1 + 1 + (int)shown_prizes + 1 + (s->seq != 0 && s->step == 0) +
	    (ui->have_shown && ui->shown < ev->nresults);
	y = (bottom - body) / 2;
	if (y < 1)
		y = 1;

	y += start_title(ui, y, room - 1, 0) + 1;
	in_the_draw(ui, &people, &tickets);
	snprintf(line, sizeof line, "%zu %s, %llu %s in the draw", people,
	    people == 1 ? "person" : "people", (unsigned long long)tickets,
	    tickets == 1 ? "ticket" : "tickets");
	ui_center(ui, y, ROLE_NORMAL, line);
	y += 2;
	if (ev->generic) {
		snprintf(line, sizeof line, "Next: %s", next >= 0 ?
		    ev->prizes[next].name : "nothing");
		ui_center(ui, y++, ROLE_PRIZE, line);
	} else
		y = start_prizes(ui, y, (int)shown_prizes, next);
	y++;
	if (s->seq != 0 && s->step == 0) {
		hex_encode(hex, s->commit, 32);
		snprintf(line, sizeof line, "Seed commitment  %.8s %.8s", hex,
		    hex + 8);
		ui_center(ui, y++, ROLE_NORMAL, line);
	}
	if (ui->have_shown && ui->shown < ev->nresults) {
		const struct ev_result	*r = &ev->results[ui->shown];

		snprintf(line, sizeof line, "%zu %s so far. Last: %s, %s (#%llu)%s",
		    ev->nresults, ev->nresults == 1 ? "draw" : "draws", r->name,
		    ev->prizes[r->prize].name, (unsigned long long)r->seq,
		    r->forfeit ? ", no-show" : "");
		ui_center(ui, y++, ROLE_DIM, line);
	}
	if (ui->notice[0] != '\0')
		ui_center(ui, bottom, ROLE_PRIZE, ui->notice);
	else if (next >= 0)
		ui_center(ui, bottom, ROLE_TITLE, "Press Space to draw");
	else if (blocked >= 0) {
		snprintf(line, sizeof line, "Nobody eligible is left for %s",
		    ev->prizes[blocked].name);
		ui_center(ui, bottom, ROLE_PRIZE, line);
	} else
		ui_center(ui, bottom, ROLE_PRIZE, "Every prize has been drawn");
	ui_head(ui);
}

void
start_key(struct ui *ui, wint_t ch, int code)
{
	if (ui_common_key(ui, ch, code))
		return;
	if (code) {
		if (ch == KEY_ENTER)
			draw_next(ui);
		return;
	}
	switch (ch) {
	case ' ':
	case '\r':
	case '\n':
		draw_next(ui);
		break;
	case 'n':
		/* The last winner, shown on the start screen after a resume. */
		if (ui->have_shown)
			draw_forfeit(ui, ui->shown);
		break;
	}
}
