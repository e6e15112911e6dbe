# The log survives the people around it: editors that drop a newline, files
# named by mistake, runs that fail, crafted records, odd files and clocks.

SAMPLE="-i $DATA/roster.csv -p $DATA/prizes.csv --weight-column tickets --group-column team"

t_a_last_record_without_its_newline_is_kept() {
	run "$RAFFLE" $SAMPLE --draw 2; expect_status 0
	cp raffle.log whole
	last=$(tail -n 1 raffle.log)
	truncate -s -1 raffle.log
	# Readers count it, and say it lacks its newline.
	run "$RAFFLE" $SAMPLE --verify; expect_status 0
	out_has "winners:  2 of 2 recomputed"
	run "$RAFFLE" --print --format csv; expect_status 0
	[ "$(grep -c ',won$' out)" -eq 2 ] || fail "the unended draw is not printed"
	# A writer ends it and goes on after it.
	run "$RAFFLE" $SAMPLE --draw 1; expect_status 0
	err_has "the last record had no newline at its end"
	err_has "it is whole, so it is kept and the newline added"
	cmp -s whole <(head -c "$(stat -c %s whole)" raffle.log) || fail "history changed"
	grep -qxF "$last" raffle.log || fail "the draw was cut off"
	! ls raffle.log.torn-* 2>/dev/null || fail "a whole record was moved aside"
	[ "$(grep -c '	draw	' raffle.log)" -eq 3 ] || fail "not three draws"
	run "$RAFFLE" $SAMPLE --verify; expect_status 0
}

t_a_last_record_cut_short_is_still_torn() {
	run "$RAFFLE" $SAMPLE --draw 2; expect_status 0
	truncate -s -2 raffle.log
	run "$RAFFLE" $SAMPLE --draw 1; expect_status 0
	err_has "torn last record"
	ls raffle.log.torn-* > /dev/null || fail "not moved aside"
	run "$RAFFLE" $SAMPLE --verify; expect_status 0
}

t_a_file_that_is_not_a_log_is_refused_untouched() {
	printf 'api_key=SECRET' > settings.conf
	head -c 20000 /dev/urandom > blob.bin
	printf 'name,team\nAna,x\n' > list.csv
	ln -s settings.conf link.conf
	for f in settings.conf blob.bin list.csv link.conf; do
		cp -P "$f" "$f.before" 2>/dev/null || true
		sum=$(sha256sum < "$f")
		run "$RAFFLE" $SAMPLE -l "$f" --draw 1
		expect_status 65 "$f"
		err_has "$f:1:"
		[ "$(sha256sum < "$f")" = "$sum" ] || fail "$f was changed"
		! ls "$f".torn-* 2>/dev/null || fail "$f was moved aside"
		[ ! -e "$f.lock" ] || fail "$f.lock left behind"
		run "$RAFFLE" -l "$f" --print; expect_status 65
	done
	err_has "this is not a raffle log"
	[ -L link.conf ] || fail "the link was replaced"
}

t_a_run_that_fails_makes_no_log() {
	printf 'name\nAna\n' > one.csv
	run "$RAFFLE" -i one.csv --draw 1; expect_status 0
	mv raffle.log first.log
	# Nobody eligible: exit 1.
	run "$RAFFLE" -i one.csv -l first.log --draw 1; expect_status 1
	printf 'prize,quantity,eligible\nHamper,1,Board\n' > p.csv
	run "$RAFFLE" -i one.csv -p p.csv --draw 1; expect_status 64
	err_has "no --group-column"
	run "$RAFFLE" -i "$DATA/roster.csv" -p p.csv --group-column team --draw 1
	expect_status 1
	err_has "nobody eligible is left for 'Hamper'"
	[ ! -e raffle.log ] || fail "a failed run made a log"
	[ ! -e raffle.log.lock ] || fail "a failed run left a lock file"
}

t_control_characters_in_a_record_are_refused() {
	run "$RAFFLE" $SAMPLE --draw 2; expect_status 0
	line=$(grep -n '	draw	' raffle.log | head -n 1 | cut -d: -f1)
	sed -i "${line}s/name=[^	]*/name=\x1b]0;pwned\x07\x1b[2JForged/" raffle.log
	rechain raffle.log
	for mode in "--verify" "--print" "--print --format csv" "--print --format json"; do
		run "$RAFFLE" -l raffle.log $mode
		expect_status 65 "$mode"
		err_has "raffle.log:$line: a control character (byte 27) in the record"
		! grep -q $'\e' out err || fail "$mode wrote an escape"
	done
	run "$RAFFLE" $SAMPLE --draw 1; expect_status 65
}

t_verify_checks_every_field_of_a_draw_and_a_forfeit() {
	run "$RAFFLE" $SAMPLE --draw 3; expect_status 0
	run "$RAFFLE" $SAMPLE --forfeit 5; expect_status 0
	cp raffle.log good
	forge() {	# FIELD NEW LINE: change a field of one record, rechain
		cp good raffle.log
		sed -i "$3s/	$1=[^	]*	/	$1=$2	/" raffle.log
		cmp -s good raffle.log && fail "nothing changed: $1 on line $3"
		rechain raffle.log
		run "$RAFFLE" -l raffle.log --verify; expect_status 0 "chain of $1"
		run "$RAFFLE" $SAMPLE --verify; expect_status 65 "$1 on line $3"
		err_has "raffle.log:$3:"
	}
	forge name "Mallory Evil" 4
	forge tickets 999 4
	forge id p999 4
	forge pool 47 4
	forge prize "Coffee mug" 4
	forge name "Mallory Evil" 7
	forge id p998 7
}

t_a_fifo_as_log_is_refused_not_waited_on() {
	mkfifo raffle.log
	run timeout 10 "$RAFFLE" --print; expect_status 66
	err_has "raffle.log: is a FIFO, not a file"
	run timeout 10 "$RAFFLE" $SAMPLE --verify; expect_status 66
	run timeout 10 "$RAFFLE" $SAMPLE --draw 1; expect_status 73
}

t_a_clock_past_9999_writes_nothing() {
	cat > clock.c <<'EOF'
#include <time.h>
time_t time(time_t *t) { time_t v = 253402300800; if (t) *t = v; return v; }
EOF
	cc -shared -fPIC -o clock.so clock.c || fail "cannot build the clock"
	run env LD_PRELOAD="$PWD/clock.so" "$RAFFLE" $SAMPLE --draw 1
	expect_status 74
	err_has "the system clock says 10000-01-01T00:00:00Z"
	err_has "set the clock"
	[ ! -e raffle.log ] || fail "a log was made"
	run "$RAFFLE" $SAMPLE --draw 1; expect_status 0
	cp raffle.log before
	run env LD_PRELOAD="$PWD/clock.so" "$RAFFLE" $SAMPLE --draw 1
	expect_status 74
	cmp -s before raffle.log || fail "the log changed"
}

t_a_big_prize_table_loads_in_linear_time() {
	awk 'BEGIN { print "prize,quantity"; for (i = 0; i < 200000; i++) print "Prize " i ",1" }' > p.csv
	# Quadratic, this took over two minutes; linear, well under a second.
	run timeout 60 "$RAFFLE" -i "$DATA/roster.csv" -p p.csv --draw 2
	expect_status 0
	printf 'prize,quantity\nMug,1\nCap,1\nMug,2\n' > dup.csv
	run "$RAFFLE" -i "$DATA/roster.csv" -p dup.csv --draw 1
	expect_status 65
	err_has "dup.csv:4: prize 'Mug' is already on line 2"
}

t_a_crlf_log_is_said_with_the_fix() {
	run "$RAFFLE" $SAMPLE --draw 1; expect_status 0
	sed -i 's/$/\r/' raffle.log
	run "$RAFFLE" -l raffle.log --verify; expect_status 65
	err_has "raffle.log:1: the line ends in CR LF"
	sed -i 's/\r$//' raffle.log
	run "$RAFFLE" -l raffle.log --verify; expect_status 0
}

t_sessions_with_and_without_a_prize_table_verify_together() {
	run "$RAFFLE" $SAMPLE --draw 2; expect_status 0
	run "$RAFFLE" -i "$DATA/roster.csv" --weight-column tickets --group-column team --draw 2
	expect_status 0
	run "$RAFFLE" $SAMPLE --verify; expect_status 0
	out_has "winners:  4 of 4 recomputed"
}

t_a_forfeit_after_the_prize_table_shrank_draws_no_replacement() {
	printf 'prize,quantity\nMug,3\n' > p1.csv
	run "$RAFFLE" -i "$DATA/roster.csv" -p p1.csv --draw 3; expect_status 0
	printf 'prize,quantity\nMug,1\n' > p.csv
	run "$RAFFLE" -i "$DATA/roster.csv" -p p.csv --forfeit 4
	expect_status 1
	! grep -q 'replaces=' raffle.log || fail "a replacement for a prize with no room"
	run "$RAFFLE" -i "$DATA/roster.csv" -p p1.csv -p p.csv --verify; expect_status 0
}

t_a_field_given_twice_is_refused() {
	run "$RAFFLE" $SAMPLE --draw 1; expect_status 0
	sed -i '3s/\tname=/\tname=Mallory\tname=/' raffle.log
	rechain raffle.log
	run "$RAFFLE" --verify; expect_status 65
	err_has "raffle.log:3: the field 'name' is there twice"
}

t_a_session_whose_counts_are_not_its_rosters_is_refused() {
	run "$RAFFLE" $SAMPLE --draw 1; expect_status 0
	sed -i '1s/\tentries=36\t/\tentries=40\t/' raffle.log
	rechain raffle.log
	run "$RAFFLE" --verify; expect_status 0
	run "$RAFFLE" $SAMPLE --verify; expect_status 65
	err_has "session 1 says its roster has 40 people and 46 tickets"
}

t_a_forfeit_that_misnames_its_draw_is_caught_without_the_roster() {
	run "$RAFFLE" $SAMPLE --draw 2; expect_status 0
	run "$RAFFLE" $SAMPLE --forfeit 3; expect_status 0
	line=$(grep -n '	forfeit	' raffle.log | cut -d: -f1)
	sed -i "${line}s/\tname=[^\t]*/\tname=Someone Else/" raffle.log
	rechain raffle.log
	run "$RAFFLE" --verify; expect_status 65
	err_has "raffle.log:$line: the forfeit names 'Someone Else'"
}

t_a_last_record_without_newline_that_breaks_a_rule_is_damage() {
	run "$RAFFLE" $SAMPLE --draw 2; expect_status 0
	# The last draw made to forfeit a draw that does not exist, rechained,
	# its newline dropped: whole, but against the rules.
	sed -i '$s/\tdraw\t.*/\tforfeit\tdraw=99\tid=x\tname=y\tHASH/' raffle.log
	rechain raffle.log
	truncate -s -1 raffle.log
	run "$RAFFLE" --verify; expect_status 65
	err_has "raffle.log:4: forfeit of record 99"
	run "$RAFFLE" $SAMPLE --draw 1; expect_status 65
}
