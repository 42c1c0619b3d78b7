#!/bin/sh
# Installs the Debian tools the certificate tests check PDFs with: poppler-utils (pdftotext,
# pdfsig, pdfdetach, pdffonts, pdftoppm, pdfinfo), zbar-tools (zbarimg) and libnss3-tools
# (certutil). Idempotent: does nothing when all are installed; runs apt-get update only otherwise.
set -eu

PACKAGES="poppler-utils zbar-tools libnss3-tools"

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
      echo "install-pdf-tools: need root (or sudo) to install:$missing" >&2
      exit 1
    fi
  fi
  echo "install-pdf-tools: installing$missing"
  $SUDO apt-get update
  # shellcheck disable=SC2086
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
fi

for tool in pdftotext pdfsig pdfdetach pdffonts pdftoppm pdfinfo zbarimg certutil; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "install-pdf-tools: '$tool' is not on PATH after installing $PACKAGES" >&2
    exit 1
  fi
done
echo "install-pdf-tools: poppler-utils $(dpkg-query -W -f='${Version}' poppler-utils), zbar-tools $(dpkg-query -W -f='${Version}' zbar-tools), libnss3-tools $(dpkg-query -W -f='${Version}' libnss3-tools)"
