# shellcheck shell=bash disable=SC2154
# The body of every generated boot-test script (see tools/run-tests.sh):
# boot once, then compare the exit status and the output with what the
# case expects. Prints one PASS/FAIL line; details go to the log. (The
# variables come from the header run-tests.sh writes above this body.)
start=$(date +%s)
fail() {
	echo "FAIL $name ($(($(date +%s) - start))s): $*"
	echo "     log: $log"
	tail -n 15 "$log" | sed 's/^/     | /'
	exit 1
}
case $runner in
qemu)
	printf '%b' "$stdin" | QEMU_TIMEOUT=$timeout QEMU_CPU=$cpu \
		QEMU_MACHINE=$machine tools/qemu-run.sh "$iso" "$mem" > "$log" 2>&1
	rc=$?
	;;
bochs)
	# Bochs has no exit status for the guest: the kernel's last line
	# ("Power off: success" or "Power off: FAILURE") says it.
	bx_args=("$iso" "$mem")
	[ "$debug" = 1 ] && bx_args=(--debug "${bx_args[@]}")
	printf '%b' "$stdin" | BX_LOG=$log.bochs BX_SERIAL=$log.com1 \
		timeout -k 5 "$timeout" tools/bochs-run.sh "${bx_args[@]}" > "$log" 2>&1
	rc=$?
	if [ $rc -eq 124 ]; then rc=2
	elif grep -q '^Power off: success' "$log"; then rc=0
	elif grep -q '^Power off: FAILURE' "$log"; then rc=1
	else rc=2
	fi
	;;
gdb)
	# QEMU halted at reset, waiting for GDB; the case's input is the
	# GDB commands, its serial input is typed on the kernel's console.
	# GDB loads the ELF as make gdb does. The kernel's own status ends
	# QEMU as usual.
	port=$((20000 + RANDOM % 20000))
	printf '%b' "$serial" | QEMU_TIMEOUT=$timeout QEMU_CPU=$cpu \
		QEMU_MACHINE=$machine tools/qemu-run.sh "$iso" "$mem" -S \
		-gdb "tcp:127.0.0.1:$port" > "$log.qemu" 2>&1 &
	qemu_pid=$!
	printf '%b' "$stdin" > "$log.gdbcmds"
	timeout -k 5 "$timeout" gdb -q -batch -nx -ex "file $elf" \
		-x tools/gdbinit -ex "target remote 127.0.0.1:$port" \
		-x "$log.gdbcmds" > "$log" 2>&1
	wait "$qemu_pid"
	rc=$?
	cat "$log.qemu" >> "$log"
	;;
esac
case $expect:$rc in
pass:0 | fail:1) ;;
*) fail "expected $expect, got status $rc (0 success, 1 failure, 2 no status)" ;;
esac
for re in "${has[@]}"; do
	grep -qE -- "$re" "$log" || fail "output lacks /$re/"
done
for re in "${lacks[@]}"; do
	grep -qE -- "$re" "$log" && fail "output has /$re/"
done
for c in "${checks[@]}"; do
	$c "$log" >> "$log.check" 2>&1 || { cat "$log.check" >> "$log"; fail "check '$c' failed"; }
done
echo "PASS $name ($(($(date +%s) - start))s)"
