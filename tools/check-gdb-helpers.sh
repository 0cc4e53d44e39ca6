#!/bin/sh
# check-gdb-helpers.sh LOG: the GDB helpers (tools/gdb/hmkernel.py) must
# agree with the kernel. LOG is the gdb-helpers boot test's: GDB's output
# (parts marked "@@ NAME" by tests/boot/gdb-helpers.gdb), then the serial
# console, where the shell printed buddyinfo, zoneinfo, pkmapinfo and
# pageinfo 0x100000 right after GDB read the same state. Checks:
#   - buddyinfo, zoneinfo and the pkmap part of kmapinfo equal the shell's;
#   - pfn_to_page 0x100000 (above the PCI hole) names the descriptor the
#     kernel's pageinfo names, and page_to_pfn takes it back to 0x100000;
#   - per zone, the free blocks of buddyinfo add up to zoneinfo's free pages;
#   - the kmap_atomic slot kmapinfo shows is the address the kernel's
#     kmap_atomic returned, mapping the pfn of the page it was given.
# Prints what it compared; exits 1 on a mismatch.
set -eu
log=$(mktemp)
trap 'rm -f "$log"' EXIT
tr -d '\r' < "$1" > "$log"
bad=0

# gdb_part NAME: GDB's output between "@@ NAME" and the next marker.
gdb_part() {
	awk -v m="@@ $1" '$0 == m { on = 1; next } /^@@ / { on = 0 } on' "$log"
}

# shell_part COMMAND: the kernel's output for COMMAND, up to the next prompt.
shell_part() {
	awk -v p="kernel> $1" '$0 == p { on = 1; next } /^kernel> / { on = 0 } on' "$log"
}

fail() {
	echo "check-gdb-helpers: $*"
	bad=1
}

# same WHAT GDB_TEXT SHELL_TEXT: both non-empty and equal.
same() {
	if [ -z "$2" ] || [ -z "$3" ]; then
		fail "$1: no output (GDB $(printf '%s' "$2" | wc -l) lines, shell $(printf '%s' "$3" | wc -l) lines)"
	elif [ "$2" != "$3" ]; then
		fail "$1: GDB and the shell differ:"
		printf '%s\n' "$2" > "$log.gdb"
		printf '%s\n' "$3" > "$log.shell"
		diff "$log.gdb" "$log.shell" | sed 's/^/    /' || true
		rm -f "$log.gdb" "$log.shell"
	else
		echo "check-gdb-helpers: $1: GDB and the shell agree ($(printf '%s\n' "$2" | wc -l) lines)"
	fi
}

same buddyinfo "$(gdb_part buddyinfo)" "$(shell_part buddyinfo)"
same zoneinfo "$(gdb_part zoneinfo)" "$(shell_part zoneinfo)"
same "kmapinfo (pkmap part) / pkmapinfo" \
	"$(gdb_part kmapinfo | sed '/^kmap_atomic:/,$d')" "$(shell_part pkmapinfo)"

# The descriptor of pfn 0x100000: the address and the decoded flags, with
# the flag names left out (the shell spells them differently).
page_summary() {
	sed -E -n '1s/^(pfn 0x[0-9a-f]+ phys 0x[0-9a-f]+ struct page at )(0x)?([0-9a-f]+).*/\1\3/p
		2s/ \([^)]*\)//p'
}
same "pfn_to_page 0x100000 / pageinfo 0x100000" \
	"$(gdb_part pfn_to_page | page_summary)" \
	"$(shell_part 'pageinfo 0x100000' | page_summary)"

page=$(gdb_part pfn_to_page | sed -n -E '1s/.* struct page at (0x[0-9a-f]+) .*/\1/p')
back=$(gdb_part roundtrip | sed -n -E 's/^struct page at (0x[0-9a-f]+): pfn (0x[0-9a-f]+) .*/\1 \2/p')
if [ -z "$page" ] || [ "$back" != "$page 0x100000" ]; then
	fail "round trip: pfn_to_page 0x100000 gave '$page', page_to_pfn of it '$back'"
elif ! gdb_part roundtrip | grep -qE '^\$[0-9]+ = 0x100000$'; then
	fail "round trip: \$page_to_pfn(\$pfn_to_page(0x100000)) is not 0x100000"
else
	echo "check-gdb-helpers: round trip: pfn 0x100000 -> $page -> pfn 0x100000"
fi

# Free pages per zone: the sum of nr_free << order must be zoneinfo's.
{
	gdb_part buddyinfo | sed 's/^/B /'
	gdb_part zoneinfo | sed 's/^/Z /'
} | awk '
$1 == "B" { sum = 0; for (o = 0; o + 6 <= NF; o++) sum += $(o + 6) * 2 ^ o
	blocks[$5] = sum; next }
$1 == "Z" && $2 == "Node" { zone = $5; next }
$1 == "Z" && $2 == "pages" && $3 == "free" { free[zone] = $4 }
END {
	bad = 0
	for (z in blocks) {
		printf "check-gdb-helpers: %-8s free blocks add up to %d pages, zoneinfo says %d\n", \
			z, blocks[z], free[z]
		if (blocks[z] != free[z]) bad = 1
		n++
	}
	exit bad || n == 0
}' || fail "free pages per zone do not add up"

# kmap_atomic: the address returned and the page given, as kmapinfo saw them.
vaddr=$(gdb_part finish | sed -n -E 's/^Value returned is \$[0-9]+ = \(void \*\) (0x[0-9a-f]+)$/\1/p')
pfn=$(gdb_part atomic-page | sed -n -E 's/^struct page at 0x[0-9a-f]+: pfn (0x[0-9a-f]+) .*/\1/p')
if [ -z "$vaddr" ] || [ -z "$pfn" ]; then
	fail "kmap_atomic: no returned address ('$vaddr') or pfn ('$pfn')"
elif ! gdb_part kmapinfo-atomic | grep -q "^  CPU 0: 1 slot in use$" ||
	! gdb_part kmapinfo-atomic | grep -q "^    slot 0 at $vaddr maps pfn $pfn "; then
	fail "kmap_atomic: kmapinfo does not show CPU 0 slot 0 at $vaddr mapping pfn $pfn"
else
	echo "check-gdb-helpers: kmap_atomic: CPU 0 slot 0 at $vaddr maps pfn $pfn, as kmap_atomic returned"
fi

[ "$bad" -eq 0 ] || echo "check-gdb-helpers: MISMATCH"
exit "$bad"
