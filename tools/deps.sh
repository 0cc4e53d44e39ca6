#!/bin/sh
# Install the Debian/Ubuntu packages the project needs.
#   tools/deps.sh              install (or upgrade) them all
#   tools/deps.sh --if-missing install only if a needed tool is absent
# Uses sudo when not run as root.
#
# The user programs are built with Debian's musl for i386 (musl-tools:i386,
# i386-linux-musl-gcc), from the i386 architecture, which is added first.
# musl-dev:i386 pulls in gcc-i686-linux-gnu, which conflicts with the
# gcc-multilib metapackage: the kernel's gcc -m32 gets its 32-bit libgcc
# from the versioned package instead (gcc-12-multilib on Debian 12), that
# of the gcc installed, so gcc is installed first.
#
# make bench-linux builds a module against Debian's own Linux headers
# (tools/fetch-linux.sh downloads them, installs nothing): their
# Makefile names gcc-12, the compiler Debian 12 builds its kernel with,
# and the host's kbuild tools (modpost, fixdep) need libelf1 and libssl3.
set -eu

PACKAGES="make gcc binutils nasm clang llvm
	grub-pc-bin grub-common xorriso mtools cpio
	qemu-system-x86 bochs bochsbios vgabios bochs-term
	libcmocka-dev pkg-config gnuplot-nox libclang-rt-dev gdb python3
	python3-pytest python3-pytest-xdist python3-pil shellcheck
	gcc-12 libelf1 libssl3"
I386_PACKAGES="gcc-i686-linux-gnu musl-tools:i386 musl-dev:i386"

# gcc-12-multilib for gcc 12: the 32-bit libgcc of the gcc installed.
multilib_package() {
	echo "gcc-$(gcc -dumpversion | cut -d. -f1)-multilib"
}

missing() {
	for tool in make gcc nasm ld clang gdb grub-mkrescue xorriso mformat \
		qemu-system-i386 qemu-system-x86_64 bochs pkg-config gnuplot shellcheck cpio \
		i386-linux-musl-gcc gcc-12; do
		command -v "$tool" >/dev/null 2>&1 || { echo "$tool"; return 0; }
	done
	# musl-tools has the compiler, musl-dev the library it links.
	[ -f /usr/lib/i386-linux-musl/libc.a ] || { echo musl-dev:i386; return 0; }
	[ -d /usr/lib/grub/i386-pc ] || { echo grub-pc-bin; return 0; }
	# Linux's modpost (make bench-linux) links libelf.
	dpkg-query -W -f='${Status}' libelf1 2>/dev/null | grep -q 'ok installed' ||
		{ echo libelf1; return 0; }
	[ -f /usr/share/bochs/BIOS-bochs-latest ] || { echo bochsbios; return 0; }
	[ -f /usr/share/vgabios/vgabios.bin ] || { echo vgabios; return 0; }
	# tools/bochs-run.py runs on Debian's Python, whatever is on PATH.
	[ -x /usr/bin/python3 ] || { echo python3; return 0; }
	# make test is pytest with xdist, on Debian's Python too.
	/usr/bin/python3 -c 'import pytest' 2>/dev/null ||
		{ echo python3-pytest; return 0; }
	/usr/bin/python3 -c 'import xdist' 2>/dev/null ||
		{ echo python3-pytest-xdist; return 0; }
	# tools/memview.py draws PNGs and GIFs with PIL (make memview).
	/usr/bin/python3 -c 'import PIL' 2>/dev/null ||
		{ echo python3-pil; return 0; }
	pkg-config --exists cmocka 2>/dev/null || { echo libcmocka-dev; return 0; }
	gcc -m32 -print-libgcc-file-name 2>/dev/null | grep -q /32/ ||
		{ multilib_package; return 0; }
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
	echo "deps: need root or sudo to install: $PACKAGES" \
		"gcc-N-multilib $I386_PACKAGES" >&2
	exit 1
fi

apt_install() {
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
		--no-install-recommends "$@"
}

if ! dpkg --print-foreign-architectures | grep -qx i386; then
	echo "deps: dpkg --add-architecture i386"
	$SUDO dpkg --add-architecture i386
fi
$SUDO apt-get update -qq
# shellcheck disable=SC2086 # the list is meant to split into words
echo "deps: apt-get install" $PACKAGES
# shellcheck disable=SC2086
apt_install $PACKAGES
# Now that gcc is there, its version names the multilib package.
multilib=$(multilib_package)
echo "deps: apt-get install $multilib $I386_PACKAGES"
# shellcheck disable=SC2086
apt_install "$multilib" $I386_PACKAGES
what=$(missing)
if [ -n "$what" ]; then
	echo "deps: '$what' is still missing after the install" >&2
	exit 1
fi
echo "deps: all tools present"
