/* csvout.h: write CSV fields, quoted only where a reader needs it. */
#ifndef RAFFLE_CSVOUT_H
#define RAFFLE_CSVOUT_H

#include <stdio.h>

/* Write s as one CSV field: bare when it is safe, else quoted. */
void	 csvout_field(FILE *, const char *);

#endif
