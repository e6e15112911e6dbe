/*
 * ledger-write.c: appending to the log, for the one run that holds it.
 *
 * Records are built in memory, a batch at a time, and reach the file in one
 * write followed by fsync: either the whole batch is on disk, or (after a
 * failure, which stops every later write) the file is cut back to where it
 * was. The log is created by the first append, not before, so that a run
 * which fails early leaves no empty log behind.
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "ledger.h"

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

/* Take an exclusive lock without waiting; 75 if another raffle has it. */
static int
lock_or_say(int fd, const char *path, struct fault *f)
{
	if (flock(fd, LOCK_EX | LOCK_NB) == 0)
		return 0;
	if (errno == EWOULDBLOCK)
		return fault_set(f, EXIT_LOCKED, _("%s: in use by another raffle; "
		    "finish that one first (nothing was changed)"), path);
	return fault_set(f, EXIT_IOERR, _("%s: cannot lock: %s"), path,
	    strerror(errno));
}

int
ledger_open(struct ledger *l, const char *path, struct fault *f)
{
	struct stat	 st;
	char		*lockpath;
	int		 fd;

	memset(l, 0, sizeof *l);
	l->fd = -1;
	l->path = xstrdup(path);
	lockpath = xasprintf("%s.lock", path);
	l->lockfd = open(lockpath, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC,
	    0644);
	if (l->lockfd == -1) {
		fault_set(f, EXIT_CANTCREAT, _("%s: cannot create the log's lock "
		    "file: %s"), lockpath, strerror(errno));
		free(lockpath);
		return -1;
	}
	free(lockpath);
	if (lock_or_say(l->lockfd, path, f) != 0) {
		close(l->lockfd);
		l->lockfd = -1;
		return -1;
	}
	if ((fd = open(path, O_RDWR | O_NONBLOCK | O_CLOEXEC)) == -1) {
		if (errno != ENOENT)
			return fault_set(f, EXIT_CANTCREAT, _("%s: cannot open for "
			    "writing: %s"), path, strerror(errno));
		/* A dangling link is no place for a log: say so now. */
		if (lstat(path, &st) == 0)
			return fault_set(f, EXIT_CANTCREAT, _("%s: cannot create: "
			    "it is a link to a file that does not exist"), path);
		return 0;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		close(fd);
		return fault_set(f, EXIT_CANTCREAT, _("%s: cannot keep a log "
		    "there: not a regular file"), path);
	}
	if (lock_or_say(fd, path, f) != 0) {
		close(fd);
		return -1;
	}
	l->fd = fd;
	return ledger_find_torn(l, f);
}

/* Move a torn tail to PATH.torn-TIME and cut it off. */
static int
ledger_cut_torn(struct ledger *l, struct fault *f)
{
	char		 stamp[32], *name = NULL, *torn;
	struct tm	 tm;
	time_t		 now = time(NULL);
	int		 fd = -1, i;

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
		fault_set(f, EXIT_CANTCREAT, _("%s: cannot create: %s"), name,
		    strerror(errno));
		free(name);
		return -1;
	}
	torn = xmalloc(l->torn);
	if (pread(l->fd, torn, l->torn, (off_t)l->size) != (ssize_t)l->torn ||
	    write_at(fd, torn, l->torn, 0) == -1 || fsync(fd) == -1 ||
	    sync_dir(name) == -1) {
		free(torn);
		fault_set(f, EXIT_IOERR, _("%s: cannot save the torn record: %s"),
		    name, strerror(errno));
		close(fd);
		free(name);
		return -1;
	}
	free(torn);
	close(fd);
	if (ftruncate(l->fd, (off_t)l->size) == -1 || fsync(l->fd) == -1) {
		fault_set(f, EXIT_IOERR, _("%s: cannot cut the torn record: %s"),
		    l->path, strerror(errno));
		free(name);
		return -1;
	}
	warn_msg(_("%s:%lu: torn last record (%zu bytes, never shown) moved to "
	    "%s and cut off"), l->path, l->torn_line, l->torn, name);
	l->torn_saved = name;
	l->torn = 0;
	return 0;
}

int
ledger_mend(struct ledger *l, struct fault *f)
{
	if (l->fd == -1)
		return 0;
	if (!l->unended)
		return l->torn > 0 ? ledger_cut_torn(l, f) : 0;
	/* Zero bytes after it hold nothing: they go, and the newline comes. */
	if (ftruncate(l->fd, (off_t)l->size) == -1 ||
	    write_at(l->fd, "\n", 1, (off_t)l->size) == -1 || fsync(l->fd) == -1)
		return fault_set(f, EXIT_IOERR, _("%s: cannot end the last record: "
		    "%s"), l->path, strerror(errno));
	warn_msg(_("%s:%llu: the last record had no newline at its end (an "
	    "editor may have dropped it); it is whole, so it is kept and the "
	    "newline added"), l->path, (unsigned long long)l->nrecords);
	l->size++;
	l->torn = 0;
	l->unended = 0;
	return 0;
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
	char		 num[24];
	const char	*kind = record_kind_name(k);
	size_t		 n;

	b->recstart = b->len;
	n = u64_format(num, b->next_seq);
	batch_put(b, num, n);
	batch_put(b, "\t", 1);
	batch_put(b, b->stamp, strlen(b->stamp));
	batch_put(b, "\t", 1);
	batch_put(b, kind, strlen(kind));
	return b->next_seq;
}

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

/*
 * Whether the path still names the file this run opened, at the size it
 * last wrote: an editor saving the log writes a new file and renames it
 * over the old one, and an append to the old one would be in no file.
 */
static int
still_ours(struct ledger *l, struct fault *f)
{
	struct stat	st, fst;

	if (stat(l->path, &st) == -1)
		return fault_set(f, EXIT_IOERR, _("%s: the log was removed or "
		    "renamed after raffle opened it, so nothing was written; "
		    "quit, find the log, and start raffle again"), l->path);
	if (fstat(l->fd, &fst) == -1)
		return fault_set(f, EXIT_IOERR, "%s: %s", l->path,
		    strerror(errno));
	if (st.st_dev != l->dev || st.st_ino != l->ino || fst.st_nlink == 0)
		return fault_set(f, EXIT_IOERR, _("%s: the log was replaced by "
		    "another file after raffle opened it (an editor saving it "
		    "does this), so nothing was written; quit, compare the two, "
		    "and start raffle again"), l->path);
	if ((size_t)fst.st_size != l->size)
		return fault_set(f, EXIT_IOERR, _("%s: the log was changed by "
		    "another program after raffle opened it (%llu bytes, not "
		    "the %zu raffle wrote), so nothing was written; quit, look "
		    "at it, and start raffle again"), l->path,
		    (unsigned long long)fst.st_size, l->size);
	return 0;
}

/* Create the log for its first records; -1 with the fault. */
static int
ledger_create(struct ledger *l, struct fault *f)
{
	struct stat	st;
	int		fd;

	fd = open(l->path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd == -1)
		return fault_set(f, EXIT_CANTCREAT, _("%s: cannot create: %s"),
		    l->path, errno == EEXIST ? _("another program made a file of "
		    "that name after raffle started") : strerror(errno));
	if (fstat(fd, &st) == -1 || lock_or_say(fd, l->path, f) != 0) {
		close(fd);
		unlink(l->path);
		return fault_set(f, EXIT_CANTCREAT, _("%s: cannot lock the new "
		    "log"), l->path);
	}
	l->fd = fd;
	l->dev = st.st_dev;
	l->ino = st.st_ino;
	l->size = 0;
	return 0;
}

int
ledger_append(struct ledger *l, struct ledger_batch *b, struct fault *f)
{
	int	saved, created = 0;

	if (l->broken)
		return fault_set(f, EXIT_IOERR, _("%s: an earlier write failed; "
		    "restart raffle to go on"), l->path);
	if (b->len == 0)
		return 0;
	/* The reader takes years of four digits: never write another. */
	if (strlen(b->stamp) != 20)
		return fault_set(f, EXIT_IOERR, _("%s: the system clock says %s, "
		    "and a record's time must lie in the years 0000 to 9999; "
		    "set the clock (nothing was written)"), l->path, b->stamp);
	if (l->fd == -1) {
		if (ledger_create(l, f) != 0)
			return -1;
		created = 1;
	} else if (still_ours(l, f) != 0) {
		l->broken = 1;
		return -1;
	}
	if (write_at(l->fd, b->buf, b->len, (off_t)l->size) == 0 &&
	    fsync(l->fd) == 0 && (!created || sync_dir(l->path) == 0)) {
		l->size += b->len;
		l->nrecords = b->next_seq - 1;
		memcpy(l->head, b->head, 32);
		return 0;
	}
	/* Leave no half record: cut the file back to where it was. */
	saved = errno;
	l->broken = 1;
	if (created) {
		unlink(l->path);
		close(l->fd);
		l->fd = -1;
		return fault_set(f, EXIT_IOERR, _("%s: cannot write: %s; nothing "
		    "was drawn and no log was made"), l->path, strerror(saved));
	}
	if (ftruncate(l->fd, (off_t)l->size) == 0 && fsync(l->fd) == 0)
		return fault_set(f, EXIT_IOERR, _("%s: cannot write: %s; nothing "
		    "was drawn and the log is as it was"), l->path,
		    strerror(saved));
	return fault_set(f, EXIT_IOERR, _("%s: cannot write: %s; no winner was "
	    "shown, and the log could not be cut back: run --verify on it "
	    "before the next draw"), l->path, strerror(saved));
}

void
ledger_close(struct ledger *l)
{
	char	*lockpath;

	if (l->fd != -1)
		close(l->fd);
	/*
	 * The lock file goes while it is still locked, so that no run leaves
	 * one behind. A run that opened it just before may then lock the
	 * removed file, and one after it a new file: the lock on the log
	 * itself still keeps those two apart.
	 */
	if (l->lockfd != -1) {
		lockpath = xasprintf("%s.lock", l->path);
		if (flock(l->lockfd, LOCK_EX | LOCK_NB) == 0)
			unlink(lockpath);
		free(lockpath);
		close(l->lockfd);
	}
	free(l->path);
	free(l->torn_saved);
	memset(l, 0, sizeof *l);
	l->fd = -1;
	l->lockfd = -1;
}
