#!/usr/bin/env bash
# Analyses the articles in bench/events/articles (NAME.txt, gold NAME.gold.json written before
# parley was run on them) with the same pipeline as scripts/score-seeds.sh, each with the
# publication date its gold file assumes, and prints ../shared/eval/score.py's misses and summary.
# PARLEY_ANALYZE_FLAGS (e.g. --no-parse) is passed to parley analyze; `--json` is passed to score.py.
set -euo pipefail
cd "$(dirname "$0")/../../.."
exec scripts/score-articles.sh bench/events/articles bench/events/articles target/articles "$@"
