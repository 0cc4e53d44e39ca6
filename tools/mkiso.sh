#!/bin/sh
# mkiso.sh KERNEL.ELF GRUB.CFG OUT.ISO: a bootable ISO (GRUB for BIOS).
# Reproducible: every date in the image is SOURCE_DATE_EPOCH (the
# GNUmakefile sets it to the commit's date), so the same inputs give
# the same bytes.
set -eu
epoch=${SOURCE_DATE_EPOCH:-0}
elf=$1 cfg=$2 out=$3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/hmkiso.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/stage/boot/grub"
cp "$elf" "$tmp/stage/boot/kernel.elf"
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
