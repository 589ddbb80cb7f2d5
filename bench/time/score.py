#!/usr/bin/env python3
"""Scores parley's time expressions on unseen articles against bench/time/unseen.tsv.

Usage (from the repository root, after `cargo build --release -p parley`):
  python3 bench/time/score.py [-v]

Runs `parley analyze` (quotes, events and framing skipped) over the annotated WCXB article bodies
with their publication dates and prints, over the hand-annotated expressions:
  found       a predicted time expression overlaps the annotated one
  normalised  an overlapping prediction has exactly the annotated value
for all pages, for the development pages and for the held-out pages (HELD_OUT, not looked at
while fixing rules). -v lists every miss and every prediction that overlaps no annotation.

Page selection (fixed before any output was seen): every WCXB dev ground-truth page with a
publish_date whose domain matches NEWS_DOMAIN, in id order. In each, the sentences matching
CANDIDATE were read and all time expressions in them annotated (see unseen.tsv's header).
"""
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WCXB = os.path.join(os.path.dirname(ROOT), "shared", "eval", "wcxb-articles")
GOLD = os.path.join(ROOT, "bench", "time", "unseen.tsv")
PARLEY = os.path.join(ROOT, "target", "release", "parley")

NEWS_DOMAIN = (r"news|times|post|herald|guardian|bbc|reuters|cnn|apnews|npr|tribune|journal|gazette|"
               r"telegraph|independent|aljazeera|politico|axios|thehill|nbc|cbs|abc|foxnews|usatoday|"
               r"bloomberg|economist|dw\.com|france24|euronews|cbc")
CANDIDATE = (r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
             r"april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|"
             r"aug|sep|sept|oct|nov|dec|today|tonight|yesterday|tomorrow|day|days|week|weeks|weekend|"
             r"month|months|year|years|decade|decades|century|ago|last|next|since|until|morning|"
             r"afternoon|evening|night|spring|summer|autumn|fall|winter|recently|earlier|later|now|"
             r"currently|hours?|minutes?|quarter|season|annual|annually|daily|weekly|monthly|christmas|"
             r"holiday)\b|\d")
# The last pages in id order: kept out of rule development.
HELD_OUT = {"2891", "4458", "4472", "4560", "4877"}


def page(fid):
    path = os.path.join(WCXB, "dev", "ground-truth", fid + ".json")
    gt = json.load(open(path, encoding="utf-8"))["ground_truth"]
    return gt["main_content"], gt["publish_date"]


def gold_spans():
    """[(id, start byte, end byte, expression, value)]; exits on a context that is missing or not unique."""
    out = []
    for n, line in enumerate(open(GOLD, encoding="utf-8"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fid, context, expr, value = line.rstrip("\n").split("\t")
        context = context.replace("\\n", "\n")
        body, _ = page(fid)
        at = body.find(context)
        if at < 0 or body.find(context, at + 1) >= 0:
            sys.exit("unseen.tsv:%d: context %r %s in page %s"
                     % (n, context, "not found" if at < 0 else "not unique", fid))
        inner = context.find(expr)
        if inner < 0:
            sys.exit("unseen.tsv:%d: %r is not in its context" % (n, expr))
        # The report's offsets are UTF-8 byte offsets into the body.
        start = len(body[: at + inner].encode("utf-8"))
        out.append((fid, start, start + len(expr.encode("utf-8")), expr, value))
    return out


def predictions(ids):
    """{id: [time mention]} from parley analyze over the pages."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "pages.jsonl")
        with open(corpus, "w", encoding="utf-8") as f:
            for fid in ids:
                body, date = page(fid)
                f.write(json.dumps({"title": fid, "body": body, "published": date}) + "\n")
        report = os.path.join(tmp, "report.json")
        subprocess.run([PARLEY, "analyze", corpus, "--skip", "quotes,events,framing", "--out", report],
                       check=True, stderr=subprocess.DEVNULL)
        docs = json.load(open(report, encoding="utf-8"))["documents"]
    return {d["title"]: d.get("times") or [] for d in docs}


def main():
    verbose = "-v" in sys.argv
    gold = gold_spans()
    ids = sorted({g[0] for g in gold} | HELD_OUT)
    pred = predictions(ids)
    rows = {"all": [0, 0, 0], "development": [0, 0, 0], "held-out": [0, 0, 0]}
    used = set()
    for fid, s, e, expr, value in gold:
        over = [t for t in pred.get(fid, []) if t["start"] < e and s < t["end"]]
        found = bool(over)
        right = any(t.get("value") == value for t in over)
        for t in over:
            used.add((fid, t["start"]))
        for part in ("all", "held-out" if fid in HELD_OUT else "development"):
            rows[part][0] += 1
            rows[part][1] += found
            rows[part][2] += right
        if verbose and not right:
            got = ", ".join("%r=%s" % (t["text"], t.get("value")) for t in over) or "nothing"
            print("  miss %s %r want %s, got %s" % (fid, expr, value, got))
    spurious = [(fid, t) for fid in ids for t in pred.get(fid, []) if (fid, t["start"]) not in used]
    if verbose:
        for fid, t in spurious:
            print("  not annotated %s %r=%s (%s)" % (fid, t["text"], t.get("value"), t.get("rule")))
    print("time expressions on unseen WCXB news pages (bench/time/unseen.tsv)")
    for part, (n, found, right) in rows.items():
        if n:
            print("  %-12s %3d annotated  found %5.1f %%  normalised %5.1f %%"
                  % (part, n, 100 * found / n, 100 * right / n))
    print("  predictions overlapping no annotation: %d (vague and generic references are not annotated)"
          % len(spurious))


if __name__ == "__main__":
    main()
