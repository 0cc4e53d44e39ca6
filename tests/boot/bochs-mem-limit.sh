#!/bin/bash
# tools/bochs-run.py refuses what Bochs 2.7 cannot do in reasonable time
# or at all, at once, with a reason and status 2 (no kernel status):
# guests above 8G (its start-up time grows much faster than the RAM
# size) and sizes that are not sizes. Bochs is never started.
set -uo pipefail
iso=${BUILD:-build}/kernel.iso
refused() { # refused MEM REASON_REGEX
	local out rc
	out=$(timeout 10 tools/bochs-run.py "$iso" "$1" < /dev/null 2>&1)
	rc=$?
	echo "MEM=$1: status $rc: $out"
	[ "$rc" -eq 2 ] && grep -qE -- "$2" <<< "$out"
}
refused 61G 'MEM=61G: too large for Bochs 2.7.*use at most 8G' &&
	refused 9G 'MEM=9G: too large' &&
	refused 6T 'MEM=6T: not a size'
