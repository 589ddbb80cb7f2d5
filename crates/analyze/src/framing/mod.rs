//! Framing: how an outlet tells the story.
//!
//! [`FramingStage`] marks loaded language, name-calling, doubt and exaggeration from the
//! lexicons in `data/lexicons/` (context-checked, each with the voice it is in: the author's or
//! a quoted source's), scores tone with GDELT's V1.5TONE arithmetic for the article and each
//! sentence, splits the article's claim-bearing sentences into author-asserted and attributed
//! ones, scores each sentence for bias, and judges whether the body supports the headline.
//!
//! It takes sentence and quotation spans as input, so it runs on whatever text layer supplies
//! them; as a pipeline [`Stage`] it reads them from the shared text layer. The stand-ins in
//! [`segment`] serve callers without one.

pub mod bias;
pub mod claims;
pub mod detect;
#[cfg(feature = "embeddings")]
pub mod embedded;
pub mod headline;
pub mod lexicon;
pub mod matcher;
pub mod ngram;
pub mod segment;
pub mod summary;
pub mod tone;
pub mod voice;
pub mod words;

use crate::pipeline::{Context, Stage};
use bias::{BiasModel, SentenceCounts};
use claims::ClaimFinder;
use detect::{Detector, Hit};
use headline::HeadlineChecker;
use lexicon::{LexiconError, Technique};
use matcher::WordString;
use parley_core::framing::{AuthorVoice, Framing, FramingSignal, Loadedness, SentenceFraming};
use parley_core::{Analysis, Claim, Span, TextLayer, TextSpan};
use tone::ToneLexicon;
use voice::Voice;
use words::{scan_words, Word};

/// A sentence is called biased from this score up.
pub const BIASED_FROM: f64 = 0.5;
/// Author-voice signals per 100 words from which an article is "loaded".
pub const LOADED_FROM: f64 = 0.5;
/// ... and from which it is "strongly_loaded".
pub const STRONGLY_LOADED_FROM: f64 = 1.5;

/// The framing stage: lexicons and weights, loaded once and shared across threads.
pub struct FramingStage {
    detector: Detector,
    tone: ToneLexicon,
    headline: HeadlineChecker,
    bias: BiasModel,
    claims: ClaimFinder,
    /// The embedding bias head, when built with `embeddings` and the embedder is there.
    #[cfg(feature = "embeddings")]
    embedded: Option<embedded::EmbeddedBias>,
}

impl Default for FramingStage {
    fn default() -> Self {
        Self::new()
    }
}

/// The index range of the words whose spans lie inside `s` (words are in body order).
fn word_range(words: &[Word], s: Span) -> std::ops::Range<usize> {
    let from = words.partition_point(|w| w.span.start < s.start);
    let to = words.partition_point(|w| w.span.end <= s.end);
    from..to.max(from)
}

/// The words whose spans lie inside `s`.
fn words_in(words: &[Word], s: Span) -> &[Word] {
    &words[word_range(words, s)]
}

/// The items, sorted by start, that start inside `s` (callers check their ends).
fn starting_in<T>(items: &[T], s: Span, start: impl Fn(&T) -> usize) -> &[T] {
    let from = items.partition_point(|x| start(x) < s.start);
    let to = items.partition_point(|x| start(x) < s.end);
    &items[from..to.max(from)]
}

/// Spans that fit the body, in order.
fn valid_spans(body: &str, spans: &[Span]) -> Vec<Span> {
    let mut out: Vec<Span> = spans
        .iter()
        .copied()
        .filter(|s| s.slice(body).is_ok() && !s.is_empty())
        .collect();
    out.sort();
    out
}

impl FramingStage {
    /// The stage with the shipped lexicons (their parsing is tested, so this does not fail).
    pub fn new() -> Self {
        Self::try_new().expect("the shipped framing lexicons parse (see lexicon tests)")
    }

    /// The stage with the shipped lexicons, or the lexicon line that does not parse.
    pub fn try_new() -> Result<Self, LexiconError> {
        Ok(FramingStage {
            detector: Detector::shipped()?,
            tone: ToneLexicon::shipped()?,
            headline: HeadlineChecker::shipped()?,
            bias: BiasModel::shipped()?,
            claims: ClaimFinder::shipped()?,
            #[cfg(feature = "embeddings")]
            embedded: embedded::EmbeddedBias::load_default().unwrap_or_else(|e| {
                eprintln!("framing: sentence bias without embeddings: {e}");
                None
            }),
        })
    }

    /// Whether sentence bias is scored with sentence embeddings.
    pub fn uses_embeddings(&self) -> bool {
        #[cfg(feature = "embeddings")]
        return self.embedded.is_some();
        #[cfg(not(feature = "embeddings"))]
        false
    }

    /// Bias scores of `sentences` (valid spans of `body`) with lexicon counts `counts`: the
    /// embedding head's when it is loaded (falling back to the lexicon score if embedding
    /// fails), else the lexicon score.
    fn bias_scores(&self, body: &str, sentences: &[Span], counts: &[SentenceCounts]) -> Vec<f64> {
        let features: Vec<Vec<f64>> = counts.iter().map(bias::features).collect();
        #[cfg(feature = "embeddings")]
        if let Some(e) = &self.embedded {
            let texts: Vec<String> = sentences
                .iter()
                .map(|s| s.slice(body).unwrap_or_default().to_string())
                .collect();
            match e.scores(&texts, features.clone()) {
                Ok(scores) => return scores,
                Err(err) => eprintln!("framing: lexicon bias score used: {err}"),
            }
        }
        let _ = (body, sentences);
        features.iter().map(|f| self.bias.score(f)).collect()
    }

    /// Framing of one article. `sentences` and `quotations` are byte spans into `body`
    /// (spans that do not fit the body are ignored).
    pub fn analyze(
        &self,
        body: &str,
        title: &str,
        sentences: &[Span],
        quotations: &[Span],
    ) -> Framing {
        self.analyze_with_claims(body, title, sentences, quotations)
            .0
    }

    /// Framing and claims (holder and stance) of one article; see [`claims`].
    pub fn analyze_with_claims(
        &self,
        body: &str,
        title: &str,
        sentences: &[Span],
        quotations: &[Span],
    ) -> (Framing, Vec<Claim>) {
        let sentences = valid_spans(body, sentences);
        let quotations = valid_spans(body, quotations);
        let words = scan_words(body, 0);
        let ws = WordString::new(body, &words);
        let cues = self.detector.reporting_cues(&words, &ws);
        let hits =
            self.detector
                .detect_with_cues(body, &words, &ws, &sentences, &quotations, &cues);

        let signals = hits
            .iter()
            .filter_map(|h| {
                Some(FramingSignal {
                    span: TextSpan::from_body(body, h.span).ok()?,
                    technique: h.technique.as_str().to_string(),
                    voice: if h.author { "author" } else { "source" }.to_string(),
                    term: h.headword.clone(),
                })
            })
            .collect();

        let mut author_voice = AuthorVoice::default();
        let mut sentence_framing = Vec::with_capacity(sentences.len());
        let mut biased = 0usize;
        let mut voices = Vec::with_capacity(sentences.len());
        let mut counts = Vec::with_capacity(sentences.len());
        let classes = self.tone.classify(&words);
        for &s in &sentences {
            let sw = words_in(&words, s);
            let s_hits = starting_in(&hits, s, |h| h.span.start);
            let s_cues = starting_in(&cues, s, |c| c.start);
            voices.push(voice::sentence_voice(s, sw, &quotations, s_cues, s_hits));
            counts.push(self.counts(s, sw, s_hits, &quotations));
        }
        let scores = self.bias_scores(body, &sentences, &counts);
        for ((&s, &voice), &score) in sentences.iter().zip(&voices).zip(&scores) {
            match voice {
                Voice::Author => author_voice.author_asserted += 1,
                Voice::Attributed => author_voice.attributed += 1,
                Voice::None => {}
            }
            if voice != Voice::None && score >= BIASED_FROM {
                biased += 1;
            }
            sentence_framing.push(SentenceFraming {
                span: s,
                tone: ToneLexicon::tone_of(&classes[word_range(&words, s)]),
                voice: voice.as_str().to_string(),
                bias: score,
                biased: score >= BIASED_FROM,
            });
        }
        author_voice.claim_sentences = author_voice.author_asserted + author_voice.attributed;
        author_voice.author_share =
            ratio(author_voice.author_asserted, author_voice.claim_sentences);
        author_voice.insertions = voice::insertions(body, &quotations)
            .into_iter()
            .filter_map(|s| TextSpan::from_body(body, s).ok())
            .collect();

        let tone = ToneLexicon::tone_of(&classes);
        let per_100 = |k: usize| ratio(k, tone.word_count) * 100.0;
        // Scare quotes are listed but left out of the density: without semantics they are
        // the noisiest signal (terms being named, short titles).
        let author_hits = hits
            .iter()
            .filter(|h| h.author && h.headword != detect::SCARE_QUOTE)
            .count();
        let author_per_100 = per_100(author_hits);
        let loadedness = Loadedness {
            author_signals_per_100_words: author_per_100,
            signals_per_100_words: per_100(hits.len()),
            biased_sentence_share: ratio(biased, author_voice.claim_sentences),
            bias_score: mean_bias(&sentence_framing),
            level: if author_per_100 >= STRONGLY_LOADED_FROM {
                "strongly_loaded"
            } else if author_per_100 >= LOADED_FROM {
                "loaded"
            } else {
                "neutral"
            }
            .to_string(),
        };

        let headline = self.headline_support(title, body, &words, &hits);
        let hit_spans: Vec<Span> = hits.iter().map(|h| h.span).collect();
        let doc = claims::Doc {
            body,
            words: &words,
            ws: &ws,
            sentences: &sentences,
            quotations: &quotations,
        };
        let claims = self.claims.find(&doc, &voices, &hit_spans);
        let framing = Framing {
            signals,
            tone,
            sentences: sentence_framing,
            author_voice,
            loadedness,
            headline,
        };
        (framing, claims)
    }

    fn headline_support(
        &self,
        title: &str,
        body: &str,
        words: &[Word],
        hits: &[Hit],
    ) -> Option<parley_core::framing::HeadlineSupport> {
        let title_words = scan_words(title, 0);
        let title_ws = WordString::new(title, &title_words);
        // No sentences: a title-case headline is not read as a string of proper names.
        let title_hits = self.detector.detect(
            title,
            &title_words,
            &title_ws,
            &[],
            &segment::quotations(title),
        );
        self.headline.check(title, body, words, &title_hits, hits)
    }

    /// The counts the bias score reads for sentence `s`.
    fn counts(&self, s: Span, sw: &[Word], hits: &[Hit], quotations: &[Span]) -> SentenceCounts {
        let mut c = SentenceCounts {
            words: sw.len(),
            ..Default::default()
        };
        for h in hits.iter().filter(|h| s.contains(h.span)) {
            if h.author {
                let k = Technique::ALL
                    .iter()
                    .position(|t| *t == h.technique)
                    .unwrap_or(0);
                c.author_hits[k] += 1;
            } else {
                c.source_hits += 1;
            }
        }
        for w in sw {
            if let Some(v) = self.tone.valence(&w.norm) {
                if v > 0.0 {
                    c.positive_words += 1;
                } else if v < 0.0 {
                    c.negative_words += 1;
                }
                if v.abs() >= bias::STRONG_VALENCE {
                    c.strong_words += 1;
                }
            }
            if matches!(
                w.norm.as_str(),
                "i" | "we" | "you" | "my" | "our" | "us" | "me" | "your"
            ) {
                c.subjective_pronouns += 1;
            }
        }
        let quoted: usize = quotations
            .iter()
            .map(|q| q.end.min(s.end).saturating_sub(q.start.max(s.start)))
            .sum();
        c.quoted_share = ratio(quoted, s.len());
        c
    }

    /// The bias features of a single sentence given as text (for training and evaluation):
    /// the sentence is its own body, with quotations found by [`segment::quotations`].
    pub fn sentence_features(&self, text: &str) -> Vec<f64> {
        let words = scan_words(text, 0);
        let ws = WordString::new(text, &words);
        let whole = Span::new(0, text.len());
        let quotations = segment::quotations(text);
        let hits = self
            .detector
            .detect(text, &words, &ws, &[whole], &quotations);
        bias::features(&self.counts(whole, &words, &hits, &quotations))
    }

    /// The tone-lexicon valence of a normalised word, if it has one.
    pub fn valence(&self, norm: &str) -> Option<f64> {
        self.tone.valence(norm)
    }

    /// The shipped lexicon bias score of a single sentence given as text.
    pub fn sentence_bias(&self, text: &str) -> f64 {
        self.bias.score(&self.sentence_features(text))
    }
}

/// Mean bias score of the claim-bearing sentences, or of all sentences when none carries one.
fn mean_bias(sentences: &[SentenceFraming]) -> f64 {
    let claim: Vec<f64> = sentences
        .iter()
        .filter(|s| s.voice != Voice::None.as_str())
        .map(|s| s.bias)
        .collect();
    let scores: Vec<f64> = if claim.is_empty() {
        sentences.iter().map(|s| s.bias).collect()
    } else {
        claim
    };
    if scores.is_empty() {
        0.0
    } else {
        scores.iter().sum::<f64>() / scores.len() as f64
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl Stage for FramingStage {
    fn name(&self) -> &'static str {
        "framing"
    }

    fn run(&self, cx: &Context, analysis: &mut Analysis) {
        let body = &cx.article.body;
        let (sentences, quotations) = layer_spans(cx.text);
        let (mut framing, mut claims) =
            self.analyze_with_claims(body, &cx.article.title, &sentences, &quotations);
        claims::attach_speakers(&mut claims, &analysis.quotes, &|n| {
            self.claims.is_pronoun(n)
        });
        analysis.claims.extend(claims);
        // The text layer knows the author's insertions better than the bracket scan.
        framing.author_voice.insertions = cx
            .text
            .insertions
            .iter()
            .filter(|i| i.quotation.is_some())
            .filter_map(|i| TextSpan::from_body(body, i.span).ok())
            .collect();
        analysis.framing = framing;
    }
}

/// The sentence and quotation spans of a text layer, as [`FramingStage::analyze`] takes them.
pub fn layer_spans(text: &TextLayer) -> (Vec<Span>, Vec<Span>) {
    (
        text.sentences.iter().map(|s| s.span).collect(),
        text.quotations.iter().map(|q| q.span).collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Pipeline;
    use parley_core::Article;

    #[test]
    fn as_a_pipeline_stage_it_reads_the_text_layer() {
        let body = "The regime lied.\n\n“We warned (anti-Russia) hotheads,” Lavrov said.";
        let article = Article::new("Talks", body);
        let analysis = Pipeline::default()
            .with_stage(FramingStage::new())
            .analyze(&article);
        let f = analysis.framing;
        assert_eq!(f.sentences.len(), 2);
        let voices: Vec<(&str, &str)> = f
            .signals
            .iter()
            .map(|s| (s.span.text.as_str(), s.voice.as_str()))
            .collect();
        assert!(voices.contains(&("regime", "author")));
        assert!(voices.contains(&("hotheads", "source")));
        assert_eq!(f.author_voice.insertions.len(), 1);
    }

    fn run(title: &str, body: &str) -> Framing {
        FramingStage::new().analyze(
            body,
            title,
            &segment::sentences(body),
            &segment::quotations(body),
        )
    }

    #[test]
    fn every_signal_span_reads_its_text_from_the_body() {
        let body = "The regime lied. “We warned the hotheads,” Lavrov said. No “plans” exist.";
        let f = run("Talks", body);
        assert!(f.signals.len() >= 3);
        for s in &f.signals {
            s.span.check(body).unwrap();
        }
    }

    #[test]
    fn spans_that_do_not_fit_the_body_are_ignored() {
        let body = "“Big Lie”";
        let f = FramingStage::new().analyze(
            body,
            "",
            &[Span::new(0, 99), Span::new(1, 2)],
            &[Span::new(5, 2)],
        );
        assert!(f.sentences.is_empty());
        assert_eq!(f.signals.len(), 1);
        assert_eq!(f.signals[0].voice, "author");
    }

    #[test]
    fn a_sober_report_is_neutral_and_mostly_attributed() {
        let body = "Negotiators met in Geneva on Monday. The Russian delegation said the talks were useful. \
                    The US side said it would consult its allies.";
        let f = run("Negotiators meet in Geneva", body);
        assert_eq!(f.loadedness.level, "neutral");
        assert!(f.author_voice.attributed >= 2);
        assert_eq!(f.headline.unwrap().verdict, "supported");
    }

    #[test]
    fn a_polemic_is_strongly_loaded_and_author_asserted() {
        let body =
            "The warmongers lied again. Their puppet regime spreads propaganda and fake news. \
                    Only hotheads believe the so-called evidence.";
        let f = run("Lies", body);
        assert_eq!(f.loadedness.level, "strongly_loaded");
        assert!(f.loadedness.bias_score > 0.5);
        assert_eq!(f.author_voice.author_share, 1.0);
        assert!(f.sentences.iter().all(|s| s.biased));
    }

    #[test]
    fn tone_is_given_for_the_article_and_each_sentence() {
        let body = "A good and fair deal. A horrible, brutal war.";
        let f = run("", body);
        assert_eq!(f.sentences.len(), 2);
        assert!(f.sentences[0].tone.tone > 0.0);
        assert!(f.sentences[1].tone.tone < 0.0);
        assert_eq!(f.tone.word_count, 9);
    }

    #[test]
    fn odd_input_and_arbitrary_spans_do_not_panic() {
        let stage = FramingStage::new();
        let bodies = [
            "“",
            "”",
            "\"",
            "(sic",
            "“(",
            "İstanbul İS a regime” “",
            "—“Big—Lie”—",
            "a\u{0}b",
            "He said: “",
            "“x” y “z",
            "Mr. Mrs. Dr.",
            "ǅungla’s ‐ far‐right",
            "\n\n\n",
            "...",
        ];
        let mut seed: u64 = 7;
        for body in bodies {
            for _ in 0..20 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                let a = (seed >> 33) as usize % (body.len() + 3);
                let b = (seed >> 13) as usize % (body.len() + 3);
                let spans = [Span::new(a, b), Span::new(b, a), Span::new(0, body.len())];
                let (f, claims) = stage.analyze_with_claims(body, body, &spans, &spans);
                for s in &f.signals {
                    s.span.check(body).unwrap();
                }
                for c in &claims {
                    c.span.check(body).unwrap();
                }
            }
            let _ = run(body, body);
        }
    }

    #[test]
    fn empty_input_gives_empty_framing() {
        let f = run("", "");
        assert!(f.signals.is_empty() && f.sentences.is_empty() && f.headline.is_none());
    }
}
