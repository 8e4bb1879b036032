#!/bin/sh
# Text is inert on the command line: database text a command prints has
# its control characters and direction-changing marks shown as U+FFFD,
# never raw; names with them are refused on save, and init --name refuses
# an empty name, or one with them, making nothing.
. "$(dirname "$0")/lib.sh"
export LANG=C.UTF-8 TZ=UTC

DB="$TMP/coop.db"
sql() { sqlite3 "$DB" "$1"; }
ESC=$(printf '\033')
RLO=$(printf '\342\200\256')
REPL=$(printf '\357\277\275')
printf 'board-pass-1\n' > "$TMP/pw"

# ---- init --name ---------------------------------------------------------------------
expect "init --name '' is refused" 1 "$BIN" --db "$DB" init --name "" < "$TMP/pw"
contains "in words" "$TMP/err" "the co-op's name cannot be empty; nothing was made"
[ -e "$DB" ] && not_ok "and makes no file" || ok "and makes no file"
expect "init --name of spaces is refused" 1 "$BIN" --db "$DB" init --name "   " < "$TMP/pw"
contains "in words (spaces)" "$TMP/err" "the co-op's name cannot be empty"
[ -e "$DB" ] && not_ok "and makes no file (spaces)" || ok "and makes no file (spaces)"
expect "init --name with an escape is refused" 1 "$BIN" --db "$DB" init --name "Alder${ESC}[2J Street" < "$TMP/pw"
contains "in words (escape)" "$TMP/err" \
	"the co-op's name cannot contain control characters (such as escape, tab or a new line) or direction-changing marks"
lacks "without echoing the escape" "$TMP/err" "$ESC"
[ -e "$DB" ] && not_ok "and makes no file (escape)" || ok "and makes no file (escape)"
expect "init --name with a direction override is refused" 1 "$BIN" --db "$DB" init --name "Alder ${RLO}teertS" < "$TMP/pw"
contains "in words (override)" "$TMP/err" "direction-changing marks"
[ -e "$DB" ] && not_ok "and makes no file (override)" || ok "and makes no file (override)"
expect "init --name with a tab is refused" 1 "$BIN" --db "$DB" init --name "$(printf 'Alder\tStreet')" < "$TMP/pw"
[ -e "$DB" ] && not_ok "and makes no file (tab)" || ok "and makes no file (tab)"
expect "init with a good name" 0 "$BIN" --db "$DB" init --name "Zoë's Co-op" < "$TMP/pw"

# ---- names refused on save, in words, never echoed raw -----------------------------
printf 'ann-pass-123\n' > "$TMP/pw2"
expect "user add with an escape in the name is refused" 1 \
	"$BIN" --db "$DB" user add ann --role volunteer --name "Ann${ESC}[31mRed" < "$TMP/pw2"
contains "in words" "$TMP/err" "a display name cannot contain control characters"
lacks "without the escape" "$TMP/err" "$ESC"
lacks "without the escape on stdout" "$TMP/out" "$ESC"
expect "user add with an override is refused" 1 \
	"$BIN" --db "$DB" user add ann --role volunteer --name "Ann ${RLO}deR" < "$TMP/pw2"
lacks "without the override" "$TMP/err" "$RLO"
[ "$(sql "SELECT count(*) FROM users WHERE username = 'ann'")" = 0 ] &&
	ok "no account was made" || not_ok "an account was made"

# ---- what another program wrote is shown inert ------------------------------------
sql "UPDATE users SET display_name = 'Board${ESC}[2J${RLO}draoB' WHERE username = 'board'"
expect "user list" 0 "$BIN" --db "$DB" user list
lacks "user list shows no raw escape" "$TMP/out" "$ESC"
lacks "user list shows no raw override" "$TMP/out" "$RLO"
contains "but a replacement character for each" "$TMP/out" "Board${REPL}[2J${REPL}draoB"
expect "user disable (another board user first)" 0 "$BIN" --db "$DB" user add ann --role board < "$TMP/pw2"
expect "user disable" 0 "$BIN" --db "$DB" user disable board
lacks "user disable shows no raw escape" "$TMP/out" "$ESC"

sql "INSERT INTO members (uuid, member_no, name, sort_name, address, entered_on)
     VALUES ('00000000-0000-4000-8000-000000000002', 7, 'Ann${ESC}]0;pwned${ESC}\\ ${RLO}x', 'ann', '1 Mill Lane', '2020-01-01')"
expect "check names the member without a share" 1 "$BIN" --db "$DB" check
contains "by number" "$TMP/out" "member no. 7 (Ann${REPL}]0;pwned${REPL}\\ ${REPL}x)"
lacks "check shows no raw escape" "$TMP/out" "$ESC"
lacks "check shows no raw override" "$TMP/out" "$RLO"

# ---- hostile text in every register: inert in documents and exports -----------------
# Control characters, a screen-clearing escape, an OSC 52 clipboard write,
# a right-to-left override and a byte that is not UTF-8, written by another
# program into the text fields of each register; and cells a spreadsheet
# would run as formulas. No document or export carries any of them raw.
HDB="$TMP/hostile.db"
COOPDESK_TODAY=2026-11-22 COOPDESK_NOW=2026-11-22T12:00:00Z "$BIN" demo "$HDB" --seed 1 > "$TMP/demo.log" 2>&1 ||
	not_ok "the demo co-op for hostile text"
BAD="' || char(27) || '[2J' || char(27) || ']52;c;aGk=' || char(7) || char(8238) || 'rev'
	|| CAST(X'FF' AS TEXT) || char(8) || '"
hsql() { sqlite3 "$HDB" "$1" || not_ok "sqlite3: $1"; }
hsql "UPDATE members SET name = 'Ann$BAD Alder', address = '=HYPERLINK(\"http://evil\")$BAD',
	notes = '@SUM(A1)$BAD' WHERE member_no = 1"
hsql "UPDATE members SET name = '+44 7700 900$BAD' WHERE member_no = 2"
hsql "UPDATE members SET name = '-2+3$BAD' WHERE member_no = 3"
hsql "UPDATE homes SET address = '=1+2$BAD' WHERE id = (SELECT min(id) FROM homes)"
hsql "UPDATE repairs SET title = '=cmd|calc$BAD', description = 'Leak$BAD'
	WHERE id IN (SELECT id FROM repairs ORDER BY id LIMIT 3)"
hsql "UPDATE motions SET title = '@motion$BAD', text = 'That$BAD' WHERE id IN (SELECT id FROM motions LIMIT 3)"
hsql "UPDATE decisions SET title = '-decided$BAD', text = 'We$BAD' WHERE id IN (SELECT id FROM decisions LIMIT 3)"
hsql "UPDATE meetings SET title = 'Meeting$BAD', place = '+hall$BAD', agenda = 'Item$BAD',
	minutes = CASE WHEN minutes IS NULL THEN NULL ELSE 'Minutes$BAD' END"
meeting=$(sqlite3 "$HDB" "SELECT id FROM meetings WHERE status = 'held' AND minutes IS NOT NULL LIMIT 1")
mref=$(COOPDESK_TODAY=2026-11-22 "$BIN" --db "$HDB" export meetings --no-bom | awk -F, 'NR == 2 { print $1 }')
FF=$(printf '\377')
BS=$(printf '\010')
BEL=$(printf '\007')
# inert_file NAME FILE: no raw escape, bell, backspace, override or bad byte.
inert_file() {
	if [ ! -s "$2" ]; then not_ok "$1 (nothing was written)"; return; fi
	bad=
	for c in "$ESC" "$RLO" "$BEL" "$BS"; do grep -qF -- "$c" "$2" && bad="$bad raw control"; done
	LC_ALL=C grep -q "$FF" "$2" && bad="$bad invalid UTF-8"
	iconv -f UTF-8 -t UTF-8 "$2" > /dev/null 2>&1 || bad="$bad not UTF-8"
	if [ -z "$bad" ]; then ok "$1"; else not_ok "$1:$bad"; fi
}
n=0
run_doc() { # NAME ARGS...: a document or export into $TMP/doc-N
	name=$1; shift
	n=$((n + 1))
	COOPDESK_TODAY=2026-11-22 COOPDESK_NOW=2026-11-22T12:00:00Z "$BIN" --db "$HDB" "$@" \
		> "$TMP/doc-$n" 2> "$TMP/doc-$n.err"
	inert_file "$name is inert" "$TMP/doc-$n"
	lacks "$name's messages carry no escape" "$TMP/doc-$n.err" "$ESC"
}
for f in text md csv; do
	run_doc "report register ($f)" report register --format "$f"
	run_doc "report register --inspection ($f)" report register --inspection --format "$f"
	run_doc "report shares ($f)" report shares --format "$f"
	run_doc "report overdue ($f)" report overdue --format "$f"
	run_doc "report arrears ($f)" report arrears --format "$f"
	run_doc "report participation ($f)" report participation --format "$f"
done
for f in text md; do
	run_doc "report minutes ($f)" report minutes "$mref" --format "$f"
	run_doc "report notice ($f)" report notice "$mref" --format "$f"
done
for e in members shares homes tenancies rent repairs meetings attendance motions decisions; do
	run_doc "export $e" export "$e" --no-bom
done

# Formula-looking text is made safe; numbers, negative amounts too, stay numbers.
COOPDESK_TODAY=2026-11-22 "$BIN" --db "$HDB" export members --no-bom > "$TMP/members.csv"
contains "a name beginning + starts with ' in the export" "$TMP/members.csv" "'+44 7700 900"
contains "a name beginning - starts with '" "$TMP/members.csv" "'-2+3"
contains "an address beginning = starts with '" "$TMP/members.csv" "'=HYPERLINK("
for raw in ",+44 7700" ",-2+3" ",=HYPERLINK" ',"=HYPERLINK' ",@SUM" ',"@SUM'; do
	lacks "no members cell begins '${raw#*[,\"]}' raw" "$TMP/members.csv" "$raw"
done
COOPDESK_TODAY=2026-11-22 "$BIN" --db "$HDB" export repairs --no-bom > "$TMP/repairs.csv"
contains "a repair title beginning = starts with '" "$TMP/repairs.csv" "'=cmd|calc"
COOPDESK_TODAY=2026-11-22 "$BIN" --db "$HDB" export decisions --no-bom > "$TMP/decisions.csv"
contains "a decision beginning - starts with '" "$TMP/decisions.csv" "'-decided"
COOPDESK_TODAY=2026-11-22 "$BIN" --db "$HDB" export rent --no-bom > "$TMP/rent.csv"
grep -qE ',payment,-[0-9]+\.[0-9][0-9],' "$TMP/rent.csv" && ok "a payment's negative amount stays a number" ||
	not_ok "no payment with a bare negative amount in the rent export"
lacks "no amount is made text" "$TMP/rent.csv" ",payment,'"
"$BIN" --db "$HDB" check > "$TMP/check.txt" 2>&1
inert_file "check names the hostile records inertly" "$TMP/check.txt"

finish
