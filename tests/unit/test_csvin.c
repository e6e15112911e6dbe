/* Unit tests of csvin.c: rows, the lines they start on, and delimiters. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "csvin.h"

struct seen {
	unsigned long	line[16];
	char		text[16][64];
	size_t		rows;
};

/* Record each row as its line and its fields joined by '|'. */
static int
collect(void *arg, const struct csvin_row *row, struct fault *f)
{
	struct seen	*s = arg;
	size_t		 i;

	(void)f;
	if (s->rows == 16)
		return -1;
	s->line[s->rows] = row->line;
	s->text[s->rows][0] = '\0';
	for (i = 0; i < row->nfields; i++) {
		if (i)
			strcat(s->text[s->rows], "|");
		strncat(s->text[s->rows], row->field[i], 20);
	}
	s->rows++;
	return 0;
}

static int
read_text(const char *text, size_t len, int delim, struct seen *s,
    struct csvin_result *res, struct fault *f)
{
	char			path[] = "/tmp/raffle-csvin-XXXXXX";
	struct csvin_opts	o;
	int			fd, rc;

	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	close(fd);
	memset(&o, 0, sizeof o);
	o.path = path;
	o.delimiter = delim;
	memset(s, 0, sizeof *s);
	rc = csvin_read(&o, collect, s, res, f);
	unlink(path);
	return rc;
}

static void
test_rows_carry_the_line_they_start_on(void **state)
{
	const char		text[] = "a,b\n\n\"x\ny\",2\r\n\r\nlast,3";
	struct seen		s;
	struct csvin_result	res;
	struct fault		f;

	(void)state;
	assert_int_equal(read_text(text, sizeof text - 1, 0, &s, &res, &f), 0);
	assert_int_equal(s.rows, 3);
	assert_int_equal(s.line[0], 1);
	assert_string_equal(s.text[0], "a|b");
	assert_int_equal(s.line[1], 3);
	assert_string_equal(s.text[1], "x\ny|2");
	assert_int_equal(s.line[2], 6);
	assert_string_equal(s.text[2], "last|3");
	assert_int_equal(res.delimiter, ',');
}

static void
test_delimiter_is_the_most_common_outside_quotes(void **state)
{
	const char		semi[] = "\"a,b,c\";d\n1;2\n";
	const char		tab[] = "a\tb\tc,d\n1\t 2\t3\n";
	struct seen		s;
	struct csvin_result	res;
	struct fault		f;

	(void)state;
	assert_int_equal(read_text(semi, sizeof semi - 1, 0, &s, &res, &f), 0);
	assert_int_equal(res.delimiter, ';');
	assert_string_equal(s.text[0], "a,b,c|d");
	assert_int_equal(read_text(tab, sizeof tab - 1, 0, &s, &res, &f), 0);
	assert_int_equal(res.delimiter, '\t');
	assert_string_equal(s.text[1], "1|2|3");
}

static void
test_bom_is_dropped_and_fingerprint_covers_it(void **state)
{
	const char		text[] = "\xef\xbb\xbfname\nAna\n";
	struct seen		s;
	struct csvin_result	res, plain;
	struct fault		f;

	(void)state;
	assert_int_equal(read_text(text, sizeof text - 1, 0, &s, &res, &f), 0);
	assert_string_equal(s.text[0], "name");
	assert_int_equal(read_text(text + 3, sizeof text - 4, 0, &s, &plain, &f), 0);
	assert_memory_not_equal(res.fingerprint, plain.fingerprint, 32);
}

static void
test_errors_carry_file_line_and_status(void **state)
{
	const char		quote[] = "a\nb\n\"c,d\ne\n";
	const char		after[] = "a\n\"x\ny\"z\n";
	const char		utf[] = "a\n\xff\n";
	struct seen		s;
	struct fault		f;

	(void)state;
	assert_int_equal(read_text(quote, sizeof quote - 1, 0, &s, NULL, &f), -1);
	assert_int_equal(f.status, 65);
	assert_non_null(strstr(f.msg, ":3: quote opened here"));
	/* The line of the refused byte, inside a field of two lines. */
	assert_int_equal(read_text(after, sizeof after - 1, 0, &s, NULL, &f), -1);
	assert_non_null(strstr(f.msg, ":3: text after a closing quote"));
	assert_int_equal(read_text(utf, sizeof utf - 1, 0, &s, NULL, &f), -1);
	assert_non_null(strstr(f.msg, ":2: invalid UTF-8"));
}

/* As Python's csv module and spreadsheets read them. */
static void
test_a_quote_inside_an_unquoted_field_is_kept(void **state)
{
	const char	text[] = "id,name,where\n1,Robert \"Bob\" Smith,x\n"
	    "2,Ann,37\xc2\xb0" "36'37.8\"N\n3,b\",\"q\"\"\"\n";
	struct seen	s;
	struct fault	f;

	(void)state;
	assert_int_equal(read_text(text, sizeof text - 1, 0, &s, NULL, &f), 0);
	assert_int_equal(s.rows, 4);
	assert_string_equal(s.text[1], "1|Robert \"Bob\" Smith|x");
	assert_string_equal(s.text[2], "2|Ann|37\xc2\xb0" "36'37.8\"N");
	assert_string_equal(s.text[3], "3|b\"|q\"");
}

static void
test_missing_file_is_exit_66(void **state)
{
	struct csvin_opts	o;
	struct fault		f;

	(void)state;
	memset(&o, 0, sizeof o);
	o.path = "/nonexistent/roster.csv";
	assert_int_equal(csvin_read(&o, collect, NULL, NULL, &f), -1);
	assert_int_equal(f.status, 66);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_carry_the_line_they_start_on),
		cmocka_unit_test(test_delimiter_is_the_most_common_outside_quotes),
		cmocka_unit_test(test_bom_is_dropped_and_fingerprint_covers_it),
		cmocka_unit_test(test_errors_carry_file_line_and_status),
		cmocka_unit_test(test_a_quote_inside_an_unquoted_field_is_kept),
		cmocka_unit_test(test_missing_file_is_exit_66),
	};

	return cmocka_run_group_tests_name("csvin", tests, NULL, NULL);
}
