//! Speakers from the parse: the nominal subject of a cue verb ("The head of the delegation,
//! who had flown in from Moscow the night before for the third round, said …" has "head" as
//! the subject of "said", however far apart they are).

use super::cues::CueAt;
use super::doc::Doc;

/// How many "conj" links a cue may climb to the verb whose subject it shares
/// ("Peskov declined to comment on the report and later said …").
const MAX_CONJ_HOPS: usize = 3;

/// The speaker phrase (an index into `doc.chunks`) that is the nominal subject of the cue's
/// verb in the parse, if there is a parse, the cue is a verb with such a subject in its own
/// sentence, and the subject heads a speaker phrase.
pub fn cue_subject(doc: &Doc, cue: &CueAt) -> Option<usize> {
    let parse = doc.parse?;
    let mut verb = cue
        .tokens
        .clone()
        .filter_map(|k| parse.token_at(doc.toks[k].span.start))
        .find(|&i| parse.token(i).tag.starts_with("VB"))?;
    let mut subject = parse.child(verb, &["nsubj"]);
    let mut hops = 0;
    while subject.is_none() && parse.token(verb).dep == "conj" && hops < MAX_CONJ_HOPS {
        verb = parse.head(verb)?;
        subject = parse.child(verb, &["nsubj"]);
        hops += 1;
    }
    let k = doc.tok_at(parse.token(subject?).start)?;
    if !doc.sentence_tokens(cue.sentence).contains(&k) {
        return None;
    }
    doc.chunk_of[k]
}
