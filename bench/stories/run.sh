#!/usr/bin/env bash
# Story clustering on the labelled set (see README.md here): builds the set from BABE, ingests
# each part into its own store, and prints B-cubed precision/recall/F1 without and (when
# EMBEDDINGS=1 and scripts/fetch-embedder.sh has run) with sentence embeddings.
#
#     bench/stories/run.sh            # TF-IDF, actors, events, time
#     EMBEDDINGS=1 bench/stories/run.sh
#     SWEEP=1 bench/stories/run.sh    # every threshold 0.10..0.60 (tune on `tune` only)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=bench/out/stories
python3 bench/stories/build_set.py ../shared/eval/babe-media-bias "$out"
cargo build --release --quiet -p parley
for part in tune heldout; do
    rm -f "$out/$part.sqlite"*
    target/release/parley ingest "$out/$part.jsonl" --db "$out/$part.sqlite" 2>&1 | tail -n 1
done
sweep=${SWEEP:+--sweep}
features=()
embed=()
if [[ "${EMBEDDINGS:-0}" == 1 ]]; then
    scripts/fetch-embedder.sh
    features=(--features embeddings)
    embed=(--embeddings .models/all-minilm-l6-v2)
fi
for part in tune heldout; do
    cargo run --release --quiet -p parley-link "${features[@]}" --example story_eval -- \
        "$out/$part.sqlite" bench/stories/labels.json "${embed[@]}" $sweep
done
