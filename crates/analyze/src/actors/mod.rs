//! Actors: which party each mention stands for.
//!
//! [`ActorStage`] finds entity mentions in an article body with a knowledge base of countries,
//! organisations, places, dated officials and role words (the text files in `data/actors/`,
//! compiled in), name patterns with title context for people the knowledge base does not know,
//! and in-document coreference (surnames, titles, he/she). Every mention is a byte span into
//! the body.
//!
//! The linguistic layer's NER can add candidate names: [`ActorStage::mentions_with`] takes
//! person spans found by other means and resolves them the same way.
//!
//! Steps, all over a folded copy of the body (accents, quotes and dashes made plain, with an
//! offset map back to body bytes): dictionary hits (one aho-corasick automaton, word
//! boundaries, one-word names case-sensitive); ambiguous names decided by cue words in the
//! sentence; capitals as places after "in/to/from..." and as governments elsewhere; web domains
//! as outlets; people not in the knowledge base from capitalised runs that start with a known
//! given name or stand after a title ("Deputy Foreign Minister X", "Mr X") or before a
//! description (", who led the US delegation"), with country and sector from the title's owner
//! ("Russia's", "Kremlin", "NATO"); role words with an owner as group and institution actors
//! ("Russian officials", "Russia's US embassy"); definite descriptions ("the Russian foreign
//! minister") as the person named earlier with that role, else the office holder on the
//! publication date; then coreference (see [`coref`]).

pub mod cameo;
pub mod coref;
pub mod detect;
pub mod fold;
pub mod folded_body;
pub mod kb;
pub mod matcher;
pub(crate) mod named_places;
pub mod ner;
pub mod phoenix;
pub mod text;
pub(crate) mod words;

use chrono::NaiveDate;
use parley_core::{EntityMention, Span};
use std::collections::HashSet;
use std::path::Path;

pub use kb::{KbError, KnowledgeBase};
pub use text::rough_sentences;

/// The actor stage: a knowledge base compiled once (about 10–20 ms: build it once and share it;
/// it is `Send + Sync`), run on every article (a few hundred microseconds for a 4 kB article).
#[derive(Debug, Clone)]
pub struct ActorStage {
    kb: KnowledgeBase,
    matcher: matcher::Matcher,
    /// The surname of every knowledge-base person (same order as `kb.people`), worked out once:
    /// each name found in a text is compared with all of them.
    surnames: Vec<String>,
    /// The same surnames in lower case, for a quick test of a lower-case word after a title.
    lower_surnames: HashSet<String>,
}

impl ActorStage {
    /// The stage with the built-in knowledge base.
    pub fn new() -> Self {
        // The built-in files are checked by the tests, so this cannot fail on a released build.
        let kb = KnowledgeBase::builtin().expect("the built-in actor knowledge base parses");
        Self::with_kb(kb)
    }

    /// The stage with the knowledge base in `dir` (a copy of `data/actors/`; files missing
    /// there come from the built-in copy).
    pub fn from_dir(dir: &Path) -> Result<Self, KbError> {
        Ok(Self::with_kb(KnowledgeBase::from_dir(dir)?))
    }

    /// The built-in knowledge base extended with the Phoenix dictionaries in `dir`
    /// (`Phoenix.Countries.actors.txt`, `Phoenix.International.actors.txt`, `Phoenix.agents.txt`).
    pub fn with_phoenix(dir: &Path) -> std::io::Result<Self> {
        let mut kb = KnowledgeBase::builtin().expect("the built-in actor knowledge base parses");
        let known = kb.countries.iter().map(|c| c.code.clone()).collect();
        let phx = phoenix::load_dir(dir, &known)?;
        kb.extend(phx.people, phx.orgs, phx.places, phx.roles);
        Ok(Self::with_kb(kb))
    }

    pub fn with_kb(kb: KnowledgeBase) -> Self {
        let matcher = matcher::Matcher::new(&kb);
        let surnames: Vec<String> = kb
            .people
            .iter()
            .map(|p| kb.surname(&p.name).to_string())
            .collect();
        let lower_surnames = surnames.iter().map(|s| s.to_lowercase()).collect();
        ActorStage {
            kb,
            matcher,
            surnames,
            lower_surnames,
        }
    }

    pub fn kb(&self) -> &KnowledgeBase {
        &self.kb
    }

    /// Every actor mention in `body`. `sentences` are sentence spans from the text layer (pass
    /// `&[]` to use a rough built-in splitter); `published` picks each official's role.
    pub fn mentions(
        &self,
        body: &str,
        sentences: &[Span],
        published: Option<NaiveDate>,
    ) -> Vec<EntityMention> {
        self.mentions_with(body, sentences, published, &[])
    }

    /// As [`ActorStage::mentions`], with person-name spans found by other means (the NER of the
    /// linguistic layer, `PERSON` entities). Each is resolved like a name found by pattern:
    /// to a person already named, to a knowledge-base person, or to a new person with the
    /// country and sector its title gives; it is reported with `found_by` "ner" when new.
    pub fn mentions_with(
        &self,
        body: &str,
        sentences: &[Span],
        published: Option<NaiveDate>,
        people: &[Span],
    ) -> Vec<EntityMention> {
        detect::detect(self, body, sentences, published, people)
    }
}

/// One actor of a document with the mentions that stand for it.
#[derive(Debug, Clone, PartialEq)]
pub struct DocActor {
    pub actor: parley_core::ActorRef,
    /// How many mentions stand for it.
    pub mentions: usize,
    /// Byte offset of its first mention.
    pub first: usize,
}

/// The document-level actor list: mentions of the same actor id merged, in order of first
/// mention. A person's name is taken from its longest mention's actor name.
pub fn document_actors(mentions: &[EntityMention]) -> Vec<DocActor> {
    let mut out: Vec<DocActor> = Vec::new();
    for m in mentions {
        let Some(a) = &m.actor else { continue };
        match out.iter_mut().find(|d| d.actor.id == a.id) {
            Some(d) => {
                d.mentions += 1;
                d.first = d.first.min(m.span.start);
            }
            None => out.push(DocActor {
                actor: a.clone(),
                mentions: 1,
                first: m.span.start,
            }),
        }
    }
    out.sort_by_key(|d| d.first);
    out
}

impl Default for ActorStage {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests;
