/*
 * Unit tests of what the screen needs but can do without a terminal: the
 * big font, the reel's easing and timing, the layout, display widths.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "bigfont.h"
#include "layout.h"
#include "reel.h"
#include "text.h"

static void
test_big_font_draws_latin_names_and_refuses_others(void **state)
{
	(void)state;
	assert_true(bigfont_can_draw("Ana Lee"));
	assert_true(bigfont_can_draw("Zoë Müller-Şahin"));
	assert_true(bigfont_can_draw("Grace O'Neill"));
	assert_false(bigfont_can_draw("王芳"));
	assert_false(bigfont_can_draw("Ana 🚀"));
	assert_false(bigfont_can_draw(""));
}

/* Every row is as wide as the block, in columns, and made of block cells. */
static void
check_rows(const struct bigtext *bt, size_t maxcols, size_t maxrows)
{
	size_t	i;

	assert_true(bt->nrows > 0 && bt->nrows <= maxrows);
	assert_true(bt->cols <= maxcols);
	for (i = 0; i < bt->nrows; i++)
		assert_int_equal(text_width(bt->rows[i], strlen(bt->rows[i])),
		    bt->cols);
}

static void
test_big_font_scales_to_fit(void **state)
{
	struct bigtext	bt;

	(void)state;
	text_init_locale();
	/* "ANA": 5+1+5+1+5 = 17 pixels, 7 high: 4 rows at scale 1. */
	assert_int_equal(bigfont_render(&bt, "Ana", 17, 4), 0);
	assert_int_equal(bt.scale, 1);
	assert_int_equal(bt.cols, 17);
	assert_int_equal(bt.nrows, 4);
	check_rows(&bt, 17, 4);
	/* Pixel rows 0 and 1 of A (".###.", "#...#"), N, A in one row. */
	assert_string_equal(bt.rows[0], "▄▀▀▀▄ █   █ ▄▀▀▀▄");
	bigtext_free(&bt);
	/* More room, bigger letters. */
	assert_int_equal(bigfont_render(&bt, "Ana", 200, 60), 0);
	assert_true(bt.scale > 2);
	check_rows(&bt, 200, 60);
	bigtext_free(&bt);
}

static void
test_big_font_wraps_long_names_at_spaces(void **state)
{
	struct bigtext	bt;

	(void)state;
	text_init_locale();
	/* 14 letters need 83 columns on one line: at 60 it takes two. */
	assert_int_equal(bigfont_render(&bt, "Emma Johansson", 60, 20), 0);
	assert_int_equal(bt.nlines, 2);
	assert_int_equal(bt.scale, 1);
	check_rows(&bt, 60, 20);
	assert_int_equal(bt.nrows, 4 + 1 + 4);
	bigtext_free(&bt);
	/* A word too long for the width cannot be drawn large. */
	assert_int_equal(bigfont_render(&bt, "Wolfeschlegelsteinhausen", 60, 20), -1);
	/* Nor anything in too few rows. */
	assert_int_equal(bigfont_render(&bt, "Ana", 80, 3), -1);
}

static void
test_reel_eases_out_and_stops_on_the_winner(void **state)
{
	struct reel	r;
	size_t		i, last = 0, step_early, step_late;
	double		t;

	(void)state;
	assert_true(reel_ease(0) == 0);
	assert_true(reel_ease(1) == 1);
	assert_true(reel_ease(0.5) > 0.5);		/* ahead early */
	reel_build(&r, 1000, 42, 90, 4.0, 7);
	assert_int_equal(r.names[89], 42);
	assert_true(r.names[88] != 42);
	assert_int_equal(reel_index(&r, 0), 0);
	for (i = 0, t = 0; t < 4.0; t += 1.0 / 30, i++) {
		size_t	k = reel_index(&r, t);

		assert_true(k >= last);			/* never runs back */
		last = k;
	}
	assert_int_equal(reel_index(&r, 4.0), 89);
	assert_true(reel_done(&r, 4.0));
	assert_false(reel_done(&r, 3.9));
	/* Fast at first, slow at the end: names passed in the first and
	 * the last half second. */
	step_early = reel_index(&r, 0.5) - reel_index(&r, 0);
	step_late = reel_index(&r, 4.0) - reel_index(&r, 3.5);
	assert_true(step_late >= 1);
	assert_true(step_early > 10 * step_late);
	reel_free(&r);
	/* No spin: the winner at once. */
	reel_build(&r, 5, 3, 10, 0, 1);
	assert_int_equal(reel_index(&r, 0), 9);
	assert_true(reel_done(&r, 0));
	reel_free(&r);
}

static void
test_layout_sizes_and_grid(void **state)
{
	struct grid	g;

	(void)state;
	assert_false(layout_big_enough(39, 24));
	assert_false(layout_big_enough(80, 11));
	assert_true(layout_big_enough(40, 12));
	assert_int_equal(layout_center(10, 80), 35);
	assert_int_equal(layout_center(90, 80), 0);
	/* 5 winners fit one column. */
	layout_grid(&g, 5, 20, 80, 16);
	assert_int_equal(g.cols, 1);
	assert_int_equal(g.rows, 5);
	assert_int_equal(g.pages, 1);
	/* 100 names of 18 columns on 80x16: 4 across, 16 down, 2 pages. */
	layout_grid(&g, 100, 18, 80, 16);
	assert_int_equal(g.cell, 20);
	assert_int_equal(g.cols, 4);
	assert_int_equal(g.rows, 16);
	assert_int_equal(g.pages, 2);
	/* A name wider than the screen still gets a cell. */
	layout_grid(&g, 3, 300, 80, 16);
	assert_int_equal(g.cols, 1);
	assert_int_equal(g.cell, 80);
}

static void
test_widths_of_names_on_screen(void **state)
{
	size_t	used;

	(void)state;
	text_init_locale();
	assert_int_equal(text_width("佐藤 花子", strlen("佐藤 花子")), 9);
	assert_int_equal(text_width("👨‍👩‍👧", strlen("👨‍👩‍👧")), 6);
	assert_int_equal(text_width("Åsa", strlen("Åsa")), 3);
	/* Cutting at 8 columns keeps whole characters. */
	assert_int_equal(text_fit("佐藤 花子", strlen("佐藤 花子"), 8, &used),
	    strlen("佐藤 花"));
	assert_int_equal(used, 7);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_big_font_draws_latin_names_and_refuses_others),
		cmocka_unit_test(test_big_font_scales_to_fit),
		cmocka_unit_test(test_big_font_wraps_long_names_at_spaces),
		cmocka_unit_test(test_reel_eases_out_and_stops_on_the_winner),
		cmocka_unit_test(test_layout_sizes_and_grid),
		cmocka_unit_test(test_widths_of_names_on_screen),
	};

	return cmocka_run_group_tests_name("screen", tests, NULL, NULL);
}
