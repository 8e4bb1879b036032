#!/bin/sh
# The crash loop's short form (doc/reliability.md "Crashes"): 2 SIGKILLs at
# random moments per write kind; `make torture` runs the long form.
# Under the sanitizers (COOPDESK_TEST_SHORTER, tests/run.sh) one kill per
# kind: the plain pass of make check has made two.
exec sh "$(dirname "$0")/../torture/crash.sh" "${CRASH_KILLS:-$([ -n "${COOPDESK_TEST_SHORTER:-}" ] && echo 1 || echo 2)}"
