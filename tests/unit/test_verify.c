/*
 * Unit tests of verify.c: every single-bit flip of a real log is caught,
 * at the line the flipped bit is on; only a flip of the last newline leaves
 * a torn tail, which is a warning naming that line.
 */
#define _GNU_SOURCE		/* memfd_create: no disk for 17,000 files */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <cmocka.h>

#include <sodium.h>

#include "verify.h"

/* A log of sessions, draws with a witness, a forfeit and its replacement. */
#define SAMPLE	"tests/fuzz/seeds/ledger/sample"

static char	warned[1024];

static void
keep_warning(const char *msg)
{
	snprintf(warned, sizeof warned, "%s", msg);
}

static unsigned char *
slurp(const char *path, size_t *len)
{
	FILE		*fp = fopen(path, "rb");
	unsigned char	*buf = malloc(1 << 20);

	assert_non_null(fp);
	*len = fread(buf, 1, 1 << 20, fp);
	fclose(fp);
	return buf;
}

static void
test_the_sample_log_verifies(void **state)
{
	struct verify_opts	o;
	struct fault		f;
	FILE			*null = fopen("/dev/null", "w");

	(void)state;
	memset(&o, 0, sizeof o);
	o.log = SAMPLE;
	assert_int_equal(verify_run(&o, null, &f), 0);
	fclose(null);
}

static void
test_every_single_bit_flip_is_caught_at_its_line(void **state)
{
	struct verify_opts	 o;
	struct fault		 f;
	unsigned char		*log, *bad;
	char			 path[64], want[96];
	size_t			 len, i, line, lines = 0, flips = 0, torn = 0;
	FILE			*null = fopen("/dev/null", "w");
	int			 bit, fd, rc;

	(void)state;
	log = slurp(SAMPLE, &len);
	for (i = 0; i < len; i++)
		lines += log[i] == '\n';
	assert_true(lines >= 8 && log[len - 1] == '\n');
	bad = malloc(len);
	fd = memfd_create("raffle-flip", 0);
	assert_true(fd >= 0);
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	memset(&o, 0, sizeof o);
	o.log = path;
	warn_set_sink(keep_warning);
	for (i = 0, line = 1; i < len; line += log[i] == '\n', i++) {
		for (bit = 0; bit < 8; bit++) {
			memcpy(bad, log, len);
			bad[i] ^= (unsigned char)(1 << bit);
			assert_int_equal(pwrite(fd, bad, len, 0), (ssize_t)len);
			warned[0] = '\0';
			rc = verify_run(&o, null, &f);
			snprintf(want, sizeof want, "%s:%zu:", path, line);
			if (i == len - 1) {
				/* The last newline: a torn last record. */
				assert_int_equal(rc, 0);
				assert_non_null(strstr(warned, want));
				assert_non_null(strstr(warned, "torn last record"));
				torn++;
			} else {
				if (rc != -1 || strncmp(f.msg, want, strlen(want)) != 0)
					fail_msg("byte %zu bit %d (line %zu): %s",
					    i, bit, line, rc ? f.msg : "accepted");
				assert_int_equal(f.status, 65);
			}
			flips++;
		}
	}
	assert_int_equal(flips, len * 8);
	assert_int_equal(torn, 8);
	warn_set_sink(NULL);
	close(fd);
	fclose(null);
	free(bad);
	free(log);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_sample_log_verifies),
		cmocka_unit_test(test_every_single_bit_flip_is_caught_at_its_line),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests_name("verify", tests, NULL, NULL);
}
