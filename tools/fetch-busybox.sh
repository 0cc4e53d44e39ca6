#!/bin/sh
# fetch-busybox.sh OUT: Debian's own static busybox for i386 (package
# busybox-static:i386, a static glibc binary) at OUT, for the initramfs.
# The package is downloaded with apt-get download and unpacked with
# dpkg-deb: nothing is installed on the host (an i386 busybox-static
# would replace the host's own /bin/busybox). make deps adds the i386
# architecture and updates the package lists this needs.
set -eu
out=$1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/busybox.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
if ! (cd "$tmp" && apt-get download -q busybox-static:i386 >/dev/null 2>"$tmp/err"); then
	cat "$tmp/err" >&2
	echo "fetch-busybox: cannot download busybox-static:i386 (run make deps:" \
		"it adds the i386 architecture)" >&2
	exit 1
fi
dpkg-deb -x "$tmp"/busybox-static_*_i386.deb "$tmp/root"
mkdir -p "$(dirname "$out")"
cp "$tmp/root/bin/busybox" "$out.tmp"
chmod 0755 "$out.tmp"
mv "$out.tmp" "$out"
echo "fetch-busybox: $(dpkg-deb -f "$tmp"/busybox-static_*_i386.deb Version) at $out"
