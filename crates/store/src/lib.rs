//! Storage of parley's articles and their annotations: SQLite by default, PostgreSQL for teams.
//!
//! A [`Store`] keeps every analysed [`Document`](parley_core::Document): the article (its body is
//! what every span points into) and all its annotations. It is what `parley ingest` writes and
//! `parley search` (and later link, serve, export) read.
//!
//! - **One transaction per batch** ([`Store::put_batch`]): an article is stored with all its
//!   annotations or not at all, so a killed process leaves a consistent store and a rerun
//!   completes it.
//! - **Idempotent**: an article is keyed by its id (the hash of its normalised body); storing it
//!   again changes nothing and is reported as [`PutOutcome::AlreadyStored`]. A page whose URL is
//!   already stored with another body is a new **revision** that links to the previous one.
//! - **Generic annotations**: each element of each list in `Analysis` (entities, quotes,
//!   events, claims, framing signals, and whatever later stages add) is one row with typed
//!   columns for what queries need (span, kind, code, actor, country, date) and the full JSON
//!   for the rest, so a new annotation field needs no schema change (see [`rows`]).
//! - **Versioned migrations** in `migrations/<backend>/NNNN_name.sql`, recorded in a
//!   `schema_version` table.
//!
//! Backends: [`sqlite::SqliteStore`] (rusqlite, bundled SQLite, WAL, FTS5) and, with the cargo
//! feature `postgres`, `postgres::PgStore` (same schema and behaviour, safe for many concurrent
//! writers). [`open`] picks one from a location: a file path or a `postgres://` URL.

pub mod aggregates;
pub mod browse;
pub mod claim_groups;
pub mod error;
pub mod migrate;
pub mod model;
#[cfg(feature = "postgres")]
pub mod postgres;
pub mod rows;
pub mod sqlite;
pub mod story_pages;
#[doc(hidden)]
pub mod test_corpus;

pub use aggregates::{
    ActorCandidate, AnnotationFilter, AnnotationPage, AnnotationRecord, ArticleLayers, ArticleMeta,
};
pub use browse::{
    ArticleListing, ArticleRef, EventFilter, EventRecord, Listed, Paging, QuoteFilter, QuoteRecord,
};
pub use claim_groups::{ArticleNames, ClaimGroup, NamesPage, HOLDER_STANCES};
pub use error::StoreError;
pub use model::{
    lead_of, EventSignal, JoinReason, Story, StoryAssignment, StoryMember, StorySignals,
    StorySummary, StoryTarget, TimelineRow, LEAD_BYTES,
};
pub use model::{
    BatchSummary, Counts, DuplicateGroup, DuplicateMember, Fingerprint, PutOutcome, SearchHit,
    SearchQuery, StoredArticle, RANKED_MATCHES,
};
pub use story_pages::{StoryParty, TimelineChunk, TimelineKinds};

use parley_core::Document;

/// What every backend does. Methods take `&mut self` because a database connection is used by
/// one caller at a time; share a store between threads by giving each its own.
pub trait Store {
    /// Where the store is (a file path, or a URL without its password), for messages.
    fn location(&self) -> &str;

    /// Stores a batch of documents in one transaction: all of them or none. Returns one outcome
    /// per document, in order.
    fn put_batch(&mut self, docs: &[Document]) -> Result<Vec<PutOutcome>, StoreError>;

    /// One stored article with its annotations, or `None` when the id is not stored.
    fn get(&mut self, id: &str) -> Result<Option<StoredArticle>, StoreError>;

    /// The ids of every stored article, sorted.
    fn ids(&mut self) -> Result<Vec<String>, StoreError>;

    /// How much the store holds.
    fn counts(&mut self) -> Result<Counts, StoreError>;

    /// Full-text search over titles, bodies and quotes, best hits first among the
    /// [`RANKED_MATCHES`] most recently stored matches (bounded work per query).
    fn search(&mut self, query: &SearchQuery) -> Result<Vec<SearchHit>, StoreError>;

    /// Checks the store's consistency; returns one line per problem (empty when sound):
    /// database integrity, every article with all its annotations, search indexes in step,
    /// revision chains whole.
    fn check(&mut self) -> Result<Vec<String>, StoreError>;

    /// The schema version the store is at.
    fn schema_version(&mut self) -> Result<i64, StoreError>;

    /// Up to `limit` articles that have no fingerprint yet, as `(id, body)`, in storing order.
    fn unfingerprinted(&mut self, limit: usize) -> Result<Vec<(String, String)>, StoreError>;

    /// Stores body fingerprints `(id, simhash)`; an article that already has one keeps it.
    fn put_fingerprints(&mut self, fingerprints: &[(String, u64)]) -> Result<(), StoreError>;

    /// Every stored fingerprint.
    fn fingerprints(&mut self) -> Result<Vec<Fingerprint>, StoreError>;

    /// Replaces all near-duplicate groups, given as `(original id, copy ids)`, in one
    /// transaction.
    fn replace_duplicates(&mut self, groups: &[(String, Vec<String>)]) -> Result<(), StoreError>;

    /// The stored near-duplicate groups, largest first, at most `limit`.
    fn duplicate_groups(&mut self, limit: usize) -> Result<Vec<DuplicateGroup>, StoreError>;

    // Browsing: bounded pages for the server's lists (see [`browse`]).

    /// A page of the article index in id order, with annotation counts per article.
    fn article_listing(&mut self, paging: Paging) -> Result<Listed<ArticleListing>, StoreError>;

    /// A page of quotes, by the date of their article (oldest first, undated last).
    fn quotes(&mut self, filter: &QuoteFilter) -> Result<Listed<QuoteRecord>, StoreError>;

    /// A page of events, by event date (oldest first, undated last).
    fn events(&mut self, filter: &EventFilter) -> Result<Listed<EventRecord>, StoreError>;

    // ---- Stories (migration 0003): written by `parley link`, read by `parley stories`,
    // `parley timeline` and serve.

    /// Up to `limit` articles in no story yet, with their story signals, in storing order.
    fn unstoried(&mut self, limit: usize) -> Result<Vec<StorySignals>, StoreError>;

    /// The articles already in a story that were published between `from` and `to`
    /// (inclusive), with their signals and story: what new articles are compared with.
    fn storied_between(
        &mut self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> Result<Vec<StorySignals>, StoreError>;

    /// Puts articles in stories in one transaction, creating the new ones, and refreshes the
    /// label, dates and size of every story touched. An article already in a story keeps it.
    /// Returns the story id of each assignment, in order.
    fn assign_stories(&mut self, assignments: &[StoryAssignment]) -> Result<Vec<i64>, StoreError>;

    /// Stories, most recent first (latest member's date, then size), skipping `offset`.
    fn stories(&mut self, limit: usize, offset: usize) -> Result<Vec<StorySummary>, StoreError>;

    /// One story with its members (earliest first), or `None` when no story has that id.
    fn story(&mut self, id: i64) -> Result<Option<Story>, StoreError>;

    /// The story an article is in, if any.
    fn story_of(&mut self, article_id: &str) -> Result<Option<i64>, StoreError>;

    /// The events and quotes of a story's articles, by article and position: what
    /// `parley_link::timeline` orders into a timeline.
    fn story_timeline_rows(&mut self, id: i64) -> Result<Vec<TimelineRow>, StoreError>;

    // Bounded reads of one story, whatever its size (see [`story_pages`]).

    /// One story's summary without its members, or `None` when no story has that id.
    fn story_summary(&mut self, id: i64) -> Result<Option<StorySummary>, StoreError>;

    /// A page of a story's members (earliest first, as [`Store::story`] lists them), with
    /// their number.
    fn story_members_page(
        &mut self,
        id: i64,
        paging: Paging,
    ) -> Result<Listed<StoryMember>, StoreError>;

    /// A page of a story's timeline rows of `kinds`, in timeline order (see [`story_pages`]),
    /// with the number of rows in the whole timeline.
    fn story_timeline_page(
        &mut self,
        id: i64,
        kinds: TimelineKinds,
        paging: Paging,
    ) -> Result<Listed<TimelineRow>, StoreError>;

    /// Up to `limit` rows of a story's whole timeline in timeline order, after the row whose
    /// annotation id `after` is (a chunk's `next`; `None`: from the start). Each chunk costs the
    /// same however deep it is (see [`story_pages`]); an unknown `after` gives no rows.
    fn story_timeline_after(
        &mut self,
        id: i64,
        after: Option<i64>,
        limit: usize,
    ) -> Result<TimelineChunk, StoreError>;

    /// The `limit` parties of a story with the most events and quotes (then by name), each
    /// with its event codes.
    fn story_parties(&mut self, id: i64, limit: usize) -> Result<Vec<StoryParty>, StoreError>;

    // --- Aggregate reads (positions, claim × outlet matrix, outlet profiles, exports). ---
    // Paged by article in storing order: start with cursor 0 and pass back what a page gives.

    /// Up to `limit` article ids after cursor `after`, in storing order, each with its cursor.
    fn article_ids_after(
        &mut self,
        after: i64,
        limit: usize,
    ) -> Result<Vec<(i64, String)>, StoreError>;

    /// The annotation rows matching `filter` of the next `articles` articles after cursor
    /// `after`, in storing order (rows of one article in layer, seq order).
    fn annotation_page(
        &mut self,
        filter: &AnnotationFilter,
        after: i64,
        articles: usize,
    ) -> Result<AnnotationPage, StoreError>;

    /// Up to `limit` articles after cursor `after`, each with the single values of
    /// `value_layers` and the row counts per code of `count_layers`.
    fn article_layers_after(
        &mut self,
        value_layers: &[&str],
        count_layers: &[&str],
        after: i64,
        limit: usize,
    ) -> Result<Vec<ArticleLayers>, StoreError>;

    /// Actors whose stored id equals `needle` or whose id or name contains it
    /// (case-insensitive), over entity mentions, quote speakers, event sources and claim
    /// holders; most mentioned first, at most `limit` (id, name) pairs considered. An id
    /// stored exactly as `needle` is the only answer when there is one.
    fn find_actors(
        &mut self,
        needle: &str,
        limit: usize,
    ) -> Result<Vec<ActorCandidate>, StoreError>;

    // --- Claim × outlet matrix reads (see [`claim_groups`]): grouped in the database. ---

    /// Every claim grouped by its stored key and its article's outlet, ordered by key then
    /// outlet (claims without a key included, as groups with no key).
    fn claim_groups(&mut self) -> Result<Vec<ClaimGroup>, StoreError>;

    /// The names (entity mentions, claim-key actors) of the next `articles` articles after
    /// cursor `after`, in storing order; articles without any are left out of the page.
    fn article_names_after(&mut self, after: i64, articles: usize)
        -> Result<NamesPage, StoreError>;
}

/// Opens (creating and migrating when needed) the store at `location`: a `postgres://` or
/// `postgresql://` URL for PostgreSQL, anything else a SQLite file path.
pub fn open(location: &str) -> Result<Box<dyn Store + Send>, StoreError> {
    if is_postgres_url(location) {
        open_postgres(location)
    } else {
        Ok(Box::new(sqlite::SqliteStore::open(location)?))
    }
}

/// True for locations that name a PostgreSQL server.
pub fn is_postgres_url(location: &str) -> bool {
    location.starts_with("postgres://") || location.starts_with("postgresql://")
}

#[cfg(feature = "postgres")]
fn open_postgres(location: &str) -> Result<Box<dyn Store + Send>, StoreError> {
    Ok(Box::new(postgres::PgStore::open(location)?))
}

#[cfg(not(feature = "postgres"))]
fn open_postgres(location: &str) -> Result<Box<dyn Store + Send>, StoreError> {
    Err(StoreError::Unsupported(format!(
        "{}: this parley was built without PostgreSQL support; rebuild with `cargo build --release --features postgres`",
        model::redact_url(location)
    )))
}
