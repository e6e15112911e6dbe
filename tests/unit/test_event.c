/*
 * Unit tests of event.c: prize order and quantities, eligibility, groups,
 * forfeits, and the fairness of picks (chi-square on fixed seeds).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <sodium.h>

#include "event.h"
#include "helpers.h"

static const char roster_csv[] =
    "id,name,t,team\n"
    "a,Ana,1,blue\n"
    "b,Bo,2,red\n"
    "c,Cy,3,blue\n"
    "d,Di,4,red\n"
    "z,Zed,0,blue\n";

/* Pick for prize with the stream of (seed byte b, seq). */
static int
pick(struct event *ev, size_t prize, unsigned char b, uint64_t seq,
    struct ev_pick *out)
{
	unsigned char		secret[32], w[32];
	struct rng_stream	s;
	int			rc, i;

	memset(secret, b, sizeof secret);
	for (i = 0; i < 8; i++)
		secret[i] ^= (unsigned char)(seq >> (8 * i));
	rng_witness_hash("", w);
	rng_stream_init(&s, secret, w);
	rc = event_pick(ev, prize, &s, out);
	rng_stream_free(&s);
	return rc;
}

/* Draw for prize and record the win, as a session does. */
static size_t
draw(struct event *ev, size_t prize, uint64_t seq)
{
	struct ev_pick	p;

	assert_int_equal(pick(ev, prize, 5, seq, &p), 0);
	event_add_draw(ev, seq, "2026-11-25T00:00:00Z", prize,
	    roster_id(ev->roster, p.entry), roster_name(ev->roster, p.entry),
	    ev->roster->entries[p.entry].weight, 0, -1);
	return p.entry;
}

/*
 * Weights 1, 2, 3, 4 (and a 0): 100,000 picks on fixed seeds must split
 * 1:2:3:4 and never reach the 0. Chi-square, 3 degrees of freedom, 16.27 is
 * the 0.1% critical value.
 */
static void
test_weighted_picks_follow_the_tickets(void **state)
{
	struct roster	r;
	struct event	ev;
	struct fault	f;
	struct ev_pick	p;
	unsigned long	count[5] = { 0 };
	double		chi = 0, n = 100000, e;
	uint64_t	seq;
	int		k;

	(void)state;
	assert_int_equal(helpers_roster(&r, roster_csv, "t", NULL, &f), 0);
	assert_int_equal(event_init(&ev, &r, NULL, &f), 0);
	assert_int_equal(event_next_prize(&ev), 0);	/* "Draw 1" */
	for (seq = 1; seq <= (uint64_t)n; seq++) {
		assert_int_equal(pick(&ev, 0, 11, seq, &p), 0);
		count[p.entry]++;
		assert_int_equal(p.pool, 10);
	}
	assert_int_equal(count[4], 0);
	for (k = 0; k < 4; k++) {
		e = n * (k + 1) / 10;
		chi += (count[k] - e) * (count[k] - e) / e;
	}
	assert_true(chi < 16.27);
	event_free(&ev);
	roster_free(&r);
}

/* Without a weight column every person holds one ticket. */
static void
test_unweighted_picks_are_uniform(void **state)
{
	struct roster	r;
	struct event	ev;
	struct fault	f;
	struct ev_pick	p;
	unsigned long	count[5] = { 0 };
	double		chi = 0, e = 10000;
	uint64_t	seq;
	int		k;

	(void)state;
	assert_int_equal(helpers_roster(&r, roster_csv, NULL, NULL, &f), 0);
	assert_int_equal(event_init(&ev, &r, NULL, &f), 0);
	assert_int_equal(event_next_prize(&ev), 0);
	for (seq = 1; seq <= 50000; seq++) {
		assert_int_equal(pick(&ev, 0, 12, seq, &p), 0);
		count[p.entry]++;
	}
	for (k = 0; k < 5; k++)
		chi += (count[k] - e) * (count[k] - e) / e;
	assert_true(chi < 18.47);	/* 4 degrees of freedom, 0.1% */
	event_free(&ev);
	roster_free(&r);
}

/* The same seed and sequence always give the same winner. */
static void
test_exact_winners_for_a_fixed_seed(void **state)
{
	struct roster	r;
	struct event	ev;
	struct fault	f;
	size_t		got[4];
	const char	*want[4] = { "d", "a", "c", "b" };
	int		i;

	(void)state;
	assert_int_equal(helpers_roster(&r, roster_csv, "t", NULL, &f), 0);
	assert_int_equal(event_init(&ev, &r, NULL, &f), 0);
	for (i = 0; i < 4; i++)
		got[i] = draw(&ev, (size_t)event_next_prize(&ev), (uint64_t)i + 3);
	for (i = 0; i < 4; i++)
		assert_string_equal(roster_id(&r, got[i]), want[i]);
	event_free(&ev);
	roster_free(&r);
}

static void
test_nobody_wins_twice_and_exhaustion_is_said(void **state)
{
	struct roster	r;
	struct event	ev;
	struct fault	f;
	struct ev_pick	p;
	int		seen[5] = { 0 }, i;

	(void)state;
	assert_int_equal(helpers_roster(&r, roster_csv, "t", NULL, &f), 0);
	assert_int_equal(event_init(&ev, &r, NULL, &f), 0);
	for (i = 0; i < 4; i++)
		seen[draw(&ev, (size_t)event_next_prize(&ev), (uint64_t)i + 1)]++;
	for (i = 0; i < 4; i++)
		assert_int_equal(seen[i], 1);
	assert_int_equal(seen[4], 0);		/* zero tickets never wins */
	assert_int_equal(pick(&ev, (size_t)event_next_prize(&ev), 5, 9, &p), -1);
	event_free(&ev);
	roster_free(&r);
}

static void
test_allow_repeat_keeps_winners_in(void **state)
{
	struct roster	r;
	struct event	ev;
	struct fault	f;
	struct ev_pick	p;
	int		i;

	(void)state;
	assert_int_equal(helpers_roster(&r, roster_csv, "t", NULL, &f), 0);
	assert_int_equal(event_init(&ev, &r, NULL, &f), 0);
	event_set_repeat(&ev, 1);
	for (i = 0; i < 20; i++)
		draw(&ev, (size_t)event_next_prize(&ev), (uint64_t)i + 1);
	assert_int_equal(pick(&ev, (size_t)event_next_prize(&ev), 5, 99, &p), 0);
	assert_int_equal(p.pool, 10);
	event_free(&ev);
	roster_free(&r);
}

static struct prizes *
table(struct prizes *pt)
{
	static struct prize_row	rows[3];

	memset(pt, 0, sizeof *pt);
	rows[0].name = (char *)(uintptr_t)"Mug";
	rows[0].quantity = 2;
	rows[1].name = (char *)(uintptr_t)"Red only";
	rows[1].quantity = 1;
	rows[1].eligible = (char *)(uintptr_t)"RED";
	rows[2].name = (char *)(uintptr_t)"Trip";
	rows[2].quantity = 1;
	pt->rows = rows;
	pt->n = 3;
	pt->file = "prizes.csv";
	return pt;
}

static void
test_prizes_go_in_order_and_quantities_hold(void **state)
{
	struct roster	r;
	struct event	ev;
	struct fault	f;
	struct prizes	pt;
	size_t		order[4], e;
	int		i;

	(void)state;
	assert_int_equal(helpers_roster(&r, roster_csv, "t", "team", &f), 0);
	assert_int_equal(event_init(&ev, &r, table(&pt), &f), 0);
	for (i = 0; i < 4; i++) {
		order[i] = (size_t)event_next_prize(&ev);
		e = draw(&ev, order[i], (uint64_t)i + 1);
		if (order[i] == 1)	/* kept for red: Bo or Di */
			assert_string_equal(roster_group(&r, e), "red");
	}
	assert_int_equal(order[0], 0);
	assert_int_equal(order[1], 0);
	assert_int_equal(order[2], 1);
	assert_int_equal(order[3], 2);
	assert_int_equal(event_next_prize(&ev), -1);
	for (i = 0; i < 3; i++)
		assert_int_equal(event_remaining(&ev, (size_t)i), 0);
	event_free(&ev);
	roster_free(&r);
}

static void
test_forfeit_reopens_the_prize_and_keeps_the_person_out(void **state)
{
	struct roster		 r;
	struct event		 ev;
	struct fault		 f;
	struct prizes		 pt;
	struct ev_result	*res;
	struct ev_pick		 p;
	size_t			 first;
	int			 i;

	(void)state;
	assert_int_equal(helpers_roster(&r, roster_csv, "t", "team", &f), 0);
	assert_int_equal(event_init(&ev, &r, table(&pt), &f), 0);
	event_set_repeat(&ev, 1);
	first = draw(&ev, 0, 1);
	draw(&ev, 0, 2);
	assert_int_equal(event_next_prize(&ev), 1);
	res = event_add_forfeit(&ev, 3, 1);
	assert_non_null(res);
	assert_int_equal(res->forfeit, 3);
	assert_null(event_add_forfeit(&ev, 4, 1));	/* not twice */
	assert_int_equal(event_next_prize(&ev), 0);	/* the mug again */
	assert_int_equal(event_remaining(&ev, 0), 1);
	/* Out even though repeats are allowed: not in the room. */
	for (i = 0; i < 200; i++) {
		assert_int_equal(pick(&ev, 0, 6, (uint64_t)i + 10, &p), 0);
		assert_true(p.entry != first);
	}
	event_free(&ev);
	roster_free(&r);
}

static void
test_eligible_needs_a_group_column(void **state)
{
	struct roster	r;
	struct event	ev;
	struct fault	f;
	struct prizes	pt;

	(void)state;
	assert_int_equal(helpers_roster(&r, roster_csv, "t", NULL, &f), 0);
	assert_int_equal(event_init(&ev, &r, table(&pt), &f), -1);
	assert_int_equal(f.status, 64);
	event_free(&ev);
	roster_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_weighted_picks_follow_the_tickets),
		cmocka_unit_test(test_unweighted_picks_are_uniform),
		cmocka_unit_test(test_exact_winners_for_a_fixed_seed),
		cmocka_unit_test(test_nobody_wins_twice_and_exhaustion_is_said),
		cmocka_unit_test(test_allow_repeat_keeps_winners_in),
		cmocka_unit_test(test_prizes_go_in_order_and_quantities_hold),
		cmocka_unit_test(test_forfeit_reopens_the_prize_and_keeps_the_person_out),
		cmocka_unit_test(test_eligible_needs_a_group_column),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests_name("event", tests, NULL, NULL);
}
