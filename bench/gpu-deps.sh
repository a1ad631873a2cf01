#!/bin/sh
# bench/gpu-deps.sh — run HERE (a Debian machine with apt), not on the GPU machine: downloads
# the .deb files of the build's libraries (jansson, xxhash, sqlite3, cmocka) into .deps/, which
# .gitignore keeps out of git; name .deps in the device run's `carry` so that bench/gpu.sh can
# unpack them there when that machine lacks them (it cannot reach a package registry).
set -eu
cd "$(dirname "$0")/.."
mkdir -p .deps
cd .deps
apt-get download libjansson-dev libjansson4 libxxhash-dev libxxhash0 libsqlite3-dev \
	libsqlite3-0 libcmocka-dev libcmocka0
ls -l
