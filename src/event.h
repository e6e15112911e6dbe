/*
 * event.h: the state of a raffle, rebuilt from roster + prizes + log.
 *
 * The log is the source of truth; this is what it means: which prizes are
 * left, who has won, who forfeited, and from which tickets the next winner
 * is drawn. Both the replay of old records and the draws of this run go
 * through event_add_draw() and event_add_forfeit(), so they cannot disagree.
 */
#ifndef RAFFLE_EVENT_H
#define RAFFLE_EVENT_H

#include <stddef.h>
#include <stdint.h>

#include "sumtree.h"
#include "ledger.h"
#include "prizes.h"
#include "rng.h"
#include "roster.h"
#include "strmap.h"

struct ev_prize {
	char		*name;		/* as the table and the log have it */
	char		*label;		/* as the room reads it: "Draw 3" translated */
	uint32_t	 quantity;
	uint32_t	 awarded;	/* draws that stand (not forfeited) */
	uint32_t	 group;		/* roster group it is kept for; 0 = all */
	char		*eligible;	/* that group as the table says it */
	int		 history;	/* known only from the log: not drawn */
	int		 open;		/* can still be drawn */
};

struct ev_result {
	uint64_t	 seq;
	char		 time[21];
	size_t		 prize;
	long		 entry;		/* roster index; -1 if not in this roster */
	const char	*id, *name;
	int		 owned;		/* id and name are copies to free */
	uint32_t	 tickets;
	uint64_t	 forfeit;	/* seq of its forfeit record; 0 = stands */
	uint64_t	 replaces;	/* seq of the draw it replaces; 0 = none */
	int		 was_out;	/* the winner had forfeited before */
};

/* The tickets one prize is drawn from: everyone, or one group. */
struct ev_pool {
	int		 built;
	uint32_t	*members;	/* entry of each member (NULL: identity) */
	size_t		 n;
	struct sumtree	 tree;
};

struct event {
	struct roster	*roster;
	int		 generic;	/* no prize table: "Draw 1", "Draw 2", ... */
	struct ev_prize	*prizes;
	size_t		 nprizes, capprizes, ntable;
	size_t		 first_open;	/* no prize before it can be drawn */
	struct strmap	 prize_names;	/* name to prize */

	struct ev_result *results;
	size_t		 nresults, capresults;

	int		 repeat;	/* winners stay in the draw */
	uint32_t	*wins;		/* per entry: awards that stand */
	unsigned char	*forfeited;	/* per entry */
	unsigned char	*in;		/* per entry: in the draw now */
	uint32_t	*group_pos;	/* per entry: its place in its group's pool */
	struct ev_pool	*pools;		/* [0] everyone, [g] group g */
};

struct ev_pick {
	size_t		 entry;
	uint64_t	 ticket;	/* the ticket drawn, 0 <= ticket < pool */
	uint64_t	 pool;		/* eligible tickets at the time */
};

/* Start from a roster and a prize table (NULL: generic draws). */
int	 event_init(struct event *, struct roster *, const struct prizes *,
	    struct fault *);
/* Free what the event holds. */
void	 event_free(struct event *);

/* Set whether winners stay in the draw (a session's rule). */
void	 event_set_repeat(struct event *, int);

/*
 * The prize the next draw is for: the first one not fully drawn, in table
 * order. Returns its index, or -1 when every prize is drawn.
 */
long	 event_next_prize(struct event *);

/*
 * The prize the next draw is for: the first one not fully drawn that
 * someone eligible is left for. A prize nobody can win now is passed over,
 * not waited on: *blocked is the first such one (or -1). Returns -1 when
 * no prize can be drawn.
 */
long	 event_next_drawable(struct event *, long *);

/* The prize a name stands for, added as history if unknown. */
size_t	 event_prize_by_name(struct event *, const char *);

/*
 * Draw for prize from the stream: a ticket uniform over the eligible tickets
 * in roster order. Returns -1 when nobody is eligible. Changes nothing.
 */
int	 event_pick(struct event *, size_t, struct rng_stream *, struct ev_pick *);

/* Eligible tickets for a prize now. */
uint64_t event_pool_total(struct event *, size_t);

/*
 * Record a draw (from the log or just made); returns the result. The entry
 * is the winner's place in the roster when known, or -1 to look the id up.
 */
struct ev_result *event_add_draw(struct event *, uint64_t, const char *,
	    size_t, const char *, const char *, uint32_t, uint64_t, long);

/* Record forfeit seq of draw draw; returns the forfeited result or NULL. */
struct ev_result *event_add_forfeit(struct event *, uint64_t, uint64_t);

/*
 * Take back the last draw, or the forfeit of draw seq, as if they had never
 * been made: for a write that failed, so that the screen shows nothing the
 * log does not hold.
 */
void	 event_undo_draw(struct event *);
void	 event_undo_forfeit(struct event *, uint64_t);

/* The result of draw seq, or NULL. */
struct ev_result *event_result(struct event *, uint64_t);

/*
 * Apply a record read from the log: a session sets its repeat rule, draws
 * and forfeits count. Ids not in this roster keep their history only.
 */
void	 event_apply_record(struct event *, const struct record *,
	    const struct ledger_session *);

/* Units of prize still to draw. */
uint32_t event_remaining(const struct event *, size_t);

/*
 * People and tickets in the draw now: for prize, or for any prize when
 * prize is -1 (everyone with a ticket who has not won, unless winners
 * stay in, and has not forfeited).
 */
void	 event_in_draw(struct event *, long, size_t *, uint64_t *);

/*
 * The entry holding ticket t of the tickets eligible for prize now
 * (0 <= t < event_pool_total()), counted as event_pick() counts them; -1
 * past the end. The screen's reel rolls through these names only.
 */
long	 event_eligible_entry(struct event *, size_t, uint64_t);

/*
 * Which unit of its prize each result is for, 1-based, into unit[i] for
 * result i: a draw opens the next unit, a replacement takes the unit of
 * the draw it replaces. The screen numbers winners 1, 2, 3 this way.
 */
void	 event_units(struct event *, uint32_t *);

#endif
