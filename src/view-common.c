/*
 * view-common.c: what every view shares: the keys they all take, the
 * rule for keys that draw, and how a failure of the log is shown. The
 * views call these; none of them calls back into the loop (screen.c).
 */
#include <sys/wait.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui.h"

int
ui_may_draw(const struct ui *ui)
{
	double	since = ui->quiet_from;

	if (reveal_settled(ui) > since)
		since = reveal_settled(ui);
	return ui->key_gap >= KEY_QUIET && ui->now - since >= KEY_QUIET;
}

#define W_REHEARSAL	_(" REHEARSAL ")
/* TRANSLATORS: the command of --on-roll or --on-reveal failed; then
 * "exit status" or "signal" and its number: play.sh failed (exit status 1) */
#define W_HOOK_FAILED	_("%s failed (%s %d); the show goes on without it")
#define W_HOOK_EXIT	_("exit status")
#define W_HOOK_SIGNAL	_("signal")

/*
 * Start cmd with sh, detached: its own session, no terminal (standard
 * input, output and error are /dev/null), and what it may want to know in
 * its environment. The show does not wait for it.
 */
static void
hook_run(struct ui *ui, const char *cmd, const char *what,
    const struct ev_result *r, size_t count)
{
	char	num[32];
	pid_t	pid;
	int	fd;

	if (cmd == NULL)
		return;
	if ((pid = fork()) == -1) {
		if (!ui->hook_failed++)
			snprintf(ui->notice, sizeof ui->notice, W_HOOK_FAILED,
			    cmd, W_HOOK_EXIT, -1);
		return;
	}
	if (pid != 0)
		return;
	setsid();
	if ((fd = open("/dev/null", O_RDWR)) != -1) {
		dup2(fd, STDIN_FILENO);
		dup2(fd, STDOUT_FILENO);
		dup2(fd, STDERR_FILENO);
		if (fd > STDERR_FILENO)
			close(fd);
	}
	setenv("RAFFLE_EVENT", what, 1);
	setenv("RAFFLE_PRIZE", ui->s->ev.prizes[r->prize].name, 1);
	snprintf(num, sizeof num, "%zu", count);
	setenv("RAFFLE_COUNT", num, 1);
	if (strcmp(what, "reveal") == 0) {
		setenv("RAFFLE_WINNER", r->name, 1);
		setenv("RAFFLE_ID", r->id, 1);
		snprintf(num, sizeof num, "%llu", (unsigned long long)r->seq);
		setenv("RAFFLE_SEQ", num, 1);
	}
	execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
	_exit(127);
}

void
ui_hooks(struct ui *ui)
{
	const struct ev_result	*r;
	size_t			 count = 1;
	int			 st;

	while (waitpid(-1, &st, WNOHANG) > 0)
		if ((!WIFEXITED(st) || WEXITSTATUS(st) != 0) &&
		    !ui->hook_failed++)
			snprintf(ui->notice, sizeof ui->notice, W_HOOK_FAILED,
			    ui->o->on_reveal != NULL ? ui->o->on_reveal :
			    ui->o->on_roll, WIFEXITED(st) ? W_HOOK_EXIT :
			    W_HOOK_SIGNAL, WIFEXITED(st) ? WEXITSTATUS(st) :
			    WTERMSIG(st));
	if ((ui->view != VIEW_SHOW && ui->view != VIEW_BATCH) ||
	    !ui->have_shown || ui->shown >= ui->s->ev.nresults)
		return;
	r = &ui->s->ev.results[ui->shown];
	if (ui->view == VIEW_BATCH)
		count = ui->batch_n;
	if (ui->hooked_start != ui->show_start) {
		ui->hooked_start = ui->show_start;
		ui->hooked_reveal = 0;
		hook_run(ui, ui->o->on_roll, "roll", r, count);
	}
	if (!ui->hooked_reveal && (ui->view == VIEW_SHOW ?
	    !reveal_rolling(ui) : batch_deadline(ui) < 0)) {
		ui->hooked_reveal = 1;
		hook_run(ui, ui->o->on_reveal, "reveal", r, count);
	}
}
#define W_WITH_SHOW	_("%s · %s")		/* Ana Lee · Table 4 */

const char *
ui_shown_with(const struct ui *ui, const struct ev_result *r)
{
	return r->entry >= 0 ? roster_show(ui->s->roster, (size_t)r->entry) :
	    "";
}

const char *
ui_winner(const struct ui *ui, const struct ev_result *r, char *buf,
    size_t size)
{
	const char	*show = ui_shown_with(ui, r);

	if (*show == '\0')
		return r->name;
	snprintf(buf, size, W_WITH_SHOW, r->name, show);
	return buf;
}

void
ui_marks(struct ui *ui)
{
	if (ui->s->rehearsal)
		ui_put(ui, 0, 1, ROLE_ERROR, W_REHEARSAL, (size_t)ui->cols - 2);
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

