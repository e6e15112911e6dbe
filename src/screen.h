/*
 * screen.h: the projector screen. The only face that includes curses; it
 * shows what the session decides and decides nothing itself.
 */
#ifndef RAFFLE_SCREEN_H
#define RAFFLE_SCREEN_H

#include <stddef.h>

#include "session.h"

enum theme {
	THEME_DEFAULT,		/* dark, or mono where colour is unwanted */
	THEME_DARK,
	THEME_LIGHT,
	THEME_MONO
};

struct screen_opts {
	const char	*title;		/* NULL: none */
	const char	*font;		/* Unifont's .hex; NULL: the default */
	double		 spin;		/* seconds the reel rolls */
	size_t		 batch;		/* winners per 'b'; 0 = all left */
	enum theme	 theme;
	int		 follow;	/* the audience's screen: watch, play */
	int		 console;	/* the emcee's console, no show */
	const char	*on_roll;	/* commands run as a reel starts, */
	const char	*on_reveal;	/* and as a winner is revealed */
};

/*
 * Whether the screen can run here: a terminal on both ends and a usable
 * TERM. Checked before the session starts, so that a run with nowhere to
 * draw leaves the log as it was. Fills why when not.
 */
int	 screen_available(char *, size_t);

/*
 * The screen's keys, a line each (untranslated: pass each through _()),
 * for its help and for --help.
 */
extern const char *const screen_keys[];

/* Run the screen until the emcee quits; returns the exit status. */
int	 screen_run(struct session *, const struct screen_opts *);

#endif
