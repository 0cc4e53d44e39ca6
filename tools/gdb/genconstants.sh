#!/bin/sh
# genconstants.sh ASM: the "->NAME VALUE" lines that tools/gdb/constants.c
# leaves in its assembly, as a Python module for tools/gdb/hmkernel.py.
# Fails if there are none (a compiler that prints operands differently).
set -eu
out=$(sed -n 's/^[[:space:]]*\.ascii[[:space:]]*"->\([A-Za-z_][A-Za-z0-9_]*\) \([0-9][0-9]*\)"$/\1 = \2/p' "$1")
if [ -z "$out" ]; then
	echo "genconstants.sh: no constants found in $1" >&2
	exit 1
fi
echo "# Generated from tools/gdb/constants.c by tools/gdb/genconstants.sh: do not edit."
printf '%s\n' "$out"
