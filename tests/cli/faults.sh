# Crashes, full disks and failing disks: a shown winner is never lost, a
# draw never re-rolled, a prize never given twice, and the log still holds.

ROSTER="-i $DATA/roster.csv --weight-column tickets"

# Every winner printed must be in the log, as printed.
shown_are_logged() {
	local seq prize id name
	while IFS=$'\t' read -r seq prize id name; do
		grep -q "^$seq	.*	draw	prize=$prize	id=$id	name=$name	" raffle.log ||
			fail "shown but not logged: $seq $id"
	done < "$1"
}

no_repeat_winners() {
	local dup
	dup=$("$RAFFLE" --print --format csv | awk -F, 'NR > 1 && $NF == "won" { print $(NF - 2) }' | sort | uniq -d)
	[ -z "$dup" ] || fail "won twice: $dup"
}

# Kill raffle at the Nth call of syscall on the log, for N = 1, 2, ... until
# a run completes; after each crash, resume, and check the log.
crash_walk() {
	local call=$1 base=$2 n=1 st
	while :; do
		rm -f raffle.log raffle.log.torn-*
		[ "$base" = none ] || cp "$base" raffle.log
		set +e
		strace -f -o /dev/null -P "$PWD/raffle.log" -e trace="$call" \
		    -e inject="$call":signal=KILL:when=$n \
		    "$RAFFLE" $ROSTER -l "$PWD/raffle.log" --draw 3 > shown 2> err
		st=$?
		set -e
		shown_are_logged shown
		[ $st -eq 0 ] || [ ! -s shown ] || fail "$call #$n: killed after showing"
		run "$RAFFLE" $ROSTER --verify; expect_status 0 "$call #$n: verify after crash"
		# Resume: whatever was drawn stays drawn; nobody wins twice.
		cp raffle.log crashed
		run "$RAFFLE" $ROSTER --draw 5; expect_status 0 "$call #$n: resume"
		cmp -s crashed <(head -c "$(stat -c %s crashed)" raffle.log) ||
			fail "$call #$n: resume rewrote history"
		run "$RAFFLE" $ROSTER --verify; expect_status 0 "$call #$n: verify after resume"
		no_repeat_winners
		[ $st -ne 0 ] || break
		[ $st -eq 137 ] || fail "$call #$n: exit $st, not killed"
		n=$((n + 1))
		[ $n -lt 20 ] || fail "never completed"
	done
	[ $n -ge 2 ] || fail "$call: no crash point at all"
}

t_kill_at_every_write_and_fsync_of_a_new_log() {
	crash_walk pwrite64 none
	crash_walk fsync none
}

t_kill_at_every_write_and_fsync_of_a_log_in_use() {
	run "$RAFFLE" $ROSTER --draw 4; expect_status 0
	run "$RAFFLE" $ROSTER --forfeit 4; expect_status 0
	cp raffle.log base
	crash_walk pwrite64 base
	crash_walk fsync base
}

t_kill_before_a_forfeit_lands_keeps_the_draw() {
	run "$RAFFLE" $ROSTER --draw 2; expect_status 0
	cp raffle.log before
	set +e
	strace -f -o /dev/null -P "$PWD/raffle.log" -e trace=pwrite64 -e inject=pwrite64:signal=KILL:when=1 \
	    "$RAFFLE" $ROSTER -l "$PWD/raffle.log" --forfeit 3 > shown 2>/dev/null
	set -e
	[ ! -s shown ] || fail "a replacement shown before it was durable"
	run "$RAFFLE" -l raffle.log --print --format csv; expect_status 0
	grep -q '^3,.*,won$' out || fail "draw 3 lost its standing"
	run "$RAFFLE" $ROSTER --forfeit 3; expect_status 0
}

# After one draw, make the next CALL on the log fail with ERRNO while three
# more are drawn in the same session: exit 74, no winner printed, and the
# log as it was.
failed_draw() {
	run "$RAFFLE" $ROSTER --draw 1; expect_status 0
	cp raffle.log before
	run strace -f -o /dev/null -P "$PWD/raffle.log" -e trace="$1" \
	    -e inject="$1":error="$2":when=1 \
	    "$RAFFLE" $ROSTER -l "$PWD/raffle.log" --draw 3
	expect_status 74
	err_has "cannot write: $3; nothing was drawn"
	[ ! -s out ] || fail "a winner was printed"
	cmp -s before raffle.log || fail "draws left behind"
	run "$RAFFLE" $ROSTER --verify; expect_status 0; err_is ""
	run "$RAFFLE" $ROSTER --draw 1; expect_status 0
}

t_fsync_error_exits_74_and_shows_no_winner() {
	failed_draw fsync EIO "Input/output error"
}

t_no_space_exits_74_and_leaves_no_half_record() {
	failed_draw pwrite64 ENOSPC "No space left on device"
}

t_a_full_file_system_exits_74() {
	mkdir small
	if ! mount -t tmpfs -o size=16k tmpfs small 2>/dev/null; then
		# No mount here: a write that fails with ENOSPC is the same case.
		run strace -f -o /dev/null -e trace=pwrite64 -e inject=pwrite64:error=ENOSPC:when=2 \
		    "$RAFFLE" $ROSTER -l small/raffle.log --draw all
		expect_status 74
		return 0
	fi
	trap 'umount "$PWD/small"' EXIT
	# Room for the secret and the log's first block, not for 500 draws.
	head -c 8192 /dev/zero > small/filler
	awk 'BEGIN { print "name"; for (i = 0; i < 500; i++) print "Person number " i }' > big.csv
	run "$RAFFLE" -i big.csv -l small/raffle.log --draw all
	expect_status 74; err_has "No space left on device"
	[ ! -s out ] || fail "winners printed"
	run "$RAFFLE" -i big.csv -l small/raffle.log --verify; expect_status 0
	err_is ""
}

t_a_short_write_under_ulimit_exits_74() {
	awk 'BEGIN { print "name"; for (i = 0; i < 200; i++) print "Person number " i }' > big.csv
	run bash -c "ulimit -f 4; exec \"\$0\" -i big.csv --draw all" "$RAFFLE"
	expect_status 74; err_has "File too large"
	[ ! -s out ] || fail "winners printed"
	[ "$(stat -c %s raffle.log)" -lt 4096 ] || fail "log grew past the limit"
	run "$RAFFLE" -i big.csv --verify; expect_status 0; err_is ""
}

t_a_log_that_is_not_a_file_is_refused() {
	run "$RAFFLE" $ROSTER -l /dev/full --draw 1; expect_status 73
	err_has "not a regular file"
	run "$RAFFLE" -l /dev/null --print; expect_status 66
}

t_a_log_that_links_nowhere_is_refused_not_waited_on() {
	ln -s "$PWD/nowhere/at/all" link.log
	run timeout 20 "$RAFFLE" $ROSTER -l link.log --draw 1
	expect_status 73; err_has "link.log: cannot create"
}
