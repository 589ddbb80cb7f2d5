#!/usr/bin/env bash
# Analyses articles that have gold files (NAME.gold.json naming its "doc" and the publication
# date it assumes) and scores the report with ../shared/eval/score.py, printing its summary.
#   scripts/score-articles.sh GOLD_DIR TEXT_DIR OUT_DIR [score.py options, e.g. --json]
# PARLEY_ANALYZE_FLAGS (e.g. --no-parse) is passed to parley analyze. Paths are relative to the
# repository root; PARLEY_SHARED overrides ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${PARLEY_SHARED:-../shared}
gold_dir=$1 text_dir=$2 out=$3
shift 3
parley=target/release/parley
mkdir -p "$out"
reports=()
for gold in "$gold_dir"/*.gold.json; do
  doc=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["doc"])' "$gold")
  date=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("assume_published",""))' "$gold")
  report="$out/${doc%.txt}.report.json"
  "$parley" analyze "$text_dir/$doc" ${PARLEY_ANALYZE_FLAGS:-} ${date:+--published "$date"} --out "$report"
  reports+=("$report")
done
python3 - "$out/report.json" "${reports[@]}" <<'PY'
import json, sys
docs = [d for path in sys.argv[2:] for d in json.load(open(path))["documents"]]
json.dump({"documents": docs}, open(sys.argv[1], "w"), ensure_ascii=False)
PY
python3 "$shared/eval/score.py" --gold "$gold_dir" --report "$out/report.json" "$@"
