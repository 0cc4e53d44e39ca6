#!/bin/bash
# Print iso/grub.cfg.in with the default entry's command line set to $1.
# GRUB's script language gives $ (variables), quotes, ;|&<>{}# and \ a
# meaning, so each of them is escaped with a backslash: the kernel then
# receives the command line exactly as written (memmap=64M$0x10000000).
set -eu
here=$(dirname "$0")
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
	printf '%s\n' "${line//@CMDLINE@/"$escaped"}"
done < "$here/../iso/grub.cfg.in"
