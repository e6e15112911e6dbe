/*
 * session.c: the writing run.
 *
 * Where the secrets go (rng.h has the chain): the session record carries
 * only the commitment s_0; the secret x the chain comes down from is kept
 * in PATH.key, written and synced before the session record, so a session
 * on disk always has its secret on disk too. The witness comes in its own
 * record after the session record. Draw k carries s_k in its own record,
 * in the same append: a crash at any point leaves every shown draw
 * verifiable, and no record ever lets anyone compute a draw not yet made.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "session.h"
#include "text.h"

/* No session is longer: its chain is 32 MB, made in about a quarter second. */
#define STEPS_MAX	((uint64_t)1 << 20)

/* What the replay remembers of the last session in the log. */
struct replay {
	struct session		*s;
	struct ledger_session	 last;
	char			 roster[65], digest[65], prizes[65];
	char			*witness;
};

static int
replay_record(void *arg, const struct record *r,
    const struct ledger_session *ls, struct fault *f)
{
	struct replay	*rp = arg;

	(void)f;
	event_apply_record(&rp->s->ev, r, ls);
	rp->last = *ls;
	snprintf(rp->roster, sizeof rp->roster, "%s", ls->roster);
	snprintf(rp->digest, sizeof rp->digest, "%s", ls->digest);
	snprintf(rp->prizes, sizeof rp->prizes, "%s", ls->prizes);
	free(rp->witness);
	rp->witness = xstrdup(ls->witness);
	return 0;
}

/* Say where this run's roster and prizes differ from the last session's. */
static void
note_changes(const struct session *s, const struct replay *rp)
{
	if (rp->last.seq == 0)
		return;
	if (strcmp(rp->roster, s->roster_hex) != 0)
		warn_msg(_("%s differs from the roster recorded in %s (%.12s...); "
		    "the new fingerprint %.12s... is recorded, and people keep "
		    "their history by id"), s->roster->file, s->led.path,
		    rp->roster, s->roster_hex);
	else if (strcmp(rp->digest, s->digest_hex) != 0)
		warn_msg(_("%s is read with other column options than in %s; "
		    "the new reading is recorded"), s->roster->file, s->led.path);
	if (strcmp(rp->prizes, s->prizes_hex) != 0)
	{
		if (strcmp(s->prizes_hex, "none") == 0)
			warn_msg(_("%s recorded a prize table, and this run has "
			    "none; that is recorded"), s->led.path);
		else
			warn_msg(_("the prize table differs from the one "
			    "recorded in %s (%s); the new one is recorded"),
			    s->led.path, s->prizes_hex);
	}
}

/* The path of the file that keeps the session's secret. */
static char *
key_path(const struct session *s)
{
	return xasprintf("%s.key", s->led.path);
}

/*
 * Read the secret of the session committed to commit from PATH.key, and
 * make its chain. Returns 0, or -1 when the file is missing or holds
 * another session's secret.
 */
static int
key_load(struct session *s, const unsigned char commit[32], uint64_t steps)
{
	char		*path = key_path(s), buf[512], chex[65], xhex[65], nstr[21];
	unsigned char	 x[32], c[32];
	struct stat	 st;
	uint64_t	 n = 0;
	ssize_t		 len;
	int		 fd, rc = -1;

	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd == -1) {
		free(path);
		return -1;
	}
	/* Whoever can read the secret can foresee every draw left. */
	if (fstat(fd, &st) == 0 && (st.st_mode & 077) != 0 &&
	    fchmod(fd, 0600) == 0)
		warn_msg(_("%s could be read by others; it is private (0600) "
		    "now. Whoever read it can foresee this session's draws: if "
		    "that may have happened, begin a new session with --commit"),
		    path);
	free(path);
	len = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (len <= 0)
		return -1;
	buf[len] = '\0';
	if (sscanf(buf, "raffle-secret\t2\t%64[0-9a-f]\t%20[0-9]\t%64[0-9a-f]\n",
	    chex, nstr, xhex) != 3 || hex_decode(c, 32, chex) != 0 ||
	    hex_decode(x, 32, xhex) != 0 || parse_u64(nstr, UINT64_MAX, &n) != 0 ||
	    n != steps ||
	    memcmp(c, commit, 32) != 0)
		goto out;
	s->chain = rng_chain_new(x, steps);
	if (memcmp(s->chain[0], commit, 32) != 0) {
		sodium_memzero(s->chain, ((size_t)steps + 1) * 32);
		free(s->chain);
		s->chain = NULL;
		goto out;
	}
	rc = 0;
out:
	sodium_memzero(x, sizeof x);
	sodium_memzero(xhex, sizeof xhex);
	sodium_memzero(buf, sizeof buf);
	return rc;
}

/* Keep the secret x of a session of n steps in PATH.key, synced, 0600. */
static int
key_save(struct session *s, const unsigned char x[32], uint64_t n,
    struct fault *f)
{
	char	*path = key_path(s), *tmp, line[256], chex[65], xhex[65];
	int	 fd, len, rc = -1;

	tmp = xasprintf("%s.tmp-%ld", path, (long)getpid());
	hex_encode(chex, s->commit, 32);
	hex_encode(xhex, x, 32);
	len = snprintf(line, sizeof line, "raffle-secret\t2\t%s\t%llu\t%s\n",
	    chex, (unsigned long long)n, xhex);
	unlink(tmp);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0600);
	if (fd == -1) {
		fault_set(f, EXIT_CANTCREAT, _("%s: cannot create: %s"), tmp,
		    strerror(errno));
		goto out;
	}
	if (write(fd, line, (size_t)len) != len || fsync(fd) == -1) {
		fault_set(f, EXIT_IOERR, _("%s: cannot write: %s"), tmp,
		    strerror(errno));
		close(fd);
		unlink(tmp);
		goto out;
	}
	close(fd);
	if (rename(tmp, path) == -1 || sync_dir(path) == -1) {
		fault_set(f, EXIT_IOERR, _("%s: cannot keep the session's "
		    "secret: %s"), path, strerror(errno));
		unlink(tmp);
		goto out;
	}
	rc = 0;
out:
	sodium_memzero(xhex, sizeof xhex);
	sodium_memzero(line, sizeof line);
	free(tmp);
	free(path);
	return rc;
}

/*
 * Why this run cannot go on with the last session, or NULL when it can (its
 * chain is then loaded). reason has room for a sentence.
 */
static const char *
cannot_take_up(struct session *s, const struct replay *rp, char *reason,
    size_t size)
{
	const struct ledger_session	*ls = &rp->last;

	if (ls->protocol != 2)
		snprintf(reason, size, "%s", _("it was made by raffle 1.0"));
	else if (strcmp(rp->roster, s->roster_hex) != 0)
		snprintf(reason, size, _("it was committed for the roster with "
		    "fingerprint %.16s..., and %s is %.16s..."), rp->roster,
		    s->roster->file, s->roster_hex);
	else if (strcmp(rp->digest, s->digest_hex) != 0)
		snprintf(reason, size, _("it read %s with other column options"),
		    s->roster->file);
	else if (strcmp(rp->prizes, s->prizes_hex) != 0)
		snprintf(reason, size, "%s", strcmp(rp->prizes, "none") == 0 ?
		    _("it was committed without a prize table") :
		    s->prizes == NULL ? _("it was committed for a prize table, "
		    "and this run has none") : _("it was committed for another "
		    "prize table"));
	else if (ls->repeat != s->repeat)
		snprintf(reason, size, "%s", ls->repeat ?
		    _("it was committed with --allow-repeat") :
		    _("it was committed without --allow-repeat"));
	else if (ls->rehearsal != s->rehearsal)
		snprintf(reason, size, "%s", ls->rehearsal ?
		    _("it was a rehearsal") : _("it was not a rehearsal"));
	else if (ls->draws >= ls->steps)
		snprintf(reason, size, _("its %llu steps are used up"),
		    (unsigned long long)ls->steps);
	else if (key_load(s, ls->commit, ls->steps) != 0)
		snprintf(reason, size, _("its secret is not in %s.key (the file "
		    "was removed, or the log was made elsewhere)"), s->led.path);
	else
		return NULL;
	return reason;
}

/* Empty the (locked) log and forget its secret: a rehearsal starts over. */
static int
start_over(struct session *s, struct fault *f)
{
	char	*path = key_path(s);

	unlink(path);
	free(path);
	if (s->led.fd == -1)
		return 0;
	if (ftruncate(s->led.fd, 0) == -1 || fsync(s->led.fd) == -1)
		return fault_set(f, EXIT_IOERR, _("%s: cannot start the rehearsal "
		    "over: %s"), s->led.path, strerror(errno));
	return ledger_find_torn(&s->led, f);
}

int
session_open(struct session *s, struct roster *r, const struct prizes *p,
    const struct session_opts *o, struct fault *f)
{
	struct replay	rp;
	unsigned char	digest[32];
	char		reason[512];
	int		rc = -1;

	memset(s, 0, sizeof *s);
	s->roster = r;
	s->prizes = p;
	s->repeat = o->repeat;
	s->rehearsal = o->rehearsal;
	if (ledger_open(&s->led, o->log, f) != 0)
		return -1;
	if (o->fresh && start_over(s, f) != 0)
		return -1;
	if (event_init(&s->ev, r, p, f) != 0)
		return -1;
	memset(&rp, 0, sizeof rp);
	rp.s = s;
	if (ledger_scan(&s->led, replay_record, &rp, f) != 0 ||
	    ledger_mend(&s->led, f) != 0)
		goto out;
	s->replayed = s->led.nrecords;

	hex_encode(s->roster_hex, r->fingerprint, 32);
	roster_digest(r, digest);
	hex_encode(s->digest_hex, digest, 32);
	if (p != NULL)
		hex_encode(s->prizes_hex, p->fingerprint, 32);
	else
		strcpy(s->prizes_hex, "none");
	event_set_repeat(&s->ev, o->repeat);

	if (rp.last.seq != 0 && !o->commit &&
	    cannot_take_up(s, &rp, reason, sizeof reason) == NULL) {
		s->seq = rp.last.seq;
		memcpy(s->commit, rp.last.commit, 32);
		s->steps = rp.last.steps;
		s->step = rp.last.draws;
		s->witness_seq = rp.last.witness_seq;
		if (s->witness_seq != 0) {
			s->witness = xstrdup(rp.witness);
			rng_witness_hash(s->witness, s->witness_hash);
		}
		s->resumed = 1;
	} else if (rp.last.seq != 0 && !o->commit && rp.last.draws == 0 &&
	    rp.last.protocol == 2) {
		/* A commitment nothing was drawn under may be published. */
		fault_set(f, EXIT_DATA, _("%s:%llu: session %llu has drawn "
		    "nothing yet, and this run cannot draw under its "
		    "commitment: %s. Draw with what it was committed for, or "
		    "begin a new session with --commit and publish the new "
		    "commitment"), s->led.path, (unsigned long long)rp.last.seq,
		    (unsigned long long)rp.last.seq, reason);
		goto out;
	} else
		note_changes(s, &rp);
	rc = 0;
out:
	free(rp.witness);
	return rc;
}

/*
 * Steps for a new session: twice the draws it is meant for, so that as
 * many no-shows can be replaced, and 16 more. A run that asks for want
 * draws means that many (0: all the prizes; without a prize table, everyone
 * who holds a ticket).
 */
static uint64_t
plan_steps(const struct session *s, uint64_t want)
{
	uint64_t	q = 0;
	size_t		i;

	if (s->prizes != NULL)
		for (i = 0; i < s->prizes->n; i++)
			q += s->prizes->rows[i].quantity;
	else
		q = s->roster->eligible;
	if (want != 0 && want < q)
		q = want;
	if (q > (STEPS_MAX - 16) / 2)
		return STEPS_MAX;
	return 2 * q + 16;
}

int
session_commit(struct session *s, uint64_t want, struct fault *f)
{
	struct ledger_batch	 b;
	unsigned char		 x[32];
	char			 hex[65];
	uint64_t		 steps = plan_steps(s, want), seq;

	rng_secret_new(x);
	if (s->chain != NULL) {
		sodium_memzero(s->chain, ((size_t)s->steps + 1) * 32);
		free(s->chain);
	}
	s->chain = rng_chain_new(x, steps);
	memcpy(s->commit, s->chain[0], 32);
	s->steps = steps;
	s->step = 0;
	s->seq = 0;
	s->witness_seq = 0;
	free(s->witness);
	s->witness = NULL;
	s->resumed = 0;
	if (key_save(s, x, steps, f) != 0) {
		sodium_memzero(x, sizeof x);
		return -1;
	}
	sodium_memzero(x, sizeof x);

	ledger_batch_init(&b, &s->led);
	seq = ledger_rec_begin(&b, REC_SESSION);
	ledger_rec_add(&b, "version", RAFFLE_VERSION);
	ledger_rec_add(&b, "protocol", "2");
	if (s->rehearsal)
		ledger_rec_add(&b, "rehearsal", "yes");
	ledger_rec_add(&b, "roster", s->roster_hex);
	ledger_rec_add(&b, "digest", s->digest_hex);
	ledger_rec_addu(&b, "entries", s->roster->n);
	ledger_rec_addu(&b, "tickets", s->roster->tickets);
	ledger_rec_add(&b, "prizes", s->prizes_hex);
	ledger_rec_add(&b, "repeat", s->repeat ? "yes" : "no");
	ledger_rec_addu(&b, "steps", steps);
	hex_encode(hex, s->commit, 32);
	ledger_rec_add(&b, "commit", hex);
	ledger_rec_end(&b);
	if (ledger_append(&s->led, &b, f) != 0) {
		ledger_batch_free(&b);
		return -1;
	}
	ledger_batch_free(&b);
	s->seq = seq;
	return 0;
}

int
session_continues(const struct session *s, char *buf, size_t size)
{
	char	draws[64], records[64];

	if (s->replayed == 0)
		return 0;
	snprintf(draws, sizeof draws, ngettext("%zu draw", "%zu draws",
	    s->ev.nresults), s->ev.nresults);
	snprintf(records, sizeof records, ngettext("%llu record",
	    "%llu records", s->replayed), (unsigned long long)s->replayed);
	/* TRANSLATORS: raffle.log: continues an existing log of 2 draws
	 * (4 records), in the same session */
	snprintf(buf, size, _("%s: continues an existing log of %s (%s), %s"),
	    s->led.path, draws, records, s->resumed ? _("in the same session") :
	    _("in a new session"));
	return 1;
}

int
session_needs_witness(const struct session *s)
{
	return s->seq != 0 && s->witness_seq == 0;
}

int
session_check_witness(const struct session *s, struct fault *f)
{
	if (s->seq == 0)
		return fault_set(f, EXIT_USAGE, _("the witness comes after the "
		    "commitment: begin the session first"));
	if (s->witness_seq != 0)
		return fault_set(f, EXIT_USAGE, s->step > 0 ?
		    _("%s: session %llu has its witness already (record %llu) "
		    "and has drawn; a witness cannot be changed") :
		    _("%s: session %llu has its witness already (record %llu); "
		    "a witness cannot be changed"), s->led.path,
		    (unsigned long long)s->seq,
		    (unsigned long long)s->witness_seq);
	return 0;
}

int
session_witness(struct session *s, const char *text, struct fault *f)
{
	struct ledger_batch	 b;
	char			*folded;
	uint64_t		 seq;

	if (session_check_witness(s, f) != 0)
		return -1;
	folded = xstrdup(text);
	folded[text_fold(folded, strlen(folded))] = '\0';
	ledger_batch_init(&b, &s->led);
	seq = ledger_rec_begin(&b, REC_WITNESS);
	ledger_rec_add(&b, "text", folded);
	ledger_rec_end(&b);
	if (ledger_append(&s->led, &b, f) != 0) {
		ledger_batch_free(&b);
		free(folded);
		return -1;
	}
	ledger_batch_free(&b);
	s->witness_seq = seq;
	s->witness = folded;
	rng_witness_hash(folded, s->witness_hash);
	return 0;
}

/* What a draw record says. */
struct draw_rec {
	const char	*prize, *id, *name;
	uint32_t	 tickets;
	uint64_t	 pool, ticket, replaces, step;
	const unsigned char *secret;
};

/* Add the record of one draw to the batch. */
static void
draw_rec_write(struct ledger_batch *b, const struct draw_rec *d)
{
	char	hex[65];

	ledger_rec_begin(b, REC_DRAW);
	ledger_rec_add(b, "prize", d->prize);
	ledger_rec_add(b, "id", d->id);
	ledger_rec_add(b, "name", d->name);
	ledger_rec_addu(b, "tickets", d->tickets);
	ledger_rec_addu(b, "pool", d->pool);
	ledger_rec_addu(b, "ticket", d->ticket);
	if (d->replaces != 0)
		ledger_rec_addu(b, "replaces", d->replaces);
	ledger_rec_addu(b, "step", d->step);
	hex_encode(hex, d->secret, 32);
	ledger_rec_add(b, "secret", hex);
	ledger_rec_end(b);
}

/*
 * Draw one winner for prize into the batch and the event, with the next
 * step of the chain. Returns 0, or -1 when nobody is eligible (and nothing
 * was added).
 */
static int
draw_one(struct session *s, struct ledger_batch *b, size_t prize,
    uint64_t replaces)
{
	struct rng_stream	 rs;
	struct ev_pick		 pick;
	struct draw_rec		 d;
	const struct entry	*e;
	uint64_t		 seq, k = s->step + 1;

	rng_stream_init(&rs, s->chain[k], s->witness_hash);
	if (event_pick(&s->ev, prize, &rs, &pick) != 0) {
		rng_stream_free(&rs);
		return -1;
	}
	rng_stream_free(&rs);
	seq = b->next_seq;
	e = &s->roster->entries[pick.entry];
	d.prize = s->ev.prizes[prize].name;
	d.id = roster_id(s->roster, pick.entry);
	d.name = roster_name(s->roster, pick.entry);
	d.tickets = e->weight;
	d.pool = pick.pool;
	d.ticket = pick.ticket;
	d.replaces = replaces;
	d.step = k;
	d.secret = s->chain[k];
	draw_rec_write(b, &d);
	event_add_draw(&s->ev, seq, b->stamp, prize, d.id, d.name, e->weight,
	    replaces, (long)pick.entry);
	s->step = k;
	return 0;
}

/* Whether the session may draw: begun, witnessed, the log writable. */
static int
ready(struct session *s, struct fault *f)
{
	if (s->led.broken)
		return fault_set(f, EXIT_IOERR, _("%s: an earlier write failed; "
		    "restart raffle to go on"), s->led.path);
	if (s->seq == 0 || s->witness_seq == 0)
		return fault_set(f, EXIT_SOFTWARE, _("a draw before the session "
		    "and its witness were recorded"));
	return 0;
}

/* The next prize to draw, or -1 with the stop filled: all drawn, or nobody left. */
static long
next_prize(struct session *s, struct draw_stop *stop)
{
	long	prize, blocked;

	stop->why = STOP_NONE;
	stop->prize = -1;
	if ((prize = event_next_drawable(&s->ev, &blocked)) < 0) {
		stop->why = blocked < 0 ? STOP_PRIZES : STOP_PEOPLE;
		stop->prize = blocked;
	}
	return prize;
}

long
session_draw(struct session *s, size_t n, struct draw_stop *stop,
    struct fault *f)
{
	struct ledger_batch	b;
	size_t			drawn = 0, base;
	uint64_t		step = s->step;
	long			prize;

	stop->why = STOP_NONE;
	if (ready(s, f) != 0)
		return -1;
	base = s->ev.nresults;
	ledger_batch_init(&b, &s->led);
	while (drawn < n) {
		if ((prize = next_prize(s, stop)) < 0)
			break;
		if (s->step == s->steps) {
			stop->why = STOP_STEPS;
			break;
		}
		if (draw_one(s, &b, (size_t)prize, 0) != 0)
			break;	/* cannot happen: the prize was drawable */
		drawn++;
	}
	if (ledger_append(&s->led, &b, f) != 0) {
		/* Nothing was awarded: the event forgets the batch too. */
		while (s->ev.nresults > base)
			event_undo_draw(&s->ev);
		s->step = step;
		ledger_batch_free(&b);
		return -1;
	}
	ledger_batch_free(&b);
	return (long)drawn;
}

int
session_check_forfeit(struct session *s, uint64_t seq, struct fault *f)
{
	struct ev_result	*res;

	if ((res = event_result(&s->ev, seq)) == NULL)
		return fault_set(f, EXIT_USAGE, _("%s: record %llu is not a draw; "
		    "--print lists the draws"), s->led.path,
		    (unsigned long long)seq);
	if (res->forfeit != 0)
		return fault_set(f, EXIT_USAGE, _("%s: draw %llu was forfeited "
		    "already (record %llu)"), s->led.path,
		    (unsigned long long)seq, (unsigned long long)res->forfeit);
	return 0;
}

int
session_can_draw(struct session *s, struct draw_stop *stop)
{
	return next_prize(s, stop) >= 0;
}

int
session_forfeit(struct session *s, uint64_t seq, struct draw_stop *stop,
    struct fault *f)
{
	struct ledger_batch	 b;
	struct ev_result	*res;
	size_t			 prize;
	uint64_t		 step = s->step;
	int			 replaced = 0;

	stop->why = STOP_NONE;
	stop->prize = -1;
	if (ready(s, f) != 0 || session_check_forfeit(s, seq, f) != 0)
		return -1;
	res = event_result(&s->ev, seq);
	prize = res->prize;
	/* The replacement needs a step: without one, forfeit nothing yet. */
	if (!s->ev.prizes[prize].history && s->step == s->steps) {
		stop->why = STOP_STEPS;
		return 0;
	}
	ledger_batch_init(&b, &s->led);
	ledger_rec_begin(&b, REC_FORFEIT);
	ledger_rec_addu(&b, "draw", seq);
	ledger_rec_add(&b, "id", res->id);
	ledger_rec_add(&b, "name", res->name);
	ledger_rec_end(&b);
	event_add_forfeit(&s->ev, b.next_seq - 1, seq);
	/* A prize the table no longer has room in is not drawn again. */
	if (s->ev.prizes[prize].history || event_remaining(&s->ev, prize) == 0)
		stop->why = STOP_PRIZES;
	else if (draw_one(s, &b, prize, seq) != 0) {
		stop->why = STOP_PEOPLE;
		stop->prize = (long)prize;
	} else
		replaced = 1;
	if (ledger_append(&s->led, &b, f) != 0) {
		if (replaced)
			event_undo_draw(&s->ev);
		event_undo_forfeit(&s->ev, seq);
		s->step = step;
		ledger_batch_free(&b);
		return -1;
	}
	ledger_batch_free(&b);
	return replaced;
}

/* A record of the watched log: the event, and what its session says. */
static int
watch_record(void *arg, const struct record *r,
    const struct ledger_session *ls, struct fault *f)
{
	struct session	*s = arg;

	(void)f;
	event_apply_record(&s->ev, r, ls);
	s->seq = ls->seq;
	memcpy(s->commit, ls->commit, 32);
	s->steps = ls->steps;
	s->step = ls->draws;
	s->repeat = ls->repeat;
	s->rehearsal = ls->rehearsal;
	if (s->witness_seq != ls->witness_seq || r->kind == REC_SESSION) {
		s->witness_seq = ls->witness_seq;
		free(s->witness);
		s->witness = s->witness_seq != 0 ? xstrdup(ls->witness) : NULL;
	}
	return 0;
}

int
session_watch(struct session *s, struct roster *r, const struct prizes *p,
    const char *path, struct fault *f)
{
	memset(s, 0, sizeof *s);
	s->roster = r;
	s->prizes = p;
	s->follow_prizes = p;
	s->led.fd = -1;
	s->led.lockfd = -1;
	s->led.path = xstrdup(path);
	if (event_init(&s->ev, r, p, f) != 0)
		return -1;
	s->follow = ledger_follow_open(path);
	return 0;
}

int
session_watch_read(struct session *s, struct fault *f)
{
	const struct ledger	*l;
	int			 rc;

	rc = ledger_follow_read(s->follow, watch_record, s, f);
	if (rc == LEDGER_RESTART) {
		/* Another log now: forget this one and read that from its start. */
		event_free(&s->ev);
		if (event_init(&s->ev, s->roster, s->follow_prizes, f) != 0)
			return -1;
		s->seq = s->step = s->steps = s->witness_seq = 0;
		free(s->witness);
		s->witness = NULL;
		memset(s->commit, 0, sizeof s->commit);
		if (ledger_follow_read(s->follow, watch_record, s, f) < 0)
			return -1;
		rc = 1;
	}
	l = ledger_follow_ledger(s->follow);
	s->led.nrecords = l->nrecords;
	memcpy(s->led.head, l->head, 32);
	return rc;
}

int
session_watch_fd(const struct session *s)
{
	return ledger_follow_fd(s->follow);
}

void
session_close(struct session *s)
{
	if (s->chain != NULL) {
		sodium_memzero(s->chain, ((size_t)s->steps + 1) * 32);
		free(s->chain);
	}
	event_free(&s->ev);
	ledger_close(&s->led);
	ledger_follow_close(s->follow);
	free(s->witness);
	memset(s, 0, sizeof *s);
}
