#!/bin/bash
# memview-run.sh ISO MEM OUT: make memview. Boots the ISO in QEMU with the
# live memview picture on (kernel/drivers/memview.c), runs a workload at the shell
# and saves what the screen shows meanwhile:
#   OUT/frame-NN.png    screendumps through QEMU's monitor, converted
#                       from PPM with python3-pil (tools/memview.py);
#   OUT/sheet.png       a contact sheet of the frames, OUT/memview.gif
#                       the same as an animation;
#   OUT/pagemap-*.png   `pagemap raw` drawn by tools/memview.py, at a
#                       fresh boot, after the stress run and with user
#                       programs running; OUT/serial.log the console.
# The workload (MEMVIEW_WORKLOAD=default): deferred init finished, the
# stress run (MEMVIEW_STRESS ops, default 20000), then user programs:
# a tree of 63 processes, then memtouch holding 32 MiB of HighMem while
# Debian's busybox runs its test script (user/rootfs/bin/bbtests).
# Exit status: the kernel's (tools/qemu-run.sh).
set -eu
iso=$1 mem=$2 out=$3
stress=${MEMVIEW_STRESS:-20000}
top=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
rm -f "$out"/frame-*.p?m "$out"/pagemap-*.png "$out"/sheet.png "$out"/memview.gif

n=0
# A screendump of the frame now: "@@screendump" lines of the dialogue.
shot() {
	printf '@@screendump %s/frame-%02d.ppm\n' "$out" "$n"
	n=$((n + 1))
}

dialogue() {
	echo '@@expect kernel>'
	echo 'meminit wait'
	echo 'memview on'
	echo '@@expect memview: colours'
	echo '@@sleep 1'
	shot
	echo 'pagemap raw'
	echo 'echo memview: fresh boot mapped'
	echo '@@expect memview: fresh boot mapped'
	echo "stress $stress"
	for _ in 1 2 3 4 5 6; do
		echo '@@sleep 2'
		shot
	done
	echo 'echo memview: stress done'
	echo '@@expect memview: stress done'
	echo '@@sleep 1'
	shot
	echo 'pagemap raw'
	echo 'run /bin/forktree 5'
	# memtouch prints when it lets its pages go: wait for the touching
	# (some 5 s for 32 MiB under TCG, beside bbtests) instead.
	echo 'run /bin/memtouch 32M 40000 &'
	echo 'run /bin/bbtests &'
	echo '@@sleep 12'
	shot
	echo 'pagemap raw'
	echo '@@sleep 2'
	shot
	echo '@@sleep 5'
	shot
	echo 'pagemap'
	echo 'memview off'
	echo 'poweroff'
}

rc=0
dialogue | QEMU_FEED_SCRIPT=1 QEMU_LOG="$out/serial.log.tmp" \
	QEMU_TIMEOUT=${QEMU_TIMEOUT:-600} "$top/tools/qemu-run.sh" "$iso" "$mem" \
	> /dev/null || rc=$?
tr -d '\r' < "$out/serial.log.tmp" > "$out/serial.log"
rm -f "$out/serial.log.tmp"

frames=()
for ppm in "$out"/frame-*.ppm; do
	[ -e "$ppm" ] || continue
	/usr/bin/python3 -c 'import sys; from PIL import Image
Image.open(sys.argv[1]).save(sys.argv[2])' "$ppm" "${ppm%.ppm}.png"
	rm -f "$ppm"
	frames+=("${ppm%.ppm}.png")
done
if [ ${#frames[@]} -gt 0 ]; then
	/usr/bin/python3 "$top/tools/memview.py" --sheet "$out/sheet.png" \
		--gif "$out/memview.gif" --columns 4 "${frames[@]}"
fi
i=0
for what in fresh-boot after-stress user-programs; do
	/usr/bin/python3 "$top/tools/memview.py" --index "$i" \
		--title "$mem, $what" --png "$out/pagemap-$what.png" \
		"$out/serial.log" 2>/dev/null || true
	i=$((i + 1))
done
echo "memview: ${#frames[@]} frames, sheet.png, memview.gif and" \
	"pagemap-*.png in $out (the console in $out/serial.log)"
exit "$rc"
