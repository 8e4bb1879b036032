#!/bin/sh
# doc/security.md's role table against the program's: `coopdesk roles`
# prints the table from access_level() (src/db/access.c), and every row
# and cell of the documented table must say the same. The documented
# format (doc/security.md, "What each role can do"): the line starting
# "| area |", a line of dashes, then one row per area, each cell all, own
# or none, up to the first line that does not start with "|".
. "$(dirname "$0")/lib.sh"
DOC="$(dirname "$0")/../../doc/security.md"

# table FILE: the table found in FILE, one row a line, cells separated by
# "|" with no spaces around them, the line of dashes left out.
table() {
	awk '/^\| *area *\|/ { on = 1 }
	     on && !/^\|/ { exit }
	     on && !/^\|[-|: ]*$/ { print }' "$1" |
		sed -e 's/^| *//' -e 's/ *|$//' -e 's/ *| */|/g'
}

# compare DOC_TABLE PROGRAM_TABLE LABEL: an ok/not ok line per area and
# for the heading, naming each cell that differs; returns 1 if any did.
compare() {
	bad=0
	head_doc=$(sed -n 1p "$1")
	head_prog=$(sed -n 1p "$2")
	if [ "$head_doc" = "$head_prog" ]; then ok "$3: the heading"; else
		not_ok "$3: the heading is '$head_doc'; coopdesk roles says '$head_prog'"
		bad=1
	fi
	sed 1d "$2" > "$TMP/prog.rows"
	while IFS= read -r row; do
		area=${row%%|*}
		doc_row=$(sed 1d "$1" | awk -F'|' -v a="$area" '$1 == a')
		if [ -z "$doc_row" ]; then
			not_ok "$3: $area is missing from the table"
			bad=1
			continue
		fi
		if [ "$doc_row" = "$row" ]; then ok "$3: $area"; continue; fi
		# Name each differing cell: "member write says all, coopdesk says none".
		why=$(printf '%s\n%s\n' "$head_prog" "$doc_row" | awk -F'|' -v prog="$row" '
			NR == 1 { for (i = 2; i <= NF; i++) h[i] = $i; next }
			{ n = split(prog, p, "|")
			  for (i = 2; i <= n || i <= NF; i++)
				if ($i != p[i]) printf "%s%s: the doc says %s, coopdesk says %s",
					sep, h[i], ($i == "" ? "nothing" : $i), p[i]; sep = "; " }')
		not_ok "$3: $area ($why)"
		bad=1
	done < "$TMP/prog.rows"
	extra=$(sed 1d "$1" | cut -d'|' -f1 | while IFS= read -r a; do
		grep -q "^$a|" "$TMP/prog.rows" || echo "$a"; done)
	if [ -n "$extra" ]; then
		not_ok "$3: the table has rows coopdesk does not know: $(echo $extra)"
		bad=1
	else
		ok "$3: no rows beyond the program's"
	fi
	return $bad
}

expect "coopdesk roles prints the role table" 0 "$BIN" roles
table "$TMP/out" > "$TMP/prog.table"
same_n=$(wc -l < "$TMP/prog.table" | tr -d ' ')
[ "$same_n" -eq 15 ] && ok "a heading and 14 areas" || not_ok "coopdesk roles gave $same_n lines"
lacks "coopdesk roles is not in the usage (it is for tests)" "$TMP/out" "usage"
"$BIN" --help > "$TMP/help" 2>&1
lacks "and --help does not list it" "$TMP/help" "roles"
grep -Evq '^\|( [a-z ]+ \|)+$|^\|(-+\|)+$' "$TMP/out" &&
	not_ok "coopdesk roles printed something that is not the table" ||
	ok "coopdesk roles prints only the table"
cells=$(sed 1,2d "$TMP/out" | cut -d'|' -f3- | tr '|' '\n' | tr -d ' ' | sort -u | tr '\n' ' ')
[ "$cells" = " all none own " ] && ok "its cells are all, own or none" ||
	not_ok "its cells are: $cells"

[ -f "$DOC" ] && ok "doc/security.md exists" || { not_ok "no $DOC"; finish; }
table "$DOC" > "$TMP/doc.table"
compare "$TMP/doc.table" "$TMP/prog.table" "doc/security.md agrees with coopdesk roles"

# The comparison itself can fail: one cell changed, one row dropped.
sed 's/^\(| repairs *| *\)own /\1all /' "$DOC" > "$TMP/changed.md"
table "$TMP/changed.md" > "$TMP/changed.table"
if (compare "$TMP/changed.table" "$TMP/prog.table" "self-test") > "$TMP/self" 2>&1; then
	not_ok "a changed cell goes unnoticed"
else
	contains "a changed cell is noticed and named" "$TMP/self" \
		"repairs (member read: the doc says all, coopdesk says own)"
fi
grep -v '^| settings ' "$DOC" > "$TMP/dropped.md"
table "$TMP/dropped.md" > "$TMP/dropped.table"
if (compare "$TMP/dropped.table" "$TMP/prog.table" "self-test") > "$TMP/self" 2>&1; then
	not_ok "a missing row goes unnoticed"
else
	contains "a missing row is noticed" "$TMP/self" "settings is missing from the table"
fi
finish
