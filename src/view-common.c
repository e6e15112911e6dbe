/*
 * view-common.c: what every view shares: the keys they all take, the
 * rule for keys that draw, and how a failure of the log is shown. The
 * views call these; none of them calls back into the loop (screen.c).
 */
#include <stdio.h>

#include "ui.h"

int
ui_may_draw(const struct ui *ui)
{
	double	since = ui->quiet_from;

	if (reveal_settled(ui) > since)
		since = reveal_settled(ui);
	return ui->key_gap >= KEY_QUIET && ui->now - since >= KEY_QUIET;
}

void
ui_new_session(struct ui *ui)
{
	struct fault	f;

	if (session_commit(ui->s, 0, &f) != 0) {
		ui_fail(ui, &f);
		return;
	}
	ui->witness_len = 0;
	ui->witness[0] = '\0';
	ui->view = VIEW_WITNESS;
}

void
ui_fail(struct ui *ui, const struct fault *f)
{
	snprintf(ui->error, sizeof ui->error, "%s", f->msg);
	ui->overlay = OVERLAY_ERROR;
	ui->status = f->status;
}

int
ui_is_draw_key(wint_t ch, int code)
{
	if (code)
		return ch == KEY_ENTER || ch == KEY_NPAGE || ch == KEY_RIGHT;
	return ch == ' ' || ch == '\r' || ch == '\n';
}

int
ui_common_key(struct ui *ui, wint_t ch, int code)
{
	if (code)
		return 0;
	switch (ch) {
	case 'b':
	case '.':
		batch_ask(ui);
		return 1;
	case 'w':
		ui->view = ui->view == VIEW_LIST ? VIEW_START : VIEW_LIST;
		ui->top = 0;
		return 1;
	case '?':
		ui->overlay = OVERLAY_HELP;
		return 1;
	case 'q':
		ui->overlay = OVERLAY_QUIT;
		return 1;
	}
	return 0;
}

