# The log under a running screen: replaced by an editor, cut short by
# another program, the screen killed at every write, and Ctrl-\.
. "$RAFFLE_TOP/tests/screen/helpers.sh"

SAMPLE="-i $DATA/roster.csv -p $DATA/prizes.csv --weight-column tickets --group-column team"

# Draws in the log, 0 before there is one.
ndraws() { if [ -e raffle.log ]; then grep -c '	draw	' raffle.log; else echo 0; fi; }

# Press Space until the log holds n draws.
draw_until() {
	local n=$1
	until [ "$(ndraws)" -ge "$n" ]; do
		keys Space
		wait_for 3 sh -c "[ \$(grep -c '	draw	' raffle.log) -ge $n ]" || true
	done
}

t_a_log_replaced_by_an_editor_is_noticed_before_a_winner() {
	screen $SAMPLE --spin 0
	see "Press Space to draw"
	draw_until 1
	cp raffle.log before
	# What most editors do on save: write a new file, rename it over.
	sed -i 's/x/x/' raffle.log
	# The path is still locked: a second writer is refused.
	run "$RAFFLE" $SAMPLE --draw 1
	expect_status 75
	cmp -s before raffle.log || fail "the second writer wrote"
	sleep 1
	keys Space
	see "The log could not be written"
	see "replaced by another"
	see "Nothing was awarded"
	keys q
	ended
	[ "$ended" = 74 ] || fail "exit status $ended"
	cmp -s before raffle.log || fail "a draw was written to the new file"
	[ ! -e raffle.log.lock ] || fail "the lock file was left"
	run "$RAFFLE" $SAMPLE --verify; expect_status 0
}

t_a_log_cut_short_behind_the_screen_is_noticed() {
	screen $SAMPLE --spin 0
	see "Press Space to draw"
	draw_until 2
	truncate -s -200 raffle.log
	cp raffle.log cut
	sleep 1
	keys Space
	see "The log could not be written"
	see "changed by another"
	keys q
	ended
	[ "$ended" = 74 ] || fail "exit status $ended"
	cmp -s cut raffle.log || fail "the screen wrote after the cut"
}

t_ctrl_backslash_restores_the_terminal_and_exits_131() {
	shell
	see "ready\$"
	keys "'$RAFFLE' $SAMPLE; echo status=\$?" Enter
	see "Now the witness"
	keys Enter
	see "Press Space to draw"
	keys 'C-\'
	see "status=131"
	see "raffle: quit; every draw shown is in raffle.log (0 draws, the last record #2)"
	keys "stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' ' '; echo" Enter
	see "icanon echo"
}

# Kill the screen at the Nth call of CALL on the log, N = 1, 2, ..., while
# the emcee draws three winners; after each kill, every winner the screen
# showed is in the log, the log verifies, and a resume keeps its history.
screen_crash_walk() {
	local call=$1 n=1 shown name st seen=0
	while :; do
		rm -f raffle.log raffle.log.torn-* raffle.log.lock shown
		restart
		screen_cmd "TERM=xterm-256color strace -f -o /dev/null -P '$PWD/raffle.log' -e trace=$call -e inject=$call:signal=KILL:when=$n '$RAFFLE' $SAMPLE -l '$PWD/raffle.log' --spin 0"
		touch shown
		while [ ! -s exit-status ] && [ "$(ndraws)" -lt 3 ]; do
			keys Space
			sleep 0.7
			# A winner revealed: the log's last draw, on screen.
			if pane | grep -q Winner && name=$(last_draw name) &&
			    pane | grep -qF -- "$name"; then
				echo "$name" >> shown
			fi
		done
		if [ ! -s exit-status ]; then
			keys q y
			ended
		fi
		st=$(cat exit-status)
		sort -u shown | while IFS= read -r name; do
			[ -z "$name" ] || grep -qF "name=$name	" raffle.log ||
				fail "$call #$n: '$name' was shown but is not in the log"
		done
		if [ -e raffle.log ]; then
			run "$RAFFLE" $SAMPLE --verify; expect_status 0 "$call #$n: verify"
			cp raffle.log crashed
			run "$RAFFLE" $SAMPLE --draw 1; expect_status 0 "$call #$n: resume"
			cmp -s crashed <(head -c "$(stat -c %s crashed)" raffle.log) ||
				fail "$call #$n: resume rewrote history"
			run "$RAFFLE" $SAMPLE --verify; expect_status 0 "$call #$n: verify after resume"
		fi
		[ "$st" != 0 ] || break
		[ "$st" = 137 ] || fail "$call #$n: exit $st, not killed"
		seen=$((seen + $(sort -u shown | grep -c . || true)))
		n=$((n + 1))
		[ $n -lt 12 ] || fail "$call: never completed"
	done
	[ $n -ge 4 ] || fail "$call: only $n crash points"
	[ $seen -gt 0 ] || fail "$call: no winner was seen before a kill"
}

t_kill_at_every_write_and_fsync_of_a_screen_session() {
	screen_crash_walk pwrite64
	screen_crash_walk fsync
}

t_the_screen_shows_the_commitment_then_takes_the_witness() {
	run "$RAFFLE" $SAMPLE --commit; expect_status 0
	commit=$(sed -n 's/^commitment  \([0-9a-f]*\)$/\1/p' out)
	KEEP_WITNESS=1 screen $SAMPLE --spin 0
	see "Now the witness"
	# The commitment published, in the room, before any witness exists.
	see "${commit:0:8} ${commit:8:8} ${commit:16:8} ${commit:24:8}"
	see "${commit:32:8} ${commit:40:8} ${commit:48:8} ${commit:56:8}"
	[ "$(wc -l < raffle.log)" -eq 1 ] || fail "records before the witness"
	keys "red balloon  4 2 6"
	see "red balloon  4 2 6_"
	keys BSpace 5
	see "red balloon  4 2 5_"
	keys Enter
	see "Press Space to draw"
	grep -q '^2	.*	witness	text=red balloon 4 2 5	' raffle.log || fail "witness not recorded: $(sed -n 2p raffle.log)"
	sleep 1
	keys Space
	wait_for 10 grep -q '	draw	' raffle.log || fail "no draw"
	keys q y
	ended
	[ "$ended" = 0 ] || fail "exit $ended"
	run "$RAFFLE" $SAMPLE --verify --expect-commit "${commit:0:16}"; expect_status 0
	out_has "commit:   session 1 committed to ${commit:0:16}, as expected; 1 draw under it"
	# Started again, the session goes on: no new commitment, no new witness.
	restart
	KEEP_WITNESS=1 screen $SAMPLE --spin 0
	see "Press Space to draw"
	unseen "Now the witness"
	[ "$(grep -c '	session	' raffle.log)" -eq 1 ] || fail "a new session"
}

t_a_witness_given_on_the_command_line_skips_the_question() {
	run "$RAFFLE" $SAMPLE --commit; expect_status 0
	KEEP_WITNESS=1 screen $SAMPLE --witness "dice 3 5"
	see "Press Space to draw"
	grep -q '	witness	text=dice 3 5	' raffle.log || fail "not recorded"
}

t_a_screen_on_an_old_log_says_it_continues_it() {
	screen $SAMPLE --spin 0
	see "Press Space to draw"
	unseen "continues an existing log"
	keys Space
	see "Winner"
	keys q y
	ended
	# The same roster: the session goes on, and the screen says so
	# until this run's first draw.
	restart
	screen $SAMPLE --spin 0
	see "raffle.log: continues an existing log of 1 draw (3 records), in the same session"
	see "Press Space to draw"
	keys Space
	see "Winner"
	keys Escape
	see "Press Space to draw"
	unseen "continues an existing log"
	keys q y
	ended
	# Another roster begins a new session: the question for the witness
	# says the log is not new, whole at 80 columns.
	restart
	head -n 20 "$DATA/roster.csv" > fewer.csv
	SIZE=80x24 KEEP_WITNESS=1 screen -i fewer.csv -p "$DATA/prizes.csv" \
	    --weight-column tickets --group-column team --spin 0
	see "Now the witness"
	see "raffle.log: continues an existing log of 2 draws (4 records), in a new"
	keys Enter
	see "Press Space to draw"
	see "raffle.log: continues an existing log of 2 draws (4 records), in a new"
	keys q y
	ended
	run "$RAFFLE" -i "$DATA/roster.csv" -i fewer.csv -p "$DATA/prizes.csv" \
	    --weight-column tickets --group-column team --verify
	expect_status 0
}
