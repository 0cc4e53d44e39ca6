#!/bin/bash
# bochs-run.sh [--debug] ISO MEM: boot the ISO in Bochs.
#
# Bochs starts in its debugger. Without --debug it continues at once and
# stops only at magic breakpoints (xchg bx, bx: see bochs.break= and the
# shell command `break`); with --debug it waits at the first prompt.
# Debugger commands are read from standard input, so a script can drive
# it. Kernel output (port 0xE9) appears on standard output; COM1 goes to
# $BUILD/bochs-com1.log and the Bochs log to $BUILD/bochs.log.
# A window is used when $DISPLAY is set and Bochs has its X plugin;
# otherwise Bochs runs headless.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
debug=0
if [ "${1:-}" = "--debug" ]; then
	debug=1
	shift
fi
iso=$1 mem=${2:-512M}
build=${BUILD:-build}

to_megs() {
	case $1 in
	*[gG]) echo $((${1%[gG]} * 1024)) ;;
	*[mM]) echo "${1%[mM]}" ;;
	*) echo "$1" ;;
	esac
}

megs=$(to_megs "$mem")
mkdir -p "$build"
export BX_ISO=$iso BX_MEGS=$megs
export BX_HOST_MEGS=$((megs < 2048 ? megs : 2048))
export BX_LOG=${BX_LOG:-$build/bochs.log} BX_SERIAL=${BX_SERIAL:-$build/bochs-com1.log}
export BX_SYMBOLS=${BX_SYMBOLS:-$build/kernel.sym}

extra=()
plugins=/usr/lib/x86_64-linux-gnu/bochs/plugins
if [ -n "${DISPLAY:-}" ] && ls "$plugins"/libbx_x_gui.so* >/dev/null 2>&1; then
	extra+=("display_library: x")
fi
rc=()
if [ "$debug" = 0 ]; then
	rcfile=$(mktemp "${TMPDIR:-/tmp}/hmbochsrc.XXXXXX")
	trap 'rm -f "$rcfile"' EXIT
	echo c > "$rcfile"
	rc=(-rc "$rcfile")
fi
bochs -q "${rc[@]}" -f "$here/bochsrc" "${extra[@]}"
