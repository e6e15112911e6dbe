/*
 * session.h: a run that writes. It holds the log's lock for its whole life,
 * replays the log into the event, commits to a fresh seed, and turns each
 * draw or forfeit into records that are on disk before anyone sees them.
 * The command line and the screen both draw through here.
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
	const char	*witness;	/* NULL: none */
	int		 repeat;	/* --allow-repeat */
};

enum draw_stop {
	STOP_NONE,
	STOP_PRIZES,		/* every prize is drawn */
	STOP_PEOPLE		/* nobody eligible for the next prize */
};

struct session {
	struct ledger		 led;
	struct event		 ev;
	struct roster		*roster;
	const struct prizes	*prizes;
	unsigned char		 seed[RNG_SEED_BYTES];
	unsigned char		 commit[32];
	struct rng_key		 key;		/* seed and witness, for draws */
	char			*witness;
	int			 seeded;	/* seed and commit are made */
	int			 revealed;	/* the seed is in the log */
	uint64_t		 seq;		/* of this session's record */
	uint64_t		 replayed;	/* records in the log at the start */
	int			 repeat;
	char			 roster_hex[65], digest_hex[65], prizes_hex[65];
	enum draw_stop		 stop;		/* why the last draw stopped */
	long			 stop_prize;
};

/*
 * Open the log (locked), replay it and move a torn tail aside. Nothing is
 * recorded yet: a run that finds nothing to do leaves the log as it was.
 */
int	 session_open(struct session *, struct roster *, const struct prizes *,
	    const struct session_opts *, struct fault *);

/* Take the session's fresh seed, in memory only (once). */
void	 session_seed(struct session *);

/* Record the session with its commitment (taking the seed if need be). */
int	 session_begin(struct session *, struct fault *);

/* Whether a draw can be made now; if not, s->stop says why. */
int	 session_can_draw(struct session *);

/* Whether draw seq can be forfeited: it is a draw, not forfeited yet. */
int	 session_check_forfeit(struct session *, uint64_t, struct fault *);

/*
 * Draw up to n winners for the next prizes, in one durable append. Returns
 * how many were drawn (their results are the last ones in ev.results), or
 * -1 with the fault filled when the log could not be written; s->stop says
 * why fewer than n were drawn.
 */
long	 session_draw(struct session *, size_t, struct fault *);

/*
 * Forfeit draw seq and draw its replacement for the same prize, in one
 * durable append. Returns 1 with a replacement, 0 without one (s->stop
 * says why), -1 on failure.
 */
int	 session_forfeit(struct session *, uint64_t, struct fault *);

void	 session_close(struct session *);

#endif
