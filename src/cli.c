/* cli.c: the headless face: list, check, draw, forfeit, print, verify. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csvout.h"
#include "ledger.h"
#include "prizes.h"
#include "session.h"
#include "verify.h"

/* Print a fault as "raffle: MSG" and return its status. */
static int
cli_fail(const struct fault *f)
{
	fflush(stdout);
	fprintf(stderr, "raffle: %s\n", f->msg);
	return f->status;
}

/* Flush standard output; a full disk or a closed pipe is an I/O error. */
static int
cli_flush(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fputs("raffle: cannot write standard output\n", stderr);
		return EXIT_IOERR;
	}
	return EXIT_OK;
}

static int
cli_list(const struct roster *r)
{
	static char	outbuf[1 << 16];
	size_t		i;
	char		num[16];

	setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
	fputs(r->grouped ? "id,name,weight,group\n" : "id,name,weight\n", stdout);
	for (i = 0; i < r->n; i++) {
		csvout_field(stdout, roster_id(r, i));
		putc(',', stdout);
		csvout_field(stdout, roster_name(r, i));
		snprintf(num, sizeof num, ",%u", r->entries[i].weight);
		fputs(num, stdout);
		if (r->grouped) {
			putc(',', stdout);
			csvout_field(stdout, roster_group(r, i));
		}
		putc('\n', stdout);
	}
	return cli_flush();
}

static int
cli_check(const struct roster *r)
{
	char	hex[65];
	size_t	i;

	hex_encode(hex, r->fingerprint, sizeof r->fingerprint);
	printf("roster:           %s\n", r->file);
	printf("delimiter:        %s\n", csvin_delimiter_name(r->delimiter));
	printf("name column:      %s\n", r->col_label[0]);
	printf("id column:        %s\n", r->col_label[1] ? r->col_label[1] :
	    "(the name)");
	if (r->weighted)
		printf("weight column:    %s\n", r->col_label[2]);
	if (r->grouped) {
		printf("group column:     %s (", r->col_label[3]);
		for (i = 0; i < r->ngroups; i++)
			printf("%s%s", i ? ", " : "", r->groups[i]);
		printf(")\n");
	}
	printf("participants:     %zu\n", r->n);
	printf("eligible tickets: %llu\n", (unsigned long long)r->tickets);
	printf("skipped rows:     %lu\n", r->skipped);
	printf("duplicates:       %lu\n", r->duplicates);
	printf("fingerprint:      %s\n", hex);
	return cli_flush();
}

/*
 * Print the last n results: one line per winner, tab-separated. A hundred
 * thousand lines through printf() cost more than drawing them, hence fputs.
 */
static void
print_winners(const struct session *s, size_t n)
{
	static char		 outbuf[1 << 16];
	const struct event	*ev = &s->ev;
	char			 num[24];
	size_t			 i, len;

	setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
	for (i = ev->nresults - n; i < ev->nresults; i++) {
		const struct ev_result	*r = &ev->results[i];

		len = u64_format(num, r->seq);
		num[len++] = '\t';
		fwrite(num, 1, len, stdout);
		fputs(ev->prizes[r->prize].name, stdout);
		putc('\t', stdout);
		fputs(r->id, stdout);
		putc('\t', stdout);
		fputs(r->name, stdout);
		putc('\n', stdout);
	}
}

/* Say why a draw stopped short, on standard error. */
static void
say_stop(const struct session *s)
{
	const struct ev_prize	*p;

	if (s->stop == STOP_PRIZES) {
		fputs("raffle: every prize has been drawn\n", stderr);
		return;
	}
	p = &s->ev.prizes[s->stop_prize];
	if (p->eligible != NULL)
		fprintf(stderr, "raffle: nobody eligible is left for '%s' (kept "
		    "for %s)\n", p->name, p->eligible);
	else
		fprintf(stderr, "raffle: nobody eligible is left for '%s'\n",
		    p->name);
}

static void
say_head(const struct session *s)
{
	char	hex[65];

	hex_encode(hex, s->led.head, 32);
	fprintf(stderr, "raffle: %s: head #%llu %s\n", s->led.path,
	    (unsigned long long)s->led.nrecords, hex);
}

/* The screen: a writing session the emcee drives with keys. */
static int
cli_screen(struct cli *c, struct roster *r, const struct prizes *p)
{
	struct session		s;
	struct session_opts	so;
	struct fault		f;
	char			why[256];
	int			status;

	if (!screen_available(why, sizeof why)) {
		fprintf(stderr, "raffle: no terminal for the screen (%s); to "
		    "draw without it use --draw N or --draw all\n", why);
		return EXIT_USAGE;
	}
	memset(&so, 0, sizeof so);
	so.log = c->log;
	so.witness = c->witness;
	so.repeat = c->repeat;
	if (session_open(&s, r, p, &so, &f) != 0) {
		session_close(&s);
		return cli_fail(&f);
	}
	/* The screen records the session once its first frame is up. */
	status = screen_run(&s, &c->screen);
	session_close(&s);
	return status;
}

/* --draw and --forfeit: a writing session without a screen. */
static int
cli_session(struct cli *c, struct roster *r, const struct prizes *p)
{
	struct session		s;
	struct session_opts	so;
	struct fault		f;
	char			hex[65];
	long			n;
	int			status = EXIT_OK, rc;

	memset(&so, 0, sizeof so);
	so.log = c->log;
	so.witness = c->witness;
	so.repeat = c->repeat;
	if (session_open(&s, r, p, &so, &f) != 0 ||
	    (c->mode == MODE_FORFEIT && session_check_forfeit(&s, c->forfeit,
	    &f) != 0)) {
		session_close(&s);
		return cli_fail(&f);
	}
	/* Nothing to draw: say so and leave the log as it was. */
	if (c->mode == MODE_DRAW && !session_can_draw(&s)) {
		say_stop(&s);
		session_close(&s);
		return EXIT_EXHAUSTED;
	}
	if (session_begin(&s, &f) != 0) {
		session_close(&s);
		return cli_fail(&f);
	}
	hex_encode(hex, s.commit, 32);
	fprintf(stderr, "raffle: %s: session %llu commits to %s\n", s.led.path,
	    (unsigned long long)s.seq, hex);
	if (c->mode == MODE_DRAW) {
		if ((n = session_draw(&s, c->draw, &f)) < 0) {
			session_close(&s);
			return cli_fail(&f);
		}
		print_winners(&s, (size_t)n);
		/*
		 * Short of N is exit 1, but --draw all ends well when the prizes
		 * do, or, for generic draws, when the people do.
		 */
		if ((size_t)n < c->draw && (c->draw != DRAW_ALL || n == 0 ||
		    (s.stop == STOP_PEOPLE && p != NULL))) {
			say_stop(&s);
			status = EXIT_EXHAUSTED;
		}
	} else {
		if ((rc = session_forfeit(&s, c->forfeit, &f)) < 0) {
			session_close(&s);
			return cli_fail(&f);
		}
		if (rc == 0) {
			say_stop(&s);
			status = EXIT_EXHAUSTED;
		} else
			print_winners(&s, 1);
	}
	if (cli_flush() != EXIT_OK)
		status = EXIT_IOERR;
	say_head(&s);
	session_close(&s);
	return status;
}

static int
cli_print(struct cli *c)
{
	struct ledger	led;
	struct fault	f;
	int		status = EXIT_OK;

	if (ledger_read(&led, c->log, &f) != 0 ||
	    report_print(&led, c->format, stdout, &f) != 0)
		status = cli_fail(&f);
	else {
		status = cli_flush();
		if (led.torn > 0)
			fprintf(stderr, "raffle: %s:%lu: warning: torn last "
			    "record (%zu bytes), not shown\n", led.path,
			    led.torn_line, led.torn);
	}
	ledger_close(&led);
	return status;
}

int
cli_run(struct cli *c)
{
	struct roster		r;
	struct prizes		p;
	struct verify_opts	vo;
	struct fault		f;
	int			status, have_prizes = 0;

	if (c->mode == MODE_PRINT)
		return cli_print(c);
	if (c->roster.csv.path == NULL && c->mode != MODE_VERIFY) {
		fputs("raffle: no roster: give one with -i FILE; try 'raffle "
		    "--help'\n", stderr);
		return EXIT_USAGE;
	}
	if (c->roster.csv.path == NULL && c->prizes != NULL) {
		fputs("raffle: -p needs the roster (-i) it was drawn from\n",
		    stderr);
		return EXIT_USAGE;
	}
	if (c->roster.csv.path != NULL && roster_load(&r, &c->roster, &f) != 0)
		return cli_fail(&f);
	if (c->prizes != NULL && c->mode != MODE_LIST && c->mode != MODE_CHECK) {
		struct csvin_opts	po = c->roster.csv;

		po.path = c->prizes;
		if (prizes_load(&p, &po, &f) != 0) {
			roster_free(&r);
			return cli_fail(&f);
		}
		have_prizes = 1;
	}
	switch (c->mode) {
	case MODE_LIST:
		status = cli_list(&r);
		break;
	case MODE_CHECK:
		status = cli_check(&r);
		break;
	case MODE_NONE:
		status = cli_screen(c, &r, have_prizes ? &p : NULL);
		break;
	case MODE_VERIFY:
		memset(&vo, 0, sizeof vo);
		vo.log = c->log;
		vo.roster = c->roster.csv.path != NULL ? &r : NULL;
		vo.prizes = have_prizes ? &p : NULL;
		vo.expect_head = c->expect_head;
		if (verify_run(&vo, stdout, &f) != 0)
			status = cli_fail(&f);
		else
			status = cli_flush();
		break;
	default:
		status = cli_session(c, &r, have_prizes ? &p : NULL);
		break;
	}
	if (have_prizes)
		prizes_free(&p);
	if (c->roster.csv.path != NULL)
		roster_free(&r);
	return status;
}
