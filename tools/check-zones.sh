#!/bin/sh
# check-zones.sh LOG: compare the zone sizes a boot printed (zoneinfo,
# meminfo) with what the firmware memory map in the same log implies.
#
# Independent arithmetic: from the "Memory map from the boot loader"
# lines, usable RAM is cut to whole pages and split at 16 MiB (DMA) and
# at min(896 MiB, end of RAM) (lowmem); each zone's "present" must match
# exactly, HighTotal must equal the HighMem pages, and the meminfo
# totals must add up. Prints what it compared; exits 1 on a mismatch.
# Valid for boots without mem=, memmap= or highmem=off.
set -eu
tr -d '\r' < "$1" | awk '
function hex(s,    i, c, v) {
	v = 0
	s = tolower(s)
	sub(/^0x/, "", s)
	for (i = 1; i <= length(s); i++) {
		c = index("0123456789abcdef", substr(s, i, 1)) - 1
		v = v * 16 + c
	}
	return v
}
function overlap(s, e, lo, hi) {
	if (s < lo) s = lo
	if (e > hi) e = hi
	return e > s ? e - s : 0
}
/^Memory map from the boot loader/ { inmap = 1; next }
inmap && /^ \[mem / {
	split($2, r, "-")
	start = hex(substr(r[1], 1)); end = hex(substr(r[2], 1, length(r[2]) - 1)) + 1
	if ($3 == "usable") {
		n++
		s[n] = int((start + 4095) / 4096); e[n] = int(end / 4096)
		if (e[n] > ramend) ramend = e[n]
	}
	next
}
inmap { inmap = 0 }
/^Node 0, zone/ { zone = $4; next }
/^        present / && zone != "" { present[zone] = $2 }
/^        managed / && zone != "" { managed[zone] = $2 }
/^MemTotal:/ { memtotal = $2 }
/^HighTotal:/ { hightotal = $2 }
/^LowTotal:/ { lowtotal = $2 }
END {
	dma_end = 4096; low_end = 229376
	if (ramend < low_end) low_end = ramend
	if (low_end < dma_end) dma_end = low_end
	for (i = 1; i <= n; i++) {
		want["DMA"] += overlap(s[i], e[i], 0, dma_end)
		want["Normal"] += overlap(s[i], e[i], dma_end, low_end)
		want["HighMem"] += overlap(s[i], e[i], low_end, 2^40)
	}
	bad = 0
	if (n == 0) { print "check-zones: no firmware map in the log"; exit 1 }
	split("DMA Normal HighMem", names, " ")
	for (k = 1; k <= 3; k++) {
		z = names[k]
		if (!(z in present)) { print "check-zones: no zoneinfo for " z; bad = 1; continue }
		printf "check-zones: %-8s present %d, firmware map %d\n", z, present[z], want[z]
		if (present[z] != want[z]) bad = 1
		total += managed[z]
	}
	if (memtotal == "" || hightotal == "") { print "check-zones: no meminfo"; exit 1 }
	printf "check-zones: MemTotal %d kB = 4 * managed %d; HighTotal %d kB = 4 * %d; LowTotal %d kB\n", \
		memtotal, total, hightotal, managed["HighMem"], lowtotal
	if (memtotal != total * 4 || hightotal != managed["HighMem"] * 4 || \
	    hightotal + lowtotal != memtotal || managed["HighMem"] != want["HighMem"]) bad = 1
	if (bad) print "check-zones: MISMATCH"
	exit bad
}'
