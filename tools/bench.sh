#!/bin/bash
# make bench: the highmem vs lowmem benchmark suite.
#
#   tools/bench.sh [--quick] [--out DIR]
#
# 1. One boot under `qemu -icount shift=0` with BENCH_SMP CPUs (default
#    2): the guest's TSC counts instructions, so the figures are exact
#    and repeatable (-icount runs the CPUs round-robin on one thread;
#    the benchmark runs on CPU 0, the others idle). Then the same on one
#    CPU: what SMP costs the fast paths.
# 2. BENCH_TCG_RUNS boots under plain TCG (emulated time, noisy), with
#    BENCH_SMP CPUs: the median of the runs is reported.
# 3. Boot cost: instructions from start_kernel to the shell, under
#    -icount, at several memory sizes.
# Output in DIR (default build/bench): results.csv
# (benchmark,variant,cpus,ops,instructions_per_op,ns_per_op: the rows
# with SMP on, then the one-CPU rows, instructions only), table.txt,
# highmem-vs-lowmem.png (gnuplot), and the raw logs. --quick runs every
# benchmark at 1/100 of its operations, one TCG run, one boot size: it
# only proves that the suite still works (make test uses it).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
OUT=$BUILD/bench
QUICK=0
while [ $# -gt 0 ]; do
	case $1 in
	--quick) QUICK=1 ;;
	--out) OUT=$2; shift ;;
	*) echo "usage: $0 [--quick] [--out DIR]" >&2; exit 2 ;;
	esac
	shift
done
MEM=${BENCH_MEM:-2G}
SMP=${BENCH_SMP:-2}
RUNS=${BENCH_TCG_RUNS:-3}
BOOT_SIZES=${BENCH_BOOT_SIZES:-64M 1G 6G 16G 61G}
PATTERN=all
if [ "$QUICK" = 1 ]; then
	RUNS=1
	BOOT_SIZES=64M
	PATTERN=quick
fi
mkdir -p "$OUT"
make -s all >/dev/null

iso_with() { # iso_with CMDLINE FILE
	tools/mkgrubcfg.sh "$1" > "$2.cfg"
	tools/mkiso.sh "$BUILD/kernel.elf" "$2.cfg" "$2"
}

boot() { # boot ISO LOG [QEMU ARGS...]
	local iso=$1 log=$2
	shift 2
	QEMU_SMP=${QEMU_SMP:-$SMP} QEMU_TIMEOUT=600 tools/qemu-run.sh "$iso" "$@" \
		< /dev/null > "$log" 2>&1 ||
		{ echo "bench: the guest failed, see $log" >&2; tail -5 "$log" >&2; exit 1; }
}

echo "bench: building the benchmark ISO (bench=$PATTERN) and booting it"
iso_with "bench=$PATTERN poweroff" "$OUT/bench.iso"
boot "$OUT/bench.iso" "$OUT/icount.log" "$MEM" -icount shift=0
QEMU_SMP=1 boot "$OUT/bench.iso" "$OUT/icount-1cpu.log" "$MEM" -icount shift=0
for r in $(seq 1 "$RUNS"); do
	boot "$OUT/bench.iso" "$OUT/tcg-$r.log" "$MEM"
done

echo "bench: measuring boot cost at $BOOT_SIZES"
iso_with "poweroff" "$OUT/boot.iso"
for size in $BOOT_SIZES; do
	boot "$OUT/boot.iso" "$OUT/boot-$size.log" "$size" -icount shift=0
done

# results.csv: instructions from the icount run, the median ns of the
# TCG runs; boot cost rows (boot_to_shell, and mem_map_init: setting up
# mem_map and the free lists) have the instruction count as "per op".
{
	echo "benchmark,variant,cpus,ops,instructions_per_op,ns_per_op"
	awk -F'[:,]' -v cpus="$SMP" '
	{ sub(/\r$/, "") } # the serial console ends lines with CR LF
	FILENAME ~ /icount-1cpu/ && /^bench: [A-Za-z_0-9]+,/ {
		key = $2 "," $3; sub(/^ /, "", key); one[++n1] = key
		ops1[key] = $4; instr1[key] = $5; next
	}
	FILENAME ~ /icount/ && /^bench: [A-Za-z_0-9]+,/ {
		key = $2 "," $3; sub(/^ /, "", key); order[++n] = key
		ops[key] = $4; instr[key] = $5
	}
	FILENAME ~ /tcg-/ && /^bench: [A-Za-z_0-9]+,/ {
		key = $2 "," $3; sub(/^ /, "", key); ns[key] = ns[key] " " $6
	}
	END {
		for (i = 1; i <= n; i++) {
			k = order[i]; m = split(ns[k], v, " ")
			# median of the TCG runs
			for (a = 1; a <= m; a++) for (b = a + 1; b <= m; b++)
				if (v[b] + 0 < v[a] + 0) { t = v[a]; v[a] = v[b]; v[b] = t }
			printf "%s,%s,%s,%s,%s\n", k, cpus, ops[k], instr[k], m ? v[int((m + 1) / 2)] : ""
		}
		for (i = 1; i <= n1; i++)
			printf "%s,1,%s,%s,\n", one[i], ops1[one[i]], instr1[one[i]]
	}' "$OUT/icount.log" "$OUT/icount-1cpu.log" "$OUT"/tcg-*.log
	for size in $BOOT_SIZES; do
		tr -d '\r' < "$OUT/boot-$size.log" |
			sed -n "s/^Boot: \([0-9]*\) TSC cycles from start_kernel.*/boot_to_shell,$size,$SMP,1,\1,/p"
	done
	for size in $BOOT_SIZES; do
		tr -d '\r' < "$OUT/boot-$size.log" |
			sed -n "s/^mm: mem_map and free lists set up in \([0-9]*\) TSC cycles.*/mem_map_init,$size,$SMP,1,\1,/p"
	done
} > "$OUT/results.csv"

# The table, with the highmem/lowmem ratio wherever both variants exist,
# and the targets of the benchmark issue, checked against the exact
# figures (docs/benchmarks.md shows the same, from docs/bench-results.csv).
tools/bench_table.py "$OUT/results.csv" > "$OUT/table.txt"
cat "$OUT/table.txt"

# The plot: lowmem and highmem side by side, instructions per operation.
awk -F, -v cpus="$SMP" 'NR > 1 && $3 == cpus && $2 == "lowmem" { lo[$1] = $5; lons[$1] = $6; order[++n] = $1 }
	NR > 1 && $3 == cpus && $2 == "highmem" { hi[$1] = $5; hins[$1] = $6 }
	END { for (i = 1; i <= n; i++) if (order[i] in hi)
		printf "%s %s %s %s %s\n", order[i], lo[order[i]], hi[order[i]],
			lons[order[i]], hins[order[i]] }' \
	"$OUT/results.csv" > "$OUT/pairs.dat"
gnuplot -e "datafile='$OUT/pairs.dat'; outfile='$OUT/highmem-vs-lowmem.png'" \
	tools/bench-plot.gp
echo "bench: $OUT/results.csv, $OUT/table.txt, $OUT/highmem-vs-lowmem.png"
