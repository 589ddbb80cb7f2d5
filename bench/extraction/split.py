#!/usr/bin/env python3
"""Deterministic dev / held-out split of the shared eval sets, and per-page scores for error analysis.

A page is held out when the first byte of sha256(set name + "/" + page id) is < 64 (about 1 in 4).
Rules are tuned on the dev part only; run.py reports dev, held-out and whole-set figures.

  python3 bench/extraction/split.py SET PREDICTIONS.json [--worst N] [--field date|author|title|body]
      prints the dev and held-out scores and the worst dev pages for the field
"""
import argparse
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_EVAL = os.path.abspath(os.path.join(HERE, "..", "..", "..", "shared", "eval"))


def is_held_out(set_name, page_id):
    return hashlib.sha256(f"{set_name}/{page_id}".encode()).digest()[0] < 64


def split_docs(set_name, docs):
    """(dev, held_out) lists of the docs of one set."""
    dev = [d for d in docs if not is_held_out(set_name, d["id"])]
    held = [d for d in docs if is_held_out(set_name, d["id"])]
    return dev, held


def score_part(be, name, docs, outs, content_sets, meta_sets):
    res = {"pages": len(docs)}
    if name in content_sets:
        res["scores"] = be.score_content(name, docs, [(outs.get(d["id"]) or {}).get("articleBody") for d in docs])
    if name in meta_sets:
        res["metadata"] = be.score_metadata(name, docs, [outs.get(d["id"]) for d in docs])
    return res


def gold_field(name, d, field):
    g = d["gold"]
    if field == "date":
        return g.get("publish_date") if name == "wcxb-articles" else g.get("date") if name == "htmldate-dates" else g.get("publishedTime")
    if field == "author":
        return g.get("author") if name == "wcxb-articles" else g.get("byline")
    if field == "title":
        return g.get("title")
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("set")
    ap.add_argument("pred")
    ap.add_argument("--field", default="body")
    ap.add_argument("--worst", type=int, default=30)
    ap.add_argument("--all", action="store_true", help="also list held-out pages (only for final checks)")
    ap.add_argument("--eval-root", default=DEFAULT_EVAL)
    a = ap.parse_args()
    sys.path.insert(0, a.eval_root)
    import bench_extraction as be
    docs = be.LOADERS[a.set](a.eval_root)
    outs = json.load(open(a.pred, encoding="utf-8"))["output"]
    dev, held = split_docs(a.set, docs)
    content = {"scrapinghub-aeb", "trafilatura-eval", "wcxb-articles", "readability-testpages"}
    meta = {"wcxb-articles", "readability-testpages", "htmldate-dates"}
    for label, part in (("dev", dev), ("held-out", held), ("all", docs)):
        print(label, json.dumps(score_part(be, a.set, part, outs, content, meta)))
    pool = docs if a.all else dev
    if a.field == "body":
        rows = []
        for d in pool:
            p = (outs.get(d["id"]) or {}).get("articleBody")
            s = be.score_content(a.set, [d], [p])
            rows.append((s.get("f1", 0), s.get("precision"), s.get("recall"), d["id"]))
        rows.sort()
        for r in rows[: a.worst]:
            print(f"{r[0]:.3f} P={r[1]:.3f} R={r[2]:.3f} {r[3]}")
    else:
        for d in pool:
            o = outs.get(d["id"]) or {}
            g = gold_field(a.set, d, a.field)
            p = o.get(a.field)
            ex, rel = be.meta_match(a.field, g, p or "") if g else (not p, not p)
            if not (ex if a.field == "date" else rel):
                extra = o.get("date_from", "") if a.field == "date" else ""
                print(f"{d['id']}\tgold={g!r}\tpred={p!r}\t{extra}")


if __name__ == "__main__":
    main()
