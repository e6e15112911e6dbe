/* util.h: memory that never fails, failures that carry an exit status. */
#ifndef RAFFLE_UTIL_H
#define RAFFLE_UTIL_H

#include <libintl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/*
 * Words for people go through gettext: _() where they are shown, N_() where
 * they are only named and shown later. The log, --list, --print's CSV and
 * JSON and everything --verify hashes never do.
 */
#define _(s)	gettext(s)
#define N_(s)	(s)

#define RAFFLE_VERSION "2.0.0"

/* Exit statuses, as sysexits(3) names them; 1 is our own. */
enum {
	EXIT_OK = 0,
	EXIT_EXHAUSTED = 1,	/* a draw could not be completed: nobody eligible left */
	EXIT_USAGE = 64,
	EXIT_DATA = 65,
	EXIT_NOINPUT = 66,
	EXIT_SOFTWARE = 70,	/* raffle broke a rule of its own: a bug */
	EXIT_CANTCREAT = 73,
	EXIT_IOERR = 74,
	EXIT_LOCKED = 75
};

/*
 * What went wrong, for the caller to show: the exit status it implies and a
 * message without the "raffle: " prefix. Core functions fill one and return
 * -1; the face decides how to show it.
 */
struct fault {
	int	 status;
	char	 msg[1024];
};

/* Fill the fault (may be NULL) with a status and a message; returns -1. */
int	 fault_set(struct fault *, int, const char *, ...)
	    __attribute__((format(printf, 3, 4)));

/*
 * Allocation that never returns NULL: out of memory, raffle says so and
 * exits 74. Caller frees.
 */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));

/*
 * Warnings go through one sink so the screen can hold them while curses owns
 * the terminal. The default writes "raffle: MSG" to standard error.
 */
typedef void (*warn_sink)(const char *);
/*
 * Write "raffle: MSG" and a newline; a control character in the message
 * (from a file name, say) is written as '?', never sent to the terminal.
 */
void	 msg_put(FILE *, const char *);

/* Send warnings to sink (NULL: standard error again). */
void	 warn_set_sink(warn_sink);
/* Say a warning, a printf format, through the sink. */
void	 warn_msg(const char *, ...) __attribute__((format(printf, 1, 2)));

/* len bytes as 2*len lowercase hex digits and a NUL. */
void	 hex_encode(char *, const unsigned char *, size_t);
/* Exactly 2*len lowercase hex digits into bytes; -1 if s is not that. */
int	 hex_decode(unsigned char *, size_t, const char *);
/* Decimal digits only, at most max, into *out; -1 for anything else. */
int	 parse_u64(const char *, uint64_t, uint64_t *);
/* A fast hash for tables (not for secrets). */
uint64_t hash_bytes(const char *, size_t);

/*
 * Order n items by key (each below nkeys): the keys in the order each is
 * first met, the items of one key in their own order. order gets the
 * items' indices; returns how many keys were met.
 */
size_t	 order_by_first_seen(const size_t *, size_t, size_t, size_t *);

/* fsync the directory holding path, so a new name in it survives a crash. */
int	 sync_dir(const char *);

/* v in decimal and a NUL into out (21 bytes of room); returns the length. */
size_t	 u64_format(char *, uint64_t);

#endif
