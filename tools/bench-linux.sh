#!/bin/bash
# make bench-linux: the benchmarks of make bench on Debian's Linux 6.1
# 686-pae, under the same QEMU, side by side with this kernel's.
#
#   tools/bench-linux.sh [--quick] [--out DIR]
#
# 1. tools/fetch-linux.sh: Debian's linux-image-686-pae:i386, its
#    headers and the host's kbuild, unpacked into build/linux/.
# 2. The module tests/bench-linux/hmbench.c, built against those
#    headers (in a copy: kbuild writes beside the sources); tscinit and
#    ubench-run (static, musl) and the stub kernel image (NASM).
# 3. One initramfs for every boot of both kernels: Debian's busybox,
#    user/ubench, tscinit, ubench-run, the module, tests/bench-linux/
#    init.sh. Linux boots it with -kernel vmlinuz -initrd, this kernel
#    from its ISO, as a GRUB module.
# 4. Under qemu -icount shift=0 at BENCH_MEM (2G) with BENCH_SMP CPUs
#    (2): Linux with the module and the user workloads (highmem); again
#    with highmem=0 (user workloads in lowmem) and with userpte=nohigh
#    (page tables in lowmem). Then BENCH_LINUX_TCG_RUNS (1) boots under
#    plain TCG for emulated time.
# 5. Boot cost at BENCH_LINUX_BOOT_SIZES (1G 6G 61G): Linux, the stub
#    booted the same way (what firmware and loader cost before Linux's
#    first instruction), and this kernel, each with tscinit as init.
# 6. tools/bench_linux.py: DIR/results.csv (Linux's rows and this
#    kernel's boot rows), build/bench/compare.csv (both kernels, a
#    kernel column), build/bench/compare.txt (side by side) and three
#    plots, build/bench/linux-{side-by-side,ratios,boot}.png. make
#    docs-bench combines them again with a newer make bench.
#
# Linux brings up BENCH_LINUX_CPUS (1) of the BENCH_SMP CPUs QEMU gives
# it (maxcpus=), and this kernel's rows compared are those with as many
# CPUs: under -icount QEMU runs the CPUs round-robin, and Linux's
# bring-up of a second CPU and every udelay() after it (PAUSE loops,
# each PAUSE a turn of the round) take minutes of host time here. With
# BENCH_LINUX_CPUS=2 Linux gets lpj= (no delay-loop calibration on the
# second CPU) and a CPU without MONITOR/MWAIT: with them, Linux's
# bring-up of a second CPU hangs under TCG even without -icount
# (docs/benchmarks.md, "Linux side by side").
#
# This kernel's side is build/bench/results.csv, from make bench; if it
# is missing, make bench runs first. --quick: every benchmark at 1/100
# of its operations, the 1G boot only, no TCG run, and, if there are no
# results of make bench, those of tools/bench.sh --quick (in DIR): it
# proves the pipeline works in some five minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
OUT=$BUILD/bench/linux
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
LINUX_CPUS=${BENCH_LINUX_CPUS:-1}
TCG_RUNS=${BENCH_LINUX_TCG_RUNS:-1}
BOOT_SIZES=${BENCH_LINUX_BOOT_SIZES:-1G 6G 61G}
THIS=${BENCH_RESULTS:-$BUILD/bench/results.csv}
PATTERN=all
QUICK_ARG=
if [ "$QUICK" = 1 ]; then
	PATTERN=quick
	QUICK_ARG=quick
	TCG_RUNS=0
	BOOT_SIZES=1G
fi
LINUX=$BUILD/linux
mkdir -p "$OUT"

if [ ! -f "$THIS" ]; then
	if [ "$QUICK" = 1 ]; then
		# Beside Linux's, not in build/bench: a later make bench-linux
		# must not take quick figures for make bench's.
		echo "bench-linux: no $THIS: running tools/bench.sh --quick for this kernel's side"
		THIS=$OUT/this-quick/results.csv
		tools/bench.sh --quick --out "$OUT/this-quick" > "$OUT/this-quick.log"
	else
		echo "bench-linux: no $THIS: running make bench first (this kernel's side, several minutes)"
		tools/bench.sh --out "$(dirname "$THIS")"
	fi
fi

make -s all >/dev/null
tools/fetch-linux.sh "$LINUX"
# shellcheck source=/dev/null # written by tools/fetch-linux.sh
. "$LINUX/linux.env"
VMLINUZ=$LINUX/$LINUX_VMLINUZ

echo "bench-linux: building the module against Linux $LINUX_RELEASE's headers"
rm -rf "$OUT/module"
mkdir -p "$OUT/module" "$OUT/bin"
cp tests/bench-linux/Kbuild tests/bench-linux/hmbench.c "$OUT/module/"
make -s -C "$LINUX/$LINUX_HEADERS" M="$(realpath "$OUT/module")" modules > "$OUT/module.log" 2>&1 ||
	{ cat "$OUT/module.log" >&2; echo "bench-linux: the module did not build" >&2; exit 1; }
for prog in tscinit ubench-run; do
	entry=()
	[ "$prog" = tscinit ] && entry=("-Wl,-e,tsc_start")
	i386-linux-musl-gcc -static -s -O2 -std=gnu11 -Wall -Wextra -Werror \
		"${entry[@]}" "tests/bench-linux/$prog.c" -o "$OUT/bin/$prog"
done
nasm -f bin tests/bench-linux/stub-bzimage.asm -o "$OUT/stub-bzimage"

# The initramfs both kernels boot. The module without its debug
# information: the archive is unpacked at every boot, by both.
rm -rf "$OUT/rootfs"
mkdir -p "$OUT/rootfs/lib/modules" "$OUT/rootfs/etc" "$OUT/rootfs/tmp"
strip --strip-debug -o "$OUT/rootfs/lib/modules/hmbench.ko" "$OUT/module/hmbench.ko"
cp tests/bench-linux/init.sh "$OUT/rootfs/etc/hmbench.sh"
tools/mkinitramfs.sh --busybox "$BUILD/busybox/busybox" "$OUT/initramfs" \
	"$OUT/rootfs" "$OUT/initramfs.cpio" "$BUILD/user/bin/ubench" \
	"$BUILD/user/bin/exitcode" "$OUT/bin/tscinit" "$OUT/bin/ubench-run"

# Linux at its fastest honest setting: no zeroing of every allocation
# (Debian's build has INIT_ON_ALLOC_DEFAULT_ON), no page-table isolation
# and no other speculation mitigations (this kernel has none either), no
# self-tests of the crypto algorithms at boot (3.7 G instructions of a
# Debian boot here: a check, like this kernel's ktests, which it runs
# only when asked); nokaslr: the same addresses in every run, so the
# counts repeat.
LINUX_CMDLINE="console=ttyS0 init_on_alloc=0 nopti mitigations=off cryptomgr.notests nokaslr maxcpus=$LINUX_CPUS"
LINUX_QEMU_CPU=max,phys-bits=36
if [ "$LINUX_CPUS" -gt 1 ]; then
	LINUX_CMDLINE="$LINUX_CMDLINE lpj=3999992"
	LINUX_QEMU_CPU=max,phys-bits=36,-monitor
fi

linux_boot() { # linux_boot KERNEL LOG MEM EXTRA-CMDLINE [QEMU ARGS...]
	local kernel=$1 log=$2 mem=$3 extra=$4
	shift 4
	QEMU_SMP=$SMP QEMU_CPU=$LINUX_QEMU_CPU QEMU_TIMEOUT=1200 \
		tools/qemu-run.sh "$BUILD/kernel.iso" "$mem" "$@" \
		-kernel "$kernel" -initrd "$OUT/initramfs.cpio" \
		-append "$LINUX_CMDLINE $extra" < /dev/null > "$log" 2>&1 ||
		{ echo "bench-linux: the guest failed, see $log" >&2; tail -5 "$log" >&2; exit 1; }
}

INIT="rdinit=/bin/tscinit -- /bin/sh /etc/hmbench.sh"
echo "bench-linux: Linux $LINUX_RELEASE at $MEM, $LINUX_CPUS of $SMP CPUs, under -icount"
linux_boot "$VMLINUZ" "$OUT/icount.log" "$MEM" "$INIT $PATTERN highmem $QUICK_ARG" -icount shift=0
linux_boot "$VMLINUZ" "$OUT/icount-lowmem.log" "$MEM" "highmem=0 $INIT none lowmem $QUICK_ARG" -icount shift=0
linux_boot "$VMLINUZ" "$OUT/icount-lowpte.log" "$MEM" "userpte=nohigh $INIT none highmem_lowpte $QUICK_ARG" -icount shift=0
rm -f "$OUT"/tcg-*.log
for r in $(seq 1 "$TCG_RUNS"); do
	echo "bench-linux: Linux under plain TCG ($r of $TCG_RUNS), for emulated time"
	linux_boot "$VMLINUZ" "$OUT/tcg-$r.log" "$MEM" "$INIT $PATTERN highmem $QUICK_ARG"
done

echo "bench-linux: boot cost at $BOOT_SIZES, both kernels"
tools/mkgrubcfg.sh "init=/bin/tscinit maxcpus=$LINUX_CPUS poweroff" > "$OUT/boot.cfg"
tools/mkiso.sh "$BUILD/kernel.elf" "$OUT/boot.cfg" "$OUT/initramfs.cpio" "$OUT/boot.iso"
rm -f "$OUT"/boot-*.log
for size in $BOOT_SIZES; do
	linux_boot "$VMLINUZ" "$OUT/boot-linux-$size.log" "$size" "rdinit=/bin/tscinit" -icount shift=0
	linux_boot "$OUT/stub-bzimage" "$OUT/boot-stub-$size.log" "$size" "rdinit=/bin/tscinit" -icount shift=0
	QEMU_SMP=$SMP QEMU_TIMEOUT=600 tools/qemu-run.sh "$OUT/boot.iso" "$size" -icount shift=0 \
		< /dev/null > "$OUT/boot-this-$size.log" 2>&1 ||
		{ echo "bench-linux: this kernel failed, see $OUT/boot-this-$size.log" >&2; exit 1; }
done

/usr/bin/python3 tools/bench_linux.py measure "$OUT" --linux-cpus "$LINUX_CPUS" \
	--version "$LINUX_RELEASE ($LINUX_VERSION)"
/usr/bin/python3 tools/bench_linux.py combine "$THIS" "$OUT/results.csv" \
	"$BUILD/bench" --plots
cat "$BUILD/bench/compare.txt"
echo "bench-linux: $OUT/results.csv, $BUILD/bench/compare.csv, $BUILD/bench/compare.txt," \
	"$BUILD/bench/linux-{side-by-side,ratios,boot}.png"
