#!/usr/bin/env python3
"""Throughput of `parley ingest` (read + analyse + store) on SQLite and PostgreSQL, store size
per article, and query latency (story list, story timeline, search) at that size.

Usage:
  python3 bench/ingest/run.py CORPUS.jsonl --sqlite FILE [--pg URL] [--no-parse] [--queries] [--parley BIN]

Give --sqlite or --pg alone to run one backend (runs never overlap: with both, SQLite goes first).

CORPUS comes from bench/ingest/corpus.py. Each store must be new (a missing SQLite file; a
PostgreSQL database is emptied through `parley`'s own migrations by the caller, see
bench/ingest/README.md). Prints one line of figures per run and appends it as JSON to
bench/out/ingest.jsonl. CPU: parley's user+sys; for PostgreSQL also the server's (its
postmaster's own and reaped children's CPU, from /proc, read before and after).

Needs `target/release/parley` built with `--features postgres` and, for --queries,
`target/release/examples/story_bench` (`cargo build --release -p parley-link --examples
--features parley-store/postgres`).
"""
import argparse
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PARLEY = os.path.join(ROOT, "target", "release", "parley")
STORY_BENCH = os.path.join(ROOT, "target", "release", "examples", "story_bench")
OUT = os.path.join(ROOT, "bench", "out", "ingest.jsonl")


def server_cpu(pg_dir):
    """CPU seconds of the PostgreSQL server so far (postmaster + reaped backends), or None."""
    if not pg_dir:
        return None
    try:
        with open(os.path.join(pg_dir, "postmaster.pid")) as f:
            pid = int(f.readline())
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        # utime, stime, cutime, cstime are fields 14-17 (1-based) of /proc/PID/stat
        ticks = sum(int(x) for x in fields[11:15])
        return ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return None


def store_bytes(location):
    if location.startswith("postgres"):
        out = subprocess.run(
            ["psql", location, "-tAc", "SELECT pg_database_size(current_database())"],
            capture_output=True, text=True, check=True)
        return int(out.stdout.strip())
    return sum(os.path.getsize(location + s) for s in ("", "-wal") if os.path.exists(location + s))


def ingest(parley, corpus, location, no_parse, pg_dir):
    articles = sum(1 for _ in open(corpus, encoding="utf-8"))
    size = os.path.getsize(corpus)
    cmd = [parley, "ingest", corpus, "--db", location] + (["--no-parse"] if no_parse else [])
    cpu0 = server_cpu(pg_dir)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    secs = time.perf_counter() - t0
    err = proc.stderr.read()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("ingest failed: %s\n%s" % (" ".join(cmd), err[-2000:]))
    cpu1 = server_cpu(pg_dir)
    stored = store_bytes(location)
    row = {
        "backend": "postgresql" if location.startswith("postgres") else "sqlite",
        "parse": not no_parse,
        "articles": articles,
        "mb": round(size / 1e6, 1),
        "wall_s": round(secs, 1),
        "articles_per_s": round(articles / secs, 1),
        "mb_per_s": round(size / 1e6 / secs, 2),
        "parley_cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
        "server_cpu_s": None if cpu0 is None or cpu1 is None else round(cpu1 - cpu0, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "store_mb": round(stored / 1e6, 1),
        "store_kb_per_article": round(stored / 1e3 / articles, 1),
        "load_average": os.getloadavg()[0],
        "last_line": err.strip().splitlines()[-1] if err.strip() else "",
    }
    return row


def queries(location):
    t0 = time.perf_counter()
    out = subprocess.run([STORY_BENCH, location], capture_output=True, text=True, check=True)
    return {"backend": "postgresql" if location.startswith("postgres") else "sqlite",
            "queries": out.stdout.strip().splitlines(), "wall_s": round(time.perf_counter() - t0, 1)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--sqlite", help="a new SQLite file")
    ap.add_argument("--pg", help="a postgres:// URL of an empty database")
    ap.add_argument("--pg-dir", default=os.environ.get("PARLEY_PG_DIR", "/tmp/parley-pg"),
                    help="the server's data directory, to read its CPU time")
    ap.add_argument("--no-parse", action="store_true")
    ap.add_argument("--parley", default=PARLEY, help="the parley binary (default: this tree's release build)")
    ap.add_argument("--queries", action="store_true", help="then time queries with story_bench")
    args = ap.parse_args()
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    for location, pg_dir in ((args.sqlite, None), (args.pg, args.pg_dir)):
        if not location:
            continue
        # Each row is kept as soon as it exists: a failing query run must not lose the
        # figures of a long ingest.
        record(ingest(args.parley, args.corpus, location, args.no_parse, pg_dir))
        if args.queries:
            record(queries(location))


def record(row):
    print(json.dumps(row, ensure_ascii=False), flush=True)
    with open(OUT, "a", encoding="utf-8") as f:
        f.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
