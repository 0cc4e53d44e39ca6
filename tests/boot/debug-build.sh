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
for re in '^DEBUG=1 build: page_poison, debug_pagealloc, slab_debug, kmap.debug and lock_debug are on' \
	'^page_debug: on: page_poison debug_pagealloc' \
	'^kmap: debug mode' \
	'^# ktest: [0-9]+ passed, 0 failed'; do
	grep -qE "$re" "$log" || { echo "debug-build: no /$re/ in $log"; exit 1; }
done
grep -E '^# ktest: [0-9]+ passed' "$log"

# make DEBUG=1 qemu-gdb and make DEBUG=1 gdb, run as a user runs them,
# commands piped to GDB: GDB must load build/debug's symbols, stop the
# debug kernel at kmem_cache_init and read kmap_debug, which only a
# DEBUG=1 kernel has on by default; the helpers work there too.
# GDB detaches at the end: QEMU runs on and the kernel powers off.
port=$((20000 + RANDOM % 20000))
gdb_make=(make -s DEBUG=1 BUILD="$out" CMDLINE=poweroff GDB_PORT="$port")
"${gdb_make[@]}" qemu-gdb < /dev/null > "$out/qemu-gdb.log" 2>&1 &
qemu=$!
gdblog=$out/gdb.log
printf '%s\n' 'break kmem_cache_init' continue 'print kmap_debug' kmapinfo \
	buddyinfo delete detach |
	timeout 60 "${gdb_make[@]}" gdb > "$gdblog" 2>&1 || true
wait "$qemu" || { cat "$gdblog" "$out/qemu-gdb.log"; exit 1; }
# GDB reads from a pipe, so its prompts run into the output lines.
p='^(\(gdb\) )*'
for re in "^Reading symbols from $out/kernel\.elf\.\.\." \
	"$p"'(Thread [0-9]+ hit )?Breakpoint 1, kmem_cache_init \(\) at mm/slab\.c' "$p"'[$]1 = true$' \
	"$p"'kmap_atomic: 16 slots per CPU, guard pages between them \(kmap\.debug\)$' \
	"$p"'Node 0, zone +Normal( +[0-9]+){11} $'; do
	grep -qE "$re" "$gdblog" || { cat "$gdblog"; echo "debug-build: no /$re/ in $gdblog"; exit 1; }
done
echo "debug-build: make DEBUG=1 gdb loaded $out/kernel.elf"
