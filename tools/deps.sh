#!/bin/sh
# Install the Debian/Ubuntu packages the project needs.
#   tools/deps.sh              install (or upgrade) them all
#   tools/deps.sh --if-missing install only if a needed tool is absent
# Uses sudo when not run as root.
set -eu

PACKAGES="make gcc gcc-multilib binutils nasm clang llvm
	grub-pc-bin grub-common xorriso mtools
	qemu-system-x86 bochs bochsbios vgabios bochs-term
	libcmocka-dev pkg-config gnuplot-nox libclang-rt-dev gdb python3
	python3-pytest python3-pytest-xdist shellcheck"

missing() {
	for tool in make gcc nasm ld clang gdb grub-mkrescue xorriso mformat \
		qemu-system-i386 bochs pkg-config gnuplot shellcheck; do
		command -v "$tool" >/dev/null 2>&1 || { echo "$tool"; return 0; }
	done
	[ -d /usr/lib/grub/i386-pc ] || { echo grub-pc-bin; return 0; }
	[ -f /usr/share/bochs/BIOS-bochs-latest ] || { echo bochsbios; return 0; }
	[ -f /usr/share/vgabios/vgabios.bin ] || { echo vgabios; return 0; }
	# tools/bochs-run.py runs on Debian's Python, whatever is on PATH.
	[ -x /usr/bin/python3 ] || { echo python3; return 0; }
	# make test is pytest with xdist, on Debian's Python too.
	/usr/bin/python3 -c 'import pytest' 2>/dev/null ||
		{ echo python3-pytest; return 0; }
	/usr/bin/python3 -c 'import xdist' 2>/dev/null ||
		{ echo python3-pytest-xdist; return 0; }
	pkg-config --exists cmocka 2>/dev/null || { echo libcmocka-dev; return 0; }
	gcc -m32 -print-libgcc-file-name 2>/dev/null | grep -q /32/ ||
		{ echo gcc-multilib; return 0; }
	# libFuzzer and the sanitizer runtimes come with clang.
	clang -print-file-name=libclang_rt.fuzzer-x86_64.a 2>/dev/null |
		grep -q / || { echo clang; return 0; }
	return 0
}

if [ "${1:-}" = "--if-missing" ]; then
	what=$(missing)
	[ -z "$what" ] && exit 0
	echo "deps: '$what' is missing; installing the project's packages"
fi

if [ "$(id -u)" -eq 0 ]; then
	SUDO=
elif command -v sudo >/dev/null 2>&1; then
	SUDO=sudo
else
	echo "deps: need root or sudo to install: $PACKAGES" >&2
	exit 1
fi

# shellcheck disable=SC2086 # the list is meant to split into words
echo "deps: apt-get install" $PACKAGES
$SUDO apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
	--no-install-recommends $PACKAGES
what=$(missing)
if [ -n "$what" ]; then
	echo "deps: '$what' is still missing after the install" >&2
	exit 1
fi
echo "deps: all tools present"
