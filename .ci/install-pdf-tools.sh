#!/bin/sh
# Installs the Debian tools the certificate tests check PDFs with: poppler-utils (pdftotext,
# pdfsig, pdfdetach, pdffonts, pdftoppm, pdfinfo), zbar-tools (zbarimg) and libnss3-tools
# (certutil). Idempotent: does nothing when all are installed; runs apt-get update only otherwise.
set -eu

PACKAGES="poppler-utils zbar-tools libnss3-tools"

. "$(dirname "$0")/apt-install.sh"
apt_install install-pdf-tools $PACKAGES

for tool in pdftotext pdfsig pdfdetach pdffonts pdftoppm pdfinfo zbarimg certutil; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "install-pdf-tools: '$tool' is not on PATH after installing $PACKAGES" >&2
    exit 1
  fi
done
echo "install-pdf-tools: poppler-utils $(dpkg-query -W -f='${Version}' poppler-utils), zbar-tools $(dpkg-query -W -f='${Version}' zbar-tools), libnss3-tools $(dpkg-query -W -f='${Version}' libnss3-tools)"
