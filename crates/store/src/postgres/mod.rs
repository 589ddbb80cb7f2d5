//! The PostgreSQL backend (cargo feature `postgres`): the same tables and behaviour as SQLite,
//! for many workers and users sharing one database.
//!
//! Concurrency: every batch is one transaction. Two workers storing the same article at once
//! are resolved by the unique id (`INSERT ... ON CONFLICT DO NOTHING`): one stores it, the other
//! reports it already stored. Revisions of one URL are serialised by a transaction-level
//! advisory lock on the URL. A batch that loses a deadlock or a race is retried whole.

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
    redact_url, Counts, DuplicateGroup, Fingerprint, PutOutcome, SearchHit, SearchQuery,
    StoredArticle,
};
use crate::model::{Story, StoryAssignment, StoryMember, StorySignals, StorySummary, TimelineRow};
use crate::story_pages::{StoryParty, TimelineChunk, TimelineKinds};
use crate::{Store, StoreError};
use parley_core::Document;

/// A store in a PostgreSQL database.
pub struct PgStore {
    client: ::postgres::Client,
    location: String,
}

impl PgStore {
    /// Connects to `url` (`postgres://user:password@host:port/db`) and brings the schema up to
    /// date. A `?options=-c%20search_path%3Dname` suffix puts the tables in schema `name`.
    pub fn open(url: &str) -> Result<Self, StoreError> {
        let location = redact_url(url);
        let client = schema::open(url, &location)?;
        Ok(PgStore { client, location })
    }

    /// The client, for queries the trait does not cover (tests, tools).
    pub fn client(&mut self) -> &mut ::postgres::Client {
        &mut self.client
    }
}

impl Store for PgStore {
    fn location(&self) -> &str {
        &self.location
    }

    fn put_batch(&mut self, docs: &[Document]) -> Result<Vec<PutOutcome>, StoreError> {
        writer::put_batch(&mut self.client, docs)
    }

    fn get(&mut self, id: &str) -> Result<Option<StoredArticle>, StoreError> {
        reader::get(&mut self.client, id)
    }

    fn ids(&mut self) -> Result<Vec<String>, StoreError> {
        reader::ids(&mut self.client)
    }

    fn counts(&mut self) -> Result<Counts, StoreError> {
        reader::counts(&mut self.client)
    }

    fn search(&mut self, query: &SearchQuery) -> Result<Vec<SearchHit>, StoreError> {
        reader::search(&mut self.client, query)
    }

    fn check(&mut self) -> Result<Vec<String>, StoreError> {
        reader::check(&mut self.client)
    }

    fn schema_version(&mut self) -> Result<i64, StoreError> {
        schema::version(&mut self.client)
    }

    fn unfingerprinted(&mut self, limit: usize) -> Result<Vec<(String, String)>, StoreError> {
        links::unfingerprinted(&mut self.client, limit)
    }

    fn put_fingerprints(&mut self, fingerprints: &[(String, u64)]) -> Result<(), StoreError> {
        links::put_fingerprints(&mut self.client, fingerprints)
    }

    fn fingerprints(&mut self) -> Result<Vec<Fingerprint>, StoreError> {
        links::fingerprints(&mut self.client)
    }

    fn replace_duplicates(&mut self, groups: &[(String, Vec<String>)]) -> Result<(), StoreError> {
        links::replace_duplicates(&mut self.client, groups)
    }

    fn duplicate_groups(&mut self, limit: usize) -> Result<Vec<DuplicateGroup>, StoreError> {
        links::duplicate_groups(&mut self.client, limit)
    }

    fn article_listing(&mut self, paging: Paging) -> Result<Listed<ArticleListing>, StoreError> {
        browse::article_listing(&mut self.client, paging)
    }

    fn quotes(&mut self, filter: &QuoteFilter) -> Result<Listed<QuoteRecord>, StoreError> {
        browse::quotes(&mut self.client, filter)
    }

    fn events(&mut self, filter: &EventFilter) -> Result<Listed<EventRecord>, StoreError> {
        browse::events(&mut self.client, filter)
    }

    fn unstoried(&mut self, limit: usize) -> Result<Vec<StorySignals>, StoreError> {
        stories::unstoried(&mut self.client, limit)
    }

    fn storied_between(
        &mut self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> Result<Vec<StorySignals>, StoreError> {
        stories::storied_between(&mut self.client, from, to)
    }

    fn assign_stories(&mut self, assignments: &[StoryAssignment]) -> Result<Vec<i64>, StoreError> {
        stories::assign_stories(&mut self.client, assignments)
    }

    fn stories(&mut self, limit: usize, offset: usize) -> Result<Vec<StorySummary>, StoreError> {
        stories::stories(&mut self.client, limit, offset)
    }

    fn story(&mut self, id: i64) -> Result<Option<Story>, StoreError> {
        stories::story(&mut self.client, id)
    }

    fn story_of(&mut self, article_id: &str) -> Result<Option<i64>, StoreError> {
        stories::story_of(&mut self.client, article_id)
    }

    fn story_timeline_rows(&mut self, id: i64) -> Result<Vec<TimelineRow>, StoreError> {
        stories::story_timeline_rows(&mut self.client, id)
    }

    fn story_summary(&mut self, id: i64) -> Result<Option<StorySummary>, StoreError> {
        stories::story_summary(&mut self.client, id)
    }

    fn story_members_page(
        &mut self,
        id: i64,
        paging: Paging,
    ) -> Result<Listed<StoryMember>, StoreError> {
        stories::story_members_page(&mut self.client, id, paging)
    }

    fn story_timeline_page(
        &mut self,
        id: i64,
        kinds: TimelineKinds,
        paging: Paging,
    ) -> Result<Listed<TimelineRow>, StoreError> {
        story_timeline::page(&mut self.client, id, kinds, paging)
    }

    fn story_timeline_after(
        &mut self,
        id: i64,
        after: Option<i64>,
        limit: usize,
    ) -> Result<TimelineChunk, StoreError> {
        story_timeline::after(&mut self.client, id, after, limit)
    }

    fn story_parties(&mut self, id: i64, limit: usize) -> Result<Vec<StoryParty>, StoreError> {
        story_timeline::parties(&mut self.client, id, limit)
    }

    fn article_ids_after(
        &mut self,
        after: i64,
        limit: usize,
    ) -> Result<Vec<(i64, String)>, StoreError> {
        aggregates::article_ids_after(&mut self.client, after, limit)
    }

    fn annotation_page(
        &mut self,
        filter: &AnnotationFilter,
        after: i64,
        articles: usize,
    ) -> Result<AnnotationPage, StoreError> {
        aggregates::annotation_page(&mut self.client, filter, after, articles)
    }

    fn article_layers_after(
        &mut self,
        value_layers: &[&str],
        count_layers: &[&str],
        after: i64,
        limit: usize,
    ) -> Result<Vec<ArticleLayers>, StoreError> {
        aggregates::article_layers_after(&mut self.client, value_layers, count_layers, after, limit)
    }

    fn find_actors(
        &mut self,
        needle: &str,
        limit: usize,
    ) -> Result<Vec<ActorCandidate>, StoreError> {
        aggregates::find_actors(&mut self.client, needle, limit)
    }

    fn claim_groups(&mut self) -> Result<Vec<crate::ClaimGroup>, StoreError> {
        claim_groups::claim_groups(&mut self.client)
    }

    fn article_names_after(
        &mut self,
        after: i64,
        articles: usize,
    ) -> Result<crate::NamesPage, StoreError> {
        claim_groups::article_names_after(&mut self.client, after, articles)
    }
}

/// Adds what was being done to a PostgreSQL error.
pub(crate) trait PgContext<T> {
    fn ctx(self, context: impl FnOnce() -> String) -> Result<T, StoreError>;
}

impl<T> PgContext<T> for Result<T, ::postgres::Error> {
    fn ctx(self, context: impl FnOnce() -> String) -> Result<T, StoreError> {
        self.map_err(|cause| StoreError::Postgres {
            context: context(),
            cause,
        })
    }
}
