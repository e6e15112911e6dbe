#!/usr/bin/env python3
"""raffle-verify.py - the reference verifier of raffle's result log.

It follows the manual pages raffle.log(5) and raffle(1) and shares no code
with raffle.  Section names in the comments ("log(5) Lines", "raffle(1)
Reading the roster", ...) point to the rule each part implements; where the
pages leave a detail open, the comment says how raffle reads it.

  python3 raffle-verify.py [-i ROSTER]... [-p PRIZES]... [--delimiter C]
      [--no-header] [--name-column COL] [--id-column COL] [--weight-column COL]
      [--group-column COL] [--encoding NAME] [--expect-commit HEX]
      [--expect-head SEQ:HEX] LOG
  python3 raffle-verify.py --self-test

Without -i it checks what the log alone allows: the bytes of every line, the
sequence numbers, the hash chain, the session rules and the chain of secrets.
With -i (and -p for sessions that had a prize table) it also recomputes every
draw: the prize due, the pool, the ticket and the winner.  Each session is
checked with the roster (and prize table) whose file hash and digest its
session record names.  Exit status: 0 the log holds, 1 a check failed,
2 a usage error or an unreadable or malformed input file.
"""

import argparse
import codecs
import hashlib
import re
import struct
import sys


class Failure(Exception):
    """A check failed: exit 1 with 'raffle-verify: LOG:LINE: message'."""

    def __init__(self, line, message):
        super().__init__(message)
        self.line = line


class InputError(Exception):
    """A roster or prize table that cannot be read: exit 2."""


# ----------------------------------------------------------------------------
# Hashes and the key stream (log(5) Lines, The secrets, The draw)

def b2(data, key=b""):
    """BLAKE2b-256 (RFC 7693, 32-byte output), keyed when key is given."""
    return hashlib.blake2b(data, digest_size=32, key=key).digest()


def _rotl(v, c):
    return ((v << c) & 0xFFFFFFFF) | (v >> (32 - c))


def _quarter(s, a, b, c, d):
    s[a] = (s[a] + s[b]) & 0xFFFFFFFF; s[d] = _rotl(s[d] ^ s[a], 16)
    s[c] = (s[c] + s[d]) & 0xFFFFFFFF; s[b] = _rotl(s[b] ^ s[c], 12)
    s[a] = (s[a] + s[b]) & 0xFFFFFFFF; s[d] = _rotl(s[d] ^ s[a], 8)
    s[c] = (s[c] + s[d]) & 0xFFFFFFFF; s[b] = _rotl(s[b] ^ s[c], 7)


def chacha20_block(key, counter, nonce):
    """The ChaCha20 block function of RFC 8439, section 2.3: 64 bytes."""
    state = (list(struct.unpack("<4I", b"expand 32-byte k"))
             + list(struct.unpack("<8I", key)) + [counter]
             + list(struct.unpack("<3I", nonce)))
    w = state[:]
    for _ in range(10):
        _quarter(w, 0, 4, 8, 12); _quarter(w, 1, 5, 9, 13)
        _quarter(w, 2, 6, 10, 14); _quarter(w, 3, 7, 11, 15)
        _quarter(w, 0, 5, 10, 15); _quarter(w, 1, 6, 11, 12)
        _quarter(w, 2, 7, 8, 13); _quarter(w, 3, 4, 9, 14)
    return struct.pack("<16I", *[(x + y) & 0xFFFFFFFF for x, y in zip(w, state)])


def stream_words(key):
    """log(5) The draw: the ChaCha20 key stream with nonce 'LibsodiumDRG' and
    block counter 0, 1, ..., read as 64-bit little-endian words."""
    counter = 0
    while True:
        block = chacha20_block(key, counter, b"LibsodiumDRG")
        yield from struct.unpack("<8Q", block)
        counter += 1


def draw_ticket(key, pool):
    """log(5) The draw: rejection sampling.  L = 2^64 mod P; words below L
    are thrown away; the first word kept, mod P, is the ticket T."""
    low = (1 << 64) % pool
    for word in stream_words(key):
        if word >= low:
            return word % pool


def draw_key_v2(secret, witness):
    """log(5) The draw: key = BLAKE2b-256 keyed with s_k of
    'raffle-draw-v2', 0x00, W, where W = BLAKE2b-256(witness)."""
    return b2(b"raffle-draw-v2\x00" + b2(witness.encode()), key=secret)


def draw_key_v1(seed, seq, witness):
    """log(5) Protocol 1: key = BLAKE2b-256 keyed with the seed of
    'raffle-draw-v1', 0x00, SEQ as 8 bytes little-endian, W."""
    return b2(b"raffle-draw-v1\x00" + struct.pack("<Q", seq)
              + b2(witness.encode()), key=seed)


# ----------------------------------------------------------------------------
# Folding text (raffle(1) Reading the roster)

WHITE = set("\t\n\v\f\r \u0085\u00a0\u1680\u2028\u2029\u202f\u205f\u3000"
            + "".join(map(chr, range(0x2000, 0x200B))))
DROPPED = (set(map(chr, range(0x20))) - WHITE) | set(map(chr, range(0x7F, 0xA0))) - WHITE
DROPPED |= set("\u200b\ufeff") | set(map(chr, range(0x202A, 0x202F))) \
    | set(map(chr, range(0x2066, 0x206A)))
INVISIBLE_RANGES = [(0xAD, 0xAD), (0x34F, 0x34F), (0x61C, 0x61C), (0x115F, 0x1160),
                    (0x17B4, 0x17B5), (0x180B, 0x180F), (0x200B, 0x200F),
                    (0x202A, 0x202E), (0x2060, 0x206F), (0x2800, 0x2800),
                    (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
                    (0xFFA0, 0xFFA0), (0xFFF0, 0xFFFB), (0x1D173, 0x1D17A),
                    (0xE0000, 0xE0FFF)]


def fold(text):
    """Drop the control and format characters listed, then trim white space
    at both ends and turn each inner run of it into one space."""
    out, pending = [], False
    for ch in text:
        if ch in DROPPED:
            continue
        if ch in WHITE:
            pending = bool(out)
            continue
        if pending:
            out.append(" ")
            pending = False
        out.append(ch)
    return "".join(out)


def visible(text):
    """False when a (folded) text is made only of white space and the
    invisible characters listed: such a name or id is skipped."""
    for ch in text:
        if ch in WHITE:
            continue
        if not any(lo <= ord(ch) <= hi for lo, hi in INVISIBLE_RANGES):
            return True
    return False


def ascii_lower(text):
    """'the letters A to Z taken as a to z', and no other letter."""
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in text)


def id_key(ident):
    """raffle(1) Reading the roster: an id that looks like an email address
    (an '@' with text on both sides, no other '@' after it, a dot after it,
    no space) is compared with A-Z as a-z; other ids are compared exactly.
    raffle reads 'no other' as: the id holds a single '@'."""
    at = ident.find("@")
    if (0 < at < len(ident) - 1 and ident.count("@") == 1 and "." in ident[at + 1:]
            and " " not in ident):
        return ascii_lower(ident)
    return ident


# ----------------------------------------------------------------------------
# Reading a CSV file (raffle(1) Reading the roster, Roster options)

DELIMITERS = {",": ",", ";": ";", "|": "|", "tab": "\t"}


def decode(path, data, encoding):
    """UTF-8 unless --encoding converts it; a leading byte-order mark is dropped."""
    try:
        if encoding:        # iconv(3) names; Python knows most ('latin-9' as 'latin9')
            try:
                codec = codecs.lookup(encoding).name
            except LookupError:
                codec = codecs.lookup(encoding.replace("-", "")).name
            text = data.decode(codec)
        else:
            text = data.decode("utf-8")
    except (LookupError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read as {encoding or 'UTF-8'}: {e}")
    if "\x00" in text:
        raise InputError(f"{path}: a NUL byte")
    return text[1:] if text.startswith("\ufeff") else text


def detect_delimiter(text):
    """The one of comma, semicolon, tab and bar that the first line that is
    not blank uses most outside quotes (ties: in that order; none: comma).
    As raffle reads it: spaces and tabs that begin the line are not counted,
    and a line break inside quotes does not end the line."""
    start = re.search(r"[^ \t\r\n]", text)
    counts, quoted = dict.fromkeys(",;\t|", 0), False
    for ch in text[start.start() if start else len(text):]:
        if ch == '"':
            quoted = not quoted
        elif ch in "\r\n" and not quoted:
            break
        elif ch in counts and not quoted:
            counts[ch] += 1
    best = max(",;\t|", key=lambda d: counts[d])       # the first of the most used
    return best if counts[best] else ","


def csv_rows(path, text, delim):
    """RFC 4180 as raffle(1) reads it.  Yields (line number, fields) for each
    row that is not all empty (or spaces and tabs)."""
    pad = " " if delim == "\t" else " \t"
    i, n, line = 0, len(text), 1
    while i < n:
        start_line, fields = line, []
        while True:                              # one field
            while i < n and text[i] in pad:
                i += 1
            if i < n and text[i] == '"':         # quoted field
                i += 1
                value = []
                while True:
                    if i >= n:
                        raise InputError(f"{path}:{start_line}: a quote that is never closed")
                    ch = text[i]
                    if ch == '"':
                        if i + 1 < n and text[i + 1] == '"':
                            value.append('"'); i += 2
                            continue
                        i += 1
                        break
                    if ch == "\n" or (ch == "\r" and text[i + 1:i + 2] != "\n"):
                        line += 1
                    value.append(ch); i += 1
                while i < n and (text[i] in pad or text[i] == '"'):
                    i += 1      # raffle also passes over stray quotes here, with a warning
                if i < n and text[i] not in (delim, "\r", "\n"):
                    raise InputError(f"{path}:{line}: text after a closing quote")
                fields.append("".join(value))
            else:                                # unquoted: up to delimiter or line end
                j = i
                while j < n and text[j] not in (delim, "\r", "\n"):
                    j += 1
                fields.append(text[i:j].strip(pad))
                i = j
            if i < n and text[i] == delim:
                i += 1
                continue
            break                                # end of line or of file
        if text.startswith("\r\n", i):
            i += 2
        elif i < n:
            i += 1
        line += 1
        if any(f.strip(" \t") for f in fields):
            yield start_line, fields


def read_csv(path, opts):
    """Returns (file hash, rows) of a roster or prize table."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as f:
                data = f.read()
    except OSError as e:
        raise InputError(f"{path}: {e.strerror}")
    text = decode(path, data, opts.encoding)
    delim = DELIMITERS[opts.delimiter] if opts.delimiter else detect_delimiter(text)
    return b2(data).hex(), list(csv_rows(path, text, delim))


def find_column(path, header, spec, what):
    """A column given as a number counted from 1, or as a header name (folded,
    A-Z taken as a-z).  Returns a 0-based index."""
    if spec.isdigit() and spec.isascii():
        if int(spec) < 1 or header is not None and int(spec) > len(header):
            raise InputError(f"{path}: no column {spec} for the {what}")
        return int(spec) - 1
    if header is None:
        raise InputError(f"{path}: --no-header: the {what} column must be a number")
    names = [ascii_lower(fold(h)) for h in header]
    want = ascii_lower(spec)        # the header is folded, the option taken as given
    if want not in names:
        raise InputError(f"{path}: no column '{spec}' for the {what}")
    return names.index(want)


def default_column(header, candidates):
    """The first of the candidate header names found, in their order."""
    if header is None:
        return None
    names = [ascii_lower(fold(h)) for h in header]
    return next((names.index(c) for c in candidates if c in names), None)


def cell(fields, k):
    """A row with fewer fields than a column it needs reads it as empty."""
    return fold(fields[k]) if k is not None and k < len(fields) else ""


class Roster:
    """raffle(1) Reading the roster; log(5) The roster's digest."""

    def __init__(self, path, opts):
        self.path = path
        self.hash, rows = read_csv(path, opts)
        header = None
        if not opts.no_header and rows:
            header = rows.pop(0)[1]
        name_col = (find_column(path, header, opts.name_column, "name") if opts.name_column
                    else default_column(header, ["name", "full name", "participant"]))
        if name_col is None:
            name_col = 0
        if opts.id_column:
            id_col = find_column(path, header, opts.id_column, "id")
        else:   # the first found, unless it is the name's column: then the name itself
            id_col = default_column(header, ["id", "email", "e-mail", "employee id"])
            id_col = None if id_col == name_col else id_col
        weight_col = opts.weight_column and find_column(path, header, opts.weight_column, "weight")
        group_col = opts.group_column and find_column(path, header, opts.group_column, "group")
        self.people, seen, spelling = [], set(), {}
        for line, fields in rows:
            name = cell(fields, name_col)
            ident = cell(fields, id_col) if id_col is not None else name
            # A row whose name (or id) is empty or has nothing visible is skipped.
            if not visible(name) or not visible(ident):
                continue
            weight = 1
            if weight_col is not None:
                text = cell(fields, weight_col)
                if not re.fullmatch(r"[0-9]+", text) or int(text) > 1000000000:
                    raise InputError(f"{path}:{line}: bad weight '{text}'")
                weight = int(text)
            group = cell(fields, group_col) if group_col is not None else ""
            if group:   # one group whatever the case of A-Z, spelt as first met
                group = spelling.setdefault(ascii_lower(group), group)
            key = id_key(ident)
            if key in seen:         # a repeated id counts once: the first row
                continue
            seen.add(key)
            self.people.append({"id": ident, "key": key, "name": name,
                                "weight": weight, "group": group or None})
        if not self.people:
            raise InputError(f"{path}: nobody in the roster")
        data = b"".join(p["id"].encode() + b"\0" + struct.pack("<I", p["weight"])
                        + (p["group"] or "").encode() + b"\0" for p in self.people)
        self.digest = b2(data).hex()
        self.tickets = sum(p["weight"] for p in self.people)


class PrizeTable:
    """raffle(1) -p: the header names 'prize' (or 'name'), 'quantity' (or
    'qty') and optionally 'eligible'; quantity a whole number 1 to 1000000."""

    def __init__(self, path, opts):
        self.path = path
        self.hash, rows = read_csv(path, opts)
        if not rows:
            raise InputError(f"{path}: no header")
        header = [ascii_lower(fold(h)) for h in rows.pop(0)[1]]

        def column(*names):   # the first column, left to right, with one of the names
            return next((k for k, h in enumerate(header) if h in names), None)
        prize_col, qty_col, elig_col = column("prize", "name"), column("quantity", "qty"), column("eligible")
        if prize_col is None or qty_col is None:
            raise InputError(f"{path}: the header names no 'prize' or no 'quantity'")
        self.prizes = []          # (name, quantity, group or None), in table order
        for line, fields in rows:
            name, qty = cell(fields, prize_col), cell(fields, qty_col)
            if not name:
                raise InputError(f"{path}:{line}: a row without a prize name")
            if not re.fullmatch(r"[0-9]+", qty) or not 1 <= int(qty) <= 1000000:
                raise InputError(f"{path}:{line}: bad quantity '{qty}'")
            if any(name == p[0] for p in self.prizes):
                raise InputError(f"{path}:{line}: prize '{name}' named twice")
            group = cell(fields, elig_col) or None
            if group and not opts.group_column:
                raise InputError(f"{path}:{line}: prize '{name}' is kept for '{group}', "
                                 "but no --group-column names the roster's groups")
            self.prizes.append((name, int(qty), group))

    def get(self, name):
        return next((p for p in self.prizes if p[0] == name), None)


# ----------------------------------------------------------------------------
# Reading the log (log(5) Lines)

KINDS = {"session", "witness", "draw", "forfeit", "reveal"}
HEX64 = re.compile(r"[0-9a-f]{64}")
TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")   # its form only


def parse_line(raw, seq, prev_hash):
    """Checks one line (without its line feed): the bytes, the sequence
    number, the time, the kind, the fields and the hash.  Returns
    (kind, fields, hash) or raises Failure."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Failure(seq, "not valid UTF-8")
    for ch in text:
        if (ch < " " and ch != "\t") or "\x7f" <= ch <= "\x9f":
            raise Failure(seq, f"a control character U+{ord(ch):04X}")
    parts = text.split("\t")
    if len(parts) < 4:
        raise Failure(seq, "fewer than four tab-separated fields")
    if not re.fullmatch("[0-9]+", parts[0]) or int(parts[0]) != seq:
        raise Failure(seq, f"sequence number '{parts[0]}', expected {seq}")
    if not TIME.fullmatch(parts[1]):
        raise Failure(seq, f"bad time '{parts[1]}'")
    if parts[2] not in KINDS:
        raise Failure(seq, f"unknown record kind '{parts[2]}'")
    fields = {}
    for item in parts[3:-1]:
        key, eq, value = item.partition("=")
        if not eq:
            raise Failure(seq, f"a field without '=': '{item}'")
        if key in fields:     # the manual is silent; refused, as readers could differ
            raise Failure(seq, f"the field '{key}' twice")
        fields[key] = value
    if not HEX64.fullmatch(parts[-1]):
        raise Failure(seq, "the hash is not 64 lowercase hex digits")
    expected = b2(prev_hash + raw[:len(raw) - 64])
    if expected.hex() != parts[-1]:
        raise Failure(seq, "the hash chain breaks here: the hash should be " + expected.hex())
    return parts[2], fields, expected


def read_log(path, data):
    """Yields (seq, kind, fields, hash) for every record.  A last line without
    its line feed is a record when whole, else (like zero bytes at the end) a
    torn record: a warning, not counted.  A first line that is not a record
    and does not begin '1<tab>' is not a log."""
    body = data.rstrip(b"\0")        # zero bytes at the end: torn
    if len(body) < len(data):
        line = body.count(b"\n") + 1
        print(f"raffle-verify: {path}:{line}: warning: torn last record "
              f"({len(data) - len(body)} zero bytes at the end), not counted", file=sys.stderr)
    lines = body.split(b"\n")
    last = lines.pop()               # b"" when the file ends with a line feed
    if body and not body.startswith(b"1\t"):
        try:
            parse_line((lines or [last])[0], 1, bytes(32))
        except Failure:
            raise Failure(1, "not a raffle log: its first line is not a record")
    prev, seq = bytes(32), 0
    for seq, raw in enumerate(lines, 1):
        kind, fields, prev = parse_line(raw, seq, prev)
        yield seq, kind, fields, prev
    if last:
        try:
            kind, fields, prev = parse_line(last, seq + 1, prev)
        except Failure:
            print(f"raffle-verify: {path}:{seq + 1}: warning: torn last record "
                  f"({len(last)} bytes, no newline at the end), not counted", file=sys.stderr)
            return
        print(f"raffle-verify: {path}:{seq + 1}: warning: the last record has no "
              "newline at its end; it is whole and counted", file=sys.stderr)
        yield seq + 1, kind, fields, prev


# ----------------------------------------------------------------------------
# Replaying the log (log(5) Records, The secrets, Who is eligible, Checking a log)

def need(seq, fields, key, pattern=None):
    """A field the record must have; with pattern, its value must match."""
    if key not in fields:
        raise Failure(seq, f"no '{key}' field")
    value = fields[key]
    if pattern and not re.fullmatch(pattern, value):
        raise Failure(seq, f"bad {key} '{value}'")
    return value


NUMBER = r"[0-9]+"          # decimal; raffle takes leading zeros too


def number(seq, fields, key):
    return int(need(seq, fields, key, NUMBER))


class Verifier:
    """Reads the log record by record, as log(5) 'Checking a log' says, and
    keeps the state 'Who is eligible, for which prize' is rebuilt from: the
    draws that stand, who has forfeited, how many draws each prize has.
    One method per record kind; each raises Failure at the first fault."""

    def __init__(self, path, rosters, tables):
        self.path, self.rosters, self.tables = path, rosters, tables
        self.sessions = []        # session dicts, in log order
        self.draws = {}           # seq -> draw dict
        self.forfeited = set()    # id keys of everyone who ever forfeited
        self.wins = {}            # id key -> draws of theirs that stand
        self.standing = {}        # prize -> draws for it that stand
        # prize -> its quantity without a prize table, in the order prizes were
        # first met.  log(5) says 'the number of draws for it'; raffle counts the
        # most draws that ever stood for it at once (a refilled forfeit is not more).
        self.met = {}
        self.count = {"records": 0, "session": 0, "witness": 0, "draw": 0,
                      "forfeit": 0, "reveal": 0, "recomputed": 0}
        self.head = None
        self.hashes = {}          # seq -> record hash, for --expect-head

    # -- session ----------------------------------------------------------
    def session(self, seq, f):
        """log(5) Records: session.  A new session; the one before may have
        drawn nothing (a commitment set aside)."""
        if f.get("protocol", "2") != "2":   # no protocol field: protocol 1, raffle 1.0
            raise Failure(seq, f"unknown protocol '{f['protocol']}'")
        s = {"seq": seq, "protocol": 2 if "protocol" in f else 1, "draws": 0, "witness": None,
             "roster": need(seq, f, "roster", HEX64.pattern),
             "digest": need(seq, f, "digest", HEX64.pattern),
             "prizes": need(seq, f, "prizes", HEX64.pattern + "|none"),
             "entries": number(seq, f, "entries"), "tickets": number(seq, f, "tickets"),
             "repeat": need(seq, f, "repeat", "yes|no") == "yes",
             "commit": bytes.fromhex(need(seq, f, "commit", HEX64.pattern)),
             "rehearsal": f.get("rehearsal") == "yes"}
        need(seq, f, "version")
        if s["protocol"] == 2:
            s["steps"] = number(seq, f, "steps")     # raffle(1): at most 1048576 when made
            if s["steps"] < 1:
                raise Failure(seq, "steps 0: the session can make no draw")
            s["last"] = s["commit"]               # s_0
        else:
            s["witness"] = need(seq, f, "witness")  # protocol 1: in the session record
            s["seed"] = None
        self.sessions.append(s)

    def current(self, seq, kind):
        if not self.sessions:
            raise Failure(seq, f"a {kind} before any session")
        return self.sessions[-1]

    # -- witness (protocol 2) and reveal (protocol 1) ---------------------
    def witness(self, seq, f):
        """log(5) Records: witness.  At most one per session, before its first draw."""
        s = self.current(seq, "witness")
        if s["protocol"] != 2:
            raise Failure(seq, "a witness record in a session of protocol 1")
        if s["witness"] is not None:
            raise Failure(seq, f"a second witness for session {s['seq']}")
        if s["draws"]:
            raise Failure(seq, f"a witness after the first draw of session {s['seq']}")
        s["witness"] = need(seq, f, "text")

    def reveal(self, seq, f):
        """log(5) Protocol 1: the seed, which must hash to commit, before the first draw."""
        s = self.current(seq, "reveal")
        if s["protocol"] != 1:
            raise Failure(seq, "a reveal record in a session of protocol 2")
        if s["seed"] is not None or s["draws"]:
            raise Failure(seq, f"a reveal after session {s['seq']}'s seed was revealed")
        seed = bytes.fromhex(need(seq, f, "seed", HEX64.pattern))
        if b2(seed) != s["commit"]:
            raise Failure(seq, "the seed does not hash to the session's commit")
        s["seed"] = seed

    # -- forfeit ----------------------------------------------------------
    def forfeit(self, seq, f):
        """log(5) Records: forfeit.  It names a draw that stands, with that
        draw's id and name; the draw no longer stands, and its winner is out of
        every later draw (raffle(1) --forfeit), even with repeat yes."""
        self.current(seq, "forfeit")
        target = number(seq, f, "draw")
        d = self.draws.get(target)
        if d is None or not d["stands"]:
            raise Failure(seq, f"forfeit of {target}, which is not a draw that stands")
        for key in ("id", "name"):
            if need(seq, f, key) != d[key]:
                raise Failure(seq, f"forfeit {key} '{f[key]}', but draw {target} has '{d[key]}'")
        d["stands"] = False
        self.forfeited.add(d["key"])
        self.wins[d["key"]] -= 1
        self.standing[d["prize"]] -= 1

    # -- draw -------------------------------------------------------------
    def draw(self, seq, f):
        """log(5) Records: draw.  Its place in the chain of secrets, then,
        with the rosters, the draw recomputed."""
        s = self.current(seq, "draw")
        d = {"seq": seq, "prize": need(seq, f, "prize"), "id": need(seq, f, "id"),
             "name": need(seq, f, "name"), "tickets": number(seq, f, "tickets"),
             "pool": number(seq, f, "pool"), "ticket": number(seq, f, "ticket"),
             "stands": True, "replaced": False, "session": s}
        d["key"] = id_key(d["id"])
        if not d["ticket"] < d["pool"]:
            raise Failure(seq, f"ticket {d['ticket']} is not below pool {d['pool']}")
        replaces = None
        if "replaces" in f:     # names a forfeited draw not replaced yet
            replaces = self.draws.get(number(seq, f, "replaces"))
            if replaces is None or replaces["stands"] or replaces["replaced"]:
                raise Failure(seq, f"replaces {f['replaces']}, which is not a forfeited draw "
                                   "not replaced yet")
        # log(5) The secrets: step k = draws so far + 1 <= N, and
        # BLAKE2b-256(s_k) = s_(k-1) (s_0 being the commit).
        if s["protocol"] == 2:
            if s["witness"] is None:
                raise Failure(seq, f"a draw before session {s['seq']}'s witness record")
            step = number(seq, f, "step")
            if step != s["draws"] + 1 or step > s["steps"]:
                raise Failure(seq, f"step {step}, expected {s['draws'] + 1} "
                                   f"(of at most {s['steps']})")
            secret = bytes.fromhex(need(seq, f, "secret", HEX64.pattern))
            if b2(secret) != s["last"]:
                raise Failure(seq, "the secret does not hash to the session's previous secret"
                              if step > 1 else "the secret does not hash to the session's commit")
            s["last"] = secret
            key = draw_key_v2(secret, s["witness"])
        else:
            if s["seed"] is None:
                raise Failure(seq, f"a draw before session {s['seq']}'s reveal record")
            key = draw_key_v1(s["seed"], seq, s["witness"])
        if self.rosters:      # log(5) Checking a log: recompute the draw
            prize, pool, ticket, p = self.expected(seq, s, replaces, key)
            for field, want in (("prize", prize), ("pool", pool), ("ticket", ticket),
                                ("id", p["id"]), ("name", p["name"]), ("tickets", p["weight"])):
                if d[field] != want:
                    raise Failure(seq, f"{field} is '{d[field]}', but the draw gives '{want}' "
                                       f"(prize '{prize}', ticket {ticket} of {pool}: "
                                       f"{p['id']}, {p['name']}, {p['weight']} tickets)")
            self.count["recomputed"] += 1
        # The draw stands: record it.
        s["draws"] += 1
        if replaces:
            replaces["replaced"] = True
        self.draws[seq] = d
        self.wins[d["key"]] = self.wins.get(d["key"], 0) + 1
        self.standing[d["prize"]] = self.standing.get(d["prize"], 0) + 1
        self.met[d["prize"]] = max(self.met.get(d["prize"], 0), self.standing[d["prize"]])

    def session_inputs(self, seq, s):
        """The roster and prize table the session recorded (found once)."""
        if "people" not in s:
            roster = next((r for r in self.rosters if r.hash == s["roster"]
                           and r.digest == s["digest"]), None)
            if roster is None:
                raise Failure(seq, f"session {s['seq']} drew from the roster {s['roster'][:16]}... "
                                   f"read as {s['digest'][:16]}..., which no -i gives "
                                   "(same file and column options)")
            if (roster.tickets, len(roster.people)) != (s["tickets"], s["entries"]):
                raise Failure(s["seq"], "entries or tickets differ from the roster's")
            s["people"], s["table"] = roster.people, None
            if s["prizes"] != "none":
                s["table"] = next((t for t in self.tables if t.hash == s["prizes"]), None)
                if s["table"] is None:
                    raise Failure(seq, f"session {s['seq']} drew with the prize table "
                                       f"{s['prizes'][:16]}..., which no -p gives")
        return s["people"], s["table"]

    def expected(self, seq, s, replaces, key):
        """log(5) Who is eligible, for which prize; The draw.  Returns the
        prize due, the pool P, the ticket T and the person holding T."""
        people, table = self.session_inputs(seq, s)

        def pool_for(group):
            # Weight above 0, never forfeited, no draw that stands unless the
            # session's repeat is yes, and in the prize's group if it has one.
            return [p for p in people if p["weight"] > 0
                    and p["key"] not in self.forfeited
                    and (s["repeat"] or not self.wins.get(p["key"]))
                    and (group is None or (p["group"] is not None
                                           and ascii_lower(p["group"]) == ascii_lower(group)))]

        def left(name, quantity):
            return self.standing.get(name, 0) < quantity

        if replaces:        # for the prize of the draw it replaces, while it has a draw to give
            prize = replaces["prize"]
            if table:
                entry = table.get(prize)
                if entry is None:
                    raise Failure(seq, f"a replacement for '{prize}', which is not in the "
                                       "prize table (history, never drawn)")
                quantity, group = entry[1], entry[2]
            else:
                quantity, group = self.met[prize], None
            if not left(prize, quantity):
                raise Failure(seq, f"'{prize}' has no draw left to give")
        elif table:         # the first prize in table order not fully drawn that someone can win
            entry = next((p for p in table.prizes if left(p[0], p[1]) and pool_for(p[2])), None)
            if entry is None:
                raise Failure(seq, "a draw when no prize in the table is left for anyone eligible")
            prize, group = entry[0], entry[2]
        else:               # generic draws: the first prize met not fully drawn, else a new 'Draw n'
            prize = next((name for name, q in self.met.items() if left(name, q)), None)
            if prize is None:
                n = len(self.met) + 1
                while f"Draw {n}" in self.met:
                    n += 1
                prize = f"Draw {n}"
            group = None
        eligible = pool_for(group)
        pool = sum(p["weight"] for p in eligible)
        if pool == 0:
            raise Failure(seq, f"a draw for '{prize}', for which nobody was eligible")
        ticket = draw_ticket(key, pool)
        rest = ticket
        for p in eligible:          # tickets counted in roster order
            if rest < p["weight"]:
                return prize, pool, ticket, p
            rest -= p["weight"]

    # -- the whole log ----------------------------------------------------
    def run(self, data):
        for seq, kind, fields, digest in read_log(self.path, data):
            if seq == 1 and kind != "session":
                raise Failure(seq, "the log does not start with a session record")
            getattr(self, kind)(seq, fields)
            self.count[kind] += 1
            self.count["records"] = seq
            self.head = (seq, digest.hex())
            self.hashes[seq] = digest.hex()


# ----------------------------------------------------------------------------
# Self-test (RFC 8439 and the worked example of raffle.log(5))

def self_test():
    ok = True

    def check(what, got, want):
        nonlocal ok
        print(f"{'ok  ' if got == want else 'FAIL'} {what}")
        ok &= got == want

    # RFC 8439 section 2.3.2: the block function test vector.
    check("RFC 8439 2.3.2 ChaCha20 block",
          chacha20_block(bytes(range(32)), 1, bytes.fromhex("000000090000004a00000000")).hex(),
          "10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e"
          "d2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e")
    # RFC 8439 section 2.4.2: encryption with counter 1 (114 bytes, two blocks).
    text = (b"Ladies and Gentlemen of the class of '99: If I could offer you only "
            b"one tip for the future, sunscreen would be it.")
    nonce = bytes.fromhex("000000000000004a00000000")
    stream = chacha20_block(bytes(range(32)), 1, nonce) + chacha20_block(bytes(range(32)), 2, nonce)
    check("RFC 8439 2.4.2 ChaCha20 encryption",
          bytes(a ^ b for a, b in zip(text, stream)).hex(),
          "6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b"
          "f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8"
          "07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736"
          "5af90bbf74a35be6b40b8eedf2785e42874d")
    # raffle.log(5) EXAMPLES, step by step.
    secret = bytes.fromhex("209640970efe3cd0a5b1f3de8770a4a2f086982edf1a318703b59b7639a43655")
    check("example: the secret hashes to the commit", b2(secret).hex(),
          "a7273435c5638f29f678c87e697a4d86aff119b962c5d05815f41b2ec67dfe17")
    check("example: W", b2(b"red balloon").hex(),
          "5e26241ae559e42b22957c4e922fe1dff4ad9677f3fad17ae42695e73d93a918")
    key = draw_key_v2(secret, "red balloon")
    check("example: key", key.hex(),
          "e00d1b743c1f54d426e305748f39dff571e43a0d71a35292d411134f9db3e14b")
    check("example: stream", chacha20_block(key, 0, b"LibsodiumDRG")[:24].hex(),
          "ecb19f44381e576236f389a2299eb37ea38f4f334a893f9c")
    words = stream_words(key)
    check("example: words", [next(words) for _ in range(3)],
          [7086165765709083116, 9129814771267924790, 11258868545230966691])
    check("example: L and T for pool 46", ((1 << 64) % 46, draw_ticket(key, 46)), (6, 14))
    check("example: T for pool 2^63 + 1", draw_ticket(key, (1 << 63) + 1), 2035496508376190882)
    weights = [1, 2, 1, 1, 3, 1, 1, 2, 1, 1, 1]      # p001..p011 of the sample roster
    check("example: ticket 14 is p011's", sum(weights[:10]) <= 14 < sum(weights), True)
    print("self-test:", "ok" if ok else "FAILED")
    return 0 if ok else 1


# ----------------------------------------------------------------------------
# The command line

def main(argv):
    ap = argparse.ArgumentParser(
        prog="raffle-verify.py",
        description="Check a raffle result log (raffle.log(5)); with -i, recompute every draw.")
    ap.add_argument("-i", "--import", dest="rosters", action="append", default=[],
                    metavar="ROSTER", help="a roster the log's sessions used (repeatable)")
    ap.add_argument("-p", "--prizes", dest="tables", action="append", default=[],
                    metavar="PRIZES", help="a prize table the log's sessions used (repeatable)")
    ap.add_argument("--delimiter", choices=sorted(DELIMITERS), metavar="C",
                    help="',' ';' '|' or 'tab' (default: found from the first line)")
    ap.add_argument("--no-header", action="store_true", help="the first row is a participant")
    for col in ("name", "id", "weight", "group"):
        ap.add_argument(f"--{col}-column", metavar="COL",
                        help=f"the {col} column, a header or a number from 1, as for raffle")
    ap.add_argument("--encoding", metavar="NAME", help="the rosters' encoding (default UTF-8)")
    ap.add_argument("--expect-commit", metavar="HEX",
                    help="fail unless a session committed to a commitment beginning with HEX")
    ap.add_argument("--expect-head", metavar="SEQ:HEX",
                    help="fail unless record SEQ's hash begins with HEX")
    ap.add_argument("--self-test", action="store_true",
                    help="check ChaCha20 against RFC 8439 and the manual's worked example")
    ap.add_argument("log", nargs="?", metavar="LOG", help="the result log (raffle.log)")
    opts = ap.parse_args(argv)
    if opts.self_test:
        return self_test()
    if not opts.log:
        ap.error("no LOG given")
    if opts.expect_commit and not re.fullmatch(r"[0-9a-fA-F]{8,64}", opts.expect_commit):
        ap.error("--expect-commit needs 8 to 64 hex digits")
    if opts.expect_head and not re.fullmatch(r"0*[1-9][0-9]*:[0-9a-fA-F]{1,64}", opts.expect_head):
        ap.error("--expect-head needs SEQ:HEX")
    if opts.tables and not opts.rosters:
        ap.error("-p needs the roster (-i) it was drawn with")
    try:
        rosters = [Roster(path, opts) for path in opts.rosters]
        tables = [PrizeTable(path, opts) for path in opts.tables]
        with open(opts.log, "rb") as f:
            data = f.read()
    except InputError as e:
        print(f"raffle-verify: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"raffle-verify: {opts.log}: {e.strerror}", file=sys.stderr)
        return 2
    v = Verifier(opts.log, rosters, tables)
    try:
        v.run(data)
        last = v.count["records"]
        if opts.expect_commit:      # raffle(1) --expect-commit
            commit = opts.expect_commit.lower()
            hits = [s for s in v.sessions if s["commit"].hex().startswith(commit)]
            if not hits:
                raise Failure(last, f"no session committed to {commit}")
        if opts.expect_head:        # raffle(1) --expect-head
            seq, head = opts.expect_head.split(":")
            seq, head = int(seq), head.lower()
            if seq not in v.hashes:
                raise Failure(last, f"there is no record {seq}; the log ends at record {last}")
            if not v.hashes[seq].startswith(head):
                raise Failure(seq, f"record {seq}'s hash is {v.hashes[seq]}, not {head}...")
    except Failure as e:
        print(f"raffle-verify: {opts.log}:{e.line}: {e}", file=sys.stderr)
        return 1
    c = v.count
    print(f"log:        {opts.log}")
    def many(n, word):
        return f"{n} {word}" + ("" if n == 1 else "s")
    print(f"records:    {c['records']} ({many(c['session'], 'session')}, "
          f"{many(c['draw'], 'draw')}, {many(c['forfeit'], 'forfeit')})")
    print("chain:      every hash holds")
    print("secrets:    every draw's secret (or seed) follows from its session's commitment")
    if rosters:
        print(f"recomputed: {c['recomputed']} of {c['draw']} draws")
    if opts.expect_commit:
        under = sum(1 for d in v.draws.values() if d["session"] in hits)
        print(f"commit:     {commit}... as expected, with {under} draws "
              f"under it, {c['draw'] - under} under other sessions")
    if opts.expect_head:
        print(f"expected:   record {seq} begins {head}, as expected")
    rehearsals = sum(s["rehearsal"] for s in v.sessions)
    if rehearsals:
        print(f"rehearsal:  {rehearsals} of the sessions are rehearsals, not the real draw")
    print(f"head:       #{v.head[0]} {v.head[1]}" if v.head else "head:       none (the log is empty)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
