#!/bin/sh
# mkinitramfs.sh [--busybox BUSYBOX] STAGE ROOTFS OUT.CPIO PROGRAM...:
# the initramfs that GRUB loads beside the kernel (module2 ...
# initramfs). STAGE is made afresh: the PROGRAMs in /bin, the files
# under ROOTFS (user/rootfs), and in /bad the broken programs of
# tools/mkbadelf.py, made from /bin/exitcode. With --busybox, Debian's
# busybox goes in /bin too, with a symlink for each of its applets
# (/bin/sh, /bin/ls, ...) that no PROGRAM already has the name of.
# Then OUT.CPIO, a cpio "newc" archive of STAGE.
# Reproducible: fixed modes, every date the same fixed one, owner 0:0,
# names in sorted order, so the same inputs give the same bytes. The
# date is a constant, not SOURCE_DATE_EPOCH: the kernel parses the
# archive's hex fields, and a date that changed with every commit would
# change its instruction counts, which the Bochs transcripts in docs/
# record.
set -eu
busybox=
if [ "${1:-}" = "--busybox" ]; then
	busybox=$2
	shift 2
fi
if [ $# -lt 4 ]; then
	echo "usage: $0 [--busybox BUSYBOX] STAGE ROOTFS OUT.CPIO PROGRAM..." >&2
	exit 2
fi
stage=$1 rootfs=$2 out=$3
shift 3
# 2026-01-01 00:00 UTC
epoch=1767225600
here=$(dirname "$0")

rm -rf "$stage"
mkdir -p "$stage/bin"
cp "$@" "$stage/bin/"
cp -R "$rootfs/." "$stage/"
if [ -n "$busybox" ]; then
	cp "$busybox" "$stage/bin/busybox"
	# The i386 binary runs on an x86-64 host too: ask it for its applets.
	for applet in $("$busybox" --list); do
		[ -e "$stage/bin/$applet" ] || ln -s busybox "$stage/bin/$applet"
	done
fi
/usr/bin/python3 "$here/mkbadelf.py" "$stage/bin/exitcode" "$stage/bad"

# The umask and the source files' modes must not show in the archive.
# Everything in /bad is executable too: execve() must refuse it for its
# contents (ENOEXEC), not for a missing x bit (EACCES).
find "$stage" -type d -exec chmod 0755 {} +
find "$stage" -type f -exec chmod 0644 {} +
find "$stage/bin" "$stage/bad" -type f -exec chmod 0755 {} +
find "$stage" -exec touch -h -d "@$epoch" {} +

# Names relative to the root ("bin/hello"), each directory before what
# it holds; --reproducible numbers the inodes from 1 and drops devices.
(cd "$stage" && find . -mindepth 1 -printf '%P\n' | LC_ALL=C sort |
	cpio -o -H newc --reproducible -R 0:0 --quiet) > "$out.tmp"
mv "$out.tmp" "$out"
