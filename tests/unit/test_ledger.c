/*
 * Unit tests of ledger.c: records round-trip, every kind of damage is
 * caught at its line, a torn tail is told apart, the lock holds.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <poll.h>
#include <cmocka.h>

#include <sodium.h>

#include "ledger.h"

static char	dir[] = "/tmp/raffle-ledger-XXXXXX";
static char	path[256];

/* A valid session: session, reveal, three draws, a forfeit. */
static void
write_log(void)
{
	struct ledger		l;
	struct ledger_batch	b;
	struct fault		f;
	unsigned char		seed[32], commit[32];
	char			hex[65], zero[65];
	int			i;

	unlink(path);
	memset(seed, 1, 32);
	crypto_generichash(commit, 32, seed, 32, NULL, 0);
	memset(zero, 'a', 64);
	zero[64] = '\0';
	assert_int_equal(ledger_open(&l, path, &f), 0);
	assert_int_equal(ledger_scan(&l, NULL, NULL, &f), 0);
	ledger_batch_init(&b, &l);
	ledger_rec_begin(&b, REC_SESSION);
	ledger_rec_add(&b, "version", "test");
	ledger_rec_add(&b, "roster", zero);
	ledger_rec_add(&b, "digest", zero);
	ledger_rec_addu(&b, "entries", 3);
	ledger_rec_addu(&b, "tickets", 3);
	ledger_rec_add(&b, "prizes", "none");
	hex_encode(hex, commit, 32);
	ledger_rec_add(&b, "commit", hex);
	ledger_rec_add(&b, "repeat", "no");
	ledger_rec_add(&b, "witness", "tab\there");
	ledger_rec_end(&b);
	assert_int_equal(ledger_append(&l, &b, &f), 0);
	ledger_batch_free(&b);
	ledger_batch_init(&b, &l);
	ledger_rec_begin(&b, REC_REVEAL);
	hex_encode(hex, seed, 32);
	ledger_rec_add(&b, "seed", hex);
	ledger_rec_end(&b);
	for (i = 0; i < 3; i++) {
		ledger_rec_begin(&b, REC_DRAW);
		ledger_rec_add(&b, "prize", "Draw");
		ledger_rec_add(&b, "id", "x");
		ledger_rec_add(&b, "name", "Zoë");
		ledger_rec_addu(&b, "tickets", 1);
		ledger_rec_addu(&b, "pool", 3);
		ledger_rec_addu(&b, "ticket", (uint64_t)i);
		ledger_rec_end(&b);
	}
	ledger_rec_begin(&b, REC_FORFEIT);
	ledger_rec_addu(&b, "draw", 3);
	ledger_rec_add(&b, "id", "x");
	ledger_rec_add(&b, "name", "Zoë");
	ledger_rec_end(&b);
	assert_int_equal(ledger_append(&l, &b, &f), 0);
	ledger_batch_free(&b);
	assert_int_equal(l.nrecords, 6);
	ledger_close(&l);
}

static char *
slurp(size_t *len)
{
	FILE	*fp = fopen(path, "rb");
	char	*buf = malloc(65536);

	assert_non_null(fp);
	*len = fread(buf, 1, 65536, fp);
	fclose(fp);
	return buf;
}

static void
spit(const char *buf, size_t len)
{
	FILE	*fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(buf, 1, len, fp), len);
	fclose(fp);
}

/* Scan the file as a reader; returns the fault's message or "" if it holds. */
static const char *
scan_msg(struct fault *f, struct ledger *keep)
{
	struct ledger	l;
	int		rc;

	assert_int_equal(ledger_read(&l, path, f), 0);
	rc = ledger_scan(&l, NULL, NULL, f);
	if (keep != NULL)
		*keep = l;
	else
		ledger_close(&l);
	return rc == 0 ? "" : f->msg;
}

static int
count(void *arg, const struct record *r, const struct ledger_session *s,
    struct fault *f)
{
	(void)f;
	if (r->kind == REC_SESSION)
		assert_string_equal(s->witness, "tab here");
	if (r->kind == REC_DRAW) {
		assert_string_equal(record_get(r, "name"), "Zoë");
		assert_true(s->revealed);
	}
	(*(int *)arg)++;
	return 0;
}

static void
test_records_round_trip(void **state)
{
	struct ledger	l;
	struct fault	f;
	int		n = 0;

	(void)state;
	write_log();
	assert_int_equal(ledger_read(&l, path, &f), 0);
	assert_int_equal(ledger_scan(&l, count, &n, &f), 0);
	assert_int_equal(n, 6);
	assert_int_equal(l.torn, 0);
	ledger_close(&l);
}

static void
test_a_changed_byte_fails_at_its_line(void **state)
{
	struct fault	f;
	char		*buf, *p;
	size_t		len;

	(void)state;
	write_log();
	buf = slurp(&len);
	p = strstr(buf, "ticket=1");
	p[7] = '2';
	spit(buf, len);
	assert_non_null(strstr(scan_msg(&f, NULL), ":4: the record does not "
	    "match its hash"));
	assert_int_equal(f.status, 65);
	free(buf);
}

static void
test_a_dropped_line_fails_where_it_was(void **state)
{
	struct fault	f;
	char		*buf, *a, *b;
	size_t		len;

	(void)state;
	write_log();
	buf = slurp(&len);
	a = strchr(buf, '\n') + 1;		/* line 2 */
	a = strchr(a, '\n') + 1;		/* line 3 */
	b = strchr(a, '\n') + 1;		/* line 4 */
	memmove(a, b, len - (size_t)(b - buf));
	spit(buf, len - (size_t)(b - a));
	assert_non_null(strstr(scan_msg(&f, NULL), ":3: sequence number 4 is "
	    "out of place"));
	free(buf);
}

static void
test_swapped_lines_fail_at_the_first(void **state)
{
	struct fault	f;
	char		*buf, *out, *l4, *l5, *l6;
	size_t		len, n4, n5;

	(void)state;
	write_log();
	buf = slurp(&len);
	out = malloc(len);
	l4 = strchr(strchr(strchr(buf, '\n') + 1, '\n') + 1, '\n') + 1;
	l5 = strchr(l4, '\n') + 1;
	l6 = strchr(l5, '\n') + 1;
	n4 = (size_t)(l5 - l4);
	n5 = (size_t)(l6 - l5);
	memcpy(out, buf, (size_t)(l4 - buf));
	memcpy(out + (l4 - buf), l5, n5);
	memcpy(out + (l4 - buf) + n5, l4, n4);
	memcpy(out + (l6 - buf), l6, len - (size_t)(l6 - buf));
	spit(out, len);
	assert_non_null(strstr(scan_msg(&f, NULL), ":4: sequence number 5"));
	free(buf);
	free(out);
}

static void
test_a_torn_tail_is_not_damage(void **state)
{
	struct ledger	l;
	struct fault	f;
	char		*buf;
	size_t		len;

	(void)state;
	write_log();
	buf = slurp(&len);
	/* The last record without its last 10 bytes, newline included. */
	spit(buf, len - 10);
	assert_string_equal(scan_msg(&f, &l), "");
	assert_int_equal(l.nrecords, 5);
	assert_int_equal(l.torn_line, 6);
	ledger_close(&l);
	/* Zero bytes after whole records, as a crash may leave. */
	memset(buf + len, 0, 512);
	spit(buf, len + 512);
	assert_string_equal(scan_msg(&f, &l), "");
	assert_int_equal(l.nrecords, 6);
	assert_int_equal(l.torn, 512);
	ledger_close(&l);
	free(buf);
}

static void
test_a_writer_moves_the_torn_tail_aside(void **state)
{
	struct ledger	l;
	struct fault	f;
	char		*buf, *after;
	size_t		len, n, keep;
	FILE		*fp;

	(void)state;
	write_log();
	buf = slurp(&len);
	spit(buf, len - 10);
	assert_int_equal(ledger_open(&l, path, &f), 0);
	assert_int_equal(ledger_scan(&l, NULL, NULL, &f), 0);
	assert_int_equal(ledger_mend(&l, &f), 0);
	assert_non_null(l.torn_saved);
	fp = fopen(l.torn_saved, "rb");
	assert_non_null(fp);
	after = malloc(65536);
	n = fread(after, 1, 65536, fp);
	fclose(fp);
	unlink(l.torn_saved);
	ledger_close(&l);
	/* The saved bytes are the torn record; the log ends before it. */
	for (keep = len - 10; keep > 0 && buf[keep - 1] != '\n'; keep--)
		;
	assert_int_equal(n, len - 10 - keep);
	assert_memory_equal(after, buf + keep, n);
	free(after);
	after = slurp(&n);
	assert_int_equal(n, keep);
	assert_memory_equal(after, buf, keep);
	free(after);
	free(buf);
}

static void
test_a_second_writer_is_refused(void **state)
{
	struct ledger	a, b;
	struct fault	f;

	(void)state;
	write_log();
	assert_int_equal(ledger_open(&a, path, &f), 0);
	assert_int_equal(ledger_open(&b, path, &f), -1);
	assert_int_equal(f.status, 75);
	ledger_close(&b);
	ledger_close(&a);
	assert_int_equal(ledger_open(&b, path, &f), 0);
	ledger_close(&b);
}

/* A forfeited draw is replaced once; a second replacement is refused. */
static void
test_one_forfeit_one_replacement(void **state)
{
	struct ledger		l;
	struct ledger_batch	b;
	struct fault		f;
	int			i;

	(void)state;
	write_log();		/* draws 3, 4, 5; draw 3 forfeited at 6 */
	assert_int_equal(ledger_open(&l, path, &f), 0);
	assert_int_equal(ledger_scan(&l, NULL, NULL, &f), 0);
	ledger_batch_init(&b, &l);
	for (i = 0; i < 2; i++) {
		ledger_rec_begin(&b, REC_DRAW);
		ledger_rec_add(&b, "prize", "Draw");
		ledger_rec_add(&b, "id", "y");
		ledger_rec_add(&b, "name", "Y");
		ledger_rec_addu(&b, "tickets", 1);
		ledger_rec_addu(&b, "pool", 3);
		ledger_rec_addu(&b, "ticket", 1);
		ledger_rec_addu(&b, "replaces", 3);
		ledger_rec_end(&b);
	}
	assert_int_equal(ledger_append(&l, &b, &f), 0);
	ledger_batch_free(&b);
	ledger_close(&l);
	assert_non_null(strstr(scan_msg(&f, NULL), ":8: 'replaces' names no "
	    "forfeited draw still to replace"));
}

static int
count_only(void *arg, const struct record *r, const struct ledger_session *s,
    struct fault *f)
{
	(void)r;
	(void)s;
	(void)f;
	(*(int *)arg)++;
	return 0;
}

/* Whether the follower's descriptor says the log may have changed. */
static int
woken(struct ledger_follow *lf)
{
	struct pollfd	p = { ledger_follow_fd(lf), POLLIN, 0 };

	return p.fd != -1 && poll(&p, 1, 2000) == 1;
}

/*
 * A follower sees the records as they come, a torn one only once whole,
 * and starts over when the log is replaced or cut short.
 */
static void
test_a_follower_reads_whole_records_as_they_come(void **state)
{
	struct ledger_follow	*lf;
	struct fault		 f;
	char			*buf, moved[300];
	size_t			 len, cut;
	int			 n = 0;

	(void)state;
	unlink(path);
	lf = ledger_follow_open(path);
	assert_int_equal(ledger_follow_read(lf, count_only, &n, &f), 0);
	write_log();
	buf = slurp(&len);
	assert_true(woken(lf));
	assert_int_equal(ledger_follow_read(lf, count_only, &n, &f), 1);
	assert_int_equal(n, 6);
	assert_int_equal(ledger_follow_read(lf, count_only, &n, &f), 0);
	/* Cut the log back to four records and a half, as read afresh. */
	for (cut = 0, n = 0; n < 4; cut++)
		n += buf[cut] == '\n';
	spit(buf, cut + 20);
	assert_int_equal(ledger_follow_read(lf, count_only, &n, &f),
	    LEDGER_RESTART);
	n = 0;
	assert_int_equal(ledger_follow_read(lf, count_only, &n, &f), 1);
	assert_int_equal(n, 4);
	assert_int_equal(ledger_follow_ledger(lf)->nrecords, 4);
	/* The rest of the fifth arrives: it is read, and the sixth. */
	spit(buf, len);
	assert_int_equal(ledger_follow_read(lf, count_only, &n, &f), 1);
	assert_int_equal(n, 6);
	/* Replaced by rename, as an editor saves: read again from the start. */
	snprintf(moved, sizeof moved, "%s.new", path);
	rename(path, moved);
	spit(buf, len);
	assert_int_equal(ledger_follow_read(lf, count_only, &n, &f),
	    LEDGER_RESTART);
	n = 0;
	assert_int_equal(ledger_follow_read(lf, count_only, &n, &f), 1);
	assert_int_equal(n, 6);
	unlink(moved);
	ledger_follow_close(lf);
	free(buf);
}

/* Growth in place: a half record waits, then comes whole. */
static void
test_a_follower_waits_for_a_record_being_written(void **state)
{
	struct ledger_follow	*lf;
	struct fault		 f;
	char			*buf;
	size_t			 len;
	FILE			*fp;
	int			 n = 0;

	(void)state;
	write_log();
	buf = slurp(&len);
	spit(buf, len - 40);
	lf = ledger_follow_open(path);
	assert_int_equal(ledger_follow_read(lf, count_only, &n, &f), 1);
	assert_int_equal(n, 5);
	fp = fopen(path, "ab");
	assert_non_null(fp);
	assert_int_equal(fwrite(buf + len - 40, 1, 40, fp), 40);
	fclose(fp);
	assert_true(woken(lf));
	assert_int_equal(ledger_follow_read(lf, count_only, &n, &f), 1);
	assert_int_equal(n, 6);
	ledger_follow_close(lf);
	free(buf);
}

static int
setup(void **state)
{
	(void)state;
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(path, sizeof path, "%s/raffle.log", dir);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	unlink(path);
	rmdir(dir);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_records_round_trip),
		cmocka_unit_test(test_a_changed_byte_fails_at_its_line),
		cmocka_unit_test(test_a_dropped_line_fails_where_it_was),
		cmocka_unit_test(test_swapped_lines_fail_at_the_first),
		cmocka_unit_test(test_a_torn_tail_is_not_damage),
		cmocka_unit_test(test_a_writer_moves_the_torn_tail_aside),
		cmocka_unit_test(test_a_second_writer_is_refused),
		cmocka_unit_test(test_one_forfeit_one_replacement),
		cmocka_unit_test(test_a_follower_reads_whole_records_as_they_come),
		cmocka_unit_test(test_a_follower_waits_for_a_record_being_written),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests_name("ledger", tests, setup, teardown);
}
