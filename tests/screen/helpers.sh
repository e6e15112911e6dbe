# Driving the real program in tmux: each test gets its own tmux server.
#   screen ARGS...        start raffle ARGS in a 100x30 pane (SIZE=COLSxROWS)
#   shell                 start a plain shell in the pane instead
#   see TEXT [SECONDS]    wait until the pane shows TEXT (default 20 s)
#   unseen TEXT           the pane does not show TEXT now
#   keys KEY...           tmux send-keys
#   pane                  the pane's text
#   ended [SECONDS]       wait for raffle to exit; its status is in $ended
#   restart               end the tmux server, to start another screen
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
