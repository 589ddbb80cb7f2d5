#!/usr/bin/env python3
"""Extraction benchmark: parley's HTML extractor beside trafilatura, on the shared eval sets.

Runs `crates/ingest/examples/extract_eval.rs` (one thread, pages read and gunzipped before
timing, only `html::extract` timed) on each set, scores its output with the scorers of
../shared/eval/bench_extraction.py (each set's own metric), optionally runs trafilatura on the
same files in the same run (one process, one core), prints one table and writes JSON.

  python3 bench/extraction/run.py                      # parley + trafilatura, all sets
  python3 bench/extraction/run.py --no-peer            # parley only (no trafilatura needed)
  python3 bench/extraction/run.py --sets wcxb-articles --out /tmp/x.json

Needs: cargo, python3 with lxml; trafilatura + lxml_html_clean for the peer columns.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile

import split

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
DEFAULT_EVAL = os.path.abspath(os.path.join(REPO, "..", "shared", "eval"))
SETS = ["scrapinghub-aeb", "trafilatura-eval", "wcxb-articles", "htmldate-dates", "readability-testpages"]
CONTENT_SETS = {"scrapinghub-aeb", "trafilatura-eval", "wcxb-articles", "readability-testpages"}
META_SETS = {"wcxb-articles", "readability-testpages", "htmldate-dates"}


def pin():
    """Run this process (and its children) on one core when the OS allows it."""
    try:
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    except (AttributeError, OSError):
        pass


def run_parley(be, name, docs, workdir, repeat):
    manifest = os.path.join(workdir, name + ".tsv")
    with open(manifest, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(f"{d['id']}\t{os.path.abspath(d['path'])}\t{d['url'] or ''}\n")
    out = os.path.join(workdir, name + ".parley.json")
    exe = os.path.join(REPO, "target", "release", "examples", "extract_eval")
    subprocess.run([exe, manifest, out, "--repeat", str(repeat)], check=True, stderr=subprocess.DEVNULL)
    pred = json.load(open(out, encoding="utf-8"))
    outs = pred["output"]
    preds = [(outs.get(d["id"]) or {}).get("articleBody") for d in docs]
    res = {"speed": pred["speed"]}
    if name in CONTENT_SETS:
        res["scores"] = be.score_content(name, docs, preds)
    if name in META_SETS:
        res["metadata"] = be.score_metadata(name, docs, [outs.get(d["id"]) for d in docs])
    # Rules are tuned on the dev part only (split.py): report both parts as well.
    dev, held = split.split_docs(name, docs)
    res["dev"] = split.score_part(be, name, dev, outs, CONTENT_SETS, META_SETS)
    res["held_out"] = split.score_part(be, name, held, outs, CONTENT_SETS, META_SETS)
    return res


def run_trafilatura(be, name, docs):
    res = {}
    if name in CONTENT_SETS:
        preds, speed = be.run_content(docs, fast=False)
        res = {"speed": speed, "scores": be.score_content(name, docs, preds)}
    if name in META_SETS:
        bares, speed = be.run_metadata(docs)
        res["metadata"] = be.score_metadata(name, docs, bares)
        res.setdefault("speed", speed)
    res["speed"]["peak_rss_MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return res


def fmt(v, digits=3):
    return "-" if v is None else (f"{v:.{digits}f}" if isinstance(v, float) else str(v))


def row(name, who, r):
    sc, sp, md = r.get("scores") or {}, r.get("speed") or {}, r.get("metadata") or {}
    date = md.get("date") or {}
    return [name, who, fmt(sc.get("f1")), fmt(sc.get("precision")), fmt(sc.get("recall")),
            fmt(sp.get("pages_per_s"), 1), fmt(sp.get("pages_per_cpu_s"), 1), fmt(sp.get("MB_per_s"), 2),
            fmt(sp.get("median_ms"), 1), fmt(sp.get("p95_ms"), 1), fmt(sp.get("peak_rss_MB")),
            fmt((md.get("title") or {}).get("exact")), fmt((md.get("author") or {}).get("relaxed")),
            fmt(date.get("exact")),
            f"{date.get('spurious_when_gold_empty')}/{date.get('gold_empty')}" if date else "-"]


HEAD = ["set", "extractor", "F1", "P", "R", "pages/s", "pages/cpu-s", "MB/s", "median ms", "p95 ms", "peak MB",
        "title exact", "author relaxed", "date exact", "date spurious"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval-root", default=DEFAULT_EVAL)
    ap.add_argument("--sets", nargs="*", default=SETS)
    ap.add_argument("--no-peer", action="store_true", help="skip trafilatura")
    ap.add_argument("--repeat", type=int, default=1, help="extract each page N times for timing (parley)")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--out", default=os.path.join(HERE, "results.json"))
    a = ap.parse_args()
    sys.path.insert(0, a.eval_root)
    import bench_extraction as be  # noqa: E402  (the shared scorers)

    if not a.no_build:
        subprocess.run(["cargo", "build", "--release", "-p", "parley-ingest", "--example", "extract_eval"],
                       cwd=REPO, check=True)
    # Single-threaded by construction; not pinned (pinning would share a core with other jobs).
    results = {"cpu_count": os.cpu_count(), "sets": {}}
    if not a.no_peer:
        import trafilatura
        results["trafilatura"] = trafilatura.__version__
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for name in a.sets:
            docs = be.LOADERS[name](a.eval_root)
            print(f"== {name}: {len(docs)} pages", file=sys.stderr, flush=True)
            entry = {"pages": len(docs), "parley": run_parley(be, name, docs, work, a.repeat)}
            rows.append(row(name, "parley", entry["parley"]))
            if not a.no_peer:
                entry["trafilatura"] = run_trafilatura(be, name, docs)
                rows.append(row(name, "trafilatura", entry["trafilatura"]))
                p, t = entry["parley"]["speed"], entry["trafilatura"]["speed"]
                entry["speedup"] = round(p["pages_per_s"] / t["pages_per_s"], 1) if t.get("pages_per_s") else None
            results["sets"][name] = entry
    widths = [max(len(str(r[i])) for r in rows + [HEAD]) for i in range(len(HEAD))]
    for r in [HEAD] + rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)))
    print("parley by split (dev = tuned on, held-out = not looked at):")
    for name, e in results["sets"].items():
        for part in ("dev", "held_out"):
            r = e["parley"][part]
            md = r.get("metadata") or {}
            date = md.get("date") or {}
            print(f"  {name} {part} ({r['pages']} pages): F1 {fmt((r.get('scores') or {}).get('f1'))}"
                  f"  author relaxed {fmt((md.get('author') or {}).get('relaxed'))}"
                  f"  date exact {fmt(date.get('exact'))}"
                  f"  date on gold-empty {date.get('spurious_when_gold_empty', '-')}/{date.get('gold_empty', '-')}")
    for name, e in results["sets"].items():
        if e.get("speedup"):
            print(f"{name}: parley is {e['speedup']}x trafilatura's pages/s")
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1)
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
