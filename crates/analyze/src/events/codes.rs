//! The CAMEO code table (names, Goldstein scores, quad classes) and the CAMEO→PLOVER mapping.

use std::collections::HashMap;

const CODES: &str = include_str!("../../../../data/events/cameo_codes.tsv");
const PLOVER: &str = include_str!("../../../../data/events/cameo_plover.tsv");
const PLOVER_STATUS: &str = include_str!("../../../../data/events/plover_status.tsv");
const CAMEO_STATUS: &str = include_str!("../../../../data/events/cameo_status.tsv");
const PICO: &str = include_str!("../../../../data/events/pico.tsv");
const COUNTERPARTS: &str = include_str!("../../../../data/events/counterparts.tsv");

/// One CAMEO code with what GDELT and PLOVER attach to it.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeInfo {
    pub code: String,
    pub name: String,
    pub goldstein: f32,
    pub quad_class: u8,
    pub plover: Option<PloverInfo>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PloverInfo {
    pub category: String,
    pub mode: Option<String>,
    pub context: Option<String>,
}

/// All CAMEO codes, looked up by their 2–4 digit string.
#[derive(Debug, Clone)]
pub struct CameoTable {
    codes: HashMap<String, CodeInfo>,
    /// (status, category coded, category reported) for events not yet carried out.
    by_status: Vec<(String, String, String)>,
    /// (status, root, code) for announced or conditional events (cameo_status.tsv).
    code_by_status: Vec<(String, String, String)>,
    /// CAMEO code → PETRARCH's internal ontology value (pico.tsv), and back.
    pico: HashMap<String, i64>,
    pico_reverse: HashMap<i64, String>,
    /// code → the code of the same event seen from its target (counterparts.tsv).
    counterparts: HashMap<String, String>,
}

impl CameoTable {
    /// The compiled-in table.
    pub fn builtin() -> Self {
        Self::parse(CODES, PLOVER)
            .and_then(|t| t.with_status_table(PLOVER_STATUS))
            .and_then(|t| t.with_code_status_table(CAMEO_STATUS))
            .and_then(|t| t.with_pico_table(PICO))
            .and_then(|t| t.with_counterparts(COUNTERPARTS))
            .unwrap_or_else(|_| CameoTable {
                codes: HashMap::new(),
                by_status: Vec::new(),
                code_by_status: Vec::new(),
                pico: HashMap::new(),
                pico_reverse: HashMap::new(),
                counterparts: HashMap::new(),
            })
    }

    /// Parses the code table and the PLOVER mapping (formats in data/events/README.md).
    pub fn parse(codes: &str, plover: &str) -> Result<Self, String> {
        let mut map = HashMap::new();
        for (n, line) in data_lines(codes) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 4 {
                return Err(format!("cameo_codes line {n}: want 4 tab-separated fields"));
            }
            let goldstein = f[1]
                .parse::<f32>()
                .map_err(|_| format!("cameo_codes line {n}: bad Goldstein {:?}", f[1]))?;
            let quad_class = f[2]
                .parse::<u8>()
                .ok()
                .filter(|q| (1..=4).contains(q))
                .ok_or_else(|| format!("cameo_codes line {n}: bad quad class {:?}", f[2]))?;
            if !is_code(f[0]) {
                return Err(format!("cameo_codes line {n}: bad code {:?}", f[0]));
            }
            map.insert(
                f[0].to_string(),
                CodeInfo {
                    code: f[0].to_string(),
                    name: f[3].to_string(),
                    goldstein,
                    quad_class,
                    plover: None,
                },
            );
        }
        for (n, line) in data_lines(plover) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 4 {
                return Err(format!(
                    "cameo_plover line {n}: want 4 tab-separated fields"
                ));
            }
            let opt = |s: &str| (s != "-" && !s.is_empty()).then(|| s.to_string());
            if let Some(info) = map.get_mut(f[0]) {
                // the first line for a code wins (the source lists 08 and 175 twice)
                if info.plover.is_none() {
                    info.plover = Some(PloverInfo {
                        category: f[1].to_string(),
                        mode: opt(f[2]),
                        context: opt(f[3]),
                    });
                }
            } else if !is_code(f[0]) {
                return Err(format!("cameo_plover line {n}: bad code {:?}", f[0]));
            }
            // codes PLOVER lists that GDELT's table lacks (1213, ...) are never coded: skipped
        }
        Ok(CameoTable {
            codes: map,
            by_status: Vec::new(),
            code_by_status: Vec::new(),
            pico: HashMap::new(),
            pico_reverse: HashMap::new(),
            counterparts: HashMap::new(),
        })
    }

    /// Adds counterparts.tsv: the code an event implies for its target ("visited" 042 →
    /// the target hosted, 043).
    pub fn with_counterparts(mut self, text: &str) -> Result<Self, String> {
        for (n, line) in data_lines(text) {
            match line.split('\t').collect::<Vec<_>>().as_slice() {
                [a, b] if self.codes.contains_key(*a) && self.codes.contains_key(*b) => {
                    self.counterparts.insert(a.to_string(), b.to_string());
                }
                _ => return Err(format!("counterparts line {n}: want code<TAB>known code")),
            }
        }
        Ok(self)
    }

    /// The code of the same event seen from its target, if it has one.
    pub fn counterpart(&self, code: &str) -> Option<&str> {
        self.counterparts.get(code).map(String::as_str)
    }

    /// Adds pico.tsv: each code's value in PETRARCH's internal coding ontology, which makes a
    /// governing verb and the verb it governs one code.
    pub fn with_pico_table(mut self, text: &str) -> Result<Self, String> {
        for (n, line) in data_lines(text) {
            let f: Vec<&str> = line.split('\t').collect();
            let bad =
                || format!("pico line {n}: want code<TAB>value or reverse<TAB>value<TAB>code");
            match f.as_slice() {
                ["reverse", value, code] if self.codes.contains_key(*code) => {
                    let v = pico_value(value).ok_or_else(bad)?;
                    self.pico_reverse.insert(v, code.to_string());
                }
                [code, value] if is_code(code) => {
                    let v = pico_value(value).ok_or_else(bad)?;
                    self.pico.insert(code.to_string(), v);
                    // the first code listed for a value is the one read back
                    if self.codes.contains_key(*code) {
                        self.pico_reverse
                            .entry(v)
                            .or_insert_with(|| code.to_string());
                    }
                }
                _ => return Err(bad()),
            }
        }
        Ok(self)
    }

    /// The one code of a verb coded `upper` that governs a verb coded `lower` ("asked X to
    /// help": 020 and 070 make 023, appeal for aid), after PETRARCH2's `combine_code`: a
    /// rejection adds its content, a governed act of a higher value keeps it, and otherwise the
    /// values add. None when the sum is no code ("gave permission to help"), and when both are
    /// high-level acts: PETRARCH2 then keeps the governed one ("pledged to expel" 174), which
    /// on the PLOVER set turned more intents into wrong categories than it fixed ("agreed to
    /// set up a research centre" is no investigation).
    pub fn combine(&self, upper: &str, lower: &str) -> Option<String> {
        let (u, l) = (self.pico_of(upper)?, self.pico_of(lower)?);
        // (PETRARCH2 adds only a negative governed value; a rejection governing an act is the
        // rejection of that act, "refused to lift sanctions" 1244, so a negative upper adds too)
        let sum = if l < 0 || u < 0 {
            u + l
        } else if u >= 0x1000 && l >= 0x1000 {
            return None;
        } else if l >= u {
            l
        } else {
            u + l
        };
        self.pico_reverse.get(&sum).cloned()
    }

    /// Whether PETRARCH's ontology files a code among the high-level acts (statements,
    /// appeals, intents, demands, protests, threats, coercion ...), not among the material
    /// acts of cooperation and violence those can be about.
    pub fn high_level(&self, code: &str) -> bool {
        self.pico_of(code).is_some_and(|v| v >= 0x1000)
    }

    fn pico_of(&self, code: &str) -> Option<i64> {
        [Some(code), code.get(..3)]
            .into_iter()
            .flatten()
            .find_map(|c| self.pico.get(c).copied())
            .or_else(|| {
                code.get(..2)
                    .and_then(|r| self.pico.get(&format!("{r}0")).copied())
            })
    }

    /// Adds cameo_status.tsv: the code an announced or conditional event takes.
    pub fn with_code_status_table(mut self, text: &str) -> Result<Self, String> {
        for (n, line) in data_lines(text) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 3 || !is_code(f[1]) || !is_code(f[2]) || !self.codes.contains_key(f[2]) {
                return Err(format!(
                    "cameo_status line {n}: want status<TAB>root<TAB>known code"
                ));
            }
            self.code_by_status
                .push((f[0].to_string(), f[1].to_string(), f[2].to_string()));
        }
        Ok(self)
    }

    /// The code an event word coded `code` takes with `status` ("planned" 190 is 138).
    pub fn code_with_status<'a>(&'a self, code: &'a str, status: &str) -> &'a str {
        let root = code.get(..2).unwrap_or(code);
        self.code_by_status
            .iter()
            .find(|(s, r, _)| s == status && r == root)
            .map_or(code, |(_, _, c)| c.as_str())
    }

    /// Adds the status table (plover_status.tsv): which PLOVER category an event with a given
    /// status reports instead of its own ("will visit" is AGREE).
    pub fn with_status_table(mut self, text: &str) -> Result<Self, String> {
        for (n, line) in data_lines(text) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 3 {
                return Err(format!(
                    "plover_status line {n}: want status<TAB>from<TAB>to"
                ));
            }
            self.by_status
                .push((f[0].to_string(), f[1].to_string(), f[2].to_string()));
        }
        Ok(self)
    }

    /// The PLOVER category and mode of a code for an event with `status` ("planned", ...).
    pub fn plover_with_status(&self, code: &str, status: &str) -> Option<PloverInfo> {
        let p = self.plover(code)?;
        match self
            .by_status
            .iter()
            .find(|(s, from, _)| s == status && *from == p.category)
        {
            Some((_, _, to)) => Some(PloverInfo {
                category: to.clone(),
                mode: None,
                context: p.context.clone(),
            }),
            None => Some(p.clone()),
        }
    }

    /// The entry for a code; a code missing from the table falls back to its 3-digit base and
    /// then its root.
    pub fn get(&self, code: &str) -> Option<&CodeInfo> {
        self.codes
            .get(code)
            .or_else(|| code.get(..3).and_then(|c| self.codes.get(c)))
            .or_else(|| code.get(..2).and_then(|c| self.codes.get(c)))
    }

    /// The PLOVER category of a code, walking up to its base and root when the leaf has none.
    pub fn plover(&self, code: &str) -> Option<&PloverInfo> {
        [Some(code), code.get(..3), code.get(..2)]
            .into_iter()
            .flatten()
            .filter_map(|c| self.codes.get(c))
            .find_map(|i| i.plover.as_ref())
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

/// A sum of hex terms, as "-0xFFFF+0x0070".
fn pico_value(s: &str) -> Option<i64> {
    let mut total = 0i64;
    let mut rest = s.trim();
    while !rest.is_empty() {
        let (sign, body) = match rest.as_bytes()[0] {
            b'-' => (-1, &rest[1..]),
            b'+' => (1, &rest[1..]),
            _ => (1, rest),
        };
        let hex = body.strip_prefix("0x")?;
        let end = hex.find(['+', '-']).unwrap_or(hex.len());
        total += sign * i64::from_str_radix(&hex[..end], 16).ok()?;
        rest = &hex[end..];
    }
    Some(total)
}

/// A CAMEO code: 2 to 4 digits.
pub fn is_code(s: &str) -> bool {
    (2..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// Lines with their 1-based numbers, without comments and blank lines.
pub(crate) fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end()))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_code_table_parses_with_every_gdelt_code() {
        let t = CameoTable::parse(CODES, PLOVER).expect("data/events code files parse");
        assert_eq!(t.len(), 311);
        let c = t.get("163").unwrap();
        assert_eq!((c.goldstein, c.quad_class), (-8.0, 4));
        assert_eq!(t.get("0874").unwrap().goldstein, 10.0);
    }

    #[test]
    fn plover_mapping_follows_cameo2plover() {
        let t = CameoTable::builtin();
        assert_eq!(t.plover("041").unwrap().category, "CONSULT");
        assert_eq!(t.plover("041").unwrap().mode.as_deref(), Some("phone"));
        assert_eq!(t.plover("1123").unwrap().category, "ACCUSE");
        assert_eq!(t.plover("163").unwrap().category, "COERCE");
        assert!(t.plover("010").is_none(), "PLOVER drops CAMEO 01");
    }

    #[test]
    fn planned_cooperation_reports_as_agree() {
        let t = CameoTable::builtin();
        assert_eq!(
            t.plover_with_status("042", "planned").unwrap().category,
            "AGREE"
        );
        assert_eq!(
            t.plover_with_status("0874", "planned").unwrap().category,
            "CONCEDE"
        );
        assert_eq!(
            t.plover_with_status("042", "occurred").unwrap().category,
            "CONSULT"
        );
        assert_eq!(
            t.plover_with_status("190", "planned").unwrap().category,
            "THREATEN"
        );
    }

    #[test]
    fn announced_attacks_are_threats_and_announced_visits_intents() {
        let t = CameoTable::builtin();
        assert_eq!(t.code_with_status("190", "planned"), "138");
        assert_eq!(t.code_with_status("042", "conditional"), "036");
        assert_eq!(t.code_with_status("190", "occurred"), "190");
        assert_eq!(t.code_with_status("112", "planned"), "112");
    }

    #[test]
    fn unknown_leaf_falls_back_to_its_base_code() {
        let t = CameoTable::builtin();
        assert_eq!(t.get("1129").unwrap().code, "112");
    }

    #[test]
    fn a_governing_verb_and_its_content_make_one_code() {
        let t = CameoTable::builtin();
        let c = |u: &str, l: &str| t.combine(u, l);
        // ask to help: appeal for aid; want to help: intend to aid
        assert_eq!(c("020", "070").as_deref(), Some("023"));
        assert_eq!(c("030", "070").as_deref(), Some("033"));
        // pledge to expel: two high-level acts make no one code (the pledge keeps its own)
        assert_eq!(c("030", "174"), None);
        // refuse to lift sanctions; threaten, or want, to attack
        assert_eq!(c("120", "085").as_deref(), Some("1244"));
        assert_eq!(c("130", "190").as_deref(), Some("138"));
        assert_eq!(c("030", "190").as_deref(), Some("138"));
        // allege an attack by another: accuse; claim one's own attack: claim responsibility
        assert_eq!(c("110", "190").as_deref(), Some("112"));
        assert_eq!(c("010", "190").as_deref(), Some("015"));
        // a yield governing aid is no code
        assert_eq!(c("080", "070"), None);
        assert_eq!(c("999", "070"), None);
        assert!(t.high_level("172") && !t.high_level("190"));
    }

    #[test]
    fn pico_table_parses_and_names_known_codes() {
        let t = CameoTable::parse(CODES, PLOVER)
            .and_then(|t| t.with_pico_table(PICO))
            .unwrap();
        assert!(t.pico.len() > 250 && t.pico_reverse.values().all(|c| t.codes.contains_key(c)));
        assert!(CameoTable::parse(CODES, PLOVER)
            .and_then(|t| t.with_pico_table("010\t0x\n"))
            .unwrap_err()
            .contains("line 1"));
    }

    #[test]
    fn a_visit_is_hosted_by_its_target() {
        let t = CameoTable::parse(CODES, PLOVER)
            .and_then(|t| t.with_counterparts(COUNTERPARTS))
            .unwrap();
        assert_eq!(t.counterpart("042"), Some("043"));
        assert_eq!(t.counterpart("190"), None);
        assert!(t.with_counterparts("042\t999\n").is_err());
    }

    #[test]
    fn pico_values_are_sums_of_hex_terms() {
        assert_eq!(pico_value("0x1000"), Some(0x1000));
        assert_eq!(pico_value("-0xFFFF+0x0070"), Some(-0xFFFF + 0x70));
        assert_eq!(pico_value("0x1000-0xFFFF"), Some(0x1000 - 0xFFFF));
        assert_eq!(pico_value("12"), None);
        assert_eq!(pico_value("0x"), None);
    }

    #[test]
    fn malformed_lines_are_reported_with_their_number() {
        let e = CameoTable::parse("01\tx\t1\tname\n", "").unwrap_err();
        assert!(e.contains("line 1"));
    }
}
