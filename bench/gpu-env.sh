# bench/gpu-env.sh — sourced by bench/gpu.sh and bench/search-gpu.sh on the GPU machine: where
# the machine has no headers for the build's libraries, unpacks .deps/*.deb (bench/gpu-deps.sh
# fetches them where apt works) into /tmp/arcbatt-deps and points the compiler, the linker and
# the loader there. Returns non-zero when the libraries are missing and there are no .deb files.
if ! printf '#include <jansson.h>\n#include <xxhash.h>\n#include <sqlite3.h>\n#include <cmocka.h>\n' |
	cc -E -x c - >/dev/null 2>&1; then
	echo "libraries missing: unpacking .deps/*.deb"
	d=/tmp/arcbatt-deps
	mkdir -p $d
	for f in .deps/*.deb; do
		[ -f "$f" ] || { echo "no .deps/*.deb (run bench/gpu-deps.sh where apt works)"; return 1; }
		if command -v dpkg-deb >/dev/null; then
			dpkg-deb -x "$f" $d
		else
			(t=$(mktemp -d) && cd "$t" && ar x "$OLDPWD/$f" && tar -xf data.tar.* -C $d && rm -rf "$t")
		fi
	done
	lib=$d/usr/lib/x86_64-linux-gnu
	# C_INCLUDE_PATH, not CPATH: system headers, so -Wshadow ignores jansson.h's own names
	export C_INCLUDE_PATH=$d/usr/include LIBRARY_PATH=$lib LD_LIBRARY_PATH=$lib
fi
