# Draws, forfeits, the log, --print and --verify, as a user types them.

SAMPLE="-i $DATA/roster.csv -p $DATA/prizes.csv --weight-column tickets --group-column team"

# The ids of the draws standing in the log, one a line, in draw order.
standing() { "$RAFFLE" -l "${1:-raffle.log}" --print --format csv | awk -F, 'NR > 1 && $NF == "won" { print $(NF - 2) }'; }

t_draws_follow_prize_order_and_quantities_across_runs() {
	run "$RAFFLE" $SAMPLE --draw 3; expect_status 0
	[ "$(wc -l < out)" -eq 3 ] || fail "3 winners"
	run "$RAFFLE" $SAMPLE --draw 4; expect_status 0
	run "$RAFFLE" $SAMPLE --draw all; expect_status 0
	[ "$(wc -l < out)" -eq 5 ] || fail "the 5 left"
	"$RAFFLE" --print --format csv > csv
	# Per prize, exactly its quantity; prizes in table order.
	for pq in "Sticker pack:5" "Coffee mug:3" "Staff hamper:1" "Headphones:2" "Weekend trip:1"; do
		n=$(grep -c ",${pq%%:*},.*,won$" csv)
		[ "$n" -eq "${pq##*:}" ] || fail "${pq%%:*}: $n"
	done
	order=$(awk -F, 'NR > 1 { print $3 }' csv | uniq | tr '\n' '|')
	[ "$order" = "Sticker pack|Coffee mug|Staff hamper|Headphones|Weekend trip|" ] || fail "order: $order"
	run "$RAFFLE" $SAMPLE --draw 1
	expect_status 1; err_has "every prize has been drawn"
}

t_nobody_wins_twice() {
	run "$RAFFLE" -i "$DATA/roster.csv" --draw all; expect_status 0
	[ "$(wc -l < out)" -eq 36 ] || fail "everyone once: $(wc -l < out)"
	[ "$(standing | sort | uniq -d | wc -l)" -eq 0 ] || fail "a repeat winner"
}

t_allow_repeat_lets_a_winner_win_again() {
	printf 'name\nAna\nBo\n' > two.csv
	run "$RAFFLE" -i two.csv --allow-repeat --draw 12; expect_status 0
	[ "$(wc -l < out)" -eq 12 ] || fail "12 draws from 2 people"
	grep -q 'repeat=yes' raffle.log || fail "rule not recorded"
	run "$RAFFLE" -i two.csv --verify; expect_status 0
}

t_exhaustion_exits_1_with_the_reason() {
	printf 'name\nAna\nBo\nCy\n' > three.csv
	run "$RAFFLE" -i three.csv --draw 5
	expect_status 1
	[ "$(wc -l < out)" -eq 3 ] || fail "draws what it can"
	err_has "nobody eligible is left for 'Draw 4'"
	cp raffle.log before
	run "$RAFFLE" -i three.csv --draw 1
	expect_status 1; err_has "nobody eligible"
	cmp -s raffle.log before || fail "a run with nothing to draw wrote"
}

t_a_prize_kept_for_a_group_goes_to_that_group() {
	printf 'prize,quantity,eligible\nHamper,4,staff\nMug,1,\n' > p.csv
	run "$RAFFLE" -i "$DATA/roster.csv" -p p.csv --group-column team --draw all
	expect_status 0
	for id in $(awk -F'\t' '$2 == "Hamper" { print $3 }' out); do
		grep -q "^$id,.*,Staff,[0-9]*$" "$DATA/roster.csv" || fail "$id is not staff"
	done
	run "$RAFFLE" -i "$DATA/roster.csv" -p p.csv --draw 1
	expect_status 64; err_has "no --group-column"
	printf 'prize,quantity,eligible\nHamper,1,nobody\n' > q.csv
	run "$RAFFLE" -i "$DATA/roster.csv" -p q.csv -l other.log --group-column team --draw 1
	expect_status 1; err_has "nobody in"; err_has "group 'nobody'"
}

t_forfeit_draws_a_replacement_for_the_same_prize() {
	run "$RAFFLE" $SAMPLE --draw 6; expect_status 0
	first=$(sed -n 6p out | cut -f 3)
	seq=$(sed -n 6p out | cut -f 1)
	run "$RAFFLE" $SAMPLE --forfeit "$seq"; expect_status 0
	[ "$(cut -f 2 out)" = "Coffee mug" ] || fail "replacement prize: $(cat out)"
	[ "$(cut -f 3 out)" != "$first" ] || fail "the no-show won again"
	"$RAFFLE" --print > text
	grep -q "forfeited (#" text || fail "forfeit not in --print"
	grep -q "replaces #$seq" text || fail "replacement not marked"
	"$RAFFLE" --print --format csv | grep -q ",$first,.*,forfeited$" || fail "csv status"
	run "$RAFFLE" $SAMPLE --draw all; expect_status 0
	! standing | grep -qx "$first" || fail "a forfeited winner was drawn again"
	run "$RAFFLE" $SAMPLE --verify; expect_status 0
	out_has "1 forfeit)"
}

t_forfeit_of_what_is_not_a_draw_exits_64_and_writes_nothing() {
	run "$RAFFLE" $SAMPLE --draw 1; expect_status 0
	cp raffle.log before
	run "$RAFFLE" $SAMPLE --forfeit 1; expect_status 64; err_has "record 1 is not a draw"
	run "$RAFFLE" $SAMPLE --forfeit 99; expect_status 64
	run "$RAFFLE" $SAMPLE --forfeit x; expect_status 64
	cmp -s raffle.log before || fail "the log changed"
	run "$RAFFLE" $SAMPLE --forfeit 3; expect_status 0
	run "$RAFFLE" $SAMPLE --forfeit 3; expect_status 64; err_has "forfeited already"
}

t_forfeit_without_anyone_left_exits_1() {
	printf 'name\nAna\nBo\n' > two.csv
	run "$RAFFLE" -i two.csv --draw 2; expect_status 0
	run "$RAFFLE" -i two.csv --forfeit 3
	expect_status 1; err_has "nobody eligible"
	"$RAFFLE" --print --format csv | grep -q ",forfeited$" || fail "forfeit not recorded"
	run "$RAFFLE" -i two.csv --verify; expect_status 0
}

t_print_formats() {
	run "$RAFFLE" $SAMPLE --draw 2; expect_status 0
	run "$RAFFLE" --print --format csv; expect_status 0
	[ "$(head -n 1 out)" = "seq,time,prize,id,name,status" ] || fail "csv header"
	[ "$(grep -c ',won$' out)" -eq 2 ] || fail "csv rows"
	run "$RAFFLE" --print --format json; expect_status 0
	[ "$(grep -c '^{"seq":[0-9]*,"time":"[0-9T:Z-]*","prize":"Sticker pack","id":"p[0-9]*","name":".*","status":"won"}$' out)" -eq 2 ] || fail "json lines"
	run "$RAFFLE" --print; expect_status 0
	out_has "Sticker pack (2)"
	run "$RAFFLE" --print --format xml; expect_status 64
}

t_print_and_verify_need_a_log() {
	run "$RAFFLE" --print; expect_status 66; err_has "raffle.log: cannot open"
	run "$RAFFLE" -l none.log --verify; expect_status 66
	mkdir dir.log
	run "$RAFFLE" -l dir.log --print; expect_status 66
	run "$RAFFLE" -l dir.log -i "$DATA/roster.csv" --draw 1; expect_status 73
}

t_verify_recomputes_every_winner() {
	run "$RAFFLE" $SAMPLE --commit; expect_status 0
	run "$RAFFLE" $SAMPLE --witness "red balloon" --draw 5; expect_status 0
	run "$RAFFLE" $SAMPLE --draw all; expect_status 0
	run "$RAFFLE" $SAMPLE --verify; expect_status 0
	out_has "winners:  12 of 12 recomputed"
	out_has "secrets:  every draw's secret follows from its session's commitment"
	out_has "head:     #$(wc -l < raffle.log) "
	grep -q '	witness	text=red balloon	' raffle.log || fail "witness not recorded"
	# Without the roster, the chain alone.
	run "$RAFFLE" --verify; expect_status 0; out_lacks "recomputed"
	# The same file read with other options is not the roster drawn from.
	run "$RAFFLE" -i "$DATA/roster.csv" -p "$DATA/prizes.csv" --group-column team --verify
	expect_status 65; err_has "read its roster with other options"
	# Another roster is not either.
	sed 's/^p036,.*/p036,Someone Else,Staff,9/' "$DATA/roster.csv" > other.csv
	run "$RAFFLE" -i other.csv -p "$DATA/prizes.csv" --weight-column tickets --group-column team --verify
	expect_status 65; err_has "give the roster it used"
}

t_a_winner_changed_in_the_log_is_caught() {
	run "$RAFFLE" -i "$DATA/roster.csv" --draw 3; expect_status 0
	# Rewrite the name of a winner, hashes and all, the way a forger would.
	sed -i '4s/\tname=[^\t]*/\tname=Forged Name/' raffle.log
	run "$RAFFLE" --verify; expect_status 65
	err_is "raffle: raffle.log:4: the record does not match its hash: it was changed after it was written"
}

t_verify_finds_a_changed_byte_a_dropped_and_swapped_lines() {
	run "$RAFFLE" -i "$DATA/roster.csv" --draw 4; expect_status 0
	cp raffle.log good
	sed -i '5s/ticket=/tickeT=/' raffle.log
	run "$RAFFLE" --verify; expect_status 65; err_has "raffle.log:5: the record does not match its hash"
	sed 4d good > raffle.log
	run "$RAFFLE" --verify; expect_status 65; err_has "raffle.log:4: sequence number 5 is out of place"
	swapped() { sed -n 1,3p good; sed -n 5p good; sed -n 4p good; sed -n 6p good; }
	swapped > raffle.log
	run "$RAFFLE" --verify; expect_status 65; err_has "raffle.log:4: sequence number 5"
	# A damaged log takes no more draws.
	run "$RAFFLE" -i "$DATA/roster.csv" --draw 1; expect_status 65
	cmp -s raffle.log <(swapped) || fail "a damaged log was written to"
}

t_expect_head_checks_the_photographed_hash() {
	run "$RAFFLE" -i "$DATA/roster.csv" --draw 2; expect_status 0
	hash=$(tail -n 1 raffle.log | awk -F'\t' '{ print $NF }')
	run "$RAFFLE" --verify --expect-head "4:${hash:0:8}"; expect_status 0
	run "$RAFFLE" --verify --expect-head "4:$(echo "${hash:0:8}" | tr a-f A-F)"; expect_status 0
	run "$RAFFLE" --verify --expect-head "3:${hash:0:8}"; expect_status 65
	err_has "raffle.log:3: the hash begins"
	run "$RAFFLE" --verify --expect-head "9:${hash:0:4}"; expect_status 65; err_has "no record 9"
	run "$RAFFLE" --verify --expect-head "4"; expect_status 64
	run "$RAFFLE" --verify --expect-head "4:xyz"; expect_status 64
	run "$RAFFLE" --print --expect-head "4:ab"; expect_status 64
}

t_torn_last_record_is_a_warning_and_moved_aside_by_a_writer() {
	run "$RAFFLE" -i "$DATA/roster.csv" --draw 2; expect_status 0
	cp raffle.log good
	torn=$(printf '5\t2026-11-25T20:00:00Z\tdraw\tprize=Dr')
	printf '%s' "$torn" >> raffle.log
	run "$RAFFLE" --verify; expect_status 0
	err_has "raffle.log:5: warning: torn last record"
	out_has "head:     #4 "
	run "$RAFFLE" --print; expect_status 0; err_has "torn"
	run "$RAFFLE" -i "$DATA/roster.csv" --draw 1; expect_status 0
	err_has "raffle.log:5: torn last record (${#torn} bytes, never shown) moved to raffle.log.torn-"
	[ "$(cat raffle.log.torn-*)" = "$torn" ] || fail "torn bytes not kept"
	cmp -s good <(head -n 4 raffle.log) || fail "history changed"
	run "$RAFFLE" -i "$DATA/roster.csv" --verify; expect_status 0; err_is ""
}

t_zero_bytes_at_the_end_are_a_torn_tail() {
	run "$RAFFLE" -i "$DATA/roster.csv" --draw 1; expect_status 0
	head -c 4096 /dev/zero >> raffle.log
	run "$RAFFLE" --verify; expect_status 0; err_has "torn last record (4096 bytes"
	run "$RAFFLE" -i "$DATA/roster.csv" --draw 1; expect_status 0; err_has "moved to"
	run "$RAFFLE" -i "$DATA/roster.csv" --verify; expect_status 0
}

t_a_second_writer_exits_75_and_changes_nothing() {
	run "$RAFFLE" -i "$DATA/roster.csv" --draw 1; expect_status 0
	cp raffle.log before
	flock raffle.log sleep 60 & holder=$!
	wait_for 10 sh -c '! flock -n raffle.log true' || fail "no lock taken"
	SECONDS=0
	run "$RAFFLE" -i "$DATA/roster.csv" --draw 1
	expect_status 75; err_has "raffle.log: in use by another raffle"
	[ $SECONDS -lt 5 ] || fail "did not exit at once"
	cmp -s raffle.log before || fail "the log changed"
	# Readers never block on a writer.
	run timeout 10 "$RAFFLE" --print; expect_status 0
	run timeout 10 "$RAFFLE" -i "$DATA/roster.csv" --verify; expect_status 0
	kill $holder; wait $holder 2>/dev/null || true
}

t_a_run_on_an_existing_log_says_it_continues_it() {
	run "$RAFFLE" $SAMPLE --draw 2; expect_status 0
	err_lacks "continues"
	run "$RAFFLE" $SAMPLE --draw 1; expect_status 0
	err_has "raffle: raffle.log: continues an existing log of 2 draws (4 records), in the same session"
	printf 'name\nAna\nBo\nCy\n' > other.csv
	run "$RAFFLE" -i other.csv --draw 1; expect_status 0
	err_has "continues an existing log of 3 draws (5 records), in a new session"
}

t_a_changed_roster_is_said_and_history_kept_by_id() {
	printf 'id,name\n1,Ana\n2,Bo\n3,Cy\n' > r.csv
	run "$RAFFLE" -i r.csv --draw 2; expect_status 0
	won=$(cut -f 3 out | sort | tr '\n' ' ')
	printf 'id,name\n1,Ana\n2,Bo\n3,Cy\n4,Di\n' > r.csv
	run "$RAFFLE" -i r.csv --draw all; expect_status 0
	err_has "r.csv differs from the roster recorded in raffle.log"
	for id in $won; do ! grep -q "	$id	" out || fail "$id won twice"; done
	[ "$(grep -c 'session' raffle.log)" -eq 2 ] || fail "sessions"
	[ "$(grep -o '	roster=[0-9a-f]*' raffle.log | sort -u | wc -l)" -eq 2 ] || fail "new fingerprint not recorded"
}

# BLAKE2b-256 of the 32 bytes a hex string stands for.
b2hex() { printf "$(echo "$1" | sed 's/../\\x&/g')" | b2sum -l 256 | cut -d' ' -f1; }

t_each_secret_hashes_to_the_one_before_down_to_the_commitment() {
	run "$RAFFLE" -i "$DATA/roster.csv" --draw 3; expect_status 0
	commit=$(sed -n 's/.*commits to \([0-9a-f]*\)$/\1/p' err)
	grep -q "	commit=$commit$(printf '\t')" raffle.log || fail "commitment printed is not the one logged"
	prev=$commit k=0
	for secret in $(sed -n 's/.*\tsecret=\([0-9a-f]*\)\t.*/\1/p' raffle.log); do
		k=$((k + 1))
		[ "$(b2hex "$secret")" = "$prev" ] || fail "step $k does not hash to the one before"
		grep -q "	step=$k	secret=$secret	" raffle.log || fail "step $k not numbered"
		prev=$secret
	done
	[ $k -eq 3 ] || fail "$k secrets"
	# The witness (none here) sits after the session record, before the draws.
	[ "$(cut -f 3 raffle.log | tr '\n' ' ')" = "session witness draw draw draw " ] || fail "record order"
	grep -q '	witness	text=	' raffle.log || fail "no empty witness"
}

t_every_hash_chains_to_the_one_before() {
	run "$RAFFLE" -i "$DATA/roster.csv" --draw 3; expect_status 0
	run "$RAFFLE" -i "$DATA/roster.csv" --forfeit 4; expect_status 0
	prev=$(printf '%064d' 0)
	while IFS= read -r line; do
		want=${line##*	}
		got=$( { printf "$(echo "$prev" | sed 's/../\\x&/g')"; printf '%s\t' "${line%	*}"; } | b2sum -l 256 | cut -d' ' -f1)
		[ "$got" = "$want" ] || fail "chain breaks at: $line"
		prev=$want
	done < raffle.log
	awk -F'\t' '$1 != NR || $2 !~ /^[0-9-]+T[0-9:]+Z$/ { exit 1 }' raffle.log || fail "seq or time"
}

t_a_run_with_nothing_to_do_leaves_no_log() {
	run "$RAFFLE" -i "$DATA/roster.csv" -p "$DATA/prizes.csv" --draw 1 --group-column team
	expect_status 0; [ -f raffle.log ] || fail "no log created"
	run "$RAFFLE" -i "$DATA/roster.csv" -l new.log --forfeit 3
	expect_status 64
}

t_a_big_batch_draws_as_one_at_a_time_would() {
	# 500 draws at once have their streams made ahead on another thread;
	# every winner must still follow from the seed, as --verify recomputes.
	awk 'BEGIN { print "id,name,tickets"; for (i = 1; i <= 800; i++) printf "%d,Person %d,%d\n", i, i, i % 3 }' > big.csv
	run "$RAFFLE" -i big.csv --weight-column tickets --draw 500; expect_status 0
	[ "$(wc -l < out)" -eq 500 ] || fail "500 winners"
	# 534 of the 800 hold a ticket: the rest are drawn, and that is all.
	run "$RAFFLE" -i big.csv --weight-column tickets --draw all; expect_status 0
	[ "$(wc -l < out)" -eq 34 ] || fail "the 34 left: $(wc -l < out)"
	run "$RAFFLE" -i big.csv --weight-column tickets --verify; expect_status 0
	out_has "winners:  534 of 534 recomputed"
	[ "$(standing | sort | uniq -d | wc -l)" -eq 0 ] || fail "a repeat winner"
	! standing | awk '$1 % 3 == 0' | grep -q . || fail "someone with no ticket won"
}

t_draw_all_with_repeats_and_no_prizes_is_refused() {
	run "$RAFFLE" -i "$DATA/roster.csv" --allow-repeat --draw all
	expect_status 64; err_has "would never end"
	[ ! -e raffle.log ] || fail "a log was started"
}

t_a_prize_nobody_can_win_is_passed_over() {
	printf 'prize,quantity,eligible\nGhost prize,1,ghosts\nMug,2,\nStaff bag,1,Staff\n' > p.csv
	run "$RAFFLE" -i "$DATA/roster.csv" -p p.csv --group-column team --draw all
	expect_status 1
	err_has "nobody in"; err_has "group 'ghosts'"
	err_has "nobody eligible is left for 'Ghost prize' (kept for ghosts)"
	[ "$(cut -f 2 out | tr '\n' '|')" = "Mug|Mug|Staff bag|" ] || fail "drawn: $(cut -f 2 out | tr '\n' '|')"
	run "$RAFFLE" -i "$DATA/roster.csv" -p p.csv --group-column team --verify
	expect_status 0; out_has "winners:  3 of 3 recomputed"
}
