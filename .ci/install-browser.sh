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
      echo "install-browser: need root (or sudo) to install:$missing" >&2
      exit 1
    fi
  fi
  echo "install-browser: installing$missing"
  $SUDO apt-get update
  # shellcheck disable=SC2086
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "install-browser: /usr/bin/chromium is missing after installing chromium" >&2
  exit 1
fi
# the wrapper script prints a harmless "[: …: unexpected operator" line on some systems
echo "install-browser: $(/usr/bin/chromium --version 2>/dev/null); CJK font: $(fc-list :lang=zh family 2>/dev/null | head -n 1)"
