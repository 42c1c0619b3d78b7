#!/bin/sh
# Installs what the browser tests (`npm run test:e2e`) and `npm run bench:web` need: Debian's
# Chromium (driven by playwright-core, which downloads no browser) and a CJK font so Chinese
# pages render (fonts-noto-cjk, or the smaller fonts-wqy-microhei when it is already there).
# Idempotent: does nothing when both are installed; runs apt-get update only otherwise.
set -eu

PACKAGES="chromium"
if ! dpkg-query -W -f='${Status}\n' fonts-wqy-microhei 2>/dev/null | grep -q '^install ok installed$'; then
  PACKAGES="$PACKAGES fonts-noto-cjk"
fi

. "$(dirname "$0")/apt-install.sh"
apt_install install-browser $PACKAGES

if [ ! -x /usr/bin/chromium ]; then
  echo "install-browser: /usr/bin/chromium is missing after installing chromium" >&2
  exit 1
fi
# the wrapper script prints a harmless "[: …: unexpected operator" line on some systems
echo "install-browser: $(/usr/bin/chromium --version 2>/dev/null); CJK font: $(fc-list :lang=zh family 2>/dev/null | head -n 1)"
