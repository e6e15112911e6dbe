# The help, the man pages and the README say the same thing.

# Long options named in a text, sorted, one a line.
options_in() { grep -o -- '--[a-z][a-z-]*' | sort -u; }

t_help_and_man_page_name_the_same_options() {
	"$RAFFLE" --help | options_in > help
	# Rendered wide, so that no option is hyphenated or wrapped.
	groff -mdoc -Tascii -rLL=300n -rHY=0 "$RAFFLE_TOP/man/raffle.1" | col -b | options_in > man
	diff help man > diff.txt || fail "help and man page differ: $(cat diff.txt)"
	[ "$(wc -l < help)" -gt 20 ] || fail "too few options found: $(wc -l < help)"
}

t_every_option_in_help_is_known() {
	for o in $("$RAFFLE" --help | options_in); do
		"$RAFFLE" "$o" > /dev/null 2> err || true
		! grep -q "unknown option" err || fail "$o is in --help but unknown"
	done
}

t_help_lists_the_keys_the_screen_shows() {
	run "$RAFFLE" --help
	expect_status 0
	out_has "Screen keys:"
	# Every line of the screen's own help (press ?), as it is there.
	for k in "Space, Enter,  draw the next winner (a held key draws once:" \
	    "PgDn, Right    let go, then press again); while names roll," \
	    "n              the winner shown or selected is not here: asks," \
	    "b, .           draw many of this prize at once: asks, then y" \
	    "w              every prize's winners (w again: back)" \
	    "q              quit (asks first)"; do
		out_has "  $k"
	done
}

t_every_exit_status_is_documented() {
	for s in 0 1 64 65 66 70 73 74 75 130; do
		grep -q "^\.It $s\$" "$RAFFLE_TOP/man/raffle.1" || fail "exit $s not in the man page"
		"$RAFFLE" --help | grep -q "\b$s\b" || fail "exit $s not in --help"
	done
}

t_man_pages_render_without_warnings() {
	for m in raffle.1 raffle.log.5; do
		groff -man -Tutf8 -ww -z "$RAFFLE_TOP/man/$m" 2> warn || true
		[ ! -s warn ] || fail "$m: $(cat warn)"
	done
}

t_readme_commands_exist() {
	grep -q '^    make run' "$RAFFLE_TOP/README.md" || fail "no make run"
	grep -q '^    make test' "$RAFFLE_TOP/README.md" || fail "no make test"
	for o in $(grep -o -- '--[a-z][a-z-]*' "$RAFFLE_TOP/README.md" | sort -u); do
		"$RAFFLE" --help | grep -q -- "$o" || fail "README names $o, which --help does not"
	done
}

t_the_core_never_includes_curses() {
	cd "$RAFFLE_TOP/src"
	for f in *.c *.h; do
		case "$f" in main.c|cli.[ch]|screen.*|paint.c|view-*.c|ui.h) continue ;; esac
		! grep -q '#include <\(n\|\)curses\|#include <term.h>\|#include "ui.h"\|#include "screen.h"' "$f" ||
			fail "$f includes the screen"
	done
	# ...and never sleeps or waits for a key.
	! grep -l 'usleep\|nanosleep\|sleep(\|getch\|poll(' $(ls *.c | grep -v '^screen\.c$\|^view-\|^paint\.c$\|^main\.c$\|^cli\.c$') ||
		fail "a core file sleeps or waits"
}
