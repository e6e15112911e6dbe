/*
 * ui.h: what the screen's views share. Each view is a pair: a draw function
 * that paints the whole view from the state, and a key function; screen.c
 * dispatches on the current view, ncdu-style, and owns the one wait.
 */
#ifndef RAFFLE_UI_H
#define RAFFLE_UI_H

#include <curses.h>

#include "bigfont.h"
#include "layout.h"
#include "reel.h"
#include "screen.h"
#include "session.h"

enum view {
	VIEW_START,		/* title, prizes, commitment, resume */
	VIEW_ROLL,		/* the reel rolls */
	VIEW_REVEAL,		/* the winner, large */
	VIEW_BATCH,		/* a grid of winners */
	VIEW_LIST,		/* every result so far */
	VIEW_WITNESS		/* the commitment, and the room's witness */
};

enum overlay {
	OVERLAY_NONE,
	OVERLAY_HELP,
	OVERLAY_QUIT,
	OVERLAY_ERROR
};

/* What each thing on screen is; the theme maps it to colour or attributes. */
enum role {
	ROLE_NORMAL,
	ROLE_TITLE,
	ROLE_DIM,
	ROLE_BAR,		/* the reel's highlighted line */
	ROLE_WINNER,
	ROLE_PRIZE,
	ROLE_ERROR,
	ROLE_SELECT,		/* the selected cell of a grid */
	ROLE_SPARK1,
	ROLE_SPARK2,
	ROLE_SPARK3,
	ROLE_COUNT
};

#define SPARKS		48
/*
 * Seconds during which a key that draws (Space, Enter, b, n) is ignored
 * after a draw was made or revealed: a nervous double press, or a press
 * meant for the last screen, must not draw again.
 */
#define KEY_GUARD	0.8
#define SPARKLE_TIME	2.5	/* seconds of celebration */
#define FRAME		(1.0 / 30)

struct spark {
	int		 x, y;
	int		 role;
	double		 born, life;
};

struct ui {
	struct session		*s;
	const struct screen_opts *o;
	enum view		 view;
	enum overlay		 overlay;
	int			 rows, cols;
	double			 now;		/* seconds, CLOCK_MONOTONIC */
	attr_t			 attr[ROLE_COUNT];
	int			 mono;

	/* The roll and the reveal of results[shown]. */
	size_t			 shown;
	int			 have_shown;
	struct reel		 reel;
	double			 roll_start, reveal_start;
	double			 last_draw;	/* drawn or revealed, for KEY_GUARD */
	struct spark		 sparks[SPARKS];
	uint64_t		 show_seed;	/* for the reel's filler names */

	/* A batch: the results shown in its grid, a no-show's replacement
	 * taking the no-show's cell. */
	size_t			*batch, batch_n, page, sel;

	/* The winners list, scrolled to line top. */
	size_t			 top;

	char			 witness[256];	/* typed so far, UTF-8 */
	size_t			 witness_len;

	char			 notice[256];	/* why nothing was drawn */
	int			 reveal_top, reveal_bottom;	/* name rows */
	char			 error[1024];
	int			 done, status;
};

/* paint.c */
void	 ui_theme(struct ui *);
void	 ui_put(struct ui *, int, int, enum role, const char *, size_t);
void	 ui_center(struct ui *, int, enum role, const char *);
size_t	 ui_clean(char *, size_t, const char *);
void	 ui_box(struct ui *, int, int, int, int, enum role);
void	 ui_head(struct ui *);

/* view-start.c */
void	 start_draw(struct ui *);
void	 start_key(struct ui *, wint_t, int);

/* view-draw.c: the roll and the reveal */
void	 draw_roll(struct ui *);
void	 draw_reveal(struct ui *);
void	 draw_key(struct ui *, wint_t, int);
void	 draw_tick(struct ui *);
double	 draw_deadline(struct ui *);
void	 draw_next(struct ui *);
void	 draw_forfeit(struct ui *, size_t);

/* view-batch.c */
void	 batch_draw(struct ui *);
void	 batch_key(struct ui *, wint_t, int);
void	 batch_start(struct ui *);

/* view-list.c */
void	 list_draw(struct ui *);
void	 list_key(struct ui *, wint_t, int);

/* view-witness.c: the commitment shown, the witness typed and recorded */
void	 witness_paint(struct ui *);
void	 witness_key(struct ui *, wint_t, int);

/* view-overlay.c */
void	 overlay_draw(struct ui *);
void	 overlay_key(struct ui *, wint_t, int);
void	 overlay_small(struct ui *);

/* Whether a key that draws counts now: KEY_GUARD after the last draw. */
int	 ui_may_draw(const struct ui *);

/* Keys all views share: b, w, ?, q. Returns 1 if the key was one. */
int	 ui_common_key(struct ui *, wint_t, int);

/* Say a session failure on screen: nothing was awarded. */
void	 ui_fail(struct ui *, const struct fault *);

#endif
