/* helpers.h: what several unit tests share: a roster from a string. */
#ifndef RAFFLE_TEST_HELPERS_H
#define RAFFLE_TEST_HELPERS_H

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "roster.h"

static void
helpers_quiet(const char *msg)
{
	(void)msg;
}

/* Write text to a temporary file and load it as a roster; 0 or -1. */
static int
helpers_roster(struct roster *r, const char *text, const char *weight,
    const char *group, struct fault *f)
{
	char			path[] = "/tmp/raffle-unit-XXXXXX";
	struct roster_opts	o;
	int			fd, rc;

	fd = mkstemp(path);
	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		abort();
	close(fd);
	memset(&o, 0, sizeof o);
	o.csv.path = path;
	o.weight_col = weight;
	o.group_col = group;
	warn_set_sink(helpers_quiet);
	rc = roster_load(r, &o, f);
	unlink(path);
	return rc;
}

#endif
