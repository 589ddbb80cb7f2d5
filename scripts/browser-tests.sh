#!/usr/bin/env bash
# Browser tests: parley's pages in headless Chromium against a running `parley demo`.
#
#     scripts/browser-tests.sh
#
# Installs what it needs when missing: Debian's chromium and chromium-driver (apt-get, as
# root) and the pinned playwright-core of tests/browser/package-lock.json (npm ci). Builds
# parley in release, starts the demo on a free loopback port with a fresh store, runs
# tests/browser/*.test.mjs with node's test runner, and stops the server. Screenshots go to
# target/browser-artifacts/. Exit code: the tests' (non-zero when one fails).
set -euo pipefail
cd "$(dirname "$0")/.."
log() { echo "browser-tests: $*" >&2; }

if ! command -v chromium >/dev/null; then
    if [ "$(id -u)" != 0 ]; then
        log "chromium is missing: install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver), or run this as root"
        exit 1
    fi
    log "installing chromium (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        chromium chromium-driver fonts-dejavu-core >/dev/null
fi
command -v node >/dev/null || { log "node is missing: install nodejs (>= 20) and npm"; exit 1; }

log "playwright-core (npm ci, pinned by tests/browser/package-lock.json)"
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

cargo build --release --locked -p parley --quiet

work=$(mktemp -d)
artifacts=target/browser-artifacts
rm -rf "$artifacts"
mkdir -p "$artifacts"
server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

target/release/parley demo --db "$work/demo.sqlite" --addr 127.0.0.1:0 \
    >"$work/demo.out" 2>"$work/demo.err" &
server_pid=$!
url=
for _ in $(seq 1 600); do
    url=$(sed -n 's|^Open \(http://[^ ]*\)/ in a browser.*|\1|p' "$work/demo.out")
    [ -n "$url" ] && break
    kill -0 "$server_pid" 2>/dev/null || { log "the demo stopped:"; cat "$work/demo.err" >&2; exit 1; }
    sleep 0.1
done
[ -n "$url" ] || { log "the demo printed no URL within 60 s"; cat "$work/demo.err" >&2; exit 1; }
cp "$work/demo.out" "$artifacts/demo.out"
log "demo serving at $url"

PARLEY_URL=$url CHROMIUM=$(command -v chromium) ARTIFACTS=$artifacts \
    node --test --test-reporter=spec tests/browser/
log "screenshots in $artifacts/"
