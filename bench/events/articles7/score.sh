#!/usr/bin/env bash
# Analyses the articles in bench/events/articles7 (NAME.txt, gold NAME.gold.json written and
# committed before parley was run on them: the untouched seventh set) with the same pipeline as
# scripts/score-seeds.sh, and prints ../shared/eval/score.py's misses and summary.
# PARLEY_ANALYZE_FLAGS (e.g. --no-parse) is passed to parley analyze; `--json` is passed to score.py.
set -euo pipefail
cd "$(dirname "$0")/../../.."
exec scripts/score-articles.sh bench/events/articles7 bench/events/articles7 target/articles7 "$@"
