/*
 * fuzz_prizes.c: any bytes as a prize table: prizes with names and
 * quantities from 1, no name twice, or exit 65 naming the file and line.
 */
#include "harness.h"
#include "prizes.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csvin_opts	o;
	struct prizes		p;
	struct fault		f;
	char			path[64];
	size_t			i, k;
	int			fd;

	fd = harness_file(data, size, path, sizeof path);
	memset(&o, 0, sizeof o);
	o.path = path;
	if (prizes_load(&p, &o, &f) != 0) {
		harness_check_fault(&f, path, strstr(f.msg, "no prizes") == NULL);
		close(fd);
		return 0;
	}
	for (i = 0; i < p.n; i++) {
		if (p.rows[i].name[0] == '\0' || p.rows[i].quantity == 0)
			abort();
		for (k = 0; k < i; k++)
			if (strcmp(p.rows[i].name, p.rows[k].name) == 0)
				abort();
	}
	prizes_free(&p);
	close(fd);
	return 0;
}
