#!/bin/sh
# coopdesk report overdue|rp02 and coopdesk export repairs on the demo
# co-op: RP02's figures against counts made here with the sqlite3 shell
# (by local day, in Europe/London), the overdue report's rows, the
# export's rows, CSV (RFC 4180, byte-order mark, formula cells), the
# schemes line, refusals in words, and schema 7 on an older database.
. "$(dirname "$0")/lib.sh"

DB="$TMP/demo.db"
"$BIN" demo "$DB" --seed 1 > /dev/null 2>&1 || not_ok "the demo co-op was not made"
# sqlite3's 'localtime' is its TZ's: the co-op's zone, Europe/London.
q() { TZ=Europe/London sqlite3 "$DB" "$1"; }
same() {
	if [ "$2" = "$3" ]; then ok "$1 ($2)"; else not_ok "$1 (got '$2', wanted '$3')"; fi
}
# share DONE IN: "66.7" as the report rounds it, "" for none done.
share() { awk -v d="$1" -v i="$2" 'BEGIN { if (d > 0) printf "%.1f", int((i * 1000 + int(d / 2)) / d) / 10 }'; }

# ---- RP02 against sqlite3 ------------------------------------------------
# Completed on a local day of the period; within target: a date target by
# the end of its local day, an instant target by that instant.
IN_TARGET="CASE WHEN length(target_at) = 10 THEN date(completed_at, 'localtime') <= target_at
	ELSE completed_at <= target_at END"
for period in "2025-01-01 2025-12-31" "2026-04-01 $(date +%F)" "2024-09-01 2026-12-31" \
	      "2026-11-01 2026-11-30"; do
	set -- $period
	from=$1 to=$2
	for kind in emergency non-emergency; do
		if [ "$kind" = emergency ]; then cond="priority = 'emergency'"
		else cond="priority <> 'emergency'"; fi
		done_n=$(q "SELECT count(*) FROM repairs WHERE completed_at IS NOT NULL AND $cond
			AND date(completed_at, 'localtime') BETWEEN '$from' AND '$to'")
		in_n=$(q "SELECT count(*) FROM repairs WHERE completed_at IS NOT NULL AND $cond
			AND date(completed_at, 'localtime') BETWEEN '$from' AND '$to' AND $IN_TARGET")
		eval "want_$(echo $kind | tr - _)=\"$kind,$done_n,$in_n,$(share "$done_n" "$in_n")\""
	done
	expect "report rp02 $from to $to" 0 "$BIN" --db "$DB" report rp02 --from "$from" --to "$to" \
		--format csv --no-bom
	same "$from..$to: emergency as sqlite3 counts" "$(sed -n 2p "$TMP/out" | tr -d '\r')" \
		"$want_emergency"
	same "$from..$to: non-emergency as sqlite3 counts" "$(sed -n 3p "$TMP/out" | tr -d '\r')" \
		"$want_non_emergency"
done
# The period's ends are local days: dd/mm/yyyy too.
expect "report rp02 with UK dates" 0 "$BIN" --db "$DB" report rp02 --from 01/11/2026 --to 30/11/2026
contains "the period in words" "$TMP/out" "Repairs completed from 01/11/2026 to 30/11/2026"
contains "the counts behind each share" "$TMP/out" "Within target"
on=$(sqlite3 "$DB" "SELECT group_concat(CASE value WHEN '0' THEN 'off' ELSE 'on' END, ' ')
	FROM (SELECT value FROM settings WHERE key IN ('scheme_right_to_repair', 'scheme_awaab')
	ORDER BY key DESC)")
set -- $on
contains "which schemes were on, as the settings say" "$TMP/out" \
	"Schemes: Right to Repair $1; Awaab's Law $2."
expect "report rp02 --format md" 0 "$BIN" --db "$DB" report rp02 --format md
contains "Markdown table" "$TMP/out" "| emergency |"
expect "a bad --from is a usage error" 2 "$BIN" --db "$DB" report rp02 --from 31/02/2026
contains "in words" "$TMP/err" "--from 31/02/2026: February 2026 has 28 days"
expect "a period that ends before it starts is refused" 1 "$BIN" --db "$DB" report rp02 \
	--from 2026-11-30 --to 2026-11-01
contains "in words" "$TMP/err" "the period ends before it starts"
expect "--from is not for the register" 2 "$BIN" --db "$DB" report register --from 2026-01-01
contains "says what it is for" "$TMP/err" "--from and --to are for rp02, right-to-repair, awaab"

# ---- overdue ---------------------------------------------------------------------
overdue=$(q "SELECT count(*) FROM repairs WHERE status IN ('reported', 'triaged', 'assigned',
	'in_progress') AND target_at < CASE WHEN length(target_at) = 10
	THEN date('now', 'localtime') ELSE strftime('%Y-%m-%dT%H:%M:%SZ', 'now') END")
expect "report overdue --format csv" 0 "$BIN" --db "$DB" report overdue --format csv --no-bom
same "a row each overdue repair" "$(($(wc -l < "$TMP/out") - 1))" "$overdue"
oldest=$(q "SELECT printf('R-%06d', id) FROM repairs WHERE status IN ('reported', 'triaged',
	'assigned', 'in_progress') ORDER BY target_at, id LIMIT 1")
same "the most overdue first" "$(sed -n 2p "$TMP/out" | cut -d, -f1)" "$oldest"
expect "report overdue" 0 "$BIN" --db "$DB" report overdue
contains "the heading counts them" "$TMP/out" "$overdue open repairs past the target"
contains "says the days are working days" "$TMP/out" "weekends and bank holidays"

# ---- export repairs -----------------------------------------------------------------
sqlite3 "$DB" "UPDATE repairs SET title = '=HYPERLINK(\"http://x\")', description = '+1, \"quoted\"
and a second line' WHERE id = 1" || not_ok "could not set a formula title"
expect "check passes after the edit" 0 "$BIN" --db "$DB" check
expect "export repairs" 0 "$BIN" --db "$DB" export repairs
same "a byte-order mark first" "$(head -c 3 "$TMP/out" | od -An -tx1 | tr -d ' ')" "efbbbf"
all=$(q "SELECT count(*) FROM repairs")
python3 - "$TMP/out" "$all" <<'PY' > "$TMP/py" 2>&1 && ok "RFC 4180: a row each repair, CR LF, formula cells safe" || { not_ok "RFC 4180 export"; sed 's/^/#   /' "$TMP/py"; }
import csv, sys
data = open(sys.argv[1], 'rb').read()
assert data.startswith(b'\xef\xbb\xbf'), 'no BOM'
body = data[3:].decode('utf-8')
assert body.endswith('\r\n'), 'last row does not end CR LF'
rows = list(csv.reader(body.splitlines(keepends=True) and __import__('io').StringIO(body, newline='')))
head = rows[0]
assert head[:3] == ['repair', 'home', 'reported_at'], head
assert len(rows) - 1 == int(sys.argv[2]), (len(rows) - 1, sys.argv[2])
first = dict(zip(head, rows[1]))
assert first['repair'] == 'R-000001', first
assert first['summary'] == "'=HYPERLINK(\"http://x\")", first['summary']
assert first['description'] == "'+1, \"quoted\"\nand a second line", first['description']
assert first['cost'] == '' or first['cost'].replace('.', '').isdigit(), first['cost']
for r in rows[1:]:
    assert len(r) == len(head), r
print('ok')
PY
expect "export repairs --no-bom" 0 "$BIN" --db "$DB" export repairs --no-bom -o "$TMP/r.csv"
same "no byte-order mark" "$(head -c 6 "$TMP/r.csv")" "repair"
same "written private" "$(stat -c %a "$TMP/r.csv")" "600"
n=$(q "SELECT count(*) FROM repairs WHERE date(reported_at, 'localtime') BETWEEN '2025-01-01' AND '2025-06-30'")
expect "export repairs in a period" 0 "$BIN" --db "$DB" export repairs --no-bom --from 01/01/2025 --to 2025-06-30
same "a row each repair reported then" "$(($(wc -l < "$TMP/out") - 1))" "$n"
n=$(q "SELECT count(*) FROM repair_events WHERE date(at, 'localtime') BETWEEN '2026-01-01' AND '2026-03-31'")
expect "export repairs --events in a period" 0 "$BIN" --db "$DB" export repairs --events --no-bom \
	--from 2026-01-01 --to 2026-03-31
same "a row each event then" "$(($(wc -l < "$TMP/out") - 1))" "$n"
same "the events' header" "$(head -1 "$TMP/out" | tr -d '\r')" "event,repair,home,at,by,from_status,to_status,note"
expect "--events is only for the repairs" 2 "$BIN" --db "$DB" export members --events
expect "an export is CSV" 2 "$BIN" --db "$DB" export repairs --format md
expect "--events is not a report's" 2 "$BIN" --db "$DB" report rp02 --events
expect "check passes" 0 "$BIN" --db "$DB" check

# ---- schema 7 on an older database ------------------------------------------------------
old="$TMP/schema3.db"
sqlite3 "$old" "PRAGMA application_id = 1131376496"
for g in "$(dirname "$0")"/../../sql/000[1-3]_*.sql; do sqlite3 "$old" ".read $g"; done
sqlite3 "$old" "PRAGMA user_version = 3"
expect "a schema 3 database is upgraded and passes check" 0 "$BIN" --db "$old" check
same "the open repairs' index carries the filters' columns" \
	"$(sqlite3 "$old" "SELECT group_concat(name, ' ') FROM pragma_index_info('repairs_open_by_target')")" \
	"target_at id status priority contractor_id rtr_days damp_hazard"
same "a finished status has its index by target" \
	"$(sqlite3 "$old" "SELECT group_concat(name, ' ') FROM pragma_index_info('repairs_by_status_target')")" \
	"status target_at id"
finish
