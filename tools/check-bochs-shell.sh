#!/bin/sh
# check-bochs-shell.sh LOG: a Bochs run (tools/bochs-run.py) that was
# given shell commands. Checks that
#   - the kernel read them from COM1: LOG.com1, COM1's output, echoes the
#     same "kernel> COMMAND" lines in the same order as LOG;
#   - the output shows them once: the copy on port 0xE9, not COM1's too.
# Prints the commands it saw; exits 1 on a mismatch.
set -eu
commands() {
	tr -d '\r' < "$1" | grep '^kernel> .' || true
}
shown=$(commands "$1")
read_from_com1=$(commands "$1.com1")
printf 'check-bochs-shell: shown: %s\n' "$(echo "$shown" | tr '\n' '|')"
printf 'check-bochs-shell: COM1:  %s\n' "$(echo "$read_from_com1" | tr '\n' '|')"
if [ -z "$shown" ]; then
	echo "check-bochs-shell: no shell command in the output"
	exit 1
fi
if [ "$shown" != "$read_from_com1" ]; then
	echo "check-bochs-shell: the output and COM1 differ (commands shown twice, or not read from COM1)"
	exit 1
fi
