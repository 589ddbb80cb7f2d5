-- parley store, SQLite, version 3: stories (written by `parley link`).
-- A story is the articles of several outlets about one happening. Membership only grows:
-- each `parley link` assigns the articles that have no story yet.

CREATE TABLE stories (
    id         INTEGER PRIMARY KEY,
    label      TEXT NOT NULL,              -- the title of its earliest member
    first_date TEXT,                       -- YYYY-MM-DD: earliest / latest published member
    last_date  TEXT,
    size       INTEGER NOT NULL            -- members
);
CREATE INDEX stories_recent ON stories(last_date DESC, size DESC);

-- One row per article in a story, with why it joined (JSON: the article it matched, shared
-- actors and events, text similarity, days apart; see parley_store::JoinReason).
CREATE TABLE story_members (
    article_seq INTEGER PRIMARY KEY REFERENCES articles(seq),
    story_id    INTEGER NOT NULL REFERENCES stories(id),
    why         TEXT NOT NULL
);
CREATE INDEX story_members_story ON story_members(story_id);
