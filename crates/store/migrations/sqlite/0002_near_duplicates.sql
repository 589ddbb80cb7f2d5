-- parley store, SQLite, version 2: near-duplicates (written by `parley link`).

-- The SimHash of each article's body (64 bits, stored as a signed integer). Articles without
-- a row here have not been fingerprinted yet.
CREATE TABLE fingerprints (
    article_seq INTEGER PRIMARY KEY REFERENCES articles(seq),
    simhash     INTEGER NOT NULL
);

-- Groups of near-duplicates: every member of a group with the original of its group (the
-- original's own row points to itself). Rewritten whole by each `parley link`.
CREATE TABLE duplicates (
    article_seq  INTEGER PRIMARY KEY REFERENCES articles(seq),
    original_seq INTEGER NOT NULL REFERENCES articles(seq)
);
CREATE INDEX duplicates_original ON duplicates(original_seq);
