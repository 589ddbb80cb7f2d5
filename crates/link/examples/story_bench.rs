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
//! 200 random pages of the story list (20 stories each) and 200 timelines of random stories
//! (members + events and quotes, ordered) are read, then 200 searches (20 hits each) cycling
//! through [`SEARCHES`], and their p50/p99 printed.

use parley_link::story::link_store;
use parley_link::{build_timeline, StoryParams};
use parley_store::{JoinReason, SearchQuery, Store, StoryAssignment, StoryTarget};
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
    let mut timeline_times = Vec::new();
    let mut entries = 0;
    for _ in 0..200 {
        let id = ids[next(ids.len())];
        let t = Instant::now();
        let story = store.story(id).unwrap().expect("listed");
        let timeline = build_timeline(store.story_timeline_rows(id).unwrap());
        timeline_times.push(t.elapsed());
        assert!(!story.members.is_empty());
        entries += timeline.len();
    }
    report("stories list (20 per page, random offset)", list_times);
    report(
        &format!(
            "timeline of a story (members + {:.1} entries on average)",
            entries as f64 / 200.0
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
