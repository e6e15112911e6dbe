# A big roster file is read in two halves at once. Whatever the file holds,
# what comes out must be what reading it in one piece gives: a pipe is
# always read in one piece, so each test compares the two.

# rows N: N participants, with quoted names, CJK, groups and tickets.
rows() {
	awk -v n="$1" 'BEGIN {
		print "id,name,team,tickets"
		for (i = 1; i <= n; i++) {
			team = i % 5 ? sprintf("Team %d", i % 13) : ""
			printf "p%d,\"Person %d, 王%d\",%s,%d\n", i, i, i % 7,
			    team, i % 4
		}
	}'
}

# same_as_stdin ARGS...: roster.csv read as a file and from standard input
# give the same status, stdout and stderr (bar the file's name).
same_as_stdin() {
	local f
	run "$RAFFLE" -i roster.csv "$@"
	file_status=$status
	sed 's/^roster: *roster\.csv$/roster: FILE/' out > file.out
	sed 's/^raffle: roster\.csv:/raffle: FILE:/' err > file.err
	# Through a pipe, the one way of reading that never splits.
	set +e; cat roster.csv | "$RAFFLE" -i - "$@" > out 2> err; status=$?; set -e
	sed 's/^roster: *(stdin)$/roster: FILE/' out > stdin.out
	sed 's/^raffle: (stdin):/raffle: FILE:/' err > stdin.err
	[ "$file_status" = "$status" ] || fail "status: file $file_status, stdin $status"
	for f in out err; do
		cmp -s file.$f stdin.$f || fail "$f differs: $(diff file.$f stdin.$f | head -5)"
		mv file.$f $f
	done
}

t_a_big_roster_reads_as_it_does_in_one_piece() {
	rows 60000 > roster.csv
	[ "$(stat -c %s roster.csv)" -gt 2000000 ] || fail "roster too small to be halved"
	same_as_stdin --list --weight-column tickets --group-column team
	expect_status 0
	[ "$(wc -l < out)" -eq 60001 ] || fail "rows: $(wc -l < out)"
	out_has 'p30001,"Person 30001, 王6",1,Team 10'
	out_has 'p60000,"Person 60000, 王3",0,'
	same_as_stdin --check --weight-column tickets
	out_has "participants:     60000"
	out_has "fingerprint:      $(b2sum -l 256 roster.csv | cut -d' ' -f1)"
}

t_repeats_across_the_halves_name_both_lines() {
	{ rows 50000; echo 'p10,"Person 10 again",,1'; echo 'p49999,Late,,1'; } > roster.csv
	same_as_stdin --check
	expect_status 0
	out_has "participants:     50000"; out_has "duplicates:       2"
	err_has "FILE:50002: 'p10' is already on line 11 (same id); counted once"
	err_has "FILE:50003: 'p49999' is already on line 50000 (same id); counted once"
}

t_a_quoted_field_across_the_middle_is_read_whole() {
	# One row's note holds thousands of lines that look like rows; the
	# line break after the middle is inside it.
	awk 'BEGIN {
		print "id,name,note"
		for (i = 1; i <= 15000; i++) printf "a%d,Alice %d,\n", i, i
		printf "mid,Middle,\""
		for (i = 1; i <= 40000; i++) printf "x%d,Not a person %d,\n", i, i
		print "\""
		for (i = 1; i <= 15000; i++) printf "z%d,Zed %d,\n", i, i
	}' > roster.csv
	same_as_stdin --list
	expect_status 0
	[ "$(wc -l < out)" -eq 30002 ] || fail "rows: $(wc -l < out)"
	out_has "mid,Middle,1"; out_lacks "Not a person"
	out_has "z15000,Zed 15000,1"
}

t_errors_in_the_back_half_name_their_line() {
	rows 50000 > roster.csv
	printf 'bad,"Bad \377 byte",,1\n' >> roster.csv
	same_as_stdin --list
	expect_status 65; err_has "FILE:50002: invalid UTF-8 (byte 0xFF)"
	{ rows 50000; echo 'q1,Stray "quote,,1'; } > roster.csv
	same_as_stdin --list
	expect_status 65; err_has "FILE:50002: stray quote"
	{ rows 50000; echo 'q1,Weighty,,lots'; } > roster.csv
	same_as_stdin --list --weight-column tickets
	expect_status 65; err_has "FILE:50002: 'lots' in column 'tickets'"
	{ rows 50000; printf 'q1,"Open quote\n\nq2,B,,1\n'; } > roster.csv
	same_as_stdin --list
	expect_status 65; err_has "FILE:50002: quote opened here is never closed"
}

t_an_error_in_the_front_half_comes_first() {
	{ rows 100; echo 'q1,Weighty,,lots'; rows 50000 | sed 1d | sed 's/^p/r/'; echo 'q2,Heavy,,x'; } > roster.csv
	same_as_stdin --list --weight-column tickets
	expect_status 65; err_has "FILE:102: 'lots'"; err_lacks "Heavy"
}

t_skipped_rows_in_both_halves_are_said_in_order() {
	{ rows 20; echo 'n1,,,1'; rows 50000 | sed 1d | sed 's/^p/r/'; echo 'n2,,,1'; echo ',No id,,1'; } > roster.csv
	same_as_stdin --check --id-column id
	expect_status 0
	out_has "skipped rows:     3"
	err_has "FILE:22: no name in column 'name'; row skipped"
	err_has "FILE:50023: no name in column 'name'; row skipped"
	err_has "FILE:50024: no id in column 'id' for 'No id'; row skipped"
}

t_crlf_and_a_byte_order_mark_in_a_big_file() {
	{ printf '\357\273\277'; rows 50000 | sed 's/$/\r/'; } > roster.csv
	same_as_stdin --list --group-column team
	expect_status 0
	[ "$(wc -l < out)" -eq 50001 ] || fail "rows: $(wc -l < out)"
	head -n 1 out | grep -qx 'id,name,weight,group' || fail "header: $(head -n 1 out)"
	out_has 'p50000,"Person 50000, 王6",1,'
}

t_semicolons_and_a_late_header_in_a_big_file() {
	{ printf '\n\n'; rows 50000 | sed 's/,/;/g'; } > roster.csv
	same_as_stdin --list --weight-column tickets
	expect_status 0
	out_has 'Person 49999; 王5'
	grep -q '^p49999,.*,3$' out || fail "row 49999: $(grep '^p49999' out)"
}

t_a_quote_left_open_before_the_middle_is_found() {
	# From the middle on, the rest reads as clean rows; only reading from
	# the top shows that they are all inside the quote opened on line 1002.
	awk 'BEGIN {
		print "id,name"
		for (i = 1; i <= 1000; i++) printf "a%d,Alice %d\n", i, i
		print "open,\"Never closed"
		for (i = 1; i <= 100000; i++) printf "z%d,Zed %d\n", i, i
	}' > roster.csv
	same_as_stdin --list
	expect_status 65; err_has "FILE:1002: quote opened here is never closed"
}

t_standard_input_is_read_from_where_it_stands() {
	# A big file on standard input, its header line already read by the
	# shell: raffle reads on from there, as from any descriptor.
	rows 50000 > roster.csv
	set +e; { IFS= read -r header; "$RAFFLE" -i - --no-header --id-column 1 --name-column 2 --list; } < roster.csv > out 2> err; status=$?; set -e
	expect_status 0
	[ "$(sed -n 2p out)" = 'p1,"Person 1, 王1",1' ] || fail "first row: $(sed -n 2p out)"
	[ "$(wc -l < out)" -eq 50001 ] || fail "rows: $(wc -l < out)"
	tail -n +2 roster.csv | "$RAFFLE" -i - --no-header --id-column 1 --name-column 2 --list > want
	cmp -s out want || fail "differs from the same rows through a pipe"
}
