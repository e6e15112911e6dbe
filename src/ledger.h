/*
 * ledger.h: the result log, append-only and hash-chained (raffle.log(5)).
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
 * ledger-read.c reads and checks a log, record by record; ledger-write.c
 * appends to it. A writer holds two locks for its whole life: one on
 * PATH.lock, which names the path (a second raffle on the same path is
 * refused even after an editor replaced the file), and one on the log
 * itself (a second path to the same file is refused too). Before each
 * append it checks that the path still names the file it opened, at the
 * size it last wrote.
 */
#ifndef RAFFLE_LEDGER_H
#define RAFFLE_LEDGER_H

#include <sys/types.h>

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "util.h"

enum rec_kind {
	REC_SESSION,
	REC_WITNESS,		/* protocol 2: the witness, after the commitment */
	REC_REVEAL,		/* protocol 1: the seed, with the first draw */
	REC_DRAW,
	REC_FORFEIT
};

#define REC_MAXKV	16

/* One record as read; the strings point into the ledger's copy of the line. */
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
 * verifier needs to recompute its draws. Protocol 1 (logs of raffle 1.0)
 * keys every draw with a seed revealed at the first draw; protocol 2 with
 * a hash chain, one value revealed by each draw (see rng.h).
 */
struct ledger_session {
	uint64_t	 seq;		/* of its session record; 0 = none yet */
	int		 protocol;	/* 1 or 2 */
	unsigned char	 commit[32];
	int		 repeat;
	const char	*roster, *digest, *prizes;	/* hex, or "none" */
	uint64_t	 entries, tickets;
	int		 rehearsal;	/* marked as a rehearsal */
	const char	*witness;	/* the text; "" until recorded */
	uint64_t	 witness_seq;	/* its record (protocol 2); 0 = none */
	uint64_t	 draws;		/* draw records so far */
	/* Protocol 1. */
	unsigned char	 seed[32];
	int		 revealed;
	/* Protocol 2: the chain's length and its last value revealed. */
	uint64_t	 steps;
	unsigned char	 chain[32];
};

struct ledger {
	char		*path;
	int		 fd;		/* -1: a writer's log not created yet */
	int		 lockfd;	/* PATH.lock, a writer's; -1 for readers */
	dev_t		 dev;		/* the open file, to notice it replaced */
	ino_t		 ino;
	size_t		 size;		/* bytes of whole records */
	size_t		 torn;		/* bytes after them: a torn last record */
	unsigned long	 torn_line;	/* its line, once scanned */
	int		 unended;	/* the last record lacks its newline */
	uint64_t	 nrecords;	/* after a scan */
	unsigned char	 head[32];	/* hash of the last record */
	char		*torn_saved;	/* where a writer moved the torn bytes */
	int		 broken;	/* an append failed: no more writes */
};

/* Called for each record a scan checks, with its session; -1 stops it. */
typedef int (*ledger_fn)(void *, const struct record *,
    const struct ledger_session *, struct fault *);

/*
 * Read a log without locking or writing. A missing file, or one that is
 * not a regular file (a FIFO, a directory), is exit 66.
 */
int	 ledger_read(struct ledger *, const char *, struct fault *);

/*
 * Check every record and call fn (may be NULL) for each, in order. Damage
 * is exit 65 with the line; so is a file whose first line is not a record.
 * A torn tail is not scanned (see torn, torn_line); a last record without
 * its newline that parses and chains is a whole record (unended is set).
 */
int	 ledger_scan(struct ledger *, ledger_fn, void *, struct fault *);

/*
 * The scan behind ledger_scan(), record by record, for a reader that goes
 * on as the file grows (ledger-follow.c). Begin resets the ledger's head
 * and count; each record is one line without its newline.
 */
struct ledger_scan;
struct ledger_scan *ledger_scan_begin(struct ledger *);
int	 ledger_scan_record(struct ledger_scan *, const char *, size_t,
	    ledger_fn, void *, struct fault *);
void	 ledger_scan_end(struct ledger_scan *);

/*
 * A log followed as another raffle writes it (ledger-follow.c), read-only.
 * ledger_follow_read() calls fn for each whole record added since its last
 * call and returns 1, or 0 when there is none (a record still being
 * written waits), -1 with the fault for damage, or LEDGER_RESTART when the
 * log was replaced, cut short or removed: the caller forgets what it was
 * told, and the next read starts from the first record again. The
 * descriptor (or -1: poll) becomes readable when the log may have changed.
 */
#define LEDGER_RESTART	2
struct ledger_follow;
struct ledger_follow *ledger_follow_open(const char *);
int	 ledger_follow_read(struct ledger_follow *, ledger_fn, void *,
	    struct fault *);
/* A descriptor to wait on for a change of the log, or -1: poll. */
int	 ledger_follow_fd(const struct ledger_follow *);
/* The log as read so far: its head, its records. */
const struct ledger *ledger_follow_ledger(const struct ledger_follow *);
/* Stop following; closes the files. */
void	 ledger_follow_close(struct ledger_follow *);

/* The value of key in the record, or NULL. */
const char *record_get(const struct record *, const char *);

/* The name of a record kind, as the log writes it. */
const char *record_kind_name(enum rec_kind);

/* Split the open file into whole records and a torn tail (for writers). */
int	 ledger_find_torn(struct ledger *, struct fault *);

/*
 * Open a log for writing: take the locks (exit 75 if another raffle holds
 * either) and read it; a log that does not exist yet is created by the
 * first append, so that a run which writes nothing leaves nothing. A path
 * that cannot hold a log is exit 73. Scan it next.
 */
int	 ledger_open(struct ledger *, const char *, struct fault *);

/*
 * After a scan, make the end of the file whole (writers only): end a last
 * record that lacks its newline, and move a torn tail to PATH.torn-TIME.
 * Each is said with a warning.
 */
int	 ledger_mend(struct ledger *, struct fault *);

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
	char		 stamp[32];	/* now, as records write it */
};

/* Start an empty batch after the ledger's last record, stamped now. */
void	 ledger_batch_init(struct ledger_batch *, const struct ledger *);
/* Free the batch's bytes (after it is appended, or given up). */
void	 ledger_batch_free(struct ledger_batch *);
/* Start a record; returns its sequence number. */
uint64_t ledger_rec_begin(struct ledger_batch *, enum rec_kind);
/* Add key=value; a control character in the value becomes a space. */
void	 ledger_rec_add(struct ledger_batch *, const char *, const char *);
/* Add key=value, the value a number in decimal. */
void	 ledger_rec_addu(struct ledger_batch *, const char *, uint64_t);
/* End the record with its hash. */
void	 ledger_rec_end(struct ledger_batch *);

/*
 * Write the batch and fsync it, after checking that the path still names
 * the file opened, at the size last written. On any failure the file is
 * cut back to where it was, nothing counts as written, no more appends are
 * made, and the fault says what failed (exit 74).
 */
int	 ledger_append(struct ledger *, struct ledger_batch *, struct fault *);

/* Close the log and release the locks. */
void	 ledger_close(struct ledger *);

#endif
