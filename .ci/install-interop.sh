#!/bin/sh
# Installs what test/interop needs: the Go toolchain and golang.org/x/mod (sumdb/note, sumdb/tlog)
# from Debian packages, so the verifier builds offline (GO111MODULE=off GOPATH=/usr/share/gocode).
# Idempotent: does nothing when both packages are installed; runs apt-get update only otherwise.
set -eu

PACKAGES="golang-go golang-golang-x-mod-dev"
XMOD=/usr/share/gocode/src/golang.org/x/mod/sumdb

. "$(dirname "$0")/apt-install.sh"
apt_install install-interop $PACKAGES

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
