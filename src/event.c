/* event.c: prizes left, winners, forfeits, and the pools draws come from. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "text.h"

/* A prize kept for a group that nobody in the roster belongs to. */
#define NO_GROUP	UINT32_MAX

/* Add a prize and index its name; the name must be new. */
static size_t
prize_add(struct event *ev, const char *name, uint32_t quantity, int history)
{
	struct ev_prize	*p;

	if (ev->nprizes == ev->capprizes) {
		/* Generic draws add a prize a draw: grow by doubling. */
		ev->capprizes = ev->capprizes ? ev->capprizes * 2 : 16;
		ev->prizes = xreallocarray(ev->prizes, ev->capprizes,
		    sizeof *ev->prizes);
	}
	p = &ev->prizes[ev->nprizes];
	memset(p, 0, sizeof *p);
	p->name = xstrdup(name);
	p->label = p->name;
	/* A generic draw's name is the log's, in English; the room reads it in
	 * its own language. */
	if (ev->generic && strncmp(name, "Draw ", 5) == 0 &&
	    name[5 + strspn(name + 5, "0123456789")] == '\0' && name[5] != '\0')
		/* TRANSLATORS: a draw without a prize table: Draw 3 */
		p->label = xasprintf(_("Draw %s"), name + 5);
	p->quantity = quantity;
	p->history = history;
	strmap_add(&ev->prize_names, p->name);
	return ev->nprizes++;
}

size_t
event_prize_by_name(struct event *ev, const char *name)
{
	long	i;

	if ((i = strmap_find(&ev->prize_names, name)) >= 0)
		return (size_t)i;
	/* In generic mode a prize from the log can be drawn again. */
	return prize_add(ev, name, 0, !ev->generic);
}

int
event_init(struct event *ev, struct roster *r, const struct prizes *pt,
    struct fault *f)
{
	size_t	i;

	memset(ev, 0, sizeof *ev);
	ev->roster = r;
	ev->generic = pt == NULL;
	ev->wins = xcalloc(r->n, sizeof *ev->wins);
	ev->forfeited = xcalloc(r->n, 1);
	ev->in = xcalloc(r->n, 1);
	for (i = 0; i < r->n; i++)
		ev->in[i] = r->entries[i].weight > 0;
	ev->pools = xcalloc(r->ngroups + 1, sizeof *ev->pools);
	for (i = 0; pt != NULL && i < pt->n; i++) {
		const struct prize_row	*row = &pt->rows[i];
		struct ev_prize		*p;

		size_t			 k;

		/* prize_add() moves the array: index it only afterwards. */
		k = prize_add(ev, row->name, row->quantity, 0);
		p = &ev->prizes[k];
		if (row->eligible == NULL)
			continue;
		p->eligible = xstrdup(row->eligible);
		if (!r->grouped)
			return fault_set(f, EXIT_USAGE, _("%s:%lu: prize '%s' is "
			    "kept for '%s', but no --group-column says which "
			    "roster column holds groups"), pt->file, row->line,
			    row->name, row->eligible);
		if ((p->group = roster_group_find(r, row->eligible)) == 0) {
			p->group = NO_GROUP;
			warn_msg(_("%s:%lu: nobody in %s is in group '%s'; prize "
			    "'%s' cannot be drawn"), pt->file, row->line,
			    r->file, row->eligible, row->name);
		}
	}
	ev->ntable = ev->nprizes;
	return 0;
}

static void
pools_drop(struct event *ev)
{
	size_t	g;

	for (g = 0; g <= ev->roster->ngroups; g++) {
		sumtree_free(&ev->pools[g].tree);
		free(ev->pools[g].members);
		memset(&ev->pools[g], 0, sizeof ev->pools[g]);
	}
}

void
event_free(struct event *ev)
{
	size_t	i;

	if (ev->roster != NULL)
		pools_drop(ev);
	for (i = 0; i < ev->nprizes; i++) {
		if (ev->prizes[i].label != ev->prizes[i].name)
			free(ev->prizes[i].label);
		free(ev->prizes[i].name);
		free(ev->prizes[i].eligible);
	}
	for (i = 0; i < ev->nresults; i++) {
		if (ev->results[i].owned) {
			free((char *)(uintptr_t)ev->results[i].id);
			free((char *)(uintptr_t)ev->results[i].name);
		}
	}
	free(ev->prizes);
	strmap_free(&ev->prize_names);
	free(ev->results);
	free(ev->wins);
	free(ev->forfeited);
	free(ev->in);
	free(ev->group_pos);
	free(ev->pools);
	memset(ev, 0, sizeof *ev);
}

/* Whether entry e may be drawn now, ignoring prize groups. */
static int
eligible(const struct event *ev, size_t e)
{
	return ev->roster->entries[e].weight > 0 && !ev->forfeited[e] &&
	    (ev->repeat || ev->wins[e] == 0);
}

void
event_set_repeat(struct event *ev, int repeat)
{
	size_t	i;

	if (ev->repeat == repeat)
		return;
	ev->repeat = repeat;
	for (i = 0; i < ev->roster->n; i++)
		ev->in[i] = (unsigned char)eligible(ev, i);
	pools_drop(ev);
}

/* Build the pool of group g (0: everyone) from who is in the draw now. */
static struct ev_pool *
pool_get(struct event *ev, uint32_t g)
{
	struct roster	*r = ev->roster;
	struct ev_pool	*pool = &ev->pools[g];
	uint32_t	*w;
	size_t		 i, n = 0;

	if (pool->built)
		return pool;
	w = xreallocarray(NULL, r->n, sizeof *w);
	if (g == 0) {
		for (i = 0; i < r->n; i++)
			w[i] = ev->in[i] ? r->entries[i].weight : 0;
		n = r->n;
	} else {
		if (ev->group_pos == NULL)
			ev->group_pos = xcalloc(r->n, sizeof *ev->group_pos);
		pool->members = xreallocarray(NULL, r->n,
		    sizeof *pool->members);
		for (i = 0; i < r->n; i++) {
			if (r->entries[i].group != g)
				continue;
			ev->group_pos[i] = (uint32_t)n;
			pool->members[n] = (uint32_t)i;
			w[n++] = ev->in[i] ? r->entries[i].weight : 0;
		}
	}
	sumtree_init(&pool->tree, w, n);
	pool->n = n;
	pool->built = 1;
	free(w);
	return pool;
}

/* Put entry e in or out of the draw, in every pool built so far. */
static void
set_in(struct event *ev, size_t e, int in)
{
	const struct entry	*en = &ev->roster->entries[e];
	int64_t			 delta;

	if (ev->in[e] == in)
		return;
	ev->in[e] = (unsigned char)in;
	delta = in ? (int64_t)en->weight : -(int64_t)en->weight;
	if (ev->pools[0].built)
		sumtree_add(&ev->pools[0].tree, e, delta);
	if (en->group != 0 && ev->pools[en->group].built)
		sumtree_add(&ev->pools[en->group].tree, ev->group_pos[e], delta);
}

uint32_t
event_remaining(const struct event *ev, size_t prize)
{
	const struct ev_prize	*p = &ev->prizes[prize];

	return p->awarded < p->quantity ? p->quantity - p->awarded : 0;
}

long
event_next_prize(struct event *ev)
{
	size_t	i, end = ev->generic ? ev->nprizes : ev->ntable;
	char	name[32];
	size_t	k;

	for (i = ev->first_open; i < end; i++) {
		if (!ev->prizes[i].history && event_remaining(ev, i) > 0) {
			ev->first_open = i;
			return (long)i;
		}
	}
	ev->first_open = end;
	if (!ev->generic)
		return -1;
	/* Generic draws never run out of prizes, only of people. */
	for (k = ev->nprizes + 1;; k++) {
		memcpy(name, "Draw ", 5);
		u64_format(name + 5, k);
		if (strmap_find(&ev->prize_names, name) < 0)
			break;
	}
	return (long)prize_add(ev, name, 1, 0);
}

long
event_next_drawable(struct event *ev, long *blocked)
{
	long	first = event_next_prize(ev);
	size_t	i;

	*blocked = first;
	if (first < 0 || event_pool_total(ev, (size_t)first) > 0) {
		*blocked = -1;
		return first;
	}
	/* Generic draws are one pool: if it is empty, all are. */
	if (ev->generic)
		return -1;
	for (i = (size_t)first + 1; i < ev->ntable; i++)
		if (!ev->prizes[i].history && event_remaining(ev, i) > 0 &&
		    event_pool_total(ev, i) > 0)
			return (long)i;
	return -1;
}

uint64_t
event_pool_total(struct event *ev, size_t prize)
{
	uint32_t	g = ev->prizes[prize].group;

	if (g == NO_GROUP)
		return 0;
	return pool_get(ev, g)->tree.total;
}

int
event_pick(struct event *ev, size_t prize, struct rng_stream *rs,
    struct ev_pick *out)
{
	struct ev_pool	*pool;
	uint32_t	 g = ev->prizes[prize].group;
	size_t		 m;

	if (g == NO_GROUP)
		return -1;
	pool = pool_get(ev, g);
	if (pool->tree.total == 0)
		return -1;
	out->pool = pool->tree.total;
	out->ticket = rng_uniform(rs, out->pool);
	m = sumtree_find(&pool->tree, out->ticket);
	out->entry = pool->members != NULL ? pool->members[m] : m;
	return 0;
}

struct ev_result *
event_add_draw(struct event *ev, uint64_t seq, const char *time, size_t prize,
    const char *id, const char *name, uint32_t tickets, uint64_t replaces,
    long e)
{
	struct ev_result	*res;
	struct ev_prize		*p = &ev->prizes[prize];

	if (ev->nresults == ev->capresults) {
		size_t	cap = ev->capresults ? ev->capresults * 2 : 64;

		ev->results = xreallocarray(ev->results, cap,
		    sizeof *ev->results);
		ev->capresults = cap;
	}
	res = &ev->results[ev->nresults++];
	memset(res, 0, sizeof *res);
	res->seq = seq;
	snprintf(res->time, sizeof res->time, "%s", time);
	res->prize = prize;
	res->tickets = tickets;
	res->replaces = replaces;
	if (e < 0)
		e = roster_find(ev->roster, id);
	res->entry = e;
	/* A winner of this run is in the roster already: no copy needed. */
	if (e >= 0 && id == roster_id(ev->roster, (size_t)e) &&
	    name == roster_name(ev->roster, (size_t)e)) {
		res->id = id;
		res->name = name;
	} else {
		res->id = xstrdup(id);
		res->name = xstrdup(name);
		res->owned = 1;
	}
	p->awarded++;
	/* A prize the table does not know has had as many as were drawn. */
	if (prize >= ev->ntable && p->quantity < p->awarded)
		p->quantity = p->awarded;
	if (e >= 0) {
		ev->wins[e]++;
		set_in(ev, (size_t)e, eligible(ev, (size_t)e));
	}
	return res;
}

struct ev_result *
event_result(struct event *ev, uint64_t seq)
{
	size_t	lo = 0, hi = ev->nresults, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (ev->results[mid].seq < seq)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < ev->nresults && ev->results[lo].seq == seq)
		return &ev->results[lo];
	return NULL;
}

struct ev_result *
event_add_forfeit(struct event *ev, uint64_t seq, uint64_t draw)
{
	struct ev_result	*res;

	if ((res = event_result(ev, draw)) == NULL || res->forfeit != 0)
		return NULL;
	res->forfeit = seq;
	ev->prizes[res->prize].awarded--;
	if (res->prize < ev->first_open)
		ev->first_open = res->prize;
	if (res->entry >= 0) {
		res->was_out = ev->forfeited[res->entry];
		ev->forfeited[res->entry] = 1;
		ev->wins[res->entry]--;
		set_in(ev, (size_t)res->entry, 0);
	}
	return res;
}

void
event_undo_draw(struct event *ev)
{
	struct ev_result	*res;
	long			 e;

	if (ev->nresults == 0)
		return;
	res = &ev->results[ev->nresults - 1];
	e = res->entry;
	ev->prizes[res->prize].awarded--;
	if (res->prize < ev->first_open)
		ev->first_open = res->prize;
	if (e >= 0) {
		ev->wins[e]--;
		set_in(ev, (size_t)e, eligible(ev, (size_t)e));
	}
	if (res->owned) {
		free((char *)(uintptr_t)res->id);
		free((char *)(uintptr_t)res->name);
	}
	ev->nresults--;
}

void
event_undo_forfeit(struct event *ev, uint64_t draw)
{
	struct ev_result	*res;

	if ((res = event_result(ev, draw)) == NULL || res->forfeit == 0)
		return;
	res->forfeit = 0;
	ev->prizes[res->prize].awarded++;
	if (res->entry >= 0) {
		ev->forfeited[res->entry] = (unsigned char)res->was_out;
		ev->wins[res->entry]++;
		set_in(ev, (size_t)res->entry, eligible(ev, (size_t)res->entry));
	}
}

void
event_apply_record(struct event *ev, const struct record *r,
    const struct ledger_session *ls)
{
	uint64_t	n = 0, tickets = 0, replaces = 0;
	const char	*v;

	switch (r->kind) {
	case REC_SESSION:
		event_set_repeat(ev, ls->repeat);
		break;
	case REC_WITNESS:
	case REC_REVEAL:
		break;
	case REC_DRAW:
		/* The ledger checked these keys and numbers already. */
		parse_u64(record_get(r, "tickets"), UINT32_MAX, &tickets);
		if ((v = record_get(r, "replaces")) != NULL)
			parse_u64(v, UINT64_MAX, &replaces);
		event_add_draw(ev, r->seq, r->time,
		    event_prize_by_name(ev, record_get(r, "prize")),
		    record_get(r, "id"), record_get(r, "name"),
		    (uint32_t)tickets, replaces, -1);
		break;
	case REC_FORFEIT:
		parse_u64(record_get(r, "draw"), UINT64_MAX, &n);
		event_add_forfeit(ev, r->seq, n);
		break;
	}
}

void
event_in_draw(struct event *ev, long prize, size_t *people, uint64_t *tickets)
{
	const struct roster	*r = ev->roster;
	uint32_t		 g = prize < 0 ? 0 : ev->prizes[prize].group;
	size_t			 i;

	*people = 0;
	*tickets = 0;
	if (g == NO_GROUP)
		return;
	for (i = 0; i < r->n; i++) {
		if (!ev->in[i] || (g != 0 && r->entries[i].group != g))
			continue;
		(*people)++;
		*tickets += r->entries[i].weight;
	}
}

long
event_eligible_entry(struct event *ev, size_t prize, uint64_t ticket)
{
	struct ev_pool	*pool;
	uint32_t	 g = ev->prizes[prize].group;
	size_t		 m;

	if (g == NO_GROUP)
		return -1;
	pool = pool_get(ev, g);
	if (ticket >= pool->tree.total)
		return -1;
	m = sumtree_find(&pool->tree, ticket);
	return (long)(pool->members != NULL ? pool->members[m] : m);
}

void
event_units(struct event *ev, uint32_t *unit)
{
	const struct ev_result	*was;
	uint32_t		*opened;
	size_t			 i;

	opened = xcalloc(ev->nprizes + 1, sizeof *opened);
	for (i = 0; i < ev->nresults; i++) {
		const struct ev_result	*r = &ev->results[i];

		if (r->replaces != 0 &&
		    (was = event_result(ev, r->replaces)) != NULL)
			unit[i] = unit[was - ev->results];
		else
			unit[i] = ++opened[r->prize];
	}
	free(opened);
}
