#!/bin/sh
# check-free-views.sh [--done] LOG: the free page counts of zoneinfo, meminfo and
# buddyinfo, printed one after the other by a quiet shell, agree:
#   - per zone, buddyinfo's blocks add up to zoneinfo's "pages free";
#   - MemFree is 4 kB times, over the zones, "pages free" + nr_deferred
#     + the per-CPU lists' counts, and HighFree the same for HighMem;
#   - Deferred (meminfo) is 4 kB times the zones' nr_deferred.
# HighMem's must agree exactly; in lowmem the shell's own buffers come
# and go between the commands (a few pages), so there 16 pages of
# difference pass.
# With --done (the boot waited for the deferred struct page init
# first), also: nr_deferred is 0 everywhere, and so is Deferred. With
# --racing (the deferred init threads were at work meanwhile), HighMem's
# buddyinfo, printed last, is not compared, and meminfo's Deferred may
# be lower than zoneinfo's nr_deferred: sections were initialised since
# zoneinfo; MemFree and HighFree must still agree exactly, as
# initialising a section changes neither. Uses the last zoneinfo, meminfo and buddyinfo of the log.
# Prints what it compared; exits 1 on a mismatch.
set -eu
done=0
racing=0
while [ $# -gt 1 ]; do
	case $1 in
	--done) done=1 ;;
	--racing) racing=1 ;;
	*) echo "usage: $0 [--done] [--racing] LOG" >&2; exit 2 ;;
	esac
	shift
done
tr -d '\r' < "$1" | awk -v done="$done" -v racing="$racing" -v slack=16 '
/^kernel> zoneinfo$/ { delete zfree; delete zdef; delete zpcp; inz = 1; next }
/^kernel> buddyinfo$/ { delete blocks; inz = 0; inb = 1; next }
/^kernel> / { inz = 0; inb = 0 }
inz && /^Node 0, zone/ { zone = $4; zones[zone] = 1; next }
inz && /^  pages free / { zfree[zone] = $3 }
inz && /^      nr_deferred / { zdef[zone] = $2 }
inz && /^              count: / { zpcp[zone] += $2 }
inb && /^Node 0, zone/ {
	sum = 0
	for (o = 0; o + 5 <= NF; o++) sum += $(o + 5) * 2 ^ o
	blocks[$4] = sum
}
/^MemFree:/ { memfree = $2 }
/^HighFree:/ { highfree = $2 }
/^Deferred:/ { deferred = $2 }
END {
	bad = 0; n = 0; free = 0; def = 0
	for (z in zones) {
		if (!(z in zdef)) { print "check-free-views: no nr_deferred for " z; bad = 1 }
		free += zfree[z] + zdef[z] + zpcp[z]; def += zdef[z]
		if (done && zdef[z] != 0) bad = 1
		if (!(z in blocks)) continue
		n++
		printf "check-free-views: %-8s buddyinfo %d pages, pages free %d, nr_deferred %d, per-CPU %d\n", \
			z, blocks[z], zfree[z], zdef[z], zpcp[z]
		if (racing && z == "HighMem") continue
		if (blocks[z] != zfree[z] && (z == "HighMem" ||
		    blocks[z] - zfree[z] > slack || zfree[z] - blocks[z] > slack)) bad = 1
	}
	if (n == 0 || memfree == "" || deferred == "") {
		print "check-free-views: no zoneinfo, buddyinfo or meminfo in the log"
		exit 1
	}
	high = zfree["HighMem"] + zdef["HighMem"] + zpcp["HighMem"]
	printf "check-free-views: MemFree %d kB = 4 * %d; HighFree %d kB = 4 * %d; Deferred %d kB = 4 * %d\n", \
		memfree, free, highfree, high, deferred, def
	if (highfree != 4 * high) bad = 1
	if (deferred > 4 * def || (!racing && deferred != 4 * def)) bad = 1
	if (memfree - 4 * free > 4 * slack || 4 * free - memfree > 4 * slack) bad = 1
	if (done && deferred != 0) bad = 1
	if (bad) print "check-free-views: MISMATCH"
	exit bad
}'
