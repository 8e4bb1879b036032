/* script.h: the file that `coopdesk --script FILE` plays instead of a
 * person at the keyboard, parsed into steps.  The caller reads the file;
 * this only parses text.
 *
 * The script is read line by line; lines end in \n or \r\n, and the last
 * line needs no line end.  Each line is one of:
 *
 *   # a comment        a line whose first character is # (a # later in a
 *                      line, or after a space, is a key)
 *                      an empty line does nothing
 *   :dump FILE         write the screen as text to FILE (the rest of the
 *                      line, spaces at either end left out; at most 255
 *                      bytes, no control characters)
 *   :resize COLSxROWS  make the screen COLS wide and ROWS high, e.g.
 *                      :resize 60x20 (each 1 to 1000)
 *   :sleep MS          wait MS milliseconds (0 to 10000); only for pacing
 *                      the tests that run the real terminal, never needed
 *                      to let the program catch up
 *   :quit              stop, as if the window were closed
 *   :paste KEYS        KEYS (written as on a keys line) arrive as a
 *                      bracketed paste: between CDK_PASTE_BEGIN and
 *                      CDK_PASTE_END, as a terminal sends pasted text
 *   :click ROW COL     a mouse click at that row and column of the
 *   :dblclick ROW COL  screen (from 0), or a double click
 *   :wheel up|down     the mouse wheel, a notch
 *   :wait FILE         wait until FILE exists (at most 10 s): a handshake
 *                      with a test that changes the database meanwhile
 *   anything else      keys, typed in order: each UTF-8 character is typed
 *                      as that key, and <Name>, ^X and <C-x> are the keys
 *                      that key names in keys.h name (<Enter>, <Esc>,
 *                      <Down>, <F1>, ^Q, <lt> for <, <Caret> for ^...)
 *
 * A command starts at the line's first character, in lower case; the
 * rest of its line is spaces and its argument.  In a keys line the line's
 * end is not a key: type <Enter> to press Enter.  Every character counts,
 * spaces too: `Smith ` types six keys, the last a space, and a line of
 * three spaces types three spaces.  Trailing spaces are easy to miss, so
 * write <Space> for a space that matters at the end of a line.  A tab or
 * other control character in a keys line is an error (write <Tab>), and
 * so are bytes that are not UTF-8 and a NUL byte.
 *
 *   # Find member 42 and look at them.
 *   :resize 80x24
 *   /Ó Súilleabháin<Enter>
 *   <Down><Down><Enter>
 *   :dump member.txt
 *   q:quit
 *
 * (the last line types q, :, q, u, i and t: a command starts a line).
 * To type # or : as the first key of a line, write <Hash> or <Colon>.
 * A script with any bad line runs not at all. */
#ifndef COOPDESK_SCRIPT_H
#define COOPDESK_SCRIPT_H

#include <stddef.h>
#include <stdint.h>

#define SCRIPT_MAX_BYTES (16u * 1024 * 1024) /* 16 MiB of text */
#define SCRIPT_MAX_STEPS 1000000
#define SCRIPT_MAX_SIZE 1000   /* columns or rows for :resize */
#define SCRIPT_MAX_SLEEP 10000 /* milliseconds for :sleep */

struct script_step {
	enum { STEP_KEY, STEP_DUMP, STEP_RESIZE, STEP_SLEEP, STEP_QUIT, STEP_MOUSE,
	       STEP_WAIT } kind;
	int32_t key;    /* STEP_KEY: a key as in keys.h (key_valid), or
	                 * CDK_PASTE_BEGIN / CDK_PASTE_END around a :paste */
	int cols, rows; /* STEP_RESIZE; STEP_MOUSE: where */
	int mouse;      /* STEP_MOUSE: 1 click, 2 double click, 3 wheel up, 4 down */
	int ms;         /* STEP_SLEEP */
	char path[256]; /* STEP_DUMP, STEP_WAIT: the file, NUL-terminated UTF-8 */
	int line;       /* the script's line it came from, 1-based */
};

/* Parses len bytes of script text (which may hold anything, NUL bytes
 * included).  On success returns 0, *steps is a new array of *n steps
 * (never NULL, even for no steps; the caller frees it with free()) and
 * err gets "".  On a bad line returns -1 with *steps NULL, *n 0 and err
 * (errlen bytes) a sentence such as "line 3: <Dwn> is not a key name";
 * any of the script's text it quotes is printable UTF-8.  The text may be
 * at most SCRIPT_MAX_BYTES (more is refused with a sentence that names no
 * line) and give at most SCRIPT_MAX_STEPS steps; more is an error too, as
 * is running out of memory.  NULL text is allowed when len is 0.  err may
 * be NULL or errlen 0 (no message then); NULL steps or n gives -1.
 * Memory: a step is about 280 bytes (its path), so 1000 keys take 280 kB
 * and the most steps 280 MB. */
int script_parse(const char *text, size_t len, struct script_step **steps, size_t *n,
                 char *err, size_t errlen);

#endif
