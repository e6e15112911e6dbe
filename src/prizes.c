/* prizes.c: the prize table from CSV: prize, quantity, eligible. */
#include <stdlib.h>
#include <string.h>

#include "prizes.h"
#include "strmap.h"
#include "text.h"

struct loader {
	struct prizes	*p;
	int		 col_prize, col_qty, col_eligible;
	int		 have_header;
	struct strmap	 names;		/* prize name to row */
	size_t		 cap;
};

static int
find_column(const struct csvin_row *hdr, const char *a, const char *b)
{
	size_t	i;

	for (i = 0; i < hdr->nfields; i++)
		if (text_equal_nocase(hdr->field[i], a) ||
		    (b != NULL && text_equal_nocase(hdr->field[i], b)))
			return (int)i;
	return -1;
}

/* A field folded in place; a missing one reads as "". */
static char *
field(const struct csvin_row *row, int col)
{
	size_t	len;

	if (col < 0 || (size_t)col >= row->nfields)
		return NULL;
	len = text_fold(row->field[col], row->len[col]);
	row->field[col][len] = '\0';
	return row->field[col];
}

static int
prizes_header(struct loader *l, const struct csvin_row *row, struct fault *f)
{
	size_t	i;

	for (i = 0; i < row->nfields; i++)
		field(row, (int)i);
	l->col_prize = find_column(row, "prize", "name");
	l->col_qty = find_column(row, "quantity", "qty");
	l->col_eligible = find_column(row, "eligible", NULL);
	if (l->col_prize == -1 || l->col_qty == -1)
		return fault_set(f, EXIT_DATA, _("%s:%lu: the header needs "
		    "columns 'prize' and 'quantity' (and may have 'eligible'); "
		    "add that header line"), l->p->file, row->line);
	return 0;
}

static int
prizes_row(void *arg, const struct csvin_row *row, struct fault *f)
{
	struct loader		*l = arg;
	struct prizes		*p = l->p;
	struct prize_row	*pr;
	const char		*name, *qty, *elig;
	uint64_t		 q;
	size_t			 i;
	int			 added;

	if (csvin_row_is_blank(row))
		return 0;
	if (!l->have_header) {
		l->have_header = 1;
		return prizes_header(l, row, f);
	}
	name = field(row, l->col_prize);
	qty = field(row, l->col_qty);
	elig = field(row, l->col_eligible);
	if (name == NULL || *name == '\0')
		return fault_set(f, EXIT_DATA, _("%s:%lu: no prize name; name the "
		    "prize or delete the row"), p->file, row->line);
	if (qty == NULL || parse_u64(qty, PRIZES_MAX_QUANTITY, &q) != 0 || q == 0)
		return fault_set(f, EXIT_DATA, _("%s:%lu: quantity '%s' of '%s' is "
		    "not a whole number from 1 to %u"), p->file, row->line,
		    qty ? qty : "", name, PRIZES_MAX_QUANTITY);
	if (p->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		p->rows = xreallocarray(p->rows, l->cap, sizeof *p->rows);
	}
	pr = &p->rows[p->n];
	pr->name = xstrdup(name);
	i = strmap_intern(&l->names, pr->name, &added);
	if (!added) {
		free(pr->name);
		return fault_set(f, EXIT_DATA, _("%s:%lu: prize '%s' is already on "
		    "line %lu; give it one row with the total quantity, or name "
		    "the two apart"), p->file, row->line, name, p->rows[i].line);
	}
	p->n++;
	pr->quantity = (uint32_t)q;
	pr->eligible = elig != NULL && *elig != '\0' ? xstrdup(elig) : NULL;
	pr->line = row->line;
	return 0;
}

int
prizes_load(struct prizes *p, const struct csvin_opts *o, struct fault *f)
{
	struct loader		l;
	struct csvin_result	res;

	memset(p, 0, sizeof *p);
	memset(&l, 0, sizeof l);
	p->file = csvin_display_name(o->path);
	l.p = p;
	if (csvin_read(o, prizes_row, &l, &res, f) != 0) {
		strmap_free(&l.names);
		prizes_free(p);
		return -1;
	}
	strmap_free(&l.names);
	memcpy(p->fingerprint, res.fingerprint, sizeof p->fingerprint);
	if (p->n == 0) {
		fault_set(f, EXIT_DATA, _("%s: no prizes: add one row per prize "
		    "under the header 'prize,quantity'"), p->file);
		prizes_free(p);
		return -1;
	}
	return 0;
}

void
prizes_free(struct prizes *p)
{
	size_t	i;

	for (i = 0; i < p->n; i++) {
		free(p->rows[i].name);
		free(p->rows[i].eligible);
	}
	free(p->rows);
	memset(p, 0, sizeof *p);
}
