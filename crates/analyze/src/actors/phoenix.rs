//! Importer for the MIT-licensed Phoenix dictionaries of PETRARCH-2 (`Phoenix.Countries.actors.txt`,
//! `Phoenix.International.actors.txt`, `Phoenix.agents.txt`), into the knowledge-base types.
//!
//! Actor files: an entry is a primary phrase line (`VLADIMIR_PUTIN_`), optional `+SYNONYM` lines
//! and codes, either on the phrase line or on indented lines: `[RUSGOV]` (always),
//! `[RUSGOV 991231-080507]` (a date range, YYMMDD or YYYYMMDD, inclusive), `[RUSGOV >080508]`
//! (from), `[RUSGOV <080508]` (until). Words are joined by `_`; a trailing `_` marks a whole word.
//! `#` starts a comment. Codes are a three-letter country (or `IGO`, `NGO`, `IMG`, ...) followed by
//! three-letter sector segments.
//!
//! Conversion: an entry whose only code is a bare country code becomes place names of that
//! country (the files list cities and regions under each country); an entry with sector codes
//! and dates becomes a person with one office per dated code; one with sector codes and no
//! dates becomes an organisation. Agents (`PRESIDENT [~GOV]`) become role words.

use super::kb::{Office, Org, Person, Place, Role, RoleKind, NON_STATE};
use chrono::NaiveDate;
use std::collections::HashSet;
use std::path::Path;

/// One code with its optional date range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoenixCode {
    pub code: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// One actor entry as written in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoenixEntry {
    /// The primary phrase first, then synonyms, with `_` made spaces.
    pub names: Vec<String>,
    pub codes: Vec<PhoenixCode>,
}

/// One agent entry: a phrase and the sector code it adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoenixAgent {
    pub phrase: String,
    pub code: String,
}

/// What the importer adds to a knowledge base.
#[derive(Debug, Clone, Default)]
pub struct PhoenixKb {
    pub people: Vec<Person>,
    pub orgs: Vec<Org>,
    pub places: Vec<Place>,
    pub roles: Vec<Role>,
}

fn strip_comment(l: &str) -> &str {
    l.split('#').next().unwrap_or("")
}

/// `VLADIMIR_PUTIN_` → `Vladimir Putin`; words with full stops (`U.N.`) keep their capitals.
/// (One-word names also get their all-capital form as an alias in [`convert`], for acronyms.)
pub fn phrase(raw: &str) -> String {
    raw.trim()
        .trim_start_matches('+')
        .trim_end_matches('_')
        .split('_')
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.contains('.') {
                w.to_string()
            } else {
                let mut out = String::new();
                let mut start = true;
                for c in w.chars() {
                    if start {
                        out.extend(c.to_uppercase());
                    } else {
                        out.extend(c.to_lowercase());
                    }
                    start = !c.is_alphanumeric() && c != '\'';
                }
                out
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A Phoenix date: YYMMDD (years up to 30 are 20xx) or YYYYMMDD.
pub fn phoenix_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        6 => {
            let yy: i32 = s[..2].parse().ok()?;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        8 => (s[..4].parse().ok()?, &s[4..]),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, rest[..2].parse().ok()?, rest[2..].parse().ok()?)
}

/// The codes in a line: every `[...]` group. Malformed dates drop that code.
fn codes_in(line: &str) -> Vec<PhoenixCode> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(a) = rest.find('[') {
        let Some(b) = rest[a..].find(']') else { break };
        let inner = &rest[a + 1..a + b];
        rest = &rest[a + b + 1..];
        let mut parts = inner.split_whitespace();
        let Some(code) = parts.next() else { continue };
        let code = code
            .trim_start_matches('~')
            .trim_end_matches('~')
            .to_string();
        let (mut from, mut to) = (None, None);
        if let Some(d) = parts.next() {
            if let Some(x) = d.strip_prefix('>') {
                from = phoenix_date(x);
                if from.is_none() {
                    continue;
                }
            } else if let Some(x) = d.strip_prefix('<') {
                to = phoenix_date(x);
                if to.is_none() {
                    continue;
                }
            } else if let Some((a, b)) = d.split_once('-') {
                from = phoenix_date(a);
                to = phoenix_date(b);
                if from.is_none() || to.is_none() {
                    continue;
                }
            } else {
                continue;
            }
        }
        out.push(PhoenixCode { code, from, to });
    }
    out
}

/// Parses an actor dictionary (bytes, since the files mix encodings).
pub fn parse_actors(bytes: &[u8]) -> Vec<PhoenixEntry> {
    let text = String::from_utf8_lossy(bytes);
    let mut out: Vec<PhoenixEntry> = Vec::new();
    let mut cur: Option<PhoenixEntry> = None;
    let flush = |cur: &mut Option<PhoenixEntry>, out: &mut Vec<PhoenixEntry>| {
        if let Some(e) = cur.take() {
            if !e.codes.is_empty() && !e.names.is_empty() {
                out.push(e);
            }
        }
    };
    for raw in text.lines() {
        let l = strip_comment(raw);
        if l.trim().is_empty() {
            continue;
        }
        let indented = l.starts_with([' ', '\t']);
        let t = l.trim();
        if t.starts_with('[') || (indented && t.contains('[') && !t.starts_with('+')) {
            if let Some(e) = cur.as_mut() {
                e.codes.extend(codes_in(t));
            }
            continue;
        }
        if let Some(syn) = t.strip_prefix('+') {
            if let Some(e) = cur.as_mut() {
                let name_part = syn.split('[').next().unwrap_or("");
                let n = phrase(name_part);
                if !n.is_empty() && !e.names.contains(&n) {
                    e.names.push(n);
                }
                e.codes.extend(codes_in(syn));
            }
            continue;
        }
        // A primary phrase: a new entry.
        flush(&mut cur, &mut out);
        let name_part = t.split('[').next().unwrap_or("");
        let n = phrase(name_part);
        if n.is_empty() {
            continue;
        }
        cur = Some(PhoenixEntry {
            names: vec![n],
            codes: codes_in(t),
        });
    }
    flush(&mut cur, &mut out);
    out
}

/// Parses the agents dictionary: `PHRASE {plurals} [~CODE]`, with `!SET!` substitutions.
pub fn parse_agents(bytes: &[u8]) -> Vec<PhoenixAgent> {
    let text = String::from_utf8_lossy(bytes);
    let mut sets: Vec<(String, Vec<String>)> = Vec::new();
    let mut out = Vec::new();
    for raw in text.lines() {
        let t = strip_comment(raw).trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with('!') {
            if let Some((k, v)) = t.split_once('=') {
                let vals = v
                    .split(',')
                    .map(|x| x.trim().to_string())
                    .filter(|x| !x.is_empty())
                    .collect();
                sets.push((k.trim().to_string(), vals));
            }
            continue;
        }
        let Some(code) = codes_in(t).into_iter().next() else {
            continue;
        };
        let head = t.split(['[', '{']).next().unwrap_or("").trim();
        let mut phrases = vec![head.to_string()];
        for (k, vals) in &sets {
            if head.contains(k.as_str()) {
                phrases = vals.iter().map(|v| head.replace(k.as_str(), v)).collect();
            }
        }
        for p in phrases {
            let p = p.replace('_', " ").to_lowercase();
            let p = p.trim().to_string();
            if !p.is_empty() {
                out.push(PhoenixAgent {
                    phrase: p,
                    code: code.code.clone(),
                });
            }
        }
    }
    out
}

/// Splits a Phoenix code into (country, sector): `RUSGOV` → (RUS, GOV); `IGOWSTNAT` → (IGO, NATO);
/// `IGOUNO...` → (UNO, UN); `IGOEUREEC` → (EUR, EU).
pub fn split_code(code: &str) -> (String, Option<String>) {
    let c = code.trim_start_matches('~');
    if c.len() < 3 || !c.is_char_boundary(3) {
        return (c.to_string(), None);
    }
    if let Some(rest) = c.strip_prefix("IGO") {
        if rest.starts_with("UNO") {
            return ("UNO".into(), Some("UN".into()));
        }
        if rest.starts_with("EUR") {
            return ("EUR".into(), Some("EU".into()));
        }
        if rest.contains("NAT") {
            return ("IGO".into(), Some("NATO".into()));
        }
        return ("IGO".into(), (rest.len() >= 3).then(|| rest.to_string()));
    }
    let (country, rest) = c.split_at(3);
    let sector = rest.get(..3).filter(|s| s.len() == 3).map(String::from);
    (country.to_string(), sector)
}

/// Converts parsed entries into knowledge-base records. `known` are the country codes the
/// knowledge base has; entries for other codes are skipped.
pub fn convert(
    entries: &[PhoenixEntry],
    agents: &[PhoenixAgent],
    known: &HashSet<String>,
) -> PhoenixKb {
    let mut kb = PhoenixKb::default();
    // "Nato" and "NATO", "Iaea" and "IAEA": short one-word names also in capitals.
    let entries: Vec<PhoenixEntry> = entries
        .iter()
        .map(|e| {
            let mut e = e.clone();
            let caps: Vec<String> = e
                .names
                .iter()
                .filter(|n| !n.contains(' ') && n.chars().count() <= 5)
                .map(|n| n.to_uppercase())
                .filter(|u| !e.names.contains(u))
                .collect();
            e.names.extend(caps);
            e
        })
        .collect();
    let entries = &entries;
    let ok = |c: &str| known.contains(c) || NON_STATE.contains(&c);
    for (n, e) in entries.iter().enumerate() {
        let id = format!("phx:{}", e.names[0].to_lowercase().replace(' ', "-"));
        let dated = e.codes.iter().any(|c| c.from.is_some() || c.to.is_some());
        let sectors = e.codes.iter().any(|c| c.code.len() > 3);
        if !sectors && !dated {
            // Place names of a country (cities, regions, old names).
            let Some(c) = e.codes.first() else { continue };
            if !ok(&c.code) {
                continue;
            }
            kb.places.push(Place {
                id: format!("{id}:{n}"),
                name: e.names[0].clone(),
                aliases: e.names[1..].to_vec(),
                country: Some(c.code.clone()),
            });
            continue;
        }
        if dated {
            let offices: Vec<Office> = e
                .codes
                .iter()
                .filter_map(|c| {
                    let (country, sector) = split_code(&c.code);
                    ok(&country).then(|| Office {
                        country: Some(country),
                        sector,
                        role: None,
                        title: c.code.clone(),
                        from: c.from,
                        to: c.to,
                    })
                })
                .collect();
            if offices.is_empty() {
                continue;
            }
            kb.people.push(Person {
                id: format!("{id}:{n}"),
                name: e.names[0].clone(),
                aliases: e.names[1..].to_vec(),
                offices,
            });
            continue;
        }
        let Some(c) = e.codes.first() else { continue };
        let (country, sector) = split_code(&c.code);
        if !ok(&country) {
            continue;
        }
        kb.orgs.push(Org {
            id: format!("{id}:{n}"),
            name: e.names[0].clone(),
            aliases: e.names[1..].to_vec(),
            country: Some(country),
            sector,
            kind: "organization".into(),
        });
    }
    let mut seen = HashSet::new();
    for a in agents {
        if !seen.insert(a.phrase.clone()) {
            continue;
        }
        let sector = a.code.get(..3).map(String::from);
        kb.roles.push(Role {
            phrase: a.phrase.clone(),
            role: None,
            sector,
            kind: RoleKind::Person,
            agent: false,
            modifier: false,
        });
    }
    kb
}

/// Reads `Phoenix.Countries.actors.txt`, `Phoenix.International.actors.txt` and
/// `Phoenix.agents.txt` from `dir` (files that are missing are skipped).
pub fn load_dir(dir: &Path, known: &HashSet<String>) -> std::io::Result<PhoenixKb> {
    let read = |n: &str| -> std::io::Result<Vec<u8>> {
        let p = dir.join(n);
        if p.exists() {
            std::fs::read(p)
        } else {
            Ok(Vec::new())
        }
    };
    let mut entries = parse_actors(&read("Phoenix.Countries.actors.txt")?);
    entries.extend(parse_actors(&read("Phoenix.International.actors.txt")?));
    let agents = parse_agents(&read("Phoenix.agents.txt")?);
    Ok(convert(&entries, &agents, known))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
# comment
RUSSIAN_FEDERATION_  [RUS]
+RUSSIAN
+MOSCOW_
VLADIMIR_PUTIN_  # CountryInfo.txt
+PUTIN_
+PRESIDENT_VLADIMIR_PUTIN_
\t[RUSELI 700101-990809]
\t[RUSGOV 991231-080507]
\t[RUSGOV >080508]
\t[RUSELI]
KREMLIN_ [RUSGOV]
+RUSSIAN_WHITE_HOUSE
SERGEY_LAVROV_  # CountryInfo.txt
+LAVROV
\t[RUSGOV 19940922-20040712] # Amb. to UN
\t[RUSGOV >20040309]  # Foreign Minister
B._LYNN_PASCOE_\t[USAGOV 981022-010811] [USAGOV 041018-070201] [IGOUNO  >070201]# former ambassador
BAN_KI-MOON [IGOUNO >20070101] [KORGOVBUS 2004017-20061201]
NATO_
+NORTH_ATLANTIC_TREATY_ORGANIZATION_\t
\t[IGOWSTNAT]# NGO_Actors
U.N._
";

    #[test]
    fn parses_entries_synonyms_and_dated_codes() {
        let e = parse_actors(SAMPLE.as_bytes());
        let putin = e.iter().find(|x| x.names[0] == "Vladimir Putin").unwrap();
        assert_eq!(
            putin.names,
            vec!["Vladimir Putin", "Putin", "President Vladimir Putin"]
        );
        assert_eq!(putin.codes.len(), 4);
        assert_eq!(putin.codes[0].from, NaiveDate::from_ymd_opt(1970, 1, 1));
        assert_eq!(putin.codes[1].to, NaiveDate::from_ymd_opt(2008, 5, 7));
        assert_eq!(putin.codes[2].from, NaiveDate::from_ymd_opt(2008, 5, 8));
        let lavrov = e.iter().find(|x| x.names[0] == "Sergey Lavrov").unwrap();
        assert_eq!(lavrov.codes[1].from, NaiveDate::from_ymd_opt(2004, 3, 9));
        let pascoe = e.iter().find(|x| x.names[0] == "B. Lynn Pascoe").unwrap();
        assert_eq!(pascoe.codes.len(), 3);
        // A malformed date (7 digits) drops only that code.
        let ban = e.iter().find(|x| x.names[0] == "Ban Ki-Moon").unwrap();
        assert_eq!(ban.codes.len(), 1);
        let nato = e.iter().find(|x| x.names[0] == "Nato").unwrap();
        assert_eq!(nato.codes[0].code, "IGOWSTNAT");
        // An entry without any code is dropped.
        assert!(!e.iter().any(|x| x.names[0] == "U.N."));
        assert_eq!(
            phrase("+SECRETARY-GENERAL_BAN_KI-MOON"),
            "Secretary-General Ban Ki-Moon"
        );
    }

    #[test]
    fn converts_people_with_dated_offices_orgs_and_places() {
        let e = parse_actors(SAMPLE.as_bytes());
        let known: HashSet<String> = ["RUS", "USA", "KOR"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let kb = convert(&e, &[], &known);
        let putin = kb
            .people
            .iter()
            .find(|p| p.name == "Vladimir Putin")
            .unwrap();
        let o = putin
            .office_at(NaiveDate::from_ymd_opt(2022, 1, 10))
            .unwrap();
        assert_eq!(
            (o.country.as_deref(), o.sector.as_deref()),
            (Some("RUS"), Some("GOV"))
        );
        let o = putin
            .office_at(NaiveDate::from_ymd_opt(1995, 1, 10))
            .unwrap();
        assert_eq!(o.sector.as_deref(), Some("ELI"));
        let kremlin = kb.orgs.iter().find(|o| o.name == "Kremlin").unwrap();
        assert_eq!(kremlin.sector.as_deref(), Some("GOV"));
        let nato = kb
            .orgs
            .iter()
            .find(|o| o.aliases.contains(&"NATO".to_string()))
            .unwrap();
        assert_eq!(
            (nato.country.as_deref(), nato.sector.as_deref()),
            (Some("IGO"), Some("NATO"))
        );
        assert!(kb
            .places
            .iter()
            .any(|p| p.aliases.contains(&"Moscow".to_string())));
    }

    #[test]
    fn agents_expand_sets_and_keep_sectors() {
        let a = parse_agents(b"!PERSON! = MAN, MEN\nPRESIDENT [~GOV]\nCONGRESS!PERSON! [~LEG]\nHUMAN_RIGHTS_BODY [NGO~]\n# x\n");
        assert!(a.contains(&PhoenixAgent {
            phrase: "president".into(),
            code: "GOV".into()
        }));
        assert!(a.contains(&PhoenixAgent {
            phrase: "congressmen".into(),
            code: "LEG".into()
        }));
        assert!(a
            .iter()
            .any(|x| x.phrase == "human rights body" && x.code == "NGO"));
    }

    #[test]
    fn real_dictionaries_parse_when_present() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/petrarch2-gsr");
        if !dir.exists() {
            return;
        }
        let known: HashSet<String> = ["RUS", "USA", "UKR", "NOR"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let kb = load_dir(&dir, &known).unwrap();
        let lavrov = kb
            .people
            .iter()
            .find(|p| p.name == "Sergey Lavrov")
            .unwrap();
        let o = lavrov
            .office_at(NaiveDate::from_ymd_opt(2022, 1, 10))
            .unwrap();
        assert_eq!(o.country.as_deref(), Some("RUS"));
        // Stoltenberg is coded Norwegian government in Phoenix (it predates his NATO post).
        let st = kb
            .people
            .iter()
            .find(|p| p.name == "Jens Stoltenberg")
            .unwrap();
        assert_eq!(st.offices[0].country.as_deref(), Some("NOR"));
        assert!(kb.roles.iter().any(|r| r.phrase == "secretary of state"));
        assert!(kb.people.len() > 1000, "{}", kb.people.len());
    }
}
