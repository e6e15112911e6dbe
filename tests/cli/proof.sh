# Proof a sceptic accepts: nothing in the log foresees a draw, the witness
# comes after the commitment, a commitment can be published ahead, and a log
# is checked with each roster it was drawn from.

SAMPLE="-i $DATA/roster.csv -p $DATA/prizes.csv --weight-column tickets --group-column team"
SAMPLES=$RAFFLE_TOP/tests/cli/samples

field() { tr '\t' '\n' | sed -n "s/^$1=//p"; }

t_commit_prints_a_card_and_the_draws_go_on_under_it() {
	run "$RAFFLE" $SAMPLE --commit; expect_status 0
	commit=$(sed -n 's/^commitment  \([0-9a-f]\{64\}\)$/\1/p' out)
	[ -n "$commit" ] || fail "no commitment on the card"
	[ "$(head -n 1 raffle.log | field commit)" = "$commit" ] || fail "card and log differ"
	out_has "session     record 1 of raffle.log"
	out_has "draws       up to 40 in this session"
	out_has "roster      $DATA/roster.csv: 36 people, 46 tickets"
	out_has "            file $(b2sum -l 256 "$DATA/roster.csv" | cut -d' ' -f1)"
	out_has "prizes      $DATA/prizes.csv: file $(b2sum -l 256 "$DATA/prizes.csv" | cut -d' ' -f1)"
	out_has "raffle      2.0.0"
	out_has "--verify --expect-commit ${commit:0:16}"
	[ "$(stat -c %a raffle.log.key)" = 600 ] || fail "the secret is readable by others"
	[ "$(wc -l < raffle.log)" -eq 1 ] || fail "more than the session record"
	# Days later, at the event: the same session, its witness, its draws.
	run "$RAFFLE" $SAMPLE --witness "red balloon" --draw 2; expect_status 0
	err_lacks "commits to"
	[ "$(cut -f 3 raffle.log | tr '\n' ' ')" = "session witness draw draw " ] || fail "records: $(cut -f 3 raffle.log | tr '\n' ' ')"
	run "$RAFFLE" $SAMPLE --draw 1; expect_status 0
	[ "$(grep -c '	session	' raffle.log)" -eq 1 ] || fail "a second session"
	[ "$(tail -n 1 raffle.log | field step)" = 3 ] || fail "steps do not go on"
	run "$RAFFLE" $SAMPLE --verify --expect-commit "${commit:0:12}"; expect_status 0
	out_has "commit:   session 1 committed to ${commit:0:12}, as expected; 3 draws under it, 0 draws under other sessions"
	# Committing again sets the first session aside only once it drew.
	run "$RAFFLE" $SAMPLE --commit; expect_status 0
	[ "$(grep -c '	session	' raffle.log)" -eq 2 ] || fail "no new session"
	run "$RAFFLE" $SAMPLE --verify --expect-commit "${commit:0:12}"; expect_status 0
}

t_the_witness_must_come_after_the_commitment() {
	run "$RAFFLE" $SAMPLE --witness "red balloon" --draw 1
	expect_status 64
	err_has "--witness must come after the commitment"
	[ ! -e raffle.log ] || fail "a log was made"
	run "$RAFFLE" $SAMPLE --witness "x" --commit; expect_status 64
	run "$RAFFLE" $SAMPLE --commit; expect_status 0
	run "$RAFFLE" $SAMPLE --witness "red balloon" --draw 1; expect_status 0
	cp raffle.log before
	run "$RAFFLE" $SAMPLE --witness "blue balloon" --draw 1; expect_status 64
	err_has "session 1 has its witness already (record 2) and has drawn"
	run "$RAFFLE" $SAMPLE --witness "blue balloon" --forfeit 3; expect_status 64
	cmp -s before raffle.log || fail "the log changed"
	# A session begun without --commit has no witness: none is recorded.
	printf 'name\nAna\nBo\n' > two.csv
	run "$RAFFLE" -i two.csv -l two.log --draw 1; expect_status 0
	grep -q '	witness	text=	' two.log || fail "no empty witness"
}

t_a_commitment_for_another_roster_is_refused_not_drawn_under() {
	run "$RAFFLE" $SAMPLE --commit; expect_status 0
	cp raffle.log before
	sed 's/^p036,.*/p036,Someone Else,Staff,9/' "$DATA/roster.csv" > other.csv
	run "$RAFFLE" -i other.csv -p "$DATA/prizes.csv" --weight-column tickets --group-column team --draw 1
	expect_status 65
	err_has "raffle.log:1: session 1 has drawn nothing yet, and this run cannot draw under its commitment: it was committed for the roster with fingerprint"
	err_has "begin a new session with --commit and publish the new commitment"
	run "$RAFFLE" $SAMPLE --allow-repeat --draw 1; expect_status 65
	err_has "it was committed without --allow-repeat"
	run "$RAFFLE" -i "$DATA/roster.csv" -p "$DATA/prizes.csv" --group-column team --draw 1
	expect_status 65; err_has "it read $DATA/roster.csv with other column options"
	cmp -s before raffle.log || fail "the log changed"
	# The secret gone: the commitment cannot be honoured, and it says so.
	mv raffle.log.key key
	run "$RAFFLE" $SAMPLE --draw 1; expect_status 65
	err_has "its secret is not in raffle.log.key"
	mv key raffle.log.key
	# A new commitment for the new roster, and the draws go on under it.
	run "$RAFFLE" -i other.csv -p "$DATA/prizes.csv" --weight-column tickets --group-column team --commit
	expect_status 0
	run "$RAFFLE" -i other.csv -p "$DATA/prizes.csv" --weight-column tickets --group-column team --draw 1
	expect_status 0
}

t_expect_commit_fails_for_another_commitment() {
	run "$RAFFLE" $SAMPLE --draw 1; expect_status 0
	run "$RAFFLE" $SAMPLE --verify --expect-commit 0123abcd; expect_status 65
	err_has "no session committed to 0123abcd"
	run "$RAFFLE" $SAMPLE --verify --expect-commit abc; expect_status 64
	run "$RAFFLE" $SAMPLE --expect-commit 0123abcd --draw 1; expect_status 64
}

t_verify_takes_each_version_of_an_edited_roster() {
	cp "$DATA/roster.csv" monday.csv
	R="-p $DATA/prizes.csv --weight-column tickets --group-column team"
	run "$RAFFLE" -i monday.csv $R --draw 3; expect_status 0
	# Corrected overnight: a name, a team, a new person.
	sed -e 's/^p002,Bruno Costa,/p002,Bruno Costa Silva,/' -e 's/^p004,\(.*\),Staff,/p004,\1,Blue,/' monday.csv > roster.csv
	echo 'p037,Late Comer,Green,2' >> roster.csv
	run "$RAFFLE" -i roster.csv $R --draw 4; expect_status 0
	err_has "roster.csv differs from the roster recorded in raffle.log"
	run "$RAFFLE" -i monday.csv $R --verify; expect_status 65
	err_has "which no -i names; give the roster it used"
	run "$RAFFLE" -i roster.csv $R --verify; expect_status 65
	run "$RAFFLE" -i monday.csv -i roster.csv $R --verify; expect_status 0
	out_has "winners:  7 of 7 recomputed"
	out_has "roster:   monday.csv, roster.csv (each session with its own)"
	run "$RAFFLE" -i roster.csv -i monday.csv $R --verify; expect_status 0
	run "$RAFFLE" -i a.csv -i b.csv --draw 1; expect_status 64
	err_has "-i is given twice; only --verify takes several"
}

t_the_log_never_holds_a_secret_before_its_draw() {
	run "$RAFFLE" $SAMPLE --commit; expect_status 0
	x=$(cut -f 5 raffle.log.key)
	[ ${#x} -eq 64 ] || fail "no secret in the key file"
	for i in 1 2 3 4; do
		run "$RAFFLE" $SAMPLE --draw 1; expect_status 0
		line=$(wc -l < raffle.log)
		secret=$(tail -n 1 raffle.log | field secret)
		# Not in the log before its own record, which was just written.
		! head -n $((line - 1)) raffle.log | grep -q "$secret" || fail "draw $i's secret was in the log before it"
	done
	! grep -q "$x" raffle.log || fail "the session's secret is in the log"
	run "$RAFFLE" $SAMPLE --verify; expect_status 0
}

t_a_secret_others_can_read_is_made_private_and_said() {
	run "$RAFFLE" $SAMPLE --draw 1; expect_status 0
	[ "$(stat -c %a raffle.log.key)" = 600 ] || fail "the secret is not 0600"
	chmod 644 raffle.log.key
	run "$RAFFLE" $SAMPLE --draw 1; expect_status 0
	err_has "raffle.log.key could be read by others; it is private (0600) now"
	err_has "begin a new session with --commit"
	[ "$(stat -c %a raffle.log.key)" = 600 ] || fail "the secret was left readable"
	# Said once: the next run finds it private.
	run "$RAFFLE" $SAMPLE --draw 1; expect_status 0
	err_lacks "could be read by others"
	run "$RAFFLE" $SAMPLE --verify; expect_status 0
}

t_a_committed_session_draws_the_same_whoever_runs_it() {
	run "$RAFFLE" $SAMPLE --commit; expect_status 0
	mkdir a b c
	cp raffle.log raffle.log.key a/
	cp raffle.log raffle.log.key b/
	(cd a && "$RAFFLE" $SAMPLE --witness "red balloon" --draw 5 > out 2> /dev/null)
	(cd b && "$RAFFLE" $SAMPLE --witness "red balloon" --draw 5 > out 2> /dev/null)
	cmp -s a/out b/out || fail "one commitment and witness drew two ways"
	# Another witness, or another commitment, draws otherwise.
	cp raffle.log raffle.log.key c/
	(cd c && "$RAFFLE" $SAMPLE --witness "blue balloon" --draw 5 > out 2> /dev/null)
	(cd c && "$RAFFLE" $SAMPLE -l new.log --draw 5 > new 2> /dev/null)
	! cmp -s a/out c/out || fail "the witness changed nothing"
	! cmp -s <(cut -f 2- a/out) <(cut -f 2- c/new) || fail "the secret changed nothing"
}

t_a_secret_swapped_or_made_up_is_caught() {
	run "$RAFFLE" $SAMPLE --draw 3; expect_status 0
	cp raffle.log good
	s3=$(sed -n 3p good | field secret)
	s4=$(sed -n 4p good | field secret)
	sed -e "3s/$s3/$s4/" -e "4s/$s4/$s3/" good > raffle.log
	rechain raffle.log
	run "$RAFFLE" --verify; expect_status 65
	err_has "raffle.log:3: the draw's secret does not hash to the one before it"
	sed "5s/secret=[0-9a-f]*/secret=$(printf '%064d' 7)/" good > raffle.log
	rechain raffle.log
	run "$RAFFLE" --verify; expect_status 65
	err_has "raffle.log:5: the draw's secret does not hash"
	# A step out of order is caught too.
	sed "4s/step=2/step=3/" good > raffle.log
	rechain raffle.log
	run "$RAFFLE" --verify; expect_status 65
	err_has "raffle.log:4: step 3 where step 2 was due"
}

t_old_logs_still_verify_and_print() {
	cp "$SAMPLES/prizes-v1.log" p.log
	cp "$SAMPLES/generic-v1.log" g.log
	run "$RAFFLE" $SAMPLE -l p.log --verify; expect_status 0
	out_has "winners:  10 of 10 recomputed"
	out_lacks "secrets:"
	run "$RAFFLE" -i "$DATA/roster.csv" -l g.log --verify; expect_status 0
	out_has "winners:  8 of 8 recomputed"
	run "$RAFFLE" -l p.log --print --format csv; expect_status 0
	[ "$(grep -c ',won$' out)" -eq 9 ] || fail "won: $(grep -c ',won$' out)"
	out_has ",forfeited"
	# A log of raffle 1.0 goes on in a session of this one.
	run "$RAFFLE" $SAMPLE -l p.log --draw 2; expect_status 0
	err_has "commits to"
	run "$RAFFLE" $SAMPLE -l p.log --verify; expect_status 0
	out_has "winners:  12 of 12 recomputed"
	# A changed seed in an old log is caught as it always was.
	sed -i '2s/seed=\(.\)/seed=0/' g.log
	rechain g.log
	run "$RAFFLE" -l g.log --verify; expect_status 65
}

t_a_session_whose_steps_run_out_is_followed_by_a_new_one() {
	awk 'BEGIN { print "name"; for (i = 1; i <= 60; i++) print "Person " i }' > r.csv
	run "$RAFFLE" -i r.csv --draw 1; expect_status 0
	[ "$(head -n 1 raffle.log | field steps)" = 18 ] || fail "steps: $(head -n 1 raffle.log | field steps)"
	run "$RAFFLE" -i r.csv --draw 30; expect_status 0
	err_has "session 1 has used all its 18 steps; a new session begins"
	[ "$(grep -c '	session	' raffle.log)" -eq 2 ] || fail "sessions"
	[ "$(grep -c '	draw	' raffle.log)" -eq 31 ] || fail "draws"
	run "$RAFFLE" -i r.csv --verify; expect_status 0
	out_has "winners:  31 of 31 recomputed"
}

t_the_example_of_raffle_log_5_is_a_real_log() {
	page=$RAFFLE_TOP/man/raffle.log.5
	log=$SAMPLES/example.log
	run "$RAFFLE" $SAMPLE -l "$log" --verify; expect_status 0
	commit=$(head -n 1 "$log" | field commit)
	secret=$(sed -n 3p "$log" | field secret)
	grep -q "commit=$commit" "$page" || fail "the page's commitment is not the log's"
	grep -q "secret=$secret" "$page" || fail "the page's secret is not the log's"
	w=$(printf 'red balloon' | b2sum -l 256 | cut -d' ' -f1)
	grep -q "W = $w" "$page" || fail "W is not BLAKE2b of the witness"
	key=$(python3 -c 'import hashlib, sys
s, w = bytes.fromhex(sys.argv[1]), bytes.fromhex(sys.argv[2])
print(hashlib.blake2b(b"raffle-draw-v2\0" + w, key=s, digest_size=32).hexdigest())' "$secret" "$w")
	grep -q "^$key\.$" "$page" || fail "the page's key is not the keyed hash: $key"
	[ "$(sed -n 3p "$log" | field ticket)" = 14 ] || fail "ticket"
	[ "$(python3 -c 'print(7086165765709083116 % 46, 2**64 % 46, 11258868545230966691 % (2**63 + 1))')" = "14 6 2035496508376190882" ] || fail "the page's arithmetic"
}
