//! schema.org metadata from `<script type="application/ld+json">`.
//!
//! Only article-like objects (`Article`, `NewsArticle`, `BlogPosting`, …) are read, also when
//! nested in `@graph` or arrays. Authors typed `Organization` are not people: they are kept as a
//! publisher candidate instead. Broken JSON (raw newlines in strings, common on the web) is
//! repaired by turning control characters into spaces before parsing.

use super::lists;
use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;

static DATE_PUBLISHED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""datePublished"\s*:\s*"([^"]{8,40})""#).unwrap());

/// What the JSON-LD of a page says about its article.
#[derive(Debug, Default, Clone)]
pub struct JsonLd {
    pub headline: Option<String>,
    pub name: Option<String>,
    pub authors: Vec<String>,
    pub organisation_authors: Vec<String>,
    pub date_published: Option<String>,
    pub date_created: Option<String>,
    pub date_modified: Option<String>,
    pub publisher: Option<String>,
    pub language: Option<String>,
    pub url: Option<String>,
    /// Whether an article-like object was found at all.
    pub found_article: bool,
    /// `WebSite`/`Organization` name at top level (the site).
    pub site_name: Option<String>,
    /// `datePublished` of a non-article object (`WebPage`, `Recipe`…), or found by pattern in
    /// JSON that could not be parsed: used when no article object has a date.
    pub other_date_published: Option<String>,
}

static ARTICLE_TYPES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lists::entries(include_str!("../../../../data/ingest/article_types.txt")));

fn types(v: &Value) -> Vec<String> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.to_ascii_lowercase()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|t| t.as_str())
            .map(|s| s.to_ascii_lowercase())
            .collect(),
        _ => Vec::new(),
    }
}

fn string_of(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s.trim().to_string(),
        Value::Array(a) => return a.iter().find_map(|x| string_of(Some(x))),
        Value::Object(_) => {
            return string_of(v?.get("name")).or_else(|| string_of(v?.get("@value")))
        }
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

fn collect_authors(v: &Value, people: &mut Vec<String>, orgs: &mut Vec<String>) {
    match v {
        Value::String(s) => {
            let s = s.trim();
            if !s.is_empty() && !s.starts_with("http") {
                people.push(s.to_string());
            }
        }
        Value::Array(a) => a.iter().for_each(|x| collect_authors(x, people, orgs)),
        Value::Object(_) => {
            let Some(name) = string_of(v.get("name")) else {
                return;
            };
            if types(v)
                .iter()
                .any(|t| t == "organization" || t == "newsmediaorganization" || t == "corporation")
            {
                orgs.push(name);
            } else {
                people.push(name);
            }
        }
        _ => {}
    }
}

fn visit(v: &Value, out: &mut JsonLd, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| visit(x, out, depth + 1)),
        Value::Object(map) => {
            let ts = types(v);
            if ts.iter().any(|t| ARTICLE_TYPES.contains(&t.as_str())) && !out.found_article {
                out.found_article = true;
                out.headline = string_of(v.get("headline"));
                out.name = string_of(v.get("name"));
                if let Some(a) = v.get("author").or_else(|| v.get("creator")) {
                    collect_authors(a, &mut out.authors, &mut out.organisation_authors);
                }
                out.date_published = string_of(v.get("datePublished"));
                out.date_created = string_of(v.get("dateCreated"));
                out.date_modified = string_of(v.get("dateModified"));
                out.publisher = string_of(v.get("publisher"));
                out.language = string_of(v.get("inLanguage"));
                out.url = string_of(v.get("url")).or_else(|| match v.get("mainEntityOfPage") {
                    Some(Value::String(s)) => Some(s.clone()),
                    Some(o @ Value::Object(_)) => string_of(o.get("@id")),
                    _ => None,
                });
            } else if ts
                .iter()
                .any(|t| t == "website" || t == "newsmediaorganization")
                && out.site_name.is_none()
            {
                out.site_name = string_of(v.get("name"));
            }
            let minor = ts.iter().any(|t| {
                matches!(
                    t.as_str(),
                    "comment"
                        | "review"
                        | "imageobject"
                        | "offer"
                        | "event"
                        | "person"
                        | "answer"
                        | "question"
                        | "webpage"
                        | "website"
                        | "collectionpage"
                        | "itempage"
                        | "searchresultspage"
                        | "aboutpage"
                        | "faqpage"
                        | "profilepage"
                        | "product"
                )
            });
            if out.other_date_published.is_none() && !minor {
                out.other_date_published =
                    string_of(v.get("datePublished")).or_else(|| string_of(v.get("uploadDate")));
            }
            if let Some(g) = map.get("@graph") {
                visit(g, out, depth + 1);
            }
            if let Some(m) = map.get("mainEntity") {
                visit(m, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// Reads every JSON-LD script of a page; the first article-like object wins.
/// The script without a `<![CDATA[ … ]]>` wrapper (optionally behind `//` or `/* */`), which
/// some sites put around their JSON-LD.
fn without_cdata(s: &str) -> &str {
    let t = s.trim();
    let Some(start) = t.find("<![CDATA[").filter(|&i| i <= 4) else {
        return s;
    };
    let inner = &t[start + "<![CDATA[".len()..];
    let end = inner.rfind("]]>").unwrap_or(inner.len());
    inner[..end]
        .trim()
        .trim_end_matches("//")
        .trim_end_matches("/*")
        .trim()
}

pub fn read<'a>(scripts: impl IntoIterator<Item = &'a str>) -> JsonLd {
    let mut out = JsonLd::default();
    for s in scripts {
        let s = without_cdata(s);
        let value = serde_json::from_str::<Value>(s).or_else(|_| {
            let repaired: String = s
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            serde_json::from_str::<Value>(&repaired)
        });
        match value {
            Ok(v) => visit(&v, &mut out, 0),
            Err(_) => {
                if out.other_date_published.is_none() {
                    out.other_date_published = DATE_PUBLISHED.captures(s).map(|c| c[1].to_string());
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::lists::checks::lowercase_unique;

    #[test]
    fn every_entry_of_article_types_txt_is_read_as_the_article() {
        lowercase_unique("article_types.txt", &ARTICLE_TYPES);
        for t in ARTICLE_TYPES.iter() {
            let j = read([format!(r#"{{"@type":"{t}","headline":"Talks"}}"#).as_str()]);
            assert!(j.found_article, "{t}");
            assert_eq!(j.headline.as_deref(), Some("Talks"));
        }
    }

    #[test]
    fn a_cdata_wrapped_script_is_read() {
        let j = read([
            "\n<![CDATA[\n{\"@type\":\"NewsArticle\",\"datePublished\":\"2015-10-15T02:19:15Z\"}\n]]>\n",
            "//<![CDATA[\n{\"@type\":\"WebSite\",\"name\":\"Daily\"}\n//]]>",
        ]);
        assert_eq!(j.date_published.as_deref(), Some("2015-10-15T02:19:15Z"));
        assert_eq!(j.site_name.as_deref(), Some("Daily"));
    }

    #[test]
    fn news_article_in_graph_is_read() {
        let j = read([
            r#"{"@graph":[{"@type":"WebSite","name":"Daily"},{"@type":"NewsArticle","headline":"Talks begin","datePublished":"2022-01-10T08:00:00Z","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Organization","name":"Daily"}]}]}"#,
        ]);
        assert_eq!(j.headline.as_deref(), Some("Talks begin"));
        assert_eq!(j.authors, vec!["Ann Lee"]);
        assert_eq!(j.organisation_authors, vec!["Daily"]);
        assert_eq!(j.site_name.as_deref(), Some("Daily"));
        assert_eq!(j.date_published.as_deref(), Some("2022-01-10T08:00:00Z"));
    }

    #[test]
    fn raw_newlines_in_strings_are_repaired() {
        let j = read(["{\"@type\":\"Article\",\"headline\":\"Two\nlines\"}"]);
        assert_eq!(j.headline.as_deref(), Some("Two lines"));
    }

    #[test]
    fn a_recipe_date_is_kept_as_a_fallback() {
        let j = read([
            r#"{"@graph":[{"@type":"Recipe","datePublished":"2020-06-04T09:27:16+00:00"}]}"#,
        ]);
        assert!(!j.found_article);
        assert_eq!(
            j.other_date_published.as_deref(),
            Some("2020-06-04T09:27:16+00:00")
        );
    }

    #[test]
    fn broken_json_still_gives_its_date() {
        let j =
            read([r#"{"@type":"NewsArticle", "datePublished": "2020-10-26T18:10:00+01:00", }}"#]);
        assert_eq!(
            j.other_date_published.as_deref(),
            Some("2020-10-26T18:10:00+01:00")
        );
    }

    #[test]
    fn garbage_is_ignored() {
        let j = read(["{not json", "[]", "42"]);
        assert!(!j.found_article);
    }
}
