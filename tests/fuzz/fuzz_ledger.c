/*
 * fuzz_ledger.c: any bytes as a log. The reader accepts it, finds a torn
 * tail, or exits 65 naming a line of the file; and a log it accepts
 * prints and verifies (the chain alone) without complaint.
 */
#include "harness.h"

#include <sodium.h>

#include "ledger.h"
#include "report.h"
#include "verify.h"

static int
count(void *arg, const struct record *r, const struct ledger_session *s,
    struct fault *f)
{
	(void)r;
	(void)s;
	(void)f;
	(*(size_t *)arg)++;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ledger		l;
	struct verify_opts	vo;
	struct fault		f;
	char			path[64];
	size_t			n = 0, lines = 0, i;
	FILE			*null;
	int			fd, rc;

	if (sodium_init() < 0)
		abort();
	fd = harness_file(data, size, path, sizeof path);
	for (i = 0; i < size; i++)
		lines += data[i] == '\n';
	if (ledger_read(&l, path, &f) != 0)
		abort();
	if (l.size + l.torn != size)
		abort();
	rc = ledger_scan(&l, count, &n, &f);
	if (rc != 0) {
		harness_check_fault(&f, path, 1);
		if (strtoul(f.msg + strlen(path) + 1, NULL, 10) > lines)
			abort();
	} else if (n != l.nrecords || l.torn_line != n + 1 ||
	    (l.torn == 0 && size > 0 && data[size - 1] != '\n'))
		abort();
	ledger_close(&l);
	if (rc == 0) {
		/* What the chain accepts, --print and --verify accept. */
		null = fopen("/dev/null", "w");
		if (ledger_read(&l, path, &f) != 0 ||
		    report_print(&l, REPORT_CSV, null, &f) != 0)
			abort();
		ledger_close(&l);
		memset(&vo, 0, sizeof vo);
		vo.log = path;
		if (verify_run(&vo, null, &f) != 0)
			abort();
		fclose(null);
	}
	close(fd);
	return 0;
}
