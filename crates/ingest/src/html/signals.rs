//! One pass over the parsed page that gathers every metadata signal: `<meta>` tags, JSON-LD
//! scripts, `<title>`, `<h1>`, canonical link, language, `<time>` elements, and elements whose
//! class, id, `rel` or `itemprop` mark an author or a date.

use regex::Regex;
use scraper::{ElementRef, Html, Node};
use std::sync::LazyLock;

static DATE_HINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)date|publi|posted|dateline|byline|stamp|datum|fecha|(^|[\s_-])(time|meta|submitted)($|[\s_-])",
    )
    .unwrap()
});
static NOT_PUBLICATION_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)modif|updat|revis|event|hours|expir|deadline|birth|comment|join").unwrap()
});
static AUTHOR_HINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)author|byline|by-line|writer|autor|auteur|contributor").unwrap()
});
static AUTHOR_PATH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)/(author|authors|autor|autoren|auteur|redakteur|journalist|journalists|writers?|contributors?|people|producers|profile|profil|staff)/[^/?#]+/?$").unwrap()
});
static AUTHOR_NEGATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)bio|avatar|image|img|photo|comment|related|box|description|about").unwrap()
});

/// A date-bearing element: machine value (`datetime`/`content`) or its text.
#[derive(Debug, Clone)]
pub struct DateElement {
    pub machine: Option<String>,
    pub text: String,
    /// Marked as the publication date (`itemprop=datePublished`, `pubdate`, class with "publish").
    pub published_hint: bool,
    /// Marked as a modification date.
    pub modified_hint: bool,
}

/// Everything the metadata resolvers read.
#[derive(Debug, Default)]
pub struct Signals {
    /// `(key, content)`, key = lowercase `name`/`property`/`itemprop`/`http-equiv`.
    pub metas: Vec<(String, String)>,
    pub jsonld: Vec<String>,
    pub title: Option<String>,
    pub h1: Vec<String>,
    pub canonical: Option<String>,
    pub html_lang: Option<String>,
    pub times: Vec<DateElement>,
    pub date_texts: Vec<String>,
    pub author_texts: Vec<String>,
}

impl Signals {
    /// All values of a meta key, in document order.
    pub fn meta<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.metas
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub fn first_meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.metas
                .iter()
                .find(|(key, v)| key == k && !v.trim().is_empty())
                .map(|(_, v)| v.as_str())
        })
    }
}

/// Visible text of an element, whitespace-normalised.
pub fn text_of(el: ElementRef<'_>) -> String {
    let mut out = String::new();
    for t in el.text() {
        for w in t.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

/// Visible text of an element, or `None` as soon as it grows past `max` bytes.
pub fn short_text(el: ElementRef<'_>, max: usize) -> Option<String> {
    let mut out = String::new();
    for t in el.text() {
        for w in t.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
            if out.len() > max {
                return None;
            }
        }
    }
    Some(out)
}

const MAX_CANDIDATES: usize = 12;

/// How many ancestors of a `<time>` are checked for a "last reviewed" field.
const REVIEWED_FIELD_DEPTH: usize = 3;

/// True when a `<time>` sits in a field named for the day the page was last reviewed
/// ("Date Last Reviewed: April 2025" on health and government pages): a modification date.
fn in_reviewed_field(node: ego_tree::NodeRef<'_, Node>) -> bool {
    node.ancestors()
        .take(REVIEWED_FIELD_DEPTH)
        .any(|a| match a.value() {
            Node::Element(e) => super::boilerplate::class_and_id(e)
                .to_ascii_lowercase()
                .contains("reviewed"),
            _ => false,
        })
}

/// Gathers the signals of a parsed page.
pub fn collect(html: &Html) -> Signals {
    let mut s = Signals::default();
    for node in html.tree.nodes() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        let Some(er) = ElementRef::wrap(node) else {
            continue;
        };
        let name = el.name();
        match name {
            "meta" => {
                let key = el
                    .attr("property")
                    .or_else(|| el.attr("name"))
                    .or_else(|| el.attr("itemprop"))
                    .or_else(|| el.attr("http-equiv"));
                if let (Some(k), Some(c)) = (key, el.attr("content")) {
                    s.metas
                        .push((k.trim().to_ascii_lowercase(), c.trim().to_string()));
                }
                continue;
            }
            "script" => {
                if el
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
                {
                    s.jsonld.push(er.text().collect());
                }
                continue;
            }
            "title" if s.title.is_none() => {
                // An <svg><title> is not the page title.
                let in_svg = node
                    .ancestors()
                    .any(|a| matches!(a.value(), Node::Element(e) if e.name() == "svg"));
                if !in_svg {
                    s.title = Some(text_of(er)).filter(|t| !t.is_empty());
                }
                continue;
            }
            "h1" => {
                let t = text_of(er);
                if !t.is_empty() && s.h1.len() < MAX_CANDIDATES {
                    s.h1.push(t);
                }
            }
            "link" => {
                if el
                    .attr("rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
                    && s.canonical.is_none()
                {
                    s.canonical = el
                        .attr("href")
                        .map(|h| h.trim().to_string())
                        .filter(|h| !h.is_empty());
                }
                continue;
            }
            "html" => {
                s.html_lang = el
                    .attr("lang")
                    .or_else(|| el.attr("xml:lang"))
                    .map(str::to_string);
            }
            _ => {}
        }
        let itemprop = el.attr("itemprop").unwrap_or("");
        let class_id = super::boilerplate::class_and_id(el);
        if (name == "time" || itemprop.starts_with("date")) && s.times.len() < MAX_CANDIDATES {
            let lower = format!("{itemprop} {class_id}").to_ascii_lowercase();
            let parent_hint = node
                .parent()
                .and_then(|p| match p.value() {
                    Node::Element(pe) => {
                        Some(super::boilerplate::class_and_id(pe).to_ascii_lowercase())
                    }
                    _ => None,
                })
                .unwrap_or_default();
            s.times.push(DateElement {
                machine: el
                    .attr("datetime")
                    .or_else(|| el.attr("content"))
                    .map(str::to_string),
                text: short_text(er, 200).unwrap_or_default(),
                published_hint: el.attr("pubdate").is_some()
                    || lower.contains("published")
                    || lower.contains("datecreated")
                    || lower.contains("publish")
                    || parent_hint.contains("publish"),
                modified_hint: lower.contains("modified")
                    || lower.contains("updated")
                    || parent_hint.contains("update")
                    || parent_hint.contains("modified")
                    || in_reviewed_field(node),
            });
            continue;
        }
        if !class_id.is_empty()
            && DATE_HINT.is_match(&class_id)
            && !NOT_PUBLICATION_DATE.is_match(&class_id)
            && s.date_texts.len() < MAX_CANDIDATES
        {
            // "2 hours ago" often carries the full date in its tooltip.
            let text = short_text(er, 120).filter(|t| t.len() >= 6);
            let tooltip = el.attr("title").map(str::trim).filter(|t| t.len() >= 6);
            let dated = |t: &&str| super::date::parse_text(t).is_some();
            if let Some(t) = text
                .as_deref()
                .filter(dated)
                .or(tooltip.filter(dated))
                .or(text.as_deref())
            {
                s.date_texts.push(t.to_string());
            }
        }
        let rel_author = el.attr("rel").is_some_and(|r| {
            r.split_whitespace()
                .any(|w| w.eq_ignore_ascii_case("author"))
        });
        let prop_author =
            itemprop.eq_ignore_ascii_case("author") || itemprop.eq_ignore_ascii_case("creator");
        let class_author = AUTHOR_HINT.is_match(&class_id) && !AUTHOR_NEGATIVE.is_match(&class_id);
        let href_author = name == "a" && el.attr("href").is_some_and(|h| AUTHOR_PATH.is_match(h));
        if (rel_author || prop_author || class_author || href_author)
            && s.author_texts.len() < MAX_CANDIDATES
        {
            if let Some(t) = short_text(er, 200).filter(|t| !t.is_empty()) {
                s.author_texts.push(t);
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_in_a_last_reviewed_field_is_a_modification_date() {
        let html = Html::parse_document(
            r#"<div class="field--name-date-last-reviewed"><div class="label">Date Last Reviewed:</div>
            <div class="item"><time datetime="2025-04-14T12:00:00Z">April 2025</time></div></div>
            <p class="byline"><time datetime="2024-02-01">Feb 1, 2024</time></p>"#,
        );
        let s = collect(&html);
        assert_eq!(s.times.len(), 2);
        assert!(s.times[0].modified_hint);
        assert!(!s.times[1].modified_hint);
    }

    #[test]
    fn a_relative_date_gives_the_date_in_its_tooltip_but_a_join_date_is_ignored() {
        let html = Html::parse_document(
            r#"<span class="news-time-ago" title="2020-09-20T14:20:02Z">15 minutes ago</span>
            <span class="post-date" title="not a date">March 3, 2020</span>
            <span class="joinDateText" title="10:46 AM - 20 Mar 2007">Joined March 2007</span>"#,
        );
        let s = collect(&html);
        assert_eq!(s.date_texts, vec!["2020-09-20T14:20:02Z", "March 3, 2020"]);
    }
}
