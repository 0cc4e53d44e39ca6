#!/bin/bash
# make test: build, then every test layer through pytest, in parallel:
#   tests/host/      host unit tests (kernel code built for the host,
#                    ASan/UBSan, cmocka), and the Bochs runner's own tests
#   tests/boot/      boot tests in QEMU, Bochs and QEMU+GDB (cases.py),
#                    the shell driven interactively (test_shell.py), and
#                    scripts (fuzzers, the DEBUG=1 build, make bench)
#   tests/test_tree.py  checks of the tree itself
# A boot with in-kernel tests counts each of them (KTAP), a host binary
# each of its cases. TEST_FILTER=EXPR picks tests (pytest -k: "crash",
# "ktest and not 61G"); TEST_JOBS sets the parallelism (default: the
# number of CPUs). Logs: build/test/logs/; JUnit XML: build/test/junit.xml.
# The last line is "N passed, N failed"; the exit status is non-zero on
# any failure.
set -u
cd "$(dirname "$0")/.." || exit 1
BUILD=${BUILD:-build}
T=$BUILD/test
JOBS=${TEST_JOBS:-$(nproc)}
rm -rf "$T"
mkdir -p "$T/logs"

echo "== build"
if ! make -s -j"$JOBS" all host-tests fuzzers > "$T/logs/build.log" 2>&1; then
	cat "$T/logs/build.log"
	echo "0 passed, 1 failed"
	exit 1
fi

echo "== tests ($JOBS in parallel)"
args=(-c tests/pytest.ini -n "$JOBS" --dist loadgroup -q -rfE
	--junitxml="$T/junit.xml")
[ -n "${TEST_FILTER:-}" ] && args+=(-k "$TEST_FILTER")
BUILD=$BUILD /usr/bin/python3 -m pytest "${args[@]}" tests
status=$?
if [ ! -f "$T/summary.json" ]; then
	echo "0 passed, 1 failed"
	exit 1
fi
/usr/bin/python3 tests/summary.py "$T/summary.json" && [ "$status" -eq 0 ]
