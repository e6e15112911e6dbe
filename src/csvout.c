/* csvout.c: RFC 4180 fields for --list and --print --format csv. */
#include <string.h>

#include "csvout.h"

/* Write s as one field: bare when safe, else quoted with quotes doubled. */
void
csvout_field(FILE *fp, const char *s)
{
	const char	*p;

	if (s[0] != ' ' && s[strcspn(s, ",;\t\"\r\n")] == '\0' &&
	    (s[0] == '\0' || s[strlen(s) - 1] != ' ')) {
		fputs(s, fp);
		return;
	}
	putc('"', fp);
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			putc('"', fp);
		putc(*p, fp);
	}
	putc('"', fp);
}
