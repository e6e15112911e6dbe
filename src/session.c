/*
 * session.c: the writing run.
 *
 * Where the seed goes: the session record carries only the commitment,
 * BLAKE2b-256(seed); the seed itself is written in a reveal record in the
 * same append as the session's first draw, and fsync'ed with it. So a
 * crash before that append leaves a session with no draws and nothing to
 * verify, and a crash after it leaves every shown draw verifiable. Until the
 * first draw nobody, the operator included, can read the seed from the log
 * and foresee a winner; once it is there, the witness is fixed already.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "session.h"
#include "text.h"

struct replay {
	struct session		*s;
	struct ledger_session	 last;		/* the last session record's */
	char			 roster[65], digest[65], prizes[65];
	int			 seen;
};

static int
replay_record(void *arg, const struct record *r,
    const struct ledger_session *ls, struct fault *f)
{
	struct replay	*rp = arg;

	(void)f;
	event_apply_record(&rp->s->ev, r, ls);
	if (r->kind == REC_SESSION) {
		snprintf(rp->roster, sizeof rp->roster, "%s", ls->roster);
		snprintf(rp->digest, sizeof rp->digest, "%s", ls->digest);
		snprintf(rp->prizes, sizeof rp->prizes, "%s", ls->prizes);
		rp->seen = 1;
	}
	return 0;
}

/* Say where this run's roster and prizes differ from the last session's. */
static void
note_changes(const struct session *s, const struct replay *rp,
    const char *roster, const char *digest, const char *prizes)
{
	if (!rp->seen)
		return;
	if (strcmp(rp->roster, roster) != 0)
		warn_msg("%s differs from the roster recorded in %s (%.12s...); "
		    "the new fingerprint %.12s... is recorded, and people keep "
		    "their history by id", s->roster->file, s->led.path,
		    rp->roster, roster);
	else if (strcmp(rp->digest, digest) != 0)
		warn_msg("%s is read with other column options than in %s; "
		    "the new reading is recorded", s->roster->file, s->led.path);
	if (strcmp(rp->prizes, prizes) != 0)
		warn_msg("the prize table differs from the one recorded in %s "
		    "(%s); the new one is recorded", s->led.path,
		    strcmp(prizes, "none") == 0 ? "now none" : prizes);
}

int
session_open(struct session *s, struct roster *r, const struct prizes *p,
    const struct session_opts *o, struct fault *f)
{
	struct replay		rp;
	unsigned char		digest[32];
	size_t			len;

	memset(s, 0, sizeof *s);
	s->roster = r;
	s->prizes = p;
	s->stop_prize = -1;
	if (ledger_open(&s->led, o->log, f) != 0)
		return -1;
	if (event_init(&s->ev, r, p, f) != 0)
		return -1;
	memset(&rp, 0, sizeof rp);
	rp.s = s;
	if (ledger_scan(&s->led, replay_record, &rp, f) != 0)
		return -1;
	s->replayed = s->led.nrecords;
	if (ledger_mend(&s->led, f) != 0)
		return -1;

	hex_encode(s->roster_hex, r->fingerprint, 32);
	roster_digest(r, digest);
	hex_encode(s->digest_hex, digest, 32);
	if (p != NULL)
		hex_encode(s->prizes_hex, p->fingerprint, 32);
	else
		strcpy(s->prizes_hex, "none");
	note_changes(s, &rp, s->roster_hex, s->digest_hex, s->prizes_hex);
	s->repeat = o->repeat;
	event_set_repeat(&s->ev, o->repeat);
	s->witness = xstrdup(o->witness != NULL ? o->witness : "");
	len = text_fold(s->witness, strlen(s->witness));
	s->witness[len] = '\0';
	return 0;
}

void
session_seed(struct session *s)
{
	if (s->seeded)
		return;
	rng_seed_new(s->seed);
	rng_commit(s->seed, s->commit);
	rng_key_init(&s->key, s->seed, s->witness);
	s->seeded = 1;
}

int
session_begin(struct session *s, struct fault *f)
{
	struct ledger_batch	b;
	char			commit_hex[65];

	session_seed(s);
	hex_encode(commit_hex, s->commit, 32);

	ledger_batch_init(&b, &s->led);
	s->seq = ledger_rec_begin(&b, REC_SESSION);
	ledger_rec_add(&b, "version", RAFFLE_VERSION);
	ledger_rec_add(&b, "roster", s->roster_hex);
	ledger_rec_add(&b, "digest", s->digest_hex);
	ledger_rec_addu(&b, "entries", s->roster->n);
	ledger_rec_addu(&b, "tickets", s->roster->tickets);
	ledger_rec_add(&b, "prizes", s->prizes_hex);
	ledger_rec_add(&b, "commit", commit_hex);
	ledger_rec_add(&b, "repeat", s->repeat ? "yes" : "no");
	ledger_rec_add(&b, "witness", s->witness);
	ledger_rec_end(&b);
	if (ledger_append(&s->led, &b, f) != 0) {
		ledger_batch_free(&b);
		return -1;
	}
	ledger_batch_free(&b);
	return 0;
}

/* The seed goes into the log with the session's first draw. */
static void
reveal_once(struct session *s, struct ledger_batch *b, int *revealing)
{
	char	hex[65];

	if (s->revealed || *revealing)
		return;
	hex_encode(hex, s->seed, 32);
	ledger_rec_begin(b, REC_REVEAL);
	ledger_rec_add(b, "seed", hex);
	ledger_rec_end(b);
	sodium_memzero(hex, sizeof hex);
	*revealing = 1;
}

/* What a draw record says. */
struct draw_rec {
	const char	*prize, *id, *name;
	uint32_t	 tickets;
	uint64_t	 pool, ticket, replaces;
};

/* Add the record of one draw to the batch. */
static void
draw_rec_write(struct ledger_batch *b, const struct draw_rec *d)
{
	ledger_rec_begin(b, REC_DRAW);
	ledger_rec_add(b, "prize", d->prize);
	ledger_rec_add(b, "id", d->id);
	ledger_rec_add(b, "name", d->name);
	ledger_rec_addu(b, "tickets", d->tickets);
	ledger_rec_addu(b, "pool", d->pool);
	ledger_rec_addu(b, "ticket", d->ticket);
	if (d->replaces != 0)
		ledger_rec_addu(b, "replaces", d->replaces);
	ledger_rec_end(b);
}

/*
 * Draw one winner for prize into the batch and the event. Returns 0, or -1
 * when nobody is eligible (and nothing was added).
 */
static int
draw_one(struct session *s, struct ledger_batch *b, size_t prize,
    uint64_t replaces, int *revealing)
{
	struct rng_stream	 rs;
	struct ev_pick		 pick;
	struct draw_rec		 d;
	const struct entry	*e;
	uint64_t		 seq;

	if (event_pool_total(&s->ev, prize) == 0)
		return -1;
	reveal_once(s, b, revealing);
	seq = b->next_seq;
	rng_stream_init(&rs, &s->key, seq);
	if (event_pick(&s->ev, prize, &rs, &pick) != 0) {
		rng_stream_free(&rs);
		return -1;
	}
	rng_stream_free(&rs);
	e = &s->roster->entries[pick.entry];
	d.prize = s->ev.prizes[prize].name;
	d.id = roster_id(s->roster, pick.entry);
	d.name = roster_name(s->roster, pick.entry);
	d.tickets = e->weight;
	d.pool = pick.pool;
	d.ticket = pick.ticket;
	d.replaces = replaces;
	draw_rec_write(b, &d);
	event_add_draw(&s->ev, seq, b->stamp, prize,
	    roster_id(s->roster, pick.entry), roster_name(s->roster, pick.entry),
	    e->weight, replaces, (long)pick.entry);
	return 0;
}

/* Append the batch; after a failure this session writes nothing more. */
static int
commit_batch(struct session *s, struct ledger_batch *b, int revealing,
    struct fault *f)
{
	int	rc;

	rc = ledger_append(&s->led, b, f);
	if (rc == 0 && revealing)
		s->revealed = 1;
	ledger_batch_free(b);
	return rc;
}

long
session_draw(struct session *s, size_t n, struct fault *f)
{
	struct ledger_batch	b;
	size_t			drawn = 0, base;
	long			prize, blocked;
	int			revealing = 0;

	if (s->led.broken)
		return fault_set(f, EXIT_IOERR, "%s: an earlier write failed; "
		    "restart raffle to go on", s->led.path);
	if (s->seq == 0)
		return fault_set(f, EXIT_IOERR, "no session begun");
	s->stop = STOP_NONE;
	base = s->ev.nresults;
	ledger_batch_init(&b, &s->led);
	while (drawn < n) {
		if ((prize = event_next_drawable(&s->ev, &blocked)) < 0) {
			s->stop = blocked < 0 ? STOP_PRIZES : STOP_PEOPLE;
			s->stop_prize = blocked;
			break;
		}
		if (draw_one(s, &b, (size_t)prize, 0, &revealing) != 0)
			break;	/* cannot happen: the prize was drawable */
		drawn++;
	}
	if (commit_batch(s, &b, revealing, f) != 0) {
		/* Nothing was awarded: the event forgets the batch too. */
		while (s->ev.nresults > base)
			event_undo_draw(&s->ev);
		return -1;
	}
	return (long)drawn;
}

int
session_check_forfeit(struct session *s, uint64_t seq, struct fault *f)
{
	struct ev_result	*res;

	if ((res = event_result(&s->ev, seq)) == NULL)
		return fault_set(f, EXIT_USAGE, "%s: record %llu is not a draw; "
		    "--print lists the draws", s->led.path,
		    (unsigned long long)seq);
	if (res->forfeit != 0)
		return fault_set(f, EXIT_USAGE, "%s: draw %llu was forfeited "
		    "already (record %llu)", s->led.path,
		    (unsigned long long)seq, (unsigned long long)res->forfeit);
	return 0;
}

int
session_can_draw(struct session *s)
{
	long	blocked;

	s->stop = STOP_NONE;
	if (event_next_drawable(&s->ev, &blocked) < 0) {
		s->stop = blocked < 0 ? STOP_PRIZES : STOP_PEOPLE;
		s->stop_prize = blocked;
	}
	return s->stop == STOP_NONE;
}

int
session_forfeit(struct session *s, uint64_t seq, struct fault *f)
{
	struct ledger_batch	 b;
	struct ev_result	*res;
	size_t			 prize;
	int			 revealing = 0, replaced = 0;

	if (s->led.broken)
		return fault_set(f, EXIT_IOERR, "%s: an earlier write failed; "
		    "restart raffle to go on", s->led.path);
	if (session_check_forfeit(s, seq, f) != 0)
		return -1;
	if (s->seq == 0)
		return fault_set(f, EXIT_IOERR, "no session begun");
	res = event_result(&s->ev, seq);
	s->stop = STOP_NONE;
	prize = res->prize;
	ledger_batch_init(&b, &s->led);
	ledger_rec_begin(&b, REC_FORFEIT);
	ledger_rec_addu(&b, "draw", seq);
	ledger_rec_add(&b, "id", res->id);
	ledger_rec_add(&b, "name", res->name);
	ledger_rec_end(&b);
	event_add_forfeit(&s->ev, b.next_seq - 1, seq);
	if (s->ev.prizes[prize].history)
		s->stop = STOP_PRIZES;
	else if (draw_one(s, &b, prize, seq, &revealing) != 0) {
		s->stop = STOP_PEOPLE;
		s->stop_prize = (long)prize;
	} else
		replaced = 1;
	if (commit_batch(s, &b, revealing, f) != 0) {
		if (replaced)
			event_undo_draw(&s->ev);
		event_undo_forfeit(&s->ev, seq);
		return -1;
	}
	return replaced;
}

void
session_close(struct session *s)
{
	sodium_memzero(s->seed, sizeof s->seed);
	sodium_memzero(&s->key, sizeof s->key);
	event_free(&s->ev);
	ledger_close(&s->led);
	free(s->witness);
}
