//! Linking the stories of a store: what `parley link` runs after near-duplicates.

use super::{link_stories, Embeddings, StoryParams};
use anyhow::{Context as _, Result};
use chrono::Duration;
use parley_store::{Store, StorySignals, StoryTarget};
use std::collections::HashSet;

/// Turns texts into unit sentence embeddings, one per text, in order.
pub trait Embedder {
    fn embed(&self, texts: &[String]) -> Result<Vec<Vec<f32>>>;
}

/// What one run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct StoryRun {
    /// Articles put in a story.
    pub linked: usize,
    /// Of those, how many joined a story that was already stored.
    pub joined_stored: usize,
    /// Stories started.
    pub new_stories: usize,
    /// Articles that joined as near-duplicate copies of their original.
    pub copies: usize,
}

/// Puts every article of the store that is in no story yet in one, `chunk` articles at a
/// time, each chunk compared with the stored articles of its time window.
pub fn link_store(
    store: &mut dyn Store,
    params: &StoryParams,
    embedder: Option<&dyn Embedder>,
    chunk: usize,
) -> Result<StoryRun> {
    let mut run = StoryRun::default();
    loop {
        let new = store.unstoried(chunk)?;
        if new.is_empty() {
            return Ok(run);
        }
        let known = window_of(store, &new, params.weights.window_days)?;
        let embeddings = match embedder {
            Some(e) => embed_all(e, new.iter().chain(&known))?,
            None => Embeddings::new(),
        };
        let assignments = link_stories(&new, &known, params, &embeddings);
        store.assign_stories(&assignments)?;
        let started: HashSet<usize> = assignments
            .iter()
            .filter_map(|a| match a.story {
                StoryTarget::New(k) => Some(k),
                StoryTarget::Existing(_) => None,
            })
            .collect();
        run.linked += assignments.len();
        run.new_stories += started.len();
        run.joined_stored += assignments
            .iter()
            .filter(|a| matches!(a.story, StoryTarget::Existing(_)))
            .count();
        run.copies += assignments.iter().filter(|a| a.why.copy).count();
    }
}

/// The stored articles in a story published within `window_days` of the new articles' dates.
fn window_of(
    store: &mut dyn Store,
    new: &[StorySignals],
    window_days: i64,
) -> Result<Vec<StorySignals>> {
    let dates = new.iter().filter_map(|s| {
        s.published
            .or_else(|| s.events.iter().filter_map(|e| e.date).min())
    });
    let (Some(first), Some(last)) = (dates.clone().min(), dates.max()) else {
        return Ok(Vec::new());
    };
    let window = Duration::days(window_days);
    Ok(store.storied_between(first - window, last + window)?)
}

/// Embeddings of the title and lead of every article.
fn embed_all<'a>(
    embedder: &dyn Embedder,
    articles: impl Iterator<Item = &'a StorySignals>,
) -> Result<Embeddings> {
    let articles: Vec<&StorySignals> = articles.collect();
    let texts: Vec<String> = articles.iter().map(|s| embedding_text(s)).collect();
    let vectors = embedder
        .embed(&texts)
        .context("cannot embed the titles and leads of the articles to link")?;
    Ok(articles.iter().map(|s| s.id.clone()).zip(vectors).collect())
}

/// What an article's embedding is computed from: its title and lead.
pub fn embedding_text(s: &StorySignals) -> String {
    format!("{}\n{}", s.title, s.lead)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fake embedder: every text gets the same vector, so everything looks alike.
    struct AllAlike;
    impl Embedder for AllAlike {
        fn embed(&self, texts: &[String]) -> Result<Vec<Vec<f32>>> {
            Ok(texts.iter().map(|_| vec![1.0, 0.0]).collect())
        }
    }

    fn doc(i: usize, title: &str, body: &str) -> parley_core::Document {
        let article = parley_core::Article::new(title.to_string(), body.to_string())
            .with_published(
                chrono::NaiveDate::from_ymd_opt(2020, 1, 10 + i as u32).unwrap(),
                parley_core::DateSource::Metadata,
            );
        parley_core::Document::new(format!("t:{i}"), article, Default::default())
    }

    fn store_with(docs: &[parley_core::Document]) -> (tempfile::TempDir, Box<dyn Store + Send>) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = parley_store::open(dir.path().join("s.sqlite").to_str().unwrap()).unwrap();
        store.put_batch(docs).unwrap();
        (dir, store)
    }

    #[test]
    fn a_second_run_links_new_articles_to_the_stored_stories() {
        let rally =
            "Thousands of gun rights activists rallied at the Virginia capitol in Richmond.";
        let (_dir, mut store) = store_with(&[
            doc(0, "Gun rally in Richmond", rally),
            doc(
                1,
                "Colin Powell endorses Biden",
                "Powell will vote for Joe Biden.",
            ),
        ]);
        let params = StoryParams::default();
        let first = link_store(store.as_mut(), &params, None, 100).unwrap();
        assert_eq!((first.linked, first.new_stories), (2, 2));
        store
            .put_batch(&[doc(
                2,
                "Richmond gun rally passes peacefully",
                "Gun rights activists rallied peacefully at the Virginia capitol in Richmond.",
            )])
            .unwrap();
        let second = link_store(store.as_mut(), &params, None, 1).unwrap();
        assert_eq!(
            (second.linked, second.joined_stored, second.new_stories),
            (1, 1, 0)
        );
        assert_eq!(store.stories(10, 0).unwrap().len(), 2);
        assert_eq!(
            link_store(store.as_mut(), &params, None, 100).unwrap(),
            StoryRun::default()
        );
    }

    #[test]
    fn an_embedder_is_asked_for_every_article_compared() {
        let (_dir, mut store) = store_with(&[
            doc(0, "Fuel duty was increased", "Ministers raised it."),
            doc(1, "The government raised taxes on petrol", "A levy rises."),
        ]);
        let run = link_store(
            store.as_mut(),
            &StoryParams::default(),
            Some(&AllAlike),
            100,
        )
        .unwrap();
        assert_eq!((run.linked, run.new_stories), (2, 1));
    }
}
