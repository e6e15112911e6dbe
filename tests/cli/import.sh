# Roster import as a user types it: what --list and --check print, and how
# bad input is refused.

roster() { printf "$@" > roster.csv; }

t_list_keeps_roster_order_with_ids_names_and_weights() {
	run "$RAFFLE" -i "$DATA/roster.csv" --list
	expect_status 0
	[ "$(head -n 1 out)" = "id,name,weight" ] || fail "header: $(head -n 1 out)"
	[ "$(sed -n 2p out)" = "p001,Ana Lee,1" ] || fail "first row: $(sed -n 2p out)"
	[ "$(sed -n 9p out)" = 'p008,"Hughes, Owen",1' ] || fail "quoted: $(sed -n 9p out)"
	[ "$(wc -l < out)" -eq 37 ] || fail "rows: $(wc -l < out)"
	out_has "p027,王芳,1"
}

t_list_adds_group_and_weight_columns_when_asked() {
	run "$RAFFLE" -i "$DATA/roster.csv" --list --weight-column tickets --group-column TEAM
	expect_status 0
	[ "$(head -n 1 out)" = "id,name,weight,group" ] || fail "header"
	out_has "p002,Bruno Costa,2,Green"
}

t_check_fingerprint_equals_b2sum() {
	run "$RAFFLE" -i "$DATA/roster.csv" --check --weight-column tickets
	expect_status 0
	out_has "participants:     36"
	out_has "eligible tickets: 46"
	out_has "skipped rows:     0"
	out_has "duplicates:       0"
	out_has "fingerprint:      $(b2sum -l 256 "$DATA/roster.csv" | cut -d' ' -f1)"
}

t_stdin_reads_the_same_roster() {
	run "$RAFFLE" -i - --check < "$DATA/roster.csv"
	expect_status 0
	out_has "fingerprint:      $(b2sum -l 256 "$DATA/roster.csv" | cut -d' ' -f1)"
	out_has "participants:     36"
}

t_bom_crlf_and_blank_lines_read_as_plain_lines() {
	roster 'name,team\nAna,x\n\nBo,y\n'
	run "$RAFFLE" -i roster.csv --list; expect_status 0; cp out plain
	roster '\xef\xbb\xbfname,team\r\nAna,x\r\n\r\n\r\nBo,y\r\n\r\n'
	run "$RAFFLE" -i roster.csv --list; expect_status 0
	cmp -s out plain || fail "differs from plain: $(cat out)"
	out_is "$(printf 'id,name,weight\nAna,Ana,1\nBo,Bo,1')"
}

t_semicolon_and_tab_are_detected_from_the_header() {
	roster 'name;team\n"Lee, Ana";x\nBo;y\n'
	run "$RAFFLE" -i roster.csv --check; expect_status 0
	out_has "delimiter:        semicolon"; out_has "participants:     2"
	run "$RAFFLE" -i roster.csv --list; out_has '"Lee, Ana"'
	roster 'name\tteam\nAna Lee\tx\n'
	run "$RAFFLE" -i roster.csv --check; out_has "delimiter:        tab"
	run "$RAFFLE" -i roster.csv --list; out_has "Ana Lee,Ana Lee,1"
}

# A pipe holds 64 KiB: the first read of these headers sees mostly commas,
# the whole line has more semicolons, and the whole line decides. The line
# is found past a BOM and a blank line, and in the converted text: in
# UTF-16, the Gurmukhi letter U+0A15 holds a 0x0A byte that is no line end.
header_longer_than_a_pipe() {
	awk -v first="$1" 'BEGIN { printf "%s", first
	    for (i = 0; i < 30000; i++) printf ",c"
	    for (i = 0; i < 40000; i++) printf ";s"
	    printf "\nAna Lee;x\nBo;y\n" }'
}
piped() { set +e; cat roster.csv | "$RAFFLE" -i - "$@" > out 2> err; status=$?; set -e; }

t_a_header_longer_than_a_pipe_holds_is_read_whole() {
	header_longer_than_a_pipe name > roster.csv
	piped --list; expect_status 0; out_has "Ana Lee,Ana Lee,1"; out_has "Bo,Bo,1"
	piped --check; expect_status 0; out_has "delimiter:        semicolon"
	{ printf '\357\273\277\r\n'; header_longer_than_a_pipe name; } > roster.csv
	piped --check; expect_status 0; out_has "delimiter:        semicolon"
	header_longer_than_a_pipe 'name\340\250\225' | iconv -f UTF-8 -t UTF-16LE > roster.csv
	piped --encoding UTF-16LE --list; expect_status 0; out_has "Ana Lee,Ana Lee,1"
}

t_delimiter_option_overrides_detection() {
	roster 'name;nick,x\nAna;a,1\n'
	run "$RAFFLE" -i roster.csv --list --delimiter ','
	expect_status 0; out_has '"Ana;a","Ana;a",1'
	run "$RAFFLE" -i roster.csv --list --delimiter ';'
	expect_status 0; out_has "Ana,Ana,1"
	run "$RAFFLE" -i roster.csv --list --delimiter x
	expect_status 64; err_has "--delimiter 'x'"
}

t_default_columns_come_from_the_header() {
	roster 'Team,Full Name,E-mail\nx,Ana Lee,ana@x.org\n'
	run "$RAFFLE" -i roster.csv --list; expect_status 0
	out_is "$(printf 'id,name,weight\nana@x.org,Ana Lee,1')"
	roster 'Participant,Employee ID\nBo,17\n'
	run "$RAFFLE" -i roster.csv --list; out_has "17,Bo,1"
	roster 'who,where\nCy,home\n'
	run "$RAFFLE" -i roster.csv --list; out_has "Cy,Cy,1"
}

t_headers_in_the_languages_raffle_speaks_are_found() {
	roster '部门,姓名,邮箱\n销售,张伟,zw@x.cn\n'
	run "$RAFFLE" -i roster.csv --list; expect_status 0
	out_is "$(printf 'id,name,weight\nzw@x.cn,张伟,1')"
	roster 'Ville,Nom complet,Courriel\nLyon,Léa Roux,lea@x.fr\n'
	run "$RAFFLE" -i roster.csv --list; out_has "lea@x.fr,Léa Roux,1"
	roster '部署,氏名,メールアドレス\n営業,佐藤 花子,hs@x.jp\n'
	run "$RAFFLE" -i roster.csv --list; out_has "hs@x.jp,佐藤 花子,1"
	# A name part alone is not the name: "Nom" is the family name.
	roster 'Prénom,Nom\nLéa,Roux\n'
	run "$RAFFLE" -i roster.csv --list; out_has "Léa,Léa,1"
}

t_columns_by_name_or_number() {
	roster 'a,b,c,d\n1,Ana,3,x\n2,Bo,0,y\n'
	run "$RAFFLE" -i roster.csv --list --name-column B --id-column 1 --weight-column c --group-column 4
	expect_status 0
	out_is "$(printf 'id,name,weight,group\n1,Ana,3,x\n2,Bo,0,y')"
	run "$RAFFLE" -i roster.csv --check --weight-column 3
	out_has "participants:     2"; out_has "eligible tickets: 3"
}

t_unknown_column_names_the_header() {
	roster 'name,team\nAna,x\n'
	run "$RAFFLE" -i roster.csv --list --weight-column tickets
	expect_status 65
	err_is "raffle: roster.csv:1: no column 'tickets' for --weight-column; the header has 'name', 'team'"
	run "$RAFFLE" -i roster.csv --list --name-column 5
	expect_status 65; err_has "roster.csv:1: --name-column 5, but the header has 2 columns"
	run "$RAFFLE" -i roster.csv --list --name-column 0
	expect_status 64
}

t_no_header_takes_the_first_row_as_a_person() {
	roster 'Ana Lee,a@x\nBo,b@x\n'
	run "$RAFFLE" -i roster.csv --list --no-header
	expect_status 0; out_is "$(printf 'id,name,weight\nAna Lee,Ana Lee,1\nBo,Bo,1')"
	run "$RAFFLE" -i roster.csv --list --no-header --id-column 2
	out_has "a@x,Ana Lee,1"
	run "$RAFFLE" -i roster.csv --list --no-header --name-column name
	expect_status 64; err_has "--no-header says there is none"
}

t_names_are_trimmed_folded_and_cleaned() {
	roster 'name,id\n"  Ana \t  Lee  ",1\n"Bo\nvan\r\n Dam",2\n"Cy\x01\x7f Rex\xc2\xa0Jr",3\n'
	run "$RAFFLE" -i roster.csv --list; expect_status 0
	out_is "$(printf 'id,name,weight\n1,Ana Lee,1\n2,Bo van Dam,1\n3,Cy Rex Jr,1')"
}

t_invalid_utf8_names_the_line_and_the_fix() {
	roster 'name\nAna\nZo\xeb M\xfcller\n'
	run "$RAFFLE" -i roster.csv --list
	expect_status 65
	err_has "raffle: roster.csv:3: invalid UTF-8"
	err_has "--encoding"
	[ ! -s out ] || fail "printed participants despite the error"
}

t_encoding_cp1252_gives_the_right_names() {
	roster 'name;team\nZo\xeb M\xfcller;x\nJos\xe9 \x80uro;y\n'
	run "$RAFFLE" -i roster.csv --list --encoding cp1252
	expect_status 0
	out_is "$(printf 'id,name,weight\nZoë Müller,Zoë Müller,1\nJosé €uro,José €uro,1')"
	run "$RAFFLE" -i roster.csv --check --encoding cp1252
	out_has "fingerprint:      $(b2sum -l 256 roster.csv | cut -d' ' -f1)"
	run "$RAFFLE" -i roster.csv --list --encoding no-such-thing
	expect_status 64; err_has "unknown encoding 'no-such-thing'"
}

t_encoding_utf16_with_bom() {
	printf 'name\nZoë\n' | iconv -f UTF-8 -t UTF-16 > roster.csv
	run "$RAFFLE" -i roster.csv --list --encoding UTF-16
	expect_status 0; out_has "Zoë,Zoë,1"
}

t_unterminated_quote_names_the_line_it_opened_on() {
	roster 'name\nAna\n"Bo\nCy\nDee\n'
	run "$RAFFLE" -i roster.csv --list
	expect_status 65
	err_is "raffle: roster.csv:3: quote opened here is never closed; add the closing quote (\")"
	roster 'name,x\n"Ana\nLee",1\nBo,"2\n'
	run "$RAFFLE" -i roster.csv --list
	expect_status 65; err_has "roster.csv:4: quote opened here"
}

t_structural_errors_name_their_line() {
	roster 'name\nAna\n"Bo" Lee\n'
	run "$RAFFLE" -i roster.csv --list; expect_status 65
	err_has "roster.csv:3: text after a closing quote"
	roster 'name\nAna\nB\0o\n'
	run "$RAFFLE" -i roster.csv --list; expect_status 65
	err_has "roster.csv:3: NUL byte"
	[ ! -s out ] || fail "half an import printed"
}

t_a_quote_inside_an_unquoted_field_is_taken_as_python_takes_it() {
	printf 'id,name,coords\n1,Robert "Bob" Smith,x\n2,Ann,37\xc2\xb036'"'"'37.8"N\n' > roster.csv
	run "$RAFFLE" -i roster.csv --list
	expect_status 0
	out_has '1,"Robert ""Bob"" Smith",1'
	err_has "roster.csv:2: a quote inside an unquoted field is taken as it is"
	err_has "roster.csv:3: a quote inside an unquoted field"
	python3 -c 'import csv, sys
for row in csv.reader(open(sys.argv[1], newline="", encoding="utf-8")):
    print("|".join(row))' roster.csv > python.txt
	grep -qx '1|Robert "Bob" Smith|x' python.txt || fail "python reads it otherwise: $(cat python.txt)"
	# Ten said with their lines, the rest counted.
	{ echo name; for i in $(seq 1 14); do echo "P$i \"x\""; done; } > many.csv
	run "$RAFFLE" -i many.csv --check
	expect_status 0
	[ "$(grep -c 'a quote inside an unquoted field' err)" -eq 10 ] || fail "not ten said"
	err_has "many.csv: 4 more lines with quotes inside unquoted fields taken as they are"
	out_has "participants:     14"
}

t_names_made_of_nothing_visible_are_skipped() {
	printf 'name\nAna\n\xe2\x80\x8d\n\xe3\x85\xa4\xe3\x85\xa4\n\xe2\xa0\x80\n\xc2\xad\nBo\n' > roster.csv
	run "$RAFFLE" -i roster.csv --check
	expect_status 0
	out_has "participants:     2"
	out_has "skipped rows:     4"
	for line in 3 4 5 6; do
		err_has "roster.csv:$line: nothing visible in the name in column 'name'; row skipped"
	done
}

t_email_ids_are_one_person_whatever_their_case() {
	printf 'email,name\nAlice@Example.com,Alice\nalice@example.com,Alice L\n ALICE@example.com ,A. L.\nBob@x.org,Bob\n' > roster.csv
	run "$RAFFLE" -i roster.csv --check
	expect_status 0
	out_has "participants:     2"
	out_has "duplicates:       2"
	err_has "roster.csv:3: 'alice@example.com' is already on line 2 as 'Alice@Example.com' (email addresses are compared without case); counted once"
	err_has "roster.csv:4: 'ALICE@example.com' is already on line 2 as 'Alice@Example.com'"
	# Ids that are not addresses keep their case.
	printf 'id,name\nAB1,Ann\nab1,Bo\n' > plain.csv
	run "$RAFFLE" -i plain.csv --check
	out_has "participants:     2"
}

t_rows_without_a_name_are_skipped_and_said() {
	roster 'name,id\nAna,1\n,2\n  ,3\n,,\nBo,\nCy,5\n'
	run "$RAFFLE" -i roster.csv --check
	expect_status 0
	err_has "roster.csv:3: no name in column 'name'; row skipped"
	err_has "roster.csv:4: no name in column 'name'; row skipped"
	err_has "roster.csv:6: no id in column 'id' for 'Bo'; row skipped"
	err_lacks "roster.csv:5"
	out_has "participants:     2"; out_has "skipped rows:     3"
}

t_repeated_ids_count_once_and_are_said() {
	roster 'name,email\nAna,a@x\nBo,b@x\nAnna,a@x\nBo,b@x\n'
	run "$RAFFLE" -i roster.csv --check
	expect_status 0
	err_has "roster.csv:4: 'a@x' is already on line 2 (same id); counted once"
	err_has "roster.csv:5: 'b@x' is already on line 3 (same id); counted once"
	out_has "participants:     2"; out_has "duplicates:       2"
	run "$RAFFLE" -i roster.csv --list; out_lacks "Anna"
}

t_many_repeats_are_summarised() {
	{ echo name; for i in $(seq 30); do echo Same; done; } > roster.csv
	run "$RAFFLE" -i roster.csv --check
	expect_status 0
	[ "$(grep -c 'already on line' err)" -eq 10 ] || fail "not capped at 10"
	err_has "19 more repeated ids counted once"
	out_has "duplicates:       29"
}

t_weights_must_be_whole_numbers() {
	roster 'name,tickets\nAna,2\nBo,0\nCy,007\n'
	run "$RAFFLE" -i roster.csv --check --weight-column tickets
	expect_status 0; out_has "eligible tickets: 9"; out_has "participants:     3"
	for bad in -1 1.5 two '' 1e3 99999999999; do
		roster "name,tickets\nAna,2\nBo,$bad\n"
		run "$RAFFLE" -i roster.csv --check --weight-column tickets
		expect_status 65 "weight '$bad'"
		err_has "roster.csv:3: '$bad' in column 'tickets' is not a whole number"
	done
}

t_missing_file_and_directory_exit_66() {
	run "$RAFFLE" -i nope.csv --list
	expect_status 66; err_has "raffle: nope.csv: cannot open"
	mkdir dir.csv
	run "$RAFFLE" -i dir.csv --check
	expect_status 66; err_has "raffle: dir.csv: is a directory"
	touch locked.csv; chmod 000 locked.csv
	if [ "$(id -u)" != 0 ]; then
		run "$RAFFLE" -i locked.csv --check; expect_status 66
	fi
}

t_a_roster_with_nobody_exits_65() {
	roster 'name,team\n'
	run "$RAFFLE" -i roster.csv --check
	expect_status 65; err_has "no participants"
	: > roster.csv
	run "$RAFFLE" -i roster.csv --check
	expect_status 65; err_has "the file is empty"
	roster 'name\n,\n  \n'
	run "$RAFFLE" -i roster.csv --list
	expect_status 65; err_has "no participants"
}

t_a_one_megabyte_field_is_read_whole() {
	{ echo 'name,id'; printf '"'; head -c 1048576 /dev/zero | tr '\0' 'x'; printf '",1\nBo,2\n'; } > roster.csv
	run "$RAFFLE" -i roster.csv --check
	expect_status 0; out_has "participants:     2"
	run "$RAFFLE" -i roster.csv --list
	[ "$(sed -n 2p out | wc -c)" -eq $((1048576 + 5)) ] || fail "field length"
}

t_a_million_rows_are_read() {
	awk 'BEGIN { print "id,name,tickets"; for (i = 1; i <= 1000000; i++) printf "%d,\"Person %d, Jr\",%d\n", i, i, i % 4 }' > roster.csv
	run "$RAFFLE" -i roster.csv --check --weight-column tickets
	expect_status 0
	out_has "participants:     1000000"; out_has "eligible tickets: 1500000"
}

t_help_and_version() {
	run "$RAFFLE" --help; expect_status 0; out_has "usage: raffle"
	run "$RAFFLE" --version; expect_status 0; out_has "raffle "
	run "$RAFFLE" -h; expect_status 0
}

t_usage_errors_exit_64() {
	run "$RAFFLE" --bogus; expect_status 64; err_has "unknown option '--bogus'"
	run "$RAFFLE" -i; expect_status 64; err_has "needs a value"
	run "$RAFFLE" --list; expect_status 64; err_has "no roster"
	run "$RAFFLE" -i "$DATA/roster.csv" --list --check; expect_status 64
	run "$RAFFLE" -i "$DATA/roster.csv" --list extra; expect_status 64
}

t_failed_output_is_an_io_error() {
	run "$RAFFLE" -i "$DATA/roster.csv" --list
	set +e; "$RAFFLE" -i "$DATA/roster.csv" --list > /dev/full 2>err; status=$?; set -e
	expect_status 74; err_has "cannot write standard output"
}

t_repeats_name_the_line_of_the_first_row() {
	roster 'id\na\na\nb\nc\nb\n'
	run "$RAFFLE" -i roster.csv --check
	expect_status 0
	err_has "roster.csv:3: 'a' is already on line 2"
	err_has "roster.csv:6: 'b' is already on line 4"
}

t_a_quote_after_a_closing_quote_is_text_after_it() {
	printf 'name,x\n"Ana" ",1\n' > roster.csv
	run "$RAFFLE" -i roster.csv --list; expect_status 65
	err_has "roster.csv:2: text after a closing quote"
	err_lacks "taken as it is"
}

t_one_column_for_id_and_weight_is_read_once() {
	printf 'name,n\nAna,\xe2\x80\xa81\nBo,2\n' > roster.csv
	run "$RAFFLE" -i roster.csv --id-column n --weight-column n --list
	expect_status 0
	out_has 'Ana,1'
	out_has '2,Bo,2'
	iconv -f UTF-8 -t UTF-8 err > /dev/null || fail "invalid UTF-8 in a message"
}
