-- parley store, PostgreSQL, version 1: the same tables as migrations/sqlite/0001_init.sql.
-- Differences: identity columns, DATE and TIMESTAMPTZ, JSONB data, and full-text search by
-- generated tsvector columns with GIN indexes (article text; quotes) instead of FTS5.

CREATE TABLE articles (
    seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    url            TEXT,
    revision       INTEGER NOT NULL,
    previous_id    TEXT REFERENCES articles(id),
    outlet         TEXT,
    title          TEXT NOT NULL,
    published      DATE,
    published_from TEXT NOT NULL,
    language       TEXT,
    source_file    TEXT NOT NULL,
    source_id      TEXT,
    body           TEXT NOT NULL,
    annotations    INTEGER NOT NULL,
    ingested_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    search         TSVECTOR GENERATED ALWAYS AS (
                       setweight(to_tsvector('english', title), 'A') ||
                       setweight(to_tsvector('english', body), 'B')) STORED
);
CREATE UNIQUE INDEX articles_url_revision ON articles(url, revision) WHERE url IS NOT NULL;
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_search ON articles USING gin (search);

CREATE TABLE annotations (
    ann            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_seq    BIGINT NOT NULL REFERENCES articles(seq),
    layer          TEXT NOT NULL,
    seq            BIGINT NOT NULL,
    start          BIGINT,
    "end"          BIGINT,
    text           TEXT,
    kind           TEXT,
    code           TEXT,
    actor_id       TEXT,
    actor_name     TEXT,
    country        TEXT,
    target_id      TEXT,
    target_country TEXT,
    day            TEXT,
    data           JSONB NOT NULL,
    search         TSVECTOR GENERATED ALWAYS AS (
                       CASE WHEN layer = 'quotes' THEN
                           to_tsvector('english', coalesce(text, '') || ' ' || coalesce(actor_name, ''))
                       END) STORED,
    UNIQUE (article_seq, layer, seq)
);
CREATE INDEX annotations_layer_code ON annotations(layer, code);
CREATE INDEX annotations_actor ON annotations(actor_id) WHERE actor_id IS NOT NULL;
CREATE INDEX annotations_quotes_search ON annotations USING gin (search) WHERE layer = 'quotes';
