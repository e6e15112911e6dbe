# The text on the reel's bar in a pane captured with "tmux capture-pane -e
# -p": the plain name under the big letters, or "Winner" from the banner
# over a reveal (it wears the bar's colours). tmux writes a colour only
# where it changes, so the background is followed from line to line.
#   usage: awk -v want=103 -f bar.awk    (103: a bright yellow background)
{
	line = $0; text = ""
	while ((i = index(line, "\033[")) > 0) {
		if (bg == want) text = text substr(line, 1, i - 1)
		line = substr(line, i + 2)
		j = match(line, /[A-Za-z]/)
		n = split(substr(line, 1, j - 1), a, ";")
		if (n == 0) bg = 0
		for (k = 1; k <= n; k++) {
			v = a[k] + 0
			if (a[k] == "" || v == 0 || v == 49) bg = 0
			else if ((v >= 40 && v <= 47) || (v >= 100 && v <= 107)) bg = v
			else if (v == 38 || v == 48) k += 2
		}
		line = substr(line, j + 1)
	}
	if (bg == want) text = text line
	gsub(/\342\226[\200-\237]/, "", text)
	gsub(/^ +| +$/, "", text)
	if (text != "") { print text; exit }
}
