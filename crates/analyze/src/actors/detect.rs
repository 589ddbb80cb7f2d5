//! Mention detection: dictionary hits, people found by name patterns and title context, role
//! words turned into group and institution actors, and in-document coreference.
//!
//! Everything here works on the folded copy of the body (see [`super::fold`]); spans are mapped
//! back to body bytes at the end.

use super::fold::Folded;
use super::folded_body::FoldedBody;
use super::kb::{Gender, KnowledgeBase, RoleKind, NON_STATE};
use super::matcher::{Hit, Target};
use super::text::{rough_sentences, Tok};
use super::words::{files, words, WordSet};
use super::ActorStage;
use chrono::NaiveDate;
use parley_core::{ActorRef, EntityMention, Span, TextSpan};
use std::collections::HashSet;
use std::sync::LazyLock;

/// A mention under construction, in folded coordinates.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub actor: Option<ActorRef>,
    pub found_by: &'static str,
    /// For a role word: its index in `kb.roles`.
    pub role_word: Option<usize>,
    /// For a person: what coreference needs.
    pub person: Option<PersonNote>,
    /// Used as a modifier ("Biden regime"), so not an antecedent for pronouns.
    pub modifier: bool,
    /// Swallowed by a longer construction (a title before a name, a context word).
    pub consumed: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PersonNote {
    pub surname: String,
    pub gender: Option<Gender>,
    pub role: Option<String>,
}

/// The words that make a capital a place rather than its government ("talks in Moscow").
static PLACE_PREPOSITIONS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::parse(files::PLACE_PREPOSITIONS));

/// Capitalised words that never start or continue a person's name.
static NOT_NAME: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(files::NOT_NAME));

static HONORIFICS: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(files::HONORIFICS));

/// Words that may stand between an owner and a title: "Russia's top diplomat".
static CHAIN_FILLERS: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(files::CHAIN_FILLERS));

/// Last words that make a capitalised run a place or thing, not a person ("Victoria Harbour").
static NOT_NAME_TAIL: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(files::NOT_NAME_TAIL));

static PARTICLES: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(files::PARTICLES));

/// Words that may follow a noun phrase's head (`after-head.txt`) and irregular past forms: an
/// agent noun before one of them is a party, not a modifier.
static AFTER_HEAD: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(files::AFTER_HEAD));
static PAST_IRREGULAR: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(files::PAST_IRREGULAR));

/// Words before an agent noun that make it the subject's own forces ("sent troops", "its
/// troops"): `own-forces.txt`.
static OWN_FORCES: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(files::OWN_FORCES));

/// Domain endings, in file order (at most one fits a full stop).
static WEB_DOMAINS: LazyLock<Vec<&str>> = LazyLock::new(|| words(files::WEB_DOMAINS));

/// Context for one article.
pub(crate) struct Doc<'a> {
    pub kb: &'a KnowledgeBase,
    /// `kb.surname` of every `kb.people` entry, in the same order.
    pub surnames: &'a [String],
    /// The same in lower case.
    pub lower_surnames: &'a HashSet<String>,
    pub f: &'a Folded,
    pub toks: &'a [Tok],
    /// Sentence spans in folded coordinates.
    pub sents: Vec<(usize, usize)>,
    pub date: Option<NaiveDate>,
    pub found: Vec<Found>,
}

pub(crate) fn detect(
    stage: &ActorStage,
    body: &str,
    sentences: &[Span],
    date: Option<NaiveDate>,
    people: &[Span],
) -> Vec<EntityMention> {
    let prepared = FoldedBody::shared(body);
    let (f, toks) = (&prepared.folded, &prepared.toks[..]);
    let spans: Vec<Span> = if sentences.is_empty() {
        rough_sentences(body)
    } else {
        sentences.to_vec()
    };
    let mut sents = f.folded_spans(&spans);
    sents.sort_unstable();
    let hits = stage.matcher.find_in_tokens(&f.text, toks);
    let mut doc = Doc {
        kb: &stage.kb,
        surnames: &stage.surnames,
        lower_surnames: &stage.lower_surnames,
        f,
        toks,
        sents,
        date,
        found: Vec::new(),
    };
    for h in &hits {
        if let Some(m) = doc.interpret(h) {
            doc.found.push(m);
        }
    }
    doc.web_outlets();
    doc.named_places();
    doc.sort();
    doc.given_people(people);
    doc.sort();
    doc.names();
    doc.first_names_before_people();
    doc.sort();
    doc.lowercase_titled_people();
    doc.sort();
    doc.titled_people_of_countries();
    doc.owned_institutions();
    doc.roles();
    doc.sort();
    super::coref::resolve(&mut doc);
    doc.sort();
    doc.output(body)
}

pub(crate) fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The word with its first letter in upper case ("obama" → "Obama").
fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

impl<'a> Doc<'a> {
    pub fn text(&self, s: usize, e: usize) -> &str {
        self.f.text.get(s..e).unwrap_or("")
    }

    fn sort(&mut self) {
        self.found
            .sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    }

    /// Adds `m` where [`Self::sort`] would put it: the title look-back of the names found next
    /// ([`Self::left_chain`]) takes the last mention before a place in list order, which must
    /// be the nearest ("President Chirac met King Abdullah": "King", not "Chirac").
    fn insert_sorted(&mut self, m: Found) {
        let at = self
            .found
            .partition_point(|f| f.start < m.start || (f.start == m.start && f.end >= m.end));
        self.found.insert(at, m);
    }

    /// The sentence (folded span) holding folded offset `at`.
    pub fn sentence_of(&self, at: usize) -> (usize, usize) {
        let i = self.sents.partition_point(|&(s, _)| s <= at);
        match i.checked_sub(1).map(|j| self.sents[j]) {
            Some((s, e)) if at < e => (s, e),
            _ => (0, self.f.text.len()),
        }
    }

    pub fn sentence_index(&self, at: usize) -> usize {
        self.sents.partition_point(|&(s, _)| s <= at)
    }

    /// The word just before folded offset `at`, if any.
    fn word_before(&self, at: usize) -> Option<&str> {
        let i = self.toks.partition_point(|t| t.end <= at);
        let t = self.toks.get(i.checked_sub(1)?)?;
        t.word.then(|| self.text(t.start, t.end))
    }

    pub fn country_actor(&self, i: usize, sector: Option<&str>) -> ActorRef {
        let c = &self.kb.countries[i];
        ActorRef {
            id: c.code.clone(),
            name: c.name.clone(),
            kind: "country".into(),
            country: Some(c.code.clone()),
            sector: sector.map(String::from),
        }
    }

    pub fn person_actor(&self, i: usize) -> (ActorRef, PersonNote) {
        let p = &self.kb.people[i];
        let office = p.office_at(self.date);
        let actor = ActorRef {
            id: p.id.clone(),
            name: p.name.clone(),
            kind: "person".into(),
            country: office.and_then(|o| o.country.clone()),
            sector: office.and_then(|o| o.sector.clone()),
        };
        let note = PersonNote {
            surname: self.kb.surname(&p.name).to_string(),
            gender: self.gender_of(&p.name),
            role: office.and_then(|o| o.role.clone()),
        };
        (actor, note)
    }

    pub fn gender_of(&self, name: &str) -> Option<Gender> {
        let first = name.split([' ', '-']).next()?;
        self.kb.given_names.get(first).copied()
    }

    /// The actor for a knowledge-base id (country code, organisation or place id).
    fn actor_for_id(&self, id: &str) -> Option<ActorRef> {
        if let Some(i) = self.kb.countries.iter().position(|c| c.code == id) {
            return Some(self.country_actor(i, None));
        }
        if let Some(i) = self.kb.orgs.iter().position(|o| o.id == id) {
            return Some(self.org_actor(i));
        }
        let i = self.kb.places.iter().position(|p| p.id == id)?;
        Some(self.place_actor(i))
    }

    fn org_actor(&self, i: usize) -> ActorRef {
        let o = &self.kb.orgs[i];
        ActorRef {
            id: o.id.clone(),
            name: o.name.clone(),
            kind: o.kind.clone(),
            country: o.country.clone(),
            sector: o.sector.clone(),
        }
    }

    fn place_actor(&self, i: usize) -> ActorRef {
        let p = &self.kb.places[i];
        ActorRef {
            id: p.id.clone(),
            name: p.name.clone(),
            kind: "place".into(),
            country: p.country.clone(),
            sector: None,
        }
    }

    fn new_found(
        &self,
        start: usize,
        end: usize,
        actor: Option<ActorRef>,
        by: &'static str,
    ) -> Found {
        Found {
            start,
            end,
            actor,
            found_by: by,
            role_word: None,
            person: None,
            modifier: false,
            consumed: false,
        }
    }

    /// Turns a dictionary hit into a mention (or a role word).
    fn interpret(&self, h: &Hit) -> Option<Found> {
        let mut m = self.new_found(h.start, h.end, None, "kb");
        match &h.target {
            Target::CountryName(i) | Target::Demonym(i) => {
                m.actor = Some(self.country_actor(*i, None))
            }
            Target::Capital(i) => m.actor = Some(self.capital(*i, h.start, h.end)),
            Target::Org(i) => m.actor = Some(self.org_actor(*i)),
            Target::Place(i) => m.actor = Some(self.place_actor(*i)),
            Target::Person(i) => {
                let (a, note) = self.person_actor(*i);
                m.actor = Some(a);
                m.person = Some(note);
            }
            Target::Role(i) => m.role_word = Some(*i),
            Target::Ambiguous(alias) => {
                let id = self.disambiguate(alias, h.start)?;
                // "in Brussels" is the city, whatever the sentence is about.
                let prep = self
                    .word_before(h.start)
                    .is_some_and(|w| PLACE_PREPOSITIONS.contains(w.to_ascii_lowercase().as_str()));
                let capital_of =
                    self.kb.countries.iter().position(|c| {
                        (c.code == id || prep) && c.capitals.iter().any(|x| x == alias)
                    });
                m.actor = match capital_of {
                    Some(i) => Some(self.capital(i, h.start, h.end)),
                    None => self.actor_for_id(&id),
                };
            }
        }
        Some(m)
    }

    /// A capital after "in", "to", "from"... is a place; elsewhere it stands for its government.
    fn capital(&self, i: usize, start: usize, end: usize) -> ActorRef {
        let prep = self
            .word_before(start)
            .is_some_and(|w| PLACE_PREPOSITIONS.contains(w.to_ascii_lowercase().as_str()));
        let c = &self.kb.countries[i];
        if prep {
            let name = self.text(start, end).to_string();
            ActorRef {
                id: format!("{}:{}", c.code, slug(&name)),
                name,
                kind: "place".into(),
                country: Some(c.code.clone()),
                sector: None,
            }
        } else {
            self.country_actor(i, Some("GOV"))
        }
    }

    /// Picks the reading of an ambiguous alias whose cue words occur most in the sentence (its
    /// article cues anywhere in the text).
    fn disambiguate(&self, alias: &str, at: usize) -> Option<String> {
        let readings = self.kb.ambiguous.get(alias)?;
        let (s, e) = self.sentence_of(at);
        let sentence = self.text(s, e);
        let mut best = (0usize, readings.first()?.id.clone());
        for r in readings {
            let in_sentence = r.cues.iter().filter(|c| contains_word(sentence, c));
            let in_article = r
                .article_cues
                .iter()
                .filter(|c| contains_whole_name(&self.f.text, c));
            let n = in_sentence.count() + in_article.count();
            if n > best.0 {
                best = (n, r.id.clone());
            }
        }
        Some(best.1)
    }

    /// Web outlets named by their domain: "(JustPatriots.com)".
    fn web_outlets(&mut self) {
        let t = &self.f.text;
        let b = t.as_bytes();
        let mut add = Vec::new();
        // One pass over the full stops (a memchr search); at most one domain ending fits each.
        let dots = t.match_indices('.').map(|(at, _)| at);
        for at in dots {
            for tld in WEB_DOMAINS
                .iter()
                .filter(|tld| b[at..].starts_with(tld.as_bytes()))
            {
                let end = at + tld.len();
                if b.get(end).is_some_and(|c| c.is_ascii_alphanumeric()) {
                    continue;
                }
                let mut s = at;
                while s > 0 && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'-') {
                    s -= 1;
                }
                if s == at || (s > 0 && matches!(b[s - 1], b'.' | b'/' | b'@')) {
                    continue;
                }
                if self.found.iter().any(|m| m.start < end && at < m.end) {
                    continue;
                }
                let name = t[s..end].to_string();
                add.push(self.new_found(
                    s,
                    end,
                    Some(ActorRef {
                        id: format!("outlet:{}", name.to_lowercase()),
                        name,
                        kind: "organization".into(),
                        country: None,
                        sector: Some("MED".into()),
                    }),
                    "pattern",
                ));
            }
        }
        // Drop dictionary hits inside a domain ("Politico" in "Politico.com" is the domain).
        for a in &add {
            self.found
                .retain(|m| !(a.start <= m.start && m.end <= a.end));
        }
        self.found.extend(add);
    }

    /// The mentions that end just before folded offset `at`, nearest first, joined by spaces or
    /// a possessive ("Russia's Deputy Foreign Minister", "Kremlin spokesman"). Each comes with
    /// whether it is a possessive.
    pub fn left_chain(&self, at: usize, limit: usize) -> Vec<(usize, bool)> {
        let mut out = Vec::new();
        let mut cur = at;
        // Never across a sentence or line break (the folded text has no line breaks).
        let (sent_start, _) = self.sentence_of(at);
        while out.len() < limit {
            let Some(i) = self.found.iter().rposition(|m| {
                m.end <= cur && m.end + 40 >= cur && (m.actor.is_some() || m.role_word.is_some())
            }) else {
                break;
            };
            let m = &self.found[i];
            if m.start < sent_start {
                break;
            }
            let gap = self.text(m.end, cur).trim();
            let (possessive, rest) = match gap.strip_prefix("'s").or_else(|| gap.strip_prefix('\''))
            {
                Some(rest) => (true, rest),
                None => (false, gap),
            };
            // Only modifiers may stand between: "Turkish presidential spokesman"; after a
            // possessive, up to three lower-case words: "NATO's supreme allied commander".
            let words: Vec<&str> = rest.split_whitespace().collect();
            // "Dutch Trade Minister": a capitalised filler is part of the title
            let fillers = words
                .iter()
                .all(|w| CHAIN_FILLERS.contains(w) || CHAIN_FILLERS.contains(&w.to_lowercase()));
            let after_possessive = possessive
                && words.len() <= 3
                && words
                    .iter()
                    .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'));
            if !fillers && !after_possessive {
                break;
            }
            out.push((i, possessive));
            cur = m.start;
        }
        out
    }

    /// The owner of a title or role word: a possessive mention in the chain if there is one,
    /// else the nearest mention with an actor.
    pub fn owner(&self, chain: &[(usize, bool)]) -> Option<ActorRef> {
        let actor = |i: usize| self.found[i].actor.clone();
        chain
            .iter()
            .find(|(i, p)| *p && self.found[*i].actor.is_some())
            .or_else(|| chain.iter().find(|(i, _)| self.found[*i].actor.is_some()))
            .and_then(|(i, _)| actor(*i))
    }

    /// Person names found by other means (the NER of the linguistic layer), in body offsets:
    /// each becomes a person mention resolved like a pattern name, unless a knowledge-base
    /// mention other than a one-word place already covers it.
    fn given_people(&mut self, people: &[Span]) {
        for sp in people {
            let (s, e) = (self.f.folded_offset(sp.start), self.f.folded_offset(sp.end));
            if s >= e {
                continue;
            }
            let blocked = self.found.iter().any(|m| {
                m.start < e
                    && s < m.end
                    && !(s <= m.start
                        && m.end <= e
                        && m.actor
                            .as_ref()
                            .is_some_and(|a| matches!(a.kind.as_str(), "country" | "place")))
            });
            if blocked {
                continue;
            }
            let name = self.text(s, e).to_string();
            let title = self.title_before(s);
            let mut m = self.name_mention(s, e, &name, title);
            if m.found_by == "pattern" {
                m.found_by = "ner";
            }
            self.found
                .retain(|f| !(s <= f.start && f.end <= e && f.person.is_none()));
            self.insert_sorted(m);
        }
    }

    /// Finds people who are not in the knowledge base by name patterns and title context.
    fn names(&mut self) {
        let mut i = 0;
        while i < self.toks.len() {
            let Some((end_tok, soft)) = self.name_run(i) else {
                i += 1;
                continue;
            };
            let first = self.toks[i];
            let last = self.toks[end_tok - 1];
            let (s, e) = (first.start, last.end);
            // The run's words: how many, the first and the last (no list built: most runs are
            // dropped).
            let mut words = self.toks[i..end_tok]
                .iter()
                .filter(|t| t.word)
                .map(|t| self.text(t.start, t.end));
            let first_word = words.next();
            let n_words = usize::from(first_word.is_some()) + words.clone().count();
            let last_word = words.next_back().or(first_word);
            let given = first_word.is_some_and(|w| self.kb.given_names.contains_key(w));
            let title = self.title_before(s);
            let thing = last_word.is_some_and(|w| NOT_NAME_TAIL.contains(w));
            // Whether the title alone makes the run a name: generic words ("official",
            // "leader") do not; before one word, only an office ("spokesman Price"), an
            // honorific does.
            let titled = title
                .as_ref()
                .is_some_and(|t| self.title_makes_a_name(t, n_words))
                && !thing;
            let appositive = n_words >= 2 && self.describes_a_person(e);
            let ok = ((given && n_words >= 2) || titled || appositive) && (!thing || titled);
            if !ok || (soft && !(given || titled)) {
                i += 1;
                continue;
            }
            let name = self.text(s, e).to_string();
            let m = self.name_mention(s, e, &name, title);
            // The name swallows the single-word place or country names it contains.
            self.found.retain(|f| {
                !(s <= f.start
                    && f.end <= e
                    && f.actor.as_ref().is_some_and(|a| a.kind != "person"))
            });
            self.insert_sorted(m);
            i = end_tok;
        }
    }

    /// The run of tokens from `i` that can be a name, as (end token, uses a soft token).
    /// A soft token is a one-word country or place name ("Jordan" in "Michael Jordan").
    fn name_run(&self, i: usize) -> Option<(usize, bool)> {
        // A name starts at a capitalised word (the loop below ends at once otherwise).
        let first = self.toks[i];
        if !first.word || !is_capitalised(self.text(first.start, first.end)) {
            return None;
        }
        let mut j = i;
        let mut soft = false;
        let mut words = 0;
        let (_, sent_end) = self.sentence_of(self.toks[i].start);
        while j < self.toks.len() && words < 4 {
            let t = self.toks[j];
            if t.start >= sent_end {
                break;
            }
            if j > i {
                let prev = self.toks[j - 1];
                if t.start > prev.end + 1 {
                    break;
                }
            }
            let w = self.text(t.start, t.end);
            if !t.word {
                // An initial's full stop: "George W. Bush".
                let prev = self.text(
                    self.toks[j.saturating_sub(1)].start,
                    self.toks[j.saturating_sub(1)].end,
                );
                if w == "." && j > i && prev.chars().count() == 1 && is_capitalised(prev) {
                    j += 1;
                    continue;
                }
                break;
            }
            let particle = PARTICLES.contains(w)
                && j > i
                && self
                    .toks
                    .get(j + 1)
                    .is_some_and(|n| is_capitalised(self.text(n.start, n.end)));
            let pronoun_name = j == i && self.pronoun_starts_titled_name(i);
            if !particle
                && !pronoun_name
                && (!is_capitalised(w) || NOT_NAME.contains(w) || HONORIFICS.contains(w))
            {
                break;
            }
            if w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()) && w.chars().count() > 1 {
                break; // acronyms: NATO, US
            }
            if w.chars().any(|c| c.is_ascii_digit()) {
                break; // model numbers: ESP32-C3
            }
            if let Some(k) = self.covering(t.start, t.end) {
                let f = &self.found[k];
                let one_word = f.start == t.start && f.end == t.end;
                let geo = f
                    .actor
                    .as_ref()
                    .is_some_and(|a| matches!(a.kind.as_str(), "country" | "place"));
                // After name words, a one-word organisation name is a surname: "Foreign
                // Minister Therese Kayikwamba Wagner" is no Wagner Group.
                let surname = j > i && f.actor.as_ref().is_some_and(|a| a.kind != "person");
                if !(one_word && (geo || surname)) {
                    break;
                }
                soft = true;
            }
            if !particle {
                words += 1;
            }
            j += 1;
        }
        // Do not end on a particle or an initial's stop.
        while j > i {
            let t = self.toks[j - 1];
            let w = self.text(t.start, t.end);
            if t.word && !PARTICLES.contains(w) {
                break;
            }
            j -= 1;
        }
        if j == i {
            return None;
        }
        // A run made only of soft tokens is a place, not a name ("Kyiv", "New York").
        let all_soft = self.toks[i..j]
            .iter()
            .filter(|t| t.word)
            .all(|t| self.covering(t.start, t.end).is_some());
        if all_soft {
            return None;
        }
        // A run that starts just after another capitalised word is the tail of something else
        // ("Big Lie", "Daily Beast"): only start names at a free word.
        Some((j, soft))
    }

    /// Whether token `i`, a capitalised "He" or "She", is a surname opening an appositive name
    /// after a title and a comma ("a ministry spokeswoman, He Yongqian, said"): a pronoun there
    /// would be followed by a verb, a name by another capitalised word that can be a name.
    fn pronoun_starts_titled_name(&self, i: usize) -> bool {
        let t = self.toks[i];
        if !matches!(self.text(t.start, t.end), "He" | "She") {
            return false;
        }
        let after_comma = self
            .f
            .text
            .get(..t.start)
            .unwrap_or("")
            .trim_end()
            .ends_with(',');
        let next_is_name = self.toks.get(i + 1).is_some_and(|n| {
            let w = self.text(n.start, n.end);
            n.word
                && n.start == t.end + 1
                && is_capitalised(w)
                && !NOT_NAME.contains(w)
                && !HONORIFICS.contains(w)
        });
        after_comma && next_is_name && self.title_before(t.start).is_some()
    }

    /// "president obama", "prime minister netanyahu": one or two lower-case words right after a
    /// title, taken for a name only when they are a person already named in the article or a
    /// knowledge-base person who fits the title (a lower-case word after a title is otherwise a
    /// verb or a noun: "the president said", "the minister himself").
    fn lowercase_titled_people(&mut self) {
        let mut add = Vec::new();
        for i in 0..self.found.len() {
            let Some(r) = self.found[i].role_word else {
                continue;
            };
            if self.kb.roles[r].kind != RoleKind::Person {
                continue;
            }
            let k = self.toks.partition_point(|t| t.start < self.found[i].end);
            for n in [2, 1] {
                let Some(run) = self.toks.get(k..k + n) else {
                    continue;
                };
                let mut at = self.found[i].end + 1;
                let plain = run.iter().all(|t| {
                    let w = self.text(t.start, t.end);
                    let ok = t.word
                        && t.start == at
                        && w.chars().all(|c| c.is_ascii_lowercase())
                        && !is_clause_word(w);
                    at = t.end + 1;
                    ok
                });
                let (s, e) = (run[0].start, run[n - 1].end);
                let last = self.text(run[n - 1].start, e);
                // a cheap test first: the last word is a surname someone has
                let surname = self.lower_surnames.contains(last)
                    || self.found.iter().any(|m| {
                        m.person
                            .as_ref()
                            .is_some_and(|p| p.surname.eq_ignore_ascii_case(last))
                    });
                if !plain || !surname || self.covering(s, e).is_some() {
                    continue;
                }
                let name = self
                    .text(s, e)
                    .split(' ')
                    .map(capitalise)
                    .collect::<Vec<_>>()
                    .join(" ");
                let title = self.title_before(s);
                if !self.known_person(s, &name, title.as_ref()) {
                    continue;
                }
                add.push(self.name_mention(s, e, &name, title));
                break;
            }
        }
        self.found.extend(add);
    }

    /// "King Hassan of Morocco", "President Mitterrand of France": a titled person followed by
    /// "of" and a country is that country's, whatever a knowledge-base person of the same
    /// surname elsewhere is: the knowledge-base person who fits the title and the country,
    /// else a person of that country with the title's sector.
    fn titled_people_of_countries(&mut self) {
        for i in 0..self.found.len() {
            let m = &self.found[i];
            let Some(surname) = m.person.as_ref().map(|p| p.surname.clone()) else {
                continue;
            };
            let (s, e) = (m.start, m.end);
            let Some(country) = self.country_of_after(e) else {
                continue;
            };
            if m.actor.as_ref().and_then(|a| a.country.as_deref()) == Some(country.as_str()) {
                continue;
            }
            let Some(title) = self.title_before(s).filter(|t| t.owner.is_none()) else {
                continue;
            };
            let name = self.text(s, e).to_string();
            let (role, sector, _) = self.title_context(Some(&title));
            let kb = self.kb_person_by_surname(&surname, &name, role.as_deref(), Some(&country));
            let actor = match kb {
                Some(k) => self.person_actor(k).0,
                None => {
                    self.found[i].found_by = "pattern";
                    ActorRef {
                        id: format!("local:{}", slug(&name)),
                        name,
                        kind: "person".into(),
                        country: Some(country),
                        sector,
                    }
                }
            };
            self.found[i].actor = Some(actor);
        }
    }

    /// The country named right after folded offset `end` by "of" ("Hassan *of Morocco*").
    fn country_of_after(&self, end: usize) -> Option<String> {
        let k = self.toks.partition_point(|t| t.start < end);
        let of = self.toks.get(k)?;
        let next = self.toks.get(k + 1)?;
        if self.text(of.start, of.end) != "of" {
            return None;
        }
        let m = self.found.iter().find(|m| m.start == next.start)?;
        let a = m.actor.as_ref().filter(|a| a.kind == "country")?;
        a.country.clone()
    }

    /// Whether `name` at folded offset `s` is a person named earlier in the article or a
    /// knowledge-base person who fits `title` (what [`Self::name_mention`] resolves without
    /// making a new person).
    fn known_person(&self, s: usize, name: &str, title: Option<&Title>) -> bool {
        let surname = self.kb.surname(name);
        let named = !name.contains(' ')
            && self
                .found
                .iter()
                .any(|m| m.start < s && m.person.as_ref().is_some_and(|p| p.surname == surname));
        let (role, _, country) = self.title_context(title);
        named
            || self
                .kb_person_by_surname(surname, name, role.as_deref(), country.as_deref())
                .is_some()
    }

    /// "Georgia Meloni": a one-word country or place that is also a given name, right before a
    /// person, is that person's first name.
    fn first_names_before_people(&mut self) {
        let mut drop = Vec::new();
        for (i, m) in self.found.iter().enumerate() {
            let geo = m
                .actor
                .as_ref()
                .is_some_and(|a| matches!(a.kind.as_str(), "country" | "place"));
            if !geo || !self.kb.given_names.contains_key(self.text(m.start, m.end)) {
                continue;
            }
            let person_next = self
                .found
                .iter()
                .any(|n| n.person.is_some() && n.start == m.end + 1);
            if person_next {
                drop.push(i);
            }
        }
        for i in drop.into_iter().rev() {
            self.found.remove(i);
        }
    }

    /// The index of a mention covering folded `s..e`.
    pub fn covering(&self, s: usize, e: usize) -> Option<usize> {
        self.found.iter().position(|m| m.start < e && s < m.end)
    }

    /// A person title (role word of kind person) or honorific just before `at`.
    fn title_before(&self, at: usize) -> Option<Title> {
        let mut chain = self.left_chain(at, 4);
        let mut comma = false;
        // "Latvia's foreign minister, Edgars Rinkevics,"
        if chain.is_empty() {
            let before = self.f.text.get(..at).unwrap_or("").trim_end();
            if let Some(b) = before.strip_suffix(',') {
                let c = self.left_chain(b.len(), 4);
                if c.first()
                    .is_some_and(|&(i, p)| !p && self.found[i].role_word.is_some())
                {
                    chain = c;
                    comma = true;
                }
            }
        }
        if let Some(&(i, false)) = chain.first() {
            if let Some(r) = self.found[i].role_word {
                if self.kb.roles[r].kind == RoleKind::Person {
                    let owner = self.owner(&chain[1..]);
                    return Some(Title {
                        role_word: Some(r),
                        owner,
                        chain: chain.iter().map(|c| c.0).collect(),
                        comma,
                    });
                }
            }
        }
        let k = self.toks.partition_point(|t| t.end <= at);
        let mut k = k.checked_sub(1)?;
        if self.text(self.toks[k].start, self.toks[k].end) == "." {
            k = k.checked_sub(1)?;
        }
        let w = self.text(self.toks[k].start, self.toks[k].end);
        if HONORIFICS.contains(w) && self.toks[k].end + 2 >= at {
            return Some(Title {
                role_word: None,
                owner: None,
                chain: Vec::new(),
                comma: false,
            });
        }
        None
    }

    /// A description after a name: "Wendy Sherman, who led the US delegation",
    /// "Alexander Grushko, one of Russia's deputy foreign ministers", "X, NATO's chief".
    fn appositive_after(&self, end: usize) -> Option<Title> {
        let rest = self.text(end, (end + 2).min(self.f.text.len()));
        if !rest.starts_with(',') {
            return None;
        }
        let (_, sent_end) = self.sentence_of(end);
        let limit = (end + 90).min(sent_end);
        let clean = |m: &Found| {
            // Nothing but a short clause between the comma and the word.
            let between = self.text(end + 1, m.start);
            !between.contains(['.', ';', '"', ':', ','])
        };
        let Some(r) = self
            .found
            .iter()
            .position(|m| m.start > end && m.start < limit && m.role_word.is_some() && clean(m))
        else {
            return self.appositive_without_role(end, limit);
        };
        let role = self.found[r].role_word?;
        let chain = self.left_chain(self.found[r].start, 3);
        let chain: Vec<(usize, bool)> = chain
            .into_iter()
            .filter(|(i, _)| self.found[*i].start > end)
            .collect();
        let owner = self
            .owner(&chain)
            .or_else(|| self.owner_after(self.found[r].end));
        Some(Title {
            role_word: Some(role),
            owner,
            chain: std::iter::once(r)
                .chain(chain.iter().map(|c| c.0))
                .collect(),
            comma: false,
        })
    }

    /// Whether a title is enough to take the capitalised run after it for a name: not a generic
    /// word ("official", "leader"); before a single word, only an office ("spokesman Price").
    fn title_makes_a_name(&self, t: &Title, n_words: usize) -> bool {
        let Some(r) = t.role_word else {
            return true; // an honorific
        };
        let role = &self.kb.roles[r];
        // "Premier, Plus": a lone word after a title and a comma is no name.
        if t.comma && n_words < 2 {
            return false;
        }
        if matches!(
            role.phrase.as_str(),
            "official" | "leader" | "senior official"
        ) {
            return false;
        }
        // One word after a title without an office ("General Electric", "General Terms") is
        // not taken for a surname; a person named in full earlier is found by coreference.
        n_words >= 2 || role.role.is_some()
    }

    /// Whether the description after a name marks it as a person's: ", who ..." or ", one of
    /// ..." with a role word, or ", [a|the|Russia's] ... spokesman" with a title for one person
    /// (", which brings together officials" does not).
    fn describes_a_person(&self, end: usize) -> bool {
        let Some(t) = self.appositive_after(end) else {
            return false;
        };
        let Some(r) = t.role_word else {
            return false;
        };
        let first: Vec<&str> = self
            .text(end + 1, (end + 40).min(self.f.text.len()))
            .split_whitespace()
            .take(2)
            .collect();
        match first.as_slice() {
            ["which" | "that", ..] => false,
            ["who" | "whom" | "whose", ..] | ["one", "of"] => true,
            _ => self.kb.roles[r].kind == RoleKind::Person,
        }
    }

    /// The owner named after a role word: "spokeswoman for Ukraine's southern command",
    /// "ambassador to Russia".
    fn owner_after(&self, role_end: usize) -> Option<ActorRef> {
        let m = self
            .found
            .iter()
            .find(|m| m.start > role_end && m.start <= role_end + 16 && m.actor.is_some())?;
        let gap = self.text(role_end, m.start);
        let words: Vec<&str> = gap.split_whitespace().collect();
        let ok = !words.is_empty()
            && words
                .iter()
                .all(|w| matches!(*w, "for" | "of" | "at" | "to" | "in" | "the"));
        if ok {
            m.actor.clone()
        } else {
            None
        }
    }

    /// "Vladimir Yermakov, director of the Russian Foreign Ministry's ... department": no role
    /// word, but a noun phrase naming an institution or country.
    fn appositive_without_role(&self, end: usize, limit: usize) -> Option<Title> {
        let after: Vec<&str> = self
            .text(end + 1, limit)
            .split_whitespace()
            .take(3)
            .collect();
        let np = match after.as_slice() {
            [w, "of", ..] => w.chars().all(|c| c.is_lowercase()),
            [w, ..] => matches!(*w, "the" | "a" | "an"),
            _ => false,
        };
        if !np {
            return None;
        }
        let window = (end + 60).min(limit);
        let m = self.found.iter().find(|m| {
            m.start > end
                && m.start < window
                && m.actor
                    .as_ref()
                    .is_some_and(|a| a.kind != "person" && a.country.is_some())
                && !self.text(end + 1, m.start).contains([',', '.', ';', '"'])
        })?;
        Some(Title {
            role_word: None,
            owner: m.actor.clone(),
            chain: Vec::new(),
            comma: false,
        })
    }

    /// A person mention for a name found by pattern: a person already named in the article or
    /// the knowledge base when the surname fits, else a new person with the title's context.
    fn name_mention(&mut self, s: usize, e: usize, name: &str, title: Option<Title>) -> Found {
        let title = match title {
            // A bare title ("Gen.", "Diplomat") takes its owner from a description after the name.
            Some(mut t) if t.owner.is_none() => {
                if let Some(a) = self.appositive_after(e) {
                    t.owner = a.owner;
                    t.role_word = t.role_word.or(a.role_word);
                    t.chain.extend(a.chain);
                }
                Some(t)
            }
            Some(t) => Some(t),
            None => self.appositive_after(e),
        };
        let (role_key, sector, country) = self.title_context(title.as_ref());
        if let Some(t) = &title {
            for &c in &t.chain {
                if let Some(f) = self.found.get_mut(c) {
                    if f.role_word.is_some() {
                        f.consumed = true;
                    }
                }
            }
        }
        let surname = self.kb.surname(name).to_string();
        let one_word = !name.contains(' ');
        // A surname alone after a title: someone already named, or a knowledge-base person.
        if one_word {
            if let Some(prev) = self
                .found
                .iter()
                .filter(|m| m.start < s)
                .rev()
                .find(|m| m.person.as_ref().is_some_and(|p| p.surname == surname))
            {
                let mut m = self.new_found(s, e, prev.actor.clone(), "coref");
                m.person = prev.person.clone();
                return m;
            }
        }
        if let Some(i) =
            self.kb_person_by_surname(&surname, name, role_key.as_deref(), country.as_deref())
        {
            let (a, note) = self.person_actor(i);
            let mut m = self.new_found(s, e, Some(a), if one_word { "coref" } else { "kb" });
            m.person = Some(note);
            return m;
        }
        let actor = ActorRef {
            id: format!("local:{}", slug(name)),
            name: name.to_string(),
            kind: "person".into(),
            country,
            sector,
        };
        let mut m = self.new_found(s, e, Some(actor), "pattern");
        m.person = Some(PersonNote {
            surname,
            gender: self.gender_of(name),
            role: role_key,
        });
        m
    }

    /// A knowledge-base person with this surname who fits: same first name when the text gives
    /// one (or its initial), the title's role or country when given, in office on the date.
    fn kb_person_by_surname(
        &self,
        surname: &str,
        name: &str,
        role: Option<&str>,
        country: Option<&str>,
    ) -> Option<usize> {
        let first = self.given_initial(name);
        let cands: Vec<usize> = (0..self.kb.people.len())
            .filter(|&i| {
                let p = &self.kb.people[i];
                if self.surnames.get(i).map(String::as_str) != Some(surname) {
                    return false;
                }
                if first.is_some() && self.given_initial(&p.name) != first {
                    return false;
                }
                true
            })
            .collect();
        let fits = |i: &usize| {
            let p = &self.kb.people[*i];
            let o = p.office_at(self.date);
            let role_ok =
                role.is_none_or(|r| p.offices.iter().any(|o| o.role.as_deref() == Some(r)));
            let country_ok = country.is_none_or(|c| {
                p.offices
                    .iter()
                    .any(|o| o.country.as_deref() == Some(c) || o.sector.as_deref() == Some(c))
            });
            let active = self.date.is_none_or(|d| o.is_some_and(|o| o.active_on(d)));
            role_ok && country_ok && active
        };
        if first.is_some() {
            return cands
                .iter()
                .copied()
                .find(|i| fits(i))
                .or(cands.first().copied());
        }
        // A bare surname must fit the title to be taken for a knowledge-base person.
        if role.is_none() && country.is_none() {
            return None;
        }
        cands.iter().copied().find(|i| fits(i))
    }

    /// The initial of the given name in a full name ("H" in "Li Hui", "S" in "Sergei Ryabkov"),
    /// or None for a bare surname.
    fn given_initial(&self, name: &str) -> Option<char> {
        let words: Vec<&str> = name.split(' ').collect();
        if words.len() < 2 {
            return None;
        }
        let family_first = self.kb.surname(name) == words[0];
        let w = if family_first { words[1] } else { words[0] };
        w.chars().next()
    }

    /// As [`Self::title_context`] for the role word `r` owned by `owner` ("the US Secretary of
    /// State", "Syria's army"), with no chain of its own.
    fn owned_role_context(
        &self,
        r: usize,
        owner: &ActorRef,
    ) -> (Option<String>, Option<String>, Option<String>) {
        let title = Title {
            role_word: Some(r),
            owner: Some(owner.clone()),
            chain: Vec::new(),
            comma: false,
        };
        self.title_context(Some(&title))
    }

    /// Role key, sector and country that a title and its owner give.
    pub fn title_context(
        &self,
        title: Option<&Title>,
    ) -> (Option<String>, Option<String>, Option<String>) {
        let Some(t) = title else {
            return (None, None, None);
        };
        let role = t.role_word.map(|r| &self.kb.roles[r]);
        let key = role.and_then(|r| r.role.clone());
        let mut sector = role.and_then(|r| r.sector.clone());
        if role.is_none() {
            sector = t
                .owner
                .as_ref()
                .filter(|o| o.kind == "organization")
                .and_then(|o| o.sector.clone());
        }
        let mut country = None;
        if let Some(o) = &t.owner {
            country = o.country.clone();
            let non_state = o.country.as_deref().is_some_and(|c| NON_STATE.contains(&c));
            if non_state {
                sector = o.sector.clone().or(sector);
            } else if o.kind != "person" && sector.as_deref() == Some("GOV") {
                if let Some(os) = o.sector.as_deref() {
                    if matches!(os, "MIL" | "SPY" | "LEG" | "JUD" | "COP") {
                        sector = Some(os.to_string());
                    }
                }
            }
        }
        (key, sector, country)
    }

    /// Whether mention `i` follows "pro-" or "anti-" in one word ("pro-Russia"): the side
    /// someone takes, not who they are.
    fn stance(&self, i: usize) -> bool {
        let before = self.text(self.found[i].start.saturating_sub(5), self.found[i].start);
        let before = before.to_ascii_lowercase();
        before.ends_with("pro-") || before.ends_with("anti-")
    }

    /// "Rwanda's Senate", "the Mexican Congress": a knowledge-base organisation named by an
    /// institution word alone (`roles.txt`, kind org) belongs to the country just before it,
    /// by possessive or demonym, when that is another country (the one-word name "Senate" or
    /// "Congress" is the US one only when no other country owns it).
    fn owned_institutions(&mut self) {
        for i in 0..self.found.len() {
            let m = &self.found[i];
            let Some(org) = m.actor.as_ref().filter(|a| a.kind == "organization") else {
                continue;
            };
            let phrase = self.text(m.start, m.end).to_lowercase();
            let Some(role) = self
                .kb
                .roles
                .iter()
                .position(|r| r.kind == RoleKind::Org && r.phrase == phrase)
            else {
                continue;
            };
            let chain = self.left_chain(m.start, 1);
            let Some(&(o, _)) = chain.first() else {
                continue;
            };
            let Some(owner) = self.found[o].actor.as_ref().filter(|a| a.kind == "country") else {
                continue;
            };
            if owner.country == org.country {
                continue;
            }
            let (cc, sector) = (owner.country.clone(), self.kb.roles[role].sector.clone());
            let start = self.found[o].start;
            let actor = ActorRef {
                id: format!(
                    "{}{}:{}",
                    cc.as_deref().unwrap_or("---"),
                    sector.as_deref().unwrap_or(""),
                    slug(&phrase)
                ),
                name: self.text(start, self.found[i].end).to_string(),
                kind: "organization".into(),
                country: cc,
                sector,
            };
            self.found[i].actor = Some(actor);
            self.found[i].start = start;
            self.found[i].found_by = "pattern";
        }
    }

    /// Role words not used as titles: groups ("Russian officials"), institutions ("Russia's US
    /// embassy") and definite descriptions ("the Russian foreign minister").
    fn roles(&mut self) {
        let mut add = Vec::new();
        for i in 0..self.found.len() {
            let Some(r) = self.found[i].role_word else {
                continue;
            };
            if self.found[i].consumed {
                continue;
            }
            let role = &self.kb.roles[r];
            let chain = self.left_chain(self.found[i].start, 3);
            // A role word inside a longer title ("foreign ministry" in "foreign ministry
            // spokeswoman") belongs to the title.
            let next_is_role = self.found.iter().any(|m| {
                m.role_word.is_some()
                    && m.start > self.found[i].end
                    && m.start <= self.found[i].end + 1
            });
            // A title right before a person is that person's title ("Kremlin spokesman Dmitry
            // Peskov"), not a description of its own.
            let next_is_person = self.found.iter().any(|m| {
                m.person.is_some()
                    && m.start > self.found[i].end
                    && m.start <= self.found[i].end + 1
            });
            if next_is_role || (next_is_person && role.kind == RoleKind::Person) {
                continue;
            }
            // "pro-Russia rebels" are not Russia's: the chain ends before a stance
            let chain = match chain.iter().position(|&(c, _)| self.stance(c)) {
                Some(k) => chain[..k].to_vec(),
                None => chain,
            };
            let owner = self.owner(&chain);
            let start = chain
                .last()
                .map_or(self.found[i].start, |c| self.found[c.0].start);
            let end = self.found[i].end;
            match role.kind {
                RoleKind::Group | RoleKind::Org => {
                    let Some(o) = owner else {
                        if let Some(m) = self.agent(r, &chain, start, end) {
                            add.push(m);
                        }
                        continue;
                    };
                    let Some(cc) = o.country.clone() else {
                        continue;
                    };
                    let (_, sector, _) = self.owned_role_context(r, &o);
                    let sec = sector.clone().unwrap_or_default();
                    let surface = self.text(start, end).to_string();
                    let (id, kind) = if role.kind == RoleKind::Org {
                        (format!("{cc}{sec}:{}", slug(&role.phrase)), "organization")
                    } else {
                        (format!("{cc}{sec}"), "group")
                    };
                    let actor = ActorRef {
                        id,
                        name: surface,
                        kind: kind.into(),
                        country: Some(cc),
                        sector,
                    };
                    add.push(self.new_found(start, end, Some(actor), "pattern"));
                }
                RoleKind::Person => {
                    let Some(key) = role.role.clone() else {
                        continue;
                    };
                    let country = owner.as_ref().and_then(|o| {
                        if o.country.as_deref().is_some_and(|c| NON_STATE.contains(&c)) {
                            o.sector.clone()
                        } else {
                            o.country.clone()
                        }
                    });
                    let owner_name = owner.as_ref().map(|o| o.name.clone());
                    let m = self
                        .definite(start, end, &key, country.as_deref(), owner_name.as_deref())
                        .or_else(|| self.office(r, owner.as_ref(), start, end));
                    add.extend(m);
                }
            }
        }
        // Mark persons used as modifiers ("Biden regime", "Putin's government").
        for i in 0..self.found.len() {
            if self.found[i].person.is_none() {
                continue;
            }
            let e = self.found[i].end;
            let next = self
                .found
                .iter()
                .find(|m| m.start > e && m.start <= e + 1)
                .and_then(|m| m.role_word)
                .map(|r| self.kb.roles[r].kind);
            if matches!(next, Some(RoleKind::Group) | Some(RoleKind::Org)) {
                self.found[i].modifier = true;
            }
        }
        self.found.extend(add);
    }

    /// A group named by an agent noun with no owner ("rebels", "government troops", "rebel
    /// leaders"): a party without a country, as PETRARCH codes it (`---REB`), or of the country
    /// named after "from"/"of" ("dissidents from Egypt"). The sector is the head's when the head
    /// is an agent noun, else that of the agent noun before it; a role word with no agent noun
    /// ("officials") is no party on its own, nor is an agent noun inside a hyphenated word
    /// ("government-held") or used before a noun ("military support").
    fn agent(&self, r: usize, chain: &[(usize, bool)], start: usize, end: usize) -> Option<Found> {
        let head = &self.kb.roles[r];
        let role = if head.agent {
            head
        } else {
            chain
                .iter()
                .filter_map(|&(i, _)| self.found[i].role_word)
                .map(|k| &self.kb.roles[k])
                .find(|k| k.agent)?
        };
        if self.in_compound(start, end)
            || (head.modifier && !self.ends_noun_phrase(end))
            || self.own_forces(start)
        {
            return None;
        }
        let sector = role.sector.clone()?;
        let before = self.demonym_before(start);
        let start = before.as_ref().map_or(start, |b| b.0);
        let owner = before
            .map(|b| b.1)
            .or_else(|| self.country_after(end, &sector));
        let (id, country) = match owner {
            Some(cc) => (format!("{cc}{sector}"), Some(cc)),
            None => (format!("---{sector}"), None),
        };
        let actor = ActorRef {
            id,
            name: self.text(start, end).to_string(),
            kind: "group".into(),
            country,
            sector: Some(sector),
        };
        Some(self.new_found(start, end, Some(actor), "pattern"))
    }

    /// Whether the agent noun at folded `start` is the forces or people of the sentence's
    /// subject: after a verb of moving forces or a possessive pronoun ("will send 3,000 more
    /// troops", "pulling back troops", "its troops"; `own-forces.txt`).
    fn own_forces(&self, start: usize) -> bool {
        let k = self.toks.partition_point(|t| t.end <= start);
        for back in 1..=6 {
            let Some(t) = k.checked_sub(back).and_then(|i| self.toks.get(i)) else {
                return false;
            };
            let w = self.text(t.start, t.end).to_lowercase();
            let filler = w == ","
                || w.chars().all(|c| c.is_ascii_digit())
                || matches!(
                    w.as_str(),
                    "more" | "additional" | "extra" | "some" | "thousands" | "hundreds" | "of"
                );
            if !filler {
                return OWN_FORCES.contains(&w);
            }
        }
        false
    }

    /// Whether folded `start..end` is part of a longer word ("government-held",
    /// "anti-government").
    fn in_compound(&self, start: usize, end: usize) -> bool {
        let b = self.f.text.as_bytes();
        let joined = |c: u8| c.is_ascii_alphanumeric() || c == b'-';
        start.checked_sub(1).is_some_and(|i| joined(b[i])) || b.get(end).is_some_and(|&c| joined(c))
    }

    /// Whether the word after folded offset `end` can follow a noun phrase rather than be the
    /// noun a word before it modifies: punctuation, a word of `after-head.txt`, a verb in -ed or
    /// an irregular past ("the army said", not "army base"; not "the rebel Revolutionary
    /// United Front" either: a capitalised word after it is the name it describes).
    fn ends_noun_phrase(&self, end: usize) -> bool {
        let k = self.toks.partition_point(|t| t.start < end);
        let Some(t) = self.toks.get(k).filter(|t| t.word) else {
            return true;
        };
        let w = self.text(t.start, t.end);
        !is_capitalised(w) && is_clause_word(w)
    }

    /// "Irish nationalist guerrillas": a demonym before an agent noun, with up to two lower-case
    /// words between that are not verbs, names the agent's country. Returns where the demonym
    /// starts and the country.
    fn demonym_before(&self, start: usize) -> Option<(usize, String)> {
        let k = self.toks.partition_point(|t| t.end <= start);
        let (sent_start, _) = self.sentence_of(start);
        for back in 1..=3 {
            let t = self.toks.get(k.checked_sub(back)?)?;
            if t.start < sent_start || !t.word {
                return None;
            }
            let w = self.text(t.start, t.end);
            if let Some(m) = self
                .found
                .iter()
                .find(|m| m.start == t.start && m.end == t.end && m.actor.is_some())
            {
                let a = m.actor.as_ref()?;
                let demonym = self
                    .kb
                    .country(a.country.as_deref()?)
                    .is_some_and(|c| a.kind == "country" && c.demonyms.iter().any(|d| d == w));
                return demonym
                    .then(|| Some((m.start, a.country.clone()?)))
                    .flatten();
            }
            if is_capitalised(w) || is_clause_word(w) {
                return None;
            }
        }
        None
    }

    /// The country named right after an agent noun by "from" or "of" ("dissidents from Egypt",
    /// "the rebels of war-torn Chad"), or for agents other than the military by "in"
    /// ("protesters in Cairo"; "troops in Iraq" are as often foreign troops): a country, a
    /// place of one, or a group or institution of one; after "loyal to", a person's too
    /// ("troops loyal to Assad").
    fn country_after(&self, end: usize, sector: &str) -> Option<String> {
        let mut k = self.toks.partition_point(|t| t.start < end);
        let t = self.toks.get(k)?;
        // "forces loyal to Assad": a leader's too
        let mut loyal = false;
        match self.text(t.start, t.end) {
            "from" | "of" => {}
            "in" if sector != "MIL" => {}
            "loyal" => {
                let to = self.toks.get(k + 1)?;
                if self.text(to.start, to.end) != "to" {
                    return None;
                }
                loyal = true;
                k += 1;
            }
            _ => return None,
        }
        for next in self.toks.iter().skip(k + 1).take(3) {
            if let Some(m) = self
                .found
                .iter()
                .find(|m| m.start == next.start && m.actor.is_some())
            {
                let a = m.actor.as_ref()?;
                if a.kind == "person" && !loyal {
                    return None;
                }
                return a
                    .country
                    .clone()
                    .filter(|c| !NON_STATE.contains(&c.as_str()));
            }
            // "the", adjectives, hyphenated ones too ("war-torn", "military-ruled")
            let w = self.text(next.start, next.end);
            let adjective = w == "the" || w.contains('-') || !is_clause_word(w);
            if !next.word || is_capitalised(w) || !adjective {
                return None;
            }
        }
        None
    }

    /// "the US Secretary of State", "Israel's ambassador" when no one with that office is named
    /// earlier or known for the article's date: the office of the owner's country, with the
    /// title's sector ("USAGOV"), as PETRARCH codes an unnamed official. Needs an owner that is
    /// not a person ("Putin's spokesman" is left to coreference). "A French minister" is some
    /// official, not one office, and gets none.
    fn office(
        &self,
        r: usize,
        owner: Option<&ActorRef>,
        start: usize,
        end: usize,
    ) -> Option<Found> {
        let o = owner.filter(|o| o.kind != "person")?;
        let indefinite = self
            .word_before(start)
            .is_some_and(|w| matches!(w.to_ascii_lowercase().as_str(), "a" | "an"));
        if indefinite {
            return None;
        }
        let (_, sector, country) = self.owned_role_context(r, o);
        let cc = country?;
        let actor = ActorRef {
            id: format!(
                "{cc}{}:{}",
                sector.as_deref().unwrap_or(""),
                slug(&self.kb.roles[r].phrase)
            ),
            name: self.text(start, end).to_string(),
            kind: "person".into(),
            country: Some(cc),
            sector,
        };
        Some(self.new_found(start, end, Some(actor), "pattern"))
    }

    /// "the Russian foreign minister": the person with that role named earlier in the article,
    /// else the knowledge-base holder on the article's date.
    fn definite(
        &self,
        start: usize,
        end: usize,
        role: &str,
        country: Option<&str>,
        owner_name: Option<&str>,
    ) -> Option<Found> {
        let earlier = self
            .found
            .iter()
            .filter(|m| m.end <= start)
            .rev()
            .find(|m| {
                let Some(p) = &m.person else { return false };
                let a = m.actor.as_ref();
                p.role.as_deref().is_some_and(|r| role_fits(role, r))
                    && country.is_none_or(|c| {
                        a.is_some_and(|a| {
                            a.country.as_deref() == Some(c) || a.sector.as_deref() == Some(c)
                        })
                    })
            });
        if let Some(prev) = earlier {
            let mut m = self.new_found(start, end, prev.actor.clone(), "coref");
            m.person = prev.person.clone();
            return Some(m);
        }
        let c = country?;
        let holders = self.kb.holders(c, role, self.date);
        // Several holders ("Russian spokesman": Kremlin or Foreign Ministry): the one whose title
        // names the owner ("Kremlin spokesman"), else none.
        let p = if holders.len() == 1 {
            holders[0]
        } else {
            let on = owner_name?;
            let fits: Vec<_> = holders
                .iter()
                .filter(|p| {
                    p.office_at(self.date)
                        .is_some_and(|o| o.title.to_lowercase().contains(&on.to_lowercase()))
                })
                .collect();
            if fits.len() != 1 {
                return None;
            }
            fits[0]
        };
        let i = self.kb.people.iter().position(|q| q.id == p.id)?;
        let (a, note) = self.person_actor(i);
        let mut m = self.new_found(start, end, Some(a), "coref");
        m.person = Some(note);
        Some(m)
    }

    fn output(&self, body: &str) -> Vec<EntityMention> {
        self.found
            .iter()
            .filter(|m| m.actor.is_some())
            .filter_map(|m| {
                let (s, e) = self.f.body_span(m.start, m.end);
                let span = TextSpan::from_body(body, Span::new(s, e)).ok()?;
                Some(EntityMention {
                    span,
                    actor: m.actor.clone(),
                    found_by: m.found_by.to_string(),
                })
            })
            .collect()
    }
}

/// Ministerial offices: "the minister" is the last-named minister of any portfolio.
const MINISTERS: &[&str] = &["MIN", "FM", "DFM", "DM", "DDM"];

/// Whether a description of role `said` ("the minister": MIN) fits a person of role `held`
/// (a foreign minister, FM).
fn role_fits(said: &str, held: &str) -> bool {
    said == held || (said == "MIN" && MINISTERS.contains(&held))
}

/// A title or description that gives a person's role and owner.
#[derive(Debug, Clone)]
pub(crate) struct Title {
    pub role_word: Option<usize>,
    pub owner: Option<ActorRef>,
    /// Indices of the mentions that make up the title.
    pub chain: Vec<usize>,
    /// The title stands before a comma ("Latvia's foreign minister, Edgars Rinkevics").
    pub comma: bool,
}

/// A lower-case word that can follow a noun phrase's head: a word of `after-head.txt`, a verb
/// in -ed or an irregular past.
fn is_clause_word(w: &str) -> bool {
    let w = w.to_lowercase();
    AFTER_HEAD.contains(&w) || PAST_IRREGULAR.contains(&w) || (w.len() > 4 && w.ends_with("ed"))
}

/// Whether `word` occurs in `text` on word boundaries (case-sensitive).
/// `name` on word boundaries and not the tail of a longer name: "Republic of Congo" is not found
/// in "Democratic Republic of Congo" (a capitalised word one space before that can be part of a
/// name; "The Republic of Congo" is found).
fn contains_whole_name(text: &str, name: &str) -> bool {
    let b = text.as_bytes();
    text.match_indices(name).any(|(at, _)| {
        let end = at + name.len();
        let after = end >= b.len() || !b[end].is_ascii_alphanumeric();
        let before = text[..at].strip_suffix(' ').is_none_or(|head| {
            let prev = head.rsplit(' ').next().unwrap_or("");
            !prev.starts_with(|c: char| c.is_uppercase()) || NOT_NAME.contains(prev)
        });
        let boundary = at == 0 || !b[at - 1].is_ascii_alphanumeric();
        boundary && before && after
    })
}

pub fn contains_word(text: &str, word: &str) -> bool {
    let b = text.as_bytes();
    text.match_indices(word).any(|(at, _)| {
        let before = at == 0 || !b[at - 1].is_ascii_alphanumeric();
        let end = at + word.len();
        let after = end >= b.len() || !b[end].is_ascii_alphanumeric();
        before && after
    })
}
