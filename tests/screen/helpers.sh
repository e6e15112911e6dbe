# Driving the real program in tmux: each test gets its own tmux server.
#   screen ARGS...        start raffle ARGS in a 100x30 pane (SIZE=COLSxROWS)
#   shell                 start a plain shell in the pane instead
#   see TEXT [SECONDS]    wait until the pane shows TEXT (default 20 s)
#   unseen TEXT           the pane does not show TEXT now
#   keys KEY...           tmux send-keys
#   pane                  the pane's text
#   ended [SECONDS]       wait for raffle to exit; its status is in $ended
#   restart               end the tmux server, to start another screen
#   frames [SECONDS]      sample the reel's bar until the reveal (./frames)
#   landed_and_held NAME  the frames end on NAME in the bar, held still
#   big_rows              how many rows of the pane are big letters
#   reveal_alone NAME     a fresh screen whose only person NAME is revealed
# Each test has a tmux server of its own, ended by teardown.
SOCK=
sock() { [ -n "$SOCK" ] || SOCK=raffle-test-$BASHPID; }
teardown() { [ -z "$SOCK" ] || tmux -L "$SOCK" kill-server 2>/dev/null || true; }
restart() {
	teardown
	wait_for 10 sh -c '! tmux -L "$1" list-sessions' _ "$SOCK" 2>/dev/null || true
}

# ARGS quoted for the shell that tmux runs.
quoted() { local a out=; for a in "$@"; do out="$out $(printf '%q' "$a")"; done; printf '%s' "$out"; }

screen() {
	local size=${SIZE:-100x30} env=${SCREEN_ENV:-TERM=xterm-256color}
	sock
	rm -f exit-status
	tmux -L "$SOCK" new-session -d -x "${size%x*}" -y "${size#*x}" \
	    "cd '$PWD' && env $env$(quoted "$RAFFLE" "$@"); echo \$? > '$PWD/exit-status'; sleep 600"
	[ -n "${KEEP_WITNESS:-}" ] || no_witness
}

# A new session asks for the witness: answer none (Enter), unless the
# screen went straight on (a session that has one) or ended.
no_witness() {
	wait_for 20 sh -c 'test -s exit-status || tmux -L "$1" capture-pane -p | grep -q -e "Now the witness" -e "Press Space" -e "Enlarge"' _ "$SOCK" || true
	if pane | grep -q "Now the witness"; then
		keys Enter
		wait_for 20 sh -c '! tmux -L "$1" capture-pane -p | grep -q "Now the witness"' _ "$SOCK" || true
		sleep 1		# the Enter that recorded it draws nothing for a moment
	fi
}

# Any command in the pane, its status kept as screen keeps raffle's.
screen_cmd() {
	sock
	rm -f exit-status
	tmux -L "$SOCK" new-session -d -x 100 -y 30 \
	    "cd '$PWD' && $*; echo \$? > '$PWD/exit-status'; sleep 600"
	[ -n "${KEEP_WITNESS:-}" ] || no_witness
}

shell() {
	local size=${SIZE:-100x30}
	sock
	tmux -L "$SOCK" new-session -d -x "${size%x*}" -y "${size#*x}" \
	    "cd '$PWD' && env -i PATH=\"\$PATH\" TERM=xterm-256color HOME=\"$PWD\" PS1='ready\$ ' bash --norc --noprofile"
}

pane() { tmux -L "$SOCK" capture-pane -p; }
keys() { tmux -L "$SOCK" send-keys "$@"; }
see() {
	local text=$1 secs=${2:-20}
	wait_for "$secs" sh -c 'tmux -L "$1" capture-pane -p | grep -qF -- "$2"' _ "$SOCK" "$text" ||
		fail "the screen never showed: $text
$(pane)"
}
unseen() { ! pane | grep -qF -- "$1" || fail "the screen shows: $1
$(pane)"; }
ended() {
	wait_for "${1:-20}" test -s exit-status || fail "raffle did not exit
$(pane)"
	ended=$(cat exit-status)
}
resize() { tmux -L "$SOCK" resize-window -x "$1" -y "$2"; }

# The last draw record's field, from the log.
last_draw() { grep '	draw	' raffle.log | tail -n 1 | tr '\t' '\n' | sed -n "s/^$1=//p"; }
draws() { grep -c '	draw	' raffle.log || true; }

# Sample what the room sees in the reel's bar, every 40 ms or so, until the
# reveal's banner shows (or SECONDS pass): each line of ./frames is
# "MILLISECONDS NAME", NAME being the plain name in the bar (empty when
# there is no bar, as on the prize's card), and the last one "... Winner".
frames() {
	local secs=${1:-30} t0=${EPOCHREALTIME/./} now name
	: > frames
	while :; do
		name=$(tmux -L "$SOCK" capture-pane -e -p |
		    awk -v want=103 -f "$RAFFLE_TOP/tests/screen/bar.awk")
		now=${EPOCHREALTIME/./}
		echo "$(((now - t0) / 1000)) $name" >> frames
		[ "$name" != Winner ] || return 0
		[ $(((now - t0) / 1000000)) -lt "$secs" ] ||
			fail "no reveal within $secs s: $(tail -n 5 frames)"
		sleep 0.03
	done
}

# The reel's last frames show NAME in the bar, still, for 0.4 s at least
# before the reveal (the hold is 0.6 s; sampling and a loaded machine
# take some of it).
landed_and_held() {
	local name=$1
	awk -v name="$name" '
		{ t = $1; sub(/^[0-9]+ ?/, ""); }
		$0 == "Winner" { reveal = t; exit }
		$0 == name { if (!on) since = t; on = 1; next }
		$0 != "" { on = 0; last = $0 }
		END {
			if (!on) { print "the bar was left on \"" last "\", not on the winner"; exit 1 }
			if (reveal - since < 400) { print "the winner was in the bar for " reveal - since " ms only"; exit 1 }
		}' frames > held || fail "$(cat held)
$(cat frames)"
}

# Rows of the pane holding big letters (three block characters or more).
big_rows() {
	pane | awk '{ n = gsub(/\342\226[\200-\237]/, "") } n >= 3 { rows++ } END { print rows + 0 }'
}

# A fresh screen (SIZE as for screen) on a roster of NAME alone, drawn at
# once: the reveal of NAME.
reveal_alone() {
	printf 'name\n%s\n' "$1" > alone.csv
	restart
	rm -f alone.log
	screen -i alone.csv -l alone.log --spin 0
	see "Press Space to draw"
	keys Space
	see "Winner"
}
