-- parley store, SQLite, version 4: story pages in bounded time however big the story. Each
-- story's timeline as rows in timeline order (a page is one range of an index, its size kept
-- on the story), its members in story order, and its parties' counts. Written in the same
-- transaction as story_members; backfilled here.

-- One row per event or quote of a story's articles. Timeline order is
-- (undated, date, article_seq, layer, seq): an event is dated by its own day when it has one,
-- anything else by its article's publication date; undated rows (date '') come last.
CREATE TABLE story_timeline (
    ann         INTEGER PRIMARY KEY REFERENCES annotations(ann),
    story_id    INTEGER NOT NULL REFERENCES stories(id),
    undated     INTEGER NOT NULL,          -- 1 when neither the event nor its article is dated
    date        TEXT NOT NULL,             -- YYYY-MM-DD, '' when undated
    article_seq INTEGER NOT NULL REFERENCES articles(seq),
    layer       TEXT NOT NULL,             -- events | quotes
    seq         INTEGER NOT NULL           -- the annotation's index in its layer
);
CREATE INDEX story_timeline_order
    ON story_timeline(story_id, undated, date, article_seq, layer, seq);
-- A story's quotes alone (the story page's quote list), in the same order.
CREATE INDEX story_timeline_quotes
    ON story_timeline(story_id, layer, undated, date, article_seq, seq);

-- Timeline rows of the whole story (entries) and its quotes among them.
ALTER TABLE stories ADD COLUMN entries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN quotes INTEGER NOT NULL DEFAULT 0;

INSERT INTO story_timeline (ann, story_id, undated, date, article_seq, layer, seq)
SELECT ann, story_id, d IS NULL, coalesce(d, ''), article_seq, layer, seq
FROM (SELECT n.ann, m.story_id, n.article_seq, n.layer, n.seq,
             CASE WHEN n.layer = 'events' AND n.day IS NOT NULL THEN n.day
                  ELSE a.published END AS d
      FROM story_members m
      JOIN articles a ON a.seq = m.article_seq
      JOIN annotations n ON n.article_seq = m.article_seq AND n.layer IN ('events', 'quotes'));

UPDATE stories SET
    entries = (SELECT count(*) FROM story_timeline t WHERE t.story_id = stories.id),
    quotes = (SELECT count(*) FROM story_timeline t
              WHERE t.story_id = stories.id AND t.layer = 'quotes');

-- Members in story order (earliest published first, undated last, then storing order): the
-- article's date copied onto its membership, so that the first members are an index range.
ALTER TABLE story_members ADD COLUMN undated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE story_members ADD COLUMN published TEXT NOT NULL DEFAULT '';   -- '' when undated
UPDATE story_members SET
    undated = (SELECT a.published IS NULL FROM articles a WHERE a.seq = story_members.article_seq),
    published = coalesce((SELECT a.published FROM articles a
                          WHERE a.seq = story_members.article_seq), '');
CREATE INDEX story_members_order ON story_members(story_id, undated, published, article_seq);

-- Each story's parties (event sources and quote speakers, by name; blank names left out) with
-- their counts, and their event codes: added to as articles join, so the most active parties
-- are the first rows of an index.
CREATE TABLE story_parties (
    story_id INTEGER NOT NULL REFERENCES stories(id),
    name     TEXT NOT NULL,
    entries  INTEGER NOT NULL,             -- its events and quotes
    quotes   INTEGER NOT NULL,
    PRIMARY KEY (story_id, name)
);
CREATE INDEX story_parties_active ON story_parties(story_id, entries DESC, name);
CREATE TABLE story_party_codes (
    story_id INTEGER NOT NULL REFERENCES stories(id),
    name     TEXT NOT NULL,
    code     TEXT NOT NULL,                -- CAMEO
    events   INTEGER NOT NULL,
    PRIMARY KEY (story_id, name, code)
);

INSERT INTO story_parties (story_id, name, entries, quotes)
SELECT t.story_id, n.actor_name, count(*), sum(n.layer = 'quotes')
FROM story_timeline t JOIN annotations n ON n.ann = t.ann
WHERE trim(n.actor_name, ' ' || char(9, 10, 13)) <> ''
GROUP BY t.story_id, n.actor_name;

INSERT INTO story_party_codes (story_id, name, code, events)
SELECT t.story_id, n.actor_name, n.code, count(*)
FROM story_timeline t JOIN annotations n ON n.ann = t.ann
WHERE n.layer = 'events' AND n.code IS NOT NULL
  AND trim(n.actor_name, ' ' || char(9, 10, 13)) <> ''
GROUP BY t.story_id, n.actor_name, n.code;
