#!/usr/bin/env python3
"""Builds the labelled story set from BABE (../shared/eval/babe-media-bias) and labels.json.

Each BABE news_link is one article: its body is its BABE sentences (in file order), its
title the headline words of its URL (or, when the URL has none, its first sentence), its
outlet BABE's outlet, its publication date the /YYYY/MM/DD/ of its URL when it has one.
Stories and singletons are split into two parts by alternating over the sorted names: `tune`
(thresholds are chosen on it) and `heldout` (only reported). Writes OUT/{tune,heldout}.jsonl.

    python3 bench/stories/build_set.py ../shared/eval/babe-media-bias bench/out/stories
"""
import csv, json, os, re, sys

def main(babe, out):
    labels = json.load(open(os.path.join(os.path.dirname(__file__), "labels.json")))
    articles = {}
    for name in ["final_labels_SG2.csv", "final_labels_SG1.csv"]:
        with open(os.path.join(babe, name), encoding="utf-8-sig") as f:
            for row in csv.DictReader(f, delimiter=";"):
                sents = articles.setdefault(row["news_link"].strip(), {"outlet": row["outlet"], "sents": []})["sents"]
                text = row["text"].strip()
                if text not in sents:
                    sents.append(text)
    parts = {"tune": [], "heldout": []}
    for i, name in enumerate(sorted(labels["stories"])):
        for url in labels["stories"][name]:
            parts["tune" if i % 2 == 0 else "heldout"].append((url, name))
    for i, url in enumerate(labels["singletons"]):
        parts["tune" if i % 2 == 0 else "heldout"].append((url, None))
    os.makedirs(out, exist_ok=True)
    for part, items in parts.items():
        with open(os.path.join(out, f"{part}.jsonl"), "w") as f:
            for url, story in items:
                a = articles[url]
                date = re.search(r"/(20\d\d)/(\d\d)/(\d\d)/", url)
                record = {
                    "id": url,
                    "url": url,
                    "outlet": a["outlet"],
                    "title": title_of(url) or a["sents"][0],
                    "body": "\n\n".join(a["sents"]),
                }
                if date:
                    record["published"] = "-".join(date.groups())
                f.write(json.dumps(record) + "\n")
        stories = len({s for _, s in items if s})
        print(f"{part}: {len(items)} articles, {stories} stories, {sum(1 for _, s in items if not s)} singletons")

def title_of(url):
    """The headline words of a URL's last descriptive path segment, or None."""
    path = url.split("?")[0].split("#")[0].rstrip("/")
    for seg in reversed(path.split("/")[3:]):
        seg = re.sub(r"\.html?$|_n_[0-9a-f]+$|-?id[A-Z0-9]{8,}$|[-_]\d{6,}$", "", seg)
        words = [w for w in re.split(r"[-_]+", seg) if w]
        if len(words) >= 3 and sum(w.isalpha() for w in words) >= 3:
            return " ".join(words).capitalize()
    return None

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
