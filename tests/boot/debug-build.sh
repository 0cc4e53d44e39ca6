#!/bin/bash
# The DEBUG=1 build (docs/hardening.md): a tree of its own, the memory
# debugging options on by default, and every in-kernel test passing
# under them, highmem included.
set -euo pipefail
out=${BUILD:-build}/debug
make -s DEBUG=1 BUILD="$out" CMDLINE="ktest=all poweroff" all
log=$out/ktest.log
QEMU_TIMEOUT=300 tools/qemu-run.sh "$out/kernel.iso" 6G < /dev/null > "$log" 2>&1 || {
	tail -30 "$log"
	exit 1
}
for re in '^DEBUG=1 build: page_poison, debug_pagealloc, slab_debug and kmap.debug are on' \
	'^page_debug: on: page_poison debug_pagealloc' \
	'^kmap: debug mode' \
	'^# ktest: [0-9]+ passed, 0 failed'; do
	grep -qE "$re" "$log" || { echo "debug-build: no /$re/ in $log"; exit 1; }
done
grep -E '^# ktest: [0-9]+ passed' "$log"
