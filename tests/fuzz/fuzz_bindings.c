/* libFuzzer target for the key-to-action table (src/ui/bindings.c): a
 * keys file, then a run of keys pressed on screens that offer different
 * actions.
 *
 * The input is the keys file, a line "--", then key names ("q", "^X",
 * "<Enter>", ...). Each bad line of the file is kept with a line number in
 * range and words fit for the screen, at most KEYS_PROBLEMS_MAX. Each key
 * pressed gives no action or one that acts on that screen (a screen's own
 * before a global one) and that is bound to that key; the key's name is
 * among the keys the help shows for it. Every action keeps a name. */
#define _GNU_SOURCE /* memfd_create */
#include <stdarg.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../../src/ui/ui.h"
#include "coopdesk/text.h"
#include "fuzz_common.h"

static unsigned screen_seed;

/* A screen that offers some of the actions: which, from the input. */
int ui_acts(struct app *app, struct screen *s, enum action a)
{
	(void)app;
	(void)s;
	return a > ACT_NONE && a < ACT_COUNT && ((unsigned)a * 2654435761u + screen_seed) % 5 != 0;
}

static int messages;

void app_message(struct app *app, int style, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	(void)app;
	(void)style;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	CHECK(strlen(buf) > 0);
	messages++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int fd = -1;
	static char path[64];
	static struct ui_options opt;
	static struct app app;
	char *text = fuzz_text(data, size);
	char *keys = strstr(text, "\n--\n");
	size_t conf_len = keys ? (size_t)(keys - text) + 1 : strlen(text);

	if (fd < 0) {
		fd = memfd_create("keys", 0);
		CHECK(fd >= 0);
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	}
	CHECK(ftruncate(fd, 0) == 0);
	CHECK(pwrite(fd, text, conf_len, 0) == (ssize_t)conf_len);
	opt.keys_file = path;
	memset(&app, 0, sizeof app);
	app.opt = &opt;
	messages = 0;
	screen_seed = size ? data[0] : 0;

	int lines = 1;
	for (size_t i = 0; i + 1 < conf_len; i++)
		lines += text[i] == '\n';
	int errors = bindings_init(&app);
	CHECK(errors >= 0);
	CHECK(app.nkeys_problems >= 0 && app.nkeys_problems <= KEYS_PROBLEMS_MAX);
	CHECK((errors > 0) == (messages > 0));
	for (int i = 0; i < app.nkeys_problems; i++) {
		CHECK(app.keys_problems[i].line >= 1 && app.keys_problems[i].line <= lines);
		CHECK(i == 0 || app.keys_problems[i].line >= app.keys_problems[i - 1].line);
		fuzz_check_words(app.keys_problems[i].text, sizeof app.keys_problems[i].text);
	}

	const char *p = keys ? keys + 4 : "";
	const char *end = p + strlen(p);
	while (p < end) {
		int32_t key;
		const char *next = NULL;
		if (key_parse_len(p, (size_t)(end - p), &key, &next) == 0) {
			enum action a = bindings_lookup(&app, NULL, key);
			CHECK(a >= ACT_NONE && a < ACT_COUNT);
			if (a != ACT_NONE) {
				int32_t bound[64];
				int n = bindings_of(a, bound, 64), found = 0;
				CHECK(ui_acts(&app, NULL, a));
				for (int i = 0; i < n; i++)
					found |= bound[i] == key;
				CHECK(found || n == 64);
				char shown[512], name[KEY_NAME_MAX];
				bindings_keys(a, shown, sizeof shown);
				CHECK(key_format(key, name, sizeof name) != NULL);
				CHECK(strstr(shown, name) != NULL || strlen(shown) > sizeof shown - 40);
				CHECK(action_table[a].name[0] != '\0');
			}
		}
		CHECK(next > p && next <= end);
		p = next;
	}
	free(text);
	return 0;
}
