#!/usr/bin/env python3
"""Who did what to whom: the sides of `parley analyze` events against ConfliBERT's gold
source/target spans (`../shared/eval/conflibert-cameo/cameo_ner`, evaluation only).

    bench/events/sides.py [--parse] [--split train|test|both] [-v] [--show KIND]

Each CoNLL sentence (`token tag`, tags B-/I- S source, T target, R reciprocal, O) is
detokenized with each token's character offsets kept, written as one JSON Lines article and run
through `target/release/parley analyze` (`--no-parse` unless `--parse`; no `published`, the
sentences are undated).

Where a side is. An event side carries a `name` and an `actor_id`, not a span, and its name is
the knowledge base's ("Islamic State" for "ISIS"). A side's places in the sentence are the
document's entity mentions with the side's actor id (the mentions parley read) and the
whole-word, case-blind occurrences of its name (a name the stage built, "civilians"). Lenient
where an actor is named twice: a side counts as in a span when any of its places is. A place is *in* a gold span when at least half
of its characters lie inside the span (so "Iraqi" in "the Iraqi army" and "ISIS" in "the last
ISIS group bastion in the country" are in; a word of a long mention spilling past the span is
not enough). A side is in S (T) when any of its places is in an S (T) span; an R span counts as
both. Sides are scored by role only, never by country or code.

Each event is sorted into one kind, first that applies:

- both right: source in S/R and target in T/R (a target-less event counts when the gold has
  no T/R span);
- swapped: source in T and target in S;
- source right: the source right, the target wrong (missing, outside both, in S, not found);
- target right: the target right, the source wrong;
- source missing / target missing: no source (no target while the gold has a T/R span), the
  other side not right;
- outside both: a side found in the sentence but in no gold span;
- not found: a side whose places cannot be found in the sentence (a name the stage built);
- wrong role: a side in a span of the other role (e.g. both sides in S).

A sentence's kind is its best event's (in the order above). Figures: sentences, sentences with
any event, and among them the share of each kind, plus source right / target right / both right
counted over all of them. Train is development text: `-v` lists the train misses (every kind
but both right), `--show KIND` one kind (a prefix of its name). Test is held out: figures only,
never its sentences (most of test is the CAMEO-manual examples of the PLOVER GSR). Train
sentences also found in the PLOVER or PETR-2 GSR texts (test sets; compared after lower-casing
and dropping non-letters, whole or by their first 60 letters) are left out of every listing and counted.
"""
import argparse
import json
import os
import re
from collections import Counter

from sentences import CONFLIBERT, EVAL, analyze_documents

NER = os.path.join(CONFLIBERT, "cameo_ner")

STATES = ["right", "missing", "outside", "other role", "not found", "no gold"]

NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'", "n't", "'re",
                   "'ve", "'ll", "'d", "'m", "''", "-", "’", "”"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "-", "“", "€", "£"}


def glued(prev2, prev, tok):
    """Whether `tok` follows `prev` without a space (the data splits "eight-day", "Brazil’s",
    "1,141", "$1.2" and "U.K." into tokens)."""
    if tok in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER:
        return True
    if prev in ("’", "'") and tok in ("s", "t"):
        return True
    if prev in (",", ".") and tok.isdigit() and (prev2 or "").isdigit():
        return True
    return prev == "." and len(tok) == 1 and tok.isupper() and len(prev2 or "") == 1


def read_conll(path):
    """Sentences as lists of (token, tag)."""
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip():
                if cur:
                    sents.append(cur)
                cur = []
                continue
            tok, _, tag = line.rpartition(" ")
            cur.append((tok or tag, tag if tok else "O"))
    if cur:
        sents.append(cur)
    return sents


def detokenize(tokens):
    """The text and each token's (start, end) in it."""
    text, offs, prev2, prev = "", [], None, None
    for tok in tokens:
        if prev is not None and not glued(prev2, prev, tok):
            text += " "
        offs.append((len(text), len(text) + len(tok)))
        text += tok
        prev2, prev = prev, tok
    return text, offs


def gold_spans(sent, offs):
    """[(role, start, end)] character spans of the B-/I- runs."""
    spans, cur = [], None
    for (tok, tag), (s, e) in zip(sent, offs):
        if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[0] != tag[2:])):
            if cur:
                spans.append(tuple(cur))
            cur = [tag[2:], s, e]
        elif tag.startswith("I-"):
            cur[2] = e
        else:
            if cur:
                spans.append(tuple(cur))
            cur = None
    if cur:
        spans.append(tuple(cur))
    return spans


def places(side, doc, text):
    """The side's character spans in the sentence: the document's mentions with its actor id
    (what parley read: "ISIS" for "Islamic State", "Israeli" for Israel) and its name's
    whole-word, case-blind occurrences (a name the stage built, "civilians" for a place)."""
    aid = side.get("actor_id")
    found = [(m["start"], m["end"]) for m in doc.get("entities", [])
             if aid and (m.get("actor") or {}).get("id") == aid]
    name = (side.get("name") or "").strip()
    if name:
        pat = r"(?<!\w)" + re.escape(name) + r"(?!\w)"
        found += [(m.start(), m.end()) for m in re.finditer(pat, text, re.IGNORECASE)]
    return found


def state(side, role, doc, text, spans):
    """How one side stands against the gold spans of its role (S or T; R counts as both)."""
    if side is None:
        return "missing"
    where = places(side, doc, text)
    if not where:
        return "not found"
    roles = set()
    for s, e in where:
        for r, gs, ge in spans:
            inside = max(0, min(e, ge) - max(s, gs))
            if 2 * inside >= (e - s):
                roles |= {"S", "T"} if r == "R" else {r}
    if role in roles:
        return "right"
    return "other role" if roles else "outside"


def kind(event, doc, text, spans):
    """(source state, target state); the target is "no gold" when the gold has no T/R span."""
    src = state(event.get("source"), "S", doc, text, spans)
    if any(r in ("T", "R") for r, _, _ in spans):
        tgt = state(event.get("target"), "T", doc, text, spans)
    else:
        tgt = "no gold"
    return src, tgt


def rank(k):
    """Best first: both right, then one side right, then the rest."""
    src, tgt = k
    return (src != "right") + (tgt not in ("right", "no gold")) - 0.5 * (src == "right")


def norm(s):
    return re.sub(r"[^a-z]", "", s.lower())


def test_set_texts():
    """Normalised sentence texts of the PLOVER and PETR-2 GSRs (kept out of listings)."""
    out = set()
    try:
        with open(os.path.join(EVAL, "plover-gsr", "PLOVER_GSR_CAMEO.txt"), encoding="utf-8") as f:
            out |= {norm(r.get("text", "")) for r in json.load(f)}
    except (OSError, ValueError):
        pass
    try:
        with open(os.path.join(EVAL, "petrarch2-gsr", "PETR2_GSR_validation.xml"),
                  encoding="utf-8") as f:
            out |= {norm(t) for t in re.findall(r"<Text>(.*?)</Text>", f.read(), re.S)}
    except OSError:
        pass
    out.discard("")
    return out


def side_text(side):
    return "-" if side is None else f"{side.get('name')} [{side.get('actor_id')}]"


def label(k):
    return f"source {k[0]} / target {k[1]}"


def run(split, parse, listing, show):
    sents = read_conll(os.path.join(NER, f"{split}.txt"))
    rows = []
    for sent in sents:
        text, offs = detokenize([t for t, _ in sent])
        rows.append((text, gold_spans(sent, offs)))
    docs = analyze_documents([t for t, _ in rows], parse)
    per_sentence, per_event = Counter(), Counter()
    misses = []
    for i, (text, spans) in enumerate(rows):
        events = (docs.get(i) or {}).get("events") or []
        if not events:
            continue
        kinds = [kind(e, docs[i], text, spans) for e in events]
        per_event.update(kinds)
        best = min(range(len(kinds)), key=lambda k: rank(kinds[k]))
        per_sentence[kinds[best]] += 1
        if rank(kinds[best]) > 0:
            misses.append((i, kinds[best], events[best], text, spans))
    with_event = sum(per_sentence.values())
    with_t = sum(n for k, n in per_sentence.items() if k[1] != "no gold")
    count = lambda c, pred: sum(n for k, n in c.items() if pred(k))
    src_ok = count(per_sentence, lambda k: k[0] == "right")
    tgt_ok = count(per_sentence, lambda k: k[1] == "right")
    both = count(per_sentence, lambda k: k[0] == "right" and k[1] in ("right", "no gold"))
    both_t = count(per_sentence, lambda k: k == ("right", "right"))
    swapped = per_sentence[("other role", "other role")]
    pct = lambda n, d: f"{100.0 * n / d:.1f} %" if d else "-"
    print(f"{split} ({'parse' if parse else '--no-parse'}): {len(rows)} sentences, {with_event}"
          f" with an event ({pct(with_event, len(rows))}), {with_t} of them with a gold target;"
          f" best event per sentence:")
    print(f"  source right {src_ok} ({pct(src_ok, with_event)}); target right {tgt_ok} of"
          f" {with_t} ({pct(tgt_ok, with_t)}); both right {both} ({pct(both, with_event)}),"
          f" {both_t} of {with_t} with a gold target ({pct(both_t, with_t)}); swapped {swapped}")
    print("  source \\ target  " + "".join(f"{t:>11}" for t in STATES))
    for src in STATES[:-1]:
        print(f"  {src:<16}" + "".join(f"{per_sentence[(src, t)]:>11}" for t in STATES))
    n_ev = sum(per_event.values())
    ev_both = count(per_event, lambda k: k[0] == "right" and k[1] in ("right", "no gold"))
    print(f"  all {n_ev} events: both right {ev_both} ({pct(ev_both, n_ev)}),"
          f" swapped {per_event[('other role', 'other role')]}")
    if split != "train" or not (listing or show):
        return
    held = test_set_texts()
    hidden = 0
    for i, k, ev, text, spans in misses:
        if show and show not in label(k):
            continue
        key = norm(text)
        if key in held or (len(key) > 60 and any(key[:60] in g for g in held)):
            hidden += 1
            continue
        gold = "; ".join(f"{r}={text[s:e]}" for r, s, e in spans)
        trig = (ev.get("trigger") or {}).get("text")
        print(f"{i}\t{label(k)}\t{ev.get('code')} {trig}\tsrc {side_text(ev.get('source'))}"
              f"\ttgt {side_text(ev.get('target'))}\tgold {gold}\t{text}")
    print(f"(left out of the listing: {hidden} sentences also in the PLOVER / PETR-2 GSR)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--parse", action="store_true")
    ap.add_argument("--split", default="both", choices=["train", "test", "both"])
    ap.add_argument("-v", action="store_true", help="list the train misses")
    ap.add_argument("--show", default=None, help="list the train misses whose kind holds this text, e.g. \"target outside\"")
    args = ap.parse_args()
    for split in (["train", "test"] if args.split == "both" else [args.split]):
        run(split, args.parse, args.v, args.show)


if __name__ == "__main__":
    main()
