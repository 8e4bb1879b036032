# tests/e2e/lib.sh: drives the real binary in tmux, on a tmux server of the
# test's own (-L socket), polling the pane for what should appear; never a
# fixed sleep. Each wait is time-boxed.
. "$(dirname "$0")/../cli/lib.sh"
SOCK="coopdesk-e2e-$$"
T="tmux -L $SOCK"
trap '$T kill-server 2>/dev/null; rm -rf "$TMP"' EXIT

# start COLS ROWS COMMAND...: a new session running COMMAND.
start() {
	cols=$1 rows=$2
	shift 2
	# A second session keeps the server up while "main" is replaced.
	$T has-session -t keep 2>/dev/null ||
		$T -f /dev/null new-session -d -s keep "sleep 600"
	$T kill-session -t main 2>/dev/null
	$T -f /dev/null new-session -d -x "$cols" -y "$rows" -s main \
		"env LANG=C.UTF-8 $*; echo \"exited with \$?\"; sleep 30"
}

screen() { $T capture-pane -p -t main 2>/dev/null; }

# wait_for TEXT [SECONDS]: polls every 50 ms until the pane shows TEXT.
wait_for() {
	want=$1 limit=${2:-10}
	tries=$((limit * 20))
	while [ "$tries" -gt 0 ]; do
		if screen | grep -qF -- "$want"; then return 0; fi
		sleep 0.05
		tries=$((tries - 1))
	done
	echo "# waited ${limit}s for '$want'; the screen was:"
	screen | sed 's/^/#   /'
	return 1
}

# see NAME TEXT [SECONDS]: an ok/not ok line for wait_for.
see() {
	if wait_for "$2" "${3:-10}"; then ok "$1"; else not_ok "$1"; fi
}

keys() { $T send-keys -t main "$@"; }

pane_pid() { $T display-message -p -t main '#{pane_pid}'; }

# The coopdesk process inside the pane's shell, its one child (under make
# check VALGRIND=1, valgrind running it, which hands each signal on to it).
app_pid() { pgrep -P "$(pane_pid)" | head -1; }
