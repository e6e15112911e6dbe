/*
 * roster.h: the participants, read from CSV as the organiser meant them.
 * Entries keep roster order; an id names one person across runs.
 */
#ifndef RAFFLE_ROSTER_H
#define RAFFLE_ROSTER_H

#include <stddef.h>
#include <stdint.h>

#include "csvin.h"
#include "strmap.h"
#include "util.h"

#define ROSTER_MAX_WEIGHT	1000000000u

/*
 * One participant. The strings live in the roster's pool and are named by
 * offset: a million entries take 24 bytes each instead of 40.
 */
struct entry {
	uint32_t	 id;		/* offset of the id in the pool */
	uint32_t	 name;		/* offset of the name in the pool */
	uint32_t	 weight;	/* tickets; 0 = not eligible */
	uint32_t	 line;		/* where the row starts in the file */
	uint32_t	 group;		/* 1-based index into groups; 0 = none */
	uint32_t	 key;		/* offset of the id as compared (see
					   roster_find()) */
	uint32_t	 show;		/* offset of --show-column's text */
};

struct roster_opts {
	struct csvin_opts	 csv;
	int			 no_header;
	const char		*name_col;	/* header name or 1-based number */
	const char		*id_col;
	const char		*weight_col;
	const char		*group_col;
	const char		*show_col;	/* shown beside a winner's name */
};

struct roster {
	const char	*file;		/* the name used in messages */
	struct entry	*entries;
	size_t		 n, cap;
	char		*pool;		/* every id and name, NUL-terminated */
	size_t		 poollen, poolcap;
	char		**groups;
	size_t		 ngroups;
	uint64_t	 tickets;	/* the sum of all weights */
	size_t		 eligible;	/* entries with a weight above 0 */
	unsigned long	 skipped, duplicates;
	unsigned char	 fingerprint[32];
	unsigned char	 digest[32];	/* see roster_digest() */
	int		 have_digest;
	int		 delimiter;
	int		 weighted, grouped;
	char		*col_label[5];	/* name, id, weight, group, show */
	int		 col[5];	/* 0-based columns; -1 = none */

	struct strmap	 ids;		/* key to entry, built when first asked */
};

/*
 * Read a roster: skip rows without a visible name or id (said, with their
 * lines), count each id once. On failure nothing is left to free.
 */
int	 roster_load(struct roster *, const struct roster_opts *, struct fault *);
/* Free what the roster holds; it may be loaded again. */
void	 roster_free(struct roster *);

/* The name of entry i. */
static inline const char *
roster_name(const struct roster *r, size_t i)
{
	return r->pool + r->entries[i].name;
}

/* The id of entry i, as the roster writes it. */
static inline const char *
roster_id(const struct roster *r, size_t i)
{
	return r->pool + r->entries[i].id;
}

/* The text of --show-column for entry i (a team, a table), or "". */
static inline const char *
roster_show(const struct roster *r, size_t i)
{
	return r->pool + r->entries[i].show;
}

/* The id of entry i as ids are compared: an email address in lower case. */
static inline const char *
roster_key(const struct roster *r, size_t i)
{
	return r->pool + r->entries[i].key;
}

/* The group name of entry i, or "" for none. */
const char *roster_group(const struct roster *, size_t);

/* The entry with this id, or -1; email addresses match without case. */
long	 roster_find(struct roster *, const char *);

/* 1-based group index for a name (ASCII case ignored), or 0. */
uint32_t roster_group_find(const struct roster *, const char *);

/*
 * BLAKE2b-256 over what the draw depends on: every entry's id, weight and
 * group in roster order. Two readings of one file with other column options
 * give other digests, so a log can tell them apart.
 */
void	 roster_digest(struct roster *, unsigned char [32]);

#endif
