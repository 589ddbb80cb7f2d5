#!/usr/bin/env bash
# Analyses the articles in bench/events/articles8 (NAME.txt, gold NAME.gold.json written and
# committed before parley was run on them: the untouched eighth set) with the same pipeline as
# scripts/score-seeds.sh, and prints ../shared/eval/score.py's misses and summary.
# PARLEY_ANALYZE_FLAGS (e.g. --no-parse) is passed to parley analyze; `--json` is passed to score.py.
set -euo pipefail
cd "$(dirname "$0")/../../.."
exec scripts/score-articles.sh bench/events/articles8 bench/events/articles8 target/articles8 "$@"
