"""Shared by the ConfliBERT scripts (coverage.py, extras.py, sides.py): where the data and the
binary are, the CAMEO training sentences, and one `parley analyze` run over a list of
sentences, each as its own article."""
import json
import os
import subprocess
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
EVAL = os.environ.get("PARLEY_EVAL", os.path.join(ROOT, "..", "shared", "eval"))
CONFLIBERT = os.path.join(EVAL, "conflibert-cameo")
PARLEY = os.path.join(ROOT, "target", "release", "parley")


def read_train():
    """ConfliBERT's CAMEO training sentences (never the test split) as (text, label)."""
    rows = []
    path = os.path.join(CONFLIBERT, "cameo_class", "train.tsv")
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if "\t" not in line:
                continue
            text, label = line.rsplit("\t", 1)
            rows.append((text.strip('"'), label.strip()))
    return rows


def analyze_documents(texts, parse, published=None):
    """Each sentence's document from `parley analyze` (`--no-parse` unless `parse`), by index."""
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "sentences.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for i, t in enumerate(texts):
                rec = {"id": str(i), "body": t}
                if published:
                    rec["published"] = published
                f.write(json.dumps(rec) + "\n")
        cmd = [PARLEY, "analyze", path] + ([] if parse else ["--no-parse"])
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return {int(d["source_id"]): d for d in json.loads(out)["documents"]}
