//! The verb and noun pattern dictionaries, word forms and status cues, read from data/events.

use super::codes::{data_lines, is_code};
use std::collections::{HashMap, HashSet};

const CAMEO_VERBS: &str = include_str!("../../../../data/events/cameo_verbs.txt");
const PARLEY_VERBS: &str = include_str!("../../../../data/events/verbs.txt");
/// CAMEO.2.0's word sets, then parley's additions to them (a set named twice has both lists).
const SYNSETS: &str = concat!(
    include_str!("../../../../data/events/cameo_synsets.txt"),
    "\n",
    include_str!("../../../../data/events/synsets.txt")
);
const CAMEO_FORMS: &str = include_str!("../../../../data/events/cameo_forms.txt");
const LEMMAS: &str = include_str!("../../../../data/events/lemmas.txt");
const NOUNS: &str = include_str!("../../../../data/events/nouns.txt");
const CUES: &str = include_str!("../../../../data/events/status_cues.txt");

/// What a pattern or verb codes: a CAMEO code, or nothing (`---`).
pub type Code = Option<String>;

/// One element of a pattern: a word, a word set (`&name`), or the verb itself (`_`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatItem {
    Word(String),
    Set(String),
    Verb,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub code: Code,
    /// Items before the verb, in order.
    pub before: Vec<PatItem>,
    /// Items after the verb, in order.
    pub after: Vec<PatItem>,
    /// The verbs of its block the pattern was written for (`@take`); empty = all of them.
    pub verbs: Vec<String>,
}

impl Pattern {
    /// Whether the pattern applies to the verb entry with these words.
    pub fn applies_to(&self, verb_words: &[String]) -> bool {
        self.verbs.is_empty() || self.verbs.iter().any(|v| *v == verb_words.join(" "))
    }
}

/// A verb block: verbs that share a default code and a list of patterns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub name: String,
    pub code: Code,
    pub patterns: Vec<Pattern>,
    /// `needs-target`: the block's events are coded only with a target ("wants peace" is no
    /// demand; "wants NATO to stop" is).
    pub needs_target: bool,
    /// `bare-needs-target`: a verb of the block coded by its default code (no pattern matched)
    /// makes an event only with a target or a compound source. For common verbs whose everyday
    /// sense is no event ("Japan has a lot to offer", "which means steak", "French presses"):
    /// their patterns ("offered aid") and their uses with a target still code.
    pub bare_needs_target: bool,
    /// `alleges`: "claimed that X attacked Y" accuses X (CAMEO 112) of what the clause says,
    /// and "claimed that they attacked" claims responsibility (015).
    pub alleges: bool,
    /// `keeps-cameo`: each verb of the block keeps the patterns CAMEO.2.0 wrote for it, after
    /// the block's own (which win a tie), so an override changes a default code or adds
    /// patterns without dropping the imported ones.
    pub keeps_cameo: bool,
    /// `reciprocal`: the block's acts are mutual ("Russia and Ukraine exchanged prisoners"): a
    /// compound source with no target is coded one record per direction, as for meetings.
    pub reciprocal: bool,
    /// The verbs whose line gives a code of their own (`verb bar = 172` in a 160 block): each
    /// is another sense than the block's, so it shares no pattern written for another verb.
    pub own_sense: HashSet<Vec<String>>,
}

impl Block {
    /// The patterns that apply to the verb with these words: a verb with patterns written for
    /// it, or with a code of its own, uses its own and the block-wide ones; a synonym with
    /// neither shares every pattern of its block, as in PETRARCH ("mobilize" those written for
    /// "mobilise", "sever" those for "cut").
    pub fn patterns_for<'a>(
        &'a self,
        verb_words: &'a [String],
    ) -> impl Iterator<Item = &'a Pattern> {
        let own = self.own_sense.contains(verb_words)
            || self
                .patterns
                .iter()
                .any(|p| !p.verbs.is_empty() && p.applies_to(verb_words));
        self.patterns
            .iter()
            .filter(move |p| !own || p.applies_to(verb_words))
    }
}

/// A verb entry: its words (lemma of the first, literal rest), its block, its own code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbEntry {
    pub words: Vec<String>,
    pub block: usize,
    /// Some when the verb line overrides the block's code.
    pub code: Option<Code>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NounEntry {
    pub words: Vec<String>,
    pub code: String,
    pub reciprocal: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueScope {
    /// The event word itself.
    SelfWord,
    Governs,
    Sentence,
    Near,
    Except,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// "denied", "conditional", ..., or "report" for speech cues.
    pub status: String,
    pub scope: CueScope,
    pub words: Vec<String>,
}

/// Everything the coder knows, parsed once.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    pub blocks: Vec<Block>,
    /// First word's lemma -> verb entries starting with it.
    pub verbs: HashMap<String, Vec<VerbEntry>>,
    pub sets: HashMap<String, Vec<Vec<String>>>,
    pub forms: HashMap<String, String>,
    /// First word -> noun entries starting with it (compared singular-ish).
    pub nouns: HashMap<String, Vec<NounEntry>>,
    /// Support verbs ("hold", "impose") by first-word lemma, with their remaining words.
    pub support: HashMap<String, Vec<Vec<String>>>,
    pub cues: Vec<Cue>,
}

impl Dictionary {
    /// The compiled-in dictionaries; they are checked by tests, so a failure here is a build bug
    /// and yields an empty dictionary rather than a panic.
    pub fn builtin() -> Self {
        Self::parse_all(
            &[PARLEY_VERBS, CAMEO_VERBS],
            SYNSETS,
            &[LEMMAS, CAMEO_FORMS],
            NOUNS,
            CUES,
        )
        .unwrap_or_default()
    }

    /// Parses verb files (earlier files override later ones verb by verb), word sets, forms,
    /// nouns and cues.
    pub fn parse_all(
        verb_files: &[&str],
        synsets: &str,
        form_files: &[&str],
        nouns: &str,
        cues: &str,
    ) -> Result<Self, String> {
        let mut d = Dictionary::default();
        for f in form_files {
            for (n, line) in data_lines(f) {
                let (form, lemma) = line
                    .split_once('\t')
                    .ok_or_else(|| format!("forms line {n}: want form<TAB>lemma"))?;
                d.forms
                    .entry(form.trim().to_string())
                    .or_insert_with(|| lemma.trim().to_string());
            }
        }
        for (n, line) in data_lines(synsets) {
            let (name, members) = line
                .split_once(" = ")
                .ok_or_else(|| format!("synsets line {n}: want &name = a | b"))?;
            let name = name.trim().trim_start_matches('&').to_string();
            let members: Vec<Vec<String>> = members
                .split('|')
                .map(|m| m.split_whitespace().map(str::to_string).collect::<Vec<_>>())
                .filter(|m| !m.is_empty())
                .collect();
            d.sets.entry(name).or_default().extend(members);
        }
        // verb words -> the block that claimed them first
        let mut claimed: HashMap<String, usize> = HashMap::new();
        // (claiming block, verb words, block of a later file that listed the verb too)
        let mut overridden: Vec<(usize, Vec<String>, usize)> = Vec::new();
        for (file_no, text) in verb_files.iter().enumerate() {
            let mut here: HashMap<String, usize> = HashMap::new();
            d.parse_verbs(text, file_no, &claimed, &mut here, &mut overridden)?;
            claimed.extend(here);
        }
        d.inherit_patterns(&overridden);
        d.parse_nouns(nouns)?;
        d.cues = parse_cues(cues)?;
        Ok(d)
    }

    fn parse_verbs(
        &mut self,
        text: &str,
        file_no: usize,
        claimed: &HashMap<String, usize>,
        here: &mut HashMap<String, usize>,
        overridden: &mut Vec<(usize, Vec<String>, usize)>,
    ) -> Result<(), String> {
        let mut current: Option<usize> = None;
        for (n, line) in data_lines(text) {
            let line = line.trim();
            let (kw, rest) = line.split_once(' ').unwrap_or((line, ""));
            let at = || format!("verb file {file_no} line {n}");
            match kw {
                "block" => {
                    let mut f = rest.split_whitespace();
                    let name = f
                        .next()
                        .ok_or_else(|| format!("{}: block needs a name", at()))?;
                    let code = parse_code(f.next().unwrap_or("---"))
                        .ok_or_else(|| format!("{}: bad block code", at()))?;
                    let (mut needs_target, mut alleges, mut keeps_cameo) = (false, false, false);
                    let (mut bare_needs_target, mut reciprocal) = (false, false);
                    for flag in f {
                        match flag {
                            "needs-target" => needs_target = true,
                            "reciprocal" => reciprocal = true,
                            "bare-needs-target" => bare_needs_target = true,
                            "alleges" => alleges = true,
                            "keeps-cameo" => keeps_cameo = true,
                            x => return Err(format!("{}: unknown block flag {x:?}", at())),
                        }
                    }
                    self.blocks.push(Block {
                        name: name.to_string(),
                        code,
                        patterns: Vec::new(),
                        needs_target,
                        bare_needs_target,
                        alleges,
                        keeps_cameo,
                        reciprocal,
                        own_sense: HashSet::new(),
                    });
                    current = Some(self.blocks.len() - 1);
                }
                "verb" => {
                    let block = current.ok_or_else(|| format!("{}: verb outside a block", at()))?;
                    let (words, code) = match rest.split_once(" = ") {
                        Some((w, c)) => (
                            w,
                            Some(
                                parse_code(c.trim())
                                    .ok_or_else(|| format!("{}: bad code", at()))?,
                            ),
                        ),
                        None => (rest, None),
                    };
                    let words: Vec<String> = words.split_whitespace().map(str::to_string).collect();
                    if words.is_empty() {
                        return Err(format!("{}: verb without words", at()));
                    }
                    let key = words.join(" ");
                    if code.is_some() {
                        self.blocks[block].own_sense.insert(words.clone());
                    }
                    if let Some(&owner) = claimed.get(&key) {
                        overridden.push((owner, words, block));
                        continue;
                    }
                    here.entry(key).or_insert(block);
                    self.verbs
                        .entry(words[0].clone())
                        .or_default()
                        .push(VerbEntry { words, block, code });
                }
                "pat" => {
                    let block =
                        current.ok_or_else(|| format!("{}: pattern outside a block", at()))?;
                    let (code, items) = rest
                        .split_once(' ')
                        .ok_or_else(|| format!("{}: pattern needs a code and items", at()))?;
                    let code = parse_code(code).ok_or_else(|| format!("{}: bad code", at()))?;
                    let mut before = Vec::new();
                    let mut after = Vec::new();
                    let mut seen_verb = false;
                    let mut verbs = Vec::new();
                    for t in items.split_whitespace() {
                        let item = match t {
                            "_" => PatItem::Verb,
                            s if s.starts_with('@') => {
                                verbs.push(s[1..].replace('_', " "));
                                continue;
                            }
                            "$" | "+" | "^" | "%" => continue,
                            s if s.starts_with('&') => PatItem::Set(s[1..].to_string()),
                            s => PatItem::Word(s.to_string()),
                        };
                        match item {
                            PatItem::Verb => seen_verb = true,
                            other if seen_verb => after.push(other),
                            other => before.push(other),
                        }
                    }
                    if !seen_verb {
                        return Err(format!("{}: pattern without _", at()));
                    }
                    self.blocks[block].patterns.push(Pattern {
                        code,
                        before,
                        after,
                        verbs,
                    });
                }
                _ => return Err(format!("{}: unknown line {:?}", at(), kw)),
            }
        }
        Ok(())
    }

    /// Copies, into each `keeps-cameo` block, the patterns that the later files' blocks had for
    /// its verbs, each marked for its verb.
    fn inherit_patterns(&mut self, overridden: &[(usize, Vec<String>, usize)]) {
        for (owner, words, from) in overridden {
            if !self.blocks[*owner].keeps_cameo || owner == from {
                continue;
            }
            let verb = words.join(" ");
            let copied: Vec<Pattern> = self.blocks[*from]
                .patterns_for(words)
                .map(|p| Pattern {
                    verbs: vec![verb.clone()],
                    ..p.clone()
                })
                .collect();
            self.blocks[*owner].patterns.extend(copied);
        }
    }

    fn parse_nouns(&mut self, text: &str) -> Result<(), String> {
        for (n, line) in data_lines(text) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 2 {
                return Err(format!("nouns line {n}: want code<TAB>noun[<TAB>flags]"));
            }
            let words: Vec<String> = f[1].split_whitespace().map(str::to_string).collect();
            if words.is_empty() {
                return Err(format!("nouns line {n}: empty phrase"));
            }
            if f[0] == "support" {
                self.support
                    .entry(words[0].clone())
                    .or_default()
                    .push(words[1..].to_vec());
                continue;
            }
            if !is_code(f[0]) {
                return Err(format!("nouns line {n}: bad code {:?}", f[0]));
            }
            let reciprocal = f.get(2).is_some_and(|s| s.contains("reciprocal"));
            let first = super::tokens::noun_key(&words[0]).to_string();
            self.nouns.entry(first).or_default().push(NounEntry {
                words,
                code: f[0].to_string(),
                reciprocal,
            });
        }
        Ok(())
    }

    /// The lemma of a listed irregular form.
    pub fn irregular(&self, word: &str) -> Option<String> {
        self.forms.get(word).cloned()
    }

    pub fn verb_count(&self) -> usize {
        self.verbs.values().map(Vec::len).sum()
    }
}

fn parse_code(s: &str) -> Option<Code> {
    if s == "---" {
        Some(None)
    } else if is_code(s) {
        Some(Some(s.to_string()))
    } else {
        None
    }
}

fn parse_cues(text: &str) -> Result<Vec<Cue>, String> {
    let mut out = Vec::new();
    for (n, line) in data_lines(text) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 3 {
            return Err(format!(
                "status_cues line {n}: want status<TAB>scope<TAB>cues"
            ));
        }
        let scope = match f[1] {
            "governs" => CueScope::Governs,
            "self" => CueScope::SelfWord,
            "sentence" => CueScope::Sentence,
            "near" => CueScope::Near,
            "except" => CueScope::Except,
            s => return Err(format!("status_cues line {n}: unknown scope {s:?}")),
        };
        const STATUSES: [&str; 10] = [
            "accusation",
            "commitment",
            "denied",
            "negated",
            "conditional",
            "hypothetical",
            "proposed",
            "planned",
            "report",
            "demand",
        ];
        if !STATUSES.contains(&f[0]) {
            return Err(format!("status_cues line {n}: unknown status {:?}", f[0]));
        }
        for cue in f[2].split('|') {
            let words: Vec<String> = cue
                .split_whitespace()
                .map(|w| w.to_lowercase().replace('’', "'"))
                .collect();
            if !words.is_empty() {
                out.push(Cue {
                    status: f[0].to_string(),
                    scope,
                    words,
                });
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strict() -> Dictionary {
        Dictionary::parse_all(
            &[PARLEY_VERBS, CAMEO_VERBS],
            SYNSETS,
            &[LEMMAS, CAMEO_FORMS],
            NOUNS,
            CUES,
        )
        .expect("data/events dictionaries parse")
    }

    #[test]
    fn every_compiled_dictionary_file_parses() {
        let d = strict();
        assert!(d.blocks.len() > 350, "blocks: {}", d.blocks.len());
        assert!(d.verb_count() > 1500, "verbs: {}", d.verb_count());
        assert!(d.sets.contains_key("military"));
        // synsets.txt adds to CAMEO.2.0's sets
        assert!(d.sets["weapon"].contains(&vec!["arms".to_string()]));
        assert!(d.sets["weapon"].contains(&vec!["missile".to_string()]));
        assert_eq!(d.forms.get("met").map(String::as_str), Some("meet"));
        assert!(d.nouns.contains_key("talk"));
        assert!(d.support.contains_key("hold"));
        assert!(d.cues.iter().any(|c| c.status == "conditional"));
    }

    #[test]
    fn parley_verbs_override_cameo_entries_for_the_same_verb() {
        let d = strict();
        let reject: Vec<_> = d.verbs["reject"]
            .iter()
            .filter(|v| v.words == ["reject"])
            .collect();
        assert_eq!(reject.len(), 1);
        assert_eq!(d.blocks[reject[0].block].name, "parley_reject");
    }

    #[test]
    fn patterns_split_around_the_verb() {
        let d = Dictionary::parse_all(
            &["block b 040\nverb meet\npat 036 mediators _ for &talk\n"],
            "&talk = talks | negotiations\n",
            &[],
            "",
            "",
        )
        .unwrap();
        let p = &d.blocks[0].patterns[0];
        assert_eq!(p.before, vec![PatItem::Word("mediators".into())]);
        assert_eq!(
            p.after,
            vec![PatItem::Word("for".into()), PatItem::Set("talk".into())]
        );
    }

    #[test]
    fn a_pattern_marked_for_one_verb_applies_to_that_verb_only() {
        let d = Dictionary::parse_all(
            &["block b 171\nverb capture\nverb take\nverb blow up\npat 030 _ part @take\npat 190 _ bridge @blow_up\npat 192 _ town\n"],
            "",
            &[],
            "",
            "",
        )
        .unwrap();
        let words = |w: &str| w.split(' ').map(str::to_string).collect::<Vec<_>>();
        let [part, bridge, town] = [0, 1, 2].map(|k| &d.blocks[0].patterns[k]);
        assert!(part.applies_to(&words("take")));
        assert!(!part.applies_to(&words("capture")));
        assert!(bridge.applies_to(&words("blow up")));
        assert!(!bridge.applies_to(&words("take")));
        assert!(town.applies_to(&words("capture")) && town.applies_to(&words("take")));
        // "capture" has no pattern of its own: it shares the block's; "take" keeps to its own
        let take = words("take");
        let capture = words("capture");
        let for_take: Vec<_> = d.blocks[0].patterns_for(&take).collect();
        let for_capture: Vec<_> = d.blocks[0].patterns_for(&capture).collect();
        assert_eq!(for_take, vec![part, town]);
        assert_eq!(for_capture.len(), 3);
    }

    #[test]
    fn a_verb_with_its_own_code_shares_only_block_wide_patterns() {
        let d = Dictionary::parse_all(
            &["block b 190
verb take
verb seize
verb nab = 173
pat 192 _ town @take
pat 195 _ by air
"],
            "",
            &[],
            "",
            "",
        )
        .unwrap();
        let words = |w: &str| vec![w.to_string()];
        let codes = |w: &str| -> Vec<Code> {
            d.blocks[0]
                .patterns_for(&words(w))
                .map(|p| p.code.clone())
                .collect()
        };
        let code = |c: &str| Some(c.to_string());
        assert_eq!(codes("seize"), [code("192"), code("195")]);
        assert_eq!(codes("nab"), [code("195")]);
    }

    #[test]
    fn a_keeps_cameo_block_keeps_imported_patterns_after_its_own() {
        let ours = "block mine 120 keeps-cameo\nverb reject\npat 016 _ claims\nblock plain 010\nverb say\n";
        let imported = "block refuse ---\nverb reject\nverb say\npat 016 _ claims @reject\npat 1246 _ withdrawal @reject\npat 013 _ hope @say\n";
        let d = Dictionary::parse_all(&[ours, imported], "", &[], "", "").unwrap();
        let mine = &d.blocks[0];
        let codes: Vec<_> = mine
            .patterns
            .iter()
            .map(|p| p.code.clone().unwrap())
            .collect();
        // its own pattern first (it wins a tie), then the imported ones written for "reject"
        assert_eq!(codes, ["016", "016", "1246"]);
        assert_eq!(mine.patterns[2].verbs, ["reject"]);
        // a block without the flag replaces the imported entry, patterns included
        assert!(d.blocks[1].patterns.is_empty());
        assert_eq!(d.verbs["reject"].len(), 1);
    }

    #[test]
    fn the_bare_needs_target_flag_is_read_per_block() {
        let d = Dictionary::parse_all(
            &["block a 060 keeps-cameo bare-needs-target\nverb help = 070\nblock b 060\nverb give\n"],
            "",
            &[],
            "",
            "",
        )
        .unwrap();
        assert!(d.blocks[0].bare_needs_target && d.blocks[0].keeps_cameo);
        assert!(!d.blocks[1].bare_needs_target);
        // the built-in list flags the common verbs' block
        let b = Dictionary::builtin();
        let help = &b.verbs["help"][0];
        assert!(b.blocks[help.block].bare_needs_target);
        assert_eq!(help.code, Some(Some("070".to_string())));
    }

    #[test]
    fn the_reciprocal_flag_is_read_per_block() {
        let d = Dictionary::parse_all(
            &["block a 060 keeps-cameo reciprocal\nverb swap\nblock b 060\nverb give\n"],
            "",
            &[],
            "",
            "",
        )
        .unwrap();
        assert!(d.blocks[0].reciprocal && d.blocks[0].keeps_cameo);
        assert!(!d.blocks[1].reciprocal);
        // the built-in list makes exchanging mutual
        let b = Dictionary::builtin();
        assert!(b.blocks[b.verbs["exchange"][0].block].reciprocal);
    }

    #[test]
    fn bad_lines_are_errors_not_panics() {
        assert!(Dictionary::parse_all(&["verb meet\n"], "", &[], "", "").is_err());
        assert!(Dictionary::parse_all(&[], "", &[], "xx\ttalks\n", "").is_err());
        assert!(Dictionary::parse_all(&[], "", &[], "", "maybe\tnear\tif\n").is_err());
    }
}
