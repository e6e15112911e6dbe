/*
 * report.h: the results as the prize desk wants them, from the log alone:
 * a table grouped by prize, CSV for a spreadsheet, or JSON lines.
 */
#ifndef RAFFLE_REPORT_H
#define RAFFLE_REPORT_H

#include <stdio.h>

#include "ledger.h"

enum report_format {
	REPORT_TEXT,
	REPORT_CSV,
	REPORT_JSON
};

/* Print every draw in the scanned ledger; returns 0 or -1 with the fault. */
int	 report_print(struct ledger *, enum report_format, FILE *,
	    struct fault *);

#endif
