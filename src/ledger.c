/* ledger.c: reading, checking and appending the hash-chained result log. */
#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "ledger.h"

static const char *const kind_names[] = { "session", "reveal", "draw",
	"forfeit" };

static const char *
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
static int
find_torn(struct ledger *l, struct fault *f)
{
	struct stat	st;
	char		buf[1 << 16];
	size_t		end, start, k, total;
	int		zeros = 1;

	if (fstat(l->fd, &st) == -1)
		return fault_set(f, EXIT_IOERR, "%s: %s", l->path, strerror(errno));
	if (!S_ISREG(st.st_mode))
		return fault_set(f, EXIT_NOINPUT, "%s: %s; name a log file",
		    l->path, S_ISDIR(st.st_mode) ? "is a directory" :
		    "not a regular file");
	total = (size_t)st.st_size;
	l->size = 0;
	for (end = total; end > 0; end = start) {
		start = end > sizeof buf ? end - sizeof buf : 0;
		if (read_at(l->fd, buf, end - start, (off_t)start) == -1)
			return fault_set(f, EXIT_IOERR, "%s: cannot read: %s",
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
	memset(l, 0, sizeof *l);
	l->path = xstrdup(path);
	if ((l->fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return fault_set(f, EXIT_NOINPUT, "%s: cannot open: %s", path,
		    strerror(errno));
	return find_torn(l, f);
}

/* fsync the directory holding path, so a new name in it survives a crash. */
static int
sync_dir(const char *path)
{
	char	*copy = xstrdup(path);
	int	 fd, rc = -1;

	if ((fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		rc = fsync(fd);
		close(fd);
	}
	free(copy);
	return rc;
}

int
ledger_open(struct ledger *l, const char *path, struct fault *f)
{
	struct stat	st;
	int		fd, created = 0, tries;

	memset(l, 0, sizeof *l);
	l->fd = -1;
	l->path = xstrdup(path);
	for (tries = 0;; tries++) {
		if ((fd = open(path, O_RDWR | O_CLOEXEC)) != -1)
			break;
		if (errno != ENOENT)
			return fault_set(f, EXIT_CANTCREAT, "%s: cannot open for "
			    "writing: %s", path, strerror(errno));
		/* A dangling link or a missing directory is no place either. */
		fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
		if (fd != -1) {
			created = 1;
			break;
		}
		/* EEXIST again and again: a link that points nowhere. */
		if (errno != EEXIST || tries == 3)
			return fault_set(f, EXIT_CANTCREAT, "%s: cannot create: "
			    "%s", path, errno == EEXIST ? "it is a link to a file "
			    "that does not exist" : strerror(errno));
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		close(fd);
		return fault_set(f, EXIT_CANTCREAT, "%s: cannot keep a log "
		    "there: not a regular file", path);
	}
	if (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		close(fd);
		if (errno == EWOULDBLOCK)
			return fault_set(f, EXIT_LOCKED, "%s: in use by another "
			    "raffle; finish that one first (nothing was changed)",
			    path);
		return fault_set(f, EXIT_IOERR, "%s: cannot lock: %s", path,
		    strerror(errno));
	}
	if (created && (fsync(fd) == -1 || sync_dir(path) == -1)) {
		close(fd);
		return fault_set(f, EXIT_IOERR, "%s: cannot sync the new log: "
		    "%s", path, strerror(errno));
	}
	l->fd = fd;
	return find_torn(l, f);
}

/* Write all of buf at off; returns 0 or -1 with errno set. */
static int
write_at(int fd, const char *buf, size_t len, off_t off)
{
	ssize_t	n;

	while (len > 0) {
		n = pwrite(fd, buf, len, off);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return -1;
		if (n == 0) {
			errno = EIO;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
		off += n;
	}
	return 0;
}

int
ledger_cut_torn(struct ledger *l, struct fault *f)
{
	char		 stamp[32], *name = NULL, *torn;
	struct tm	 tm;
	time_t		 now = time(NULL);
	int		 fd = -1, i;

	if (l->torn == 0)
		return 0;
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
	for (i = 0; fd == -1 && i < 100; i++) {
		free(name);
		name = i == 0 ? xasprintf("%s.torn-%s", l->path, stamp) :
		    xasprintf("%s.torn-%s-%d", l->path, stamp, i);
		fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
		if (fd == -1 && errno != EEXIST)
			break;
	}
	if (fd == -1) {
		fault_set(f, EXIT_CANTCREAT, "%s: cannot create: %s", name,
		    strerror(errno));
		free(name);
		return -1;
	}
	torn = xmalloc(l->torn);
	if (read_at(l->fd, torn, l->torn, (off_t)l->size) == -1 ||
	    write_at(fd, torn, l->torn, 0) == -1 || fsync(fd) == -1 ||
	    sync_dir(name) == -1) {
		free(torn);
		fault_set(f, EXIT_IOERR, "%s: cannot save the torn record: %s",
		    name, strerror(errno));
		close(fd);
		free(name);
		return -1;
	}
	free(torn);
	close(fd);
	if (ftruncate(l->fd, (off_t)l->size) == -1 || fsync(l->fd) == -1) {
		fault_set(f, EXIT_IOERR, "%s: cannot cut the torn record: %s",
		    l->path, strerror(errno));
		free(name);
		return -1;
	}
	l->torn_saved = name;
	l->torn = 0;
	return 0;
}

/* The state a scan carries from record to record. */
struct scan {
	struct ledger		*l;
	struct ledger_session	 sess;
	char			*strings[5];	/* owned copies for sess */
	unsigned char		*drawn;		/* per seq: 1 drawn, 2 forfeited,
						   3 forfeited and replaced */
	size_t			 ndrawn;
	uint64_t		 line;
	struct fault		*f;
};

/* Fail the scan at the current line. */
static int __attribute__((format(printf, 2, 3)))
bad(struct scan *sc, const char *fmt, ...)
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
need(struct scan *sc, const struct record *r, const char *key, size_t hexlen)
{
	const char	*v = record_get(r, key);

	if (v == NULL) {
		bad(sc, "the record has no '%s'", key);
		return NULL;
	}
	if (hexlen > 0 && !is_hex(v, hexlen)) {
		bad(sc, "'%s' is not a hex hash", key);
		return NULL;
	}
	return v;
}

static int
need_number(struct scan *sc, const struct record *r, const char *key,
    uint64_t *out)
{
	const char	*v;

	if ((v = need(sc, r, key, 0)) == NULL)
		return -1;
	if (parse_u64(v, UINT64_MAX, out) != 0)
		return bad(sc, "'%s' is not a whole number", key);
	return 0;
}

static void
keep(struct scan *sc, int slot, const char **dst, const char *src)
{
	free(sc->strings[slot]);
	sc->strings[slot] = xstrdup(src);
	*dst = sc->strings[slot];
}

/* The rules of one record beyond its syntax: what a session allows. */
static int
scan_rules(struct scan *sc, const struct record *r)
{
	struct ledger_session	*s = &sc->sess;
	const char		*v, *c;
	uint64_t		 n, pool, ticket;
	unsigned char		 seed[32], commit[32];

	if (r->seq == 1 && r->kind != REC_SESSION)
		return bad(sc, "the log must start with a session record, not "
		    "'%s'", record_kind_name(r->kind));
	switch (r->kind) {
	case REC_SESSION:
		if (need(sc, r, "version", 0) == NULL ||
		    need(sc, r, "roster", 64) == NULL ||
		    need(sc, r, "digest", 64) == NULL ||
		    (c = need(sc, r, "commit", 64)) == NULL ||
		    (v = need(sc, r, "prizes", 0)) == NULL ||
		    need_number(sc, r, "entries", &n) != 0 ||
		    need_number(sc, r, "tickets", &n) != 0)
			return -1;
		if (strcmp(v, "none") != 0 && !is_hex(v, 64))
			return bad(sc, "'%s' is neither a hex hash nor none",
			    "prizes");
		if ((v = need(sc, r, "repeat", 0)) == NULL)
			return -1;
		if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0)
			return bad(sc, "'%s' is neither yes nor no", "repeat");
		s->repeat = strcmp(v, "yes") == 0;
		if ((v = need(sc, r, "witness", 0)) == NULL)
			return -1;
		keep(sc, 0, &s->witness, v);
		keep(sc, 1, &s->roster, record_get(r, "roster"));
		keep(sc, 2, &s->digest, record_get(r, "digest"));
		keep(sc, 3, &s->prizes, record_get(r, "prizes"));
		hex_decode(s->commit, 32, c);
		s->seq = r->seq;
		s->revealed = 0;
		return 0;
	case REC_REVEAL:
		if ((v = need(sc, r, "seed", 64)) == NULL)
			return -1;
		if (s->revealed)
			return bad(sc, "a second seed for one session");
		hex_decode(seed, 32, v);
		crypto_generichash(commit, 32, seed, 32, NULL, 0);
		if (sodium_memcmp(commit, s->commit, 32) != 0)
			return bad(sc, "the seed does not match the session's "
			    "commitment");
		memcpy(s->seed, seed, 32);
		s->revealed = 1;
		return 0;
	case REC_DRAW:
		if (!s->revealed)
			return bad(sc, "a draw before its session's seed");
		if (need(sc, r, "prize", 0) == NULL ||
		    need(sc, r, "id", 0) == NULL ||
		    need(sc, r, "name", 0) == NULL ||
		    need_number(sc, r, "tickets", &n) != 0 ||
		    need_number(sc, r, "pool", &pool) != 0 ||
		    need_number(sc, r, "ticket", &ticket) != 0)
			return -1;
		if (ticket >= pool)
			return bad(sc, "ticket is not below pool");
		if ((v = record_get(r, "replaces")) != NULL) {
			if (parse_u64(v, UINT64_MAX, &n) != 0 || n >= r->seq ||
			    sc->drawn[n] != 2)
				return bad(sc, "'replaces' names no forfeited draw "
				    "still to replace");
			sc->drawn[n] = 3;	/* replaced: not again */
		}
		sc->drawn[r->seq] = 1;
		return 0;
	case REC_FORFEIT:
		if (need_number(sc, r, "draw", &n) != 0 ||
		    need(sc, r, "id", 0) == NULL || need(sc, r, "name", 0) == NULL)
			return -1;
		if (n >= r->seq || sc->drawn[n] == 0)
			return bad(sc, "forfeit of record %s, which is not a "
			    "draw", record_get(r, "draw"));
		if (sc->drawn[n] >= 2)
			return bad(sc, "draw %s was already forfeited",
			    record_get(r, "draw"));
		sc->drawn[n] = 2;
		return 0;
	}
	return 0;
}

/*
 * Parse one line (with its newline) into r, checking sequence, hash and
 * syntax. The line is copied into buf and cut there; r points into buf.
 */
static int
scan_line(struct scan *sc, const char *line, size_t len, char *buf,
    struct record *r)
{
	crypto_generichash_state	 st;
	unsigned char			 want[32];
	char		*p, *tab, *hashhex;
	size_t		 i;

	memset(r, 0, sizeof *r);
	memcpy(buf, line, len);
	buf[len - 1] = '\0';
	if (memchr(buf, '\0', len - 1) != NULL)
		return bad(sc, "NUL byte in the record");
	if ((hashhex = strrchr(buf, '\t')) == NULL)
		return bad(sc, "not a record: no tab-separated fields");
	hashhex++;
	/* Sequence first: a missing or moved line is clearest said so. */
	r->seq = 0;
	for (p = buf; *p >= '0' && *p <= '9' && r->seq < UINT64_MAX / 10; p++)
		r->seq = r->seq * 10 + (uint64_t)(*p - '0');
	if (p == buf || *p != '\t')
		return bad(sc, "not a record: no sequence number");
	if (r->seq != sc->line) {
		char	num[32];

		snprintf(num, sizeof num, "%llu", (unsigned long long)r->seq);
		return bad(sc, "sequence number %s is out of place: a record "
		    "was removed, added or moved here", num);
	}
	if (hex_decode(r->hash, 32, hashhex) != 0)
		return bad(sc, "the record does not end in a hash");
	crypto_generichash_init(&st, NULL, 0, 32);
	crypto_generichash_update(&st, sc->l->head, 32);
	crypto_generichash_update(&st, (const unsigned char *)line,
	    (size_t)(hashhex - buf));
	crypto_generichash_final(&st, want, 32);
	/* Public data: a plain comparison will do. */
	if (memcmp(want, r->hash, 32) != 0)
		return bad(sc, "the record does not match its hash: it was "
		    "changed after it was written");

	/* The hash holds: cut the fields apart. */
	hashhex[-1] = '\0';
	p = buf + (p - buf) + 1;
	if ((tab = strchr(p, '\t')) == NULL)
		return bad(sc, "no kind in the record");
	*tab = '\0';
	r->time = p;
	if (strlen(p) != 20 || p[4] != '-' || p[7] != '-' || p[10] != 'T' ||
	    p[13] != ':' || p[16] != ':' || p[19] != 'Z')
		return bad(sc, "the time is not in RFC 3339 UTC form");
	p = tab + 1;
	if ((tab = strchr(p, '\t')) != NULL)
		*tab = '\0';
	for (i = 0; i < sizeof kind_names / sizeof kind_names[0]; i++)
		if (strcmp(p, kind_names[i]) == 0)
			break;
	if (i == sizeof kind_names / sizeof kind_names[0])
		return bad(sc, "unknown record kind '%s'", p);
	r->kind = (enum rec_kind)i;
	r->nkv = 0;
	if (tab == NULL)
		return 0;
	/* One pass over key=value fields: cut at each tab and first '='. */
	for (p = tab + 1; p < hashhex - 1; p++) {
		if (r->nkv == REC_MAXKV)
			return bad(sc, "too many fields");
		r->key[r->nkv] = p;
		while (*p != '=' && *p != '\t' && *p != '\0')
			p++;
		if (*p != '=')
			return bad(sc, "a field without '='");
		*p++ = '\0';
		r->val[r->nkv++] = p;
		while (*p != '\t' && *p != '\0')
			p++;
		*p = '\0';
	}
	return 0;
}

/*
 * Read the records a block at a time: a log of a hundred thousand draws is
 * tens of megabytes, and --verify should cost what hashing them costs.
 */
int
ledger_scan(struct ledger *l, ledger_fn fn, void *arg, struct fault *f)
{
	struct scan	 sc;
	struct record	 r;
	char		*buf, *line, *nl;
	size_t		 cap = 1 << 20, linecap = 256, have = 0, pos = 0, len, i;
	size_t		 want;
	off_t		 off = 0;
	int		 rc = -1;

	memset(&sc, 0, sizeof sc);
	sc.l = l;
	sc.f = f;
	sc.ndrawn = 1024;
	sc.drawn = xcalloc(sc.ndrawn, 1);
	memset(l->head, 0, sizeof l->head);
	l->nrecords = 0;
	buf = xmalloc(cap);
	line = xmalloc(linecap);
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
				fault_set(f, EXIT_IOERR, "%s: cannot read: %s",
				    l->path, strerror(errno));
				goto out;
			}
			have += want;
			continue;
		}
		len = (size_t)(nl - (buf + pos)) + 1;
		if (len + 1 > linecap)
			line = xrealloc(line, linecap = len + 256);
		sc.line = l->nrecords + 1;
		if (sc.line >= sc.ndrawn) {
			sc.drawn = xrealloc(sc.drawn, sc.ndrawn * 2);
			memset(sc.drawn + sc.ndrawn, 0, sc.ndrawn);
			sc.ndrawn *= 2;
		}
		if (scan_line(&sc, buf + pos, len, line, &r) != 0 ||
		    scan_rules(&sc, &r) != 0)
			goto out;
		if (fn != NULL && fn(arg, &r, &sc.sess, f) != 0)
			goto out;
		memcpy(l->head, r.hash, 32);
		l->nrecords++;
		pos += len;
	}
	l->torn_line = l->nrecords + 1;
	rc = 0;
out:
	for (i = 0; i < sizeof sc.strings / sizeof sc.strings[0]; i++)
		free(sc.strings[i]);
	free(sc.drawn);
	free(buf);
	free(line);
	return rc;
}

void
ledger_batch_init(struct ledger_batch *b, const struct ledger *l)
{
	struct tm	tm;

	memset(b, 0, sizeof *b);
	b->next_seq = l->nrecords + 1;
	memcpy(b->head, l->head, 32);
	b->now = time(NULL);
	gmtime_r(&b->now, &tm);
	strftime(b->stamp, sizeof b->stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void
ledger_batch_free(struct ledger_batch *b)
{
	free(b->buf);
	memset(b, 0, sizeof *b);
}

/* Make room for n more bytes. */
static void
batch_grow(struct ledger_batch *b, size_t n)
{
	size_t	cap = b->cap;

	if (cap - b->len < n + 1) {
		while (cap - b->len < n + 1)
			cap = cap ? cap * 2 : 4096;
		b->buf = xrealloc(b->buf, cap);
		b->cap = cap;
	}
}

static void
batch_put(struct ledger_batch *b, const char *s, size_t n)
{
	batch_grow(b, n);
	memcpy(b->buf + b->len, s, n);
	b->len += n;
}

uint64_t
ledger_rec_begin(struct ledger_batch *b, enum rec_kind k)
{
	char	num[24];
	size_t	n;

	b->recstart = b->len;
	n = u64_format(num, b->next_seq);
	batch_put(b, num, n);
	batch_put(b, "\t", 1);
	batch_put(b, b->stamp, strlen(b->stamp));
	batch_put(b, "\t", 1);
	batch_put(b, kind_names[k], strlen(kind_names[k]));
	return b->next_seq;
}

/* Add key=value; a control character in the value becomes a space. */
void
ledger_rec_add(struct ledger_batch *b, const char *key, const char *value)
{
	size_t	klen = strlen(key), vlen = strlen(value), i;
	char	*p;

	batch_grow(b, klen + vlen + 3);
	p = b->buf + b->len;
	*p++ = '\t';
	memcpy(p, key, klen);	/* NOLINT(bugprone-not-null-terminated-result): a field, not a string */
	p += klen;
	*p++ = '=';
	for (i = 0; i < vlen; i++) {
		unsigned char	c = (unsigned char)value[i];

		*p++ = (char)(c < 0x20 || c == 0x7f ? ' ' : c);
	}
	b->len = (size_t)(p - b->buf);
}

void
ledger_rec_addu(struct ledger_batch *b, const char *key, uint64_t v)
{
	char	num[24];

	u64_format(num, v);
	ledger_rec_add(b, key, num);
}

void
ledger_rec_end(struct ledger_batch *b)
{
	crypto_generichash_state	st;
	char				hex[65];

	batch_put(b, "\t", 1);
	crypto_generichash_init(&st, NULL, 0, 32);
	crypto_generichash_update(&st, b->head, 32);
	crypto_generichash_update(&st, (const unsigned char *)b->buf +
	    b->recstart, b->len - b->recstart);
	crypto_generichash_final(&st, b->head, 32);
	hex_encode(hex, b->head, 32);
	batch_put(b, hex, 64);
	batch_put(b, "\n", 1);
	b->next_seq++;
}

int
ledger_append(struct ledger *l, struct ledger_batch *b, struct fault *f)
{
	int	saved;

	if (l->broken)
		return fault_set(f, EXIT_IOERR, "%s: an earlier write failed; "
		    "restart raffle to go on", l->path);
	if (b->len == 0)
		return 0;
	if (write_at(l->fd, b->buf, b->len, (off_t)l->size) == 0 &&
	    fsync(l->fd) == 0) {
		l->size += b->len;
		l->nrecords = b->next_seq - 1;
		memcpy(l->head, b->head, 32);
		return 0;
	}
	/* Leave no half record: cut the file back to where it was. */
	saved = errno;
	l->broken = 1;
	if (ftruncate(l->fd, (off_t)l->size) == 0 && fsync(l->fd) == 0)
		return fault_set(f, EXIT_IOERR, "%s: cannot write: %s; nothing "
		    "was drawn and the log is as it was", l->path,
		    strerror(saved));
	return fault_set(f, EXIT_IOERR, "%s: cannot write: %s; no winner was "
	    "shown, and the log could not be cut back: run --verify on it "
	    "before the next draw", l->path, strerror(saved));
}

void
ledger_close(struct ledger *l)
{
	if (l->fd != -1)
		close(l->fd);
	free(l->path);
	free(l->torn_saved);
	memset(l, 0, sizeof *l);
	l->fd = -1;
}
