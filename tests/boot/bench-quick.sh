#!/bin/bash
# The quick benchmark run (tools/bench.sh --quick), checked: every
# benchmark produced a row with numbers, the boot cost was measured, the
# targets were evaluated, the kmap benchmarks ran at 4 CPUs and mt_copy
# under multi-threaded TCG, with their TLB and IPI counts, and the plots
# exist. Figures are not judged:
# speed lives in make bench, not in tests.
set -euo pipefail
out=${BUILD:-build}/test/bench
tools/bench.sh --quick --out "$out"
csv=$out/results.csv
head -1 "$csv" | grep -qx 'benchmark,variant,cpus,ops,instructions_per_op,ns_per_op,invlpg_per_op,full_flushes_per_op,ipis_per_op'
n='[0-9]+\.[0-9]+'
rows=$(grep -c -E "^[a-z_0-9A-Z]+,[A-Za-z_0-9]+,2,[0-9]+,$n,$n,$n,$n,$n\$" "$csv")
one_cpu=$(grep -c -E "^[a-z_0-9A-Z]+,[A-Za-z_0-9]+,1,[0-9]+,$n,,$n,$n,$n\$" "$csv")
four=$(grep -c -E "^kmap[a-z_]*,[a-z]+,4,[0-9]+,$n,,$n,$n,$n\$" "$csv")
mt=$(grep -c -E "^mt_copy,kmap(_local)?,2,[0-9]+,,$n,$n,$n,$n\$" "$csv")
echo "bench-quick: $rows complete rows with 2 CPUs, $one_cpu on one CPU," \
	"$four kmap rows at 4 CPUs, $mt mt_copy rows under MTTCG"
[ "$rows" -ge 55 ] && [ "$one_cpu" -ge 55 ] && [ "$four" -ge 8 ] && [ "$mt" -eq 2 ]
# kmap_local and kmap_atomic of a highmem page: one invlpg each, no IPI.
for b in kmap_local kmap_atomic; do
	grep -q -E "^$b,highmem,4,[0-9]+,$n,,1\.0000,0\.0000,0\.0000\$" "$csv" ||
		{ echo "bench-quick: $b,highmem at 4 CPUs: not one invlpg and no IPI"; exit 1; }
done
for b in kmap_atomic,highmem kmap_atomic,lowmem kmap_local,highmem \
	kmap_local,lowmem page_alloc_order0,highmem \
	kmalloc_const,64B clear_page,highmem ramdisk_seq_write,highmem \
	vmalloc_4M,lowmem copy_page,high_to_low; do
	grep -q "^$b," "$csv" || { echo "bench-quick: no row for $b"; exit 1; }
done
grep -q '^boot_to_shell,64M,2,1,[0-9]\+,,,,$' "$csv"
grep -q '^CPU scaling' "$out/table.txt"
grep -q '^mt_copy: ' "$out/table.txt"
[ "$(grep -c "^target: " "$out/table.txt")" -ge 14 ]
if grep -q 'wrong checksum' "$out"/*.log; then
	echo "bench-quick: a RAM disk benchmark read back a wrong block"
	exit 1
fi
test -s "$out/highmem-vs-lowmem.png"
test -s "$out/cpu-scaling.png"
