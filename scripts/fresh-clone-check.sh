#!/usr/bin/env bash
# Proves the README's quick start as a new user meets it: clones this repository's committed HEAD
# into a new temporary folder with nothing beside it (no ../shared, no build, no node_modules) and
# runs the README's commands there: `npm install && npm test`, then `npm start` (scripts/start-check.mjs).
# Uncommitted changes are not in the clone: commit first.
set -euo pipefail
repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/huicun-fresh.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
git clone -q --no-local "$repo" "$tmp/huicun"
cd "$tmp/huicun"
echo "fresh-clone-check: $(git log -1 --format='%h %s') in $PWD"
ls -A .. | grep -qvx huicun && { echo "fresh-clone-check: $tmp is not empty" >&2; exit 1; }
[ ! -e ../shared ] || { echo "fresh-clone-check: ../shared exists beside the clone" >&2; exit 1; }

npm install --no-audit --no-fund && npm test
PORT=${FRESH_CLONE_PORT:-3917} node scripts/start-check.mjs
echo "fresh-clone-check: passed"
