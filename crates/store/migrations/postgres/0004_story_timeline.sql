-- parley store, PostgreSQL, version 4: each story's timeline in timeline order.
-- The same table and columns as migrations/sqlite/0004_story_timeline.sql; dates are text
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
