/* Unit tests of text.c: UTF-8 validity, name folding and display widths. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "text.h"

static size_t
invalid_at(const char *s)
{
	return utf8_invalid_at(s, strlen(s));
}

static void
test_utf8_accepts_valid_text(void **state)
{
	(void)state;
	assert_int_equal(invalid_at("plain ASCII, long enough to skip"), 32);
	assert_int_equal(invalid_at("Zoë Müller"), strlen("Zoë Müller"));
	assert_int_equal(invalid_at("王芳 👩‍🚀"), strlen("王芳 👩‍🚀"));
	assert_int_equal(invalid_at("\xf4\x8f\xbf\xbf"), 4);	/* U+10FFFF */
}

static void
test_utf8_rejects_broken_sequences_at_their_first_byte(void **state)
{
	(void)state;
	assert_int_equal(invalid_at("Zo\xeb"), 2);		/* Latin-1 */
	assert_int_equal(invalid_at("ab\xc0\xaf"), 2);		/* overlong '/' */
	assert_int_equal(invalid_at("a\xe0\x80\xaf"), 1);	/* overlong */
	assert_int_equal(invalid_at("\xed\xa0\x80"), 0);	/* surrogate */
	assert_int_equal(invalid_at("xy\xf4\x90\x80\x80"), 2);	/* > U+10FFFF */
	assert_int_equal(invalid_at("abc\xe2\x82"), 3);		/* truncated */
	assert_int_equal(invalid_at("\x80"), 0);		/* lone continuation */
	assert_int_equal(invalid_at("12345678\xff"), 8);	/* after the fast path */
}

static void
fold_is(const char *in, const char *want)
{
	char	buf[256];
	size_t	n;

	strcpy(buf, in);
	n = text_fold(buf, strlen(buf));
	buf[n] = '\0';
	assert_string_equal(buf, want);
}

static void
test_fold_trims_and_folds_white_space(void **state)
{
	(void)state;
	fold_is("  Ana   Lee  ", "Ana Lee");
	fold_is("Bo\r\nvan\tDam", "Bo van Dam");
	fold_is("Cy\xc2\xa0Rex\xe3\x80\x80Jr", "Cy Rex Jr");	/* NBSP, ideographic */
	fold_is(" \t\n ", "");
	fold_is("", "");
}

static void
test_fold_drops_controls_but_keeps_joiners(void **state)
{
	(void)state;
	fold_is("A\x01n\x7f" "a\xc2\x85x", "Ana x");		/* C0, DEL; NEL is a break */
	fold_is("\xef\xbb\xbf" "Ana", "Ana");			/* a BOM mid-file */
	fold_is("👩‍🚀", "👩‍🚀");					/* ZWJ stays */
	fold_is("é", "é");					/* combining mark */
}

static void
test_width_counts_columns_not_bytes(void **state)
{
	(void)state;
	text_init_locale();
	assert_int_equal(text_width("Ana", 3), 3);
	assert_int_equal(text_width("Zoë", strlen("Zoë")), 3);
	assert_int_equal(text_width("王芳", strlen("王芳")), 4);
	assert_int_equal(text_width("é", strlen("é")), 1);
	/* Joiners and selectors add nothing: woman + ZWJ + rocket is 2 + 2. */
	assert_int_equal(text_width("👩‍🚀", strlen("👩‍🚀")), 4);
	assert_int_equal(text_width("❤️", strlen("❤️")), 1);
}

static void
test_fit_never_splits_a_wide_character(void **state)
{
	size_t	used, n;

	(void)state;
	text_init_locale();
	n = text_fit("王芳芳", strlen("王芳芳"), 5, &used);
	assert_int_equal(n, 6);
	assert_int_equal(used, 4);
	n = text_fit("Zoë", strlen("Zoë"), 3, &used);
	assert_int_equal(n, strlen("Zoë"));
	assert_int_equal(used, 3);
	n = text_fit("abc", 3, 0, &used);
	assert_int_equal(n, 0);
}

static void
test_decode_reads_one_code_point(void **state)
{
	const char	*in[] = { "A", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x9a\x80",
		"\xf4\x8f\xbf\xbf" };
	const uint32_t	 want[] = { 0x41, 0xe9, 0x20ac, 0x1f680, 0x10ffff };
	uint32_t	 cp;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		assert_int_equal(utf8_decode(in[i], strlen(in[i]), &cp),
		    strlen(in[i]));
		assert_int_equal(cp, want[i]);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_accepts_valid_text),
		cmocka_unit_test(test_utf8_rejects_broken_sequences_at_their_first_byte),
		cmocka_unit_test(test_fold_trims_and_folds_white_space),
		cmocka_unit_test(test_fold_drops_controls_but_keeps_joiners),
		cmocka_unit_test(test_width_counts_columns_not_bytes),
		cmocka_unit_test(test_fit_never_splits_a_wide_character),
		cmocka_unit_test(test_decode_reads_one_code_point),
	};

	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
