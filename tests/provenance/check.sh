#!/bin/sh
# check.sh — the acceptance check of issue 14: compares each program of batteries/training.py
# named in rewritten.txt with the program it replaced, read from git at REV (default: the last
# commit before the rewrite), and prints distinct.py's table; exit status 1 when a row fails.
# usage: tests/provenance/check.sh [REV]   (needs git history and python3)
set -eu
cd "$(dirname "$0")/../.."
rev=${1:-f84137ae4b5e28814d83d6fc476e8f63e453bcea}
old=$(mktemp)
trap 'rm -f "$old"' EXIT
git show "$rev:batteries/training.py" >"$old"
python3 tests/provenance/distinct.py "$old" batteries/training.py $(cat tests/provenance/rewritten.txt)
