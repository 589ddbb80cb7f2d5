//! `run.sh train`: every ConfliBERT training sentence (free development text, class labels
//! only) with what the coder made of it, one tab-separated line each, to find missing
//! vocabulary: class, root of the first event (or `none`), its code, triggers, dictionary verbs,
//! parties, sentence. Never run on test sets.

use crate::{code_explained, eval_dir, read_tsv, Actors};
use parley_analyze::events::EventStage;

pub fn run(stage: &EventStage, ph: &Actors) {
    let path = format!("{}/conflibert-cameo/cameo_class/train.tsv", eval_dir());
    for (text, class) in read_tsv(&path) {
        let (events, why) = code_explained(stage, ph, &text, None);
        let (root, code) = events
            .first()
            .map(|e| (e.root.clone(), e.code.clone()))
            .unwrap_or_else(|| ("none".into(), "-".into()));
        let triggers: Vec<String> = why
            .triggers
            .iter()
            .map(|(w, c)| format!("{w}={c}"))
            .collect();
        println!(
            "{class}\t{root}\t{code}\t{}\t{}\t{}\t{text}",
            triggers.join(","),
            why.verb_words.join(","),
            why.parties.join(",")
        );
    }
}
