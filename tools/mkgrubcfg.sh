#!/bin/bash
# mkgrubcfg.sh [--menu] CMDLINE: print iso/grub.cfg.in with the default
# entry's command line set to CMDLINE. Without --menu GRUB boots it at
# once; with --menu it shows its menu, also on the serial console, for
# MENU_TIMEOUT seconds (default 30).
# GRUB's script language gives $ (variables), quotes, ;|&<>{}# and \ a
# meaning, so each of them is escaped with a backslash: the kernel then
# receives the command line exactly as written (memmap=64M$0x10000000).
set -eu
here=$(dirname "$0")
timeout=0 input=console
if [ "${1:-}" = "--menu" ]; then
	timeout=${MENU_TIMEOUT:-30} input="serial console"
	shift
fi
cmdline=${1:-}
escaped=
for ((i = 0; i < ${#cmdline}; i++)); do
	c=${cmdline:i:1}
	case $c in
	[\\\$\"\'\;\|\&\<\>\{\}\#]) escaped+="\\$c" ;;
	*) escaped+=$c ;;
	esac
done
while IFS= read -r line; do
	line=${line//@CMDLINE@/"$escaped"}
	line=${line//@TIMEOUT@/$timeout}
	printf '%s\n' "${line//@INPUT@/$input}"
done < "$here/../iso/grub.cfg.in"
