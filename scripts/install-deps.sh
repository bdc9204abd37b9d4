#!/usr/bin/env bash
# Installs the Debian 12 packages Lotstation builds and tests with. Safe to run again: when every package is
# already there it changes nothing and does not touch the network.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libzxing-dev libzbar-dev libopencv-dev
  libsdl2-dev libimgui-dev libstb-dev libgl-dev
  libsqlite3-dev sqlite3
  libqrencode-dev libcairo2-dev fonts-dejavu-core
  libcpp-httplib-dev nlohmann-json3-dev libssl-dev
  libsodium-dev libcli11-dev doctest-dev
  poppler-utils xvfb xauth libgl1-mesa-dri libglx-mesa0 openssl
  libserialport-dev
  libxlsxwriter-dev libzip-dev libexpat1-dev python3-openpyxl
  libpq-dev postgresql-15
  fakeroot systemd
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node and npm run the labels tests' independent ZPL renderer; any node already installed will do.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

bash "$(dirname "$0")/install-zpl-renderer.sh"
