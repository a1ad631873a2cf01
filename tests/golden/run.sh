#!/bin/sh
# run.sh — runs the golden cases: every directory tests/golden/<group>/<case>/ holding `cmd` (one
# shell line, run from the repository root with $ARCBATT the binary and $GOLDEN_TMP an empty
# directory of its own), `expected.stdout`, `expected.status` and, when present,
# `expected.stderr`. Prints a diff for each failing case and `golden: N passed, N failed`.
# usage: tests/golden/run.sh ARCBATT [CASE_DIR...]   (GOLDEN_UPDATE=1 rewrites the expectations)
set -u
if [ $# -lt 1 ]; then
	echo "usage: $0 ARCBATT [CASE_DIR...]" >&2
	exit 1
fi
case $1 in
/*) ARCBATT=$1 ;;
*) ARCBATT=$(pwd)/$1 ;;
esac
shift
export ARCBATT
cd "$(dirname "$0")/../.." || exit 1
# The defaults are part of what is tested; colour never reaches files anyway.
unset ARCBATT_DATA ARCBATT_BATTERY NO_COLOR COLORTERM
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ $# -gt 0 ]; then
	cases=$(printf '%s\n' "$@")
else
	cases=$(find tests/golden -mindepth 2 -maxdepth 2 -type d | LC_ALL=C sort)
fi
passed=0 failed=0
for dir in $cases; do
	dir=${dir%/}
	[ -f "$dir/cmd" ] || continue
	rm -rf "$tmp/case"
	mkdir "$tmp/case"
	GOLDEN_TMP=$tmp/case sh -c "$(cat "$dir/cmd")" >"$tmp/stdout" 2>"$tmp/stderr" </dev/null
	status=$?
	if [ "${GOLDEN_UPDATE:-}" = 1 ]; then
		cp "$tmp/stdout" "$dir/expected.stdout"
		echo "$status" >"$dir/expected.status"
		[ -f "$dir/expected.stderr" ] && cp "$tmp/stderr" "$dir/expected.stderr"
	fi
	ok=1
	if ! cmp -s "$dir/expected.stdout" "$tmp/stdout"; then
		ok=0
		echo "--- $dir: stdout differs"
		diff -u "$dir/expected.stdout" "$tmp/stdout" | head -n 60
	fi
	if [ -f "$dir/expected.stderr" ] && ! cmp -s "$dir/expected.stderr" "$tmp/stderr"; then
		ok=0
		echo "--- $dir: stderr differs"
		diff -u "$dir/expected.stderr" "$tmp/stderr" | head -n 60
	fi
	want=$(cat "$dir/expected.status" 2>/dev/null)
	if [ "$want" != "$status" ]; then
		ok=0
		echo "--- $dir: exit status $status, expected ${want:-(no expected.status)}"
		[ -f "$dir/expected.stderr" ] || head -n 20 "$tmp/stderr"
	fi
	if [ $ok = 1 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
done
echo "golden: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
