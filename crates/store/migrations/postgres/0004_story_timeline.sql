-- parley store, PostgreSQL, version 4: story pages in bounded time however big the story.
-- The same tables and columns as migrations/sqlite/0004_story_timeline.sql; dates are text
-- compared byte by byte (COLLATE "C"), as SQLite and the link crate compare them.

CREATE TABLE story_timeline (
    ann         BIGINT PRIMARY KEY REFERENCES annotations(ann),
    story_id    BIGINT NOT NULL REFERENCES stories(id),
    undated     BOOLEAN NOT NULL,
    date        TEXT COLLATE "C" NOT NULL,
    article_seq BIGINT NOT NULL REFERENCES articles(seq),
    layer       TEXT COLLATE "C" NOT NULL,
    seq         BIGINT NOT NULL
);
CREATE INDEX story_timeline_order
    ON story_timeline(story_id, undated, date, article_seq, layer, seq);
CREATE INDEX story_timeline_quotes
    ON story_timeline(story_id, layer, undated, date, article_seq, seq);

ALTER TABLE stories ADD COLUMN entries BIGINT NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN quotes BIGINT NOT NULL DEFAULT 0;

INSERT INTO story_timeline (ann, story_id, undated, date, article_seq, layer, seq)
SELECT ann, story_id, d IS NULL, coalesce(d, ''), article_seq, layer, seq
FROM (SELECT n.ann, m.story_id, n.article_seq, n.layer, n.seq,
             CASE WHEN n.layer = 'events' AND n.day IS NOT NULL THEN n.day
                  ELSE a.published::text END AS d
      FROM story_members m
      JOIN articles a ON a.seq = m.article_seq
      JOIN annotations n ON n.article_seq = m.article_seq
                        AND n.layer IN ('events', 'quotes')) AS rows;

UPDATE stories s SET entries = c.entries, quotes = c.quotes
FROM (SELECT story_id, count(*) AS entries, count(*) FILTER (WHERE layer = 'quotes') AS quotes
      FROM story_timeline GROUP BY story_id) AS c
WHERE s.id = c.story_id;

ALTER TABLE story_members ADD COLUMN undated BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE story_members ADD COLUMN published TEXT COLLATE "C" NOT NULL DEFAULT '';
UPDATE story_members m SET undated = a.published IS NULL,
                           published = coalesce(a.published::text, '')
FROM articles a WHERE a.seq = m.article_seq;
CREATE INDEX story_members_order ON story_members(story_id, undated, published, article_seq);

CREATE TABLE story_parties (
    story_id BIGINT NOT NULL REFERENCES stories(id),
    name     TEXT COLLATE "C" NOT NULL,
    entries  BIGINT NOT NULL,
    quotes   BIGINT NOT NULL,
    PRIMARY KEY (story_id, name)
);
CREATE INDEX story_parties_active ON story_parties(story_id, entries DESC, name);
CREATE TABLE story_party_codes (
    story_id BIGINT NOT NULL REFERENCES stories(id),
    name     TEXT COLLATE "C" NOT NULL,
    code     TEXT COLLATE "C" NOT NULL,
    events   BIGINT NOT NULL,
    PRIMARY KEY (story_id, name, code)
);

INSERT INTO story_parties (story_id, name, entries, quotes)
SELECT t.story_id, n.actor_name, count(*), count(*) FILTER (WHERE n.layer = 'quotes')
FROM story_timeline t JOIN annotations n ON n.ann = t.ann
WHERE btrim(n.actor_name, E' \t\n\r') <> ''
GROUP BY t.story_id, n.actor_name;

INSERT INTO story_party_codes (story_id, name, code, events)
SELECT t.story_id, n.actor_name, n.code, count(*)
FROM story_timeline t JOIN annotations n ON n.ann = t.ann
WHERE n.layer = 'events' AND n.code IS NOT NULL AND btrim(n.actor_name, E' \t\n\r') <> ''
GROUP BY t.story_id, n.actor_name, n.code;
