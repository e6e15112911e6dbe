/*
 * csvcount.c: the benchmark's floor. A bare libcsv pass over a file that only
 * counts rows, with the options raffle uses, so that raffle's import can be
 * measured against the parser it is built on.
 */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <csv.h>

static void
row(int c, void *arg)
{
	(void)c;
	(*(unsigned long *)arg)++;
}

int
main(int argc, char **argv)
{
	static char		buf[1 << 20];
	struct csv_parser	p;
	unsigned long		rows = 0;
	ssize_t			n;
	int			fd;

	if (argc != 2 || (fd = open(argv[1], O_RDONLY)) == -1) {
		fprintf(stderr, "usage: csvcount FILE\n");
		return 66;
	}
	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
	while ((n = read(fd, buf, sizeof buf)) > 0)
		if (csv_parse(&p, buf, (size_t)n, NULL, row, &rows) != (size_t)n) {
			fprintf(stderr, "csvcount: %s\n", csv_strerror(csv_error(&p)));
			return 65;
		}
	csv_fini(&p, NULL, row, &rows);
	csv_free(&p);
	printf("%lu\n", rows);
	return 0;
}
