#!/usr/bin/env bash
# Builds both Debian packages, extracts them into a scratch root, checks what a person installs (assets,
# desktop entry, kiosk examples, unit, config), verifies the unit with systemd-analyze, then runs the
# extracted server the way its unit does (settings from the environment) and syncs the extracted station.
#   package_test.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir=$1
build_dir=$2
scratch=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }

LOTSTATION_PACKAGE_NO_BUILD=1 LOTSTATION_BUILD_DIR="$build_dir" \
  bash "$source_dir/scripts/package.sh" "$scratch/debs" >"$scratch/debs.txt"
[ "$(wc -l <"$scratch/debs.txt")" = 2 ] || fail "expected two packages, got: $(cat "$scratch/debs.txt")"
rootfs="$scratch/root"
while read -r deb; do
  dpkg-deb --info "$deb" | grep "Depends: .*lib" >/dev/null || fail "$deb has no library dependencies"
  dpkg-deb -x "$deb" "$rootfs"
done <"$scratch/debs.txt"
for f in usr/bin/lotstation usr/bin/lotstation-server usr/share/lotstation/assets/labels/lot-100x50.json \
  usr/share/applications/lotstation.desktop usr/share/doc/lotstation/examples/autostart/lotstation.desktop \
  usr/share/doc/lotstation/examples/lotstation-kiosk.desktop lib/systemd/system/lotstation-server.service \
  etc/lotstation-server/server.conf; do
  [ -e "$rootfs/$f" ] || fail "the packages do not install /$f"
done
dpkg-deb --ctrl-tarfile "$(sed -n 2p "$scratch/debs.txt")" | tar -t | grep conffiles >/dev/null || fail "no conffiles"

if command -v systemd-analyze >/dev/null; then
  # The scratch root needs the targets the unit refers to; the unit and its ExecStart are the package's own.
  cp -rn /lib/systemd/system/. "$rootfs/lib/systemd/system/" 2>/dev/null || true
  systemd-analyze verify --man=no --root="$rootfs" lotstation-server.service || fail "systemd-analyze verify"
fi

server="$rootfs/usr/bin/lotstation-server"
station="$rootfs/usr/bin/lotstation"
data="$scratch/data"
token=$("$server" --data "$data" station add tablet | tail -n 1)
"$server" --data "$data" location add DOCK "Loading dock" --kind dock >/dev/null
"$server" --data "$data" supplier add ACME "Acme oils" >/dev/null
"$server" --data "$data" item add OIL "Olive oil" --uom g --kind raw >/dev/null
# The service's settings, as /etc/lotstation-server/server.conf gives them to the unit.
LOTSTATION_SERVER_DATA="$data" LOTSTATION_SERVER_LISTEN=127.0.0.1:0 LOTSTATION_SERVER_MAX_BODY_MB=4 \
  "$server" serve >"$scratch/server.out" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do # until the server says where it listens (or dies)
  grep -q "listening on" "$scratch/server.out" && break
  kill -0 "$server_pid" 2>/dev/null || fail "the server exited: $(cat "$scratch/server.out")"
  sleep 0.1
done
url=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$scratch/server.out")
[ -n "$url" ] || fail "the server did not start: $(cat "$scratch/server.out")"

db="$scratch/station.db"
"$station" --db "$db" init --station tablet --short-code TB --admin admin --pin 1234 >/dev/null
"$station" --db "$db" sync --server "$url" --token "$token" >/dev/null
lot=$("$station" --db "$db" receive OIL 2kg --supplier ACME --supplier-lot S-1 --location DOCK | tail -n 1)
"$station" --db "$db" sync >/dev/null
"$server" --data "$data" station list | grep "tablet .*acked 1 " >/dev/null || fail "the server has not got the receipt: $("$server" --data "$data" station list)"
"$station" --db "$db" stock OIL | grep "2 kg" >/dev/null || fail "the station lost its stock"
echo "packages install and sync: lot $lot"
