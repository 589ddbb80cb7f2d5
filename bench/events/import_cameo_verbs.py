#!/usr/bin/env python3
"""Converts PETRARCH's CAMEO.2.0 verb dictionary into parley's reviewable verb-pattern files.

Usage:
  python3 bench/events/import_cameo_verbs.py ../shared/eval/petrarch2-gsr/CAMEO.2.0.txt data/events

Writes (overwriting):
  data/events/cameo_verbs.txt     blocks of verbs and patterns (format in data/events/README.md)
  data/events/cameo_synsets.txt   word sets the patterns refer to as &NAME
  data/events/cameo_forms.txt     irregular verb forms -> lemma

CAMEO.2.0.txt is MIT-licensed (c) 2015 Open Event Data Alliance; the notice is kept in the output.
Hand-written additions and overrides live in data/events/verbs.txt, not here: re-running the
importer must never lose reviewed work.
"""
import re
import sys

LICENSE = """# Converted from CAMEO.2.0.txt (PETRARCH CAMEO verb pattern dictionary, last update 30 April 2015),
# github.com/openeventdata/UniversalPetrarch @ 067552d83956f552d355256bf200e89ec9fdb7dc,
# by bench/events/import_cameo_verbs.py. Do not edit by hand: put changes in verbs.txt.
# The MIT License (MIT) Copyright (c) 2015 Open Event Data Alliance. Permission is hereby granted,
# free of charge, to any person obtaining a copy of this software and associated documentation
# files (the "Software"), to deal in the Software without restriction, including without limitation
# the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the
# Software, and to permit persons to whom the Software is furnished to do so, subject to the
# following conditions: The above copyright notice and this permission notice shall be included in
# all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT
# WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.
"""

CODE = re.compile(r"\[([^\]]*)\]")


def word(w):
    """CAMEO word -> lowercase words: '_' joins words, a trailing '_' (no inflection) is dropped."""
    w = w.strip().strip("_").lower()
    return w.replace("_", " ")


def code_of(text):
    """The primary code of '[040]', '[042:043]', '[---]'; None for '[:020]' (passive-only) or none."""
    m = CODE.search(text)
    if not m:
        return ""
    c = m.group(1).strip()
    if c.startswith("---"):
        return "---"
    primary = c.split(":")[0].strip()
    if not primary:
        return None
    return primary if re.fullmatch(r"\d{2,4}", primary) else None


def pattern_tokens(p):
    """'- * (FOR {&MILITARY EXERCISES}) + ' -> ['_', 'for', '&military', 'exercises', '+']"""
    p = p.replace("(", " ").replace(")", " ").replace("{", " ").replace("}", " ").replace("/", " ")
    out = []
    for t in p.split():
        if t == "*":
            out.append("_")
        elif t in ("$", "+", "^", "%"):
            out.append(t)
        elif t.startswith("&"):
            out.append("&" + t[1:].strip("_").lower())
        else:
            out.extend(word(t).split())
    return out


def inflects(form, lemma):
    """Whether `form` is a regular inflection of `lemma` (calls, called, calling, wrapped)."""
    if form == lemma:
        return True
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    for base in (lemma, stem, lemma + lemma[-1:]):
        for suffix in ("s", "es", "ed", "d", "ing"):
            if form == base + suffix:
                return True
    return lemma.endswith("y") and form in (lemma[:-1] + "ies", lemma[:-1] + "ied")


def owning_verb(comment, block):
    """The block verb a pattern's comment names ("TAKE", "CALLED_OFF"), or "" when it names
    none of them: the pattern then applies to every verb of the block."""
    if not comment or not re.fullmatch(r"[A-Z][A-Z_-]*", comment):
        return ""
    words = word(comment).split()
    for lemma, _ in block["verbs"]:
        lw = lemma.split()
        forms = block.get("forms", {}).get(lemma, set())
        first_ok = inflects(words[0], lw[0]) or words[0] in forms
        if first_ok and words[1:] == lw[1:]:
            return lemma
    return ""


def main(src, outdir):
    lines = open(src, encoding="utf-8", errors="replace").read().splitlines()
    synsets, blocks, forms = {}, [], {}
    cur_set = None
    cur_block = None
    in_verbs = False
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if "VERB PATTERNS" in raw:
            in_verbs = True
            continue
        if not line.strip():
            cur_set = None
            continue
        if not in_verbs:
            if line.startswith("&"):
                cur_set = line[1:].strip().strip("_").lower()
                synsets[cur_set] = []
            elif line.startswith("+") and cur_set:
                synsets[cur_set].append(word(line[1:]))
            continue
        if line.startswith("---"):
            m = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]", line)
            if m:
                c = code_of(line)
                cur_block = {"name": m.group(1), "code": c if c else "---", "verbs": [], "pats": []}
                blocks.append(cur_block)
            continue
        if cur_block is None:
            continue
        if line.startswith("-"):
            c = code_of(line)
            if c is None or c == "":
                continue
            body = CODE.sub("", line[1:]).strip()
            toks = pattern_tokens(body)
            if "_" not in toks or len(toks) < 2:
                continue
            # the comment names the verb the pattern was written for ("# TAKE")
            comment = raw.split("#", 1)[1].strip().split() if "#" in raw else []
            cur_block["pats"].append((c, " ".join(toks), comment[0] if comment else ""))
            continue
        # a verb line: WORD {FORMS} [code]
        multi = line.startswith("+")
        head = line.lstrip("+")
        fm = re.search(r"\{([^}]*)\}", head)
        c = code_of(head)
        head_word = re.split(r"[\s{\[]", head.strip(), 1)[0]
        lemma = word(head_word)
        if not lemma or c is None:
            continue
        if fm:
            for f in fm.group(1).split():
                f = word(f.lstrip("+"))
                if f and f != lemma:
                    first, lem_first = f.split()[0], lemma.split()[0]
                    # a stray "," in a form list is no word form (it made every comma "crack")
                    if first != lem_first and re.search(r"[a-z]", first):
                        forms[first] = lem_first
        cur_block["verbs"].append((lemma, c))
        cur_block.setdefault("forms", {})[lemma] = {word(f.lstrip("+")).split()[0] for f in fm.group(1).split()} if fm else set()
    with open(f"{outdir}/cameo_synsets.txt", "w", encoding="utf-8") as f:
        f.write(LICENSE)
        f.write("# &name = member | member | ...\n")
        for k in sorted(synsets):
            if synsets[k]:
                f.write("&%s = %s\n" % (k, " | ".join(dict.fromkeys(synsets[k]))))
    with open(f"{outdir}/cameo_forms.txt", "w", encoding="utf-8") as f:
        f.write(LICENSE)
        f.write("# form<TAB>lemma (irregular verb forms listed in the dictionary)\n")
        for k in sorted(forms):
            f.write("%s\t%s\n" % (k, forms[k]))
    with open(f"{outdir}/cameo_verbs.txt", "w", encoding="utf-8") as f:
        f.write(LICENSE)
        for b in blocks:
            if not b["verbs"]:
                continue
            f.write("\nblock %s %s\n" % (b["name"].lower(), b["code"]))
            for lemma, c in b["verbs"]:
                f.write("verb %s%s\n" % (lemma, (" = " + c) if c else ""))
            seen = set()
            for c, p, written_for in b["pats"]:
                owner = owning_verb(written_for, b)
                if (c, p, owner) in seen:
                    continue
                seen.add((c, p, owner))
                f.write("pat %s %s%s\n" % (c, p, " @" + owner.replace(" ", "_") if owner else ""))
    print("blocks %d, synsets %d, forms %d" % (len(blocks), len(synsets), len(forms)))
    report_conflicts(blocks)


def report_conflicts(blocks):
    """Prints the patterns CAMEO.2.0 lists twice for one verb with other codes ("LIFT * SANCTION"
    [0351] and [085]): the coder takes the first, so each is a candidate for an override in
    verbs.txt."""
    seen, conflicts = {}, []
    for b in blocks:
        for c, p, written_for in b["pats"]:
            # the coder compares nouns singular-ish ("sanctions" ~ "sanction"): so does this
            words = " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
                             for w in p.split())
            key = (b["name"], owning_verb(written_for, b), words)
            if key in seen and seen[key] != c:
                conflicts.append("%s: %s [%s] after [%s]" % (key[0].lower(), p, c, seen[key]))
            seen.setdefault(key, c)
    print("patterns listed again with another code (the first is used): %d" % len(conflicts))
    for line in conflicts:
        print("  " + line)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
