/*
 * src/cli/password_prompt.c: reading a new password at the command line.
 *
 * On a terminal the password is typed on /dev/tty with echo off. While echo
 * is off, SIGINT, SIGTERM, SIGHUP and SIGQUIT are caught by a handler that
 * puts the terminal back as it was and then dies of the same signal (so
 * the shell sees the usual status), and SIGTSTP (Ctrl-Z) puts the terminal
 * back before stopping and turns echo off again on return. Without a
 * terminal, one line is read from stdin: that is how scripts and tests give
 * a password (printf 'secret-pass\n' | coopdesk user passwd ann).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "coopdesk/cli.h"
#include "coopdesk/password.h"

#define TRIES 3

/* What the signal handlers need: the terminal and its settings. */
static volatile sig_atomic_t echo_fd = -1;
static struct termios echo_saved, echo_off;

static const int caught[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP };
#define NCAUGHT (sizeof caught / sizeof caught[0])

static void restore_and_die(int sig)
{
	int fd = echo_fd;
	if (fd >= 0) {
		tcsetattr(fd, TCSANOW, &echo_saved);
		ssize_t w = write(fd, "\n", 1);
		(void)w;
	}
	struct sigaction dfl;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(sig, &dfl, NULL);
	/* Delivered, with the default action, once this handler returns. */
	raise(sig);
}

static void restore_and_stop(int sig)
{
	(void)sig;
	int fd = echo_fd;
	if (fd >= 0)
		tcsetattr(fd, TCSANOW, &echo_saved);
	raise(SIGSTOP);
	/* Continued (fg): echo off again, the read carries on. */
	if (fd >= 0)
		tcsetattr(fd, TCSANOW, &echo_off);
}

/* Reads one line from fd into buf (n bytes) without its newline (nor a
 * "\r" before it). Returns 1 for a line (*too_long set when it did not
 * fit; the rest is read and dropped), 0 at end of input before any byte,
 * -1 on a read error. One byte at a time: nothing after the line is
 * taken from stdin. */
static int read_line(int fd, char *buf, size_t n, int *too_long)
{
	size_t len = 0;
	int any = 0;
	*too_long = 0;
	for (;;) {
		char c;
		ssize_t r = read(fd, &c, 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		any = 1;
		if (c == '\n')
			break;
		if (len + 1 < n)
			buf[len++] = c;
		else
			*too_long = 1;
	}
	if (len > 0 && buf[len - 1] == '\r')
		len--;
	buf[len] = '\0';
	return any ? 1 : 0;
}

static void say(int fd, const char *s)
{
	size_t len = strlen(s);
	while (len > 0) {
		ssize_t w = write(fd, s, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		len -= (size_t)w;
	}
}

/* Turns echo off on the terminal fd, with the signal handlers in place
 * (old: room for the handlers they replace). Returns 1 if it did (0: fd
 * is no terminal after all; nothing was changed). */
static int echo_stop(int fd, struct sigaction old[NCAUGHT])
{
	struct sigaction sa;
	if (tcgetattr(fd, &echo_saved) != 0)
		return 0;
	echo_off = echo_saved;
	echo_off.c_lflag &= (tcflag_t)~(ECHO | ECHOE | ECHOK);
	echo_off.c_lflag |= ECHONL;   /* Enter still moves to the next line */
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < NCAUGHT; i++) {
		sa.sa_handler = caught[i] == SIGTSTP ? restore_and_stop : restore_and_die;
		sa.sa_flags = caught[i] == SIGTSTP ? SA_RESTART : 0;
		sigaction(caught[i], &sa, &old[i]);
	}
	echo_fd = fd;
	/* TCSAFLUSH: what was typed before the prompt is not the password. */
	tcsetattr(fd, TCSAFLUSH, &echo_off);
	return 1;
}

/* Puts the terminal and the signal handlers back as echo_stop found them. */
static void echo_restore(int fd, const struct sigaction old[NCAUGHT])
{
	tcsetattr(fd, TCSANOW, &echo_saved);
	echo_fd = -1;
	for (size_t i = 0; i < NCAUGHT; i++)
		sigaction(caught[i], &old[i], NULL);
}

/* Asks `prompt` on ofd and reads the answer from fd. Returns what
 * read_line returns. */
static int ask(int fd, int ofd, const char *prompt, char *buf, size_t n, int *too_long)
{
	say(ofd, prompt);
	int rc = read_line(fd, buf, n, too_long);
	if (rc == 0)
		say(ofd, "\n");   /* Ctrl-D: no newline was echoed */
	return rc;
}

/* Why `pw` will not do, into why (n bytes); 1 if it will. */
static int acceptable(const char *pw, int too_long, char *why, size_t n)
{
	if (too_long) {
		snprintf(why, n, "a password can have at most %d characters", PASSWORD_MAX_CHARS);
		return 0;
	}
	return password_acceptable(pw, why, n);
}

static void no_password(const struct cli_ctx *ctx, const char *prog, const char *whose)
{
	fprintf(ctx->err, "%s: no password given for %s: type it at a terminal, or give it"
		" as one line on standard input (printf 'secret-pass\\n' | %s ...)\n",
		prog, whose, prog);
}

static int from_terminal(const struct cli_ctx *ctx, const char *prog, const char *whose,
			 int fd, int ofd, char *buf, size_t n)
{
	char again[CLI_PASSWORD_BUF], prompt[200], why[200], line[300];
	struct sigaction old[NCAUGHT];
	int too_long, rc = 1;
	snprintf(prompt, sizeof prompt, "New password for %s: ", whose);
	/* Echo stays off from the first prompt to the last answer, so that
	 * nothing typed ahead is shown or thrown away. */
	int quiet = echo_stop(fd, old);
	for (int tries = 1; tries <= TRIES; tries++) {
		int r = ask(fd, ofd, prompt, buf, n, &too_long);
		if (r <= 0) {
			if (r < 0)
				fprintf(ctx->err, "%s: cannot read from the terminal: %s\n",
					prog, strerror(errno));
			else
				fprintf(ctx->err, "%s: no password given for %s; nothing was changed\n",
					prog, whose);
			goto out;
		}
		if (!acceptable(buf, too_long, why, sizeof why)) {
			snprintf(line, sizeof line, "%s%s\n", why, tries < TRIES ? "; try again" : "");
			say(ofd, line);
			continue;
		}
		r = ask(fd, ofd, "Type it again: ", again, sizeof again, &too_long);
		if (r < 0) {
			fprintf(ctx->err, "%s: cannot read from the terminal: %s\n", prog,
				strerror(errno));
			goto out;
		}
		if (r == 0) {
			fprintf(ctx->err, "%s: no password given for %s; nothing was changed\n",
				prog, whose);
			goto out;
		}
		if (!too_long && strcmp(buf, again) == 0) {
			rc = 0;
			goto out;
		}
		say(ofd, tries < TRIES ? "the two passwords differ; try again\n"
				      : "the two passwords differ\n");
	}
	fprintf(ctx->err, "%s: no acceptable password after %d tries; nothing was changed\n",
		prog, TRIES);
out:
	if (quiet)
		echo_restore(fd, old);
	explicit_bzero(again, sizeof again);
	if (rc)
		explicit_bzero(buf, n);
	return rc;
}

int cli_read_password(const struct cli_ctx *ctx, const char *prog, const char *whose,
		      char *buf, size_t n)
{
	char why[200];
	int too_long;
	if (!buf || n < 2)
		return 1;
	buf[0] = '\0';
	if (isatty(STDIN_FILENO)) {
		int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
		/* No /dev/tty (odd, with a terminal on stdin): stdin and stderr. */
		int rc = from_terminal(ctx, prog, whose, fd >= 0 ? fd : STDIN_FILENO,
				       fd >= 0 ? fd : STDERR_FILENO, buf, n);
		if (fd >= 0)
			close(fd);
		return rc;
	}
	int r = read_line(STDIN_FILENO, buf, n, &too_long);
	if (r < 0) {
		fprintf(ctx->err, "%s: cannot read the password from standard input: %s\n", prog,
			strerror(errno));
		return 1;
	}
	if (r == 0 || (buf[0] == '\0' && !too_long)) {
		no_password(ctx, prog, whose);
		return 1;
	}
	if (!acceptable(buf, too_long, why, sizeof why)) {
		fprintf(ctx->err, "%s: %s\n", prog, why);
		explicit_bzero(buf, n);
		return 1;
	}
	return 0;
}
