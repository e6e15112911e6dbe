# Batches: the cells roll and land one by one, a no-show's cell alone
# changes, the last page goes on, and the closing screen.
. "$RAFFLE_TOP/tests/screen/helpers.sh"

# A roster of 40 people with short names, and prizes given as arguments
# ("Mug,10" ...).
setup() {
	awk 'BEGIN { print "name"; for (i = 1; i <= 40; i++) print "Person " i }' > r.csv
	{ echo "prize,quantity"; for p in "$@"; do echo "$p"; done; } > p.csv
}

# The name of the n-th draw record in the log.
nth_draw() { grep '	draw	' raffle.log | sed -n "$1p" | tr '\t' '\n' | sed -n 's/^name=//p'; }

# The landed cells of the pane, one "N NAME" a line: a cell that has
# landed shows its number before the name ("3  Person 12").
landed() {
	pane | grep -o '\b[0-9]\{1,3\}  Person [0-9]*' | sed 's/  / /' | sort -n
}

t_cells_land_one_by_one_on_the_winners_in_the_log() {
	setup "Mug,10"
	SIZE=200x60 screen -i r.csv -p p.csv
	see "Press Space to draw"
	keys b
	see "Draw 10 winners of Mug at once?"
	keys y
	see "Mug: winners 1-10 of 10"
	[ "$(draws)" -eq 10 ] || fail "the batch is not on disk: $(draws)"
	# Every 40 ms: how many have landed, and that they are 1 to k in
	# reading order, each on its winner in the log.
	local t0=${EPOCHREALTIME/./} now counts= n k
	for k in 1 2 3 4 5 6 7 8 9 10; do echo "$k $(nth_draw "$k")"; done > log.txt
	while :; do
		landed > now.txt
		n=$(wc -l < now.txt)
		counts="$counts $n"
		head -n "$n" log.txt | cmp -s - now.txt ||
			fail "landed out of order or on the wrong name: $(cat now.txt)"
		[ "$n" -lt 10 ] || break
		now=${EPOCHREALTIME/./}
		[ $((now - t0)) -lt 15000000 ] || fail "not all landed in 15 s: $counts"
		sleep 0.03
	done
	# One by one: the room saw at least six steps, starting with few.
	set -- $counts
	[ "$1" -le 2 ] || fail "the batch appeared at once: $counts"
	[ "$(printf '%s\n' $counts | uniq | wc -l)" -ge 6 ] ||
		fail "the cells did not land one by one: $counts"
}

t_space_lands_every_cell_at_once() {
	setup "Mug,10"
	SIZE=200x60 screen -i r.csv -p p.csv --spin 30
	see "Press Space to draw"
	keys b y
	see "Mug: winners 1-10 of 10"
	sleep 0.5
	keys Space
	wait_for 5 sh -c '[ "$(tmux -L "$1" capture-pane -p | grep -o "[0-9]  Person" | wc -l)" -eq 10 ]' _ "$SOCK" ||
		fail "Space did not land every cell: $(pane)"
	[ "$(draws)" -eq 10 ] || fail "Space drew: $(draws)"
}

t_a_no_show_replaces_exactly_one_cell() {
	setup "Mug,5"
	SIZE=200x60 screen -i r.csv -p p.csv --spin 2
	see "Press Space to draw"
	keys b y
	see "5  $(nth_draw 5)" 15
	gone=$(nth_draw 2)
	pane | sed '$d' > before.txt
	# The second cell's rows: after the first's plain line, to its own.
	from=$(grep -n "1  $(nth_draw 1)" before.txt | cut -d: -f1)
	to=$(grep -n "2  $gone" before.txt | cut -d: -f1)
	[ -n "$from" ] && [ -n "$to" ] || fail "no cells: $(cat before.txt)"
	keys Right
	keys n
	see "$gone is not here"
	keys y
	local t0=${EPOCHREALTIME/./} now said=0
	while :; do
		pane | sed '$d' > now.txt
		# Nothing outside the cell moves, in any frame.
		diff <(sed "$((from + 1)),${to}d" before.txt) \
		    <(sed "$((from + 1)),${to}d" now.txt) > diff.txt ||
			fail "something else moved: $(cat diff.txt)"
		grep -q "$gone, not here" now.txt && said=1
		grep -q "2  $(last_draw name)" now.txt && break
		now=${EPOCHREALTIME/./}
		[ $((now - t0)) -lt 15000000 ] || fail "no replacement landed: $(cat now.txt)"
		sleep 0.03
	done
	[ $said = 1 ] || fail "the cell never said $gone was not here"
	[ "$(last_draw replaces)" -gt 0 ] || fail "no replacement in the log"
	# The winners list shows both, as the log does.
	keys w
	see "Winners"
	see "2  $(last_draw name), in place of $gone"
}

t_a_no_show_in_plain_text_says_so_whole() {
	setup "Mug,6"
	SIZE=80x24 screen -i r.csv -p p.csv --font none.hex --spin 2
	see "Press Space to draw"
	keys b y
	see "6  $(nth_draw 6)" 15
	gone=$(nth_draw 2)
	keys Right n
	see "$gone is not here"
	keys y
	# The cell says it whole, then lands on the replacement.
	see "$gone, not here" 10
	see "2  $(last_draw name)" 15
}

t_a_second_column_shows_in_the_grid() {
	setup "Mug,5"
	awk 'BEGIN { print "name,table"; for (i = 1; i <= 40; i++) print "Person " i ",Table " i }' > r.csv
	SIZE=200x60 screen -i r.csv -p p.csv --show-column table --spin 0
	see "Press Space to draw"
	keys b y
	see "Mug: winners 1-5 of 5"
	for k in 1 2 3 4 5; do
		name=$(nth_draw $k)
		see "$k  $name · Table ${name#Person }"
	done
}

t_space_on_the_last_page_draws_the_next_batch_then_the_next_prize() {
	setup "Mug,10" "Hat,2"
	SIZE=200x60 screen -i r.csv -p p.csv --batch 5 --spin 0
	see "Press Space to draw"
	keys b
	see "Draw 5 winners of Mug at once?"
	keys y
	see "Mug: winners 1-5 of 10"
	sleep 0.5
	keys Space
	see "Draw 5 winners of Mug at once?"
	keys y
	see "Mug: winners 6-10 of 10"
	[ "$(draws)" -eq 10 ] || fail "draws: $(draws)"
	# The Mug is done: the next prize's card, then a single draw.
	sleep 0.5
	keys PgDn
	see "Next prize"
	[ "$(big_rows)" -ge 6 ] || fail "the card is not large: $(pane)"
	[ "$(draws)" -eq 10 ] || fail "the card drew: $(draws)"
	sleep 0.5
	keys Space
	see "Winner"
	see "Hat, 1 of 2"
	[ "$(draws)" -eq 11 ] || fail "draws: $(draws)"
}

# tmux sends End and Home as a VT220 does: the pane's TERM must say so.
t_space_right_after_end_goes_on() {
	local SCREEN_ENV=TERM=tmux-256color
	setup "Mug,30" "Hat,1"
	SIZE=200x60 screen -i r.csv -p p.csv --spin 0
	see "Press Space to draw"
	keys b y
	see "Mug: winners 1-10 of 30"
	see "page 1 of 3"
	sleep 0.5
	keys End
	see "Mug: winners 21-30 of 30"
	see "page 3 of 3"
	sleep 0.5
	keys Space
	see "Next prize"
	# PgUp and Home page back; the first page is as it was.
	restart
	rm -f raffle.log
	SIZE=200x60 screen -i r.csv -p p.csv --spin 0
	see "Press Space to draw"
	keys b y
	see "page 1 of 3"
	keys PgDn
	see "page 2 of 3"
	keys PgUp
	see "page 1 of 3"
	see "1  $(nth_draw 1)"
	keys End Home
	see "Mug: winners 1-10 of 30"
}

t_many_winners_are_plain_text_on_pages_that_never_clip() {
	awk 'BEGIN { print "name"; for (i = 1; i <= 400; i++) print "佐藤 花子 " i }' > r.csv
	printf 'prize,quantity\nPen,300\n' > p.csv
	SIZE=80x24 screen -i r.csv -p p.csv --spin 0
	see "Press Space to draw"
	keys b y
	see "Pen: winners 1-"
	see "page 1 of"
	[ "$(pane | wc -L)" -le 80 ] || fail "a line is wider than the screen"
	[ "$(big_rows)" -eq 0 ] || fail "300 winners in big letters"
	# Every name whole, its number before it.
	[ "$(pane | grep -c '[0-9]  佐藤 花子 [0-9]')" -ge 10 ] || fail "names cut: $(pane)"
}

t_the_closing_screen_lists_every_standing_winner() {
	setup "Mug,3" "Hat,1"
	screen -i r.csv -p p.csv --spin 0
	see "Press Space to draw"
	keys b y
	see "Mug: winners 1-3 of 3"
	gone=$(nth_draw 2)
	keys Right n
	see "$gone is not here"
	keys y
	see "2  $(last_draw name)"
	sleep 0.5
	keys Space
	see "Next prize"
	sleep 0.5
	keys Space
	see "Winner"
	sleep 0.5
	keys Space
	# Every prize is drawn: the closing screen, by itself.
	see "Winners"
	for n in 1 3; do see "$n  $(nth_draw $n)"; done
	see "2  $(nth_draw 4), in place of $gone"
	see "1  $(last_draw name)"
	! pane | grep -q "[0-9]  $gone\b" || fail "the no-show is listed as a winner"
	head=$(tail -n 1 raffle.log | awk -F'\t' '{ print substr($NF, 1, 8) }')
	see "Check code #$(wc -l < raffle.log) $head: photograph it"
	see "Mug"
	see "Hat"
}
