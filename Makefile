# raffle: a terminal raffle for live events.
# make            build ./raffle
# make test       run every test; the last line says how many passed
# make run        the main job on the bundled sample data
# make install    PREFIX=/usr/local, MANPREFIX=$(PREFIX)/share/man

PREFIX ?= /usr/local
MANPREFIX ?= $(PREFIX)/share/man
PKG_CONFIG ?= pkg-config

CFLAGS ?= -O2 -g
WARNINGS = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wold-style-definition -Wpointer-arith \
	-Wwrite-strings -Wformat=2 -Wundef -Wvla -Wcast-qual
DEFINES = -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE
# Recursive (=) on purpose: on a fresh machine pkg-config may only exist once
# the deps target has run, so the flags are asked for when first used.
SODIUM_CFLAGS = $(shell $(PKG_CONFIG) --cflags libsodium 2>/dev/null)
# ncursesw's flags define _XOPEN_SOURCE themselves; only screen files get them.
CURSES_CFLAGS = $(shell $(PKG_CONFIG) --cflags ncursesw 2>/dev/null)
PKG_LIBS = $(shell $(PKG_CONFIG) --libs libsodium ncursesw 2>/dev/null)
ALL_CFLAGS = $(WARNINGS) $(DEFINES) $(SODIUM_CFLAGS) $(CFLAGS) -MMD -MP
LDLIBS = $(PKG_LIBS) -lcsv -pthread

# The core: no curses, no sleeping. Tests link it directly.
CORE = src/util.o src/text.o src/csvin.o src/csvout.o \
	src/roster.o src/fingerprint.o src/bigmem.o \
	src/rowpipe.o src/rng.o src/fenwick.o src/prizes.o src/strmap.o \
	src/ledger.o src/event.o src/session.o src/report.o src/verify.o \
	src/bigfont.o src/reel.o src/layout.o
# The faces: the command line, and the screen (the only files with curses).
SCREEN = src/screen.o src/paint.o src/view-start.o src/view-draw.o \
	src/view-batch.o src/view-list.o src/view-overlay.o
FACES = src/main.o src/cli.o $(SCREEN)

UNIT = tests/unit/test_text tests/unit/test_csvin tests/unit/test_roster \
	tests/unit/test_rng tests/unit/test_event tests/unit/test_ledger \
	tests/unit/test_screen

all: raffle

# A fresh machine gets its packages first (apt-get as root, else the command
# to run). The check is a few dpkg queries and changes no target's age.
deps:
	@tests/install-deps

$(CORE) $(FACES) $(UNIT:=.o): | deps

raffle: $(CORE) $(FACES)
	$(CC) $(LDFLAGS) -o $@ $(CORE) $(FACES) $(LDLIBS)

src/%.o: src/%.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# ncursesw's flags bring their own _XOPEN_SOURCE; ours wins, wide chars on.
SCREEN_CFLAGS = $(WARNINGS) $(DEFINES) -DNCURSES_WIDECHAR=1 \
	$(filter-out -D_XOPEN_SOURCE% -D_DEFAULT_SOURCE,$(CURSES_CFLAGS)) \
	$(SODIUM_CFLAGS) $(CFLAGS) -MMD -MP
$(SCREEN): src/%.o: src/%.c
	$(CC) $(SCREEN_CFLAGS) -c -o $@ $<

tests/unit/%.o: tests/unit/%.c
	$(CC) $(ALL_CFLAGS) -Isrc -c -o $@ $<

tests/unit/test_%: tests/unit/test_%.o $(CORE)
	$(CC) $(LDFLAGS) -o $@ $< $(CORE) $(LDLIBS) -lcmocka

test: raffle $(UNIT)
	@tests/run $(UNIT)

# The screen on the sample data, with a fresh demonstration log each time.
run: raffle
	@mkdir -p tests/out
	@rm -f tests/out/demo.log tests/out/demo.log.torn-*
	./raffle -i data/roster.csv -p data/prizes.csv --weight-column tickets \
	    --group-column team -l tests/out/demo.log --title "Spring Meetup"

# The README's pictures of the screen (needs tmux, aha and chromium).
picture: raffle
	tests/picture/make-picture

bench: raffle
	@tests/bench/run

install: raffle
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANPREFIX)/man1 \
	    $(DESTDIR)$(MANPREFIX)/man5
	cp -f raffle $(DESTDIR)$(PREFIX)/bin/raffle
	chmod 755 $(DESTDIR)$(PREFIX)/bin/raffle
	cp -f man/raffle.1 $(DESTDIR)$(MANPREFIX)/man1/raffle.1
	chmod 644 $(DESTDIR)$(MANPREFIX)/man1/raffle.1
	cp -f man/raffle.log.5 $(DESTDIR)$(MANPREFIX)/man5/raffle.log.5
	chmod 644 $(DESTDIR)$(MANPREFIX)/man5/raffle.log.5

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/raffle $(DESTDIR)$(MANPREFIX)/man1/raffle.1 \
	    $(DESTDIR)$(MANPREFIX)/man5/raffle.log.5

clean:
	rm -f raffle src/*.o src/*.d tests/unit/*.o tests/unit/*.d $(UNIT)
	rm -rf tests/out

.PHONY: all deps test run bench picture install uninstall clean
.SECONDARY:

-include src/*.d tests/unit/*.d
