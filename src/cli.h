/* cli.h: the headless modes, each a function of the parsed command line. */
#ifndef RAFFLE_CLI_H
#define RAFFLE_CLI_H

#include "roster.h"

enum cli_mode {
	MODE_NONE,
	MODE_LIST,
	MODE_CHECK
};

struct cli {
	enum cli_mode		 mode;
	struct roster_opts	 roster;
};

/* Run the mode the command line asked for; returns the exit status. */
int	 cli_run(struct cli *);

#endif
