#!/usr/bin/env bash
# Analyses the seed articles in ../shared/seeds, each with the publication date its gold file
# assumes, and scores the report with ../shared/eval/score.py. Prints the scorer's summary.
# PARLEY_ANALYZE_FLAGS (e.g. --no-parse) is passed to parley analyze.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
parley=target/release/parley
out=target/seeds
mkdir -p "$out"
reports=()
for gold in "$shared"/eval/seeds/*.gold.json; do
  doc=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["doc"])' "$gold")
  date=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("assume_published",""))' "$gold")
  report="$out/${doc%.txt}.report.json"
  "$parley" analyze "$shared/seeds/$doc" ${PARLEY_ANALYZE_FLAGS:-} ${date:+--published "$date"} --out "$report"
  reports+=("$report")
done
python3 - "$out/report.json" "${reports[@]}" <<'PY'
import json, sys
docs = [d for path in sys.argv[2:] for d in json.load(open(path))["documents"]]
json.dump({"documents": docs}, open(sys.argv[1], "w"), ensure_ascii=False)
PY
python3 "$shared/eval/score.py" --gold "$shared/eval/seeds" --report "$out/report.json"
