/*
 * view-witness.c: before the first draw of a session, the room sees the
 * commitment, and then gives the witness: words called out, dice rolled, a
 * lottery number read from a phone. What is typed here is recorded in its
 * own record after the commitment, so nothing in this run could have
 * chosen the commitment knowing it. The audience's screen shows the same
 * commitment, and waits for the witness the emcee types.
 */
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "ui.h"

/* Every word this view shows. */
#define W_BEFORE	_("Before the first draw")
#define W_FINGERPRINT	_("Draw fingerprint, photograph this:")
#define W_ASK		_("Now the witness: words from the room, dice, a " \
			    "lottery number")
#define W_HOW		_("Type it and press Enter (Enter alone: no witness)")
#define W_WAIT		_("Now the witness: words from the room, dice, a " \
			    "lottery number, given to the emcee")

void
witness_paint(struct ui *ui)
{
	char	hex[65], line[128], shown[300];
	size_t	w, max = (size_t)ui->cols - 8, off = 0;
	int	y = ui->rows / 2 - 5;

	if (y < 1)
		y = 1;
	ui_center(ui, y, ROLE_TITLE, W_BEFORE);
	if (ui->continues[0] != '\0')
		y += ui_center_lines(ui, y + 1, ROLE_DIM, ui->continues, 0);
	y += 2;
	ui_center(ui, y++, ROLE_NORMAL, W_FINGERPRINT);
	hex_encode(hex, ui->s->commit, 32);
	snprintf(line, sizeof line, "%.8s %.8s %.8s %.8s", hex, hex + 8,
	    hex + 16, hex + 24);
	ui_center(ui, y++, ROLE_PRIZE, line);
	snprintf(line, sizeof line, "%.8s %.8s %.8s %.8s", hex + 32, hex + 40,
	    hex + 48, hex + 56);
	ui_center(ui, y++, ROLE_PRIZE, line);
	y++;
	if (ui->o->follow) {
		ui_center(ui, y, ROLE_NORMAL, W_WAIT);
		ui_head(ui);
		return;
	}
	ui_center(ui, y++, ROLE_NORMAL, W_ASK);
	/* The end of what is typed, when it is wider than the screen. */
	while (text_width(ui->witness + off, ui->witness_len - off) + 1 > max &&
	    off < ui->witness_len) {
		uint32_t	cp;

		off += utf8_decode(ui->witness + off, ui->witness_len - off, &cp);
	}
	snprintf(shown, sizeof shown, "%.*s_", (int)(ui->witness_len - off),
	    ui->witness + off);
	w = text_width(shown, strlen(shown));
	ui_put(ui, ++y, (int)layout_center(w, (size_t)ui->cols), ROLE_WINNER,
	    shown, max);
	y += 2;
	ui_center(ui, y, ROLE_DIM, W_HOW);
	ui_head(ui);
}

/* Take the last character off what is typed. */
static void
witness_erase(struct ui *ui)
{
	while (ui->witness_len > 0) {
		ui->witness_len--;
		if (((unsigned char)ui->witness[ui->witness_len] & 0xc0) != 0x80)
			break;
	}
	ui->witness[ui->witness_len] = '\0';
}

void
witness_key(struct ui *ui, wint_t ch, int code)
{
	struct fault	f;
	char		buf[4];
	size_t		n;

	if (code) {
		if (ch == KEY_BACKSPACE)
			witness_erase(ui);
		else if (ch == KEY_ENTER)
			goto record;
		return;
	}
	switch (ch) {
	case '\r':
	case '\n':
		goto record;
	case 0x7f:
	case 0x08:
		witness_erase(ui);
		return;
	case 0x15:		/* Ctrl-U */
		ui->witness_len = 0;
		ui->witness[0] = '\0';
		return;
	}
	if (ch < 0x20 || (ch >= 0x7f && ch < 0xa0) || ch > 0x10ffff ||
	    (ch >= 0xd800 && ch <= 0xdfff))
		return;
	n = utf8_encode((uint32_t)ch, buf);
	if (ui->witness_len + n + 1 >= sizeof ui->witness)
		return;
	memcpy(ui->witness + ui->witness_len, buf, n);
	ui->witness_len += n;
	ui->witness[ui->witness_len] = '\0';
	return;
record:
	if (session_witness(ui->s, ui->witness, &f) != 0) {
		ui_fail(ui, &f);
		return;
	}
	ui->view = VIEW_START;
	/* The Enter that recorded it must not draw too. */
	ui->quiet_from = ui->now;
}
