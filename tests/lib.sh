#!/usr/bin/env bash
# The shell test harness. "bash tests/lib.sh SUITE.sh" sources the suite and
# runs each function whose name starts with t_ in a subshell of its own, in a
# fresh directory, with errexit on; it prints "ok SUITE: NAME" or "not ok
# SUITE: NAME" and, for a failure, what the test left in out and err.
#
# Helpers for the tests:
#   run CMD...           run CMD; stdout in ./out, stderr in ./err, status in $status
#   expect_status N      $status is N
#   out_has TEXT, err_has TEXT, out_lacks TEXT, err_lacks TEXT
#   out_is TEXT, err_is TEXT (whole output, a trailing newline ignored)
#   fail MESSAGE         end the test as failed
#   wait_for SECONDS CMD...   poll CMD every 0.1 s until it succeeds
#   rechain LOG          rebuild every hash of an edited log, as a forger would
# ONLY=PREFIX runs only the tests whose names (after t_) start with PREFIX.
set -u

fail() {
	printf '    %s\n' "$*"
	[ -f out ] && { printf '    --- stdout:\n'; head -c 2000 out | sed 's/^/    | /'; }
	[ -f err ] && { printf '    --- stderr:\n'; head -c 2000 err | sed 's/^/    | /'; }
	exit 1
}

run() {
	set +e
	"$@" >out 2>err
	status=$?
	set -e
}

expect_status() {
	[ "$status" = "$1" ] || fail "expected exit status $1, got $status: ${*:2}"
}

out_has()   { grep -qF -- "$1" out || fail "stdout lacks: $1"; }
err_has()   { grep -qF -- "$1" err || fail "stderr lacks: $1"; }
out_lacks() { ! grep -qF -- "$1" out || fail "stdout has: $1"; }
err_lacks() { ! grep -qF -- "$1" err || fail "stderr has: $1"; }
out_is()    { [ "$(cat out)" = "$1" ] || fail "stdout is not: $1"; }
err_is()    { [ "$(cat err)" = "$1" ] || fail "stderr is not: $1"; }

rechain() {
	python3 - "$1" <<'EOF'
import hashlib, sys
path = sys.argv[1]
head, out = bytes(32), []
for line in open(path, 'rb').read().split(b'\n'):
    if not line:
        continue
    body = line[:line.rindex(b'\t') + 1]
    head = hashlib.blake2b(head + body, digest_size=32).digest()
    out.append(body + head.hex().encode())
open(path, 'wb').write(b'\n'.join(out) + b'\n')
EOF
}

wait_for() {
	local deadline=$((SECONDS + $1))
	shift
	until "$@"; do
		[ $SECONDS -lt $deadline ] || return 1
		sleep 0.1
	done
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	suite=$1
	name=$(basename "$suite" .sh)
	: "${RAFFLE:?}" "${RAFFLE_TOP:?}"
	DATA=$RAFFLE_TOP/data
	export DATA
	work=$(mktemp -d "${TMPDIR:-/tmp}/raffle-test.XXXXXX")
	# shellcheck source=/dev/null
	. "$suite"
	for t in $(declare -F | awk '$3 ~ /^t_/ { print $3 }'); do
		case "$t" in t_${ONLY:-}*) ;; *) continue ;; esac
		mkdir "$work/$t"
		log=$work/$t.log
		# A suite may define teardown: it runs when each test ends.
		( cd "$work/$t" || exit 1
		  trap 'declare -F teardown >/dev/null && teardown' EXIT
		  set -e; "$t" ) >"$log" 2>&1
		if [ $? -eq 0 ]; then
			printf 'ok %s: %s\n' "$name" "${t#t_}"
		else
			printf 'not ok %s: %s\n' "$name" "${t#t_}"
			tail -n 40 "$log"
		fi
	done
	[ -n "${KEEP:-}" ] || rm -rf "$work"
fi
