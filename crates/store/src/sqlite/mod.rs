//! The SQLite backend: one file, WAL, FTS5 (rusqlite with its bundled SQLite).
//!
//! Split by job: [`schema`] opens and migrates, [`writer`] stores batches, [`reader`] reads,
//! searches and checks.

mod aggregates;
mod browse;
mod claim_groups;
mod links;
mod reader;
mod schema;
mod stories;
mod story_timeline;
mod writer;

use crate::aggregates::{ActorCandidate, AnnotationFilter, AnnotationPage, ArticleLayers};
use crate::browse::{
    ArticleListing, EventFilter, EventRecord, Listed, Paging, QuoteFilter, QuoteRecord,
};
use crate::model::{
    Counts, DuplicateGroup, Fingerprint, PutOutcome, SearchHit, SearchQuery, StoredArticle,
};
use crate::model::{Story, StoryAssignment, StoryMember, StorySignals, StorySummary, TimelineRow};
use crate::story_pages::{StoryParty, TimelineChunk, TimelineKinds};
use crate::{Store, StoreError};
use parley_core::Document;
use rusqlite::Connection;

/// A store in one SQLite file.
pub struct SqliteStore {
    conn: Connection,
    location: String,
}

impl SqliteStore {
    /// Opens the file at `path`, creating it and bringing its schema up to date.
    pub fn open(path: &str) -> Result<Self, StoreError> {
        let conn = schema::open(path)?;
        Ok(SqliteStore {
            conn,
            location: path.to_string(),
        })
    }

    /// The connection, for queries the trait does not cover (tests, tools).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

impl Store for SqliteStore {
    fn location(&self) -> &str {
        &self.location
    }

    fn put_batch(&mut self, docs: &[Document]) -> Result<Vec<PutOutcome>, StoreError> {
        writer::put_batch(&mut self.conn, docs)
    }

    fn get(&mut self, id: &str) -> Result<Option<StoredArticle>, StoreError> {
        reader::get(&self.conn, id)
    }

    fn ids(&mut self) -> Result<Vec<String>, StoreError> {
        reader::ids(&self.conn)
    }

    fn counts(&mut self) -> Result<Counts, StoreError> {
        reader::counts(&self.conn)
    }

    fn search(&mut self, query: &SearchQuery) -> Result<Vec<SearchHit>, StoreError> {
        reader::search(&self.conn, query)
    }

    fn check(&mut self) -> Result<Vec<String>, StoreError> {
        reader::check(&self.conn)
    }

    fn schema_version(&mut self) -> Result<i64, StoreError> {
        schema::version(&self.conn)
    }

    fn unfingerprinted(&mut self, limit: usize) -> Result<Vec<(String, String)>, StoreError> {
        links::unfingerprinted(&self.conn, limit)
    }

    fn put_fingerprints(&mut self, fingerprints: &[(String, u64)]) -> Result<(), StoreError> {
        links::put_fingerprints(&mut self.conn, fingerprints)
    }

    fn fingerprints(&mut self) -> Result<Vec<Fingerprint>, StoreError> {
        links::fingerprints(&self.conn)
    }

    fn replace_duplicates(&mut self, groups: &[(String, Vec<String>)]) -> Result<(), StoreError> {
        links::replace_duplicates(&mut self.conn, groups)
    }

    fn duplicate_groups(&mut self, limit: usize) -> Result<Vec<DuplicateGroup>, StoreError> {
        links::duplicate_groups(&self.conn, limit)
    }

    fn article_listing(&mut self, paging: Paging) -> Result<Listed<ArticleListing>, StoreError> {
        browse::article_listing(&self.conn, paging)
    }

    fn quotes(&mut self, filter: &QuoteFilter) -> Result<Listed<QuoteRecord>, StoreError> {
        browse::quotes(&self.conn, filter)
    }

    fn events(&mut self, filter: &EventFilter) -> Result<Listed<EventRecord>, StoreError> {
        browse::events(&self.conn, filter)
    }

    fn unstoried(&mut self, limit: usize) -> Result<Vec<StorySignals>, StoreError> {
        stories::unstoried(&self.conn, limit)
    }

    fn storied_between(
        &mut self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> Result<Vec<StorySignals>, StoreError> {
        stories::storied_between(&self.conn, from, to)
    }

    fn assign_stories(&mut self, assignments: &[StoryAssignment]) -> Result<Vec<i64>, StoreError> {
        stories::assign_stories(&mut self.conn, assignments)
    }

    fn stories(&mut self, limit: usize, offset: usize) -> Result<Vec<StorySummary>, StoreError> {
        stories::stories(&self.conn, limit, offset)
    }

    fn story(&mut self, id: i64) -> Result<Option<Story>, StoreError> {
        stories::story(&self.conn, id)
    }

    fn story_of(&mut self, article_id: &str) -> Result<Option<i64>, StoreError> {
        stories::story_of(&self.conn, article_id)
    }

    fn story_timeline_rows(&mut self, id: i64) -> Result<Vec<TimelineRow>, StoreError> {
        stories::story_timeline_rows(&self.conn, id)
    }

    fn story_summary(&mut self, id: i64) -> Result<Option<StorySummary>, StoreError> {
        stories::story_summary(&self.conn, id)
    }

    fn story_members_page(
        &mut self,
        id: i64,
        paging: Paging,
    ) -> Result<Listed<StoryMember>, StoreError> {
        stories::story_members_page(&self.conn, id, paging)
    }

    fn story_timeline_page(
        &mut self,
        id: i64,
        kinds: TimelineKinds,
        paging: Paging,
    ) -> Result<Listed<TimelineRow>, StoreError> {
        story_timeline::page(&self.conn, id, kinds, paging)
    }

    fn story_timeline_after(
        &mut self,
        id: i64,
        after: Option<i64>,
        limit: usize,
    ) -> Result<TimelineChunk, StoreError> {
        story_timeline::after(&self.conn, id, after, limit)
    }

    fn story_parties(&mut self, id: i64, limit: usize) -> Result<Vec<StoryParty>, StoreError> {
        story_timeline::parties(&self.conn, id, limit)
    }

    fn article_ids_after(
        &mut self,
        after: i64,
        limit: usize,
    ) -> Result<Vec<(i64, String)>, StoreError> {
        aggregates::article_ids_after(&self.conn, after, limit)
    }

    fn annotation_page(
        &mut self,
        filter: &AnnotationFilter,
        after: i64,
        articles: usize,
    ) -> Result<AnnotationPage, StoreError> {
        aggregates::annotation_page(&self.conn, filter, after, articles)
    }

    fn article_layers_after(
        &mut self,
        value_layers: &[&str],
        count_layers: &[&str],
        after: i64,
        limit: usize,
    ) -> Result<Vec<ArticleLayers>, StoreError> {
        aggregates::article_layers_after(&self.conn, value_layers, count_layers, after, limit)
    }

    fn find_actors(
        &mut self,
        needle: &str,
        limit: usize,
    ) -> Result<Vec<ActorCandidate>, StoreError> {
        aggregates::find_actors(&self.conn, needle, limit)
    }

    fn claim_groups(&mut self) -> Result<Vec<crate::ClaimGroup>, StoreError> {
        claim_groups::claim_groups(&self.conn)
    }

    fn article_names_after(
        &mut self,
        after: i64,
        articles: usize,
    ) -> Result<crate::NamesPage, StoreError> {
        claim_groups::article_names_after(&self.conn, after, articles)
    }
}

#[cfg(test)]
mod tests;
