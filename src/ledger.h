/*
 * ledger.h: the result log, append-only and hash-chained.
 *
 * One record a line, UTF-8, fields separated by tabs:
 *
 *	SEQ  TIME  KIND  key=value ...  HASH
 *
 * SEQ counts from 1 and equals the line number; TIME is UTC, RFC 3339
 * (2026-11-25T20:15:03Z); HASH is the lowercase hex BLAKE2b-256 of the
 * previous record's 32-byte hash (zeros for the first) followed by this
 * line's bytes up to and including the tab before HASH. Values never hold a
 * tab, a line break or another control character.
 *
 * Readers scan the log once, record by record; writers hold an exclusive
 * lock for their whole life and append whole records with write + fsync.
 */
#ifndef RAFFLE_LEDGER_H
#define RAFFLE_LEDGER_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "util.h"

enum rec_kind {
	REC_SESSION,
	REC_REVEAL,
	REC_DRAW,
	REC_FORFEIT
};

#define REC_MAXKV	16

/* One record as read; the strings point into the ledger's copy of the file. */
struct record {
	uint64_t	 seq;
	const char	*time;
	enum rec_kind	 kind;
	unsigned char	 hash[32];
	size_t		 nkv;
	const char	*key[REC_MAXKV];
	const char	*val[REC_MAXKV];
};

/*
 * The session a record belongs to, as far as the log has told: what a
 * verifier needs to recompute its draws.
 */
struct ledger_session {
	uint64_t	 seq;		/* of its session record; 0 = none yet */
	unsigned char	 commit[32];
	unsigned char	 seed[32];
	int		 revealed;
	int		 repeat;
	const char	*witness;
	const char	*roster, *digest, *prizes;	/* hex, or "none" */
};

struct ledger {
	char		*path;
	int		 fd;
	size_t		 size;		/* bytes of whole records */
	size_t		 torn;		/* bytes after them: a torn last record */
	unsigned long	 torn_line;	/* its line, once scanned */
	uint64_t	 nrecords;	/* after a scan */
	unsigned char	 head[32];	/* hash of the last record */
	char		*torn_saved;	/* where a writer moved the torn bytes */
	int		 broken;	/* an append failed: no more writes */
};

typedef int (*ledger_fn)(void *, const struct record *,
    const struct ledger_session *, struct fault *);

/* Read a log without locking or writing. A missing file is exit 66. */
int	 ledger_read(struct ledger *, const char *, struct fault *);

/*
 * Open a log for writing: create it (O_EXCL, directory synced) or open it,
 * take the lock (exit 75 if another raffle holds it), read it, refuse a
 * damaged one (exit 65) and move a torn tail aside.
 */
int	 ledger_open(struct ledger *, const char *, struct fault *);

/* Move a torn tail to PATH.torn-TIME and cut it off (writers only). */
int	 ledger_cut_torn(struct ledger *, struct fault *);

/*
 * Check every record and call fn for each, in order. Damage is exit 65 with
 * the line; a torn tail is not scanned (see torn, torn_line).
 */
int	 ledger_scan(struct ledger *, ledger_fn, void *, struct fault *);

const char *record_get(const struct record *, const char *);

/*
 * Records to append, built in memory with their sequence numbers and hashes
 * chained from the ledger's head. Nothing reaches the file before
 * ledger_append().
 */
struct ledger_batch {
	char		*buf;
	size_t		 len, cap;
	uint64_t	 next_seq;
	unsigned char	 head[32];
	size_t		 recstart;
	time_t		 now;
	char		 stamp[21];	/* now, as records write it */
};

void	 ledger_batch_init(struct ledger_batch *, const struct ledger *);
void	 ledger_batch_free(struct ledger_batch *);
/* Start a record; returns its sequence number. */
uint64_t ledger_rec_begin(struct ledger_batch *, enum rec_kind);
void	 ledger_rec_add(struct ledger_batch *, const char *, const char *);
void	 ledger_rec_addu(struct ledger_batch *, const char *, uint64_t);
void	 ledger_rec_end(struct ledger_batch *);

/*
 * Write the batch and fsync it. On any failure the file is cut back to
 * where it was, nothing counts as written, and the fault says what failed
 * (exit 74).
 */
int	 ledger_append(struct ledger *, struct ledger_batch *, struct fault *);

void	 ledger_close(struct ledger *);

#endif
