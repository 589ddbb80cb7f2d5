//! Shared by the store's integration tests: synthetic documents with every kind of
//! annotation, child writer processes to kill, and PostgreSQL test schemas.

#![allow(dead_code)]

use parley_core::*;
use parley_store::test_corpus::WORDS;
use std::process::{Child, Command, Stdio};

/// The URL of the test PostgreSQL server (scripts/postgres.sh prints it), if one is given.
/// With PARLEY_REQUIRE_POSTGRES set (CI), a missing server fails the test instead of skipping it.
pub fn pg_url() -> Option<String> {
    let url = std::env::var("PARLEY_TEST_POSTGRES")
        .ok()
        .filter(|u| !u.is_empty());
    if url.is_none() && std::env::var_os("PARLEY_REQUIRE_POSTGRES").is_some() {
        panic!("PARLEY_REQUIRE_POSTGRES is set but PARLEY_TEST_POSTGRES is not: run scripts/postgres.sh");
    }
    if url.is_none() {
        eprintln!(
            "skipped: set PARLEY_TEST_POSTGRES=$(scripts/postgres.sh) to run the PostgreSQL tests"
        );
    }
    url
}

/// A URL whose tables live in a fresh, empty schema `name` of the test database.
#[cfg(feature = "postgres")]
pub fn fresh_pg_schema(url: &str, name: &str) -> String {
    let mut client = postgres::Client::connect(url, postgres::NoTls).expect("test server");
    client
        .batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}"
        ))
        .unwrap();
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}options=-c%20search_path%3D{name}")
}

/// Document `i`: a body of a few paragraphs, a URL shared with document `i - 1` when
/// `i % 10 == 9` (so it is a revision), and entities, quotes, an event, a claim and framing
/// signals whose spans are taken from the body.
pub fn document(i: usize) -> Document {
    let mut x = i as u64 * 0x9E37_79B9_7F4A_7C15 + 7;
    let mut word = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        WORDS[(x % WORDS.len() as u64) as usize]
    };
    let filler: Vec<&str> = (0..80).map(|_| word()).collect();
    let body = format!(
        "Lavrov met Blinken in Geneva on Monday ({i}). \"We reject {} outright,\" Lavrov said.\n\n\
         Blinken said “{}” and warned of sanctions. {}.\n\n\
         Peskov called the proposal a provocation. {}.",
        filler[..4].join(" "),
        filler[4..10].join(" "),
        filler[10..45].join(" "),
        filler[45..].join(" ")
    );
    let span = |needle: &str, nth: usize| {
        let start = body.match_indices(needle).nth(nth).expect("needle").0;
        TextSpan::from_body(&body, Span::new(start, start + needle.len())).unwrap()
    };
    let actor = |id: &str, name: &str| ActorRef {
        id: id.into(),
        name: name.into(),
        kind: "person".into(),
        country: Some(if id.starts_with("RUS") { "RUS" } else { "USA" }.into()),
        sector: Some("GOV".into()),
    };
    let mut a = Analysis::default();
    for (needle, nth, id) in [
        ("Lavrov", 0, "RUSGOV:lavrov"),
        ("Blinken", 0, "USAGOV:blinken"),
        ("Lavrov", 1, "RUSGOV:lavrov"),
        ("Blinken", 1, "USAGOV:blinken"),
        ("Peskov", 0, "RUSGOV:peskov"),
    ] {
        a.entities.push(EntityMention {
            span: span(needle, nth),
            actor: Some(actor(id, needle)),
            found_by: "kb".into(),
        });
    }
    let quote_text = |open: char, close: char| {
        let s = body.find(open).unwrap();
        let e = s
            + body[s + open.len_utf8()..].find(close).unwrap()
            + open.len_utf8()
            + close.len_utf8();
        TextSpan::from_body(&body, Span::new(s, e)).unwrap()
    };
    for (text, who, id) in [
        (quote_text('"', '"'), "Lavrov", "RUSGOV:lavrov"),
        (quote_text('“', '”'), "Blinken", "USAGOV:blinken"),
    ] {
        a.quotes.push(Quote {
            span: text,
            kind: QuoteKind::Direct,
            speaker: Some(Speaker {
                name: who.into(),
                actor_id: Some(id.into()),
            }),
            speaker_span: None,
            speaker_unknown_reason: None,
            cue: Some(Cue {
                verb: "say".into(),
                span: span("said", 0),
                negated: false,
                modal: None,
            }),
            insertions: vec![],
            scare: false,
        });
    }
    a.events.push(Event {
        code: "036".into(),
        root: "03".into(),
        quad_class: 1,
        goldstein: 4.0,
        plover: Some(Plover {
            category: "CONSULT".into(),
            mode: None,
        }),
        source: Some(EventActor {
            name: "Lavrov".into(),
            actor_id: Some("RUSGOV:lavrov".into()),
            country: Some("RUS".into()),
            sector: Some("GOV".into()),
        }),
        target: Some(EventActor {
            name: "Blinken".into(),
            actor_id: Some("USAGOV:blinken".into()),
            country: Some("USA".into()),
            sector: Some("GOV".into()),
        }),
        date: chrono::NaiveDate::from_ymd_opt(2022, 1, 10),
        date_from: Some("text".into()),
        status: EventStatus::Occurred,
        reported_by: None,
        evidence: span("Lavrov met Blinken", 0),
        sources: vec![],
        targets: vec![],
        reciprocal: false,
        trigger: Some(span("met", 0)),
    });
    a.claims.push(Claim {
        span: span("Peskov called the proposal a provocation", 0),
        holder: ClaimHolder {
            kind: "source".into(),
            name: Some("Peskov".into()),
            actor_id: Some("RUSGOV:peskov".into()),
        },
        stance: Stance::Asserts,
        proposition: Some(span("a provocation", 0)),
        cue: None,
        target: None,
        key: None,
    });
    a.framing.signals.push(FramingSignal {
        span: span("provocation", 0),
        technique: "name_calling".into(),
        voice: "source".into(),
        term: "provocation".into(),
    });
    let url_of = if i % 10 == 9 { i - 1 } else { i };
    let mut article = Article::new(format!("Talks, day {i}"), body).with_published(
        chrono::NaiveDate::from_ymd_opt(2022, 1, 1 + (i % 28) as u32).unwrap(),
        DateSource::Metadata,
    );
    article.url = Some(format!("https://news.example/{url_of}"));
    article.outlet = Some(["Reuters", "TASS", "AP"][i % 3].into());
    Document::new(format!("gen:{i}"), article, a)
}

/// Annotation rows per generated document: 5 entities, 2 quotes, 1 event, 1 claim, 1 signal,
/// and one row for each single value of the framing summary (tone, shares, ...).
#[allow(dead_code)] // not every test binary uses it
pub fn annotations_per_document() -> i64 {
    parley_store::rows::annotation_rows(&document(0).analysis)
        .unwrap()
        .len() as i64
}

/// Starts this test binary again as a child that runs only the test `child_test`, with `env`.
pub fn spawn_child(child_test: &str, env: &[(&str, String)]) -> Child {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args(["--exact", child_test, "--nocapture", "--test-threads=1"])
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.spawn().unwrap()
}

/// Documents `from..to` in batches of `batch`, written to the store at `location`.
pub fn write_range(location: &str, from: usize, to: usize, batch: usize) {
    let mut store = parley_store::open(location).unwrap();
    let docs: Vec<Document> = (from..to).map(document).collect();
    for chunk in docs.chunks(batch) {
        store.put_batch(chunk).unwrap();
    }
}

/// Ids of documents `from..to`.
pub fn ids_of(from: usize, to: usize) -> std::collections::BTreeSet<String> {
    (from..to).map(|i| document(i).id).collect()
}
