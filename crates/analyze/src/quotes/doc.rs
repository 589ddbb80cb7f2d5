//! The view of one article the quote stage works on: the text layer's tokens with flags
//! (inside a quotation, capitalised, sentence-initial) and the speaker phrases found in each
//! sentence ("Kremlin spokesman Dmitry Peskov", "Russia's US embassy", "he").

use super::lexicon::{Lexicon, NounClass};
use crate::parse::Parse;
use parley_core::text::{TextLayer, TokenKind};
use parley_core::{EntityMention, Span};
use std::ops::Range;

/// One token of the text layer, with what the quote stage asks of it.
#[derive(Debug, Clone)]
pub struct Tok {
    pub span: Span,
    pub kind: TokenKind,
    /// Lowercased normal form, with a possessive `'s` kept.
    pub lower: String,
    pub cap: bool,
    /// Inside the content of an outer quotation.
    pub in_quote: bool,
    pub sentence: usize,
    /// First word of its sentence (after any quote marks or brackets).
    pub initial: bool,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// The word without a possessive `'s` ("russia's" → "russia").
    pub fn stem(&self) -> &str {
        self.lower
            .strip_suffix("'s")
            .or_else(|| self.lower.strip_suffix('\''))
            .unwrap_or(&self.lower)
    }

    pub fn is_punct(&self, c: &str) -> bool {
        matches!(self.kind, TokenKind::Punct | TokenKind::Dash) && self.lower == c
    }
}

/// What kind of speaker a phrase names; decides which pronouns can refer to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Person,
    Group,
    Org,
    /// A proper name of unknown kind ("Lavrov", "Moscow", "Daily Beast").
    Name,
    /// he / she
    PronounPerson,
    /// it
    PronounThing,
    /// they
    PronounGroup,
}

impl Class {
    pub fn is_pronoun(self) -> bool {
        matches!(
            self,
            Class::PronounPerson | Class::PronounThing | Class::PronounGroup
        )
    }

    /// True when a pronoun of class `self` can refer to a speaker of class `other`.
    pub fn can_refer_to(self, other: Class) -> bool {
        match self {
            Class::PronounPerson => matches!(other, Class::Person | Class::Name),
            Class::PronounThing => matches!(other, Class::Org | Class::Name),
            Class::PronounGroup => matches!(other, Class::Group | Class::Org),
            _ => false,
        }
    }
}

/// A phrase that can name a speaker.
#[derive(Debug, Clone)]
pub struct Chunk {
    /// Token indices, determiners included.
    pub tokens: Range<usize>,
    /// First token of the name (after determiners).
    pub name_start: usize,
    pub head: usize,
    pub class: Class,
    /// The actor of an entity mention that covers the head.
    pub actor: Option<(String, String)>,
}

/// Tokens, speaker phrases and entity mentions of one article.
pub struct Doc<'a> {
    pub body: &'a str,
    pub layer: &'a TextLayer,
    pub lex: &'a Lexicon,
    pub toks: Vec<Tok>,
    pub chunks: Vec<Chunk>,
    /// Token index → index into `chunks`.
    pub chunk_of: Vec<Option<usize>>,
    /// The body's parse, when the linguistic layer ran.
    pub parse: Option<&'a Parse>,
}

const DETERMINERS: &[&str] = &["the", "a", "an", "both", "two", "three", "several", "some"];
const CONNECTORS: &[&str] = &["of", "and", "for", "&"];

/// Words that end a descriptive speaker phrase ("a graduate who asked …").
const DESCRIPTION_STOPS: &[&str] = &[
    "who", "which", "that", "whose", "in", "on", "at", "for", "after", "with", "from", "to",
    "during", "because", "and", "but", "said", "says", "told", "adding",
];

/// All capitals (dots allowed), two letters or more: "NATO", "U.S.", "EU".
fn is_acronym(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2
        && letters.iter().all(|c| c.is_uppercase())
        && text.chars().all(|c| c.is_alphabetic() || c == '.')
}

pub(crate) fn pronoun_class(word: &str) -> Option<Class> {
    match word {
        "he" | "she" => Some(Class::PronounPerson),
        "it" => Some(Class::PronounThing),
        "they" => Some(Class::PronounGroup),
        _ => None,
    }
}

impl<'a> Doc<'a> {
    pub fn new(
        body: &'a str,
        layer: &'a TextLayer,
        lex: &'a Lexicon,
        mentions: &[EntityMention],
    ) -> Self {
        let toks = make_toks(body, layer);
        let mut doc = Doc {
            body,
            layer,
            lex,
            chunk_of: vec![None; toks.len()],
            toks,
            chunks: Vec::new(),
            parse: None,
        };
        for sentence in &layer.sentences {
            doc.find_chunks(sentence.tokens.clone());
        }
        doc.attach_mentions(mentions);
        doc
    }

    pub fn text(&self, span: Span) -> &'a str {
        self.body.get(span.start..span.end).unwrap_or("")
    }

    /// The same view with the body's parse, for the stages' parse-based rules.
    pub fn with_parse(mut self, parse: Option<&'a Parse>) -> Self {
        self.parse = parse;
        self
    }

    /// The token whose bytes hold `byte`.
    pub fn tok_at(&self, byte: usize) -> Option<usize> {
        let k = self.toks.partition_point(|t| t.span.end <= byte);
        (k < self.toks.len() && self.toks[k].span.start <= byte).then_some(k)
    }

    /// The tokens of sentence `s`.
    pub fn sentence_tokens(&self, s: usize) -> Range<usize> {
        self.layer.sentences.get(s).map_or(0..0, |s| {
            s.tokens.start.min(self.toks.len())..s.tokens.end.min(self.toks.len())
        })
    }

    fn is_core(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if !t.is_word() || t.in_quote {
            return false;
        }
        if matches!(
            self.lex.noun_class(t.stem()),
            Some(NounClass::Person | NounClass::Group | NounClass::Org)
        ) {
            return true;
        }
        self.is_name_word(i)
    }

    /// A capitalised word that can be part of a name.
    pub fn is_name_word(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if !t.is_word() || t.in_quote || !t.cap || self.lex.is_not_name(t.stem()) {
            return false;
        }
        if pronoun_class(&t.lower).is_some() || self.lex.cue(&t.lower).is_some() {
            return false;
        }
        if t.initial {
            let w = t.lower.as_str();
            let looks_common = w.ends_with("ing") || w.ends_with("ly") || w.ends_with("ed");
            return !looks_common;
        }
        true
    }

    /// A noun naming a person by role ("ambassador", "spokesman").
    fn is_role(&self, i: usize) -> bool {
        self.lex.noun_class(self.toks[i].stem()) == Some(NounClass::Person)
    }

    fn is_particle(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.is_word() && !t.in_quote && self.lex.noun_class(&t.lower) == Some(NounClass::Particle)
    }

    fn is_modifier(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.is_word() && !t.in_quote && self.lex.noun_class(t.stem()) == Some(NounClass::Modifier)
    }

    fn find_chunks(&mut self, range: Range<usize>) {
        super::work::visit(range.len());
        let mut i = range.start;
        while i < range.end {
            let t = &self.toks[i];
            if t.is_word() && !t.in_quote {
                if let Some(class) = pronoun_class(&t.lower) {
                    self.push_chunk(i..i + 1, i, i, class);
                    i += 1;
                    continue;
                }
            }
            let start = i;
            let mut j = i;
            while j < range.end
                && self.toks[j].is_word()
                && DETERMINERS.contains(&self.toks[j].lower.as_str())
            {
                j += 1;
            }
            let name_start = j;
            let mut last_core = None;
            while j < range.end {
                if self.is_core(j) {
                    last_core = Some(j);
                    j += 1;
                } else if self.is_modifier(j) {
                    j += 1;
                } else if last_core.is_some()
                    && self.toks[j].is_word()
                    && (CONNECTORS.contains(&self.toks[j].lower.as_str())
                        || (self.toks[j].lower == "to"
                            && last_core.is_some_and(|h| self.is_role(h))))
                {
                    // "Secretary of State", "spokesman for the ministry"
                    let next = if j + 2 < range.end && self.toks[j + 1].lower == "the" {
                        j + 2
                    } else {
                        j + 1
                    };
                    if next < range.end && (self.is_core(next) || self.is_modifier(next)) {
                        j = next;
                    } else {
                        break;
                    }
                } else if last_core.is_some()
                    && self.is_particle(j)
                    && j + 1 < range.end
                    && (self.is_particle(j + 1) || self.is_name_word(j + 1))
                {
                    j += 1; // "Ursula von der Leyen"
                } else {
                    break;
                }
            }
            if last_core.is_none() && j > start {
                if let Some(head) = self.described_speaker(start, range.end) {
                    self.push_chunk(start..head + 1, start, head, Class::Person);
                    i = head + 1;
                    continue;
                }
            }
            match last_core {
                Some(head) => {
                    let class = self.chunk_class(name_start, head);
                    self.push_chunk(start..head + 1, name_start, head, class);
                    i = head + 1;
                }
                None => i = j.max(i + 1),
            }
        }
    }

    fn chunk_class(&self, start: usize, head: usize) -> Class {
        let has_and =
            (start..head).any(|k| self.toks[k].lower == "and" || self.toks[k].lower == "&");
        match self.lex.noun_class(self.toks[head].stem()) {
            Some(NounClass::Person) if !has_and => Class::Person,
            Some(NounClass::Org) if !has_and && !self.role_before(start, head) => Class::Org,
            Some(NounClass::Org) if !has_and => Class::Person,
            Some(_) => Class::Group,
            None if has_and => Class::Group,
            None => {
                if self.role_before(start, head) {
                    Class::Person
                } else if is_acronym(self.text(self.toks[head].span)) {
                    Class::Org // "NATO", "U.S.", "the EU"
                } else {
                    Class::Name
                }
            }
        }
    }

    /// `“…,” said a recent graduate who asked …`: after a quote and its cue, a phrase that
    /// opens with a determiner names the speaker even without a name or a role noun.
    /// Returns the phrase's last token.
    fn described_speaker(&self, det: usize, end: usize) -> Option<usize> {
        let cue = det.checked_sub(1)?;
        if !self.toks[cue].is_word() || self.lex.cue(&self.toks[cue].lower).is_none() {
            return None;
        }
        let mut k = cue;
        while k > 0 && matches!(self.toks[k - 1].lower.as_str(), "," | "—" | "–" | "-") {
            k -= 1;
        }
        let close = k.checked_sub(1)?;
        let t = &self.toks[close];
        if t.kind != TokenKind::QuoteMark
            || t.in_quote
            || close == 0
            || !self.toks[close - 1].in_quote
        {
            return None;
        }
        let mut last = None;
        let mut j = det + 1;
        while j < end && j <= det + 6 {
            let w = &self.toks[j];
            if !w.is_word() || w.in_quote || DESCRIPTION_STOPS.contains(&w.lower.as_str()) {
                break;
            }
            last = Some(j);
            j += 1;
        }
        last
    }

    /// A role noun before the head: "spokesman Dmitry Peskov", "spokesman for the ministry".
    fn role_before(&self, start: usize, head: usize) -> bool {
        (start..head).any(|k| self.lex.noun_class(self.toks[k].stem()) == Some(NounClass::Person))
    }

    fn push_chunk(&mut self, tokens: Range<usize>, name_start: usize, head: usize, class: Class) {
        let index = self.chunks.len();
        for k in tokens.clone() {
            self.chunk_of[k] = Some(index);
        }
        self.chunks.push(Chunk {
            tokens,
            name_start,
            head,
            class,
            actor: None,
        });
    }

    /// Gives each chunk the actor of the entity mention covering its head.
    fn attach_mentions(&mut self, mentions: &[EntityMention]) {
        let mut sorted: Vec<&EntityMention> =
            mentions.iter().filter(|m| m.actor.is_some()).collect();
        sorted.sort_by_key(|m| m.span.start);
        let starts: Vec<usize> = sorted.iter().map(|m| m.span.start).collect();
        for chunk in &mut self.chunks {
            let head = self.toks[chunk.head].span;
            // The mentions starting at or before the head; the covering one is among the last few.
            let upto = starts.partition_point(|&s| s <= head.start);
            let lo = upto.saturating_sub(8);
            let covering = sorted[lo..upto]
                .iter()
                .rev()
                .find(|m| m.span.start <= head.start && head.end <= m.span.end);
            if let Some(m) = covering {
                if let Some(actor) = &m.actor {
                    chunk.actor = Some((actor.id.clone(), actor.name.clone()));
                    chunk.class = match actor.kind.as_str() {
                        "person" => Class::Person,
                        "group" => Class::Group,
                        _ if chunk.class.is_pronoun() => chunk.class,
                        _ => Class::Org,
                    };
                    if chunk.class.is_pronoun() {
                        // A pronoun the coreference already resolved.
                        chunk.class = if actor.kind == "person" {
                            Class::Person
                        } else {
                            Class::Org
                        };
                    }
                }
            }
        }
    }

    /// The speaker name a chunk gives: the resolved actor's name, else its words.
    pub fn chunk_name(&self, c: &Chunk) -> String {
        if let Some((_, name)) = &c.actor {
            if !self.spelled_otherwise(c, name) {
                return name.clone();
            }
            // The article's own spelling, after any title: "Volodymyr Zelenskiy".
            let from = (c.name_start..c.head)
                .rev()
                .find(|&k| self.is_role(k))
                .map_or(c.name_start, |k| k + 1);
            return self.words(from, c.head);
        }
        self.words(c.name_start, c.head)
    }

    /// True when the text gives the actor's name in another form: another spelling of a
    /// person's surname ("Zelenskiy" for "Zelensky") or in full where the actor's name is the
    /// acronym ("Collective Security Treaty Organization" for "CSTO"). The article's form is
    /// what the quote's source wrote.
    fn spelled_otherwise(&self, c: &Chunk, actor_name: &str) -> bool {
        let head = self.text(self.toks[c.head].span).to_lowercase();
        let last = actor_name
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_lowercase();
        let shared = head
            .chars()
            .zip(last.chars())
            .take_while(|(a, b)| a == b)
            .count();
        // People's names are transliterated in many ways; a place or a people is not
        // ("Russian" is no spelling of "Russia").
        let variant = c.class == Class::Person
            && head != last
            && head.chars().count().abs_diff(last.chars().count()) <= 2
            && head.chars().count() >= 5
            && last.chars().count() >= 5
            && shared >= 4
            && !head.ends_with("'s")
            && !head.ends_with("’s");
        let initials: String = (c.name_start..=c.head)
            .filter(|&k| self.toks[k].is_word() && self.toks[k].cap)
            .filter_map(|k| self.text(self.toks[k].span).chars().next())
            .collect();
        let letters: String = actor_name.chars().filter(|ch| ch.is_alphabetic()).collect();
        let acronym = is_acronym(actor_name) && initials.len() >= 2 && initials == letters;
        variant || acronym
    }

    /// The words from token `first` to `last`, one space apart, without a final possessive.
    fn words(&self, first: usize, last: usize) -> String {
        let start = self.toks[first].span.start;
        let end = self.toks[last].span.end;
        let text = self.text(Span::new(start, end));
        let name = text.split_whitespace().collect::<Vec<_>>().join(" ");
        // "President Trump’s" (advisers) → "President Trump"
        let bare = ["’s", "'s", "’", "'"]
            .iter()
            .find_map(|p| name.strip_suffix(p));
        bare.map_or(name.clone(), str::to_string)
    }

    pub fn chunk_span(&self, c: &Chunk) -> Span {
        Span::new(
            self.toks[c.name_start].span.start,
            self.toks[c.head].span.end,
        )
    }
}

/// The text layer's tokens with the flags the stage needs; linear in the number of tokens.
fn make_toks(body: &str, layer: &TextLayer) -> Vec<Tok> {
    let outer: Vec<Span> = layer
        .quotations
        .iter()
        .filter(|q| q.depth == 0)
        .map(|q| q.content)
        .collect();
    let mut q = 0;
    let mut last_sentence = usize::MAX;
    let mut seen_word = false;
    super::work::visit(layer.tokens.len());
    let mut toks = Vec::with_capacity(layer.tokens.len());
    for t in &layer.tokens {
        while q < outer.len() && outer[q].end <= t.span.start {
            q += 1;
        }
        let in_quote =
            q < outer.len() && outer[q].start <= t.span.start && t.span.end <= outer[q].end;
        if t.sentence != last_sentence {
            last_sentence = t.sentence;
            seen_word = false;
        }
        let is_word = t.kind == TokenKind::Word;
        let initial = is_word && !seen_word;
        if is_word {
            seen_word = true;
        }
        let text = body.get(t.span.start..t.span.end).unwrap_or("");
        let cap = text
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase);
        let lower = t.norm.replace('’', "'").to_lowercase();
        toks.push(Tok {
            span: t.span,
            kind: t.kind,
            lower,
            cap,
            in_quote,
            sentence: t.sentence,
            initial,
        });
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;
    use parley_core::{ActorRef, TextSpan};

    fn chunks(body: &str, mentions: &[EntityMention]) -> Vec<(String, Class, Option<String>)> {
        let layer = TextLayer::new(body);
        let lex = Lexicon::builtin().unwrap();
        let doc = Doc::new(body, &layer, &lex, mentions);
        doc.chunks
            .iter()
            .map(|c| {
                (
                    doc.chunk_name(c),
                    c.class,
                    c.actor.as_ref().map(|a| a.0.clone()),
                )
            })
            .collect()
    }

    fn names(body: &str) -> Vec<(String, Class)> {
        chunks(body, &[])
            .into_iter()
            .map(|(n, c, _)| (n, c))
            .collect()
    }

    #[test]
    fn titles_and_names_make_one_speaker_phrase() {
        assert_eq!(
            names("Kremlin spokesman Dmitry Peskov spoke."),
            [("Kremlin spokesman Dmitry Peskov".to_string(), Class::Person)]
        );
        assert_eq!(
            names("Then Deputy Secretary of State Wendy Sherman spoke."),
            [(
                "Deputy Secretary of State Wendy Sherman".to_string(),
                Class::Person
            )]
        );
    }

    #[test]
    fn institutions_and_groups_get_their_class() {
        assert_eq!(
            names("The Kremlin spoke.")[0],
            ("Kremlin".into(), Class::Org)
        );
        assert_eq!(
            names("Russia’s US embassy spoke.")[0],
            ("Russia’s US embassy".into(), Class::Org)
        );
        assert_eq!(
            names("Russian and NATO officials spoke.")[0],
            ("Russian and NATO officials".into(), Class::Group)
        );
        assert_eq!(
            names("A spokesman for the ministry spoke.")[0],
            ("spokesman for the ministry".into(), Class::Person)
        );
    }

    #[test]
    fn acronyms_are_organisations_and_single_names_are_unknown() {
        assert_eq!(names("Later NATO spoke.")[0], ("NATO".into(), Class::Org));
        assert_eq!(
            names("Later Lavrov spoke.")[0],
            ("Lavrov".into(), Class::Name)
        );
    }

    #[test]
    fn name_particles_stay_inside_the_name() {
        assert_eq!(
            names("Later Ursula von der Leyen spoke.")[0].0,
            "Ursula von der Leyen"
        );
    }

    #[test]
    fn sentence_openers_and_days_are_not_names() {
        assert!(names("However, on Monday nothing happened.").is_empty());
        assert!(names("Talking is better than fighting.").is_empty());
    }

    #[test]
    fn pronouns_are_speaker_phrases_of_their_own_class() {
        let n = names("He spoke. It spoke. They spoke.");
        let classes: Vec<Class> = n.iter().map(|x| x.1).collect();
        assert_eq!(
            classes,
            [
                Class::PronounPerson,
                Class::PronounThing,
                Class::PronounGroup
            ]
        );
    }

    #[test]
    fn a_mention_covering_the_head_gives_the_actor() {
        let body = "Later Lavrov spoke.";
        let start = body.find("Lavrov").unwrap();
        let mention = EntityMention {
            span: TextSpan {
                start,
                end: start + 6,
                text: "Lavrov".into(),
            },
            actor: Some(ActorRef {
                id: "RUSGOV:lavrov".into(),
                name: "Sergey Lavrov".into(),
                kind: "person".into(),
                country: Some("RUS".into()),
                sector: Some("GOV".into()),
            }),
            found_by: "coref".into(),
        };
        let c = chunks(body, &[mention]);
        assert_eq!(
            c[0],
            (
                "Sergey Lavrov".into(),
                Class::Person,
                Some("RUSGOV:lavrov".into())
            )
        );
    }

    fn mention(body: &str, text: &str, id: &str, name: &str, kind: &str) -> EntityMention {
        let start = body.find(text).unwrap();
        EntityMention {
            span: TextSpan {
                start,
                end: start + text.len(),
                text: text.into(),
            },
            actor: Some(ActorRef {
                id: id.into(),
                name: name.into(),
                kind: kind.into(),
                country: None,
                sector: None,
            }),
            found_by: "kb".into(),
        }
    }

    #[test]
    fn the_speaker_name_keeps_the_article_spelling_of_a_known_person() {
        let body = "Later President Aleksandr Kuzmenkov spoke.";
        let m = mention(
            body,
            "Aleksandr Kuzmenkov",
            "ak",
            "Alexander Kuzmenkoff",
            "person",
        );
        assert_eq!(chunks(body, &[m])[0].0, "Aleksandr Kuzmenkov");
        let body = "Later Sergei Lavrov spoke.";
        let m = mention(body, "Sergei Lavrov", "sl", "Sergey Lavrov", "person");
        assert_eq!(chunks(body, &[m])[0].0, "Sergey Lavrov");
    }

    #[test]
    fn the_speaker_name_is_the_full_form_of_an_acronym_actor() {
        let body = "Later the Baltic Energy Council spoke.";
        let m = mention(body, "Baltic Energy Council", "bec", "BEC", "organization");
        assert_eq!(chunks(body, &[m])[0].0, "Baltic Energy Council");
        let body = "Later the Russian Foreign Ministry spoke.";
        let m = mention(
            body,
            "Russian Foreign Ministry",
            "rm",
            "RFM",
            "organization",
        );
        assert_eq!(chunks(body, &[m])[0].0, "Russian Foreign Ministry");
    }

    #[test]
    fn a_people_keeps_the_actor_name_of_its_country() {
        let body = "Later the Russian spoke.";
        let m = mention(body, "Russian", "RUS", "Russia", "country");
        assert_eq!(chunks(body, &[m])[0].0, "Russia");
    }

    #[test]
    fn words_inside_quotes_are_flagged() {
        let body = "He said “Russia is ready” today.";
        let layer = TextLayer::new(body);
        let lex = Lexicon::builtin().unwrap();
        let doc = Doc::new(body, &layer, &lex, &[]);
        let inside: Vec<&str> = doc
            .toks
            .iter()
            .filter(|t| t.in_quote)
            .map(|t| t.lower.as_str())
            .collect();
        assert_eq!(inside, ["russia", "is", "ready"]);
    }
}
