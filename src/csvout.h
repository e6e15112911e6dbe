/* csvout.h: write CSV fields, quoted only where a reader needs it. */
#ifndef RAFFLE_CSVOUT_H
#define RAFFLE_CSVOUT_H

#include <stdio.h>

void	 csvout_field(FILE *, const char *);

#endif
