# The projector screen, driven in tmux as an emcee drives it.
. "$RAFFLE_TOP/tests/screen/helpers.sh"

SAMPLE="-i $DATA/roster.csv -p $DATA/prizes.csv --weight-column tickets --group-column team"

t_start_screen_says_what_the_draw_is_about() {
	screen $SAMPLE --title "東京 Meetup"
	see "Press Space to draw"
	# The title in big letters, CJK too, and no plain copy of it.
	[ "$(big_rows)" -ge 6 ] || fail "the title is not in big letters"
	unseen "Meetup"
	see "36 people, 46 tickets in the draw"
	see "> Sticker pack"
	see "Staff hamper (Staff)"
	see "5 of 5"
	commit=$(sed -n 's/.*\tcommit=\([0-9a-f]*\)\t.*/\1/p' raffle.log)
	see "Draw fingerprint, photograph this:  ${commit:0:8} ${commit:8:8}"
	see "check code #2 $(tail -n 1 raffle.log | awk -F'\t' '{ print substr($NF, 1, 8) }')"
	unseen "Last winner"
}

t_a_draw_shows_the_winner_the_log_recorded() {
	screen $SAMPLE --spin 0.5
	see "Press Space to draw"
	keys Space
	see "Winner"
	[ "$(draws)" -eq 1 ] || fail "draws: $(draws)"
	see "Sticker pack, 1 of 5"
	see "$(last_draw name)"
	see "check code #3 $(tail -n 1 raffle.log | awk -F'\t' '{ print substr($NF, 1, 8) }')"
	# The commitment is gone once the seed is in the log.
	keys Escape
	see "Press Space to draw"
	unseen "Draw fingerprint"
	see "Last winner: $(last_draw name), Sticker pack"
}

t_the_reel_rolls_ignores_keys_and_space_skips_to_the_reveal() {
	screen $SAMPLE --spin 30
	see "Press Space to draw"
	keys Space
	see "Now drawing"
	[ "$(draws)" -eq 1 ] || fail "the winner is not on disk while the reel rolls"
	see "Sticker pack, 1 of 5"
	keys b n w q '?' Enter . PgDn Right
	sleep 0.5
	see "Sticker pack, 1 of 5"
	unseen "Keys"
	unseen "Quit"
	unseen "Draw a batch"
	unseen "Not here"
	keys Space
	frames 10
	landed_and_held "$(last_draw name)"
	[ "$(draws)" -eq 1 ] || fail "keys during the roll drew: $(draws)"
}

t_a_double_press_draws_once() {
	screen $SAMPLE --spin 0
	see "Press Space to draw"
	keys Space Space Space
	see "Winner"
	sleep 1.5
	[ "$(draws)" -eq 1 ] || fail "a double press drew $(draws)"
}

t_no_show_draws_a_replacement_for_the_same_prize() {
	screen $SAMPLE --spin 0
	see "Press Space to draw"
	keys Space
	see "Winner"
	first=$(last_draw name)
	sleep 1
	keys n
	see "$first is not here: forfeit and draw again for"
	keys y
	see "in place of $first, who is not here"
	[ "$(last_draw replaces)" = 3 ] || fail "no replacement in the log"
	[ "$(last_draw prize)" = "Sticker pack" ] || fail "replacement for another prize"
	see "Sticker pack, 1 of 5"
	see "$(last_draw name)"
	grep -q "	forfeit	draw=3	" raffle.log || fail "no forfeit record"
	keys w
	see "Winners"
	see "   1  $(last_draw name), in place of $first"
	! pane | grep -q "[0-9]  $first\$" || fail "the no-show is listed as a winner"
}

t_batch_draws_what_remains_of_the_prize() {
	screen $SAMPLE
	see "Press Space to draw"
	keys b
	see "Draw 5 winners of Sticker pack at once?"
	keys y
	see "Sticker pack: winners 1-5 of 5"
	[ "$(draws)" -eq 5 ] || fail "draws: $(draws)"
	for seq in 3 4 5 6 7; do
		name=$(sed -n "${seq}p" raffle.log | tr '\t' '\n' | sed -n 's/^name=//p')
		see "$((seq - 2))  $name"
	done
	sleep 1		# past the guard against a double press
	# The prize is done: Enter brings the next prize's card.
	keys Enter
	see "Next prize"
	see "Press Space to draw one"
}

t_batch_option_limits_a_press_and_no_show_in_the_grid() {
	screen $SAMPLE --batch 2
	see "Press Space to draw"
	keys b
	see "Draw 2 winners of Sticker pack at once?"
	keys y
	see "Sticker pack: winners 1-2 of 5"
	second=$(sed -n 4p raffle.log | tr '\t' '\n' | sed -n 's/^name=//p')
	see "2  $second"	# landed: keys wait for the cells to land
	keys Down
	keys n
	see "$second is not here"
	keys y
	wait_for 10 grep -q 'replaces=4' raffle.log || fail "no replacement for the selected cell"
	see "2  $(last_draw name)"
	unseen "$second"
}

t_help_opens_and_closes() {
	screen $SAMPLE
	see "Press Space to draw"
	keys '?'
	see "Keys"
	see "q              quit (asks first)"
	keys Space
	sleep 0.3
	[ "$(draws)" -eq 0 ] || fail "Space under the help drew"
	keys Escape
	wait_for 5 sh -c '! tmux -L "$1" capture-pane -p | grep -q "Keys"' _ "$SOCK" || fail "Esc did not close the help"
	keys '?'
	see "Keys"
	keys '?'
	wait_for 5 sh -c '! tmux -L "$1" capture-pane -p | grep -q "Keys"' _ "$SOCK" || fail "? did not close the help"
}

t_quit_asks_first_and_exits_0() {
	screen $SAMPLE
	see "Press Space to draw"
	keys q
	see "Quit raffle?"
	keys x
	wait_for 5 sh -c '! tmux -L "$1" capture-pane -p | grep -q "Quit raffle"' _ "$SOCK" || fail "stayed asking"
	[ ! -s exit-status ] || fail "quit without a yes"
	keys q
	see "Quit raffle?"
	keys y
	ended
	[ "$ended" = 0 ] || fail "exit status $ended"
}

t_resize_mid_roll_and_a_tiny_window() {
	screen $SAMPLE --spin 3
	see "Press Space to draw"
	keys Space
	see "Now drawing"
	resize 60 20
	see "Sticker pack, 1 of 5"
	see "Winner" 10
	see "$(last_draw name)"
	resize 30 10
	see "Enlarge the window"
	see "to 40x12 (now 30x10)"
	sleep 1
	keys Space
	sleep 0.5
	[ "$(draws)" -eq 1 ] || fail "a key counted while too small"
	resize 100 30
	see "Winner"
	see "$(last_draw name)"
	unseen "Enlarge"
}

t_resume_after_kill_9_shows_the_last_draw() {
	screen $SAMPLE --spin 0
	see "Press Space to draw"
	keys Space
	see "Winner"
	name=$(last_draw name)
	pkill -9 -x -P "$(tmux -L "$SOCK" display -p '#{pane_pid}')" raffle || fail "no raffle to kill"
	wait_for 10 test -s exit-status || fail "not killed"
	restart
	screen $SAMPLE --spin 0
	see "Press Space to draw"
	see "Last winner: $name, Sticker pack"
	see "4 of 5"
	keys q y
	ended
	run "$RAFFLE" $SAMPLE --verify; expect_status 0
}

t_monochrome_without_colour() {
	SCREEN_ENV="TERM=vt100 NO_COLOR=1" screen $SAMPLE --spin 5
	see "Press Space to draw"
	tmux -L "$SOCK" capture-pane -e -p > esc
	! grep -q $'\e\[[0-9;]*\([39][0-7]\|10[0-7]\)m' esc || fail "colour on a vt100 with NO_COLOR"
	keys Space
	see "Sticker pack, 1 of 5" 10
	sleep 0.2
	tmux -L "$SOCK" capture-pane -e -p > esc
	grep -q $'\e\[[0-9;]*7m' esc || fail "no reverse video for the reel's bar"
	! grep -q $'\e\[[0-9;]*\([349][0-7]\|10[0-7]\)m' esc || fail "colour in the roll"
}

t_themes_colour_the_screen() {
	screen $SAMPLE --theme light
	see "Press Space to draw"
	tmux -L "$SOCK" capture-pane -e -p | grep -q $'\e\[[0-9;]*\(47\|107\)m' || fail "light has no white background"
	restart
	SCREEN_ENV="TERM=xterm-256color NO_COLOR=1" screen $SAMPLE --theme dark
	see "Press Space to draw"
	tmux -L "$SOCK" capture-pane -e -p | grep -q $'\e\[[0-9;]*[39][0-7]m' || fail "--theme dark did not win over NO_COLOR"
}

# The display column where text starts on the screen line holding it.
column_of() {
	local line prefix
	line=$(pane | grep -F -- "$1" | head -n 1)
	prefix=${line%%"$1"*}
	printf '%s' "$prefix" | wc -L
}

t_cjk_and_emoji_names_keep_their_place() {
	printf 'name\n佐藤 花子\nAna 👩‍🚀 Lee\n김민준\nBo ❤️\nZoë\n' > wide.csv
	printf 'prize,quantity\nMug,5\n' > p.csv
	SIZE=80x24 screen -i wide.csv -p p.csv
	see "Press Space to draw"
	keys b y
	see "Mug: winners 1-5 of 5"
	see "5  "
	c1=$(column_of "1  ")
	for n in 2 3 4 5; do
		[ "$(column_of "$n  ")" = "$c1" ] || fail "winner $n out of place"
	done
	# Every line fits the screen: joiners and selectors take no room.
	[ "$(pane | wc -L)" -le 80 ] || fail "a line is wider than the screen"
	sleep 0.5
	keys Enter
	see "Winners"
	[ "$(pane | wc -L)" -le 80 ] || fail "the list is wider than the screen"
	# A CJK name is drawn large, and its plain text is centred under it.
	SIZE=80x24 reveal_alone "佐藤 花子"
	[ "$(big_rows)" -ge 6 ] || fail "not in big letters: $(pane)"
	col=$(column_of "佐藤 花子")
	[ "$col" -eq $(((80 - 9) / 2)) ] || fail "not centred: column $col"
}

t_nobody_left_is_said_not_drawn() {
	printf 'name\nAna\nBo\n' > two.csv
	screen -i two.csv --spin 0
	see "Press Space to draw"
	keys Space
	see "Draw 1"
	sleep 1
	keys Space
	see "Draw 2"
	sleep 1
	keys Space
	see "Nobody eligible is left for Draw 3"
	[ "$(draws)" -eq 2 ] || fail "draws: $(draws)"
}

t_a_failed_log_write_shows_the_error_not_a_winner() {
	run "$RAFFLE" $SAMPLE --draw 1; expect_status 0
	cp raffle.log before
	screen_cmd "TERM=xterm-256color strace -f -o /dev/null -P '$PWD/raffle.log' -e trace=fsync -e inject=fsync:error=EIO:when=1 '$RAFFLE' $SAMPLE -l '$PWD/raffle.log' --spin 0"
	see "Press Space to draw"
	keys Space
	see "The log could not be written"
	see "Nothing was awarded. Press q to quit."
	unseen "Winner"
	keys Space n b
	sleep 0.5
	see "The log could not be written"
	keys q
	ended
	[ "$ended" = 74 ] || fail "exit status $ended"
	[ "$(draws)" -eq 1 ] || fail "a draw was left in the log"
	run "$RAFFLE" $SAMPLE --verify; expect_status 0
}

t_the_terminal_is_handed_back_on_quit_and_ctrl_c() {
	shell
	see "ready\$"
	keys "'$RAFFLE' $SAMPLE; echo status=\$?" Enter
	see "Now the witness"
	keys Enter
	see "Press Space to draw"
	keys q y
	see "status=0"
	keys "stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' ' '; echo" Enter
	see "icanon echo"
	keys clear Enter
	keys "'$RAFFLE' $SAMPLE; echo status=\$?" Enter
	see "Press Space to draw"
	keys C-c
	see "status=130"
	see "raffle: interrupted; every draw shown is in raffle.log (0 draws, the last record #"
	keys "stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' ' '; echo" Enter
	see "icanon echo"
}

t_without_a_terminal_it_suggests_draw() {
	run "$RAFFLE" $SAMPLE < /dev/null
	expect_status 64
	err_has "no terminal for the screen (standard input is not a terminal)"
	err_has "--draw"
	[ ! -e raffle.log ] || fail "a log was started"
	SCREEN_ENV="TERM=no-such-terminal" screen $SAMPLE
	ended
	[ "$ended" = 64 ] || fail "exit status $ended with an unknown TERM"
	[ ! -e raffle.log ] || fail "a log was started"
}

t_a_lost_terminal_ends_raffle_instead_of_spinning() {
	# The terminal closes under raffle, while it waits for a key and while
	# a reel rolls: either way it must leave, and not spin on the dead
	# terminal. SIGHUP is held off, so that only the read can tell.
	for spin in 0 60; do
		rm -f pid
		screen_cmd "trap '' HUP; exec env TERM=xterm-256color sh -c 'echo \$\$ > pid; exec \"\$0\" \"\$@\"' '$RAFFLE' -i '$DATA/roster.csv' -l raffle.log --spin $spin"
		see "Press Space to draw"
		[ "$spin" = 0 ] || { keys Space; see "Draw 1"; }
		pid=$(cat pid)
		restart
		wait_for 10 sh -c "! kill -0 $pid 2>/dev/null" || {
			kill -9 "$pid"
			fail "raffle (spin $spin) still runs after its terminal closed"
		}
	done
}

t_double_presses_of_b_n_and_space_draw_once() {
	screen $SAMPLE --batch 2 --spin 0
	see "Press Space to draw"
	keys b y y
	see "Sticker pack: winners 1-2 of 5"
	sleep 1.5
	[ "$(draws)" -eq 2 ] || fail "b y y drew $(draws)"
	# n asks; a second n is a no, and so is anything but y.
	keys n n
	sleep 1
	! grep -q '	forfeit	' raffle.log || fail "n n forfeited"
	keys n y y
	wait_for 10 grep -q 'replaces=3' raffle.log || fail "no replacement"
	sleep 1.5
	[ "$(grep -c '	forfeit	' raffle.log)" -eq 1 ] || fail "n y y forfeited twice"
	# Space on the last page asks about the next batch; a second Space
	# right after it is a no, and draws nothing.
	sleep 0.5
	keys Space Space
	sleep 1.5
	[ "$(draws)" -eq 3 ] || fail "Space Space drew: $(draws)"
	unseen "Draw a batch?"
}

t_a_failed_no_show_leaves_the_grid_as_the_log_is() {
	awk 'BEGIN { print "name"; for (i = 1; i <= 40; i++) print "Person " i }' > r.csv
	printf 'prize,quantity\nMug,22\n' > p.csv
	# The fourth write to the log (session, witness, batch, no-show) fails.
	screen_cmd "TERM=xterm-256color strace -f -o /dev/null -P '$PWD/raffle.log' -e trace=pwrite64 -e inject=pwrite64:error=ENOSPC:when=4 '$RAFFLE' -i r.csv -p p.csv -l '$PWD/raffle.log' --spin 0"
	see "Press Space to draw"
	keys b y
	see "Mug: winners 1-22 of 22"
	first=$(grep '	draw	' raffle.log | head -n 1 | tr '\t' '\n' | sed -n 's/^name=//p')
	keys n y
	see "The log could not be written"
	see "Nothing was awarded"
	see "1  $first"
	[ "$(grep -c '	draw	' raffle.log)" -eq 22 ] || fail "the log changed"
	! grep -q '	forfeit	' raffle.log || fail "a forfeit reached the log"
	keys q
	ended
	[ "$ended" = 74 ] || fail "exit status $ended"
}
