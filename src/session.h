/*
 * session.h: a run that writes. It holds the log's locks for its whole life,
 * replays the log into the event, goes on with the last session when it can
 * or commits to a new one, records the witness, and turns each draw or
 * forfeit into records that are on disk before anyone sees them. The
 * command line and the screen both draw through here.
 *
 * A session's secret is kept in PATH.key (mode 0600) next to the log, so
 * that a commitment made days ahead (--commit) is drawn under at the event,
 * and a run that is stopped and started again goes on where it was.
 */
#ifndef RAFFLE_SESSION_H
#define RAFFLE_SESSION_H

#include "event.h"
#include "ledger.h"
#include "prizes.h"
#include "rng.h"
#include "roster.h"

struct session_opts {
	const char	*log;		/* path of the log */
	int		 repeat;	/* --allow-repeat */
	int		 rehearsal;	/* --rehearsal: the session says so */
	int		 commit;	/* --commit: a new session, whatever is there */
	int		 fresh;		/* empty the log first (a rehearsal's) */
};

/* Why a draw stopped short of what was asked. */
enum draw_stop_why {
	STOP_NONE,
	STOP_PRIZES,		/* every prize is drawn */
	STOP_PEOPLE,		/* nobody eligible for the next prize */
	STOP_STEPS		/* the session's chain is used up */
};

struct draw_stop {
	enum draw_stop_why	 why;
	long			 prize;	/* STOP_PEOPLE: the prize nobody is left for */
};

struct session {
	struct ledger		 led;
	struct event		 ev;
	struct roster		*roster;
	const struct prizes	*prizes;
	uint64_t		 replayed;	/* records in the log at the start */
	int			 repeat, rehearsal;
	char			 roster_hex[65], digest_hex[65], prizes_hex[65];

	/* The session drawn under; seq 0 until one is begun or taken up. */
	uint64_t		 seq;
	unsigned char		 commit[32];
	uint64_t		 steps;		/* the chain's length */
	uint64_t		 step;		/* draws made in it */
	unsigned char		(*chain)[32];	/* chain[k], k = 0 .. steps */
	uint64_t		 witness_seq;	/* its record; 0 = none yet */
	char			*witness;	/* its text, once recorded */
	unsigned char		 witness_hash[32];
	int			 resumed;	/* taken up from an earlier run */

	/* A session that only watches (--follow): the log as read. */
	struct ledger_follow	*follow;
	const struct prizes	*follow_prizes;
};

/*
 * Open the log (locked), replay it, make its end whole, and take up the
 * last session if this run may go on with it (the same roster, prizes and
 * rules, its secret at hand, steps left). A session that has drawn nothing
 * but no longer matches (a commitment that may have been published) is
 * refused with exit 65, unless o->commit. Nothing is recorded yet: a run
 * that finds nothing to do leaves the log as it was.
 */
int	 session_open(struct session *, struct roster *, const struct prizes *,
	    const struct session_opts *, struct fault *);

/*
 * Begin a new session: a fresh secret, its chain of steps (at least
 * min_steps, see session.c), the secret saved in PATH.key, and the session
 * record with the commitment appended.
 */
int	 session_commit(struct session *, uint64_t, struct fault *);

/*
 * Say into buf that this run continues a log that held records when it
 * was opened, with its draws and records. Returns 0 when the log was new.
 */
int	 session_continues(const struct session *, char *, size_t);

/* Whether the session is begun but has no witness record yet. */
int	 session_needs_witness(const struct session *);

/*
 * Whether a witness can be recorded now: 0, or -1 (exit 64) when no
 * session is begun or it has its witness already.
 */
int	 session_check_witness(const struct session *, struct fault *);

/*
 * Record the witness (UTF-8; folded as names are; "" for none) in its own
 * record. Exit 64 if the session has one already or has drawn.
 */
int	 session_witness(struct session *, const char *, struct fault *);

/* Whether a draw can be made now; if not, the stop says why. */
int	 session_can_draw(struct session *, struct draw_stop *);

/* Whether draw seq can be forfeited: it is a draw, not forfeited yet. */
int	 session_check_forfeit(struct session *, uint64_t, struct fault *);

/*
 * Draw up to n winners for the next prizes, in one durable append. Returns
 * how many were drawn (their results are the last ones in ev.results), or
 * -1 with the fault filled when the log could not be written; the stop
 * says why fewer than n were drawn.
 */
long	 session_draw(struct session *, size_t, struct draw_stop *,
	    struct fault *);

/*
 * Forfeit draw seq and draw its replacement for the same prize, in one
 * durable append. Returns 1 with a replacement, 0 without one (the stop
 * says why), -1 on failure.
 */
int	 session_forfeit(struct session *, uint64_t, struct draw_stop *,
	    struct fault *);

/*
 * Watch the log another run writes, read-only, for the audience's screen:
 * the event, the last session's commitment, step and witness follow the
 * records as they come. Nothing is locked or written.
 */
int	 session_watch(struct session *, struct roster *, const struct prizes *,
	    const char *, struct fault *);

/*
 * Take what the log gained: 1 when records came, 0 when none did, -1 with
 * the fault for damage. A log replaced or cut short is read again from its
 * start, and 1 is returned (the caller shows the state anew).
 */
int	 session_watch_read(struct session *, struct fault *);

/* The descriptor to wait on for the watched log's changes, or -1: poll. */
int	 session_watch_fd(const struct session *);

/* Close the log and forget the secret. */
void	 session_close(struct session *);

#endif
