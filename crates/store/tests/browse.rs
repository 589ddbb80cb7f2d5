//! Paged browsing reads (article index, quotes, events), run against SQLite always and
//! against PostgreSQL when PARLEY_TEST_POSTGRES is set.

mod common;

use common::*;
use parley_store::{EventFilter, Paging, QuoteFilter, Store};

fn paging(offset: usize, limit: usize) -> Paging {
    Paging { offset, limit }
}

/// Documents 0..12; document `i`'s event is dated 2022-01-(i+1) and document 5's event has
/// code 112 and no target.
fn stored(store: &mut dyn Store) -> Vec<parley_core::Document> {
    let docs: Vec<_> = (0..12)
        .map(|i| {
            let mut d = document(i);
            let e = &mut d.analysis.events[0];
            e.date = chrono::NaiveDate::from_ymd_opt(2022, 1, 1 + i as u32);
            if i == 5 {
                e.code = "112".into();
                e.target = None;
            }
            d
        })
        .collect();
    store.put_batch(&docs).unwrap();
    docs
}

fn browses_by_page_and_filter(store: &mut dyn Store) {
    let docs = stored(store);

    // The article index: id order, counts per layer, a total, bounded pages.
    let page = store.article_listing(paging(0, 5)).unwrap();
    assert_eq!(page.total, 12);
    assert_eq!(page.items.len(), 5);
    let mut ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    ids.sort_unstable();
    let listed: Vec<&str> = page.items.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(listed, ids[..5]);
    let first = &page.items[0];
    assert_eq!(
        (first.entities, first.quotes, first.events, first.claims),
        (5, 2, 1, 1)
    );
    let tail = store.article_listing(paging(10, 5)).unwrap();
    assert_eq!(tail.items.len(), 2);
    assert!(store
        .article_listing(paging(50, 5))
        .unwrap()
        .items
        .is_empty());

    // Quotes by speaker id or by name in any case; oldest article first.
    let by_id = store
        .quotes(&QuoteFilter {
            speaker: Some("RUSGOV:lavrov".into()),
            paging: paging(0, 100),
        })
        .unwrap();
    assert_eq!(by_id.total, 12);
    assert!(by_id
        .items
        .iter()
        .all(|q| q.speaker.as_deref() == Some("Lavrov")));
    let dates: Vec<_> = by_id
        .items
        .iter()
        .map(|q| q.article.published.clone())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    let q = &by_id.items[0];
    let doc = docs.iter().find(|d| d.id == q.article.id).unwrap();
    assert_eq!(q.index, 0);
    assert_eq!(
        q.text.as_deref(),
        Some(doc.analysis.quotes[0].span.text.as_str())
    );
    assert_eq!(q.start, Some(doc.analysis.quotes[0].span.start as i64));
    let by_name = store
        .quotes(&QuoteFilter {
            speaker: Some("lAVROV".into()),
            paging: paging(0, 3),
        })
        .unwrap();
    assert_eq!((by_name.total, by_name.items.len()), (12, 3));
    let all = store
        .quotes(&QuoteFilter {
            speaker: None,
            paging: paging(0, 1),
        })
        .unwrap();
    assert_eq!((all.total, all.items.len()), (24, 1));
    let nobody = store
        .quotes(&QuoteFilter {
            speaker: Some("Nobody".into()),
            paging: paging(0, 10),
        })
        .unwrap();
    assert_eq!((nobody.total, nobody.items.len()), (0, 0));

    // Events by actor on either side, code prefix and date range, in date order.
    let events = |actor: Option<&str>, code: Option<&str>, from: Option<u32>, to: Option<u32>| {
        let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2022, 1, d).unwrap();
        EventFilter {
            actor: actor.map(String::from),
            code: code.map(String::from),
            from: from.map(day),
            to: to.map(day),
            paging: paging(0, 100),
        }
    };
    let all = store.events(&events(None, None, None, None)).unwrap();
    assert_eq!(all.total, 12);
    let dates: Vec<_> = all.items.iter().map(|e| e.date.clone().unwrap()).collect();
    assert_eq!(dates.first().map(String::as_str), Some("2022-01-01"));
    assert_eq!(dates.last().map(String::as_str), Some("2022-01-12"));
    assert_eq!(all.items[0].target.as_deref(), Some("Blinken"));
    let as_target = store
        .events(&events(Some("blinken"), None, None, None))
        .unwrap();
    assert_eq!(as_target.total, 11, "document 5's event has no target");
    let as_target_id = store
        .events(&events(Some("USAGOV:blinken"), None, None, None))
        .unwrap();
    assert_eq!(as_target_id.total, 11);
    let as_source = store
        .events(&events(Some("Lavrov"), None, None, None))
        .unwrap();
    assert_eq!(as_source.total, 12);
    let consult = store.events(&events(None, Some("03"), None, None)).unwrap();
    assert_eq!(consult.total, 11);
    let exact = store
        .events(&events(None, Some("112"), None, None))
        .unwrap();
    assert_eq!(exact.total, 1);
    assert_eq!(exact.items[0].article.id, docs[5].id);
    assert_eq!(exact.items[0].index, 0);
    let range = store.events(&events(None, None, Some(3), Some(5))).unwrap();
    assert_eq!(range.total, 3);
    let combined = store
        .events(&events(Some("Lavrov"), Some("036"), Some(4), Some(7)))
        .unwrap();
    assert_eq!(combined.total, 3, "days 4, 5 (code 112: out), 6, 7");
    let paged = store
        .events(&EventFilter {
            paging: paging(10, 5),
            ..events(None, None, None, None)
        })
        .unwrap();
    assert_eq!((paged.total, paged.items.len()), (12, 2));
}

#[test]
fn sqlite_browses_by_page_and_filter() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("browse.sqlite");
    let mut store = parley_store::open(path.to_str().unwrap()).unwrap();
    browses_by_page_and_filter(store.as_mut());
}

#[cfg(feature = "postgres")]
#[test]
fn postgres_browses_by_page_and_filter() {
    let Some(url) = pg_url() else { return };
    let location = fresh_pg_schema(&url, "browse_test");
    let mut store = parley_store::open(&location).unwrap();
    browses_by_page_and_filter(store.as_mut());
}
