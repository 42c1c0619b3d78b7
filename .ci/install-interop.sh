#!/bin/sh
# Installs what test/interop needs: the Go toolchain and golang.org/x/mod (sumdb/note, sumdb/tlog)
# from Debian packages, so the verifier builds offline (GO111MODULE=off GOPATH=/usr/share/gocode).
# Idempotent: does nothing when both packages are installed; runs apt-get update only otherwise.
set -eu

PACKAGES="golang-go golang-golang-x-mod-dev"
XMOD=/usr/share/gocode/src/golang.org/x/mod/sumdb

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      SUDO="sudo"
    else
      echo "install-interop: need root (or sudo) to install:$missing" >&2
      exit 1
    fi
  fi
  echo "install-interop: installing$missing"
  $SUDO apt-get update
  # shellcheck disable=SC2086
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
fi

if ! command -v go >/dev/null 2>&1; then
  echo "install-interop: 'go' is not on PATH after installing golang-go" >&2
  exit 1
fi
for d in note tlog; do
  if [ ! -d "$XMOD/$d" ]; then
    echo "install-interop: $XMOD/$d is missing (golang-golang-x-mod-dev)" >&2
    exit 1
  fi
done
echo "install-interop: $(go version); golang.org/x/mod $(dpkg-query -W -f='${Version}' golang-golang-x-mod-dev)"
