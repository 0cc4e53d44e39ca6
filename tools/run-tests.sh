#!/bin/bash
# make test: every test layer, then one summary line.
#   1. host unit tests (kernel code built for the host, ASan/UBSan, cmocka)
#   2. boot tests in QEMU across memory sizes, CPUs and machines, run in
#      parallel (TEST_JOBS, default: the number of CPUs)
#   3. boot tests in Bochs
# Cases are declared in tests/boot/cases.sh. TEST_FILTER=REGEX runs only
# the boot cases whose names match. Logs: build/test/logs/. The last line
# is "N passed, N failed"; the exit status is non-zero on any failure.
set -u
cd "$(dirname "$0")/.." || exit 1
BUILD=${BUILD:-build}
T=$BUILD/test
JOBS=${TEST_JOBS:-$(nproc)}
FILTER=${TEST_FILTER:-}
rm -rf "$T"
mkdir -p "$T/logs" "$T/cases" "$T/iso" "$T/results"

echo "== build"
if ! make -s -j"$JOBS" all host-tests > "$T/logs/build.log" 2>&1; then
	cat "$T/logs/build.log"
	echo "0 passed, 1 failed"
	exit 1
fi

record() { # record RESULT NAME [DETAIL]
	printf '%s %s\n' "$1" "$2" >> "$T/results/$3"
}

echo "== host unit tests"
for bin in "$BUILD"/host/test_*; do
	[ -x "$bin" ] || continue
	name=${bin##*/}
	log=$T/logs/host-$name.log
	CMOCKA_MESSAGE_OUTPUT=TAP "$bin" > "$log" 2>&1
	rc=$?
	awk -v n="$name" '/^ok /{ sub(/^ok [0-9]+ - /, ""); print "PASS host/" n "/" $0 }
		/^not ok /{ sub(/^not ok [0-9]+ - /, ""); print "FAIL host/" n "/" $0 }' \
		"$log" | tee -a "$T/results/host"
	if [ $rc -ne 0 ] && ! grep -q '^not ok' "$log"; then
		echo "FAIL host/$name (exit status $rc)" | tee -a "$T/results/host"
		tail -20 "$log"
	fi
	grep -q '^not ok' "$log" && sed 's/^/    /' "$log" | grep -v '^    ok'
done

# An ISO per distinct command line, built once.
iso_for() {
	local key
	key=$(printf '%s' "$1" | md5sum | cut -c1-12)
	if [ ! -f "$T/iso/$key.iso" ]; then
		tools/mkgrubcfg.sh "$1" > "$T/iso/$key.cfg"
		tools/mkiso.sh "$BUILD/kernel.elf" "$T/iso/$key.cfg" "$T/iso/$key.iso"
	fi
	echo "$T/iso/$key.iso"
}

# Write build/test/cases/NAME.sh: a script that runs one boot and checks it.
declare_case() { # declare_case RUNNER NAME MEM EXPECT CMDLINE [OPTIONS]
	local runner=$1 name=$2 mem=$3 expect=$4 cmdline=$5
	shift 5
	local stdin="" serial="" cpu=max machine=pc timeout=120 has=() lacks=() checks=()
	local debug=0
	while [ $# -gt 0 ]; do
		if [ "$1" = --debug ]; then
			debug=1
			shift
			continue
		fi
		case $1 in
		--stdin) stdin=$2 ;;
		--serial) serial=$2 ;;
		--has) has+=("$2") ;;
		--lacks) lacks+=("$2") ;;
		--check) checks+=("$2") ;;
		--cpu) cpu=$2 ;;
		--machine) machine=$2 ;;
		--timeout) timeout=$2 ;;
		*) echo "cases.sh: $name: unknown option $1" >&2; exit 1 ;;
		esac
		shift 2
	done
	[ -n "$FILTER" ] && ! [[ $name =~ $FILTER ]] && return
	local iso
	iso=$(iso_for "$cmdline") || exit 1
	{
		echo '#!/bin/bash'
		echo "# Boot test $name: $runner, $mem, expect $expect"
		printf 'name=%q iso=%q elf=%q mem=%q expect=%q stdin=%q serial=%q\n' \
			"$name" "$iso" "$BUILD/kernel.elf" "$mem" "$expect" "$stdin" "$serial"
		printf 'cpu=%q machine=%q timeout=%q runner=%q debug=%q\n' \
			"$cpu" "$machine" "$timeout" "$runner" "$debug"
		echo "has=(${has[*]+$(printf '%q ' "${has[@]}")})"
		echo "lacks=(${lacks[*]+$(printf '%q ' "${lacks[@]}")})"
		echo "checks=(${checks[*]+$(printf '%q ' "${checks[@]}")})"
		echo "checks=(${checks[*]+$(printf '%q ' "${checks[@]}")})"
		echo "log=$T/logs/\$name.log"
		cat tools/boot-case.sh
	} > "$T/cases/$name.sh"
	chmod +x "$T/cases/$name.sh"
}
qemu_case() { declare_case qemu "$@"; }

# script_case NAME COMMAND...: a test that is a command (run from the top
# of the tree); it passes if the command exits with 0.
script_case() {
	local name=$1
	shift
	[ -n "$FILTER" ] && ! [[ $name =~ $FILTER ]] && return
	{
		echo '#!/bin/bash'
		printf 'name=%q log=%q\n' "$name" "$T/logs/$name.log"
		printf 'cmd=(' && printf '%q ' "$@" && echo ')'
		cat <<'BODY'
start=$(date +%s)
if "${cmd[@]}" > "$log" 2>&1; then
	echo "PASS $name ($(($(date +%s) - start))s)"
else
	echo "FAIL $name ($(($(date +%s) - start))s): ${cmd[*]} failed"
	echo "     log: $log"
	tail -n 15 "$log" | sed 's/^/     | /'
fi
BODY
	} > "$T/cases/$name.sh"
	chmod +x "$T/cases/$name.sh"
}
gdb_case() { declare_case gdb "$@"; }
bochs_case() { declare_case bochs "$@"; }

echo "== boot tests"
# shellcheck source-path=SCRIPTDIR/.. source=tests/boot/cases.sh
. tests/boot/cases.sh
for c in "$T"/cases/*.sh; do
	[ -f "$c" ] && [[ $c != */bochs-* ]] && printf '%s\n' "$c"
done | xargs -r -P "$JOBS" -I{} bash -c '{} | tee -a '"$T/results/qemu"
for c in "$T"/cases/bochs-*.sh; do
	[ -f "$c" ] && bash "$c" | tee -a "$T/results/bochs"
done

passed=$(cat "$T"/results/* 2>/dev/null | grep -c '^PASS')
failed=$(cat "$T"/results/* 2>/dev/null | grep -c '^FAIL')
if [ "$failed" -gt 0 ]; then
	echo "== failures"
	cat "$T"/results/* | grep '^FAIL'
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
