#!/bin/sh
# check-echo-lines.sh LOG: the shell ran `echo line-1` .. `echo line-N`
# piped into it, every one, in order (no input lost or garbled).
set -eu
tr -d '\r' < "$1" | awk '
/^line-[0-9]+$/ {
	n++
	if ($0 != "line-" n) { print "check-echo-lines: expected line-" n ", got " $0; exit 1 }
}
END {
	print "check-echo-lines: " n " lines echoed in order"
	exit n == 1000 ? 0 : 1
}'
