/* cli.c: the headless face: list, check, draw, forfeit, print, verify. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csvout.h"
#include "ledger.h"
#include "prizes.h"
#include "session.h"
#include "text.h"
#include "verify.h"

/* Print a fault as "raffle: MSG" and return its status. */
static int
cli_fail(const struct fault *f)
{
	fflush(stdout);
	msg_put(stderr, f->msg);
	return f->status;
}

/* Flush standard output; a full disk or a closed pipe is an I/O error. */
static int
cli_flush(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		msg_put(stderr, _("cannot write standard output"));
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

/* The labels of --check: its values stand after the widest. */
enum { C_ROSTER, C_DELIMITER, C_NAME, C_ID, C_WEIGHT, C_GROUP,
	C_PARTICIPANTS, C_TICKETS, C_SKIPPED, C_DUPLICATES, C_FINGERPRINT };
static const char *const check_label[] = { N_("roster:"), N_("delimiter:"),
	N_("name column:"), N_("id column:"), N_("weight column:"),
	N_("group column:"), N_("participants:"), N_("eligible tickets:"),
	N_("skipped rows:"), N_("duplicates:"), N_("fingerprint:"), NULL };

/* The commitment card's labels (its last line is raffle's name). */
enum { K_COMMITMENT, K_SESSION, K_DRAWS, K_ROSTER, K_PRIZES, K_RULES };
static const char *const card_label[] = { N_("commitment"), N_("session"),
	N_("draws"), N_("roster"), N_("prizes"), N_("rules"), "raffle", NULL };

static int
cli_check(const struct roster *r)
{
	struct text_rows	 t = { 0 };
	char			 hex[65], *groups;
	size_t			 i, len;

	hex_encode(hex, r->fingerprint, sizeof r->fingerprint);
	text_row(&t, _(check_label[C_ROSTER]), "%s\n", r->file);
	text_row(&t, _(check_label[C_DELIMITER]), "%s\n",
	    csvin_delimiter_name(r->delimiter));
	text_row(&t, _(check_label[C_NAME]), "%s\n", r->col_label[0]);
	text_row(&t, _(check_label[C_ID]), "%s\n",
	    r->col_label[1] ? r->col_label[1] : _("(the name)"));
	if (r->weighted)
		text_row(&t, _(check_label[C_WEIGHT]), "%s\n", r->col_label[2]);
	if (r->grouped) {
		for (i = 0, len = 1; i < r->ngroups; i++)
			len += strlen(r->groups[i]) + 2;
		groups = xmalloc(len);
		for (i = 0, len = 0; i < r->ngroups; i++) {
			if (i > 0) {
				memcpy(groups + len, ", ", 2);
				len += 2;
			}
			memcpy(groups + len, r->groups[i], strlen(r->groups[i]));
			len += strlen(r->groups[i]);
		}
		groups[len] = '\0';
		text_row(&t, _(check_label[C_GROUP]), "%s (%s)\n", r->col_label[3],
		    groups);
		free(groups);
	}
	text_row(&t, _(check_label[C_PARTICIPANTS]), "%zu\n", r->n);
	text_row(&t, _(check_label[C_TICKETS]), "%llu\n",
	    (unsigned long long)r->tickets);
	text_row(&t, _(check_label[C_SKIPPED]), "%lu\n", r->skipped);
	text_row(&t, _(check_label[C_DUPLICATES]), "%lu\n", r->duplicates);
	text_row(&t, _(check_label[C_FINGERPRINT]), "%s\n", hex);
	text_rows_print(&t, stdout, check_label, 1);
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
say_stop(const struct session *s, const struct draw_stop *stop)
{
	const struct ev_prize	*p;

	if (stop->why == STOP_STEPS) {
		warn_msg(_("session %llu has used all its %llu steps"),
		    (unsigned long long)s->seq, (unsigned long long)s->steps);
		return;
	}
	if (stop->why == STOP_PRIZES) {
		warn_msg("%s", _("every prize has been drawn"));
		return;
	}
	p = &s->ev.prizes[stop->prize];
	if (p->eligible != NULL)
		warn_msg(_("nobody eligible is left for '%s' (kept for %s)"),
		    p->name, p->eligible);
	else
		warn_msg(_("nobody eligible is left for '%s'"), p->name);
}

static void
say_head(const struct session *s)
{
	char	hex[65];

	hex_encode(hex, s->led.head, 32);
	warn_msg(_("%s: head #%llu %s"), s->led.path,
	    (unsigned long long)s->led.nrecords, hex);
}

/* Open the writing session the command line describes. */
static int
cli_open(struct cli *c, struct session *s, struct roster *r,
    const struct prizes *p, struct fault *f)
{
	struct session_opts	so;

	memset(&so, 0, sizeof so);
	so.log = c->log;
	so.repeat = c->repeat;
	so.commit = c->mode == MODE_COMMIT;
	so.rehearsal = c->rehearsal;
	/* The screen and --commit start a rehearsal over. */
	so.fresh = c->rehearsal && (c->mode == MODE_COMMIT ||
	    c->mode == MODE_NONE);
	return session_open(s, r, p, &so, f);
}

/* Begin a session and say its commitment on standard error. */
static int
cli_commit(struct session *s, uint64_t want, struct fault *f)
{
	char	hex[65];

	if (session_commit(s, want, f) != 0)
		return -1;
	hex_encode(hex, s->commit, 32);
	warn_msg(_("%s: session %llu commits to %s"), s->led.path,
	    (unsigned long long)s->seq, hex);
	return 0;
}

/*
 * The witness of --witness, where one is allowed: only for a session
 * committed before this run that has none yet. Checked before anything is
 * written.
 */
static int
check_witness(const struct cli *c, const struct session *s, struct fault *f)
{
	if (c->witness == NULL)
		return 0;
	if (s->seq == 0)
		return fault_set(f, EXIT_USAGE, _("--witness must come after the "
		    "commitment, or it protects nothing: commit first with "
		    "--commit, publish the commitment, then draw with "
		    "--witness"));
	return session_check_witness(s, f);
}

/*
 * Make sure there is a session with its witness to draw under: begin one
 * (meant for want draws) if need be, and record the witness (none, if
 * --witness was not given).
 */
static int
cli_ready(struct cli *c, struct session *s, uint64_t want, struct fault *f)
{
	if (s->seq == 0 && cli_commit(s, want, f) != 0)
		return -1;
	if (session_needs_witness(s) &&
	    session_witness(s, c->witness != NULL ? c->witness : "", f) != 0)
		return -1;
	return 0;
}

/* --commit: a new session, and the card to publish. */
static int
cli_commit_card(struct cli *c, struct roster *r, const struct prizes *p)
{
	struct session	s;
	struct fault	f;
	struct text_rows t = { 0 };
	char		hex[65], people[64], tickets[64];
	int		i;

	if (cli_open(c, &s, r, p, &f) != 0 || session_commit(&s, 0, &f) != 0) {
		session_close(&s);
		return cli_fail(&f);
	}
	hex_encode(hex, s.commit, 32);
	if (c->rehearsal)
		printf("%s\n\n", _("REHEARSAL: this commitment is for practice "
		    "only"));
	else
		printf("%s\n\n", _("raffle commitment, to publish before the "
		    "draw"));
	/* The labels are a commitment card's words; the values are not. */
	text_row(&t, _(card_label[K_COMMITMENT]), "%s\n", hex);
	text_row(&t, _(card_label[K_SESSION]), _("record %llu of %s\n"),
	    (unsigned long long)s.seq, s.led.path);
	text_row(&t, _(card_label[K_DRAWS]), _("up to %llu in this session, no-shows "
	    "included\n"), (unsigned long long)s.steps);
	snprintf(people, sizeof people, ngettext("%zu person", "%zu people",
	    r->n), r->n);
	snprintf(tickets, sizeof tickets, ngettext("%llu ticket",
	    "%llu tickets", r->tickets), (unsigned long long)r->tickets);
	/* TRANSLATORS: roster.csv: 36 people, 46 tickets */
	text_row(&t, _(card_label[K_ROSTER]), _("%s: %s, %s\n"), r->file, people, tickets);
	text_row(&t, "", _("file %s\n"), s.roster_hex);
	text_row(&t, "", _("read %s\n"), s.digest_hex);
	if (p != NULL)
		text_row(&t, _(card_label[K_PRIZES]), _("%s: file %s\n"), p->file,
		    s.prizes_hex);
	else
		text_row(&t, _(card_label[K_PRIZES]), "%s\n",
		    /* TRANSLATORS: no prize table: the draws are called
		     * as the screen calls them ("Draw %s"), one title a
		     * draw */
		    _("none: Draw 1, Draw 2, ..."));
	text_row(&t, _(card_label[K_RULES]), "%s\n", c->repeat ?
	    _("winners stay in the draw") : _("nobody wins twice"));
	text_row(&t, "raffle", "%s\n\n", RAFFLE_VERSION);
	text_rows_print(&t, stdout, card_label, 2);
	printf("%s\n  raffle", _("At the draw, raffle shows this commitment and "
	    "then asks for the witness.\nAfterwards, anyone can check the draws "
	    "with:"));
	for (i = 1; c->argv[i] != NULL; i++)
		if (strcmp(c->argv[i], "--commit") != 0)
			printf(" %s", c->argv[i]);
	printf(" --verify --expect-commit %.16s\n", hex);
	session_close(&s);
	return cli_flush();
}

/*
 * The screen: a writing session the emcee drives with keys, or (--follow)
 * one that watches the log another raffle writes, for the audience.
 */
static int
cli_screen(struct cli *c, struct roster *r, const struct prizes *p)
{
	struct session		s;
	struct fault		f;
	char			why[256];
	int			status, rc;

	if (!screen_available(why, sizeof why)) {
		warn_msg(_("no terminal for the screen (%s); to draw without it "
		    "use --draw N or --draw all"), why);
		return EXIT_USAGE;
	}
	if (c->mode == MODE_FOLLOW) {
		c->screen.follow = 1;
		rc = session_watch(&s, r, p, c->log, &f) != 0 ||
		    session_watch_read(&s, &f) < 0;
	} else
		rc = cli_open(c, &s, r, p, &f) != 0 ||
		    check_witness(c, &s, &f) != 0 || (c->witness != NULL &&
		    session_witness(&s, c->witness, &f) != 0);
	if (rc) {
		session_close(&s);
		return cli_fail(&f);
	}
	/* A new session is begun once the screen's first frame is up. */
	status = screen_run(&s, &c->screen);
	session_close(&s);
	return status;
}

/*
 * --draw: as many as asked; when a session's steps run out, a new session
 * goes on (without a witness: one given was for the first).
 */
static int
cli_draw(struct cli *c, struct session *s, const struct prizes *p,
    struct fault *f)
{
	struct draw_stop	stop;
	size_t			total = 0, left = c->draw;
	long			n;

	for (;;) {
		if ((n = session_draw(s, left, &stop, f)) < 0) {
			print_winners(s, total);
			return -1;
		}
		total += (size_t)n;
		if (left != DRAW_ALL)
			left -= (size_t)n;
		if (stop.why != STOP_STEPS || left == 0 || c->witness != NULL)
			break;
		warn_msg(_("session %llu has used all its %llu steps; a new "
		    "session begins"), (unsigned long long)s->seq,
		    (unsigned long long)s->steps);
		if (cli_commit(s, left == DRAW_ALL ? 0 : left, f) != 0 ||
		    session_witness(s, "", f) != 0) {
			print_winners(s, total);
			return -1;
		}
	}
	print_winners(s, total);
	/*
	 * Short of N is exit 1, but --draw all ends well when the prizes
	 * do, or, for generic draws, when the people do.
	 */
	if (total < c->draw && (c->draw != DRAW_ALL || total == 0 ||
	    (stop.why == STOP_PEOPLE && p != NULL) || stop.why == STOP_STEPS)) {
		say_stop(s, &stop);
		return EXIT_EXHAUSTED;
	}
	return EXIT_OK;
}

/* --forfeit: the no-show and a replacement, in a new session if need be. */
static int
cli_forfeit(struct cli *c, struct session *s, struct fault *f)
{
	struct draw_stop	stop;
	int			rc;

	rc = session_forfeit(s, c->forfeit, &stop, f);
	if (rc == 0 && stop.why == STOP_STEPS && c->witness == NULL) {
		warn_msg(_("session %llu has used all its %llu steps; a new "
		    "session begins"), (unsigned long long)s->seq,
		    (unsigned long long)s->steps);
		if (cli_commit(s, 1, f) != 0 || session_witness(s, "", f) != 0)
			return -1;
		rc = session_forfeit(s, c->forfeit, &stop, f);
	}
	if (rc < 0)
		return -1;
	if (rc == 0) {
		say_stop(s, &stop);
		return EXIT_EXHAUSTED;
	}
	print_winners(s, 1);
	return EXIT_OK;
}

/* --draw and --forfeit: a writing session without a screen. */
static int
cli_session(struct cli *c, struct roster *r, const struct prizes *p)
{
	struct session		s;
	struct draw_stop	stop;
	struct fault		f;
	char			line[512];
	int			status;

	if (cli_open(c, &s, r, p, &f) != 0 ||
	    (c->mode == MODE_FORFEIT && session_check_forfeit(&s, c->forfeit,
	    &f) != 0) || check_witness(c, &s, &f) != 0)
		goto fail;
	/* Nothing to draw: say so and leave the log as it was. */
	if (c->mode == MODE_DRAW && !session_can_draw(&s, &stop)) {
		say_stop(&s, &stop);
		session_close(&s);
		return EXIT_EXHAUSTED;
	}
	/* A run on an old log says so: it is not a fresh start. */
	if (session_continues(&s, line, sizeof line))
		warn_msg("%s", line);
	if (cli_ready(c, &s, c->mode == MODE_DRAW && c->draw != DRAW_ALL ?
	    c->draw : c->mode == MODE_FORFEIT ? 1 : 0, &f) != 0)
		goto fail;
	status = c->mode == MODE_DRAW ? cli_draw(c, &s, p, &f) :
	    cli_forfeit(c, &s, &f);
	if (status < 0)
		goto fail;
	if (cli_flush() != EXIT_OK)
		status = EXIT_IOERR;
	say_head(&s);
	session_close(&s);
	return status;
fail:
	fflush(stdout);
	session_close(&s);
	return cli_fail(&f);
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
			warn_msg(_("%s:%lu: warning: torn last record (%zu "
			    "bytes), not shown"), led.path, led.torn_line,
			    led.torn);
	}
	ledger_close(&led);
	return status;
}

/* Load every roster and prize table named; -1 with the fault. */
static int
cli_load(struct cli *c, struct roster *rosters, struct prizes *prizes,
    struct fault *f)
{
	struct roster_opts	ro = c->roster;
	struct csvin_opts	po = c->roster.csv;
	size_t			i;

	for (i = 0; i < c->nrosters; i++) {
		ro.csv.path = c->rosters[i];
		if (roster_load(&rosters[i], &ro, f) != 0)
			return -1;
		c->loaded_rosters++;
	}
	if (c->mode == MODE_LIST || c->mode == MODE_CHECK)
		return 0;
	for (i = 0; i < c->nprizes; i++) {
		po.path = c->prizes[i];
		if (prizes_load(&prizes[i], &po, f) != 0)
			return -1;
		c->loaded_prizes++;
	}
	return 0;
}

static int
cli_verify(struct cli *c, struct roster *rosters, struct prizes *prizes)
{
	struct verify_opts	 vo;
	struct fault		 f;
	struct roster		**rp;
	const struct prizes	**pp;
	size_t			 i;
	int			 status;

	rp = xcalloc(c->nrosters + 1, sizeof(const struct roster *));
	pp = xcalloc(c->nprizes + 1, sizeof(const struct prizes *));
	for (i = 0; i < c->nrosters; i++)
		rp[i] = &rosters[i];
	for (i = 0; i < c->nprizes; i++)
		pp[i] = &prizes[i];
	memset(&vo, 0, sizeof vo);
	vo.log = c->log;
	vo.rosters = rp;
	vo.nrosters = c->nrosters;
	vo.prizes = pp;
	vo.nprizes = c->nprizes;
	vo.expect_head = c->expect_head;
	vo.expect_commit = c->expect_commit;
	if (verify_run(&vo, stdout, &f) != 0)
		status = cli_fail(&f);
	else
		status = cli_flush();
	free(rp);
	free(pp);
	return status;
}

int
cli_run(struct cli *c)
{
	struct roster		*rosters;
	struct prizes		*prizes;
	struct fault		 f;
	const struct prizes	*p;
	size_t			 i;
	int			 status;

	if (c->mode == MODE_PRINT)
		return cli_print(c);
	if (c->nrosters == 0 && c->mode != MODE_VERIFY) {
		msg_put(stderr, _("no roster: give one with -i FILE; try 'raffle "
		    "--help'"));
		return EXIT_USAGE;
	}
	if (c->nrosters == 0 && c->nprizes > 0) {
		msg_put(stderr, _("-p needs the roster (-i) it was drawn from"));
		return EXIT_USAGE;
	}
	rosters = xcalloc(c->nrosters + 1, sizeof *rosters);
	prizes = xcalloc(c->nprizes + 1, sizeof *prizes);
	if (cli_load(c, rosters, prizes, &f) != 0) {
		status = cli_fail(&f);
		goto out;
	}
	p = c->nprizes > 0 && c->mode != MODE_LIST && c->mode != MODE_CHECK ?
	    &prizes[0] : NULL;
	switch (c->mode) {
	case MODE_LIST:
		status = cli_list(&rosters[0]);
		break;
	case MODE_CHECK:
		status = cli_check(&rosters[0]);
		break;
	case MODE_NONE:
		status = cli_screen(c, &rosters[0], p);
		break;
	case MODE_COMMIT:
		status = cli_commit_card(c, &rosters[0], p);
		break;
	case MODE_FOLLOW:
		status = cli_screen(c, &rosters[0], p);
		break;
	case MODE_VERIFY:
		status = cli_verify(c, rosters, prizes);
		break;
	default:
		status = cli_session(c, &rosters[0], p);
		break;
	}
out:
	for (i = 0; i < c->loaded_prizes; i++)
		prizes_free(&prizes[i]);
	for (i = 0; i < c->loaded_rosters; i++)
		roster_free(&rosters[i]);
	free(prizes);
	free(rosters);
	return status;
}
