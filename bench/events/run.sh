#!/bin/sh
# Prints parley's event-coding figures. Usage, from the repository root:
#   bench/events/run.sh [plover|petr2|conflibert|seeds|speed|all|units] [-v] [--parse]
#   units: PETRARCH's structural test suites (src/units.rs), not part of all
#   bench/events/run.sh sides [-v] [--parse] [--show KIND]: sides.py (who did what to whom on
#   ConfliBERT's gold source/target spans), not part of all
# Needs ../shared/eval beside the repository (or PARLEY_EVAL=path).
set -e
cd "$(dirname "$0")/../.."
mkdir -p bench/out
if [ "${1:-}" = sides ]; then
  shift
  exec python3 bench/events/sides.py "$@"
fi
cargo run --quiet --release --manifest-path bench/events/Cargo.toml --target-dir target -- "$@"
case "${1:-all}" in
  seeds|all)
    echo "seeds, as reported:"
    python3 ../shared/eval/score.py --gold ../shared/eval/seeds --report bench/out/events-seeds.json | sed -n '/-- summary/,$p' | grep -E 'event'
    echo "seeds, actors with country IGO or none named by actor id:"
    python3 ../shared/eval/score.py --gold ../shared/eval/seeds --report bench/out/events-seeds-igo.json | sed -n '/-- summary/,$p' | grep -E 'event' ;;
esac
