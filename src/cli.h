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
	MODE_PRINT,
	MODE_VERIFY
};

#define DRAW_ALL	SIZE_MAX

struct cli {
	enum cli_mode		 mode;
	struct roster_opts	 roster;
	const char		*prizes;	/* -p */
	const char		*log;		/* -l */
	size_t			 draw;		/* --draw N, or DRAW_ALL */
	uint64_t		 forfeit;	/* --forfeit SEQ */
	int			 repeat;	/* --allow-repeat */
	const char		*witness;
	enum report_format	 format;
	const char		*expect_head;
	struct screen_opts	 screen;
};

/* Run the mode the command line asked for; returns the exit status. */
int	 cli_run(struct cli *);

#endif
