#!/usr/bin/env bash
# Builds the Debian packages lotstation_VERSION_ARCH.deb (station + CLI, assets, desktop entry, kiosk
# examples) and lotstation-server_VERSION_ARCH.deb (server, systemd unit, config file) with dpkg-deb.
#   bash scripts/package.sh [OUT_DIR]      # default: build/packages; builds the two programs first
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${LOTSTATION_BUILD_DIR:-$root/build}"
out=$(mkdir -p "${1:-$build/packages}" && cd "${1:-$build/packages}" && pwd)
if [ -z "${LOTSTATION_PACKAGE_NO_BUILD:-}" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE="${LOTSTATION_BUILD_TYPE:-Release}" >/dev/null
  cmake --build "$build" -j "$(nproc)" --target lotstation lotstation-server
fi
version=$(sed -n 's/^project([^)]*VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
version=${version:-0.1.0}
arch=$(dpkg --print-architecture)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Depends: from the shared libraries the program links (dpkg-shlibdeps wants a debian/control beside it).
depends_of() {
  (cd "$work" && mkdir -p debian && touch debian/control &&
   dpkg-shlibdeps -O --ignore-missing-info -e"$1" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
}

control() { # NAME DESCRIPTION DEPENDS
  mkdir -p "$work/$1/DEBIAN"
  cat >"$work/$1/DEBIAN/control" <<CONTROL
Package: $1
Version: $version
Architecture: $arch
Maintainer: Lotstation <lotstation@localhost>
Section: misc
Priority: optional
Depends: $3
Description: $2
CONTROL
}

# lotstation: the station and its command line.
p="$work/lotstation"
install -Dm755 "$build/station/lotstation" "$p/usr/bin/lotstation"
strip --strip-debug "$p/usr/bin/lotstation"
mkdir -p "$p/usr/share/lotstation"
cp -r "$root/assets" "$p/usr/share/lotstation/assets"
install -Dm644 "$root/packaging/lotstation/lotstation.desktop" "$p/usr/share/applications/lotstation.desktop"
ex="$p/usr/share/doc/lotstation/examples"
install -Dm644 "$root/packaging/lotstation/lotstation-autostart.desktop" "$ex/autostart/lotstation.desktop"
install -Dm644 "$root/packaging/lotstation/lotstation-kiosk-session.desktop" "$ex/lotstation-kiosk.desktop"
install -Dm755 "$root/packaging/lotstation/lotstation-kiosk-session" "$ex/lotstation-kiosk-session"
install -Dm644 "$root/README.md" "$p/usr/share/doc/lotstation/README.md"
control lotstation "Lotstation: barcode lot-tracking station for the shop floor
 Receive, produce, ship, count and trace lots with a barcode scanner or camera, offline against a local
 ledger, and sync with a lotstation-server." "$(depends_of "$p/usr/bin/lotstation"), fonts-dejavu-core"

# lotstation-server: the central server as a systemd service.
p="$work/lotstation-server"
install -Dm755 "$build/sync/lotstation-server" "$p/usr/bin/lotstation-server"
strip --strip-debug "$p/usr/bin/lotstation-server"
install -Dm644 "$root/packaging/lotstation-server/lotstation-server.service" \
  "$p/lib/systemd/system/lotstation-server.service"
install -Dm640 "$root/packaging/lotstation-server/server.conf" "$p/etc/lotstation-server/server.conf"
install -Dm644 "$root/README.md" "$p/usr/share/doc/lotstation-server/README.md"
install -Dm644 "$root/sync/PROTOCOL.md" "$p/usr/share/doc/lotstation-server/PROTOCOL.md"
mkdir -p "$p/var/lib/lotstation-server"
control lotstation-server "Lotstation central sync server
 The server Lotstation stations sync their ledgers with: exactly-once log shipping, master data, conflict
 flags; runs as a systemd service." "$(depends_of "$p/usr/bin/lotstation-server"), adduser"
install -m755 "$root/packaging/lotstation-server/postinst" "$root/packaging/lotstation-server/prerm" "$p/DEBIAN/"
echo /etc/lotstation-server/server.conf >"$p/DEBIAN/conffiles"

for name in lotstation lotstation-server; do
  fakeroot dpkg-deb --build -Zxz "$work/$name" "$out/${name}_${version}_${arch}.deb" >/dev/null
  echo "$out/${name}_${version}_${arch}.deb"
done
