/*
 * verify.c: --verify: the chain, the rules, and every winner recomputed.
 *
 * With several rosters or prize tables (a roster edited between sessions),
 * there is one event per pair of them, and every record is applied to all:
 * each is the state a writing run with that pair would have rebuilt from
 * the log. A draw is recomputed in the event of the pair its session
 * recorded, through event_pick(), as session.c drew it.
 */
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "ledger.h"
#include "text.h"
#include "verify.h"

/* A draw's winner: its id and, after the id's NUL, its name. */
struct drawn {
	uint64_t	 seq;
	char		*who;
};

/* A roster and a prize table (or none), and the event they make. */
struct pair {
	struct roster		*roster;
	const struct prizes	*prizes;
	struct event		 ev;
	char			 roster_hex[65], digest_hex[65], prizes_hex[65];
	int			 used;		/* a session drew with it */
};

struct check {
	const struct verify_opts *o;
	struct ledger		*led;
	struct pair		*pairs;
	size_t			 npairs;
	long			 cur;		/* the session's pair; -1 none */
	char			 why[512];	/* why none, said at its first draw */
	uint64_t		 sessions, draws, forfeits, recomputed;
	uint64_t		 v2draws, rehearsals;
	uint64_t		 head_seq;	/* --expect-head */
	const char		*head_hex;
	int			 head_found;
	unsigned char		 head_hash[32];
	size_t			 commit_len;	/* --expect-commit */
	uint64_t		 commit_seq, commit_draws, other_draws;
	uint64_t		 cur_seq;
	struct drawn		*drawn;		/* every draw's winner, by seq */
	size_t			 ndrawn, capdrawn;
};

/* Whether hash begins with the hex digits given, in either case. */
static int
hash_begins(const unsigned char hash[32], const char *hex)
{
	char	full[65];
	size_t	i;

	hex_encode(full, hash, 32);
	for (i = 0; hex[i] != '\0'; i++) {
		char	ch = hex[i];

		if (ch >= 'A' && ch <= 'F')
			ch = (char)(ch - 'A' + 'a');
		if (full[i] != ch)
			return 0;
	}
	return 1;
}

/* Find the pair a session drew with, or say why there is none. */
static void
check_session(struct check *c, const struct ledger_session *ls)
{
	size_t	i;
	int	roster_seen = 0, digest_seen = 0;

	c->cur = -1;
	for (i = 0; i < c->npairs; i++) {
		struct pair	*p = &c->pairs[i];

		if (strcmp(ls->roster, p->roster_hex) != 0)
			continue;
		roster_seen = 1;
		if (strcmp(ls->digest, p->digest_hex) != 0)
			continue;
		digest_seen = 1;
		if (strcmp(ls->prizes, p->prizes_hex) == 0 &&
		    ls->entries == p->roster->n &&
		    ls->tickets == p->roster->tickets) {
			c->cur = (long)i;
			return;
		}
		if (strcmp(ls->prizes, p->prizes_hex) == 0) {
			snprintf(c->why, sizeof c->why, _("session %llu says its "
			    "roster has %llu people and %llu tickets, but %s read "
			    "as given has %zu and %llu"),
			    (unsigned long long)ls->seq,
			    (unsigned long long)ls->entries,
			    (unsigned long long)ls->tickets, p->roster->file,
			    p->roster->n, (unsigned long long)p->roster->tickets);
			return;
		}
	}
	if (!roster_seen)
		snprintf(c->why, sizeof c->why, "session %llu drew from the "
		    "roster with fingerprint %.16s..., which no -i names; give "
		    "the roster it used", (unsigned long long)ls->seq,
		    ls->roster);
	else if (!digest_seen)
		snprintf(c->why, sizeof c->why, "session %llu read its roster "
		    "with other options; give the same --id-column, "
		    "--weight-column and --group-column as then",
		    (unsigned long long)ls->seq);
	else
		snprintf(c->why, sizeof c->why, "session %llu drew with prize "
		    "table %s, which no -p names; give the one it used with -p",
		    (unsigned long long)ls->seq, strcmp(ls->prizes, "none") == 0 ?
		    "none (so give no -p)" : ls->prizes);
}

/* The prize a draw record must be for, or -1 when none is due. */
static long
due_prize(struct event *ev, const struct record *r)
{
	struct ev_result	*old;
	const char		*v;
	uint64_t		 replaces = 0;
	long			 blocked;

	if ((v = record_get(r, "replaces")) == NULL)
		return event_next_drawable(ev, &blocked);
	parse_u64(v, UINT64_MAX, &replaces);
	old = event_result(ev, replaces);
	return old != NULL && event_remaining(ev, old->prize) > 0 &&
	    !ev->prizes[old->prize].history ? (long)old->prize : -1;
}

/* Draw again from the session's secret and compare with the record. */
static int
check_draw(struct check *c, const struct record *r,
    const struct ledger_session *ls, struct fault *f)
{
	struct pair		*p;
	struct event		*ev;
	struct rng_stream	 rs;
	struct ev_pick		 pick;
	const char		*prize = record_get(r, "prize");
	const char		*path = c->led->path;
	unsigned long long	 seq = (unsigned long long)r->seq;
	unsigned char		 witness[32], secret[32];
	uint64_t		 pool = 0, ticket = 0, tickets = 0;
	long			 want;
	int			 rc;

	if (c->cur < 0)
		return fault_set(f, EXIT_DATA, "%s:%llu: %s", path, seq, c->why);
	p = &c->pairs[c->cur];
	ev = &p->ev;
	p->used = 1;
	want = due_prize(ev, r);
	if (want < 0)
		return fault_set(f, EXIT_DATA, _("%s:%llu: a draw for '%s' where "
		    "no prize was due"), path, seq, prize);
	if (strcmp(ev->prizes[want].name, prize) != 0)
		return fault_set(f, EXIT_DATA, _("%s:%llu: a draw for '%s' where "
		    "'%s' was due"), path, seq, prize, ev->prizes[want].name);
	rng_witness_hash(ls->witness, witness);
	if (ls->protocol == 2) {
		hex_decode(secret, 32, record_get(r, "secret"));
		rng_stream_init(&rs, secret, witness);
	} else
		rng_stream_init_v1(&rs, ls->seed, witness, r->seq);
	rc = event_pick(ev, (size_t)want, &rs, &pick);
	rng_stream_free(&rs);
	parse_u64(record_get(r, "pool"), UINT64_MAX, &pool);
	parse_u64(record_get(r, "ticket"), UINT64_MAX, &ticket);
	parse_u64(record_get(r, "tickets"), UINT64_MAX, &tickets);
	if (rc != 0)
		return fault_set(f, EXIT_DATA, _("%s:%llu: nobody was eligible "
		    "for '%s', yet the log has a winner"), path, seq, prize);
	if (pick.pool != pool || pick.ticket != ticket ||
	    strcmp(roster_id(p->roster, pick.entry), record_get(r, "id")) != 0)
		return fault_set(f, EXIT_DATA, _("%s:%llu: the winner does not "
		    "follow from the session's secret: it gives '%s' (ticket %llu "
		    "of %llu), the log says '%s' (ticket %llu of %llu)"), path,
		    seq, roster_id(p->roster, pick.entry),
		    (unsigned long long)pick.ticket,
		    (unsigned long long)pick.pool, record_get(r, "id"),
		    (unsigned long long)ticket, (unsigned long long)pool);
	if (strcmp(roster_name(p->roster, pick.entry),
	    record_get(r, "name")) != 0)
		return fault_set(f, EXIT_DATA, _("%s:%llu: the winner '%s' is "
		    "named '%s' in the roster, not '%s' as the log says"), path,
		    seq, record_get(r, "id"), roster_name(p->roster, pick.entry),
		    record_get(r, "name"));
	if (tickets != p->roster->entries[pick.entry].weight)
		return fault_set(f, EXIT_DATA, ngettext("%s:%llu: the winner "
		    "'%s' holds %u ticket in the roster, not %llu as the log "
		    "says", "%s:%llu: the winner '%s' holds %u tickets in the "
		    "roster, not %llu as the log says",
		    p->roster->entries[pick.entry].weight), path,
		    seq, record_get(r, "id"),
		    p->roster->entries[pick.entry].weight,
		    (unsigned long long)tickets);
	c->recomputed++;
	return 0;
}

/* Remember a draw's winner, for the forfeit that may name it. */
static void
keep_draw(struct check *c, const struct record *r)
{
	struct drawn	*d;

	if (c->ndrawn == c->capdrawn) {
		c->capdrawn = c->capdrawn ? c->capdrawn * 2 : 64;
		c->drawn = xreallocarray(c->drawn, c->capdrawn,
		    sizeof *c->drawn);
	}
	d = &c->drawn[c->ndrawn++];
	d->seq = r->seq;
	d->who = xasprintf("%s%c%s", record_get(r, "id"), '\0',
	    record_get(r, "name"));
}

/* A forfeit names the draw it forfeits as the log recorded it. */
static int
check_forfeit(struct check *c, const struct record *r, struct fault *f)
{
	const char	*id, *name;
	uint64_t	 n = 0;
	size_t		 lo = 0, hi = c->ndrawn, mid;

	parse_u64(record_get(r, "draw"), UINT64_MAX, &n);
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (c->drawn[mid].seq < n)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* The ledger checked that n is a draw. */
	id = c->drawn[lo].who;
	name = id + strlen(id) + 1;
	if (strcmp(id, record_get(r, "id")) != 0 ||
	    strcmp(name, record_get(r, "name")) != 0)
		return fault_set(f, EXIT_DATA, _("%s:%llu: the forfeit names '%s' "
		    "(%s), but draw %llu was won by '%s' (%s)"), c->led->path,
		    (unsigned long long)r->seq, record_get(r, "name"),
		    record_get(r, "id"), (unsigned long long)n, name, id);
	return 0;
}

static int
check_record(void *arg, const struct record *r,
    const struct ledger_session *ls, struct fault *f)
{
	struct check	*c = arg;
	size_t		 i;

	if (c->head_hex != NULL && r->seq == c->head_seq) {
		memcpy(c->head_hash, r->hash, 32);
		c->head_found = 1;
	}
	switch (r->kind) {
	case REC_SESSION:
		c->sessions++;
		c->rehearsals += ls->rehearsal != 0;
		c->cur_seq = r->seq;
		if (c->commit_len > 0 && c->commit_seq == 0 &&
		    hash_begins(ls->commit, c->o->expect_commit))
			c->commit_seq = r->seq;
		if (c->npairs > 0)
			check_session(c, ls);
		break;
	case REC_DRAW:
		c->draws++;
		c->v2draws += ls->protocol == 2;
		if (c->commit_seq != 0 && c->commit_seq == c->cur_seq)
			c->commit_draws++;
		else
			c->other_draws++;
		if (c->npairs > 0 && check_draw(c, r, ls, f) != 0)
			return -1;
		keep_draw(c, r);
		break;
	case REC_FORFEIT:
		c->forfeits++;
		if (check_forfeit(c, r, f) != 0)
			return -1;
		break;
	case REC_WITNESS:
	case REC_REVEAL:
		break;
	}
	for (i = 0; i < c->npairs; i++)
		event_apply_record(&c->pairs[i].ev, r, ls);
	return 0;
}

/* Whether s is n hex digits, min <= n <= 64. */
static int
is_hex_prefix(const char *s, size_t min)
{
	size_t	n = strlen(s);

	return n >= min && n <= 64 && strspn(s, "0123456789abcdefABCDEF") == n;
}

/* Parse "SEQ:HEX" for --expect-head. */
static int
parse_expect(struct check *c, const char *s, struct fault *f)
{
	const char	*colon = strchr(s, ':');
	char		 num[32];

	if (colon == NULL || (size_t)(colon - s) >= sizeof num)
		goto bad;
	memcpy(num, s, (size_t)(colon - s));
	num[colon - s] = '\0';
	if (parse_u64(num, UINT64_MAX, &c->head_seq) != 0 || c->head_seq == 0 ||
	    !is_hex_prefix(colon + 1, 1))
		goto bad;
	c->head_hex = colon + 1;
	return 0;
bad:
	return fault_set(f, EXIT_USAGE, _("--expect-head '%s': write SEQ:HEX, "
	    "the record number and the first hex digits of its hash as the "
	    "screen showed them"), s);
}

/* Make an event for every roster with every prize table (or none). */
static int
pairs_init(struct check *c, struct fault *f)
{
	const struct verify_opts	*o = c->o;
	size_t				 i, j, np = o->nprizes + 1;
	unsigned char			 d[32];

	/* Each prize table given, and none: sessions may draw without one. */
	c->pairs = xcalloc(o->nrosters * np, sizeof *c->pairs);
	for (i = 0; i < o->nrosters; i++)
		for (j = 0; j < np; j++) {
			struct pair	*p = &c->pairs[c->npairs];

			p->roster = o->rosters[i];
			p->prizes = j < o->nprizes ? o->prizes[j] : NULL;
			if (event_init(&p->ev, p->roster, p->prizes, f) != 0) {
				event_free(&p->ev);
				return -1;
			}
			c->npairs++;
			hex_encode(p->roster_hex, p->roster->fingerprint, 32);
			roster_digest(p->roster, d);
			hex_encode(p->digest_hex, d, 32);
			if (p->prizes != NULL)
				hex_encode(p->prizes_hex, p->prizes->fingerprint,
				    32);
			else
				strcpy(p->prizes_hex, "none");
		}
	return 0;
}

/* Whether a session drew with roster r. */
static int
roster_used(const struct check *c, const struct roster *r)
{
	size_t	i;

	for (i = 0; i < c->npairs; i++)
		if (c->pairs[i].roster == r && c->pairs[i].used)
			return 1;
	return 0;
}

/*
 * The summary's labels: its values stand after the widest, whichever lines
 * a log has.
 */
enum { S_LOG, S_RECORDS, S_CHAIN, S_SECRETS, S_ROSTER, S_WINNERS, S_COMMIT,
	S_EXPECTED, S_HEAD };
static const char *const summary_label[] = { N_("log:"), N_("records:"),
	N_("chain:"), N_("secrets:"), N_("roster:"), N_("winners:"),
	N_("commit:"), N_("expected:"), N_("head:"), NULL };

/* The summary, once everything holds. */
static void
summary(const struct check *c, const struct ledger *led, FILE *out)
{
	struct text_rows	 t = { 0 };
	char			 hex[65], sessions[64], draws[64], forfeits[64];
	char			 other[64];
	char			*names;
	size_t			 i, k, len, used = 0;

	text_row(&t, _(summary_label[S_LOG]), "%s\n", led->path);
	snprintf(sessions, sizeof sessions, ngettext("%llu session",
	    "%llu sessions", c->sessions), (unsigned long long)c->sessions);
	snprintf(draws, sizeof draws, ngettext("%llu draw", "%llu draws",
	    c->draws), (unsigned long long)c->draws);
	snprintf(forfeits, sizeof forfeits, ngettext("%llu forfeit",
	    "%llu forfeits", c->forfeits), (unsigned long long)c->forfeits);
	/* TRANSLATORS: 12 (1 session, 10 draws, 1 forfeit) */
	text_row(&t, _(summary_label[S_RECORDS]), _("%llu (%s, %s, %s)\n"),
	    (unsigned long long)led->nrecords, sessions, draws, forfeits);
	text_row(&t, _(summary_label[S_CHAIN]), "%s\n", _("every hash holds"));
	if (c->v2draws > 0)
		text_row(&t, _(summary_label[S_SECRETS]), "%s\n", _("every draw's secret "
		    "follows from its session's commitment"));
	if (c->rehearsals > 0 && c->rehearsals == c->sessions)
		text_row(&t, NULL, "%s\n", _("REHEARSAL: practice only, not the "
		    "real draw"));
	else if (c->rehearsals > 0)
		text_row(&t, NULL, _("REHEARSAL: %llu of the %llu sessions are "
		    "practice, not the real draw\n"),
		    (unsigned long long)c->rehearsals,
		    (unsigned long long)c->sessions);
	if (c->npairs > 0) {
		/* Each roster once: those some session drew with. */
		for (i = 0, len = 1; i < c->o->nrosters; i++) {
			used += roster_used(c, c->o->rosters[i]);
			len += strlen(c->o->rosters[i]->file) + 2;
		}
		names = xmalloc(len);
		for (i = 0, k = 0, len = 0; i < c->o->nrosters; i++) {
			const char	*file = c->o->rosters[i]->file;

			if (used != 0 && !roster_used(c, c->o->rosters[i]))
				continue;
			if (k++ > 0) {
				memcpy(names + len, ", ", 2);
				len += 2;
			}
			memcpy(names + len, file, strlen(file));
			len += strlen(file);
		}
		names[len] = '\0';
		text_row(&t, _(summary_label[S_ROSTER]), "%s %s\n", names, used > 1 ?
		    _("(each session with its own)") :
		    _("matches every session that drew"));
		free(names);
		text_row(&t, _(summary_label[S_WINNERS]), _("%llu of %llu recomputed from the "
		    "sessions' secrets\n"), (unsigned long long)c->recomputed,
		    (unsigned long long)c->draws);
	}
	if (c->commit_seq != 0) {
		snprintf(draws, sizeof draws, ngettext("%llu draw",
		    "%llu draws", c->commit_draws),
		    (unsigned long long)c->commit_draws);
		snprintf(other, sizeof other, ngettext("%llu draw",
		    "%llu draws", c->other_draws),
		    (unsigned long long)c->other_draws);
		text_row(&t, _(summary_label[S_COMMIT]), _("session %llu committed to %s, as "
		    "expected; %s under it, %s under other sessions\n"),
		    (unsigned long long)c->commit_seq, c->o->expect_commit,
		    draws, other);
	}
	if (c->head_hex != NULL)
		text_row(&t, _(summary_label[S_EXPECTED]), _("record %llu begins %s, as "
		    "expected\n"), (unsigned long long)c->head_seq,
		    c->head_hex);
	hex_encode(hex, led->head, 32);
	if (led->nrecords > 0)
		text_row(&t, _(summary_label[S_HEAD]), "#%llu %s\n",
		    (unsigned long long)led->nrecords, hex);
	else
		text_row(&t, _(summary_label[S_HEAD]), "%s\n", _("none (the log is empty)"));
	text_rows_print(&t, out, summary_label, 1);
}

int
verify_run(const struct verify_opts *o, FILE *out, struct fault *f)
{
	struct ledger	led;
	struct check	c;
	char		hex[65];
	size_t		i;
	int		rc = -1;

	memset(&c, 0, sizeof c);
	c.o = o;
	c.led = &led;
	c.cur = -1;
	if (o->expect_head != NULL && parse_expect(&c, o->expect_head, f) != 0)
		return -1;
	if (o->expect_commit != NULL) {
		if (!is_hex_prefix(o->expect_commit, 8))
			return fault_set(f, EXIT_USAGE, _("--expect-commit '%s': "
			    "give the commitment as published, at least its "
			    "first 8 hex digits"), o->expect_commit);
		c.commit_len = strlen(o->expect_commit);
	}
	if (ledger_read(&led, o->log, f) != 0) {
		ledger_close(&led);
		return -1;
	}
	if (o->nrosters > 0 && pairs_init(&c, f) != 0)
		goto out;
	if (ledger_scan(&led, check_record, &c, f) != 0)
		goto out;
	if (led.torn > 0)
		warn_msg(_("%s:%lu: warning: torn last record (%zu bytes, no "
		    "newline at the end), not counted; a writing run moves it "
		    "aside"), led.path, led.torn_line, led.torn);
	if (led.unended)
		warn_msg(_("%s:%llu: warning: the last record has no newline at "
		    "its end; it is whole, and a writing run adds the newline"),
		    led.path, (unsigned long long)led.nrecords);
	if (c.head_hex != NULL && !c.head_found) {
		fault_set(f, EXIT_DATA, _("%s: there is no record %llu; the log "
		    "ends at record %llu"), led.path,
		    (unsigned long long)c.head_seq,
		    (unsigned long long)led.nrecords);
		goto out;
	}
	if (c.head_hex != NULL && !hash_begins(c.head_hash, c.head_hex)) {
		hex_encode(hex, c.head_hash, 32);
		fault_set(f, EXIT_DATA, _("%s:%llu: the hash begins %.*s, not %s: "
		    "this is not the log that was photographed"), led.path,
		    (unsigned long long)c.head_seq, (int)strlen(c.head_hex),
		    hex, c.head_hex);
		goto out;
	}
	if (c.commit_len > 0 && c.commit_seq == 0) {
		fault_set(f, EXIT_DATA, _("%s: no session committed to %s: these "
		    "draws were not made under the commitment published"),
		    led.path, o->expect_commit);
		goto out;
	}
	summary(&c, &led, out);
	rc = 0;
out:
	for (i = 0; i < c.npairs; i++)
		event_free(&c.pairs[i].ev);
	free(c.pairs);
	for (i = 0; i < c.ndrawn; i++)
		free(c.drawn[i].who);
	free(c.drawn);
	ledger_close(&led);
	return rc;
}
