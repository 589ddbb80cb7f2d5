-- parley store, PostgreSQL, version 3: stories (written by `parley link`).
-- The same tables as migrations/sqlite/0003_stories.sql.

CREATE TABLE stories (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    label      TEXT NOT NULL,
    first_date DATE,
    last_date  DATE,
    size       BIGINT NOT NULL
);
CREATE INDEX stories_recent ON stories(last_date DESC NULLS LAST, size DESC);

CREATE TABLE story_members (
    article_seq BIGINT PRIMARY KEY REFERENCES articles(seq),
    story_id    BIGINT NOT NULL REFERENCES stories(id),
    why         JSONB NOT NULL
);
CREATE INDEX story_members_story ON story_members(story_id);
