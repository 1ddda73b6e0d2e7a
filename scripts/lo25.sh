#!/usr/bin/env bash
# LibreOffice 25.2 next to the system's 7.4, for testing the extension against a current office.
#
#   scripts/lo25.sh fetch          downloads 25.2 from Debian's bookworm-backports into build/lo25/root
#                                  (once; cached: a second run does nothing). The system's apt sources and
#                                  its office stay as they are: a private apt folder under build/lo25/apt.
#   scripts/lo25.sh run CMD...     runs CMD in a private mount namespace where /usr/lib/libreoffice,
#                                  /usr/share/libreoffice/{bin,program,share}, /etc/libreoffice and
#                                  /var/lib/libreoffice are 25.2's (the 7.4 SDK stays visible for builds).
#   scripts/lo25.sh test           builds (outside the namespace), then runs every office test and the
#                                  steps of `make demo` against 25.2 (what `make test-lo25` does).
#
# Needs root (unshare -m, bind mounts) or sudo. LO25_DIR overrides the folder (default <repo>/build/lo25).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
dir="${LO25_DIR:-$repo/build/lo25}"
root="$dir/root"
suite=bookworm-backports
expect_major=25.2

# The office's packages (bookworm-backports) and what they need that Debian 12's 7.4 lacks (bookworm).
office_packages=(libreoffice-core libreoffice-common libreoffice-calc libreoffice-base-core
  libreoffice-uiconfig-common libreoffice-uiconfig-calc libreoffice-style-colibre libreoffice-l10n-vi
  ure uno-libs-private libuno-sal3 libuno-cppu3 libuno-cppuhelpergcc3-3 libuno-salhelpergcc3-3
  libuno-purpenvhelpergcc3-3 python3-uno fonts-opensymbol)
extra_packages=(libzxcvbn0)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# apt-get or apt-cache ($1) on the private apt folder.
apt_private() {
  local apt="$dir/apt" tool="$1"
  shift
  "$tool" -q -o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts="$apt/sources.list.d" \
    -o Dir::Etc::Preferences=/dev/null -o Dir::Etc::PreferencesParts="$apt/preferences.d" \
    -o Dir::State::Lists="$apt/lists" -o Dir::Cache="$apt/cache" -o Dir::State::status=/var/lib/dpkg/status \
    -o APT::Sandbox::User=root -o Debug::NoLocking=1 "$@"
}

fetch() {
  if [ -f "$root/.complete" ]; then
    echo "lo25: LibreOffice $(cat "$root/.complete") already in $root"
    return 0
  fi
  local start=$SECONDS apt="$dir/apt"
  rm -rf "$root" "$dir/debs" "$dir/zxcvbn"
  mkdir -p "$apt/sources.list.d" "$apt/preferences.d" "$apt/lists/partial" "$apt/cache/archives/partial" \
    "$dir/debs" "$root"
  # Only for this download: the system's sources (/etc/apt) are not touched.
  cat > "$apt/sources.list.d/lo25.sources" <<EOF
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm $suite
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  apt_private apt-get update >/dev/null
  local version
  version="$(apt_private apt-cache madison libreoffice-core | awk -v s="$suite" '$0 ~ s"/main" {print $3; exit}')"
  case "$version" in
    *:${expect_major}.*) ;;
    *) echo "lo25: $suite offers libreoffice-core '${version:-nothing}', not $expect_major" >&2; exit 1 ;;
  esac
  (cd "$dir/debs" && apt_private apt-get download "${office_packages[@]/%//$suite}" "${extra_packages[@]}" >/dev/null)
  for deb in "$dir/debs"/*.deb; do dpkg -x "$deb" "$root"; done
  # What the package's postinst does: the merged configuration where the office reads it.
  mkdir -p "$root/etc/libreoffice/registry"
  cp "$root/usr/lib/libreoffice/share/.registry/main.xcd" "$root/etc/libreoffice/registry/"
  # libzxcvbn alone on LD_LIBRARY_PATH (the whole usr/lib/x86_64-linux-gnu there breaks libreglo.so).
  mkdir -p "$dir/zxcvbn"
  cp -a "$root"/usr/lib/x86_64-linux-gnu/libzxcvbn.so.0* "$dir/zxcvbn/"
  mkdir -p "$root/var/lib/libreoffice" "$root/var/spool/libreoffice"
  echo "${version#*:}" > "$root/.complete"
  echo "lo25: LibreOffice ${version#*:} ($(du -sh "$dir/debs" | cut -f1) of packages) unpacked into $root in $((SECONDS - start)) s"
}

# Inside the namespace (called by `run`): bind-mount 25.2 over the system's office, then exec.
inside() {
  local m
  for m in usr/lib/libreoffice usr/share/libreoffice/bin usr/share/libreoffice/program \
           usr/share/libreoffice/share etc/libreoffice var/lib/libreoffice var/spool/libreoffice; do
    # Only over what the system has: a mount point created here would stay on the real file system.
    [ -e "$root/$m" ] && [ -e "/$m" ] || continue
    mount --bind "$root/$m" "/$m"
  done
  if [ -e "$root/usr/share/libreoffice/shell-lib-extensions.sh" ] && [ -e /usr/share/libreoffice/shell-lib-extensions.sh ]; then
    mount --bind "$root/usr/share/libreoffice/shell-lib-extensions.sh" /usr/share/libreoffice/shell-lib-extensions.sh
  fi
  export LD_LIBRARY_PATH="$dir/zxcvbn${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  export KPI_LO25=1
  exec "$@"
}

run() {
  [ -f "$root/.complete" ] || fetch
  as_root unshare -m --propagation private env LO25_DIR="$dir" "$repo/scripts/lo25.sh" --inside "$@"
}

# Every office test and the steps of `make demo`, against 25.2. The build happens outside the namespace
# (against the system's 7.4 SDK, as the shipped .oxt is built); the run inside it.
test_all() {
  local start=$SECONDS status=0
  fetch
  (cd "$repo" && cmake --preset default >/dev/null && cmake --build --preset default)
  echo "lo25: office tests against LibreOffice $(cat "$root/.complete")"
  # Every office test but the reliability suite: it kills and restarts the kpi tool at many points of its
  # file writes and profile locks (our code, the same with any office) and takes minutes; CI runs it
  # against 7.4 in `make test` and has no time to run it twice (docs/support.md).
  run bash -c 'cd "$1/build" && ctest -R "^office\." -E "^office\.reliability$" --output-on-failure' _ "$repo" ||
    status=$?
  echo "lo25: make demo's steps against LibreOffice $(cat "$root/.complete")"
  run make -C "$repo" --no-print-directory demo-steps DEMO_PROFILE="$dir/demo-profile" DEMO_OUT="$dir/out" || status=$?
  echo "lo25: done in $((SECONDS - start)) s, status $status"
  return $status
}

case "${1:-}" in
  fetch) fetch ;;
  run) shift; run "$@" ;;
  --inside) shift; inside "$@" ;;
  test) test_all ;;
  *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
