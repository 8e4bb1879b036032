/*
 * tests/helpers/enospc.c: a full disk, for tests (LD_PRELOAD). Writes
 * through write() and pwrite64() to files whose path contains
 * $ENOSPC_MATCH succeed until $ENOSPC_AFTER bytes have been written to
 * them in all; after that each fails with ENOSPC, as on a full disk.
 * Writes to anything else (the terminal, pipes, other files) pass.
 *
 *	cc -shared -fPIC -o enospc.so tests/helpers/enospc.c -ldl
 *	ENOSPC_MATCH=.db ENOSPC_AFTER=20000 LD_PRELOAD=./enospc.so coopdesk ...
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static long long written;

/* Does fd name a file whose path contains $ENOSPC_MATCH? */
static int matches(int fd)
{
	const char *match = getenv("ENOSPC_MATCH");
	char link[64], path[PATH_MAX];
	if (!match || !*match)
		return 0;
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	ssize_t n = readlink(link, path, sizeof path - 1);
	if (n < 0)
		return 0;
	path[n] = '\0';
	return strstr(path, match) != NULL;
}

/* How much of `count` bytes may still be written: all, some, or none. */
static size_t room(int fd, size_t count)
{
	if (!matches(fd))
		return count;
	const char *after = getenv("ENOSPC_AFTER");
	long long limit = after ? atoll(after) : 0;
	if (written >= limit)
		return 0;
	if ((long long)count > limit - written)
		count = (size_t)(limit - written);
	written += (long long)count;
	return count;
}

ssize_t write(int fd, const void *buf, size_t count)
{
	static ssize_t (*real)(int, const void *, size_t);
	if (!real)
		real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
	size_t n = count ? room(fd, count) : 0;
	if (count && !n) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd, buf, n);
}

ssize_t pwrite64(int fd, const void *buf, size_t count, off64_t off)
{
	static ssize_t (*real)(int, const void *, size_t, off64_t);
	if (!real)
		real = (ssize_t (*)(int, const void *, size_t, off64_t))dlsym(RTLD_NEXT, "pwrite64");
	size_t n = count ? room(fd, count) : 0;
	if (count && !n) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd, buf, n, off);
}
