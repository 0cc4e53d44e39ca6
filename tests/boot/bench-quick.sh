#!/bin/bash
# The quick benchmark run (tools/bench.sh --quick), checked: every
# benchmark produced a row with numbers, the boot cost was measured, the
# targets were evaluated and the plot exists. Figures are not judged:
# speed lives in make bench, not in tests.
set -euo pipefail
out=${BUILD:-build}/test/bench
tools/bench.sh --quick --out "$out"
csv=$out/results.csv
head -1 "$csv" | grep -qx 'benchmark,variant,cpus,ops,instructions_per_op,ns_per_op'
rows=$(grep -c -E '^[a-z_0-9A-Z]+,[A-Za-z_0-9]+,2,[0-9]+,[0-9.]+,[0-9.]+$' "$csv")
one_cpu=$(grep -c -E '^[a-z_0-9A-Z]+,[A-Za-z_0-9]+,1,[0-9]+,[0-9.]+,$' "$csv")
echo "bench-quick: $rows complete rows with 2 CPUs, $one_cpu on one CPU"
[ "$rows" -ge 55 ] && [ "$one_cpu" -ge 55 ]
for b in kmap_atomic,highmem kmap_atomic,lowmem page_alloc_order0,highmem \
	kmalloc_const,64B clear_page,highmem ramdisk_seq_write,highmem \
	vmalloc_4M,lowmem copy_page,high_to_low; do
	grep -q "^$b," "$csv" || { echo "bench-quick: no row for $b"; exit 1; }
done
grep -q '^boot_to_shell,64M,2,1,[0-9]\+,$' "$csv"
[ "$(grep -c '^target: ' "$out/table.txt")" -eq 8 ]
if grep -q 'wrong checksum' "$out"/*.log; then
	echo "bench-quick: a RAM disk benchmark read back a wrong block"
	exit 1
fi
test -s "$out/highmem-vs-lowmem.png"
