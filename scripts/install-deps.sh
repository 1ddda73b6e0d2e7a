#!/usr/bin/env bash
# Installs the Debian 12 packages the build, the demo and the tests need; only those missing.
# Runs apt-get directly as root, through sudo otherwise.
set -euo pipefail

packages=(
  cmake make g++ pkg-config          # build
  libreoffice-calc libreoffice-core libreoffice-dev libboost-dev  # office, UNO SDK, Boost
  libgtest-dev googletest            # tests
  libreoffice-l10n-vi                # Vietnamese UI (Function Wizard test)
  libreoffice-draw                   # kpi tree -o pdf|png (the SVG on Draw pages, exported)
  poppler-utils                      # pdftotext / pdftoppm to check reports
  chromium python3-html5lib          # the web report rendered in a browser and checked by a strict HTML5 parser
  xvfb x11-apps netpbm               # GUI checks in a real window
  fonts-dejavu-core zip unzip
  chromium file xdg-utils            # help pages in a real browser; xdg-open as the Help command uses it
)

# `install-deps.sh fuzz` adds clang-14 and its libFuzzer (tests/fuzz/run.sh and the clang-core preset, used by CI).
if [ "${1:-}" = fuzz ]; then packages+=(clang-14 libclang-rt-14-dev); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
