/*
 * view-list.c: every result so far, grouped by prize in the order prizes
 * were first drawn, forfeits marked: the log, as the room should see it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"

/*
 * The list's lines: for each prize, in the order prizes were first drawn, a
 * heading and then its results. A line is a prize (as -1 - prize) or a
 * result's index. Built by a counting sort: without a prize table every
 * draw is a prize of its own, and a scan per prize would be quadratic.
 */
static long *
list_lines(const struct event *ev, size_t *n)
{
	long	*lines;
	size_t	 i, g, p, ngroups = 0, *group, *start, *order;

	lines = xreallocarray(NULL, ev->nresults * 2 + 1, sizeof *lines);
	group = xreallocarray(NULL, ev->nprizes + 1, sizeof *group);
	for (p = 0; p < ev->nprizes; p++)
		group[p] = SIZE_MAX;
	order = xreallocarray(NULL, ev->nprizes + 1, sizeof *order);
	start = xcalloc(ev->nprizes + 2, sizeof *start);
	for (i = 0; i < ev->nresults; i++) {
		p = ev->results[i].prize;
		if (group[p] == SIZE_MAX) {
			group[p] = ngroups;
			order[ngroups++] = p;
		}
		start[group[p] + 1]++;
	}
	for (g = 0; g < ngroups; g++)
		start[g + 1] += start[g];
	for (i = 0; i < ev->nresults; i++) {
		g = group[ev->results[i].prize];
		/* Each group's heading takes a line before its results. */
		lines[start[g]++ + g + 1] = (long)i;
	}
	/* start[g] has moved to the end of group g: the heading of g+1. */
	for (g = 0; g < ngroups; g++)
		lines[(g == 0 ? 0 : start[g - 1]) + g] = -1 - (long)order[g];
	*n = ev->nresults + ngroups;
	free(group);
	free(order);
	free(start);
	return lines;
}

/* Every word this view shows. */
#define W_WINNERS	"Winners"
#define W_NONE		"No draws yet"
#define W_NOT_HERE	"%4u  %s, not here"
#define W_IN_PLACE	"%4u  %s, in place of %s"
#define W_STANDS	"%4u  %s"
#define W_RANGE		"%zu-%zu of %zu"

void
list_paint(struct ui *ui)
{
	struct event		*ev = &ui->s->ev;
	uint32_t		*units;
	long			*lines;
	size_t			 n, i, room = (size_t)ui->rows - 4;
	char			 buf[1024];
	int			 y = 3, x = ui->cols > 84 ? (ui->cols - 80) / 2 : 2;

	ui_center(ui, 1, ROLE_TITLE, W_WINNERS);
	lines = list_lines(ev, &n);
	units = xreallocarray(NULL, ev->nresults + 1, sizeof *units);
	event_units(ev, units);
	if (n == 0)
		ui_center(ui, ui->rows / 2, ROLE_DIM, W_NONE);
	if (ui->top + room > n)
		ui->top = n > room ? n - room : 0;
	for (i = ui->top; i < n && i < ui->top + room; i++, y++) {
		if (lines[i] < 0) {
			ui_put(ui, y, x, ROLE_PRIZE,
			    ev->prizes[-1 - lines[i]].name, (size_t)ui->cols - 4);
			continue;
		}
		{
			const struct ev_result	*r = &ev->results[lines[i]];
			const struct ev_result	*was = r->replaces ?
			    event_result(ev, r->replaces) : NULL;
			uint32_t		 u = units[lines[i]];

			if (r->forfeit)
				snprintf(buf, sizeof buf, W_NOT_HERE, u, r->name);
			else if (was != NULL)
				snprintf(buf, sizeof buf, W_IN_PLACE, u, r->name,
				    was->name);
			else
				snprintf(buf, sizeof buf, W_STANDS, u, r->name);
			ui_put(ui, y, x, r->forfeit ? ROLE_DIM : ROLE_NORMAL,
			    buf, (size_t)(ui->cols - x - 1));
		}
	}
	if (n > room) {
		snprintf(buf, sizeof buf, W_RANGE, ui->top + 1,
		    ui->top + room < n ? ui->top + room : n, n);
		ui_put(ui, ui->rows - 1, 1, ROLE_DIM, buf, strlen(buf));
	}
	free(lines);
	free(units);
	ui_head(ui);
}

void
list_key(struct ui *ui, wint_t ch, int code)
{
	size_t	page = ui->rows > 6 ? (size_t)ui->rows - 6 : 1;

	if (code) {
		switch (ch) {
		case KEY_UP:
			if (ui->top > 0)
				ui->top--;
			break;
		case KEY_DOWN:
			ui->top++;		/* list_paint keeps it in range */
			break;
		case KEY_PPAGE:
			ui->top = ui->top > page ? ui->top - page : 0;
			break;
		case KEY_NPAGE:
			ui->top += page;
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
	if (ch == 27) {
		ui->view = VIEW_START;
		return;
	}
	ui_common_key(ui, ch, code);
}
