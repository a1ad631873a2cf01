#!/bin/sh
# bench/search-gpu.sh [nodes|seconds|all] — the search on the GPU machine: build with CUDA=1
# (the libraries through bench/gpu-env.sh), then bench/search (the search alone, -b none) on
# every core with --backend cpu and --backend cuda, at a node budget (nodes: the two must print
# the same score, solved and candidate counts, the backend never changing a result; also with
# one run on the device at a time, ARC_CUDA_RUNS=1, and with batches of 16384 items; about a
# minute) and at 0.1 and 1 s a task (seconds: about a minute and a half); all (the default):
# both. Logs go to $OUT (else /tmp/arcbatt-search-gpu).
set -u
cd "$(dirname "$0")/.."
what=${1:-all}
out=${OUT:-/tmp/arcbatt-search-gpu}
mkdir -p "$out"
jobs=$(nproc)
. bench/gpu-env.sh >>"$out/summary.log" || exit 1
echo "== build" | tee -a "$out/summary.log"
make -j"$jobs" CUDA=1 WERROR=1 all bench >"$out/build.log" 2>&1 || { tail -n 30 "$out/build.log"; exit 1; }
if [ "$what" != seconds ]; then
	for b in cpu cuda; do
		echo "== bench/search --backend $b --threads $jobs --nodes 20000" | tee -a "$out/summary.log"
		timeout 120 build-cuda/bench/search --backend $b --threads "$jobs" --nodes 20000 \
			>"$out/nodes-$b.log" 2>&1
		tail -n 2 "$out/nodes-$b.log" | tee -a "$out/summary.log"
	done
	echo "== the same, one run on the device at a time (ARC_CUDA_RUNS=1)" | tee -a "$out/summary.log"
	ARC_CUDA_RUNS=1 timeout 120 build-cuda/bench/search --backend cuda --threads "$jobs" \
		--nodes 20000 >"$out/nodes-cuda1.log" 2>&1
	tail -n 2 "$out/nodes-cuda1.log" | tee -a "$out/summary.log"
	echo "== the same, batches of 16384 items (--batch-items 16384)" | tee -a "$out/summary.log"
	timeout 120 build-cuda/bench/search --backend cuda --threads "$jobs" --nodes 20000 \
		--batch-items 16384 >"$out/nodes-cuda16k.log" 2>&1
	tail -n 2 "$out/nodes-cuda16k.log" | tee -a "$out/summary.log"
	same() { sed -n 3p "$1" | awk '{print $3, $4, $5}'; sed -n 4p "$1" | cut -d';' -f1; }
	if [ -s "$out/nodes-cpu.log" ] && [ "$(same "$out/nodes-cpu.log")" = "$(same "$out/nodes-cuda.log")" ]; then
		echo "same score, solved, explained and counts on cpu and cuda" | tee -a "$out/summary.log"
	fi
fi
if [ "$what" != nodes ]; then
	for b in cpu cuda; do
		echo "== bench/search --backend $b --threads $jobs --seconds 0.1,1" | tee -a "$out/summary.log"
		timeout 150 build-cuda/bench/search --backend $b --threads "$jobs" --seconds 0.1,1 \
			>"$out/seconds-$b.log" 2>&1
		tail -n 4 "$out/seconds-$b.log" | tee -a "$out/summary.log"
	done
fi
