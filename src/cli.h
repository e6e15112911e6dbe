/* cli.h: the headless modes, each a function of the parsed command line. */
#ifndef RAFFLE_CLI_H
#define RAFFLE_CLI_H

#include <stdint.h>

#include "report.h"
#include "roster.h"
#include "screen.h"

enum cli_mode {
	MODE_NONE,		/* the screen */
	MODE_LIST,
	MODE_CHECK,
	MODE_DRAW,
	MODE_FORFEIT,
	MODE_COMMIT,
	MODE_FOLLOW,			/* the audience's screen */
	MODE_PRINT,
	MODE_VERIFY
};

#define DRAW_ALL	SIZE_MAX

/* The most -i and -p (each may be given again, for --verify). */
#define CLI_MAX_FILES	16

struct cli {
	enum cli_mode		 mode;
	char			**argv;		/* as given, for the card */
	struct roster_opts	 roster;	/* the options; paths below */
	const char		*rosters[CLI_MAX_FILES];	/* -i */
	size_t			 nrosters, loaded_rosters;
	const char		*prizes[CLI_MAX_FILES];		/* -p */
	size_t			 nprizes, loaded_prizes;
	const char		*log;		/* -l */
	size_t			 draw;		/* --draw N, or DRAW_ALL */
	uint64_t		 forfeit;	/* --forfeit SEQ */
	int			 repeat;	/* --allow-repeat */
	int			 rehearsal;	/* --rehearsal: log is FILE.rehearsal */
	const char		*witness;
	enum report_format	 format;
	const char		*expect_head;
	const char		*expect_commit;
	struct screen_opts	 screen;
};

/* Run the mode the command line asked for; returns the exit status. */
int	 cli_run(struct cli *);

#endif
