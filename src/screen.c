/*
 * screen.c: the screen's one loop.
 *
 * One wait: get_wch() with a timeout set by the next moment the show
 * changes (the reel's next name, the end of the hold, a frame of sparks),
 * or no timeout at all when nothing moves, so an idle screen costs nothing
 * and a rolling reel costs a frame per name. Every key is timed on the
 * way in: a key that draws needs the silence before it (KEY_QUIET). Resize
 * (KEY_RESIZE) is handled here, once, before any view sees a key; below the
 * minimum size no view is painted and no key counts. Signals only set a flag;
 * the loop restores the terminal and leaves.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <poll.h>
#include <term.h>

#include "ui.h"

static volatile sig_atomic_t	got_signal;

static void
on_signal(int sig)
{
	got_signal = sig;
}

int
screen_available(char *why, size_t size)
{
	const char	*term = getenv("TERM");
	int		 err = 0;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(why, size, "%s", isatty(STDIN_FILENO) ?
		    _("standard output is not a terminal") :
		    _("standard input is not a terminal"));
		return 0;
	}
	if (term == NULL || *term == '\0') {
		snprintf(why, size, "TERM is not set");
		return 0;
	}
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		snprintf(why, size, "TERM '%s' is not a terminal this system "
		    "knows", term);
		return 0;
	}
	del_curterm(cur_term);
	return 1;
}

static double
monotonic(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Warnings while the screen runs go to the notice line, not the terminal. */
static struct ui	*warn_ui;

static void
warn_to_notice(const char *msg)
{
	if (warn_ui != NULL)
		snprintf(warn_ui->notice, sizeof warn_ui->notice, "%s", msg);
}

/* Paint the whole screen from the state; curses sends only what changed. */
static void
paint(struct ui *ui)
{
	erase();
	if (!layout_big_enough((size_t)ui->cols, (size_t)ui->rows)) {
		overlay_paint_small(ui);
		refresh();
		return;
	}
	switch (ui->view) {
	case VIEW_START:
		start_paint(ui);
		break;
	case VIEW_SHOW:
		reveal_paint(ui);
		break;
	case VIEW_CARD:
		card_paint(ui);
		break;
	case VIEW_BATCH:
		batch_paint(ui);
		break;
	case VIEW_LIST:
		list_paint(ui);
		break;
	case VIEW_WITNESS:
		witness_paint(ui);
		break;
	case VIEW_CONSOLE:
		console_paint(ui);
		break;
	}
	ui_marks(ui);
	if (ui->overlay != OVERLAY_NONE)
		overlay_paint(ui);
	refresh();
}

/* Hand a key to the overlay open, or to the view. */
static void
dispatch_view(struct ui *ui, wint_t ch, int code)
{
	if (ui->overlay != OVERLAY_NONE) {
		overlay_key(ui, ch, code);
		return;
	}
	switch (ui->view) {
	case VIEW_START:
		start_key(ui, ch, code);
		break;
	case VIEW_SHOW:
		reveal_key(ui, ch, code);
		break;
	case VIEW_CARD:
		card_key(ui, ch, code);
		break;
	case VIEW_BATCH:
		batch_key(ui, ch, code);
		break;
	case VIEW_LIST:
		list_key(ui, ch, code);
		break;
	case VIEW_WITNESS:
		witness_key(ui, ch, code);
		break;
	case VIEW_CONSOLE:
		console_key(ui, ch, code);
		break;
	}
}

static void
dispatch(struct ui *ui, wint_t ch, int code)
{
	/* The audience's screen takes no key that changes anything. */
	if (ui->o->follow) {
		if (!code && (ch == 'q' || ch == 'Q'))
			ui->done = 1;
		return;
	}
	dispatch_view(ui, ch, code);
	/* The console stands in for every view of the show. */
	if (ui->o->console && ui->view != VIEW_WITNESS && ui->view != VIEW_LIST)
		ui->view = VIEW_CONSOLE;
}

/*
 * The font for big letters: --font, else RAFFLE_FONT, else Debian's
 * Unifont. Without it names are shown in plain text, said once on
 * standard error before the screen starts.
 */
static struct font *
open_font(const struct screen_opts *o)
{
	const char	*path = o->font, *env = getenv("RAFFLE_FONT");
	struct font	*fn;
	struct fault	 f;

	if (path == NULL)
		path = env != NULL && *env != '\0' ? env : FONT_DEFAULT_PATH;
	if ((fn = font_open(path, &f)) == NULL)
		warn_msg(_("no font for big letters (%s); names are "
		    "shown in plain text; install the unifont package or give "
		    "--font FILE"), f.msg);
	return fn;
}

/*
 * The audience's screen waits on the log as well as the keyboard: for
 * whichever comes first, or the next frame. Returns 1 when a key is
 * there to read (wait is then 0), 0 when the loop should paint again.
 * Without inotify, the log is looked at four times a second.
 */
static int
follow_wait(struct ui *ui, double *wait)
{
	struct pollfd	p[2];
	double		w = *wait, fw = follow_deadline(ui);
	int		n = 1, fd = session_watch_fd(ui->s), ms;

	if (fw >= 0 && (w < 0 || fw < w))
		w = fw;
	if (fd == -1 && (w < 0 || w > 0.25))
		w = 0.25;
	p[0].fd = STDIN_FILENO;
	p[0].events = POLLIN;
	if (fd != -1) {
		p[1].fd = fd;
		p[1].events = POLLIN;
		n = 2;
	}
	ms = w < 0 ? -1 : (int)(w * 1000) + 1;
	if (poll(p, (nfds_t)n, ms) == -1)
		return 0;	/* a signal: the loop looks at it */
	ui->now = monotonic();
	follow_tick(ui);
	if (p[0].revents & (POLLHUP | POLLERR | POLLNVAL)) {
		ui->done = 1;
		return 0;
	}
	if (!(p[0].revents & POLLIN))
		return 0;
	*wait = 0;
	return 1;
}

int
screen_run(struct session *s, const struct screen_opts *o)
{
	struct ui		 ui;
	struct sigaction	 sa, old;
	SCREEN			*scr;
	wint_t			 ch;
	double			 wait, before;
	int			 rc, errors = 0, lost = 0;

	memset(&ui, 0, sizeof ui);
	ui.s = s;
	ui.o = o;
	ui.show_seed = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
	ui.last_key = -1e9;
	if (s->ev.nresults > 0) {
		ui.have_shown = 1;
		ui.shown = s->ev.nresults - 1;
	}

	/* Ours first: curses only installs its own where none is set. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	/* Under nohup a hangup stays ignored; a dead terminal is noticed anyway. */
	sigaction(SIGHUP, NULL, &old);
	if (old.sa_handler != SIG_IGN)
		sigaction(SIGHUP, &sa, NULL);

	ui.font = open_font(o);
	if ((scr = newterm(NULL, stdout, stdin)) == NULL) {
		font_close(ui.font);
		msg_put(stderr, _("cannot start the screen on this terminal; to "
		    "draw without it use --draw"));
		return EXIT_USAGE;
	}
	set_term(scr);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	ui_theme(&ui);
	getmaxyx(stdscr, ui.rows, ui.cols);
	warn_ui = &ui;
	warn_set_sink(warn_to_notice);
	if (!o->follow)
		session_continues(s, ui.continues, sizeof ui.continues);
	ui.continued = s->ev.nresults;

	/*
	 * A new session (its secret made, kept and its commitment recorded,
	 * a hash chain and two fsyncs away) is begun right after the first
	 * frame, before any key is read; then the room gives the witness.
	 */
	if (o->follow)
		follow_begin(&ui);
	else if (session_needs_witness(s))
		ui.view = VIEW_WITNESS;
	else if (o->console)
		ui.view = VIEW_CONSOLE;
	while (!ui.done && !got_signal && !lost) {
		ui.now = monotonic();
		ui_hooks(&ui);
		paint(&ui);
		if (s->seq == 0 && !o->follow && ui.overlay != OVERLAY_ERROR) {
			struct fault	f;

			if (session_commit(s, 0, &f) != 0) {
				ui_fail(&ui, &f);
				continue;
			}
			ui.view = VIEW_WITNESS;
			paint(&ui);
		}
		wait = ui.view == VIEW_SHOW ? reveal_deadline(&ui) :
		    ui.view == VIEW_BATCH ? batch_deadline(&ui) : -1;
		if (o->follow && !follow_wait(&ui, &wait))
			continue;
		timeout(wait < 0 ? -1 : (int)(wait * 1000) + 1);
		before = monotonic();
		rc = get_wch(&ch);
		if (rc == ERR) {
			/*
			 * A frame is due, or a signal came. An ERR long before
			 * the deadline, again and again, is a terminal that has
			 * gone: reading it fails at once, and the loop would spin.
			 */
			if (!got_signal && (wait < 0 ||
			    monotonic() - before < wait / 2) && ++errors >= 3)
				lost = 1;
			continue;
		}
		errors = 0;
		if (rc == KEY_CODE_YES && ch == KEY_RESIZE) {
			getmaxyx(stdscr, ui.rows, ui.cols);
			clearok(curscr, TRUE);
			continue;
		}
		/* Every key counts towards the silence a draw key waits for. */
		ui.now = monotonic();
		ui.key_gap = ui.now - ui.last_key;
		ui.last_key = ui.now;
		if (!layout_big_enough((size_t)ui.cols, (size_t)ui.rows))
			continue;
		dispatch(&ui, ch, rc == KEY_CODE_YES);
	}

	endwin();
	delscreen(scr);
	warn_set_sink(NULL);
	warn_ui = NULL;
	reel_free(&ui.reel);
	font_close(ui.font);
	free(ui.batch);
	free(ui.land);
	free(ui.gone_until);
	free(ui.gone);
	if (got_signal || lost) {
		warn_msg(ngettext("%s; every draw shown is in %s (%zu draw, the "
		    "last record #%llu)", "%s; every draw shown is in %s (%zu "
		    "draws, the last record #%llu)", s->ev.nresults), lost ?
		    _("the terminal went away") : got_signal == SIGINT ?
		    _("interrupted") : got_signal == SIGQUIT ? _("quit") :
		    _("stopped"), s->led.path, s->ev.nresults,
		    (unsigned long long)s->led.nrecords);
		return lost ? 128 + SIGHUP : 128 + got_signal;
	}
	return ui.status;
}
