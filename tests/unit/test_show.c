/*
 * Unit tests of the show's arithmetic, which the screen needs but which
 * runs without a terminal: the font file's loader, big letters and how
 * they fit a window, the reel and who it rolls through, the sparks, the
 * layout of a grid, display widths.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "bigfont.h"
#include "event.h"
#include "font.h"
#include "helpers.h"
#include "layout.h"
#include "reel.h"
#include "sparks.h"
#include "text.h"

/*
 * A small font in Unifont's format: a space, an I two pixels wide in the
 * middle, an N, a combining acute, a wide glyph (U+738B) and a line cut
 * short (B). Sorted, as the real file is.
 */
static const char test_font[] =
    "0020:00000000000000000000000000000000\n"
    "0041:0000000018242442427E424242420000\n"
    "0042:00007C42427C\n"
    "0049:18181818181818181818181818181818\n"
    "004E:00000042626252524A4A464642420000\n"
    "0301:0C300000000000000000000000000000\n"
    "738B:00007FFC010001000100010001003FF8010001000100010001000100FFFE0000\n";

static char font_path[64];

/* Write the test font to a temporary file; its path is in font_path. */
static struct font *
open_test_font(void)
{
	struct fault	f;
	int		fd;

	snprintf(font_path, sizeof font_path, "/tmp/raffle-font-XXXXXX");
	fd = mkstemp(font_path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, test_font, strlen(test_font)),
	    (ssize_t)strlen(test_font));
	close(fd);
	return font_open(font_path, &f);
}

static void
close_test_font(struct font *fn)
{
	font_close(fn);
	unlink(font_path);
}

static void
test_font_missing_file_is_a_fault_not_a_crash(void **state)
{
	struct fault	f;

	(void)state;
	assert_null(font_open("/nonexistent/unifont.hex", &f));
	assert_int_equal(f.status, EXIT_NOINPUT);
	assert_non_null(strstr(f.msg, "/nonexistent/unifont.hex"));
	/* A folder is no font either. */
	assert_null(font_open("/tmp", &f));
	assert_int_equal(f.status, EXIT_NOINPUT);
	/* No font: no glyphs, no big letters, no crash. */
	assert_null(font_glyph(NULL, 'A'));
	assert_int_equal(bigfont_size(NULL, "Ana", 80, 24, 4, 3, 0), -1);
}

static void
test_font_finds_glyphs_and_hides_a_cut_line(void **state)
{
	struct font		*fn = open_test_font();
	const struct glyph	*g;

	(void)state;
	assert_non_null(fn);
	g = font_glyph(fn, 'A');
	assert_non_null(g);
	assert_int_equal(g->width, 8);
	assert_int_equal(g->rows[4], 0x18 << 8);	/* the first drawn row */
	assert_int_equal(g->rows[9], 0x7e << 8);
	/* The wide glyph: 16 pixels, rows of four hex digits. */
	g = font_glyph(fn, 0x738b);
	assert_non_null(g);
	assert_int_equal(g->width, 16);
	assert_int_equal(g->rows[1], 0x7ffc);
	/* A truncated line is no glyph; the lines around it still are. */
	assert_null(font_glyph(fn, 'B'));
	assert_non_null(font_glyph(fn, 'I'));
	assert_non_null(font_glyph(fn, 'N'));
	/* Absent, before the first, after the last, beyond Unicode. */
	assert_null(font_glyph(fn, 'C'));
	assert_null(font_glyph(fn, 0x10));
	assert_null(font_glyph(fn, 0x1f680));
	assert_null(font_glyph(fn, 0x110000));
	close_test_font(fn);
}

static void
test_font_reads_a_few_lines_per_glyph_and_keeps_them(void **state)
{
	struct fault	 f;
	struct font	*fn;
	unsigned long	 before;

	(void)state;
	if ((fn = font_open(FONT_DEFAULT_PATH, &f)) == NULL) {
		skip();		/* the unifont package is not installed */
		return;
	}
	/* 57,000 lines: a binary search, not a scan. */
	assert_non_null(font_glyph(fn, 0x00c5));	/* Å */
	assert_true(font_reads(fn) <= 24);
	before = font_reads(fn);
	assert_non_null(font_glyph(fn, 0x00c5));
	assert_int_equal(font_reads(fn), before);	/* kept */
	/* Å is not A: the accent is drawn. */
	assert_memory_not_equal(font_glyph(fn, 0x00c5)->rows,
	    font_glyph(fn, 'A')->rows, sizeof font_glyph(fn, 'A')->rows);
	assert_int_equal(font_glyph(fn, 0x738b)->width, 16);	/* 王 */
	assert_int_equal(font_glyph(fn, 0xd55c)->width, 16);	/* 한 */
	assert_non_null(font_glyph(fn, 0x0219));		/* ș */
	assert_non_null(font_glyph(fn, 0x1ec5));		/* ễ */
	assert_non_null(font_glyph(fn, 0xffff) == NULL ? font_glyph(fn, 'z') :
	    font_glyph(fn, 0xffff));
	assert_null(font_glyph(fn, 0x1f680));		/* 🚀: plane 1 */
	font_close(fn);
}

/* Every row is as wide as the block, in columns. */
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
test_big_letters_keep_the_glyphs_shape_at_each_size(void **state)
{
	struct font	*fn = open_test_font();
	struct bigtext	 bt;

	(void)state;
	text_init_locale();
	/* I at size 1: two columns of full blocks, 8 rows of 2 pixels. */
	assert_int_equal(bigfont_render(&bt, fn, "I", 8, 8, 1, 1, 0), 0);
	assert_int_equal(bt.size, 1);
	assert_int_equal(bt.cols, 8);
	assert_int_equal(bt.nrows, 8);
	assert_string_equal(bt.rows[0], "   ██   ");
	assert_string_equal(bt.rows[7], "   ██   ");
	bigtext_free(&bt);
	/* Size 2: every pixel twice as wide and as high. */
	assert_int_equal(bigfont_render(&bt, fn, "I", 16, 16, 2, 1, 0), 0);
	assert_int_equal(bt.size, 2);
	assert_int_equal(bt.nrows, 16);
	assert_string_equal(bt.rows[3], "      ████      ");
	bigtext_free(&bt);
	/* Condensed: half as wide, the same height; every pixel kept. */
	assert_int_equal(bigfont_render(&bt, fn, "I", 4, 8, 0, 1, 0), 0);
	assert_int_equal(bt.size, BIGFONT_CONDENSED);
	assert_int_equal(bt.cols, 4);
	assert_string_equal(bt.rows[0], " ▐▌ ");
	bigtext_free(&bt);
	/* Cropped: only the pixel rows some glyph draws. A: rows 4 to 13. */
	assert_int_equal(bigfont_render(&bt, fn, "A", 8, 8, 1, 1,
	    BIGFONT_CROP), 0);
	assert_int_equal(bt.nrows, 5);
	assert_string_equal(bt.rows[0], "  ▄▀▀▄  ");
	bigtext_free(&bt);
	close_test_font(fn);
}

static void
test_big_letters_lay_wide_glyphs_out_at_their_width(void **state)
{
	struct font	*fn = open_test_font();
	struct bigtext	 bt;

	(void)state;
	text_init_locale();
	/* 王 is 16 pixels: 16 columns at size 1, an A beside it 8. */
	assert_int_equal(bigfont_render(&bt, fn, "王A", 24, 8, 1, 1, 0), 0);
	assert_int_equal(bt.cols, 24);
	check_rows(&bt, 24, 8);
	bigtext_free(&bt);
	/* 23 columns are too few at size 1; condensed takes 12. */
	assert_int_equal(bigfont_size(fn, "王A", 23, 8, 4, 1, 0),
	    BIGFONT_CONDENSED);
	assert_int_equal(bigfont_size(fn, "王A", 11, 8, 4, 1, 0), -1);
	close_test_font(fn);
}

static void
test_big_letters_wrap_at_spaces_into_three_lines_at_most(void **state)
{
	struct font	*fn = open_test_font();
	struct bigtext	 bt;

	(void)state;
	text_init_locale();
	/* "AN AN AN": 64 columns on one line at size 1; in 24, three lines. */
	assert_int_equal(bigfont_render(&bt, fn, "AN AN AN", 64, 8, 1, 3, 0), 0);
	assert_int_equal(bt.nlines, 1);
	bigtext_free(&bt);
	assert_int_equal(bigfont_render(&bt, fn, "AN AN AN", 24, 24, 1, 3, 0), 0);
	assert_int_equal(bt.nlines, 3);
	assert_int_equal(bt.nrows, 24);
	check_rows(&bt, 24, 24);
	bigtext_free(&bt);
	/* Four words in three lines of one word: not at size 1. */
	assert_int_equal(bigfont_size(fn, "AN AN AN AN", 16, 24, 1, 3, 0), -1);
	/* Nor a word wider than the window. */
	assert_int_equal(bigfont_size(fn, "ANANANAN", 31, 40, 4, 3, 0), -1);
	/* Cropped lines have a gap between them. */
	assert_int_equal(bigfont_render(&bt, fn, "AN AN", 16, 40, 1, 3,
	    BIGFONT_CROP), 0);
	assert_int_equal(bt.nrows, 6 + 1 + 6);	/* N: rows 3 to 13 */
	check_rows(&bt, 16, 40);
	bigtext_free(&bt);
	close_test_font(fn);
}

static void
test_big_letters_write_what_the_font_lacks_in_place(void **state)
{
	struct font	*fn = open_test_font();
	struct bigtext	 bt;
	size_t		 i, found = 0;

	(void)state;
	text_init_locale();
	/* The rocket has no glyph: it stands in a box two glyphs wide, on
	 * the middle row, and the rows keep their width. */
	assert_int_equal(bigfont_render(&bt, fn, "A🚀N", 32, 8, 1, 1, 0), 0);
	assert_int_equal(bt.cols, 32);
	check_rows(&bt, 32, 8);
	for (i = 0; i < bt.nrows; i++)
		if (strstr(bt.rows[i], "🚀") != NULL) {
			assert_int_equal(i, 4);
			found++;
		}
	assert_int_equal(found, 1);
	bigtext_free(&bt);
	/* Nothing the font draws: plain text reads better. */
	assert_int_equal(bigfont_size(fn, "🚀", 80, 24, 4, 3, 0), -1);
	assert_int_equal(bigfont_size(fn, "", 80, 24, 4, 3, 0), -1);
	assert_int_equal(bigfont_size(fn, "   ", 80, 24, 4, 3, 0), -1);
	close_test_font(fn);
}

static void
test_big_letters_lay_a_combining_accent_over_its_letter(void **state)
{
	struct font	*fn = open_test_font();
	struct bigtext	 plain, accented;

	(void)state;
	text_init_locale();
	/* A + U+0301 is one glyph wide, with ink on row 0 that A lacks. */
	assert_int_equal(bigfont_render(&plain, fn, "A", 8, 8, 1, 1, 0), 0);
	assert_int_equal(bigfont_render(&accented, fn, "A\xcc\x81", 8, 8, 1, 1,
	    0), 0);
	assert_int_equal(accented.cols, 8);
	assert_string_equal(plain.rows[0], "        ");
	assert_string_not_equal(accented.rows[0], "        ");
	assert_string_equal(plain.rows[5], accented.rows[5]);
	bigtext_free(&plain);
	bigtext_free(&accented);
	close_test_font(fn);
}

/*
 * Every size fits the window it was chosen for: a sweep of windows from
 * 40x12 to 200x60 and names of every kind, through the real font.
 */
static void
test_every_size_fits_its_window(void **state)
{
	static const char *const names[] = {
		"Bo", "Sven Åberg", "Ingrid Sørensen", "Diego Hernández",
		"王芳", "佐藤 花子", "김민준", "Αλέξανδρος Παπαδόπουλος",
		"Nguyễn Thị Ánh", "Ștefan Țăranu", "Ana 🚀 Lee",
		"Maria Fernanda Gonzalez", "Wolfeschlegelsteinhausenberger",
		"Hernández-Rodríguez Åsa Ñ",
	};
	struct fault	 f;
	struct font	*fn;
	struct bigtext	 bt;
	size_t		 i, cols, rows, fits = 0;

	(void)state;
	text_init_locale();
	if ((fn = font_open(FONT_DEFAULT_PATH, &f)) == NULL) {
		skip();
		return;
	}
	for (cols = 40; cols <= 200; cols += 7)
		for (rows = 8; rows <= 60; rows += 5)
			for (i = 0; i < sizeof names / sizeof names[0]; i++) {
				if (bigfont_render(&bt, fn, names[i], cols, rows,
				    BIGFONT_MAX_SIZE, BIGFONT_MAX_LINES,
				    BIGFONT_CROP) != 0)
					continue;
				fits++;
				check_rows(&bt, cols, rows);
				assert_true(bt.nlines <= BIGFONT_MAX_LINES);
				bigtext_free(&bt);
			}
	assert_true(fits > 1000);
	/* A 22-letter name is large at 80x24 (the reveal leaves 18 rows). */
	assert_int_equal(bigfont_render(&bt, fn, "Maria Fernanda Gonzalez",
	    76, 18, BIGFONT_MAX_SIZE, 3, BIGFONT_CROP), 0);
	bigtext_free(&bt);
	/* Bigger windows, bigger letters; the same size for the same room. */
	assert_true(bigfont_size(fn, "Bo", 196, 45, BIGFONT_MAX_SIZE, 3,
	    BIGFONT_CROP) > bigfont_size(fn, "Bo", 76, 18, BIGFONT_MAX_SIZE,
	    3, BIGFONT_CROP));
	font_close(fn);
}

/* A roster for the reel: two groups, a weight of 0, and a winner. */
static const char reel_csv[] =
    "id,name,t,team\n"
    "a,Ana,1,staff\n"
    "b,Bo,2,guest\n"
    "c,Cy,3,staff\n"
    "d,Di,1,guest\n"
    "e,Ed,1,staff\n"
    "z,Zed,0,staff\n";

static void
test_reel_rolls_only_through_people_who_can_win(void **state)
{
	struct roster		r;
	struct event		ev;
	struct prizes		pt;
	struct prize_row	row = { (char *)(uintptr_t)"Hamper", 2,
				    (char *)(uintptr_t)"staff", 2 };
	struct fault		f;
	struct reel		rl;
	size_t			i, seen[7] = { 0 };

	(void)state;
	memset(&pt, 0, sizeof pt);
	pt.file = "p.csv";
	pt.rows = &row;
	pt.n = 1;
	assert_int_equal(helpers_roster(&r, reel_csv, "t", "team", &f), 0);
	assert_int_equal(event_init(&ev, &r, &pt, &f), 0);
	/* Cy won the first hamper: the second rolls through Ana and Ed. */
	event_add_draw(&ev, 3, "2026-11-25T00:00:00Z", 0, "c", "Cy", 3, 0, 2);
	reel_build(&rl, &ev, 0, 0, 4.0, 99);
	assert_int_equal(rl.names[rl.land], 0);
	for (i = 0; i < rl.n; i++)
		seen[rl.names[i]]++;
	assert_int_equal(seen[1] + seen[2] + seen[3] + seen[5], 0);
	assert_true(seen[4] > 0);
	reel_free(&rl);
	/* Ana too is gone: only Ed is left, and Ed's name rolls alone. */
	event_add_draw(&ev, 4, "2026-11-25T00:00:00Z", 0, "a", "Ana", 1, 0, 0);
	reel_build(&rl, &ev, 0, 4, 4.0, 99);
	for (i = 0; i < rl.n; i++)
		assert_int_equal(rl.names[i], 4);
	reel_free(&rl);
	/* The event's own counts agree: one staff member, one ticket. */
	{
		size_t		people;
		uint64_t	tickets;

		event_in_draw(&ev, 0, &people, &tickets);
		assert_int_equal(people, 1);
		assert_int_equal(tickets, 1);
		event_in_draw(&ev, -1, &people, &tickets);
		assert_int_equal(people, 3);		/* Bo, Di, Ed */
		assert_int_equal(tickets, 4);
		assert_int_equal(event_eligible_entry(&ev, 0, 0), 4);
		assert_int_equal(event_eligible_entry(&ev, 0, 1), -1);
	}
	event_free(&ev);
	roster_free(&r);
}

static void
test_reel_lands_on_the_winner_holds_it_and_never_races(void **state)
{
	struct roster	r;
	struct event	ev;
	struct fault	f;
	struct reel	rl;
	size_t		k, last = 0, changes;
	double		t, window;

	(void)state;
	assert_int_equal(helpers_roster(&r, reel_csv, "t", NULL, &f), 0);
	assert_int_equal(event_init(&ev, &r, NULL, &f), 0);
	assert_int_equal(event_next_prize(&ev), 0);
	reel_build(&rl, &ev, 0, 2, 4.0, 7);
	/* The default spin: 3.4 s of roll, 0.6 s held. */
	assert_true(rl.roll > 3.39 && rl.roll < 3.41);
	assert_true(rl.hold > 0.59 && rl.hold < 0.61);
	assert_int_equal(rl.names[rl.land], 2);
	assert_true(rl.names[rl.land - 1] != 2);
	assert_true(rl.names[rl.land + 1] != 2);
	assert_int_equal(rl.n, rl.land + 1 + REEL_AFTER);
	assert_int_equal(reel_index(&rl, 0), 0);
	for (t = 0; t < 4.0; t += 0.001) {
		k = reel_index(&rl, t);
		assert_true(k >= last && k <= rl.land);	/* never runs back */
		last = k;
	}
	/* The winner is in the bar before the roll ends and all through
	 * the hold; the reveal comes only after. */
	assert_int_equal(reel_index(&rl, rl.roll - 0.05), rl.land);
	assert_true(reel_landed(&rl, rl.roll));
	assert_false(reel_done(&rl, rl.roll + rl.hold - 0.01));
	assert_true(reel_done(&rl, rl.roll + rl.hold));
	/* No more than 12 names in any second, and slower at the end. */
	for (window = 0; window + 1 <= rl.roll; window += 0.05) {
		changes = reel_index(&rl, window + 1) - reel_index(&rl, window);
		assert_true(changes <= 12);
	}
	assert_true(reel_index(&rl, 1.0) - reel_index(&rl, 0) >
	    2 * (reel_index(&rl, rl.roll) - reel_index(&rl, rl.roll - 1.0)));
	/* The next change is when the index moves, to a millisecond. */
	for (t = 0; t < rl.roll - 0.01; t = reel_next_change(&rl, t)) {
		k = reel_index(&rl, t);
		assert_true(reel_index(&rl, reel_next_change(&rl, t)) > k ||
		    reel_next_change(&rl, t) >= rl.roll);
		assert_int_equal(reel_index(&rl, reel_next_change(&rl, t) -
		    0.002), k);
	}
	reel_free(&rl);
	/* No spin: the winner at once, nothing held. */
	reel_build(&rl, &ev, 0, 3, 0, 1);
	assert_int_equal(reel_index(&rl, 0), rl.land);
	assert_int_equal(rl.names[rl.land], 3);
	assert_true(reel_done(&rl, 0));
	reel_free(&rl);
	/* A long spin holds no more than a second. */
	reel_build(&rl, &ev, 0, 3, 30, 1);
	assert_true(rl.hold <= REEL_HOLD_MAX);
	reel_free(&rl);
	event_free(&ev);
	roster_free(&r);
}

static void
test_show_generator_is_its_own_and_unbiased_in_range(void **state)
{
	uint64_t	s1 = 42, s2 = 42, s = 1, count[3] = { 0 };
	int		i;

	(void)state;
	assert_true(reel_random(&s1) == reel_random(&s2));
	for (i = 0; i < 30000; i++)
		count[reel_below(&s, 3)]++;
	for (i = 0; i < 3; i++)
		assert_true(count[i] > 9500 && count[i] < 10500);
}

static void
test_sparks_stay_on_screen_and_repeat_for_a_seed(void **state)
{
	struct spark	a, b;
	size_t		i, alive = 0;
	double		t;

	(void)state;
	for (t = 0; t < SPARKS_TIME + 1; t += 0.1)
		for (i = 0; i < SPARKS; i++) {
			if (!sparks_at(5, i, t, 80, 23, &a))
				continue;
			alive++;
			assert_true(a.x >= 0 && a.x < 80 && a.y >= 0 && a.y < 23);
			assert_true(a.colour >= 0 && a.colour < 3);
			assert_int_equal(sparks_at(5, i, t, 80, 23, &b), 1);
			assert_memory_equal(&a, &b, sizeof a);
			assert_true(t <= SPARKS_TIME);
		}
	assert_true(alive > 0);
	assert_int_equal(sparks_at(5, 0, 0.5, 0, 0, &a), 0);
}

static void
test_winners_are_numbered_by_the_unit_they_fill(void **state)
{
	struct roster	r;
	struct event	ev;
	struct fault	f;
	uint32_t	unit[8];

	(void)state;
	assert_int_equal(helpers_roster(&r, reel_csv, "t", NULL, &f), 0);
	assert_int_equal(event_init(&ev, &r, NULL, &f), 0);
	/* Draw 1, draw 2, draw 2 forfeited and replaced, replaced again. */
	event_add_draw(&ev, 3, "t", event_prize_by_name(&ev, "Mug"), "a",
	    "Ana", 1, 0, 0);
	event_add_draw(&ev, 4, "t", 0, "b", "Bo", 2, 0, 1);
	event_add_forfeit(&ev, 5, 4);
	event_add_draw(&ev, 6, "t", 0, "c", "Cy", 3, 4, 2);
	event_add_forfeit(&ev, 7, 6);
	event_add_draw(&ev, 8, "t", 0, "d", "Di", 1, 6, 3);
	event_add_draw(&ev, 9, "t", 0, "e", "Ed", 1, 0, 4);
	event_units(&ev, unit);
	assert_int_equal(unit[0], 1);
	assert_int_equal(unit[1], 2);
	assert_int_equal(unit[2], 2);
	assert_int_equal(unit[3], 2);
	assert_int_equal(unit[4], 3);
	event_free(&ev);
	roster_free(&r);
}

static void
test_batch_cells_land_one_by_one_within_the_spin(void **state)
{
	struct roster	r;
	struct event	ev;
	struct fault	f;
	size_t		k, e;
	double		t;

	(void)state;
	assert_true(reel_cell_lands(4, 0, 10) > 0.99 &&
	    reel_cell_lands(4, 0, 10) < 1.01);
	assert_true(reel_cell_lands(4, 9, 10) > 3.99 &&
	    reel_cell_lands(4, 9, 10) < 4.01);
	for (k = 1; k < 10; k++)		/* a third of a second apart */
		assert_true(reel_cell_lands(4, k, 10) -
		    reel_cell_lands(4, k - 1, 10) > 0.3);
	assert_true(reel_cell_lands(0, 5, 10) == 0);
	assert_true(reel_cell_lands(4, 0, 1) > 3.99);
	/* A rolling cell shows eligible names only, and changes. */
	assert_int_equal(helpers_roster(&r, reel_csv, "t", NULL, &f), 0);
	assert_int_equal(event_init(&ev, &r, NULL, &f), 0);
	assert_int_equal(event_next_prize(&ev), 0);
	event_add_draw(&ev, 3, "t", 0, "b", "Bo", 2, 0, 1);
	for (t = 0, k = 0; t < 3; t += 0.1) {
		e = reel_cell_name(&ev, 0, 1, 77, t);
		assert_true(e != 1 && e != 5);		/* Bo won, Zed has none */
		k += e != reel_cell_name(&ev, 0, 1, 77, t + 0.125);
	}
	assert_true(k > 10);
	event_free(&ev);
	roster_free(&r);
}

static void
test_batch_layout_big_for_ten_plain_for_many(void **state)
{
	static const char *const ten[] = {
		"Bruno Costa", "Léa Martin", "Zoë Müller", "Valentina Rossi",
		"Emma Johansson", "王芳", "김민준", "Farid Haddad", "Uma Desai",
		"Diego Hernández",
	};
	const char	*many[300];
	struct fault	 f;
	struct font	*fn;
	struct cells	 c;
	size_t		 i;

	(void)state;
	text_init_locale();
	for (i = 0; i < 300; i++)
		many[i] = ten[i % 10];
	/* Without a font, plain text, never wider than the window. */
	layout_cells(&c, NULL, ten, ten, 10, 76, 19);
	assert_false(c.big);
	assert_true(c.cols * c.cell_w <= 76);
	assert_true(c.cell_w >= text_width("Diego Hernández", 16) + 2);
	if ((fn = font_open(FONT_DEFAULT_PATH, &f)) == NULL) {
		skip();
		return;
	}
	/* Ten at 200x60: big letters, two columns of five, one page. */
	layout_cells(&c, fn, ten, ten, 10, 196, 55);
	assert_true(c.big);
	assert_int_equal(c.cols, 2);
	assert_int_equal(c.rows, 5);
	assert_int_equal(c.pages, 1);
	assert_true(c.size >= 1);
	assert_true(c.rows * c.cell_h <= 55 && c.cols * c.cell_w <= 196);
	/* Ten at 120x35: big letters still, three to a page. */
	layout_cells(&c, fn, ten, ten, 10, 116, 30);
	assert_true(c.big);
	assert_int_equal(c.per_page, 3);
	assert_int_equal(c.pages, 4);
	/* Thirty: pages of ten. 300: plain text, pages as many as fit. */
	layout_cells(&c, fn, many, many, 30, 196, 55);
	assert_true(c.big);
	assert_int_equal(c.per_page, 10);
	assert_int_equal(c.pages, 3);
	layout_cells(&c, fn, many, many, 300, 196, 55);
	assert_false(c.big);
	assert_true(c.per_page * c.pages >= 300);
	assert_true(c.cols * c.cell_w <= 196 && c.rows <= 55);
	/* Every name fits its cell at the chosen size, in one line. */
	layout_cells(&c, fn, ten, ten, 10, 196, 55);
	for (i = 0; i < 10; i++)
		assert_true(bigfont_size(fn, ten[i], c.cell_w - 2, c.cell_h -
		    LAYOUT_CELL_EXTRA, c.size, 1, 0) >= 0);
	font_close(fn);
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
		cmocka_unit_test(test_font_missing_file_is_a_fault_not_a_crash),
		cmocka_unit_test(test_font_finds_glyphs_and_hides_a_cut_line),
		cmocka_unit_test(test_font_reads_a_few_lines_per_glyph_and_keeps_them),
		cmocka_unit_test(test_big_letters_keep_the_glyphs_shape_at_each_size),
		cmocka_unit_test(test_big_letters_lay_wide_glyphs_out_at_their_width),
		cmocka_unit_test(test_big_letters_wrap_at_spaces_into_three_lines_at_most),
		cmocka_unit_test(test_big_letters_write_what_the_font_lacks_in_place),
		cmocka_unit_test(test_big_letters_lay_a_combining_accent_over_its_letter),
		cmocka_unit_test(test_every_size_fits_its_window),
		cmocka_unit_test(test_reel_rolls_only_through_people_who_can_win),
		cmocka_unit_test(test_reel_lands_on_the_winner_holds_it_and_never_races),
		cmocka_unit_test(test_show_generator_is_its_own_and_unbiased_in_range),
		cmocka_unit_test(test_sparks_stay_on_screen_and_repeat_for_a_seed),
		cmocka_unit_test(test_winners_are_numbered_by_the_unit_they_fill),
		cmocka_unit_test(test_batch_cells_land_one_by_one_within_the_spin),
		cmocka_unit_test(test_batch_layout_big_for_ten_plain_for_many),
		cmocka_unit_test(test_layout_sizes_and_grid),
		cmocka_unit_test(test_widths_of_names_on_screen),
	};

	return cmocka_run_group_tests_name("show", tests, NULL, NULL);
}
