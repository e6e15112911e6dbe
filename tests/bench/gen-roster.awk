# Write a benchmark roster of n rows (default 1,000,000), about 55 bytes a
# row: an id, a quoted "Surname, Given" name (some CJK, some emoji), a team,
# a city and a tickets column. The same n always gives the same file.
BEGIN {
	if (n == 0) n = 1000000
	split("Lee Costa Dubois Volkov Johansson Haddad Novák Sørensen Álvarez Tanaka Martin Ferreira Kowalski Yılmaz Raman Moreau", sur, " ")
	split("Ana Bruno Chloé Dmitri Emma Farid Grace Owen Ingrid José Kaito Léa Mateus Nadia Oğuz Priya", giv, " ")
	split("王芳 佐藤花子 김민준 李娜 陈伟 山田太郎", cjk, " ")
	split("🎉 🚀 🌟 🎈", emo, " ")
	split("Engineering Operations Marketing Staff", team, " ")
	split("Lisbon Tokyo Montréal Nairobi Oslo Seoul Kraków Lima", city, " ")
	print "id,name,team,city,tickets"
	seed = 42
	for (i = 1; i <= n; i++) {
		seed = (seed * 1103515245 + 12345) % 2147483648
		s = sur[seed % 16 + 1]; g = giv[int(seed / 16) % 16 + 1]
		if (i % 17 == 0) name = cjk[i % 6 + 1] ", " g
		else if (i % 29 == 0) name = s ", " g " " emo[i % 4 + 1]
		else name = s ", " g " " giv[int(seed / 256) % 16 + 1] " " substr("ABCDEFGHIJKLMNOP", int(seed / 4096) % 16 + 1, 1) "."
		printf "emp-%07d,\"%s\",%s,%s,%d\n", i, name, team[i % 4 + 1], city[int(seed / 1024) % 8 + 1], int(seed / 65536) % 5
	}
}
