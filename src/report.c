/* report.c: --print, in text, CSV or JSON. */
#include <stdlib.h>
#include <string.h>

#include "csvout.h"
#include "report.h"
#include "strmap.h"
#include "text.h"

struct row {
	uint64_t	 seq, forfeit, replaces;
	char		 time[21];
	char		*prize, *id, *name;
	size_t		 group;		/* the prize's place in first-draw order */
};

struct collect {
	struct row	*rows;
	size_t		 n, cap;
	struct strmap	 prizes;	/* numbered in order of first draw */
	int		 rehearsal;	/* a session says it is one */
};

static int
collect_record(void *arg, const struct record *r,
    const struct ledger_session *ls, struct fault *f)
{
	struct collect	*c = arg;
	struct row	*row;
	uint64_t	 n = 0;
	size_t		 i, lo, hi;
	long		 g;
	const char	*v;

	(void)f;
	if (r->kind == REC_SESSION)
		c->rehearsal |= ls->rehearsal;
	if (r->kind == REC_FORFEIT) {
		parse_u64(record_get(r, "draw"), UINT64_MAX, &n);
		for (lo = 0, hi = c->n; lo < hi;) {
			i = lo + (hi - lo) / 2;
			if (c->rows[i].seq < n)
				lo = i + 1;
			else
				hi = i;
		}
		if (lo < c->n && c->rows[lo].seq == n)
			c->rows[lo].forfeit = r->seq;
		return 0;
	}
	if (r->kind != REC_DRAW)
		return 0;
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->rows = xreallocarray(c->rows, c->cap, sizeof *c->rows);
	}
	row = &c->rows[c->n++];
	memset(row, 0, sizeof *row);
	row->seq = r->seq;
	snprintf(row->time, sizeof row->time, "%s", r->time);
	row->prize = xstrdup(record_get(r, "prize"));
	row->id = xstrdup(record_get(r, "id"));
	row->name = xstrdup(record_get(r, "name"));
	if ((v = record_get(r, "replaces")) != NULL)
		parse_u64(v, UINT64_MAX, &row->replaces);
	if ((g = strmap_find(&c->prizes, row->prize)) < 0)
		g = (long)strmap_add(&c->prizes, row->prize);
	row->group = (size_t)g;
	return 0;
}

/* Write s as a JSON string. */
static void
json_string(FILE *fp, const char *s)
{
	putc('"', fp);
	for (; *s != '\0'; s++) {
		unsigned char	c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(fp, "\\%c", c);
		else if (c < 0x20)
			fprintf(fp, "\\u%04x", c);
		else
			putc(c, fp);
	}
	putc('"', fp);
}

static void
print_csv(const struct collect *c, FILE *fp)
{
	size_t	i;

	fputs("seq,time,prize,id,name,status\n", fp);
	for (i = 0; i < c->n; i++) {
		const struct row	*r = &c->rows[i];

		fprintf(fp, "%llu,%s,", (unsigned long long)r->seq, r->time);
		csvout_field(fp, r->prize);
		putc(',', fp);
		csvout_field(fp, r->id);
		putc(',', fp);
		csvout_field(fp, r->name);
		fputs(r->forfeit ? ",forfeited\n" : ",won\n", fp);
	}
}

static void
print_json(const struct collect *c, FILE *fp)
{
	size_t	i;

	for (i = 0; i < c->n; i++) {
		const struct row	*r = &c->rows[i];

		fprintf(fp, "{\"seq\":%llu,\"time\":\"%s\",\"prize\":",
		    (unsigned long long)r->seq, r->time);
		json_string(fp, r->prize);
		fputs(",\"id\":", fp);
		json_string(fp, r->id);
		fputs(",\"name\":", fp);
		json_string(fp, r->name);
		fprintf(fp, ",\"status\":\"%s\"}\n",
		    r->forfeit ? "forfeited" : "won");
	}
}

/* Pad s with spaces to cols columns, measured as a terminal shows it. */
static void
pad(FILE *fp, const char *s, size_t cols)
{
	size_t	w = text_width(s, strlen(s));

	fputs(s, fp);
	for (; w < cols; w++)
		putc(' ', fp);
}

/*
 * The table: one block per prize in the order prizes were first drawn,
 * each draw on a line with its sequence number, time, name and id.
 */
static void
print_text(const struct collect *c, FILE *fp)
{
	size_t	 i, k, g, namew = 4, *key, *order;
	char	 when[20], seq[24];

	if (c->n == 0) {
		fprintf(fp, "%s\n", _("No draws yet."));
		return;
	}
	key = xreallocarray(NULL, c->n, sizeof *key);
	order = xreallocarray(NULL, c->n, sizeof *order);
	for (i = 0; i < c->n; i++) {
		size_t	w = text_width(c->rows[i].name, strlen(c->rows[i].name));

		if (w > namew)
			namew = w > 40 ? 40 : w;
		key[i] = c->rows[i].group;
	}
	order_by_first_seen(key, c->n, c->prizes.n, order);
	for (i = 0, g = (size_t)-1; i < c->n; i++) {
		const struct row	*r = &c->rows[order[i]];

		if (r->group != g) {
			size_t	won = 0;

			g = r->group;
			for (k = i; k < c->n && c->rows[order[k]].group == g; k++)
				won += !c->rows[order[k]].forfeit;
			fprintf(fp, "%s%s (%zu)\n", i ? "\n" : "",
			    c->prizes.names[g], won);
		}
		snprintf(when, sizeof when, "%.10s %.8s", r->time, r->time + 11);
		snprintf(seq, sizeof seq, "#%llu", (unsigned long long)r->seq);
		fprintf(fp, "  %-7s %s  ", seq, when);
		pad(fp, r->name, namew);
		fprintf(fp, "  %s", r->id);
		if (r->forfeit)
			fprintf(fp, _("  forfeited (#%llu)"),
			    (unsigned long long)r->forfeit);
		else if (r->replaces)
			fprintf(fp, _("  replaces #%llu"),
			    (unsigned long long)r->replaces);
		putc('\n', fp);
	}
	free(key);
	free(order);
}

int
report_print(struct ledger *l, enum report_format fmt, FILE *fp,
    struct fault *f)
{
	struct collect	c;
	size_t		i;
	int		rc;

	memset(&c, 0, sizeof c);
	rc = ledger_scan(l, collect_record, &c, f);
	if (rc == 0) {
		/* A rehearsal's results are never mistaken for the draw's. */
		if (c.rehearsal && fmt != REPORT_TEXT)
			warn_msg(_("%s: a rehearsal, not the real draw"), l->path);
		else if (c.rehearsal)
			fprintf(fp, "%s\n\n", _("REHEARSAL: practice results, "
			    "not the real draw."));
		if (fmt == REPORT_CSV)
			print_csv(&c, fp);
		else if (fmt == REPORT_JSON)
			print_json(&c, fp);
		else
			print_text(&c, fp);
	}
	for (i = 0; i < c.n; i++) {
		free(c.rows[i].prize);
		free(c.rows[i].id);
		free(c.rows[i].name);
	}
	free(c.rows);
	strmap_free(&c.prizes);
	return rc;
}
