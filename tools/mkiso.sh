#!/bin/sh
# mkiso.sh KERNEL.ELF GRUB.CFG INITRAMFS.CPIO OUT.ISO: a bootable ISO
# (GRUB for BIOS) with the kernel at /boot/kernel.elf and the initramfs
# at /boot/initramfs.cpio, which every entry of GRUB.CFG loads as a
# multiboot2 module (iso/grub.cfg.in).
# Reproducible: every date in the image is SOURCE_DATE_EPOCH (the
# GNUmakefile sets it to the commit's date), so the same inputs give
# the same bytes.
set -eu
if [ $# -ne 4 ]; then
	echo "usage: $0 KERNEL.ELF GRUB.CFG INITRAMFS.CPIO OUT.ISO" >&2
	exit 2
fi
epoch=${SOURCE_DATE_EPOCH:-0}
elf=$1 cfg=$2 initramfs=$3 out=$4
tmp=$(mktemp -d "${TMPDIR:-/tmp}/hmkiso.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/stage/boot/grub"
# Without its debug sections (GDB reads build/kernel.elf): GRUB reads the
# whole file into memory, and a 6 MiB machine has little to spare.
objcopy --strip-debug "$elf" "$tmp/stage/boot/kernel.elf"
cp "$initramfs" "$tmp/stage/boot/initramfs.cpio"
cp "$cfg" "$tmp/stage/boot/grub/grub.cfg"
# Only the BIOS platform, with the modules the configuration uses.
export SOURCE_DATE_EPOCH="$epoch"
if ! grub-mkrescue --compress=no -o "$out.tmp" \
	--install-modules="multiboot2 normal serial terminal iso9660 biosdisk" \
	--modules="multiboot2 normal serial terminal" \
	--locales= --fonts= --themes= "$tmp/stage" -- \
	-volume_date all_file_dates "=$epoch" -volume_date c "=$epoch" \
	-volume_date m "=$epoch" \
	-volume_date uuid "$(date -u -d "@$epoch" +%Y%m%d%H%M%S00)" \
	>"$tmp/log" 2>&1; then
	cat "$tmp/log" >&2
	echo "mkiso: grub-mkrescue failed" >&2
	exit 1
fi
mv "$out.tmp" "$out"
