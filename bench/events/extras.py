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
import json
import os
import subprocess
import tempfile
from collections import Counter

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
EVAL = os.environ.get("PARLEY_EVAL", os.path.join(ROOT, "..", "shared", "eval"))
TRAIN = os.path.join(EVAL, "conflibert-cameo", "cameo_class", "train.tsv")
PARLEY = os.path.join(ROOT, "target", "release", "parley")


def read_train():
    rows = []
    with open(TRAIN, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if "\t" not in line:
                continue
            text, cls = line.rsplit("\t", 1)
            rows.append((text.strip('"'), cls.strip()))
    return rows


def analyze(texts, parse):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "train.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for i, t in enumerate(texts):
                f.write(json.dumps({"id": str(i), "body": t}) + "\n")
        cmd = [PARLEY, "analyze", path] + ([] if parse else ["--no-parse"])
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return {int(d["source_id"]): d["events"] for d in json.loads(out)["documents"]}


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
    events = analyze([t for t, _ in rows], args.parse)
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
