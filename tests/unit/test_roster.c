/* Unit tests of roster.c: ids, duplicates, tickets, groups and the digest. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "helpers.h"
#include "roster.h"
#include "text.h"

static int
load(struct roster *r, const char *text, const char *weight,
    const char *group, struct fault *f)
{
	return helpers_roster(r, text, weight, group, f);
}

static void
test_ids_find_entries_and_repeats_count_once(void **state)
{
	struct roster	r;
	struct fault	f;

	(void)state;
	assert_int_equal(load(&r, "name,id\nAna,a\nBo,b\nAnn,a\nCy,c\n", NULL,
	    NULL, &f), 0);
	assert_int_equal(r.n, 3);
	assert_int_equal(r.duplicates, 1);
	assert_int_equal(roster_find(&r, "a"), 0);
	assert_int_equal(roster_find(&r, "c"), 2);
	assert_int_equal(roster_find(&r, "Ann"), -1);
	assert_string_equal(roster_name(&r, 0), "Ana");
	assert_int_equal(r.entries[2].line, 5);
	roster_free(&r);
}

static void
test_index_holds_many_ids(void **state)
{
	struct roster	r;
	struct fault	f;
	char		*text, *p, id[32];
	int		 i;

	(void)state;
	text = malloc(50 * 5000 + 32);
	p = text + sprintf(text, "id,name\n");
	for (i = 0; i < 5000; i++)
		p += sprintf(p, "id-%d,Person %d\n", i, i);
	assert_int_equal(load(&r, text, NULL, NULL, &f), 0);
	assert_int_equal(r.n, 5000);
	for (i = 0; i < 5000; i += 7) {
		snprintf(id, sizeof id, "id-%d", i);
		assert_int_equal(roster_find(&r, id), i);
	}
	assert_int_equal(roster_find(&r, "id-5000"), -1);
	roster_free(&r);
	free(text);
}

static void
test_tickets_and_groups(void **state)
{
	struct roster	r;
	struct fault	f;

	(void)state;
	assert_int_equal(load(&r, "name,t,team\nAna,2,Staff\nBo,0,guest\n"
	    "Cy,5,staff\n", "t", "team", &f), 0);
	assert_int_equal(r.tickets, 7);
	assert_int_equal(r.eligible, 2);
	assert_int_equal(r.ngroups, 2);
	assert_int_equal(r.entries[0].group, r.entries[2].group);
	assert_int_equal(roster_group_find(&r, "STAFF"), r.entries[0].group);
	assert_int_equal(roster_group_find(&r, "crew"), 0);
	roster_free(&r);
}

static void
test_digest_follows_what_the_draw_depends_on(void **state)
{
	struct roster	r;
	struct fault	f;
	unsigned char	plain[32], weighted[32], again[32];

	(void)state;
	assert_int_equal(load(&r, "name,t\nAna,2\nBo,1\n", NULL, NULL, &f), 0);
	roster_digest(&r, plain);
	roster_free(&r);
	assert_int_equal(load(&r, "name,t\nAna,2\nBo,1\n", "t", NULL, &f), 0);
	roster_digest(&r, weighted);
	roster_free(&r);
	assert_int_equal(load(&r, "name,t\r\n\"Ana\",2\r\nBo,1\r\n", "t", NULL,
	    &f), 0);
	roster_digest(&r, again);
	roster_free(&r);
	assert_memory_not_equal(plain, weighted, 32);
	assert_memory_equal(weighted, again, 32);
}

static void
test_bad_weight_is_a_data_error_with_its_line(void **state)
{
	struct roster	r;
	struct fault	f;

	(void)state;
	assert_int_equal(load(&r, "name,t\nAna,2\nBo,-1\n", "t", NULL, &f), -1);
	assert_int_equal(f.status, 65);
	assert_non_null(strstr(f.msg, ":3: '-1' in column 't'"));
	roster_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ids_find_entries_and_repeats_count_once),
		cmocka_unit_test(test_index_holds_many_ids),
		cmocka_unit_test(test_tickets_and_groups),
		cmocka_unit_test(test_digest_follows_what_the_draw_depends_on),
		cmocka_unit_test(test_bad_weight_is_a_data_error_with_its_line),
	};

	text_init_locale();
	return cmocka_run_group_tests_name("roster", tests, NULL, NULL);
}
