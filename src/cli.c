/* cli.c: the headless face: --list and --check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csvout.h"

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

	hex_encode(hex, r->fingerprint, sizeof r->fingerprint);
	printf("roster:           %s\n", r->file);
	printf("delimiter:        %s\n", csvin_delimiter_name(r->delimiter));
	printf("name column:      %s\n", r->col_label[0]);
	printf("id column:        %s\n", r->col_label[1] ? r->col_label[1] :
	    "(the name)");
	if (r->weighted)
		printf("weight column:    %s\n", r->col_label[2]);
	if (r->grouped) {
		size_t	i;

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

int
cli_run(struct cli *c)
{
	struct roster	r;
	struct fault	f;
	int		status;

	if (c->roster.csv.path == NULL) {
		fputs("raffle: no roster: give one with -i FILE; try 'raffle "
		    "--help'\n", stderr);
		return EXIT_USAGE;
	}
	if (c->mode == MODE_NONE) {
		fputs("raffle: say what to do: --list or --check; try 'raffle "
		    "--help'\n", stderr);
		return EXIT_USAGE;
	}
	if (roster_load(&r, &c->roster, &f) != 0)
		return cli_fail(&f);
	status = c->mode == MODE_LIST ? cli_list(&r) : cli_check(&r);
	roster_free(&r);
	return status;
}
