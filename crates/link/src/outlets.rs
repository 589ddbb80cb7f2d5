//! Outlet profiles: per outlet, how it tells the news, from the framing stage's per-article
//! figures summed over its articles.
//!
//! - **Loaded-language rate**: framing signals of technique `loaded_language` per 1,000 words
//!   (and all signals — loaded language, name calling, doubt, exaggeration — per 1,000 words).
//!   Words are the framing stage's word counts (`framing.tone.word_count`).
//! - **Attribution share**: of the sentences that carry a claim, the share attributed to a
//!   source rather than asserted in the author's voice (`framing.author_voice`).
//! - **Mean tone**: the mean article tone (GDELT V1.5 tone, `framing.tone.tone`) over the
//!   articles that have words.
//! - **Headline support**: articles per verdict (supported, partly, unsupported), and those
//!   without a headline verdict.

use crate::claim_matrix::NO_OUTLET;
use crate::error::AggregateError;
use parley_store::{ArticleLayers, Store};
use serde::Serialize;
use std::collections::BTreeMap;

/// Articles read per page.
const PAGE_ARTICLES: usize = 2000;

const TONE: &str = "framing.tone.tone";
const WORDS: &str = "framing.tone.word_count";
const ATTRIBUTED: &str = "framing.author_voice.attributed";
const AUTHOR: &str = "framing.author_voice.author_asserted";
const HEADLINE: &str = "framing.headline.verdict";
const SIGNALS: &str = "framing.signals";
const LOADED: &str = "loaded_language";

/// Headline verdicts counted per outlet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct HeadlineCounts {
    pub supported: usize,
    pub partly: usize,
    pub unsupported: usize,
    /// Articles without a headline verdict.
    pub none: usize,
}

/// One outlet's profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutletProfile {
    pub outlet: String,
    pub articles: usize,
    pub words: u64,
    pub signals: u64,
    pub loaded_language: u64,
    /// `loaded_language` per 1,000 words (None without words).
    pub loaded_language_per_1000_words: Option<f64>,
    pub signals_per_1000_words: Option<f64>,
    /// Claim-bearing sentences attributed to a source, and asserted by the author.
    pub attributed_sentences: u64,
    pub author_sentences: u64,
    /// `attributed / (attributed + author)` (None when no sentence carries a claim).
    pub attribution_share: Option<f64>,
    /// Mean article tone over articles with words.
    pub mean_tone: Option<f64>,
    pub headline: HeadlineCounts,
}

#[derive(Default)]
struct Tally {
    articles: usize,
    words: u64,
    signals: u64,
    loaded: u64,
    attributed: u64,
    author: u64,
    tone_sum: f64,
    toned: usize,
    headline: HeadlineCounts,
}

impl Tally {
    fn add(&mut self, a: &ArticleLayers) {
        let count = |layer: &str| a.number(layer).unwrap_or(0.0).max(0.0) as u64;
        self.articles += 1;
        let words = count(WORDS);
        self.words += words;
        self.signals += a.count(SIGNALS, None) as u64;
        self.loaded += a.count(SIGNALS, Some(LOADED)) as u64;
        self.attributed += count(ATTRIBUTED);
        self.author += count(AUTHOR);
        if let (true, Some(tone)) = (words > 0, a.number(TONE)) {
            self.tone_sum += tone;
            self.toned += 1;
        }
        match a.string(HEADLINE).as_deref() {
            Some("supported") => self.headline.supported += 1,
            Some("partly") => self.headline.partly += 1,
            Some("unsupported") => self.headline.unsupported += 1,
            _ => self.headline.none += 1,
        }
    }

    fn profile(self, outlet: String) -> OutletProfile {
        let per_1000 = |n: u64| (self.words > 0).then(|| n as f64 * 1000.0 / self.words as f64);
        let claim_sentences = self.attributed + self.author;
        OutletProfile {
            outlet,
            articles: self.articles,
            words: self.words,
            signals: self.signals,
            loaded_language: self.loaded,
            loaded_language_per_1000_words: per_1000(self.loaded),
            signals_per_1000_words: per_1000(self.signals),
            attributed_sentences: self.attributed,
            author_sentences: self.author,
            attribution_share: (claim_sentences > 0)
                .then(|| self.attributed as f64 / claim_sentences as f64),
            mean_tone: (self.toned > 0).then(|| self.tone_sum / self.toned as f64),
            headline: self.headline,
        }
    }
}

/// Profiles of every outlet in the store, by name.
pub fn outlet_profiles(store: &mut dyn Store) -> Result<Vec<OutletProfile>, AggregateError> {
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    let mut after = 0;
    loop {
        let page = store.article_layers_after(
            &[TONE, WORDS, ATTRIBUTED, AUTHOR, HEADLINE],
            &[SIGNALS],
            after,
            PAGE_ARTICLES,
        )?;
        let Some(last) = page.last() else { break };
        after = last.cursor;
        for a in &page {
            let outlet = a.article.outlet.clone().unwrap_or_else(|| NO_OUTLET.into());
            tallies.entry(outlet).or_default().add(a);
        }
    }
    Ok(tallies
        .into_iter()
        .map(|(outlet, t)| t.profile(outlet))
        .collect())
}

#[cfg(test)]
#[path = "outlets_tests.rs"]
mod tests;
