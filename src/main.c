/*
 * main.c: the command line. It reads the options, picks the one mode they
 * ask for and hands over to that mode; the rules live in the core modules.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "cli.h"
#include "screen.h"
#include "text.h"
#include "util.h"

enum {
	OPT_DELIMITER = 256,
	OPT_NO_HEADER,
	OPT_NAME_COLUMN,
	OPT_ID_COLUMN,
	OPT_WEIGHT_COLUMN,
	OPT_GROUP_COLUMN,
	OPT_ENCODING,
	OPT_LIST,
	OPT_CHECK,
	OPT_DRAW,
	OPT_FORFEIT,
	OPT_ALLOW_REPEAT,
	OPT_WITNESS,
	OPT_PRINT,
	OPT_FORMAT,
	OPT_VERIFY,
	OPT_EXPECT_HEAD,
	OPT_EXPECT_COMMIT,
	OPT_COMMIT,
	OPT_REHEARSAL,
	OPT_TITLE,
	OPT_SPIN,
	OPT_BATCH,
	OPT_THEME,
	OPT_FONT,
	OPT_FOLLOW,
	OPT_CONSOLE,
	OPT_SHOW_COLUMN,
	OPT_ON_ROLL,
	OPT_ON_REVEAL
};

static const struct option long_options[] = {
	{ "import",		required_argument,	NULL, 'i' },
	{ "delimiter",		required_argument,	NULL, OPT_DELIMITER },
	{ "no-header",		no_argument,		NULL, OPT_NO_HEADER },
	{ "name-column",	required_argument,	NULL, OPT_NAME_COLUMN },
	{ "id-column",		required_argument,	NULL, OPT_ID_COLUMN },
	{ "weight-column",	required_argument,	NULL, OPT_WEIGHT_COLUMN },
	{ "group-column",	required_argument,	NULL, OPT_GROUP_COLUMN },
	{ "encoding",		required_argument,	NULL, OPT_ENCODING },
	{ "list",		no_argument,		NULL, OPT_LIST },
	{ "check",		no_argument,		NULL, OPT_CHECK },
	{ "prizes",		required_argument,	NULL, 'p' },
	{ "log",		required_argument,	NULL, 'l' },
	{ "draw",		required_argument,	NULL, OPT_DRAW },
	{ "forfeit",		required_argument,	NULL, OPT_FORFEIT },
	{ "allow-repeat",	no_argument,		NULL, OPT_ALLOW_REPEAT },
	{ "witness",		required_argument,	NULL, OPT_WITNESS },
	{ "print",		no_argument,		NULL, OPT_PRINT },
	{ "format",		required_argument,	NULL, OPT_FORMAT },
	{ "verify",		no_argument,		NULL, OPT_VERIFY },
	{ "expect-head",	required_argument,	NULL, OPT_EXPECT_HEAD },
	{ "expect-commit",	required_argument,	NULL, OPT_EXPECT_COMMIT },
	{ "commit",		no_argument,		NULL, OPT_COMMIT },
	{ "rehearsal",		no_argument,		NULL, OPT_REHEARSAL },
	{ "title",		required_argument,	NULL, OPT_TITLE },
	{ "spin",		required_argument,	NULL, OPT_SPIN },
	{ "batch",		required_argument,	NULL, OPT_BATCH },
	{ "theme",		required_argument,	NULL, OPT_THEME },
	{ "font",		required_argument,	NULL, OPT_FONT },
	{ "follow",		no_argument,		NULL, OPT_FOLLOW },
	{ "console",		no_argument,		NULL, OPT_CONSOLE },
	{ "show-column",	required_argument,	NULL, OPT_SHOW_COLUMN },
	{ "on-roll",		required_argument,	NULL, OPT_ON_ROLL },
	{ "on-reveal",		required_argument,	NULL, OPT_ON_REVEAL },
	{ "help",		no_argument,		NULL, 'h' },
	{ "version",		no_argument,		NULL, 'V' },
	{ NULL,			0,			NULL, 0 }
};

/*
 * The help, in parts for the translators; the parts are printed with a blank
 * line between them.
 */
static const char *const usage_parts[] = {
	N_("usage: raffle -i FILE [-p FILE] [-l FILE] [--rehearsal] [draw options]\n"
	"              [screen options]\n"
	"       raffle -i FILE [roster options] --list | --check\n"
	"       raffle -i FILE [-p FILE] [-l FILE] [--rehearsal] [screen options]\n"
	"              --follow\n"
	"       raffle -i FILE [-p FILE] [-l FILE] [--rehearsal] [--allow-repeat]\n"
	"              --commit\n"
	"       raffle -i FILE [-p FILE] [-l FILE] [--rehearsal] [draw options]\n"
	"              --draw N|all\n"
	"       raffle -i FILE [-p FILE] [-l FILE] [--rehearsal] [draw options]\n"
	"              --forfeit SEQ\n"
	"       raffle [-l FILE] [--rehearsal] --print [--format text|csv|json]\n"
	"       raffle [-i FILE ... [-p FILE ...]] [-l FILE] [--rehearsal] --verify\n"
	"              [--expect-commit HEX] [--expect-head SEQ:HEX]\n"
	"       raffle -h | --help | -V | --version\n"),
	N_("Without a mode, raffle opens the projector screen (press ? there for keys).\n"),
	N_("Modes:\n"
	"  --list                 write the participants as read, as CSV\n"
	"  --check                summarise the roster and print its fingerprint\n"
	"  --commit               begin a session and print its commitment, to\n"
	"                         publish before the draw\n"
	"  --draw N|all           draw N winners (or all that remain) for the next\n"
	"                         prizes, then print them once they are on disk\n"
	"  --forfeit SEQ          mark draw SEQ as a no-show and draw a replacement\n"
	"  --follow               the audience's screen: play the log another\n"
	"                         raffle writes, read-only\n"
	"  --print                print the results from the log alone\n"
	"  --verify               check the log's chains; with -i (and -p) recompute\n"
	"                         every winner from the sessions' secrets\n"),
	N_("Files:\n"
	"  -i, --import FILE      the roster, a CSV file ('-' reads standard input);\n"
	"                         --verify takes one per version of it\n"
	"  -p, --prizes FILE      the prize table: prize,quantity[,eligible];\n"
	"                         --verify takes one per version of it\n"
	"  -l, --log FILE         the result log (default: raffle.log)\n"
	"      --rehearsal        practise on FILE.rehearsal, never the real log;\n"
	"                         the screen and --commit start it over\n"),
	N_("Roster options:\n"
	"      --delimiter C      ',' ';' '|' or 'tab' (default: detected from line 1)\n"
	"      --no-header        the first row is a participant, not a header\n"
	"      --name-column COL  header name or 1-based number (default: name,\n"
	"                         full name, participant or the same in another\n"
	"                         language raffle speaks, else column 1)\n"
	"      --id-column COL    what tells people apart (default: id, email,\n"
	"                         employee id or the same in another language,\n"
	"                         else the name)\n"
	"      --weight-column COL  whole numbers of tickets (default: 1 each)\n"
	"      --group-column COL   a group such as a team, for eligible prizes\n"
	"      --encoding NAME    convert from NAME, e.g. cp1252 (default: UTF-8)\n"),
	N_("Draw options:\n"
	"      --allow-repeat     a winner stays in later draws\n"
	"      --witness TEXT     words from the audience, after --commit, for the\n"
	"                         session's draws (the screen asks for them)\n"),
	N_("Screen options:\n"
	"      --title TEXT       the event's title on the start screen (default:\n"
	"                         none; the next prize is shown large instead)\n"
	"      --spin SECONDS     how long the reel rolls and holds the winner\n"
	"                         (default 4; 0: at once)\n"
	"      --batch N          winners per 'b' press (default: all left)\n"
	"      --theme THEME      dark, light or mono (default: dark; mono when\n"
	"                         NO_COLOR is set or the terminal has no colour)\n"
	"      --font FILE        Unifont's .hex for big letters (default: $RAFFLE_FONT,\n"
	"                         else /usr/share/unifont/unifont.hex)\n"
	"      --console          the emcee's console in plain text, no show (for\n"
	"                         the laptop, while the projector runs --follow)\n"
	"      --show-column COL  a roster column shown beside a winner's name\n"
	"      --on-roll CMD      run CMD (with sh, detached) as a reel starts\n"
	"      --on-reveal CMD    run CMD as winners are revealed\n"),
	N_("Output options:\n"
	"      --format FORMAT    --print as text, csv or json (default: text)\n"
	"      --expect-head SEQ:HEX  --verify fails unless record SEQ's hash\n"
	"                         begins with HEX\n"
	"      --expect-commit HEX  --verify fails unless a session committed to\n"
	"                         the commitment HEX (8 hex digits or more)\n"),
	N_("  -h, --help             show this help\n"
	"  -V, --version          show the version\n"),
	N_("Exit status: 0 ok, 1 nobody eligible left, 64 usage, 65 bad data,\n"
	"66 missing input, 70 internal error, 73 cannot create, 74 I/O error,\n"
	"75 log in use, 130 interrupted (131 Ctrl-\\, 143 SIGTERM, 129 hangup).\n"),
	NULL
};

static void
usage(FILE *fp)
{
	size_t	i;

	for (i = 0; usage_parts[i] != NULL; i++)
		fprintf(fp, "%s%s", i ? "\n" : "", _(usage_parts[i]));
	fprintf(fp, "\n%s", _("Screen keys:\n"));
	for (i = 0; screen_keys[i] != NULL; i++)
		fprintf(fp, "  %s\n", _(screen_keys[i]));
}

/* Complain about the command line and exit 64. */
static void __attribute__((noreturn, format(printf, 1, 2)))
usage_error(const char *fmt, ...)
{
	va_list	ap;

	fputs("raffle: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs(_("; try 'raffle --help'"), stderr);
	putc('\n', stderr);
	exit(EXIT_USAGE);
}

static int
parse_delimiter(const char *s)
{
	if (strcmp(s, "tab") == 0 || strcmp(s, "\\t") == 0 ||
	    strcmp(s, "\t") == 0)
		return '\t';
	if (strcmp(s, ",") == 0 || strcmp(s, "comma") == 0)
		return ',';
	if (strcmp(s, ";") == 0 || strcmp(s, "semicolon") == 0)
		return ';';
	if (strcmp(s, "|") == 0)
		return '|';
	usage_error(_("--delimiter '%s': use ',', ';', '|' or 'tab'"), s);
}

/* Seconds for --spin: a number from 0 to 60, fractions allowed. */
static double
parse_seconds(const char *s)
{
	char	*end;
	double	 v;

	errno = 0;
	v = strtod(s, &end);
	if (errno != 0 || end == s || *end != '\0' || !(v >= 0 && v <= 60))
		usage_error(_("--spin '%s': give seconds from 0 to 60"), s);
	return v;
}

/* Record the mode; two modes at once are a usage error. */
static void
set_mode(struct cli *c, enum cli_mode m, const char *name)
{
	if (c->mode != MODE_NONE && c->mode != m)
		usage_error(_("%s cannot be combined with another mode"), name);
	c->mode = m;
}

int
main(int argc, char **argv)
{
	static char	rehearsal_log[4096];
	struct cli	c;
	uint64_t	num;
	int		ch;

	text_init_locale();
	if (sodium_init() < 0) {
		msg_put(stderr, _("cannot initialise libsodium"));
		return EXIT_IOERR;
	}
	memset(&c, 0, sizeof c);
	c.argv = argv;
	c.screen.spin = 4;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":i:p:l:hV", long_options, NULL)) != -1) {
		switch (ch) {
		case 'i':
			if (c.nrosters == CLI_MAX_FILES)
				usage_error(_("-i: at most %d rosters"), CLI_MAX_FILES);
			c.rosters[c.nrosters++] = optarg;
			break;
		case OPT_DELIMITER:
			c.roster.csv.delimiter = parse_delimiter(optarg);
			break;
		case OPT_NO_HEADER:
			c.roster.no_header = 1;
			break;
		case OPT_NAME_COLUMN:
			c.roster.name_col = optarg;
			break;
		case OPT_ID_COLUMN:
			c.roster.id_col = optarg;
			break;
		case OPT_WEIGHT_COLUMN:
			c.roster.weight_col = optarg;
			break;
		case OPT_GROUP_COLUMN:
			c.roster.group_col = optarg;
			break;
		case OPT_ENCODING:
			c.roster.csv.encoding = optarg;
			break;
		case OPT_LIST:
			set_mode(&c, MODE_LIST, "--list");
			break;
		case OPT_CHECK:
			set_mode(&c, MODE_CHECK, "--check");
			break;
		case 'p':
			if (c.nprizes == CLI_MAX_FILES)
				usage_error(_("-p: at most %d prize tables"),
				    CLI_MAX_FILES);
			c.prizes[c.nprizes++] = optarg;
			break;
		case 'l':
			c.log = optarg;
			break;
		case OPT_DRAW:
			set_mode(&c, MODE_DRAW, "--draw");
			if (strcmp(optarg, "all") == 0)
				c.draw = DRAW_ALL;
			else if (parse_u64(optarg, 100000000, &num) != 0 || num == 0)
				usage_error(_("--draw '%s': give a number from 1 "
				    "or 'all'"), optarg);
			else
				c.draw = (size_t)num;
			break;
		case OPT_FORFEIT:
			set_mode(&c, MODE_FORFEIT, "--forfeit");
			if (parse_u64(optarg, UINT64_MAX, &c.forfeit) != 0 ||
			    c.forfeit == 0)
				usage_error(_("--forfeit '%s': give the sequence "
				    "number of a draw"), optarg);
			break;
		case OPT_ALLOW_REPEAT:
			c.repeat = 1;
			break;
		case OPT_WITNESS:
			if (utf8_invalid_at(optarg, strlen(optarg)) !=
			    strlen(optarg))
				usage_error("%s",
				    _("--witness: the text is not UTF-8"));
			c.witness = optarg;
			break;
		case OPT_PRINT:
			set_mode(&c, MODE_PRINT, "--print");
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "text") == 0)
				c.format = REPORT_TEXT;
			else if (strcmp(optarg, "csv") == 0)
				c.format = REPORT_CSV;
			else if (strcmp(optarg, "json") == 0)
				c.format = REPORT_JSON;
			else
				usage_error(_("--format '%s': use text, csv or "
				    "json"), optarg);
			break;
		case OPT_VERIFY:
			set_mode(&c, MODE_VERIFY, "--verify");
			break;
		case OPT_EXPECT_HEAD:
			c.expect_head = optarg;
			break;
		case OPT_EXPECT_COMMIT:
			c.expect_commit = optarg;
			break;
		case OPT_COMMIT:
			set_mode(&c, MODE_COMMIT, "--commit");
			break;
		case OPT_REHEARSAL:
			c.rehearsal = 1;
			break;
		case OPT_TITLE:
			if (utf8_invalid_at(optarg, strlen(optarg)) !=
			    strlen(optarg))
				usage_error("%s",
				    _("--title: the text is not UTF-8"));
			c.screen.title = optarg;
			break;
		case OPT_SPIN:
			c.screen.spin = parse_seconds(optarg);
			break;
		case OPT_BATCH:
			if (parse_u64(optarg, 1000000, &num) != 0 || num == 0)
				usage_error(_("--batch '%s': give a number from 1"),
				    optarg);
			c.screen.batch = (size_t)num;
			break;
		case OPT_THEME:
			if (strcmp(optarg, "dark") == 0)
				c.screen.theme = THEME_DARK;
			else if (strcmp(optarg, "light") == 0)
				c.screen.theme = THEME_LIGHT;
			else if (strcmp(optarg, "mono") == 0)
				c.screen.theme = THEME_MONO;
			else
				usage_error(_("--theme '%s': use dark, light or "
				    "mono"), optarg);
			break;
		case OPT_FOLLOW:
			set_mode(&c, MODE_FOLLOW, "--follow");
			break;
		case OPT_CONSOLE:
			c.screen.console = 1;
			break;
		case OPT_SHOW_COLUMN:
			c.roster.show_col = optarg;
			break;
		case OPT_ON_ROLL:
			c.screen.on_roll = optarg;
			break;
		case OPT_ON_REVEAL:
			c.screen.on_reveal = optarg;
			break;
		case OPT_FONT:
			c.screen.font = optarg;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		case 'V':
			printf("raffle %s\n", RAFFLE_VERSION);
			return EXIT_OK;
		case ':':
			usage_error(_("%s needs a value"), argv[optind - 1]);
		default:
			usage_error(_("unknown option '%s'"), argv[optind - 1]);
		}
	}
	if (optind < argc)
		usage_error(_("unexpected argument '%s'"), argv[optind]);
	if (c.log == NULL)
		c.log = "raffle.log";
	/* A rehearsal has its own log, whose name says so. */
	if (c.rehearsal) {
		snprintf(rehearsal_log, sizeof rehearsal_log, "%s.rehearsal", c.log);
		c.log = rehearsal_log;
	}
	if (c.expect_head != NULL && c.mode != MODE_VERIFY)
		usage_error("%s", _("--expect-head goes with --verify"));
	if (c.expect_commit != NULL && c.mode != MODE_VERIFY)
		usage_error("%s", _("--expect-commit goes with --verify"));
	if ((c.nrosters > 1 || c.nprizes > 1) && c.mode != MODE_VERIFY)
		usage_error(_("%s is given twice; only --verify takes several, one "
		    "for each version"), c.nrosters > 1 ? "-i" : "-p");
	if (c.screen.console && c.mode != MODE_NONE)
		usage_error("%s", _("--console is a layout of the screen; give "
		    "no mode with it"));
	if (c.mode == MODE_FOLLOW && (c.witness != NULL || c.repeat))
		usage_error(_("--follow only watches: %s is for the raffle that "
		    "draws"), c.witness != NULL ? "--witness" : "--allow-repeat");
	if (c.witness != NULL && c.mode == MODE_COMMIT)
		usage_error("%s", _("--witness comes after the commitment: commit, "
		    "publish, then give --witness with --draw or on the "
		    "screen"));
	if (c.mode == MODE_DRAW && c.draw == DRAW_ALL && c.repeat &&
	    c.nprizes == 0)
		usage_error("%s", _("--draw all with --allow-repeat and no "
		    "prize table would never end; give a number of draws"));
	if (c.mode == MODE_NONE && c.nrosters == 0)
		usage_error("%s",
		    _("the screen needs a roster: give one with -i FILE"));
	/* A full disk under ulimit -f must be an error we report, not death. */
	signal(SIGXFSZ, SIG_IGN);
	return cli_run(&c);
}
