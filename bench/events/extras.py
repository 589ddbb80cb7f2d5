#!/usr/bin/env python3
"""Events parley codes where there should be none, or of the wrong class: ConfliBERT's CAMEO
training sentences (free development text; never the test split) through `parley analyze`.

    bench/events/extras.py [--show CLASS] [--parse]

Each sentence has one label, a CAMEO class (0 statements, appeals and demands; 1 verbal
cooperation; 2 material cooperation; 3 verbal conflict; 4 material conflict). A sentence whose
first event falls in another class is counted as wrong: a candidate extra (a second event of
one clause, a verb sense that is no event). `--show N` prints the wrong sentences of label N
with all their events.
"""
import argparse
from collections import Counter

from sentences import analyze_documents, read_train


def label_of(code):
    """The train label a CAMEO code's root falls in: the majority mapping `run.sh conflibert`
    prints (01, 02 and 10 statements and appeals; 03-05 verbal cooperation; 06-08 material
    cooperation; 09, 11-13, 16 verbal conflict; 14, 15, 17-20 material conflict)."""
    root = int(code[:2])
    if root in (1, 2, 10):
        return "0"
    if root <= 5:
        return "1"
    if root <= 8:
        return "2"
    if root in (9, 11, 12, 13, 16):
        return "3"
    return "4"


def describe(e):
    side = lambda s: (s or {}).get("actor_id") or (s or {}).get("name") or "-"
    trig = (e.get("trigger") or {}).get("text", "")
    return f"{e.get('code')} {side(e.get('source'))}->{side(e.get('target'))} '{trig}' ({e.get('status')})"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--parse", action="store_true")
    ap.add_argument("--show", default=None)
    args = ap.parse_args()
    rows = read_train()
    docs = analyze_documents([t for t, _ in rows], args.parse)
    events = {i: d["events"] for i, d in docs.items()}
    by_label = Counter(c for _, c in rows)
    coded = Counter()
    wrong = Counter()
    shown = []
    for i, (t, c) in enumerate(rows):
        evs = events.get(i) or []
        if not evs:
            continue
        coded[c] += 1
        bad = label_of(code_of(evs[0])) != c
        if bad:
            wrong[c] += 1
        if args.show is not None and args.show == c and bad:
            shown.append((i, t, evs))
    print("label  sentences  with event  class wrong (first event)")
    for c in sorted(by_label):
        print(f"  {c}    {by_label[c]:5d}     {coded[c]:5d}      {wrong[c]:5d}")
    print(f"  all  {sum(by_label.values()):5d}     {sum(coded.values()):5d}      {sum(wrong.values()):5d}")
    for i, t, evs in shown:
        print(f"{i}\t{' | '.join(describe(e) for e in evs)}\t{t}")


def code_of(e):
    return str(e.get("cameo") or e.get("code") or "00")


if __name__ == "__main__":
    main()
