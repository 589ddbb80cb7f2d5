#!/usr/bin/env python3
"""Writes a synthetic JSON Lines corpus of N articles built from real news text, for the
ingest+analyze+store throughput benchmark (bench/ingest/run.py).

Usage: python3 bench/ingest/corpus.py N OUT.jsonl

The texts are the two bundled seed articles and the WCXB ground-truth article bodies
(../shared/eval/wcxb-articles/dev/ground-truth, 711 pages from as many sites). Copy k of a text
differs by its last line "(copy k)", so every article has its own id, as in a real corpus;
its outlet is the page's site (one of ~700) and its date the page's date moved k % 28 days on,
so the store looks like a month of coverage.
"""
import datetime
import glob
import json
import os
import sys
from urllib.parse import urlparse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


def texts():
    """The real texts: (title, body, outlet, date or None)."""
    out = []
    with open(os.path.join(ROOT, "examples", "seeds.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                out.append((r.get("title") or "", r["body"], r.get("outlet"), r.get("published")))
    pattern = os.path.join(SHARED, "eval", "wcxb-articles", "dev", "ground-truth", "*.json")
    for path in sorted(glob.glob(pattern)):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        gt = doc["ground_truth"]
        body = (gt.get("main_content") or "").strip()
        if body:
            site = urlparse(doc.get("url") or "").netloc or os.path.basename(path).split(".")[0]
            out.append((gt.get("title") or "", body, site, gt.get("publish_date")))
    return out


def day(value, shift):
    try:
        d = datetime.date.fromisoformat((value or "")[:10])
    except ValueError:
        d = datetime.date(2025, 3, 1)
    return (d + datetime.timedelta(days=shift)).isoformat()


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    n, path = int(sys.argv[1]), sys.argv[2]
    base = texts()
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            title, body, outlet, published = base[i % len(base)]
            k = i // len(base)
            record = {
                "title": title,
                "body": "%s\n\n(copy %d)" % (body, k),
                "published": day(published, k % 28),
            }
            if outlet:
                record["outlet"] = outlet
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print("%s: %d articles from %d texts, %.1f MB" % (path, n, len(base), os.path.getsize(path) / 1e6))


if __name__ == "__main__":
    main()
