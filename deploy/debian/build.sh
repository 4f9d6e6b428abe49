#!/usr/bin/env bash
# Builds the Debian package of dsrd: a release build with the Swift runtime
# and Foundation linked in (--static-swift-stdlib), so the host needs no
# Swift toolchain; the tree staged as it is installed; dsrd_VERSION_ARCH.deb
# built with dpkg-deb (no debhelper). Prints the .deb's path as its last line.
#
# Usage: deploy/debian/build.sh            (output in .build/debian/)
#   DSRD_DEB_OUT=DIR      where the .deb goes
#   DSRD_BUILD_JOBS=N     swift build -j N (default 2)
# Needs Swift 6 (in /opt/swift/usr/bin or on PATH), dpkg-dev (dpkg-shlibdeps)
# and binutils (strip); installs the last two when missing.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO"
HERE="$REPO/deploy/debian"
OUT=${DSRD_DEB_OUT:-$REPO/.build/debian}
fail() { echo "build: $*" >&2; exit 1; }
say() { echo "build: $*" >&2; }

export PATH="/opt/swift/usr/bin:$PATH"
command -v swift >/dev/null || fail "swift not found (expected in /opt/swift/usr/bin or on PATH)"
# The toolchain's root (/opt/swift for /opt/swift/usr/bin/swift): nothing may be loaded from it.
TOOLCHAIN=$(dirname "$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")")

# Tools of the build host, installed only when missing (naming an installed
# package would upgrade it).
missing=()
for pair in dpkg-shlibdeps:dpkg-dev strip:binutils dpkg-deb:dpkg; do
    command -v "${pair%%:*}" >/dev/null || missing+=("${pair##*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The version: written in one place, Sources/Daemon/Version.swift, which
# `dsrd --version` prints. The changelog's newest entry must name it.
VERSION=$(sed -n 's/^ *public static let number = "\([^"]*\)".*$/\1/p' Sources/Daemon/Version.swift)
[[ $VERSION =~ ^[0-9]+\.[0-9]+\.[0-9]+([~+.-][0-9A-Za-z.~+-]+)?$ ]] \
    || fail "no version found in Sources/Daemon/Version.swift (DSRDVersion.number)"
CHANGELOG_VERSION=$(sed -n '1s/^dsrd (\([^)]*\)).*$/\1/p' "$HERE/changelog")
[ "$CHANGELOG_VERSION" = "$VERSION" ] \
    || fail "deploy/debian/changelog's newest entry is $CHANGELOG_VERSION, the version is $VERSION: add an entry"
ARCH=$(dpkg --print-architecture)

# The release build. --static-swift-stdlib links the Swift runtime,
# Foundation (with ICU's data) and libdispatch in; --disable-local-rpath
# leaves out SwiftPM's RUNPATH $ORIGIN, so the binary names no directory
# to load libraries from. It is linked by lld with packed relative
# relocations (DT_RELR, read by glibc 2.36): a position-independent binary
# of this size otherwise carries about 80,000 relocation entries (1.9 MB)
# read at every start; linked this way an idle daemon's RSS is about 3 MB
# (a tenth) smaller.
started=$(date +%s)
swift build -c release --product dsrd --static-swift-stdlib --disable-local-rpath -j "${DSRD_BUILD_JOBS:-2}" \
    -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs >&2
say "release build in $(( $(date +%s) - started ))s"
BINARY="$(swift build -c release --show-bin-path)/dsrd"
[ -x "$BINARY" ] || fail "$BINARY was not built"
# The section table is read whole before it is searched: with pipefail, a
# grep -q that stops at the match would fail the pipe when readelf is
# still writing (SIGPIPE).
sections=$(readelf -S "$BINARY")
grep -q '\.relr\.dyn' <<<"$sections" || fail "$BINARY was linked without packed relative relocations"

# Nothing from the toolchain, nothing unresolved, no RUNPATH.
libraries=$(ldd "$BINARY")
if grep -F "$TOOLCHAIN/" <<<"$libraries" >&2; then fail "$BINARY loads libraries from the toolchain ($TOOLCHAIN)"; fi
if grep 'not found' <<<"$libraries" >&2; then fail "$BINARY needs libraries that are not found"; fi
if readelf -d "$BINARY" | grep -E 'RPATH|RUNPATH' >&2; then fail "$BINARY has a RUNPATH"; fi
[ "$(env -i "$BINARY" --version)" = "dsrd $VERSION" ] || fail "$BINARY --version does not print dsrd $VERSION"

# The tree as it is installed.
NAME="dsrd_${VERSION}_${ARCH}"
STAGE="$OUT/stage/$NAME"
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN"
install -D -m 0755 "$BINARY" "$STAGE/usr/bin/dsrd"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$STAGE/usr/bin/dsrd"
install -D -m 0644 deploy/systemd/dsrd.service "$STAGE/lib/systemd/system/dsrd.service"
install -D -m 0644 "$HERE/config.json" "$STAGE/etc/dsrd/config.json"
# The site's templates: empty language folders and a README; the site's
# files in them replace the shipped ones by name, and are never touched.
install -d -m 0755 "$STAGE/etc/dsrd/templates/nb" "$STAGE/etc/dsrd/templates/en"
install -m 0644 "$HERE/templates-README" "$STAGE/etc/dsrd/templates/README"
# The shipped templates, replaced by every upgrade.
for language in nb en; do
    install -d -m 0755 "$STAGE/usr/share/dsrd/templates/$language"
    install -m 0644 Templates/$language/*.txt "$STAGE/usr/share/dsrd/templates/$language/"
done
install -m 0644 Templates/README.md "$STAGE/usr/share/dsrd/templates/README.md"
install -d -m 0755 "$STAGE/usr/share/man/man8"
sed "s/@VERSION@/$VERSION/g" man/man8/dsrd.8 | gzip -9n > "$STAGE/usr/share/man/man8/dsrd.8.gz"
install -D -m 0644 "$HERE/dsrd.bash-completion" "$STAGE/usr/share/bash-completion/completions/dsrd"
DOC="$STAGE/usr/share/doc/dsrd"
install -D -m 0644 README.md "$DOC/README.md"
install -m 0644 "$HERE/copyright" "$DOC/copyright"
gzip -9n < "$HERE/changelog" > "$DOC/changelog.Debian.gz"
chmod 0644 "$DOC/changelog.Debian.gz"
install -d -m 0755 "$DOC/examples"
install -m 0644 deploy/systemd/config.json "$DOC/examples/config.json"
install -m 0644 config.example.json "$DOC/examples/config.example.json"
install -m 0644 deploy/datamap.json "$DOC/examples/datamap.json"
install -m 0644 deploy/operator-grants.sql "$DOC/examples/operator-grants.sql"

# Depends: the shared libraries the binary names, as their packages'
# shlibs/symbols files say (libc6, libcurl4, libpq5, libstdc++6, libgcc-s1).
shlibs=$(mktemp -d)
trap 'rm -rf "$shlibs"' EXIT
mkdir "$shlibs/debian"
printf 'Source: dsrd\n\nPackage: dsrd\nArchitecture: any\n' > "$shlibs/debian/control"
DEPENDS=$(cd "$shlibs" && dpkg-shlibdeps -O "$STAGE/usr/bin/dsrd" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$DEPENDS" ] || fail "dpkg-shlibdeps found no dependencies"
for needed in libcurl4 libpq5; do
    grep -q "\b$needed\b" <<<"$DEPENDS" || fail "Depends lacks $needed: $DEPENDS"
done

INSTALLED_SIZE=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@INSTALLED_SIZE@/$INSTALLED_SIZE/" \
    -e "s/@DEPENDS@/$DEPENDS/" "$HERE/control.in" > "$STAGE/DEBIAN/control"
install -m 0644 "$HERE/conffiles" "$STAGE/DEBIAN/conffiles"
for script in postinst prerm postrm; do
    install -m 0755 "$HERE/$script" "$STAGE/DEBIAN/$script"
done
# Every conffile is in the tree, and every file under /etc is a conffile
# (empty folders aside).
while read -r conffile; do
    [ -f "$STAGE$conffile" ] || fail "conffile $conffile is not in the package"
done < "$HERE/conffiles"
while read -r file; do
    grep -qx "${file#"$STAGE"}" "$HERE/conffiles" || fail "${file#"$STAGE"} is under /etc but not a conffile"
done < <(find "$STAGE/etc" -type f)
(cd "$STAGE" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) \
    > "$STAGE/DEBIAN/md5sums"
chmod 0644 "$STAGE/DEBIAN/md5sums"

DEB="$OUT/$NAME.deb"
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB" >&2
say "$(du -h "$DEB" | cut -f1) package, $INSTALLED_SIZE KiB installed, Depends: $DEPENDS"
echo "$DEB"
