#!/bin/bash
# make KTEST=0: the kernel without its tests and benchmarks builds,
# boots to the shell and works; the test commands and options are gone.
set -euo pipefail
out=${BUILD:-build}/noktest
make -s KTEST=0 BUILD="$out" CMDLINE="ktest=all" all
log=$out/boot.log
printf 'help\nktest all\nmeminfo\nalloc highmem\npoweroff\n' |
	QEMU_TIMEOUT=60 tools/qemu-run.sh "$out/kernel.iso" 6G > "$log" 2>&1 || {
	tail -30 "$log"
	exit 1
}
for re in "unknown option 'ktest' ignored" 'ktest: unknown command' \
	'^MemTotal: +[0-9]+ kB' '^pfn 0x[0-9a-f]+ phys .* zone HighMem' \
	'^Power off: success'; do
	grep -qE "$re" "$log" || { echo "noktest-build: no /$re/ in $log"; exit 1; }
done
for cmd in ktest bench crash stress; do
	if grep -qE "^  $cmd " "$log"; then
		echo "noktest-build: help lists $cmd"
		exit 1
	fi
done
if nm "$out/kernel.elf" | grep -qE ' (ktest_run|bench_run|stress_run)$'; then
	echo "noktest-build: test code linked into the KTEST=0 kernel"
	exit 1
fi
echo "noktest-build: the core alone boots and runs the shell"
