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
#    -icount, at several memory sizes; and at 61G once more with
#    deferred_init=off (variant 61G-eager), every struct page written at
#    boot, for comparison.
# 4. CPU scaling: the kmap benchmarks again under -icount with
#    BENCH_SCALE_CPUS CPUs (default 4 8; with 1 and BENCH_SMP from 1.,
#    the three ways of mapping a highmem page at 1 to 8 CPUs), and the
#    mt_copy benchmark (a thread per CPU copying into highmem pages
#    through kmap or kmap_local) under multi-threaded TCG at
#    BENCH_MTTCG_CPUS CPUs (default 1 2 4): emulated time, noisy.
# Output in DIR (default build/bench): results.csv
# (benchmark,variant,cpus,ops,instructions_per_op,ns_per_op,
# invlpg_per_op,full_flushes_per_op,ipis_per_op: the rows with SMP on,
# the one-CPU rows (instructions only), the scaling rows (likewise),
# the MTTCG rows (time only), the boot cost), table.txt,
# highmem-vs-lowmem.png and cpu-scaling.png (gnuplot), and the raw logs.
# The last three columns are the kernel's own counters, summed over the
# CPUs: invlpg instructions, full TLB flushes and IPIs received per
# operation. --quick runs every benchmark at 1/100 of its operations,
# one TCG run, one boot size, scaling at 4 CPUs and MTTCG at 2: it only
# proves that the suite still works (make test uses it).
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
# The same boots with mem_map=sparse: what the flat map's holes cost.
SPARSE_SIZES=${BENCH_SPARSE_SIZES:-6G 61G}
SCALE_CPUS=${BENCH_SCALE_CPUS:-4 8}
MTTCG_CPUS=${BENCH_MTTCG_CPUS:-1 2 4}
PATTERN=all
SCALE_PATTERN='kmap*'
if [ "$QUICK" = 1 ]; then
	RUNS=1
	BOOT_SIZES=64M
	SPARSE_SIZES=
	PATTERN=quick
	SCALE_PATTERN='quick:kmap*'
	SCALE_CPUS=4
	MTTCG_CPUS=2
fi
mkdir -p "$OUT"
make -s all >/dev/null

iso_with() { # iso_with CMDLINE FILE
	tools/mkgrubcfg.sh "$1" > "$2.cfg"
	tools/mkiso.sh "$BUILD/kernel.elf" "$2.cfg" "$BUILD/initramfs.cpio" "$2"
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
iso_with "mem_map=sparse poweroff" "$OUT/boot-sparse.iso"
for size in $SPARSE_SIZES; do
	boot "$OUT/boot-sparse.iso" "$OUT/boot-$size-sparse.log" "$size" -icount shift=0
done
EAGER_SIZES=61G
if [ "$QUICK" = 1 ]; then EAGER_SIZES=; fi
if [ -n "$EAGER_SIZES" ]; then
	echo "bench: and at $EAGER_SIZES with deferred_init=off"
	iso_with "deferred_init=off poweroff" "$OUT/boot-eager.iso"
fi
for size in $EAGER_SIZES; do
	boot "$OUT/boot-eager.iso" "$OUT/boot-$size-eager.log" "$size" -icount shift=0
done

echo "bench: CPU scaling: kmap* at $SCALE_CPUS CPUs (icount), mt_copy at $MTTCG_CPUS (MTTCG)"
iso_with "bench=$SCALE_PATTERN poweroff" "$OUT/scale.iso"
for n in $SCALE_CPUS; do
	# 1 and BENCH_SMP CPUs are measured above already.
	if [ "$n" = 1 ] || [ "$n" = "$SMP" ]; then continue; fi
	QEMU_SMP=$n boot "$OUT/scale.iso" "$OUT/scale-$n.log" "$MEM" -icount shift=0
done
iso_with "bench=mt_* poweroff" "$OUT/mttcg.iso"
for n in $MTTCG_CPUS; do
	QEMU_SMP=$n QEMU_ACCEL=tcg,thread=multi boot "$OUT/mttcg.iso" \
		"$OUT/mttcg-$n.log" "$MEM"
done

scale_logs=()
for n in $SCALE_CPUS; do
	if [ "$n" != 1 ] && [ "$n" != "$SMP" ]; then scale_logs+=("$OUT/scale-$n.log"); fi
done
mttcg_logs=()
for n in $MTTCG_CPUS; do mttcg_logs+=("$OUT/mttcg-$n.log"); done

# results.csv: instructions and counters from the icount run, the
# median ns of the TCG runs; the one-CPU and scaling rows from their
# icount runs, the MTTCG rows' time and counters; boot cost rows
# (boot_to_shell, and mem_map_init: setting up mem_map and the free
# lists) have the instruction count as "per op".
{
	echo "benchmark,variant,cpus,ops,instructions_per_op,ns_per_op,invlpg_per_op,full_flushes_per_op,ipis_per_op"
	awk -F'[:,]' -v cpus="$SMP" '
	{ sub(/\r$/, "") } # the serial console ends lines with CR LF
	!/^bench: [A-Za-z_0-9]+,/ { next }
	{ key = $2 "," $3; sub(/^ /, "", key); counts = $7 "," $8 "," $9 }
	FILENAME ~ /icount-1cpu/ {
		one[++n1] = key; ops1[key] = $4; instr1[key] = $5; cnt1[key] = counts; next
	}
	FILENAME ~ /icount/ {
		order[++n] = key; ops[key] = $4; instr[key] = $5; cnt[key] = counts; next
	}
	FILENAME ~ /mttcg-/ {
		c = FILENAME; sub(/.*mttcg-/, "", c); sub(/\.log$/, "", c)
		mt[++nm] = key "," c "," $4 ",," $6 "," counts; next
	}
	FILENAME ~ /\/tcg-/ { ns[key] = ns[key] " " $6; next }
	FILENAME ~ /scale-/ {
		c = FILENAME; sub(/.*scale-/, "", c); sub(/\.log$/, "", c)
		scale[++ns_] = key "," c "," $4 "," $5 ",," counts; next
	}
	END {
		for (i = 1; i <= n; i++) {
			k = order[i]; m = split(ns[k], v, " ")
			# median of the TCG runs
			for (a = 1; a <= m; a++) for (b = a + 1; b <= m; b++)
				if (v[b] + 0 < v[a] + 0) { t = v[a]; v[a] = v[b]; v[b] = t }
			printf "%s,%s,%s,%s,%s,%s\n", k, cpus, ops[k], instr[k], m ? v[int((m + 1) / 2)] : "", cnt[k]
		}
		for (i = 1; i <= n1; i++)
			printf "%s,1,%s,%s,,%s\n", one[i], ops1[one[i]], instr1[one[i]], cnt1[one[i]]
		for (i = 1; i <= ns_; i++) print scale[i]
		for (i = 1; i <= nm; i++) print mt[i]
	}' "$OUT/icount.log" "$OUT/icount-1cpu.log" "$OUT"/tcg-*.log \
		"${scale_logs[@]}" "${mttcg_logs[@]}"
	boot_sizes="$BOOT_SIZES"
	for size in $EAGER_SIZES; do boot_sizes="$boot_sizes $size-eager"; done
	for size in $boot_sizes; do
		tr -d '\r' < "$OUT/boot-$size.log" |
			sed -n "s/^Boot: \([0-9]*\) TSC cycles from start_kernel.*/boot_to_shell,$size,$SMP,1,\1,,,,/p"
	done
	for size in $boot_sizes; do
		tr -d '\r' < "$OUT/boot-$size.log" |
			sed -n "s/^mm: mem_map and free lists set up in \([0-9]*\) TSC cycles.*/mem_map_init,$size,$SMP,1,\1,,,,/p"
	done
	for size in $SPARSE_SIZES; do
		tr -d '\r' < "$OUT/boot-$size-sparse.log" |
			sed -n "s/^Boot: \([0-9]*\) TSC cycles from start_kernel.*/boot_to_shell,$size-sparse,$SMP,1,\1,,,,/p"
	done
	# lowmem_available: KiB of lowmem the page allocator has after boot
	# (the Memory: line's available minus its highmem), flat and sparse.
	for log in $(for size in $BOOT_SIZES; do echo "$OUT/boot-$size.log"; done) \
		$(for size in $SPARSE_SIZES; do echo "$OUT/boot-$size-sparse.log"; done); do
		variant=${log##*/boot-}; variant=${variant%.log}
		tr -d '\r' < "$log" |
			sed -n "s/^Memory: \([0-9]*\)K\/[0-9]*K available .* \([0-9]*\)K highmem)\$/\1 \2/p" |
			awk -v v="$variant" -v cpus="$SMP" '{ printf "lowmem_available,%s,%s,1,%d,,,,\n", v, cpus, $1 - $2 }'
	done
} > "$OUT/results.csv"

# The table, with the highmem/lowmem ratio wherever both variants exist,
# and the targets of the benchmark issue, checked against the exact
# figures (docs/benchmarks.md shows the same, from docs/bench-results.csv).
tools/bench_table.py "$OUT/results.csv" --plot-data "$OUT" > "$OUT/table.txt"
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
# The second plot: the ways of mapping a highmem page as CPUs grow.
gnuplot -e "scaling='$OUT/scaling.dat'; mttcg='$OUT/mttcg.dat'; outfile='$OUT/cpu-scaling.png'" \
	tools/cpu-scaling-plot.gp
echo "bench: $OUT/results.csv, $OUT/table.txt, $OUT/highmem-vs-lowmem.png, $OUT/cpu-scaling.png"
