use super::*;
use crate::test_store::analysed_store;

#[test]
fn each_outlet_gets_its_articles_rates_shares_tone_and_headline_counts() {
    let (_d, mut store, docs) = analysed_store();
    let profiles = outlet_profiles(store.as_mut()).unwrap();
    let names: Vec<&str> = profiles.iter().map(|p| p.outlet.as_str()).collect();
    assert_eq!(names, vec!["AP", "BBC", "Reuters", "TASS"]);
    for p in &profiles {
        let doc = docs
            .iter()
            .find(|d| d.outlet.as_deref() == Some(&p.outlet))
            .unwrap();
        let f = &doc.analysis.framing;
        assert_eq!(p.articles, 1);
        assert_eq!(p.words, f.tone.word_count as u64);
        assert_eq!(p.signals, f.signals.len() as u64);
        let loaded = f
            .signals
            .iter()
            .filter(|s| s.technique == "loaded_language")
            .count();
        assert_eq!(p.loaded_language, loaded as u64);
        assert_eq!(
            p.loaded_language_per_1000_words,
            Some(loaded as f64 * 1000.0 / f.tone.word_count as f64)
        );
        assert_eq!(p.attributed_sentences, f.author_voice.attributed as u64);
        assert_eq!(p.author_sentences, f.author_voice.author_asserted as u64);
        let tone = p.mean_tone.unwrap();
        assert!(
            (tone - f.tone.tone).abs() < 1e-9,
            "{tone} vs {}",
            f.tone.tone
        );
        let verdict = f.headline.as_ref().map(|h| h.verdict.as_str());
        let counted = match verdict {
            Some("supported") => p.headline.supported,
            Some("partly") => p.headline.partly,
            Some("unsupported") => p.headline.unsupported,
            _ => p.headline.none,
        };
        assert_eq!(counted, 1, "{p:?}");
    }
    let ap = &profiles[0];
    assert_eq!(ap.attribution_share, Some(2.0 / 3.0));
}

#[test]
fn loaded_words_are_counted_per_thousand_words_across_an_outlets_articles() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = parley_store::open(dir.path().join("l.sqlite").to_str().unwrap()).unwrap();
    let pipeline = parley_analyze::Pipeline::standard();
    let bodies = [
        "The regime launched a brutal and barbaric assault on the city. Officials said talks would resume.",
        "The ministers met in Geneva on Monday. They agreed to meet again next week.",
    ];
    let docs: Vec<_> = bodies
        .iter()
        .map(|b| {
            let mut a = parley_core::Article::new("Talks", *b);
            a.outlet = Some("Daily".into());
            let analysis = pipeline.analyze(&a);
            parley_core::Document::new("d.txt".into(), a, analysis)
        })
        .collect();
    store.put_batch(&docs).unwrap();
    let p = &outlet_profiles(store.as_mut()).unwrap()[0];
    let words: usize = docs
        .iter()
        .map(|d| d.analysis.framing.tone.word_count)
        .sum();
    let loaded: usize = docs
        .iter()
        .flat_map(|d| &d.analysis.framing.signals)
        .filter(|s| s.technique == "loaded_language")
        .count();
    assert!(loaded > 0, "the first article has loaded words");
    assert_eq!(
        (p.articles, p.words, p.loaded_language),
        (2, words as u64, loaded as u64)
    );
    let rate = p.loaded_language_per_1000_words.unwrap();
    assert!((rate - loaded as f64 * 1000.0 / words as f64).abs() < 1e-9);
}
