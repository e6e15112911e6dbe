/* roster.c: participants from CSV rows: columns, folding, ids, tickets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bigmem.h"
#include "blake2b.h"
#include "roster.h"
#include "text.h"

enum { COL_NAME, COL_ID, COL_WEIGHT, COL_GROUP };

/* Warnings of one kind shown before the rest are only counted. */
#define WARN_MAX	10

/* Entries each half of a big file starts with room for (5 MiB of them). */
#define BACK_FIRST	((size_t)1 << 18)

struct loader {
	struct roster			*r;
	const struct roster_opts	*o;
	int				 have_header;
	uint64_t			*keys;	/* id hash << 32 | entry */
	unsigned long			 warned_skip;

	/*
	 * The loader of a big file's back half (csvin.h), read on a thread
	 * of its own into a roster of its own whose strings share the front's
	 * pool. It says nothing: a row it would have to skip or refuse fails
	 * it, and the front reads that part again in order.
	 */
	int				 back;
	struct loader			*front;
};

/*
 * The digest hashes each entry as id NUL, weight (4 bytes, little-endian),
 * group NUL, the pieces gathered into a buffer first: a million small
 * updates would cost more than the hashing itself.
 */
struct digest {
	struct blake2b	 st;
	unsigned char	 buf[1 << 16];
	size_t		 len;
};

static void
digest_start(struct digest *d)
{
	blake2b_init(&d->st, 32);
	d->len = 0;
}

static void
digest_put(struct digest *d, const void *p, size_t n)
{
	if (sizeof d->buf - d->len < n) {
		blake2b_update(&d->st, d->buf, d->len);
		d->len = 0;
	}
	if (n > sizeof d->buf) {
		blake2b_update(&d->st, p, n);
		return;
	}
	memcpy(d->buf + d->len, p, n);
	d->len += n;
}

static void
digest_entry(struct digest *d, const char *id, uint32_t w, const char *g)
{
	unsigned char	num[4];

	num[0] = (unsigned char)w;
	num[1] = (unsigned char)(w >> 8);
	num[2] = (unsigned char)(w >> 16);
	num[3] = (unsigned char)(w >> 24);
	digest_put(d, id, strlen(id) + 1);
	digest_put(d, num, 4);
	digest_put(d, g, strlen(g) + 1);
}

static void
digest_end(struct digest *d, unsigned char out[32])
{
	blake2b_update(&d->st, d->buf, d->len);
	blake2b_final(&d->st, out);
}

static const char *const name_headers[] = { "name", "full name",
	"participant", NULL };
static const char *const id_headers[] = { "id", "email", "e-mail",
	"employee id", NULL };
static const char *const option_name[] = { "--name-column", "--id-column",
	"--weight-column", "--group-column" };

static void
pool_reserve(struct roster *r, size_t cap)
{
	if (r->poolcap < cap) {
		r->pool = bigmem_resize(r->pool, r->poolcap, cap);
		r->poolcap = cap;
	}
}

/*
 * Copy len bytes and a NUL into the pool at *off. A shared pool cannot move;
 * csvin's bound (a string and its NUL fit in the field and the byte after
 * it) keeps each half inside its own part of it.
 */
static int
pool_add(struct roster *r, const char *s, size_t len, uint32_t *off)
{
	if (r->poolcap - r->poollen < len + 1) {
		size_t	cap = r->poolcap ? r->poolcap : ((size_t)1 << 20);

		if (r->pool_shared)
			return -1;
		while (cap - r->poollen < len + 1)
			cap *= 2;
		pool_reserve(r, cap);
	}
	memcpy(r->pool + r->poollen, s, len);
	r->pool[r->poollen + len] = '\0';
	*off = (uint32_t)r->poollen;
	r->poollen += len + 1;
	return 0;
}

/* Build the id index: open addressing, under half full. */
static void
index_build(struct roster *r)
{
	size_t	i, j, mask;

	for (r->nslots = 1024; r->nslots < r->n * 2; r->nslots *= 2)
		;
	r->slots = bigmem_resize(NULL, 0, r->nslots * sizeof *r->slots);
	mask = r->nslots - 1;
	for (i = 0; i < r->n; i++) {
		const char	*id = roster_id(r, i);
		uint64_t	 h = hash_bytes(id, strlen(id));

		for (j = (size_t)h & mask; r->slots[j] != 0; j = (j + 1) & mask)
			;
		r->slots[j] = (h >> 32) << 32 | (uint64_t)(i + 1);
	}
}

/*
 * The index is built on the first lookup: --list and --check never look an
 * id up, and a million random writes are the dearest part of an import.
 */
long
roster_find(struct roster *r, const char *id)
{
	size_t		i, mask;
	uint64_t	h;
	uint32_t	tag;

	if (r->slots == NULL)
		index_build(r);
	h = hash_bytes(id, strlen(id));
	tag = (uint32_t)(h >> 32);
	mask = r->nslots - 1;
	for (i = (size_t)h & mask; r->slots[i] != 0; i = (i + 1) & mask)
		if ((uint32_t)(r->slots[i] >> 32) == tag &&
		    strcmp(roster_id(r, (uint32_t)r->slots[i] - 1), id) == 0)
			return (long)((uint32_t)r->slots[i] - 1);
	return -1;
}

const char *
roster_group(const struct roster *r, size_t i)
{
	uint32_t	g = r->entries[i].group;

	return g ? r->groups[g - 1] : "";
}

uint32_t
roster_group_find(const struct roster *r, const char *name)
{
	size_t	i;

	for (i = 0; i < r->ngroups; i++)
		if (text_equal_nocase(r->groups[i], name))
			return (uint32_t)i + 1;
	return 0;
}

/* Intern a group name; groups are few, so a list will do. */
static uint32_t
group_intern(struct roster *r, const char *name, size_t len)
{
	uint32_t	g;

	if (len == 0)
		return 0;
	if ((g = roster_group_find(r, name)) != 0)
		return g;
	r->groups = xreallocarray(r->groups, r->ngroups + 1, sizeof *r->groups);
	r->groups[r->ngroups++] = xstrndup(name, len);
	return (uint32_t)r->ngroups;
}

/* List the header's columns for a message: 'a', 'b', 'c'. */
static void
header_list(char *buf, size_t size, const struct csvin_row *hdr)
{
	size_t	i, used = 0;
	int	n;

	buf[0] = '\0';
	for (i = 0; i < hdr->nfields; i++) {
		n = snprintf(buf + used, size - used, "%s'%s'", i ? ", " : "",
		    hdr->field[i]);
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
}

/* Resolve one column option against the header (or its absence). */
static int
resolve_column(struct roster *r, int which, const char *spec,
    const struct csvin_row *hdr, struct fault *f)
{
	uint64_t	num;
	size_t		i;
	char		list[512];

	if (parse_u64(spec, 100000, &num) == 0) {
		if (num == 0)
			return fault_set(f, EXIT_USAGE, "%s 0: columns are "
			    "numbered from 1", option_name[which]);
		if (hdr != NULL && num > hdr->nfields)
			return fault_set(f, EXIT_DATA, "%s:%lu: %s %s, but the "
			    "header has %zu columns", r->file, hdr->line,
			    option_name[which], spec, hdr->nfields);
		r->col[which] = (int)num - 1;
		if (hdr != NULL && hdr->len[num - 1] > 0)
			r->col_label[which] = xstrdup(hdr->field[num - 1]);
		else
			r->col_label[which] = xasprintf("column %s", spec);
		return 0;
	}
	if (hdr == NULL)
		return fault_set(f, EXIT_USAGE, "%s '%s' names a header, but "
		    "--no-header says there is none; give the column's number",
		    option_name[which], spec);
	for (i = 0; i < hdr->nfields; i++) {
		if (text_equal_nocase(hdr->field[i], spec)) {
			r->col[which] = (int)i;
			r->col_label[which] = xstrdup(hdr->field[i]);
			return 0;
		}
	}
	header_list(list, sizeof list, hdr);
	return fault_set(f, EXIT_DATA, "%s:%lu: no column '%s' for %s; the "
	    "header has %s", r->file, hdr->line, spec, option_name[which], list);
}

/* The first column whose header is one of names, or -1. */
static int
find_header(const struct csvin_row *hdr, const char *const *names)
{
	size_t	i, k;

	for (k = 0; names[k] != NULL; k++)
		for (i = 0; i < hdr->nfields; i++)
			if (text_equal_nocase(hdr->field[i], names[k]))
				return (int)i;
	return -1;
}

/* Settle which column is which, from the options, the header or defaults. */
static int
roster_columns(struct loader *l, struct csvin_row *hdr, struct fault *f)
{
	struct roster			*r = l->r;
	const struct roster_opts	*o = l->o;
	const char			*spec[4];
	size_t				 i;
	int				 c;

	if (hdr != NULL)
		for (i = 0; i < hdr->nfields; i++) {
			hdr->len[i] = text_fold(hdr->field[i], hdr->len[i]);
			hdr->field[i][hdr->len[i]] = '\0';
		}
	spec[COL_NAME] = o->name_col;
	spec[COL_ID] = o->id_col;
	spec[COL_WEIGHT] = o->weight_col;
	spec[COL_GROUP] = o->group_col;
	for (i = 0; i < 4; i++) {
		r->col[i] = -1;
		if (spec[i] != NULL &&
		    resolve_column(r, (int)i, spec[i], hdr, f) != 0)
			return -1;
	}
	if (r->col[COL_NAME] == -1) {
		c = hdr != NULL ? find_header(hdr, name_headers) : -1;
		r->col[COL_NAME] = c == -1 ? 0 : c;
		if (hdr != NULL && hdr->len[r->col[COL_NAME]] > 0)
			r->col_label[COL_NAME] = xstrdup(hdr->field[r->col[COL_NAME]]);
		else
			r->col_label[COL_NAME] = xstrdup("column 1");
	}
	if (r->col[COL_ID] == -1 && hdr != NULL &&
	    (c = find_header(hdr, id_headers)) != -1 && c != r->col[COL_NAME]) {
		r->col[COL_ID] = c;
		r->col_label[COL_ID] = xstrdup(hdr->field[c]);
	}
	r->weighted = r->col[COL_WEIGHT] != -1;
	r->grouped = r->col[COL_GROUP] != -1;
	return 0;
}

/* A field of the row, folded in place; an absent column reads as empty. */
static char *
row_text(const struct csvin_row *row, int col, size_t *len)
{
	if (col < 0 || (size_t)col >= row->nfields) {
		*len = 0;
		return NULL;
	}
	if (row->plain[col])
		*len = text_fold_plain(row->field[col], row->len[col]);
	else
		*len = text_fold(row->field[col], row->len[col]);
	row->field[col][*len] = '\0';
	return row->field[col];
}

/* Say a skipped row, the first few of them; the back half cannot. */
static int
skip_row(struct loader *l, unsigned long line, const char *why,
    const char *name)
{
	struct roster	*r = l->r;

	if (l->back)
		return -1;
	r->skipped++;
	if (++l->warned_skip > WARN_MAX)
		return 0;
	if (name != NULL)
		warn_msg("%s:%lu: no %s in column '%s' for '%s'; row skipped",
		    r->file, line, why, r->col_label[COL_ID], name);
	else
		warn_msg("%s:%lu: no %s in column '%s'; row skipped", r->file,
		    line, why, r->col_label[COL_NAME]);
	return 0;
}

/* Room for n entries, and their keys. */
static void
roster_grow(struct loader *l, size_t n)
{
	struct roster	*r = l->r;
	size_t		 cap = r->cap ? r->cap : 4096;

	if (n <= r->cap)
		return;
	while (cap < n)
		cap *= 2;
	r->entries = bigmem_resize(r->entries, r->cap * sizeof *r->entries,
	    cap * sizeof *r->entries);
	l->keys = bigmem_resize(l->keys, r->cap * sizeof *l->keys,
	    cap * sizeof *l->keys);
	r->cap = cap;
}

static int
roster_row(void *arg, const struct csvin_row *row, struct fault *f)
{
	struct loader	*l = arg;
	struct roster	*r = l->r;
	struct entry	*e;
	char		*name, *id, *w, *g;
	size_t		 namelen, idlen, wlen, glen;
	uint64_t	 weight = 1;

	if (csvin_row_is_blank(row))
		return 0;
	if (!l->have_header) {
		l->have_header = 1;
		if (roster_columns(l, l->o->no_header ? NULL :
		    (struct csvin_row *)(uintptr_t)row, f) != 0)
			return -1;
		if (!l->o->no_header)
			return 0;
	}
	name = row_text(row, r->col[COL_NAME], &namelen);
	if (namelen == 0)
		return skip_row(l, row->line, "name", NULL);
	id = name;
	idlen = namelen;
	if (r->col[COL_ID] != -1) {
		id = row_text(row, r->col[COL_ID], &idlen);
		if (idlen == 0)
			return skip_row(l, row->line, "id", name);
	}
	if (r->col[COL_WEIGHT] != -1) {
		w = row_text(row, r->col[COL_WEIGHT], &wlen);
		if (w == NULL || parse_u64(w, ROSTER_MAX_WEIGHT, &weight) != 0)
			return fault_set(f, EXIT_DATA, "%s:%lu: '%s' in column "
			    "'%s' is not a whole number of tickets from 0 to %u; "
			    "write the number (0 leaves the person out)",
			    r->file, row->line, w ? w : "",
			    r->col_label[COL_WEIGHT], ROSTER_MAX_WEIGHT);
	}
	if (row->line > UINT32_MAX || r->n >= UINT32_MAX - 1 ||
	    r->poollen + namelen + idlen + 2 > UINT32_MAX)
		return fault_set(f, EXIT_DATA, "%s:%lu: the roster is too big "
		    "(at most 4 GB of names)", r->file, row->line);

	roster_grow(l, r->n + 1);
	l->keys[r->n] = (hash_bytes(id, idlen) >> 32) << 32 | r->n;
	e = &r->entries[r->n];
	if (pool_add(r, name, namelen, &e->name) != 0 || (id != name &&
	    pool_add(r, id, idlen, &e->id) != 0))
		return fault_set(f, EXIT_SOFTWARE, "%s:%lu: the names outgrew "
		    "the room set aside for them; please report this",
		    r->file, row->line);
	if (id == name)
		e->id = e->name;
	e->weight = (uint32_t)weight;
	e->line = (uint32_t)row->line;
	e->group = 0;
	if (r->col[COL_GROUP] != -1) {
		g = row_text(row, r->col[COL_GROUP], &glen);
		e->group = group_intern(r, g ? g : "", glen);
	}
	r->n++;
	return 0;
}

/*
 * Sort keys (hash << 32 | entry) by hash with a stable LSD radix sort, three
 * passes of 11 bits: entries with one hash stay in roster order.
 */
static void
sort_by_hash(uint64_t *keys, size_t n)
{
	uint64_t	*tmp, *src = keys, *dst, *swap;
	size_t		 count[2048], i, sum, c;
	unsigned	 pass, shift;

	tmp = bigmem_resize(NULL, 0, n * sizeof *tmp);
	dst = tmp;
	for (pass = 0; pass < 3; pass++) {
		shift = 32 + 11 * pass;
		memset(count, 0, sizeof count);
		for (i = 0; i < n; i++)
			count[(src[i] >> shift) & 2047]++;
		for (i = 0, sum = 0; i < 2048; i++) {
			c = count[i];
			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			dst[count[(src[i] >> shift) & 2047]++] = src[i];
		swap = src;
		src = dst;
		dst = swap;
	}
	/* An odd number of passes leaves the result in tmp. */
	memcpy(keys, src, n * sizeof *keys);
	bigmem_resize(tmp, n * sizeof *tmp, 0);
}

/*
 * Count each id once. Sorting by hash puts repeats side by side, so the
 * check is a sequential pass instead of a million random probes into a
 * table; the first row with an id stays, the later ones are said and go.
 * first[i] is the entry that i repeats (itself when it is the first).
 */
static void
roster_dedup(struct roster *r, uint64_t *keys)
{
	uint32_t	*first = NULL;
	size_t		 i, j, k, a, b, out;

	if (r->n < 2)
		return;
	sort_by_hash(keys, r->n);
	for (a = 0; a < r->n; a = b) {
		for (b = a + 1; b < r->n && keys[b] >> 32 == keys[a] >> 32; b++)
			;
		for (j = a + 1; j < b; j++) {
			uint32_t	ej = (uint32_t)keys[j], ek = 0;

			for (k = a; k < j; k++) {
				ek = (uint32_t)keys[k];
				if ((first == NULL || first[ek] == ek) &&
				    strcmp(roster_id(r, ej), roster_id(r, ek)) == 0)
					break;
			}
			if (k == j)
				continue;
			if (first == NULL) {
				first = xreallocarray(NULL, r->n, sizeof *first);
				for (i = 0; i < r->n; i++)
					first[i] = (uint32_t)i;
			}
			first[ej] = ek;
		}
	}
	if (first == NULL)
		return;
	/* Say the repeats first: compacting moves the entries they name. */
	for (i = 0; i < r->n; i++)
		if (first[i] != i && ++r->duplicates <= WARN_MAX)
			warn_msg("%s:%u: '%s' is already on line %u (same %s); "
			    "counted once", r->file, r->entries[i].line,
			    roster_id(r, i), r->entries[first[i]].line,
			    r->col[COL_ID] != -1 ? "id" : "name");
	for (i = 0, out = 0; i < r->n; i++)
		if (first[i] == i)
			r->entries[out++] = r->entries[i];
	if (r->duplicates > WARN_MAX)
		warn_msg("%s: %lu more repeated ids counted once", r->file,
		    r->duplicates - WARN_MAX);
	r->n = out;
	free(first);
}

/*
 * The back half's loader and roster, on cache lines of their own: each half
 * writes its own counts for every row, and the front's are on its stack.
 */
struct back {
	_Alignas(64) struct loader l;
	_Alignas(64) struct roster r;
};

/*
 * csvin is about to read text[from, total) as the back half. The front's
 * consumer is idle: set the pool aside for both (the whole file's worth;
 * folding only shortens), and give the back the columns the header chose.
 */
static void
back_begin(void *arg, size_t from, size_t total)
{
	struct loader	*back = arg;
	struct roster	*r = back->front->r, *b = back->r;

	pool_reserve(r, total + 2);
	r->pool_shared = 1;
	/*
	 * Start both halves' entries in mappings of their own: growing them
	 * from a few thousand would fault in page after page of malloc's
	 * heap, at a cost per fault that on a virtual machine outweighs the
	 * parse. Past that they double by mremap(2), which copies nothing;
	 * a bigger first guess would only claim address space for nothing.
	 */
	roster_grow(back->front, BACK_FIRST);
	roster_grow(back, BACK_FIRST);
	b->file = r->file;
	b->pool = r->pool;
	b->poolcap = r->poolcap;
	b->poollen = from;
	b->pool_shared = 1;
	memcpy(b->col, r->col, sizeof b->col);
	memcpy(b->col_label, r->col_label, sizeof b->col_label);
}

/* Append the back half's entries, renumbered, to the front's. */
static void
back_take(struct loader *front, struct loader *back, unsigned long line)
{
	struct roster	*r = front->r, *b = back->r;
	uint32_t	*group = NULL;
	size_t		 i, n = r->n;

	if (b->ngroups > 0) {
		group = xreallocarray(NULL, b->ngroups + 1, sizeof *group);
		group[0] = 0;
		for (i = 0; i < b->ngroups; i++)
			group[i + 1] = group_intern(r, b->groups[i],
			    strlen(b->groups[i]));
	}
	roster_grow(front, n + b->n);
	for (i = 0; i < b->n; i++) {
		struct entry	e = b->entries[i];

		e.line += (uint32_t)(line - 1);
		e.group = group != NULL ? group[e.group] : 0;
		r->entries[n + i] = e;
		front->keys[n + i] = (back->keys[i] >> 32) << 32 | (n + i);
	}
	r->n += b->n;
	r->poollen = b->poollen;
	free(group);
}

/* Free what the back half's loader holds of its own. */
static void
back_free(struct loader *back)
{
	struct roster	*b = back->r;
	size_t		 i;

	for (i = 0; i < b->ngroups; i++)
		free(b->groups[i]);
	free(b->groups);
	bigmem_resize(b->entries, b->cap * sizeof *b->entries, 0);
	bigmem_resize(back->keys, b->cap * sizeof *back->keys, 0);
}

int
roster_load(struct roster *r, const struct roster_opts *o, struct fault *f)
{
	struct loader		l;
	struct back		*b;
	struct csvin_half	half;
	struct csvin_result	res;
	size_t			i;
	int			rc;

	memset(r, 0, sizeof *r);
	r->file = csvin_display_name(o->csv.path);
	memset(&l, 0, sizeof l);
	l.r = r;
	l.o = o;
	b = xaligned(sizeof *b);
	b->l.r = &b->r;
	b->l.o = o;
	b->l.have_header = 1;
	b->l.back = 1;
	b->l.front = &l;
	half.begin = back_begin;
	half.fn = roster_row;
	half.arg = &b->l;
	rc = csvin_read_halves(&o->csv, roster_row, &l, &half, &res, f);
	r->pool_shared = 0;
	if (rc == 0 && res.half_line != 0)
		back_take(&l, &b->l, res.half_line);
	back_free(&b->l);
	free(b);
	if (rc == 0) {
		if (l.warned_skip > WARN_MAX)
			warn_msg("%s: %lu more rows without a name or id "
			    "skipped", r->file, l.warned_skip - WARN_MAX);
		roster_dedup(r, l.keys);
	}
	bigmem_resize(l.keys, r->cap * sizeof *l.keys, 0);
	if (rc != 0) {
		roster_free(r);
		return -1;
	}
	for (i = 0; i < r->n; i++) {
		r->tickets += r->entries[i].weight;
		r->eligible += r->entries[i].weight > 0;
	}
	memcpy(r->fingerprint, res.fingerprint, sizeof r->fingerprint);
	r->delimiter = res.delimiter;
	if (r->n > 0)
		return 0;
	if (!l.have_header)
		fault_set(f, EXIT_DATA, "%s: the file is empty; a roster needs a "
		    "header line and one row per participant", r->file);
	else
		fault_set(f, EXIT_DATA, "%s: no participants: %s", r->file,
		    r->skipped ? "every row was skipped (see above)" :
		    "the file has a header but no rows below it");
	roster_free(r);
	return -1;
}

/*
 * Computed when first asked for: --list and --check never need it, and on a
 * million entries it is tens of milliseconds of hashing.
 */
void
roster_digest(struct roster *r, unsigned char out[32])
{
	struct digest	*d;
	size_t		 i;

	if (!r->have_digest) {
		d = xaligned(sizeof *d);
		digest_start(d);
		for (i = 0; i < r->n; i++)
			digest_entry(d, roster_id(r, i), r->entries[i].weight,
			    roster_group(r, i));
		digest_end(d, r->digest);
		free(d);
		r->have_digest = 1;
	}
	memcpy(out, r->digest, 32);
}

void
roster_free(struct roster *r)
{
	size_t	i;

	for (i = 0; i < r->ngroups; i++)
		free(r->groups[i]);
	for (i = 0; i < 4; i++)
		free(r->col_label[i]);
	free(r->groups);
	bigmem_resize(r->entries, r->cap * sizeof *r->entries, 0);
	bigmem_resize(r->pool, r->poolcap, 0);
	bigmem_resize(r->slots, r->nslots * sizeof *r->slots, 0);
	memset(r, 0, sizeof *r);
}
