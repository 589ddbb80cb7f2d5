-- parley store, PostgreSQL, version 2: near-duplicates (written by `parley link`).
-- The same tables as migrations/sqlite/0002_near_duplicates.sql.

CREATE TABLE fingerprints (
    article_seq BIGINT PRIMARY KEY REFERENCES articles(seq),
    simhash     BIGINT NOT NULL
);

CREATE TABLE duplicates (
    article_seq  BIGINT PRIMARY KEY REFERENCES articles(seq),
    original_seq BIGINT NOT NULL REFERENCES articles(seq)
);
CREATE INDEX duplicates_original ON duplicates(original_seq);
