#!/bin/sh
# fetch-linux.sh OUT: Debian's Linux 686-pae kernel and what it takes to
# build a module for it, unpacked under OUT (build/linux), for make
# bench-linux. From Debian's archive only, with apt-get download, and
# unpacked with dpkg-deb -x: nothing is installed on the host.
#
#   linux-image-686-pae:i386        the metapackage: names the real one
#   linux-image-ABI-686-pae:i386    /boot/vmlinuz-ABI-686-pae (and config)
#   linux-headers-ABI-686-pae:i386  the build tree of that kernel
#   linux-headers-ABI-common        the headers and top Makefile it includes
#   linux-kbuild-6.1:HOST           fixdep, modpost, ... for the host (amd64):
#                                   they run here, not in the guest
#
# All four at the image's version, so that the module's vermagic and
# symbol versions match the kernel. The headers' Makefile includes the
# common one by its installed path (/usr/src/...); it is rewritten to a
# relative path, which holds wherever OUT is, because the module build
# runs make -C in that directory. The other links (scripts, tools ->
# ../../lib/linux-kbuild-6.1/...) are relative already.
#
# OUT/linux.env is written last: the ABI name, the version and the paths
# tools/bench-linux.sh uses. When it exists and names the version the
# archive offers, nothing is downloaded again.
set -eu
out=$1
arch_host=$(dpkg --print-architecture)

fail() {
	echo "fetch-linux: $*" >&2
	exit 1
}

# The metapackage depends on exactly one linux-image-ABI-686-pae.
image=$(apt-cache depends linux-image-686-pae:i386 2>/dev/null |
	sed -n 's/^ *Depends: \(linux-image-[0-9].*-686-pae\)\(:i386\)\{0,1\}$/\1/p' |
	head -n 1)
[ -n "$image" ] || fail "apt-cache knows no linux-image-686-pae:i386 (run" \
	"make deps: it adds the i386 architecture and updates the lists)"
abi=${image#linux-image-}
abi=${abi%-686-pae}
version=$(apt-cache show --no-all-versions "$image:i386" |
	sed -n 's/^Version: //p' | head -n 1)
[ -n "$version" ] || fail "no version of $image:i386 in the package lists"
if [ -f "$out/linux.env" ] && grep -qx "LINUX_VERSION=$version" "$out/linux.env"; then
	exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/linux.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
packages="$image:i386=$version linux-headers-$abi-686-pae:i386=$version"
packages="$packages linux-headers-$abi-common=$version"
packages="$packages linux-kbuild-6.1:$arch_host=$version"
echo "fetch-linux: apt-get download $packages"
# shellcheck disable=SC2086 # the list is meant to split into words
if ! (cd "$tmp" && apt-get download -q $packages >/dev/null 2>"$tmp/err"); then
	cat "$tmp/err" >&2
	fail "cannot download the packages of Linux $version"
fi
rm -rf "$out"
mkdir -p "$out/root"
for deb in "$tmp"/*.deb; do
	dpkg-deb -x "$deb" "$out/root"
done

headers=$out/root/usr/src/linux-headers-$abi-686-pae
[ -f "$headers/Makefile" ] || fail "no $headers/Makefile in the packages"
sed "s|^include /usr/src/linux-headers-$abi-common/|include ../linux-headers-$abi-common/|" \
	"$headers/Makefile" > "$tmp/Makefile"
grep -q "^include \.\./linux-headers-$abi-common/Makefile" "$tmp/Makefile" ||
	fail "$headers/Makefile does not include the common Makefile as expected"
cp "$tmp/Makefile" "$headers/Makefile"
[ -x "$headers/scripts/mod/modpost" ] ||
	fail "$headers/scripts/mod/modpost is missing: linux-kbuild-6.1 for $arch_host?"

{
	echo "LINUX_VERSION=$version"
	echo "LINUX_ABI=$abi"
	echo "LINUX_RELEASE=$abi-686-pae"
	echo "LINUX_VMLINUZ=root/boot/vmlinuz-$abi-686-pae"
	echo "LINUX_HEADERS=root/usr/src/linux-headers-$abi-686-pae"
} > "$out/linux.env.tmp"
mv "$out/linux.env.tmp" "$out/linux.env"
echo "fetch-linux: Linux $abi-686-pae ($version) in $out"
