# The show of a draw, as the room sees it: sampled through whole spins.
. "$RAFFLE_TOP/tests/screen/helpers.sh"

SAMPLE="-i $DATA/roster.csv -p $DATA/prizes.csv --weight-column tickets --group-column team"

t_the_reel_lands_on_the_winner_and_holds_it() {
	screen $SAMPLE --spin 4
	see "Press Space to draw"
	for n in 1 2 3; do
		keys Space
		frames 20
		landed_and_held "$(last_draw name)"
		[ "$(draws)" -eq "$n" ] || fail "draws: $(draws)"
		# The reel rolled through names the eye can follow.
		[ "$(awk 'NF > 1 { print $2 }' frames | uniq | wc -l)" -ge 5 ] ||
			fail "the reel hardly moved: $(cat frames)"
		sleep 0.5
	done
}

# Names that must never be in the bar for the draw under way.
no_bar_shows() {
	local name
	for name in "$@"; do
		! awk '{ sub(/^[0-9]+ ?/, "") } 1' frames | grep -qxF -- "$name" ||
			fail "the bar showed $name, who cannot win this draw:
$(cat frames)"
	done
}

t_the_reel_rolls_only_through_people_who_can_win() {
	{
		echo "id,name,team,tickets"
		for i in 1 2 3 4 5 6 7 8; do echo "s$i,Staff Member $i,Staff,1"; done
		echo "z1,Zero Ticket One,Staff,0"
		echo "z2,Zero Ticket Two,Staff,0"
		for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo "g$i,Guest Person $i,Guest,1"; done
	} > r.csv
	printf 'prize,quantity,eligible\nStaff hamper,3,Staff\n' > p.csv
	local outsiders="Zero Ticket One
Zero Ticket Two" i
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do outsiders="$outsiders
Guest Person $i"; done
	screen -i r.csv -p p.csv --weight-column tickets --group-column team --spin 3
	see "Press Space to draw"
	keys Space
	frames 20
	landed_and_held "$(last_draw name)"
	IFS=$'\n' no_bar_shows $outsiders
	first=$(last_draw name)
	sleep 0.5
	keys Space
	frames 20
	landed_and_held "$(last_draw name)"
	IFS=$'\n' no_bar_shows $outsiders "$first"
	second=$(last_draw name)
	# The second winner is not here: the replacement's reel leaves out
	# both winners.
	sleep 0.5
	keys n y
	frames 20
	landed_and_held "$(last_draw name)"
	[ "$(last_draw replaces)" -gt 0 ] || fail "no replacement"
	IFS=$'\n' no_bar_shows $outsiders "$first" "$second"
	[ "$(awk 'NF > 1 { print $2, $3, $4 }' frames | sort -u | wc -l)" -ge 3 ] ||
		fail "too few names rolled to tell: $(cat frames)"
}

t_a_reel_of_one_eligible_person_rolls_that_name() {
	printf 'name,tickets\nOnly One,1\nNobody Else,0\n' > one.csv
	screen -i one.csv --weight-column tickets --spin 2
	see "Press Space to draw"
	keys Space
	frames 20
	landed_and_held "Only One"
	no_bar_shows "Nobody Else"
}

t_a_held_key_draws_once() {
	screen $SAMPLE --spin 2
	see "Press Space to draw"
	# Space every 33 ms for 6 s, as a held key or a clicker repeats it.
	# A gap of 0.3 s or more is a fresh press, not a held key: the sender
	# may stall on a loaded machine, and each stall may draw once more.
	local t0=${EPOCHREALTIME/./} prev now fresh=0
	prev=$t0
	while :; do
		keys Space
		now=${EPOCHREALTIME/./}
		[ $((now - prev)) -lt 300000 ] || fresh=$((fresh + 1))
		prev=$now
		[ $((now - t0)) -lt 6000000 ] || break
		sleep 0.033
	done
	sleep 1
	[ "$(draws)" -eq $((1 + fresh)) ] ||
		fail "6 s of a held Space drew $(draws) (the sender stalled $fresh times)"
	# Let go, then a fresh press draws again.
	sleep 0.5
	keys Space
	wait_for 10 sh -c '[ "$(grep -c "	draw	" raffle.log)" -eq '$((2 + fresh))' ]' ||
		fail "a fresh press did not draw: $(draws)"
}

t_n_and_b_ask_and_change_nothing_without_y() {
	screen $SAMPLE --spin 0
	see "Press Space to draw"
	keys Space
	see "Winner"
	name=$(last_draw name)
	sleep 0.5
	cp raffle.log before
	keys n
	see "Not here?"
	see "$name is not here: forfeit and draw again for"
	keys x
	wait_for 5 sh -c '! tmux -L "$1" capture-pane -p | grep -q "Not here?"' _ "$SOCK" ||
		fail "the question stayed"
	for k in b . ; do
		keys "$k"
		see "Draw a batch?"
		see "Draw 4 winners of Sticker pack at once?"
		keys Escape
		wait_for 5 sh -c '! tmux -L "$1" capture-pane -p | grep -q "Draw a batch"' _ "$SOCK" ||
			fail "the question stayed"
	done
	# From the start screen too, and a clicker's PgDn is a no.
	keys Escape
	see "Press Space to draw"
	keys n
	see "$name is not here"
	keys PgDn
	keys b
	see "Draw 4 winners"
	keys Right
	sleep 1
	cmp -s raffle.log before || fail "the log changed without a yes"
	# With y they act.
	keys b
	see "Draw 4 winners"
	keys y
	see "Sticker pack: winners 2-5 of 5"
	[ "$(draws)" -eq 5 ] || fail "b y drew $(draws)"
}

t_n_after_a_resume_names_the_person_and_asks() {
	run "$RAFFLE" $SAMPLE --draw 1; expect_status 0
	name=$(last_draw name)
	screen $SAMPLE --spin 0
	see "Last winner: $name, Sticker pack"
	cp raffle.log before
	keys n
	see "$name is not here"
	keys q
	sleep 0.5
	cmp -s raffle.log before || fail "n and another key forfeited"
	keys n
	see "$name is not here"
	keys y
	see "in place of $name, who is not here"
	grep -q "	forfeit	draw=3	" raffle.log || fail "no forfeit after y"
}

t_clicker_keys_draw_on_the_start_screen_and_a_reveal() {
	screen $SAMPLE --spin 0
	see "Press Space to draw"
	keys PgDn
	see "Winner"
	[ "$(draws)" -eq 1 ] || fail "PgDn drew $(draws)"
	sleep 0.5
	keys Right
	see "Sticker pack, 2 of 5"
	[ "$(draws)" -eq 2 ] || fail "Right drew $(draws)"
}

t_the_prize_is_presented_before_the_draw_and_on_the_reveal() {
	screen $SAMPLE --spin 4
	see "Press Space to draw"
	keys Space
	# The prize and "1 of 5" in big letters, before any name rolls.
	wait_for 10 sh -c 'tmux -L "$1" capture-pane -p > card.txt; grep -q "Now drawing" card.txt' _ "$SOCK" ||
		fail "no card before the reel: $(pane)"
	[ "$(awk '{ n = gsub(/\342\226[\200-\237]/, "") } n >= 3 { rows++ } END { print rows + 0 }' card.txt)" -ge 8 ] ||
		fail "the prize is not large: $(cat card.txt)"
	frames 20
	see "Sticker pack, 1 of 5"
	# Without a prize table there is no prize to present.
	restart
	printf 'name\nAna\nBo\nCy\n' > r.csv
	screen -i r.csv -l generic.log --spin 2
	see "Press Space to draw"
	unseen "Next prize"
	keys Space
	see "Draw 1"
	unseen "Now drawing"
}

t_names_are_large_with_accents_in_any_script() {
	# A name of 25 characters at 80x24: big letters, not plain text.
	SIZE=80x24 reveal_alone "Hernández-Rodríguez Åsa Ñ"
	[ "$(big_rows)" -ge 6 ] || fail "the long name is small: $(pane)"
	see "Hernández-Rodríguez Åsa Ñ"
	[ "$(pane | wc -L)" -le 80 ] || fail "a line is wider than the screen"
	for name in "王芳" "김민준" "Αλέξανδρος Παπαδόπουλος" "Nguyễn Thị Ánh" "Ștefan Țăranu"; do
		SIZE=80x24 reveal_alone "$name"
		[ "$(big_rows)" -ge 6 ] || fail "$name is small: $(pane)"
	done
}

t_emoji_stays_in_place_and_the_name_stays_large() {
	SIZE=120x35 reveal_alone "Ana 🚀 Lee"
	[ "$(big_rows)" -ge 6 ] || fail "the name fell to small text: $(pane)"
	# The rocket is written plainly among the big letters, once more
	# than in the name under them.
	[ "$(pane | grep -c '🚀')" -eq 2 ] || fail "the rocket is not in place: $(pane)"
}

t_without_the_font_names_are_plain_and_raffle_says_so() {
	shell
	see "ready\$"
	keys "'$RAFFLE' $SAMPLE --spin 0 --font /nonexistent/unifont.hex; echo status=\$?" Enter
	see "Now the witness"
	keys Enter
	see "Press Space to draw"
	sleep 1
	keys Space
	see "Winner"
	see "$(last_draw name)"
	[ "$(big_rows)" -eq 0 ] || fail "big letters without a font"
	keys q y
	see "status=0"
	see "raffle: no font for big letters (/nonexistent/unifont.hex:"
	# RAFFLE_FONT names it too.
	keys clear Enter
	keys "RAFFLE_FONT=/nonexistent/b.hex '$RAFFLE' $SAMPLE -l other.log; echo status=\$?" Enter
	see "Now the witness"
	keys Enter
	see "Press Space to draw"
	keys q y
	see "status=0"
	see "(/nonexistent/b.hex:"
}

# Rows of the pane where dark text is bold (black or blue on a light
# ground): on terminals that draw bold in the bright colour it turns grey
# or pale and loses its contrast.
dark_bold_rows() {
	tmux -L "$SOCK" capture-pane -e -p | awk '
	{
		line = $0
		while ((i = index(line, "\033[")) > 0) {
			if (bold && (fg == 0 || fg == 4) && substr(line, 1, i - 1) ~ /[^ ]/)
				bad++
			line = substr(line, i + 2)
			j = match(line, /[A-Za-z]/)
			n = split(substr(line, 1, j - 1), a, ";")
			if (n == 0) { bold = 0; fg = -1 }
			for (k = 1; k <= n; k++) {
				v = a[k] + 0
				if (a[k] == "" || v == 0) { bold = 0; fg = -1 }
				else if (v == 1) bold = 1
				else if (v == 22) bold = 0
				else if (v >= 30 && v <= 37) fg = v - 30
				else if (v >= 90 && v <= 97) fg = v - 90 + 8
				else if (v == 39) fg = -1
				else if (v == 38 || v == 48) k += 2
			}
			line = substr(line, j + 1)
		}
	}
	END { print bad + 0 }'
}

t_contrast_does_not_rest_on_bold() {
	for theme in dark light; do
		restart
		screen $SAMPLE --spin 3 --theme "$theme" -l "$theme.log"
		see "Press Space to draw"
		[ "$(dark_bold_rows)" -eq 0 ] || fail "$theme: dark bold text on the start screen"
		keys Space
		see "Sticker pack, 1 of 5" 10
		[ "$(dark_bold_rows)" -eq 0 ] || fail "$theme: dark bold text in the reel"
		see "Winner" 10
		[ "$(dark_bold_rows)" -eq 0 ] || fail "$theme: dark bold text on the reveal"
	done
}

t_sparks_never_cover_a_word() {
	screen $SAMPLE --spin 0
	see "Press Space to draw"
	keys Space
	see "Winner"
	name=$(last_draw name)
	# Through the whole celebration the banner, the prize and the name
	# stay whole, every 40 ms.
	local t0=${EPOCHREALTIME/./} now
	while :; do
		pane > now.txt
		grep -qF 'Winner' now.txt || fail "the banner was covered: $(cat now.txt)"
		grep -qF 'Sticker pack, 1 of 5' now.txt || fail "the prize was covered: $(cat now.txt)"
		grep -qF "$name" now.txt || fail "the name was covered: $(cat now.txt)"
		now=${EPOCHREALTIME/./}
		[ $((now - t0)) -lt 3000000 ] || break
		sleep 0.04
	done
}

t_winners_are_numbered_and_a_replacement_names_whom_it_replaces() {
	screen $SAMPLE --spin 0
	see "Press Space to draw"
	keys Space
	see "Sticker pack, 1 of 5"
	first=$(last_draw name)
	sleep 0.5
	keys Space
	see "Sticker pack, 2 of 5"
	second=$(last_draw name)
	sleep 0.5
	keys n y
	see "in place of $second, who is not here"
	see "Sticker pack, 2 of 5"
	third=$(last_draw name)
	keys w
	see "Winners"
	see "   1  $first"
	see "   2  $third, in place of $second"
	! pane | grep -q "[0-9]  $second\$" || fail "the no-show is listed as a winner"
	unseen "#3"
}
