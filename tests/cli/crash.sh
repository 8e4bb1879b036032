#!/bin/sh
# The crash loop's short form (doc/reliability.md "Crashes"): 2 SIGKILLs at
# random moments per write kind; `make torture` runs the long form.
exec sh "$(dirname "$0")/../torture/crash.sh" "${CRASH_KILLS:-2}"
