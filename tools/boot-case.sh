# The body of every generated boot-test script (see tools/run-tests.sh):
# boot once, then compare the exit status and the output with what the
# case expects. Prints one PASS/FAIL line; details go to the log.
# The variables come from the header run-tests.sh writes above this.
# shellcheck shell=bash disable=SC2154
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
	# The runner feeds the input one line per prompt (the shell's or the
	# debugger's) and reads the kernel's status from its last line.
	bx_args=(--build "$build" --log "$log.bochs" --com1-log "$log.com1"
		--timeout "$timeout" "$iso" "$mem")
	[ "$debug" = 1 ] && bx_args=(--debug "${bx_args[@]}")
	printf '%b' "$stdin" | tools/bochs-run.py "${bx_args[@]}" > "$log" 2>&1
	rc=$?
	;;
gdb)
	# QEMU halted at reset, waiting for GDB; the case's input is the
	# GDB commands. The kernel's own status ends QEMU as usual.
	port=$((20000 + RANDOM % 20000))
	QEMU_TIMEOUT=$timeout QEMU_CPU=$cpu QEMU_MACHINE=$machine \
		tools/qemu-run.sh "$iso" "$mem" -S -gdb "tcp:127.0.0.1:$port" \
		< /dev/null > "$log.qemu" 2>&1 &
	qemu_pid=$!
	printf '%b' "$stdin" > "$log.gdbcmds"
	timeout -k 5 "$timeout" gdb -q -batch -nx -x tools/gdbinit \
		-ex "target remote 127.0.0.1:$port" -x "$log.gdbcmds" \
		> "$log" 2>&1
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
