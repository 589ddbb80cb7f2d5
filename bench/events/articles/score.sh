#!/usr/bin/env bash
# Analyses the articles in bench/events/articles (NAME.txt, gold NAME.gold.json written before
# parley was run on them) with the same pipeline as scripts/score-seeds.sh, each with the
# publication date its gold file assumes, and prints ../shared/eval/score.py's misses and summary.
# PARLEY_ANALYZE_FLAGS (e.g. --no-parse) is passed to parley analyze; `--json` is passed to score.py.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../../.."
shared=${PARLEY_SHARED:-../shared}
parley=target/release/parley
out=target/articles
mkdir -p "$out"
reports=()
for gold in "$here"/*.gold.json; do
  doc=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["doc"])' "$gold")
  date=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("assume_published",""))' "$gold")
  report="$out/${doc%.txt}.report.json"
  "$parley" analyze "$here/$doc" ${PARLEY_ANALYZE_FLAGS:-} ${date:+--published "$date"} --out "$report"
  reports+=("$report")
done
python3 - "$out/report.json" "${reports[@]}" <<'PY'
import json, sys
docs = [d for path in sys.argv[2:] for d in json.load(open(path))["documents"]]
json.dump({"documents": docs}, open(sys.argv[1], "w"), ensure_ascii=False)
PY
python3 "$shared/eval/score.py" --gold "$here" --report "$out/report.json" "$@"
