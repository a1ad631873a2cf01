#!/bin/sh
# bench/soak.sh — the long random-program soak (issue 10): JOBS processes side by side, each
# running tests/soak in chunks of 10,000 programs on 8 inputs with seeds of its own, until
# SECONDS have passed; then the totals: programs, evaluations, the most work and memory one
# evaluation took, timeouts, and every chunk that failed (its seed, so it can be replayed with
# `soak --programs 10000 --inputs 8 --seed S`). Exit 1 when a chunk failed.
# usage: sh bench/soak.sh SECONDS JOBS [SOAK [BASE]]   (SOAK: the binary, default
#        build/tests/soak; BASE: the first seeds' block, default 0, so that another run with
#        another BASE tries other programs: job j of block B takes seeds (B + j) * 1000000 on;
#        run from anywhere; logs in $OUT, else /tmp/arcbatt-soak)
set -u
cd "$(dirname "$0")/.."
secs=${1:?usage: bench/soak.sh SECONDS JOBS [SOAK [BASE]]}
jobs=${2:?usage: bench/soak.sh SECONDS JOBS [SOAK [BASE]]}
soak=${3:-build/tests/soak}
base=${4:-0}
out=${OUT:-/tmp/arcbatt-soak}/soak-$(basename "$(dirname "$(dirname "$soak")")")
mkdir -p "$out"
end=$(($(date +%s) + secs))

job() {
	k=0
	while [ "$(date +%s)" -lt "$end" ]; do
		seed=$(((base + $1) * 1000000 + k))
		if ! "$soak" --programs 10000 --inputs 8 --seed "$seed" >"$out/last.$1" 2>&1; then
			echo "FAILED seed $seed" >>"$out/failed.log"
			cat "$out/last.$1" >>"$out/failed.log"
			echo "soak FAILED, seed $seed: $(grep -v '^soak:' "$out/last.$1" | head -c 600)"
		fi
		grep '^soak:' "$out/last.$1" >>"$out/job.$1"
		k=$((k + 1))
	done
	rm -f "$out/last.$1"
}

start=$(date +%s)
j=1
while [ "$j" -le "$jobs" ]; do
	job "$j" &
	j=$((j + 1))
done
wait
cat "$out"/job.* >"$out/chunks.log" && rm -f "$out"/job.*
# soak: N programs (seed S, R refused by the parser), E evaluations on 8 inputs in T s: ...,
# L at a limit, X timeouts; most work W units (budget B), most memory M bytes; ...
awk -v wall=$(($(date +%s) - start)) -v jobs="$jobs" -v soak="$soak" '
	{ p += $2
	  for (i = 1; i <= NF; i++) {
		if ($(i + 1) == "evaluations") e += $i
		if ($(i + 1) == "s:") t += $i
		if ($(i + 1) ~ /^timeouts/) x += $i
		if ($(i + 1) == "at" && $(i + 2) == "a") l += $i
		if ($i == "work" && $(i + 1) + 0 > w) w = $(i + 1) + 0
		if ($i == "memory" && $(i + 1) + 0 > m) m = $(i + 1) + 0
	  } }
	END { printf "%s: %d chunks, %d programs, %d evaluations in %.0f s of soak time (%d jobs, %d s wall): %d at a limit, %d timeouts; most work %d units, most memory %d bytes\n",
		soak, NR, p, e, t, jobs, wall, l, x, w, m }' "$out/chunks.log" | tee "$out/summary.log"
if [ -s "$out/failed.log" ]; then
	echo "failed chunks: $(grep -c '^FAILED' "$out/failed.log") (failed.log)" | tee -a "$out/summary.log"
	exit 1
fi
echo "no chunk failed" | tee -a "$out/summary.log"
