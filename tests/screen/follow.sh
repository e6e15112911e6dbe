# The audience's screen follows the log the emcee's raffle writes; the
# emcee's console; rehearsals marked on every view; a column shown beside
# the winner; commands run at the roll and the reveal.
. "$RAFFLE_TOP/tests/screen/helpers.sh"

SAMPLE="-i $DATA/roster.csv -p $DATA/prizes.csv --weight-column tickets --group-column team"

# Two screens side by side: the emcee's (w) and the audience's (f).
start_in() {	# NAME ARGS...: raffle ARGS in its own tmux session
	local name=$1
	shift
	sock
	rm -f "status-$name"
	tmux -L "$SOCK" new-session -d -s "$name" -x 100 -y 30 \
	    "cd '$PWD' && env TERM=xterm-256color$(quoted "$RAFFLE" "$@"); echo \$? > '$PWD/status-$name'; sleep 600"
}
pane_of() { tmux -L "$SOCK" capture-pane -t "$1" -p; }
keys_to() { local t=$1; shift; tmux -L "$SOCK" send-keys -t "$t" "$@"; }
see_in() {	# NAME TEXT [SECONDS]
	wait_for "${3:-20}" sh -c 'tmux -L "$1" capture-pane -t "$2" -p | grep -qF -- "$3"' _ "$SOCK" "$1" "$2" ||
		fail "$1 never showed: $2
$(pane_of "$1")"
}
ndraws() { if [ -e raffle.log ]; then grep -c '	draw	' raffle.log; else echo 0; fi; }

# Milliseconds from when the log holds n draws to when screen NAME shows
# TEXT: the audience sees each result within half a second of its record.
lag_until() {	# NAME N TEXT
	local t0 t1
	wait_for 30 sh -c "[ \$(grep -c '	draw	' raffle.log 2>/dev/null || echo 0) -ge $2 ]" ||
		fail "the log never held $2 draws"
	t0=${EPOCHREALTIME/./}
	see_in "$1" "$3" 10
	t1=${EPOCHREALTIME/./}
	echo $(((t1 - t0) / 1000))
}

t_the_audience_screen_follows_the_emcee() {
	start_in f $SAMPLE --follow --spin 0
	see_in f "36 people, 46 tickets in the draw"
	start_in w $SAMPLE --spin 0
	see_in w "Now the witness"
	commit=$(head -n 1 raffle.log | tr '\t' '\n' | sed -n 's/^commit=//p')
	see_in f "${commit:0:8} ${commit:8:8} ${commit:16:8} ${commit:24:8}"
	see_in f "given to the emcee"
	keys_to w "red balloon" Enter
	see_in f "Witness: red balloon"
	sleep 1
	keys_to w Space
	name=$(lag_until f 1 Winner)
	ms=$(lag_until f 1 "$(last_draw name)")
	[ "$ms" -le 500 ] || fail "the winner came ${ms} ms after the record"
	# A no-show, and the replacement in their place.
	sleep 1
	keys_to w n
	see_in w "Not here?"
	keys_to w y
	wait_for 10 grep -q 'replaces=' raffle.log || fail "no replacement"
	ms=$(lag_until f 2 "in place of")
	[ "$ms" -le 500 ] || fail "the replacement came ${ms} ms after the record"
	see_in f "$(last_draw name)"
	# A batch: its grid, winners of the prize in their cells.
	sleep 1
	keys_to w b
	see_in w "Draw a batch?"
	keys_to w y
	wait_for 10 sh -c '[ $(grep -c "	draw	" raffle.log) -ge 6 ]' || fail "no batch"
	see_in f "Sticker pack: winners"
	see_in f "$(last_draw name)"
	# The emcee quits; a new raffle on the same log; the audience sees it.
	keys_to w q y
	wait_for 20 test -s status-w || fail "the emcee's raffle did not quit"
	before=$(ndraws)
	run "$RAFFLE" $SAMPLE --draw 1; expect_status 0
	see_in f "$(last_draw name)"
	cp raffle.log after-writers
	# Nothing meant for the emcee reached the room, and nothing was written.
	! pane_of f | grep -q -e "Press Space" -e "Type it" -e "Quit raffle" || fail "operator text on the audience's screen"
	keys_to f q
	wait_for 20 test -s status-f || fail "the audience's screen did not quit on q"
	[ "$(cat status-f)" = 0 ] || fail "exit $(cat status-f)"
	cmp -s after-writers raffle.log || fail "the follower changed the log"
	[ "$before" -lt "$(ndraws)" ] || fail "no draw after the emcee quit"
}

t_a_follower_started_late_shows_what_was_drawn_without_rolling() {
	run "$RAFFLE" $SAMPLE --draw 3; expect_status 0
	name=$(last_draw name)
	start_in f $SAMPLE --follow --spin 5
	see_in f "Last winner: $name"
	! pane_of f | grep -q Winner || fail "an old draw was rolled again"
	# A record torn at the tail waits; once whole, it is played.
	printf '6\t2026-11-27T12:00:00Z\tdraw\tprize=Cof' >> raffle.log
	sleep 1
	see_in f "Last winner: $name"
	run "$RAFFLE" $SAMPLE --draw 1; expect_status 0
	err_has "torn last record"
	see_in f "Winner" 20
	keys_to f q
}

t_the_console_keeps_the_show_for_the_audience() {
	start_in w $SAMPLE --console --spin 0
	see_in w "Now the witness"
	keys_to w Enter
	see_in w "raffle console"
	see_in w "Next: Sticker pack (5 of 5 left)"
	see_in w "Space draw   b batch   n not here"
	sleep 1
	keys_to w Space
	wait_for 10 sh -c '[ $(grep -c "	draw	" raffle.log) -ge 1 ]' || fail "no draw"
	see_in w "$(last_draw name), Sticker pack"
	see_in w "Next: Sticker pack (4 of 5 left)"
	see_in w "check code #3"
	! pane_of w | grep -q "Winner" || fail "the console played the show"
	keys_to w q y
	wait_for 20 test -s status-w || fail "did not quit"
}

t_a_rehearsal_is_marked_on_every_view() {
	SIZE=100x30 screen $SAMPLE --rehearsal --spin 1
	see "REHEARSAL"
	see "Press Space to draw"
	keys Space
	wait_for 10 sh -c 'grep -q "	draw	" raffle.log.rehearsal' || fail "no draw"
	for i in 1 2 3 4 5 6; do
		pane | grep -q REHEARSAL || fail "a view of the show without the mark: $(pane)"
		sleep 0.25
	done
	see "Winner"
	see "REHEARSAL"
	keys w
	see "Winners"
	see "REHEARSAL"
	[ ! -e raffle.log ] || fail "a rehearsal wrote the real log"
}

t_a_second_column_shows_with_the_winner() {
	screen $SAMPLE --show-column team --spin 0
	see "Press Space to draw"
	keys Space
	see "Winner"
	id=$(last_draw id)
	# The roster's own reading of the row (a name may hold a comma).
	team=$(python3 -c 'import csv, sys
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    if row["id"] == sys.argv[2]:
        print(row["team"])' "$DATA/roster.csv" "$id")
	[ -n "$team" ] || fail "no team for $id"
	see "$team"
	keys w
	see "$(last_draw name) · $team"
}

t_commands_run_at_the_roll_and_the_reveal_without_the_terminal() {
	screen $SAMPLE --spin 1 --on-roll 'echo "roll $RAFFLE_PRIZE" >> hooks.txt; echo NOISE' \
	    --on-reveal 'echo "reveal $RAFFLE_WINNER" >> hooks.txt; echo NOISE >&2'
	see "Press Space to draw"
	keys Space
	see "Winner"
	wait_for 10 grep -q '^reveal ' hooks.txt || fail "no reveal hook: $(cat hooks.txt 2>/dev/null)"
	[ "$(head -n 1 hooks.txt)" = "roll Sticker pack" ] || fail "hooks: $(cat hooks.txt)"
	[ "$(sed -n 2p hooks.txt)" = "reveal $(last_draw name)" ] || fail "hooks: $(cat hooks.txt)"
	unseen NOISE
	restart
	screen $SAMPLE --spin 0 -l other.log --on-reveal 'exit 3'
	see "Press Space to draw"
	keys Space
	see "Winner"
	sleep 1
	keys Escape
	see "failed (exit status 3); the show goes on without it"
	sleep 1
	keys Space
	wait_for 10 sh -c '[ $(grep -c "	draw	" other.log) -ge 2 ]' || fail "a failed hook stopped the show"
}
