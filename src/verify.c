/* verify.c: --verify: the chain, the rules, and every winner recomputed. */
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "ledger.h"
#include "verify.h"

struct check {
	struct rng_key		 key;		/* of session key_seq */
	struct event		 ev;
	const struct verify_opts *o;
	struct ledger		*led;
	const char		*head_hex;
	uint64_t		 sessions, draws, forfeits, recomputed;
	uint64_t		 head_seq;	/* --expect-head */
	uint64_t		 key_seq;
	int			 recompute;
	int			 head_found;
	unsigned char		 head_hash[32];
	char			 roster_hex[65], digest_hex[65], prizes_hex[65];
};

static int
check_session(struct check *c, const struct record *r,
    const struct ledger_session *ls, struct fault *f)
{
	if (strcmp(ls->roster, c->roster_hex) != 0)
		return fault_set(f, EXIT_DATA, "%s:%llu: this session drew from "
		    "roster %.16s..., but %s is %.16s...; give the roster it "
		    "used", c->led->path, (unsigned long long)r->seq,
		    ls->roster, c->o->roster->file, c->roster_hex);
	if (strcmp(ls->digest, c->digest_hex) != 0)
		return fault_set(f, EXIT_DATA, "%s:%llu: %s is the roster this "
		    "session used, read with other options; give the same "
		    "--id-column, --weight-column and --group-column as then",
		    c->led->path, (unsigned long long)r->seq,
		    c->o->roster->file);
	if (strcmp(ls->prizes, c->prizes_hex) != 0)
		return fault_set(f, EXIT_DATA, "%s:%llu: this session drew with "
		    "prize table %s, not %s; give the one it used with -p",
		    c->led->path, (unsigned long long)r->seq,
		    strcmp(ls->prizes, "none") == 0 ? "none" : ls->prizes,
		    c->o->prizes != NULL ? c->o->prizes->file : "none");
	return 0;
}

/* Draw again from the revealed seed and compare with what the log says. */
static int
check_draw(struct check *c, const struct record *r,
    const struct ledger_session *ls, struct fault *f)
{
	struct rng_stream	 rs;
	struct ev_pick		 pick;
	struct ev_result	*old;
	const char		*v, *prize = record_get(r, "prize");
	uint64_t		 replaces = 0, pool = 0, ticket = 0, tickets = 0;
	long			 want, blocked;
	int			 rc;

	if ((v = record_get(r, "replaces")) != NULL) {
		parse_u64(v, UINT64_MAX, &replaces);
		old = event_result(&c->ev, replaces);
		want = old != NULL && event_remaining(&c->ev, old->prize) > 0 &&
		    !c->ev.prizes[old->prize].history ? (long)old->prize : -1;
	} else
		want = event_next_drawable(&c->ev, &blocked);
	if (want < 0 || strcmp(c->ev.prizes[want].name, prize) != 0)
		return fault_set(f, EXIT_DATA, "%s:%llu: a draw for '%s' where "
		    "%s%s%s was due", c->led->path, (unsigned long long)r->seq,
		    prize, want < 0 ? "no prize" : "'",
		    want < 0 ? "" : c->ev.prizes[want].name, want < 0 ? "" : "'");
	if (c->key_seq != ls->seq) {
		rng_key_init(&c->key, ls->seed, ls->witness);
		c->key_seq = ls->seq;
	}
	rng_stream_init(&rs, &c->key, r->seq);
	rc = event_pick(&c->ev, (size_t)want, &rs, &pick);
	rng_stream_free(&rs);
	parse_u64(record_get(r, "pool"), UINT64_MAX, &pool);
	parse_u64(record_get(r, "ticket"), UINT64_MAX, &ticket);
	if (rc != 0)
		return fault_set(f, EXIT_DATA, "%s:%llu: nobody was eligible "
		    "for '%s', yet the log has a winner", c->led->path,
		    (unsigned long long)r->seq, prize);
	if (pick.pool != pool || pick.ticket != ticket ||
	    strcmp(roster_id(c->o->roster, pick.entry), record_get(r, "id")) != 0)
		return fault_set(f, EXIT_DATA, "%s:%llu: the winner does not "
		    "follow from the seed: it gives '%s' (ticket %llu of %llu), "
		    "the log says '%s' (ticket %llu of %llu)", c->led->path,
		    (unsigned long long)r->seq,
		    roster_id(c->o->roster, pick.entry),
		    (unsigned long long)pick.ticket,
		    (unsigned long long)pick.pool, record_get(r, "id"),
		    (unsigned long long)ticket, (unsigned long long)pool);
	if (strcmp(roster_name(c->o->roster, pick.entry),
	    record_get(r, "name")) != 0)
		return fault_set(f, EXIT_DATA, "%s:%llu: the winner '%s' is "
		    "named '%s' in the roster, not '%s' as the log says",
		    c->led->path, (unsigned long long)r->seq,
		    record_get(r, "id"), roster_name(c->o->roster, pick.entry),
		    record_get(r, "name"));
	parse_u64(record_get(r, "tickets"), UINT64_MAX, &tickets);
	if (tickets != c->o->roster->entries[pick.entry].weight)
		return fault_set(f, EXIT_DATA, "%s:%llu: the winner '%s' holds "
		    "%u tickets in the roster, not %llu as the log says",
		    c->led->path, (unsigned long long)r->seq,
		    record_get(r, "id"),
		    c->o->roster->entries[pick.entry].weight,
		    (unsigned long long)tickets);
	c->recomputed++;
	return 0;
}

/* A forfeit names the draw it forfeits as the log recorded it. */
static int
check_forfeit(struct check *c, const struct record *r, struct fault *f)
{
	const struct ev_result	*res;
	uint64_t		 n = 0;

	parse_u64(record_get(r, "draw"), UINT64_MAX, &n);
	if ((res = event_result(&c->ev, n)) == NULL)
		return fault_set(f, EXIT_DATA, "%s:%llu: forfeit of record "
		    "%llu, which is not a draw", c->led->path,
		    (unsigned long long)r->seq, (unsigned long long)n);
	if (strcmp(res->id, record_get(r, "id")) != 0 ||
	    strcmp(res->name, record_get(r, "name")) != 0)
		return fault_set(f, EXIT_DATA, "%s:%llu: the forfeit names '%s' "
		    "(%s), but draw %llu was won by '%s' (%s)", c->led->path,
		    (unsigned long long)r->seq, record_get(r, "name"),
		    record_get(r, "id"), (unsigned long long)n, res->name,
		    res->id);
	return 0;
}

static int
check_record(void *arg, const struct record *r,
    const struct ledger_session *ls, struct fault *f)
{
	struct check	*c = arg;

	if (c->head_hex != NULL && r->seq == c->head_seq) {
		memcpy(c->head_hash, r->hash, 32);
		c->head_found = 1;
	}
	switch (r->kind) {
	case REC_SESSION:
		c->sessions++;
		if (c->recompute && check_session(c, r, ls, f) != 0)
			return -1;
		break;
	case REC_DRAW:
		c->draws++;
		if (c->recompute && check_draw(c, r, ls, f) != 0)
			return -1;
		break;
	case REC_FORFEIT:
		c->forfeits++;
		if (c->recompute && check_forfeit(c, r, f) != 0)
			return -1;
		break;
	case REC_WITNESS:
	case REC_REVEAL:
		break;
	}
	if (c->recompute)
		event_apply_record(&c->ev, r, ls);
	return 0;
}

/* Parse "SEQ:HEX" for --expect-head. */
static int
parse_expect(struct check *c, const char *s, struct fault *f)
{
	const char	*colon = strchr(s, ':');
	char		 num[32];
	size_t		 i, n;

	if (colon == NULL || (size_t)(colon - s) >= sizeof num)
		goto bad;
	memcpy(num, s, (size_t)(colon - s));
	num[colon - s] = '\0';
	if (parse_u64(num, UINT64_MAX, &c->head_seq) != 0 || c->head_seq == 0)
		goto bad;
	c->head_hex = colon + 1;
	n = strlen(c->head_hex);
	if (n == 0 || n > 64)
		goto bad;
	for (i = 0; i < n; i++)
		if (strchr("0123456789abcdefABCDEF", c->head_hex[i]) == NULL)
			goto bad;
	return 0;
bad:
	return fault_set(f, EXIT_USAGE, "--expect-head '%s': write SEQ:HEX, "
	    "the record number and the first hex digits of its hash as the "
	    "screen showed them", s);
}

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

int
verify_run(const struct verify_opts *o, FILE *out, struct fault *f)
{
	struct ledger	led;
	struct check	c;
	char		hex[65];
	int		rc = -1;

	memset(&c, 0, sizeof c);
	c.o = o;
	c.led = &led;
	if (o->expect_head != NULL && parse_expect(&c, o->expect_head, f) != 0)
		return -1;
	if (ledger_read(&led, o->log, f) != 0) {
		ledger_close(&led);
		return -1;
	}
	if (o->roster != NULL) {
		unsigned char	d[32];

		c.recompute = 1;
		if (event_init(&c.ev, o->roster, o->prizes, f) != 0)
			goto out;
		hex_encode(c.roster_hex, o->roster->fingerprint, 32);
		roster_digest(o->roster, d);
		hex_encode(c.digest_hex, d, 32);
		if (o->prizes != NULL)
			hex_encode(c.prizes_hex, o->prizes->fingerprint, 32);
		else
			strcpy(c.prizes_hex, "none");
	}
	if (ledger_scan(&led, check_record, &c, f) != 0)
		goto out;
	if (led.torn > 0)
		warn_msg("%s:%lu: warning: torn last record (%zu bytes, no "
		    "newline at the end), not counted; a writing run moves it "
		    "aside", led.path, led.torn_line, led.torn);
	if (c.head_hex != NULL && !c.head_found) {
		fault_set(f, EXIT_DATA, "%s: there is no record %llu; the log "
		    "ends at record %llu", led.path,
		    (unsigned long long)c.head_seq,
		    (unsigned long long)led.nrecords);
		goto out;
	}
	if (c.head_hex != NULL && !hash_begins(c.head_hash, c.head_hex)) {
		hex_encode(hex, c.head_hash, 32);
		fault_set(f, EXIT_DATA, "%s:%llu: the hash begins %.*s, not %s: "
		    "this is not the log that was photographed", led.path,
		    (unsigned long long)c.head_seq, (int)strlen(c.head_hex),
		    hex, c.head_hex);
		goto out;
	}
	fprintf(out, "log:      %s\n", led.path);
	fprintf(out, "records:  %llu (%llu sessions, %llu draws, %llu "
	    "forfeits)\n", (unsigned long long)led.nrecords,
	    (unsigned long long)c.sessions, (unsigned long long)c.draws,
	    (unsigned long long)c.forfeits);
	fprintf(out, "chain:    every hash holds\n");
	if (o->roster != NULL) {
		fprintf(out, "roster:   %s matches every session\n",
		    o->roster->file);
		fprintf(out, "winners:  %llu of %llu recomputed from the "
		    "sessions' seeds\n", (unsigned long long)c.recomputed,
		    (unsigned long long)c.draws);
	}
	if (c.head_hex != NULL)
		fprintf(out, "expected: record %llu begins %s, as expected\n",
		    (unsigned long long)c.head_seq, c.head_hex);
	hex_encode(hex, led.head, 32);
	if (led.nrecords > 0)
		fprintf(out, "head:     #%llu %s\n",
		    (unsigned long long)led.nrecords, hex);
	else
		fprintf(out, "head:     none (the log is empty)\n");
	rc = 0;
out:
	if (c.recompute)
		event_free(&c.ev);
	ledger_close(&led);
	return rc;
}
