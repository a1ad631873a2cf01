#!/bin/sh
# readme_commands.sh — checks README's quick start the way CI runs it: prints the two commands
# that .ci/readme-commands extracts, then runs each under sh and bash with stand-ins for id,
# sudo, apt-get, nproc, make and build/arcbatt, once as root (where there is no sudo: calling it
# fails) and once as a user (where sudo runs what it is given), and prints what the stand-ins
# were asked to do. Last, README files of other shapes must be refused.
# usage: tests/ci/readme_commands.sh [TMPDIR]   (the golden case tests/golden/ci/readme passes one)
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
tmp=${1:-}
if [ -z "$tmp" ]; then
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
fi

cmds=$("$repo/.ci/readme-commands")
printf '%s\n' "$cmds" | sed 's/^/command: /'

# The stand-ins: each logs its name and arguments to $LOG.
bin=$tmp/bin
mkdir -p "$bin" "$tmp/clone/build"
stub() { # NAME BODY
	printf '#!/bin/sh\n%s\n' "$2" >"$1"
	chmod +x "$1"
}
stub "$bin/id" '[ "$1" = -u ] && echo "$FAKE_UID"'
stub "$bin/sudo" 'if [ "$FAKE_UID" = 0 ]; then echo "sudo: not found" >&2; exit 127; fi
echo "sudo $*" >>"$LOG"; FAKE_UID=0 exec "$@"'
stub "$bin/nproc" 'echo 4'
for t in apt-get make; do
	stub "$bin/$t" 'echo "$(basename "$0") $*" >>"$LOG"'
done
stub "$tmp/clone/build/arcbatt" 'echo "./build/arcbatt $*" >>"$LOG"'

printf '%s\n' "$cmds" | {
	k=0
	while IFS= read -r cmd; do
		k=$((k + 1))
		for who in root:0 user:1000; do
			for shell in sh bash; do
				: >"$tmp/log"
				status=0
				(cd "$tmp/clone" && PATH="$bin:$PATH" FAKE_UID=${who#*:} LOG=$tmp/log \
					"$shell" -c "$cmd") </dev/null 2>"$tmp/err" || status=$?
				sed "s/^/command $k, ${who%:*}, $shell: /" "$tmp/log"
				cat "$tmp/err"
				echo "command $k, ${who%:*}, $shell: exit $status"
			done
		done
	done
}

# Other shapes are refused: no quick start, a third line, one line only.
printf '# x\n\n## Quick start\n\n```\na\nb\nc\n```\n' >"$tmp/three.md"
printf '# x\n\n## Quick start\n\n```\na\n```\n' >"$tmp/one.md"
printf '# x\n\n## Usage\n\n```\na\nb\n```\n' >"$tmp/none.md"
for f in three one none; do
	status=0
	"$repo/.ci/readme-commands" "$tmp/$f.md" >/dev/null 2>"$tmp/err" || status=$?
	sed "s|$tmp/||" "$tmp/err"
	echo "$f.md: exit $status"
done
