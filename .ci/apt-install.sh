#!/bin/sh
# Shared by the .ci/install-*.sh scripts: `apt_install WHO PACKAGE…` installs the Debian packages
# not yet installed (running apt-get update only then), as root or through sudo. Idempotent.

apt_install() {
  who=$1
  shift
  missing=""
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
      missing="$missing $p"
    fi
  done
  [ -n "$missing" ] || return 0
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      SUDO="sudo"
    else
      echo "$who: need root (or sudo) to install:$missing" >&2
      exit 1
    fi
  fi
  echo "$who: installing$missing"
  $SUDO apt-get update
  # shellcheck disable=SC2086
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
}
