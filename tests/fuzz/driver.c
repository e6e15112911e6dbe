/*
 * driver.c: a fuzz target without libFuzzer, for make test: it runs the
 * target on every file named (or every file in a folder named; by default
 * its seeds and the inputs fuzzing once found, tests/fuzz/seeds/TARGET and
 * tests/fuzz/regress/TARGET) and prints "ok N - TARGET: FILE" for each
 * that passes. A failure aborts, and the test runner counts the crash.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int	n;

static void
run_file(const char *target, const char *path)
{
	FILE	*fp;
	uint8_t	*buf;
	long	 len;

	if ((fp = fopen(path, "rb")) == NULL) {
		printf("not ok %d - %s: %s: cannot open\n", ++n, target, path);
		return;
	}
	fseek(fp, 0, SEEK_END);
	len = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	buf = malloc(len > 0 ? (size_t)len : 1);
	if (buf == NULL || fread(buf, 1, (size_t)len, fp) != (size_t)len)
		abort();
	fclose(fp);
	LLVMFuzzerTestOneInput(buf, (size_t)len);
	free(buf);
	printf("ok %d - %s: %s\n", ++n, target, path);
	fflush(stdout);
}

int
main(int argc, char **argv)
{
	struct dirent	*de;
	struct stat	 st;
	DIR		*d;
	char		 path[4096];
	int		 i;

	static const char *const dirs[] = { "tests/fuzz/seeds/" TARGET,
		"tests/fuzz/regress/" TARGET, NULL };
	const char *const	*names = argc > 1 ? (const char *const *)argv + 1 :
				    dirs;

	for (i = 0; names[i] != NULL; i++) {
		/* No findings yet is no folder: git keeps no empty ones. */
		if (argc == 1 && stat(names[i], &st) != 0)
			continue;
		if (stat(names[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			if ((d = opendir(names[i])) == NULL)
				continue;
			while ((de = readdir(d)) != NULL) {
				if (de->d_name[0] == '.')
					continue;
				snprintf(path, sizeof path, "%s/%s", names[i],
				    de->d_name);
				run_file(TARGET, path);
			}
			closedir(d);
		} else
			run_file(TARGET, names[i]);
	}
	printf("1..%d\n", n);
	return 0;
}
