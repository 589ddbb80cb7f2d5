-- parley store, SQLite, version 1: articles, annotations, full-text search.
-- The migration runner records each applied version in schema_version.

-- One row per stored article (per distinct normalised body).
CREATE TABLE articles (
    seq            INTEGER PRIMARY KEY,        -- local row number; the FTS rowid
    id             TEXT NOT NULL UNIQUE,       -- hash of the normalised body (parley_core::article_id)
    url            TEXT,
    revision       INTEGER NOT NULL,           -- 1, 2, ... among the bodies stored for its URL
    previous_id    TEXT REFERENCES articles(id), -- the revision this one replaces
    outlet         TEXT,
    title          TEXT NOT NULL,
    published      TEXT,                       -- YYYY-MM-DD
    published_from TEXT NOT NULL,              -- metadata | url | text | user | none
    language       TEXT,
    source_file    TEXT NOT NULL,              -- where it was first read from
    source_id      TEXT,
    body           TEXT NOT NULL,              -- every span's offsets point into it
    annotations    INTEGER NOT NULL,           -- rows written with it: checks nothing is partial
    ingested_at    TEXT NOT NULL               -- RFC 3339, UTC
);
CREATE UNIQUE INDEX articles_url_revision ON articles(url, revision) WHERE url IS NOT NULL;
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);

-- One row per annotation: typed columns for queries, the element's JSON in data.
-- See crates/store/src/rows.rs for what each column holds per layer.
CREATE TABLE annotations (
    ann            INTEGER PRIMARY KEY,        -- the FTS rowid for quotes
    article_seq    INTEGER NOT NULL REFERENCES articles(seq),
    layer          TEXT NOT NULL,              -- entities | quotes | events | claims | framing.signals | ...
    seq            INTEGER NOT NULL,           -- index in its list; -1 for a single value
    start          INTEGER,                    -- byte offsets into articles.body
    "end"          INTEGER,
    text           TEXT,
    kind           TEXT,
    code           TEXT,
    actor_id       TEXT,
    actor_name     TEXT,
    country        TEXT,
    target_id      TEXT,
    target_country TEXT,
    day            TEXT,
    data           TEXT NOT NULL,
    UNIQUE (article_seq, layer, seq)
);
CREATE INDEX annotations_layer_code ON annotations(layer, code);
CREATE INDEX annotations_actor ON annotations(actor_id) WHERE actor_id IS NOT NULL;

-- Full text over titles and bodies, and over quotes with their speakers. External content:
-- the text stays in articles/annotations; the writer adds the index rows in the same
-- transaction as the rows they index.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body,
    content = 'articles', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, actor_name,
    content = 'annotations', content_rowid = 'ann',
    tokenize = 'unicode61 remove_diacritics 2'
);
