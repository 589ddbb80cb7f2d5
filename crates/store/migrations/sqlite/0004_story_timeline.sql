-- parley store, SQLite, version 4: each story's timeline as rows in timeline order, so that a
-- page of a timeline, however big the story, is one range of an index (and its size is kept
-- on the story). Written in the same transaction as story_members; backfilled here.

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
