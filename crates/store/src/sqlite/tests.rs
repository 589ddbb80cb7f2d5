use super::*;
use crate::rows::tests::rich_document;
use crate::Store;

fn temp_store() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.sqlite");
    let store = SqliteStore::open(path.to_str().unwrap()).unwrap();
    (dir, store)
}

fn with_url(mut doc: Document, url: &str) -> Document {
    doc.url = Some(url.to_string());
    doc
}

#[test]
fn a_stored_document_reads_back_with_all_its_annotations() {
    let (_d, mut s) = temp_store();
    let mut doc = rich_document("Lavrov said “no” in Geneva.");
    doc.published = chrono::NaiveDate::from_ymd_opt(2022, 1, 10);
    doc.published_from = parley_core::DateSource::Metadata;
    doc.source_id = Some("7".into());
    assert_eq!(
        s.put_batch(&[doc.clone()]).unwrap(),
        vec![PutOutcome::Inserted]
    );
    let stored = s.get(&doc.id).unwrap().unwrap();
    assert_eq!(stored.document, doc);
    assert_eq!((stored.revision, stored.previous_id), (1, None));
    assert!(s.get("nope").unwrap().is_none());
    assert!(s.check().unwrap().is_empty());
}

#[test]
fn storing_the_same_article_again_changes_nothing_and_says_so() {
    let (_d, mut s) = temp_store();
    let doc = rich_document("Lavrov said “no” in Geneva.");
    s.put_batch(std::slice::from_ref(&doc)).unwrap();
    let before = s.counts().unwrap();
    let mut again = doc.clone();
    again.source_file = "elsewhere.txt".into();
    again.title = "Another headline".into();
    assert_eq!(
        s.put_batch(&[again]).unwrap(),
        vec![PutOutcome::AlreadyStored]
    );
    assert_eq!(s.counts().unwrap(), before);
    assert_eq!(s.get(&doc.id).unwrap().unwrap().document, doc);
}

#[test]
fn the_same_id_twice_in_one_batch_is_stored_once() {
    let (_d, mut s) = temp_store();
    let doc = rich_document("Lavrov said “no” in Geneva.");
    let out = s.put_batch(&[doc.clone(), doc]).unwrap();
    assert_eq!(out, vec![PutOutcome::Inserted, PutOutcome::AlreadyStored]);
    assert_eq!(s.counts().unwrap().articles, 1);
}

#[test]
fn a_new_body_under_a_stored_url_is_a_revision_linked_to_the_previous() {
    let (_d, mut s) = temp_store();
    let url = "https://example.org/talks";
    let v1 = with_url(rich_document("Lavrov said “no” in Geneva."), url);
    let v2 = with_url(rich_document("Lavrov said “no” in Geneva on Monday."), url);
    let v3 = with_url(
        rich_document("Lavrov said “no” in Geneva on Monday night."),
        url,
    );
    assert_eq!(
        s.put_batch(std::slice::from_ref(&v1)).unwrap(),
        vec![PutOutcome::Inserted]
    );
    let out = s.put_batch(&[v2.clone(), v3.clone(), v1.clone()]).unwrap();
    assert_eq!(
        out,
        vec![
            PutOutcome::Revision {
                revision: 2,
                previous_id: v1.id.clone()
            },
            PutOutcome::Revision {
                revision: 3,
                previous_id: v2.id.clone()
            },
            PutOutcome::AlreadyStored,
        ]
    );
    let stored = s.get(&v3.id).unwrap().unwrap();
    assert_eq!(
        (stored.revision, stored.previous_id.as_deref()),
        (3, Some(v2.id.as_str()))
    );
    let c = s.counts().unwrap();
    assert_eq!((c.articles, c.revisions), (3, 2));
    assert!(s.check().unwrap().is_empty(), "{:?}", s.check().unwrap());
}

#[test]
fn a_batch_that_fails_midway_stores_nothing() {
    let (_d, mut s) = temp_store();
    s.connection()
        .execute_batch(
            "CREATE TEMP TRIGGER fail_on_claims BEFORE INSERT ON main.annotations
             WHEN NEW.layer = 'claims' AND NEW.text = 'fails'
             BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
        )
        .unwrap();
    let good = rich_document("Lavrov said “no” in Geneva.");
    let mut bad = rich_document("Lavrov said “no” too, but this claim fails.");
    bad.analysis.claims[0].span = parley_core::TextSpan::from_body(
        &bad.text,
        parley_core::Span::new(
            bad.text.find("fails").unwrap(),
            bad.text.find("fails").unwrap() + 5,
        ),
    )
    .unwrap();
    let err = s.put_batch(&[good.clone(), bad]).unwrap_err();
    assert!(err.to_string().contains("injected failure"), "{err}");
    assert!(
        err.to_string()
            .contains("cannot insert the annotations of article"),
        "{err}"
    );
    assert_eq!(s.counts().unwrap(), Counts::default());
    assert_eq!(s.put_batch(&[good]).unwrap(), vec![PutOutcome::Inserted]);
}

#[test]
fn search_finds_words_in_titles_bodies_and_quotes_with_snippets() {
    let (_d, mut s) = temp_store();
    let mut doc = rich_document("Lavrov said “no” in Geneva after talks with the U.S. delegation.");
    doc.title = "Talks end in Geneva".into();
    s.put_batch(&[
        doc.clone(),
        rich_document("Nothing to see here. Lavrov said “no” elsewhere."),
    ])
    .unwrap();
    let hits = s.search(&SearchQuery::new("geneva")).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, doc.id);
    assert!(hits[0].snippet.contains("[Geneva]"), "{}", hits[0].snippet);

    let hits = s.search(&SearchQuery::new("no")).unwrap();
    let quotes: Vec<_> = hits
        .iter()
        .filter(|h| h.found_in == crate::model::HitIn::Quote)
        .collect();
    assert_eq!(quotes.len(), 2);
    assert_eq!(quotes[0].speaker.as_deref(), Some("Lavrov"));
    assert!(quotes[0].start.is_some());

    // Punctuation and FTS5 keywords in a plain query are words, not syntax.
    assert_eq!(
        s.search(&SearchQuery::new("U.S. delegation"))
            .unwrap()
            .len(),
        1
    );
    assert!(s.search(&SearchQuery::new("NOT \"(\"")).is_ok());
    assert_eq!(
        s.search(&SearchQuery::new("\"talks with\"")).unwrap().len(),
        1
    );
    assert!(s.search(&SearchQuery::new("   ")).unwrap().is_empty());
}

#[test]
fn a_raw_query_with_bad_syntax_is_an_error_that_explains() {
    let (_d, mut s) = temp_store();
    let mut q = SearchQuery::new("talks AND (");
    q.raw = true;
    let err = s.search(&q).unwrap_err().to_string();
    assert!(err.contains("FTS5 syntax"), "{err}");
}

#[test]
fn reopening_applies_no_migration_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.sqlite");
    let path = path.to_str().unwrap();
    let mut s = SqliteStore::open(path).unwrap();
    s.put_batch(&[rich_document("Lavrov said “no” in Geneva.")])
        .unwrap();
    drop(s);
    let mut s = SqliteStore::open(path).unwrap();
    assert_eq!(
        s.schema_version().unwrap(),
        crate::migrate::latest(crate::migrate::SQLITE)
    );
    let applied: i64 = s
        .connection()
        .query_row("SELECT count(*) FROM schema_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(applied, crate::migrate::SQLITE.len() as i64);
    assert_eq!(s.counts().unwrap().articles, 1);
}

#[test]
fn a_store_from_a_newer_parley_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.sqlite");
    let path = path.to_str().unwrap();
    let s = SqliteStore::open(path).unwrap();
    s.connection()
        .execute("INSERT INTO schema_version VALUES (999, 'future', 'x')", [])
        .unwrap();
    drop(s);
    let err = SqliteStore::open(path).err().unwrap().to_string();
    assert!(
        err.contains("schema version 999") && err.contains("upgrade parley"),
        "{err}"
    );
}

#[test]
fn a_file_that_is_not_sqlite_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(
        &path,
        "this is not a database, just some words in a text file\n".repeat(20),
    )
    .unwrap();
    let err = SqliteStore::open(path.to_str().unwrap())
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("notes.txt"), "{err}");
}

#[test]
fn check_reports_an_article_missing_annotations() {
    let (_d, mut s) = temp_store();
    let doc = rich_document("Lavrov said “no” in Geneva.");
    s.put_batch(std::slice::from_ref(&doc)).unwrap();
    s.connection()
        .execute("DELETE FROM annotations WHERE layer = 'events'", [])
        .unwrap();
    let problems = s.check().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    let stored = crate::rows::annotation_rows(&doc.analysis).unwrap().len();
    assert!(
        problems[0].contains(&doc.id) && problems[0].contains(&format!("{stored} annotation")),
        "{problems:?}"
    );
}
