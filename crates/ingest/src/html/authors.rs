//! The article's authors: people, not the outlet.
//!
//! JSON-LD `author` (Person only), then author `<meta>` tags (and `twitter:data` labelled
//! "Written by"), then byline elements, the name after a lone "Written by" label, a byline near
//! the headline, and last a "Written by …" block anywhere. Each candidate loses a "By"/"Von"/"Par"
//! prefix, is split on "and", "&", "," and "|", and parts that are not plausible names (digits,
//! e-mail, URLs, more than five words, company words, job titles, the site's name) are dropped.
//! The site's name is kept only from an explicit author field and when it is a personal name (a
//! blog named after its writer); collective bylines ("Podium Staff", "News Desk") are kept.

use super::jsonld::JsonLd;
use super::lists;
use super::metadata::host_of;
use super::signals::Signals;
use std::sync::LazyLock;

static META_KEYS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    lists::entries(include_str!(
        "../../../../data/ingest/author_meta_names.txt"
    ))
});

static PREFIXES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lists::entries(include_str!("../../../../data/ingest/byline_prefixes.txt")));

fn strip_prefix_word(s: &str) -> &str {
    let mut s = s.trim();
    for p in PREFIXES.iter() {
        let head_matches = s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
        if head_matches && s.len() > p.len() && s[p.len()..].starts_with([' ', ':', '\u{a0}']) {
            s = s[p.len()..].trim_start_matches([' ', ':', '\u{a0}']).trim();
            break;
        }
    }
    s
}

fn plausible_name(s: &str, site: Option<&str>, host: Option<&str>) -> bool {
    let words = s.split_whitespace().count();
    if words == 0 || words > 5 || s.len() < 3 {
        return false;
    }
    // Code, user names and labels: "{color:red}", "andrew.keaveney", "kffnirmitap", "The Author".
    if s.chars()
        .any(|c| matches!(c, '{' | '}' | '[' | ']' | ';' | '=' | '<' | '>' | '*'))
    {
        return false;
    }
    if words == 1 && (s.contains('.') || s.contains('_') || !s.chars().any(char::is_uppercase)) {
        return false;
    }
    if s.to_lowercase().starts_with("the ") {
        return false;
    }
    if s.chars()
        .any(|c| c.is_ascii_digit() || c == '@' || c == '/' || c == '|')
        || s.contains("http")
    {
        return false;
    }
    let n = s.to_lowercase();
    if names_the_site(&n, site, host) || is_organisation(&n) {
        return false;
    }
    !NOT_AUTHOR_NAMES.contains(&n.as_str())
}

/// Whole bylines that name a role, an agency or nobody rather than a person.
static NOT_AUTHOR_NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lists::entries(include_str!("../../../../data/ingest/not_author_names.txt")));

/// True when a lowercased name is the site's name or its host's first label ("dailynews").
fn names_the_site(n: &str, site: Option<&str>, host: Option<&str>) -> bool {
    site.is_some_and(|site| n == site.to_lowercase())
        || host.is_some_and(|h| n.replace(' ', "") == h.split('.').next().unwrap_or(h))
}

/// Words that make a name an organisation's ("Help Net Security", "Daily News", "EDB Team").
static ORGANISATION_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    lists::entries(include_str!(
        "../../../../data/ingest/organisation_words.txt"
    ))
});

/// Organisation words that also make collective bylines ("Camphouse Team", "News Desk"): such
/// a byline is the page's stated author, so only the site-name and personal-name tests use them.
static COLLECTIVE_BYLINE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    lists::entries(include_str!(
        "../../../../data/ingest/collective_byline_words.txt"
    ))
});

/// True when a lowercased name holds an organisation word other than a collective byline's.
fn is_organisation(n: &str) -> bool {
    n.split_whitespace().any(|w| {
        let w = w.trim_end_matches(['.', ',']);
        ORGANISATION_WORDS.contains(&w) && !COLLECTIVE_BYLINE_WORDS.contains(&w)
    })
}

/// A personal name: two to four capitalised words, none an organisation word. A personal
/// site (a blog named after its writer) states its writer as the author and as the site.
fn looks_like_personal_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && looks_like_person(name)
        && words.iter().all(|w| {
            let lower = w.to_lowercase();
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
                && !ORGANISATION_WORDS.contains(&lower.trim_end_matches('.'))
        })
}

fn split_names(s: &str) -> Vec<String> {
    let s = strip_prefix_word(s);
    // Cut a trailing date or role ("Ann Lee, 10 January 2022", "Ann Lee | Reporter").
    let s = s.split(['|', '\n', '•', '·']).next().unwrap_or(s);
    s.replace(" and ", ",")
        .replace(" und ", ",")
        .replace(" et ", ",")
        .replace(" y ", ",")
        .replace(" & ", ",")
        .split([',', ';'])
        .map(|p| {
            strip_prefix_word(p)
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
                .to_string()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

fn from_candidates_min_words<'a>(
    cands: impl IntoIterator<Item = &'a str>,
    site: Option<&str>,
    host: Option<&str>,
    min_words: usize,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in cands {
        // "Ann Lee; Head of Marketing": what follows a semicolon is a role.
        let c = c.split(';').next().unwrap_or(c);
        for name in split_names(c) {
            if name.split_whitespace().count() >= min_words
                && plausible_name(&name, site, host)
                && looks_like_person(&name)
                && !out.iter().any(|o| o.eq_ignore_ascii_case(&name))
            {
                out.push(name);
            }
        }
        if !out.is_empty() {
            break;
        }
    }
    out
}

/// Words that label a byline element rather than name a person.
static LABEL_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    lists::entries(include_str!(
        "../../../../data/ingest/byline_label_words.txt"
    ))
});

/// Lower-case name particles allowed inside a name ("Ursula von der Leyen").
static PARTICLES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lists::entries(include_str!("../../../../data/ingest/name_particles.txt")));

/// True when every word is capitalised (or a particle) and none is a label word.
fn looks_like_person(name: &str) -> bool {
    name.split_whitespace().enumerate().all(|(i, w)| {
        let lower = w.to_lowercase();
        let trimmed = lower.trim_matches(|c: char| !c.is_alphanumeric());
        // "Podium Staff", "EDB Team": a collective byline, not the lone label "Staff".
        let collective = i > 0 && matches!(trimmed, "team" | "staff");
        (collective || !LABEL_WORDS.contains(&trimmed))
            && (w.chars().next().is_some_and(char::is_uppercase) || PARTICLES.contains(&trimmed))
    })
}

/// A byline block: "By Ann Lee", "Von Anna Müller", "Written by …".
fn byline(text: &str) -> Option<&str> {
    if text.chars().count() > MAX_BYLINE_CHARS {
        return None;
    }
    let t = text.trim();
    BYLINE_OPENINGS
        .iter()
        .any(|p| t.starts_with(p) && t[p.len()..].starts_with(' '))
        .then_some(t)
}

/// Case-sensitive openings of a byline block, each followed by a space ("By Ann Lee").
static BYLINE_OPENINGS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lists::entries(include_str!("../../../../data/ingest/byline_openings.txt")));

/// Longest block read as a byline.
const MAX_BYLINE_CHARS: usize = 100;

/// Labels that stand alone before the author's name in author boxes.
static BYLINE_LABELS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lists::entries(include_str!("../../../../data/ingest/byline_labels.txt")));

/// True when a block is only a byline label ("Written by", "Author:").
pub fn is_byline_label(text: &str) -> bool {
    let t = text.trim().trim_end_matches([':', ' ']).to_lowercase();
    t.len() <= 20 && BYLINE_LABELS.contains(&t.as_str())
}

/// `twitter:dataN` values whose `twitter:labelN` says "Written by" (WordPress SEO plugins).
fn twitter_written_by(sig: &Signals) -> Vec<&str> {
    (1..=4)
        .filter_map(|n| {
            let label = sig.first_meta(&[format!("twitter:label{n}").as_str()])?;
            let written = label.trim().eq_ignore_ascii_case("written by") || is_byline_label(label);
            written
                .then(|| sig.first_meta(&[format!("twitter:data{n}").as_str()]))
                .flatten()
        })
        .collect()
}

/// Names from explicit author fields (JSON-LD, `<meta>`): the site's own name is kept only when
/// it is a person's (a personal blog), never an outlet's.
fn from_candidates<'a>(
    cands: impl IntoIterator<Item = &'a str>,
    site: Option<&str>,
    host: Option<&str>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in cands {
        for name in split_names(c) {
            let acceptable = plausible_name(&name, site, host)
                || (looks_like_personal_name(&name) && plausible_name(&name, None, None));
            if acceptable && !out.iter().any(|o| o.eq_ignore_ascii_case(&name)) {
                out.push(name);
            }
        }
        if !out.is_empty() {
            break;
        }
    }
    out
}

/// The authors of a page, in the order the page gives them.
pub fn authors(
    sig: &Signals,
    ld: &JsonLd,
    site: Option<&str>,
    url: Option<&str>,
    near_title: &[&str],
    after_label: &[&str],
    all_short: &[&str],
) -> Vec<String> {
    let host = url.and_then(host_of);
    let host = host.as_deref();
    let from_ld = from_candidates(ld.authors.iter().map(String::as_str), site, host);
    if !from_ld.is_empty() {
        return from_ld;
    }
    let metas = META_KEYS
        .iter()
        .flat_map(|k| sig.meta(k))
        .chain(twitter_written_by(sig))
        .filter(|v| !v.starts_with("http"));
    let from_meta = from_candidates(metas, site, host);
    if !from_meta.is_empty() {
        return from_meta;
    }
    // Page elements: a single word there is more often a label ("Author", "Team") than a name.
    let from_elements =
        from_candidates_min_words(sig.author_texts.iter().map(String::as_str), site, host, 1);
    if !from_elements.is_empty() {
        return from_elements;
    }
    let from_labelled = from_candidates_min_words(after_label.iter().copied(), site, host, 2);
    if !from_labelled.is_empty() {
        return from_labelled;
    }
    let near =
        from_candidates_min_words(near_title.iter().filter_map(|t| byline(t)), site, host, 2);
    if !near.is_empty() {
        return near;
    }
    // "Written by Ann Lee" in an author box away from the headline.
    from_candidates_min_words(after_label_or_written_by(all_short), site, host, 2)
}

/// Short blocks anywhere on the page that start with an explicit "Written by"-style prefix
/// (a bare "By" is too common in prose to trust away from the headline).
fn after_label_or_written_by<'a>(blocks: &'a [&'a str]) -> impl Iterator<Item = &'a str> + 'a {
    blocks.iter().copied().filter(|t| {
        t.chars().count() <= MAX_BYLINE_CHARS
            && STRONG_BYLINE_PREFIXES.iter().any(|p| {
                // Full Unicode case fold: "Écrit par" matches the list's "écrit par".
                t.get(..p.len()).is_some_and(|h| h.to_lowercase() == *p)
                    && t[p.len()..].starts_with(' ')
            })
    })
}

/// Prefixes that make any short block a byline.
static STRONG_BYLINE_PREFIXES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    lists::entries(include_str!(
        "../../../../data/ingest/strong_byline_prefixes.txt"
    ))
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::lists::checks::lowercase_unique;

    fn capitalised(w: &str) -> String {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    }

    #[test]
    fn every_entry_of_author_meta_names_txt_gives_the_author() {
        lowercase_unique("author_meta_names.txt", &META_KEYS);
        for k in META_KEYS.iter() {
            let sig = Signals {
                metas: vec![(k.to_string(), "Ann Lee".into())],
                ..Default::default()
            };
            let found = authors(&sig, &JsonLd::default(), None, None, &[], &[], &[]);
            assert_eq!(found, vec!["Ann Lee"], "{k}");
        }
    }

    #[test]
    fn no_entry_of_not_author_names_txt_is_a_plausible_name() {
        lowercase_unique("not_author_names.txt", &NOT_AUTHOR_NAMES);
        for n in NOT_AUTHOR_NAMES.iter() {
            let cased: Vec<String> = n.split(' ').map(capitalised).collect();
            assert!(!plausible_name(&cased.join(" "), None, None), "{n}");
        }
        assert!(plausible_name("Ann Lee", None, None));
    }

    #[test]
    fn every_entry_of_byline_openings_txt_opens_a_byline() {
        let mut seen = std::collections::HashSet::new();
        for p in BYLINE_OPENINGS.iter() {
            assert!(seen.insert(*p), "{p} is listed twice");
            assert!(byline(&format!("{p} Ann Lee")).is_some(), "{p}");
            assert!(byline(&format!("{p}Ann")).is_none(), "{p}");
        }
    }

    #[test]
    fn every_entry_of_byline_prefixes_txt_is_stripped() {
        lowercase_unique("byline_prefixes.txt", &PREFIXES);
        for p in PREFIXES.iter() {
            assert_eq!(strip_prefix_word(&format!("{p} Ann Lee")), "Ann Lee", "{p}");
        }
    }

    #[test]
    fn every_organisation_word_marks_an_organisation_unless_collective() {
        lowercase_unique("organisation_words.txt", &ORGANISATION_WORDS);
        lowercase_unique("collective_byline_words.txt", &COLLECTIVE_BYLINE_WORDS);
        for w in COLLECTIVE_BYLINE_WORDS.iter() {
            assert!(
                ORGANISATION_WORDS.contains(w),
                "{w} is not an organisation word"
            );
        }
        for w in ORGANISATION_WORDS.iter() {
            let collective = COLLECTIVE_BYLINE_WORDS.contains(w);
            assert_eq!(is_organisation(&format!("acme {w}")), !collective, "{w}");
        }
    }

    #[test]
    fn no_entry_of_byline_label_words_txt_is_a_person() {
        lowercase_unique("byline_label_words.txt", &LABEL_WORDS);
        for w in LABEL_WORDS.iter() {
            assert!(!looks_like_person(&capitalised(w)), "{w}");
        }
    }

    #[test]
    fn every_entry_of_name_particles_txt_may_stand_inside_a_name() {
        lowercase_unique("name_particles.txt", &PARTICLES);
        for p in PARTICLES.iter() {
            assert!(looks_like_person(&format!("Ann {p} Lee")), "{p}");
        }
    }

    #[test]
    fn every_entry_of_byline_labels_txt_is_a_byline_label() {
        lowercase_unique("byline_labels.txt", &BYLINE_LABELS);
        for l in BYLINE_LABELS.iter() {
            assert!(is_byline_label(&capitalised(l)), "{l}");
        }
    }

    #[test]
    fn every_entry_of_strong_byline_prefixes_txt_makes_a_byline() {
        lowercase_unique("strong_byline_prefixes.txt", &STRONG_BYLINE_PREFIXES);
        for p in STRONG_BYLINE_PREFIXES.iter() {
            for prefix in [p.to_string(), capitalised(p)] {
                let block = format!("{prefix} Ann Lee");
                assert_eq!(
                    after_label_or_written_by(&[block.as_str()]).count(),
                    1,
                    "{prefix}"
                );
            }
            let glued = format!("{p}line");
            assert_eq!(
                after_label_or_written_by(&[glued.as_str()]).count(),
                0,
                "{p}"
            );
        }
    }

    #[test]
    fn byline_prefix_and_conjunctions_are_handled() {
        assert_eq!(
            split_names("By Ann Lee and Bob Stone"),
            vec!["Ann Lee", "Bob Stone"]
        );
        assert_eq!(split_names("Von Anna Müller"), vec!["Anna Müller"]);
    }

    #[test]
    fn the_site_is_not_an_author() {
        let sig = Signals {
            metas: vec![("author".into(), "Daily News".into())],
            ..Default::default()
        };
        assert!(authors(
            &sig,
            &JsonLd::default(),
            Some("Daily News"),
            None,
            &[],
            &[],
            &[]
        )
        .is_empty());
    }

    #[test]
    fn a_personal_site_named_after_its_writer_keeps_the_writer() {
        let sig = Signals {
            metas: vec![("author".into(), "Ann Lee".into())],
            ..Default::default()
        };
        let got = authors(
            &sig,
            &JsonLd::default(),
            Some("Ann Lee"),
            Some("https://annlee.example/post"),
            &[],
            &[],
            &[],
        );
        assert_eq!(got, vec!["Ann Lee"]);
        assert!(!looks_like_personal_name("Help Net Security"));
        assert!(!looks_like_personal_name("Daily News"));
    }

    #[test]
    fn organisations_and_job_titles_are_not_authors() {
        assert!(!plausible_name("Cleveland Clinic", None, None));
        assert!(!plausible_name("Acme Solutions Editorial Team", None, None));
        assert!(!looks_like_person("Co-Founder"));
        assert!(!looks_like_person("Staff"));
        assert!(looks_like_person("Podium Staff"));
        assert_eq!(
            split_names("Article by Edna Quill RN, BSN"),
            vec!["Edna Quill RN", "BSN"]
        );
    }

    #[test]
    fn a_name_after_a_written_by_label_is_the_author() {
        let after = ["Edna Quill"];
        let got = authors(
            &Signals::default(),
            &JsonLd::default(),
            None,
            None,
            &[],
            &after,
            &[],
        );
        assert_eq!(got, vec!["Edna Quill"]);
        assert!(is_byline_label("Written by"));
        assert!(is_byline_label("Author:"));
        assert!(!is_byline_label("Written by Edna Quill"));
    }

    #[test]
    fn twitter_written_by_data_is_an_author_field() {
        let sig = Signals {
            metas: vec![
                ("twitter:label1".into(), "Written by".into()),
                ("twitter:data1".into(), "Edna Quill".into()),
                ("twitter:label2".into(), "Est. reading time".into()),
                ("twitter:data2".into(), "4 minutes".into()),
            ],
            ..Default::default()
        };
        let got = authors(&sig, &JsonLd::default(), None, None, &[], &[], &[]);
        assert_eq!(got, vec!["Edna Quill"]);
    }

    #[test]
    fn a_written_by_block_anywhere_gives_the_author() {
        let blocks = [
            "Share this post",
            "Written by Edna Quill",
            "By the way, we moved.",
        ];
        let got = authors(
            &Signals::default(),
            &JsonLd::default(),
            None,
            None,
            &[],
            &[],
            &blocks,
        );
        assert_eq!(got, vec!["Edna Quill"]);
    }

    #[test]
    fn a_byline_near_the_title_gives_the_author() {
        let near = ["Published 10 January 2022", "By Ann Lee | Reporter"];
        assert_eq!(
            authors(
                &Signals::default(),
                &JsonLd::default(),
                None,
                None,
                &near,
                &[],
                &[]
            ),
            vec!["Ann Lee"]
        );
    }

    #[test]
    fn labels_are_not_people() {
        assert!(!looks_like_person("Full Bio"));
        assert!(!looks_like_person("experienced gardeners"));
        assert!(looks_like_person("Ursula von der Leyen"));
    }

    #[test]
    fn user_names_and_labels_are_not_names() {
        assert!(!plausible_name("andrew.keaveney", None, None));
        assert!(!plausible_name("kffnirmitap", None, None));
        assert!(!plausible_name("The Author", None, None));
    }

    #[test]
    fn dates_and_urls_are_not_names() {
        assert!(!plausible_name("10 January 2022", None, None));
        assert!(!plausible_name("https://x.com/ann", None, None));
    }
}
