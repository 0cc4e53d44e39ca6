#!/bin/bash
# Run the libFuzzer harnesses (tests/fuzz/) on the seed corpus.
#
#   tools/fuzz.sh --time SECONDS   each fuzzer for SECONDS (make fuzz);
#                                  new inputs are kept in build/fuzz/corpus-*
#   tools/fuzz.sh --runs N         each fuzzer for N inputs with a fixed
#                                  seed, from the seeds alone (make test)
#
# A crash, a sanitizer report or a failed check stops that fuzzer; the
# input that did it is saved as build/fuzz/crash-* and the log shown.
set -euo pipefail
BUILD=${BUILD:-build}
case ${1:-} in
--time) limit=(-max_total_time="$2") keep=1 ;;
--runs) limit=(-runs="$2" -seed=1) keep=0 ;;
*) echo "usage: $0 --time SECONDS | --runs N" >&2; exit 2 ;;
esac
make -s BUILD="$BUILD" fuzzers
failed=0
for f in buddy slab multiboot2 smp_config elf cpio; do
	if [ "$keep" = 1 ]; then
		work=$BUILD/fuzz/corpus-$f
	else
		work=$(mktemp -d)
	fi
	mkdir -p "$work"
	log=$BUILD/fuzz/$f.log
	if "$BUILD/fuzz/fuzz_$f" "${limit[@]}" -max_len=4096 -timeout=20 \
		-rss_limit_mb=6144 -artifact_prefix="$BUILD/fuzz/" \
		"$work" "tests/fuzz/corpus/$f" > "$log" 2>&1; then
		echo "fuzz_$f: $(grep -E '^Done [0-9]+ runs' "$log" || tail -1 "$log")" \
			"($(find "$work" -type f | wc -l) new inputs in the corpus)"
	else
		echo "fuzz_$f: FAILED (log: $log)"
		grep -E 'ERROR|SUMMARY|check failed|Test unit written' "$log" | head -10
		failed=1
	fi
	[ "$keep" = 1 ] || rm -rf "$work"
done
exit $failed
