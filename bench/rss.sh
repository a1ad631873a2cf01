#!/bin/sh
# rss.sh — peak resident memory of the default run (every bundled task, the bundled battery)
# at several thread counts, and what each worker adds. The peak comes from GNU time (-f %M)
# when it is installed, else from /proc/PID/status (VmHWM) polled while the run lasts.
# Usage: bench/rss.sh [THREADS...]   (default: 1 2 16; run from the repository root after make;
# ARCBATT overrides the binary, ARGS adds run options)
set -eu
bin=${ARCBATT:-build/arcbatt}
[ -x "$bin" ] || { echo "rss.sh: $bin missing: run make" >&2; exit 1; }
[ $# -gt 0 ] || set -- 1 2 16
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT INT TERM

# peak KiB of one run with $1 threads
peak() {
	if [ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1; then
		/usr/bin/time -o "$dir/time" -f %M "$bin" run -q --threads "$1" ${ARGS:-} -o "$dir/s.json"
		tail -n 1 "$dir/time"
	else
		"$bin" run -q --threads "$1" ${ARGS:-} -o "$dir/s.json" &
		pid=$! hwm=0
		while kill -0 $pid 2>/dev/null; do
			v=$(sed -n 's/^VmHWM: *\([0-9]*\) kB/\1/p' /proc/$pid/status 2>/dev/null || true)
			[ -n "$v" ] && hwm=$v
			sleep 0.02
		done
		wait $pid
		echo "$hwm"
	fi
}

echo "rss.sh: $bin run ${ARGS:-}(default tasks and battery), $(nproc) cores"
base=
for t in "$@"; do
	kb=$(peak "$t")
	[ -n "$base" ] || base=$kb base_t=$t
	if [ "$t" -gt "$base_t" ]; then
		extra=$(( (kb - base) / (t - base_t) ))
		echo "threads $t: peak RSS $((kb / 1024)) MiB, $((kb / t / 1024)) MiB per thread, $((extra / 1024)) MiB per worker beyond $base_t"
	else
		echo "threads $t: peak RSS $((kb / 1024)) MiB, $((kb / t / 1024)) MiB per thread"
	fi
done
