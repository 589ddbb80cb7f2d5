#!/usr/bin/env python3
"""parley's benchmark entry point: runs each benchmark section, prints a table, writes JSON.

Usage:
  python3 bench/bench.py [--section NAME ...] [--out bench/out/results.json] [--repeat N]

Sections (later issues add theirs here):
  analyze   articles/s and MB/s of `parley analyze` over a corpus of real news text built from
            the bundled examples and the WCXB ground-truth article bodies in ../shared/eval
            (711 articles), repeated --repeat times (default 6), on one core and on all cores.

Figures are wall-clock on a shared machine: run it on an idle machine and compare runs side by
side, never against a fixed threshold in a test.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
OUT_DIR = os.path.join(ROOT, "bench", "out")
PARLEY = os.path.join(ROOT, "target", "release", "parley")


def build():
    subprocess.run(["cargo", "build", "--release", "--quiet", "-p", "parley"], cwd=ROOT, check=True)


def build_analyze_corpus(repeat):
    """Writes a JSON Lines corpus of real article bodies; returns (path, articles, bytes)."""
    records = []
    with open(os.path.join(ROOT, "examples", "seeds.jsonl"), encoding="utf-8") as f:
        records += [json.loads(line) for line in f if line.strip()]
    for path in sorted(glob.glob(os.path.join(SHARED, "eval", "wcxb-articles", "dev", "ground-truth", "*.json"))):
        gt = json.load(open(path, encoding="utf-8"))["ground_truth"]
        body = (gt.get("main_content") or "").strip()
        if body:
            records.append({"title": gt.get("title") or "", "body": body, "published": gt.get("publish_date")})
    os.makedirs(OUT_DIR, exist_ok=True)
    path = os.path.join(OUT_DIR, "analyze-corpus.jsonl")
    n = 0
    with open(path, "w", encoding="utf-8") as out:
        for copy in range(repeat):
            for r in records:
                # each copy differs by its last line, so ids differ as in a real corpus
                r = dict(r, body=r["body"] + "\n\n(copy %d)" % copy)
                if r.get("published") is None:
                    r.pop("published", None)
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
                n += 1
    return path, n, os.path.getsize(path)


def timed(cmd, env=None):
    """Runs cmd, returns (seconds, its peak RSS in MB)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    secs = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) not in (0, 1):  # 1: some items failed, still measured
        sys.exit("bench: %s failed with status %d" % (cmd[0], os.waitstatus_to_exitcode(status)))
    return secs, usage.ru_maxrss / 1024


def section_analyze(args):
    corpus, n, size = build_analyze_corpus(args.repeat)
    rows = []
    for threads in ("1", str(os.cpu_count() or 1)):
        env = dict(os.environ, RAYON_NUM_THREADS=threads)
        secs, peak = timed([PARLEY, "analyze", corpus, "--out", os.devnull], env)
        rows.append({
            "benchmark": "analyze",
            "setup": "parley analyze, %s thread(s)" % threads,
            "articles": n,
            "mb": round(size / 1e6, 2),
            "seconds": round(secs, 3),
            "articles_per_s": round(n / secs, 1),
            "mb_per_s": round(size / 1e6 / secs, 2),
            "peak_rss_mb": round(peak, 1),
        })
    return rows


SECTIONS = {"analyze": section_analyze}


def print_table(rows):
    cols = ["benchmark", "setup", "articles", "mb", "seconds", "articles_per_s", "mb_per_s", "peak_rss_mb"]
    widths = {c: max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in cols}
    print("  ".join(c.ljust(widths[c]) for c in cols))
    for r in rows:
        print("  ".join(str(r.get(c, "")).ljust(widths[c]) for c in cols))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--section", action="append", choices=sorted(SECTIONS), help="run only these sections")
    ap.add_argument("--repeat", type=int, default=6, help="copies of the analyze corpus (default 6)")
    ap.add_argument("--out", default=os.path.join(OUT_DIR, "results.json"))
    args = ap.parse_args()
    if not os.path.isdir(SHARED):
        sys.exit("bench: %s is missing: the shared data must sit beside the repository" % SHARED)
    build()
    rows = []
    for name in args.section or sorted(SECTIONS):
        rows += SECTIONS[name](args)
    print_table(rows)
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump({"machine": {"cpus": os.cpu_count()}, "when": time.strftime("%Y-%m-%dT%H:%M:%S"), "results": rows}, f, indent=1)
    print("wrote %s" % args.out)


if __name__ == "__main__":
    main()
