#!/usr/bin/env python3
"""Which dev pages of a set get a date, split by what the page shows and says it is.

For every dev page (split.py) with a predicted date: right / wrong / invented (gold has no date),
whether that day is written in the page's visible text (lxml text outside script, style,
noscript, template and head, in any common written form of the day), where parley took it from,
and page-kind signals (og:type, JSON-LD types, article:section, a <meta name=author>, a date in
the URL). Prints the counts of each candidate rule so that a rule is measured before it is built.

  python3 bench/extraction/date_kinds.py PREDICTIONS.json [--set wcxb-articles]

PREDICTIONS.json: `target/release/examples/extract_eval MANIFEST.tsv OUT.json`, the manifest from
`../shared/eval/bench_extraction.py --write-manifests DIR`.
"""
import argparse
import datetime
import gzip
import json
import os
import re
import sys
from collections import Counter

import split

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
NEWS_TYPES = {"NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle"}
EVERGREEN_TYPES = {"HowTo", "Product", "CollectionPage", "FAQPage", "ItemList"}


def written_forms(d):
    """Common ways of writing one day (numeric in three orders, month names, CJK)."""
    y, m, dd = d.year, d.month, d.day
    out = {f"{y}年{m}月{dd}日"}
    for day in (str(dd), f"{dd:02d}"):
        for mon in (str(m), f"{m:02d}"):
            for sep in "./-":
                for year in (str(y), f"{y % 100:02d}"):
                    out |= {f"{day}{sep}{mon}{sep}{year}", f"{mon}{sep}{day}{sep}{year}"}
                out.add(f"{y}{sep}{mon}{sep}{day}")
        name = MONTHS[m - 1]
        for mon in (name, name[:3], name[:3] + "."):
            for suf in ("", "st", "nd", "rd", "th"):
                out |= {f"{mon} {day}{suf}, {y}", f"{mon} {day}{suf} {y}", f"{day}{suf} {mon} {y}",
                        f"{day}{suf} {mon}, {y}", f"{day}{suf} of {mon} {y}"}
    return out


def page_text_and_source(path):
    import lxml.html
    raw = open(path, "rb").read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    tree = lxml.html.fromstring(raw)
    for e in tree.xpath("//script|//style|//noscript|//template|//head"):
        e.drop_tree()
    return re.sub(r"\s+", " ", " ".join(tree.itertext())).lower(), raw.decode("utf-8", "replace")


def features(doc, out, gold):
    pred = out.get("date")
    text, src = page_text_and_source(doc["path"])
    low = src.lower()
    og = re.findall(r'property=["\']og:type["\']\s+content=["\']([^"\']+)', src)
    types = set(re.findall(r'"@type"\s*:\s*"([A-Za-z]+)"', src))
    return {
        "kind": "invented" if not gold else ("right" if gold == pred else "wrong"),
        "shown": any(f in text for f in written_forms(datetime.date.fromisoformat(pred))),
        "gold_shown": bool(gold) and any(f in text for f in written_forms(datetime.date.fromisoformat(gold))),
        "from": out.get("date_from"),
        "og": (og[0] if og else "").lower(),
        "news": bool(types & NEWS_TYPES),
        "evergreen": bool(types & EVERGREEN_TYPES),
        "section": "article:section" in low,
        "author_meta": bool(re.search(r'name=["\']author["\']', low)),
        "url_date": bool(re.search(r"/(19|20)\d\d/\d\d/", doc.get("url") or "")),
    }


RULES = [
    ("every dated page", lambda f: True),
    ("metadata date not shown", lambda f: f["from"] == "Metadata" and not f["shown"]),
    ("… and og:type not article", lambda f: f["from"] == "Metadata" and not f["shown"] and f["og"] != "article"),
    ("… and og:type website", lambda f: f["from"] == "Metadata" and not f["shown"] and f["og"] == "website"),
    ("… and no News*Article type, no article:section",
     lambda f: f["from"] == "Metadata" and not f["shown"] and not f["news"] and not f["section"]),
    ("… and an evergreen JSON-LD type", lambda f: f["from"] == "Metadata" and not f["shown"] and f["evergreen"]),
    ("… and no <meta name=author>", lambda f: f["from"] == "Metadata" and not f["shown"] and not f["author_meta"]),
    ("written (Text) date", lambda f: f["from"] == "Text"),
    ("… and og:type not article", lambda f: f["from"] == "Text" and f["og"] != "article"),
    ("… and no <meta name=author>", lambda f: f["from"] == "Text" and not f["author_meta"]),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pred")
    ap.add_argument("--set", default="wcxb-articles")
    ap.add_argument("--eval-root", default=split.DEFAULT_EVAL)
    a = ap.parse_args()
    sys.path.insert(0, a.eval_root)
    import bench_extraction as be
    docs = be.LOADERS[a.set](a.eval_root)
    dev, _ = split.split_docs(a.set, docs)
    outs = json.load(open(a.pred, encoding="utf-8"))["output"]
    rows = []
    for d in dev:
        o = outs.get(d["id"]) or {}
        if o.get("date"):
            rows.append(features(d, o, (split.gold_field(a.set, d, "date") or "")[:10] or None))
    print("pages by (kind, our day shown):", dict(Counter((f["kind"], f["shown"]) for f in rows)))
    wrong_hidden = [f for f in rows if f["kind"] == "wrong" and not f["shown"]]
    print(f"wrong and not shown: {len(wrong_hidden)}, of which the gold day is shown: "
          f"{sum(f['gold_shown'] for f in wrong_hidden)}")
    print(f"{'rule (dev pages it would leave without a date)':58} invented  right  wrong")
    for label, rule in RULES:
        c = Counter(f["kind"] for f in rows if rule(f))
        print(f"{label:58} {c['invented']:8} {c['right']:6} {c['wrong']:6}")


if __name__ == "__main__":
    main()
