#!/usr/bin/env python3
"""Events parley codes on real news pages, judged by hand (issue 8, precision on unseen prose).

    bench/events/wild.py sample --seed 8 --n 80 bench/events/wild-seed8.tsv
    bench/events/wild.py rejudge bench/events/wild-seed8.tsv     # same sample, current coder
    bench/events/wild.py score bench/events/wild-seed8.tsv
    bench/events/wild.py sample --parse --seed 10 --n 60 bench/events/wild-seed10.tsv
    bench/events/wild.py rejudge --parse bench/events/wild-seed10.tsv
    bench/events/wild.py dump --parse /tmp/wild-all.tsv          # every event, for a diff

`--parse` codes with the dependency parse, as `parley analyze` runs by default (users' path);
without it the pages go through `--no-parse` (the fast path; seeds 8 and 9 were drawn so).

Pages: the 181 news and blog pages of ../shared/eval/scrapinghub-aeb (read by `parley extract`,
as the product reads HTML) and the 709 WCXB bodies of bench/out/analyze-corpus.jsonl (its first
copy, without the two seed articles). Both are run through `parley analyze` (`--no-parse` unless
`--parse` is given); events
are keyed by page and trigger offset, so a later coder's output can be laid against the same
sample.

`sample` draws N events at random (fixed seed) across all predicted events and writes a TSV with
empty verdict columns. `rejudge` re-runs the coder and, for each sampled key, writes the current
prediction into `now_*` columns: a row whose prediction equals the sampled one is `same`; a
row whose prediction equals the one its `now_verdict` was given for (the `now_*` columns of the
last run) keeps that verdict; any other changed row gets `now_verdict` = `?` to be judged again
(also when it had a verdict for an earlier prediction); a row with no event any more gets
`dropped`. `score` prints precision.

Verdict columns (by hand, against the CAMEO codebook, notes/event-ontologies.md):
  event   y/n   the trigger reports an event CAMEO codes, between these kinds of actors
  root    y/n/- the root code is right (- when event = n)
  source  y/n/- the source is right (a missing source is right only when none is named)
  target  y/n/- the target is right (likewise)
  kind    the error kind, free text from a short list (see README: events-wild notes)
"""
import json
import os
import random
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
EVAL = os.environ.get("PARLEY_EVAL", os.path.join(ROOT, "..", "shared", "eval"))
PARLEY = os.path.join(ROOT, "target", "release", "parley")
CORPUS = os.path.join(ROOT, "bench", "out", "analyze-corpus.jsonl")
COPY_LEN = 711  # analyze-corpus.jsonl holds six copies of 711 bodies (709 WCXB + 2 seeds)

COLUMNS = ["key", "page", "set", "title", "evidence", "trigger", "code", "source", "target",
           "event", "root", "sides_source", "sides_target", "kind", "note"]
NOW = ["now_code", "now_source", "now_target", "now_verdict"]


def side(s):
    if not s:
        return ""
    return s.get("actor_id") or s.get("name") or ""


def inputs(tmp):
    """Writes the pages as one JSON Lines file for `parley analyze`; returns its path."""
    aeb = os.path.join(tmp, "aeb.jsonl")
    with open(aeb, "w") as out:
        subprocess.run([PARLEY, "extract", "--published", "2019-06-01",
                        os.path.join(EVAL, "scrapinghub-aeb", "html")],
                       stdout=out, stderr=subprocess.DEVNULL, check=True)
    rows = []
    for line in open(aeb):
        d = json.loads(line)
        name = os.path.basename(d["source_file"]).split(".")[0][:12]
        rows.append({"id": "aeb:" + name, "title": d.get("title") or "",
                     "published": d.get("published") or "2019-06-01", "body": d["body"]})
    with open(CORPUS) as f:
        for i, line in enumerate(f):
            if i >= COPY_LEN:
                break
            d = json.loads(line)
            if d.get("id"):  # the two seed articles are scored by score-seeds.sh
                continue
            body = d["body"].rsplit("\n\n(copy ", 1)[0]
            rows.append({"id": "wcxb:%03d" % i, "title": d.get("title") or "",
                         "published": d.get("published") or "2025-01-01", "body": body})
    path = os.path.join(tmp, "pages.jsonl")
    with open(path, "w") as out:
        for r in rows:
            out.write(json.dumps(r) + "\n")
    return path


def events(parse=False):
    """All predicted events: {key: row} in page order."""
    with tempfile.TemporaryDirectory() as tmp:
        pages = inputs(tmp)
        report = os.path.join(tmp, "report.json")
        mode = [] if parse else ["--no-parse"]
        subprocess.run([PARLEY, "analyze"] + mode + ["--format", "jsonl", "--out", report, pages],
                       stderr=subprocess.DEVNULL, check=True)
        docs = json.load(open(report))["documents"]
        origin = [json.loads(l)["id"].split(":")[0] for l in open(pages)]
    found = {}
    for n, doc in enumerate(docs):
        page = doc.get("id") or ""
        for e in doc.get("events") or []:
            trig = e.get("trigger") or {}
            key = "%s@%s" % (page, trig.get("start", e["evidence"]["start"]))
            found.setdefault(key, {
                "key": key, "page": page,
                "set": origin[n] if len(origin) == len(docs) else "", "title": (doc.get("title") or "")[:80],
                "evidence": " ".join(e["evidence"]["text"].split()),
                "trigger": trig.get("text", ""), "code": e["code"],
                "source": side(e.get("source")), "target": side(e.get("target"))})
    return found


def read_tsv(path):
    with open(path) as f:
        head = f.readline().rstrip("\n").split("\t")
        return head, [dict(zip(head, l.rstrip("\n").split("\t"))) for l in f if l.strip()]


def write_tsv(path, head, rows):
    with open(path, "w") as f:
        f.write("\t".join(head) + "\n")
        for r in rows:
            f.write("\t".join(str(r.get(c, "")).replace("\t", " ") for c in head) + "\n")


def sample(seed, n, path, parse=False):
    found = events(parse)
    keys = sorted(found)
    picked = sorted(random.Random(seed).sample(keys, min(n, len(keys))))
    print("%d events on %d pages; %d sampled (seed %d)" % (
        len(found), len({v["page"] for v in found.values()}), len(picked), seed))
    write_tsv(path, COLUMNS, [found[k] for k in picked])


def dump(path, parse=False):
    """Every predicted event on the pages, one row each, in key order: two dumps of two coders
    diff into the events a change added and removed."""
    found = events(parse)
    write_tsv(path, COLUMNS[:9], [found[k] for k in sorted(found)])
    print("%d events on %d pages" % (len(found), len({v["page"] for v in found.values()})))


def judged(verdict):
    """A hand verdict on a changed prediction: three or four letters y/n."""
    return len(verdict) in (3, 4) and not set(verdict) - set("yn")


def next_verdict(r, now):
    """now_verdict for row r whose current prediction is `now` (code, source, target)."""
    if now == (r["code"], r["source"], r["target"]):
        return "same"
    last = (r.get("now_code", ""), r.get("now_source", ""), r.get("now_target", ""))
    verdict = r.get("now_verdict", "")
    if judged(verdict) and now == last:
        return verdict  # given for this very prediction
    return "?"


def rejudge(path, parse=False):
    head, rows = read_tsv(path)
    found = events(parse)
    for r in rows:
        now = found.get(r["key"])
        if now is None:
            r.update(now_code="", now_source="", now_target="", now_verdict="dropped")
            continue
        r["now_verdict"] = next_verdict(r, (now["code"], now["source"], now["target"]))
        r.update(now_code=now["code"], now_source=now["source"], now_target=now["target"])
    write_tsv(path, head + [c for c in NOW if c not in head], rows)
    print("%s: %d rows, %d unchanged, %d changed (now_verdict ?), %d dropped" % (
        path, len(rows), sum(r["now_verdict"] == "same" for r in rows),
        sum(r["now_verdict"] not in ("same", "dropped") for r in rows),
        sum(r["now_verdict"] == "dropped" for r in rows)))


def verdicts(r):
    """(event, root, sides) right for the row's original prediction."""
    ev = r["event"] == "y"
    root = ev and r["root"] == "y"
    return ev, root, root and r["sides_source"] == "y" and r["sides_target"] == "y"


def now_verdicts(r):
    """The same for the current prediction, or None when the event was dropped.
    now_verdict: same | dropped | three letters y/n for event, root, sides ("yyn") | four letters
    for event, root, source, target ("yyny")."""
    v = r.get("now_verdict", "same")
    if v == "dropped":
        return None
    if v == "same":
        return verdicts(r)
    if not judged(v):
        raise SystemExit("unjudged row %s: now_verdict %r" % (r["key"], v))
    x = [c == "y" for c in v]
    return (x[0], x[0] and x[1], x[0] and x[1] and all(x[2:]))


def pct(a, b):
    return "%d/%d = %.1f %%" % (a, b, 100.0 * a / b) if b else "0/0"


def score(path):
    _, rows = read_tsv(path)
    rows = [r for r in rows if r["event"] in ("y", "n")]
    v = [verdicts(r) for r in rows]
    print("%s: %d judged events" % (path, len(rows)))
    for i, name in enumerate(["event right", "code root right", "sides right"]):
        print("  %-16s %s" % (name, pct(sum(x[i] for x in v), len(v))))
    right = [r for r, x in zip(rows, v) if x[0]]
    for col in ("sides_source", "sides_target"):
        print("  %-16s %s of the right events" % (
            col.replace("sides_", "") + " right", pct(sum(r[col] == "y" for r in right), len(right))))
    kinds = {}
    for r, x in zip(rows, v):
        if not x[2]:
            kinds[r["kind"] or "?"] = kinds.get(r["kind"] or "?", 0) + 1
    print("  error kinds: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items(), key=lambda kv: -kv[1])))
    if any("now_verdict" in r for r in rows):
        now = [now_verdicts(r) for r in rows]
        kept = [x for x in now if x is not None]
        print("  now: %d kept, %d dropped (%d of them had been right events, %d right in root)" % (
            len(kept), len(now) - len(kept),
            sum(o[0] for o, x in zip(v, now) if x is None),
            sum(o[1] for o, x in zip(v, now) if x is None)))
        for i, name in enumerate(["event right", "code root right", "sides right"]):
            print("  now %-12s %s" % (name, pct(sum(x[i] for x in kept), len(kept))))


def main(argv):
    parse = "--parse" in argv
    argv = [a for a in argv if a != "--parse"]
    if len(argv) >= 2 and argv[0] == "sample":
        seed, n = 8, 80
        args = argv[1:]
        while args and args[0].startswith("--"):
            if args[0] == "--seed":
                seed = int(args[1])
            elif args[0] == "--n":
                n = int(args[1])
            args = args[2:]
        sample(seed, n, args[0], parse)
    elif len(argv) == 2 and argv[0] == "dump":
        dump(argv[1], parse)
    elif len(argv) == 2 and argv[0] == "rejudge":
        rejudge(argv[1], parse)
    elif len(argv) == 2 and argv[0] == "score":
        score(argv[1])
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
