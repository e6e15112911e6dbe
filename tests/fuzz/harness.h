/*
 * harness.h: what the three fuzz targets share: the bytes as a file (a
 * memfd, so nothing touches the disk), and the property every reader must
 * keep: it yields its data, or fails with exit 65 and a message that names
 * the file and, where there is one, the line.
 */
#ifndef RAFFLE_FUZZ_HARNESS_H
#define RAFFLE_FUZZ_HARNESS_H

#define _GNU_SOURCE	/* memfd_create */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
harness_quiet(const char *msg)
{
	(void)msg;
}

/* The bytes as a file; returns its descriptor and fills path. */
static int
harness_file(const uint8_t *data, size_t size, char *path, size_t len)
{
	int	fd;

	warn_set_sink(harness_quiet);
	if ((fd = memfd_create("raffle-fuzz", 0)) == -1)
		abort();
	if (size > 0 && write(fd, data, size) != (ssize_t)size)
		abort();
	snprintf(path, len, "/proc/self/fd/%d", fd);
	return fd;
}

/* The property of a failure: status 65 (or 64: an option, 66: no file is
 * impossible here), and "PATH:" or "PATH:LINE:" at the start of msg. */
static void
harness_check_fault(const struct fault *f, const char *path, int need_line)
{
	const char	*p;
	size_t		 n = strlen(path);

	if (f->status != EXIT_DATA && f->status != EXIT_USAGE) {
		fprintf(stderr, "unexpected status %d: %s\n", f->status, f->msg);
		abort();
	}
	if (f->status == EXIT_USAGE)
		return;
	if (strncmp(f->msg, path, n) != 0 || f->msg[n] != ':') {
		fprintf(stderr, "message names no file: %s\n", f->msg);
		abort();
	}
	p = f->msg + n + 1;
	if (need_line && !(*p >= '1' && *p <= '9')) {
		fprintf(stderr, "message names no line: %s\n", f->msg);
		abort();
	}
}

#endif
