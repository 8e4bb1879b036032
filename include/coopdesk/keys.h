/* keys.h: key codes, their names, and the key bindings file; nothing here
 * knows about curses (the UI turns curses' codes into these).
 *
 * A key is an int32_t:
 *  - a character key is its Unicode code point ('q', 0xE9 for 'é');
 *  - a control key is its code point 1..31 (Ctrl-A = 1, Ctrl-X = 24,
 *    Ctrl-[ = 27 ... Ctrl-_ = 31);
 *  - a named key (arrows, function keys...) is a CDK_* value above
 *    Unicode.
 * The terminal sends Tab, Enter, Escape and Backspace as control codes
 * (9, 13, 27, 8 or 127); the UI reports them as CDK_TAB, CDK_ENTER,
 * CDK_ESC and CDK_BACKSPACE, so bind <Tab>, not ^I.  NUL, DEL (127), the
 * C1 controls (U+0080..U+009F) and surrogates are not keys; neither are
 * CDK_RESIZE and CDK_NONE, which are events, not keys one can type.
 *
 * Key names (key_parse reads them, key_format writes the first form):
 *   q  é  李       a character stands for itself, in UTF-8
 *   <Space>        ' ' (a bare space is read too, but is easy to miss)
 *   <lt>           '<', which otherwise starts a name
 *   <Caret>        '^', which otherwise starts a control key
 *   ^X  <C-x>      Ctrl-X; the letter's case does not matter; also
 *                  ^[ ^\ ^] ^^ ^_ for codes 27..31
 *   <Up> <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End> <Enter> <Esc>
 *   <Tab> <BackTab> <Backspace> <Del> <Ins> <F1> ... <F12>
 *                  also read: <PageUp> <PageDown> <Return> <Escape>
 *                  <S-Tab> <BS> <Delete> <Insert>, and <Hash> for #
 *                  and <Colon> for : (a script line cannot start with
 *                  either as it is)
 * Names in <> are read in any case: <up>, <PGDN>, <LT>, <f1>.
 *
 * The key bindings file (e.g. ~/.config/coopdesk/keys):
 *
 *   # Lines that start with # are comments; blank lines are ignored,
 *   # and so are spaces at the start and end of a line.
 *   bind quit q ^Q
 *   bind down j <Down>
 *   bind page-down <Space> <PgDn>
 *
 * Each line is `bind ACTION KEY [KEY...]`: the word bind, an action name
 * of lower-case letters, digits and hyphens (at most 31 characters), then
 * one or more key names as above, separated by spaces or tabs.  Each key
 * is one word, so a space is written <Space>.  A # later in a line is not
 * a comment: `bind x #` binds the # key.  Lines may end in \n or \r\n.
 * A line that is wrong (another keyword, no key, a bad key name, a bad or
 * too long action name, one binding too many) is reported with its line
 * number and left out as a whole; the other lines still apply.  The file
 * does not list which actions exist: the UI checks the names and reports
 * the ones it does not know, with the line number kept in each binding.
 * When a key is bound on two lines, both bindings are returned in file
 * order; the UI lets the later one win. */
#ifndef COOPDESK_KEYS_H
#define COOPDESK_KEYS_H

#include <stddef.h>
#include <stdint.h>

enum {
	KEY_CD_BASE = 0x110000, /* one past the last Unicode code point */
	CDK_UP = KEY_CD_BASE,
	CDK_DOWN,
	CDK_LEFT,
	CDK_RIGHT,
	CDK_PGUP,
	CDK_PGDN,
	CDK_HOME,
	CDK_END,
	CDK_ENTER,
	CDK_ESC,
	CDK_TAB,
	CDK_BACKTAB,
	CDK_BACKSPACE,
	CDK_DELETE,
	CDK_INSERT,
	CDK_F1,
	CDK_F2,
	CDK_F3,
	CDK_F4,
	CDK_F5,
	CDK_F6,
	CDK_F7,
	CDK_F8,
	CDK_F9,
	CDK_F10,
	CDK_F11,
	CDK_F12,
	CDK_RESIZE, /* the terminal changed size: an event, not a key */
	CDK_PASTE_BEGIN, /* bracketed paste: what follows was pasted, */
	CDK_PASTE_END,   /* up to here (events, not keys) */
	CDK_MOUSE,  /* a click or the wheel (the UI keeps where): an event */
	CDK_NONE    /* no key (a read timed out): not a key */
};

/* Bytes that always hold a key name from key_format, with its NUL. */
#define KEY_NAME_MAX 16

/* 1 if key is a key as described above (one that has a name), else 0. */
int key_valid(int32_t key);

/* Parses one key name at the start of s and stores the key in *key.
 * Returns 0 and sets *end (if end is not NULL) just past the name.  On
 * -1 (an unknown or malformed name, bytes that are not UTF-8, a control
 * character or DEL typed as it is, an empty string, NULL s or key) *key
 * is left alone and *end points just past the bad piece, at least one
 * byte on unless s is empty, so that the caller can carry on or quote it.
 * Reads nothing past the NUL. */
int key_parse(const char *s, int32_t *key, const char **end);

/* key_parse for text that need not be NUL-terminated: reads at most len
 * bytes from s.  A NUL byte among them is an error, not the end. */
int key_parse_len(const char *s, size_t len, int32_t *key, const char **end);

/* Explains, in a sentence without a full stop, why key_parse_len(s, len)
 * fails, e.g. "<Foo> is not a key name (write <lt> for a < key)", and
 * writes it to buf (n bytes, always NUL-terminated when n > 0; cut short
 * if need be).  Any of the caller's text that it quotes is shortened and
 * has bytes that are not printable UTF-8 shown as '?', so the sentence is
 * safe to show on the screen.  If s does parse, buf gets "". */
void key_parse_error(const char *s, size_t len, char *buf, size_t n);

/* Writes the canonical name of key to buf (n bytes; KEY_NAME_MAX is
 * always enough) and returns buf: "q", "é", "<Down>", "^X", "<F1>",
 * "<Space>", "<lt>", "<Caret>".  key_parse reads it back as the same key.
 * Returns NULL (buf gets "" when n > 0) for a value that is not a key or
 * when n is too small.  (Not called key_name: curses has one.) */
const char *key_format(int32_t key, char *buf, size_t n);

/* Longest action name in a key bindings file, in bytes. */
#define KEY_ACTION_MAX 31

struct key_binding {
	char action[KEY_ACTION_MAX + 1]; /* [a-z0-9-]+, NUL-terminated */
	int32_t key;
	int line; /* the file's line it came from, 1-based */
};

/* Parses a key bindings file (format above) held in the NUL-terminated
 * text, storing up to max bindings (one per key, in file order) in out
 * and their number in *n.  Each bad line is passed to report (if not
 * NULL) with its 1-based line number, a sentence without a full stop such
 * as "<Dwn> is not a key name" (safe to show: see key_parse_error) and
 * arg; nothing of that line is stored.  Returns the number of bad lines,
 * so 0 means the whole file was good.  NULL text is an empty file; out
 * may be NULL when max is 0; n must not be NULL (returns -1 then). */
int keyconf_parse(const char *text, struct key_binding *out, int max, int *n,
                  void (*report)(int line, const char *message, void *arg), void *arg);

#endif
