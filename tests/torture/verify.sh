# tests/torture/verify.sh: sourced by the crash and terminals tests.
# verify_log DB LOG prints "TX ROWS LOST WRONG" about the writes that
# COOPDESK_COMMIT_LOG reported as saved (src/db/commit_log.c):
#   TX     transactions reported (a transaction counts when its "end" line is there)
#   ROWS   audit rows those transactions reported
#   LOST   reported rows whose audit row is missing or differs (table, row,
#          action, the values written)
#   WRONG  values a reported write put in a row that the row does not hold now,
#          though no later audited change touched them (or the row is gone)
# The database is only read (sqlite3 -readonly).

# confirmed_json LOG OUT: the complete transactions of LOG as one JSON array.
confirmed_json() {
	if [ ! -s "$1" ]; then echo '[]' > "$2"; return; fi
	awk '
	{ lines[NR] = $0 }
	/"end":/ { match($0, /"pid":[0-9]+,"tx":[0-9]+/); done[substr($0, RSTART, RLENGTH)] = 1 }
	END {
		printf "["
		n = 0
		for (i = 1; i <= NR; i++) {
			l = lines[i]
			if (l !~ /^\{.*\}$/ || l ~ /"end":/) continue
			if (!match(l, /"pid":[0-9]+,"tx":[0-9]+/)) continue
			if (!(substr(l, RSTART, RLENGTH) in done)) continue
			printf "%s%s\n", (n++ ? "," : ""), l
		}
		print "]"
	}' "$1" > "$2"
}

# tx_count LOG: complete transactions in LOG.
tx_count() {
	[ -s "$1" ] || { echo 0; return; }
	grep -c '"end":' "$1"
}

verify_log() {
	_db=$1 _log=$2 _j=$2.json
	confirmed_json "$_log" "$_j"
	# Per table: the row as JSON, from its columns (names from the schema).
	_rowexpr=$(sqlite3 -readonly "$_db" "SELECT group_concat(
		'WHEN ''' || m.name || ''' THEN (SELECT json_object(' ||
		(SELECT group_concat('''' || p.name || ''', \"' || p.name || '\"', ', ')
		 FROM pragma_table_info(m.name) p) ||
		') FROM \"' || m.name || '\" WHERE rowid = c.r)', ' ')
		FROM sqlite_schema m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite%'
		AND m.sql NOT LIKE 'CREATE VIRTUAL%' AND m.name IN
		(SELECT DISTINCT json_extract(value, '$.t') FROM json_each(readfile('$_j')))")
	[ -n "$_rowexpr" ] || _rowexpr="WHEN NULL THEN NULL"
	sqlite3 -readonly -separator ' ' "$_db" "
	CREATE TEMP TABLE c AS SELECT json_extract(value, '\$.id') AS id,
		json_extract(value, '\$.t') AS t, json_extract(value, '\$.r') AS r,
		json_extract(value, '\$.a') AS a, json_extract(value, '\$.after') AS after
		FROM json_each(readfile('$_j'));
	CREATE TEMP TABLE now AS SELECT c.id AS id, CASE c.t $_rowexpr END AS row FROM c;
	SELECT
	  (SELECT count(DISTINCT json_extract(value, '\$.pid') || '/' || json_extract(value, '\$.tx'))
	     FROM json_each(readfile('$_j'))),
	  (SELECT count(*) FROM c),
	  (SELECT count(*) FROM c LEFT JOIN audit x ON x.id = c.id
	    WHERE x.id IS NULL OR x.table_name IS NOT c.t OR x.row_id IS NOT c.r
	       OR x.action IS NOT c.a OR json(x.after) IS NOT c.after),
	  (SELECT count(*) FROM c JOIN now n ON n.id = c.id, json_each(c.after) k
	    WHERE c.a <> 'delete' AND k.key <> 'password_hash'
	      AND NOT EXISTS (SELECT 1 FROM audit l WHERE l.table_name = c.t AND l.row_id = c.r
	            AND l.id > c.id AND (l.action = 'delete'
	                 OR json_type(l.after, '\$.' || json_quote(k.key)) IS NOT NULL))
	      AND (n.row IS NULL
	           OR json_extract(n.row, '\$.' || json_quote(k.key)) IS NOT k.value));"
}
