# raffle: a terminal raffle for live events.
#
# make              build ./raffle (installs nothing)
# make test         every test; the last line says how many passed and failed
# make run          the projector screen on the bundled sample data
# make bench        speed and memory against the peers, as ratios
# make sanitize     the whole suite on an ASan/UBSan build
# make valgrind     the CLI tests under valgrind
# make pot          src/po/raffle.pot from the sources (xgettext)
# make lint         cppcheck and clang-tidy
# make fuzz         libFuzzer on the readers (FUZZ_SECONDS each, default 60)
# make install      PREFIX=/usr/local, MANPREFIX=$(PREFIX)/share/man
#
# Objects go to $(B) (default build/), so that a sanitizer build and the
# plain one never mix.
#
# Only the developer targets (run, test, bench, picture, sanitize, valgrind,
# lint, fuzz) install the Debian packages they need (apt-get as root, else
# the command to run is printed); make, make install and the object rules
# never do. They install first and then make their goal in a second make,
# so that the packages are there before anything is compiled.

PREFIX ?= /usr/local
MANPREFIX ?= $(PREFIX)/share/man
PKG_CONFIG ?= pkg-config
CFLAGS ?= -O2 -g
B ?= build
BIN ?= raffle

WARNINGS = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wold-style-definition -Wpointer-arith \
	-Wwrite-strings -Wformat=2 -Wundef -Wvla -Wcast-qual
LOCALEDIR ?= $(PREFIX)/share/locale
DEFINES = -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -DLOCALEDIR='"$(LOCALEDIR)"'
# Recursive (=) on purpose: on a fresh machine pkg-config may only exist once
# a developer target has installed it, so the flags are asked for when used.
SODIUM_CFLAGS = $(shell $(PKG_CONFIG) --cflags libsodium 2>/dev/null)
CURSES_CFLAGS = $(shell $(PKG_CONFIG) --cflags ncursesw 2>/dev/null)
PKG_LIBS = $(shell $(PKG_CONFIG) --libs libsodium ncursesw 2>/dev/null)
ALL_CFLAGS = $(WARNINGS) $(DEFINES) $(SODIUM_CFLAGS) $(CFLAGS) -MMD -MP
# ncursesw's flags bring their own _XOPEN_SOURCE; ours wins, wide chars on.
SCREEN_CFLAGS = $(WARNINGS) $(DEFINES) -DNCURSES_WIDECHAR=1 \
	$(filter-out -D_XOPEN_SOURCE% -D_DEFAULT_SOURCE,$(CURSES_CFLAGS)) \
	$(SODIUM_CFLAGS) $(CFLAGS) -MMD -MP
LDLIBS = $(PKG_LIBS) -lcsv

# The core: no curses, no sleeping. Tests and fuzzers link it directly.
CORE_NAMES = util text csvin csvout roster rng sumtree prizes strmap \
	ledger-read ledger-write ledger-follow event session report verify \
	font bigfont reel sparks layout
# The faces: the command line, and the screen (the only files with curses).
SCREEN_NAMES = screen paint view-common view-start view-card view-reveal \
	view-batch view-list view-witness view-follow view-console view-overlay
UNIT_NAMES = text csvin roster rng event ledger show verify
FUZZ_NAMES = roster prizes ledger

CORE = $(CORE_NAMES:%=$(B)/src/%.o)
SCREEN = $(SCREEN_NAMES:%=$(B)/src/%.o)
FACES = $(B)/src/main.o $(B)/src/cli.o $(SCREEN)
# Unit tests, and the fuzz targets run over their seeds and past findings.
UNIT = $(UNIT_NAMES:%=$(B)/tests/unit/test_%) \
	$(FUZZ_NAMES:%=$(B)/tests/fuzz/regress_%)

# The translations: src/po/LANG.po, built into $(B)/locale, installed
# into $(PREFIX)/share/locale; make run and make test use the built ones.
LINGUAS = zh_CN zh_TW ja de fr es
MO = $(LINGUAS:%=$(B)/locale/%/LC_MESSAGES/raffle.mo)

all: $(BIN) $(MO)

$(B)/locale/%/LC_MESSAGES/raffle.mo: src/po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

pot:
	xgettext --keyword=_ --keyword=N_ --keyword=ngettext:1,2 \
	    --from-code=UTF-8 --add-comments=TRANSLATORS: --package-name=raffle \
	    --package-version=$$(sed -n 's/.*RAFFLE_VERSION "\(.*\)"/\1/p' src/util.h) \
	    --msgid-bugs-address= --sort-by-file -o src/po/raffle.pot src/*.c

# What building needs; what running and testing need besides.
BUILD_DEPS = gcc make pkg-config libncurses-dev libsodium-dev libcsv-dev \
	gettext
RUN_DEPS = unifont
TEST_DEPS = $(BUILD_DEPS) $(RUN_DEPS) libcmocka-dev tmux strace python3 \
	locales gettext

$(BIN): $(CORE) $(FACES)
	$(CC) $(LDFLAGS) -o $@ $(CORE) $(FACES) $(LDLIBS)

$(B)/src/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(SCREEN): $(B)/src/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(SCREEN_CFLAGS) -c -o $@ $<

$(B)/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Isrc -c -o $@ $<

$(B)/tests/unit/test_%: $(B)/tests/unit/test_%.o $(CORE)
	$(CC) $(LDFLAGS) -o $@ $< $(CORE) $(LDLIBS) -lcmocka

$(B)/tests/fuzz/regress_%: tests/fuzz/fuzz_%.c tests/fuzz/driver.c \
    tests/fuzz/harness.h $(CORE)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Isrc -DTARGET='"$*"' $(LDFLAGS) -o $@ \
	    tests/fuzz/fuzz_$*.c tests/fuzz/driver.c $(CORE) $(LDLIBS)

test:
	@tests/install-deps $(TEST_DEPS)
	@$(MAKE) --no-print-directory test-now

test-now: $(BIN) $(MO) $(UNIT)
	@RAFFLE="$(abspath $(BIN))" REF_VERIFY="$(abspath src/raffle-verify.py)" \
	    TEXTDOMAINDIR="$(abspath $(B)/locale)" tests/run $(UNIT)

# The screen on the sample data, with a fresh demonstration log each time.
run:
	@tests/install-deps $(BUILD_DEPS) $(RUN_DEPS)
	@$(MAKE) --no-print-directory $(BIN) $(MO)
	@mkdir -p tests/out
	@rm -f tests/out/demo.log tests/out/demo.log.*
	TEXTDOMAINDIR="$(abspath $(B)/locale)" ./$(BIN) -i data/roster.csv -p data/prizes.csv --weight-column tickets \
	    --group-column team -l tests/out/demo.log --title "Spring Meetup 2026"

bench:
	@tests/install-deps $(BUILD_DEPS) tmux python3 time
	@$(MAKE) --no-print-directory $(BIN)
	@tests/bench/run

# The README's pictures of the screen.
picture:
	@tests/install-deps $(BUILD_DEPS) $(RUN_DEPS) tmux chromium
	@$(MAKE) --no-print-directory $(BIN)
	tests/picture/make-picture

# The whole suite, CLI and screen tests too, on an ASan + UBSan build. Any
# report fails the run, even one a test did not notice: the sanitizers
# write them to files, and tests/sanitize-reports looks for them.
SAN_FLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all
sanitize:
	@tests/install-deps $(TEST_DEPS) clang libclang-rt-14-dev
	$(MAKE) B=build/sanitize BIN=build/sanitize/raffle CC=clang \
	    CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" build/sanitize/raffle \
	    $(subst $(B)/,build/sanitize/,$(UNIT))
	@$(MAKE) --no-print-directory $(MO)
	@rm -rf build/sanitize/reports && mkdir -p build/sanitize/reports
	@SAN=build/sanitize/reports tests/sanitize-env \
	    env RAFFLE="$(abspath build/sanitize/raffle)" \
	    TEXTDOMAINDIR="$(abspath $(B)/locale)" \
	    tests/run $(subst $(B)/,build/sanitize/,$(UNIT))
	@tests/sanitize-reports build/sanitize/reports

# The CLI tests once more, every run of raffle under valgrind.
valgrind:
	@tests/install-deps $(TEST_DEPS) valgrind
	@$(MAKE) --no-print-directory $(BIN) $(MO)
	@rm -rf build/valgrind && mkdir -p build/valgrind
	@VALGRIND_LOGS="$(abspath build/valgrind)" \
	    TEXTDOMAINDIR="$(abspath $(B)/locale)" \
	    RAFFLE="$(abspath tests/valgrind-raffle)" \
	    RAFFLE_REAL="$(abspath $(BIN))" TESTS="$$(cd tests && ls cli/*.sh)" \
	    tests/run

lint:
	@tests/install-deps $(BUILD_DEPS) cppcheck clang-tidy
	tests/lint

fuzz:
	@tests/install-deps $(BUILD_DEPS) clang libclang-rt-14-dev
	@CORE_NAMES="$(CORE_NAMES)" tests/fuzz/run

install: $(BIN) $(MO)
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANPREFIX)/man1 \
	    $(DESTDIR)$(MANPREFIX)/man5
	cp -f $(BIN) $(DESTDIR)$(PREFIX)/bin/raffle
	chmod 755 $(DESTDIR)$(PREFIX)/bin/raffle
	cp -f man/raffle.1 $(DESTDIR)$(MANPREFIX)/man1/raffle.1
	chmod 644 $(DESTDIR)$(MANPREFIX)/man1/raffle.1
	cp -f man/raffle.log.5 $(DESTDIR)$(MANPREFIX)/man5/raffle.log.5
	chmod 644 $(DESTDIR)$(MANPREFIX)/man5/raffle.log.5
	mkdir -p $(DESTDIR)$(PREFIX)/share/raffle
	cp -f src/raffle-verify.py $(DESTDIR)$(PREFIX)/share/raffle/raffle-verify.py
	chmod 755 $(DESTDIR)$(PREFIX)/share/raffle/raffle-verify.py
	for l in $(LINGUAS); do \
		mkdir -p $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
		cp -f $(B)/locale/$$l/LC_MESSAGES/raffle.mo \
		    $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/raffle.mo && \
		chmod 644 $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/raffle.mo \
		    || exit 1; \
	done

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/raffle $(DESTDIR)$(MANPREFIX)/man1/raffle.1 \
	    $(DESTDIR)$(MANPREFIX)/man5/raffle.log.5 \
	    $(DESTDIR)$(PREFIX)/share/raffle/raffle-verify.py \
	    $(LINGUAS:%=$(DESTDIR)$(LOCALEDIR)/%/LC_MESSAGES/raffle.mo)

clean:
	rm -rf raffle build tests/out

.PHONY: all test test-now run bench picture sanitize valgrind lint fuzz pot \
	install uninstall clean
.SECONDARY:

-include $(CORE:.o=.d) $(FACES:.o=.d) $(UNIT:=.d)
