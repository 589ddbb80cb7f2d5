//! The actor knowledge base: countries, organisations, places, people with dated offices, role
//! words, ambiguous names and given names, read from the text files in `data/actors/`.

use chrono::{Datelike, NaiveDate};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// A country with every name it goes by in news text.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// ISO 3166 alpha-3.
    pub code: String,
    pub name: String,
    pub names: Vec<String>,
    pub demonyms: Vec<String>,
    pub capitals: Vec<String>,
}

/// An institution, seat of power, IGO, NGO, outlet or collective.
#[derive(Debug, Clone, PartialEq)]
pub struct Org {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub country: Option<String>,
    pub sector: Option<String>,
    /// organization | group | place
    pub kind: String,
}

/// A city, region or venue.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub country: Option<String>,
}

/// One office held by a person for a stretch of time.
#[derive(Debug, Clone, PartialEq)]
pub struct Office {
    pub country: Option<String>,
    pub sector: Option<String>,
    /// Role key (FM, HOS, ...) or None.
    pub role: Option<String>,
    pub title: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Office {
    pub fn active_on(&self, d: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= d) && self.to.is_none_or(|t| d <= t)
    }
}

/// A named person with the offices they held.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub offices: Vec<Office>,
}

impl Person {
    /// The office that describes the person on `date`: one active then (a real role preferred,
    /// then the latest start); without an active one, the nearest in time; without a date, the
    /// latest.
    pub fn office_at(&self, date: Option<NaiveDate>) -> Option<&Office> {
        let latest = |a: &&Office, b: &&Office| a.from.cmp(&b.from);
        let Some(d) = date else {
            return self.offices.iter().max_by(latest);
        };
        let active = self
            .offices
            .iter()
            .filter(|o| o.active_on(d))
            .max_by(|a, b| (a.role.is_some(), a.from).cmp(&(b.role.is_some(), b.from)));
        if active.is_some() {
            return active;
        }
        let before = self
            .offices
            .iter()
            .filter(|o| o.to.is_some_and(|t| t < d))
            .max_by_key(|o| o.to);
        before.or_else(|| self.offices.iter().min_by_key(|o| o.from))
    }

    /// The last word of the name ("Ryabkov"), or the particle-led surname ("von der Leyen").
    pub fn surname(&self) -> &str {
        surname_of(&self.name)
    }
}

/// The surname part of a full name: the last word, with lower-case particles before it.
pub fn surname_of(name: &str) -> &str {
    let words: Vec<(usize, &str)> = name
        .split(' ')
        .scan(0usize, |at, w| {
            let here = *at;
            *at += w.len() + 1;
            Some((here, w))
        })
        .collect();
    let Some(&(mut from, _)) = words.last() else {
        return name;
    };
    for &(at, w) in words.iter().rev().skip(1) {
        if matches!(
            w,
            "von"
                | "van"
                | "der"
                | "de"
                | "den"
                | "le"
                | "la"
                | "da"
                | "di"
                | "bin"
                | "al"
                | "Le"
                | "La"
        ) {
            from = at;
        } else {
            break;
        }
    }
    if from == 0 && words.len() > 1 {
        return words.last().map(|w| w.1).unwrap_or(name);
    }
    &name[from..]
}

/// What a role word stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleKind {
    /// A title for one person: "spokesman", "foreign minister".
    Person,
    /// Several people: "officials", "troops".
    Group,
    /// An institution: "embassy", "foreign ministry".
    Org,
}

/// A role word with its sector.
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    pub phrase: String,
    pub role: Option<String>,
    pub sector: Option<String>,
    pub kind: RoleKind,
    /// An agent noun (`agents.txt`): a party on its own, without a country ("rebels").
    pub agent: bool,
    /// An agent noun also used before nouns ("military support"): `adj` in `agents.txt`.
    pub modifier: bool,
}

/// One reading of an ambiguous name with the cue words that select it.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub id: String,
    pub cues: Vec<String>,
    /// Cue words that count anywhere in the article, not only in the sentence ("Brazzaville"
    /// makes every unqualified "Congo" of the article the Republic of Congo).
    pub article_cues: Vec<String>,
}

/// Gender of a given name, used to match he/she.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Either,
    /// Not a given name but a family name written first ("Wang Yi", "Kim Jong Un").
    FamilyFirst,
}

/// Everything the actor stage knows.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeBase {
    pub countries: Vec<Country>,
    pub orgs: Vec<Org>,
    pub places: Vec<Place>,
    pub people: Vec<Person>,
    pub roles: Vec<Role>,
    /// Alias → readings, the default first.
    pub ambiguous: HashMap<String, Vec<Reading>>,
    pub given_names: HashMap<String, Gender>,
}

/// A line of a knowledge-base file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct KbError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// The text of the knowledge-base files.
#[derive(Debug, Clone)]
pub struct KbSources {
    pub countries: String,
    pub organizations: String,
    pub places: String,
    pub people: String,
    pub roles: String,
    pub agents: String,
    pub ambiguous: String,
    pub given_names: String,
    pub descriptions: String,
}

/// The file names of the knowledge base, as in `data/actors/`.
pub const FILES: [&str; 9] = [
    "countries.txt",
    "organizations.txt",
    "places.txt",
    "people.txt",
    "roles.txt",
    "agents.txt",
    "ambiguous.txt",
    "given-names.txt",
    "descriptions.txt",
];

impl KbSources {
    /// The copy compiled into the binary.
    pub fn builtin() -> Self {
        KbSources {
            countries: include_str!("../../../../data/actors/countries.txt").to_string(),
            organizations: include_str!("../../../../data/actors/organizations.txt").to_string(),
            places: include_str!("../../../../data/actors/places.txt").to_string(),
            people: include_str!("../../../../data/actors/people.txt").to_string(),
            roles: include_str!("../../../../data/actors/roles.txt").to_string(),
            agents: include_str!("../../../../data/actors/agents.txt").to_string(),
            ambiguous: include_str!("../../../../data/actors/ambiguous.txt").to_string(),
            given_names: include_str!("../../../../data/actors/given-names.txt").to_string(),
            descriptions: include_str!("../../../../data/actors/descriptions.txt").to_string(),
        }
    }

    /// The files in `dir`; a file missing there is taken from the built-in copy.
    /// The built-in descriptions name built-in organisations, so a copy of
    /// `organizations.txt` without its own `descriptions.txt` has none.
    pub fn from_dir(dir: &Path) -> std::io::Result<Self> {
        let mut s = KbSources::builtin();
        if dir.join("organizations.txt").exists() && !dir.join("descriptions.txt").exists() {
            s.descriptions.clear();
        }
        for name in FILES {
            let p = dir.join(name);
            if !p.exists() {
                continue;
            }
            let text = std::fs::read_to_string(&p)?;
            match name {
                "countries.txt" => s.countries = text,
                "organizations.txt" => s.organizations = text,
                "places.txt" => s.places = text,
                "people.txt" => s.people = text,
                "roles.txt" => s.roles = text,
                "agents.txt" => s.agents = text,
                "ambiguous.txt" => s.ambiguous = text,
                "descriptions.txt" => s.descriptions = text,
                _ => s.given_names = text,
            }
        }
        Ok(s)
    }
}

/// The records of a file: (line number, fields), comments and blank lines skipped.
fn records(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, l)| {
        let t = l.trim();
        if t.is_empty() || t.starts_with('#') {
            return None;
        }
        Some((i + 1, t.split('|').map(str::trim).collect()))
    })
}

fn list(field: &str) -> Vec<String> {
    field
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn opt(field: &str) -> Option<String> {
    let f = field.trim();
    (!f.is_empty() && f != "-").then(|| f.to_string())
}

/// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `end` picks the last day of a partial date.
pub fn parse_date(s: &str, end: bool) -> Option<NaiveDate> {
    let parts: Vec<&str> = s.trim().split('-').collect();
    let num = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok());
    let y = parts.first()?.parse::<i32>().ok()?;
    match parts.len() {
        1 => {
            if end {
                NaiveDate::from_ymd_opt(y, 12, 31)
            } else {
                NaiveDate::from_ymd_opt(y, 1, 1)
            }
        }
        2 => {
            let m = num(1)?;
            let first = NaiveDate::from_ymd_opt(y, m, 1)?;
            if end {
                let next = if m == 12 {
                    NaiveDate::from_ymd_opt(y + 1, 1, 1)?
                } else {
                    NaiveDate::from_ymd_opt(y, m + 1, 1)?
                };
                next.pred_opt()
            } else {
                Some(first)
            }
        }
        3 => NaiveDate::from_ymd_opt(y, num(1)?, num(2)?),
        _ => None,
    }
}

struct Checker<'a> {
    file: &'a str,
}

impl Checker<'_> {
    fn err(&self, line: usize, message: impl Into<String>) -> KbError {
        KbError {
            file: self.file.to_string(),
            line,
            message: message.into(),
        }
    }

    fn fields<'f>(
        &self,
        line: usize,
        f: &[&'f str],
        min: usize,
        max: usize,
    ) -> Result<Vec<&'f str>, KbError> {
        if f.len() < min || f.len() > max {
            return Err(self.err(
                line,
                format!(
                    "expected {min} to {max} fields separated by '|', found {}",
                    f.len()
                ),
            ));
        }
        let mut v = f.to_vec();
        v.resize(max, "");
        Ok(v)
    }

    fn unique(&self, seen: &mut HashSet<String>, key: String, line: usize) -> Result<(), KbError> {
        if !seen.insert(key.clone()) {
            return Err(self.err(line, format!("duplicate key {key:?}")));
        }
        Ok(())
    }
}

pub fn parse_countries(text: &str) -> Result<Vec<Country>, KbError> {
    let c = Checker {
        file: "countries.txt",
    };
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (line, f) in records(text) {
        let f = c.fields(line, &f, 2, 5)?;
        let code = f[0].to_string();
        if code.len() != 3 || !code.chars().all(|ch| ch.is_ascii_uppercase()) {
            return Err(c.err(
                line,
                format!("country code {code:?} is not three capital letters"),
            ));
        }
        if f[1].is_empty() {
            return Err(c.err(line, "empty name"));
        }
        c.unique(&mut seen, code.clone(), line)?;
        out.push(Country {
            code,
            name: f[1].to_string(),
            names: list(f[2]),
            demonyms: list(f[3]),
            capitals: list(f[4]),
        });
    }
    Ok(out)
}

pub fn parse_orgs(text: &str) -> Result<Vec<Org>, KbError> {
    let c = Checker {
        file: "organizations.txt",
    };
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (line, f) in records(text) {
        let f = c.fields(line, &f, 2, 6)?;
        if f[0].is_empty() || f[1].is_empty() {
            return Err(c.err(line, "empty id or name"));
        }
        c.unique(&mut seen, f[0].to_string(), line)?;
        let kind = opt(f[5]).unwrap_or_else(|| "organization".into());
        if !matches!(kind.as_str(), "organization" | "group" | "place") {
            return Err(c.err(line, format!("unknown kind {kind:?}")));
        }
        out.push(Org {
            id: f[0].to_string(),
            name: f[1].to_string(),
            aliases: list(f[2]),
            country: opt(f[3]),
            sector: opt(f[4]),
            kind,
        });
    }
    Ok(out)
}

/// Reads `descriptions.txt` (`description | organisation id`) into the aliases of the
/// organisations it names: "West African leaders" is ECOWAS, "the two delegations" the story's
/// two parties (`BOTH-SIDES`). A description is an alias kept apart from the organisation's
/// own names because it describes the members rather than naming the body.
pub fn add_descriptions(text: &str, orgs: &mut [Org]) -> Result<(), KbError> {
    let c = Checker {
        file: "descriptions.txt",
    };
    let mut seen = HashSet::new();
    for (line, f) in records(text) {
        let f = c.fields(line, &f, 2, 2)?;
        if f[0].is_empty() || f[1].is_empty() {
            return Err(c.err(line, "empty description or id"));
        }
        c.unique(&mut seen, f[0].to_lowercase(), line)?;
        let Some(org) = orgs.iter_mut().find(|o| o.id == f[1]) else {
            return Err(c.err(line, format!("unknown organisation id {:?}", f[1])));
        };
        org.aliases.push(f[0].to_string());
    }
    Ok(())
}

pub fn parse_places(text: &str) -> Result<Vec<Place>, KbError> {
    let c = Checker { file: "places.txt" };
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (line, f) in records(text) {
        let f = c.fields(line, &f, 2, 4)?;
        if f[0].is_empty() || f[1].is_empty() {
            return Err(c.err(line, "empty id or name"));
        }
        c.unique(&mut seen, f[0].to_string(), line)?;
        out.push(Place {
            id: f[0].to_string(),
            name: f[1].to_string(),
            aliases: list(f[2]),
            country: opt(f[3]),
        });
    }
    Ok(out)
}

pub fn parse_people(text: &str) -> Result<Vec<Person>, KbError> {
    let c = Checker { file: "people.txt" };
    let mut seen = HashSet::new();
    let mut out: Vec<Person> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (line, f) in records(text) {
        let f = c.fields(line, &f, 6, 9)?;
        let id = f[0].to_string();
        if id.is_empty() || f[1].is_empty() {
            return Err(c.err(line, "empty id or name"));
        }
        let date = |s: &str, end: bool| -> Result<Option<NaiveDate>, KbError> {
            if s.is_empty() {
                return Ok(None);
            }
            parse_date(s, end).map(Some).ok_or_else(|| {
                c.err(
                    line,
                    format!("bad date {s:?} (YYYY-MM-DD, YYYY-MM or YYYY)"),
                )
            })
        };
        let office = Office {
            country: opt(f[3]),
            sector: opt(f[4]),
            role: opt(f[5]),
            title: f[6].to_string(),
            from: date(f[7], false)?,
            to: date(f[8], true)?,
        };
        if let (Some(a), Some(b)) = (office.from, office.to) {
            if b < a {
                return Err(c.err(line, "office ends before it starts"));
            }
        }
        c.unique(&mut seen, format!("{id} {} {}", f[5], f[7]), line)?;
        let i = *index.entry(id.clone()).or_insert_with(|| {
            out.push(Person {
                id: id.clone(),
                name: f[1].to_string(),
                aliases: Vec::new(),
                offices: Vec::new(),
            });
            out.len() - 1
        });
        let p = &mut out[i];
        if p.name != f[1] {
            return Err(c.err(
                line,
                format!("id {id} has two names: {:?} and {:?}", p.name, f[1]),
            ));
        }
        for a in list(f[2]) {
            if a != p.name && !p.aliases.contains(&a) {
                p.aliases.push(a);
            }
        }
        p.offices.push(office);
    }
    Ok(out)
}

pub fn parse_roles(text: &str) -> Result<Vec<Role>, KbError> {
    let c = Checker { file: "roles.txt" };
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (line, f) in records(text) {
        let f = c.fields(line, &f, 4, 4)?;
        let phrase = f[0].to_lowercase();
        if phrase.is_empty() {
            return Err(c.err(line, "empty phrase"));
        }
        c.unique(&mut seen, phrase.clone(), line)?;
        let kind = match f[3] {
            "person" => RoleKind::Person,
            "group" => RoleKind::Group,
            "org" => RoleKind::Org,
            k => return Err(c.err(line, format!("unknown kind {k:?} (person, group, org)"))),
        };
        out.push(Role {
            phrase,
            role: opt(f[1]),
            sector: opt(f[2]),
            kind,
            agent: false,
            modifier: false,
        });
    }
    Ok(out)
}

/// Parses `agents.txt` (`phrase | sector | use`) and marks the agent nouns among `roles`: a phrase
/// already there must have the same sector; a new one is added as a group role word.
pub fn add_agents(text: &str, roles: &mut Vec<Role>) -> Result<(), KbError> {
    let c = Checker { file: "agents.txt" };
    let mut seen = HashSet::new();
    for (line, f) in records(text) {
        let f = c.fields(line, &f, 2, 3)?;
        let phrase = f[0].to_lowercase();
        let sector = opt(f[1]);
        if phrase.is_empty() || sector.is_none() {
            return Err(c.err(line, "an agent needs a phrase and a sector"));
        }
        let modifier = match f[2] {
            "" => false,
            "adj" => true,
            u => return Err(c.err(line, format!("unknown use {u:?} (empty or adj)"))),
        };
        c.unique(&mut seen, phrase.clone(), line)?;
        match roles.iter_mut().find(|r| r.phrase == phrase) {
            Some(r) if r.sector != sector => {
                return Err(c.err(
                    line,
                    format!("{phrase:?} has sector {:?} in roles.txt", r.sector),
                ))
            }
            Some(r) => {
                r.agent = true;
                r.modifier = modifier;
            }
            None => roles.push(Role {
                phrase,
                role: None,
                sector,
                kind: RoleKind::Group,
                agent: true,
                modifier,
            }),
        }
    }
    Ok(())
}

pub fn parse_ambiguous(text: &str) -> Result<HashMap<String, Vec<Reading>>, KbError> {
    let c = Checker {
        file: "ambiguous.txt",
    };
    let mut seen = HashSet::new();
    let mut out: HashMap<String, Vec<Reading>> = HashMap::new();
    for (line, f) in records(text) {
        let f = c.fields(line, &f, 2, 4)?;
        if f[0].is_empty() || f[1].is_empty() {
            return Err(c.err(line, "empty alias or candidate"));
        }
        c.unique(&mut seen, format!("{} {}", f[0], f[1]), line)?;
        out.entry(f[0].to_string()).or_default().push(Reading {
            id: f[1].to_string(),
            cues: list(f[2]),
            article_cues: list(f[3]),
        });
    }
    Ok(out)
}

pub fn parse_given_names(text: &str) -> Result<HashMap<String, Gender>, KbError> {
    let c = Checker {
        file: "given-names.txt",
    };
    let mut out = HashMap::new();
    for (line, f) in records(text) {
        let f = c.fields(line, &f, 2, 2)?;
        let g = match f[0] {
            "m" => Gender::Male,
            "f" => Gender::Female,
            "x" => Gender::Either,
            "s" => Gender::FamilyFirst,
            g => return Err(c.err(line, format!("unknown gender {g:?} (m, f, x, s)"))),
        };
        for n in list(f[1]) {
            if out.insert(n.clone(), g).is_some() {
                return Err(c.err(line, format!("duplicate key {n:?}")));
            }
        }
    }
    Ok(out)
}

impl KnowledgeBase {
    /// The built-in knowledge base.
    pub fn builtin() -> Result<Self, KbError> {
        Self::from_sources(&KbSources::builtin())
    }

    /// Reads a knowledge base from `dir` (files missing there come from the built-in copy).
    pub fn from_dir(dir: &Path) -> Result<Self, KbError> {
        let s = KbSources::from_dir(dir).map_err(|e| KbError {
            file: dir.display().to_string(),
            line: 0,
            message: e.to_string(),
        })?;
        Self::from_sources(&s)
    }

    pub fn from_sources(s: &KbSources) -> Result<Self, KbError> {
        let mut roles = parse_roles(&s.roles)?;
        add_agents(&s.agents, &mut roles)?;
        let mut orgs = parse_orgs(&s.organizations)?;
        add_descriptions(&s.descriptions, &mut orgs)?;
        let kb = KnowledgeBase {
            countries: parse_countries(&s.countries)?,
            orgs,
            places: parse_places(&s.places)?,
            people: parse_people(&s.people)?,
            roles,
            ambiguous: parse_ambiguous(&s.ambiguous)?,
            given_names: parse_given_names(&s.given_names)?,
        };
        kb.check()?;
        Ok(kb)
    }

    /// Checks cross-references: every id an ambiguous reading names exists, every country code
    /// used is a country or a non-state code.
    pub fn check(&self) -> Result<(), KbError> {
        let ids = self.ids();
        for (alias, readings) in &self.ambiguous {
            for r in readings {
                if !ids.contains(r.id.as_str()) {
                    return Err(KbError {
                        file: "ambiguous.txt".into(),
                        line: 0,
                        message: format!("{alias}: unknown id {}", r.id),
                    });
                }
            }
        }
        let codes: HashSet<&str> = self
            .countries
            .iter()
            .map(|c| c.code.as_str())
            .chain(NON_STATE)
            .collect();
        let bad = |file: &str, what: &str, code: &str| KbError {
            file: file.into(),
            line: 0,
            message: format!("{what}: unknown country code {code}"),
        };
        for o in &self.orgs {
            if let Some(c) = &o.country {
                if !codes.contains(c.as_str()) {
                    return Err(bad("organizations.txt", &o.id, c));
                }
            }
        }
        for p in &self.places {
            if let Some(c) = &p.country {
                if !codes.contains(c.as_str()) {
                    return Err(bad("places.txt", &p.id, c));
                }
            }
        }
        for p in &self.people {
            for o in &p.offices {
                if let Some(c) = &o.country {
                    if !codes.contains(c.as_str()) {
                        return Err(bad("people.txt", &p.id, c));
                    }
                }
            }
        }
        Ok(())
    }

    fn ids(&self) -> HashSet<&str> {
        self.countries
            .iter()
            .map(|c| c.code.as_str())
            .chain(self.orgs.iter().map(|o| o.id.as_str()))
            .chain(self.places.iter().map(|p| p.id.as_str()))
            .collect()
    }

    /// Adds imported records (e.g. from the Phoenix dictionaries) after the built-in ones, which
    /// keep precedence: people already known by name, and role phrases already present, are
    /// skipped.
    pub fn extend(
        &mut self,
        people: Vec<Person>,
        orgs: Vec<Org>,
        places: Vec<Place>,
        roles: Vec<Role>,
    ) {
        let known: HashSet<String> = self
            .people
            .iter()
            .flat_map(|p| std::iter::once(p.name.clone()).chain(p.aliases.iter().cloned()))
            .map(|n| n.to_lowercase())
            .collect();
        self.people.extend(
            people
                .into_iter()
                .filter(|p| !known.contains(&p.name.to_lowercase())),
        );
        self.orgs.extend(orgs);
        self.places.extend(places);
        let phrases: HashSet<String> = self.roles.iter().map(|r| r.phrase.clone()).collect();
        self.roles
            .extend(roles.into_iter().filter(|r| !phrases.contains(&r.phrase)));
    }

    /// The surname in a full name: the first word when it is a family name written first
    /// ("Wang" in "Wang Yi"), else the last word with its particles ("von der Leyen").
    pub fn surname<'n>(&self, name: &'n str) -> &'n str {
        if let Some((first, _)) = name.split_once(' ') {
            if self.given_names.get(first) == Some(&Gender::FamilyFirst) {
                return first;
            }
        }
        surname_of(name)
    }

    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.code == code)
    }

    /// The people who held `role` for `country` (or IGO sector) on `date`.
    pub fn holders(&self, country: &str, role: &str, date: Option<NaiveDate>) -> Vec<&Person> {
        self.people
            .iter()
            .filter(|p| {
                p.offices.iter().any(|o| {
                    o.role.as_deref() == Some(role)
                        && (o.country.as_deref() == Some(country)
                            || o.sector.as_deref() == Some(country))
                        && date.is_none_or(|d| o.active_on(d))
                })
            })
            .collect()
    }
}

/// Country codes for actors that are not states (CAMEO's IMG: international militarised
/// groups such as al-Qaeda that no one state claims).
pub const NON_STATE: [&str; 6] = ["IGO", "UNO", "EUR", "NGO", "MNC", "IMG"];

/// The year of a date, for messages.
pub fn year(d: NaiveDate) -> i32 {
    d.year()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::builtin().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn every_builtin_file_parses_without_duplicates() {
        let s = KbSources::builtin();
        assert!(parse_countries(&s.countries).unwrap().len() >= 190);
        assert!(parse_orgs(&s.organizations).unwrap().len() >= 100);
        assert!(parse_places(&s.places).unwrap().len() >= 50);
        assert!(parse_people(&s.people).unwrap().len() >= 150);
        assert!(parse_roles(&s.roles).unwrap().len() >= 150);
        assert!(!parse_ambiguous(&s.ambiguous).unwrap().is_empty());
        assert!(parse_given_names(&s.given_names).unwrap().len() >= 400);
        kb();
    }

    #[test]
    fn descriptions_become_aliases_of_the_organisation_they_name() {
        let mut orgs =
            parse_orgs("ECOWAS | ECOWAS | | IGO | ECOWAS\nGCC | GCC | | IGO | GCC").unwrap();
        add_descriptions("# comment\nWest African leaders | ECOWAS\n", &mut orgs).unwrap();
        assert_eq!(orgs[0].aliases, vec!["West African leaders".to_string()]);
        // an unknown id, a description twice (in any case), a missing field: each an error
        assert!(add_descriptions("Gulf states | ARABLEAGUE", &mut orgs.clone()).is_err());
        assert!(
            add_descriptions("Gulf states | GCC\ngulf states | GCC", &mut orgs.clone()).is_err()
        );
        assert!(add_descriptions("Gulf states", &mut orgs.clone()).is_err());
        // the built-in list: every line names a known organisation, and the common ones are in
        let kb = kb();
        let named = |alias: &str, id: &str| {
            kb.orgs
                .iter()
                .any(|o| o.id == id && o.aliases.iter().any(|a| a == alias))
        };
        assert!(named("the two delegations", "BOTH-SIDES"));
        assert!(named("West African leaders", "ECOWAS"));
        assert!(named("Gulf states", "GCC"));
        assert!(named("Southeast Asian nations", "ASEAN"));
    }

    #[test]
    fn agent_nouns_mark_role_words_and_add_new_ones() {
        let mut roles =
            parse_roles("rebels | - | REB | group\nofficials | - | GOV | group").unwrap();
        add_agents("rebels | REB\nmilitia | UAF | adj\n", &mut roles).unwrap();
        let rebels = roles.iter().find(|r| r.phrase == "rebels").unwrap();
        assert!(rebels.agent && !rebels.modifier);
        let militia = roles.iter().find(|r| r.phrase == "militia").unwrap();
        assert!(militia.agent && militia.modifier && militia.kind == RoleKind::Group);
        assert!(
            !roles
                .iter()
                .find(|r| r.phrase == "officials")
                .unwrap()
                .agent
        );
        // a sector that contradicts roles.txt, a duplicate, an unknown use: each an error
        assert!(add_agents("rebels | GOV", &mut roles.clone()).is_err());
        assert!(add_agents("gunmen | UAF\nGunmen | UAF", &mut roles.clone()).is_err());
        assert!(add_agents("gunmen | UAF | noun", &mut roles.clone()).is_err());
        // the built-in list agrees with roles.txt and has the common agents
        let kb = kb();
        for p in [
            "rebels",
            "police",
            "government",
            "protesters",
            "gunmen",
            "civilians",
        ] {
            assert!(kb.roles.iter().any(|r| r.phrase == p && r.agent), "{p}");
        }
    }

    #[test]
    fn duplicates_are_rejected() {
        let e = parse_countries("RUS | Russia\nRUS | Russia again\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("duplicate"));
        assert!(
            parse_roles("spokesman | SPOX | GOV | person\nSpokesman | SPOX | GOV | person")
                .is_err()
        );
        assert!(parse_people(
            "a | A B | | USA | GOV | FM | t | 2020 |\na | A B | | USA | GOV | FM | t | 2020 |"
        )
        .is_err());
        assert!(parse_given_names("m | Ivan; Ivan").is_err());
    }

    #[test]
    fn bad_lines_say_where_and_why() {
        let e = parse_people("x | X Y | | USA | GOV | FM | t | 2020-13-01 |").unwrap_err();
        assert!(e.to_string().starts_with("people.txt:1:"), "{e}");
        assert!(parse_countries("Russia | RUS").is_err());
        assert!(parse_roles("spokesman | SPOX | GOV | someone").is_err());
    }

    #[test]
    fn partial_dates_cover_their_month_or_year() {
        assert_eq!(
            parse_date("2023-03", true),
            NaiveDate::from_ymd_opt(2023, 3, 31)
        );
        assert_eq!(
            parse_date("2024-02", true),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        assert_eq!(
            parse_date("2023-03", false),
            NaiveDate::from_ymd_opt(2023, 3, 1)
        );
        assert_eq!(
            parse_date("2011", true),
            NaiveDate::from_ymd_opt(2011, 12, 31)
        );
        assert_eq!(parse_date("x", true), None);
    }

    #[test]
    fn office_depends_on_the_date() {
        let kb = kb();
        let rubio = kb.people.iter().find(|p| p.id == "marco-rubio").unwrap();
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        assert_eq!(
            rubio.office_at(d(2022, 1, 10)).unwrap().sector.as_deref(),
            Some("LEG")
        );
        assert_eq!(
            rubio.office_at(d(2025, 3, 1)).unwrap().role.as_deref(),
            Some("FM")
        );
        let fm = kb.holders("RUS", "FM", d(2022, 1, 10));
        assert_eq!(fm.len(), 1);
        assert_eq!(fm[0].name, "Sergey Lavrov");
        let sg = kb.holders("NATO", "SG", d(2022, 1, 10));
        assert_eq!(sg[0].name, "Jens Stoltenberg");
        let sg = kb.holders("NATO", "SG", d(2025, 1, 10));
        assert_eq!(sg[0].name, "Mark Rutte");
        let uk = kb.holders("GBR", "HOG", d(2022, 10, 1));
        assert_eq!(uk[0].name, "Liz Truss");
    }

    #[test]
    fn surnames_keep_their_particles() {
        assert_eq!(surname_of("Sergei Ryabkov"), "Ryabkov");
        assert_eq!(surname_of("Ursula von der Leyen"), "von der Leyen");
        assert_eq!(surname_of("Jean-Yves Le Drian"), "Le Drian");
        assert_eq!(surname_of("Putin"), "Putin");
    }
}
