//! Query latency on a large store: "stories list", "timeline of a story" and search (what
//! `parley search` runs). Works on both backends (build with `--features parley-store/postgres`
//! and give a postgres:// URL).
//!
//!     cargo run --release -p parley-store --example store_bench -- /tmp/big.sqlite 100000
//!     cargo run --release -p parley-link --example story_bench -- /tmp/big.sqlite [--link]
//!
//! When the store has no stories yet, they are made first: with `--link` by the real linker
//! (`parley link`'s story step; timed), else by assigning consecutive articles to stories of
//! 1 to 12 articles (store_bench's synthetic articles all share actors and words, so the
//! linker would make a few giant stories, which is not what a news corpus looks like). Then
//! 200 random pages of the story list (20 stories each), 200 story pages of random stories
//! (what `/stories/{id}` reads: summary, first 100 members, first 20 timeline entries, 8
//! parties, first 20 quotes), 20 whole timelines of random stories streamed in chunks of
//! 1,000 (what `parley timeline` reads), then 200 searches (20 hits each) cycling through
//! [`SEARCHES`], and their p50/p99 printed.

use parley_link::story::link_store;
use parley_link::timeline::timeline_entries;
use parley_link::StoryParams;
use parley_store::{
    JoinReason, Paging, SearchQuery, Store, StoryAssignment, StoryTarget, TimelineKinds,
};
use std::time::{Duration, Instant};

/// Search queries: common and rare words and phrases of news text, and names.
const SEARCHES: [&str; 10] = [
    "president",
    "security talks",
    "government said",
    "Lavrov",
    "climate change",
    "election results",
    "police",
    "\"interest rates\"",
    "ceasefire negotiations",
    "Geneva",
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(location) = args.first() else {
        eprintln!("usage: story_bench DB [--link]");
        std::process::exit(2);
    };
    let mut store = parley_store::open(location).expect("open the store");
    let articles = store.counts().unwrap().articles;
    if store.stories(1, 0).unwrap().is_empty() {
        let started = Instant::now();
        if args.iter().any(|a| a == "--link") {
            let run = link_store(store.as_mut(), &StoryParams::default(), None, 20_000).unwrap();
            println!(
                "link: {} articles into {} stories in {:.1} s = {:.0} articles/s",
                run.linked,
                run.new_stories,
                started.elapsed().as_secs_f64(),
                run.linked as f64 / started.elapsed().as_secs_f64()
            );
        } else {
            let n = assign_synthetic(store.as_mut());
            println!(
                "assign: {n} articles into synthetic stories in {:.1} s",
                started.elapsed().as_secs_f64()
            );
        }
    }
    let total = count_stories(store.as_mut());
    println!("store: {articles} articles, {total} stories");
    let mut rng = 0x2545_F491_4F6C_DD1D_u64;
    let mut next = move |n: usize| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng % n as u64) as usize
    };
    let mut list_times = Vec::new();
    let mut ids = Vec::new();
    for _ in 0..200 {
        let offset = next(total.max(20) - 19);
        let t = Instant::now();
        let page = store.stories(20, offset).unwrap();
        list_times.push(t.elapsed());
        ids.extend(page.iter().map(|s| s.id));
    }
    let mut page_times = Vec::new();
    for _ in 0..200 {
        let id = ids[next(ids.len())];
        let t = Instant::now();
        story_page(store.as_mut(), id);
        page_times.push(t.elapsed());
    }
    let mut timeline_times = Vec::new();
    let mut entries = 0;
    for _ in 0..20 {
        let id = ids[next(ids.len())];
        let t = Instant::now();
        entries += whole_timeline(store.as_mut(), id);
        timeline_times.push(t.elapsed());
    }
    report("stories list (20 per page, random offset)", list_times);
    report(
        "story page (summary, 100 members, 20 entries, 8 parties, 20 quotes)",
        page_times,
    );
    report(
        &format!(
            "whole timeline in chunks of 1,000 ({:.1} entries on average)",
            entries as f64 / 20.0
        ),
        timeline_times,
    );
    let mut search_times = Vec::new();
    let mut hits = 0;
    for i in 0..200 {
        let t = Instant::now();
        hits += store
            .search(&SearchQuery::new(SEARCHES[i % SEARCHES.len()]))
            .unwrap()
            .len();
        search_times.push(t.elapsed());
    }
    report(
        &format!(
            "search (20 hits asked, {:.1} on average)",
            hits as f64 / 200.0
        ),
        search_times,
    );
}

/// The store reads of a story page.
fn story_page(store: &mut dyn Store, id: i64) {
    let first = |limit| Paging { offset: 0, limit };
    store.story_summary(id).unwrap().expect("listed");
    assert!(!store
        .story_members_page(id, first(100))
        .unwrap()
        .items
        .is_empty());
    let kinds = TimelineKinds::EventsAndQuotes;
    store.story_timeline_page(id, kinds, first(20)).unwrap();
    store.story_parties(id, 8).unwrap();
    store
        .story_timeline_page(id, TimelineKinds::Quotes, first(20))
        .unwrap();
}

/// Streams a story's whole timeline as `parley timeline` does; returns its entries.
fn whole_timeline(store: &mut dyn Store, id: i64) -> usize {
    let (mut entries, mut after) = (0, None);
    loop {
        let chunk = store.story_timeline_after(id, after, 1_000).unwrap();
        entries += timeline_entries(chunk.rows).len();
        match chunk.next {
            Some(next) => after = Some(next),
            None => return entries,
        }
    }
}

/// Puts consecutive articles in stories of 1, 2, ..., 12 articles.
fn assign_synthetic(store: &mut dyn Store) -> usize {
    let mut done = 0;
    let mut size = 1;
    loop {
        let batch = store.unstoried(10_000).unwrap();
        if batch.is_empty() {
            return done;
        }
        let mut assignments = Vec::new();
        let (mut story, mut left) = (0, size);
        for s in &batch {
            if left == 0 {
                story += 1;
                size = size % 12 + 1;
                left = size;
            }
            assignments.push(StoryAssignment {
                article_id: s.id.clone(),
                story: StoryTarget::New(story),
                why: JoinReason::default(),
            });
            left -= 1;
        }
        store.assign_stories(&assignments).unwrap();
        done += batch.len();
    }
}

fn count_stories(store: &mut dyn Store) -> usize {
    let mut n = 0;
    loop {
        let page = store.stories(10_000, n).unwrap().len();
        n += page;
        if page < 10_000 {
            return n;
        }
    }
}

fn report(what: &str, mut times: Vec<Duration>) {
    times.sort();
    let pct = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    println!(
        "{what}: p50 {:.2} ms, p99 {:.2} ms ({} queries)",
        pct(0.5).as_secs_f64() * 1e3,
        pct(0.99).as_secs_f64() * 1e3,
        times.len()
    );
}
