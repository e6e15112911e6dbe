/*
 * main.c: the command line. It reads the options, picks the one mode they
 * ask for and hands over to that mode; the rules live in the core modules.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "cli.h"
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
	OPT_CHECK
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
	{ "help",		no_argument,		NULL, 'h' },
	{ "version",		no_argument,		NULL, 'V' },
	{ NULL,			0,			NULL, 0 }
};

static const char usage_text[] =
"usage: raffle -i FILE [roster options] --list | --check\n"
"       raffle -h | --help | -V | --version\n"
"\n"
"Modes:\n"
"  --list                 write the participants as read, as CSV\n"
"  --check                summarise the roster and print its fingerprint\n"
"\n"
"Roster:\n"
"  -i, --import FILE      the roster, a CSV file ('-' reads standard input)\n"
"      --delimiter C      ',' ';' '|' or 'tab' (default: detected from line 1)\n"
"      --no-header        the first row is a participant, not a header\n"
"      --name-column COL  header name or 1-based number (default: name,\n"
"                         full name or participant, else column 1)\n"
"      --id-column COL    what tells people apart (default: id, email or\n"
"                         employee id, else the name)\n"
"      --weight-column COL  whole numbers of tickets (default: 1 each)\n"
"      --group-column COL   a group such as a team, for eligible prizes\n"
"      --encoding NAME    convert from NAME, e.g. cp1252 (default: UTF-8)\n"
"\n"
"  -h, --help             show this help\n"
"  -V, --version          show the version\n"
"\n"
"Exit status: 0 ok, 64 usage, 65 bad data, 66 missing input, 74 I/O error.\n";

static void
usage(FILE *fp)
{
	fputs(usage_text, fp);
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
	fputs("; try 'raffle --help'\n", stderr);
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
	usage_error("--delimiter '%s': use ',', ';', '|' or 'tab'", s);
}

/* Record the mode; two modes at once are a usage error. */
static void
set_mode(struct cli *c, enum cli_mode m, const char *name)
{
	if (c->mode != MODE_NONE && c->mode != m)
		usage_error("%s cannot be combined with another mode", name);
	c->mode = m;
}

int
main(int argc, char **argv)
{
	struct cli	c;
	int		ch;

	text_init_locale();
	if (sodium_init() < 0) {
		fputs("raffle: cannot initialise libsodium\n", stderr);
		return EXIT_IOERR;
	}
	memset(&c, 0, sizeof c);
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":i:hV", long_options, NULL)) != -1) {
		switch (ch) {
		case 'i':
			c.roster.csv.path = optarg;
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
		case 'h':
			usage(stdout);
			return EXIT_OK;
		case 'V':
			printf("raffle %s\n", RAFFLE_VERSION);
			return EXIT_OK;
		case ':':
			usage_error("%s needs a value", argv[optind - 1]);
		default:
			usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		usage_error("unexpected argument '%s'", argv[optind]);
	return cli_run(&c);
}
