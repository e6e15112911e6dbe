/*
 * ledger-follow.c: a log read as another raffle writes it, for the
 * audience's screen (--follow). It never locks and never writes.
 *
 * The log's directory is watched with inotify, so that the caller can wait
 * on one descriptor for a change: an append, the log made, replaced or
 * removed. Each read takes the whole records added since the last one; a
 * record still being written (no newline yet) waits for the next read. A
 * log replaced by another file, or cut shorter than what was read, is read
 * again from its start, and the caller told so. Where inotify is missing
 * (some network file systems), the caller polls: a read that finds nothing
 * new costs one stat.
 */
#include <sys/inotify.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ledger.h"

struct ledger_follow {
	struct ledger		 l;		/* size: bytes of whole records read */
	struct ledger_scan	*sc;
	char			*buf;
	size_t			 cap;
	int			 ifd;		/* inotify, or -1 */
};

struct ledger_follow *
ledger_follow_open(const char *path)
{
	struct ledger_follow	*lf = xcalloc(1, sizeof *lf);
	char			*dir = xstrdup(path);

	lf->l.path = xstrdup(path);
	lf->l.fd = -1;
	lf->l.lockfd = -1;
	lf->ifd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (lf->ifd != -1 && inotify_add_watch(lf->ifd, dirname(dir),
	    IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_MOVED_TO |
	    IN_MOVED_FROM | IN_DELETE | IN_ATTRIB) == -1) {
		close(lf->ifd);
		lf->ifd = -1;
	}
	free(dir);
	return lf;
}

int
ledger_follow_fd(const struct ledger_follow *lf)
{
	return lf->ifd;
}

/* Forget what was read: the log is read again from its start. */
static void
follow_restart(struct ledger_follow *lf)
{
	if (lf->l.fd != -1)
		close(lf->l.fd);
	lf->l.fd = -1;
	lf->l.size = 0;
	ledger_scan_end(lf->sc);
	lf->sc = NULL;
}

int
ledger_follow_read(struct ledger_follow *lf, ledger_fn fn, void *arg,
    struct fault *f)
{
	struct ledger	*l = &lf->l;
	struct stat	 st, pst;
	char		*nl, *p;
	size_t		 len = 0;
	ssize_t		 n;
	int		 got = 0;
	char		 ev[4096];

	/* The notifications only wake the caller: drain them. */
	while (lf->ifd != -1 && read(lf->ifd, ev, sizeof ev) > 0)
		;
	if (l->fd != -1 && (stat(l->path, &pst) == -1 ||
	    fstat(l->fd, &st) == -1 || pst.st_dev != st.st_dev ||
	    pst.st_ino != st.st_ino || (size_t)st.st_size < l->size)) {
		follow_restart(lf);
		return LEDGER_RESTART;
	}
	if (l->fd == -1) {
		l->fd = open(l->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		if (l->fd == -1)
			return 0;
		if (fstat(l->fd, &st) == -1 || !S_ISREG(st.st_mode)) {
			close(l->fd);
			l->fd = -1;
			return fault_set(f, EXIT_NOINPUT, _("%s: is not a regular "
			    "file; name the log file"), l->path);
		}
		l->size = 0;
		lf->sc = ledger_scan_begin(l);
	}
	/*
	 * Read from the end of the whole records every time: a torn tail
	 * read before may have been cut off by a writer since.
	 */
	for (;;) {
		if (lf->cap - len < 65536)
			lf->buf = xrealloc(lf->buf, lf->cap = lf->cap * 2 + 65536);
		n = pread(l->fd, lf->buf + len, lf->cap - len,
		    (off_t)(l->size + len));
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return fault_set(f, EXIT_IOERR, _("%s: cannot read: %s"),
			    l->path, strerror(errno));
		if (n == 0)
			break;
		len += (size_t)n;
	}
	p = lf->buf;
	while ((nl = memchr(p, '\n', len - (size_t)(p - lf->buf))) != NULL) {
		if (ledger_scan_record(lf->sc, p, (size_t)(nl - p), fn, arg,
		    f) != 0)
			return -1;
		l->size += (size_t)(nl - p) + 1;
		p = nl + 1;
		got = 1;
	}
	return got;
}

const struct ledger *
ledger_follow_ledger(const struct ledger_follow *lf)
{
	return &lf->l;
}

void
ledger_follow_close(struct ledger_follow *lf)
{
	if (lf == NULL)
		return;
	follow_restart(lf);
	if (lf->ifd != -1)
		close(lf->ifd);
	free(lf->l.path);
	free(lf->buf);
	free(lf);
}
