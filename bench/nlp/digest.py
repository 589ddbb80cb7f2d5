#!/usr/bin/env python3
"""Turn a reference file from reference.py into the compact per-document digest that the
Rust test `corpus_agrees_with_spacy` compares against (crates/nlp/tests/data/corpus.digest.tsv).

Usage: digest.py CORPUS.jsonl REFERENCE.jsonl > corpus.digest.tsv
Each line: id, sha of the text, token count, then one sha (16 hex digits) per field:
tokens, tags, pos, lemmas, parse (head:dep), entities. Fields are serialised exactly as the
Rust test does (see tests/corpus_digest.rs).
"""
import hashlib
import json
import sys

SEP = "\x1f"


def sha(s):
    return hashlib.sha256(s.encode("utf8")).hexdigest()[:16]


def fields(rec):
    toks = rec["tokens"]
    return [
        SEP.join(f"{t[0]}:{t[1]}" for t in toks),
        SEP.join(t[2] for t in toks),
        SEP.join(t[9] for t in toks),
        SEP.join(t[10] for t in toks),
        SEP.join(f"{t[3]}:{t[4]}" for t in toks),
        SEP.join(f"{e[0]}:{e[1]}:{e[2]}" for e in rec["ents"]),
    ]


def main():
    corpus, ref = sys.argv[1], sys.argv[2]
    with open(corpus, encoding="utf8") as c, open(ref, encoding="utf8") as r:
        print("# id\ttext\ttokens\ttok\ttag\tpos\tlemma\tparse\tents")
        for cline, rline in zip(c, r):
            doc = json.loads(cline)
            rec = json.loads(rline)
            assert doc["text"] == rec["text"], doc["id"]
            row = [doc["id"], sha(doc["text"]), str(len(rec["tokens"]))] + [sha(f) for f in fields(rec)]
            print("\t".join(row))


if __name__ == "__main__":
    main()
