/*
 * fuzz_roster.c: any bytes as a roster. Import yields participants, every
 * name non-empty, folded and valid UTF-8, or exits 65 naming the file and
 * the line. The first byte picks the options, so that every reading path
 * (header or not, columns by number, weights, groups, an encoding) is tried.
 */
#include "harness.h"
#include "roster.h"
#include "text.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct roster_opts	o;
	struct roster		r;
	struct fault		f;
	char			path[64];
	size_t			i, len;
	uint8_t			how = size > 0 ? data[0] : 0;
	int			fd;

	fd = harness_file(size > 0 ? data + 1 : data, size > 0 ? size - 1 : 0,
	    path, sizeof path);
	memset(&o, 0, sizeof o);
	o.csv.path = path;
	o.no_header = how & 1;
	if (how & 2)
		o.weight_col = "2";
	if (how & 4)
		o.group_col = "3";
	if (how & 8)
		o.id_col = "2";
	if (how & 16)
		o.csv.encoding = "cp1252";
	if (how & 32)
		o.csv.delimiter = ';';
	if (roster_load(&r, &o, &f) != 0) {
		/* Only a file with nobody or nothing in it has no line. */
		harness_check_fault(&f, path, strstr(f.msg, "no participants") ==
		    NULL && strstr(f.msg, "the file is empty") == NULL);
		close(fd);
		return 0;
	}
	if (r.n == 0)
		abort();
	for (i = 0; i < r.n; i++) {
		const char	*name = roster_name(&r, i), *id = roster_id(&r, i);

		len = strlen(name);
		if (len == 0 || strlen(id) == 0 ||
		    utf8_invalid_at(name, len) != len ||
		    name[0] == ' ' || name[len - 1] == ' ' ||
		    strstr(name, "  ") != NULL || strchr(name, '\t') != NULL ||
		    strchr(name, '\n') != NULL)
			abort();
		if (roster_find(&r, id) != (long)i)
			abort();
	}
	roster_free(&r);
	close(fd);
	return 0;
}
