#!/usr/bin/env python3
"""What real news sentences leave uncoded: ConfliBERT's CAMEO training sentences (free
development text; never the test split) through `parley analyze`, counted by cause.

    bench/events/coverage.py [--parse] [--published YYYY-MM-DD] [--show BUCKET] [--diff]

Writes the 1,349 sentences of train.tsv as JSON Lines (one article per sentence), runs
`target/release/parley analyze` on them (`--no-parse` unless `--parse`), and for the sentences
with no event takes the coder's view from the bench (`run.sh train --actors kb`: the same
actors stage as the product, no Phoenix dictionaries) to sort them by cause:

- no actor: the actors stage finds no party in the sentence;
- no vocabulary: no dictionary verb or noun outside the parties;
- word not read: a dictionary word, but no trigger (position, governed, no code);
- one party, before the trigger: a subject, no second party (a code that needs a target);
- one party, after the trigger: no subject (no source);
- two or more parties, trigger: sides not found, or the event discarded by the stage.

No `published` by default: the sentences are from 1990 to 2021 and their dates are unknown, and
with a date the stage rightly drops events years older than it as history (`--published
2015-01-01` shows those). `--diff` lists the sentences where the bench (Phoenix-extended actors,
its default) finds an event and `parley analyze` none. `--show BUCKET` prints the sentences of
one bucket (a prefix of its name) with their triggers, dictionary words and parties.
"""
import argparse
import os
import subprocess
import sys
from collections import Counter

from sentences import ROOT, analyze_documents, read_train

BENCH = os.path.join(ROOT, "target", "release", "parley-events-bench")


def analyze(texts, parse, published):
    """The events and entity texts `parley analyze` gives each sentence, by index."""
    docs = analyze_documents(texts, parse, published)
    events = {i: d["events"] for i, d in docs.items()}
    entities = {i: [e["text"] for e in d["entities"]] for i, d in docs.items()}
    return events, entities


def bench_view(actors, parse):
    """The bench's `train` runner: per sentence the first root, triggers, words, parties."""
    cmd = [BENCH, "train", "--actors", actors] + (["--parse"] if parse else [])
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT).stdout
    rows = []
    for line in out.splitlines():
        cols = line.split("\t")
        if len(cols) < 7:
            continue
        split = lambda s: [w for w in s.split(",") if w]
        rows.append(
            {
                "root": cols[1],
                "triggers": split(cols[3]),
                "words": split(cols[4]),
                "parties": split(cols[5]),
                "text": "\t".join(cols[6:]),
            }
        )
    return rows


def trigger_offsets(text, triggers):
    return [text.find(t.split("=")[0]) for t in triggers if text.find(t.split("=")[0]) >= 0]


def cause(view):
    if not view["parties"]:
        return "no actor"
    if not view["words"] and not view["triggers"]:
        return "no vocabulary"
    if not view["triggers"]:
        return "word not read"
    if len(view["parties"]) >= 2:
        return "two or more parties, trigger"
    text, party = view["text"], view["parties"][0]
    at = text.find(party)
    offs = trigger_offsets(text, view["triggers"])
    if at >= 0 and offs and at < min(offs):
        return "one party, before the trigger"
    return "one party, after the trigger"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--parse", action="store_true")
    ap.add_argument("--published", default=None)
    ap.add_argument("--show", default=None)
    ap.add_argument("--diff", action="store_true")
    args = ap.parse_args()
    texts = [t for t, _ in read_train()]
    events, entities = analyze(texts, args.parse, args.published)
    view = bench_view("kb", args.parse)
    if len(view) != len(texts):
        sys.exit(f"bench gave {len(view)} rows for {len(texts)} sentences")
    none = [i for i in range(len(texts)) if not events.get(i)]
    print(f"sentences: {len(texts)}; with no event in parley analyze"
          f" ({'parse' if args.parse else '--no-parse'}, published {args.published}): {len(none)}")
    causes = Counter(cause(view[i]) for i in none)
    for c, n in causes.most_common():
        print(f"  {n:4d}  {c}")
    if args.diff:
        phoenix = bench_view("kb+phoenix", args.parse)
        diff = [i for i in none if phoenix[i]["root"] != "none"]
        print(f"event in the bench (kb+phoenix actors), none in parley analyze: {len(diff)}")
        for i in diff:
            print(f"  {i}\tbench parties {phoenix[i]['parties']}\tanalyze {entities[i]}\t{texts[i]}")
    if args.show:
        for i in none:
            if cause(view[i]).startswith(args.show):
                v = view[i]
                print(f"{i}\t{','.join(v['triggers'])}\t{','.join(v['words'])}"
                      f"\t{','.join(v['parties'])}\t{texts[i]}")


if __name__ == "__main__":
    main()
