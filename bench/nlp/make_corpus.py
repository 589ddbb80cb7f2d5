#!/usr/bin/env python3
"""Build the comparison corpus for parley-nlp from ../shared (run on demand).

Writes JSON Lines {"id", "text"}: the two seed articles, the first N wcxb-articles
ground-truth main texts (default 300), and the PETRARCH2 GSR validation sentences (one record each).
Usage: make_corpus.py SHARED_DIR OUT.jsonl [--articles N] [--wide]
With --wide: every wcxb-articles main text and every BABE media-bias sentence instead (6,264
documents, ~2 M tokens; used for the tokenizer-only comparison).
"""
import argparse
import csv
import json
import os
import re


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("shared")
    ap.add_argument("out")
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--no-sentences", action="store_true")
    ap.add_argument("--wide", action="store_true")
    args = ap.parse_args()
    recs = []
    if args.wide:
        gt = os.path.join(args.shared, "eval", "wcxb-articles", "dev", "ground-truth")
        for name in sorted(os.listdir(gt)):
            with open(os.path.join(gt, name), encoding="utf8") as f:
                text = (json.load(f).get("ground_truth") or {}).get("main_content") or ""
            if text:
                recs.append({"id": "wcxb/" + name, "text": text})
        babe = os.path.join(args.shared, "eval", "babe-media-bias")
        for name in ("final_labels_SG1.csv", "final_labels_SG2.csv"):
            with open(os.path.join(babe, name), encoding="utf-8-sig") as f:
                for i, row in enumerate(csv.DictReader(f, delimiter=";")):
                    recs.append({"id": f"babe/{name}/{i}", "text": row["text"]})
        with open(args.out, "w", encoding="utf8") as f:
            for r in recs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    seeds = os.path.join(args.shared, "seeds")
    for name in sorted(os.listdir(seeds)):
        if name.endswith(".txt"):
            with open(os.path.join(seeds, name), encoding="utf8") as f:
                recs.append({"id": "seed/" + name, "text": f.read()})
    gt = os.path.join(args.shared, "eval", "wcxb-articles", "dev", "ground-truth")
    n = 0
    for name in sorted(os.listdir(gt)):
        if n >= args.articles:
            break
        with open(os.path.join(gt, name), encoding="utf8") as f:
            d = json.load(f)
        text = (d.get("ground_truth") or {}).get("main_content") or ""
        if len(text) < 200:
            continue
        recs.append({"id": "wcxb/" + name, "text": text})
        n += 1
    if not args.no_sentences:
        xml = os.path.join(args.shared, "eval", "petrarch2-gsr", "PETR2_GSR_validation.xml")
        with open(xml, encoding="utf8") as f:
            data = f.read()
        for i, m in enumerate(re.finditer(r"<Text>\s*(.*?)\s*</Text>", data, re.S)):
            text = " ".join(m.group(1).split())
            recs.append({"id": f"petrarch2-gsr/{i}", "text": text})
    with open(args.out, "w", encoding="utf8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
