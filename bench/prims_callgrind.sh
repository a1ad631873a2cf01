#!/bin/sh
# prims_callgrind.sh — instructions (Ir) per call of the primitives bench/prims.c measures, on
# all training grids and on the 30x30 ones, from one callgrind run: prims --callgrind dumps the
# counts of each primitive's calls under its name, and this script divides them by the calls.
# Usage: bench/prims_callgrind.sh [TRAINING_DIR]   (run from the repository root after
# `make bench`; BENCH_PRIMS overrides the binary)
set -eu
bin=${BENCH_PRIMS:-build/bench/prims}
[ -x "$bin" ] || { echo "prims_callgrind.sh: $bin missing: run make bench" >&2; exit 1; }
command -v valgrind >/dev/null || { echo "prims_callgrind.sh: valgrind not installed" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT INT TERM
if ! valgrind --tool=callgrind --instr-atstart=no --collect-atstart=no \
	--callgrind-out-file="$dir/cg.out" "$bin" --callgrind "$@" >"$dir/calls" 2>"$dir/log"; then
	cat "$dir/log" "$dir/calls" >&2
	exit 1
fi
# Each dump file holds "desc: Trigger: Client Request: NAME" and "totals: IR".
for f in "$dir"/cg.out.*; do
	name=$(sed -n 's/^desc: Trigger: Client Request: //p' "$f")
	ir=$(sed -n 's/^totals: \([0-9]*\).*/\1/p' "$f")
	echo "$name ${ir:-0}"
done >"$dir/ir"
head -n 1 "$dir/calls"
awk 'NR == FNR { ir[$1] = $2; next }
	FNR == 1 { next }
	FNR == 2 { printf "%-12s %9s %12s %9s %12s  %s\n", "primitive", "calls", "Ir/call", "calls30", "Ir/call30", "arguments"; next }
	{
		args = $0; for (k = 1; k <= 5; k++) sub(/^[^ ]+ +/, "", args)
		all = $2 ? ir[$1] / $2 : 0; big = $4 ? ir[$1 "@30"] / $4 : 0
		printf "%-12s %9d %12.0f %9d %12.0f  %s\n", $1, $2, all, $4, big, args
	}' "$dir/ir" "$dir/calls"
