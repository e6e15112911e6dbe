# Words for people in the user's language; machine formats in none.

LINGUAS="zh_CN zh_TW ja de fr es"
SAMPLE="-i $DATA/roster.csv -p $DATA/prizes.csv --weight-column tickets --group-column team"

t_every_catalogue_has_every_string_and_nothing_stale() {
	xgettext --keyword=_ --keyword=N_ --keyword=ngettext:1,2 \
	    --from-code=UTF-8 --msgid-bugs-address= -o now.pot \
	    "$RAFFLE_TOP"/src/*.c 2>/dev/null
	[ "$(grep -c '^msgid' now.pot)" -gt 200 ] || fail "too few strings found"
	for l in $LINGUAS; do
		po=$RAFFLE_TOP/src/po/$l.po
		[ -f "$po" ] || fail "no catalogue for $l"
		# Every string in the sources is translated in the catalogue...
		msgcmp "$po" now.pot 2> cmp.txt || fail "$l: $(head -n 5 cmp.txt)"
		# ...and every entry of the catalogue is a string of the sources.
		msgcmp --use-untranslated now.pot "$po" 2> cmp.txt ||
			fail "$l has stale entries: $(head -n 5 cmp.txt)"
		[ -z "$(msgattrib --only-fuzzy --no-obsolete "$po")" ] || fail "$l has fuzzy entries"
		[ -z "$(msgattrib --only-obsolete "$po")" ] || fail "$l has obsolete entries"
		msgfmt --check -o /dev/null "$po" || fail "$l does not build"
	done
}

t_the_help_and_messages_speak_the_users_language() {
	need_locale de_DE.UTF-8
	need_locale zh_CN.UTF-8
	run env -u LC_ALL LANG=de_DE.UTF-8 "$RAFFLE" --help; expect_status 0
	out_lacks "Without a mode, raffle opens"
	out_has "--draw"
	run env -u LC_ALL LANGUAGE=zh_CN LANG=de_DE.UTF-8 "$RAFFLE" -i nowhere.csv --check
	expect_status 66
	err_lacks "cannot open"
	err_has "nowhere.csv"
	run env -u LC_ALL LANG=zh_CN.UTF-8 "$RAFFLE" -i "$DATA/roster.csv" --check
	expect_status 0
	out_lacks "participants:"
	out_has "36"
	out_has "$(b2sum -l 256 "$DATA/roster.csv" | cut -d' ' -f1)"
}

t_machine_formats_never_depend_on_the_locale() {
	need_locale de_DE.UTF-8
	need_locale zh_CN.UTF-8
	run "$RAFFLE" $SAMPLE --draw 3; expect_status 0
	for fmt in csv json; do
		run "$RAFFLE" --print --format $fmt; expect_status 0
		mv out c.$fmt
		run env -u LC_ALL LANG=de_DE.UTF-8 "$RAFFLE" --print --format $fmt
		cmp -s c.$fmt out || fail "--print --format $fmt differs in German"
		run env -u LC_ALL LANG=zh_CN.UTF-8 "$RAFFLE" --print --format $fmt
		cmp -s c.$fmt out || fail "--print --format $fmt differs in Chinese"
	done
	run "$RAFFLE" -i "$DATA/roster.csv" --group-column team --list; mv out c.list
	run env -u LC_ALL LANG=de_DE.UTF-8 "$RAFFLE" -i "$DATA/roster.csv" --group-column team --list
	cmp -s c.list out || fail "--list differs in German"
	# Written in German, the log reads as any other; a decimal point still
	# is one (--spin 0.5), whatever the language writes.
	run env -u LC_ALL LANG=de_DE.UTF-8 "$RAFFLE" $SAMPLE --draw 2 --spin 0.5
	expect_status 0
	! grep -q '[äöüß]' <(cut -f 1-3 raffle.log) || fail "German in the log's fixed fields"
	run "$RAFFLE" $SAMPLE --verify; expect_status 0
	out_has "winners:  5 of 5 recomputed"
}
