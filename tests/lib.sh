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
#
# With REF_VERIFY set (make test sets it), every "run $RAFFLE ... --verify"
# is checked by the reference verifier too, with the same files and roster
# options, and at the end of each test every log it left is checked by
# both without a roster: raffle and the verifier must agree, accepting or
# refusing.
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
	if [ -n "${REF_VERIFY:-}" ] && [ "$1" = "$RAFFLE" ]; then
		ref_agrees "$@"
	fi
}

# Run the reference verifier as the raffle command line given would verify,
# and fail unless it agrees with raffle's $status. Only --verify runs are
# compared; usage errors and missing files are raffle's own.
ref_agrees() {
	local args=() log=raffle.log verify=0 rehearsal=0 rc
	shift
	while [ $# -gt 0 ]; do
		case "$1" in
		--verify) verify=1 ;;
		--rehearsal) rehearsal=1 ;;
		-l|--log) log=${2:-}; [ $# -lt 2 ] || shift ;;
		-i|-p|--import|--prizes|--delimiter|--name-column|--id-column|\
		--weight-column|--group-column|--encoding|--expect-commit|--expect-head)
			args+=("$1" "${2:-}"); [ $# -lt 2 ] || shift ;;
		--no-header) args+=("$1") ;;
		esac
		[ $# -eq 0 ] || shift
	done
	[ $verify = 1 ] || return 0
	case "$status" in 0|65) ;; *) return 0 ;; esac
	[ $rehearsal = 0 ] || log=$log.rehearsal
	set +e
	python3 "$REF_VERIFY" "${args[@]}" "$log" >ref.out 2>ref.err
	rc=$?
	set -e
	if { [ "$status" = 0 ] && [ $rc != 0 ]; } || { [ "$status" = 65 ] && [ $rc != 1 ]; }; then
		fail "raffle --verify exited $status, the reference verifier $rc: $(head -c 400 ref.err)"
	fi
}

# Check every log a test left, without a roster, with both verifiers.
ref_sweep() {
	local f a b
	for f in *.log *.log.rehearsal; do
		[ -f "$f" ] && [ ! -L "$f" ] || continue
		set +e
		"$RAFFLE" -l "$f" --verify >/dev/null 2>&1; a=$?
		python3 "$REF_VERIFY" "$f" >/dev/null 2>&1; b=$?
		set -e
		case "$a" in 0|65) ;; *) continue ;; esac
		if { [ $a = 0 ] && [ $b != 0 ]; } || { [ $a = 65 ] && [ $b != 1 ]; }; then
			echo "    $f: raffle --verify exited $a, the reference verifier $b"
			return 1
		fi
	done
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

# Make a locale a test needs (zh_CN.UTF-8), on a machine that lacks it.
need_locale() {
	locale -a 2>/dev/null | grep -qix "$(echo "$1" | sed 's/UTF-8/utf8/')" && return 0
	localedef -i "${1%%.*}" -f UTF-8 "$1" 2>/dev/null ||
		fail "cannot make the locale $1 (is the locales package there?)"
}

# A message as raffle says it in LANGUAGE, from the built catalogues.
said_in() {	# LANGUAGE MSGID
	LANGUAGE=$1 LC_ALL=C.UTF-8 TEXTDOMAINDIR="${TEXTDOMAINDIR:?}" \
	    gettext raffle "$2"
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
		  set -e; "$t"
		  [ -z "${REF_VERIFY:-}" ] || ref_sweep ) >"$log" 2>&1
		if [ $? -eq 0 ]; then
			printf 'ok %s: %s\n' "$name" "${t#t_}"
		else
			printf 'not ok %s: %s\n' "$name" "${t#t_}"
			tail -n 40 "$log"
		fi
	done
	[ -n "${KEEP:-}" ] || rm -rf "$work"
fi
