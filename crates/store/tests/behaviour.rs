//! The behaviour every backend must have, run against SQLite always and against PostgreSQL
//! when PARLEY_TEST_POSTGRES is set (scripts/postgres.sh starts a server and prints its URL).

mod common;

use common::*;
use parley_core::framing::{SentenceFraming, Tone};
use parley_core::Span;
use parley_store::model::HitIn;
use parley_store::{PutOutcome, SearchQuery, Store};

fn behaves_like_a_store(store: &mut dyn Store) {
    // A fresh store is at the latest schema version and empty.
    assert!(store.schema_version().unwrap() >= 1);
    assert_eq!(store.counts().unwrap().articles, 0);

    // Stored documents read back whole, annotations included.
    let docs: Vec<_> = (0..9).map(document).collect();
    let out = store.put_batch(&docs).unwrap();
    assert!(out.iter().all(|o| *o == PutOutcome::Inserted), "{out:?}");
    for doc in &docs {
        let stored = store.get(&doc.id).unwrap().expect("stored");
        assert_eq!(&stored.document, doc);
        assert_eq!((stored.revision, stored.previous_id), (1, None));
        assert!(stored.ingested_at.ends_with('Z'), "{}", stored.ingested_at);
    }
    assert!(store.get("0000000000000000").unwrap().is_none());

    // The same documents again change nothing.
    let before = store.counts().unwrap();
    let out = store.put_batch(&docs[..3]).unwrap();
    assert_eq!(out, vec![PutOutcome::AlreadyStored; 3]);
    assert_eq!(store.counts().unwrap(), before);

    // Document 9 has document 8's URL and a new body: revision 2, linked to 8.
    let out = store.put_batch(&[document(9), document(10)]).unwrap();
    assert_eq!(
        out,
        vec![
            PutOutcome::Revision {
                revision: 2,
                previous_id: docs[8].id.clone()
            },
            PutOutcome::Inserted
        ]
    );
    let counts = store.counts().unwrap();
    assert_eq!((counts.articles, counts.revisions), (11, 1));
    assert_eq!(counts.annotations, 11 * annotations_per_document());
    assert_eq!(counts.quotes, 22);

    // Search finds bodies and quotes, with snippets that mark the words.
    let hits = store.search(&SearchQuery::new("Geneva (7)")).unwrap();
    let article_hits: Vec<_> = hits
        .iter()
        .filter(|h| h.found_in == HitIn::Article)
        .collect();
    assert_eq!(
        article_hits.first().map(|h| h.id.as_str()),
        Some(docs[7].id.as_str()),
        "{hits:?}"
    );
    assert!(
        article_hits[0].snippet.contains("[Geneva]"),
        "{}",
        article_hits[0].snippet
    );
    let hits = store.search(&SearchQuery::new("reject outright")).unwrap();
    let quote_hits: Vec<_> = hits.iter().filter(|h| h.found_in == HitIn::Quote).collect();
    assert_eq!(quote_hits.len(), 11, "{hits:?}");
    assert_eq!(quote_hits[0].speaker.as_deref(), Some("Lavrov"));
    assert!(quote_hits[0].start.is_some() && quote_hits[0].end.is_some());

    // Ids come sorted; the store is consistent.
    let ids = store.ids().unwrap();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    assert_eq!(ids.len(), 11);
    let problems = store.check().unwrap();
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn sqlite_behaves_like_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.sqlite");
    let mut store = parley_store::open(path.to_str().unwrap()).unwrap();
    behaves_like_a_store(store.as_mut());
}

#[cfg(feature = "postgres")]
#[test]
fn postgres_behaves_like_a_store() {
    let Some(url) = pg_url() else { return };
    let location = fresh_pg_schema(&url, "behaviour_test");
    let mut store = parley_store::open(&location).unwrap();
    assert!(!store.location().contains("secret"));
    behaves_like_a_store(store.as_mut());
}

#[cfg(feature = "postgres")]
#[test]
fn postgres_refuses_a_schema_from_a_newer_parley() {
    let Some(url) = pg_url() else { return };
    let location = fresh_pg_schema(&url, "newer_test");
    drop(parley_store::open(&location).unwrap());
    let mut client = postgres::Client::connect(&location, postgres::NoTls).unwrap();
    client
        .execute(
            "INSERT INTO schema_version (version, name) VALUES (999, 'future')",
            &[],
        )
        .unwrap();
    let err = parley_store::open(&location).err().unwrap().to_string();
    assert!(err.contains("schema version 999"), "{err}");
}

#[cfg(not(feature = "postgres"))]
#[test]
fn a_postgres_url_without_the_feature_says_how_to_get_it() {
    let err = parley_store::open("postgres://u:secret@127.0.0.1/db")
        .err()
        .unwrap()
        .to_string();
    assert!(
        err.contains("--features postgres") && !err.contains("secret"),
        "{err}"
    );
}

/// Fingerprints are stored once; near-duplicate groups are replaced whole and read back with
/// their original first.
fn keeps_fingerprints_and_duplicate_groups(store: &mut dyn Store) {
    let docs: Vec<_> = (0..5).map(document).collect();
    store.put_batch(&docs).unwrap();
    let todo = store.unfingerprinted(3).unwrap();
    assert_eq!(todo.len(), 3);
    assert_eq!(todo[0], (docs[0].id.clone(), docs[0].text.clone()));
    let rows: Vec<(String, u64)> = todo
        .iter()
        .map(|(id, _)| (id.clone(), u64::MAX - 1))
        .collect();
    store.put_fingerprints(&rows).unwrap();
    store.put_fingerprints(&[(docs[0].id.clone(), 7)]).unwrap(); // already there: kept
    let rest = store.unfingerprinted(100).unwrap();
    assert_eq!(rest.len(), 2);
    let fps = store.fingerprints().unwrap();
    assert_eq!(fps.len(), 3);
    assert_eq!(
        fps[0].simhash,
        u64::MAX - 1,
        "64-bit values survive the signed column"
    );
    assert_eq!(fps[0].published, docs[0].published);

    let groups = vec![(
        docs[2].id.clone(),
        vec![docs[0].id.clone(), docs[1].id.clone()],
    )];
    store.replace_duplicates(&groups).unwrap();
    store.replace_duplicates(&groups).unwrap();
    let stored = store.duplicate_groups(10).unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].original.id, docs[2].id);
    let mut copies: Vec<_> = stored[0].copies.iter().map(|c| c.id.clone()).collect();
    copies.sort();
    let mut expected = vec![docs[0].id.clone(), docs[1].id.clone()];
    expected.sort();
    assert_eq!(copies, expected);
    store.replace_duplicates(&[]).unwrap();
    assert!(store.duplicate_groups(10).unwrap().is_empty());
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn sqlite_keeps_fingerprints_and_duplicate_groups() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.sqlite");
    let mut store = parley_store::open(path.to_str().unwrap()).unwrap();
    keeps_fingerprints_and_duplicate_groups(store.as_mut());
}

#[cfg(feature = "postgres")]
#[test]
fn postgres_keeps_fingerprints_and_duplicate_groups() {
    let Some(url) = pg_url() else { return };
    let location = fresh_pg_schema(&url, "links_test");
    let mut store = parley_store::open(&location).unwrap();
    keeps_fingerprints_and_duplicate_groups(store.as_mut());
}

/// Floats that a fast (not correctly rounded) JSON parser reads back a bit off: many
/// pseudo-random values with full 17-digit mantissas, stored as sentence bias scores.
fn floats_survive_a_round_trip(store: &mut dyn Store) {
    let mut doc = document(0);
    let mut x = 0x2545_F491_4F6C_DD1D_u64;
    doc.analysis.framing.sentences = (0..500)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            SentenceFraming {
                span: Span::new(0, 6),
                tone: Tone::default(),
                voice: "author".into(),
                bias: (x >> 11) as f64 / (1u64 << 53) as f64,
                biased: false,
            }
        })
        .collect();
    store.put_batch(std::slice::from_ref(&doc)).unwrap();
    let back = store.get(&doc.id).unwrap().expect("stored").document;
    let changed: Vec<(f64, f64)> = doc
        .analysis
        .framing
        .sentences
        .iter()
        .zip(&back.analysis.framing.sentences)
        .map(|(a, b)| (a.bias, b.bias))
        .filter(|(a, b)| a.to_bits() != b.to_bits())
        .collect();
    assert!(
        changed.is_empty(),
        "{} floats changed: {changed:?}",
        changed.len()
    );
    assert_eq!(back, doc);
}

#[test]
fn sqlite_keeps_floats_to_the_last_bit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.sqlite");
    let mut store = parley_store::open(path.to_str().unwrap()).unwrap();
    floats_survive_a_round_trip(store.as_mut());
}

#[cfg(feature = "postgres")]
#[test]
fn postgres_keeps_floats_to_the_last_bit() {
    let Some(url) = pg_url() else { return };
    let location = fresh_pg_schema(&url, "floats_test");
    let mut store = parley_store::open(&location).unwrap();
    floats_survive_a_round_trip(store.as_mut());
}
