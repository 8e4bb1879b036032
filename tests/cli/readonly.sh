#!/bin/sh
# The database file opened safely: a read-only file, a read-only folder
# and --read-only open the co-op for viewing (login works and keeps
# nothing, the login screen, Home and the top bar say why, a save is
# refused in words with the form kept, the file is unchanged to the byte);
# a file from an older coopdesk is not upgraded read-only.
. "$(dirname "$0")/lib.sh"
export LANG=C.UTF-8 TZ=UTC COOPDESK_TODAY=2026-11-22 COOPDESK_NOW=2026-11-22T12:00:00Z

BASE="$TMP/base.db"
if ! "$BIN" demo "$BASE" --seed 1 > "$TMP/demo.log" 2>&1; then
	not_ok "the demo co-op for the read-only tests"
	sed 's/^/#   /' "$TMP/demo.log"
	finish
fi
BOARD='board<Enter>board-demo-1<Enter>'
ADMIT='<Tab>Zoë Ó Briain<Tab>11 Elm Road, Rochdale<Tab>OL11 9ZZ<Tab><Tab><Tab><Tab>21/11/1990<Tab>'

# play NAME DB [OPTION]: $TMP/NAME.script played headless at 100x30 on DB.
play() {
	if ! "$BIN" ${3:-} --db "$2" --script "$TMP/$1.script" --headless --size 100x30 \
		> "$TMP/$1.out" 2>&1; then
		not_ok "$1: the script ran to its end"
		sed 's/^/#   /' "$TMP/$1.out" | head -10
	fi
}
sum() { md5sum < "$1"; }

# ---- a read-only file ------------------------------------------------------
mkdir "$TMP/rofile"
cp "$BASE" "$TMP/rofile/coop.db"
chmod 444 "$TMP/rofile/coop.db"
before=$(sum "$TMP/rofile/coop.db")
cat > "$TMP/rofile.script" <<EOF
:dump $TMP/rofile0.txt
board<Enter>wrong-password<Enter>
:dump $TMP/rofile1.txt
board-demo-1<Enter>
:dump $TMP/rofile2.txt
3n
$ADMIT
^S
:dump $TMP/rofile3.txt
EOF
play rofile "$TMP/rofile/coop.db"
contains "a read-only file: the login screen says so, and why" "$TMP/rofile0.txt" \
	"Read-only: the file $TMP/rofile/coop.db is read-only, so"
contains "a wrong password is refused all the same" "$TMP/rofile1.txt" \
	"that username and password do not match"
contains "the right one logs in" "$TMP/rofile2.txt" "Members   "
contains "Home says it is for viewing only" "$TMP/rofile2.txt" \
	"Read-only: the file $TMP/rofile/coop.db is read-only, so changes cannot be"
contains "the top bar too" "$TMP/rofile2.txt" "Meetings  read-only:"
contains "a save is refused in words" "$TMP/rofile3.txt" \
	"not saved: the file $TMP/rofile/coop.db is read-only, so changes cannot be saved"
contains "the form keeps what was typed" "$TMP/rofile3.txt" "Name           Zoë Ó Briain"
contains "its date of birth too" "$TMP/rofile3.txt" "Date of birth  21/11/1990"
[ "$(sum "$TMP/rofile/coop.db")" = "$before" ] &&
	ok "the file is unchanged to the byte (no last login, no failure count)" ||
	not_ok "the read-only file was changed"
expect "a command that saves is refused" 1 "$BIN" --db "$TMP/rofile/coop.db" \
	settings set quorum_percent 30
contains "in words" "$TMP/err" \
	"coopdesk settings: not saved: the file $TMP/rofile/coop.db is read-only, so changes cannot be saved"
lacks "with no range tacked on: the value was not at fault" "$TMP/err" "(0 to 100)"
expect "rent post too" 1 "$BIN" --db "$TMP/rofile/coop.db" rent post --through 2026-11-30
contains "in the same words" "$TMP/err" "not saved: the file $TMP/rofile/coop.db is read-only"
expect "reading works: check" 0 "$BIN" --db "$TMP/rofile/coop.db" check
expect "reading works: a report" 0 "$BIN" --db "$TMP/rofile/coop.db" report register
[ "$(sum "$TMP/rofile/coop.db")" = "$before" ] && ok "and the file is still unchanged" ||
	not_ok "the read-only file was changed by the commands"

# ---- a read-only folder ----------------------------------------------------
# By someone who may not write there: as root (who may), as nobody.
mkdir "$TMP/rodir"
cp "$BASE" "$TMP/rodir/coop.db"
before=$(sum "$TMP/rodir/coop.db")
as_user=
if [ "$(id -u)" = 0 ]; then
	chown 65534 "$TMP/rodir/coop.db"
	as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
chmod 555 "$TMP/rodir"
cat > "$TMP/rodir.script" <<EOF
$BOARD
3n
$ADMIT
^S
:dump $TMP/rodir1.txt
EOF
chmod 644 "$TMP/rodir.script"
chmod 777 "$TMP"
$as_user "$BIN" --db "$TMP/rodir/coop.db" --script "$TMP/rodir.script" --headless \
	--size 100x30 > "$TMP/rodir.out" 2>&1 && ok "a read-only folder: the co-op opens" ||
	{ not_ok "a read-only folder: the co-op opens"; sed 's/^/#   /' "$TMP/rodir.out"; }
chmod 700 "$TMP"
contains "a save is refused naming the folder" "$TMP/rodir1.txt" \
	"not saved: the folder $TMP/rodir is read-only, so changes cannot be saved"
contains "the form kept" "$TMP/rodir1.txt" "Name           Zoë Ó Briain"
[ "$(sum "$TMP/rodir/coop.db")" = "$before" ] && ok "the file is unchanged to the byte" ||
	not_ok "the file in the read-only folder was changed"
[ "$(ls "$TMP/rodir")" = coop.db ] && ok "and nothing was made beside it" ||
	not_ok "made beside it: $(ls "$TMP/rodir" | tr '\n' ' ')"
chmod 755 "$TMP/rodir"

# ---- --read-only -----------------------------------------------------------
cp "$BASE" "$TMP/ro.db"
before=$(sum "$TMP/ro.db")
cat > "$TMP/roflag.script" <<EOF
$BOARD
:dump $TMP/roflag1.txt
EOF
play roflag "$TMP/ro.db" --read-only
contains "--read-only: Home says why" "$TMP/roflag1.txt" \
	"Read-only: it was opened with --read-only, so changes cannot be saved."
expect "--read-only: settings set refused" 1 "$BIN" --read-only --db "$TMP/ro.db" \
	settings set quorum_percent 30
contains "in words" "$TMP/err" "not saved: it was opened with --read-only, so changes cannot be saved"
printf 'secret-pass-123\n' > "$TMP/pw"
expect "--read-only: user add refused" 1 sh -c \
	"'$BIN' --read-only --db '$TMP/ro.db' user add zoe --role board < '$TMP/pw'"
contains "in words" "$TMP/err" "not saved: it was opened with --read-only"
"$BIN" --db "$BASE" backup "$TMP/copy.db" > /dev/null 2>&1
expect "--read-only: restore refused" 1 "$BIN" --read-only --db "$TMP/ro.db" restore "$TMP/copy.db"
contains "in words" "$TMP/err" "--read-only opens the co-op for viewing; it cannot be restored so"
expect "--read-only: init refused" 1 sh -c "'$BIN' --read-only --db '$TMP/new.db' init < '$TMP/pw'"
contains "in words" "$TMP/err" "--read-only opens a co-op for viewing; it cannot make one"
[ ! -e "$TMP/new.db" ] && ok "and nothing was made" || not_ok "init made a file"
[ "$(sum "$TMP/ro.db")" = "$before" ] && ok "--read-only left the file unchanged" ||
	not_ok "--read-only changed the file"
# An older co-op needs upgrading, a write: refused read-only, in words.
cp "$BASE" "$TMP/old.db"
sqlite3 "$TMP/old.db" "PRAGMA user_version = 10"
expect "an older co-op is not opened read-only" 1 "$BIN" --read-only --db "$TMP/old.db" \
	settings get coop_name
contains "saying it must be upgraded first" "$TMP/err" \
	"this co-op was made by an older coopdesk and must be upgraded before it can be opened,"
[ "$(sqlite3 "$TMP/old.db" "PRAGMA user_version")" = 10 ] && ok "and it was not upgraded" ||
	not_ok "it was upgraded"

finish
