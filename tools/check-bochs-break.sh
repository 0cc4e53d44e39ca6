#!/bin/sh
# check-bochs-break.sh LOG: a Bochs debugger session stopped at a named
# magic breakpoint; check that what the debugger showed matches what the
# kernel announced on port 0xE9 just before it stopped:
#   - EAX and EDX (`r`) hold the values the announcement names;
#   - `page EAX` translates to the physical page announced.
# Prints what it compared; exits 1 on a mismatch.
set -eu
tr -d '\r' < "$1" | awk '
/^bochs\.break: / && !seen {
	seen = 1
	if (match($0, /EAX = 0x[0-9a-f]+/)) eax = substr($0, RSTART + 8, RLENGTH - 8)
	if (match($0, /EDX = 0x[0-9a-f]+/)) edx = substr($0, RSTART + 8, RLENGTH - 8)
	if (match($0, /\(phys 0x[0-9a-f]+\)/)) phys = substr($0, RSTART + 8, RLENGTH - 9)
}
/^rax: / && !rax { split($2, r, "_"); rax = r[2] }
/^rdx: / && !rdx { split($2, r, "_"); rdx = r[2] }
/maps to physical page/ && !mapped { mapped = $NF; sub(/^0x0*/, "", mapped) }
END {
	if (!seen) { print "check-bochs-break: no announcement"; exit 1 }
	gsub(/^0+/, "", eax); gsub(/^0+/, "", edx); gsub(/^0+/, "", rax); gsub(/^0+/, "", rdx)
	sub(/^0+/, "", phys)
	printf "check-bochs-break: EAX announced %s, debugger %s; EDX announced %s, debugger %s\n", eax, rax, edx, rdx
	bad = (eax != rax || edx != rdx)
	if (phys != "") {
		printf "check-bochs-break: page %s: announced phys %s, debugger %s\n", eax, phys, mapped
		bad = bad || phys != mapped
	}
	exit bad
}'
