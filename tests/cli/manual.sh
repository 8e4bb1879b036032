#!/bin/sh
# The manual, doc/coopdesk.1: it renders without a warning, names every
# command `coopdesk --help` lists and every option it lists, and every
# command's own --help works; `make install` puts it where man finds it.
. "$(dirname "$0")/lib.sh"
PAGE="$(dirname "$0")/../../doc/coopdesk.1"

if LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$PAGE" > "$TMP/warn" 2>&1 && [ ! -s "$TMP/warn" ]; then
	ok "the manual renders without a warning"
else
	not_ok "groff warns: $(head -3 "$TMP/warn")"
fi
MANWIDTH=200 man -l "$PAGE" 2>/dev/null > "$TMP/page"
contains "it renders through man" "$TMP/page" "run a fully mutual housing co-operative"

"$BIN" --help > "$TMP/help"
# The commands: the first word of each line under "Commands:".
sed -n '/^Commands:/,/^$/p' "$TMP/help" | sed -n 's/^  \([a-z][a-z-]*\).*/\1/p' > "$TMP/commands"
[ -s "$TMP/commands" ] && ok "--help lists $(wc -l < "$TMP/commands") commands" \
	|| not_ok "no commands found in --help"
while read -r cmd; do
	grep -q "^\.B.* $cmd\|^\.B $cmd\|^\.BR $cmd " "$PAGE" \
		&& ok "the manual describes '$cmd'" || not_ok "the manual lacks the command '$cmd'"
	"$BIN" "$cmd" --help > /dev/null 2>&1 && ok "'$cmd --help' works" \
		|| not_ok "'$cmd --help' fails"
done < "$TMP/commands"
# The options: each --long one in --help's Options.
sed -n '/^Options:/,$p' "$TMP/help" | grep -o -- '--[a-z][a-z-]*' | sort -u > "$TMP/options"
while read -r opt; do
	grep -qF -- "$(echo "$opt" | sed 's/-/\\-/g')" "$PAGE" \
		&& ok "the manual describes $opt" || not_ok "the manual lacks the option $opt"
done < "$TMP/options"
grep -q 'install -m 0644 doc/coopdesk.1 $(DESTDIR)$(MANDIR)/man1/coopdesk.1' \
	"$(dirname "$0")/../../Makefile" && ok "make install puts it in man1" \
	|| not_ok "make install does not install the manual"
finish
