/*
 * ui.h: what the screen's views share. Each view is a pair: a paint
 * function (X_paint) that paints the whole view from the state, and a key
 * function (X_key); screen.c dispatches on the current view, ncdu-style,
 * and owns the one wait. "Draw" is kept for the raffle: X_draw functions
 * draw winners.
 *
 * What the room sees of a draw is a function of which result it is and
 * how long ago its show began (see view-reveal.c), never of the keys that
 * started it: a screen that follows the log could replay it.
 */
#ifndef RAFFLE_UI_H
#define RAFFLE_UI_H

#include <curses.h>

#include "bigfont.h"
#include "font.h"
#include "layout.h"
#include "reel.h"
#include "screen.h"
#include "session.h"

enum view {
	VIEW_START,		/* title, prizes, commitment, resume */
	VIEW_SHOW,		/* one draw: its prize, the reel, the winner */
	VIEW_CARD,		/* the next prize, waiting for Space */
	VIEW_BATCH,		/* a grid of winners */
	VIEW_LIST,		/* the winners of every prize: the closing screen */
	VIEW_WITNESS,		/* the commitment, and the room's witness */
	VIEW_CONSOLE		/* the emcee's console, in ordinary text */
};

enum overlay {
	OVERLAY_NONE,
	OVERLAY_HELP,
	OVERLAY_QUIT,
	OVERLAY_ASK,		/* a question before irreversible work */
	OVERLAY_ERROR
};

/* What a question asks, acted on only with y. */
enum ask {
	ASK_FORFEIT,		/* results[ask_result] is not here */
	ASK_BATCH		/* draw ask_count of prize ask_prize */
};

/* What each thing on screen is; the theme maps it to colour or attributes. */
enum role {
	ROLE_NORMAL,
	ROLE_TITLE,
	ROLE_DIM,
	ROLE_BAR,		/* the reel's highlighted band */
	ROLE_WINNER,
	ROLE_PRIZE,
	ROLE_ERROR,
	ROLE_SELECT,		/* the selected cell of a grid */
	ROLE_BANNER,		/* "Winner" over a reveal */
	ROLE_SPARK1,
	ROLE_SPARK2,
	ROLE_SPARK3,
	ROLE_COUNT
};

/*
 * A key that draws counts only after the keyboard has been silent this
 * long, and this long after a reveal: a held key, a clicker's auto-repeat
 * or a nervous double press draws once; a fresh press draws.
 */
#define KEY_QUIET	0.3
#define FRAME		(1.0 / 30)	/* while sparks fly */
#define CARD_SHARE	0.25		/* of the spin, the prize alone first */

struct ui {
	struct session		*s;
	const struct screen_opts *o;
	struct font		*font;		/* NULL: names in plain text */
	enum view		 view;
	enum overlay		 overlay;
	int			 rows, cols;
	double			 now;		/* seconds, CLOCK_MONOTONIC */
	double			 key_gap;	/* since the key before this one */
	double			 last_key;
	attr_t			 attr[ROLE_COUNT];
	int			 mono;

	/* The show of results[shown], begun at show_start. */
	size_t			 shown;
	int			 have_shown;
	struct reel		 reel;
	double			 show_start;
	uint32_t		 shown_unit;	/* 2 in "2 of 5" */
	double			 quiet_from;	/* the last draw, for KEY_QUIET */
	uint64_t		 show_seed;	/* for the theatre, per run */
	int			 bar_size;	/* the reel's letters; -1 plain */
	size_t			 bar_lines;
	int			 bar_cols, bar_rows;	/* the window sized for */

	/* A question asked, and what it is about. */
	enum ask		 ask;
	size_t			 ask_result, ask_prize, ask_count;

	/*
	 * A batch of batch_prize: the results in its cells (a no-show's
	 * replacement takes the no-show's cell), when each cell lands (0:
	 * its page not seen yet), and for a no-show's cell, who it was and
	 * until when the cell says "not here".
	 */
	size_t			*batch, batch_n, batch_prize, page, sel;
	int			 sel_shown;	/* an arrow key was pressed */
	double			*land, *gone_until;
	size_t			*gone;
	struct cells		 cells;
	int			 cells_cols, cells_rows;	/* laid out for */

	/* The winners list, scrolled to line top. */
	size_t			 top;

	char			 witness[256];	/* typed so far, UTF-8 */
	size_t			 witness_len;

	/* The hooks: the show they were run for, and whether one failed. */
	double			 hooked_start;	/* show_start of the last roll */
	int			 hooked_reveal;	/* its reveal's hook has run */
	int			 hook_failed;	/* said once */

	/* Following the log: the results shown or under way, the session. */
	size_t			 known;
	uint64_t		 seen_session;

	char			 notice[256];	/* why nothing was drawn */
	/* That the run continues an old log, said until its first draw. */
	char			 continues[512];
	size_t			 continued;	/* results in the log then */
	char			 error[1024];
	int			 done, status;
};

/* paint.c: colours, and text put on the screen by its width */
/* Choose every role's colours for the theme and the terminal. */
void	 ui_theme(struct ui *);
/* Put text at (y, x) in a role, cut to at most max columns and the edge. */
void	 ui_put(struct ui *, int, int, enum role, const char *, size_t);
/* Put text centred on row y, cut to the screen's width. */
void	 ui_center(struct ui *, int, enum role, const char *);
/* Copy text without the characters that take no width; returns length. */
size_t	 ui_clean(char *, size_t, const char *);
/* Cut text at spaces into lines of at most width columns; their count. */
size_t	 ui_wrap(char *, const char **, size_t, size_t);
/* Centre text from row y in lines that fit, at most 3; the rows it takes. */
int	 ui_center_lines(struct ui *, int, enum role, const char *, int);
/* A filled box with a border at (y, x), h rows by w columns. */
void	 ui_box(struct ui *, int, int, int, int, enum role);
/* Render text large to fit cols x rows (see bigfont_render()); 0 or -1. */
int	 ui_render(struct ui *, struct bigtext *, const char *, int, int, int,
	    size_t, int);
/* Paint the rows of big text from row y, centred, in a role. */
void	 ui_big(struct ui *, int, enum role, const struct bigtext *);
/* Paint big text from (y, x), centred in a width of columns, in a role. */
void	 ui_big_in(struct ui *, int, int, int, enum role,
	    const struct bigtext *);
/* The log's head, labelled as a check code, in the bottom right corner. */
void	 ui_head(struct ui *);
/* Fill row y with a role's background. */
void	 ui_band(struct ui *, int, enum role);

/* view-common.c: what every view shares */
/* Whether a key that draws counts now (see KEY_QUIET). */
int	 ui_may_draw(const struct ui *);
/* Whether a key is one that draws: Space, Enter, PgDn or Right. */
int	 ui_is_draw_key(wint_t, int);
/* Keys all views share: b, ., w, ?, q. Returns 1 if the key was one. */
int	 ui_common_key(struct ui *, wint_t, int);
/*
 * The session's steps are used up: begin a new one, whose commitment the
 * room sees before it gives a new witness.
 */
void	 ui_new_session(struct ui *);
/* The --show-column text of a result's winner (a team, a table), or "". */
const char *ui_shown_with(const struct ui *, const struct ev_result *);
/* The winner's name, with the --show-column text after it (in buf). */
const char *ui_winner(const struct ui *, const struct ev_result *, char *,
	    size_t);
/*
 * Run --on-roll as a show starts and --on-reveal as its winners are
 * revealed (once each, by the time on screen), and reap the commands that
 * ended: one that fails is said once; the show never waits for them.
 */
void	 ui_hooks(struct ui *);
/* Mark a rehearsal in the top left corner, whatever the view. */
void	 ui_marks(struct ui *);
/* Say a session failure on screen: nothing was awarded, nothing more is. */
void	 ui_fail(struct ui *, const struct fault *);

/* view-start.c: the start screen */
/* Paint the start screen. */
void	 start_paint(struct ui *);
/* Take a key on the start screen: draw, ask about a no-show, or common. */
void	 start_key(struct ui *, wint_t, int);

/* view-card.c: a prize's card */
/* Paint prize large under a label, with "unit of quantity", and a note. */
void	 card_paint_prize(struct ui *, size_t, uint32_t, const char *,
	    const char *);
/* Paint the next prize's card, which waits for a draw key. */
void	 card_paint(struct ui *);
/* Take a key on the card: draw one, or common. */
void	 card_key(struct ui *, wint_t, int);

/* view-reveal.c: one draw's show: the prize, the reel, the reveal */
/* Paint the show of results[shown] as it is at ui->now. */
void	 reveal_paint(struct ui *);
/* Take a key during the show: skip to the landing, or after it draw on. */
void	 reveal_key(struct ui *, wint_t, int);
/* Seconds until the show next changes; -1 when it stands still. */
double	 reveal_deadline(struct ui *);
/* When the show's reveal began, 0 when no show is on: draw keys wait. */
double	 reveal_settled(const struct ui *);
/* Whether the room is watching the prize or the reel now. */
int	 reveal_rolling(const struct ui *);
/* Start the show of result i: its card, its reel, or its reveal at once. */
void	 reveal_show(struct ui *, size_t);
/* Draw the next winner and start its show, if a draw key counts now. */
void	 reveal_draw_one(struct ui *);
/* Ask, naming them, before forfeiting results[i]. */
void	 reveal_ask_forfeit(struct ui *, size_t);
/* Forfeit results[i] and show its replacement; 1 if one is shown. */
int	 reveal_forfeit(struct ui *, size_t);

/* view-batch.c: a grid of winners drawn at once */
/* Paint the page of the batch, its cells as they are at ui->now. */
void	 batch_paint(struct ui *);
/* Seconds until a cell of the page next changes; -1 when all landed. */
double	 batch_deadline(struct ui *);
/* Take a key in the grid: select, page, ask about a no-show, or common. */
void	 batch_key(struct ui *, wint_t, int);
/* Ask, naming the prize and how many, before drawing a batch. */
void	 batch_ask(struct ui *);
/* Draw the batch asked for and show its grid (after a yes). */
void	 batch_draw(struct ui *);
/* Show results first .. first + n - 1 of prize in the grid, landing. */
void	 batch_show(struct ui *, size_t, size_t, size_t);
/* Forfeit the selected winner of the grid, replaced in its cell. */
void	 batch_forfeit(struct ui *);

/* view-list.c: every result so far */
/* Paint the winners list from line top. */
void	 list_paint(struct ui *);
/* Take a key in the list: scroll, back, or common. */
void	 list_key(struct ui *, wint_t, int);

/* view-witness.c: the commitment shown, the witness typed and recorded */
/* Paint the commitment and the witness typed so far. */
void	 witness_paint(struct ui *);
/* Take a key: type, erase, or record the witness with Enter. */
void	 witness_key(struct ui *, wint_t, int);

/* view-console.c: the emcee's console (--console) */
/* Paint the next prize, the prizes left, the last winners and the keys. */
void	 console_paint(struct ui *);
/* Take a key on the console: draw, ask about the last winner, or common. */
void	 console_key(struct ui *, wint_t, int);

/* view-follow.c: the audience's screen, playing the log as it grows */
/* Take the state of the log as it is now: nothing of it is played. */
void	 follow_begin(struct ui *);
/* Read what the log gained and start the show of what is new. */
void	 follow_tick(struct ui *);
/* Seconds until a show waiting its turn is looked at again; -1: none. */
double	 follow_deadline(struct ui *);

/* view-overlay.c: what is painted over a view */
/* Paint the overlay open now: help, a question, or a failure. */
void	 overlay_paint(struct ui *);
/* Take a key for the open overlay; a question acts only on y. */
void	 overlay_key(struct ui *, wint_t, int);
/* Paint the request for a larger window, in place of any view. */
void	 overlay_paint_small(struct ui *);

#endif
