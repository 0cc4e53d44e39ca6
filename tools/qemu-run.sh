#!/bin/bash
# qemu-run.sh ISO MEM [QEMU ARGS...]: boot the ISO in QEMU (TCG).
#
# The serial console is this terminal (Ctrl-A X quits when interactive).
# Input may be piped in: it is held back until the kernel has printed its
# banner, because GRUB resets the UART's FIFO when it starts its serial
# terminal and would eat what arrived before.
#
# The kernel reports pass/fail through QEMU's isa-debug-exit device; this
# script turns QEMU's exit status into
#   0  the kernel powered off with success
#   1  the kernel powered off with failure (a test failed, or a panic)
#   2  QEMU stopped without a status from the kernel (triple fault,
#      reset, a hang cut short by QEMU_TIMEOUT, ...)
# The emulator is qemu-system-x86_64 running a 32-bit guest CPU
# (-cpu max,phys-bits=36: PAE with 36-bit addresses): Debian 12's
# qemu-system-i386 (QEMU 7.2) cuts page-table addresses to 32 bits in
# its page walk, so user page tables above 4 GiB would not work there
# (docs/user.md). With -gdb among the arguments it is qemu-system-i386
# after all: GDB cannot follow 32-bit code through the x86_64 binary's
# gdbstub; the kernel then notices the walk and keeps user page tables
# in lowmem.
# Environment: QEMU_SMP (CPUs, default 2), QEMU_ACCEL (default tcg;
# tcg,thread=multi runs the CPUs on host threads at once), QEMU_CPU
# (default max,phys-bits=36; max with -gdb), QEMU_MACHINE (default pc),
# QEMU_TIMEOUT (seconds, default none), QEMU_LOG (also save the output),
# QEMU_FEED_AFTER (the text after which piped input is fed; default the
# kernel's banner: with make MENU=1 the GRUB menu's "Use the" line).
# QEMU_FEED_SCRIPT=1: the piped input is a dialogue, a line at a time;
# a line "@@expect TEXT" waits until TEXT has appeared once more in the
# output, "@@sleep N" waits N seconds, "@@screendump FILE" saves the
# screen as a PPM through QEMU's monitor (on a socket in the dialogue's
# temporary directory), any other line is typed.
set -u
iso=$1 mem=$2
shift 2

BANNER=${QEMU_FEED_AFTER:-'(i386 PAE, 3G/1G split'}
binary="qemu-system-x86_64"
cpu=${QEMU_CPU:-max,phys-bits=36}
for arg in "$@"; do
	if [ "$arg" = -gdb ]; then
		binary="qemu-system-i386"
		cpu=${QEMU_CPU:-max}
	fi
done
machine=${QEMU_MACHINE:-pc}
smp=${QEMU_SMP:-2}
accel=${QEMU_ACCEL:-tcg}

# The RAM backend with reserve=off lets a 24 GiB host start a 61 GiB
# guest: only the pages the guest touches are backed.
args=(-accel "$accel" -smp "$smp" -cpu "$cpu"
	-object "memory-backend-ram,id=ram,size=$mem,reserve=off"
	-machine "$machine,memory-backend=ram" -m "$mem"
	-cdrom "$iso" -boot d -display none -no-reboot
	-device "isa-debug-exit,iobase=0xf4,iosize=0x04" "$@")

qemu=("$binary")
if [ -n "${QEMU_TIMEOUT:-}" ]; then
	qemu=(timeout --foreground -k 5 "$QEMU_TIMEOUT" "$binary")
fi

status_of() {
	case $1 in
	33) return 0 ;;
	35) return 1 ;;
	124 | 137) echo "qemu-run: timed out after ${QEMU_TIMEOUT}s" >&2 ;;
	0) echo "qemu-run: QEMU stopped without a status from the kernel" >&2 ;;
	*) echo "qemu-run: QEMU failed (status $1)" >&2 ;;
	esac
	return 2
}

if [ -t 0 ] && [ -z "${QEMU_LOG:-}" ]; then
	"${qemu[@]}" "${args[@]}" -serial mon:stdio
	status_of $?
	exit
fi

# How often @TEXT appears in the output so far.
seen() {
	grep -oF -- "$1" "$tmp/out" 2>/dev/null | wc -l
}

# The monitor's screendump writes @1 (a PPM) before it answers: wait
# for the answer, so that the file is whole when the dialogue goes on.
screendump() {
	/usr/bin/python3 - "$tmp/monitor" "$(realpath -m "$1")" <<-'EOF'
	import socket, sys
	s = socket.socket(socket.AF_UNIX)
	s.connect(sys.argv[1])
	def until_prompt():
	    got = b""
	    while not got.endswith(b"(qemu) "):
	        chunk = s.recv(4096)
	        if not chunk:
	            break
	        got += chunk
	until_prompt()
	s.sendall(f"screendump {sys.argv[2]}\n".encode())
	until_prompt()
	EOF
}

# QEMU_FEED_SCRIPT's dialogue: each "@@expect" waits for one more
# appearance of its text than the previous wait for the same text saw.
feed_script() {
	declare -A waited
	local line text
	while IFS= read -r line; do
		case $line in
		'@@expect '*)
			text=${line#@@expect }
			waited[$text]=$((${waited[$text]:-0} + 1))
			until [ "$(seen "$text")" -ge "${waited[$text]}" ]; do
				sleep 0.1
			done ;;
		'@@sleep '*) sleep "${line#@@sleep }" ;;
		'@@screendump '*) screendump "${line#@@screendump }" ;;
		*) printf '%s\n' "$line" ;;
		esac
	done
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/hmqemu.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkfifo "$tmp/in"
: > "$tmp/out"
# The feeder copies our stdin into QEMU once the banner is out.
exec 3<&0
(
	until grep -qF "$BANNER" "$tmp/out" 2>/dev/null; do
		sleep 0.1
	done
	if [ -n "${QEMU_FEED_SCRIPT:-}" ]; then
		feed_script <&3
	else
		cat <&3
	fi
	# Keep the pipe open: an EOF would not end QEMU, and the kernel
	# decides when to power off.
	sleep 100000
) > "$tmp/in" &
feeder=$!
exec 3<&-

monitor=(-monitor none)
if [ -n "${QEMU_FEED_SCRIPT:-}" ]; then
	monitor=(-monitor "unix:$tmp/monitor,server=on,wait=off")
fi
"${qemu[@]}" "${args[@]}" -serial stdio "${monitor[@]}" < "$tmp/in" |
	tee -a "$tmp/out" ${QEMU_LOG:+"$QEMU_LOG"}
rc=${PIPESTATUS[0]}
kill "$feeder" 2>/dev/null
wait "$feeder" 2>/dev/null
status_of "$rc"
