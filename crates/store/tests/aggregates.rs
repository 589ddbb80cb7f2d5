//! The aggregate reads (paged ids, annotation pages, per-article layer summaries, actor
//! look-up), run against SQLite always and against PostgreSQL when PARLEY_TEST_POSTGRES is set.

mod common;

use common::*;
use parley_core::{Claim, Event, Quote};
use parley_store::{AnnotationFilter, Store};

const DOCS: usize = 11;

fn filled(store: &mut dyn Store) -> Vec<parley_core::Document> {
    let docs: Vec<_> = (0..DOCS).map(document).collect();
    store.put_batch(&docs).unwrap();
    docs
}

/// Every row matching `filter`, read in pages of `per_page` articles.
fn all_rows(
    store: &mut dyn Store,
    filter: &AnnotationFilter,
    per_page: usize,
) -> (Vec<parley_store::AnnotationRecord>, usize) {
    let (mut rows, mut pages, mut after) = (Vec::new(), 0, 0);
    loop {
        let page = store.annotation_page(filter, after, per_page).unwrap();
        pages += 1;
        rows.extend(page.rows);
        match page.next {
            Some(next) => after = next,
            None => return (rows, pages),
        }
    }
}

fn reads_aggregates(store: &mut dyn Store) {
    let docs = filled(store);

    // Ids page through the store in storing order (a batch's order is the backend's).
    let mut ids = Vec::new();
    let mut after = 0;
    loop {
        let page = store.article_ids_after(after, 4).unwrap();
        let Some(last) = page.last() else { break };
        assert!(page.first().unwrap().0 > after);
        after = last.0;
        ids.extend(page.into_iter().map(|(_, id)| id));
    }
    let mut expected: Vec<String> = docs.iter().map(|d| d.id.clone()).collect();
    expected.sort();
    ids.sort();
    assert_eq!(ids, expected);
    let doc_of = |id: &str| docs.iter().find(|d| d.id == id).unwrap();

    // Annotation pages cover every article once, rows decode to their types.
    let (events, pages) = all_rows(store, &AnnotationFilter::layers(&["events"]), 3);
    assert_eq!((events.len(), pages), (DOCS, 4));
    let doc = doc_of(&events[0].article.id);
    assert_eq!(events[0].article.outlet, doc.outlet);
    assert_eq!(events[0].article.published, doc.published);
    let event: Event = events[0].decode().unwrap();
    assert_eq!(event, doc.analysis.events[0]);
    let (rows, _) = all_rows(store, &AnnotationFilter::layers(&["quotes", "claims"]), 100);
    assert_eq!(rows.len(), 3 * DOCS);
    let first_quote = rows.iter().find(|r| r.layer == "quotes").unwrap();
    let quote: Quote = first_quote.decode().unwrap();
    assert_eq!(quote, doc_of(&first_quote.article.id).analysis.quotes[0]);
    let first_claim = rows.iter().find(|r| r.layer == "claims").unwrap();
    let claim: Claim = first_claim.decode().unwrap();
    assert_eq!(claim, doc_of(&first_claim.article.id).analysis.claims[0]);

    // By actor: ids match rows with that id; names only rows without an id.
    let blinken = AnnotationFilter {
        actor_ids: vec!["USAGOV:blinken".into()],
        ..AnnotationFilter::layers(&["quotes", "events", "entities"])
    };
    let (rows, _) = all_rows(store, &blinken, 5);
    assert_eq!(rows.len(), 3 * DOCS, "2 mentions and 1 quote per article");
    assert!(
        rows.iter().all(|r| r.layer != "events"),
        "Blinken is never a source"
    );
    let by_name = AnnotationFilter {
        actor_names: vec!["PESKOV".into()],
        ..AnnotationFilter::layers(&["claims"])
    };
    assert!(
        all_rows(store, &by_name, 5).0.is_empty(),
        "Peskov's rows have his id"
    );

    // Per-article layer summaries: single values and counts per code.
    let layers = store
        .article_layers_after(
            &["framing.tone.word_count"],
            &["framing.signals", "quotes"],
            0,
            100,
        )
        .unwrap();
    assert_eq!(layers.len(), DOCS);
    assert_eq!(layers[0].number("framing.tone.word_count"), Some(0.0));
    assert_eq!(layers[0].count("framing.signals", Some("name_calling")), 1);
    assert_eq!(layers[0].count("quotes", None), 2);
    let rest = store
        .article_layers_after(&[], &[], layers[4].cursor, 100)
        .unwrap();
    assert_eq!(rest.len(), DOCS - 5);

    // Actors by id or name, grouped by id, most mentioned first.
    let found = store.find_actors("LAVROV", 50).unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].actor_id.as_deref(), Some("RUSGOV:lavrov"));
    assert_eq!(
        found[0].mentions,
        4 * DOCS as i64,
        "2 mentions, a quote, an event"
    );
    assert!(store.find_actors("nobody-here", 50).unwrap().is_empty());
    // An exact id answers alone ("RUSGOV" is part of two ids, but no id is "RUSGOV:peskov"'s
    // prefix match when asked exactly).
    let exact = store.find_actors("RUSGOV:peskov", 50).unwrap();
    assert_eq!(exact.len(), 1);
    assert_eq!(exact[0].mentions, 2 * DOCS as i64, "a mention and a claim");
    assert_eq!(store.find_actors("rusgov", 50).unwrap().len(), 2);
    let usa = store.find_actors("usagov", 50).unwrap();
    assert_eq!(usa[0].names, vec!["Blinken"]);
}

#[test]
fn sqlite_reads_aggregates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.sqlite");
    let mut store = parley_store::open(path.to_str().unwrap()).unwrap();
    reads_aggregates(store.as_mut());
}

#[test]
fn sqlite_pages_seek_each_articles_layers_not_a_whole_layer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.sqlite");
    drop(parley_store::open(path.to_str().unwrap()).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let plan: Vec<String> = conn
        .prepare(
            "EXPLAIN QUERY PLAN SELECT n.data FROM articles a CROSS JOIN annotations n
             ON n.article_seq = a.seq WHERE a.seq > 1 AND a.seq <= 9 AND n.layer IN ('claims')
             ORDER BY a.seq, n.layer, n.seq",
        )
        .unwrap()
        .query_map([], |r| r.get::<_, String>(3))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let plan = plan.join("; ");
    assert!(plan.contains("(article_seq=? AND layer=?)"), "{plan}");
    assert!(
        !plan.contains("annotations_layer_code") && !plan.contains("TEMP B-TREE"),
        "{plan}"
    );
}

#[cfg(feature = "postgres")]
#[test]
fn postgres_reads_aggregates() {
    let Some(url) = pg_url() else { return };
    let location = fresh_pg_schema(&url, "aggregates_test");
    let mut store = parley_store::open(&location).unwrap();
    reads_aggregates(store.as_mut());
}

/// Documents 0..6 (outlets Reuters, TASS, AP in turn) whose claim has a key naming Russia and
/// Ukraine, written differently (case, order, repeats) in odd and even documents.
fn keyed_documents() -> Vec<parley_core::Document> {
    (0..6)
        .map(|i| {
            let mut doc = document(i);
            let actors: &[&str] = if i % 2 == 0 {
                &["Ukraine", "russia"]
            } else {
                &["russia", "ukraine", "Russia"]
            };
            doc.analysis.claims[0].key = Some(parley_core::claim::ClaimKey {
                actors: actors.iter().map(|a| a.to_string()).collect(),
                event_code: None,
                polarity: 1,
            });
            doc
        })
        .collect()
}

fn groups_claims_and_reads_names(store: &mut dyn Store) {
    let docs = keyed_documents();
    store.put_batch(&docs).unwrap();
    let extra = document(6); // a claim without a key
    store.put_batch(std::slice::from_ref(&extra)).unwrap();

    let groups = store.claim_groups().unwrap();
    let keyed: Vec<_> = groups.iter().filter(|g| g.key.is_some()).collect();
    // One group per outlet: the key's spellings are one key.
    assert_eq!(keyed.len(), 3, "{groups:?}");
    let key: serde_json::Value = serde_json::from_str(keyed[0].key.as_deref().unwrap()).unwrap();
    assert_eq!(key["actors"], serde_json::json!(["russia", "ukraine"]));
    let mut outlets: Vec<_> = keyed.iter().map(|g| g.outlet.clone().unwrap()).collect();
    outlets.sort();
    assert_eq!(outlets, ["AP", "Reuters", "TASS"]);
    for g in &keyed {
        assert_eq!((g.claims, g.articles), (2, 2), "{g:?}");
        // Peskov's claim: holder kind "source", stance "asserts" (HOLDER_STANCES[5]).
        assert_eq!(g.stances[5], 2, "{g:?}");
        assert_eq!(g.stances.iter().sum::<i64>(), 2, "{g:?}");
        assert_eq!(g.example.as_deref(), Some("a provocation"));
        assert!(g.first <= g.last && g.first.is_some());
    }
    let reuters = keyed
        .iter()
        .find(|g| g.outlet.as_deref() == Some("Reuters"))
        .unwrap();
    assert_eq!(reuters.first_claim.1, 0);
    let unkeyed: i64 = groups
        .iter()
        .filter(|g| g.key.is_none())
        .map(|g| g.claims)
        .sum();
    assert_eq!(unkeyed, 1);

    // Names, a page of 4 articles at a time: entity texts and actor names, key actors.
    let (mut pages, mut after, mut articles) = (0, 0, Vec::new());
    loop {
        let page = store.article_names_after(after, 4).unwrap();
        pages += 1;
        articles.extend(page.articles);
        match page.next {
            Some(next) => after = next,
            None => break,
        }
    }
    assert_eq!((pages, articles.len()), (2, 7));
    assert!(articles.windows(2).all(|w| w[0].cursor < w[1].cursor));
    let first = &articles[0];
    assert!(
        first.entity_names.iter().any(|n| n == "Peskov"),
        "{first:?}"
    );
    assert_eq!(first.key_actors.len(), 1, "{first:?}");
    let actors: Vec<String> = serde_json::from_str(&first.key_actors[0]).unwrap();
    assert!(
        actors.iter().any(|a| a.eq_ignore_ascii_case("russia")),
        "{actors:?}"
    );
    assert!(articles[6].key_actors.is_empty());
    assert!(articles
        .iter()
        .all(|a| a.outlet.is_some() && a.published.is_some()));
}

#[test]
fn sqlite_groups_claims_and_reads_names() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.sqlite");
    let mut store = parley_store::open(path.to_str().unwrap()).unwrap();
    groups_claims_and_reads_names(store.as_mut());
}

#[cfg(feature = "postgres")]
#[test]
fn postgres_groups_claims_and_reads_names() {
    let Some(url) = pg_url() else { return };
    let location = fresh_pg_schema(&url, "claim_groups_test");
    let mut store = parley_store::open(&location).unwrap();
    groups_claims_and_reads_names(store.as_mut());
}
