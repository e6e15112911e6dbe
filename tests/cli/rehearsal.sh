# A rehearsal practises the whole show on a log of its own, never the real
# one, and can never be passed off as the real draw.

SAMPLE="-i $DATA/roster.csv -p $DATA/prizes.csv --weight-column tickets --group-column team"

t_a_rehearsal_never_touches_the_real_log() {
	run "$RAFFLE" $SAMPLE --draw 2; expect_status 0
	cp raffle.log real
	# The real log's lock is held (the emcee's screen is open): no matter.
	flock raffle.log.lock sleep 30 &
	holder=$!
	wait_for 10 sh -c '! flock -n raffle.log.lock true' || fail "no lock taken"
	run "$RAFFLE" $SAMPLE --rehearsal --commit; expect_status 0
	out_has "REHEARSAL: this commitment is for practice only"
	run "$RAFFLE" $SAMPLE --rehearsal --witness "practice" --draw 3; expect_status 0
	run "$RAFFLE" $SAMPLE --rehearsal --draw all; expect_status 0
	pkill -P $holder; kill $holder 2>/dev/null || true; wait $holder 2>/dev/null || true
	cmp -s real raffle.log || fail "the real log changed"
	grep -q '	session	.*	rehearsal=yes	' raffle.log.rehearsal || fail "not marked"
	! grep -q rehearsal raffle.log || fail "the real log mentions a rehearsal"
	[ "$(grep -c '	draw	' raffle.log.rehearsal)" -eq 12 ] || fail "the rehearsal did not draw every prize"
	# The real event goes on where it was.
	run "$RAFFLE" $SAMPLE --draw 1; expect_status 0
	[ "$(grep -c '	draw	' raffle.log)" -eq 3 ] || fail "the real log lost its place"
}

t_a_rehearsal_says_so_wherever_it_is_read() {
	run "$RAFFLE" $SAMPLE --rehearsal --draw 2; expect_status 0
	run "$RAFFLE" $SAMPLE --rehearsal --verify; expect_status 0
	out_has "REHEARSAL: practice only, not the real draw"
	run "$RAFFLE" $SAMPLE -l raffle.log.rehearsal --verify; expect_status 0
	out_has "REHEARSAL: practice only"
	run "$RAFFLE" --rehearsal --print; expect_status 0
	out_has "REHEARSAL: practice results, not the real draw."
	run "$RAFFLE" --rehearsal --print --format csv; expect_status 0
	err_has "raffle.log.rehearsal: a rehearsal, not the real draw"
	out_has "seq,time,prize,id,name,status"
	[ ! -e raffle.log ] || fail "a real log was made"
}

t_commit_starts_a_rehearsal_over() {
	run "$RAFFLE" $SAMPLE --rehearsal --draw 3; expect_status 0
	run "$RAFFLE" $SAMPLE --rehearsal --commit; expect_status 0
	[ "$(wc -l < raffle.log.rehearsal)" -eq 1 ] || fail "not started over"
	run "$RAFFLE" $SAMPLE --rehearsal --witness "again" --draw 1; expect_status 0
	[ "$(grep -c '	draw	' raffle.log.rehearsal)" -eq 1 ] || fail "draws"
	run "$RAFFLE" $SAMPLE --rehearsal --verify; expect_status 0
}
