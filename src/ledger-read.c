/*
 * ledger-read.c: reading the log and checking it, record by record.
 *
 * Each line is checked for its place (the sequence number), its bytes (no
 * control character, valid UTF-8), its hash, its syntax, and the rules of
 * its session: a session record first, then (protocol 2) its witness, then
 * draws whose secrets continue the session's hash chain, and forfeits of
 * draws not forfeited yet. What the records mean for the raffle is for
 * event.c; this file only says whether the log can be trusted.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "ledger.h"
#include "text.h"

static const char *const kind_names[] = { "session", "witness", "reveal",
	"draw", "forfeit" };

#define NKINDS	(sizeof kind_names / sizeof kind_names[0])

const char *
record_kind_name(enum rec_kind k)
{
	return kind_names[k];
}

const char *
record_get(const struct record *r, const char *key)
{
	size_t	i;

	for (i = 0; i < r->nkv; i++)
		if (r->key[i][0] == key[0] && strcmp(r->key[i], key) == 0)
			return r->val[i];
	return NULL;
}

/* Read exactly len bytes at off; -1 with errno on failure or a short file. */
static int
read_at(int fd, char *buf, size_t len, off_t off)
{
	ssize_t	n;

	while (len > 0) {
		n = pread(fd, buf, len, off);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO;	/* the file shrank under us */
			return -1;
		}
		buf += n;
		len -= (size_t)n;
		off += n;
	}
	return 0;
}

/*
 * Split the file into whole records and a torn tail: a last line without
 * its newline, or zero bytes at the end (what a crash or a full disk leaves
 * on some file systems). Read backwards from the end, a block at a time;
 * the records themselves are read by ledger_scan().
 */
int
ledger_find_torn(struct ledger *l, struct fault *f)
{
	struct stat	st;
	char		buf[1 << 16];
	size_t		end, start, k, total;
	int		zeros = 1;

	if (fstat(l->fd, &st) == -1)
		return fault_set(f, EXIT_IOERR, "%s: %s", l->path, strerror(errno));
	total = (size_t)st.st_size;
	l->dev = st.st_dev;
	l->ino = st.st_ino;
	l->size = 0;
	for (end = total; end > 0; end = start) {
		start = end > sizeof buf ? end - sizeof buf : 0;
		if (read_at(l->fd, buf, end - start, (off_t)start) == -1)
			return fault_set(f, EXIT_IOERR, _("%s: cannot read: %s"),
			    l->path, strerror(errno));
		for (k = end - start; k > 0; k--) {
			if (zeros && buf[k - 1] == '\0')
				continue;
			zeros = 0;
			if (buf[k - 1] == '\n') {
				l->size = start + k;
				goto found;
			}
		}
	}
found:
	l->torn = total - l->size;
	return 0;
}

int
ledger_read(struct ledger *l, const char *path, struct fault *f)
{
	struct stat	st;

	memset(l, 0, sizeof *l);
	l->lockfd = -1;
	l->path = xstrdup(path);
	/* Not blocking: a FIFO named as the log must not hang the reader. */
	if ((l->fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1)
		return fault_set(f, EXIT_NOINPUT, _("%s: cannot open: %s"), path,
		    strerror(errno));
	if (fstat(l->fd, &st) == -1)
		return fault_set(f, EXIT_NOINPUT, "%s: %s", path,
		    strerror(errno));
	if (!S_ISREG(st.st_mode))
		return fault_set(f, EXIT_NOINPUT, _("%s: %s; name the log file"),
		    path, S_ISDIR(st.st_mode) ? _("is a directory") :
		    S_ISFIFO(st.st_mode) ? _("is a FIFO, not a file") :
		    _("is not a regular file"));
	return ledger_find_torn(l, f);
}

/* The state a scan carries from record to record. */
struct ledger_scan {
	struct ledger		*l;
	struct ledger_session	 sess;
	char			*strings[4];	/* owned copies for sess */
	unsigned char		*drawn;		/* per seq: 1 drawn, 2 forfeited,
						   3 forfeited and replaced */
	size_t			 ndrawn;
	uint64_t		 line;
	struct fault		*f;
	char			*buf;		/* the line being cut apart */
	size_t			 bufcap;
	int			 chained;	/* the last line's hash held */
};

/* Fail the scan at the current line. */
static int __attribute__((format(printf, 2, 3)))
bad(struct ledger_scan *sc, const char *fmt, ...)
{
	char	msg[512];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return fault_set(sc->f, EXIT_DATA, "%s:%llu: %s", sc->l->path,
	    (unsigned long long)sc->line, msg);
}

static int
is_hex(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return s[n] == '\0';
}

/* Fetch a key that must be there, and (when hexlen) be that much hex. */
static const char *
need(struct ledger_scan *sc, const struct record *r, const char *key, size_t hexlen)
{
	const char	*v = record_get(r, key);

	if (v == NULL) {
		bad(sc, _("the record has no '%s'"), key);
		return NULL;
	}
	if (hexlen > 0 && !is_hex(v, hexlen)) {
		bad(sc, _("'%s' is not a hex hash"), key);
		return NULL;
	}
	return v;
}

static int
need_number(struct ledger_scan *sc, const struct record *r, const char *key,
    uint64_t *out)
{
	const char	*v;

	if ((v = need(sc, r, key, 0)) == NULL)
		return -1;
	if (parse_u64(v, UINT64_MAX, out) != 0)
		return bad(sc, _("'%s' is not a whole number"), key);
	return 0;
}

static void
keep(struct ledger_scan *sc, int slot, const char **dst, const char *src)
{
	free(sc->strings[slot]);
	sc->strings[slot] = xstrdup(src);
	*dst = sc->strings[slot];
}

/* A session record: what it commits to, under which protocol. */
static int
scan_session(struct ledger_scan *sc, const struct record *r)
{
	struct ledger_session	*s = &sc->sess;
	const char		*v, *c;
	uint64_t		 n;

	if (need(sc, r, "version", 0) == NULL ||
	    need(sc, r, "roster", 64) == NULL ||
	    need(sc, r, "digest", 64) == NULL ||
	    (c = need(sc, r, "commit", 64)) == NULL ||
	    (v = need(sc, r, "prizes", 0)) == NULL ||
	    need_number(sc, r, "entries", &s->entries) != 0 ||
	    need_number(sc, r, "tickets", &s->tickets) != 0)
		return -1;
	if (strcmp(v, "none") != 0 && !is_hex(v, 64))
		return bad(sc, _("'%s' is neither a hex hash nor none"), "prizes");
	if ((v = need(sc, r, "repeat", 0)) == NULL)
		return -1;
	if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0)
		return bad(sc, _("'%s' is neither yes nor no"), "repeat");
	s->repeat = strcmp(v, "yes") == 0;
	s->protocol = 1;
	if ((v = record_get(r, "protocol")) != NULL) {
		if (strcmp(v, "2") != 0)
			return bad(sc, _("protocol %s is not one this raffle knows; "
			    "a newer raffle wrote it"), v);
		s->protocol = 2;
	}
	s->rehearsal = (v = record_get(r, "rehearsal")) != NULL &&
	    strcmp(v, "yes") == 0;
	if (s->protocol == 1) {
		/* The witness was part of the session record then. */
		if ((v = need(sc, r, "witness", 0)) == NULL)
			return -1;
		keep(sc, 0, &s->witness, v);
		s->steps = 0;
	} else {
		if (need_number(sc, r, "steps", &n) != 0)
			return -1;
		if (n == 0)
			return bad(sc, _("a session of 0 steps can draw nothing"));
		s->steps = n;
		keep(sc, 0, &s->witness, "");
	}
	keep(sc, 1, &s->roster, record_get(r, "roster"));
	keep(sc, 2, &s->digest, record_get(r, "digest"));
	keep(sc, 3, &s->prizes, record_get(r, "prizes"));
	hex_decode(s->commit, 32, c);
	memcpy(s->chain, s->commit, 32);
	s->seq = r->seq;
	s->revealed = 0;
	s->witness_seq = 0;
	s->draws = 0;
	return 0;
}

/* A draw's protocol 2 secret: the next value down the session's chain. */
static int
scan_step(struct ledger_scan *sc, const struct record *r)
{
	struct ledger_session	*s = &sc->sess;
	const char		*v;
	unsigned char		 secret[32], up[32];
	uint64_t		 step;

	if (s->witness_seq == 0)
		return bad(sc, _("a draw before its session's witness record"));
	if (need_number(sc, r, "step", &step) != 0 ||
	    (v = need(sc, r, "secret", 64)) == NULL)
		return -1;
	if (step != s->draws + 1)
		return bad(sc, _("step %llu where step %llu was due"),
		    (unsigned long long)step,
		    (unsigned long long)s->draws + 1);
	if (step > s->steps)
		return bad(sc, _("step %llu is past the session's %llu"),
		    (unsigned long long)step, (unsigned long long)s->steps);
	hex_decode(secret, 32, v);
	crypto_generichash(up, 32, secret, 32, NULL, 0);
	if (memcmp(up, s->chain, 32) != 0)
		return bad(sc, _("the draw's secret does not hash to the one "
		    "before it (the session's commitment, for its first draw): "
		    "it is not the secret the session committed to"));
	memcpy(s->chain, secret, 32);
	return 0;
}

/* The rules of one record beyond its syntax: what a session allows. */
static int
scan_rules(struct ledger_scan *sc, const struct record *r)
{
	struct ledger_session	*s = &sc->sess;
	const char		*v;
	uint64_t		 n, pool, ticket;
	unsigned char		 seed[32], commit[32];

	if (r->seq == 1 && r->kind != REC_SESSION)
		return bad(sc, _("the log must start with a session record, not "
		    "'%s'"), record_kind_name(r->kind));
	switch (r->kind) {
	case REC_SESSION:
		return scan_session(sc, r);
	case REC_WITNESS:
		if (s->protocol != 2)
			return bad(sc, _("a witness record in a session that "
			    "recorded its witness in the session record"));
		if (s->witness_seq != 0)
			return bad(sc, _("a second witness for one session (the "
			    "first is record %llu)"),
			    (unsigned long long)s->witness_seq);
		if (s->draws > 0)
			return bad(sc, _("a witness after the session's first draw"));
		if ((v = need(sc, r, "text", 0)) == NULL)
			return -1;
		keep(sc, 0, &s->witness, v);
		s->witness_seq = r->seq;
		return 0;
	case REC_REVEAL:
		if (s->protocol != 1)
			return bad(sc, _("a seed revealed in a session whose draws "
			    "reveal their own secrets"));
		if ((v = need(sc, r, "seed", 64)) == NULL)
			return -1;
		if (s->revealed)
			return bad(sc, _("a second seed for one session"));
		hex_decode(seed, 32, v);
		crypto_generichash(commit, 32, seed, 32, NULL, 0);
		if (sodium_memcmp(commit, s->commit, 32) != 0)
			return bad(sc, _("the seed does not match the session's "
			    "commitment"));
		memcpy(s->seed, seed, 32);
		s->revealed = 1;
		return 0;
	case REC_DRAW:
		if (s->protocol == 1 && !s->revealed)
			return bad(sc, _("a draw before its session's seed"));
		if (s->protocol == 2 && scan_step(sc, r) != 0)
			return -1;
		if (need(sc, r, "prize", 0) == NULL ||
		    need(sc, r, "id", 0) == NULL ||
		    need(sc, r, "name", 0) == NULL ||
		    need_number(sc, r, "tickets", &n) != 0 ||
		    need_number(sc, r, "pool", &pool) != 0 ||
		    need_number(sc, r, "ticket", &ticket) != 0)
			return -1;
		if (ticket >= pool)
			return bad(sc, _("ticket is not below pool"));
		if ((v = record_get(r, "replaces")) != NULL) {
			if (parse_u64(v, UINT64_MAX, &n) != 0 || n >= r->seq ||
			    sc->drawn[n] != 2)
				return bad(sc, _("'replaces' names no forfeited draw "
				    "still to replace"));
			sc->drawn[n] = 3;	/* replaced: not again */
		}
		sc->drawn[r->seq] = 1;
		s->draws++;
		return 0;
	case REC_FORFEIT:
		if (need_number(sc, r, "draw", &n) != 0 ||
		    need(sc, r, "id", 0) == NULL || need(sc, r, "name", 0) == NULL)
			return -1;
		if (n >= r->seq || sc->drawn[n] == 0)
			return bad(sc, _("forfeit of record %s, which is not a "
			    "draw"), record_get(r, "draw"));
		if (sc->drawn[n] >= 2)
			return bad(sc, _("draw %s was already forfeited"),
			    record_get(r, "draw"));
		sc->drawn[n] = 2;
		return 0;
	}
	return 0;
}

/*
 * Check the bytes of a line: no control character but the tabs between
 * fields (C1 controls included), valid UTF-8. A CR at the end is a Windows
 * line end an editor or a transfer added: said so, with the fix.
 */
static int
scan_bytes(struct ledger_scan *sc, const char *line, size_t len)
{
	const unsigned char	*s = (const unsigned char *)line;
	size_t			 i, bad_at;

	if (len > 0 && s[len - 1] == '\r')
		return bad(sc, _("the line ends in CR LF, a Windows line end that "
		    "an editor or a file transfer added; remove the CRs (sed -i "
		    "'s/\\r$//' %s) and the log reads again"), sc->l->path);
	for (i = 0; i < len; i++) {
		if (s[i] == '\0')
			return bad(sc, _("NUL byte in the record"));
		if ((s[i] < 0x20 && s[i] != '\t') || s[i] == 0x7f ||
		    (s[i] == 0xc2 && i + 1 < len && s[i + 1] >= 0x80 &&
		    s[i + 1] <= 0x9f))
			return bad(sc, _("a control character (byte %u) in the "
			    "record: raffle never writes one; the log was edited"),
			    s[i] == 0xc2 ? s[i + 1] : s[i]);
	}
	if ((bad_at = utf8_invalid_at(line, len)) != len)
		return bad(sc, _("byte 0x%02X is not UTF-8: raffle never writes "
		    "it; the log was edited"), s[bad_at]);
	return 0;
}

/*
 * Parse one line (len bytes, without its newline) into r, checking its
 * bytes, sequence, hash and syntax. The line is copied into buf and cut
 * there; r points into buf.
 */
static int
scan_line(struct ledger_scan *sc, const char *line, size_t len, char *buf,
    struct record *r)
{
	crypto_generichash_state	 st;
	unsigned char			 want[32];
	char				*p, *tab, *hashhex;
	size_t				 i;

	memset(r, 0, sizeof *r);
	if (scan_bytes(sc, line, len) != 0)
		return -1;
	memcpy(buf, line, len);
	buf[len] = '\0';
	if ((hashhex = strrchr(buf, '\t')) == NULL)
		return bad(sc, _("not a record: no tab-separated fields"));
	hashhex++;
	/* Sequence first: a missing or moved line is clearest said so. */
	r->seq = 0;
	for (p = buf; *p >= '0' && *p <= '9' && r->seq < UINT64_MAX / 10; p++)
		r->seq = r->seq * 10 + (uint64_t)(*p - '0');
	if (p == buf || *p != '\t')
		return bad(sc, _("not a record: no sequence number"));
	if (r->seq != sc->line) {
		char	num[32];

		snprintf(num, sizeof num, "%llu", (unsigned long long)r->seq);
		return bad(sc, _("sequence number %s is out of place: a record "
		    "was removed, added or moved here"), num);
	}
	if (hex_decode(r->hash, 32, hashhex) != 0)
		return bad(sc, _("the record does not end in a hash"));
	crypto_generichash_init(&st, NULL, 0, 32);
	crypto_generichash_update(&st, sc->l->head, 32);
	crypto_generichash_update(&st, (const unsigned char *)line,
	    (size_t)(hashhex - buf));
	crypto_generichash_final(&st, want, 32);
	/* Public data: a plain comparison will do. */
	if (memcmp(want, r->hash, 32) != 0)
		return bad(sc, _("the record does not match its hash: it was "
		    "changed after it was written"));
	sc->chained = 1;

	/* The hash holds: cut the fields apart. */
	hashhex[-1] = '\0';
	p++;
	if ((tab = strchr(p, '\t')) == NULL)
		return bad(sc, _("no kind in the record"));
	*tab = '\0';
	r->time = p;
	if (strlen(p) != 20 || p[4] != '-' || p[7] != '-' || p[10] != 'T' ||
	    p[13] != ':' || p[16] != ':' || p[19] != 'Z')
		return bad(sc, _("the time is not in RFC 3339 UTC form"));
	p = tab + 1;
	if ((tab = strchr(p, '\t')) != NULL)
		*tab = '\0';
	for (i = 0; i < NKINDS; i++)
		if (strcmp(p, kind_names[i]) == 0)
			break;
	if (i == NKINDS)
		return bad(sc, _("unknown record kind '%s'"), p);
	r->kind = (enum rec_kind)i;
	r->nkv = 0;
	if (tab == NULL)
		return 0;
	/* One pass over key=value fields: cut at each tab and first '='. */
	for (p = tab + 1; p < hashhex - 1; p++) {
		if (r->nkv == REC_MAXKV)
			return bad(sc, _("too many fields"));
		r->key[r->nkv] = p;
		while (*p != '=' && *p != '\t' && *p != '\0')
			p++;
		if (*p != '=')
			return bad(sc, _("a field without '='"));
		*p++ = '\0';
		/* Readers must not differ on which of two values counts. */
		if (record_get(r, r->key[r->nkv]) != NULL)
			return bad(sc, _("the field '%s' is there twice"),
			    r->key[r->nkv]);
		r->val[r->nkv++] = p;
		while (*p != '\t' && *p != '\0')
			p++;
		*p = '\0';
	}
	return 0;
}

struct ledger_scan *
ledger_scan_begin(struct ledger *l)
{
	struct ledger_scan	*sc = xcalloc(1, sizeof *sc);

	sc->l = l;
	sc->ndrawn = 1024;
	sc->drawn = xcalloc(sc->ndrawn, 1);
	sc->bufcap = 256;
	sc->buf = xmalloc(sc->bufcap);
	memset(l->head, 0, sizeof l->head);
	l->nrecords = 0;
	l->unended = 0;
	return sc;
}

void
ledger_scan_end(struct ledger_scan *sc)
{
	size_t	i;

	if (sc == NULL)
		return;
	for (i = 0; i < sizeof sc->strings / sizeof sc->strings[0]; i++)
		free(sc->strings[i]);
	free(sc->drawn);
	free(sc->buf);
	free(sc);
}

int
ledger_scan_record(struct ledger_scan *sc, const char *line, size_t len,
    ledger_fn fn, void *arg, struct fault *f)
{
	struct record	r;

	sc->f = f;
	sc->line = sc->l->nrecords + 1;
	if (sc->line >= sc->ndrawn) {
		sc->drawn = xrealloc(sc->drawn, sc->ndrawn * 2);
		memset(sc->drawn + sc->ndrawn, 0, sc->ndrawn);
		sc->ndrawn *= 2;
	}
	if (len + 1 > sc->bufcap)
		sc->buf = xrealloc(sc->buf, sc->bufcap = len + 256);
	sc->chained = 0;
	if (scan_line(sc, line, len, sc->buf, &r) != 0 ||
	    scan_rules(sc, &r) != 0)
		return -1;
	if (fn != NULL && fn(arg, &r, &sc->sess, f) != 0)
		return -1;
	memcpy(sc->l->head, r.hash, 32);
	sc->l->nrecords++;
	return 0;
}

/*
 * What follows the whole records: a last record whose newline is missing
 * (an editor, or $(cat log), dropped it) if it parses and chains; else a
 * torn record, or, in a file with no record at all, something that is not a
 * log. A torn first record begins "1<tab>" or is zero bytes.
 */
static int
scan_tail(struct ledger_scan *sc, ledger_fn fn, void *arg)
{
	struct ledger	*l = sc->l;
	struct fault	 quiet, *f = sc->f;
	char		*tail;
	size_t		 len = l->torn;
	int		 rc = 0;

	if (len == 0)
		return 0;
	tail = xmalloc(len + 1);
	if (read_at(l->fd, tail, len, (off_t)l->size) == -1) {
		rc = fault_set(f, EXIT_IOERR, _("%s: cannot read: %s"), l->path,
		    strerror(errno));
		goto out;
	}
	while (len > 0 && tail[len - 1] == '\0')
		len--;
	if (len > 0 && ledger_scan_record(sc, tail, len, fn, arg, &quiet) == 0) {
		l->unended = 1;
		l->size += len;
		l->torn -= len;
		goto out;
	}
	/* Whole (its hash holds) but against the rules: damage, not a tear. */
	if (len > 0 && sc->chained) {
		*f = quiet;
		rc = -1;
		goto out;
	}
	sc->f = f;
	if (l->nrecords > 0 || len == 0 || (len >= 2 && tail[0] == '1' &&
	    tail[1] == '\t'))
		goto out;
	rc = fault_set(f, EXIT_DATA, _("%s:1: this is not a raffle log: its "
	    "first line is not a record; nothing was changed: name the log "
	    "with -l"), l->path);
out:
	sc->f = f;
	free(tail);
	return rc;
}

/*
 * Read the records a block at a time: a log of a hundred thousand draws is
 * tens of megabytes, and --verify should cost what hashing them costs.
 */
int
ledger_scan(struct ledger *l, ledger_fn fn, void *arg, struct fault *f)
{
	struct ledger_scan	*sc;
	char			*buf, *nl;
	size_t			 cap = 1 << 20, have = 0, pos = 0, len, want;
	off_t			 off = 0;
	int			 rc = -1;

	sc = ledger_scan_begin(l);
	sc->f = f;
	buf = xmalloc(cap);
	if (l->fd == -1)
		goto done;
	while ((size_t)off + pos < l->size) {
		if ((nl = memchr(buf + pos, '\n', have - pos)) == NULL) {
			/* Keep the start of the line; read what follows it. */
			memmove(buf, buf + pos, have - pos);
			off += (off_t)pos;
			have -= pos;
			pos = 0;
			if (have == cap)
				buf = xrealloc(buf, cap *= 2);
			want = cap - have;
			if (want > l->size - (size_t)off - have)
				want = l->size - (size_t)off - have;
			if (read_at(l->fd, buf + have, want, off + (off_t)have) == -1) {
				fault_set(f, EXIT_IOERR, _("%s: cannot read: %s"),
				    l->path, strerror(errno));
				goto out;
			}
			have += want;
			continue;
		}
		len = (size_t)(nl - (buf + pos));
		if (ledger_scan_record(sc, buf + pos, len, fn, arg, f) != 0)
			goto out;
		pos += len + 1;
	}
	if (scan_tail(sc, fn, arg) != 0)
		goto out;
done:
	l->torn_line = l->nrecords + 1;
	rc = 0;
out:
	ledger_scan_end(sc);
	free(buf);
	return rc;
}
