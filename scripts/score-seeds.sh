#!/usr/bin/env bash
# Analyses the seed articles in ../shared/seeds, each with the publication date its gold file
# assumes, and scores the report with ../shared/eval/score.py. Prints the scorer's summary.
# PARLEY_ANALYZE_FLAGS (e.g. --no-parse) is passed to parley analyze.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${PARLEY_SHARED:-../shared}
exec scripts/score-articles.sh "$shared/eval/seeds" "$shared/seeds" target/seeds
