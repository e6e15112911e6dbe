/*
 * view-overlay.c: what is painted over a view: the help, the question before
 * quitting, a failure of the log, and the note that the window is too small.
 */
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "ui.h"

const char *const screen_keys[] = {
	N_("Space, Enter,  draw the next winner (a held key draws once:"),
	N_("PgDn, Right    let go, then press again); while names roll,"),
	N_("               Space lands them at once"),
	N_("n              the winner shown or selected is not here: asks,"),
	N_("               then on y draws again for the same prize"),
	N_("b, .           draw many of this prize at once: asks, then y"),
	N_("arrows         select a winner in a batch"),
	N_("PgUp, PgDn,    turn the pages of a batch or the winners; on a"),
	N_("Home, End      batch's last page Space or PgDn goes on: the"),
	N_("               next batch (asks) or the next prize"),
	N_("w              every prize's winners (w again: back)"),
	N_("Esc            back to the start screen"),
	N_("?              this help (Esc or ? closes it)"),
	N_("q              quit (asks first)"),
	NULL
};

/* Every word of the questions. */
#define W_QUIT_TITLE	_("Quit raffle?")
#define W_QUIT		_("Press y to quit, any other key to stay.")
#define W_GONE_TITLE	_("Not here?")
#define W_GONE		_("%s is not here: forfeit and draw again for %s?")
#define W_BATCH_TITLE	_("Draw a batch?")
#define W_BATCH(n)	ngettext("Draw %zu winner of %s at once?", \
			    "Draw %zu winners of %s at once?", n)
#define W_YES_NO	_("Press y for yes, any other key for no.")
#define W_ERROR_TITLE	_("The log could not be written")
#define W_ERROR		_("Nothing was awarded. Press q to quit.")
#define W_KEYS		_("Keys")
#define W_ENLARGE	_("Enlarge the window")
#define W_ENLARGE_TO	_("to %dx%d (now %dx%d)")

/* A box of lines, centred; the lines are cut to the screen. */
static void
box_lines(struct ui *ui, const char *title, const char *const *lines,
    enum role r)
{
	size_t	n, i, w = text_width(title, strlen(title));
	int	h, bw, y, x;

	for (n = 0; lines[n] != NULL; n++)
		if (text_width(lines[n], strlen(lines[n])) > w)
			w = text_width(lines[n], strlen(lines[n]));
	bw = (int)w + 6 < ui->cols ? (int)w + 6 : ui->cols;
	h = (int)n + 4 < ui->rows ? (int)n + 4 : ui->rows;
	y = (ui->rows - h) / 2;
	x = (ui->cols - bw) / 2;
	ui_box(ui, y, x, h, bw, r);
	ui_put(ui, y + 1, x + 3, r == ROLE_ERROR ? ROLE_ERROR : ROLE_TITLE,
	    title, (size_t)bw - 6);
	for (i = 0; i < n && (int)i + 3 < h; i++)
		ui_put(ui, y + 2 + (int)i, x + 3, r, lines[i], (size_t)bw - 6);
}

/* The question asked, in words that name exactly what will happen. */
static void
ask_paint(struct ui *ui)
{
	const struct event	*ev = &ui->s->ev;
	const char		*lines[16];
	char			 msg[1400];
	size_t			 n;

	if (ui->ask == ASK_FORFEIT) {
		const struct ev_result	*r = &ev->results[ui->ask_result];

		snprintf(msg, sizeof msg, W_GONE, r->name,
		    ev->prizes[r->prize].label);
	} else
		snprintf(msg, sizeof msg, W_BATCH(ui->ask_count), ui->ask_count,
		    ev->prizes[ui->ask_prize].label);
	n = ui_wrap(msg, lines, 12, ui->cols > 70 ? 60 :
	    (size_t)ui->cols - 8);
	lines[n++] = "";
	lines[n++] = W_YES_NO;
	lines[n] = NULL;
	box_lines(ui, ui->ask == ASK_FORFEIT ? W_GONE_TITLE : W_BATCH_TITLE,
	    lines, ROLE_NORMAL);
}

void
overlay_paint(struct ui *ui)
{
	const char	*quit[] = { W_QUIT, NULL };
	char		 msg[1400];
	const char	*lines[24];
	size_t		 n, width;

	switch (ui->overlay) {
	case OVERLAY_HELP:
		for (n = 0; screen_keys[n] != NULL; n++)
			lines[n] = _(screen_keys[n]);
		lines[n] = NULL;
		box_lines(ui, W_KEYS, lines, ROLE_NORMAL);
		break;
	case OVERLAY_QUIT:
		box_lines(ui, W_QUIT_TITLE, quit, ROLE_NORMAL);
		break;
	case OVERLAY_ASK:
		ask_paint(ui);
		break;
	case OVERLAY_ERROR:
		width = ui->cols > 70 ? 60 : (size_t)ui->cols - 8;
		snprintf(msg, sizeof msg, "%s", ui->error);
		n = ui_wrap(msg, lines, 12, width);
		lines[n++] = "";
		lines[n++] = W_ERROR;
		lines[n] = NULL;
		box_lines(ui, W_ERROR_TITLE, lines, ROLE_ERROR);
		break;
	case OVERLAY_NONE:
		break;
	}
}

/* A yes to the question: do what it named. */
static void
ask_yes(struct ui *ui)
{
	if (ui->ask == ASK_BATCH)
		batch_draw(ui);
	else if (ui->view == VIEW_BATCH)
		batch_forfeit(ui);
	else
		reveal_forfeit(ui, ui->ask_result);
}

void
overlay_key(struct ui *ui, wint_t ch, int code)
{
	switch (ui->overlay) {
	case OVERLAY_HELP:
		if (!code && (ch == 27 || ch == '?'))
			ui->overlay = OVERLAY_NONE;
		break;
	case OVERLAY_QUIT:
		if (!code && (ch == 'y' || ch == 'Y'))
			ui->done = 1;
		else
			ui->overlay = OVERLAY_NONE;
		break;
	case OVERLAY_ASK:
		/* Any key but y is a no; the answer closes the question. */
		ui->overlay = OVERLAY_NONE;
		if (!code && (ch == 'y' || ch == 'Y'))
			ask_yes(ui);
		break;
	case OVERLAY_ERROR:
		/* Nothing more can be drawn: the log is not to be trusted. */
		if (!code && (ch == 'q' || ch == 'Q'))
			ui->done = 1;
		break;
	case OVERLAY_NONE:
		break;
	}
}

void
overlay_paint_small(struct ui *ui)
{
	char	line[64];
	int	y = ui->rows / 2 - 1;

	ui_center(ui, y < 0 ? 0 : y, ROLE_TITLE, W_ENLARGE);
	snprintf(line, sizeof line, W_ENLARGE_TO, LAYOUT_MIN_COLS,
	    LAYOUT_MIN_ROWS, ui->cols, ui->rows);
	ui_center(ui, y + 1, ROLE_NORMAL, line);
}
