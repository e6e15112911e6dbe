# The screen in the room's language: every word of it translated, whole at
# the smallest size raffle runs at (80x24), the big letters still big. The
# expected words come from the built catalogues (said_in), so the tests hold
# whatever the translators write, and fail when a translation is missing or
# too long for the screen.
. "$RAFFLE_TOP/tests/screen/helpers.sh"

SAMPLE="-i $DATA/roster.csv -p $DATA/prizes.csv --weight-column tickets --group-column team"
HELP_LINES=(
	"Space, Enter,  draw the next winner (a held key draws once:"
	"PgDn, Right    let go, then press again); while names roll,"
	"               Space lands them at once"
	"n              the winner shown or selected is not here: asks,"
	"               then on y draws again for the same prize"
	"b, .           draw many of this prize at once: asks, then y"
	"arrows         select a winner in a batch"
	"PgUp, PgDn,    turn the pages of a batch or the winners; on a"
	"Home, End      batch's last page Space or PgDn goes on: the"
	"               next batch (asks) or the next prize"
	"w              every prize's winners (w again: back)"
	"Esc            back to the start screen"
	"?              this help (Esc or ? closes it)"
	"q              quit (asks first)"
)

# LANG (zh_CN) -> its locale (zh_CN.UTF-8); the screen in it at 80x24.
locale_of() { case $1 in ja) echo ja_JP.UTF-8 ;; ?? ) echo "$1_$(echo "$1" | tr a-z A-Z).UTF-8" ;; *) echo "$1.UTF-8" ;; esac; }
screen_in() {	# LANG ARGS...
	local l=$1
	shift
	need_locale "$(locale_of "$l")"
	SIZE=80x24 SCREEN_ENV="-u LC_ALL -u LANGUAGE TERM=xterm-256color LANG=$(locale_of "$l") TEXTDOMAINDIR=$TEXTDOMAINDIR" \
	    KEEP_WITNESS=1 screen "$@"
}
# The pane shows the translation of MSGID, whole (trailing spaces aside).
see_said() {	# LANG MSGID
	local want
	want=$(said_in "$1" "$2" | sed 's/ *$//')
	[ "$want" != "$2" ] || [ "$1" = en ] || fail "$1: '$2' is not translated"
	see "$want"
}

t_every_language_shows_its_start_and_its_keys_whole_at_80x24() {
	local l line
	for l in zh_CN zh_TW ja de fr es; do
		rm -f raffle.log raffle.log.*
		screen_in $l $SAMPLE --spin 0
		see_said $l "Now the witness: words from the room, dice, a lottery number"
		see_said $l "Type it and press Enter (Enter alone: no witness)"
		keys Enter
		see_said $l "Press Space to draw"
		unseen "Press Space to draw"
		keys '?'
		see_said $l "Keys"
		for line in "${HELP_LINES[@]}"; do
			see_said $l "$line"
		done
		keys Escape q
		see_said $l "Quit raffle?"
		see_said $l "Press y to quit, any other key to stay."
		keys y
		ended
		[ "$ended" = 0 ] || fail "$l: raffle exited $ended"
		restart
	done
}

t_a_chinese_room_sees_the_whole_draw_in_chinese() {
	screen_in zh_CN $SAMPLE --spin 0
	keys Enter
	see_said zh_CN "Press Space to draw"
	sleep 1
	keys Space
	see_said zh_CN "Winner"
	name=$(last_draw name)
	see "$name"
	[ "$(big_rows)" -ge 4 ] || fail "no big letters for $name
$(pane)"
	unseen "Winner"
	# The no-show question, in Chinese, with the winner's name in it.
	sleep 1
	keys n
	see_said zh_CN "Not here?"
	see_said zh_CN "Press y for yes, any other key for no."
	keys y
	wait_for 20 grep -q 'replaces=' raffle.log || fail "no replacement"
	see "$(last_draw name)"
	keys w
	see_said zh_CN "Winners"
}

t_a_german_room_sees_the_batch_and_the_card_whole() {
	screen_in de $SAMPLE --spin 0
	keys Enter
	see_said de "Press Space to draw"
	sleep 1		# past the guard after the witness
	keys b
	see_said de "Draw a batch?"
	see_said de "Press y for yes, any other key for no."
	keys y
	wait_for 20 sh -c '[ "$(grep -c "	draw	" raffle.log)" -eq 5 ]' ||
		fail "the batch did not draw 5"
	see "$(last_draw name)"
	sleep 1		# past the guard against a double press
	# The prize is done: Enter brings the next prize's card.
	keys Enter
	see_said de "Next prize"
	see_said de "Press Space to draw one, b to draw many at once"
	unseen "Next prize"
}
