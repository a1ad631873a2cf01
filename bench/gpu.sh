#!/bin/sh
# bench/gpu.sh — what the GPU machine runs for the batch backends, in one go (about 6 minutes
# on 1 H200 + 16 cores): build with CUDA=1, the CUDA tests (every op and shape against the CPU
# backend, bit for bit), the runner with --backend cuda against --backend cpu (same bytes),
# bench/batch up to 10^7 items, then the whole CPU test suite on the CUDA build. Logs go to
# $OUT (else /tmp/arcbatt-gpu). The build's libraries come from .deps/*.deb (bench/gpu-env.sh)
# when the machine has no headers for them.
set -u
cd "$(dirname "$0")/.."
out=${OUT:-/tmp/arcbatt-gpu}
mkdir -p "$out"
jobs=$(nproc)
start=$(date +%s)
step() { echo "== $(date +%T) $*" | tee -a "$out/summary.log"; }
# seconds for a step: at most $1, and never past 560 s in all (the device run's 600 s limit)
budget() {
	left=$((560 - ($(date +%s) - start)))
	[ "$left" -lt "$1" ] && echo $((left > 5 ? left : 5)) || echo "$1"
}

{
	nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.max.sm --format=csv
	nvcc --version | tail -2
	lscpu | grep -E '^(Model name|CPU\(s\)|Thread|Core)'
} >"$out/machine.log" 2>&1

. bench/gpu-env.sh >>"$out/summary.log" || { step "libraries missing"; exit 1; }

step "build: make CUDA=1 all bench"
if ! make -j"$jobs" CUDA=1 WERROR=1 all bench >"$out/build.log" 2>&1; then
	tail -n 40 "$out/build.log"
	step "build FAILED (build.log)"
	exit 1
fi

step "CUDA tests: make cudatest CUDA=1"
timeout "$(budget 180)" make CUDA=1 WERROR=1 cudatest >"$out/cudatest.log" 2>&1
step "CUDA tests exit $?: $(tail -n 1 "$out/cudatest.log")"

step "the runner: --backend cuda against --backend cpu"
{
	for b in cpu cuda; do
		timeout "$(budget 60)" build-cuda/arcbatt run --backend $b -v -o "/tmp/sub-$b.json" \
			--report "/tmp/rep-$b.json" 2>"/tmp/stats-$b.log"
		echo "exit $?"
		tail -n 1 "/tmp/stats-$b.log"
	done
	cmp /tmp/sub-cpu.json /tmp/sub-cuda.json && cmp /tmp/rep-cpu.json /tmp/rep-cuda.json &&
		echo "same submission and report bytes on cpu and cuda"
	timeout "$(budget 60)" build-cuda/arcbatt run --backend cuda --batch-size 65536 -q -o /tmp/sub-big.json &&
		cmp /tmp/sub-cpu.json /tmp/sub-big.json && echo "same bytes with --batch-size 65536"
} >"$out/run.log" 2>&1
step "runner: $(grep -c same "$out/run.log") of 2 comparisons the same (run.log)"

step "bench/batch"
timeout "$(budget 240)" build-cuda/bench/batch --threads "$jobs" --max-items 1e7 --cpu-max-items 1e6 \
	>"$out/bench.log" 2>&1
step "bench exit $?: $(grep -c 'results identical' "$out/bench.log") of 6 workloads identical"

step "CPU tests on the CUDA build: make test CUDA=1"
timeout "$(budget 200)" make -j"$jobs" CUDA=1 WERROR=1 test >"$out/test.log" 2>&1
step "make test exit $?: $(grep -E 'passed|failed' "$out/test.log" | tr '\n' ' ')"
