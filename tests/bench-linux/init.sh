#!/bin/sh
# init.sh MODULE_BENCH USER_VARIANT [quick]: what tscinit runs in
# make bench-linux's Linux boots (tools/bench-linux.sh), under Debian's
# busybox sh: load the benchmark module with bench=MODULE_BENCH (its
# init runs them and prints their lines), then time the user workloads
# of USER_VARIANT (tests/bench-linux/ubench-run.c). "none" skips either.
# The exit status is tscinit's, and so QEMU's.
bench=$1 variant=$2 quick=${3:-}
if [ "$bench" != none ]; then
	insmod /lib/modules/hmbench.ko bench="$bench" || exit 1
fi
if [ "$variant" != none ]; then
	# shellcheck disable=SC2086 # no "quick": no argument at all
	/bin/ubench-run "$variant" $quick || exit 1
fi
exit 0
